package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"github.com/align-coach/align/internal/itest"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/casefile"
	"github.com/align-coach/align/sqlite"
)

func TestCaseCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	r := runAlign(t, "", "case", "new", "Dana", "--title", "VP of Sales", "--company", "Acme", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "case 1: Dana") {
		t.Fatalf("new: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := runAlign(t, "", "case", "plan", "1", "--db", db); r.code != 3 {
		t.Errorf("plan with no entries: exit %d", r.code)
	}
	r = runAlign(t, "", "case", "log", "1", "situation", "Our VP of Sales, Dana, told her reps to ignore our leads and calls marketing a cost center.", "--db", db)
	if r.code != 0 {
		t.Fatalf("log: %d %s", r.code, r.stderr)
	}
	r = runAlign(t, "Had the one on one. She wants a real buyer behind every lead.", "case", "log", "1", "conversation", "-", "--at", "2026-11-20", "--db", db)
	if r.code != 0 {
		t.Fatalf("log from stdin: %d %s", r.code, r.stderr)
	}
	if r := runAlign(t, "", "case", "log", "1", "rumour", "x", "--db", db); r.code != 2 {
		t.Errorf("bad kind: exit %d", r.code)
	}
	if r := runAlign(t, "", "case", "log", "9", "note", "x", "--db", db); r.code != 2 || !strings.Contains(r.stderr, "not found") {
		t.Errorf("missing case: exit %d %s", r.code, r.stderr)
	}
	r = runAlign(t, "", "case", "show", "1", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "[x] The transparency conversation") || !strings.Contains(r.stdout, "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("show: %d\n%s", r.code, r.stdout)
	}
	p := runAlign(t, "", "case", "plan", "1", "--db", db)
	if p.code != 0 || !strings.HasPrefix(p.stdout, "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("plan: %d %s", p.code, p.stderr)
	}
	if l := runAlign(t, "", "case", "list", "--db", db); !strings.Contains(l.stdout, "Dana") {
		t.Errorf("list: %s", l.stdout)
	}
	exp := runAlign(t, "", "case", "export", "--all", "--db", db)
	if exp.code != 0 {
		t.Fatalf("export: %d %s", exp.code, exp.stderr)
	}
	dump := filepath.Join(t.TempDir(), "cases.json")
	os.WriteFile(dump, []byte(exp.stdout), 0o644)
	other := filepath.Join(t.TempDir(), "other.db")
	if r := runAlign(t, "", "case", "import", dump, "--db", other); r.code != 0 || !strings.Contains(r.stdout, "imported 1") {
		t.Fatalf("import: %d %s %s", r.code, r.stdout, r.stderr)
	}
	moved := runAlign(t, "", "case", "show", "1", "--json", "--db", other)
	var v struct {
		Entries []struct{ Kind string }
	}
	if err := json.Unmarshal([]byte(moved.stdout), &v); err != nil || len(v.Entries) != 2 {
		t.Errorf("imported case: %v %d entries", err, len(v.Entries))
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"align_cases":1,"cases":[{"case":{"name":"A"}},{"case":{"name":""}}]}`), 0o644)
	if r := runAlign(t, "", "case", "import", bad, "--db", other); r.code != 2 {
		t.Errorf("bad import: exit %d", r.code)
	}
	if l := runAlign(t, "", "case", "list", "--json", "--db", other); strings.Count(l.stdout, `"name"`) != 1 {
		t.Errorf("a failed import half-applied: %s", l.stdout)
	}
}

func TestServeRefusesOpenAddressWithoutToken(t *testing.T) {
	r := runAlign(t, "", "serve", "--addr", "0.0.0.0:0", "--db", filepath.Join(t.TempDir(), "x.db"))
	if r.code != 2 || !strings.Contains(r.stderr, "ALIGN_TOKEN") {
		t.Errorf("exit %d %q", r.code, r.stderr)
	}
}

// TestServeStartsAndStops runs the real binary, as a user would.
func TestServeStartsAndStops(t *testing.T) {
	bin := buildAlign(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--allow-host", "align.example.test")
	cmd.Env = append(os.Environ(), "XDG_DATA_HOME="+dir)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	url := ""
	for sc.Scan() {
		if i := strings.Index(sc.Text(), "open http://"); i >= 0 {
			url = strings.Fields(sc.Text()[i+5:])[0]
			break
		}
	}
	go io.Copy(io.Discard, stderr)
	if url == "" {
		t.Fatal("no URL printed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", url+"/healthz", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v", err)
	}
	resp.Body.Close()
	// DNS rebinding: a name the server was not given is refused; the
	// --allow-host name is served.
	for host, want := range map[string]int{"rebind.attacker.example:8080": 403, "align.example.test:8080": 200} {
		req, _ := http.NewRequestWithContext(ctx, "GET", url+"/api/cases", nil)
		req.Host = host
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != want {
			t.Errorf("Host %s: %d, want %d", host, resp.StatusCode, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "align", "align.db")); err != nil {
		t.Errorf("database not in XDG_DATA_HOME: %v", err)
	}
	cmd.Process.Signal(os.Interrupt)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("did not shut down cleanly: %v", err)
		}
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		t.Fatal("did not shut down")
	}
}

func TestMain(m *testing.M) { os.Exit(itest.Main(m, "cmd/align")) }

// TestCaseCommandsOnPostgres uses a team database; CI provides one.
func TestCaseCommandsOnPostgres(t *testing.T) {
	url := os.Getenv("ALIGN_POSTGRES_URL")
	if url == "" {
		itest.Skip(t, "ALIGN_POSTGRES_URL is not set (.ci/run starts PostgreSQL and sets it)")
	}
	name := "Postgres test " + time.Now().Format("150405.000000")
	r := runAlign(t, "", "case", "new", name, "--db", url)
	if r.code != 0 {
		t.Fatalf("new: %d %s", r.code, r.stderr)
	}
	id := strings.TrimSuffix(strings.Fields(r.stdout)[1], ":")
	if r := runAlign(t, "", "case", "log", id, "situation", "Our CRO calls marketing a cost center.", "--db", url); r.code != 0 {
		t.Fatalf("log: %d %s", r.code, r.stderr)
	}
	if r := runAlign(t, "", "case", "plan", id, "--db", url); r.code != 0 || !strings.HasPrefix(r.stdout, "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("plan: %d %s", r.code, r.stderr)
	}
}

// TestBadTextIsRefusedAndABadEntryCanBeRemoved: NUL bytes and invalid
// UTF-8 never reach a store, and an entry stored before that rule (here
// written straight into the file) neither breaks the case's plan nor
// blocks its export; it can be removed on its own.
func TestBadTextIsRefusedAndABadEntryCanBeRemoved(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	runAlign(t, "", "case", "new", "Dana", "--db", db)
	runAlign(t, "", "case", "log", "1", "situation", "Our VP of Sales, Dana, told her reps to ignore our leads and calls marketing a cost center.", "--db", db)
	for name, args := range map[string][]string{
		"NUL in an argument":     {"case", "log", "1", "note", "before\x00after"},
		"invalid UTF-8":          {"case", "log", "1", "note", "caf\xe9"},
		"NUL in a name":          {"case", "new", "Da\x00na"},
		"NUL on standard input":  {"case", "log", "1", "note", "-"},
		"bad UTF-8 in the title": {"case", "new", "Dana", "--title", "V\xffP"},
	} {
		stdin := ""
		if args[len(args)-1] == "-" {
			stdin = "text\x00more"
		}
		r := runAlign(t, stdin, append(args, "--db", db)...)
		if r.code != 2 || !(strings.Contains(r.stderr, "NUL byte") || strings.Contains(r.stderr, "not valid UTF-8")) {
			t.Errorf("%s: exit %d %q", name, r.code, r.stderr)
		}
	}
	// An entry from before the rule.
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec(`INSERT INTO entries (case_id, kind, text, at) VALUES (1, 'note', ?, '2026-11-21T00:00:00.000000000Z')`, "bad\x00entry \xff"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	if r := runAlign(t, "", "case", "plan", "1", "--db", db); r.code != 0 {
		t.Errorf("a bad entry broke the plan: %d %s", r.code, r.stderr)
	}
	show := runAlign(t, "", "case", "show", "1", "--db", db)
	if !strings.Contains(show.stdout, "#2 ") {
		t.Fatalf("show does not number the entries:\n%s", show.stdout)
	}
	exp := runAlign(t, "", "case", "export", "1", "--db", db)
	dump := filepath.Join(t.TempDir(), "cases.json")
	os.WriteFile(dump, []byte(exp.stdout), 0o600)
	other := filepath.Join(t.TempDir(), "other.db")
	if r := runAlign(t, "", "case", "import", dump, "--db", other); r.code != 2 || !strings.Contains(r.stderr, "case 1, entry 1: the entry text contains a NUL byte") {
		t.Errorf("import of a bad entry: %d %q", r.code, r.stderr)
	}
	if r := runAlign(t, "", "case", "rm-entry", "1", "2", "--db", db); r.code != 0 || !strings.Contains(r.stdout, "removed entry 2") {
		t.Fatalf("rm-entry: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := runAlign(t, "", "case", "rm-entry", "1", "2", "--db", db); r.code != 2 || !strings.Contains(r.stderr, "not found") {
		t.Errorf("rm-entry twice: %d %s", r.code, r.stderr)
	}
	if r := runAlign(t, "", "case", "rm-entry", "1", "x", "--db", db); r.code != 2 {
		t.Errorf("rm-entry x: %d %s", r.code, r.stderr)
	}
	exp = runAlign(t, "", "case", "export", "1", "--db", db)
	os.WriteFile(dump, []byte(exp.stdout), 0o600)
	if r := runAlign(t, "", "case", "import", dump, "--db", other); r.code != 0 {
		t.Errorf("import after rm-entry: %d %q", r.code, r.stderr)
	}
	if url := os.Getenv("ALIGN_POSTGRES_URL"); url != "" {
		if r := runAlign(t, "", "case", "import", dump, "--db", url); r.code != 0 {
			t.Errorf("import into PostgreSQL: %d %q", r.code, r.stderr)
		}
		bad := filepath.Join(t.TempDir(), "bad.json")
		os.WriteFile(bad, []byte(`{"align_cases":1,"cases":[{"case":{"name":"A"},"entries":[{"kind":"note","text":"a\u0000b"}]}]}`), 0o600)
		if r := runAlign(t, "", "case", "import", bad, "--db", url); r.code != 2 || !strings.Contains(r.stderr, "NUL byte") {
			t.Errorf("bad import into PostgreSQL: %d %q", r.code, r.stderr)
		}
	}
}

// TestLargeExportRoundTrips: a case with many long notes (20 MiB in all)
// exports and imports back, on SQLite and PostgreSQL; the 1 MiB limit is
// for one situation or entry, not for a backup. Under -race it uses 2 MiB;
// .ci/run runs it at 20 MiB without -race.
func TestLargeExportRoundTrips(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	store, err := sqlite.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := &align.Case{Name: "Dana", Title: "VP of Sales"}
	if err := store.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	note := strings.Repeat("Our VP of Sales, Dana, says the leads are junk and her reps ignore them. ", (900<<10)/74)
	entries, want := 24, 20<<20
	if raceEnabled {
		entries, want = 3, 2<<20
	}
	for i := 0; i < entries; i++ {
		if err := store.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "situation", Text: fmt.Sprintf("%d %s", i, note)}); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()
	exp := runAlign(t, "", "case", "export", "--all", "--db", db)
	if exp.code != 0 || len(exp.stdout) < want {
		t.Fatalf("export: %d, %d bytes, %s", exp.code, len(exp.stdout), exp.stderr)
	}
	dump := filepath.Join(t.TempDir(), "cases.json")
	os.WriteFile(dump, []byte(exp.stdout), 0o600)
	targets := []string{filepath.Join(t.TempDir(), "other.db")}
	if url := os.Getenv("ALIGN_POSTGRES_URL"); url != "" {
		targets = append(targets, url)
	}
	for _, to := range targets {
		r := runAlign(t, "", "case", "import", dump, "--db", to)
		if r.code != 0 || !strings.Contains(r.stdout, "imported 1 case") {
			t.Fatalf("import into %s: %d %s", redact(to), r.code, r.stderr)
		}
		m := regexp.MustCompile(`created +case (\d+):`).FindStringSubmatch(r.stdout)
		if m == nil {
			t.Fatalf("import into %s names no created case: %s", redact(to), r.stdout)
		}
		id := m[1]
		again := runAlign(t, "", "case", "export", id, "--db", to)
		var a, b casefile.ExportFile
		json.Unmarshal([]byte(exp.stdout), &a)
		json.Unmarshal([]byte(again.stdout), &b)
		if len(b.Cases) != 1 || len(b.Cases[0].Entries) != entries || b.Cases[0].Entries[entries-1].Text != a.Cases[0].Entries[entries-1].Text {
			t.Errorf("round trip through %s lost entries", redact(to))
		}
		if raceEnabled {
			continue
		}
		if p := runAlign(t, "", "case", "plan", id, "--db", to); p.code != 0 {
			t.Errorf("plan of a case longer than one situation: %d %s", p.code, p.stderr)
		}
	}
}

// TestServeBusyPortSaysAddr: a port in use gets one line that names
// --addr, and exit 2.
func TestServeBusyPortSaysAddr(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	r := runAlign(t, "", "serve", "--addr", ln.Addr().String(), "--db", filepath.Join(t.TempDir(), "a.db"))
	if r.code != 2 || !strings.Contains(r.stderr, "another program is using that port; choose another with --addr") || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("busy port: exit %d, %q", r.code, r.stderr)
	}
}
