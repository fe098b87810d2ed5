package sheet

import "strings"

// Told is a sentence in which the user tells a figure of the case, kept
// so that a plan can restate the facts that decide it in the user's own
// nouns ("Last financial year our website and Google Ads booked 86 site
// assessments, which turned into 19 signed contracts worth A$2.1M").
type Told struct {
	Span
	// Figures is how many figures the sentence holds: counts, amounts and
	// shares, not dates, times of day, durations or head counts.
	Figures int `json:"figures"`
	// Leader is set when the sentence names the sales leader, or opens
	// its telling with a "he" or "she" that stands for them.
	Leader bool `json:"leader,omitempty"`
	// Unworked is set when the sentence tells of leads or deals sales
	// left unworked ("40% of the Q2 leads never got a first call"): the
	// user's case against sales, which a plan for an earned record does
	// not restate as a fact that decides it.
	Unworked bool `json:"unworked,omitempty"`
	// Pronoun is the byte offset in the text of that "he" or "she", so a
	// plan can say the name there; -1 when there is none.
	Pronoun int `json:"pronoun"`
}

// maxTold bounds the sentences kept: a plan restates two at most.
const maxTold = 8

// told finds the sentences that tell the case's figures: a count, an
// amount of money or a share ("cut my budget from A$310k to A$140k",
// "dropped from 38% to 17%"), outside quotation marks. A year, a day of
// the month, a time of day, a duration ("three weeks ago") and a head
// count ("180 people") are no figure of the case (sheet.told_skip). A
// sentence that asks a question, tells a move of the user's own (Acts),
// sits inside a quotation, runs on past maxToldWords words or is part
// of a list is not kept, and nor is one whose "he" or "she" stands for
// someone other than the sales leader: restated, it would be unclear
// whom it means. A sentence that points back ("In 29 of them the first
// touch was an inbound demo request form") is kept with the one before
// it, so that restated it still says what it counts.
func (r *reader) told(sh *Sheet) {
	skip := r.c.toldSkip
	for s := 0; s < len(r.sent) && len(sh.Told) < maxTold; s++ {
		lo, hi := r.sent[s][0], r.sent[s][1]
		// "9 opportunities." is a fragment of a list, not a sentence.
		if hi < lo || r.toks[lo].Quoted() || hi-lo+1 > maxToldWords || hi-lo+1 < minToldWords {
			continue
		}
		// "how do I handle him now, and what about the 20%." asks, with
		// or without its question mark; "Sales: $14.2M new ARR." is a
		// label and a value, not a telling.
		if asks[r.toks[lo].Word()] || r.labelled(lo, hi) || r.introduces(s) || r.subjectless(lo) || r.unagreed(lo, hi) {
			continue
		}
		// "$38K deposit already paid." is a note, not a sentence; nor is
		// a list of figures with no verb; and a guess is no fact.
		if len(strings.Fields(r.text[r.toks[lo].Start():r.toks[hi].End()])) < minToldWords || !r.finite(lo, hi) || r.hedged(lo, hi) {
			continue
		}
		figures := 0
		for k := lo; k <= hi; k++ {
			if r.figure(k, skip) {
				figures++
			}
		}
		if figures == 0 {
			continue
		}
		first := lo
		if r.pointsBack(lo, hi) {
			plo, phi, ok := r.sentenceBefore(s)
			// "I know. It showed 40% ...": a sentence too short to say
			// what the figure counts does not carry it.
			if !ok || r.toks[plo].Quoted() || phi-plo+1 < 4 || phi-plo+1+hi-lo+1 > maxToldWords {
				continue
			}
			first = plo
		}
		sp := r.sentenceSpan(first, hi)
		// Told with the sentence before it, that one is no longer a
		// sentence of its own.
		if n := len(sh.Told); first < lo && n > 0 && sh.Told[n-1].Start >= sp.Start {
			sh.Told = sh.Told[:n-1]
		} else if n > 0 && sh.Told[n-1].End > sp.Start {
			// The sentence before was told already, joined to its own
			// sentence before: this one is not told twice.
			continue
		}
		if sp.Text == "" || sh.overlapsMoves(sp) || !balanced(sp.Text) {
			continue
		}
		t := Told{Span: sp, Figures: figures, Pronoun: -1}
		for _, h := range r.of("unworked") {
			t.Unworked = t.Unworked || h.first >= first && h.first <= hi
		}
		// The first "he" or "she" told outside a quotation, before any
		// name: whom it stands for decides whether a plan may restate it.
		clear := true
		for k := first; k <= hi; k++ {
			if r.toks[k].Quoted() {
				continue
			}
			w := r.toks[k].Word()
			if sh.Leader.Name != "" && sameName(r.bareName(k), sh.Leader.Name) {
				t.Leader = true
				break
			}
			if r.isName(k) && r.capital(k) && k > first {
				break
			}
			if w == "he" || w == "she" {
				if r.antecedent(k, sh) != "sales_leader" {
					clear = false
				} else {
					t.Leader, t.Pronoun = true, r.toks[k].Start()
				}
				break
			}
		}
		if clear {
			sh.Told = append(sh.Told, t)
		}
	}
}

// asks are the words that open a question.
var asks = set([]string{"how", "what", "why", "should", "shall", "do", "does", "did", "can", "could", "would", "will", "is", "are", "am", "where", "which", "who", "whom"})

// introduces reports whether sentence s is the user introducing
// themselves: what they run or how long they have been in the role ("I'm
// the marketing manager at a contractor in Denver, about $16 million in
// annual work"). Its figures size the company, they do not decide the
// case.
func (r *reader) introduces(s int) bool {
	return len(r.inSentence("function", s)) > 0 || len(r.inSentence("tenure", s)) > 0 || len(r.inSentence("intro", s)) > 0
}

// subjectless reports whether the sentence that starts at token lo
// opens on its verb ("Says his 85 reps will hit $620M", "Pulled his reps
// out of the program"): a note typed in a hurry, whose subject a
// restatement would have to guess.
func (r *reader) subjectless(lo int) bool {
	w := r.toks[lo].Word()
	if r.c.speech[w] {
		return true
	}
	// A verb that cannot be a subject: a strong past ("Came from a
	// 200-rep outbound shop") or a present with its -s ("Wants NZ$260k of
	// my budget"), in a note whose subject went unsaid.
	if headVerbs[w] {
		return true
	}
	// A past tense straight before its object ("Cancelled our stand",
	// "Hired 3 more SDRs"), not a participle before its noun ("Qualified
	// leads dropped").
	if len(w) > 4 && strings.HasSuffix(w, "ed") && lo+1 < len(r.toks) {
		switch r.toks[lo+1].Word() {
		case "the", "a", "an", "our", "my", "his", "her", "their", "its", "him", "them", "me", "us", "it", "every", "all":
			return true
		}
		if isNumberWord(r.toks[lo+1].Word()) {
			return true
		}
	}
	return false
}

// unagreed reports whether tokens lo..hi hold "he" or "she" straight
// before a verb in its base form ("Ricardo present this client as his
// prospecting, and for 2027 he propose to cut 30%"): a second-language
// writer's sentence, which a plan does not restate word for word.
func (r *reader) unagreed(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if w := r.toks[k].Word(); (w == "he" || w == "she") && !r.toks[k].Quoted() && baseVerbs[r.toks[k+1].Word()] {
			return true
		}
	}
	return false
}

// baseVerbs are verbs in their base form whose past is written
// differently, so that after "he" or "she" they cannot be right.
var baseVerbs = map[string]bool{
	"present": true, "propose": true, "talk": true, "say": true, "want": true, "think": true, "tell": true, "make": true,
	"give": true, "take": true, "send": true, "go": true, "come": true, "ask": true, "call": true, "need": true, "like": true,
	"know": true, "use": true, "try": true, "show": true, "keep": true, "bring": true, "get": true, "have": true, "do": true,
	"write": true, "claim": true, "believe": true, "accept": true, "refuse": true, "ignore": true, "answer": true, "speak": true,
}

// headVerbs are verbs that, opening a sentence, show its subject left
// out: strong pasts and presents in -s that are not also nouns.
var headVerbs = map[string]bool{
	"came": true, "took": true, "told": true, "gave": true, "went": true, "made": true, "got": true, "brought": true,
	"sent": true, "kept": true, "left": true, "met": true, "bought": true, "thought": true, "sold": true, "spent": true,
	"paid": true, "grew": true, "fell": true, "rose": true, "became": true, "wrote": true, "began": true, "knew": true,
	"wants": true, "thinks": true, "keeps": true, "tells": true, "refuses": true, "insists": true, "needs": true, "hates": true,
}

// finite reports whether tokens lo..hi hold a verb: a past tense in -ed
// or one of sheet.told_verbs.
func (r *reader) finite(lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		if w := r.toks[k].Word(); r.c.toldVerbs[w] || len(w) > 3 && strings.HasSuffix(w, "ed") {
			return true
		}
	}
	return false
}

// hedged reports whether tokens lo..hi hold one of sheet.told_hedges,
// outside a quotation.
func (r *reader) hedged(lo, hi int) bool {
	low := strings.ToLower(r.text[r.toks[lo].Start():r.toks[hi].End()])
	for _, h := range r.pb.Sheet.ToldHedges {
		if i := strings.Index(low, h); i >= 0 && (i == 0 || low[i-1] == ' ') {
			return true
		}
	}
	return false
}

// labelled reports whether the sentence lo..hi opens with a label: a
// colon after its first three words or fewer.
func (r *reader) labelled(lo, hi int) bool {
	for k := lo; k <= hi && k < lo+3; k++ {
		if e := r.toks[k].End(); e < len(r.text) && r.text[e] == ':' {
			return true
		}
	}
	return false
}

// minToldWords is the shortest sentence, in tokens, a plan restates.
const minToldWords = 5

// maxToldWords is the longest sentence, in tokens, a plan restates: a
// longer one is a paragraph the user wrote without stops.
const maxToldWords = 45

// figure reports whether token k is a figure of the case: a number in
// digits that is money ("A$2.1M", "420k euros"), a share ("38%") or a
// count of something the funnel holds ("86 site assessments", "19 signed
// contracts", "2 out of 28 rated marketing leads"). A year, a day of the
// month, a time of day, an ordinal, an item's number ("1)") and a number
// of the units in skip ("3 weeks ago", "180 people") are not, and nor is
// a company's size ("about $200M revenue", sheet.told_size).
func (r *reader) figure(k int, skip map[string]bool) bool {
	w := r.toks[k].Word()
	start, end := r.toks[k].Start(), r.toks[k].End()
	// Written in digits: "four sales managers" and "one of my three
	// people" size a team, they are no result.
	if !isNumberWord(w) || r.text[start] < '0' || r.text[start] > '9' || r.toks[k].Quoted() {
		return false
	}
	money := start > 0 && strings.ContainsAny(r.text[max(0, start-3):start], "$£€")
	if isYear(w) && !money {
		return false
	}
	// "26th", "9am", "1:1", "10:30", "1)".
	if strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") || strings.HasSuffix(w, "th") || strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm") {
		return false
	}
	rest := strings.ToLower(r.text[end:min(len(r.text), end+5)])
	if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, ")") || start > 0 && r.text[start-1] == ':' || strings.HasPrefix(rest, " a.m") || strings.HasPrefix(rest, " p.m") {
		return false
	}
	if k > 0 && months[r.toks[k-1].Word()] {
		return false
	}
	same := func(j int) bool { return j < len(r.toks) && r.toks[j].Sentence() == r.toks[k].Sentence() }
	// "about $200M revenue", "900 million euros in revenue": the
	// company's size.
	for j := k + 1; j <= k+4 && same(j); j++ {
		next := r.toks[j].Word()
		if r.c.toldSize[next] && (j == k+1 || r.toks[j-1].Word() == "in") {
			return false
		}
		if next != "in" && !r.c.toldMoney[next] {
			break
		}
	}
	if money || moneyWord(w) || strings.HasPrefix(rest, "%") {
		return true
	}
	// "48 hours", "11 regional reps": the unit may follow a word that
	// describes it.
	for j := k + 1; j <= k+3 && same(j); j++ {
		next := r.toks[j].Word()
		if months[next] || skip[next] {
			return false
		}
		if r.c.toldMoney[next] || r.c.caseNouns[next] {
			return true
		}
		// "In 29 of them": a count of what the sentence before named.
		if j == k+2 && r.toks[k+1].Word() == "of" && backCounts[next] {
			return true
		}
	}
	return false
}

// moneyWord reports whether w is an amount written with its multiplier
// ("96k", "2.1m", "5bn").
func moneyWord(w string) bool {
	for _, suf := range []string{"k", "m", "bn", "mn", "mm"} {
		if n := strings.TrimSuffix(w, suf); n != w && n != "" && strings.Trim(n, "0123456789.,") == "" {
			return true
		}
	}
	return false
}

// pointsBack reports whether the sentence lo..hi counts what the one
// before it named ("In 29 of them ...", "That is 40% of ...").
func (r *reader) pointsBack(lo, hi int) bool {
	switch r.toks[lo].Word() {
	case "it", "this", "that", "these", "those", "they", "both", "neither", "none", "most", "half", "all", "mine", "ours", "his", "hers", "theirs", "yours":
		return true
	}
	// "One, a refinery maintenance contractor, billed about $310k": a
	// number word set off by a comma counts one of those named before.
	if w := r.toks[lo].Word(); lo < hi && r.text[r.toks[lo].Start()] > '9' && isNumberWord(w) && strings.HasPrefix(r.text[r.toks[lo].End():], ",") {
		return true
	}
	// "12 got a call within 48 hours.": a figure with no noun of its own,
	// straight before its verb, counts the ones named before.
	if w := r.toks[lo].Word(); lo < hi && isNumberWord(w) {
		if v := r.toks[lo+1].Word(); r.c.toldVerbs[v] || headVerbs[v] || len(v) > 3 && strings.HasSuffix(v, "ed") {
			return true
		}
	}
	// "Last year that was about 3,000 names.", "The other 75% just rot.",
	// "On this year's data that would take marketing's share to 18%".
	for k := lo; k < lo+7 && k+1 <= hi; k++ {
		if r.toks[k].Word() == "other" && k > lo && r.toks[k-1].Word() == "the" {
			return true
		}
		switch r.toks[k].Word() {
		case "it", "this", "that", "these", "those", "they":
			switch r.toks[k+1].Word() {
			case "is", "was", "were", "are", "s", "would", "will", "could", "can", "has", "had", "means", "meant", "takes", "took", "makes", "made", "gives", "gave", "shows", "showed", "puts", "put", "leaves", "left":
				return true
			}
		}
	}
	// "you quietly dropped it in October": "it" stands for something
	// named before, outside a quotation.
	for k := lo; k <= hi; k++ {
		if r.toks[k].Word() == "it" && !r.toks[k].Quoted() {
			return true
		}
	}
	for k := lo; k+1 <= hi; k++ {
		if r.toks[k].Word() == "of" && backCounts[r.toks[k+1].Word()] {
			return true
		}
	}
	return false
}

// sentenceSpan is the text of tokens first..last with the stop and any
// closing quotation mark after it; empty when the sentence is part of a
// list or introduces one.
func (r *reader) sentenceSpan(first, last int) Span {
	sp := r.span(first, last)
	e := sp.End
	for e < len(r.text) {
		switch {
		case strings.ContainsRune(".!\"')", rune(r.text[e])):
			e++
			continue
		case strings.HasPrefix(r.text[e:], "\u201d"), strings.HasPrefix(r.text[e:], "\u2019"):
			e += len("\u201d")
			continue
		}
		break
	}
	sp.End, sp.Text = e, r.text[sp.Start:e]
	// "[9:31 AM] Dana: ..." is a pasted chat, not the user's telling.
	if e < len(r.text) && r.text[e] == ':' || strings.ContainsAny(sp.Text, "[]") || strings.Contains(sp.Text, "\n") && strings.ContainsAny(sp.Text, "-*\u2022") && listLine(sp.Text) {
		return Span{}
	}
	return sp
}

// listLine reports whether text holds a line that starts as a list item.
func listLine(text string) bool {
	for _, line := range strings.Split(text, "\n")[1:] {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "-") || strings.HasPrefix(line, "*") || strings.HasPrefix(line, "\u2022") {
			return true
		}
	}
	return false
}

// overlapsMoves reports whether sp overlaps a sentence that tells a move
// of the user's own or asks a question.
func (sh *Sheet) overlapsMoves(sp Span) bool {
	over := func(o Span) bool { return o.Start < sp.End && sp.Start < o.End }
	for _, a := range sh.Acts {
		if over(a) {
			return true
		}
	}
	for _, t := range sh.Temptations {
		if over(t.Span) {
			return true
		}
	}
	for _, q := range []*Span{sh.Proposes, sh.AsksBefore, sh.AsksRead} {
		if q != nil && over(*q) {
			return true
		}
	}
	if sh.Question != nil && over(sh.Question.Span) {
		return true
	}
	return strings.Contains(sp.Text, "?")
}

// balanced reports whether every quotation opened in text closes in it:
// a sentence the tokeniser ended inside a quotation ("He replied:
// \"Nice slides.") is not one to restate.
func balanced(text string) bool {
	return strings.Count(text, "\"")%2 == 0 && strings.Count(text, "\u201c") == strings.Count(text, "\u201d")
}
