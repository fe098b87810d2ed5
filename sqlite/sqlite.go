// Package sqlite stores cases in one SQLite file, with modernc.org/sqlite
// (pure Go, no cgo). The database runs in WAL mode with a busy timeout and
// foreign keys on; migrations are embedded and applied at open, each in
// its own transaction; every write is a transaction, so a crash never
// leaves half a case behind.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	_ "modernc.org/sqlite"

	align "github.com/align-coach/align"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is the SQLite store. It implements align.Store.
type DB struct {
	db *sql.DB
	// Now is the clock used for created and updated times.
	Now func() time.Time
}

var _ align.Store = (*DB)(nil)

// timeFormat has a fixed width (nine fractional digits, always UTC), so
// times sort as text in time order, within a second too.
const timeFormat = "2006-01-02T15:04:05.000000000Z"

// Open opens (creating if needed) the database at path and migrates it.
func Open(path string) (*DB, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, align.Errorf(align.EINVALID, "cannot create %s: %v", dir, err)
		}
	}
	return open(path, "FULL")
}

// open opens the database with a synchronous setting: FULL, so a commit
// align has acknowledged survives a power cut (NORMAL can lose the last
// one in WAL mode); the benchmark compares the two.
func open(path, synchronous string) (*DB, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return nil, align.Errorf(align.EINVALID, "database %s is a directory", path)
	}
	// The notes are about a colleague: the file, and the -wal and -shm
	// files SQLite makes beside it with the same mode, are the user's only.
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, align.Errorf(align.EINVALID, "cannot open the database %s: %v", path, err)
	}
	f.Close()
	if err := os.Chmod(path, 0o600); err != nil {
		return nil, align.Errorf(align.EINVALID, "cannot protect the database %s: %v", path, err)
	}
	// The path goes into a URI, so ?, # and % in it are escaped.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(10000)&_pragma=foreign_keys(1)&_pragma=synchronous(" + synchronous + ")&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, align.Errorf(align.EINTERNAL, "open %s: %v", path, err)
	}
	s := &DB{db: db, Now: time.Now}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, align.Errorf(align.EINVALID, "database %s: %v", path, err)
	}
	return s, nil
}

// Close closes the database.
func (s *DB) Close() error { return s.db.Close() }

// migrate applies every embedded migration not yet recorded, each in its
// own transaction.
func (s *DB) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return err
	}
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		err := s.tx(ctx, func(tx *sql.Tx) error {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				return nil
			}
			body, err := fs.ReadFile(migrations, name)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			_, err = tx.ExecContext(ctx, `INSERT INTO migrations (name, applied) VALUES (?, ?)`, name, s.Now().UTC().Format(timeFormat))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

func (s *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func internal(err error) error {
	var ae *align.Error
	if err == nil || errors.As(err, &ae) {
		return err
	}
	return align.Errorf(align.EINTERNAL, "database: %v", err)
}

func (s *DB) now() string { return s.Now().UTC().Format(timeFormat) }

func parseTime(v string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, v)
	return t
}

// CreateCase stores a new case and sets its ID and times.
func (s *DB) CreateCase(ctx context.Context, c *align.Case) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return internal(s.tx(ctx, func(tx *sql.Tx) error { return insertCase(ctx, tx, c, s.now()) }))
}

func insertCase(ctx context.Context, tx *sql.Tx, c *align.Case, now string) error {
	created := now
	if !c.Created.IsZero() {
		created = c.Created.UTC().Format(timeFormat)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO cases (name, title, company, role, created, updated) VALUES (?, ?, ?, ?, ?, ?)`,
		c.Name, c.Title, c.Company, c.Role, created, now)
	if err != nil {
		return err
	}
	c.ID, _ = res.LastInsertId()
	c.Created, c.Updated = parseTime(created), parseTime(now)
	return nil
}

// UpdateCase changes a case's fields.
func (s *DB) UpdateCase(ctx context.Context, c *align.Case) error {
	if err := c.Validate(); err != nil {
		return err
	}
	now := s.now()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cases SET name = ?, title = ?, company = ?, role = ?, updated = ? WHERE id = ?`,
			c.Name, c.Title, c.Company, c.Role, now, c.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return align.Errorf(align.ENOTFOUND, "case %d not found", c.ID)
		}
		return nil
	})
	if err == nil {
		got, gerr := s.Case(ctx, c.ID)
		if gerr == nil {
			*c = got
		}
	}
	return internal(err)
}

// DeleteCase removes a case with its entries and plans.
func (s *DB) DeleteCase(ctx context.Context, id int64) error {
	return internal(s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM cases WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return align.Errorf(align.ENOTFOUND, "case %d not found", id)
		}
		return nil
	}))
}

const caseCols = `id, name, title, company, role, created, updated`

func scanCase(row interface{ Scan(...any) error }) (align.Case, error) {
	var c align.Case
	var created, updated string
	err := row.Scan(&c.ID, &c.Name, &c.Title, &c.Company, &c.Role, &created, &updated)
	c.Created, c.Updated = parseTime(created), parseTime(updated)
	return c, err
}

// Case returns one case.
func (s *DB) Case(ctx context.Context, id int64) (align.Case, error) {
	c, err := scanCase(s.db.QueryRowContext(ctx, `SELECT `+caseCols+` FROM cases WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, align.Errorf(align.ENOTFOUND, "case %d not found", id)
	}
	return c, internal(err)
}

// Cases lists every case, the most recently updated first.
func (s *DB) Cases(ctx context.Context) ([]align.Case, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+caseCols+` FROM cases ORDER BY updated DESC, id DESC`)
	if err != nil {
		return nil, internal(err)
	}
	defer rows.Close()
	out := []align.Case{}
	for rows.Next() {
		c, err := scanCase(rows)
		if err != nil {
			return nil, internal(err)
		}
		out = append(out, c)
	}
	return out, internal(rows.Err())
}

// AddEntry adds an entry to a case's timeline; At defaults to now.
func (s *DB) AddEntry(ctx context.Context, e *align.Entry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	now := s.now()
	return internal(s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM cases WHERE id = ?`, e.CaseID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return align.Errorf(align.ENOTFOUND, "case %d not found", e.CaseID)
		}
		if err := insertEntry(ctx, tx, e, now); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `UPDATE cases SET updated = ? WHERE id = ?`, now, e.CaseID)
		return err
	}))
}

func insertEntry(ctx context.Context, tx *sql.Tx, e *align.Entry, now string) error {
	at := now
	if !e.At.IsZero() {
		at = e.At.UTC().Format(timeFormat)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO entries (case_id, kind, text, at) VALUES (?, ?, ?, ?)`, e.CaseID, e.Kind, e.Text, at)
	if err != nil {
		return err
	}
	e.ID, _ = res.LastInsertId()
	e.At = parseTime(at)
	return nil
}

// DeleteEntry removes one entry from a case's timeline.
func (s *DB) DeleteEntry(ctx context.Context, caseID, entryID int64) error {
	now := s.now()
	return internal(s.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM cases WHERE id = ?`, caseID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return align.Errorf(align.ENOTFOUND, "case %d not found", caseID)
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM entries WHERE id = ? AND case_id = ?`, entryID, caseID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return align.Errorf(align.ENOTFOUND, "entry %d not found on case %d", entryID, caseID)
		}
		_, err = tx.ExecContext(ctx, `UPDATE cases SET updated = ? WHERE id = ?`, now, caseID)
		return err
	}))
}

// Entries lists a case's entries in time order.
func (s *DB) Entries(ctx context.Context, caseID int64) ([]align.Entry, error) {
	if _, err := s.Case(ctx, caseID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, case_id, kind, text, at FROM entries WHERE case_id = ? ORDER BY at, id`, caseID)
	if err != nil {
		return nil, internal(err)
	}
	defer rows.Close()
	out := []align.Entry{}
	for rows.Next() {
		var e align.Entry
		var at string
		if err := rows.Scan(&e.ID, &e.CaseID, &e.Kind, &e.Text, &at); err != nil {
			return nil, internal(err)
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, internal(rows.Err())
}

// SavePlan stores a plan snapshot unless it equals the latest one.
func (s *DB) SavePlan(ctx context.Context, p *align.PlanSnapshot) (bool, error) {
	saved := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var last string
		err := tx.QueryRowContext(ctx, `SELECT text FROM plans WHERE case_id = ? ORDER BY id DESC LIMIT 1`, p.CaseID).Scan(&last)
		if err == nil && last == p.Text {
			return nil
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := insertPlan(ctx, tx, p, s.now()); err != nil {
			if strings.Contains(err.Error(), "FOREIGN KEY") {
				return align.Errorf(align.ENOTFOUND, "case %d not found", p.CaseID)
			}
			return err
		}
		saved = true
		return nil
	})
	return saved, internal(err)
}

func insertPlan(ctx context.Context, tx *sql.Tx, p *align.PlanSnapshot, now string) error {
	created := now
	if !p.Created.IsZero() {
		created = p.Created.UTC().Format(timeFormat)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO plans (case_id, text, created) VALUES (?, ?, ?)`, p.CaseID, p.Text, created)
	if err != nil {
		return err
	}
	p.ID, _ = res.LastInsertId()
	p.Created = parseTime(created)
	return nil
}

// Plans lists a case's plan snapshots, oldest first.
func (s *DB) Plans(ctx context.Context, caseID int64) ([]align.PlanSnapshot, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, case_id, text, created FROM plans WHERE case_id = ? ORDER BY id`, caseID)
	if err != nil {
		return nil, internal(err)
	}
	defer rows.Close()
	out := []align.PlanSnapshot{}
	for rows.Next() {
		var p align.PlanSnapshot
		var created string
		if err := rows.Scan(&p.ID, &p.CaseID, &p.Text, &created); err != nil {
			return nil, internal(err)
		}
		p.Created = parseTime(created)
		out = append(out, p)
	}
	return out, internal(rows.Err())
}

// Import stores exported cases as new cases in one transaction: either
// every case, entry and plan lands, or none does.
func (s *DB) Import(ctx context.Context, cases []align.CaseExport) ([]int64, error) {
	if err := align.ValidateExports(cases); err != nil {
		return nil, err
	}
	var ids []int64
	now := s.now()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		for _, x := range cases {
			c := x.Case
			if err := insertCase(ctx, tx, &c, now); err != nil {
				return err
			}
			for _, e := range x.Entries {
				e.CaseID = c.ID
				if err := insertEntry(ctx, tx, &e, now); err != nil {
					return err
				}
			}
			for _, p := range x.Plans {
				p.CaseID = c.ID
				if err := insertPlan(ctx, tx, &p, now); err != nil {
					return err
				}
			}
			ids = append(ids, c.ID)
		}
		return nil
	})
	if err != nil {
		return nil, internal(err)
	}
	return ids, nil
}
