package plan

import (
	"strings"
	"testing"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
	"github.com/align-coach/align/sheet"
)

// TestSecondPerson: a told sentence is turned to the user outside
// quotation marks only, "I was" becomes "you were", the sales leader's
// pronoun becomes their name, a curly apostrophe stays curly, a dash is
// said as a comma and a closing "!" as a stop.
func TestSecondPerson(t *testing.T) {
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	c := &ctx{pb: pb, d: align.Diagnosis{Facts: align.Facts{Leader: align.Person{Name: "Grant"}}}}
	tests := []struct{ text, pronoun, want string }{
		{"In February he cut my budget from A$310k to A$140k.", "he", "In February Grant cut your budget from A$310k to A$140k."},
		{"I was at 140% of my target and we still lost 30% of our budget!", "", "You were at 140% of your target and you still lost 30% of your budget."},
		{"He called it \"my fault, not ours\" after I\u2019d shown him 412 leads.", "He", "Grant called it \"my fault, not ours\" after you\u2019d shown him 412 leads."},
		{"My team booked 86 visits \u2014 19 became contracts", "", "Your team booked 86 visits, 19 became contracts."},
		{"When he hired me I promised 40 demo requests a month.", "", "When he hired you, you promised 40 demo requests a month."},
	}
	for _, tt := range tests {
		told := sheet.Told{Span: sheet.Span{Start: 100, End: 100 + len(tt.text), Text: tt.text}, Pronoun: -1}
		if tt.pronoun != "" {
			told.Pronoun = 100 + strings.Index(tt.text, tt.pronoun)
		}
		if got := c.secondPerson(told); got != tt.want {
			t.Errorf("secondPerson(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}
