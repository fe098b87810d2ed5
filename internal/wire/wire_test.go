package wire

import (
	"math"
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	var w Writer
	w.Uint(0)
	w.Uint(300)
	w.Uint(math.MaxUint64)
	w.Int(-5)
	w.Int(math.MinInt64)
	w.String("")
	w.String("héllo")
	w.Float(-1.5)
	w.Float(math.Inf(1))
	w.Bool(true)
	w.Bool(false)
	w.Int32s(nil)
	w.Int32s([]int32{0, -1, math.MaxInt32, math.MinInt32})

	r := NewReader(w.B)
	got := []any{r.Uint(), r.Uint(), r.Uint(), r.Int(), r.Int(), r.String(), r.String(),
		r.Float(), r.Float(), r.Bool(), r.Bool(), r.Int32s(), r.Int32s()}
	want := []any{uint64(0), uint64(300), uint64(math.MaxUint64), int64(-5), int64(math.MinInt64), "", "héllo",
		-1.5, math.Inf(1), true, false, []int32{}, []int32{0, -1, math.MaxInt32, math.MinInt32}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if err := r.Done(); err != nil {
		t.Fatal(err)
	}
}

// TestCorruptData: a truncated or padded stream gives an error and zero
// values, never a panic or a huge allocation.
func TestCorruptData(t *testing.T) {
	var w Writer
	w.String("abcdef")
	w.Int32s([]int32{1, 2, 3})
	for n := 0; n < len(w.B); n++ {
		r := NewReader(w.B[:n])
		_ = r.String()
		r.Int32s()
		if r.Done() == nil {
			t.Errorf("%d of %d bytes read without an error", n, len(w.B))
		}
	}
	if err := NewReader(append(w.B, 0)).Done(); err == nil {
		t.Errorf("unread bytes gave no error")
	}
	huge := Writer{}
	huge.Uint(1 << 40)
	r := NewReader(huge.B)
	if s := r.Int32s(); s != nil || r.Err() == nil {
		t.Errorf("a count past the data was accepted")
	}
	bad := NewStringReader("\x02")
	if bad.Bool(); bad.Err() == nil {
		t.Errorf("a bool of 2 was accepted")
	}
}
