// Package eval measures align against labelled cases: situations (one YAML
// file each, with the route, types, urgency, facts, tried codes, missing
// fields and checks on the plan a practitioner would expect) and short
// routing messages (routing.jsonl). The layout and labels are described in
// the shared eval FORMAT.md. A case that does not load is an error naming
// its file, never a silent skip.
package eval

import (
	"fmt"
	"sort"
	"strings"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/plan"
)

// Metrics are the eval figures. Rates are fractions from 0 to 1.
type Metrics struct {
	Situations          int     `json:"situations"`
	Routing             int     `json:"routing"`
	RouteAccuracy       float64 `json:"route_accuracy"`
	TypePrimaryAccuracy float64 `json:"type_primary_accuracy"`
	TypeSetF1           float64 `json:"type_set_f1"`
	UrgencyExact        float64 `json:"urgency_exact"`
	UrgencyWithinOne    float64 `json:"urgency_within_one"`
	FactsAccuracy       float64 `json:"facts_accuracy"`
	TriedF1             float64 `json:"tried_f1"`
	MissingF1           float64 `json:"missing_f1"`
	PlanChecksPassRate  float64 `json:"plan_checks_pass_rate"`
	LintCleanRate       float64 `json:"lint_clean_rate"`
}

// Report is a full eval: the metrics, the misses, and the variety figure
// (share of identical sentences between plans of the same type).
type Report struct {
	Metrics Metrics
	Misses  []Miss
	Variety float64
}

// Miss is one expectation a case did not meet.
type Miss struct {
	Case string
	What string
	Want string
	Got  string
}

// Run evaluates the engine on the cases. date fixes the plans' Built line.
func Run(e *engine.Engine, cases []corpus.Case, routing []corpus.RoutingCase, date string) Report {
	m := Metrics{Situations: len(cases), Routing: len(routing)}
	var misses []Miss
	miss := func(id, what, want, got string) { misses = append(misses, Miss{id, what, want, got}) }

	var routeOK, routeN float64
	for _, r := range routing {
		got := e.Route(r.Message).Route
		routeN++
		if string(got) == r.Route {
			routeOK++
		} else {
			miss(r.ID, "route", r.Route, string(got))
		}
	}
	var primOK, primN, urgOK, urgNear, factOK, factN float64
	var types, tried, missing f1
	var checksOK, checksN, plans, clean float64
	byType := map[align.Type][]string{}
	for _, c := range cases {
		res, err := e.Plan(intake.Input{Situation: c.Message}, date)
		if err != nil {
			miss(c.ID, "error", "", err.Error())
			continue
		}
		d := res.Diagnosis
		x := c.Expect
		routeN++
		if string(d.Route.Route) == x.Route {
			routeOK++
		} else {
			miss(c.ID, "route", x.Route, string(d.Route.Route))
		}
		got := []int{}
		if d.Route.Route == align.RouteAlignment {
			for _, t := range d.Types {
				got = append(got, int(t))
			}
		}
		if x.Route == string(align.RouteAlignment) && len(x.Types) > 0 {
			primN++
			if len(got) > 0 && got[0] == x.Types[0] {
				primOK++
			} else {
				miss(c.ID, "primary type", fmt.Sprint(x.Types), fmt.Sprint(got))
			}
			types.add(ints(x.Types), ints(got))
			if fmt.Sprint(x.Types) != fmt.Sprint(got) && len(got) > 0 && got[0] == x.Types[0] {
				miss(c.ID, "type set", fmt.Sprint(x.Types), fmt.Sprint(got))
			}
		}
		if string(d.Urgency) == x.Urgency {
			urgOK++
		} else {
			miss(c.ID, "urgency", x.Urgency, string(d.Urgency))
		}
		if diff := align.Urgency(x.Urgency).Rank() - d.Urgency.Rank(); diff >= -1 && diff <= 1 {
			urgNear++
		}
		f := d.Facts
		for _, fc := range [][3]string{
			{"tenure", x.Tenure, f.Tenure}, {"reporting", x.Reporting, f.Reporting},
			{"shared_target", string(x.SharedTarget), f.SharedTarget}, {"leadership_sees", string(x.LeadershipSees), f.LeadershipSees},
		} {
			want := fc[1]
			if want == "" {
				want = align.Unknown
			}
			factN++
			if want == fc[2] {
				factOK++
			} else {
				miss(c.ID, fc[0], want, fc[2])
			}
		}
		tried.add(x.Tried, f.Tried)
		if fmt.Sprint(sorted(x.Tried)) != fmt.Sprint(sorted(f.Tried)) {
			miss(c.ID, "tried", fmt.Sprint(sorted(x.Tried)), fmt.Sprint(sorted(f.Tried)))
		}
		missing.add(x.Missing, f.Missing)
		if fmt.Sprint(sorted(x.Missing)) != fmt.Sprint(sorted(f.Missing)) {
			miss(c.ID, "missing", fmt.Sprint(sorted(x.Missing)), fmt.Sprint(sorted(f.Missing)))
		}
		text := ""
		if res.Plan != nil {
			text = plan.Text(*res.Plan)
			plans++
			if !d.Proactive && len(d.Types) > 0 {
				byType[d.Types[0]] = append(byType[d.Types[0]], text)
			}
			if rep := e.Lint(text); rep.OK() {
				clean++
			} else {
				miss(c.ID, "lint", "clean", strings.TrimSpace(rep.String()))
			}
		}
		for _, pc := range x.Plan {
			checksN++
			body := Section(text, pc.Section)
			if ok, why := pc.Pass(body); ok {
				checksOK++
			} else {
				miss(c.ID, "plan "+pc.Section, why, "")
			}
		}
	}
	m.RouteAccuracy = rate(routeOK, routeN)
	m.TypePrimaryAccuracy = rate(primOK, primN)
	m.TypeSetF1 = types.score()
	m.UrgencyExact = rate(urgOK, float64(len(cases)))
	m.UrgencyWithinOne = rate(urgNear, float64(len(cases)))
	m.FactsAccuracy = rate(factOK, factN)
	m.TriedF1 = tried.score()
	m.MissingF1 = missing.score()
	m.PlanChecksPassRate = rate(checksOK, checksN)
	m.LintCleanRate = rate(clean, plans)
	return Report{Metrics: m, Misses: misses, Variety: Variety(byType)}
}

// Section returns the body of one section of a plan in text form.
func Section(text, name string) string {
	lines := strings.Split(text, "\n")
	var out []string
	in := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if isHeading(t) {
			in = t == name
			continue
		}
		if in {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func isHeading(t string) bool {
	if t == align.SecAssumptions {
		return true
	}
	for _, s := range align.PlanSections {
		if t == s {
			return true
		}
	}
	return false
}

type f1 struct{ tp, fp, fn float64 }

func (f *f1) add(want, got []string) {
	w := map[string]bool{}
	for _, x := range want {
		w[x] = true
	}
	g := map[string]bool{}
	for _, x := range got {
		g[x] = true
	}
	for x := range g {
		if w[x] {
			f.tp++
		} else {
			f.fp++
		}
	}
	for x := range w {
		if !g[x] {
			f.fn++
		}
	}
}

func (f f1) score() float64 {
	if f.tp+f.fp+f.fn == 0 {
		return 1
	}
	return rate(2*f.tp, 2*f.tp+f.fp+f.fn)
}

func rate(a, b float64) float64 {
	if b == 0 {
		return 0
	}
	return float64(int(a/b*10000+0.5)) / 10000
}

func ints(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = fmt.Sprint(x)
	}
	return out
}

func sorted(xs []string) []string {
	out := append([]string{}, xs...)
	sort.Strings(out)
	return out
}

// Table renders the metrics and the misses for a terminal.
func Table(r Report) string {
	m, misses := r.Metrics, r.Misses
	var b strings.Builder
	fmt.Fprintf(&b, "%-24s %d\n", "situations", m.Situations)
	fmt.Fprintf(&b, "%-24s %d\n", "routing messages", m.Routing)
	for _, r := range []struct {
		name string
		v    float64
	}{
		{"route_accuracy", m.RouteAccuracy}, {"type_primary_accuracy", m.TypePrimaryAccuracy},
		{"type_set_f1", m.TypeSetF1}, {"urgency_exact", m.UrgencyExact},
		{"urgency_within_one", m.UrgencyWithinOne}, {"facts_accuracy", m.FactsAccuracy},
		{"tried_f1", m.TriedF1}, {"missing_f1", m.MissingF1},
		{"plan_checks_pass_rate", m.PlanChecksPassRate}, {"lint_clean_rate", m.LintCleanRate},
	} {
		fmt.Fprintf(&b, "%-24s %.3f\n", r.name, r.v)
	}
	fmt.Fprintf(&b, "%-24s %.3f  (share of identical sentences between plans of the same type)\n", "plan_sameness", r.Variety)
	if len(misses) > 0 {
		fmt.Fprintf(&b, "\nmisses (%d):\n", len(misses))
		for _, x := range misses {
			fmt.Fprintf(&b, "  %-5s %-16s want %s", x.Case, x.What, x.Want)
			if x.Got != "" {
				fmt.Fprintf(&b, ", got %s", x.Got)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}
