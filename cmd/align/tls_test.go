package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// selfSigned writes a certificate for 127.0.0.1 and its key.
func selfSigned(t *testing.T) (certFile, keyFile string, pool *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "align test"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(key)
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
	cert, _ := x509.ParseCertificate(der)
	pool = x509.NewCertPool()
	pool.AddCert(cert)
	return certFile, keyFile, pool
}

func TestServeTokenAndTLSFlags(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	var out, errb strings.Builder
	code := run(context.Background(), []string{"serve", "--addr", "0.0.0.0:0", "--db", db}, env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb, now: fixed,
		getenv: func(k string) string {
			if k == "ALIGN_TOKEN" {
				return "short"
			}
			return ""
		},
	})
	if code != 2 || !strings.Contains(errb.String(), "at least 16 characters") {
		t.Errorf("short token: exit %d %q", code, errb.String())
	}
	errb.Reset()
	code = run(context.Background(), []string{"mcp", "--http", "0.0.0.0:0"}, env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb, now: fixed,
		getenv: func(k string) string {
			if k == "ALIGN_TOKEN" {
				return "short"
			}
			return ""
		},
	})
	if code != 2 || !strings.Contains(errb.String(), "at least 16 characters") {
		t.Errorf("mcp short token: exit %d %q", code, errb.String())
	}
	if r := runAlign(t, "", "serve", "--addr", "127.0.0.1:0", "--db", db, "--tls-cert", "x.pem"); r.code != 2 || !strings.Contains(r.stderr, "go together") {
		t.Errorf("--tls-cert alone: exit %d %q", r.code, r.stderr)
	}
	if r := runAlign(t, "", "serve", "--addr", "127.0.0.1:0", "--db", db, "--tls-cert", "x.pem", "--tls-key", "y.pem"); r.code != 2 || !strings.Contains(r.stderr, "cannot use --tls-cert") {
		t.Errorf("missing files: exit %d %q", r.code, r.stderr)
	}
}

// TestServeTLS runs the real binary with --tls-cert and --tls-key: the
// page is served over HTTPS, and the sign-in cookie is Secure and expires.
func TestServeTLS(t *testing.T) {
	bin := buildAlign(t)
	certFile, keyFile, pool := selfSigned(t)
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--tls-cert", certFile, "--tls-key", keyFile, "--db", filepath.Join(t.TempDir(), "a.db"))
	cmd.Env = append(os.Environ(), "ALIGN_TOKEN=a-long-enough-token-0123")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	sc := bufio.NewScanner(stderr)
	base := ""
	for sc.Scan() {
		if i := strings.Index(sc.Text(), "open https://"); i >= 0 {
			base = strings.Fields(sc.Text()[i+5:])[0]
			break
		}
	}
	go io.Copy(io.Discard, stderr)
	if base == "" {
		t.Fatal("no https URL printed")
	}
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 20 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Get(base + "/signin")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`).FindSubmatch(page)
	if resp.StatusCode != 200 || m == nil {
		t.Fatalf("sign-in page over HTTPS: %d", resp.StatusCode)
	}
	resp, err = c.PostForm(base+"/signin", url.Values{"token": {"a-long-enough-token-0123"}, "csrf": {string(m[1])}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	ok := false
	for _, ck := range resp.Cookies() {
		if ck.Name == "align_auth" {
			ok = ck.Secure && ck.HttpOnly && ck.MaxAge > 0
		}
	}
	if resp.StatusCode != http.StatusSeeOther || !ok {
		t.Errorf("sign-in over HTTPS: %d, cookies %v", resp.StatusCode, resp.Header["Set-Cookie"])
	}
	// Plain HTTP on the TLS port gets nothing useful.
	if resp, err := http.Get(strings.Replace(base, "https://", "http://", 1) + "/healthz"); err == nil {
		resp.Body.Close()
		if resp.StatusCode == 200 {
			t.Error("plain HTTP served on the TLS port")
		}
	}
}
