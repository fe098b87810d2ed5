// Package postgres stores cases in PostgreSQL, for a team that shares one
// align server. It speaks pgx through database/sql, applies its own
// embedded migrations at open (each in a transaction, serialised with an
// advisory lock so two servers starting together do not race), and runs
// every write in a transaction. Its behaviour is the SQLite store's: both
// pass the same storetest suite.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib"

	align "github.com/align-coach/align"
)

//go:embed migrations/*.sql
var migrations embed.FS

// DB is the Postgres store. It implements align.Store.
type DB struct {
	db *sql.DB
	// Now is the clock used for created and updated times.
	Now func() time.Time
}

var _ align.Store = (*DB)(nil)

// Open connects to the database at url (postgres://...) and migrates it.
func Open(url string) (*DB, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, align.Errorf(align.EINVALID, "postgres: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, align.Errorf(align.EINVALID, "postgres: cannot connect: %v", err)
	}
	s := &DB{db: db, Now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, align.Errorf(align.EINVALID, "postgres: %v", err)
	}
	return s, nil
}

// Close closes the connection pool.
func (s *DB) Close() error { return s.db.Close() }

func (s *DB) migrate(ctx context.Context) error {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	return s.tx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(7460318)`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TIMESTAMPTZ NOT NULL)`); err != nil {
			return err
		}
		for _, name := range names {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE name = $1`, name).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			body, err := fs.ReadFile(migrations, name)
			if err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return fmt.Errorf("migration %s: %w", name, err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied) VALUES ($1, $2)`, name, s.now()); err != nil {
				return err
			}
		}
		return nil
	})
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

func (s *DB) now() time.Time { return s.Now().UTC().Round(time.Microsecond) }

func internal(err error) error {
	var ae *align.Error
	if err == nil || errors.As(err, &ae) {
		return err
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23503": // foreign_key_violation
			return align.Errorf(align.ENOTFOUND, "case not found")
		case "22021", "22P05": // character_not_in_repertoire, untranslatable_character
			return align.Errorf(align.EINVALID, "the text is not valid UTF-8 or contains a NUL byte")
		}
	}
	return align.Errorf(align.EINTERNAL, "database: %v", err)
}

// CreateCase stores a new case and sets its ID and times.
func (s *DB) CreateCase(ctx context.Context, c *align.Case) error {
	if err := c.Validate(); err != nil {
		return err
	}
	return internal(s.tx(ctx, func(tx *sql.Tx) error { return insertCase(ctx, tx, c, s.now()) }))
}

func insertCase(ctx context.Context, tx *sql.Tx, c *align.Case, now time.Time) error {
	created := now
	if !c.Created.IsZero() {
		created = c.Created.UTC()
	}
	c.Created, c.Updated = created, now
	return tx.QueryRowContext(ctx, `INSERT INTO cases (name, title, company, role, created, updated) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
		c.Name, c.Title, c.Company, c.Role, created, now).Scan(&c.ID)
}

// UpdateCase changes a case's fields.
func (s *DB) UpdateCase(ctx context.Context, c *align.Case) error {
	if err := c.Validate(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cases SET name = $1, title = $2, company = $3, role = $4, updated = $5 WHERE id = $6`,
			c.Name, c.Title, c.Company, c.Role, s.now(), c.ID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return align.Errorf(align.ENOTFOUND, "case %d not found", c.ID)
		}
		return nil
	})
	if err != nil {
		return internal(err)
	}
	got, err := s.Case(ctx, c.ID)
	if err == nil {
		*c = got
	}
	return err
}

// DeleteCase removes a case with its entries and plans.
func (s *DB) DeleteCase(ctx context.Context, id int64) error {
	return internal(s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM cases WHERE id = $1`, id)
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
	err := row.Scan(&c.ID, &c.Name, &c.Title, &c.Company, &c.Role, &c.Created, &c.Updated)
	c.Created, c.Updated = c.Created.UTC(), c.Updated.UTC()
	return c, err
}

// Case returns one case.
func (s *DB) Case(ctx context.Context, id int64) (align.Case, error) {
	c, err := scanCase(s.db.QueryRowContext(ctx, `SELECT `+caseCols+` FROM cases WHERE id = $1`, id))
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
		res, err := tx.ExecContext(ctx, `UPDATE cases SET updated = $1 WHERE id = $2`, now, e.CaseID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return align.Errorf(align.ENOTFOUND, "case %d not found", e.CaseID)
		}
		return insertEntry(ctx, tx, e, now)
	}))
}

func insertEntry(ctx context.Context, tx *sql.Tx, e *align.Entry, now time.Time) error {
	if e.At.IsZero() {
		e.At = now
	}
	e.At = e.At.UTC().Round(time.Microsecond)
	return tx.QueryRowContext(ctx, `INSERT INTO entries (case_id, kind, text, at) VALUES ($1, $2, $3, $4) RETURNING id`,
		e.CaseID, e.Kind, e.Text, e.At).Scan(&e.ID)
}

// DeleteEntry removes one entry from a case's timeline.
func (s *DB) DeleteEntry(ctx context.Context, caseID, entryID int64) error {
	now := s.now()
	return internal(s.tx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE cases SET updated = $1 WHERE id = $2`, now, caseID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return align.Errorf(align.ENOTFOUND, "case %d not found", caseID)
		}
		res, err = tx.ExecContext(ctx, `DELETE FROM entries WHERE id = $1 AND case_id = $2`, entryID, caseID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return align.Errorf(align.ENOTFOUND, "entry %d not found on case %d", entryID, caseID)
		}
		return nil
	}))
}

// Entries lists a case's entries in time order.
func (s *DB) Entries(ctx context.Context, caseID int64) ([]align.Entry, error) {
	if _, err := s.Case(ctx, caseID); err != nil {
		return nil, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, case_id, kind, text, at FROM entries WHERE case_id = $1 ORDER BY at, id`, caseID)
	if err != nil {
		return nil, internal(err)
	}
	defer rows.Close()
	out := []align.Entry{}
	for rows.Next() {
		var e align.Entry
		if err := rows.Scan(&e.ID, &e.CaseID, &e.Kind, &e.Text, &e.At); err != nil {
			return nil, internal(err)
		}
		e.At = e.At.UTC()
		out = append(out, e)
	}
	return out, internal(rows.Err())
}

// SavePlan stores a plan snapshot unless it equals the latest one.
func (s *DB) SavePlan(ctx context.Context, p *align.PlanSnapshot) (bool, error) {
	saved := false
	err := s.tx(ctx, func(tx *sql.Tx) error {
		var last string
		err := tx.QueryRowContext(ctx, `SELECT text FROM plans WHERE case_id = $1 ORDER BY id DESC LIMIT 1`, p.CaseID).Scan(&last)
		if err == nil && last == p.Text {
			return nil
		}
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err := insertPlan(ctx, tx, p, s.now()); err != nil {
			return err
		}
		saved = true
		return nil
	})
	return saved, internal(err)
}

func insertPlan(ctx context.Context, tx *sql.Tx, p *align.PlanSnapshot, now time.Time) error {
	if p.Created.IsZero() {
		p.Created = now
	}
	p.Created = p.Created.UTC().Round(time.Microsecond)
	return tx.QueryRowContext(ctx, `INSERT INTO plans (case_id, text, created) VALUES ($1, $2, $3) RETURNING id`,
		p.CaseID, p.Text, p.Created).Scan(&p.ID)
}

// Plans lists a case's plan snapshots, oldest first.
func (s *DB) Plans(ctx context.Context, caseID int64) ([]align.PlanSnapshot, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, case_id, text, created FROM plans WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, internal(err)
	}
	defer rows.Close()
	out := []align.PlanSnapshot{}
	for rows.Next() {
		var p align.PlanSnapshot
		if err := rows.Scan(&p.ID, &p.CaseID, &p.Text, &p.Created); err != nil {
			return nil, internal(err)
		}
		p.Created = p.Created.UTC()
		out = append(out, p)
	}
	return out, internal(rows.Err())
}

// Import stores exported cases as new cases in one transaction.
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
