package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/sqlite"
)

func MustOpen(tb testing.TB, path string) *sqlite.DB {
	tb.Helper()
	db, err := sqlite.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestMigrationFromEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "align.db")
	db := MustOpen(t, path)
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	var n int
	if err := raw.QueryRow(`SELECT COUNT(*) FROM migrations`).Scan(&n); err != nil || n == 0 {
		t.Fatalf("migrations table: %d %v", n, err)
	}
	var mode string
	raw.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal mode %q", mode)
	}
	// Opening again applies nothing twice.
	MustOpen(t, path)
}

func TestCaseLifecycle(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t, filepath.Join(t.TempDir(), "a.db"))
	db.Now = func() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }
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
	if err := db.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "gossip", Text: "x"}); align.ErrorCode(err) != align.EINVALID {
		t.Errorf("bad kind: %v", err)
	}
	if err := db.AddEntry(ctx, &align.Entry{CaseID: 999, Kind: "note", Text: "x"}); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("entry on missing case: %v", err)
	}
	es, err := db.Entries(ctx, c.ID)
	if err != nil || len(es) != 1 || es[0].Text != e.Text {
		t.Fatalf("entries: %v %+v", err, es)
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
	if err := db.DeleteCase(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Case(ctx, c.ID); align.ErrorCode(err) != align.ENOTFOUND {
		t.Errorf("deleted case: %v", err)
	}
	if ps, _ := db.Plans(ctx, c.ID); len(ps) != 0 {
		t.Error("plans survived the case")
	}
}

func TestConcurrentWritersAndReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.db")
	db := MustOpen(t, path)
	c := &align.Case{Name: "Omar"}
	if err := db.CreateCase(ctx, c); err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 200)
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
	// A second connection to the same file writes at the same time.
	other := MustOpen(t, path)
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
	again := MustOpen(t, path)
	es, err := again.Entries(ctx, c.ID)
	if err != nil || len(es) != 200 {
		t.Fatalf("after reopen: %d entries, %v", len(es), err)
	}
	cs, _ := again.Cases(ctx)
	if len(cs) != 21 {
		t.Errorf("after reopen: %d cases", len(cs))
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	db := MustOpen(t, filepath.Join(t.TempDir(), "i.db"))
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
}

func TestOpenBadPath(t *testing.T) {
	dir := t.TempDir()
	if _, err := sqlite.Open(dir); err == nil {
		t.Error("opened a directory as a database")
	}
}
