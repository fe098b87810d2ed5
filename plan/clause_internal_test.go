package plan

import (
	"strings"
	"testing"
)

// TestClauseDropsReportedThat: a clause quoted as evidence loses the
// "that" of reported speech, but not a demonstrative or a subjunctive's.
func TestClauseDropsReportedThat(t *testing.T) {
	tests := []struct{ text, at, want string }{
		{"He has told me twice that reps find the work, and that his last company never had a marketing team.", "last company", "his last company never had a marketing team"},
		{"The reps all agree on one thing: that webinar was a waste of everyone's time.", "webinar", "that webinar was a waste of everyone's time"},
		{"He proposed to the CEO, that my two specialists be moved under Commercial.", "specialists", "that my two specialists be moved under Commercial"},
	}
	for _, tt := range tests {
		at := strings.Index(tt.text, tt.at)
		if got, _, _ := clause(tt.text, at, at+len(tt.at)); got != tt.want {
			t.Errorf("clause around %q: %q, want %q", tt.at, got, tt.want)
		}
	}
}
