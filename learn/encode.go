package learn

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
)

// magic opens every encoded Bundle; the digit is the format's version.
const magic = "ALIGN-LR-1\n"

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
// then each model's labels, threshold, biases and non-zero weights as
// float32, little-endian. The same bundle always gives the same bytes.
func (b *Bundle) Encode() []byte {
	var out bytes.Buffer
	out.WriteString(magic)
	w := writer{&out}
	w.uint(uint64(len(b.Features)))
	for _, f := range b.Features {
		w.str(f)
	}
	w.uint(uint64(len(b.Models)))
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
		for k := 0; k < m.Rows(); k++ {
			row := m.W[k*m.Dim : (k+1)*m.Dim]
			nz := 0
			for _, v := range row {
				if v != 0 {
					nz++
				}
			}
			w.uint(uint64(nz))
			last := 0
			for j, v := range row {
				if v != 0 {
					w.uint(uint64(j - last))
					last = j
					w.f32(v)
				}
			}
		}
	}
	return out.Bytes()
}

// Decode reads a bundle written by Encode. It fails on a wrong header,
// a truncated stream or sizes that do not fit. It reads the bytes in
// place, so decoding the embedded model costs a few milliseconds: feature
// names and labels are the only allocations besides the weights.
func Decode(data []byte) (*Bundle, error) {
	if !bytes.HasPrefix(data, []byte(magic)) {
		return nil, errors.New("learn: not a model bundle (bad header)")
	}
	r := &reader{data: data, pos: len(magic)}
	b := &Bundle{}
	nf := r.count()
	// The names are copied out in one piece and sliced, not one by one.
	at := r.pos
	spans := make([][2]int, 0, min(nf, len(data)))
	for i := 0; i < nf && r.err == nil; i++ {
		n := r.count()
		start := r.pos - at
		r.take(n)
		spans = append(spans, [2]int{start, start + n})
	}
	if r.err == nil {
		names := string(data[at:r.pos])
		b.Features = make([]string, nf)
		for i, sp := range spans {
			b.Features[i] = names[sp[0]:sp[1]]
		}
	}
	nm := r.count()
	alloc := 0
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
		rows := m.Rows()
		// A dense row costs memory whatever the stream holds; a real
		// bundle is far below this, a corrupt one must not exhaust memory.
		if alloc += rows * m.Dim; alloc > maxWeights {
			return nil, fmt.Errorf("learn: bundle declares more than %d weights", maxWeights)
		}
		m.B = make([]float32, rows)
		for k := range m.B {
			m.B[k] = r.f32()
		}
		m.W = make([]float32, rows*m.Dim)
		for k := 0; k < rows && r.err == nil; k++ {
			row := m.W[k*m.Dim : (k+1)*m.Dim]
			nz := r.count()
			j := 0
			for n := 0; n < nz && r.err == nil; n++ {
				// A one-byte step and the four bytes of the weight are
				// the common case; read them without the general path.
				if p := r.pos; p+5 <= len(r.data) && r.data[p] < 0x80 {
					j += int(r.data[p])
					if j >= m.Dim {
						break
					}
					row[j] = math.Float32frombits(binary.LittleEndian.Uint32(r.data[p+1 : p+5]))
					r.pos = p + 5
					continue
				}
				j += r.count()
				if j >= m.Dim {
					break
				}
				row[j] = r.f32()
			}
			if j >= m.Dim {
				return nil, fmt.Errorf("learn: model %q: weight index %d outside %d", m.Name, j, m.Dim)
			}
		}
		b.Models = append(b.Models, m)
	}
	if r.err != nil {
		return nil, fmt.Errorf("learn: truncated or corrupt bundle: %w", r.err)
	}
	return b, nil
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
