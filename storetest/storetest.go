// Package storetest is the behaviour every align.Store must have, as
// tests that run against a real database. The SQLite and Postgres
// packages each call Run with a function that opens a fresh, empty store.
package storetest

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/casefile"
)

// Opener opens a fresh, empty store; reopen opens the same one again.
type Opener func(t *testing.T) (store align.Store, reopen func() align.Store)

// Run runs every store test.
func Run(t *testing.T, open Opener) {
	t.Run("lifecycle", func(t *testing.T) { lifecycle(t, open) })
	t.Run("concurrent writers and reopen", func(t *testing.T) { concurrent(t, open) })
	t.Run("import is all or nothing", func(t *testing.T) { importAll(t, open) })
	t.Run("text that is not text is refused", func(t *testing.T) { badText(t, open) })
	t.Run("one entry can be deleted", func(t *testing.T) { deleteEntry(t, open) })
	t.Run("entries sort in time order within a second", func(t *testing.T) { subSecond(t, open) })
	t.Run("entries of the same moment keep the order logged", func(t *testing.T) { sameMoment(t, open) })
	t.Run("importing the same cases twice creates nothing new", func(t *testing.T) { importTwice(t, open) })
}

func sameMoment(t *testing.T, open Opener) {
	ctx := context.Background()
	db, _ := open(t)
	c := &align.Case{Name: "Marcus"}
	if err := db.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for _, e := range []align.Entry{{Kind: "note", Text: "third", At: at.Add(time.Minute)}, {Kind: "note", Text: "first", At: at}, {Kind: "note", Text: "second", At: at}} {
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

func importTwice(t *testing.T, open Opener) {
	ctx := context.Background()
	db, _ := open(t)
	c := &align.Case{Name: "Priya", Title: "CRO"}
	if err := db.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	db.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "situation", Text: "She says the leads are junk.", At: time.Date(2026, 11, 20, 10, 0, 0, 123456789, time.UTC)})
	x, err := casefile.Export(ctx, db, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := casefile.Import(ctx, db, []align.CaseExport{x, x}, false)
	if err != nil || len(rep.Created) != 0 || len(rep.Identical) != 1 || len(rep.Conflicts) != 0 {
		t.Fatalf("same store: %+v %v", rep, err)
	}
	if cs, _ := db.Cases(ctx); len(cs) != 1 {
		t.Errorf("import duplicated the case: %d cases", len(cs))
	}
	x.Entries[0].Text = "She says the leads are fine now."
	if _, err := casefile.Import(ctx, db, []align.CaseExport{x}, false); align.ErrorCode(err) != align.EINVALID || !strings.Contains(err.Error(), "use --as-new") {
		t.Errorf("conflict: %v", err)
	}
	if rep, err = casefile.Import(ctx, db, []align.CaseExport{x}, true); err != nil || len(rep.Created) != 1 || len(rep.Conflicts) != 1 {
		t.Errorf("--as-new: %+v %v", rep, err)
	}
}

func subSecond(t *testing.T, open Opener) {
	ctx := context.Background()
	db, _ := open(t)
	c := &align.Case{Name: "Dana"}
	db.CreateCase(ctx, c)
	base := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	for _, off := range []time.Duration{500 * time.Millisecond, 0, 120 * time.Microsecond, 999 * time.Millisecond} {
		if err := db.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "note", Text: off.String(), At: base.Add(off)}); err != nil {
			t.Fatal(err)
		}
	}
	es, _ := db.Entries(ctx, c.ID)
	var got []string
	for _, e := range es {
		got = append(got, e.Text)
	}
	if strings.Join(got, " ") != "0s 120µs 500ms 999ms" {
		t.Errorf("order: %v", got)
	}
}

// badText: NUL bytes and invalid UTF-8 are refused by every write, with
// the same error, and nothing is stored.
func badText(t *testing.T, open Opener) {
	ctx := context.Background()
	db, _ := open(t)
	c := &align.Case{Name: "Dana"}
	if err := db.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	for name, bad := range map[string]string{"NUL": "before\x00after", "invalid UTF-8": "caf\xe9 leads", "lone surrogate bytes": "\xed\xa0\x80"} {
		if err := db.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "note", Text: bad}); align.ErrorCode(err) != align.EINVALID {
			t.Errorf("%s entry: %v", name, err)
		}
		if err := db.CreateCase(ctx, &align.Case{Name: bad}); align.ErrorCode(err) != align.EINVALID {
			t.Errorf("%s case name: %v", name, err)
		}
		if err := db.UpdateCase(ctx, &align.Case{ID: c.ID, Name: "Dana", Company: bad}); align.ErrorCode(err) != align.EINVALID {
			t.Errorf("%s company: %v", name, err)
		}
		x := align.CaseExport{Case: align.Case{Name: "Imported"}, Entries: []align.Entry{{Kind: "note", Text: "fine"}, {Kind: "note", Text: bad}}}
		if _, err := db.Import(ctx, []align.CaseExport{x}); align.ErrorCode(err) != align.EINVALID || !strings.Contains(err.Error(), "case 1, entry 2") {
			t.Errorf("%s import: %v", name, err)
		}
	}
	if es, _ := db.Entries(ctx, c.ID); len(es) != 0 {
		t.Errorf("bad text was stored: %+v", es)
	}
	if cs, _ := db.Cases(ctx); len(cs) != 1 || cs[0].Company != "" {
		t.Errorf("cases: %+v", cs)
	}
}

func deleteEntry(t *testing.T, open Opener) {
	ctx := context.Background()
	db, _ := open(t)
	c := &align.Case{Name: "Dana"}
	other := &align.Case{Name: "Omar"}
	db.CreateCase(ctx, c)
	db.CreateCase(ctx, other)
	var ids []int64
	for _, text := range []string{"one", "two", "three"} {
		e := &align.Entry{CaseID: c.ID, Kind: "note", Text: text}
		if err := db.AddEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, e.ID)
	}
	if err := db.DeleteEntry(ctx, c.ID, ids[1]); err != nil {
		t.Fatal(err)
	}
	es, _ := db.Entries(ctx, c.ID)
	if len(es) != 2 || es[0].Text != "one" || es[1].Text != "three" {
		t.Errorf("after delete: %+v", es)
	}
	if err := db.DeleteEntry(ctx, c.ID, ids[1]); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("delete twice: %v", err)
	}
	if err := db.DeleteEntry(ctx, other.ID, ids[0]); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("delete through another case: %v", err)
	}
	if err := db.DeleteEntry(ctx, 999, ids[0]); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("delete on a missing case: %v", err)
	}
	if es, _ := db.Entries(ctx, c.ID); len(es) != 2 {
		t.Errorf("a refused delete removed something: %+v", es)
	}
}

func lifecycle(t *testing.T, open Opener) {
	ctx := context.Background()
	db, _ := open(t)
	c := &align.Case{Name: "Dana", Title: "VP of Sales", Company: "Acme", Role: "VP Marketing"}
	if err := db.CreateCase(ctx, c); err != nil || c.ID == 0 {
		t.Fatalf("create: %v %+v", err, c)
	}
	if err := db.CreateCase(ctx, &align.Case{}); align.ErrorCode(err) != align.EINVALID {
		t.Errorf("empty case: %v", err)
	}
	c.Title = "CRO"
	if err := db.UpdateCase(ctx, c); err != nil || c.Title != "CRO" {
		t.Fatalf("update: %v", err)
	}
	if err := db.UpdateCase(ctx, &align.Case{ID: 999, Name: "x"}); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("update missing: %v", err)
	}
	e := &align.Entry{CaseID: c.ID, Kind: align.EntryConversation, Text: "Had the one on one; she listed three bad lead sources."}
	if err := db.AddEntry(ctx, e); err != nil || e.ID == 0 {
		t.Fatalf("entry: %v", err)
	}
	early := &align.Entry{CaseID: c.ID, Kind: align.EntrySituation, Text: "Where it started.", At: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
	if err := db.AddEntry(ctx, early); err != nil {
		t.Fatal(err)
	}
	if err := db.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "gossip", Text: "x"}); align.ErrorCode(err) != align.EINVALID {
		t.Errorf("bad kind: %v", err)
	}
	if err := db.AddEntry(ctx, &align.Entry{CaseID: 999, Kind: "note", Text: "x"}); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("entry on missing case: %v", err)
	}
	es, err := db.Entries(ctx, c.ID)
	if err != nil || len(es) != 2 || es[0].Text != early.Text || es[1].Text != e.Text {
		t.Fatalf("entries in time order: %v %+v", err, es)
	}
	if !es[0].At.Equal(early.At) {
		t.Errorf("entry time %v, want %v", es[0].At, early.At)
	}
	if _, err := db.Entries(ctx, 999); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("entries of a missing case: %v", err)
	}
	saved, err := db.SavePlan(ctx, &align.PlanSnapshot{CaseID: c.ID, Text: "plan one"})
	if err != nil || !saved {
		t.Fatalf("save plan: %v %v", saved, err)
	}
	if saved, _ := db.SavePlan(ctx, &align.PlanSnapshot{CaseID: c.ID, Text: "plan one"}); saved {
		t.Error("an unchanged plan was saved twice")
	}
	db.SavePlan(ctx, &align.PlanSnapshot{CaseID: c.ID, Text: "plan two"})
	if ps, _ := db.Plans(ctx, c.ID); len(ps) != 2 || ps[1].Text != "plan two" {
		t.Errorf("plans: %+v", ps)
	}
	if _, err := db.SavePlan(ctx, &align.PlanSnapshot{CaseID: 999, Text: "x"}); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("plan on a missing case: %v", err)
	}
	if err := db.DeleteCase(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Case(ctx, c.ID); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("deleted case: %v", err)
	}
	if ps, _ := db.Plans(ctx, c.ID); len(ps) != 0 {
		t.Error("plans survived the case")
	}
	if err := db.DeleteCase(ctx, c.ID); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("delete twice: %v", err)
	}
}

func concurrent(t *testing.T, open Opener) {
	ctx := context.Background()
	db, reopen := open(t)
	c := &align.Case{Name: "Omar"}
	if err := db.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 400)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < 25; i++ {
				if err := db.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "note", Text: fmt.Sprintf("writer %d entry %d", w, i)}); err != nil {
					errs <- err
				}
			}
		}(w)
	}
	// A second connection to the same database writes at the same time.
	other := reopen()
	for i := 0; i < 20; i++ {
		if err := other.CreateCase(ctx, &align.Case{Name: fmt.Sprintf("leader %d", i)}); err != nil {
			errs <- err
		}
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	db.Close()
	other.Close()
	again := reopen()
	defer again.Close()
	es, err := again.Entries(ctx, c.ID)
	if err != nil || len(es) != 200 {
		t.Fatalf("after reopen: %d entries, %v", len(es), err)
	}
	if cs, _ := again.Cases(ctx); len(cs) != 21 {
		t.Errorf("after reopen: %d cases", len(cs))
	}
}

func importAll(t *testing.T, open Opener) {
	ctx := context.Background()
	db, _ := open(t)
	good := align.CaseExport{Case: align.Case{Name: "Priya"}, Entries: []align.Entry{{Kind: "situation", Text: "She says the leads are junk."}},
		Plans: []align.PlanSnapshot{{Text: "old plan"}}}
	bad := align.CaseExport{Case: align.Case{Name: "Rick"}, Entries: []align.Entry{{Kind: "rumour", Text: "x"}}}
	if _, err := db.Import(ctx, []align.CaseExport{good, bad}); align.ErrorCode(err) != align.EINVALID {
		t.Fatalf("bad import: %v", err)
	}
	if cs, _ := db.Cases(ctx); len(cs) != 0 {
		t.Fatalf("half an import landed: %+v", cs)
	}
	ids, err := db.Import(ctx, []align.CaseExport{good, good})
	if err != nil || len(ids) != 2 {
		t.Fatal(err)
	}
	if es, _ := db.Entries(ctx, ids[1]); len(es) != 1 {
		t.Errorf("entries: %+v", es)
	}
	if ps, _ := db.Plans(ctx, ids[0]); len(ps) != 1 || ps[0].Text != "old plan" {
		t.Errorf("plans: %+v", ps)
	}
}
