package lint_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestPlansInOtherHands runs the linter on plans written as a person or
// a language model would write them: each rule-breaking plan is caught by
// the rule it breaks, and each clean one has no errors.
func TestPlansInOtherHands(t *testing.T) {
	cases := []struct {
		file string
		want []string // the error rules expected, sorted; none for a clean plan
	}{
		{"llm-escalation-in-room.txt", []string{"early-escalation"}},
		{"llm-boss-in-room.md", []string{"early-escalation"}},
		{"person-mandate-first.txt", []string{"early-escalation"}},
		{"llm-clean-one-change.txt", nil},
		{"clean-failed-conversation.txt", nil},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "hands", tc.file))
			if err != nil {
				t.Fatal(err)
			}
			r := check(t, string(b))
			var got []string
			seen := map[string]bool{}
			for _, f := range r.Findings {
				if f.Severity == "error" && !seen[f.Rule] {
					seen[f.Rule] = true
					got = append(got, f.Rule)
				}
			}
			sort.Strings(got)
			if strings.Join(got, ",") != strings.Join(tc.want, ",") {
				t.Errorf("errors %v, want %v\n%s", got, tc.want, r)
			}
		})
	}
}
