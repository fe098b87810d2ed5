package engine_test

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
)

// TestSamePlanForAnyLineEnding: CRLF, LF, trailing whitespace and a final
// newline give the same plan, byte for byte, on every front end (they
// all run through Engine.Plan).
func TestSamePlanForAnyLineEnding(t *testing.T) {
	e, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"type1-earned.md", "type2-structural.md", "type3-political.md", "type4-categorical.md"} {
		b, err := os.ReadFile("../examples/" + f)
		if err != nil {
			t.Fatal(err)
		}
		lf := strings.TrimSpace(strings.ReplaceAll(string(b), "\r\n", "\n"))
		var want string
		for i, text := range []string{lf, lf + "\n", strings.ReplaceAll(lf, "\n", "\r\n") + "\r\n", strings.ReplaceAll(lf, "\n", " \n") + "\t\n\n"} {
			res, err := e.Plan(intake.Input{Situation: text}, "")
			if err != nil || res.Plan == nil {
				t.Fatalf("%s: %v", f, err)
			}
			got, _ := e.Render(res, "text")
			if i == 0 {
				want = got
			} else if got != want {
				t.Errorf("%s: form %d gives a different plan", f, i)
			}
		}
	}
}
