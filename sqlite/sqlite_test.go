package sqlite_test

import (
	"database/sql"
	"path/filepath"
	"testing"

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
