package plan

import (
	"strings"
	"testing"
)

func TestGrammarFaults(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want int
	}{
		{"clean", "Ask Dana for a seat at an hour that suits her, and a one on one.", 0},
		{"doubled", "make the the change", 1},
		{"doubled at a sentence's start", "Ask her. The the change is small.", 1},
		{"a name spelled like the next word", "As soon as Will will take the meeting.", 0},
		{"a the", "build on a the summary", 1},
		{"a an", "send a an update", 1},
		{"an consonant", "an deck", 1},
		{"a vowel", "a update", 1},
		{"brace", "ask {leader}", 2},
		{"empty parens", "as you said ().", 1},
		{"double space", "ask  Dana", 1},
		{"space dot", "ask Dana .", 1},
		{"initialisms", "an MQL, an SDR, a CRO and a VP", 0},
		{"initialism after a", "a MQL", 1},
		{"numbers", "1,400 registrations and 2 2 opportunities", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := GrammarFaults(c.in); len(got) != c.want {
				t.Errorf("GrammarFaults(%q) = %q, want %d faults", c.in, got, c.want)
			}
		})
	}
}

// A condition is quoted whole, not cut at its comma.
func TestClauseKeepsAConditionWhole(t *testing.T) {
	text := "Simone stopped the meeting and said that if marketing sourced 41%, she's overpaying her AEs. Then she left."
	got, _, _ := clause(text, strings.Index(text, "Simone"), strings.Index(text, "41%"))
	if got != "Simone stopped the meeting and said that if marketing sourced 41%, she's overpaying her AEs" {
		t.Errorf("clause = %q", got)
	}
}
