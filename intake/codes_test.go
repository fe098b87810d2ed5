package intake_test

import (
	"strings"
	"testing"

	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/playbook"
)

// TestTriedOneValue: "tried": "data_deck" (one code, not a list) is read
// as a list of one in JSON and YAML; a wrong shape still gets one clear line.
func TestTriedOneValue(t *testing.T) {
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, data, want, err string
	}{
		{"a.json", `{"situation":"x","tried":"data_deck"}`, "data_deck", ""},
		{"a.yaml", "situation: x\ntried: data_deck\n", "data_deck", ""},
		{"a.json", `{"situation":"x","tried":["data_deck","escalated"]}`, "data_deck,escalated", ""},
		{"a.yaml", "situation: x\ntried: [data_deck, escalated]\n", "data_deck,escalated", ""},
		{"a.json", `{"situation":"x","tried":"nonsense"}`, "", `tried: unknown code "nonsense"`},
		{"a.json", `{"situation":"x","tried":5}`, "", "tried"},
		{"a.yaml", "situation: x\ntried: 5\n", "", "tried must be a list of text, not a number"},
	} {
		in, err := intake.Parse(intake.Detect(tc.name, []byte(tc.data)), []byte(tc.data), pb.TriedCodes())
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) || strings.Contains(err.Error(), "Go ") || strings.Contains(err.Error(), "intake.") {
				t.Errorf("%s: error %v, want one containing %q", tc.data, err, tc.err)
			}
			continue
		}
		if err != nil || strings.Join(in.Tried, ",") != tc.want {
			t.Errorf("%s: tried %v, err %v", tc.data, in.Tried, err)
		}
	}
}
