package plan_test

import (
	"strings"
	"testing"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/plan"
)

// TestPlansClaimOnlyWhatTheTextSays shows each kind of false claim on a
// small situation: the plan says what the text gives and nothing it does
// not.
func TestPlansClaimOnlyWhatTheTextSays(t *testing.T) {
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		text string
		// has must appear in the plan; hasNot must not.
		has, hasNot []string
	}{
		{
			name:   "no lost pipeline the text does not mention",
			text:   "Our VP of Sales, Dana, says marketing's leads are junk and argues with me in every pipeline meeting. I run marketing and we both report to the CEO.",
			hasNot: []string{"costs pipeline", "costing pipeline"},
		},
		{
			name:   "the date ahead is named",
			text:   "Our CRO, Victor, told me, \"I've never needed marketing to hit a number.\" His budget proposal moves half of marketing's spend into SDRs. The proposal goes to the CEO next month.",
			has:    []string{"\"The proposal goes to the CEO next month\""},
			hasNot: []string{"Nothing is being decided", "nothing you describe is being decided"},
		},
		{
			name:   "a belief is not older than the work of a user in their second year",
			text:   "I'm in my second year running marketing. Our CRO, Victor, told me, \"sales doesn't need marketing to hit its number,\" and he means it. We both report to the CEO.",
			hasNot: []string{"predates anything you have shipped", "before your results existed", "Are you new to the role"},
		},
		{
			name:   "words said to the team are second-hand",
			text:   "Our VP of Sales, Dana, told her whole team that our webinar leads are \"a waste of a dial\". One of her reps told me. I run marketing; we both report to the CEO.",
			hasNot: []string{"actually said", "own words", "at face value"},
		},
		{
			name:   "the user's sentence is not the sales leader's view",
			text:   "I run marketing at a 90-person startup, eight months in. In my first week our CRO, Victor, told me, \"I've never needed marketing to hit a number, and I don't plan to start now.\"",
			hasNot: []string{"\"In my first week", "\"\""},
		},
		{
			name:   "a RevOps lead is not scored on MQLs",
			text:   "I lead RevOps at a fintech and I'm not measured on MQLs. Our CRO, Marcus, says the funnel numbers I publish are fiction and his team has a different number to hit.",
			hasNot: []string{"scored on different metrics", "Marketing is measured on one thing"},
		},
		{
			name:   "after an escalation, repair before leadership",
			text:   "Our CRO, Marcus, says marketing is a cost centre and sales doesn't need it. I went to the CEO about it last month and Marcus found out. Now he won't talk to me.",
			hasNot: []string{"written statement", "leadership's expectations of marketing written down", "First the CEO"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := e.Plan(intake.Input{Situation: tt.text}, "2026-11-24")
			if err != nil {
				t.Fatal(err)
			}
			if res.Plan == nil {
				t.Fatalf("no plan (route %s)", res.Diagnosis.Route.Route)
			}
			txt := plan.Text(*res.Plan)
			for _, s := range tt.has {
				if !strings.Contains(txt, s) {
					t.Errorf("plan lacks %q:\n%s", s, txt)
				}
			}
			for _, s := range tt.hasNot {
				if strings.Contains(txt, s) {
					t.Errorf("plan says %q:\n%s", s, txt)
				}
			}
			for _, q := range e.Questions(res.Situation, res.Diagnosis) {
				if q.Field == align.FieldTenure && strings.Contains(tt.text, "second year") {
					t.Errorf("asks %q of a user in their second year", q.Text)
				}
			}
		})
	}
}
