package sqlite_test

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/sqlite"
	"github.com/align-coach/align/storetest"
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

func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (align.Store, func() align.Store) {
		path := filepath.Join(t.TempDir(), "align.db")
		db := MustOpen(t, path)
		return db, func() align.Store { return MustOpen(t, path) }
	})
}

func TestOpenBadPath(t *testing.T) {
	dir := t.TempDir()
	if _, err := sqlite.Open(dir); err == nil {
		t.Error("opened a directory as a database")
	}
}

// TestOddPathsAndPrivateFile: a path with ?, #, % or a space opens the
// file it names, and the file is the user's only (0600).
func TestOddPathsAndPrivateFile(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"what?.db", "a#b.db", "100%.db", "with space.db", "q?_pragma=x.db"} {
		path := filepath.Join(dir, name)
		db := MustOpen(t, path)
		if err := db.CreateCase(context.Background(), &align.Case{Name: "Dana"}); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		db.Close()
		for _, f := range []string{path, path + "-wal", path + "-shm"} {
			st, err := os.Stat(f)
			if err != nil {
				if f == path {
					t.Errorf("%s: the database is not at the path given: %v", name, err)
				}
				continue
			}
			if st.Mode().Perm() != 0o600 {
				t.Errorf("%s: mode %v, want 0600", f, st.Mode().Perm())
			}
		}
		again := MustOpen(t, path)
		if cs, _ := again.Cases(context.Background()); len(cs) != 1 {
			t.Errorf("%s: reopened, %d cases", name, len(cs))
		}
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".db") && !strings.HasSuffix(e.Name(), "-wal") && !strings.HasSuffix(e.Name(), "-shm") {
			t.Errorf("stray file %q", e.Name())
		}
	}
}

func TestSynchronousIsFull(t *testing.T) {
	db := MustOpen(t, filepath.Join(t.TempDir(), "a.db"))
	if got := sqlite.Synchronous(db); got != 2 {
		t.Errorf("synchronous = %d, want 2 (FULL)", got)
	}
}

// BenchmarkAddEntry measures what FULL costs over NORMAL: one
// acknowledged entry, each an fsync'd transaction.
func BenchmarkAddEntry(b *testing.B) {
	for _, mode := range []string{"NORMAL", "FULL"} {
		b.Run(mode, func(b *testing.B) {
			db, err := sqlite.OpenSynchronous(filepath.Join(b.TempDir(), "a.db"), mode)
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			ctx := context.Background()
			c := &align.Case{Name: "Dana"}
			db.CreateCase(ctx, c)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if err := db.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: "note", Text: "Had the one on one; she listed three bad lead sources."}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestOldTimesAreRewritten: a database written with trimmed times sorts
// correctly after the migration.
func TestOldTimesAreRewritten(t *testing.T) {
	path := filepath.Join(t.TempDir(), "old.db")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	schema, _ := os.ReadFile("migrations/0001_cases.sql")
	for _, q := range []string{`CREATE TABLE migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)`, string(schema),
		`INSERT INTO migrations VALUES ('migrations/0001_cases.sql', '2026-01-01T00:00:00Z')`,
		`INSERT INTO cases (name, created, updated) VALUES ('Dana', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00.5Z')`,
		`INSERT INTO entries (case_id, kind, text, at) VALUES (1, 'note', 'second', '2026-11-20T10:00:00.5Z')`,
		`INSERT INTO entries (case_id, kind, text, at) VALUES (1, 'note', 'first', '2026-11-20T10:00:00Z')`} {
		if _, err := raw.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	db := MustOpen(t, path)
	es, err := db.Entries(context.Background(), 1)
	if err != nil || len(es) != 2 || es[0].Text != "first" || es[0].At.IsZero() || es[1].At.Sub(es[0].At) != 500*time.Millisecond {
		t.Errorf("after migration: %v %+v", err, es)
	}
}
