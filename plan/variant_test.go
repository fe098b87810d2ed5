package plan

import (
	"hash/fnv"
	"strings"
	"testing"

	"github.com/align-coach/align/playbook"
)

// TestVariantIsFNV: the wording picked is FNV-1a of the slot key, a zero
// byte and the text, exactly as hash/fnv computes it, so plans stay the
// same byte for byte.
func TestVariantIsFNV(t *testing.T) {
	v := playbook.Variants{"a", "b", "c", "d", "e", "f", "g"}
	for _, seed := range []string{"", "x", "Our CRO, Greg, calls it rigged.", strings.Repeat("héllo wörld ", 500)} {
		for _, key := range []string{"", "type", "open.line", "escalation.trigger"} {
			h := fnv.New32a()
			h.Write([]byte(key))
			h.Write([]byte{0})
			h.Write([]byte(seed))
			want := v[int(h.Sum32()%uint32(len(v)))]
			if got := (&ctx{seed: seed}).variant(key, v); got != want {
				t.Errorf("variant(%q, %.20q) = %q, want %q", key, seed, got, want)
			}
		}
	}
}
