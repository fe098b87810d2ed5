package learn

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"unsafe"
)

// magic opens every encoded Bundle; the digit is the format's version.
// Version 2 lays the weights out flat and feature by feature: after every
// model's header, the weights of feature 0 for every row of every model in
// order, then those of feature 1, and so on, each a little-endian float32.
// A decoded bundle reads them in place, so decoding the embedded model
// copies nothing but the names, labels and biases; and the weights one
// feature has in every model sit together, so scoring all the models on
// one text (Bundle.ScoreMany) reads a few cache lines a feature instead of
// one for each model. Version 1 (row by row, zero weights left out,
// indexes as varint steps) is still read.
const (
	magic   = "ALIGN-LR-2\n"
	magicV1 = "ALIGN-LR-1\n"
)

// maxClasses bounds a decoded model's classes, so a corrupt count cannot
// ask for a huge allocation.
const maxClasses = 64

// maxWeights bounds the dense weights a decoded bundle may hold.
const maxWeights = 1 << 24

// Bundle is a set of named models over one feature vocabulary: what
// `align train` writes and the binary embeds.
type Bundle struct {
	// Features names each feature index.
	Features []string
	// Models in a fixed order, so the encoding is deterministic.
	Models []Named

	// names and nameAt are Features as Decode read them in place: name i
	// is names[nameAt[2*i]:nameAt[2*i+1]] (see FeatureText).
	names  string
	nameAt []uint32
}

// FeatureText returns the feature names as Decode read them: one string
// and, for each name, where it starts and ends in it (name i is
// text[at[2*i]:at[2*i+1]]). A reader that keeps the names for as long as
// the process runs can hold them so, without a string for each name that
// the garbage collector would read at every collection. ok is false for a
// bundle Decode did not make (or one whose Features were changed since).
func (b *Bundle) FeatureText() (text string, at []uint32, ok bool) {
	n := len(b.Features)
	if b.nameAt == nil || len(b.nameAt) != 2*n {
		return "", nil, false
	}
	for _, i := range []int{0, n - 1} {
		if i >= 0 && unsafe.StringData(b.Features[i]) != unsafe.StringData(b.names[b.nameAt[2*i]:]) {
			return "", nil, false
		}
	}
	return b.names, b.nameAt, true
}

// Named is one model of a bundle with the names of its classes and a
// decision threshold for binary models (0 means 0.5).
type Named struct {
	Name      string
	Labels    []string
	Threshold float64
	*Model
}

// Find returns the model with the given name, or nil.
func (b *Bundle) Find(name string) *Named {
	for i := range b.Models {
		if b.Models[i].Name == name {
			return &b.Models[i]
		}
	}
	return nil
}

// Encode writes the bundle in its compact binary form: the vocabulary,
// then each model's labels, threshold, classes, dimension and biases, then
// the weights feature by feature (see magic; a zero weight is written as
// +0, and so is the weight of a feature beyond a model's dimension). The
// same bundle always gives the same bytes.
func (b *Bundle) Encode() []byte {
	var out bytes.Buffer
	out.WriteString(magic)
	w := writer{&out}
	w.uint(uint64(len(b.Features)))
	for _, f := range b.Features {
		w.str(f)
	}
	w.uint(uint64(len(b.Models)))
	dim := 0
	for _, m := range b.Models {
		w.str(m.Name)
		w.uint(uint64(len(m.Labels)))
		for _, l := range m.Labels {
			w.str(l)
		}
		w.f64(m.Threshold)
		w.uint(uint64(m.Classes))
		w.uint(uint64(m.Dim))
		for _, v := range m.B {
			w.f32(v)
		}
		dim = max(dim, m.Dim)
	}
	// Zero to three zero bytes, so that the block starts at a multiple of
	// four bytes and a decoder can read it in place as float32s.
	pad := (4 - (out.Len()+1)%4) % 4
	w.uint(uint64(pad))
	out.Write(make([]byte, pad))
	var buf []byte
	for j := 0; j < dim; j++ {
		buf = buf[:0]
		for _, m := range b.Models {
			for k := 0; k < m.Rows(); k++ {
				var v float32
				if j < m.Dim {
					v = m.Weight(k, j)
				}
				if v == 0 {
					v = 0 // -0 and +0 weigh the same; write one of them
				}
				buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(v))
			}
		}
		out.Write(buf)
	}
	return out.Bytes()
}

// Decode reads a bundle written by Encode. It fails on a wrong header,
// a truncated stream or sizes that do not fit. It reads the weights and
// the feature names in place (data must not change afterwards): labels
// and biases are the only copies.
func Decode(data []byte) (*Bundle, error) {
	v1 := bytes.HasPrefix(data, []byte(magicV1))
	if !v1 && !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("learn: not a model bundle (bad header)")
	}
	if uint64(len(data)) > math.MaxUint32 {
		// The names' places are 32-bit offsets (see FeatureText).
		return nil, errors.New("learn: a model bundle of 4 GiB or more")
	}
	r := &reader{data: data, pos: len(magic)}
	b := &Bundle{}
	nf := r.count()
	// The names are read in place and sliced, not copied one by one.
	at := r.pos
	spans := make([]uint32, 0, 2*min(nf, len(data)))
	for i := 0; i < nf && r.err == nil; i++ {
		n := r.count()
		start := r.pos - at
		r.take(n)
		spans = append(spans, uint32(start), uint32(start+n))
	}
	if r.err == nil {
		// Read in place, as the weights are: the names are most of a
		// bundle's bytes besides them, and copying them out was a tenth
		// of loading the embedded model.
		names := ""
		if r.pos > at {
			names = unsafe.String(&data[at], r.pos-at)
		}
		b.Features = make([]string, nf)
		for i := range b.Features {
			b.Features[i] = names[spans[2*i]:spans[2*i+1]]
		}
		b.names, b.nameAt = names, spans
	}
	nm := r.count()
	alloc, rows, dim := 0, 0, 0
	for i := 0; i < nm && r.err == nil; i++ {
		var m Named
		m.Name = r.str()
		nl := r.count()
		for j := 0; j < nl && r.err == nil; j++ {
			m.Labels = append(m.Labels, r.str())
		}
		m.Threshold = r.f64()
		m.Model = &Model{Classes: r.count(), Dim: r.count()}
		if r.err == nil && (m.Classes < 2 || m.Classes > maxClasses || m.Dim > len(b.Features)) {
			return nil, fmt.Errorf("learn: model %q has %d classes over %d features", m.Name, m.Classes, m.Dim)
		}
		// A dense row costs memory whatever the stream holds; a real
		// bundle is far below this, a corrupt one must not exhaust memory.
		if alloc += m.Rows() * m.Dim; alloc > maxWeights {
			return nil, fmt.Errorf("learn: bundle declares more than %d weights", maxWeights)
		}
		m.B = make([]float32, m.Rows())
		for k := range m.B {
			m.B[k] = r.f32()
		}
		if v1 {
			if err := r.sparseRows(m.Model); err != nil {
				return nil, fmt.Errorf("learn: model %q: %w", m.Name, err)
			}
		} else {
			m.off = rows
		}
		rows += m.Rows()
		dim = max(dim, m.Dim)
		b.Models = append(b.Models, m)
	}
	if !v1 && r.err == nil {
		if dim*rows > maxWeights {
			return nil, fmt.Errorf("learn: bundle declares more than %d weights", maxWeights)
		}
		if pad := r.count(); pad > 3 || !allZero(r.take(pad)) {
			return nil, errors.New("learn: corrupt bundle: bad padding before the weights")
		}
		block := floats(r.take(4 * dim * rows))
		for i := range b.Models {
			b.Models[i].flat, b.Models[i].stride = block, rows
		}
	}
	if r.err == nil && r.pos != len(data) {
		r.err = fmt.Errorf("%d bytes after the last model", len(data)-r.pos)
	}
	if r.err != nil {
		return nil, fmt.Errorf("learn: truncated or corrupt bundle: %w", r.err)
	}
	return b, nil
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

// floats returns the little-endian float32s in b. On a little-endian
// machine, when b starts at a multiple of four bytes (Encode pads the
// block so that it does, and the embedded model is aligned), it is b
// itself seen as float32s, without a copy: the half million weights of
// the embedded model cost nothing to load and are read as fast as a Go
// slice. Otherwise they are copied. The caller must not change b.
func floats(b []byte) []float32 {
	n := len(b) / 4
	if n == 0 {
		return nil
	}
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%unsafe.Alignof(float32(0)) == 0 {
		return unsafe.Slice((*float32)(unsafe.Pointer(&b[0])), n)
	}
	out := make([]float32, n)
	for i := range out {
		out[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return out
}

// littleEndian is true on a little-endian machine.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// sparseRows reads a version 1 model's weights: per row, the count of
// non-zero weights, then each as a varint step in the index and a float32.
func (r *reader) sparseRows(m *Model) error {
	m.W = make([]float32, m.Rows()*m.Dim)
	for k := 0; k < m.Rows() && r.err == nil; k++ {
		row := m.W[k*m.Dim : (k+1)*m.Dim]
		nz := r.count()
		j := 0
		for n := 0; n < nz && r.err == nil; n++ {
			j += r.count()
			if j >= m.Dim {
				return fmt.Errorf("weight index %d outside %d", j, m.Dim)
			}
			row[j] = r.f32()
		}
	}
	return nil
}

type writer struct{ b *bytes.Buffer }

func (w writer) uint(v uint64) { w.b.Write(binary.AppendUvarint(nil, v)) }
func (w writer) str(s string)  { w.uint(uint64(len(s))); w.b.WriteString(s) }
func (w writer) f32(v float32) { w.b.Write(binary.LittleEndian.AppendUint32(nil, math.Float32bits(v))) }
func (w writer) f64(v float64) { w.b.Write(binary.LittleEndian.AppendUint64(nil, math.Float64bits(v))) }

// reader reads an encoded bundle in place; the first error sticks and
// every later read returns zero.
type reader struct {
	data []byte
	pos  int
	err  error
}

func (r *reader) count() int {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.data[r.pos:])
	if n <= 0 {
		if n == 0 {
			r.err = io.ErrUnexpectedEOF
		} else {
			r.err = errors.New("varint overflows 64 bits")
		}
		return 0
	}
	r.pos += n
	if v > uint64(len(r.data)) {
		r.err = fmt.Errorf("count %d larger than the data", v)
		return 0
	}
	return int(v)
}

// take returns the next n bytes, or nil after an error.
func (r *reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n > len(r.data)-r.pos {
		r.err = io.ErrUnexpectedEOF
		r.pos = len(r.data)
		return nil
	}
	b := r.data[r.pos : r.pos+n]
	r.pos += n
	return b
}

func (r *reader) str() string {
	return string(r.take(r.count()))
}

func (r *reader) f32() float32 {
	if b := r.take(4); b != nil {
		return math.Float32frombits(binary.LittleEndian.Uint32(b))
	}
	return 0
}

func (r *reader) f64() float64 {
	if b := r.take(8); b != nil {
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	}
	return 0
}
