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
