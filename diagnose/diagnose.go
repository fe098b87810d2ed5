// Package diagnose reads a situation the way a practitioner who knows the
// playbook would: whether it is about a sales leader at all, which of the
// four kinds of misalignment it shows (with the user's own words as
// evidence), how urgent it is, the setup facts, what the user already
// tried, which facts are missing, and which follow-up questions would
// settle what the text leaves open.
//
// It works in two layers. The playbook's rules (one scan of the text, see
// playbook.Scan) read the details: names, titles, quotes, durations,
// temptations, and a first opinion on everything. Then a Reader of learned
// models makes the judgements: logistic regressions (package learn) over
// the features of features.go (stemmed words and word pairs, marked for
// negation, intent and who the sentence is about; the playbook's signal
// hits with their modifiers; the rules' conclusions), trained by Train on
// the corpus of many authors and embedded as model/reader.bin. What the
// user tried is read sentence by sentence (multiple-instance learning), so
// a deck only drafted or an escalation only considered does not count.
//
// Every judgement is explained by the clauses of the text that added most
// to it, quoted verbatim with byte offsets and the speaker (the user, the
// sales leader or someone else). A diagnosis that is not sure says so:
// Unclear for the type, Unsure for the route.
package diagnose

import (
	"math"
	"sort"
	"strconv"
	"sync"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
	"github.com/align-coach/align/route"
)

// Diagnose runs the whole diagnosis of a situation: the playbook's rules
// read the details (names, quotes, durations, temptations) and the
// reader's learned models decide the route, the types, the urgency and
// the setup facts. A nil reader leaves the rules' decisions.
func Diagnose(pb *playbook.Playbook, rd *Reader, sit align.Situation) align.Diagnosis {
	s := pb.Scan(sit.Text)
	d := ruleDiagnosis(pb, s, sit)
	if rd == nil {
		return d
	}
	var dc *doc
	if rd.table != nil {
		x := rd.getIDs()
		defer x.release()
		dc = &doc{scan: s, rules: d, ids: x}
		x.lend(dc, len(s.Tokens))
		defer x.keep(dc) // before release, which runs after it
	} else {
		sc := scratchPool.Get().(*scratch)
		defer sc.release()
		dc = &doc{scan: s, value: sc.value, at: sc.at, uniq: sc.uniq, rules: d, vocab: rd.names()}
	}
	if !sit.Given.IsZero() || len(sit.Answers) > 0 {
		// Features describe the words alone, as in training.
		dc.rules = ruleDiagnosis(pb, s, align.Situation{Text: sit.Text})
	}
	dc.build(pb)
	rd.apply(pb, dc, sit, &d)
	return d
}

// scratch holds the maps one diagnosis fills and then drops. A pool keeps
// them between diagnoses, so a busy server does not allocate and grow
// them for every request; none of it outlives the diagnosis.
type scratch struct {
	value map[string]float64
	at    map[string][]span
	uniq  map[string]bool
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{value: make(map[string]float64, 1024), at: make(map[string][]span, 1024), uniq: make(map[string]bool, 2048)}
}}

// maxPooled bounds the maps kept for reuse: after a very long text they
// are dropped rather than kept at their size.
const maxPooled = 1 << 14

func (sc *scratch) release() {
	if len(sc.uniq) > maxPooled || len(sc.value) > maxPooled {
		return
	}
	clear(sc.value)
	clear(sc.at)
	clear(sc.uniq)
	scratchPool.Put(sc)
}

// ruleDiagnosis is the diagnosis the playbook's rules give on their own:
// signal weights summed and compared with thresholds. Its conclusions are
// features of the learned reader, and its fact details (names, quotes,
// durations, temptations) are used as they are.
func ruleDiagnosis(pb *playbook.Playbook, s *playbook.Scan, sit align.Situation) align.Diagnosis {
	d := align.Diagnosis{Route: route.Decide(pb, s)}
	d.Facts = readFacts(pb, s, sit)
	d.Scores = typeScores(pb, s, sit.Answers)
	classify(pb, s, &d)
	d.Urgency, d.UrgencyReasons = urgency(pb, s, d.Proactive)
	d.Facts.Missing = missing(pb, s, sit, &d)
	d.Assumptions = assumptions(pb, d.Facts.Missing, d.Proactive)
	d.Questions = followUps(pb, &d, sit.Answers)
	return d
}

// typeScores weighs every type signal found in the text, plus the answers
// to follow-up questions.
func typeScores(pb *playbook.Playbook, s *playbook.Scan, answers map[string]string) []align.TypeScore {
	cfg := pb.Diagnosis
	scores := make([]align.TypeScore, 0, 4)
	for _, t := range pb.Types {
		scores = append(scores, align.TypeScore{Type: align.Type(t.ID), Name: t.Name, Evidence: []align.Evidence{}})
	}
	seen := map[string]int{}
	for h := range s.Each("type", "") {
		if !h.Counts() {
			continue
		}
		w := h.Signal.Weight
		if h.Hedged {
			w /= 2
		}
		if h.Signal.Speaker == "sales_leader" && !h.Reported {
			w *= cfg.UserWeight
		}
		seen[h.Signal.ID]++
		n := seen[h.Signal.ID]
		if n > cfg.MaxRepeats {
			continue
		}
		if n > 1 {
			w *= cfg.Repeat
		}
		id, _ := strconv.Atoi(h.Signal.Key())
		ts := &scores[id-1]
		ts.Score += w
		e := s.Evidence(h)
		e.Weight = round(w)
		ts.Evidence = append(ts.Evidence, e)
	}
	for _, a := range answered(pb, answers) {
		for t, w := range a.c.Adds {
			ts := &scores[t-1]
			ts.Score += w
			// An answer has no span in the text: Start and End are -1.
			ts.Evidence = append(ts.Evidence, align.Evidence{
				Start: -1, End: -1, Quote: a.c.Label, Signal: "answer:" + a.q.ID, Label: a.q.Text, Speaker: "user", Weight: w,
			})
		}
	}
	for i := range scores {
		scores[i].Score = round(scores[i].Score)
	}
	return scores
}

// answer is one answered question of the bank with the choice picked.
type answer struct {
	q playbook.QuestionDef
	c playbook.ChoiceDef
}

// answered lists the bank's questions the user answered, with the choice
// picked, in the order of their ids; unknown ids and values are ignored.
func answered(pb *playbook.Playbook, answers map[string]string) []answer {
	var out []answer
	for _, id := range sortedAnswerIDs(answers) {
		q, ok := pb.Question(id)
		if !ok {
			continue
		}
		for _, c := range q.Choices {
			if c.Value == answers[id] {
				out = append(out, answer{q, c})
			}
		}
	}
	return out
}

func sortedAnswerIDs(m map[string]string) []string {
	ids := make([]string, 0, len(m))
	for k := range m {
		ids = append(ids, k)
	}
	sort.Strings(ids)
	return ids
}

// classify picks the primary type, the combination, a proactive reading
// and a confidence from the scores.
func classify(pb *playbook.Playbook, s *playbook.Scan, d *align.Diagnosis) {
	cfg := pb.Diagnosis
	order := make([]align.TypeScore, len(d.Scores))
	copy(order, d.Scores)
	sort.SliceStable(order, func(i, j int) bool { return order[i].Score > order[j].Score })
	top, second := order[0].Score, order[1].Score

	friction := 0.0
	for _, lvl := range []string{"critical", "high"} {
		for h := range s.Each("urgency", lvl) {
			if h.Counts() && !h.Intent {
				friction += h.Signal.Weight
			}
		}
	}
	pro := 0.0
	for h := range s.Each("fact", "proactive=yes") {
		if h.Counts() {
			pro += h.Signal.Weight
		}
	}
	if d.Facts.Tenure == align.TenureNew || d.Facts.LeaderNew {
		pro += 1
	}
	if pro >= cfg.Proactive && friction == 0 && top < cfg.Friction {
		d.Proactive = true
		if top >= cfg.RiskMin {
			d.Risk = order[0].Type
			d.Types = []align.Type{order[0].Type}
		} else {
			d.Types = []align.Type{}
		}
		d.Confidence = round(math.Min(1, pro/(2*cfg.Proactive)))
		return
	}
	d.Types = []align.Type{order[0].Type}
	for _, o := range order[1:] {
		if o.Score >= cfg.MinScore && (o.Score >= cfg.Combine*top || o.Score >= cfg.Strong) && len(d.Types) < 3 {
			d.Types = append(d.Types, o.Type)
		}
	}
	if top == 0 {
		d.Confidence = 0
		return
	}
	margin := (top - second) / top
	amount := math.Min(1, top/(2*cfg.Thin))
	d.Confidence = round((0.5 + margin/2) * amount)
}

// urgency applies the playbook's urgency rules: the first level whose
// evidence reaches its threshold wins.
func urgency(pb *playbook.Playbook, s *playbook.Scan, proactive bool) (align.Urgency, []align.Evidence) {
	if proactive {
		ev := []align.Evidence{}
		for h := range s.Each("urgency", "low") {
			ev = append(ev, s.Evidence(h))
		}
		for h := range s.Each("fact", "proactive=yes") {
			if len(ev) == 0 && h.Counts() {
				ev = append(ev, s.Evidence(h))
			}
		}
		return align.UrgencyLow, ev
	}
	for _, lvl := range pb.Urgency.Levels {
		if lvl.Level == string(align.UrgencyLow) {
			break
		}
		score := 0.0
		var ev []align.Evidence
		seen := map[string]bool{}
		for h := range s.Each("urgency", lvl.Level) {
			// What might happen ("before the board starts asking") is not
			// damage now.
			if !h.Counts() || h.Intent {
				continue
			}
			w := h.Signal.Weight
			if seen[h.Signal.ID] {
				w *= pb.Diagnosis.Repeat
			}
			seen[h.Signal.ID] = true
			score += w
			ev = append(ev, s.Evidence(h))
		}
		if score >= lvl.Threshold {
			return align.Urgency(lvl.Level), ev
		}
	}
	return align.UrgencyModerate, []align.Evidence{}
}

func round(f float64) float64 {
	return math.Round(f*100) / 100
}
