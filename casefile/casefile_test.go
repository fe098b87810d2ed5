package casefile_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/casefile"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/sqlite"
)

func TestCaseFollowsTheRelationship(t *testing.T) {
	ctx := context.Background()
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := &align.Case{Name: "Hannah", Title: "VP of Sales"}
	db.CreateCase(ctx, c)
	casefile.AddEntry(ctx, eng, db, &align.Entry{CaseID: c.ID, Kind: "situation", Text: "Our VP of Sales, Hannah, can name the exact webinar: 1,400 registrations, zero opportunities. Honestly she's right. We both report to the COO."})
	v, err := casefile.Load(ctx, eng, db, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v.Plan == "" || v.Diagnosis.Primary() != 1 || len(v.History) != 1 {
		t.Fatalf("plan %q, primary %d, history %d", v.Plan[:20], v.Diagnosis.Primary(), len(v.History))
	}
	for _, s := range v.Steps {
		if s.Done {
			t.Errorf("step %s done before any conversation", s.Label)
		}
	}
	casefile.AddEntry(ctx, eng, db, &align.Entry{CaseID: c.ID, Kind: "conversation", Text: "Had the transparency conversation. She wants leads with a real buyer behind them."})
	v2, _ := casefile.Load(ctx, eng, db, c.ID)
	if !v2.Steps[0].Done || v2.Steps[1].Done {
		t.Errorf("steps: %+v", v2.Steps)
	}
	if len(v2.History) != 2 || v2.History[0].Text == v2.History[1].Text {
		t.Errorf("history: %d snapshots", len(v2.History))
	}
	d := casefile.Diff(v2.History[0].Text, v2.History[1].Text)
	changed := 0
	for _, l := range d {
		if l.Op != " " {
			changed++
		}
	}
	if changed == 0 {
		t.Error("diff shows no change")
	}
	// Looking at a case never writes: no snapshot, no change of time.
	before, _ := db.Case(ctx, c.ID)
	for i := 0; i < 3; i++ {
		casefile.Load(ctx, eng, db, c.ID)
	}
	v3, _ := casefile.Load(ctx, eng, db, c.ID)
	if after, _ := db.Case(ctx, c.ID); len(v3.History) != 2 || !after.Updated.Equal(before.Updated) {
		t.Errorf("loading wrote: %d snapshots", len(v3.History))
	}
	if e := casefile.Earlier(v3); len(e) != 1 || e[0].Text != v2.History[0].Text {
		t.Errorf("earlier plans: %d", len(e))
	}
	in := casefile.Input(eng, *c, v3.Entries)
	if strings.Join(in.Tried, ",") != "direct_conversation" {
		t.Errorf("tried from entries: %v", in.Tried)
	}
}

func TestDiff(t *testing.T) {
	d := casefile.Diff("a\nb\nc\n", "a\nc\nd\n")
	var got []string
	for _, l := range d {
		got = append(got, l.Op+l.Text)
	}
	if strings.Join(got, "|") != " a|-b| c|+d" {
		t.Errorf("diff = %v", got)
	}
}

// TestLoadOnlyReads: a view of a case writes nothing, even when the plan
// it shows was never recorded.
func TestLoadOnlyReads(t *testing.T) {
	ctx := context.Background()
	eng, _ := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := &align.Case{Name: "Hannah"}
	db.CreateCase(ctx, c)
	db.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "situation", Text: "Our VP of Sales, Hannah, calls marketing a cost center."})
	v, err := casefile.Load(ctx, eng, db, c.ID)
	if err != nil || v.Plan == "" {
		t.Fatalf("%v %q", err, v.Plan)
	}
	if ps, _ := db.Plans(ctx, c.ID); len(ps) != 0 || len(v.History) != 0 {
		t.Errorf("viewing the case recorded %d plans", len(ps))
	}
}

// TestCaseIsPinned: a case is about one sales leader by construction. An
// entry full of lead-routing words updates the diagnosis and never
// reroutes the case to the lead-handoff refusal; every step keeps a plan.
func TestCaseIsPinned(t *testing.T) {
	ctx := context.Background()
	eng, _ := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := &align.Case{Name: "Marcus", Title: "CRO"}
	db.CreateCase(ctx, c)
	entries := []align.Entry{
		{Kind: "situation", Text: "Our CRO can name the exact webinar: 1,400 registrations, zero opportunities. Honestly he's right, our gated ebook leads were junk. We both report to the CEO."},
		{Kind: "conversation", Text: "Had the transparency conversation. He wants leads with a real buyer behind them."},
		{Kind: "change", Text: "Turned off the gated ebook routing to SDRs; only demo requests and pricing-page visits now go to sales. Lead scoring, MQL definition and the handoff SLA were rewritten."},
		{Kind: "seat", Text: "He invited me to the Monday pipeline review as an observer."},
	}
	for i := range entries {
		e := entries[i]
		e.CaseID = c.ID
		if err := casefile.AddEntry(ctx, eng, db, &e); err != nil {
			t.Fatal(err)
		}
		v, err := casefile.Load(ctx, eng, db, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if v.Plan == "" || v.Message != "" {
			t.Fatalf("after entry %d (%s): no plan, message %q", i+1, e.Kind, v.Message)
		}
		if v.Diagnosis.Route.Route != align.RouteAlignment || v.Diagnosis.Route.Reason != casefile.PinnedReason {
			t.Errorf("after entry %d: route %+v", i+1, v.Diagnosis.Route)
		}
		if !strings.Contains(v.Plan, "Marcus") {
			t.Errorf("after entry %d: the plan does not name the case's sales leader", i+1)
		}
		if i > 0 && len(v.Changes) == 0 && len(v.History) > 1 {
			t.Errorf("after entry %d: no changes since the last plan", i+1)
		}
		done := 0
		for _, s := range v.Steps {
			if s.Done {
				done++
			}
		}
		if e.Kind == "seat" && (!strings.Contains(v.Plan, "You already have a seat") || strings.Contains(v.Plan, "already said no")) {
			t.Errorf("after the seat entry the plan does not work from having the seat:\n%s", v.Plan)
		}
		if want := min(i, 3); done != want {
			t.Errorf("after entry %d: %d steps done, want %d", i+1, done, want)
		}
	}
}

// TestEntriesOrderedByWhenThenInsertion: entries come back by when they
// happened, and entries logged at the same moment in the order logged.
func TestEntriesOrderedByWhenThenInsertion(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := &align.Case{Name: "Marcus"}
	db.CreateCase(ctx, c)
	same := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for _, e := range []align.Entry{
		{Kind: "note", Text: "third", At: same.Add(time.Hour)},
		{Kind: "note", Text: "first", At: same},
		{Kind: "note", Text: "second", At: same},
	} {
		e.CaseID = c.ID
		if err := db.AddEntry(ctx, &e); err != nil {
			t.Fatal(err)
		}
	}
	es, _ := db.Entries(ctx, c.ID)
	var got []string
	for _, e := range es {
		got = append(got, e.Text)
	}
	if strings.Join(got, ",") != "first,second,third" {
		t.Errorf("order %v", got)
	}
}

// TestChangeEntryIsBuiltOn: after the user logs the change the plan asked
// for, the next plan builds on it instead of asking for it again.
func TestChangeEntryIsBuiltOn(t *testing.T) {
	ctx := context.Background()
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	c := &align.Case{Name: "Hannah", Title: "VP of Sales"}
	db.CreateCase(ctx, c)
	for _, e := range []align.Entry{
		{Kind: "situation", Text: "Our VP of Sales, Hannah, can name the exact webinar: 1,400 registrations, zero opportunities. Honestly she's right. We both report to the COO."},
		{Kind: "conversation", Text: "Had the transparency conversation. She wants leads with a real buyer behind them."},
	} {
		e.CaseID = c.ID
		if err := casefile.AddEntry(ctx, eng, db, &e); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := casefile.Load(ctx, eng, db, c.ID)
	asked := section(before.Plan, align.SecFirstChange)
	if err := casefile.AddEntry(ctx, eng, db, &align.Entry{CaseID: c.ID, Kind: "change", Text: "Made the change: we stopped sending webinar registrants to her reps, only demo requests now."}); err != nil {
		t.Fatal(err)
	}
	after, _ := casefile.Load(ctx, eng, db, c.ID)
	got := section(after.Plan, align.SecFirstChange)
	if got == asked {
		t.Fatalf("the plan still asks for the change already made:\n%s", got)
	}
	if !strings.Contains(got, "build on the change you already made") {
		t.Errorf("first change does not build on the change made:\n%s", got)
	}
	if !strings.Contains(after.Plan, "Hannah") || strings.Contains(after.Plan, "your sales leader") {
		t.Errorf("the case plan does not use the case's name:\n%s", after.Plan)
	}
}

func section(plan, name string) string {
	_, rest, _ := strings.Cut(plan, "\n"+name+"\n")
	body, _, _ := strings.Cut(rest, "\n\n")
	return body
}
