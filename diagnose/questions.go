package diagnose

import (
	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
	"slices"
)

// missing lists the setup facts the situation does not give, in the
// playbook's order.
func missing(pb *playbook.Playbook, s *playbook.Scan, sit align.Situation, d *align.Diagnosis) []string {
	g := sit.Given
	f := d.Facts
	has := func(key string, counts func(playbook.Hit) bool) bool {
		for h := range s.Each("fact", key) {
			if counts(h) {
				return true
			}
		}
		return false
	}
	asserted := func(h playbook.Hit) bool { return h.Counts() }
	done := func(h playbook.Hit) bool { return !h.Intent }

	// What the sales leader said or did: any type cue that is not about
	// marketing's own record.
	typeEvidence := false
	for h := range s.Each("type", "") {
		typeEvidence = typeEvidence || (h.Counts() && !h.Signal.Own)
	}
	// Friction the user describes is something the sales leader did.
	for h := range s.Each("route", "relational") {
		typeEvidence = typeEvidence || (h.Counts() && h.Signal.ID == "r-friction")
	}
	present := map[string]bool{
		align.FieldSaid: g.Said != "" || len(f.Quotes) > 0 || typeEvidence || has("said=given", asserted),
		// A user new to the role has known the dynamic only as long as the
		// role, so a stated tenure answers how long it has existed.
		align.FieldDuration: g.Duration != "" || f.Duration != "" ||
			(f.Tenure == align.TenureNew && len(f.Evidence["tenure"]) > 0),
		align.FieldTenure:    f.Tenure != align.Unknown,
		align.FieldTried:     g.TriedGiven || len(f.Tried) > 0 || has("tried=given", done),
		align.FieldReporting: f.Reporting != align.Unknown,
		align.FieldContext: g.Context != "" || g.Stage != "" || f.SharedTarget != align.Unknown ||
			f.LeadershipSees != align.Unknown || has("context=given", asserted),
	}
	out := []string{}
	for _, field := range align.SetupFields {
		if !present[field] {
			out = append(out, field)
		}
	}
	return out
}

// assumptions says what the plan assumes for each missing fact.
func assumptions(pb *playbook.Playbook, missing []string, proactive bool) []align.Assumption {
	out := []align.Assumption{}
	for _, m := range missing {
		a := pb.Plan.Assumptions[m]
		if p, ok := pb.Plan.AssumptionsProactive[m]; ok && proactive {
			a = p
		}
		out = append(out, align.Assumption{Field: m, Assumed: a.Assumed, Question: a.Question})
	}
	return out
}

// followUps picks the questions that would settle the diagnosis when the
// leading types are close or the evidence is thin: those that separate
// the leading type from its runner-up, from the bank, in the bank's order.
func followUps(pb *playbook.Playbook, d *align.Diagnosis, answered map[string]string) []align.Question {
	out := []align.Question{}
	if d.Route.Route != align.RouteAlignment || d.Proactive {
		return out
	}
	cfg := pb.Diagnosis
	first, second := leading(d.Scores)
	uncertain := first.Score < cfg.Thin || (second.Score > 0 && second.Score >= cfg.Close*first.Score)
	if !uncertain {
		return out
	}
	pairs := [][2]align.Type{{first.Type, second.Type}}
	if second.Score == 0 {
		// Thin evidence and no runner-up: ask what tells the leader apart
		// from any other type.
		pairs = nil
		for _, t := range d.Scores {
			if t.Type != first.Type {
				pairs = append(pairs, [2]align.Type{first.Type, t.Type})
			}
		}
	}
	for _, pair := range pairs {
		for _, q := range pb.Questions {
			if len(out) >= cfg.MaxQuestion {
				return out
			}
			if _, done := answered[q.ID]; done || !separates(q, pair) || hasQuestion(out, q.ID) {
				continue
			}
			if q.Field == "shared_target" && d.Facts.SharedTarget != align.Unknown {
				continue
			}
			if evidenced(d, q.AnsweredBy) {
				continue
			}
			out = append(out, Question(q))
		}
	}
	return out
}

// evidenced reports whether the diagnosis quotes the user's words for
// one of the signals: the urgency's reasons or a type's evidence.
func evidenced(d *align.Diagnosis, signals []string) bool {
	if len(signals) == 0 {
		return false
	}
	for _, e := range d.UrgencyReasons {
		if slices.Contains(signals, e.Signal) {
			return true
		}
	}
	for _, ts := range d.Scores {
		for _, e := range ts.Evidence {
			if slices.Contains(signals, e.Signal) {
				return true
			}
		}
	}
	return false
}

// leading returns the two best-scoring types.
func leading(scores []align.TypeScore) (align.TypeScore, align.TypeScore) {
	var a, b align.TypeScore
	for _, s := range scores {
		switch {
		case s.Score > a.Score || a.Type == 0:
			b, a = a, s
		case s.Score > b.Score || b.Type == 0:
			b = s
		}
	}
	return a, b
}

func separates(q playbook.QuestionDef, pair [2]align.Type) bool {
	for _, p := range q.Separates {
		if (align.Type(p[0]) == pair[0] && align.Type(p[1]) == pair[1]) ||
			(align.Type(p[0]) == pair[1] && align.Type(p[1]) == pair[0]) {
			return true
		}
	}
	return false
}

func hasQuestion(list []align.Question, id string) bool {
	for _, q := range list {
		if q.ID == id {
			return true
		}
	}
	return false
}

// Question turns a bank entry into the domain's Question.
func Question(q playbook.QuestionDef) align.Question {
	out := align.Question{ID: q.ID, Text: q.Text, Why: q.Why, Field: q.Field, Multi: q.Multi}
	for _, c := range q.Choices {
		out.Choices = append(out.Choices, align.Choice{Value: c.Value, Label: c.Label})
	}
	return out
}

// Questions lists what the situation still needs: a setup question for
// each missing fact, then the follow-ups of the diagnosis.
func Questions(pb *playbook.Playbook, d align.Diagnosis) []align.Question {
	out := []align.Question{}
	for _, m := range d.Facts.Missing {
		for _, q := range pb.Questions {
			if q.Field == m {
				out = append(out, Question(q))
				break
			}
		}
	}
	for _, q := range d.Questions {
		if !hasQuestion(out, q.ID) {
			out = append(out, q)
		}
	}
	return out
}
