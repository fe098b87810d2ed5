package plan

import "testing"

// TestOccasion checks what a plan names as falling on the date ahead:
// the occasion nearest before the date's words, named further by up to
// two words, never by a date, a determiner or a verb.
func TestOccasion(t *testing.T) {
	nouns := []string{"meeting", "offsite", "qbr", "kickoff", "board", "pack", "sign-off", "committee", "deck", "draft", "review"}
	for _, tt := range []struct{ text, due, want string }{
		{"On 14 December we have 2027 planning meeting with CEO, CFO, Radim and me", "Monday 14 December", "the 2027 planning meeting"},
		{"The board meets on 15 December and the board pack locks on 8 December", "Tuesday 8 December", "the board pack lock"},
		{"The deck locks December 11", "Friday 11 December", "the deck lock"},
		{"The board meets on 15 December and the board pack locks on 8 December", "Tuesday 15 December", "the board"},
		{"Kristin is putting together the global marketing QBR on 10 December", "Thursday 10 December", "the global marketing QBR"},
		{"The attribution rules go to the exec committee for sign-off on 16 December", "Wednesday 16 December", "the sign-off"},
		{"next board deck draft is due Dec 11", "Friday 11 December", "the board deck draft"},
		{"next board deck draft is due December 11", "Friday 11 December", "the board deck draft"},
		{"Budget will be locked on 18 December", "Friday 18 December", ""},
		{"the December 9 offsite", "Wednesday 9 December", "the offsite"},
		// Nothing named before the date: the occasion after it must be in
		// the date's own clause.
		{"Proposals are due to Meredith on 12 March and the board sees the plan on 8 April", "Friday 12 March", ""},
		// ... nor one with a date of its own.
		{"Sanne has asked me for acquisition cost by channel by 4 December, for the board meeting on 10 December", "Friday 4 December", ""},
		{"the December 9 offsite, and the kickoff after it", "Wednesday 9 December", "the offsite"},
		// A count or a quantifier before the noun does not name it.
		{"ok quick one, board meeting is thursday the 10th", "Thursday 10 December", "the board meeting"},
	} {
		cut := dueAt(tt.text, tt.due)
		if got := occasion(nouns, tt.text, cut); got != tt.want {
			t.Errorf("%q (due %s): occasion %q, want %q", tt.text, tt.due, got, tt.want)
		}
	}
}

// TestDueAt finds the due day as written, whole: "18 December" is not
// "8 December".
func TestDueAt(t *testing.T) {
	for _, tt := range []struct {
		text, due string
		want      int
	}{
		{"locks on 18 December and meets on 8 December", "Tuesday 8 December", 34},
		{"on the 8th of December", "Tuesday 8 December", 7},
		{"on December 8, then", "Tuesday 8 December", 3},
		{"on 18 December", "Tuesday 8 December", -1},
	} {
		if got := dueAt(tt.text, tt.due); got != tt.want {
			t.Errorf("%q: %d, want %d", tt.text, got, tt.want)
		}
	}
}
