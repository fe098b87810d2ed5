package sheet

import (
	"testing"
	"time"
)

// TestDateOf checks that a deadline's words resolve to the day they
// name, and that the day something is owed by ("before Friday") wins
// over the day of the move that beats it ("tomorrow").
func TestDateOf(t *testing.T) {
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) // a Tuesday
	tests := []struct {
		text string
		want string // "" when no date can be placed
	}{
		{"I was going to send it tomorrow morning so they have it before Friday", "2026-12-04"},
		{"I'll send it tomorrow", "2026-12-02"},
		{"Final budget decision is Friday", "2026-12-04"},
		{"the board meets on 15 December and the pack locks on 8 December", "2026-12-08"},
		{"at our leadership meeting on the 9th", "2026-12-09"},
		{"before the 1st", "2026-12-01"},
		{"the board meeting next quarter", ""},
	}
	for _, tt := range tests {
		at, ok := dateOf(tt.text, now)
		got := ""
		if ok {
			got = at.Format("2006-01-02")
		}
		if got != tt.want {
			t.Errorf("dateOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}
