package learn_test

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"github.com/align-coach/align/learn"
)

func vec(idx ...int32) learn.Vector {
	v := learn.Vector{Idx: idx}
	for range idx {
		v.Val = append(v.Val, 1)
	}
	return v
}

// Feature 0 means class 1, feature 1 means class 0, feature 2 is noise.
func binaryExamples() []learn.Example {
	return []learn.Example{
		{X: vec(0), Class: 1}, {X: vec(0, 2), Class: 1}, {X: vec(0), Class: 1},
		{X: vec(1), Class: 0}, {X: vec(1, 2), Class: 0}, {X: vec(1), Class: 0}, {X: vec(2), Class: 0},
	}
}

func TestBinaryLearnsTheSeparatingFeature(t *testing.T) {
	m, err := learn.Fit(binaryExamples(), 2, 3, learn.Options{L2: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	if p := m.Probs(vec(0))[1]; p < 0.8 {
		t.Errorf("P(1 | feature 0) = %.2f, want > 0.8", p)
	}
	if p := m.Probs(vec(1))[1]; p > 0.2 {
		t.Errorf("P(1 | feature 1) = %.2f, want < 0.2", p)
	}
	c := m.Contributions(0, vec(0, 2))
	if c[0].Feature != 0 {
		t.Errorf("largest contribution from feature %d, want 0", c[0].Feature)
	}
}

func TestMultinomial(t *testing.T) {
	ex := []learn.Example{
		{X: vec(0), Class: 0}, {X: vec(0), Class: 0},
		{X: vec(1), Class: 1}, {X: vec(1), Class: 1},
		{X: vec(2), Class: 2}, {X: vec(2), Class: 2},
	}
	m, err := learn.Fit(ex, 3, 3, learn.Options{L2: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	for k := 0; k < 3; k++ {
		p := m.Probs(vec(int32(k)))
		best := 0
		for j := range p {
			if p[j] > p[best] {
				best = j
			}
		}
		if best != k {
			t.Errorf("feature %d predicts class %d (%v), want %d", k, best, p, k)
		}
	}
}

func TestBalancedRaisesTheRareClass(t *testing.T) {
	ex := []learn.Example{{X: vec(0, 1), Class: 1}}
	for i := 0; i < 20; i++ {
		ex = append(ex, learn.Example{X: vec(1), Class: 0})
	}
	plain, _ := learn.Fit(ex, 2, 2, learn.Options{L2: 0.1})
	bal, _ := learn.Fit(ex, 2, 2, learn.Options{L2: 0.1, Balanced: true})
	if bal.Probs(vec(0, 1))[1] <= plain.Probs(vec(0, 1))[1] {
		t.Error("balanced weights did not raise the rare class")
	}
}

// A penalty of 1/c^2 on a feature is the same fit as that feature scaled
// by c under the plain penalty: the model's probabilities agree.
func TestPenaltyIsAFeatureScale(t *testing.T) {
	scaled := binaryExamples()
	for i := range scaled {
		x := learn.Vector{Idx: scaled[i].X.Idx, Val: slices.Clone(scaled[i].X.Val)}
		for k, j := range x.Idx {
			if j == 2 {
				x.Val[k] = 2
			}
		}
		scaled[i].X = x
	}
	plain, err := learn.Fit(scaled, 2, 3, learn.Options{L2: 0.05, Iterations: 500})
	if err != nil {
		t.Fatal(err)
	}
	pen, err := learn.Fit(binaryExamples(), 2, 3, learn.Options{L2: 0.05, Penalty: []float64{1, 1, 0.25}, Iterations: 500})
	if err != nil {
		t.Fatal(err)
	}
	same, err := learn.Fit(binaryExamples(), 2, 3, learn.Options{L2: 0.05, Iterations: 500})
	if err != nil {
		t.Fatal(err)
	}
	x2 := learn.Vector{Idx: []int32{2}, Val: []float32{2}}
	if a, b := plain.Probs(x2)[1], pen.Probs(vec(2))[1]; math.Abs(a-b) > 1e-3 {
		t.Errorf("P(1 | noise) scaled %.4f, penalised %.4f: want equal", a, b)
	}
	if a, b := pen.Probs(vec(2))[1], same.Probs(vec(2))[1]; math.Abs(a-b) < 1e-3 {
		t.Errorf("a lighter penalty on feature 2 did not change its fit (%.4f, %.4f)", a, b)
	}
	if _, err := learn.Fit(binaryExamples(), 2, 3, learn.Options{Penalty: []float64{1}}); err == nil {
		t.Error("a penalty of the wrong length gave no error")
	}
}

func TestFitRejectsBadInput(t *testing.T) {
	for name, tc := range map[string]struct {
		ex      []learn.Example
		classes int
	}{
		"no examples":     {nil, 2},
		"one class":       {binaryExamples(), 1},
		"class too large": {[]learn.Example{{X: vec(0), Class: 2}}, 2},
		"feature outside": {[]learn.Example{{X: vec(7), Class: 0}}, 2},
	} {
		if _, err := learn.Fit(tc.ex, tc.classes, 3, learn.Options{}); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestDeterministicAndRoundTrip(t *testing.T) {
	fit := func() []byte {
		m, err := learn.Fit(binaryExamples(), 2, 3, learn.Options{L2: 0.05, Prune: 1e-4})
		if err != nil {
			t.Fatal(err)
		}
		b := &learn.Bundle{Features: []string{"a", "b", "c"}, Models: []learn.Named{{Name: "m", Labels: []string{"no", "yes"}, Threshold: 0.4, Model: m}}}
		return b.Encode()
	}
	one, two := fit(), fit()
	if !bytes.Equal(one, two) {
		t.Fatal("two fits on the same examples encode differently")
	}
	b, err := learn.Decode(one)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Encode(), one) {
		t.Error("decode then encode changes the bytes")
	}
	if m := b.Find("m"); m == nil || m.Threshold != 0.4 || m.Labels[1] != "yes" {
		t.Errorf("decoded model = %+v", m)
	}
	for _, bad := range [][]byte{nil, []byte("nope"), one[:len(one)/2]} {
		if _, err := learn.Decode(bad); err == nil {
			t.Errorf("Decode(%d bytes) gave no error", len(bad))
		}
	}
}

func FuzzDecode(f *testing.F) {
	m, _ := learn.Fit(binaryExamples(), 2, 3, learn.Options{L2: 0.05})
	b := &learn.Bundle{Features: []string{"a", "b", "c"}, Models: []learn.Named{{Name: "m", Labels: []string{"no", "yes"}, Model: m}}}
	f.Add(b.Encode())
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		learn.Decode(data)
	})
}

// TestScoreMany checks that scoring several models of a decoded bundle in
// one pass gives the same bits as scoring each row alone, with values read
// as given and as ones.
func TestScoreMany(t *testing.T) {
	bin, err := learn.Fit(binaryExamples(), 2, 3, learn.Options{L2: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	var ex []learn.Example
	for i, e := range binaryExamples() {
		e.Class = i % 3
		ex = append(ex, e)
	}
	multi, err := learn.Fit(ex, 3, 3, learn.Options{L2: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	b := &learn.Bundle{Features: []string{"a", "b", "c"}, Models: []learn.Named{
		{Name: "m", Labels: []string{"no", "yes"}, Model: bin},
		{Name: "k", Labels: []string{"x", "y", "z"}, Model: multi},
		{Name: "n", Labels: []string{"no", "yes"}, Model: bin},
	}}
	dec, err := learn.Decode(b.Encode())
	if err != nil {
		t.Fatal(err)
	}
	x := learn.Vector{Idx: []int32{0, 2}, Val: []float32{0.5, 2}}
	ones := learn.Vector{Idx: x.Idx, Val: []float32{1, 1}}
	for _, bundle := range []*learn.Bundle{b, dec} {
		got := bundle.ScoreMany(0, 3, []bool{false, true, false}, x)
		for i, m := range bundle.Models {
			in := x
			if i == 1 {
				in = ones
			}
			for k := 0; k < m.Rows(); k++ {
				if want := m.Score(k, in); math.Float64bits(got[i][k]) != math.Float64bits(want) {
					t.Errorf("model %s row %d: %v, want %v", m.Name, k, got[i][k], want)
				}
			}
			if w, g := m.Probs(in), m.ProbsOf(got[i]); !slices.Equal(w, g) {
				t.Errorf("model %s: ProbsOf %v, Probs %v", m.Name, g, w)
			}
		}
	}
}

// TestFeatureText: a decoded bundle hands out its feature names as one
// string with their places, the same names as Features; a bundle made in
// memory, or one whose Features were replaced, has none to hand out.
func TestFeatureText(t *testing.T) {
	m, err := learn.Fit(binaryExamples(), 2, 3, learn.Options{L2: 0.05})
	if err != nil {
		t.Fatal(err)
	}
	names := []string{"w:lead", "", "b:lead_score"}
	made := &learn.Bundle{Features: names, Models: []learn.Named{{Name: "m", Labels: []string{"no", "yes"}, Model: m}}}
	if _, _, ok := made.FeatureText(); ok {
		t.Error("a bundle made in memory has feature text")
	}
	b, err := learn.Decode(made.Encode())
	if err != nil {
		t.Fatal(err)
	}
	text, at, ok := b.FeatureText()
	if !ok || len(at) != 2*len(names) {
		t.Fatalf("FeatureText() = %q, %v, %v", text, at, ok)
	}
	for i, want := range names {
		if got := text[at[2*i]:at[2*i+1]]; got != want || b.Features[i] != want {
			t.Errorf("name %d = %q (Features %q), want %q", i, got, b.Features[i], want)
		}
	}
	b.Features = []string{"x", "y", "z"}
	if _, _, ok := b.FeatureText(); ok {
		t.Error("a bundle whose Features were replaced still has feature text")
	}
}
