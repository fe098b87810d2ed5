package diagnose

import (
	"math"
	"sort"
	"strings"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/match"
	"github.com/align-coach/align/playbook"
)

// readFacts reads the setup facts from the scan. Facts the user gave as
// fields win over what the text suggests.
func readFacts(pb *playbook.Playbook, s *playbook.Scan, sit align.Situation) align.Facts {
	g := sit.Given
	f := align.Facts{Evidence: map[string][]align.Evidence{}, Tried: []string{}, Tempted: []string{}}

	f.Tenure = pick(g.Tenure, func() string { return tenure(pb, s, &f) })
	f.Reporting = pick(g.Reporting, func() string { return vote(s, "reporting", &f) })
	f.SharedTarget = pick(g.SharedTarget, func() string { return vote(s, "shared_target", &f) })
	f.LeadershipSees = pick(g.LeadershipSees, func() string { return vote(s, "leadership_sees", &f) })

	f.Duration = g.Duration
	// "I've been CMO for two years" measures the user's tenure, not how
	// long the dynamic has lasted.
	tenureSpans := s.Of("fact", "tenure=measure")
	for _, h := range s.Of("fact", "duration=given") {
		if !h.Counts() || overlaps(h, tenureSpans) {
			continue
		}
		f.Evidence["duration"] = append(f.Evidence["duration"], s.Evidence(h))
		if f.Duration == "" {
			f.Duration = s.Text[h.Start:h.End]
		}
		if f.Months == 0 {
			if m, ok := months(s.Tokens[h.First : h.Last+1]); ok {
				f.Months = round(m)
			}
		}
	}

	if g.TriedGiven {
		f.Tried = append(f.Tried, g.Tried...)
	}
	for _, h := range s.Of("tried", "") {
		code := h.Signal.Key()
		switch {
		case h.Negated:
		case h.Intent:
			f.Tempted = addOnce(f.Tempted, code)
		case !g.TriedGiven:
			f.Tried = addOnce(f.Tried, code)
			f.Evidence["tried"] = append(f.Evidence["tried"], s.Evidence(h))
		}
	}
	for _, h := range s.Of("tempt", "") {
		if !h.Negated && h.Intent {
			f.Tempted = addOnce(f.Tempted, h.Signal.Key())
			f.Evidence["tempted"] = append(f.Evidence["tempted"], s.Evidence(h))
		}
	}
	// What was already done is no longer a temptation in the plan's eyes
	// unless the user says they are considering it again.
	sort.Strings(f.Tried)
	sort.Strings(f.Tempted)

	for _, h := range s.Of("fact", "leader_new=yes") {
		if h.Counts() {
			f.LeaderNew = true
		}
	}
	for _, h := range s.Of("fact", "seat=yes") {
		if h.Counts() {
			f.Seat = true
		}
	}
	for _, h := range s.Of("fact", "") {
		if strings.HasPrefix(h.Signal.Key(), "boss=") && h.Counts() && f.Boss == "" {
			f.Boss = pb.Names.Bosses[strings.TrimPrefix(h.Signal.Key(), "boss=")]
		}
	}
	names(pb, s, &f)
	if f.Reporting == align.Unknown && g.Reporting == "" && reportsToLeader(s, f.Leader.Name) {
		f.Reporting = align.ReportingSenior
	}
	if f.Boss == "" {
		// No "we both report to": name the most senior person the text
		// mentions, so escalation advice says who.
		mentions := set(pb.Names.BossMentions)
		for _, t := range s.Tokens {
			if mentions[t.Word] {
				f.Boss = pb.Names.Bosses[t.Word]
				break
			}
		}
	}
	return f
}

// reportsToLeader finds "I report to Dana" or "marketing reports to Dana":
// the user sits under the named sales leader.
func reportsToLeader(s *playbook.Scan, name string) bool {
	if name == "" {
		return false
	}
	toks := s.Tokens
	for i := 2; i+1 < len(toks); i++ {
		if toks[i].Word != "to" || !strings.EqualFold(toks[i+1].Word, name) {
			continue
		}
		if st := toks[i-1].Stem; st != "report" {
			continue
		}
		switch toks[i-2].Word {
		case "i", "marketing", "team", "we", "and":
			return true
		}
	}
	return false
}

func pick(given string, read func() string) string {
	if given != "" && given != align.Unknown {
		return given
	}
	return read()
}

func addOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// vote counts the weighted evidence for each value of a fact; a negated
// signal counts for its flip value, if it has one.
func vote(s *playbook.Scan, fact string, f *align.Facts) string {
	w := map[string]float64{}
	for _, h := range s.Of("fact", "") {
		key := h.Signal.Key()
		if !strings.HasPrefix(key, fact+"=") {
			continue
		}
		val := strings.TrimPrefix(key, fact+"=")
		switch {
		case h.Intent:
			continue
		case h.Negated && !h.Signal.Keep:
			if h.Signal.Flip == "" {
				continue
			}
			val = h.Signal.Flip
		}
		w[val] += h.Signal.Weight
		f.Evidence[fact] = append(f.Evidence[fact], s.Evidence(h))
	}
	return best(w)
}

func best(w map[string]float64) string {
	bestV, bestW := align.Unknown, 0.0
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if w[k] > bestW {
			bestV, bestW = k, w[k]
		}
	}
	return bestV
}

// tenure reads whether the user is new: words like "I start" or "first
// week as", and measures like "four months in" compared with the
// playbook's threshold.
func tenure(pb *playbook.Playbook, s *playbook.Scan, f *align.Facts) string {
	w := map[string]float64{}
	for _, h := range s.Of("fact", "") {
		key := h.Signal.Key()
		if !strings.HasPrefix(key, "tenure=") || !h.Counts() {
			continue
		}
		val := strings.TrimPrefix(key, "tenure=")
		if h.Signal.Measure {
			m, ok := months(s.Tokens[h.First : h.Last+1])
			if !ok {
				continue
			}
			val = align.TenureEstablished
			if m < pb.Diagnosis.NewMonths {
				val = align.TenureNew
			}
		}
		w[val] += h.Signal.Weight
		f.Evidence["tenure"] = append(f.Evidence["tenure"], s.Evidence(h))
	}
	return best(w)
}

var unitMonths = map[string]float64{
	"day": 1.0 / 30, "days": 1.0 / 30, "week": 12.0 / 52, "weeks": 12.0 / 52,
	"month": 1, "months": 1, "quarter": 3, "quarters": 3, "year": 12, "years": 12,
}

var ordinals = map[string]float64{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}

// months reads a span like "four months", "a year" or "my second year"
// as a number of months.
func months(toks []match.Token) (float64, bool) {
	n, unit := math.NaN(), 0.0
	ordinal := false
	for _, t := range toks {
		if v, ok := match.Number(t); ok && math.IsNaN(n) {
			n = v
			continue
		}
		switch t.Word {
		case "a", "an":
			if math.IsNaN(n) {
				n = 1
			}
		case "few", "several":
			if math.IsNaN(n) {
				n = 3
			}
		case "couple":
			if math.IsNaN(n) {
				n = 2
			}
		case "half":
			if math.IsNaN(n) {
				n = 0.5
			}
		}
		if o, ok := ordinals[t.Word]; ok && math.IsNaN(n) {
			n, ordinal = o, true
		}
		if u, ok := unitMonths[t.Word]; ok {
			unit = u
		}
	}
	if math.IsNaN(n) || unit == 0 {
		return 0, false
	}
	if ordinal {
		// "my second year" means at least one full year.
		n--
	}
	return n * unit, true
}

func overlaps(h playbook.Hit, others []playbook.Hit) bool {
	for _, o := range others {
		if h.First <= o.Last && o.First <= h.Last {
			return true
		}
	}
	return false
}
