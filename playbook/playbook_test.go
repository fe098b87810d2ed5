package playbook_test

import (
	"testing"

	"github.com/align-coach/align/playbook"
)

func TestDefaultLoads(t *testing.T) {
	p, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Types) != 4 || len(p.TriedCodes()) != 9 {
		t.Fatalf("types=%d tried=%d", len(p.Types), len(p.TriedCodes()))
	}
}

// Urgency signals read the kind of act, not a word: a manager told the
// leads may be ignored is a sales leader working against the program, and
// a reorganisation told as the time since when is not a role on the table.
func TestUrgencySignals(t *testing.T) {
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text, signal string
		want         bool
	}{
		{"He has told his regional managers they can ignore web form leads.", "u-working-against", true},
		{"He told his reps to ignore our leads.", "u-working-against", true},
		{"Since the April reorganisation, marketing reports to our CRO.", "u-budget-on-table", false},
		{"There is a planned reorganisation in January and marketing may move under sales.", "u-budget-on-table", true},
	}
	for _, tt := range tests {
		got := false
		for _, h := range pb.Scan(tt.text).Hits {
			got = got || h.Signal.ID == tt.signal
		}
		if got != tt.want {
			t.Errorf("%q: signal %s %v, want %v", tt.text, tt.signal, got, tt.want)
		}
	}
}
