// Package wire is the small binary encoding of align's build-time compiled
// data (the playbook and its pattern automaton): unsigned varints, strings
// with their length, little-endian floats and int32 arrays. A Reader works
// on the bytes in place, keeps the first error and returns zero values
// after it, so a decoder checks once at the end.
package wire

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"unsafe"
)

// Writer appends values to a byte slice.
type Writer struct{ B []byte }

// Uint writes an unsigned varint.
func (w *Writer) Uint(v uint64) { w.B = binary.AppendUvarint(w.B, v) }

// Int writes a signed varint.
func (w *Writer) Int(v int64) { w.B = binary.AppendVarint(w.B, v) }

// String writes a length and the bytes.
func (w *Writer) String(s string) { w.Uint(uint64(len(s))); w.B = append(w.B, s...) }

// Float writes a float64, little-endian.
func (w *Writer) Float(v float64) { w.B = binary.LittleEndian.AppendUint64(w.B, math.Float64bits(v)) }

// Bool writes one byte.
func (w *Writer) Bool(v bool) {
	if v {
		w.B = append(w.B, 1)
	} else {
		w.B = append(w.B, 0)
	}
}

// Int32s writes a length and the values, four bytes each.
func (w *Writer) Int32s(v []int32) {
	w.Uint(uint64(len(v)))
	for _, x := range v {
		w.B = binary.LittleEndian.AppendUint32(w.B, uint32(x))
	}
}

// Reader reads values written by a Writer from data, in place.
type Reader struct {
	data string
	pos  int
	err  error
}

// NewReader reads data. Strings it returns share data's memory, so data
// must not change afterwards (embedded data never does).
func NewReader(data []byte) *Reader {
	return &Reader{data: unsafe.String(unsafe.SliceData(data), len(data))}
}

// NewStringReader reads data held as a string.
func NewStringReader(data string) *Reader { return &Reader{data: data} }

// Err is the first error met, or nil.
func (r *Reader) Err() error { return r.err }

// Done reports an error unless every byte was read without error.
func (r *Reader) Done() error {
	if r.err == nil && r.pos != len(r.data) {
		r.err = fmt.Errorf("wire: %d bytes left over", len(r.data)-r.pos)
	}
	return r.err
}

func (r *Reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.pos = len(r.data)
}

// Uint reads an unsigned varint.
func (r *Reader) Uint() uint64 {
	if r.err != nil {
		return 0
	}
	// One byte is the common case.
	if r.pos < len(r.data) && r.data[r.pos] < 0x80 {
		v := uint64(r.data[r.pos])
		r.pos++
		return v
	}
	var v uint64
	var s uint
	for i := 0; i < binary.MaxVarintLen64; i++ {
		if r.pos >= len(r.data) {
			break
		}
		b := r.data[r.pos]
		r.pos++
		if b < 0x80 {
			return v | uint64(b)<<s
		}
		v |= uint64(b&0x7f) << s
		s += 7
	}
	r.fail(errors.New("wire: truncated or overlong varint"))
	return 0
}

// Len reads a count and checks that it could fit in what is left, so a
// corrupt count cannot ask for a huge allocation.
func (r *Reader) Len() int {
	v := r.Uint()
	if v > uint64(len(r.data)-r.pos) {
		r.fail(fmt.Errorf("wire: count %d larger than the data", v))
		return 0
	}
	return int(v)
}

// Int reads a signed varint.
func (r *Reader) Int() int64 {
	u := r.Uint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// String reads a string.
func (r *Reader) String() string {
	n := r.Len()
	if r.err != nil {
		return ""
	}
	s := r.data[r.pos : r.pos+n]
	r.pos += n
	return s
}

// Float reads a float64.
func (r *Reader) Float() float64 {
	if r.err != nil {
		return 0
	}
	if len(r.data)-r.pos < 8 {
		r.fail(errors.New("wire: truncated float"))
		return 0
	}
	v := binary.LittleEndian.Uint64([]byte(r.data[r.pos : r.pos+8]))
	r.pos += 8
	return math.Float64frombits(v)
}

// Bool reads one byte.
func (r *Reader) Bool() bool {
	if r.err != nil {
		return false
	}
	if r.pos >= len(r.data) {
		r.fail(errors.New("wire: truncated bool"))
		return false
	}
	b := r.data[r.pos]
	r.pos++
	if b > 1 {
		r.fail(fmt.Errorf("wire: bad bool %d", b))
	}
	return b == 1
}

// Int32s reads an int32 array.
func (r *Reader) Int32s() []int32 {
	n := r.Uint()
	if r.err != nil {
		return nil
	}
	if n > uint64(len(r.data)-r.pos)/4 {
		r.fail(fmt.Errorf("wire: %d values larger than the data", n))
		return nil
	}
	out := make([]int32, n)
	if littleEndian {
		// The bytes are the values as this machine lays them out: one
		// copy (the automaton's arrays are most of a playbook's start).
		copy(unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(out))), 4*n), r.data[r.pos:])
	} else {
		for i := range out {
			p := r.pos + 4*i
			out[i] = int32(uint32(r.data[p]) | uint32(r.data[p+1])<<8 | uint32(r.data[p+2])<<16 | uint32(r.data[p+3])<<24)
		}
	}
	r.pos += 4 * int(n)
	return out
}

// littleEndian is true on a little-endian machine.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1
