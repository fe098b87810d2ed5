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

// TestOutcomeAfter: a record's outcome told in the short sentence after
// it is read with it; a long sentence, one without a count, a quotation
// or a new paragraph is not.
func TestOutcomeAfter(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The agency produced about 1,100 leads. The desk checked every one: nine were real lessees, none signed. Vincent calls it the student campaign.", "The agency produced about 1,100 leads. The desk checked every one: nine were real lessees, none signed"},
		{"The agency produced about 1,100 leads. Vincent still calls it the student campaign.", "The agency produced about 1,100 leads"},
		{"The agency produced about 1,100 leads.\n\nNine of them became customers.", "The agency produced about 1,100 leads"},
		{"The agency produced about 1,100 leads. He said \"two were real\".", "The agency produced about 1,100 leads"},
	}
	for _, tt := range tests {
		hi := strings.Index(tt.text, "leads") + len("leads")
		if got := tt.text[:outcomeAfter(tt.text, hi)]; got != tt.want {
			t.Errorf("outcomeAfter: %q, want %q", got, tt.want)
		}
	}
}
