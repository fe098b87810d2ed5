// Package route decides whether a request belongs to the sales leader
// alignment playbook at all. A request is "alignment" when it is about the
// human relationship between a marketing or RevOps leader and a sales
// leader (including building it proactively), "sla" when it asks to design
// the lead handoff itself (MQL definition, scoring, routing, an SLA), and
// "none" otherwise: a problem with the CEO, CFO or product, the user's own
// sales team, or an unrelated task.
//
// The cues and their weights are playbook data. A cue found in a sentence
// that asks for help weighs more, because what the user asks for decides
// the route more than what they mention on the way.
package route

import (
	"fmt"
	"sort"
	"strings"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
)

// Text routes a message.
func Text(pb *playbook.Playbook, text string) align.RouteResult {
	return Decide(pb, pb.Scan(text))
}

// Decide routes a scanned text.
func Decide(pb *playbook.Playbook, s *playbook.Scan) align.RouteResult {
	sum := map[string]float64{}
	// The hits behind each kind; only the picked kinds become evidence.
	ev := map[string][]playbook.Hit{}
	seen := map[string]int{}
	for h := range s.Each("route", "") {
		if !h.Counts() {
			continue
		}
		k := h.Signal.Key()
		w := h.Signal.Weight
		if h.Ask {
			w *= pb.Route.AskWeight
		}
		// Repeats of one cue add less and less.
		seen[h.Signal.ID]++
		if n := seen[h.Signal.ID]; n > 1 {
			w *= pb.Diagnosis.Repeat
			if n > pb.Diagnosis.MaxRepeats+2 {
				w = 0
			}
		}
		sum[k] += w
		ev[k] = append(ev[k], h)
	}
	// What the sales leader says or does (the type signals) is evidence of
	// a relationship problem too, at TypeWeight of its weight.
	typeW := 0.0
	for h := range s.Each("type", "") {
		if h.Counts() {
			typeW += h.Signal.Weight * pb.Route.TypeWeight
			ev["type"] = append(ev["type"], h)
		}
	}
	// A proactive request needs a counterpart as much as a complaint does.
	relational := sum["relational"] + sum["proactive"] + typeW - sum["not_relationship"]
	th := pb.Route.Thresholds
	alignment := relational
	if sum["counterpart"] == 0 {
		alignment *= th.NoCounterpart
	}
	sla := sum["design"]
	none := sum["other_party"] + sum["user_in_sales"] + sum["off_topic"]

	res := align.RouteResult{Scores: align.RouteScore{
		Alignment: round(alignment), SLA: round(sla), None: round(none),
	}}
	pick := func(r align.Route, kinds ...string) {
		res.Route = r
		n := 0
		for _, k := range kinds {
			n += len(ev[k])
		}
		if n > 0 {
			res.Evidence = make([]align.Evidence, 0, n)
		}
		for _, k := range kinds {
			for _, h := range ev[k] {
				res.Evidence = append(res.Evidence, s.Evidence(h))
			}
		}
		sort.SliceStable(res.Evidence, func(i, j int) bool { return res.Evidence[i].Start < res.Evidence[j].Start })
	}
	switch {
	case sum["user_in_sales"] >= th.UserInSales && sum["user_in_sales"] >= alignment/2:
		pick(align.RouteNone, "user_in_sales")
		res.Reason = pb.Route.Reasons["user_in_sales"]
	case sla >= th.SLA && sla >= alignment:
		pick(align.RouteSLA, "design", "not_relationship")
		res.Reason = pb.Route.Reasons["design"]
	case alignment >= th.Alignment && alignment > none:
		pick(align.RouteAlignment, "counterpart", "relational", "proactive", "type")
		res.Reason = pb.Route.Reasons["alignment"]
	case sla >= th.SLA:
		pick(align.RouteSLA, "design")
		res.Reason = pb.Route.Reasons["process"]
	default:
		pick(align.RouteNone, "other_party", "off_topic", "user_in_sales")
		if none > 0 {
			res.Reason = pb.Route.Reasons["other"]
		} else {
			res.Reason = pb.Route.Reasons["unrelated"]
		}
	}
	return res
}

func round(f float64) float64 {
	return float64(int(f*100+0.5)) / 100
}

// Explain renders the routing decision for a terminal: the route, then
// the phrases that decided it.
func Explain(r align.RouteResult) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", r.Route)
	fmt.Fprintf(&b, "  %s\n", r.Reason)
	fmt.Fprintf(&b, "  scores: alignment %.2f, sla %.2f, none %.2f\n", r.Scores.Alignment, r.Scores.SLA, r.Scores.None)
	for _, e := range r.Evidence {
		fmt.Fprintf(&b, "  - %q (%s)\n", e.Quote, e.Signal)
	}
	return b.String()
}
