package engine_test

import (
	"os"
	"slices"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
)

// TestExamplesAreReadRight pins what a careful reader concludes from each
// quick-start example, so a golden file can never lock in a misreading
// again (issue: the Type 4 example once read moderate, peer and nothing
// tried; the Type 1 example read its user as established).
func TestExamplesAreReadRight(t *testing.T) {
	e, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		file      string
		primary   align.Type
		urgency   align.Urgency
		tenure    string
		reporting string
		tried     []string
	}{
		// "about three months ago" she joined; "We both report to the
		// COO"; "I haven't done anything about it yet except listen".
		{"type1-earned.md", 1, align.UrgencyHigh, "new", "peer", nil},
		// "for two years"; "We both report to the CEO"; "I haven't tried
		// anything formal yet".
		{"type2-structural.md", 2, align.UrgencyHigh, "established", "peer", nil},
		// "three years in"; "Elena and I both report to the CEO"; "I sent
		// her a breakdown of the multi-touch data".
		{"type3-political.md", 3, align.UrgencyHigh, "established", "peer", []string{"data_deck"}},
		// "moves half of marketing's spend" to the CEO next month;
		// "Marketing reports to Victor"; "I asked Victor directly".
		{"type4-categorical.md", 4, align.UrgencyCritical, "established", "senior", []string{"direct_conversation"}},
	} {
		b, err := os.ReadFile("../examples/" + c.file)
		if err != nil {
			t.Fatal(err)
		}
		_, d, err := e.Diagnose(intake.Input{Situation: string(b)})
		if err != nil {
			t.Fatal(err)
		}
		f := d.Facts
		if d.Primary() != c.primary || d.Urgency != c.urgency || f.Tenure != c.tenure || f.Reporting != c.reporting ||
			!slices.Equal(f.Tried, append([]string{}, c.tried...)) {
			t.Errorf("%s: type %d urgency %s tenure %s reporting %s tried %v; want %d %s %s %s %v",
				c.file, d.Primary(), d.Urgency, f.Tenure, f.Reporting, f.Tried, c.primary, c.urgency, c.tenure, c.reporting, c.tried)
		}
	}
}
