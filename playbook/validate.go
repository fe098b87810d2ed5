package playbook

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	align "github.com/align-coach/align"
)

// factValues lists the facts the data may describe and their values.
var factValues = map[string][]string{
	"tenure":          {align.TenureNew, align.TenureEstablished, "measure", "start"},
	"reporting":       {align.ReportingPeer, align.ReportingSenior},
	"shared_target":   {"yes", "no"},
	"leadership_sees": {"yes", "no"},
	"duration":        {"given"},
	"context":         {"given"},
	"said":            {"given"},
	"tried":           {"given"},
	"proactive":       {"yes"},
	"seat":            {"yes"},
	"leader_new":      {"yes"},
	"not_started":     {"yes"},
	"boss":            {"ceo", "coo", "president", "md", "gm", "partner", "cfo", "founder", "board"},
}

// routeCues lists the kinds of routing cue the router understands.
var routeCues = []string{
	"counterpart", "relational", "proactive", "design", "not_relationship",
	"other_party", "user_in_sales", "off_topic",
}

func (p *Playbook) validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	if p.Version == "" {
		bad("version is missing")
	}
	if p.Modifiers.Window < 1 {
		bad("modifiers.window must be at least 1")
	}
	ids := map[string]bool{}
	checkSignal := func(where string, s *Signal) {
		if s == nil {
			bad("%s: empty signal", where)
			return
		}
		if s.ID == "" {
			bad("%s: a signal has no id", where)
		} else if ids[s.ID] {
			bad("%s: signal id %q is used twice", where, s.ID)
		}
		ids[s.ID] = true
		if s.Weight <= 0 {
			bad("%s: signal %q needs a positive weight", where, s.ID)
		}
		if len(s.Patterns) == 0 {
			bad("%s: signal %q has no patterns", where, s.ID)
		}
		if s.Speaker != "" && s.Speaker != "sales_leader" {
			bad("%s: signal %q: speaker must be sales_leader or empty", where, s.ID)
		}
	}

	seenType := map[int]bool{}
	for _, t := range p.Types {
		if t.ID < 1 || t.ID > 4 || seenType[t.ID] {
			bad("types: id %d is not one of 1 to 4, or is repeated", t.ID)
		}
		seenType[t.ID] = true
		if t.Name == "" || t.Title == "" || t.Short == "" || t.Color == "" {
			bad("type %d: name, title, short and color are required", t.ID)
		}
		if len(t.Signals) == 0 {
			bad("type %d has no signals", t.ID)
		}
		if t.Evidence != "user" && t.Evidence != "sales_leader" && t.Evidence != "any" {
			bad("type %d: evidence must be user, sales_leader or any", t.ID)
		}
		for _, s := range t.Signals {
			checkSignal("type "+strconv.Itoa(t.ID), s)
			if s != nil && s.Label == "" {
				bad("type %d: signal %q needs a label the user can read", t.ID, s.ID)
			}
		}
	}
	if len(seenType) != 4 {
		bad("types: all four types must be described")
	}

	for kind, list := range p.Route.Cues {
		if !contains(routeCues, kind) {
			bad("route.cues: unknown cue kind %q", kind)
		}
		for _, s := range list {
			checkSignal("route."+kind, s)
		}
	}
	for _, k := range routeCues {
		if len(p.Route.Cues[k]) == 0 {
			bad("route.cues: %q has no signals", k)
		}
	}
	if th := p.Route.Thresholds; th.UserInSales <= 0 || th.SLA <= 0 || th.Alignment <= 0 || th.NoCounterpart < 0 || th.NoCounterpart > 1 {
		bad("route.thresholds: user_in_sales, sla and alignment must be positive, no_counterpart between 0 and 1")
	}
	for _, b := range p.Names.BossMentions {
		if p.Names.Bosses[b] == "" {
			bad("names.boss_mentions: %q has no entry in names.bosses", b)
		}
	}
	for _, b := range factValues["boss"] {
		if p.Names.Bosses[b] == "" {
			bad("names.bosses.%s is missing", b)
		}
	}
	if l := p.Diagnosis.Learned; l.Unclear <= 0 || l.Unclear >= 1 || l.Join <= 0 || l.Join >= 1 ||
		l.Risk <= 0 || l.Risk >= 1 || l.AskRoute <= 0 || l.AskRoute >= 1 || l.Evidence < 1 {
		bad("diagnosis.learned: unclear, join, risk and ask_route must be probabilities between 0 and 1, evidence at least 1")
	}
	if p.Route.AskWeight < 1 || p.Route.TypeWeight <= 0 {
		bad("route.ask_weight must be at least 1 and route.type_weight positive")
	}
	for _, r := range []string{string(align.RouteSLA), string(align.RouteNone), "unsure", "confirmed"} {
		if p.Route.Messages[r] == "" {
			bad("route.messages.%s is missing", r)
		} else if err := checkText("route.messages."+r, p.Route.Messages[r]); err != nil {
			errs = append(errs, err)
		}
	}

	for _, k := range []string{"user_in_sales", "design", "alignment", "process", "other", "unrelated"} {
		if err := checkText("route.reasons."+k, p.Route.Reasons[k]); err != nil {
			errs = append(errs, err)
		}
	}

	want := []string{"critical", "high", "moderate", "low"}
	if len(p.Urgency.Levels) != len(want) {
		bad("urgency.levels must be critical, high, moderate, low in that order")
	}
	for i, l := range p.Urgency.Levels {
		if i < len(want) && l.Level != want[i] {
			bad("urgency.levels[%d] is %q, want %q", i, l.Level, want[i])
		}
		if l.Meaning == "" {
			bad("urgency %s: meaning is required", l.Level)
		}
		for _, s := range l.Signals {
			checkSignal("urgency "+l.Level, s)
		}
	}

	for fact, vals := range p.Facts {
		allowed, ok := factValues[fact]
		if !ok {
			bad("facts: unknown fact %q", fact)
			continue
		}
		for v, list := range vals {
			if !contains(allowed, v) {
				bad("facts.%s: unknown value %q", fact, v)
			}
			for _, s := range list {
				checkSignal("facts."+fact+"."+v, s)
				if s != nil && s.Flip != "" && !contains(allowed, s.Flip) {
					bad("facts.%s.%s: signal %q flips to unknown value %q", fact, v, s.ID, s.Flip)
				}
			}
		}
	}

	codes := map[string]bool{}
	for _, t := range p.Tried {
		if t.Code == "" || codes[t.Code] {
			bad("tried: code %q is empty or repeated", t.Code)
		}
		codes[t.Code] = true
		if t.Label == "" || t.Plain == "" {
			bad("tried %s: label and plain are required", t.Code)
		}
		for _, s := range t.Signals {
			checkSignal("tried "+t.Code, s)
		}
	}

	tempts := map[string]bool{}
	for c := range codes {
		tempts[c] = true
	}
	for _, t := range p.Temptations {
		if t.Code == "" || tempts[t.Code] {
			bad("temptations: code %q is empty or repeats a code", t.Code)
		}
		tempts[t.Code] = true
		if t.Label == "" || t.Plain == "" {
			bad("temptation %s: label and plain are required", t.Code)
		}
		for _, s := range t.Signals {
			checkSignal("temptation "+t.Code, s)
		}
	}

	d := p.Diagnosis
	if d.Combine <= 0 || d.Combine > 1 || d.Close <= 0 || d.Close > 1 || d.Repeat < 0 || d.MaxRepeats < 1 ||
		d.UserWeight < 0 || d.MaxQuestion < 1 || d.NewMonths <= 0 {
		bad("diagnosis: combine and close must be in (0,1], repeat and user_weight not negative, max_repeats, max_questions and new_months positive")
	}

	qids := map[string]bool{}
	for _, q := range p.Questions {
		if q.ID == "" || qids[q.ID] {
			bad("questions: id %q is empty or repeated", q.ID)
		}
		qids[q.ID] = true
		if q.Text == "" || q.Why == "" {
			bad("question %s: text and why are required", q.ID)
		}
		if q.Field != "" && !contains(align.SetupFields, q.Field) && q.Field != "shared_target" && q.Field != "leadership_sees" {
			bad("question %s: unknown field %q", q.ID, q.Field)
		}
		for _, pair := range q.Separates {
			if len(pair) != 2 || pair[0] < 1 || pair[0] > 4 || pair[1] < 1 || pair[1] > 4 {
				bad("question %s: separates takes pairs of types 1 to 4", q.ID)
			}
		}
		if q.Field == "" && len(q.Separates) == 0 {
			bad("question %s: needs a field to fill or types to separate", q.ID)
		}
		for _, c := range q.Choices {
			if c.Value == "" || c.Label == "" {
				bad("question %s: every choice needs a value and a label", q.ID)
			}
			for t := range c.Adds {
				if t < 1 || t > 4 {
					bad("question %s: choice %s adds to unknown type %d", q.ID, c.Value, t)
				}
			}
			if q.Field == align.FieldTried && !codes[c.Value] && c.Value != "nothing" {
				bad("question %s: choice %q is not a tried code", q.ID, c.Value)
			}
		}
	}
	for _, f := range align.SetupFields {
		found := false
		for _, q := range p.Questions {
			found = found || q.Field == f
		}
		if !found {
			bad("questions: no question fills %q", f)
		}
	}

	errs = append(errs, p.validatePlan(codes, tempts)...)
	errs = append(errs, p.Sheet.validate()...)
	for _, k := range align.EntryKinds {
		if p.Cases.Kinds[k] == "" {
			bad("cases.kinds.%s is missing", k)
		}
	}
	for k, code := range p.Cases.Tried {
		if !codes[code] || p.Cases.Kinds[k] == "" {
			bad("cases.tried.%s: %q is not a tried code, or %s is not an entry kind", k, code, k)
		}
	}
	if len(p.Cases.Steps) == 0 {
		bad("cases.steps is empty")
	}
	for _, st := range p.Cases.Steps {
		if p.Cases.Kinds[st.Kind] == "" || st.Label == "" || st.Help == "" {
			bad("cases.steps: step %q needs a known kind, a label and help", st.Label)
		}
	}
	for k, v := range map[string]string{"prompt": p.Assistant.Prompt, "summary": p.Assistant.Summary} {
		if err := checkText("assistant."+k, v); err != nil {
			errs = append(errs, err)
		}
	}

	for _, id := range LintRuleIDs {
		r, ok := p.Lint.Rules[id]
		if !ok {
			bad("lint.rules: %s is missing", id)
			continue
		}
		if r.Severity != "error" && r.Severity != "warning" {
			bad("lint.rules.%s: severity must be error or warning", id)
		}
		if r.Message == "" {
			bad("lint.rules.%s: message is required", id)
		}
	}
	for id, list := range p.Lint.Allow {
		if _, ok := p.Lint.Rules[id]; !ok {
			bad("lint.allow: %s is not a rule", id)
		}
		for _, s := range list {
			checkSignal("lint.allow."+id, s)
		}
	}
	for id, list := range p.Lint.Phrases {
		if _, ok := p.Lint.Rules[id]; !ok {
			bad("lint.phrases: %s is not a rule", id)
		}
		for _, s := range list {
			checkSignal("lint."+id, s)
		}
	}
	return errors.Join(errs...)
}

func (p *Playbook) validatePlan(codes, tempts map[string]bool) []error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	checkVariants := func(where string, v Variants) {
		if len(v) == 0 {
			bad("%s: no text", where)
		}
		for _, t := range v {
			if err := checkText(where, t); err != nil {
				errs = append(errs, err)
			}
		}
	}
	for _, k := range []string{"single", "combo", "proactive", "proactive_risk", "unclear"} {
		checkVariants("plan.type_line."+k, p.Plan.TypeLine[k])
	}
	for _, sec := range PlanSections {
		slots, ok := p.Plan.Sections[sec]
		if !ok || len(slots) == 0 {
			bad("plan.sections.%s is missing", sec)
			continue
		}
		// One slot must always say something, so no section is empty; a
		// slot before it (the answer to the user's question) may say
		// nothing.
		always := false
		for _, sl := range slots {
			always = always || len(sl.Pick) > 0 && sl.Pick[len(sl.Pick)-1].When.Empty()
		}
		if !always {
			bad("plan.sections.%s: no slot ends with an option that has no conditions", sec)
		}
		for _, sl := range slots {
			for i, o := range sl.Pick {
				where := fmt.Sprintf("plan.sections.%s.%s[%d]", sec, sl.ID, i)
				checkVariants(where, o.Text)
				for _, c := range append(append([]string{}, o.When.Tried...), o.When.NotTried...) {
					if !codes[c] {
						bad("%s: unknown tried code %q", where, c)
					}
				}
				for _, c := range append(append([]string{}, o.When.Tempted...), o.When.NotTempted...) {
					if !tempts[c] {
						bad("%s: unknown temptation %q", where, c)
					}
				}
			}
		}
	}
	for sec := range p.Plan.Sections {
		if !contains(PlanSections, sec) {
			bad("plan.sections: unknown section %q", sec)
		}
	}
	for _, f := range align.SetupFields {
		a, ok := p.Plan.Assumptions[f]
		if !ok || a.Assumed == "" || a.Clause == "" || a.Question == "" {
			bad("plan.assumptions.%s needs assumed, clause and question", f)
		}
		checkVariants("plan.assumptions."+f+".clause", Variants{a.Clause})
	}
	for _, l := range []string{p.Plan.Assumed.One, p.Plan.Assumed.Two, p.Plan.Assumed.More} {
		if !strings.Contains(l, "{assumed}") {
			bad("plan.assumed: one, two and more each need {assumed}")
		}
		checkVariants("plan.assumed", Variants{l})
	}
	for f, a := range p.Plan.AssumptionsProactive {
		if !contains(align.SetupFields, f) || a.Assumed == "" || a.Clause == "" || a.Question == "" {
			bad("plan.assumptions_proactive.%s: a setup field with assumed, clause and question", f)
		}
		checkVariants("plan.assumptions_proactive."+f+".clause", Variants{a.Clause})
	}
	for id := 1; id <= 4; id++ {
		pr := p.Plan.Probes[id]
		if pr.Ask == "" || pr.Hear == "" {
			bad("plan.probes.%d needs ask and hear", id)
		}
		checkVariants(fmt.Sprintf("plan.probes.%d.ask", id), Variants{pr.Ask})
		checkVariants(fmt.Sprintf("plan.probes.%d.hear", id), Variants{pr.Hear})
	}
	for _, k := range []string{"leader", "title", "boss", "program", "rep", "deal"} {
		if p.Plan.Defaults[k] == "" {
			bad("plan.defaults.%s is missing", k)
		}
	}
	return errs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
