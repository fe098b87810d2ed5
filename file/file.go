// Package file reads user input files and writes output files safely: a
// write goes to a temporary file in the same directory and is renamed
// into place, so a crash or a full disk never leaves half a plan behind,
// and an existing file is only replaced when the caller says so.
package file

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/intake"
)

// Read reads a named file, or standard input for "-", refusing anything
// over intake.MaxBytes without reading it all. It returns as soon as ctx
// is done (Ctrl-C), even while it waits for input that does not come: a
// pipe with no writer yet, a FIFO nobody has opened.
func Read(ctx context.Context, name string, stdin io.Reader) ([]byte, error) {
	return ReadLimit(ctx, name, stdin, intake.MaxBytes)
}

// ReadLimit is Read with another limit, for files that are not a
// situation (an export of many cases).
func ReadLimit(ctx context.Context, name string, stdin io.Reader, limit int) ([]byte, error) {
	type result struct {
		b   []byte
		err error
	}
	done := make(chan result, 1)
	go func() {
		b, err := readLimit(name, stdin, limit)
		done <- result{b, err}
	}()
	select {
	case r := <-done:
		return r.b, r.err
	case <-ctx.Done():
		// The reading goroutine may stay blocked; the process is ending.
		return nil, context.Cause(ctx)
	}
}

func readLimit(name string, stdin io.Reader, limit int) ([]byte, error) {
	var r io.Reader
	if name == "-" {
		r = stdin
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, align.Errorf(align.EINVALID, "cannot read %s: %s", name, reason(err))
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, align.Errorf(align.EINVALID, "cannot read %s: it is a directory", name)
		}
		r = f
	}
	b, err := io.ReadAll(io.LimitReader(r, int64(limit)+1))
	if err != nil {
		return nil, align.Errorf(align.EINVALID, "cannot read %s: %s", name, reason(err))
	}
	if len(b) > limit {
		return nil, align.Errorf(align.ETOOLARGE, "%s is larger than %d bytes (%s), the limit", displayName(name), limit, size(limit))
	}
	return b, nil
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

func size(n int) string {
	return fmt.Sprintf("%d MiB", n>>20)
}

func reason(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "no such file"
	case errors.Is(err, fs.ErrPermission):
		return "permission denied"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// WriteAtomic writes data to path through a temporary file and a rename.
// It refuses to replace an existing file unless force is set.
func WriteAtomic(path string, data []byte, force bool) error {
	if path == "" {
		return align.Errorf(align.EINVALID, "no file name to write to")
	}
	if !force {
		if _, err := os.Lstat(path); err == nil {
			return align.Errorf(align.EINVALID, "%s already exists; use --force to replace it", path)
		}
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return align.Errorf(align.EINVALID, "cannot write %s: the folder %s does not exist", path, dir)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return align.Errorf(align.EINVALID, "cannot write %s: %s", path, reason(err))
	}
	name := tmp.Name()
	fail := func(err error) error {
		tmp.Close()
		os.Remove(name)
		return align.Errorf(align.EINVALID, "cannot write %s: %s", path, reason(err))
	}
	if _, err := tmp.Write(data); err != nil {
		return fail(err)
	}
	if err := tmp.Sync(); err != nil {
		return fail(err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fail(err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(name)
		return align.Errorf(align.EINVALID, "cannot write %s: %s", path, reason(err))
	}
	if !force {
		// Link fails if the file appeared meanwhile, so a race cannot
		// overwrite it either.
		if err := os.Link(name, path); err != nil {
			os.Remove(name)
			if errors.Is(err, fs.ErrExist) {
				return align.Errorf(align.EINVALID, "%s already exists; use --force to replace it", path)
			}
			return align.Errorf(align.EINVALID, "cannot write %s: %s", path, reason(err))
		}
		return os.Remove(name)
	}
	if err := os.Rename(name, path); err != nil {
		os.Remove(name)
		return align.Errorf(align.EINVALID, "cannot write %s: %s", path, reason(err))
	}
	return nil
}
