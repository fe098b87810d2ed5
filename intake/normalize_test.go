package intake_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/align-coach/align/intake"
)

// normalizeSlow is Normalize as it was before its no-copy path: every
// text goes through split, trim and join.
func normalizeSlow(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}

// TestNormalizeNoCopy checks that a text returned without copying reads
// exactly as the split-trim-join path makes it.
func TestNormalizeNoCopy(t *testing.T) {
	parts := []string{"a", "Bo", " ", "\t", "\n", "\r", "\u00a0", "\u2003", "é", ".", "\v"}
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.IntN(12); k > 0; k-- {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		s := b.String()
		if got, want := intake.Normalize(s), normalizeSlow(s); got != want {
			t.Fatalf("Normalize(%q) = %q, want %q", s, got, want)
		}
	}
}
