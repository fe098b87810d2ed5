package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/guard"
	alignhttp "github.com/align-coach/align/http"
	"github.com/align-coach/align/postgres"
	"github.com/align-coach/align/sqlite"
)

// defaultDB is $XDG_DATA_HOME/align/align.db, or the platform's data
// directory: ~/.local/share on Linux, ~/Library/Application Support on
// macOS, %LocalAppData% on Windows.
func defaultDB(getenv func(string) string) string {
	if x := getenv("XDG_DATA_HOME"); x != "" {
		return filepath.Join(x, "align", "align.db")
	}
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "align", "align.db")
	case "windows":
		if d := getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "align", "align.db")
		}
	}
	return filepath.Join(home, ".local", "share", "align", "align.db")
}

// openStore opens the case store: PostgreSQL for a postgres:// URL (a team
// server), otherwise a SQLite file.
func openStore(path string) (align.Store, error) {
	if strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://") {
		return postgres.Open(path)
	}
	return sqlite.Open(path)
}

// dbPath picks the database: the flag, then ALIGN_DB, then the default.
func dbPath(flag string, getenv func(string) string) string {
	if flag != "" {
		return flag
	}
	if v := getenv("ALIGN_DB"); v != "" {
		return v
	}
	return defaultDB(getenv)
}

func serveCmd(ctx context.Context, eng *engine.Engine, e env) *cobra.Command {
	var addr, db, certFile, keyFile string
	var allow []string
	c := &cobra.Command{
		Use:   "serve",
		Short: "Serve the web page and the JSON API",
		Long: `serve starts align's web page and JSON API, with case files kept in one
SQLite file. With no flags it listens on 127.0.0.1:8080 and keeps its data in
$XDG_DATA_HOME/align/align.db (or the platform's data directory). --addr and
--db, or ALIGN_ADDR and ALIGN_DB, change that. Binding an address other than
loopback requires ALIGN_TOKEN, of at least 16 characters. With --tls-cert
and --tls-key it serves HTTPS, and the sign-in cookie is then sent over
HTTPS only.

The server answers only to requests addressed to it by IP address, as
localhost, or by the host name in --addr; to reach it by another name (a
team server at align.example.com), add --allow-host align.example.com or
ALIGN_ALLOW_HOSTS. This stops a web page from reaching align through a
domain it controls (DNS rebinding).`,
		Example: `  align serve
  align serve --addr 127.0.0.1:9000 --db ./cases.db
  ALIGN_TOKEN=$(openssl rand -hex 16) align serve --addr 0.0.0.0:8080 --allow-host align.example.com
  align serve --tls-cert cert.pem --tls-key key.pem`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if addr == "" {
				addr = e.getenv("ALIGN_ADDR")
			}
			if addr == "" {
				addr = "127.0.0.1:8080"
			}
			token := e.getenv("ALIGN_TOKEN")
			if !guard.IsLoopback(addr) && token == "" {
				return align.Errorf(align.EINVALID, "refusing to serve on %s without ALIGN_TOKEN: set it, or bind a loopback address such as 127.0.0.1", addr)
			}
			if token != "" {
				if err := guard.CheckToken(token); err != nil {
					return err
				}
			}
			var tlsConfig *tls.Config
			if (certFile == "") != (keyFile == "") {
				return align.Errorf(align.EINVALID, "--tls-cert and --tls-key go together: give both, or neither")
			}
			if certFile != "" {
				cert, err := tls.LoadX509KeyPair(certFile, keyFile)
				if err != nil {
					return align.Errorf(align.EINVALID, "cannot use --tls-cert %s and --tls-key %s: %v", certFile, keyFile, err)
				}
				tlsConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
			}
			path := dbPath(db, e.getenv)
			store, err := openStore(path)
			if err != nil {
				return err
			}
			defer store.Close()
			logger := slog.New(slog.NewTextHandler(e.stderr, nil))
			srv, err := alignhttp.NewServer(eng, store, token, logger)
			if err != nil {
				return err
			}
			srv.Hosts = allowedHosts(addr, allow, e.getenv)
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				if errors.Is(err, syscall.EADDRINUSE) {
					return align.Errorf(align.EINVALID, "cannot listen on %s: another program is using that port; choose another with --addr, for example align serve --addr 127.0.0.1:8081", addr)
				}
				return align.Errorf(align.EINVALID, "cannot listen on %s: %v", addr, err)
			}
			scheme := "http"
			if tlsConfig != nil {
				ln = tls.NewListener(ln, tlsConfig)
				scheme = "https"
			}
			hs := &http.Server{
				Handler:           srv.Handler(),
				ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout:       30 * time.Second,
				WriteTimeout:      30 * time.Second,
				IdleTimeout:       2 * time.Minute,
			}
			logger.Info("align is serving", "url", scheme+"://"+ln.Addr().String(), "db", redact(path))
			fmt.Fprintf(e.stderr, "align: open %s://%s in your browser (Ctrl-C to stop)\n", scheme, ln.Addr())
			errc := make(chan error, 1)
			go func() { errc <- hs.Serve(ln) }()
			select {
			case err := <-errc:
				if !errors.Is(err, http.ErrServerClosed) {
					return err
				}
			case <-ctx.Done():
				logger.Info("shutting down; finishing requests in flight")
				sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
				defer cancel()
				if err := hs.Shutdown(sctx); err != nil {
					return err
				}
			}
			return nil
		},
	}
	c.Flags().StringVar(&addr, "addr", "", "address to listen on (default 127.0.0.1:8080, or ALIGN_ADDR)")
	c.Flags().StringVar(&db, "db", "", "SQLite database file or postgres:// URL (default a file in the data directory, or ALIGN_DB)")
	c.Flags().StringVar(&certFile, "tls-cert", "", "serve HTTPS with this certificate file (PEM); needs --tls-key")
	c.Flags().StringVar(&keyFile, "tls-key", "", "the private key file (PEM) for --tls-cert")
	c.Flags().StringSliceVar(&allow, "allow-host", nil, "a host name the server answers to besides IP addresses, localhost and the --addr host (or ALIGN_ALLOW_HOSTS, comma-separated)")
	return c
}

// allowedHosts is the Host names a server answers to: the flag's, then
// ALIGN_ALLOW_HOSTS, plus the host part of addr.
func allowedHosts(addr string, flag []string, getenv func(string) string) guard.Hosts {
	if len(flag) == 0 {
		if v := getenv("ALIGN_ALLOW_HOSTS"); v != "" {
			flag = []string{v}
		}
	}
	return guard.NewHosts(addr, flag)
}

// redact hides a password in a database URL before it is logged.
func redact(path string) string {
	u, err := url.Parse(path)
	if err != nil || u.User == nil {
		return path
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxx")
	}
	return u.String()
}
