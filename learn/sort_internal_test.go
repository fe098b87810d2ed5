package learn

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortContributions: the quicksort gives the order slices.SortFunc
// gives, on random lists with ties in value, sorted and reversed lists,
// and lists of one repeated value.
func TestSortContributions(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		for _, kind := range []string{"random", "ties", "sorted", "reversed", "same"} {
			c := make([]Contribution, n)
			for i := range c {
				c[i].Feature = int32(i)
				switch kind {
				case "random":
					c[i].Value = rng.Float64()
				case "ties":
					c[i].Value = float64(rng.IntN(4))
				case "sorted":
					c[i].Value = float64(n - i)
				case "reversed":
					c[i].Value = float64(i)
				case "same":
					c[i].Value = 1
				}
			}
			rng.Shuffle(len(c), func(i, j int) { c[i], c[j] = c[j], c[i] })
			want := slices.Clone(c)
			slices.SortFunc(want, func(a, b Contribution) int {
				switch {
				case a.Value > b.Value:
					return -1
				case a.Value < b.Value:
					return 1
				}
				return int(a.Feature) - int(b.Feature)
			})
			sortContributions(c, 2*len(c))
			if !slices.Equal(c, want) {
				t.Fatalf("%s, %d: order differs", kind, n)
			}
			sortContributions(c, 0) // the fallback alone
			if !slices.Equal(c, want) {
				t.Fatalf("%s, %d: fallback order differs", kind, n)
			}
		}
	}
}
