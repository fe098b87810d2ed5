package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCaseKeepsItsPlanThroughFourEntries: a case's route is pinned at
// alignment, so a "change" entry full of lead-routing words updates the
// plan and never turns `align case plan` into the lead-handoff refusal.
func TestCaseKeepsItsPlanThroughFourEntries(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	if r := runAlign(t, "", "case", "new", "Marcus", "--title", "CRO", "--db", db); r.code != 0 {
		t.Fatalf("new: %d %s", r.code, r.stderr)
	}
	entries := [][2]string{
		{"situation", "Our CRO can name the exact webinar: 1,400 registrations, zero opportunities. Honestly he's right, our gated ebook leads were junk. We both report to the CEO."},
		{"conversation", "Had the transparency conversation. He wants leads with a real buyer behind them."},
		{"change", "Turned off the gated ebook routing to SDRs; only demo requests and pricing-page visits now go to sales. Lead scoring, MQL definition and the handoff SLA were rewritten."},
		{"seat", "He invited me to the Monday pipeline review as an observer."},
	}
	for i, en := range entries {
		if r := runAlign(t, "", "case", "log", "1", en[0], en[1], "--db", db); r.code != 0 {
			t.Fatalf("log %s: %d %s", en[0], r.code, r.stderr)
		}
		p := runAlign(t, "", "case", "plan", "1", "--db", db)
		if p.code != 0 || !strings.Contains(p.stdout, "SALES LEADER ALIGNMENT PLAN") {
			t.Fatalf("after entry %d (%s): exit %d, %s%s", i+1, en[0], p.code, p.stdout, p.stderr)
		}
		if !strings.Contains(p.stdout, "Marcus") {
			t.Errorf("after entry %d: the plan does not name the case's sales leader", i+1)
		}
	}
	show := runAlign(t, "", "case", "show", "1", "--db", db)
	for _, want := range []string{"[x] The transparency conversation", "[x] Come back with one change", "[x] A seat at the pipeline review", "[ ] A win credited to sales", "What changed since the last plan:"} {
		if !strings.Contains(show.stdout, want) {
			t.Errorf("case show lacks %q:\n%s", want, show.stdout)
		}
	}
}

// TestCaseImportSaysWhatItDid: importing into the same database skips the
// cases already there, a changed case is a conflict that imports nothing
// unless --as-new, and every line says what happened.
func TestCaseImportSaysWhatItDid(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	runAlign(t, "", "case", "new", "Dana", "--title", "VP of Sales", "--db", db)
	runAlign(t, "", "case", "log", "1", "situation", "Our VP of Sales, Dana, calls marketing a cost center.", "--db", db)
	runAlign(t, "", "case", "new", "Greg", "--db", db)
	exp := runAlign(t, "", "case", "export", "--all", "--db", db)
	dump := filepath.Join(dir, "cases.json")
	if err := os.WriteFile(dump, []byte(exp.stdout), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runAlign(t, "", "case", "import", dump, "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "imported 0 case(s); skipped 2 already here; 0 conflict(s)") ||
		!strings.Contains(r.stdout, "skipped   case 1: Dana (identical, already here)") {
		t.Fatalf("same database: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if l := runAlign(t, "", "case", "list", "--json", "--db", db); strings.Count(l.stdout, `"name"`) != 2 {
		t.Errorf("import duplicated cases: %s", l.stdout)
	}
	// The case changes here after the export: the file's version differs.
	runAlign(t, "", "case", "log", "1", "conversation", "Had the one on one.", "--db", db)
	r = runAlign(t, "", "case", "import", dump, "--db", db)
	if r.code != 2 || !strings.Contains(r.stderr, "nothing imported: the file has a different version of Dana (case 1 here); use --as-new") {
		t.Fatalf("conflict: %d %s %s", r.code, r.stdout, r.stderr)
	}
	r = runAlign(t, "", "case", "import", dump, "--as-new", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "imported 1 case(s); skipped 1 already here; 1 conflict(s)") ||
		!strings.Contains(r.stdout, "conflict  Dana differs from case 1 here; imported as a new case") {
		t.Fatalf("--as-new: %d %s %s", r.code, r.stdout, r.stderr)
	}
	// Into a new database everything is created.
	r = runAlign(t, "", "case", "import", dump, "--db", filepath.Join(dir, "other.db"))
	if r.code != 0 || !strings.Contains(r.stdout, "imported 2 case(s); skipped 0 already here") || !strings.Contains(r.stdout, "created   case 1: Dana") {
		t.Fatalf("new database: %d %s %s", r.code, r.stdout, r.stderr)
	}
}

// TestCaseListShowsProgress: the list gives each case's type, urgency,
// steps done and last entry.
func TestCaseListShowsProgress(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	runAlign(t, "", "case", "new", "Dana", "--title", "VP of Sales", "--db", db)
	runAlign(t, "", "case", "log", "1", "situation", "Our VP of Sales, Dana, can name the exact webinar: 1,400 registrations, zero opportunities. Honestly she's right.", "--at", "2026-11-20", "--db", db)
	runAlign(t, "", "case", "log", "1", "conversation", "Had the one on one.", "--at", "2026-11-23", "--db", db)
	runAlign(t, "", "case", "new", "Greg", "--db", db)
	l := runAlign(t, "", "case", "list", "--db", db)
	for _, want := range []string{"   1  Dana, VP of Sales\n      Type 1, earned skepticism; urgency ", "; 1 of 4 steps done; last entry 2026-11-23, Conversation held\n", "   2  Greg\n      nothing logged yet; 0 of 4 steps done\n"} {
		if !strings.Contains(l.stdout, want) {
			t.Errorf("list lacks %q:\n%s", want, l.stdout)
		}
	}
	j := runAlign(t, "", "case", "list", "--json", "--db", db)
	for _, want := range []string{`"misalignment_type": "Type 1, earned skepticism"`, `"steps_done": 1`, `"last_entry": {`, `"name": "Dana"`} {
		if !strings.Contains(j.stdout, want) {
			t.Errorf("list --json lacks %s:\n%s", want, j.stdout)
		}
	}
}
