package match

import (
	"strings"
	"testing"

	"github.com/kljensen/snowball/english"
)

// TestStemTable checks every line of stems.txt against the stemmer, and
// that the table is sorted so that tableStem finds every word in it. A
// word missing from the table only costs time (Stem runs the stemmer); a
// wrong entry would change what a text matches, so each is checked.
func TestStemTable(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(stemTable, "\n"), "\n")
	if len(lines) < 1000 {
		t.Fatalf("stems.txt has %d lines; run go generate ./match", len(lines))
	}
	prev := ""
	for i, l := range lines {
		w, st, ok := strings.Cut(l, " ")
		if !ok || !StemTableWord(w) {
			t.Fatalf("line %d %q: want \"word stem\"", i+1, l)
		}
		if w <= prev {
			t.Fatalf("line %d: %q after %q: not sorted", i+1, w, prev)
		}
		prev = w
		if want := english.Stem(w, true); st != want {
			t.Errorf("line %d: %s stems to %q, the table says %q; run go generate ./match", i+1, w, want, st)
		}
		if got, ok := tableStem(w); !ok || got != st {
			t.Errorf("tableStem(%q) = %q, %v; want %q", w, got, ok, st)
		}
	}
	for _, w := range []string{"", "aaaaaaa", "zzzzzzzz", "leadz", "pipelines0"} {
		if _, ok := tableStem(w); ok && strings.Contains(stemTable, "\n"+w+" ") == false {
			t.Errorf("tableStem(%q) found a word the table does not hold", w)
		}
	}
}
