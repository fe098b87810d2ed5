package diagnose

import (
	"testing"

	align "github.com/align-coach/align"
)

// TestAnsweredQuestionsAreNotAsked: a question the user's own quoted
// words already answer is not asked (a fresh user was asked whether
// budget was at stake right after quoting the cut).
func TestAnsweredQuestionsAreNotAsked(t *testing.T) {
	pb := testPlaybook(t)
	base := func() *align.Diagnosis {
		return &align.Diagnosis{
			Route:  align.RouteResult{Route: align.RouteAlignment},
			Scores: []align.TypeScore{{Type: 3, Score: 5}, {Type: 1, Score: 4.5}, {Type: 2}, {Type: 4}},
			Facts:  align.Facts{SharedTarget: align.Unknown},
		}
	}
	asked := func(d *align.Diagnosis) bool {
		for _, q := range followUps(pb, d, nil) {
			if q.ID == "q-stakes" {
				return true
			}
		}
		return false
	}
	if d := base(); !asked(d) {
		t.Fatalf("q-stakes not asked with nothing said about the stakes: %+v", followUps(pb, d, nil))
	}
	d := base()
	d.UrgencyReasons = []align.Evidence{{Quote: "cut marketing's budget from $420k to $260k", Signal: "u-budget-on-table"}}
	if asked(d) {
		t.Errorf("q-stakes asked after the user quoted a budget cut")
	}
}
