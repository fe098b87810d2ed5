package postgres_test

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"os"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/internal/itest"
	"github.com/align-coach/align/postgres"
	"github.com/align-coach/align/storetest"
)

func TestMain(m *testing.M) { os.Exit(itest.Main(m, "postgres")) }

// server returns the test server's URL from ALIGN_POSTGRES_URL. With
// ALIGN_REQUIRE_INTEGRATION=1 (CI) a missing server fails the test.
func server(t *testing.T) string {
	u := os.Getenv("ALIGN_POSTGRES_URL")
	if u == "" {
		itest.Skip(t, "ALIGN_POSTGRES_URL is not set (.ci/run starts PostgreSQL and sets it)")
	}
	return u
}

// freshSchema makes an empty schema for one test and returns a URL whose
// connections use it.
func freshSchema(t *testing.T, base string) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	schema := "align_test_" + hex.EncodeToString(b)
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("pgx", base); err == nil {
			a.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

func TestStore(t *testing.T) {
	base := server(t)
	storetest.Run(t, func(t *testing.T) (align.Store, func() align.Store) {
		u := freshSchema(t, base)
		open := func() align.Store {
			db, err := postgres.Open(u)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { db.Close() })
			return db
		}
		return open(), open
	})
}

func TestMigrationsAreIdempotent(t *testing.T) {
	u := freshSchema(t, server(t))
	for i := 0; i < 2; i++ {
		db, err := postgres.Open(u)
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
	}
}

func TestBadURL(t *testing.T) {
	if _, err := postgres.Open("postgres://nobody:wrong@127.0.0.1:1/none?connect_timeout=2"); err == nil {
		t.Error("connected to nothing")
	}
}
