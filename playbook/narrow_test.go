package playbook_test

import (
	"testing"

	"github.com/align-coach/align/playbook"
)

// TestLabelForNarrows: evidence gets the narrowest label its words
// support, so a plan never says "headcount" where only a budget was cut.
func TestLabelForNarrows(t *testing.T) {
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	var sig *playbook.Signal
	for i := range pb.Urgency.Levels {
		for j := range pb.Urgency.Levels[i].Signals {
			if s := pb.Urgency.Levels[i].Signals[j]; s.ID == "u-budget-on-table" {
				sig = s
			}
		}
	}
	if sig == nil {
		t.Fatal("no signal u-budget-on-table")
	}
	for _, c := range []struct{ quote, want string }{
		{"cut marketing's budget from 4.2 million", "marketing's budget is on the table"},
		{"moving the SDR team under sales", "marketing's headcount is on the table"},
		{"marketing should report to him", "marketing's role is on the table"},
		{"looking at options", sig.Label},
	} {
		if got := sig.LabelFor(c.quote); got != c.want {
			t.Errorf("%q: label %q, want %q", c.quote, got, c.want)
		}
	}
}
