package sheet

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// clauseAround is the clause around a hit, as events read it: the words
// of the hit's clause, up to maxWords, or false when the clause is too
// short to stand alone, too long to quote, or runs into a quotation.
func (r *reader) clauseAround(h hit) (Span, bool) {
	c := r.toks[h.first].Clause()
	lo, hi := h.first, h.last
	for lo > 0 && r.toks[lo-1].Clause() == c && h.first-lo < maxWords {
		lo--
	}
	for hi+1 < len(r.toks) && r.toks[hi+1].Clause() == c && hi-lo < maxWords {
		hi++
	}
	return r.quotable(lo, hi)
}

// quotable is tokens lo to hi as a span a plan can quote: at least four
// words, fewer than maxWords, none of them inside a quotation.
func (r *reader) quotable(lo, hi int) (Span, bool) {
	if hi-lo < 3 || hi-lo >= maxWords {
		return Span{}, false
	}
	for k := lo; k <= hi; k++ {
		if r.toks[k].Quoted() {
			return Span{}, false
		}
	}
	return r.span(lo, hi), true
}

// withClauseBefore is a clause too short to stand alone ("deadline 15
// December") with the clause before it in its sentence ("Now is planning
// for 2027, deadline 15 December"), when the two are short enough to
// quote and hold no quotation.
func (r *reader) withClauseBefore(h hit) (Span, bool) {
	lo, hi := r.wholeClause(h)
	if hi-lo >= 3 {
		return Span{}, false
	}
	lo, ok := r.clauseBefore(lo)
	if !ok {
		return Span{}, false
	}
	return r.quotable(lo, hi)
}

// wholeClause is the first and last token of the clause hit h stands in.
func (r *reader) wholeClause(h hit) (lo, hi int) {
	c := r.toks[h.first].Clause()
	lo, hi = h.first, h.last
	for lo > 0 && r.toks[lo-1].Clause() == c {
		lo--
	}
	for hi+1 < len(r.toks) && r.toks[hi+1].Clause() == c {
		hi++
	}
	return lo, hi
}

// clauseBefore is the first token of the clause before the one that
// starts at token lo, in the same sentence; false when lo opens its
// sentence.
func (r *reader) clauseBefore(lo int) (int, bool) {
	s := r.toks[lo].Sentence()
	if lo == 0 || r.toks[lo-1].Sentence() != s {
		return 0, false
	}
	p := r.toks[lo-1].Clause()
	for lo > 0 && r.toks[lo-1].Clause() == p && r.toks[lo-1].Sentence() == s {
		lo--
	}
	return lo, true
}

// narrated reports whether a deadline hit is a step in a story told in
// the past ("he had the field removed the next week"): "the next day",
// "the next morning", "the next week" count from a past event, not from
// today.
func (r *reader) narrated(h hit) bool {
	return h.first > 0 && r.toks[h.first].Word() == "next" && r.toks[h.first-1].Word() == "the" &&
		h.first+1 < len(r.toks) && (r.toks[h.first+1].Word() == "week" || r.toks[h.first+1].Word() == "day" || r.toks[h.first+1].Word() == "morning")
}

// withAntecedent is a clause that opens by pointing back ("..., and that
// gets decided at the board meeting on 17 December") with the clause it
// points to, in its sentence, when the two hold no quotation and run to
// fewer than twice maxWords: "and that gets decided" alone does not say
// what is decided.
func (r *reader) withAntecedent(h hit) (Span, bool) {
	lo, hi := r.wholeClause(h)
	k := lo
	for k < hi && joiners[r.toks[k].Word()] {
		k++
	}
	// "and that", "but this", "which": a bare "that" is more often the
	// start of reported words ("told us that next quarter ...").
	switch w := r.toks[k].Word(); {
	case w == "which":
	case (w == "that" || w == "this" || w == "it") && k > lo:
	default:
		return Span{}, false
	}
	if k+1 <= hi && nounAfterThat[r.toks[k+1].Word()] {
		return Span{}, false
	}
	lo, ok := r.clauseBefore(lo)
	if !ok || hi-lo >= 2*maxWords {
		return Span{}, false
	}
	for i := lo; i <= hi; i++ {
		if r.toks[i].Quoted() {
			return Span{}, false
		}
	}
	return r.span(lo, hi), true
}

// nounAfterThat are words after "that" that make it a determiner ("that
// meeting is on the 14th"), not a pointer back.
var nounAfterThat = set([]string{"meeting", "review", "call", "board", "offsite", "decision", "date", "deadline", "budget", "plan", "day", "week", "month"})

// deadlines finds a date ahead that sets the pace: a budget cycle, a
// board meeting, a renewal, "next month". It keeps the whole sentence
// when it is short enough to quote (quotations in it whole), else the
// clause; never a question the user asks, a clause that says "ago" (an
// event, above), or someone's start date.
func (r *reader) deadlines(sh *Sheet) {
	seen := map[int]bool{}
	// A date inside a move the user weighs ("I'm tempted to send her a
	// deck before the offsite") is read after every other: the plan
	// quotes the sentence that says what falls on the date.
	hits := r.of("deadline")
	var weighed []hit
	for _, h := range hits {
		if r.weighed(sh, h.first) {
			weighed = append(weighed, h)
		}
	}
	hits = append(slices.DeleteFunc(slices.Clone(hits), func(h hit) bool { return r.weighed(sh, h.first) }), weighed...)
	for _, h := range hits {
		// "asked me for \"a plan to get to 40%\" by December 15": a hit
		// that opens inside a quotation is read from its first word
		// outside it.
		for h.first < h.last && r.toks[h.first].Quoted() && !r.toks[h.last].Quoted() {
			h.first++
		}
		// A decision something is owed before, inside a quotation, is
		// still ahead: "told both of us last week to \"sort it out before
		// the planning cycle in January\"". Other quoted words ("a
		// customer with a drawing and a deadline") are someone's words,
		// not the user's calendar.
		if len(sh.Deadlines) >= maxEvents || r.toks[h.first].Quoted() && !(owedWords[r.toks[h.first].Word()] && r.decision(h)) || r.spelledDay(h) {
			continue
		}
		c, s := r.toks[h.first].Clause(), r.toks[h.first].Sentence()
		if seen[s] || r.clauseHas(c, "ago") || r.starting(c) || r.sinceBefore(h.first) {
			continue
		}
		// A date inside a move the user weighs that names no occasion
		// ("I'm tempted to loosen the scoring to reach 1,200 by
		// December") is the user's own timetable, not one the situation
		// sets; "before the offsite" names one and stays.
		if r.weighed(sh, h.first) && !r.decision(h) {
			continue
		}
		// A question is not a statement of a date ("What do I do before
		// the board meeting?" may ask about any board meeting), but one
		// that dates a decision ("What should I do before the budget
		// meeting on the 15th?") takes it as given: its date phrase is
		// the deadline.
		if r.question(s) {
			if r.decision(h) && r.dated(h) && !r.past(h) && !r.denied(h) {
				seen[s] = true
				sh.Deadlines = append(sh.Deadlines, r.datePhrase(h))
			}
			continue
		}
		// "in six weeks" is ahead only in a clause that looks ahead ("the
		// decision is in six weeks"), not one that looks back ("the rate
		// has halved in six weeks").
		if r.toks[h.first].Word() == "in" && !r.ahead(h) || r.past(h) && !r.owed(h) || r.denied(h) || r.narrated(h) || r.pastDecision(h) {
			continue
		}
		seen[s] = true
		// A dated decision inside a move someone weighs ("I'm tempted to
		// send her the deck before the board meeting on December 10") is
		// quoted by its date phrase alone: the date, not the move.
		if w := r.toks[h.first].Word(); r.weighed(sh, h.first) && (w == "before" || w == "by" || w == "until") {
			done := false
			for _, dh := range r.inSentence("date", s) {
				if dh.first > h.first && dh.last-h.first <= 10 {
					sh.Deadlines = append(sh.Deadlines, r.span(h.first, dh.last))
					done = true
					break
				}
			}
			if done {
				continue
			}
		}
		if lo, hi := r.sent[s][0], r.sent[s][1]; hi-lo < maxSentence {
			// "But Greg writes my annual review in January" is quoted
			// from its subject: the conjunction joined it to a sentence
			// the quotation leaves out.
			if joins[r.toks[lo].Word()] && lo < hi {
				lo++
			}
			sh.Deadlines = append(sh.Deadlines, unlabelled(r.quotedSpan(lo, hi)))
		} else if sp, ok := r.withAntecedent(h); ok {
			sh.Deadlines = append(sh.Deadlines, sp)
		} else if sp, ok := r.clauseAround(h); ok {
			// "..., and a 2027 plan due in three weeks" is quoted from
			// its noun, not its conjunction.
			sp = untrailed(sp)
			if t := sp; trimJoins(&t) {
				sp = t
			}
			sh.Deadlines = append(sh.Deadlines, sp)
		} else if sp, ok := r.withClauseBefore(h); ok {
			sh.Deadlines = append(sh.Deadlines, sp)
		} else if r.decision(h) || r.owed(h) {
			sh.Deadlines = append(sh.Deadlines, r.datePhrase(h))
		}
	}
}

// joins are the conjunctions a sentence may open with.
var joins = map[string]bool{"but": true, "and": true, "so": true, "yet": true, "plus": true}

// unlabelled drops the heading of a line of pasted notes from a span
// ("Deadline: I'm on the agenda at the kickoff on January 14" keeps the
// words after the colon): the heading is the user's label, not their
// sentence.
func unlabelled(sp Span) Span {
	i := strings.Index(sp.Text, ": ")
	if i <= 0 || i > 24 || !unicode.IsUpper(rune(sp.Text[0])) {
		return sp
	}
	for _, c := range sp.Text[:i] {
		if !unicode.IsLetter(c) && c != ' ' {
			return sp
		}
	}
	head := len(sp.Text[:i+2])
	sp.Start += head
	sp.Text = sp.Text[head:]
	return sp
}

// untrailed drops a short fragment a clause runs into after a comma and
// a conjunction ("... define the 2027 targets, and in March" keeps "...
// define the 2027 targets"): it is the start of the next thought, cut off.
func untrailed(sp Span) Span {
	for _, sep := range []string{", and ", ", but ", ", so "} {
		i := strings.LastIndex(sp.Text, sep)
		if i > 0 && len(strings.Fields(sp.Text[i+len(sep):])) <= 3 {
			sp.Text = sp.Text[:i]
			sp.End = sp.Start + len(sp.Text)
			return sp
		}
	}
	return sp
}

// deadlineDate finds the date in the first deadline (Sheet.DeadlineDate),
// without a leading preposition, the longer where two overlap.
func (r *reader) deadlineDate(sh *Sheet) {
	if len(sh.Deadlines) == 0 {
		return
	}
	d := sh.Deadlines[0]
	lo, hi := -1, -1
	for _, h := range r.of("date") {
		// A date inside the deadline's own quotation is its date
		// ("to \"sort it out before the planning cycle in January\"").
		if r.toks[h.first].Start() < d.Start || r.toks[h.last].End() > d.End || r.toks[h.first].Quoted() && !r.toks[r.tokenAt(d.Start)].Quoted() && !strings.Contains(d.Text, "\"") || r.spelledDay(h) {
			continue
		}
		from := h.first
		switch r.toks[from].Word() {
		case "in", "by", "before", "until":
			from++
		}
		// "by January 10": the day and month, not the month alone.
		if lo < 0 || h.last-from > hi-lo && from <= hi {
			lo, hi = from, h.last
		}
	}
	if lo < 0 {
		return
	}
	sp := r.span(lo, hi)
	// "next quarter's board meeting": the date is part of a longer name,
	// and "before next quarter's" would read broken.
	if strings.HasSuffix(sp.Text, "'s") || strings.HasSuffix(sp.Text, "\u2019s") {
		return
	}
	// A plan names it mid-sentence: "Next month" opened the user's.
	for _, w := range []string{"Next ", "This ", "The "} {
		if strings.HasPrefix(sp.Text, w) {
			sp.Text = strings.ToLower(w[:1]) + sp.Text[1:]
		}
	}
	sh.DeadlineDate = &sp
	for _, h := range r.of("soon") {
		if r.toks[h.first].Start() >= sp.Start && r.toks[h.last].End() <= sp.End {
			sh.DeadlineSoon = true
		}
	}
}

// decision reports whether a deadline hit names what is decided (a
// budget cycle, a board meeting, a renewal), so that it can stand alone;
// "next month" alone cannot.
func (r *reader) decision(h hit) bool {
	for k := h.first; k <= h.last; k++ {
		switch r.toks[k].Stem() {
		case "budget", "board", "plan", "renew", "renewal", "review", "cycl", "season", "decis", "propos", "deadlin", "qbr", "offsit", "meet":
			return true
		}
	}
	return false
}

// spelledDay reports whether hit h ends in "the" and a number that is no
// day of a month: written in words ("by the two founding families", "by
// the thousand" count things) or above 31 ("the 2027 planning session"
// is a year), where "by the 14th" names a day.
func (r *reader) spelledDay(h hit) bool {
	k := h.last
	if k <= h.first || r.toks[k-1].Word() != "the" || !isNumberWord(r.toks[k].Word()) {
		return false
	}
	w := r.text[r.toks[k].Start():r.toks[k].End()]
	if !isNumberWord(w) {
		return true
	}
	// "the 2027 planning session": a year, not a day of the month.
	n := 0
	for _, c := range w {
		if c < '0' || c > '9' {
			break
		}
		n = n*10 + int(c-'0')
	}
	return n < 1 || n > 31
}

// dated reports whether hit h names a day or a month: a number or a
// month's name.
func (r *reader) dated(h hit) bool {
	for k := h.first; k <= h.last; k++ {
		if w := r.toks[k].Word(); isNumberWord(w) || months[w] {
			return true
		}
	}
	return false
}

// datePhrase is a deadline hit alone, with the preposition that ties it
// to the user's plan ("before the next budget cycle"), for a clause too
// long to quote whole. Without it the date would be lost, and the plan
// would say nothing is being decided.
func (r *reader) datePhrase(h hit) Span {
	lo := h.first
	for k := lo - 1; k >= 0 && k >= h.first-3 && r.toks[k].Clause() == r.toks[h.first].Clause() && !r.toks[k].Quoted(); k-- {
		switch r.toks[k].Word() {
		case "the", "our", "this", "next", "coming", "upcoming":
			continue
		case "before", "by", "until", "at", "during", "after":
			lo = k
		}
		break
	}
	same := func(k int) bool {
		return k >= 0 && k < len(r.toks) && r.toks[k].Clause() == r.toks[h.first].Clause() && !r.toks[k].Quoted()
	}
	// What goes there: "the FY27 plan that goes to the board".
	if k := lo - 1; same(k) && (r.toks[k].Word() == "that" || r.toks[k].Word() == "which") {
		for j := k - 1; same(j) && j >= k-4; j-- {
			if w := r.toks[j].Word(); w == "the" || w == "our" || w == "my" || w == "this" || w == "next" {
				lo = j
				break
			}
		}
	}
	// And when: "... on January 20", "... in March".
	hi := h.last
	if k := hi + 1; same(k) && same(k+1) && (r.toks[k].Word() == "on" || r.toks[k].Word() == "in" || r.toks[k].Word() == "by" || r.toks[k].Word() == "at") && (months[r.toks[k+1].Word()] || isNumberWord(r.toks[k+1].Word())) {
		hi = k + 1
		if same(hi+1) && (months[r.toks[hi+1].Word()] || isNumberWord(r.toks[hi+1].Word())) {
			hi++
		}
	}
	// "in seven weeks": the number with its unit.
	if same(hi+1) && isNumberWord(r.toks[hi].Word()) && timeUnits[r.toks[hi+1].Word()] {
		hi++
	}
	return r.span(lo, hi)
}

// timeUnits are the units a count of time is given in: a time ahead, or a
// window ("a 12-month rule") that is no figure promised.
var timeUnits = set([]string{"day", "days", "week", "weeks", "month", "months", "quarter", "quarters", "year", "years"})

// months are the months' names as tokens.
// owedWords open a date something is owed by.
var owedWords = set([]string{"before", "by", "until"})

var months = set([]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"})

// ahead reports whether the words just before a hit ("in six weeks"), in
// its clause, look ahead: a present or future verb or a decision word,
// and no perfect or past-tense verb.
func (r *reader) ahead(h hit) bool {
	ok := false
	c := r.toks[h.first].Clause()
	for k := h.first - 6; k <= h.last+2; k++ {
		if k < 0 || k >= len(r.toks) || r.toks[k].Clause() != c {
			continue
		}
		t := r.toks[k]
		switch t.Word() {
		case "has", "have", "had", "was", "were", "got", "did", "down", "up", "halved", "doubled", "fell", "dropped", "went", "came", "changed":
			return false
		case "is", "are", "will", "due", "decides", "decide", "decision", "meets", "meet", "closes", "close", "locks", "lock", "review", "vote", "budget", "board", "planning", "deadline", "renewal", "wants", "want", "need", "needs", "finalised", "finalized", "event", "show", "present", "out":
			ok = true
		}
	}
	return ok
}

// past reports whether the words around a hit are in the past tense
// ("next quarter's budget was trimmed", "For the November board pack he
// rebuilt"): a date that has been dealt with.
// owed reports whether a deadline hit is a calendar day something is
// owed by ("asked me for a plan by December 15"): a past verb beside it
// says when it was asked, not that the day has gone. Whether the day is
// behind the plan's date is for Sheet.DropPast to say.
func (r *reader) owed(h hit) bool {
	switch r.toks[h.first].Word() {
	case "by", "before", "until":
	default:
		return false
	}
	month, day := false, false
	for k := h.first; k <= h.last; k++ {
		month = month || months[r.toks[k].Word()]
		day = day || isNumberWord(r.toks[k].Word())
	}
	return month && day
}

// intentAfter are the words after "was" or "were" that make it a move
// weighed, not a past event: "I was planning to", "we were going to".
var intentAfter = map[string]bool{"planning": true, "going": true, "hoping": true, "about": true, "thinking": true, "meaning": true, "intending": true, "supposed": true}

func (r *reader) past(h hit) bool {
	c := r.toks[h.first].Clause()
	// A date after "at", "in" or "during" says when something happened
	// or happens; after "before" or "by", what it is owed by.
	at := false
	switch r.toks[h.first].Word() {
	case "at", "in", "during":
		at = true
	}
	// "On management board meeting 6 November Tomasz said ...", "In our
	// meeting on 17 November he said ...": the preposition may open the
	// clause a few words before the hit; then what was said after the
	// date was said on it ("The owner asked me to present the budget in
	// the committee on 20 January" asked before, about the date).
	atBefore := false
	for k := h.first - 1; k >= 0 && k >= h.first-3 && r.toks[k].Clause() == c; k-- {
		if w := r.toks[k].Word(); w == "at" || w == "on" || w == "during" || w == "in" {
			atBefore = true
		}
	}
	// "she parked it until the December 11 board meeting": a matter put
	// off until a date waits for it, whatever the tense.
	if w := r.toks[h.first].Word(); w == "until" || w == "till" {
		for k := h.first - 1; k >= 0 && k >= h.first-5 && r.toks[k].Clause() == c; k-- {
			if deferrals[r.toks[k].Word()] {
				return false
			}
		}
	}
	// "Then at the October QBR, when I showed ..., she said ...": a time
	// fronted in a clause of its own dates the clause that follows it,
	// so the tense is read there.
	fronted := true
	for k := h.first - 1; k >= 0 && r.toks[k].Clause() == c; k-- {
		fronted = fronted && frontWords[r.toks[k].Word()]
	}
	for k := h.last + 1; k < len(r.toks) && r.toks[k].Clause() == c; k++ {
		fronted = false
	}
	hi := h.last + 4
	if fronted {
		hi = h.last + 16
	}
	inClause := func(k int) bool {
		return r.toks[k].Clause() == c || fronted && k > h.last && r.toks[k].Sentence() == r.toks[h.first].Sentence()
	}
	for k := h.first - 10; k <= hi; k++ {
		if k < 0 || k >= len(r.toks) || !inClause(k) {
			continue
		}
		w := r.toks[k].Word()
		// "at the budget review on 15 december and she hinted ...": a
		// conjunction and a new subject after the date open a clause of
		// their own, with their own tense.
		if k > h.last && (w == "and" || w == "but" || w == "so") && k+1 < len(r.toks) && subjects[r.toks[k+1].Word()] {
			break
		}
		// "I was planning to walk him through it at the meeting on the
		// 9th" weighs a move ahead; it tells nothing that happened.
		if (w == "was" || w == "were") && k+1 < len(r.toks) && intentAfter[r.toks[k+1].Word()] {
			continue
		}
		switch w {
		case "was", "were", "had", "got", "went", "came", "did", "sent", "showed", "presented", "shared", "emailed", "built", "made",
			"rebuilt", "rewrote", "put", "gave", "took", "brought", "held", "ran", "spent", "lost", "won", "left", "met":
			return true
		}
		// A person's act in the past tense: "he proposed", "she moved
		// the budget", "For the November board pack he rebuilt ...".
		// Speech verbs are not: what was said may look ahead ("The CEO
		// told us both to sort it out before the board meeting"), unless
		// the date says when it was said ("At the October board meeting
		// the chair asked ...").
		// "need" and "exceed" end in "ed" but are not past: a past form
		// stems to something shorter.
		// "a target our CFO set in July": a verb whose past is its present
		// form, straight after who did it and with no auxiliary, is told
		// in the past.
		if sameFormPast[w] && k > 0 && (subjects[r.toks[k-1].Word()] || setters[r.toks[k-1].Word()]) && inClause(k-1) {
			return true
		}
		pastForm := strings.HasSuffix(w, "ed") && r.toks[k].Stem() != w
		said := speechVerbs[w] || w == "said" || w == "told"
		if k > 0 && (pastForm && !speechVerbs[w] && subjects[r.toks[k-1].Word()] || said && (at || atBefore && k > h.last)) && inClause(k-1) {
			return true
		}
	}
	return false
}

// frontWords may open a clause that holds only a time ("Then at the
// October QBR, ...").
var frontWords = map[string]bool{"then": true, "and": true, "but": true, "so": true, "only": true, "just": true, "even": true, "back": true, "later": true, "also": true}

// subjects are the pronouns that make a following "-ed" word a verb in
// the past tense rather than a participle ("he proposed", not "is
// scheduled").
var subjects = map[string]bool{"i": true, "he": true, "she": true, "they": true, "we": true}

// sameFormPast are verbs whose past tense is their present form, and
// setters the people who set a target or a budget; together ("our CFO
// set") they tell a past act.
var (
	sameFormPast = map[string]bool{"set": true, "cut": true, "let": true, "quit": true}
	setters      = map[string]bool{"ceo": true, "cfo": true, "coo": true, "cro": true, "board": true, "owner": true, "owners": true, "md": true, "founder": true, "founders": true, "president": true, "finance": true, "leadership": true, "management": true, "investors": true, "boss": true}
)

// deferrals are the verbs that put a matter off until a date.
var deferrals = map[string]bool{"parked": true, "postponed": true, "deferred": true, "delayed": true, "paused": true, "shelved": true, "tabled": true, "pushed": true, "held": true, "froze": true, "frozen": true, "off": true, "hold": true}

// speechVerbs report words whose content may look ahead.
var speechVerbs = map[string]bool{"asked": true, "warned": true, "promised": true, "insisted": true, "suggested": true, "mentioned": true, "explained": true, "announced": true, "stressed": true, "agreed": true}

// maxSentence is the longest sentence, in words, a plan quotes whole.
const maxSentence = 24

// question reports whether sentence s ends with a question mark.
func (r *reader) question(s int) bool {
	end := r.toks[r.sent[s][1]].End()
	for end < len(r.text) && (r.text[end] == '"' || r.text[end] == ' ' || r.text[end] == ')') {
		end++
	}
	return end < len(r.text) && r.text[end] == '?'
}

// quotedSpan is tokens lo..hi as a span that keeps a quotation at either
// end whole, closing quotation mark included.
func (r *reader) quotedSpan(lo, hi int) Span {
	s, e := r.toks[lo].Start(), r.toks[hi].End()
	isQ := func(b byte) bool { return b == '"' }
	if r.toks[lo].Quoted() && s > 0 && isQ(r.text[s-1]) {
		s--
	}
	if r.toks[hi].Quoted() {
		for k := e; k < len(r.text) && k < e+4; k++ {
			if isQ(r.text[k]) {
				e = k + 1
				break
			}
			if r.text[k] == ' ' {
				break
			}
		}
	}
	// A number's sign belongs to it ("15%").
	for e < len(r.text) && r.text[e] == '%' {
		e++
	}
	// Curly quotation marks are three bytes each.
	if r.toks[lo].Quoted() && s >= 3 && (r.text[s-3:s] == "\u201c" || r.text[s-3:s] == "\u201d") {
		s -= 3
	}
	if r.toks[hi].Quoted() && e+3 <= len(r.text) && (r.text[e:e+3] == "\u201d" || r.text[e:e+3] == "\u201c") {
		e += 3
	}
	return Span{Start: s, End: e, Text: r.text[s:e]}
}

// starting reports whether clause c is about someone starting a job
// ("I start in two weeks", "who joins next month"): a start date is not
// a decision ahead, unless the clause also names one.
func (r *reader) starting(c int) bool {
	start, decision := false, false
	for _, t := range r.toks {
		if t.Clause() != c {
			continue
		}
		switch t.Stem() {
		case "start", "join", "arriv", "begin", "onboard", "who":
			start = true
		case "budget", "board", "plan", "renew", "review", "cycl", "season", "decis", "propos", "deadlin", "qbr":
			decision = true
		}
	}
	return start && !decision
}

// clauseHas reports whether clause c has the word w.
func (r *reader) clauseHas(c int, w string) bool {
	for _, t := range r.toks {
		if t.Clause() == c && t.Word() == w {
			return true
		}
	}
	return false
}

// lost finds words about deals, pipeline or leads lost or going
// unworked, outside quotes and not negated ("we have not lost a deal").
func (r *reader) lost(sh *Sheet) {
	for _, group := range []string{"lost", "unworked"} {
		for _, h := range r.of(group) {
			if r.toks[h.first].Quoted() {
				continue
			}
			if h.first > 0 && (r.toks[h.first-1].Word() == "not" || r.toks[h.first-1].Word() == "never") && r.toks[h.first].Word() != "never" {
				continue
			}
			sh.Lost = append(sh.Lost, r.span(h.first, h.last))
			sh.Unworked = sh.Unworked || group == "unworked"
		}
	}
	sort.SliceStable(sh.Lost, func(i, j int) bool { return sh.Lost[i].Start < sh.Lost[j].Start })
	// The patterns match stems, so "should close" meets "closed": the
	// verb must be written in the past.
	for _, h := range r.of("closed_deal") {
		if r.toks[h.first].Quoted() || r.negated(h.first) {
			continue
		}
		for k := h.first; k <= h.last; k++ {
			switch r.toks[k].Word() {
			case "signed", "closed", "won", "landed", "awarded":
				sh.DealClosed = true
			}
		}
	}
	// A program's name in quotation marks ("'ebook blitz'") names it too.
	for _, h := range r.of("record") {
		sh.Record = append(sh.Record, r.span(h.first, h.last))
	}
}

// tenure reads how long the user has been in the role, from a sentence
// of their own that is not about someone else's start ("our CRO joined
// eighteen months ago" is the CRO's).
func (r *reader) tenure(sh *Sheet) {
	for _, h := range r.of("tenure") {
		s := r.toks[h.first].Sentence()
		// A sentence that opens with the verb ("Started ten days ago as
		// Head of Marketing") has the user for its subject.
		subjectless := h.first == r.sent[s][0] && startVerbs[r.toks[h.first].Word()]
		if !r.firstPerson(s) && !subjectless || r.toks[h.first].Quoted() || r.othersStart(h) {
			continue
		}
		kind := h.key
		if kind == "months" {
			n := -1
			for k := h.first; k <= h.last; k++ {
				if v, err := strconv.Atoi(r.toks[k].Word()); err == nil {
					n = v
					break
				}
			}
			if n < 0 {
				continue
			}
			kind = "established"
			if n < 6 {
				kind = "new"
			}
		}
		sp := r.span(h.first, h.last)
		sh.Tenure, sh.TenureSpan = kind, &sp
		return
	}
}

// othersStart reports whether a tenure hit is about someone else: a
// third person or a role right before it in its clause, and no "I".
func (r *reader) othersStart(h hit) bool {
	c := r.toks[h.first].Clause()
	for k := h.first; k >= 0 && r.toks[k].Clause() == c; k-- {
		switch r.toks[k].Word() {
		case "i", "my", "me":
			return false
		case "he", "she", "they", "his", "her", "their":
			return true
		}
	}
	s := r.toks[h.first].Sentence()
	for _, rh := range r.inSentence("role", s) {
		if rh.last < h.first && r.toks[rh.last].Clause() == c {
			return true
		}
	}
	// "So Patrice is two levels up, nine years in the company, and ...
	// I": a name or a third person in an earlier clause, with no "I"
	// between it and the hit, is the one the tenure is about.
	for k := h.first - 1; k >= r.sent[s][0]; k-- {
		if r.toks[k].Clause() == c {
			continue
		}
		switch r.toks[k].Word() {
		case "i", "my", "me":
			return false
		case "he", "she":
			return true
		}
		if r.isName(k) && !startVerbs[r.toks[k].Word()] {
			return true
		}
	}
	return false
}

// startVerbs open a sentence whose subject, left out, is the user.
var startVerbs = map[string]bool{"started": true, "joined": true, "arrived": true, "began": true, "starting": true, "joining": true}

// function reads what the user runs when it is not marketing, from a
// sentence of their own that does not put it under someone else ("our
// RevOps team reports to her" is not the user's), beside the user ("RevOps
// and I ran a workshop" is a colleague), or after the user was introduced
// as marketing's ("VP Marketing at a SaaS firm. ... I asked RevOps").
func (r *reader) function(sh *Sheet) {
	for _, h := range r.of("function") {
		s := r.toks[h.first].Sentence()
		if r.toks[h.first].Quoted() || !r.userSentence(s, h.first) {
			continue
		}
		if r.runsMarketing(s) || r.someoneElses(h.first) || r.besideUser(h.first, h.last) {
			continue
		}
		marketingFirst := false
		for e := 0; e < s && !marketingFirst; e++ {
			marketingFirst = r.marketingTitle(e)
		}
		if marketingFirst {
			continue
		}
		sh.Function = h.key
		return
	}
}

// marketingTitle reports whether sentence s gives the user a marketing
// title or remit: the text opens with it ("VP Marketing at a SaaS firm")
// or the user says they hold it ("I'm the marketing director", "I was
// hired as Director of Marketing", "I run marketing"), not merely a
// sentence of the user's that mentions marketing.
func (r *reader) marketingTitle(s int) bool {
	k := r.marketingWord(s)
	if k < 0 {
		return false
	}
	if s == 0 && k-r.sent[s][0] < 6 && r.userSentence(s, k) {
		return true
	}
	for j := k - 1; j >= r.sent[s][0] && j >= k-12 && r.toks[j].Clause() == r.toks[k].Clause(); j-- {
		switch r.toks[j].Word() {
		case "he", "she", "they", "said", "says", "told", "asked", "thinks", "think":
			return false
		case "i", "i'm", "im":
			for m := j + 1; m < k; m++ {
				switch r.toks[m].Word() {
				case "am", "m", "run", "lead", "head", "manage", "as", "joined", "own", "hired", "promoted", "appointed":
					return true
				}
			}
			return r.toks[j].Word() != "i"
		}
	}
	return false
}

// userSentence reports whether sentence s speaks of the user: it says "I"
// or "my" (or "im", typed in a hurry), or it is the text's first sentence and opens with a title
// (token at is not after "our", "his", "the" and the like).
func (r *reader) userSentence(s, at int) bool {
	for k := r.sent[s][0]; k <= r.sent[s][1]; k++ {
		switch r.toks[k].Word() {
		case "i", "my", "im", "ive":
			return true
		}
	}
	if s != 0 {
		return false
	}
	for k := r.sent[s][0]; k < at; k++ {
		switch r.toks[k].Word() {
		case "our", "his", "her", "their", "the", "he", "she", "they":
			return false
		}
	}
	return true
}

// besideUser reports whether the words first..last are joined to the
// user in the same clause ("RevOps and I", "me and RevOps", "with RevOps")
// or someone else's ("her RevOps analyst", "our sales ops team"): then
// they name a colleague, not what the user runs.
func (r *reader) besideUser(first, last int) bool {
	word := func(k int) string {
		if k < 0 || k >= len(r.toks) || r.toks[k].Clause() != r.toks[first].Clause() {
			return ""
		}
		return r.toks[k].Word()
	}
	// "I run Revenue Operations and I report to ...": the function the
	// user runs, then a clause of their own, is not someone beside them.
	runs := false
	for k := first - 1; k >= first-2; k-- {
		switch word(k) {
		case "run", "lead", "head", "manage", "own", "oversee":
			runs = true
		}
	}
	after := word(last + 1)
	if !runs && (after == "and" || after == "&") && (word(last+2) == "i" || word(last+2) == "me" || word(last+3) == "i") {
		return true
	}
	before := word(first - 1)
	if before == "and" && (word(first-2) == "i" || word(first-2) == "me") {
		return true
	}
	// "with RevOps", "her RevOps analyst", "with his sales ops team".
	for k := first - 1; k >= first-3; k-- {
		switch word(k) {
		case "with", "his", "her", "their", "our", "through", "via":
			return true
		}
	}
	return false
}

// someoneElses reports whether the function at token i is named as the
// user's manager's ("I report to the director of sales ops"): "to",
// "into", "under" or "boss" up to four words before it, in its clause.
func (r *reader) someoneElses(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4 && r.toks[k].Clause() == r.toks[i].Clause(); k-- {
		switch r.toks[k].Word() {
		case "to", "into", "under", "boss", "manager":
			return true
		}
	}
	return false
}

// runsMarketing reports whether sentence s says the user runs marketing
// too ("I run marketing and RevOps"): then marketing is the word.
func (r *reader) runsMarketing(s int) bool {
	return r.marketingWord(s) >= 0
}

// marketingWord returns the index of the first unquoted "marketing" in
// sentence s, or -1.
func (r *reader) marketingWord(s int) int {
	for k := r.sent[s][0]; k <= r.sent[s][1]; k++ {
		if r.toks[k].Word() == "marketing" && !r.toks[k].Quoted() {
			return k
		}
	}
	return -1
}

// vocab lists the plan words whose text words the user writes.
func (r *reader) vocab(sh *Sheet) {
	for _, k := range sortedKeys(r.pb.Sheet.Vocab) {
		if len(r.of("vocab:"+k)) > 0 {
			sh.Says = append(sh.Says, k)
		}
	}
	for _, k := range sortedKeys(r.pb.Sheet.Nouns) {
		if sh.Uses(k) {
			continue
		}
		found := map[string]bool{}
		for _, h := range r.of("noun:" + k) {
			// Stems meet too widely ("consultancy" and "consultants"):
			// the word itself must be the noun or its singular.
			w := r.toks[h.last].Word()
			last := h.key[strings.LastIndexByte(h.key, ' ')+1:]
			// A singular after "in" is an idiom ("in order to").
			if w != last && h.first > 0 && r.toks[h.first-1].Word() == "in" {
				continue
			}
			if !r.toks[h.first].Quoted() && (w == last || w+"s" == last || strings.TrimSuffix(last, "ies")+"y" == w) {
				found[h.key] = true
			}
		}
		for _, w := range r.pb.Sheet.Nouns[k] {
			if found[w] {
				if sh.Nouns == nil {
					sh.Nouns = map[string]string{}
				}
				sh.Nouns[k] = w
				break
			}
		}
	}
}

// meetingLead are words kept before a meeting's name: the day or the
// frequency that makes it the user's own ("Thursday forecast call").
var meetingLead = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"weekly": true, "monthly": true, "daily": true, "quarterly": true, "regional": true,
}

// meeting reads the sales team's meeting, the first one the text names
// outside quotes. A meeting the user calls "our" or "my" with marketing
// words around it is marketing's own and is passed over; so is one
// named only in a question.
func (r *reader) meeting(sh *Sheet) {
	r.meetingIn(sh, -1)
}

// meetingIn sets Sheet.Meeting from the first meeting named in sentence
// s, or anywhere when s is -1. A seat the user lost names its meeting in
// its own sentence ("I've been dropped from the Thursday deal desk
// invite"), whatever meeting the text named first.
func (r *reader) meetingIn(sh *Sheet, s int) {
	for _, h := range r.of("meeting") {
		if r.toks[h.first].Quoted() || s >= 0 && r.toks[h.first].Sentence() != s {
			continue
		}
		lo := h.first
		for lo > 0 && h.first-lo < 2 && meetingLead[r.toks[lo-1].Word()] && r.toks[lo-1].Clause() == r.toks[h.first].Clause() {
			lo--
		}
		if lo > 0 && r.toks[lo-1].Clause() == r.toks[h.first].Clause() {
			switch r.toks[lo-1].Word() {
			case "marketing", "campaign", "mql", "funnel":
				continue
			}
		}
		// "SDR meetings dropped 30%", "paid per meeting held": meetings
		// counted as a sales figure are not a meeting to sit in.
		if r.countedMeeting(lo, h.last) {
			continue
		}
		// One meeting, singular: "a seat in the sales meeting"; a day's
		// possessive goes ("Tuesday's revenue meeting" reads "the Tuesday
		// revenue meeting" after "the").
		m := r.text[r.toks[lo].Start():r.toks[h.last].End()]
		m = strings.NewReplacer("'s ", " ", "\u2019s ", " ").Replace(m)
		if strings.HasSuffix(m, "s") && !strings.HasSuffix(m, "ss") {
			m = m[:len(m)-1]
		}
		sh.Meeting = m
		return
	}
}

// negatedBefore reports whether a word of negation stands in tokens
// lo..at-1, in the clause of at.
func (r *reader) negatedBefore(lo, at int) bool {
	for k := at - 1; k >= lo && r.toks[k].Clause() == r.toks[at].Clause(); k-- {
		switch r.toks[k].Word() {
		case "not", "no", "never", "don't", "dont", "doesn't", "doesnt", "didn't", "didnt", "won't", "wont", "can't", "cannot", "longer", "stopped", "t":
			return true
		}
	}
	return false
}

// booked finds a meeting with the sales leader already on the calendar
// (Sheet.Booked): the sentence that says so, when it is about the sales
// leader or says "our", names no one from leadership, and is the user's
// own (not quoted, not weighed).
func (r *reader) booked(sh *Sheet) {
	for _, h := range r.of("booked") {
		if r.toks[h.first].Quoted() || r.weighed(sh, h.first) || r.past(h) {
			continue
		}
		// "The final budget meeting is Thursday" is a meeting of many,
		// not a conversation between two.
		// "the budget 2027 meeting on 15 December": a year between
		// the group's word and the meeting changes nothing.
		if w := r.toks[h.first].Word(); h.first > 0 && (w == "meeting" || w == "call" || w == "sync") {
			k := h.first - 1
			for k > 0 && r.toks[k].Word() != "" && r.toks[k].Word()[0] >= '0' && r.toks[k].Word()[0] <= '9' {
				k--
			}
			if groupMeeting[r.toks[k].Word()] {
				continue
			}
		}
		s := r.toks[h.first].Sentence()
		lo, hi := r.sent[s][0], r.sent[s][1]
		if hi-lo > 2*maxWords {
			continue
		}
		// "Now he don't invite me to the commercial meeting on Mondays":
		// a meeting the user is kept out of is no time booked.
		if r.negatedBefore(lo, h.first) {
			continue
		}
		// "our 1:1"; "the two of us", "both of us" are the user and one
		// other, even when leadership asked for the meeting.
		// "He replied \"after quarter close\". We now have a 1:1 booked":
		// "we" right after a sentence about the sales leader is the two.
		ours, two := false, false
		for k := lo; k <= hi; k++ {
			w := r.toks[k].Word()
			ours = ours || w == "our" || w == "we" && s > 0 && r.mentions(s-1, sh)
			two = two || w == "us" && k >= lo+2 && r.toks[k-1].Word() == "of" && (r.toks[k-2].Word() == "two" || r.toks[k-2].Word() == "2" || r.toks[k-2].Word() == "both")
		}
		exec := false
		for _, rh := range r.inSentence("role", s) {
			exec = exec || rh.key == "exec"
		}
		// Leadership named without a title ("the numbers for Arnaud")
		// is in the room too.
		for _, p := range sh.People {
			for k := lo; k <= hi && p.Kind == "exec" && p.Name != "" && !exec; k++ {
				exec = sameName(r.toks[k].Word(), p.Name)
			}
		}
		if exec && !two {
			// "I have my monthly one-on-one with Sipho on Tuesday 8
			// December": time with leadership already booked, where a
			// question for leadership can be asked.
			if sh.BookedAbove == nil && r.booksOne(lo, hi) {
				sp := r.span(lo, hi)
				sh.BookedAbove = &sp
			}
			continue
		}
		if !(ours || two || r.mentions(s, sh)) {
			continue
		}
		// "Our annual strategy session is on 3 March" is the company's
		// meeting: "our" alone makes a booking the two of you share only
		// when it is a one-to-one ("our 1:1", "our coffee").
		if ours && !two && !r.mentions(s, sh) && !r.oneToOne(lo, hi) {
			continue
		}
		sp := r.span(lo, hi)
		sh.Booked = &sp
		return
	}
}

// booksOne reports whether tokens lo..hi name a one-on-one ("1:1",
// "one-on-one", "one to one"): time between two people, not a meeting of
// many.
func (r *reader) booksOne(lo, hi int) bool {
	text := strings.ToLower(r.text[r.toks[lo].Start():r.toks[hi].End()])
	for _, w := range []string{"1:1", "1-1", "one-on-one", "one on one", "one-to-one", "one to one", "1on1", "1-on-1"} {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// meetingCountsBefore and meetingCountsAfter are the words next to a
// meeting noun that make it a count of meetings, a sales figure ("SDR
// meetings dropped", "paid per meeting", "40 meetings"): a number counts
// only before a plural ("the 7:30 Monday huddle" is one meeting).
var meetingCountsBefore = set([]string{"per", "booked", "book", "booking", "held", "more", "fewer"})
var meetingCountsAfter = set([]string{"dropped", "drop", "fell", "fall", "rose", "booked", "held", "set", "doubled", "halved", "declined", "increased", "decreased", "per", "targets", "target", "quota"})

// countedMeeting says whether the meeting words lo..hi count meetings
// rather than name one.
func (r *reader) countedMeeting(lo, hi int) bool {
	if lo > 0 && r.toks[lo-1].Clause() == r.toks[lo].Clause() {
		w := r.toks[lo-1].Word()
		if meetingCountsBefore[w] || w != "" && w[0] >= '0' && w[0] <= '9' && strings.HasSuffix(r.toks[hi].Word(), "s") {
			return true
		}
	}
	return hi+1 < len(r.toks) && r.toks[hi+1].Clause() == r.toks[hi].Clause() && meetingCountsAfter[r.toks[hi+1].Word()]
}

// seatWants are the words before "a seat in the forecast call" that make
// it a seat sought, not held: "ask for a seat in", "I want a seat at",
// "to get a seat in", "no seat at".
var seatWants = set([]string{"ask", "asked", "asking", "request", "requested", "requesting", "for", "want", "wanted", "wants", "get", "getting", "need", "needs", "earn", "win", "secure", "hope", "hoping", "no", "never", "without", "lobby", "lobbied", "lobbying", "push", "pushed", "pushing", "whether", "if"})

// seatSought says whether the seat words at token i are asked for or
// wanted rather than held: a word of seatWants up to five words before,
// in the same clause.
func (r *reader) seatSought(i int) bool {
	for k := i - 1; k >= 0 && k >= i-5 && r.toks[k].Clause() == r.toks[i].Clause(); k-- {
		if seatWants[r.toks[k].Word()] {
			return true
		}
	}
	return false
}

// seatAsks are the words before a meeting that ask to be in it.
var seatAsks = set([]string{"asked", "ask", "asking", "requested", "request", "whether", "if"})

// groupMeeting are the words before "meeting" or "call" that make it a
// meeting of many.
var groupMeeting = set([]string{"budget", "board", "planning", "team", "staff", "leadership", "exec", "executive", "pipeline", "forecast", "sales", "marketing", "all", "hands", "company", "department", "quarterly", "monthly", "weekly", "kickoff", "review", "qbr"})

// witnessed finds the user in the sales meeting by what they heard there:
// the sales leader's own words, said in a sentence that names the
// meeting and not passed on by anyone ("On the Thursday pipeline call she
// said, and I wrote it down, '...'"). The user was in the room, so the
// seat is held (Sheet.SeatHeld), unless the text already says how the
// user stands in that meeting.
func (r *reader) witnessed(sh *Sheet) {
	if sh.SeatHeld != nil || sh.SeatPart != nil || sh.SeatLost != nil || sh.Meeting == "" {
		return
	}
	// "I'm also not invited to the Thursday pipeline scrub": the user is
	// not in that meeting, and it is the one to ask for. A meeting named
	// in the sentence, or else in the one before ("She runs a Wednesday
	// pipeline call. Marketing has never been on it.").
	for _, h := range r.of("seat_not") {
		if r.toks[h.first].Quoted() {
			continue
		}
		s := r.toks[h.first].Sentence()
		for _, at := range []int{s, s - 1} {
			if at >= 0 && len(r.inSentence("meeting", at)) > 0 {
				r.meetingIn(sh, at)
				return
			}
		}
		// Not in a meeting the text does not name as one: still no
		// seat to infer from what was heard.
		return
	}
	// "Malcolm has stopped inviting Anjali to the Wednesday meeting":
	// whoever was in the room then, marketing is not now.
	for k := 0; k+1 < len(r.toks); k++ {
		if (r.toks[k].Word() == "stopped" || r.toks[k].Word() == "stop") && (r.toks[k+1].Word() == "inviting" || r.toks[k+1].Word() == "including") {
			return
		}
	}
	for _, q := range sh.Quotes {
		if q.Speaker != "sales_leader" || q.Reported || q.Hearsay {
			continue
		}
		i := r.tokenAt(q.Start)
		if i >= len(r.toks) {
			continue
		}
		for _, h := range r.inSentence("meeting", r.toks[i].Sentence()) {
			// "I asked to sit in on the Monday floor huddle and he said
			// no": a seat asked for is not a seat held.
			asked := false
			for k := r.sent[r.toks[i].Sentence()][0]; k < h.first; k++ {
				asked = asked || seatAsks[r.toks[k].Word()]
			}
			if h.last < i && !r.toks[h.first].Quoted() && !asked {
				sp := r.span(h.first, h.last)
				sh.SeatHeld, sh.SeatHeard = &sp, true
				// The seat is in the meeting the words were heard in,
				// whatever meeting the text named first.
				r.meetingIn(sh, r.toks[h.first].Sentence())
				return
			}
		}
	}
}

// lasting finds words that say how long the dynamic has gone on
// (Sheet.Lasting), except in a clause about a business figure ("distributor
// sales have been flat for three years") or about the user's own time in
// the job ("I've been here for three years"): neither dates the friction.
func (r *reader) lasting(sh *Sheet) {
	tenure := map[int]bool{}
	for _, h := range r.hits {
		if h.group == "tenure" {
			tenure[r.toks[h.first].Clause()] = true
		}
	}
	for _, h := range r.of("lasting") {
		if r.toks[h.first].Quoted() || tenure[r.toks[h.first].Clause()] || r.clauseAroundHas(h.first, trendWords) {
			continue
		}
		// "There had never been a campaign here" says a thing never
		// existed, not how long anyone has held a view.
		if h.first > 0 && r.toks[h.first-1].Word() == "there" {
			continue
		}
		sh.Lasting = append(sh.Lasting, r.span(h.first, h.last))
	}
	// "In February I built a joint dashboard ... In August I raised it
	// with the CEO": things told as happening in two different months
	// say the dynamic has a history, though no words say how long.
	if len(sh.Lasting) > 0 {
		return
	}
	ahead := map[int]bool{}
	for _, h := range r.of("deadline") {
		for k := h.first; k <= h.last; k++ {
			ahead[k] = true
		}
	}
	var first *Span
	seen := map[string]bool{}
	for k := 1; k < len(r.toks); k++ {
		w := r.toks[k].Word()
		if !months[w] || r.toks[k].Quoted() || ahead[k] || r.toks[k-1].Sentence() != r.toks[k].Sentence() || !r.monthTold(k) {
			continue
		}
		if !seen[w] && first == nil {
			sp := r.span(k-1, k)
			first = &sp
		}
		seen[w] = true
	}
	if len(seen) >= 2 {
		sh.Lasting = append(sh.Lasting, *first)
	}
}

// monthTold reports whether the month at token k dates something told:
// "in March", "since March", "last March", "on 8 October", "October 8".
func (r *reader) monthTold(k int) bool {
	switch prev := r.toks[k-1].Word(); prev {
	case "in", "since", "last":
		return true
	case "on":
		return k+1 < len(r.toks) && monthDay(r.toks[k+1].Word())
	default:
		return monthDay(prev) && k > 1 && r.toks[k-2].Word() == "on"
	}
}

// monthDay reports whether a word is a day of the month in digits, 1
// to 31 ("8", "8th").
func monthDay(w string) bool {
	n, digits := 0, 0
	for _, c := range w {
		if c < '0' || c > '9' {
			break
		}
		n, digits = n*10+int(c-'0'), digits+1
	}
	return digits > 0 && digits <= 2 && n >= 1 && n <= 31
}

// trendWords say how a business figure moved.
var trendWords = set([]string{"flat", "grown", "grew", "growing", "declined", "declining", "dropped", "shrinking", "shrunk", "stagnant", "stagnated", "plateaued", "stable"})

// clauseAroundHas reports whether the clause of token i holds one of
// words, reading only that clause.
func (r *reader) clauseAroundHas(i int, words map[string]bool) bool {
	c := r.toks[i].Clause()
	for k := i; k >= 0 && r.toks[k].Clause() == c; k-- {
		if words[r.toks[k].Word()] {
			return true
		}
	}
	for k := i + 1; k < len(r.toks) && r.toks[k].Clause() == c; k++ {
		if words[r.toks[k].Word()] {
			return true
		}
	}
	return false
}

// denied reports whether a deadline hit is denied in its clause: "No big
// deadline", "nothing is due", "without a date".
func (r *reader) denied(h hit) bool {
	c := r.toks[h.first].Clause()
	for k := h.first - 1; k >= 0 && k >= h.first-3 && r.toks[k].Clause() == c; k-- {
		switch r.toks[k].Word() {
		case "no", "not", "nothing", "without", "never":
			return true
		}
	}
	return false
}

// sinceBefore reports whether "since" stands within three words before
// token k in its clause: "Since a restructure in June" dates something
// past, not a date ahead.
func (r *reader) sinceBefore(k int) bool {
	for j := k - 1; j >= 0 && j >= k-3 && r.toks[j].Clause() == r.toks[k].Clause(); j-- {
		if r.toks[j].Word() == "since" {
			return true
		}
	}
	return false
}

// oneToOne reports whether tokens lo to hi name a meeting of two: a 1:1,
// a one on one, a coffee, a lunch, a catch-up, a sync or a sit-down.
func (r *reader) oneToOne(lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		switch r.toks[k].Word() {
		case "1:1", "one-on-one", "one", "1", "coffee", "lunch", "dinner", "catch-up", "catchup", "catch", "sync", "sit-down", "sit", "tête-à-tête", "1-1", "1on1":
			return true
		}
	}
	return false
}

// pastDecision reports whether a hit opens on a verb of deciding in the
// simple past ("Ilse approved the new definitions on 17 March"): patterns
// match stems, so "approves" also finds "approved", and a decision
// already made is no date ahead. After "is", "will be" or "gets" the
// participle is a decision still to come ("the plan is approved by the
// 14th").
func (r *reader) pastDecision(h hit) bool {
	w := r.toks[h.first].Word()
	if !strings.HasSuffix(w, "ed") {
		return false
	}
	if h.first > 0 {
		switch r.toks[h.first-1].Word() {
		case "is", "are", "be", "being", "get", "gets", "getting":
			return false
		}
	}
	return true
}

// valued finds the part of marketing the sales leader already accepts
// (Sheet.Valued): a sheet.valued verb whose subject, a word or two before
// it, is the sales leader by name or by a pronoun that stands for them,
// in a sentence neither negated nor quoted.
func (r *reader) valued(sh *Sheet) {
	for _, h := range r.of("valued") {
		if r.toks[h.first].Quoted() || r.negated(h.first) {
			continue
		}
		// "she'd like marketing's work to show up" is a wish; "he's
		// fine with me there" accepts a person, not a piece of work.
		if k := h.first - 1; k >= 0 && (r.toks[k].Word() == "would" || r.toks[k].Word() == "d") {
			continue
		}
		if w := r.toks[h.last].Word(); (w == "me" || w == "us" || w == "marketing" || w == "team") &&
			(h.last+1 >= len(r.toks) || !strings.HasSuffix(r.toks[h.last+1].Word(), "ing") || r.toks[h.last+1].Clause() != r.toks[h.last].Clause()) {
			continue
		}
		subj := -1
		for k := h.first - 1; k >= 0 && k >= h.first-3 && r.toks[k].Clause() == r.toks[h.first].Clause(); k-- {
			if w := r.toks[k].Word(); w == "he" || w == "she" || w == "they" || r.isName(k) {
				subj = k
				break
			}
		}
		if subj < 0 {
			continue
		}
		leader := false
		if w := r.toks[subj].Word(); w == "he" || w == "she" || w == "they" {
			leader = r.antecedent(subj, sh) == "sales_leader"
		} else {
			leader = sh.Leader.Name != "" && sameName(r.bareName(subj), sh.Leader.Name)
		}
		if leader {
			end := h.last
			for end+1 < len(r.toks) && end-subj < maxWords && r.toks[end+1].Clause() == r.toks[h.first].Clause() && !r.toks[end+1].Quoted() {
				end++
			}
			sp := r.span(subj, end)
			sh.Valued = &sp
			return
		}
	}
}
