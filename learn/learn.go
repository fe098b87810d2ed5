// Package learn fits and applies regularised logistic regression over
// sparse feature vectors: binary (one weight vector, a sigmoid) and
// multinomial (one vector per class, a softmax). It knows nothing of
// align; the reader package decides what the features and the labels are.
//
// Fitting minimises the mean weighted log loss plus an L2 penalty on the
// weights (never the biases) with L-BFGS from gonum/optimize, starting at
// zero. Nothing is random and the examples are used in the order given,
// so the same examples give the same weights, bit for bit.
package learn

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"

	"gonum.org/v1/gonum/optimize"
)

// Vector is a sparse feature vector: Idx ascending and unique, one value
// per index.
type Vector struct {
	Idx []int32
	Val []float32
}

// Example is one labelled vector. Class is 0 or 1 for a binary model and
// 0 to K-1 for a K-class model. Weight scales its loss (0 means 1).
type Example struct {
	X      Vector
	Class  int
	Weight float64
}

// Options control a fit.
type Options struct {
	// L2 is the penalty on the squared weights, per example: the loss is
	// mean(log loss) + L2/2 * |w|^2.
	L2 float64
	// Penalty, when not nil, scales L2 per feature (length dim): a feature
	// with penalty 0.25 is penalised a quarter as much, which is the same
	// fit as scaling that feature by 2 under the plain penalty. It lets a
	// caller trust one group of features more than another a priori.
	Penalty []float64
	// Balanced weighs each class inversely to its frequency, so a rare
	// class (a tried code seen in one case in twenty) is not ignored.
	Balanced bool
	// Iterations caps L-BFGS major iterations (0 means 300).
	Iterations int
	// Prune sets weights smaller than this in magnitude to zero after the
	// fit, so the encoded model stays small; the pruned model is the model.
	Prune float64
}

// Model is a fitted logistic regression. A binary model has one row of
// weights (K = 1) and gives the probability of class 1; a multinomial
// model has one row per class.
type Model struct {
	Classes int
	Dim     int
	// W holds K rows of Dim weights, row-major; B holds K biases.
	W []float32
	B []float32
	// flat, for a decoded model, is the bundle's block of weights: the
	// weight of feature j in row k is flat[j*stride+off+k]. W is then nil.
	flat        []float32
	stride, off int
}

// Weight returns the weight of feature j in row k.
func (m *Model) Weight(k, j int) float32 {
	if m.W == nil && m.flat != nil {
		return m.flat[j*m.stride+m.off+k]
	}
	return m.W[k*m.Dim+j]
}

// Rows is the number of weight rows: 1 for a binary model, else Classes.
func (m *Model) Rows() int {
	if m.Classes == 2 {
		return 1
	}
	return m.Classes
}

// Fit trains a model with classes classes (2 or more) over dim features.
// It fails when there are no examples, a class index is out of range, or
// a feature index is outside dim.
func Fit(ex []Example, classes, dim int, opt Options) (*Model, error) {
	if len(ex) == 0 {
		return nil, errors.New("learn: no examples")
	}
	if classes < 2 {
		return nil, fmt.Errorf("learn: need at least 2 classes, got %d", classes)
	}
	count := make([]float64, classes)
	for i, e := range ex {
		if e.Class < 0 || e.Class >= classes {
			return nil, fmt.Errorf("learn: example %d has class %d of %d", i, e.Class, classes)
		}
		for _, j := range e.X.Idx {
			if j < 0 || int(j) >= dim {
				return nil, fmt.Errorf("learn: example %d has feature %d outside %d", i, j, dim)
			}
		}
		count[e.Class]++
	}
	m := &Model{Classes: classes, Dim: dim}
	rows := m.Rows()
	weights := make([]float64, len(ex))
	total := 0.0
	for i, e := range ex {
		w := e.Weight
		if w == 0 {
			w = 1
		}
		if opt.Balanced {
			w *= float64(len(ex)) / (float64(classes) * count[e.Class])
		}
		weights[i] = w
		total += w
	}
	for i := range weights {
		weights[i] /= total
	}
	np := rows*dim + rows
	if opt.Penalty != nil && len(opt.Penalty) != dim {
		return nil, fmt.Errorf("learn: penalty has %d values for %d features", len(opt.Penalty), dim)
	}
	obj := &objective{ex: ex, w: weights, rows: rows, dim: dim, l2: opt.L2, pen: opt.Penalty, p: make([]float64, max(rows, 2))}
	iters := opt.Iterations
	if iters == 0 {
		iters = 300
	}
	prob := optimize.Problem{Func: obj.f, Grad: obj.grad}
	settings := &optimize.Settings{
		GradientThreshold: 1e-6,
		MajorIterations:   iters,
		Converger:         &optimize.FunctionConverge{Absolute: 1e-9, Relative: 1e-9, Iterations: 20},
	}
	res, err := optimize.Minimize(prob, make([]float64, np), settings, &optimize.LBFGS{Store: 15})
	if err != nil && res == nil {
		return nil, fmt.Errorf("learn: %w", err)
	}
	m.W = make([]float32, rows*dim)
	m.B = make([]float32, rows)
	for i := range m.W {
		if math.Abs(res.X[i]) >= opt.Prune {
			m.W[i] = float32(res.X[i])
		}
	}
	for k := range m.B {
		m.B[k] = float32(res.X[rows*dim+k])
	}
	return m, nil
}

// objective is the loss and its gradient over the flat parameters: rows*dim
// weights, then rows biases.
type objective struct {
	ex   []Example
	w    []float64
	rows int
	dim  int
	l2   float64
	pen  []float64 // per feature multiplier of l2, or nil
	p    []float64
}

func (o *objective) f(x []float64) float64 {
	loss, _ := o.eval(x, nil)
	return loss
}

func (o *objective) grad(g, x []float64) {
	for i := range g {
		g[i] = 0
	}
	o.eval(x, g)
}

// eval returns the loss and, when g is not nil, adds the gradient to g.
func (o *objective) eval(x, g []float64) (float64, bool) {
	loss := 0.0
	d := o.dim
	bias := x[o.rows*d:]
	for i, e := range o.ex {
		if o.rows == 1 {
			z := float64(bias[0]) + dot(x[:d], e.X)
			y := float64(e.Class)
			// log(1+exp(z)) - y*z, computed stably.
			loss += o.w[i] * (softplus(z) - y*z)
			if g != nil {
				r := o.w[i] * (sigmoid(z) - y)
				for k, j := range e.X.Idx {
					g[j] += r * float64(e.X.Val[k])
				}
				g[d] += r
			}
			continue
		}
		zmax := math.Inf(-1)
		for k := 0; k < o.rows; k++ {
			o.p[k] = bias[k] + dot(x[k*d:(k+1)*d], e.X)
			zmax = math.Max(zmax, o.p[k])
		}
		sum := 0.0
		for k := 0; k < o.rows; k++ {
			o.p[k] = math.Exp(o.p[k] - zmax)
			sum += o.p[k]
		}
		loss += o.w[i] * -math.Log(o.p[e.Class]/sum)
		if g != nil {
			for k := 0; k < o.rows; k++ {
				r := o.p[k] / sum
				if k == e.Class {
					r--
				}
				r *= o.w[i]
				row := g[k*d : (k+1)*d]
				for n, j := range e.X.Idx {
					row[j] += r * float64(e.X.Val[n])
				}
				g[o.rows*d+k] += r
			}
		}
	}
	reg := 0.0
	for i, v := range x[:o.rows*d] {
		c := 1.0
		if o.pen != nil {
			c = o.pen[i%d]
		}
		reg += c * v * v
		if g != nil {
			g[i] += o.l2 * c * v
		}
	}
	return loss + o.l2/2*reg, true
}

func dot(w []float64, x Vector) float64 {
	s := 0.0
	for k, j := range x.Idx {
		s += w[j] * float64(x.Val[k])
	}
	return s
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

func softplus(z float64) float64 {
	if z > 30 {
		return z
	}
	return math.Log1p(math.Exp(z))
}

// Score returns the linear score of row k for x (weights times values plus
// the bias).
func (m *Model) Score(k int, x Vector) float64 {
	s := float64(m.B[k])
	if m.W == nil && m.flat != nil {
		for n, j := range x.Idx {
			if int(j) < m.Dim {
				s += float64(m.flat[int(j)*m.stride+m.off+k]) * float64(x.Val[n])
			}
		}
		return s
	}
	row := m.W[k*m.Dim : (k+1)*m.Dim]
	for n, j := range x.Idx {
		if int(j) < m.Dim {
			s += float64(row[j]) * float64(x.Val[n])
		}
	}
	return s
}

// Probs returns the probability of each class, summing to 1: [P(0), P(1)]
// for a binary model.
func (m *Model) Probs(x Vector) []float64 {
	scores := make([]float64, m.Rows())
	for k := range scores {
		scores[k] = m.Score(k, x)
	}
	return m.ProbsOf(scores)
}

// Prob1 is ProbsOf(scores)[1], the probability of class 1 (a binary
// model's yes), without making the list: the diagnosis asks it of nine
// models for every sentence, and the two-element lists were a sixth of a
// plan's allocations.
func (m *Model) Prob1(scores []float64) float64 {
	if m.Rows() == 1 {
		return sigmoid(scores[0])
	}
	return m.ProbsOf(scores)[1]
}

// ProbsOf returns the probability of each class given the scores of the
// model's rows (Score, or ScoreMany).
func (m *Model) ProbsOf(scores []float64) []float64 {
	if m.Rows() == 1 {
		p := sigmoid(scores[0])
		return []float64{1 - p, p}
	}
	out := make([]float64, m.Classes)
	zmax := math.Inf(-1)
	for k := range out {
		out[k] = scores[k]
		zmax = math.Max(zmax, out[k])
	}
	sum := 0.0
	for k := range out {
		out[k] = math.Exp(out[k] - zmax)
		sum += out[k]
	}
	for k := range out {
		out[k] /= sum
	}
	return out
}

// ScoreMany returns the scores of every row of models from to to-1 for x,
// each model's in a slice of its Rows(), exactly as Score gives them. When
// ones is set, model from+i reads every value of x as 1 if ones[i].
//
// On a decoded bundle it makes one pass over x: the weights one feature has
// in all those models lie side by side in the block, so a text's features
// cost a few cache lines each instead of one a model (scoring the models
// one by one was a seventh of a plan, most of it waiting for memory). The
// sums run in the same order as Score's, so the scores are the same bits.
func (b *Bundle) ScoreMany(from, to int, ones []bool, x Vector) [][]float64 {
	out := make([][]float64, to-from)
	ms := b.Models[from:to]
	flat := len(ms) > 0 && ms[0].W == nil && len(ms[0].flat) > 0
	rows := 0
	for i := range ms {
		m := ms[i].Model
		flat = flat && m.W == nil && len(m.flat) > 0 && m.Dim == ms[0].Dim && &m.flat[0] == &ms[0].flat[0] &&
			m.off == ms[0].off+rows
		rows += m.Rows()
	}
	if !flat {
		for i := range ms {
			in := x
			if ones != nil && ones[i] {
				in = Vector{Idx: x.Idx, Val: onesLike(x.Val)}
			}
			out[i] = make([]float64, ms[i].Rows())
			for k := range out[i] {
				out[i][k] = ms[i].Score(k, in)
			}
		}
		return out
	}
	n := rowsBefore(ms, len(ms))
	acc := make([]float64, n)
	// The rows in runs of models that read x the same way (as its values,
	// or as presence, where a weight times 1 is the weight): the inner
	// loop then has no test per row.
	type run struct {
		lo, hi int
		one    bool
	}
	var runs [8]run
	rs := runs[:0]
	r := 0
	for i := range ms {
		one := ones != nil && ones[i]
		if k := len(rs) - 1; k >= 0 && rs[k].one == one {
			rs[k].hi += ms[i].Rows()
		} else {
			rs = append(rs, run{r, r + ms[i].Rows(), one})
		}
		for k := 0; k < ms[i].Rows(); k++ {
			acc[r] = float64(ms[i].B[k])
			r++
		}
	}
	// Four rows at a time, each row's sum kept in a register while the
	// loop runs over the features: every row still adds its terms in the
	// order of x, so the sums are the same, bit for bit, as adding row by
	// row, and each feature costs one bounds check per four rows instead
	// of a load and a store of every sum.
	m0 := ms[0].Model
	ws, stride, off, dim := m0.flat, m0.stride, m0.off, m0.Dim
	for _, rn := range rs {
		r := rn.lo
		for ; r+4 <= rn.hi; r += 4 {
			s0, s1, s2, s3 := acc[r], acc[r+1], acc[r+2], acc[r+3]
			if rn.one {
				for _, j := range x.Idx {
					if int(j) >= dim {
						continue
					}
					b := int(j)*stride + off + r
					w := ws[b : b+4 : b+4]
					s0 += float64(w[0])
					s1 += float64(w[1])
					s2 += float64(w[2])
					s3 += float64(w[3])
				}
			} else {
				val := x.Val[:len(x.Idx)]
				for e, j := range x.Idx {
					if int(j) >= dim {
						continue
					}
					b := int(j)*stride + off + r
					w := ws[b : b+4 : b+4]
					v := float64(val[e])
					s0 += float64(w[0]) * v
					s1 += float64(w[1]) * v
					s2 += float64(w[2]) * v
					s3 += float64(w[3]) * v
				}
			}
			acc[r], acc[r+1], acc[r+2], acc[r+3] = s0, s1, s2, s3
		}
		if r+2 <= rn.hi {
			s0, s1 := acc[r], acc[r+1]
			for e, j := range x.Idx {
				if int(j) >= dim {
					continue
				}
				b := int(j)*stride + off + r
				w := ws[b : b+2 : b+2]
				if rn.one {
					s0 += float64(w[0])
					s1 += float64(w[1])
				} else {
					v := float64(x.Val[e])
					s0 += float64(w[0]) * v
					s1 += float64(w[1]) * v
				}
			}
			acc[r], acc[r+1] = s0, s1
			r += 2
		}
		for ; r < rn.hi; r++ {
			s0 := acc[r]
			for e, j := range x.Idx {
				if int(j) >= dim {
					continue
				}
				w := ws[int(j)*stride+off+r]
				if rn.one {
					s0 += float64(w)
				} else {
					s0 += float64(w) * float64(x.Val[e])
				}
			}
			acc[r] = s0
		}
	}
	r = 0
	for i := range ms {
		out[i] = acc[r : r+ms[i].Rows()]
		r += ms[i].Rows()
	}
	return out
}

// rowsBefore counts the rows of ms[:i].
func rowsBefore(ms []Named, i int) int {
	n := 0
	for _, m := range ms[:i] {
		n += m.Rows()
	}
	return n
}

func onesLike(v []float32) []float32 {
	out := make([]float32, len(v))
	for i := range out {
		out[i] = 1
	}
	return out
}

// Contribution is what one feature added to a row's score.
type Contribution struct {
	Feature int32
	Value   float64
}

// Contributions lists, for row k, the features that raised the score
// (weight times value above zero), largest first, ties by feature index so
// the order is stable.
func (m *Model) Contributions(k int, x Vector) []Contribution {
	return m.AppendContributions(make([]Contribution, 0, len(x.Idx)/2), k, x)
}

// AppendContributions is Contributions appended to out, so that a caller
// explaining several scores of one text reuses one list.
func (m *Model) AppendContributions(out []Contribution, k int, x Vector) []Contribution {
	out = out[:0]
	for n, j := range x.Idx {
		if int(j) < m.Dim {
			if v := float64(m.Weight(k, int(j))) * float64(x.Val[n]); v > 0 {
				out = append(out, Contribution{j, v})
			}
		}
	}
	sortContributions(out, 2*bits.Len(uint(len(out))))
	return out
}

// before is the order of Contributions: larger values first, then lower
// feature indexes. Features are unique in a vector, so the order is total
// and every correct sort gives the same list.
func before(a, b Contribution) bool {
	return a.Value > b.Value || (a.Value == b.Value && a.Feature < b.Feature)
}

// sortContributions sorts by before: a quicksort with the comparison
// inlined (slices.SortFunc calls its comparison through a function value,
// and explaining a judgement sorts a text's contributions several times),
// insertion sort for short runs, and slices.SortFunc past depth bad
// pivots, so the worst case stays n log n.
func sortContributions(c []Contribution, depth int) {
	for len(c) > 12 {
		if depth == 0 {
			slices.SortFunc(c, func(a, b Contribution) int {
				switch {
				case before(a, b):
					return -1
				case before(b, a):
					return 1
				}
				return 0
			})
			return
		}
		depth--
		// Median of three to c[0], then partition around it.
		m, l := len(c)/2, len(c)-1
		if before(c[m], c[0]) {
			c[m], c[0] = c[0], c[m]
		}
		if before(c[l], c[0]) {
			c[l], c[0] = c[0], c[l]
		}
		if before(c[l], c[m]) {
			c[l], c[m] = c[m], c[l]
		}
		c[0], c[m] = c[m], c[0]
		p := c[0]
		i, j := 1, l
		for {
			for i <= j && before(c[i], p) {
				i++
			}
			for i <= j && before(p, c[j]) {
				j--
			}
			if i >= j {
				break
			}
			c[i], c[j] = c[j], c[i]
			i++
			j--
		}
		c[0], c[j] = c[j], c[0]
		// Recurse into the shorter side, loop on the longer.
		if j < len(c)-1-j {
			sortContributions(c[:j], depth)
			c = c[j+1:]
		} else {
			sortContributions(c[j+1:], depth)
			c = c[:j]
		}
	}
	for i := 1; i < len(c); i++ {
		for k := i; k > 0 && before(c[k], c[k-1]); k-- {
			c[k], c[k-1] = c[k-1], c[k]
		}
	}
}
