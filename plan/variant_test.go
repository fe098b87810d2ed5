package plan

import (
	"hash/fnv"
	"strings"
	"testing"

	"github.com/align-coach/align/playbook"
)

// TestVariantIsFNV: the wording picked is FNV-1a of the text, a zero
// byte and the slot key, exactly as hash/fnv computes it, so plans stay
// the same byte for byte; one ctx answers every slot from one hash of the
// text.
func TestVariantIsFNV(t *testing.T) {
	v := playbook.Variants{"a", "b", "c", "d", "e", "f", "g"}
	for _, seed := range []string{"", "x", "Our CRO, Greg, calls it rigged.", strings.Repeat("héllo wörld ", 500)} {
		c := &ctx{seed: seed}
		for _, key := range []string{"", "type", "open.line", "escalation.trigger"} {
			h := fnv.New32a()
			h.Write([]byte(seed))
			h.Write([]byte{0})
			h.Write([]byte(key))
			want := v[int(h.Sum32()%uint32(len(v)))]
			if got := c.variant(key, v); got != want {
				t.Errorf("variant(%q, %.20q) = %q, want %q", key, seed, got, want)
			}
		}
	}
}
