package main

import (
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
