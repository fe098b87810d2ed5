package playbook

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"reflect"
	"sort"
	"strings"

	"github.com/align-coach/align/internal/wire"
	"github.com/align-coach/align/match"
)

// The playbook as it is after Load (decoded, validated, every pattern
// expanded, normalised and compiled into one automaton) is written at
// build time to compiled.bin and embedded, so a command starts in a few
// milliseconds instead of reading YAML and compiling thousands of phrases.
//
// compiled.bin opens with a hash of what it was made from: the YAML files
// and the shape of the Go types it fills. When either has changed since
// (new playbook data from a merge, a new field), Default reads the YAML as
// before, so a stale file can cost time, never correctness;
// TestCompiledIsCurrent fails until `go generate ./playbook` writes it
// again.
//
//go:generate go run ./internal/compile
//go:embed compiled.bin
var compiled string

// compiledMagic opens compiled.bin; the digit is the format's version.
const compiledMagic = "ALIGN-PB-4\n"

// Compiled returns the compiled form of the playbook in fsys (data/*.yaml):
// what `go generate ./playbook` writes to compiled.bin.
func Compiled(fsys fs.FS) ([]byte, error) {
	p, err := Load(fsys)
	if err != nil {
		return nil, err
	}
	sum, err := sourceHash(fsys)
	if err != nil {
		return nil, err
	}
	return p.encode(sum), nil
}

// loadCompiled decodes data when it was made from fsys's YAML and the
// current types. It returns nil and no error when data is stale.
//
// The check and the decoding run side by side (the check reads 200 KB of
// YAML and walks the types; decoding does not need its answer until the
// end), and decoding reads the playbook's values and its automaton side
// by side too. A stale file is decoded for nothing and thrown away, which
// costs time, never correctness.
func loadCompiled(data string, fsys fs.FS) (*Playbook, error) {
	if !strings.HasPrefix(data, compiledMagic) || len(data) < len(compiledMagic)+sumSize {
		return nil, nil
	}
	type hashed struct {
		sum [sumSize]byte
		err error
	}
	ch := make(chan hashed, 1)
	go func() {
		sum, err := sourceHash(fsys)
		ch <- hashed{sum, err}
	}()
	p, err := decodeCompiledSafely(data[len(compiledMagic)+sumSize:])
	h := <-ch
	if h.err != nil {
		return nil, h.err
	}
	if data[len(compiledMagic):len(compiledMagic)+sumSize] != string(h.sum[:]) {
		return nil, nil
	}
	return p, err
}

// decodeCompiledSafely is decodeCompiled with a panic turned into an
// error: loadCompiled decodes before it knows the data is current.
func decodeCompiledSafely(data string) (p *Playbook, err error) {
	defer func() {
		if e := recover(); e != nil {
			p, err = nil, fmt.Errorf("compiled playbook: %v", e)
		}
	}()
	return decodeCompiled(data)
}

// sumSize is the size of sourceHash's sum.
const sumSize = 8

// sourceHash identifies what a compiled playbook depends on besides code:
// the format, the shape of the Playbook type and every data file. It is
// the CRC-32 (IEEE) of those bytes and their number, not a cryptographic
// hash: it only has to notice an edit, and every command computes it at
// start, where SHA-256 of the data took a fifth of a cold `align plan`,
// a CRC-64 (no hardware help) a tenth of loading and a CRC-32C more than
// that to make its tables; this one is hardware-assisted on amd64 and
// arm64 with a table made in microseconds.
func sourceHash(fsys fs.FS) ([sumSize]byte, error) {
	hc := crc32.NewIEEE()
	h := &countingWriter{w: hc}
	h.Write([]byte(compiledMagic))
	h.Write([]byte(typeShape(reflect.TypeFor[Playbook](), map[reflect.Type]bool{})))
	names, err := fs.Glob(fsys, "data/*.yaml")
	if err != nil {
		return [sumSize]byte{}, err
	}
	sort.Strings(names)
	// Each file is streamed through one small buffer: reading it whole
	// copied 200 KB to fresh memory at every start.
	buf := make([]byte, 16<<10)
	for _, n := range names {
		if err := hashFile(h, fsys, n, buf); err != nil {
			return [sumSize]byte{}, err
		}
	}
	var sum [sumSize]byte
	binary.LittleEndian.PutUint32(sum[:4], hc.Sum32())
	binary.LittleEndian.PutUint32(sum[4:], uint32(h.n))
	return sum, nil
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	c.n += int64(len(b))
	return c.w.Write(b)
}

// hashFile writes to h a zero byte, the file's name, a zero byte, its
// size in decimal, a zero byte and its content.
func hashFile(h io.Writer, fsys fs.FS, name string, buf []byte) error {
	f, err := fsys.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "\x00%s\x00%d\x00", name, st.Size())
	n, err := io.CopyBuffer(h, struct{ io.Reader }{f}, buf)
	if err == nil && n != st.Size() {
		err = fmt.Errorf("%s: read %d bytes of %d", name, n, st.Size())
	}
	return err
}

// typeShape describes a type's exported structure, the part the compiled
// form encodes.
func typeShape(t reflect.Type, seen map[reflect.Type]bool) string {
	switch t.Kind() {
	case reflect.Struct:
		if seen[t] {
			return t.Name()
		}
		seen[t] = true
		var b strings.Builder
		b.WriteString(t.Name() + "{")
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				b.WriteString(f.Name + " " + typeShape(f.Type, seen) + ";")
			}
		}
		return b.String() + "}"
	case reflect.Pointer:
		return "*" + typeShape(t.Elem(), seen)
	case reflect.Slice:
		return "[]" + typeShape(t.Elem(), seen)
	case reflect.Map:
		return "map[" + typeShape(t.Key(), seen) + "]" + typeShape(t.Elem(), seen)
	}
	return t.Kind().String()
}

func (p *Playbook) encode(sum [sumSize]byte) []byte {
	w := &wire.Writer{B: []byte(compiledMagic)}
	w.B = append(w.B, sum[:]...)
	// The playbook's values and the automaton each come behind their
	// length, so that a decoder can read the two side by side.
	v := &wire.Writer{}
	encodeValue(v, reflect.ValueOf(p).Elem())
	w.String(string(v.B))
	m := &wire.Writer{}
	p.matcher.Encode(m)
	w.String(string(m.B))
	// How many compiled patterns each signal has, in the order of each,
	// so the decoder can point every pattern at its signal.
	for _, n := range p.counts {
		w.Uint(uint64(n))
	}
	p.encodeSheet(w)
	return w.B
}

func decodeCompiled(data string) (*Playbook, error) {
	r := wire.NewStringReader(data)
	values, automaton := r.String(), r.String()
	if r.Err() != nil {
		return nil, fmt.Errorf("compiled playbook: %w", r.Err())
	}
	// The automaton is decoded (and checked) on another goroutine while
	// this one fills the playbook's values.
	var m *match.Matcher
	var merr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() {
			if e := recover(); e != nil {
				merr = fmt.Errorf("%v", e)
			}
		}()
		mr := wire.NewStringReader(automaton)
		if m, merr = match.DecodeMatcher(mr); merr == nil {
			merr = mr.Done()
		}
	}()
	p := &Playbook{}
	vr := wire.NewStringReader(values)
	decodeValue(vr, reflect.ValueOf(p).Elem())
	err := vr.Done()
	<-done
	if err != nil {
		return nil, fmt.Errorf("compiled playbook: %w", err)
	}
	if merr != nil {
		return nil, fmt.Errorf("compiled playbook: %w", merr)
	}
	p.each(func(group, key string, s *Signal) {
		s.group, s.key = group, key
		n := r.Len()
		p.counts = append(p.counts, n)
		for range n {
			p.refs = append(p.refs, s)
		}
	})
	if err := p.decodeSheet(r); err != nil {
		return nil, fmt.Errorf("compiled playbook: fact sheet: %w", err)
	}
	if err := r.Done(); err != nil {
		return nil, fmt.Errorf("compiled playbook: %w", err)
	}
	if m.Patterns() != len(p.refs) {
		return nil, errors.New("compiled playbook: patterns and signals disagree")
	}
	p.matcher = m
	return p, nil
}

// encodeValue writes v's exported content. A nil slice, map or pointer is
// told apart from an empty one, so decoding gives back exactly what Load
// made.
func encodeValue(w *wire.Writer, v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			if t.Field(i).IsExported() {
				encodeValue(w, v.Field(i))
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			w.Uint(0)
			return
		}
		w.Uint(1)
		encodeValue(w, v.Elem())
	case reflect.Slice:
		if v.IsNil() {
			w.Uint(0)
			return
		}
		w.Uint(uint64(v.Len()) + 1)
		for i := range v.Len() {
			encodeValue(w, v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			w.Uint(0)
			return
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool {
			if keys[i].Kind() == reflect.String {
				return keys[i].String() < keys[j].String()
			}
			return keys[i].Int() < keys[j].Int()
		})
		w.Uint(uint64(len(keys)) + 1)
		for _, k := range keys {
			encodeValue(w, k)
			encodeValue(w, v.MapIndex(k))
		}
	case reflect.String:
		w.String(v.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		w.Int(v.Int())
	case reflect.Float64, reflect.Float32:
		w.Float(v.Float())
	case reflect.Bool:
		w.Bool(v.Bool())
	default:
		panic(fmt.Sprintf("compiled playbook: cannot encode a %s", v.Type()))
	}
}

// decoder reads what encodeValue wrote. It remembers each struct type's
// exported fields: asking reflect for every field of every value was a
// fifth of decoding.
type decoder struct {
	r      *wire.Reader
	fields map[reflect.Type][]int
}

func (d *decoder) exported(t reflect.Type) []int {
	if f, ok := d.fields[t]; ok {
		return f
	}
	f := []int{}
	for i := range t.NumField() {
		if t.Field(i).IsExported() {
			f = append(f, i)
		}
	}
	d.fields[t] = f
	return f
}

// decodeValue reads what encodeValue wrote into v.
func decodeValue(r *wire.Reader, v reflect.Value) {
	(&decoder{r: r, fields: map[reflect.Type][]int{}}).value(v)
}

func (d *decoder) value(v reflect.Value) {
	r := d.r
	if r.Err() != nil {
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for _, i := range d.exported(v.Type()) {
			d.value(v.Field(i))
		}
	case reflect.Pointer:
		if r.Uint() == 0 {
			return
		}
		e := reflect.New(v.Type().Elem())
		d.value(e.Elem())
		v.Set(e)
	case reflect.Slice:
		n := r.Len()
		if n == 0 {
			return
		}
		s := reflect.MakeSlice(v.Type(), n-1, n-1)
		for i := range n - 1 {
			d.value(s.Index(i))
		}
		v.Set(s)
	case reflect.Map:
		n := r.Len()
		if n == 0 {
			return
		}
		m := reflect.MakeMapWithSize(v.Type(), n-1)
		kt, et := v.Type().Key(), v.Type().Elem()
		for range n - 1 {
			k, e := reflect.New(kt).Elem(), reflect.New(et).Elem()
			d.value(k)
			d.value(e)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	case reflect.String:
		v.SetString(r.String())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(r.Int())
	case reflect.Float64, reflect.Float32:
		v.SetFloat(r.Float())
	case reflect.Bool:
		v.SetBool(r.Bool())
	default:
		panic(fmt.Sprintf("compiled playbook: cannot decode a %s", v.Type()))
	}
}
