package match

import (
	"fmt"
	"testing"
)

// TestSymTable: every stem is found as its symbol, a stem not in the
// table is not, and a stem given twice is counted as a duplicate (a
// corrupt automaton) with the last symbol winning, as a map would have it.
func TestSymTable(t *testing.T) {
	var stems []string
	for i := range 5000 {
		stems = append(stems, fmt.Sprintf("s%d", i))
	}
	stems = append(stems, "", "#num", "zero")
	tab := newSymTable(stems)
	if tab.len() != len(stems) || tab.dups != 0 {
		t.Fatalf("len %d dups %d, want %d and 0", tab.len(), tab.dups, len(stems))
	}
	for i, s := range stems {
		if got, ok := tab.lookup(s); !ok || got != int32(i) || tab.at(i) != s {
			t.Errorf("lookup(%q) = %d, %v; at(%d) = %q", s, got, ok, i, tab.at(i))
		}
	}
	for _, s := range []string{"s5000", "s", "zer", "#", "s12 "} {
		if got, ok := tab.lookup(s); ok {
			t.Errorf("lookup(%q) = %d, want none", s, got)
		}
	}
	dup := newSymTable([]string{"a", "b", "a"})
	if got, ok := dup.lookup("a"); dup.dups != 1 || !ok || got != 2 {
		t.Errorf("with a stem twice: dups %d, lookup(a) = %d, %v", dup.dups, got, ok)
	}
	var empty symTable
	if _, ok := empty.lookup("a"); ok {
		t.Error("the empty table finds a stem")
	}
}
