package diagnose_test

import (
	"slices"
	"testing"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/diagnose"
)

// TestReportingLineIsNotAnEscalation checks that a sentence stating who
// reports to whom, or someone's belief about the user, is never read as
// the user going over the sales leader's head, while an escalation told
// beside a reporting line, or as the user's own, still is.
func TestReportingLineIsNotAnEscalation(t *testing.T) {
	checkTried(t, "escalated", []triedCase{
		{"Our CRO, Priit, says marketing's attribution is fiction and re-tags our deals as sales-sourced. Priit and I both report to the CEO. I sent Priit a breakdown of the multi-touch data and he has not replied.", false},
		{"Our CRO, Priit, says marketing's attribution is fiction. Priit and I both report to the CEO, and last month I went to the CEO about it behind his back.", true},
		{"Our CRO, Priit, says marketing's attribution is fiction and re-tags our deals. Priit and I both report to the CEO. Do I go to the CEO?", false},
		// A move told only as someone else's belief ("he seems to think I
		// went to the CEO") is not made; told as the user's own, it is.
		{"Our VP Sales, Dmitri, calls marketing a cost centre. Our CEO, Ingrid, told him in their one on one to get on board with marketing. Dmitri now seems to think I went to Ingrid about him.", false},
		{"Our VP Sales, Dmitri, calls marketing a cost centre. He is convinced we went behind his back to the CEO.", false},
		{"Our VP Sales, Dmitri, calls marketing a cost centre. Last month I went to Ingrid, our CEO, about him, and he found out.", true},
		// An escalation goes to someone above: data sent to the sales
		// leader and the managers under him went over no one's head.
		{"Our Sales Director, Werner, runs a Monday call with his two regional managers, Stefan and Chiara. His reps ignore anything tagged MQL. I built a new monthly dashboard and sent it to Werner, Stefan and Chiara. Nobody opened it.", false},
		{"Our Sales Director, Werner, runs a Monday call with his two regional managers, Stefan and Chiara. His reps ignore anything tagged MQL. Last month I went to Elisabeth, our managing director, about him, and he found out.", true},
	})
}

// TestALeadRuleChangeIsToldInItsWords checks that a lead-rule change made
// without sales is read only where the words of lead rules are near
// ("I didn't preview it with Ewan" after a board slide is not one), while
// one told in them still is.
func TestALeadRuleChangeIsToldInItsWords(t *testing.T) {
	checkTried(t, "mql_change_without_sales", []triedCase{
		{"Our CRO, Ewan, and I were close. In September our CEO asked me to add a slide to the board deck. I showed marketing-sourced pipeline at 44% of new pipeline. I didn't preview it with Ewan. Honestly it didn't occur to me. He was blindsided.", false},
		{"Our CRO, Ewan, says our leads are junk. In June I raised the MQL scoring threshold from 50 to 80. I didn't run it past Ewan first.", true},
		// A change offered is not made; one made beside an offer is.
		{"Our Sales Director, Javier, says our MQLs are junk. Afterwards I suggested to Tomás that I tighten the MQL definition to roofs over 2,000 m². Nothing came of it.", false},
		{"Our Sales Director, Hemi, says our MQLs are junk. In March I changed the app lead rule myself so only users who add something to a cart get passed on, and I suggested to Hemi that we both track first orders instead.", true},
		// A model built and shown to the sales leader changed no rule.
		{"Our Head of Sales, Thomas, says our leads are junk. In my first month I built a new lead scoring model and showed it to him. He said it looked academic.", false},
	})
}

// TestAMessageIsNotAConversation checks that a sentence telling of a
// message sent, with no conversation in it, is never read as the direct
// conversation, while a talk held still is.
func TestAMessageIsNotAConversation(t *testing.T) {
	checkTried(t, "direct_conversation", []triedCase{
		{"Our VP of National Accounts, Curtis, still brings up the ebook in every leadership meeting. What I've tried: in my second week I emailed Curtis a draft lead scoring model and asked for his comments. He never replied.", false},
		{"Our VP of National Accounts, Curtis, still brings up the ebook in every leadership meeting. In my second week I sat down with Curtis one on one and asked what a good lead looks like to him. It went nowhere.", true},
	})
}

// triedCase is a text and whether it tells of the code checked.
type triedCase struct {
	text string
	want bool
}

// checkTried reads each text and checks whether its tried codes hold code.
func checkTried(t *testing.T, code string, tests []triedCase) {
	t.Helper()
	rd, err := diagnose.DefaultReader()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		d := diagnose.Diagnose(pb(t), rd, align.Situation{Text: tt.text})
		if got := slices.Contains(d.Facts.Tried, code); got != tt.want {
			t.Errorf("%s %v, want %v (tried %v): %q", code, got, tt.want, d.Facts.Tried, tt.text)
		}
	}
}
