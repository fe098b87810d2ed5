package diagnose

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/learn"
	"github.com/align-coach/align/playbook"
)

// The learned models of a Reader, by name. Each is a logistic regression
// over the features of features.go, trained by Train on the corpus.
const (
	mRoute     = "route"           // alignment | sla | none
	mDominant  = "dominant"        // 1 | 2 | 3 | 4, on cases with a type
	mProactive = "proactive"       // no friction yet (urgency low)
	mTypePre   = "type"            // type1..type4: the type is present
	mUrgPre    = "urgency>"        // urgency>low, urgency>moderate, urgency>high
	mSentPre   = "sentence-tried:" // one per tried code, read sentence by sentence
	mMissPre   = "missing:"        // one per setup field
)

// urgencyOrder lists urgency levels from the least to the most pressing;
// the ordinal model is one binary model per step ("above low", ...).
var urgencyOrder = []align.Urgency{align.UrgencyLow, align.UrgencyModerate, align.UrgencyHigh, align.UrgencyCritical}

// factModels are the three-way facts the reader predicts, with their values.
var factModels = []struct {
	name   string
	values []string
}{
	{align.FieldTenure, []string{align.TenureNew, align.TenureEstablished, align.Unknown}},
	{align.FieldReporting, []string{align.ReportingPeer, align.ReportingSenior, align.Unknown}},
	{"shared_target", []string{"yes", "no", align.Unknown}},
	{"leadership_sees", []string{"yes", "no", align.Unknown}},
}

// Reader is the learned part of the diagnosis: a bundle of models and the
// index of its feature names.
type Reader struct {
	// bundle is the models; its Features are left out (nil), held as
	// feat instead.
	bundle *learn.Bundle
	feat   featureNames
	// table finds a feature by name for the id path (ids.go); pool keeps
	// that path's per-text state.
	table *featureTable
	pool  sync.Pool
	// index maps each feature name to its index, for the string path;
	// built on first use (a reader made by NewReader does not need it).
	index     map[string]int32
	indexOnce sync.Once
}

// names returns the index of feature names, building it on first use.
func (r *Reader) names() map[string]int32 {
	r.indexOnce.Do(func() {
		if r.index != nil {
			return
		}
		r.index = make(map[string]int32, r.feat.len())
		for i := range r.feat.len() {
			r.index[r.feat.name(i)] = int32(i)
		}
	})
	return r.index
}

//go:embed model/reader.bin
var embedded []byte

var (
	defaultOnce   sync.Once
	defaultReader *Reader
	defaultErr    error
)

// DefaultReader returns the reader embedded in the binary, trained by
// `align train corpus` and checked by TestEmbeddedModelIsReproducible.
func DefaultReader() (*Reader, error) {
	defaultOnce.Do(func() {
		var b *learn.Bundle
		if b, defaultErr = learn.Decode(embedded); defaultErr == nil {
			defaultReader, defaultErr = NewReader(b)
		}
	})
	return defaultReader, defaultErr
}

// EmbeddedModel returns the bytes of the embedded model.
func EmbeddedModel() []byte { return embedded }

// NewReader wraps a bundle. It fails when a model the diagnosis needs is
// missing or has the wrong number of classes.
func NewReader(b *learn.Bundle) (*Reader, error) {
	// The reader keeps its own copy of the bundle without the list of
	// feature names (see featureNames); the caller's bundle is left as
	// it is.
	feat := newFeatureNames(b)
	own := *b
	own.Features = nil
	r := &Reader{bundle: &own, feat: feat, table: newFeatureTable(feat, b.Features)}
	need := map[string]int{mRoute: 3, mDominant: 4, mProactive: 2}
	for t := 1; t <= 4; t++ {
		need[fmt.Sprint(mTypePre, t)] = 2
	}
	for _, u := range urgencyOrder[:3] {
		need[mUrgPre+string(u)] = 2
	}
	for _, f := range factModels {
		need[f.name] = len(f.values)
	}
	for _, f := range align.SetupFields {
		need[mMissPre+f] = 2
	}
	for name, k := range need {
		m := b.Find(name)
		if m == nil {
			return nil, fmt.Errorf("model bundle has no %q model", name)
		}
		if m.Classes != k {
			return nil, fmt.Errorf("model %q has %d classes, want %d", name, m.Classes, k)
		}
	}
	return r, nil
}

// vector maps a doc's features to the reader's indexes.
func (r *Reader) vector(d *doc) learn.Vector { return r.vectorOf(d.value) }

// vectorOf maps named feature values to the reader's indexes.
func (r *Reader) vectorOf(value map[string]float64) learn.Vector {
	// Each known feature as one number, its index above its value's
	// bits: sorting the numbers sorts by index (indexes are unique), with
	// no comparison function to call.
	list := make([]uint64, 0, len(value))
	index := r.names()
	for name, val := range value {
		if i, ok := index[name]; ok {
			list = append(list, uint64(uint32(i))<<32|uint64(math.Float32bits(float32(val))))
		}
	}
	slices.Sort(list)
	v := learn.Vector{Idx: make([]int32, len(list)), Val: make([]float32, len(list))}
	for n, x := range list {
		v.Idx[n], v.Val[n] = int32(x>>32), math.Float32frombits(uint32(x))
	}
	return v
}

// prob returns P(yes) of a binary model.
func (r *Reader) prob(name string, x learn.Vector) float64 {
	m := r.bundle.Find(name)
	if m == nil {
		return 0
	}
	return m.Probs(r.input(name, x))[1]
}

// input is x as the named model reads it: as presence only for the
// families trained that way (binaryFamilies).
func (r *Reader) input(name string, x learn.Vector) learn.Vector {
	if binaryFamilies[family(name)] {
		return binary(x)
	}
	return x
}

// threshold is a binary model's decision threshold.
func (r *Reader) threshold(name string) float64 {
	if m := r.bundle.Find(name); m != nil && m.Threshold > 0 {
		return m.Threshold
	}
	return 0.5
}

// argmax returns the label with the highest probability of a model.
func (r *Reader) argmax(name string, x learn.Vector) (string, int, []float64) {
	m := r.bundle.Find(name)
	p := m.Probs(r.input(name, x))
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return m.Labels[best], best, p
}

// apply overrides the rule diagnosis d with the learned models' decisions,
// except where the user gave a fact outright.
func (r *Reader) apply(pb *playbook.Playbook, dc *doc, sit align.Situation, d *align.Diagnosis) {
	var x learn.Vector
	if dc.ids != nil {
		x = dc.ids.vector()
	} else {
		x = r.vector(dc)
	}
	cfg := pb.Diagnosis.Learned
	// Every model reads the text's vector in one pass (Bundle.ScoreMany).
	sc := r.scoreAll(x)

	// Route.
	label, k, p := r.argmaxS(mRoute, sc)
	rr := align.RouteResult{Route: align.Route(label),
		Scores: align.RouteScore{Alignment: round(p[0]), SLA: round(p[1]), None: round(p[2])}}
	if rr.Route == d.Route.Route {
		rr.Evidence, rr.Reason = d.Route.Evidence, d.Route.Reason
	} else {
		rr.Evidence = r.explain(dc, mRoute, k, x, cfg.Evidence)
		rr.Reason = pb.Route.Reasons[map[align.Route]string{align.RouteAlignment: "alignment", align.RouteSLA: "design", align.RouteNone: "other"}[rr.Route]]
	}
	rr.Unsure = rr.Route != align.RouteAlignment && p[0] >= cfg.AskRoute
	d.Route = rr

	// Types: presence, the dominant one, and whether it is proactive.
	pres := make([]float64, 4)
	for t := range pres {
		pres[t] = r.probS(fmt.Sprint(mTypePre, t+1), sc)
	}
	dom := r.probsS(mDominant, sc)
	applyAnswers(pb, sit.Answers, pres, dom)
	scores := make([]align.TypeScore, 4)
	for t := range scores {
		def := pb.Type(t + 1)
		scores[t] = align.TypeScore{Type: align.Type(t + 1), Name: def.Name, Score: round(pres[t]), Evidence: []align.Evidence{}}
		scores[t].Evidence = append(scores[t].Evidence, answerEvidence(d.Scores[t].Evidence)...)
	}
	d.Scores = scores
	// The dominant type is the one most likely to be both dominant and
	// present: in cross-validation the product beat the dominant model
	// alone (0.79 against 0.78).
	primary := 0
	for t := 1; t < 4; t++ {
		if dom[t]*pres[t] > dom[primary]*pres[primary] {
			primary = t
		}
	}
	d.Confidence = round(dom[primary])
	d.Proactive = r.probS(mProactive, sc) >= r.threshold(mProactive) || notStarted(dc.scan)
	d.Risk, d.Unclear = 0, false
	if d.Proactive {
		d.Types = []align.Type{}
		// A risk is named only when its presence model sees it: the
		// dominant model learned from friction, not from fresh starts.
		if pres[primary] >= cfg.Risk {
			d.Risk = align.Type(primary + 1)
			d.Types = []align.Type{d.Risk}
		}
	} else {
		d.Types = []align.Type{align.Type(primary + 1)}
		byPresence := []int{0, 1, 2, 3}
		sort.SliceStable(byPresence, func(a, b int) bool { return pres[byPresence[a]] > pres[byPresence[b]] })
		for _, t := range byPresence {
			if t != primary && pres[t] >= cfg.Join && len(d.Types) < 3 {
				d.Types = append(d.Types, align.Type(t+1))
			}
		}
		d.Unclear = dom[primary] < cfg.Unclear
	}
	// Only a type the diagnosis names shows its reasons: words that nudge
	// an absent type are noise to a reader.
	for t := range d.Scores {
		if d.Has(align.Type(t+1)) || d.Risk == align.Type(t+1) {
			ev := r.typeEvidence(dc, t+1, x, cfg.Evidence, pb.Type(t+1).Evidence)
			d.Scores[t].Evidence = append(ev, d.Scores[t].Evidence...)
		}
	}

	// Urgency, read as an ordinal: each step's model says whether the case
	// is above it; the level with the highest probability wins.
	if d.Proactive {
		if d.Urgency != align.UrgencyLow {
			d.Urgency, d.UrgencyReasons = align.UrgencyLow, meaning(pb, align.UrgencyLow, r.explain(dc, mProactive, 1, x, 2))
		}
	} else {
		above := make([]float64, 3)
		for i, u := range urgencyOrder[:3] {
			above[i] = r.probS(mUrgPre+string(u), sc)
		}
		lv := ordinal(above)
		if lv == 0 {
			lv = 1 // friction without urgency is still moderate
		}
		if u := urgencyOrder[lv]; u != d.Urgency {
			d.Urgency = u
			d.UrgencyReasons = meaning(pb, u, r.explain(dc, mUrgPre+string(urgencyOrder[lv-1]), 1, x, 2))
		}
	}

	// Setup facts, unless given.
	f := &d.Facts
	g := sit.Given
	for _, fm := range factModels {
		val, _, _ := r.argmaxS(fm.name, sc)
		switch fm.name {
		case align.FieldTenure:
			f.Tenure = pick(g.Tenure, func() string {
				// A tenure the user measures ("three yrs in", "I joined
				// eight months ago") decides, as a stated reporting line
				// does: over the corpus (114 authors) the measure agrees
				// with the label 1,710 times in 1,753.
				if v, ev, ok := measuredTenure(pb, dc.scan, dc.actor, sit.Today); ok {
					f.Evidence[fm.name] = ev
					return v
				}
				return keepEvidence(f, fm.name, f.Tenure, val)
			})
		case align.FieldReporting:
			f.Reporting = pick(g.Reporting, func() string {
				// A reporting line the text states outright ("Marketing
				// reports to Victor") decides, as a field would: over 25
				// authors it is right 22 times in 24, and it lifted
				// reporting from 0.858 to 0.859 leave-one-author-out.
				if sp, ok := reportsToLeader(dc.scan, f.Leader.Name, leaderTitles(dc.scan)); ok {
					a, b := dc.scan.Tokens[sp.first].Start(), dc.scan.Tokens[sp.last].End()
					f.Evidence[fm.name] = []align.Evidence{{Start: a, End: b, Quote: dc.scan.Text[a:b],
						Signal: "f-reports-to-leader", Speaker: speakerUser, Weight: 1}}
					return align.ReportingSenior
				}
				// So does a shared manager stated outright ("Dana and I
				// both report to the CEO"): over 35 authors it fires in
				// 165 situations, 164 labelled peer and one unknown.
				if sp, ok := peerStated(dc.scan, f.Leader.Name, leaderTitles(dc.scan)); ok {
					a, b := dc.scan.Tokens[sp.first].Start(), dc.scan.Tokens[sp.last].End()
					f.Evidence[fm.name] = []align.Evidence{{Start: a, End: b, Quote: dc.scan.Text[a:b],
						Signal: "f-peer-stated", Speaker: speakerUser, Weight: 1}}
					return align.ReportingPeer
				}
				return keepEvidence(f, fm.name, f.Reporting, val)
			})
		case "shared_target":
			f.SharedTarget = pick(g.SharedTarget, func() string { return keepEvidence(f, fm.name, f.SharedTarget, val) })
		case "leadership_sees":
			f.LeadershipSees = pick(g.LeadershipSees, func() string { return keepEvidence(f, fm.name, f.LeadershipSees, val) })
		}
	}
	if !g.TriedGiven {
		dc.dropLong()
		var tried []string
		var ev []align.Evidence
		// Each tried code is read sentence by sentence; the text did it if
		// its likeliest sentence did, and that sentence is the evidence.
		// The sentence models read each first-person sentence in one pass.
		// Each sentence becomes a vector as it is read and is scored at
		// once: neither the vector nor its scores are kept, only each
		// code's best sentence so far (the first of equals, as before).
		lo, hi := r.sentenceModels()
		codes := pb.TriedCodes()
		type best struct {
			sm   *learn.Named
			mi   int
			p    float64
			sent int
		}
		bests := make([]best, len(codes))
		for c, code := range codes {
			bests[c] = best{sm: r.bundle.Find(mSentPre + code), mi: r.modelIndex(mSentPre + code)}
		}
		reportOnly := reportingOnly(pb, dc.scan)
		ruled := ruleSentences(pb, dc.scan)
		offered := offeredSentences(pb, dc.scan)
		above := aboveSentences(pb, dc.scan)
		written := writtenOnly(pb, dc.scan)
		changed := changeSentences(pb, dc.scan)
		var sents []sentence
		read := func(st sentence, v learn.Vector) {
			i := len(sents)
			sents = append(sents, sentence{first: st.first, last: st.last, self: st.self})
			if !st.self {
				return // only the user's own account says what they did
			}
			var ss [][]float64
			if lo < hi {
				ss = r.bundle.ScoreMany(lo, hi, nil, v)
			}
			for c := range bests {
				b := &bests[c]
				if b.sm == nil {
					continue
				}
				var q float64
				if b.mi >= lo && b.mi < hi {
					q = b.sm.Prob1(ss[b.mi-lo])
				} else {
					q = b.sm.Probs(v)[1]
				}
				// A statement of who reports to whom is not a move made,
				// whatever its words share with escalations.
				if codes[c] == "escalated" && reportOnly[dc.scan.Tokens[st.first].Sentence()] {
					continue
				}
				// "Do I go to the CEO?" asks whether to make a move; it
				// reports none made. "He thinks I went to the CEO" reports
				// his belief.
				if asksWhether(dc.scan, st.first, st.last) || believedOnly(pb, dc.scan, st.first, st.last) {
					continue
				}
				// A lead-rule change is told in the words of lead rules,
				// in its sentence or one beside it.
				if s := dc.scan.Tokens[st.first].Sentence(); codes[c] == "mql_change_without_sales" && (!ruled[s-1] && !ruled[s] && !ruled[s+1] || !changed[s-1] && !changed[s] && !changed[s+1] || offered[s]) {
					continue
				}
				// A message sent is not a conversation held.
				if codes[c] == "direct_conversation" && written[dc.scan.Tokens[st.first].Sentence()] {
					continue
				}
				// An escalation goes to someone: leadership, a boss, a
				// board, named in its sentence or one beside it.
				if s := dc.scan.Tokens[st.first].Sentence(); codes[c] == "escalated" && !above[s-1] && !above[s] && !above[s+1] {
					continue
				}
				if q > b.p {
					b.p, b.sent = q, i
				}
			}
		}
		if dc.ids != nil {
			dc.eachSentenceVector(func(st sentenceIDs) {
				read(sentence{first: st.first, last: st.last, self: st.self}, st.x)
			})
		} else {
			dc.eachSentence(func(st sentence) {
				read(st, r.vectorOf(st.value))
			})
		}
		for c, code := range codes {
			if bests[c].sm == nil || len(sents) == 0 {
				continue
			}
			p, best := bests[c].p, bests[c].sent
			if p < r.threshold(mSentPre+code) {
				continue
			}
			tried = append(tried, code)
			st := sents[best]
			a, b := dc.scan.Tokens[st.first].Start(), dc.scan.Tokens[st.last].End()
			ev = append(ev, align.Evidence{Start: a, End: b, Quote: dc.scan.Text[a:b], Signal: mSentPre + code,
				Label: triedLabel(pb, code), Speaker: dc.tokenSpeaker(st.first, false), Weight: round(p)})
		}
		if sp, ok := askedLeaderDirectly(dc.scan, f.Leader.Name); ok && !contains(tried, "direct_conversation") {
			a, b := dc.scan.Tokens[sp.first].Start(), dc.scan.Tokens[sp.last].End()
			tried = append(tried, "direct_conversation")
			ev = append(ev, align.Evidence{Start: a, End: b, Quote: dc.scan.Text[a:b], Signal: "tr-direct",
				Label: triedLabel(pb, "direct_conversation"), Speaker: speakerUser, Weight: 1})
		}
		if sp, ok := changeUnasked(pb, dc.scan, sents, ruled, changed, offered); ok && !contains(tried, "mql_change_without_sales") {
			a, b := dc.scan.Tokens[sp.first].Start(), dc.scan.Tokens[sp.last].End()
			tried = append(tried, "mql_change_without_sales")
			ev = append(ev, align.Evidence{Start: a, End: b, Quote: dc.scan.Text[a:b], Signal: "tr-mql-alone",
				Label: triedLabel(pb, "mql_change_without_sales"), Speaker: speakerUser, Weight: 1})
		}
		sort.Strings(tried)
		f.Tried = append([]string{}, tried...)
		f.Evidence["tried"] = ev
		var tempted []string
		for _, c := range f.Tempted {
			if !contains(f.Tried, c) {
				tempted = append(tempted, c)
			}
		}
		f.Tempted = append([]string{}, tempted...)
	}

	// A risk that contradicts a stated fact is not the risk: Type 2 is
	// different targets, so when the two already share a target the
	// next likeliest risk is named, or none.
	if d.Proactive && d.Risk == 2 && f.SharedTarget == "yes" {
		d.Risk, d.Types = 0, []align.Type{}
		best := -1
		for t := range pres {
			if t != 1 && pres[t] >= cfg.Risk && (best < 0 || pres[t] > pres[best]) {
				best = t
			}
		}
		if best >= 0 {
			d.Risk = align.Type(best + 1)
			d.Types = []align.Type{d.Risk}
			d.Scores[best].Evidence = append(r.typeEvidence(dc, best+1, x, cfg.Evidence, pb.Type(best+1).Evidence), d.Scores[best].Evidence...)
		}
	}

	// Missing setup facts: a field the user gave is never missing; tenure
	// and reporting are missing exactly when they are unknown; the others
	// have a model each.
	miss := []string{}
	for _, field := range align.SetupFields {
		var m bool
		switch field {
		case align.FieldTenure:
			m = f.Tenure == align.Unknown
		case align.FieldReporting:
			m = f.Reporting == align.Unknown
		case align.FieldTried:
			// In a relationship problem, a move the user tells of
			// (f-tried-given: "I've already sent him the numbers", "I
			// haven't drafted anything yet") answers what was tried:
			// over the corpus the label agrees 2,904 times in 2,951. In a
			// handoff or other request it agrees only three times in
			// five, and the model decides.
			m = !g.TriedGiven && len(f.Tried) == 0 && !(d.Route.Route == align.RouteAlignment && triedNamed(dc.scan)) &&
				r.probS(mMissPre+field, sc) >= r.threshold(mMissPre+field)
		case align.FieldContext:
			m = g.Context == "" && g.Stage == "" && f.SharedTarget == align.Unknown && f.LeadershipSees == align.Unknown &&
				!sizeNamed(dc.scan) && r.probS(mMissPre+field, sc) >= r.threshold(mMissPre+field)
		case align.FieldSaid:
			m = g.Said == "" && r.probS(mMissPre+field, sc) >= r.threshold(mMissPre+field)
		case align.FieldDuration:
			// A start the text names for the dispute ("since the reorg
			// in March") gives the duration: over the corpus the label
			// agrees 581 times in 610 (f-duration-since).
			m = g.Duration == "" && !startNamed(dc.scan) && r.probS(mMissPre+field, sc) >= r.threshold(mMissPre+field)
		}
		if m {
			miss = append(miss, field)
		}
	}
	f.Missing = miss
	d.Assumptions = assumptions(pb, f.Missing, d.Proactive)
	d.Questions = followUps(pb, d, sit.Answers)
}

// scoreAll scores every model of the bundle on the text's vector x, each
// reading it as its family does (input).
// The sentence models are left out (their scores stay nil): they read
// sentences, not the whole text.
func (r *Reader) scoreAll(x learn.Vector) [][]float64 {
	ms := r.bundle.Models
	ones := make([]bool, len(ms))
	for i := range ms {
		ones[i] = binaryFamilies[family(ms[i].Name)]
	}
	lo, hi := r.sentenceModels()
	if lo == hi {
		return r.bundle.ScoreMany(0, len(ms), ones, x)
	}
	out := make([][]float64, 0, len(ms))
	out = append(out, r.bundle.ScoreMany(0, lo, ones[:lo], x)...)
	out = append(out, make([][]float64, hi-lo)...)
	return append(out, r.bundle.ScoreMany(hi, len(ms), ones[hi:], x)...)
}

// modelIndex returns the index of the named model in the bundle, or -1.
func (r *Reader) modelIndex(name string) int {
	for i := range r.bundle.Models {
		if r.bundle.Models[i].Name == name {
			return i
		}
	}
	return -1
}

// sentenceModels returns the range of the bundle's models that read
// sentences (what was tried), when they are side by side; lo == hi when
// they are not.
func (r *Reader) sentenceModels() (lo, hi int) {
	lo, hi = -1, -1
	for i, m := range r.bundle.Models {
		if strings.HasPrefix(m.Name, mSentPre) {
			if lo < 0 {
				lo = i
			} else if hi != i {
				return 0, 0
			}
			hi = i + 1
		}
	}
	if lo < 0 {
		return 0, 0
	}
	return lo, hi
}

// probsS returns the class probabilities of a model from scoreAll's scores.
func (r *Reader) probsS(name string, sc [][]float64) []float64 {
	i := r.modelIndex(name)
	return r.bundle.Models[i].ProbsOf(sc[i])
}

// probS is prob from scoreAll's scores.
func (r *Reader) probS(name string, sc [][]float64) float64 {
	i := r.modelIndex(name)
	if i < 0 {
		return 0
	}
	return r.bundle.Models[i].Prob1(sc[i])
}

// argmaxS is argmax from scoreAll's scores.
func (r *Reader) argmaxS(name string, sc [][]float64) (string, int, []float64) {
	i := r.modelIndex(name)
	m := &r.bundle.Models[i]
	p := m.ProbsOf(sc[i])
	best := 0
	for k := range p {
		if p[k] > p[best] {
			best = k
		}
	}
	return m.Labels[best], best, p
}

// ordinal turns "above step i" probabilities into the most likely level
// (0 for the lowest). The step models are trained apart and can disagree
// ("above high" likelier than "above moderate"); such steps are pooled
// to their mean (isotonic). Leave-one-author-out over 25 authors, pooling
// read urgency exactly in 0.713 of cases and within one level in 0.968,
// against 0.709 and 0.964 when the higher step was clamped down, and
// 0.680 and 0.976 for the rounded expected level.
func ordinal(above []float64) int {
	above = isotonic(above)
	p := make([]float64, len(above)+1)
	prev := 1.0
	for i, a := range above {
		a = math.Min(a, prev)
		p[i] = prev - a
		prev = a
	}
	p[len(above)] = prev
	best := 0
	for i := range p {
		if p[i] > p[best] {
			best = i
		}
	}
	return best
}

// applyAnswers adds what each answered follow-up question says about the
// types to the presence and dominant probabilities, in log-odds.
func applyAnswers(pb *playbook.Playbook, answers map[string]string, pres, dom []float64) {
	if len(answers) == 0 {
		return
	}
	logit := func(p float64) float64 { p = math.Min(math.Max(p, 1e-6), 1-1e-6); return math.Log(p / (1 - p)) }
	sig := func(z float64) float64 { return 1 / (1 + math.Exp(-z)) }
	add := make([]float64, 4)
	for _, a := range answered(pb, answers) {
		for t, w := range a.c.Adds {
			if t >= 1 && t <= 4 {
				add[t-1] += w / answerScale
			}
		}
	}
	sum := 0.0
	for t := range pres {
		pres[t] = sig(logit(pres[t]) + add[t])
		dom[t] = math.Exp(math.Log(math.Max(dom[t], 1e-9)) + add[t])
		sum += dom[t]
	}
	for t := range dom {
		dom[t] /= sum
	}
}

// answerScale converts the question bank's score points (written for the
// rule scores, where about 3 is a clear signal) into log-odds.
const answerScale = 2

func answerEvidence(ev []align.Evidence) []align.Evidence {
	var out []align.Evidence
	for _, e := range ev {
		if strings.HasPrefix(e.Signal, "answer:") {
			out = append(out, e)
		}
	}
	return out
}

// keepEvidence returns the learned value of a fact, dropping the rule
// evidence when the rules concluded something else.
func keepEvidence(f *align.Facts, fact, rule, learned string) string {
	if rule != learned {
		delete(f.Evidence, fact)
	}
	return learned
}

func triedLabel(pb *playbook.Playbook, code string) string {
	for _, t := range pb.Tried {
		if t.Code == code {
			return t.Label
		}
	}
	return code
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// typeEvidence explains a type's presence score with the clauses of the
// text that added most to it. A clause about a third person never counts
// as the sales leader's words; for a type whose evidence is the sales
// leader's (Type 3, Type 4), such clauses are left out.
func (r *Reader) typeEvidence(dc *doc, t int, x learn.Vector, n int, want string) []align.Evidence {
	ev := r.explain(dc, fmt.Sprint(mTypePre, t), 1, x, n+2)
	// Of the clauses that raised the type's score, those that hold one of
	// the playbook's phrases for the type come first: "marketing reports
	// thousands of MQLs" shows a structural split better than a clause
	// whose common words happened to weigh more. The learned score is
	// unchanged; only the order of its reasons is.
	hits := dc.scan.Of("type", fmt.Sprint(t))
	signalled := func(e align.Evidence) *playbook.Hit {
		for i, h := range hits {
			if h.Counts() && !h.Intent && int(h.Start) >= e.Start && int(h.End) <= e.End {
				return &hits[i]
			}
		}
		return nil
	}
	// A clause that holds only another type's phrase ("he gave me a
	// target of 900 leads" for the structural type) goes last: it is the
	// other type's evidence, even where its words also raised this one.
	var others []playbook.Hit
	for o := 1; o <= 4; o++ {
		if o != t {
			others = append(others, dc.scan.Of("type", fmt.Sprint(o))...)
		}
	}
	rank := func(e align.Evidence) int {
		if signalled(e) != nil {
			return 2
		}
		for _, h := range others {
			if h.Counts() && !h.Intent && int(h.Start) >= e.Start && int(h.End) <= e.End {
				return 0
			}
		}
		return 1
	}
	slices.SortStableFunc(ev, func(a, b align.Evidence) int { return rank(b) - rank(a) })
	for i := range ev {
		if h := signalled(ev[i]); h != nil && ev[i].Label == "" {
			ev[i].Label = h.Signal.LabelFor(ev[i].Quote)
		}
	}
	out := []align.Evidence{}
	for _, e := range ev {
		if e.Speaker == speakerOther && want == speakerLeader {
			continue
		}
		if len(out) < n {
			out = append(out, e)
		}
	}
	return out
}

// explain lists up to n clauses of the text that added most to class k of
// a model (k is 1 for a binary model's yes), strongest first. Each is a
// verbatim span of the text with its speaker; the signal names the
// strongest feature in it, its label the playbook's label when that
// feature is a playbook signal.
// meaning labels the learned reasons for an urgency level with the
// playbook's meaning of that level, so that each reason says what it
// shows ("active friction is costing pipeline now"), as a rule's label does.
func meaning(pb *playbook.Playbook, u align.Urgency, evs []align.Evidence) []align.Evidence {
	for _, l := range pb.Urgency.Levels {
		if l.Level == string(u) {
			for i := range evs {
				if evs[i].Label == "" {
					evs[i].Label = l.Meaning
				}
			}
		}
	}
	return evs
}

func (r *Reader) explain(dc *doc, name string, k int, x learn.Vector, n int) []align.Evidence {
	m := r.bundle.Find(name)
	if m == nil {
		return []align.Evidence{}
	}
	row := k
	if m.Rows() == 1 {
		row = 0
	}
	type clause = explainClause
	// The clauses are kept in a slice in the order they are first met,
	// with each one's place marked at its first token (dc.explained), not
	// in a map: sorting reads the slice. The slice is the doc's, reused
	// from call to call.
	cls := dc.cls[:0]
	if len(dc.explained) != len(dc.scan.Tokens) {
		dc.explained = make([]uint32, len(dc.scan.Tokens))
	}
	defer func() {
		for i := range cls {
			dc.explained[cls[i].at] = 0
		}
		dc.cls = cls[:0]
	}()
	in := x
	if binaryFamilies[family(name)] {
		in = dc.binaryOf(x)
	}
	dc.contrib = m.AppendContributions(dc.contrib, row, in)
	for _, c := range dc.contrib {
		if c.Value <= 0 {
			break
		}
		fname := r.feat.name(int(c.Feature))
		var spans []span
		if dc.ids != nil {
			spans = dc.ids.spansOf(c.Feature)
		} else {
			spans = dc.at[fname]
		}
		for _, sp := range spans {
			a, b, t := dc.clause(sp.first)
			var cl *clause
			if e := dc.explained[t]; e != 0 {
				cl = &cls[e-1]
			} else {
				dc.explained[t] = uint32(len(cls)) + 1
				cls = append(cls, clause{start: a, end: b, tok: sp.first, at: t})
				cl = &cls[len(cls)-1]
			}
			share := c.Value / float64(len(spans))
			cl.score += share
			if share > cl.best {
				cl.best, cl.feature = share, fname
			}
		}
	}
	// Starts are unique, so the order is total and any sort gives it.
	slices.SortFunc(cls, func(a, b clause) int {
		switch {
		case a.score > b.score:
			return -1
		case a.score < b.score:
			return 1
		}
		return a.start - b.start
	})
	out := []align.Evidence{}
	for i := range cls {
		if len(out) >= n {
			break
		}
		cl := &cls[i]
		if cl.score < minEvidence || cl.score < evidenceShare*cls[0].score {
			break
		}
		e := align.Evidence{Start: cl.start, End: cl.end, Quote: dc.scan.Text[cl.start:cl.end],
			Signal: cl.feature, Weight: round(cl.score)}
		reported := false
		if strings.HasPrefix(cl.feature, "s:") {
			id := strings.TrimPrefix(cl.feature, "s:")
			if i := strings.IndexAny(id, "!@"); i >= 0 {
				id = id[:i]
			}
			for _, h := range dc.scan.Hits {
				if h.Signal.ID == id {
					e.Label = h.Signal.LabelFor(e.Quote)
					reported = h.Reported
					break
				}
			}
		}
		e.Speaker = dc.tokenSpeaker(cl.tok, reported)
		out = append(out, e)
	}
	return out
}

// explainClause is one clause explain credits, with what it added.
type explainClause struct {
	start, end int
	score      float64
	feature    string
	best       float64
	tok        int
	at         int // the token explained marks for this clause
}

// binaryOf returns binary(x), made once for the vector every explain call
// of a diagnosis reads.
func (dc *doc) binaryOf(x learn.Vector) learn.Vector {
	if len(x.Idx) == 0 || len(dc.xbinOf.Idx) != len(x.Idx) || &dc.xbinOf.Idx[0] != &x.Idx[0] {
		// binary(x), with its values in a reused list.
		dc.ones = slices.Grow(dc.ones[:0], len(x.Val))[:len(x.Val)]
		for i := range dc.ones {
			dc.ones[i] = 1
		}
		dc.xbin, dc.xbinOf = learn.Vector{Idx: x.Idx, Val: dc.ones}, x
	}
	return dc.xbin
}

// minEvidence is the least a clause must add to a score, in log-odds, to
// be shown as a reason.
const minEvidence = 0.05

// evidenceShare: a clause is shown only when it adds at least this share of
// what the strongest clause adds, so weak words do not pad the reasons.
const evidenceShare = 0.35

// Route routes a short message with the learned route model.
func (r *Reader) Route(pb *playbook.Playbook, text string) align.RouteResult {
	d := Diagnose(pb, r, align.Situation{Text: text})
	return d.Route
}

var _ = strconv.Itoa

// isotonic returns the non-increasing sequence closest to above in least
// squares (pool adjacent violators): steps out of order are averaged
// rather than clamped down to the lower one.
func isotonic(above []float64) []float64 {
	type block struct{ sum, n float64 }
	var bs []block
	for _, a := range above {
		bs = append(bs, block{a, 1})
		for len(bs) > 1 {
			p, q := bs[len(bs)-2], bs[len(bs)-1]
			if p.sum/p.n >= q.sum/q.n {
				break
			}
			bs = append(bs[:len(bs)-2], block{p.sum + q.sum, p.n + q.n})
		}
	}
	out := make([]float64, 0, len(above))
	for _, b := range bs {
		for range int(b.n) {
			out = append(out, b.sum/b.n)
		}
	}
	return out
}

// b2i is 1 for true and 0 for false.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// reportingOnly returns the sentences that state a reporting line
// ("Dana and I both report to the CEO", a reporting or boss fact) and
// hold no act: no tried signal and no act verb (playbook names.act_verbs).
// On the corpus, every escalation the sentence models found in such a
// sentence was a false one (31 in-sample, none true).
// asksWhether reports whether tokens first..last are a question that
// asks whether to act: it ends in a question mark and opens (after "so",
// "and", "or", "but") on an auxiliary and "I" or "we" ("Do I go to the
// CEO?", "Should we send it?").
func asksWhether(s *playbook.Scan, first, last int) bool {
	toks := s.Tokens
	end := toks[last].End()
	for end < len(s.Text) && strings.ContainsRune(" \"')", rune(s.Text[end])) {
		end++
	}
	if end >= len(s.Text) || s.Text[end] != '?' {
		return false
	}
	k := first
	for k < last && (toks[k].Word() == "so" || toks[k].Word() == "and" || toks[k].Word() == "or" || toks[k].Word() == "but") {
		k++
	}
	if k+1 > last {
		return false
	}
	switch toks[k].Word() {
	case "do", "should", "shall", "can", "could", "must", "would":
		w := toks[k+1].Word()
		return w == "i" || w == "we"
	}
	return false
}

// believedOnly reports whether tokens first to last tell the user's part
// only as someone else's belief: the first "I", "me", "we" or "us" (or
// "my" or "our" after the verb) comes within three words after a belief
// verb (playbook names.belief_verbs), and the verb has a subject of its
// own before it. "Dmitri now seems to think I went to Ingrid" and "My CEO
// thinks I went behind his back" are true; "I think I went too far" and
// "Thought I had sent it" are not.
func believedOnly(pb *playbook.Playbook, s *playbook.Scan, first, last int) bool {
	beliefs := nameListsOf(pb).beliefs
	toks := s.Tokens
	verb := -1
	for k := first; k <= last; k++ {
		switch w := toks[k].Word(); {
		case w == "i" || w == "me" || w == "we" || w == "us":
			return verb >= 0 && k-verb <= 3
		case w == "my" || w == "our":
			// "My CEO thinks I went": a possessive before the verb is its
			// subject's; after it, the user's part of the belief.
			if verb >= 0 && k-verb <= 3 {
				return true
			}
		case k > first && beliefs[w] && !determiner(toks[k-1].Word()):
			verb = k // "our thought leadership" is a noun, not a belief
		}
	}
	return false
}

// determiner reports whether w makes the word after it a noun.
func determiner(w string) bool {
	switch w {
	case "a", "an", "the", "my", "our", "his", "her", "their", "your", "its", "this", "that":
		return true
	}
	return false
}

// ruleSentences are the sentences that hold a word a lead rule is made of
// (playbook names.rule_words).
func ruleSentences(pb *playbook.Playbook, s *playbook.Scan) map[int]bool {
	rules := nameListsOf(pb).rules
	out := map[int]bool{}
	for _, t := range s.Tokens {
		if rules[t.Word()] {
			out[t.Sentence()] = true
		}
	}
	return out
}

// aboveSentences are the sentences that name someone an escalation goes
// to: a word of playbook names.above_words, or the name of someone the
// text gives a leadership title to (a key of names.bosses), within three
// words of it ("Grace, our CEO", "our CFO Jonathan Koh"). A manager is
// not named this way: "his two regional managers, Stefan and Chiara"
// work under the sales leader.
func aboveSentences(pb *playbook.Playbook, s *playbook.Scan) map[int]bool {
	nl := nameListsOf(pb)
	out := map[int]bool{}
	var names map[string]bool
	for i, t := range s.Tokens {
		if !nl.above[t.Word()] {
			continue
		}
		out[t.Sentence()] = true
		if _, ok := pb.Names.Bosses[t.Word()]; !ok {
			continue
		}
		for j := max(0, i-3); j < min(len(s.Tokens), i+4); j++ {
			u := &s.Tokens[j]
			if j == i || !u.Capital() || u.Sentence() != t.Sentence() || nl.not[u.Word()] || nl.above[u.Word()] {
				continue
			}
			if names == nil {
				names = map[string]bool{}
			}
			names[u.Word()] = true
		}
	}
	if names == nil {
		return out
	}
	for _, t := range s.Tokens {
		if names[t.Word()] {
			out[t.Sentence()] = true
		}
	}
	return out
}

// writtenOnly are the sentences that tell of a message (a word of
// playbook names.written_words) and of no conversation (none of
// names.talk_words): "I emailed Curtis a draft and asked for his
// comments" is not the direct conversation.
func writtenOnly(pb *playbook.Playbook, s *playbook.Scan) map[int]bool {
	nl := nameListsOf(pb)
	written, talk := map[int]bool{}, map[int]bool{}
	for _, t := range s.Tokens {
		if nl.written[t.Word()] {
			written[t.Sentence()] = true
		}
		if nl.talk[t.Word()] {
			talk[t.Sentence()] = true
		}
	}
	for k := range talk {
		delete(written, k)
	}
	return written
}

// changeSentences are the sentences that hold a verb of changing
// (playbook names.change_verbs).
func changeSentences(pb *playbook.Playbook, s *playbook.Scan) map[int]bool {
	nl := nameListsOf(pb)
	out := map[int]bool{}
	for _, t := range s.Tokens {
		if nl.changes[t.Word()] {
			out[t.Sentence()] = true
		}
	}
	return out
}

// offeredSentences are the sentences in which the user offers a move
// rather than making it: a verb of proposing followed, within six words,
// by "that I", "if we", "whether I" ("I suggested to Tomás that I tighten
// the MQL definition"). A change told before the offer in the same
// sentence ("I changed the rule myself, and I suggested to Hemi that we
// both track first orders") was made.
func offeredSentences(pb *playbook.Playbook, s *playbook.Scan) map[int]bool {
	nl := nameListsOf(pb)
	var out map[int]bool
	made := -1 // the sentence of the last verb of changing read
	for i, t := range s.Tokens {
		if nl.changes[t.Word()] && !proposing[t.Word()] {
			made = t.Sentence()
		}
		if !proposing[t.Word()] || made == t.Sentence() {
			continue
		}
		for j := i + 1; j+1 < len(s.Tokens) && j <= i+6 && s.Tokens[j+1].Sentence() == t.Sentence(); j++ {
			if w, next := s.Tokens[j].Word(), s.Tokens[j+1].Word(); (w == "that" || w == "if" || w == "whether") && (next == "i" || next == "we") {
				if out == nil {
					out = map[int]bool{}
				}
				out[t.Sentence()] = true
			}
		}
	}
	return out
}

// proposing are the verbs with which the user offers a move.
var proposing = map[string]bool{"suggested": true, "proposed": true, "offered": true, "recommended": true, "asked": true, "floated": true, "pitched": true}

func reportingOnly(pb *playbook.Playbook, s *playbook.Scan) map[int]bool {
	var out map[int]bool
	for h := range s.Each("fact", "") {
		if k := h.Signal.Key(); (strings.HasPrefix(k, "reporting=") || strings.HasPrefix(k, "boss=")) && h.Counts() {
			if out == nil {
				out = map[int]bool{}
			}
			out[s.Tokens[h.First].Sentence()] = true
		}
	}
	if out == nil {
		return nil
	}
	for h := range s.Each("tried", "") {
		delete(out, s.Tokens[h.First].Sentence())
	}
	acts := nameListsOf(pb).acts
	for _, t := range s.Tokens {
		if out[t.Sentence()] && acts[t.Word()] {
			delete(out, t.Sentence())
		}
	}
	return out
}

// changeUnasked finds a lead-rule change the user tells of ("In October I
// rebuilt our lead scoring so that only clinics with three or more vets
// would qualify") whose one-sidedness sales told them of in one of the
// next two sentences, in the playbook's own words for it (tr-mql-alone:
// "Dana said afterwards that nobody had asked her team"). The sentence
// models read the user's sentences only, and this one says nothing of
// sales. It returns the user's sentence: of the user's own, with words of
// lead rules and a verb of changing (ruled, changed), not an offer.
func changeUnasked(pb *playbook.Playbook, s *playbook.Scan, sents []sentence, ruled, changed, offered map[int]bool) (span, bool) {
	self := map[int]sentence{}
	for _, st := range sents {
		if st.self {
			self[s.Tokens[st.first].Sentence()] = st
		}
	}
	for _, h := range s.Hits {
		if h.Signal.ID != "tr-mql-alone" || h.Negated {
			continue
		}
		at := s.Tokens[h.First].Sentence()
		if _, own := self[at]; own {
			continue // the user's own words: the sentence models read them
		}
		for k := at - 1; k >= at-2 && k >= 0; k-- {
			if st, ok := self[k]; ok && ruled[k] && changed[k] && !offered[k] {
				return span{st.first, st.last}, true
			}
		}
	}
	return span{}, false
}

// triedNamed reports whether the text tells of a move of the user's, made
// or denied (the playbook's f-tried-given), outside a quotation.
func triedNamed(s *playbook.Scan) bool {
	for h := range s.Each("fact", "tried=given") {
		if h.Counts() && !s.Tokens[h.First].Quoted() {
			return true
		}
	}
	return false
}
