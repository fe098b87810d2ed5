package plan

import (
	"strings"
	"testing"
)

// TestCleanMatchesFields: clean's fast path (a string already clean is
// returned as it is) gives what folding every string through
// strings.Fields gives, and nest's replacer made once what one made per
// call gives.
func TestCleanMatchesFields(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a b", "a b ", "a  b", "a\tb", "a\nb", "a\r\nb", "a\u00a0b",
		"a\u0085b", "a\u2003b", "caf\u00e9 au lait", "\"quoted\" words", "\u201cquoted\u201d",
		"end.\n", "\va", "a\f", "x y z", "one two  three",
	} {
		if got, want := clean(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
		slow := strings.NewReplacer("\"", "'", "\u201c", "'", "\u201d", "'").Replace(s)
		if got := nest(s); got != slow {
			t.Errorf("nest(%q) = %q, want %q", s, got, slow)
		}
	}
}
