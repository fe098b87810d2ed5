package sqlite

import "context"

// OpenSynchronous opens with another synchronous setting, for the benchmark.
func OpenSynchronous(path, mode string) (*DB, error) { return open(path, mode) }

// Synchronous reports the connection's synchronous setting (2 is FULL).
func Synchronous(db *DB) int {
	var n int
	db.db.QueryRowContext(context.Background(), `PRAGMA synchronous`).Scan(&n)
	return n
}
