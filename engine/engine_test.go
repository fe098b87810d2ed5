package engine_test

import (
	"strings"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
)

func newTestEngine(t *testing.T) *engine.Engine {
	t.Helper()
	e, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// A request that is only half about a sales leader is asked about, not
// turned away.
func TestUnsureRouteAsks(t *testing.T) {
	e := newTestEngine(t)
	msg := e.Declined(align.RouteResult{Route: align.RouteNone, Unsure: true})
	if !strings.Contains(msg, "Is this about your working relationship with a sales leader") {
		t.Errorf("unsure decline does not ask: %s", msg)
	}
	if sure := e.Declined(align.RouteResult{Route: align.RouteNone}); sure == msg {
		t.Error("a sure decline asks the same question")
	}
}

// The engine routes with the learned reader, and the same text gives the
// same result on every call.
func TestRouteUsesTheReader(t *testing.T) {
	e := newTestEngine(t)
	if e.Reader == nil {
		t.Fatal("no learned reader")
	}
	for text, want := range map[string]align.Route{
		"our CRO keeps calling marketing a cost center and his reps ignore our leads":  align.RouteAlignment,
		"what fields should our MQL to SQL handoff SLA include and what response time": align.RouteSLA,
	} {
		a, b := e.Route(text), e.Route(text)
		if a.Route != want || b.Route != a.Route || a.Scores != b.Scores {
			t.Errorf("%q: route %s then %s, want %s", text, a.Route, b.Route, want)
		}
	}
}
