package diagnose

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/learn"
	"github.com/align-coach/align/match"
	"github.com/align-coach/align/playbook"
)

// Who a sentence is about: its first person reference decides. The learned
// models see a word in a sentence about a third person (the CEO, the COO,
// a board member) as a different feature from the same word in a sentence
// about the sales leader, so what a CEO does never reads as what the sales
// leader does.
const (
	actorNone   = iota
	actorUser   // "I", "we"
	actorLeader // the sales leader, by title, name or pronoun
	actorOther  // anyone else: the CEO, the COO, a board member, sales ops
)

// actorPrefix marks features by who the sentence is about.
var actorPrefix = [...]string{actorNone: "", actorUser: "U:", actorLeader: "L:", actorOther: "O:"}

// Speakers as evidence names them.
const (
	speakerUser   = "user"
	speakerLeader = "sales_leader"
	speakerOther  = "other"
)

// doc is one text turned into features: each feature's value, and where in
// the text it came from, so a model's reasons can be shown as the user's
// own words.
type doc struct {
	scan  *playbook.Scan
	value map[string]float64
	// at holds, for each feature, the token spans it came from (at most
	// a few, the earliest first).
	at map[string][]span
	// actor is the actor of each sentence, by the sentence's number (a
	// slice, not a map: it is read for every word).
	actor actorList
	// speakers is actor read with the sales leader's pronoun (actors):
	// whose words each sentence's evidence is, as the user is shown it.
	speakers actorList
	// leader is the sales leader's name, lower-cased ("" when unknown).
	leader string
	// selfVerbs open a subjectless sentence that is the user's own
	// account (the playbook's diagnosis.self_verbs).
	selfVerbs []string
	// rules is the diagnosis the playbook's rules alone would give; its
	// conclusions are features too.
	rules align.Diagnosis
	// uniq, when set, is an empty map words may use to count distinct
	// features (a pooled one; see scratch).
	uniq map[string]bool
	// vocab, when set, is the feature index of the reader that will read
	// the doc: features it does not know are left out of value and at, as
	// the reader would ignore them anyway. Training leaves it nil.
	vocab map[string]int32
	// clauses remembers clause by token i, as distances in tokens: i minus
	// the clause's first token plus 1, and its last token minus i (zero:
	// not yet). A clause is at most maxClause bytes around i, so both fit
	// in 16 bits; a token whose clause does not is not remembered. Four
	// bytes a token, not eight: a 1 MiB text has 200,000 tokens.
	clauses [][2]uint16
	// explained is, per token, the place plus 1 of the clause starting
	// there in the list explain is building (zero: none). explain clears
	// the marks it set before it returns.
	explained []uint32
	// xbin is the text's vector as presence (binary), made once for all
	// explain calls on it; xbinOf is the vector it was made from.
	xbin, xbinOf learn.Vector
	// contrib is explain's list of contributions, reused from call to call;
	// ones holds xbin's values.
	contrib []learn.Contribution
	ones    []float32
	cls     []explainClause
	// intents is intentScope's marks, once made (see intent).
	intents []bool
	// ids, when set, holds the features on the id path (ids.go): what a
	// diagnosis with a Reader uses; value, at, uniq and vocab are unused.
	ids *ids
}

// actorList holds the actor of each sentence by its number; a sentence it
// does not hold has no actor (actorNone), as a map's missing key had.
type actorList []int

// span is a run of tokens, inclusive.
type span struct{ first, last int }

// maxSpans bounds how many places one feature remembers.
const maxSpans = 4

func (d *doc) add(name string, v float64, sp span) {
	if d.ids != nil {
		d.ids.addName(name, v, sp)
		return
	}
	if d.vocab != nil {
		if _, ok := d.vocab[name]; !ok {
			return
		}
	}
	if _, ok := d.value[name]; !ok {
		d.value[name] = v
	}
	if sp.first >= 0 && len(d.at[name]) < maxSpans {
		d.at[name] = append(d.at[name], sp)
	}
}

// features reads a text into its features. The situation's structured
// fields are ignored: features describe the words alone, the same way in
// training and in use.
func features(pb *playbook.Playbook, text string) *doc {
	s := pb.Scan(text)
	rules := ruleDiagnosis(pb, s, align.Situation{Text: text})
	d := &doc{scan: s, value: map[string]float64{}, at: map[string][]span{}, rules: rules}
	d.build(pb)
	return d
}

// build adds every feature of the scanned text.
func (d *doc) build(pb *playbook.Playbook) {
	d.leader = strings.ToLower(d.rules.Facts.Leader.Name)
	d.selfVerbs = pb.Diagnosis.SelfVerbs
	d.actor = actors(pb, d.scan, d.rules.Facts.Leader.Name, "")
	// Who spoke, for the evidence shown: here a pronoun that cannot be
	// the sales leader's is someone else's. The features keep the plain
	// reading the models were trained on.
	d.speakers = actors(pb, d.scan, d.rules.Facts.Leader.Name, d.rules.Facts.Pronoun)
	if d.ids != nil {
		d.wordsIDs()
		d.signalsIDs()
	} else {
		d.words()
		d.signals()
	}
	d.conclusions()
}

// words adds stemmed unigrams and bigrams. The unigram block is scaled to
// unit length so a long text does not outweigh the signals. A word in a
// negated clause ("I dont want a war") is a different feature ("~war"),
// and a word in a sentence about someone is also counted under that actor.
func (d *doc) words() {
	toks := d.scan.Tokens
	intent := intentScope(d.scan)
	negClause := -1
	// Each feature is added as it is found, with a placeholder value: the
	// value, one over the root of the number of distinct features, is
	// known only at the end. Nothing else is kept per word, so a long text
	// costs no list of every feature it has.
	uniq := d.uniq
	if uniq == nil {
		uniq = make(map[string]bool, min(3*len(toks)+8, 4096))
	}
	pending := math.NaN()
	gram := func(name string, sp span) {
		uniq[name] = true
		d.add(name, pending, sp)
	}
	for i, t := range toks {
		if negation(t.Word()) {
			negClause = t.Clause()
			continue
		}
		stem := d.stem(i)
		if stem == "" {
			continue
		}
		name := "w:" + stem
		switch {
		case t.Clause() == negClause:
			name = "w:~" + stem
		case intent[i]:
			name = "w:?" + stem
		}
		gram(name, span{i, i})
		if p := actorPrefix[d.actor[t.Sentence()]]; p != "" {
			// "The CEO doesn't see it" is O:~see: who, and that it is denied.
			if t.Clause() == negClause {
				gram("w:"+p+"~"+stem, span{i, i})
			} else {
				gram("w:"+p+stem, span{i, i})
			}
		}
		if i > 0 && toks[i-1].Sentence() == t.Sentence() && toks[i-1].Stem() != "" {
			gram("b:"+d.stem(i-1)+"_"+stem, span{i - 1, i})
		}
	}
	// Durations as features the models can generalise over: "three months
	// ago", "18 months", "a year" read as a bucket of time, marked with who
	// the sentence is about and whether it is a start ("ago", "since").
	for i := 0; i+1 < len(toks); i++ {
		b := durationBucket(toks[i], toks[i+1])
		if b == "" {
			continue
		}
		name := "dur:" + b
		gram(name, span{i, i + 1})
		if p := actorPrefix[d.actor[toks[i].Sentence()]]; p != "" {
			gram(name+"@"+p[:1], span{i, i + 1})
		}
		if i+2 < len(toks) && toks[i+2].Word() == "ago" {
			gram(name+":ago", span{i, i + 2})
		}
	}
	// Who the text is about, as a whole: a text with sentences about the
	// sales leader is about a relationship whatever its words.
	counts := map[int]int{}
	for _, a := range d.actor {
		counts[a]++
	}
	for a, n := range counts {
		if p := actorPrefix[a]; p != "" {
			gram("act:"+p[:1], span{-1, -1})
			if n > 1 {
				gram("act:"+p[:1]+"+", span{-1, -1})
			}
		}
	}
	v := 1 / math.Sqrt(float64(max(len(uniq), 1)))
	for g := range uniq {
		if x, ok := d.value[g]; ok && math.IsNaN(x) {
			d.value[g] = v
		}
	}
}

// intent is intentScope of the doc's scan, made once: the words and the
// sentences both read it.
func (d *doc) intent() []bool {
	if d.intents == nil {
		d.intents = intentScope(d.scan)
	}
	return d.intents
}

// intentScope marks the tokens that follow one of the playbook's intent
// phrases ("I'm tempted to", "part of me wants to", "I drafted") in the
// same sentence: what they describe was considered, not done, so a word
// there ("?ceo") is a different feature from the same word in a report of
// what happened ("ceo").
func intentScope(s *playbook.Scan) []bool {
	scope := make([]bool, len(s.Tokens))
	for _, h := range s.ModHits("intent") {
		sent := s.Tokens[h.Last].Sentence()
		for k := int(h.Last) + 1; k < len(s.Tokens) && s.Tokens[k].Sentence() == sent; k++ {
			scope[k] = true
		}
	}
	return scope
}

// firstPerson are the words that made a sentence the user's own account
// before selfBySubjectPronoun (kept for TestCVTried's "words" gate).
// What the user tried is read only from such sentences: "The proposal goes
// to the CEO next month" and "Her reps stopped calling" are not things the
// user did. In leave-one-author-out cross-validation over 25 authors this
// lifted tried F1 from 0.73 to 0.76.
var firstPerson = map[string]bool{"i": true, "we": true, "my": true, "our": true, "me": true, "us": true}

// selfBySubject also requires that the sentence's subject is not the sales
// leader or a third person ("Our CRO rolls his eyes"). It measured worse
// (tried F1 0.75 against 0.76 over 25 authors), so it stays off; it is
// kept for TestCVTried.
var selfBySubject = false

// selfBySubjectPronoun reads a sentence as the user's own account only
// when it says I or we, or opens with my or our: "Marco says my team..."
// and "The CEO told us both..." are about someone else. Leave-one-author-out
// over 25 authors, tried F1 at the 0.7 threshold went from 0.759 (any of
// the firstPerson words) to 0.763, precision from 0.84 to 0.86.
// TestCVTried compares the gates (ALIGN_CV_GATE=words|pronoun|subject).
var selfBySubjectPronoun = true

// negation reports whether a word turns the rest of its clause around,
// spelled with or without an apostrophe; contractions with one are already
// expanded to "not" by the tokeniser. It is a switch, not a map: every
// word of a text is asked twice, and a switch over these strings costs a
// few comparisons where a map lookup hashed the word.
func negation(w string) bool {
	switch w {
	case "not", "never", "no", "nobody", "nothing", "neither",
		"nor", "without", "hardly", "dont", "didnt", "doesnt",
		"isnt", "wasnt", "wont", "cant", "havent", "hasnt",
		"hadnt", "shouldnt", "wouldnt", "couldnt", "arent", "werent":
		return true
	}
	return false
}

// signals adds every playbook signal hit, by signal and by its group and
// key, marked with what modifies it: negated, hedged, only intended,
// reported speech, and a sentence about someone other than the sales
// leader.
func (d *doc) signals() {
	for _, h := range d.scan.Hits {
		g := h.Signal.Group()
		if g == "lint" || g == "mod" {
			continue
		}
		mod := ""
		switch {
		case h.Negated && !h.Signal.Keep:
			mod = "!neg"
		case h.Intent:
			mod = "!intent"
		case h.Hedged:
			mod = "!hedge"
		}
		if h.Reported {
			mod += "!rep"
		}
		if a := d.actor[d.scan.Tokens[h.First].Sentence()]; a == actorOther || a == actorUser {
			mod += "@" + actorPrefix[a][:1]
		}
		sp := span{int(h.First), int(h.Last)}
		d.add("s:"+h.Signal.ID+mod, 1, sp)
		d.add("g:"+g+":"+h.Signal.Key()+mod, 1, sp)
	}
}

// conclusions adds what the playbook's rules alone conclude, so the
// models can learn how far to trust each rule.
func (d *doc) conclusions() {
	r := d.rules
	none := span{-1, -1}
	d.add("r:route="+string(r.Route.Route), 1, none)
	for _, ts := range r.Scores {
		if ts.Score > 0 {
			d.add(fmt.Sprintf("r:type%d", ts.Type), math.Min(ts.Score, 6)/6, none)
		}
	}
	for i, t := range r.Types {
		d.add(fmt.Sprintf("r:types[%d]=%d", min(i, 1), t), 1, none)
	}
	if r.Proactive {
		d.add("r:proactive", 1, none)
	}
	d.add("r:urgency="+string(r.Urgency), 1, none)
	f := r.Facts
	d.add("r:tenure="+f.Tenure, 1, none)
	d.add("r:reporting="+f.Reporting, 1, none)
	d.add("r:shared_target="+f.SharedTarget, 1, none)
	d.add("r:leadership_sees="+f.LeadershipSees, 1, none)
	for _, c := range f.Tried {
		d.add("r:tried="+c, 1, none)
	}
	for _, c := range f.Tempted {
		d.add("r:tempted="+c, 1, none)
	}
	for _, m := range f.Missing {
		d.add("r:missing="+m, 1, none)
	}
	if f.Leader.Name != "" {
		d.add("r:leader-named", 1, none)
	}
	if f.LeaderNew {
		d.add("r:leader-new", 1, none)
	}
	if f.Duration != "" {
		d.add("r:duration", 1, none)
	}
	n := len(d.scan.Tokens)
	switch {
	case n <= 20:
		d.add("len:20", 1, none)
	case n <= 60:
		d.add("len:60", 1, none)
	case n <= 150:
		d.add("len:150", 1, none)
	default:
		d.add("len:long", 1, none)
	}
	d.add("bias", 1, none)
}

// actors finds who each sentence is about: the first person reference
// among its first words. "He" and "she" refer to whoever the last sentence
// about someone else was about, unless the sales leader's pronoun (""
// when unknown) says they cannot be the sales leader.
func actors(pb *playbook.Playbook, s *playbook.Scan, leaderName, pronoun string) actorList {
	toks := s.Tokens
	leaderTok := map[int]bool{}
	for h := range s.Each("route", "counterpart") {
		if h.Signal.ID != "r-sales-leader" {
			continue
		}
		// "sales ops" and "sales operations" are not the sales leader.
		if int(h.Last)+1 < len(toks) && (toks[int(h.Last)+1].Stem() == "op" || toks[int(h.Last)+1].Stem() == "oper" || toks[int(h.Last)+1].Word() == "ops") {
			continue
		}
		for i := int(h.First); i <= int(h.Last); i++ {
			leaderTok[i] = true
		}
	}
	others := thirdParties
	name := strings.ToLower(leaderName)
	n := 0
	if len(toks) > 0 {
		n = toks[len(toks)-1].Sentence() + 1
	}
	out := make(actorList, n)
	last := actorNone
	for i := 0; i < len(toks); {
		sent := toks[i].Sentence()
		j := i
		for j < len(toks) && toks[j].Sentence() == sent {
			j++
		}
		a := actorNone
		for k := i; k < j && k < i+subjectWindow && a == actorNone; k++ {
			t := toks[k]
			switch {
			case leaderTok[k] || (name != "" && t.Word() == name):
				a = actorLeader
			case others[t.Word()] && !(k+1 < j && leaderTok[k+1]) && !byAgent(toks, i, k):
				a = actorOther
			case t.Word() == "i" || t.Word() == "we":
				a = actorUser
			case t.Word() == "he" || t.Word() == "she":
				// "She said Grant is the revenue guy": a pronoun that is
				// not the sales leader's is someone else's.
				if (pronoun == "he" || pronoun == "she") && t.Word() != pronoun {
					a = actorOther
				} else if last != actorNone {
					a = last
				}
			}
		}
		out[sent] = a
		if a == actorLeader || a == actorOther {
			last = a
		}
		i = j
	}
	return out
}

// byAgent reports whether token k, in the sentence that opens at token
// i, names who did something to the subject rather than the subject
// itself: "My target, set by the owners in the business plan, is 450"
// is about the user's target, not about the owners.
func byAgent(toks []match.Token, i, k int) bool {
	for m := k - 1; m >= i && m >= k-3; m-- {
		switch toks[m].Word() {
		case "by":
			return true
		case "the", "our", "my", "his", "her", "their", "new":
			continue
		}
		return false
	}
	return false
}

// subjectWindow is how many words into a sentence its subject is looked for.
const subjectWindow = 8

// thirdParties are words for people who are neither the user nor the sales
// leader. "my boss" is caught by "boss".
var thirdParties = map[string]bool{
	"ceo": true, "coo": true, "cfo": true, "president": true, "founder": true, "founders": true,
	"cofounder": true, "board": true, "chairman": true, "chair": true, "owner": true, "owners": true,
	"boss": true, "investor": true, "investors": true, "predecessor": true, "consultant": true,
	"cmo": true, "hr": true, "finance": true, "gm": false, "md": true, "chairwoman": true,
}

// clauseTokens returns the first and last token of the clause around
// token i, trimmed of leading conjunctions, at most maxClause bytes long.
func clauseTokens(toks []match.Token, i int) (int, int) {
	c := toks[i].Clause()
	a, b := i, i
	for a > 0 && toks[a-1].Clause() == c {
		a--
	}
	for b+1 < len(toks) && toks[b+1].Clause() == c {
		b++
	}
	for a < i && conjunction(toks[a].Word()) {
		a++
	}
	for b > i && conjunction(toks[b].Word()) {
		b-- // "1,400 registrations and" ends at "registrations"
	}
	for toks[b].End()-toks[a].Start() > maxClause && b > i {
		b--
	}
	for toks[b].End()-toks[a].Start() > maxClause && a < i {
		a++
	}
	return a, b
}

// clause is the byte span of clauseTokens for token i, remembered: every model a diagnosis
// explains asks for the clauses of the same tokens. at is the first token
// that starts where the clause starts (tokens of one contraction share a
// start), so two clauses have the same at exactly when they start at the
// same byte.
func (d *doc) clause(i int) (a, b, at int) {
	toks := d.scan.Tokens
	if len(d.clauses) != len(toks) {
		d.clauses = make([][2]uint16, len(toks))
	}
	if c := d.clauses[i]; c[0] != 0 {
		at = i - int(c[0]) + 1
		return toks[at].Start(), toks[i+int(c[1])].End(), at
	}
	at, last := clauseTokens(toks, i)
	for at > 0 && toks[at-1].Start() == toks[at].Start() {
		at--
	}
	if d0, d1 := i-at+1, last-i; d0 >= 1 && d0 <= math.MaxUint16 && d1 >= 0 && d1 <= math.MaxUint16 {
		d.clauses[i] = [2]uint16{uint16(d0), uint16(d1)}
	}
	return toks[at].Start(), toks[last].End(), at
}

// maxClause bounds an evidence quote, in bytes.
const maxClause = 160

// conjunction reports whether a word only joins a clause to another: it
// is trimmed from the ends of a quoted clause.
func conjunction(w string) bool {
	switch w {
	case "and", "but", "so", "or", "because", "then":
		return true
	}
	return false
}

// sortedFeatures lists a doc's feature names in order.
func (d *doc) sortedFeatures() []string {
	out := make([]string, 0, len(d.value))
	for k := range d.value {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// tokenSpeaker is who is speaking or acting at token i, as evidence names it.
func (d *doc) tokenSpeaker(i int, reported bool) string {
	t := d.scan.Tokens[i]
	who := d.actor
	if d.speakers != nil {
		who = d.speakers
	}
	switch who[t.Sentence()] {
	case actorOther:
		return speakerOther
	case actorLeader:
		return speakerLeader
	}
	if reported || t.Quoted() {
		return speakerLeader
	}
	return speakerUser
}

// leaderWord stands for the sales leader's name in word features: "I asked
// Victor directly" and "I asked Dana directly" are the same act, and a
// name seen in one author's cases says nothing about another's.
const leaderWord = "@leader"

// abstractLeader switches leaderWord on; the cross-validation tests turn
// it off with ALIGN_CV_NAMES=off to measure it.
var abstractLeader = true

// stem is token i's stem as a word feature: the sales leader's name reads
// as leaderWord.
func (d *doc) stem(i int) string {
	t := d.scan.Tokens[i]
	if abstractLeader && d.leader != "" && t.Word() == d.leader {
		return leaderWord
	}
	return t.Stem()
}

// sentence is one sentence's own features, for the models that read a
// text sentence by sentence (what the user tried): a deck that was sent
// and a deck that was only drafted are told apart inside their sentence.
type sentence struct {
	first, last int // token span
	value       map[string]float64
	// self is true when the sentence speaks in the first person (I, we,
	// my, our, me, us): only such a sentence can say what the user did.
	self bool
}

// sentences splits the doc's words and signal hits by sentence. Each
// sentence also carries who it is about and whether it is a question.
func (d *doc) sentences() []sentence {
	var out []sentence
	d.eachSentence(func(st sentence) { out = append(out, st) })
	return out
}

// eachSentence calls fn with each sentence's features in turn, so a
// reader can turn each into a vector and let it go: a long text never
// holds every sentence's features at once.
func (d *doc) eachSentence(fn func(sentence)) {
	toks := d.scan.Tokens
	intent := intentScope(d.scan)
	hits := sentenceHits(d.scan)
	for i := 0; i < len(toks); {
		j := unitEnd(toks, i)
		v := make(map[string]float64, 2*(j-i)+4)
		negClause := -1
		self := false
		for k := i; k < j; k++ {
			t := toks[k]
			self = self || selfWord(toks, i, k, d.selfVerbs)
			if negation(t.Word()) {
				negClause = t.Clause()
				v["w:~"+t.Word()] = 1
				continue
			}
			if t.Stem() == "" {
				continue
			}
			stem := d.stem(k)
			switch {
			case t.Clause() == negClause:
				v["w:~"+stem] = 1
			case intent[k]:
				v["w:?"+stem] = 1
			default:
				v["w:"+stem] = 1
			}
			if k > i && toks[k-1].Stem() != "" {
				v["b:"+d.stem(k-1)+"_"+stem] = 1
			}
		}
		v["actor:"+strconv.Itoa(d.actor[toks[i].Sentence()])] = 1
		for _, h := range hits.in(i, j) {
			v[h.name] = 1
		}
		// Hits scale with the words: measured leaving one author out
		// (TestCVTried, 29 authors), keeping a hit at 1 or 0.5 whatever the
		// sentence's length gave tried F1 0.742 and 0.758 against 0.773.
		k := 1 / math.Sqrt(float64(len(v)))
		for f := range v {
			v[f] = k
		}
		v["bias"] = 1
		if selfBySubject {
			a := d.actor[toks[i].Sentence()]
			self = self && a != actorLeader && a != actorOther
		}
		fn(sentence{first: i, last: j - 1, value: v, self: self})
		i = j
	}
}

// sentenceHit is a hit the sentence models read, by the token it starts
// at.
type sentenceHit struct {
	first int
	name  string
}

// unitHits are a text's sentence hits in token order, read unit by unit
// with in: each call starts where the last one ended, so a text costs
// one pass however many units it has.
type unitHits struct {
	list []sentenceHit
	at   int
}

// in returns the hits that start in tokens [i, j); the units must be
// asked for in order.
func (u *unitHits) in(i, j int) []sentenceHit {
	for u.at < len(u.list) && u.list[u.at].first < i {
		u.at++
	}
	k := u.at
	for k < len(u.list) && u.list[k].first < j {
		k++
	}
	out := u.list[u.at:k]
	u.at = k
	return out
}

// sentenceHits lists the names of the hits the sentence models read (what
// was tried or tempted, and the modifiers) in the order of the token they
// start at.
func sentenceHits(s *playbook.Scan) *unitHits {
	var list []sentenceHit
	for _, h := range s.Hits {
		g := h.Signal.Group()
		if g != "tried" && g != "tempt" && g != "mod" {
			continue
		}
		name := "s:" + h.Signal.ID
		if g == "mod" {
			name = "mod:" + h.Signal.Key()
		} else {
			switch {
			case h.Negated && !h.Signal.Keep:
				name += "!neg"
			case h.Intent:
				name += "!intent"
			}
		}
		list = append(list, sentenceHit{first: int(h.First), name: name})
	}
	sort.SliceStable(list, func(a, b int) bool { return list[a].first < list[b].first })
	return &unitHits{list: list}
}

// clauseUnits splits a long sentence into units of whole clauses for the
// models of what was tried (unitEnd). Leaving one author out over 46
// authors (TestCVTried, ALIGN_CV_UNITS=on), it measured worse: tried F1
// 0.784 against 0.802 at the 0.7 threshold, recall 0.74 against 0.75. A
// long sentence's other clauses carry cues too ("which I now suspect made
// things worse"), so it stays off and is kept for the test.
var clauseUnits = false

// maxUnit is the longest sentence, in tokens, read as one unit when
// clauseUnits is on; minUnit the fewest tokens a unit split from a longer
// sentence holds.
const (
	maxUnit = 30
	minUnit = 8
)

// unitEnd is where the unit that starts at token i ends (exclusive): the
// end of its sentence, or, in a sentence longer than maxUnit tokens, the
// first clause boundary with at least minUnit tokens on both sides. A
// feature's value is one over the root of the unit's size, so in a long
// sentence ("How do I handle a CRO who ..., and I already went to the CEO
// about it once, which ...") a clause that says what the user did is not
// drowned by the rest.
func unitEnd(toks []match.Token, i int) int {
	j := i
	for j < len(toks) && toks[j].Sentence() == toks[i].Sentence() {
		j++
	}
	if !clauseUnits || j-i <= maxUnit {
		return j
	}
	for k := i + minUnit; k <= j-minUnit; k++ {
		if toks[k].Clause() != toks[k-1].Clause() {
			return k
		}
	}
	return j
}

// selfWord reports whether token k makes the sentence starting at token i
// the user's own account.
func selfWord(toks []match.Token, i, k int, selfVerbs []string) bool {
	w := toks[k].Word()
	if !selfBySubjectPronoun {
		return firstPerson[w]
	}
	// "Marco says my team..." and "The CEO told us both..." are about
	// someone else: only I or we, or a sentence that opens with my or
	// our, is the user's account; so is one that opens with a verb and
	// no subject ("Tried talking to him directly last Tuesday.").
	return w == "i" || w == "we" || (k == i && (w == "my" || w == "our" || opensSentence(toks, i) && slices.Contains(selfVerbs, w)))
}

// opensSentence reports whether token i is the first of its sentence.
func opensSentence(toks []match.Token, i int) bool {
	return i == 0 || toks[i-1].Sentence() != toks[i].Sentence()
}

// durationBucket reads a number and a unit of time ("3 months", "a year",
// "18 months") as a coarse bucket: days or weeks, under six months, six to
// twelve months, about a year, two years or more. It returns "" for
// anything else.
func durationBucket(n, unit match.Token) string {
	// Most word pairs are not a number and a unit: say so before parsing.
	switch unit.Stem() {
	case "day", "week", "month", "year", "yr", "quarter":
	default:
		return ""
	}
	var v float64
	switch n.Word() {
	case "a", "an", "one":
		v = 1
	case "few", "several", "couple":
		v = 3
	default:
		x, ok := match.Number(n)
		if !ok || x <= 0 || x > 100 {
			return ""
		}
		v = x
	}
	switch unit.Stem() {
	case "day", "week":
		return "weeks"
	case "month":
	case "year", "yr":
		v *= 12
	case "quarter":
		v *= 3
	default:
		return ""
	}
	switch {
	case v < 6:
		return "m0-6"
	case v < 12:
		return "m6-12"
	case v < 24:
		return "y1"
	}
	return "y2+"
}
