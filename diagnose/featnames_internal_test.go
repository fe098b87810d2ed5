package diagnose

import (
	"testing"

	"github.com/align-coach/align/learn"
)

// TestFeatureNames: the reader holds the embedded model's names in place
// and a bundle made in memory's as a copy; either way every name is the
// bundle's, and the table finds each one at its index.
func TestFeatureNames(t *testing.T) {
	b, err := learn.Decode(EmbeddedModel())
	if err != nil {
		t.Fatal(err)
	}
	made := &learn.Bundle{Features: append([]string(nil), b.Features...), Models: b.Models}
	for _, bd := range []*learn.Bundle{b, made} {
		r, err := NewReader(bd)
		if err != nil {
			t.Fatal(err)
		}
		if r.bundle.Features != nil || r.feat.len() != len(bd.Features) {
			t.Fatalf("reader keeps %d feature strings and %d names, want 0 and %d", len(r.bundle.Features), r.feat.len(), len(bd.Features))
		}
		for i, want := range bd.Features {
			if got := r.feat.name(i); got != want {
				t.Fatalf("name %d = %q, want %q", i, got, want)
			}
			if f := r.table.find(want, "", "", ""); f < 0 || (f != int32(i) && bd.Features[f] != want) {
				t.Fatalf("find(%q) = %d", want, f)
			}
		}
		if len(bd.Features) == 0 {
			t.Fatal("no features")
		}
	}
}
