package sheet

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/match"
)

// maxNumbers, maxEvents and maxWords bound what the sheet keeps, so a
// long text gives a plan a few facts to restate, not all of them.
const (
	maxNumbers = 4
	maxEvents  = 3
	maxWords   = 18
)

func isNumberWord(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// word is token i's text as written, joined across a hyphen ("sign-ups").
func (r *reader) word(i int) (string, int) {
	j := i
	for j+1 < len(r.toks) && r.toks[j].End() < len(r.text) && r.text[r.toks[j].End()] == '-' && r.toks[j+1].Start() == r.toks[j].End()+1 {
		j++
	}
	return strings.ToLower(r.text[r.toks[i].Start():r.toks[j].End()]), j
}

// numbers finds numbers with the noun they count: "400 leads", "1,900
// sign-ups", "$2M pipeline", "130% of my lead target".
// singular are the numbers a singular noun follows; massNouns are the
// nouns that stay singular after any number ("$2M pipeline").
var (
	singular  = map[string]bool{"1": true, "one": true, "a": true, "single": true}
	massNouns = map[string]bool{"pipeline": true, "revenue": true, "arr": true, "percent": true, "quota": true, "target": true, "plan": true}
)

// trimJoins cuts a joining word off either end of a span ("and last
// month she asked", "brought in 1,400 registrations and"), so a quoted
// clause reads whole. It reports whether words are left.
func trimJoins(sp *Span) bool {
	for changed := true; changed; {
		changed = false
		low := strings.ToLower(sp.Text)
		for _, w := range []string{"and ", "but ", "so ", "then ", "or "} {
			if strings.HasPrefix(low, w) {
				sp.Start += len(w)
				sp.Text = sp.Text[len(w):]
				changed = true
				break
			}
		}
		for _, w := range []string{" and", " but", " or", " with", " that", " so"} {
			if strings.HasSuffix(low, w) && !changed {
				sp.End -= len(w)
				sp.Text = sp.Text[:len(sp.Text)-len(w)]
				changed = true
				break
			}
		}
	}
	return strings.Contains(sp.Text, " ")
}

// isYear reports whether w is a year written in digits, 1990 to 2099.
func isYear(w string) bool {
	if len(w) != 4 {
		return false
	}
	n, err := strconv.Atoi(w)
	return err == nil && n >= 1990 && n <= 2099
}

// headCount are the nouns that size a team or a company ("40 reps",
// "$90M ARR"): context, not a result to restate.
var headCount = map[string]bool{"rep": true, "reps": true, "ae": true, "aes": true, "sdr": true, "sdrs": true, "people": true, "staff": true, "arr": true}

func (r *reader) numbers(sh *Sheet) {
	nouns := r.c.countNouns
	mods := r.c.modifiers
	for i := 0; i < len(r.toks) && len(sh.Numbers) < maxNumbers; i++ {
		if !isNumberWord(r.toks[i].Word()) {
			continue
		}
		end := i
		// "1,900" and "2.5" are one number, and so are "six hundred" and
		// "two thousand".
		for end+1 < len(r.toks) && isNumberWord(r.toks[end+1].Word()) && (r.between(end, end+1) == "," || r.between(end, end+1) == "." ||
			r.between(end, end+1) == " " && (r.toks[end+1].Word() == "100" || r.toks[end+1].Word() == "1000")) {
			end++
		}
		// "the 2027 target proposal", "our 2025 webinar series": a year
		// names which one, it counts nothing.
		// A currency sign before the number is part of it ("£40,000"),
		// read as a whole rune: "£" is two bytes, "€" three.
		start := r.toks[i].Start()
		sign, size := utf8.DecodeLastRuneInString(r.text[:start])
		currency := size > 0 && strings.ContainsRune("$£€", sign)
		if end == i && isYear(r.toks[i].Word()) && !currency {
			continue
		}
		if currency {
			start -= size
		}
		found := -1
		for j := end + 1; j < len(r.toks) && j <= end+4 && r.toks[j].Sentence() == r.toks[i].Sentence(); {
			if r.toks[j].Clause() != r.toks[i].Clause() {
				break
			}
			w, last := r.word(j)
			if nouns[w] {
				found = last
				// A compound keeps its head ("lead target").
				for found+1 < len(r.toks) && r.toks[found+1].Clause() == r.toks[i].Clause() {
					w2, last2 := r.word(found + 1)
					if !nouns[w2] {
						break
					}
					found = last2
				}
				break
			}
			if !mods[w] {
				break
			}
			j = last + 1
		}
		// "two more account managers": a singular noun after a number
		// above one is the first word of a longer noun, not what it counts.
		if found >= 0 && !singular[r.toks[end].Word()] && !strings.HasSuffix(r.toks[found].Word(), "s") && !massNouns[r.toks[found].Word()] {
			found = -1
		}
		next := end + 1
		// "80%": the sign is what it counts; the clause says of what, so
		// only the clause is kept.
		if found < 0 && r.toks[end].End() < len(r.text) && r.text[r.toks[end].End()] == '%' {
			if sp, ok := r.clauseAround(hit{first: i, last: end}); ok && trimJoins(&sp) && !r.proposed(i) && (len(sh.Figures) == 0 || sh.Figures[len(sh.Figures)-1] != sp) {
				// "cut the budget by 40%": the sign stays with its number.
				if sp.End < len(r.text) && r.text[sp.End] == '%' {
					sp.End++
					sp.Text = r.text[sp.Start:sp.End]
				}
				sh.Figures = append(sh.Figures, sp)
			}
		}
		if found >= 0 {
			// A head count ("40 reps") is context, not a result to restate.
			// So is the company's size in money ("about $160M in revenue").
			size := found == end+2 && r.toks[end+1].Word() == "in" && sizeNouns[r.toks[found].Word()]
			if sp, ok := r.clauseAround(hit{first: i, last: found}); ok && trimJoins(&sp) && !headCount[r.toks[found].Word()] && !size && !r.proposed(i) && (len(sh.Figures) == 0 || sh.Figures[len(sh.Figures)-1] != sp) {
				sh.Figures = append(sh.Figures, sp)
			}
			s := Span{Start: start, End: r.toks[found].End()}
			s.Text = r.text[s.Start:s.End]
			sh.Numbers = append(sh.Numbers, s)
			next = found + 1
		}
		i = next - 1
	}
	r.figureRuns(sh)
}

// funnel finds the first result told as two counts: a count of what
// marketing handed over ("1,100 leads") and, later in the same sentence
// or in the next one, a count of what sales made of it ("2
// opportunities"), at a yield of 5% or less of at least 20, outside
// quotation marks. The noun may follow a few modifiers ("412 webinar
// registrants").
func (r *reader) funnel(sh *Sheet) {
	type count struct {
		n        float64
		out      bool
		sentence int
		sp       Span
	}
	var in []count
	for i := 0; i < len(r.toks); i++ {
		// Counts inside a quotation are the speaker's, not the user's
		// own record.
		if !isNumberWord(r.toks[i].Word()) || r.toks[i].Quoted() {
			continue
		}
		end := i
		for end+1 < len(r.toks) && isNumberWord(r.toks[end+1].Word()) && (r.between(end, end+1) == "," || r.between(end, end+1) == ".") {
			end++
		}
		// A number word ("zero", "four") is read as its digits.
		digits := r.toks[i].Word()
		if end > i {
			digits = strings.ReplaceAll(r.text[r.toks[i].Start():r.toks[end].End()], ",", "")
		}
		n, err := strconv.ParseFloat(digits, 64)
		if err != nil || (r.toks[end].End() < len(r.text) && strings.ContainsRune("%kKmM", rune(r.text[r.toks[end].End()]))) {
			i = end
			continue
		}
		// "and 3 of them turned into new clinic accounts": a count of the
		// ones before it that became something names its noun after a
		// verb of becoming, further on in its clause.
		first := end + 1
		if end+2 < len(r.toks) && r.toks[end+1].Word() == "of" && backCounts[r.toks[end+2].Word()] {
			bridged := false
			for j := end + 3; j <= end+9 && j < len(r.toks) && r.toks[j].Clause() == r.toks[i].Clause(); j++ {
				w := r.toks[j].Word()
				if r.c.funnelBridge[w] {
					bridged = true
				} else if bridged && r.c.funnelOut[w] {
					first = j
					break
				}
			}
		}
		for j := first; j < len(r.toks) && j <= max(end+3, first) && r.toks[j].Clause() == r.toks[i].Clause(); {
			w, last := r.word(j)
			isIn, isOut := r.c.funnelIn[w], r.c.funnelOut[w]
			if !isIn && !isOut {
				// "41 became opportunities": a verb of becoming may
				// bridge an outcome count to its noun.
				if !r.c.modifiers[w] && !r.c.funnelBridge[w] {
					break
				}
				j = last + 1
				continue
			}
			// "38 sales reps": the noun is a modifier of the next one.
			// "target is 2,400 MQL": a goal is not a result.
			if last+1 < len(r.toks) && r.toks[last+1].Clause() == r.toks[i].Clause() && r.c.countNouns[r.toks[last+1].Word()] || r.proposed(i) || r.clauseAroundHas(i, goalWords) {
				break
			}
			c := count{n: n, out: isOut, sentence: r.toks[i].Sentence(), sp: r.span(i, last)}
			if !c.out {
				in = append(in, c)
				break
			}
			// "not one quote request" counts nothing.
			if i > 0 && (r.toks[i-1].Word() == "not" || r.toks[i-1].Word() == "no") {
				break
			}
			// The nearest count before it is the one it came from:
			// "2,400 MQLs for 2025 ... 800 leads, one closed deal".
			for k := len(in) - 1; k >= 0; k-- {
				a := in[k]
				if a.n >= 20 && c.n <= a.n*0.05 && (c.sentence == a.sentence || c.sentence == a.sentence+1) {
					sh.Funnels = append(sh.Funnels, Funnel{In: a.sp, Out: c.sp})
					if sh.Funnel == nil {
						sh.Funnel = &sh.Funnels[0]
					}
					in = nil
					break
				}
			}
			break
		}
		i = end
	}
}

// backCounts point a count back at the ones counted before it: "3 of
// them".
var backCounts = set([]string{"them", "those", "these", "which", "whom"})

// goalWords mark a count as a goal rather than a result ("target is
// 2,400 MQL each quarter").
var goalWords = set([]string{"target", "targets", "goal", "goals", "quota", "quotas", "aim", "expected", "expects", "forecast", "budgeted", "promised", "committed"})

// figureRuns extends each figure over the clauses after it in its
// sentence that each hold a number ("Last quarter we did 1,950 MQLs,
// SDRs accepted 31%, 62 opps"): a funnel told as a list is one figure,
// quoted whole, up to maxWords words. A figure the run takes in is
// dropped.
func (r *reader) figureRuns(sh *Sheet) {
	out := sh.Figures[:0]
	for _, f := range sh.Figures {
		if n := len(out); n > 0 && f.Start >= out[n-1].Start && f.End <= out[n-1].End {
			continue
		}
		last := r.tokenAt(f.End) - 1
		if last < 0 || last >= len(r.toks) {
			out = append(out, f)
			continue
		}
		first := r.tokenAt(f.Start)
		end := last
		for k := last + 1; k < len(r.toks) && r.toks[k].Sentence() == r.toks[last].Sentence() && !r.toks[k].Quoted(); {
			c := r.toks[k].Clause()
			// Only a comma parts the clauses, and the next one is short.
			if gap := strings.TrimPrefix(strings.TrimSpace(r.between(k-1, k)), "%"); gap != "," && gap != ";" || r.toks[k-1].Clause() == c {
				break
			}
			hi, num := k, false
			for hi < len(r.toks) && r.toks[hi].Clause() == c {
				num = num || isNumberWord(r.toks[hi].Word())
				hi++
			}
			if !num || hi-1-first > maxWords || hi-k > 6 {
				break
			}
			end, k = hi-1, hi
		}
		if end > last {
			f = r.span(first, end)
			if f.End < len(r.text) && r.text[f.End] == '%' {
				f.End++
				f.Text = r.text[f.Start:f.End]
			}
		}
		out = append(out, f)
	}
	sh.Figures = out
}

// events finds clauses that say when something happened.
func (r *reader) events(sh *Sheet) {
	seen := map[int]bool{}
	for _, h := range r.of("time") {
		if len(sh.Events) >= maxEvents {
			break
		}
		c := r.toks[h.first].Clause()
		if seen[c] {
			continue
		}
		seen[c] = true
		lo, hi := h.first, h.last
		for lo > 0 && r.toks[lo-1].Clause() == c && h.first-lo < maxWords {
			lo--
		}
		for hi+1 < len(r.toks) && r.toks[hi+1].Clause() == c && hi-lo < maxWords {
			hi++
		}
		if hi-lo < 3 || hi-lo >= maxWords || r.toks[lo].Quoted() || r.toks[hi].Quoted() {
			continue
		}
		sh.Events = append(sh.Events, r.span(lo, hi))
	}
}

// firstPerson reports whether sentence s is the user's own: it has "I",
// "we", "my" or "our".
func (r *reader) firstPerson(s int) bool {
	for i := r.sent[s][0]; i <= r.sent[s][1]; i++ {
		switch r.toks[i].Word() {
		case "i", "we", "my", "our", "me":
			return true
		}
	}
	return false
}

// artifacts finds the things the user made or is making, with what is
// happening to them.
func (r *reader) artifacts(sh *Sheet) {
	kinds := map[string]string{}
	for _, a := range r.pb.Sheet.Artifacts {
		kinds[a.Noun] = a.Kind
	}
	seen, sentNoun := map[string]bool{}, map[string]bool{}
	for _, h := range r.of("artifact") {
		s := r.toks[h.first].Sentence()
		// "a dashboard presenting pipeline by source": the stem of a
		// thing's noun ("presentation") used as a verb is no thing.
		if !r.firstPerson(s) || r.toks[h.first].Quoted() || strings.HasSuffix(r.toks[h.last].Word(), "ing") {
			continue
		}
		// "slide" in "a 14-slide attribution deck" modifies the deck; in
		// "a 14-slide deck" the deck is the rest of the hit.
		if st := r.toks[h.first].Start(); st > 0 && r.text[st-1] == '-' {
			if h.last == h.first {
				continue
			}
			h.first++
		}
		state := ""
		// "... and an email drafted to Rafe. Not sent yet.": a sentence of
		// a few words right after says what became of it.
		states := r.inSentence("state", s)
		if next := s + 1; next < len(r.sent) && r.sent[next][1]-r.sent[next][0] < 4 {
			for _, h := range r.inSentence("state", next) {
				// Only a draft's status ("Not sent yet."): "It made it
				// worse." after a deck sent says nothing of the deck.
				if h.key == "considering" {
					states = append(slices.Clone(states), h)
				}
			}
		}
		var stateAt int // the first token of the words that gave state
		for _, want := range []string{"considering", "making", "sent"} {
			for _, sh := range states {
				// "email" is a thing; only "emailed" says it was sent. And
				// "weekly" is matched by its stem: "two weeks on a deck"
				// says how long it took, not that it goes out weekly.
				// "A spreadsheet showing 31%" says what it holds, not
				// that anyone saw it: a participle is no sending.
				if w := r.toks[sh.first].Word(); sh.key == "sent" && (sentNouns[w] || w == "week" || w == "weeks" || w == "month" || w == "months" || (sh.first == sh.last && strings.HasSuffix(w, "ing"))) {
					continue
				}
				// "I proposed a shared attribution model": a participle
				// between a determiner and the thing describes it; no one
				// sent anything.
				if sh.key == "sent" && sh.first > 0 && sh.last < h.first && h.first-sh.last <= 2 && determiners[r.toks[sh.first-1].Word()] {
					continue
				}
				if r.toks[sh.first].Sentence() != s {
					if sh.key == want {
						state, stateAt = want, sh.first
						break
					}
					continue
				}
				// The state word must be about this thing, not another
				// part of a long sentence, unless a pronoun after it
				// points back ("I built a 14-slide deck showing ... and
				// sent it to her").
				back := sh.last+1 < len(r.toks) && sh.first > h.last && objectPronouns[r.toks[sh.last+1].Word()] && r.toks[sh.last+1].Sentence() == s
				// A verb before the thing may have an aside between
				// ("I sent him, and copied the CEO, a detailed
				// attribution analysis").
				if (sh.first > h.last+8 || sh.last < h.first-8 && (sh.key != "sent" || sh.last < h.first-12)) && !back {
					continue
				}
				// Someone else's intent is not the user's: "and that he
				// is not going to \"split the baby\" on a board slide".
				if sh.key != "sent" && r.thirdSubject(sh.first) {
					continue
				}
				if sh.key == want {
					state, stateAt = want, sh.first
					break
				}
			}
			if state != "" {
				break
			}
		}
		// "I build the pipeline report for Grant's Tuesday forecast
		// meeting": a verb of making in the present, matched by its stem
		// and not as written, is the user's routine work, not a thing made
		// to argue a case.
		if state == "making" && r.habitual(stateAt) {
			continue
		}
		// "In October I put together a 14-slide deck and emailed it to
		// her": made, then sent; what was sent in the past tense is sent.
		if state == "making" {
			for _, sh := range r.inSentence("state", s) {
				if w := r.toks[sh.first].Word(); sh.key == "sent" && sh.first > h.last && (strings.HasSuffix(w, "ed") || w == "sent" || w == "shown" || w == "took" || w == "brought") {
					state = "sent"
				}
			}
		}
		if state == "" {
			continue
		}
		// "Graham put up a slide of his own": someone else's thing.
		if k := h.last + 3; k < len(r.toks) && r.toks[h.last+1].Word() == "of" && r.toks[k].Word() == "own" && (r.toks[h.last+2].Word() == "his" || r.toks[h.last+2].Word() == "her" || r.toks[h.last+2].Word() == "their") {
			continue
		}
		// "I built a funnel report ... Koen said it was useful and asked
		// Lotte to send it to him every month": taken up by the sales
		// leader, in its sentence or the next, it argues nothing.
		if r.welcomed(s, sh) {
			state = "welcomed"
		}
		a := Artifact{Span: r.span(h.first, h.last), Noun: h.key, Kind: kinds[h.key], State: state, ToLeader: r.mentions(s, sh)}
		a.Phrase = r.phrase(h)
		if a.Phrase == "" || seen[a.Phrase] {
			continue
		}
		// "Part of me wants to resend the deck": the thing weighed is the
		// one already sent, sent again, not a new one.
		if state != "sent" && sentNoun[h.key] && r.again(s) {
			continue
		}
		if state == "sent" {
			sentNoun[h.key] = true
		}
		seen[a.Phrase] = true
		sh.Artifacts = append(sh.Artifacts, a)
	}
}

// thirdSubject reports whether the verb at token i has "he", "she" or
// "they" for its subject: the nearest such pronoun, or "i" or "we", in
// the three words before it (past "is", "was", "not" and the like)
// is a third person's.
func (r *reader) thirdSubject(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && r.toks[k].Clause() == r.toks[i].Clause(); k-- {
		switch r.toks[k].Word() {
		case "he", "she", "they", "he's", "she's", "they're":
			return true
		case "i", "we", "i'm", "we're", "i've", "we've":
			return false
		}
	}
	return false
}

// again reports whether sentence s speaks of doing something a second
// time ("resend", "send it again", "a new version").
func (r *reader) again(s int) bool {
	for k := r.sent[s][0]; k <= r.sent[s][1]; k++ {
		switch r.toks[k].Word() {
		case "resend", "re-send", "resending", "re-sending", "again", "redo", "resubmit", "re-share", "reshare":
			return true
		case "version":
			if k > 0 && (r.toks[k-1].Word() == "new" || r.toks[k-1].Word() == "updated" || r.toks[k-1].Word() == "better" || r.toks[k-1].Word() == "second") {
				return true
			}
		}
	}
	return false
}

// phrase names an artifact as a plan speaks to the user: the words from
// its determiner to its noun, with "my" made "your" and "a" made "the".
// A few quoted words in between are part of it ("a \"seminar ROI\"
// deck"), and so are up to seven words of modifiers ("a 14-slide
// W-shaped attribution deck").
func (r *reader) phrase(h hit) string {
	own := r.pb.Sheet.Own
	stop := phraseStop
	clause := r.toks[h.first].Clause()
	for k := h.first - 1; k >= 0 && k >= h.first-7; k-- {
		if c := r.toks[k].Clause(); c != clause {
			// Into a quote, or out of one to the word before it.
			if !r.toks[k].Quoted() && !r.toks[k+1].Quoted() || r.toks[k].Sentence() != r.toks[h.first].Sentence() {
				break
			}
			clause = c
		}
		w := r.toks[k].Word()
		if det, ok := own[w]; ok {
			if det == "" {
				return ""
			}
			start := r.toks[k+1].Start()
			// The quote mark that opens quoted words is theirs.
			if r.toks[k+1].Quoted() {
				if q := strings.LastIndexAny(r.text[r.toks[k].End():start], "\"\u201c"); q >= 0 {
					start = r.toks[k].End() + q
				}
			}
			return det + " " + r.text[start:r.toks[h.last].End()]
		}
		if stop[w] {
			break
		}
	}
	// Without a determiner the word is likely a verb ("we both report
	// to"), not a thing.
	return ""
}

// temptations finds what the user says they are considering, from the
// verb on, to the end of the clause, and what kinds of move it is. A bare
// "Do I?" or "Should I?" weighs the sentence before it ("The president
// told me to come to her anytime. Do I?"). A clause that names no move
// runs on into the next when only a comma parts them ("My instinct is to
// show ambition, something like $6M sourced pipeline"). A sentence that
// opens with "Or" after one that weighs a move weighs another ("Options
// I see: put the threshold back to 40. Or go to the CEO.").
// sentenceBefore is the first and last token of the nearest sentence
// before sentence s that holds any token: a sentence with none (the
// tokeniser numbers a blank stretch too) has its last token before its
// first.
func (r *reader) sentenceBefore(s int) (lo, hi int, ok bool) {
	for p := s - 1; p >= 0; p-- {
		if r.sent[p][1] >= r.sent[p][0] {
			return r.sent[p][0], r.sent[p][1], true
		}
	}
	return 0, 0, false
}

// nextSentence is the number of the first sentence after s that holds
// words (a blank stretch between paragraphs is numbered as a sentence of
// its own), or -1 when none does.
func (r *reader) nextSentence(s int) int {
	for p := s + 1; p < len(r.sent); p++ {
		if r.sent[p][1] >= r.sent[p][0] {
			return p
		}
	}
	return -1
}

// antecedentSentence is the sentence a bare question or a move on "it"
// weighs: the nearest of the three before sentence s that names a piece
// of data or a message ("I have a one-pager drafted ... We both report to
// the general manager. Should I send it?"), else the one right before.
// A quoted draft is what the sentence that introduces it names ("my draft
// reply: \"Vikram, with respect, ...\" should I send this?"): its
// sentences are passed over and not counted.
func (r *reader) antecedentSentence(s int) (lo, hi int, ok bool) {
	seen := 0
	for p := s - 1; p >= 0 && seen < 3; p-- {
		if r.sent[p][1] < r.sent[p][0] {
			continue
		}
		if r.toks[r.sent[p][0]].Quoted() {
			continue
		}
		seen++
		for _, h := range r.inSentence("artifact", p) {
			// "We both report to the general manager": a verb.
			if r.reportVerb(h) {
				continue
			}
			return r.sent[p][0], r.sent[p][1], true
		}
	}
	return r.sentenceBefore(s)
}

func (r *reader) temptations(sh *Sheet) {
	moves := r.of("move")
	weighs := map[int]bool{} // sentences that weigh a move
	for _, h := range r.of("intent") {
		if r.negated(h.first) {
			continue
		}
		// "How do I get Carl to act" asks how to reach a goal; it does
		// not weigh a move.
		// The word before must be in the same sentence: "I can't
		// articulate why. Should I send the deck?" weighs a move.
		if r.toks[h.first].Quoted() || h.first > 0 && askWords[r.toks[h.first-1].Word()] && r.toks[h.first-1].Sentence() == r.toks[h.first].Sentence() {
			continue
		}
		// Patterns match stems, so "going to" also finds "go to market";
		// only the words as written weigh a move.
		if w := r.toks[h.first].Word(); w == "go" || w == "goes" || w == "went" {
			continue
		}
		// "My ops lead wants to build a W-shaped model": someone else's
		// wish is weighed as theirs, and the plan says whose it is; a wish
		// of the sales leader's, or of no one named, is not the user's move.
		// "I'm fairly sure she's planning to take it to our CEO herself":
		// a plan whose subject is someone else is theirs to make, not a
		// move the user weighs.
		if w := r.toks[h.first].Word(); w != "wants" && w != "wanted" && r.thirdSubject(h.first) {
			continue
		}
		from := ""
		if w := r.toks[h.first].Word(); (w == "wants" || w == "wanted") && !r.firstPersonBefore(h.first) {
			f, ok := r.suggester(h, sh)
			if !ok {
				continue
			}
			from = f
		}
		weighs[r.toks[h.first].Sentence()] = true
		lo := h.last + 1
		// "going to the CEO" goes somewhere: the move is the going.
		if r.toks[h.last].Word() == "to" && lo < len(r.toks) && determiners[r.toks[lo].Word()] && r.toks[h.first].Word() == "going" {
			lo = h.first
		}
		lo = r.skipLead(lo)
		// "What I'm tempted to do: come in strong, rebuild lead scoring":
		// the moves come after the colon.
		if lo+1 < len(r.toks) && (r.toks[lo].Word() == "do" || r.toks[lo].Word() == "is") && r.toks[lo].End() < len(r.text) && r.text[r.toks[lo].End()] == ':' {
			lo++
		}
		if lo >= len(r.toks) || r.toks[lo].Sentence() != r.toks[h.first].Sentence() {
			// Nothing follows in its sentence: a bare question weighs
			// the sentence before it, when the question opens its own.
			s := r.toks[h.first].Sentence()
			if s == 0 || h.first != r.sent[s][0] {
				continue
			}
			lo, hi, ok := r.antecedentSentence(s)
			if ok && hi-lo <= maxWords {
				r.tempt(sh, moves, lo, hi)
			}
			continue
		}
		// "My ops lead has built a multi-touch model. Should I present
		// it?": a move whose object is a pronoun weighs the thing the
		// sentence before names; that sentence is what the plan quotes.
		if end := r.clauseEnd(lo); end-lo < 2 && objectPronouns[r.toks[end].Word()] && r.toks[end].Sentence() > 0 {
			s := r.toks[end].Sentence()
			plo, phi, ok := r.antecedentSentence(s)
			// A long sentence is weighed by its first clause ("I have it
			// drafted as an email to Gwen with Rashid cc'd, because ...").
			if ok && phi-plo > maxWords {
				phi = r.clauseEnd(plo)
			}
			if k := r.moveKinds(sh, moves, lo, end); ok && len(k) > 0 && phi-plo <= maxWords && !r.toks[plo].Quoted() {
				for _, x := range r.moveKinds(sh, moves, plo, phi) {
					if !slices.Contains(k, x) {
						k = append(k, x)
					}
				}
				// "Should I send it?" after a one-pager about a shared
				// goal sends a proposal, not a data case.
				if slices.Contains(k, "shared_metric") {
					k = slices.DeleteFunc(k, func(x string) bool { return x == "data_deck" || x == "committed_number" })
				}
				sh.Temptations = append(sh.Temptations, Temptation{Span: r.span(plo, r.beforeUnclosed(plo, phi)), Kinds: k})
				continue
			}
		}
		n := len(sh.Temptations)
		hi := r.tempt(sh, moves, lo, r.clauseEnd(lo))
		if from != "" && len(sh.Temptations) > n {
			sh.Temptations[n].From, sh.Temptations[n].FromVerb = from, "wants"
		}
		// "..., and to ask the CEO to make sure she's bought in", "...,
		// and put an ambitious number in the plan": a second move joined
		// to the first in a later clause.
		// "should I talk to Carmel first or take it to the CEO?": "or"
		// ends the first course inside its clause, and the second is
		// weighed too.
		if j := hi + 1; j+2 < len(r.toks) && (r.toks[j].Clause() != r.toks[hi].Clause() || r.toks[j].Word() == "or") && r.toks[j].Sentence() == r.toks[hi].Sentence() &&
			(r.toks[j].Word() == "and" || r.toks[j].Word() == "or") && !pronouns[r.toks[j+1].Word()] {
			next := j + 1
			if r.toks[next].Word() == "to" {
				next++
			}
			r.tempt(sh, moves, next, r.clauseEnd(next))
		}
	}
	// "My boss suggests I use it to unveil a 90-day plan with a pipeline
	// target": a move someone else puts to the user is weighed too, and
	// the plan says whose idea it is. The sales leader's own suggestion
	// is a request, not a temptation.
	for _, h := range r.of("suggest") {
		from, ok := r.suggester(h, sh)
		if !ok || r.toks[h.first].Quoted() || r.negated(h.first) {
			continue
		}
		lo := r.skipLead(h.last + 1)
		if lo >= len(r.toks) || r.toks[lo].Sentence() != r.toks[h.first].Sentence() {
			continue
		}
		n := len(sh.Temptations)
		r.tempt(sh, moves, lo, r.clauseEnd(lo))
		if len(sh.Temptations) > n {
			sh.Temptations[n].From, sh.Temptations[n].FromVerb = from, "suggests"
			switch r.toks[h.first].Word() {
			case "wants", "wanted", "would", "is", "keeps":
				sh.Temptations[n].FromVerb = "wants"
			}
			weighs[r.toks[h.first].Sentence()] = true
		}
	}
	// "Teresa has asked me to present the new funnel metrics at the
	// kickoff, and I'm not sure that's a good idea": the move before the
	// doubt, from the verb after the sentence's first "to" (or the
	// sentence's start), is weighed.
	for _, h := range r.of("doubt") {
		s := r.toks[h.first].Sentence()
		hi := h.first - 1
		for hi >= r.sent[s][0] && doubtLead[r.toks[hi].Word()] {
			hi--
		}
		if hi < r.sent[s][0] || r.toks[h.first].Quoted() {
			continue
		}
		lo := r.sent[s][0]
		for k := lo; k < hi; k++ {
			if r.toks[k].Word() == "to" {
				lo = k + 1
				break
			}
		}
		lo = r.skipLead(lo)
		if lo <= hi && hi-lo <= maxWords {
			weighs[s] = true
			r.tempt(sh, moves, lo, hi)
		}
	}
	for s := 1; s < len(r.sent); s++ {
		i := r.sent[s][0]
		if i >= len(r.toks) || r.toks[i].Word() != "or" || r.toks[i].Quoted() || !weighs[s-1] {
			continue
		}
		if lo := r.skipLead(i + 1); lo < len(r.toks) && r.toks[lo].Sentence() == s {
			weighs[s] = true
			r.tempt(sh, moves, lo, r.clauseEnd(lo))
		}
	}
	r.draftContents(sh, moves, weighs)
	sort.SliceStable(sh.Temptations, func(i, j int) bool { return sh.Temptations[i].Start < sh.Temptations[j].Start })
	r.escalationTo(sh)
}

// execNames are the lowercased names of the people from leadership other
// than the sales leader, for execBefore.
func (r *reader) execNames(sh *Sheet) map[string]bool {
	execs := map[string]bool{}
	for _, p := range sh.People {
		if p.Kind == "exec" && p.Name != "" && !sameName(p.Name, sh.Leader.Name) {
			execs[strings.ToLower(p.Name)] = true
		}
	}
	return execs
}

// escalationTo fills Temptation.To for an escalation weighed whose words
// name its leadership person only by a pronoun ("send him the
// spreadsheet directly", after "the CFO, Gareth Lowe, emailed me").
func (r *reader) escalationTo(sh *Sheet) {
	execs := map[string]bool{}
	names := map[string]string{}
	for _, p := range sh.People {
		if p.Kind == "exec" && p.Name != "" && !sameName(p.Name, sh.Leader.Name) {
			execs[strings.ToLower(p.Name)] = true
			names[strings.ToLower(p.Name)] = p.Name
		}
	}
	if len(execs) == 0 {
		return
	}
	for i := range sh.Temptations {
		t := &sh.Temptations[i]
		// "ask Daniel to push a common target through the finance side",
		// Daniel being the CFO: a move made through leadership is an
		// escalation too, whatever else it is.
		for k := r.tokenAt(t.Start); k+1 < len(r.toks) && r.toks[k].Start() < t.End; k++ {
			switch r.toks[k].Word() {
			case "ask", "get", "have", "asking", "getting":
			default:
				continue
			}
			if n := names[strings.ToLower(r.bareName(k+1))]; n != "" && !slices.Contains(t.Kinds, "escalated") {
				t.Kinds = append([]string{"escalated"}, t.Kinds...)
				t.To = n
			}
			break
		}
		if !slices.Contains(t.Kinds, "escalated") {
			continue
		}
		for k := r.tokenAt(t.Start); k < len(r.toks) && r.toks[k].Start() < t.End; k++ {
			if w := r.toks[k].Word(); w == "him" || w == "her" {
				if n := names[r.execNamed(k, execs, sh)]; n != "" {
					t.To = n
				}
				break
			}
		}
	}
}

// draftContents weighs what an unsent draft says as part of the move of
// sending it: "So I've drafted an email to Beatrix. ... I also say in it
// that I'm confident we can deliver $9M in sourced pipeline" weighs a
// promise of a number, which the plan then names. Only the draft's own
// sentence and the three after it are read, and only one that points
// back at the draft ("in it", "the email says", "I say"), so that a
// number promised elsewhere is not pinned on it.
func (r *reader) draftContents(sh *Sheet, moves []hit, weighs map[int]bool) {
	for _, a := range sh.Artifacts {
		if a.State != "considering" && a.State != "making" {
			continue
		}
		i := r.tokenAt(a.Start)
		if i >= len(r.toks) {
			continue
		}
		s0 := r.toks[i].Sentence()
		for s := s0; s < len(r.sent) && s <= s0+3; s++ {
			lo, hi := r.sent[s][0], r.sent[s][1]
			if weighs[s] || hi-lo > 2*maxWords || r.question(s) || !r.pointsAtDraft(lo, hi) {
				continue
			}
			kinds := r.moveKinds(sh, moves, lo, hi)
			if !slices.Contains(kinds, "committed_number") || r.toks[lo].Quoted() {
				continue
			}
			weighs[s] = true
			sh.Temptations = append(sh.Temptations, Temptation{Span: r.span(lo, hi), Kinds: []string{"committed_number"}})
		}
	}
}

// pointsAtDraft reports whether tokens lo to hi speak of what a draft
// says: "in it", "in the email", "the draft says", "I say", "I write".
func (r *reader) pointsAtDraft(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		w, next := r.toks[k].Word(), r.toks[k+1].Word()
		switch {
		case w == "in" && (next == "it" || next == "there"):
			return true
		case (w == "i" || w == "it") && (next == "say" || next == "says" || next == "write" || next == "writes" || next == "promise" || next == "promises" || next == "claim" || next == "claims"):
			return true
		case (w == "email" || w == "draft" || w == "memo" || w == "note" || w == "message" || w == "letter") && (next == "says" || next == "promises" || next == "claims"):
			return true
		}
	}
	return false
}

// firstPersonBefore reports whether the subject just before token i,
// across an adverb or two ("part of me also wants to", "I really
// wanted to"), is the user.
func (r *reader) firstPersonBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3 && r.toks[k].Clause() == r.toks[i].Clause(); k-- {
		if firstPersonSubject[r.toks[k].Word()] {
			return true
		}
	}
	return false
}

// suggester is who makes the suggestion at hit h, as a plan names them
// to the user: the name or the "my"/"our" title just before it in its
// clause ("My boss suggests" gives "your boss"). It is false when no one
// is named there, or when it is the user or the sales leader.
func (r *reader) suggester(h hit, sh *Sheet) (string, bool) {
	s := r.toks[h.first].Sentence()
	k := h.first - 1
	for k >= 0 && r.toks[k].Sentence() == s && suggestLead[r.toks[k].Word()] {
		k--
	}
	if k < 0 || r.toks[k].Sentence() != s {
		return "", false
	}
	// "My VP is now worried about the bonus and wants me to ...": the
	// subject of a second verb is the sentence's subject.
	if w := r.toks[k].Word(); w == "and" || w == "but" {
		lo := r.sent[s][0]
		if r.isName(lo) {
			return r.givenName(lo), !sameName(r.givenName(lo), sh.Leader.Name)
		}
		if !suggestOwner[r.toks[lo].Word()] {
			return "", false
		}
		hi := lo + 1
		for hi+1 < k && hi-lo < 3 && !subjectEnd[r.toks[hi+1].Word()] {
			hi++
		}
		if hi+1 >= k || !subjectEnd[r.toks[hi+1].Word()] {
			return "", false
		}
		k = hi
	}
	if r.isName(k) {
		n := r.givenName(k)
		if sameName(n, sh.Leader.Name) {
			return "", false
		}
		return n, true
	}
	// "Now Hélène wants the numbers for Arnaud. She thinks we must go
	// to him": a pronoun opening the sentence stands for the name that
	// opens the one before.
	if w := r.toks[k].Word(); (w == "she" || w == "he") && k == r.sent[s][0] && s > 0 {
		for j := r.sent[s-1][0]; j <= r.sent[s-1][1] && j <= r.sent[s-1][0]+2; j++ {
			if r.isName(j) {
				n := r.givenName(j)
				return n, !sameName(n, sh.Leader.Name)
			}
		}
	}
	// A title: "my boss", "our CEO", "Anya, our CEO,".
	lo := k
	for lo > 0 && k-lo < 3 && r.toks[lo-1].Sentence() == s && !suggestOwner[r.toks[lo-1].Word()] {
		lo--
	}
	if lo == 0 || r.toks[lo-1].Sentence() != s || !suggestOwner[r.toks[lo-1].Word()] {
		return "", false
	}
	for _, rh := range r.of("role") {
		if rh.first >= lo && rh.last <= k && rh.key == "sales" {
			return "", false
		}
	}
	title := r.text[r.toks[lo].Start():r.toks[k].End()]
	if strings.EqualFold(title, sh.Leader.Role) {
		return "", false
	}
	// "Anya, our CEO, suggested": the name the title stands beside.
	if n := lo - 2; n >= 0 && r.toks[n].Sentence() == s && r.isName(n) && r.toks[n].Clause() != r.toks[lo].Clause() {
		if name := r.givenName(n); !sameName(name, sh.Leader.Name) {
			return name, true
		}
		return "", false
	}
	return "your " + title, true
}

// negated reports whether "not" or "never" comes just before token i in
// its sentence ("I do not want to go to the CEO").
func (r *reader) negated(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2 && r.toks[k].Sentence() == r.toks[i].Sentence(); k-- {
		if w := r.toks[k].Word(); w == "not" || w == "never" && k == i-1 {
			return true
		}
	}
	return false
}

// skipLead moves token i past the words that lead into a move without
// being it: "to", "just", "simply", and after "Or", "I" and a modal.
func (r *reader) skipLead(i int) int {
	for i < len(r.toks) {
		switch r.toks[i].Word() {
		case "to", "just", "simply", "i", "we", "could", "should", "would", "might", "can", "maybe", "perhaps":
			i++
			continue
		}
		return i
	}
	return i
}

// asksUser reports whether the person named at token k asks the user
// for the move that follows ("Howard has asked me to present", "Grace
// wants me to walk him through it"), within the move's tokens up to hi.
func (r *reader) asksUser(k, hi int) bool {
	j := k + 1
	for j <= hi && j < len(r.toks) && askLead[r.toks[j].Word()] && r.toks[j].Word() != "me" && r.toks[j].Word() != "us" {
		j++
	}
	if j+1 > hi || j+1 >= len(r.toks) || !requestVerbs[r.toks[j].Word()] {
		return false
	}
	w := r.toks[j+1].Word()
	return w == "me" || w == "us"
}

// habitual reports whether the verb at token k is told in the present
// simple after "I" or "we" ("I build", "we prepare"): no word of the
// playbook's states for making is written that way, so it matched by its
// stem alone.
func (r *reader) habitual(k int) bool {
	if k <= 0 || k >= len(r.toks) {
		return false
	}
	if p := r.toks[k-1].Word(); p != "i" && p != "we" {
		return false
	}
	w := r.toks[k].Word()
	for _, phrase := range r.pb.Sheet.States["making"] {
		if first, _, _ := strings.Cut(phrase, " "); first == w {
			return false
		}
	}
	return true
}

// clauseEnd is the last token of the clause that opens at lo, before a
// word that ends a temptation, and at most maxWords on.
func (r *reader) clauseEnd(lo int) int {
	hi := lo
	for hi+1 < len(r.toks) && r.toks[hi+1].Clause() == r.toks[lo].Clause() && !temptationStop[r.toks[hi+1].Word()] && hi-lo < maxWords {
		hi++
	}
	// Cut at the word limit, the clause would end mid-phrase ("so it's
	// clear the reps are sitting on demo"): end it before its purpose
	// clause instead.
	if hi+1 < len(r.toks) && r.toks[hi+1].Clause() == r.toks[lo].Clause() && !temptationStop[r.toks[hi+1].Word()] {
		for k := hi; k > lo+2; k-- {
			if purpose[r.toks[k].Word()] {
				return k - 1
			}
		}
	}
	return hi
}

// tempt records tokens lo to hi as a temptation when they name a move,
// running on into the next clause of the sentence when they do not and a
// comma is all that parts them. It returns the last token it read.
func (r *reader) tempt(sh *Sheet, moves []hit, lo, hi int) int {
	if lo >= len(r.toks) || r.toks[hi].Quoted() || r.toks[lo].Quoted() {
		return hi
	}
	// "What I am tempted to do is pull the data": the move starts after
	// "do is" (blind round sbs68).
	if lo+2 < hi && r.toks[lo].Word() == "do" && (r.toks[lo+1].Word() == "is" || r.toks[lo+1].Word() == "was") && r.toks[lo+2].Sentence() == r.toks[lo].Sentence() {
		lo += 2
	}
	var kinds []string
	if hi-lo >= 2 {
		kinds = r.moveKinds(sh, moves, lo, hi)
	}
	// "launch a quote-request page and route the inbound to the two
	// reps": a clause that names no move also runs on into a second
	// move joined to it by "and".
	joined := func(j int) (int, bool) {
		if j+1 >= len(r.toks) || r.toks[j+1].Sentence() != r.toks[lo].Sentence() {
			return 0, false
		}
		gap := strings.TrimSpace(r.text[r.toks[hi].End():r.toks[j].Start()])
		if r.toks[j].Word() == "and" {
			return j + 1, (gap == "" || gap == ",") && !pronouns[r.toks[j+1].Word()] && !determiners[r.toks[j+1].Word()]
		}
		return j, gap == ","
	}
	if j := hi + 1; len(kinds) == 0 && j < len(r.toks) && r.toks[j].Sentence() == r.toks[lo].Sentence() && !temptationStop[r.toks[j].Word()] {
		next, ok := joined(j)
		// "Part of me wants to update my CV, part of me wants to send
		// Pierre-Luc the ROI numbers": a clause that weighs a move of its
		// own is read as its own, not as the end of this one.
		for _, h := range r.of("intent") {
			ok = ok && !(h.first >= j && h.first <= r.clauseEnd(next))
		}
		if hi2 := r.clauseEnd(next); ok && hi2-lo <= maxWords && !r.toks[hi2].Quoted() {
			if k := r.moveKinds(sh, moves, lo, hi2); len(k) > 0 && hi2-lo >= 2 {
				kinds, hi = k, hi2
			}
		}
	}
	if len(kinds) == 0 {
		return hi
	}
	// "present the model at the QBR and \"settle this\"", "send Malcolm
	// the deck before the 10th so he \"comes in informed\"": a move cut
	// before a quotation does not end on its conjunction, nor on the
	// subject of the clause the quotation finishes.
	for hi > lo && moveTail[r.toks[hi].Word()] {
		hi--
	}
	for _, t := range sh.Temptations {
		if r.toks[lo].Start() < t.End && r.toks[hi].End() > t.Start {
			return hi
		}
	}
	sh.Temptations = append(sh.Temptations, Temptation{Span: r.span(lo, r.beforeUnclosed(lo, hi)), Kinds: kinds})
	return hi
}

// boardPapers are the documents "board" may name as a modifier ("the board
// slide", "the board pack").
var boardPapers = set([]string{"slide", "slides", "deck", "pack", "report", "paper", "papers", "presentation", "update", "memo", "section", "pre-read"})

// moveTail are words a quoted move never ends on: conjunctions, and
// subject pronouns that only open the clause after it.
var moveTail = set([]string{"and", "or", "but", "so", "because", "since", "he", "she", "they", "we", "i"})

// beforeUnclosed is hi, or, when a parenthesis opens between tokens lo
// and hi and does not close by hi's end, the last token before it: "my
// draft reply (reply all" is quoted as "my draft reply", never with half
// a parenthesis.
func (r *reader) beforeUnclosed(lo, hi int) int {
	text := r.text[r.toks[lo].Start():r.toks[hi].End()]
	open := strings.LastIndexByte(text, '(')
	if open < 0 || strings.IndexByte(text[open:], ')') >= 0 {
		return hi
	}
	at := r.toks[lo].Start() + open
	for k := hi; k > lo; k-- {
		if r.toks[k].Start() < at {
			return k
		}
	}
	return hi
}

// orBetween reports whether an "or" stands between tokens a and b: "talk
// to Carmel first or take it to the CEO" weighs two courses, and the
// second goes over the sales leader's head.
func (r *reader) orBetween(a, b int) bool {
	for k := a + 1; k < b; k++ {
		if r.toks[k].Word() == "or" {
			return true
		}
	}
	return false
}

// moveKinds are the kinds of move tokens lo to hi hold (of the text's
// move hits, moves), in the order their words come except that an
// escalation comes first; naming a leadership person is an escalation.
func (r *reader) moveKinds(sh *Sheet, moves []hit, lo, hi int) []string {
	var kinds []string
	add := func(k string) {
		for _, x := range kinds {
			if x == k {
				return
			}
		}
		kinds = append(kinds, k)
	}
	// A move toward the sales leader ("go to Hemi before I answer the
	// CFO") is not over their head; wanting to stop one ("stop this
	// being a monthly fight") is not making it.
	toLeader := -1
	for k := lo; k <= hi && sh.Leader.Name != ""; k++ {
		if sameName(r.bareName(k), sh.Leader.Name) {
			toLeader = k
			break
		}
	}
	for _, h := range moves {
		if h.first < lo || h.last > hi || (h.key == "escalated" && toLeader >= 0 && toLeader < h.first && !r.orBetween(toLeader, h.first)) {
			continue
		}
		if r.reportVerb(h) {
			continue
		}
		// "put my attribution numbers on that board slide": the board's
		// material is a case made with data, not a move over anyone's
		// head.
		if h.key == "escalated" && h.first == h.last && r.toks[h.last].Word() == "board" && h.last+1 <= hi && boardPapers[r.toks[h.last+1].Word()] {
			continue
		}
		// "accept his 12-month rule": a number that counts time is a
		// window, not a figure promised.
		if h.key == "committed_number" && isNumberWord(r.toks[h.last].Word()) && h.last+1 < len(r.toks) && timeUnits[r.toks[h.last+1].Word()] {
			continue
		}
		undone := false
		for k := h.first - 1; k >= lo && k >= h.first-6; k-- {
			undone = undone || undoing[r.toks[k].Word()]
		}
		// "pull the slide", "withdraw the figure": taking the data out
		// is the opposite of making a case with it.
		for k := h.first - 1; h.key == "data_deck" && k >= lo && k >= h.first-3; k-- {
			undone = undone || withdrawing[r.toks[k].Word()] && withdrawn[r.toks[h.last].Word()]
		}
		if !undone {
			add(h.key)
		}
	}
	// A better attribution model is its own move, not a deck: the answer
	// to it is agreeing how deals are counted, not holding the numbers.
	if slices.Contains(kinds, "better_model") {
		kinds = slices.DeleteFunc(kinds, func(k string) bool { return k == "data_deck" })
	}
	// Data the sales leader asked for ("send the one-pager by Friday as
	// asked") is an answer to them, not a case made at them.
	for k := lo; k+1 <= hi; k++ {
		if w := r.toks[k].Word(); (w == "as" || w == "like") && (r.toks[k+1].Word() == "asked" || r.toks[k+1].Word() == "requested") {
			kinds = slices.DeleteFunc(kinds, func(k string) bool { return k == "data_deck" })
			break
		}
	}
	// Sitting in on a sales meeting as an observer ("attend the monthly
	// bid review board as an observer") is the seat, not a move over the
	// sales leader's head, unless it names someone from leadership.
	if slices.Contains(kinds, "asked_pipeline_seat") {
		kinds = slices.DeleteFunc(kinds, func(k string) bool { return k == "escalated" })
	}
	// "send him the spreadsheet directly", him being the CFO named just
	// before: a pronoun that stands for someone from leadership takes
	// the move to them.
	execs := r.execNames(sh)
	for k := lo; k <= hi && len(execs) > 0; k++ {
		if w := r.toks[k].Word(); (w == "him" || w == "her") && r.execBefore(k, execs, sh) && !r.asksUser(k, hi) {
			add("escalated")
			break
		}
	}
	for _, p := range sh.People {
		if p.Kind != "exec" || p.Name == "" {
			continue
		}
		for k := lo; k <= hi; k++ {
			// "Howard has asked me to present the findings": leadership
			// asking for the move is not the user going over anyone.
			// The user's own manager, below the top, is not over the
			// sales leader's head: "go to Mei Lin and ask her to change
			// my KPI", Mei Lin being the CFO the user reports to.
			if strings.EqualFold(r.name(k), p.Name) && !r.asksUser(k, hi) && !sameName(p.Name, sh.OwnBoss) {
				add("escalated")
			}
		}
	}
	// "show her the response times" when the sales leader is "he", and
	// the text names leadership: the move goes to someone above them.
	ownBoss := false // the move names the user's own manager
	for k := lo; k <= hi && sh.OwnBoss != ""; k++ {
		ownBoss = ownBoss || sameName(r.name(k), sh.OwnBoss)
	}
	if other := map[string]string{"he": "her", "she": "him"}[r.leaderPronoun]; other != "" && len(kinds) > 0 && !slices.Contains(kinds, "escalated") && !ownBoss {
		exec := false
		for _, p := range sh.People {
			exec = exec || p.Kind == "exec"
		}
		for k := lo; k <= hi && exec; k++ {
			if r.toks[k].Word() == other && !r.toks[k].Quoted() {
				kinds = append([]string{"escalated"}, kinds...)
				break
			}
		}
	}
	// A change weighed with the sales leader in its sentence ("put the
	// threshold back, and I want her on side before I touch anything")
	// is not one made alone.
	if slices.Contains(kinds, "mql_change_without_sales") {
		s := r.toks[lo].Sentence()
		if len(r.inSentence("joint", s)) > 0 {
			kinds = slices.DeleteFunc(kinds, func(k string) bool { return k == "mql_change_without_sales" })
		}
	}
	// A number proposed to sales as one both teams own ("pitching some
	// joint pipeline number") is not one promised to be judged by.
	// Nor is a one-pager or a proposal that carries it a data case: the
	// document is only how the proposal travels.
	if slices.Contains(kinds, "shared_metric") {
		kinds = slices.DeleteFunc(kinds, func(k string) bool { return k == "committed_number" || k == "data_deck" })
	}
	// Going over the sales leader's head is the move that costs most,
	// whatever else goes with it ("send the numbers to Sr. Llorens"):
	// a plan answers it first. A number promised comes next: walking in
	// "with a number" is a promise before it is data.
	for _, first := range []string{"committed_number", "escalated"} {
		for i, k := range kinds {
			if k == first && i > 0 {
				copy(kinds[1:i+1], kinds[:i])
				kinds[0] = first
				break
			}
		}
	}
	return kinds
}

// weighed reports whether token i is part of a move the user is only
// weighing: inside a temptation, or after "could", "would" or "might" in
// its clause ("Or I stop sending leads" is an option, not a change made).
func (r *reader) weighed(sh *Sheet, i int) bool {
	at := r.toks[i].Start()
	for _, t := range sh.Temptations {
		if at >= t.Start && at < t.End {
			return true
		}
	}
	for k := i - 1; k >= 0 && r.toks[k].Clause() == r.toks[i].Clause(); k-- {
		switch r.toks[k].Word() {
		case "could", "would", "might", "should":
			return true
		}
	}
	return false
}

// changes finds the user saying they made a change.
func (r *reader) changes(sh *Sheet) {
	for _, h := range r.of("changed") {
		if r.toks[h.first].Quoted() || r.weighed(sh, h.last) {
			continue
		}
		hi := h.last
		for hi+1 < len(r.toks) && r.toks[hi+1].Clause() == r.toks[h.first].Clause() && hi-h.first < maxWords {
			hi++
		}
		// Cut by the length cap inside its clause, the change would stop
		// mid-phrase ("so that only practices with at least three"): it
		// ends before the last joining word instead ("I paused the series
		// and rebuilt lead scoring").
		if hi+1 < len(r.toks) && r.toks[hi+1].Clause() == r.toks[h.first].Clause() {
			cut := -1
			for k := h.first + 4; k <= hi && cut < 0; k++ {
				if changePurpose[r.toks[k].Word()] {
					cut = k
				}
			}
			for k := hi; k > h.first+3 && cut < 0; k-- {
				if changeJoins[r.toks[k].Word()] {
					cut = k
				}
			}
			if cut > 0 {
				hi = cut - 1
			}
		}
		if hi-h.first < 3 {
			continue
		}
		sh.Changes = append(sh.Changes, r.span(h.first, hi))
	}
}

// alone finds the sales leader left out of a lead-rule change the user
// made (Sheet.Alone): words of leaving out (playbook sheet.alone) that
// name the sales leader, by name, pronoun or "sales", in the change's
// sentence or the two after it, when the change names a lead rule
// (playbook names.rule_words: a stage, a score, a routing rule).
func (r *reader) alone(sh *Sheet) {
	rules := r.pb.Names.RuleWords
	for _, c := range sh.Changes {
		i := r.tokenAt(c.Start)
		ruled := false
		for k := i; k < len(r.toks) && r.toks[k].Start() < c.End; k++ {
			ruled = ruled || slices.Contains(rules, r.toks[k].Word())
		}
		if !ruled || i >= len(r.toks) {
			continue
		}
		s0 := r.toks[i].Sentence()
		for _, h := range r.of("alone") {
			s := r.toks[h.first].Sentence()
			if s < s0 || s > s0+2 || r.toks[h.first].Quoted() || !r.namesLeader(s, sh.Leader.Name) {
				continue
			}
			sp := r.span(r.sent[s][0], r.sent[s][1])
			sh.Alone = &sp
			return
		}
	}
}

// namesLeader reports whether sentence s names the sales leader: their
// name, their pronoun, or sales.
func (r *reader) namesLeader(s int, leader string) bool {
	for k := r.sent[s][0]; k <= r.sent[s][1]; k++ {
		w := r.toks[k].Word()
		if w == "sales" || r.leaderPronounWord(w) || leader != "" && sameName(r.name(k), leader) {
			return true
		}
	}
	return false
}

// quotes finds quoted words and who said them: the nearest person named
// before the quote in its sentence, the sales leader when a pronoun or
// their name or title speaks, the user when "I" does.
// maxQuoteClauses bounds a quotation, so an unclosed quotation mark does
// not swallow the rest of the text; a quotation of several clauses is
// kept whole, so a plan never cuts one before its point.
const maxQuoteClauses = 8

func (r *reader) quotes(sh *Sheet, d align.Diagnosis) {
	for i := 0; i < len(r.toks); {
		if !r.toks[i].Quoted() {
			i++
			continue
		}
		j := i
		for j+1 < len(r.toks) && r.toks[j+1].Quoted() && r.toks[j+1].Clause()-r.toks[i].Clause() < maxQuoteClauses {
			j++
		}
		q := Quote{Span: r.span(i, j)}
		// A quotation ends at its closing mark, not at its last word:
		// "58%" keeps its sign.
		for q.End < len(r.text) && strings.IndexByte("%+", r.text[q.End]) >= 0 {
			q.End++
		}
		q.Text = r.text[q.Start:q.End]
		q.Speaker, q.Reported, q.Hearsay = r.speaker(i, sh, d)
		// Words that open by calling the sales leader by name ("Simone,
		// marketing tells me it's 41%") are said to them, not by them.
		if q.Speaker == "sales_leader" && vocative(r, i, d.Facts.Leader.Name) {
			q.Speaker = "other"
		}
		// A short quotation nothing introduces as speech is a term or a
		// label ("logged as 'partner-sourced'"), not anyone's words.
		if j-i+1 < minSaid && !r.introduced(i) || r.term(i) {
			q.Speaker = ""
		}
		sh.Quotes = append(sh.Quotes, q)
		i = j + 1
	}
}

// speaker is who said the quotation at token at, whether the words were
// said to others rather than to the user (reported), and whether someone
// passed them on (hearsay).
// requests finds what the sales leader asks marketing to do in a quote
// of theirs: a sentence or clause of the quote that opens, after words
// like "now" or "just", with a verb of request ("Pretty. Now go redo the
// line card."), from the verb to the clause's end. "Do you ..." and "Go
// on" are not requests: a pronoun or nothing after the verb.
func (r *reader) requests(sh *Sheet) {
	asked := map[int]bool{}
	for _, h := range r.of("asked_need") {
		if !r.negated(h.first) {
			asked[r.toks[h.first].Sentence()] = true
		}
	}
	for _, q := range sh.Quotes {
		// Said to the user, not to the team or passed on.
		if q.Speaker != "sales_leader" || q.Reported || r.aboutMarketing(q) {
			continue
		}
		// The answer to "what do you need from marketing?", in the same
		// sentence or the next, is the request, whole, past a softener
		// ("honestly, case studies and a website that doesn't embarrass
		// us").
		if s := r.toks[r.tokenAt(q.Start)].Sentence(); asked[s] || asked[s-1] {
			k := r.tokenAt(q.Start)
			for k < len(r.toks) && r.toks[k].Start() < q.End && r.c.softeners[r.toks[k].Word()] {
				k++
			}
			end := k
			for end+1 < len(r.toks) && r.toks[end+1].Start() < q.End {
				end++
			}
			if k < len(r.toks) && end-k >= 2 && r.toks[k].Start() < q.End {
				sh.Requests = append(sh.Requests, r.span(k, end))
				continue
			}
		}
		i := r.tokenAt(q.Start)
		for i >= 0 && i < len(r.toks) && r.toks[i].Start() < q.End {
			k := i
			for k < len(r.toks) && r.toks[k].Start() < q.End && r.toks[k].Clause() == r.toks[i].Clause() && r.c.softeners[r.toks[k].Word()] {
				k++
			}
			end := i
			for end+1 < len(r.toks) && r.toks[end+1].Start() < q.End && r.toks[end+1].Clause() == r.toks[i].Clause() {
				end++
			}
			// "Bring my people introductions to purchasing managers,
			// not students": a contrast after the comma is part of what
			// was asked.
			if n := end + 1; n < len(r.toks) && r.toks[n].Start() < q.End && r.toks[n].Sentence() == r.toks[end].Sentence() && contrasts[r.toks[n].Word()] {
				for end+1 < len(r.toks) && r.toks[end+1].Start() < q.End && r.toks[end+1].Clause() == r.toks[n].Clause() {
					end++
				}
			}
			// A request opens a sentence of the quote ("make sales look
			// bad" inside a sentence of the user's is a fragment), and
			// is not a question ("What will you do, put a billboard
			// up?").
			opens := unicode.IsUpper(rune(r.text[r.toks[i].Start()])) || r.toks[i].Start()-q.Start <= 1 && r.asking(i)
			asks := strings.IndexByte(r.text[r.toks[end].End():min(len(r.text), r.toks[end].End()+3)], '?') >= 0
			if opens && !asks && !r.dismissal(k, end) && k < end && r.toks[k].Clause() == r.toks[i].Clause() && r.c.requestVerbs[r.toks[k].Word()] && !pronouns[r.toks[k+1].Word()] && end-k >= 2 {
				sh.Requests = append(sh.Requests, r.span(k, end))
			}
			i = end + 1
		}
	}
}

// contrasts open a clause that narrows the request before it: ", not
// students", ", instead of webinars", ", rather than more".
var contrasts = map[string]bool{"not": true, "instead": true, "rather": true}

// aboutMarketing reports whether a quote speaks of marketing in the third
// person ("Call your own list. Marketing leads are for marketing's
// dashboard", written to the sales team): it is not addressed to
// marketing, so its imperatives are not requests of marketing. "Your
// marketing" and "you marketing people" still speak to the user.
func (r *reader) aboutMarketing(q Quote) bool {
	for i := r.tokenAt(q.Start); i >= 0 && i < len(r.toks) && r.toks[i].Start() < q.End; i++ {
		if r.toks[i].Word() != "marketing" {
			continue
		}
		if i > 0 && r.toks[i-1].Start() >= q.Start {
			if w := r.toks[i-1].Word(); w == "you" || w == "your" {
				continue
			}
		}
		return true
	}
	return false
}

// asked finds what the sales leader asked marketing for, told in the
// user's words: the words after an asked_for hit, to the end of their
// clause, when the one who asked is the sales leader, the sentence is not
// a question, the asking is not denied ("he never asked us for") and the
// request is not to go away ("stay out of his reps' day").
func (r *reader) asked(sh *Sheet, d align.Diagnosis) {
	for _, h := range r.of("asked_for") {
		if r.toks[h.first].Quoted() || r.negated(h.first) || r.weighed(sh, h.first) {
			continue
		}
		s := r.toks[h.first].Sentence()
		if r.question(s) {
			continue
		}
		// The subject is right before the words, past an auxiliary or a
		// speech verb ("Duane has asked us for", "he said if I wanted to
		// help"), or in them ("all he wants from us is"); a subject further
		// back may be someone else's ("The operating partner wants to fold
		// marketing into Commercial under Olivier, and has asked me to").
		from := h.first - 1
		if w := r.toks[h.first].Word(); w == "all" || w == "the" {
			from = h.first + 1
		}
		for from > r.sent[s][0] && askLead[r.toks[from].Word()] {
			from--
		}
		if from < r.sent[s][0] || r.who(from, from, h.first, sh, d) != "sales_leader" {
			continue
		}
		lo := r.skipLead(h.last + 1)
		if lo >= len(r.toks) || r.toks[lo].Sentence() != s || r.toks[lo].Quoted() {
			continue
		}
		// A request to do something is one a plan can act on only when it
		// opens with a verb of request ("get", "send", "stop"); one for a
		// thing ("asked us for more of the sell-in kits") is a noun.
		if r.toks[h.last].Word() != "for" && !r.c.requestVerbs[r.toks[lo].Word()] {
			continue
		}
		hi := r.clauseEnd(lo)
		// "... and I agreed": a request already met is not work to do.
		met := false
		for k := hi + 1; k+1 < len(r.toks) && r.toks[k].Sentence() == s; k++ {
			met = met || (r.toks[k].Word() == "i" || r.toks[k].Word() == "we") && metVerbs[r.toks[k+1].Word()]
		}
		for k := lo + 2; k+1 <= hi; k++ {
			if (r.toks[k].Word() == "i" || r.toks[k].Word() == "we") && metVerbs[r.toks[k+1].Word()] && (r.toks[k-1].Word() == "and" || r.toks[k-1].Word() == "so") {
				met = true
			}
		}
		// Cut short by a quotation ("fund a "white glove" program"), the
		// words are not the request.
		if met || hi+1 < len(r.toks) && r.toks[hi+1].Quoted() && r.toks[hi+1].Sentence() == s {
			continue
		}
		// "get him a cleaner prospect list and otherwise stay out of his
		// reps' day": the request ends where the dismissal begins.
		for k := lo; k < hi; k++ {
			if r.dismissal(k, k+1) {
				hi = k - 1
				for hi > lo && joiners[r.toks[hi].Word()] {
					hi--
				}
				break
			}
		}
		if hi-lo < 1 || r.toks[hi].Quoted() {
			continue
		}
		sh.Asked = append(sh.Asked, r.span(lo, hi))
	}
}

// asking reports whether the words before token i, which opens a quote,
// introduce it as said to someone: a speech verb ("said"), "told me to",
// or a colon or comma.
func (r *reader) asking(i int) bool {
	k := r.toks[i].Start() - 1
	for k >= 0 && strings.IndexByte("\"'“‘ ", r.text[k]) >= 0 {
		k--
	}
	if k >= 0 && (r.text[k] == ':' || r.text[k] == ',') {
		return true
	}
	if i == 0 {
		return false
	}
	w := r.toks[i-1].Word()
	return r.c.speech[w] || w == "to" && i >= 2 && (r.toks[i-2].Word() == "me" || r.toks[i-2].Word() == "us")
}

// dismissal reports whether tokens lo to hi tell marketing to go away
// ("get out of the way"), which no plan should take as work to do.
func (r *reader) dismissal(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if r.c.dismissals[r.toks[k].Word()+" "+r.toks[k+1].Word()] {
			return true
		}
	}
	return false
}

// tokenAt is the index of the first token starting at or after byte at.
func (r *reader) tokenAt(at int) int {
	return sort.Search(len(r.toks), func(i int) bool { return r.toks[i].Start() >= at })
}

// vocative reports whether the quotation at token i opens with the name
// and a comma: "Simone, marketing tells me".
func vocative(r *reader, i int, name string) bool {
	if name == "" || i+1 >= len(r.toks) {
		return false
	}
	f := strings.Fields(strings.ToLower(name))
	t := r.toks[i]
	return t.Word() == f[len(f)-1] && t.End() < len(r.text) && r.text[t.End()] == ','
}

func (r *reader) speaker(at int, sh *Sheet, d align.Diagnosis) (who string, reported, hearsay bool) {
	s := r.toks[at].Sentence()
	speech := r.c.speech
	// The speaker is the subject of the verb that introduces the words
	// ("the CEO has told me he is 'seriously considering'" is the CEO's),
	// else the nearest person before them.
	from := at - 1
	// A line break ends the search even where no full stop does: pasted
	// notes ("- CEO to both of us: ...") put one speaker on each line.
	lo := r.sent[s][0]
	for k := at - 1; k > lo; k-- {
		// Tokens of one contraction share a span: no gap between them.
		if a, b := r.toks[k-1].End(), r.toks[k].Start(); a < b && strings.IndexByte(r.text[a:b], '\n') >= 0 {
			lo = k
			break
		}
	}
	for k := at - 1; k >= lo; k-- {
		if r.toks[k].Quoted() || !speech[r.toks[k].Word()] {
			continue
		}
		// "she said, and I wrote it down, '...'": writing words down
		// records them; it does not say them.
		if k+1 < at && r.toks[k+1].Word() == "down" || k+2 < at && r.toks[k+2].Word() == "down" {
			continue
		}
		// "told me twice, in one-on-ones I asked for, that '...'": a
		// verb of asking followed by "for" names a request, not the words.
		if k+1 < at && r.toks[k+1].Word() == "for" {
			continue
		}
		from = k - 1
		// Told to someone else: the team, the board, his reps.
		switch r.toks[k].Word() {
		case "told", "tells", "tell", "telling":
			if k+1 < at {
				switch r.toks[k+1].Word() {
				case "me", "us", "i", "we", "that":
				default:
					reported = true
				}
			}
		case "said", "says", "say", "saying", "announced", "wrote", "writes", "posted", "emailed", "messaged":
			if k+2 < at && r.toks[k+1].Word() == "to" && r.toks[k+2].Word() != "me" && r.toks[k+2].Word() != "us" {
				reported = true
			}
		}
		break
	}
	for _, h := range r.inSentence("hearsay", s) {
		if h.first < at {
			reported, hearsay = true, true
		}
	}
	return r.who(from, lo, at, sh, d), reported, hearsay
}

// antecedent is whom the pronoun at token k stands for: the person
// mentioned last before it, in its sentence or the one before ("I asked
// the CEO ... He said 'maybe next year'" is the CEO's); the sales leader
// when no one else is.
func (r *reader) antecedent(k int, sh *Sheet) string {
	s := r.toks[k].Sentence()
	lo := r.sent[s][0]
	if s > 0 {
		lo = r.sent[s-1][0]
	}
	roles := map[int]string{}
	// A person named as the object of a preposition ("We will both report
	// to the CEO") is rarely whom the next sentence's "she" means.
	oblique := map[int]bool{}
	// Only this sentence's and the one before's hits: reading every hit
	// for every pronoun made a long text quadratic.
	var near []hit
	if s > 0 {
		near = append(near, r.inSentence("role", s-1)...)
	}
	near = append(near, r.inSentence("role", s)...)
	for _, h := range near {
		if h.group == "role" && h.last < k && h.first >= lo {
			roles[h.last] = h.key
			f := h.first
			if f > 0 && determiners[r.toks[f-1].Word()] {
				f--
			}
			oblique[h.last] = f > 0 && prepositions[r.toks[f-1].Word()]
		}
	}
	for j := k - 1; j >= lo; j-- {
		if r.toks[j].Quoted() {
			continue
		}
		if kind, ok := roles[j]; ok && !(oblique[j] && kind != "sales") {
			if kind == "sales" {
				return "sales_leader"
			}
			return "other"
		}
		if sh.Leader.Name != "" && sameName(r.bareName(j), sh.Leader.Name) {
			return "sales_leader"
		}
		if r.isName(j) {
			for _, p := range sh.People {
				if p.Name == r.bareName(j) {
					return "other"
				}
			}
		}
	}
	return "sales_leader"
}

// minSaid is the fewest words a quotation needs to be read as something
// said when no verb, colon or word like "line" introduces it.
const minSaid = 4

// term reports whether the quotation at token at comes right after a
// verb that makes it a rule, label or measure (playbook sheet.term_verbs:
// "His number uses \"who booked the first meeting\""), not words said.
func (r *reader) term(at int) bool {
	k := at - 1
	return k >= 0 && r.toks[k].Sentence() == r.toks[at].Sentence() && !r.toks[k].Quoted() && r.c.termVerbs[r.toks[k].Word()]
}

// introduced reports whether the quotation at token at is introduced as
// speech: a speech verb before it in its sentence, a colon right before
// it, or a word that names what someone said ("his line", "in her words").
func (r *reader) introduced(at int) bool {
	s := r.toks[at].Sentence()
	speech := r.c.speech
	cues := r.c.saidNouns
	for k := at - 1; k >= r.sent[s][0]; k-- {
		if r.toks[k].Quoted() {
			continue
		}
		if speech[r.toks[k].Word()] || cues[r.toks[k].Word()] {
			return true
		}
	}
	gap := strings.TrimRight(r.text[:r.toks[at].Start()], "\"\u201c ")
	return strings.HasSuffix(gap, ":") || strings.HasSuffix(gap, ",")
}

// who is the person nearest before token from in its sentence, back to
// token lo (the start of its line): a role, the
// sales leader's name, another named person, a pronoun, or the user.
func (r *reader) who(from, lo, at int, sh *Sheet, d align.Diagnosis) string {
	s := r.toks[at].Sentence()
	roles := map[int]string{}
	firsts := map[int]int{}
	for _, h := range r.inSentence("role", s) {
		roles[h.last] = h.key
		firsts[h.last] = h.first
	}
	for k := from; k >= lo; k-- {
		// The one words are sent to is not their speaker: "She
		// forwarded it to Fergus with 'can you two sort this out'".
		if k > lo && addressed[r.toks[k-1].Word()] && (roles[k] != "" || r.isName(k)) {
			continue
		}
		if kind, ok := roles[k]; ok {
			// "his regional managers have started telling reps": people
			// of the sales leader's are not the sales leader.
			if f := firsts[k]; kind == "sales" && f > 0 && ownedBy[r.toks[f-1].Word()] {
				return "other"
			}
			if kind == "sales" {
				return "sales_leader"
			}
			return "other"
		}
		w := r.toks[k].Word()
		if sh.Leader.Name != "" && sameName(r.bareName(k), sh.Leader.Name) {
			return "sales_leader"
		}
		if r.isName(k) {
			for _, p := range sh.People {
				if p.Name == r.bareName(k) {
					return "other"
				}
			}
			// Someone named but not placed is nobody we can vouch for.
			if k == from && from < at-1 {
				return ""
			}
			// "Leticia's advice is '...'": words a named person owns
			// are theirs, and they are not the sales leader.
			if t := r.text[r.toks[k].Start():r.toks[k].End()]; strings.HasSuffix(t, "'s") || strings.HasSuffix(t, "\u2019s") {
				return "other"
			}
		}
		// "his regional managers have started telling reps": the
		// subject is someone's people, not them; "in his words" is theirs.
		if ownedBy[w] && k+1 < at && k+1 <= from && !r.c.saidNouns[r.toks[k+1].Word()] && r.toks[k+1].Word() != "own" {
			return "other"
		}
		switch w {
		case "he", "she", "him", "her":
			// A pronoun that is not the sales leader's is someone else's.
			if p := d.Facts.Pronoun; (p == "he" && (w == "she" || w == "her")) || (p == "she" && (w == "he" || w == "him")) {
				return "other"
			}
			return r.antecedent(k, sh)
		case "i", "we":
			return "user"
		}
	}
	for _, e := range d.Facts.Quotes {
		if e.Start <= r.toks[at].Start() && r.toks[at].Start() < e.End {
			return "sales_leader"
		}
	}
	return ""
}

// The words that end the search for an artifact's determiner, and a
// temptation's clause.
var (
	phraseStop     = set([]string{"to", "and", "or", "that", "which", "i", "we", "he", "she", "they", "is", "was", "for", "with", "from", "it", "be", "have", "has", "not", "send", "sent"})
	determiners    = set([]string{"the", "a", "an", "my", "our", "his", "her", "their", "him", "them"})
	pronouns       = set([]string{"i", "you", "we", "they", "he", "she", "it", "me", "us", "on"})
	purpose        = set([]string{"so", "because", "which", "that", "in", "and"})
	honorifics     = set([]string{"mr", "mrs", "ms", "miss", "dr", "sr", "sra", "srta", "herr", "frau", "monsieur", "madame", "signor", "signora", "señor", "señora", "lic", "ing", "eng", "arq", "prof", "dott", "dra", "ir", "mag", "dipl", "maam", "ma'am", "encik", "cik", "puan", "pak", "bu", "ibu", "bapak", "don", "doña", "dona", "shri", "sri"})
	besideBoss     = set([]string{"to", "of", "beside", "alongside", "with", "than", "like", "and", "from", "by", "told", "asked", "showed", "at", "for", "about", "front", "near", "under", "over", "above", "below"})
	objectPronouns = set([]string{"it", "this", "that", "them"})
	madeVerbs      = set([]string{"prepared", "built", "made", "created", "compiled", "presented", "assembled"})
	addressed      = set([]string{"to", "cc", "cc'd", "copying", "copied"})
	// requestVerbs are how someone asks the user for a move.
	requestVerbs = set([]string{"asked", "asks", "ask", "wants", "wanted", "told", "tells", "invited", "invites", "suggested", "suggests", "expects", "expected", "needs", "needed", "requested", "requests"})
	// ownedBy make a title someone's people: "his regional managers".
	ownedBy = set([]string{"his", "her", "their"})
	// changePurpose and changeJoins are the words a change told at
	// length is cut before when it runs past the length cap: what follows
	// a purpose word ("so that ...") is why, not the change; failing one,
	// the last joining word ends it.
	changePurpose = set([]string{"so", "because", "which", "since", "unless", "until"})
	changeJoins   = set([]string{"and", "but", "while", "with", "that", "to"})
	askLead       = set([]string{"has", "have", "had", "also", "then", "just", "once", "even", "recently", "already", "finally", "actually", "said", "says", "told", "tells", "me", "us", "again", "repeatedly", "literally", "basically", "only", "now"})
	metVerbs      = set([]string{"agreed", "did", "complied", "delivered", "said", "made", "built", "sent", "gave", "changed"})
	doubtLead     = set([]string{"and", "but", "so", "though", "i", "i'm", "im", "am", "m", "honestly", "really", "just", "frankly", "still"})
	joiners       = set([]string{"and", "or", "but", "then", "otherwise", "else", "just"})
	prepositions  = set([]string{"to", "with", "for", "from", "by", "at", "under", "into"})
	askWords      = set([]string{"how", "what", "where", "when", "why", "which", "who"})
	// suggestLead are the words between a suggester and the suggestion
	// ("My boss also strongly suggests"); suggestOwner are the words
	// that make a title someone's ("my boss", "our CEO").
	suggestLead  = set([]string{"also", "strongly", "now", "even", "actually", "just", "kindly", "helpfully", "has", "had", "keeps", "always"})
	suggestOwner = set([]string{"my", "our"})
	// subjectEnd are the words that end a sentence's subject ("My VP is
	// ...", "Our CEO now ...").
	subjectEnd = set([]string{"is", "was", "has", "had", "now", "also", "then", "keeps", "kept", "seems", "got", "gets", "became", "will", "would", "thinks", "said", "says"})
	// undoing are the words before a move that want it not made.
	undoing = set([]string{"stop", "end", "avoid", "without", "not", "never", "no", "less", "anything", "nothing", "before"})
	// withdrawing verbs take a document or a figure out (withdrawn): "pull
	// the slide", "withdraw the attribution figure from the board pack".
	withdrawing = set([]string{"pull", "pulling", "withdraw", "withdrawing", "remove", "removing", "delete", "deleting", "scrap", "scrapping", "drop", "dropping", "kill", "killing", "cut", "cutting"})
	withdrawn   = set([]string{"slide", "slides", "deck", "chart", "charts", "figure", "figures", "number", "numbers", "page", "graph", "summary", "report", "analysis", "dashboard", "memo", "one-pager", "data"})
	// firstPersonSubject are the words before "wants" or "wanted" that
	// make the wish the user's own ("part of me wants to", "I wanted to").
	firstPersonSubject = set([]string{"i", "we", "me", "i've", "we've", "i'd", "we'd"})
	temptationStop     = set([]string{"but", "because", "though", "although", "since", "unless", "while", "or", "fine", "ok", "okay", "wise", "crazy", "appropriate", "acceptable", "reasonable", "sensible", "smart"})
)

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[strings.ToLower(w)] = true
	}
	return m
}

// programs keeps the diagnosis's programs, except one named by a noun
// that is also a verb ("show") which the text never uses as a noun: each
// use is right after a subject, "to" or a modal, or right before an
// object (a pronoun or a person the sheet names) or a particle.
func (r *reader) programs(sh *Sheet, d align.Diagnosis) {
	verbs := r.c.verbNouns
	before, after := r.c.verbBefore, r.c.verbAfter
	// A person the sheet names is an object too: "show Priya the logs".
	named := map[string]bool{}
	for _, p := range append([]Person{sh.Leader}, sh.People...) {
		for _, w := range strings.Fields(strings.ToLower(p.Name)) {
			named[w] = true
		}
	}
	for _, p := range d.Facts.Programs {
		w := strings.Fields(strings.ToLower(p))
		if len(w) == 0 {
			continue
		}
		head := strings.TrimSuffix(w[len(w)-1], "s")
		if !verbs[head] && !verbs[w[len(w)-1]] {
			sh.Programs = append(sh.Programs, p)
			continue
		}
		for i, t := range r.toks {
			if strings.TrimSuffix(t.Word(), "s") != head {
				continue
			}
			// "Lindiwe shows MQLs at 109%": a person the sheet names is a
			// subject too (blind round sbs69).
			if i > 0 && r.toks[i-1].Sentence() == t.Sentence() && (before[r.toks[i-1].Word()] || named[r.toks[i-1].Word()] ||
				r.isName(i-1) && !slices.Contains(w, r.toks[i-1].Word())) {
				continue
			}
			if i+1 < len(r.toks) && r.toks[i+1].Sentence() == t.Sentence() && (after[r.toks[i+1].Word()] || named[r.toks[i+1].Word()] || startsDigit(r.toks[i+1].Word())) {
				continue
			}
			sh.Programs = append(sh.Programs, p)
			break
		}
	}
	// A program the text names only as someone else's ("told them to
	// work their own prospect lists first") is not marketing's to fix.
	// Nor is one the sales leader brings in ("he's also put in his 2027
	// plan to ... move it to a distributor rebate program"): named only
	// with "a" or "an", in sentences the sales leader is the subject of.
	sh.Programs = slices.DeleteFunc(sh.Programs, func(p string) bool {
		return r.othersOnly(p, named) || r.leadersOnly(p, sh.Leader.Name)
	})
	// A program told only as history ("In 2024 I bought a content
	// syndication campaign") goes after one the text also names in the
	// present or the future ("the stand for next spring's show"): a plan
	// that starts a change with a program starts with a live one.
	past := make(map[string]bool, len(sh.Programs))
	for _, p := range sh.Programs {
		past[p] = r.pastOnly(p)
		if past[p] {
			sh.PastPrograms = append(sh.PastPrograms, p)
		}
	}
	sort.SliceStable(sh.Programs, func(i, j int) bool { return !past[sh.Programs[i]] && past[sh.Programs[j]] })
	if wins := r.of("wins"); len(wins) > 0 {
		won := map[int]bool{}
		for _, h := range wins {
			won[r.toks[h.first].Sentence()] = true
		}
		for _, p := range sh.Programs {
			if r.everyUse(p, func(t match.Token) bool { return won[t.Sentence()] }) {
				sh.WonPrograms = append(sh.WonPrograms, p)
			}
		}
	}
	// A program named where the sales leader speaks ("he said marketing
	// 'sends us names, not customers' and that he will not put his
	// engineers on trade fair contacts again") is the one the plan's
	// change starts with: it is the complaint to answer.
	spoken := map[int]bool{}
	for _, q := range sh.Quotes {
		if q.Speaker == "sales_leader" {
			spoken[r.toks[r.tokenAt(q.Start)].Sentence()] = true
		}
	}
	// Each program is looked up once, not once per comparison: a long
	// text has many tokens to read for each.
	inSpeech := make(map[string]bool, len(sh.Programs))
	if len(spoken) > 0 {
		for _, p := range sh.Programs {
			said := false
			r.everyUse(p, func(t match.Token) bool {
				said = said || spoken[t.Sentence()]
				return true
			})
			inSpeech[p] = said
		}
	}
	sort.SliceStable(sh.Programs, func(i, j int) bool { return inSpeech[sh.Programs[i]] && !inSpeech[sh.Programs[j]] })
	// The first program is a complaint only where the sales leader
	// quotes or speaks of it, or it is told in a sentence about them.
	if len(sh.Programs) > 0 && !past[sh.Programs[0]] {
		r.everyUse(sh.Programs[0], func(t match.Token) bool {
			sh.ProgramCited = sh.ProgramCited || spoken[t.Sentence()] || r.mentions(t.Sentence(), sh)
			return true
		})
	}
}

// othersOnly reports whether every use of program p's head noun has,
// within the four words before it in its clause, a determiner that makes
// it someone else's (playbook sheet.own maps it to "": "his", "their")
// or a named person's possessive ("Kieran's"), with no "our" or "my"
// nearer to it.
func (r *reader) othersOnly(p string, named map[string]bool) bool {
	own := r.pb.Sheet.Own
	return r.everyUse(p, func(t match.Token) bool {
		i := r.tokenAt(t.Start())
		for k := i - 1; k >= 0 && k >= i-4 && r.toks[k].Clause() == t.Clause(); k-- {
			w := r.toks[k].Word()
			if det, ok := own[w]; ok {
				return det == ""
			}
			if n := r.name(k); n != r.bareName(k) && named[strings.ToLower(r.bareName(k))] {
				return true
			}
		}
		return false
	})
}

// leadersOnly reports whether every use of program p's head noun comes
// after "a" or "an" (within the three words before it, in its clause) in
// a sentence that opens with the sales leader (their name or "he",
// "she"): a program the sales leader proposes, not one of marketing's.
func (r *reader) leadersOnly(p, leader string) bool {
	return r.everyUse(p, func(t match.Token) bool {
		i := r.tokenAt(t.Start())
		first := r.sent[t.Sentence()][0]
		w := r.toks[first].Word()
		if w != "he" && w != "she" && w != "he's" && w != "she's" && (leader == "" || !sameName(r.bareName(first), leader)) {
			return false
		}
		for k := i - 1; k >= 0 && k >= i-3 && r.toks[k].Clause() == t.Clause(); k-- {
			switch r.toks[k].Word() {
			case "a", "an":
				return true
			case "the", "our", "my", "this", "that":
				return false
			}
		}
		return false
	})
}

// startsDigit reports whether w starts with a digit: a number after a
// noun that is also a verb makes it the verb ("shows 40%").
func startsDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

// dropDatedPrograms drops a program the text names only as a date ahead
// ("Commercial conference is January 14, she runs it"): it is a
// deadline, not a program of marketing's that a plan could cut or fix.
func (r *reader) dropDatedPrograms(sh *Sheet) {
	if len(sh.Deadlines) == 0 {
		return
	}
	sh.Programs = slices.DeleteFunc(sh.Programs, func(p string) bool {
		return r.everyUse(p, func(t match.Token) bool {
			for _, d := range sh.Deadlines {
				if t.Start() >= d.Start && t.End() <= d.End {
					return true
				}
			}
			return false
		})
	})
}

// pastOnly reports whether every sentence that names program p (by its
// last word) is dated in the past: "ago", "in 2024", "last year",
// "previously", "back then".
func (r *reader) pastOnly(p string) bool {
	return r.everyUse(p, func(t match.Token) bool { return r.pastDated(t.Sentence()) })
}

// everyUse reports whether the text uses program p's head noun (its last
// word, singular or plural) at least once outside quotes, and every such
// use passes ok.
func (r *reader) everyUse(p string, ok func(match.Token) bool) bool {
	w := strings.Fields(strings.ToLower(p))
	if len(w) == 0 {
		return false
	}
	head := strings.TrimSuffix(w[len(w)-1], "s")
	seen := false
	for _, t := range r.toks {
		if strings.TrimSuffix(t.Word(), "s") != head || t.Quoted() {
			continue
		}
		seen = true
		if !ok(t) {
			return false
		}
	}
	return seen
}

// pastDated reports whether sentence s is dated in the past, and looks
// nowhere ahead ("In 2027 we will ..." is not).
func (r *reader) pastDated(s int) bool {
	lo, hi := r.sent[s][0], r.sent[s][1]
	for k := lo; k <= hi; k++ {
		if w := r.toks[k].Word(); proposalWords[w] || w == "next" || w == "upcoming" {
			return false
		}
	}
	for k := lo; k <= hi; k++ {
		w := r.toks[k].Word()
		switch {
		case w == "ago", w == "previously", w == "formerly":
			return true
		// "the previous team ran a webinar series", "my predecessor's
		// event": what someone before the user did.
		case w == "previous" || w == "predecessor" || w == "predecessors":
			return true
		case w == "last" && k+1 <= hi && pastPeriods[r.toks[k+1].Word()]:
			return true
		case w == "back" && k+1 <= hi && r.toks[k+1].Word() == "then":
			return true
		// "the webinar from March": a thing's month of origin.
		case w == "from" && k+1 <= hi && monthNumber[r.toks[k+1].Word()] != 0:
			return true
		// "He brought up the webinar in March": a month in a sentence
		// told in the past tense.
		case w == "in" && k+1 <= hi && monthNumber[r.toks[k+1].Word()] != 0 && r.pastTense(lo, hi):
			return true
		case w == "in" && k+1 <= hi && len(r.toks[k+1].Word()) == 4 && strings.HasPrefix(r.toks[k+1].Word(), "20"):
			return true
		// "ran a webinar series in Q2": a quarter, told in the past tense.
		case w == "in" && k+1 <= hi && quarterName(r.toks[k+1].Word()) && r.pastTense(lo, hi):
			return true
		}
	}
	return false
}

// quarterName reports whether w names a quarter of the year: "q2".
func quarterName(w string) bool {
	return len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4'
}

// pastTense reports whether tokens lo..hi hold a verb in the past tense:
// a regular form in -ed after a subject word, or a common irregular one.
func (r *reader) pastTense(lo, hi int) bool {
	for k := lo; k <= hi; k++ {
		w := r.toks[k].Word()
		if pastForms[w] || strings.HasSuffix(w, "ed") && k > lo && subjectWords[r.toks[k-1].Word()] {
			return true
		}
	}
	return false
}

// pastForms are common irregular verbs in the past tense.
var pastForms = set([]string{"was", "were", "had", "did", "ran", "got", "brought", "spent", "sent", "went", "came", "made", "took", "said", "told", "gave", "bought", "held", "built", "saw", "put"})

// subjectWords stand before a verb as its subject.
var subjectWords = set([]string{"i", "we", "he", "she", "they", "it", "you", "marketing", "sales"})

// pastPeriods follow "last" in a date in the past: "last year", "last
// spring".
var pastPeriods = set([]string{"year", "quarter", "month", "spring", "summer", "autumn", "fall", "winter", "season", "cycle"})

// acts records the sentences that hold the user's own moves: the
// temptations, the artifacts, the changes and the escalation made
// (Sheet.Acts).
func (r *reader) acts(sh *Sheet) {
	seen := map[int]bool{}
	add := func(at int) {
		i := r.tokenAt(at)
		if i >= len(r.toks) {
			return
		}
		s := r.toks[i].Sentence()
		if seen[s] {
			return
		}
		seen[s] = true
		sh.Acts = append(sh.Acts, r.span(r.sent[s][0], r.sent[s][1]))
	}
	for _, t := range sh.Temptations {
		add(t.Start)
	}
	for _, a := range sh.Artifacts {
		add(a.Start)
	}
	// A change the user made ("three weeks ago I raised the scoring
	// threshold") is their move, not the record the sales leader judges.
	for _, c := range sh.Changes {
		add(c.Start)
	}
	// A thing the user made that the artifact reader could not name ("In
	// October I prepared presentation with data for him").
	for _, h := range r.of("artifact") {
		s := r.toks[h.first].Sentence()
		if r.toks[h.first].Quoted() || !r.firstPerson(s) {
			continue
		}
		made := len(r.inSentence("state", s)) > 0
		for k := r.sent[s][0]; k <= r.sent[s][1] && !made; k++ {
			made = madeVerbs[r.toks[k].Word()]
		}
		if made {
			add(r.toks[h.first].Start())
		}
	}
	if sh.WentAbove != nil {
		add(sh.WentAbove.Start)
	}
	sort.Slice(sh.Acts, func(i, j int) bool { return sh.Acts[i].Start < sh.Acts[j].Start })
}

// proposed reports whether the number at token i is in a clause about
// something wanted or planned ("next year he wants to cut the Google Ads
// budget by 40%"): a proposal, not a result on anyone's scoreboard.
func (r *reader) proposed(i int) bool {
	return r.clauseAroundHas(i, proposalWords)
}

// proposalWords mark a clause as wanted or planned.
var proposalWords = set([]string{"wants", "want", "wanted", "proposes", "proposed", "proposing", "plans", "planning", "will", "would", "going", "intends", "threatens", "threatened"})

// questionAsked reads the user's last question about a move they weigh:
// a question that opens with an ask_move phrase (after a few lead words
// such as "so" or "honestly"), or has one after "or", about the move in
// its own sentence or, failing that, the last move named in the four
// sentences before it ("I've drafted an email ... Should I send it?").
func (r *reader) questionAsked(sh *Sheet) {
	if len(sh.Temptations) == 0 {
		return
	}
	var asked []int // every move a question asks about, in order
	for _, h := range r.of("ask_move") {
		s := r.toks[h.first].Sentence()
		if r.toks[h.first].Quoted() || !r.question(s) {
			continue
		}
		lo := r.sent[s][0]
		for lo < h.first && questionLead[r.toks[lo].Word()] {
			lo++
		}
		// "which figure goes in the pack, and should I ask Ravi to take
		// it to the CEO?": a second question joined by "and" asks too.
		if w := r.toks[h.first].Word(); h.first != lo && w != "or" && w != "and" && r.toks[h.first-1].Word() != "or" && r.toks[h.first-1].Word() != "and" {
			continue
		}
		// A question that names its own move ("or should I accept the
		// brochure role?") asks about that move, not an earlier one; only
		// a bare question ("Should I?", "Should I send it?", "Is that a
		// bad idea?") asks about the move named before it, and one about
		// doing nothing ("Should I just let it go?") asks about none.
		end := r.sent[s][1]
		bare := end-h.last <= 3
		for k := h.last + 1; k <= end && k <= h.last+3; k++ {
			bare = bare || backRefs[r.toks[k].Word()]
		}
		// "Is that right, or is there something better ...?": the
		// question's own words point back.
		// "Which is right?" after two moves weighs them both.
		for k := h.first; k <= h.last && !bare; k++ {
			bare = r.toks[k].Word() == "that" || r.toks[k].Word() == "this" || r.toks[k].Word() == "which"
		}
		// "Is good idea or I will make war with Ricardo?": what follows
		// "or" is what the move may lead to, not another move named.
		if h.last+1 <= end && r.toks[h.last+1].Word() == "or" && !r.toks[h.first].Quoted() {
			bare = true
		}
		// "I keep wanting to go straight to Thandi ... Should I go to
		// her?": a pronoun that stands for someone from leadership points
		// back to the escalation named before.
		execRef := false
		if execs := r.execNames(sh); !bare && len(execs) > 0 {
			for k := h.last + 1; k <= end && k <= h.last+4; k++ {
				if w := r.toks[k].Word(); (w == "him" || w == "her") && r.execBefore(k, execs, sh) {
					execRef = true
				}
			}
		}
		// "Should I first talk to Kerem or send directly to Haluk?" names
		// people, not a move: it asks how to carry the move named just
		// before it.
		carries := !bare && r.namesPeople(s, sh)
		k := h.last + 1
		for k <= end && r.toks[k].Word() == "just" {
			k++
		}
		if k <= end && inaction[r.toks[k].Word()] {
			bare = false
		}
		// "Should I do the presentation the way she wants?" asks about
		// the move someone else put to the user.
		echo := false
		for k := h.last + 1; k+1 <= end; k++ {
			if pronouns[r.toks[k].Word()] && wishVerbs[r.toks[k+1].Word()] {
				echo = true
			}
		}
		// "Should I do that, and should I fight to keep the SDRs?": a move
		// named after the next question in the sentence belongs to that
		// question, not to this one.
		next := len(r.text)
		for _, h2 := range r.of("ask_move") {
			if h2.first > h.last && r.toks[h2.first].Sentence() == s && r.toks[h2.first].Start() < next {
				next = r.toks[h2.first].Start()
			}
		}
		move := -1
		for i, t := range sh.Temptations {
			ts := r.toks[r.tokenAt(t.Start)].Sentence()
			if ts == s && t.Start >= next {
				continue
			}
			switch {
			case echo && t.From != "" && ts < s && r.sentencesBack(ts, s) <= 4 && (move < 0 || r.toks[r.tokenAt(sh.Temptations[move].Start)].Sentence() != s):
				move = i
			case ts == s:
				// Of two moves in an either-or question ("Do I walk in with
				// a number, or walk in with a plan?"), the first is the one
				// asked about.
				if move < 0 || r.toks[r.tokenAt(sh.Temptations[move].Start)].Sentence() != s {
					move = i
				}
			case bare && ts < s && r.sentencesBack(ts, s) <= 4 && (move < 0 || r.toks[r.tokenAt(sh.Temptations[move].Start)].Sentence() != s):
				move = i
			case execRef && slices.Contains(t.Kinds, "escalated") && ts < s && r.sentencesBack(ts, s) <= 4 && (move < 0 || r.toks[r.tokenAt(sh.Temptations[move].Start)].Sentence() != s):
				move = i
			case carries && ts == s-1 && (move < 0 || r.toks[r.tokenAt(sh.Temptations[move].Start)].Sentence() != s):
				move = i
			}
		}
		if move < 0 {
			continue
		}
		// "Alicia wants me to walk Nate through the model ... Should I do
		// the Nate meeting?": a question naming a move of the same kind
		// as one someone put to the user just before asks about theirs.
		if m := sh.Temptations[move]; m.From == "" && len(m.Kinds) > 0 {
			for i, t := range sh.Temptations {
				ts := r.toks[r.tokenAt(t.Start)].Sentence()
				if i != move && t.From != "" && len(t.Kinds) > 0 && t.Kinds[0] == m.Kinds[0] && ts < s && r.sentencesBack(ts, s) <= 4 {
					move = i
				}
			}
		}
		sp := r.span(r.sent[s][0], r.sent[s][1])
		if end := sp.End; end < len(r.text) && r.text[end] == '?' {
			sp.End, sp.Text = end+1, r.text[sp.Start:end+1]
		}
		// Of several questions, the last is answered first; the moves
		// the others ask about, and a second move in the same question,
		// are answered after it.
		asked = append(asked, move)
		for i, t := range sh.Temptations {
			if i != move && r.toks[r.tokenAt(t.Start)].Sentence() == s {
				asked = append(asked, i)
			}
		}
		sh.Question = &Question{Span: sp, Move: move, Either: r.either(s), Whom: carries && r.toks[r.tokenAt(sh.Temptations[move].Start)].Sentence() != s, Negative: negativeVerdict(r.pb, sp.Text), LeaderFirst: sh.namesLeader(sp.Text) && strings.Contains(strings.ToLower(sp.Text), " first")}
	}
	if sh.Question == nil {
		return
	}
	q := sh.Question
	first := func(i int) string {
		if k := sh.Temptations[i].Kinds; len(k) > 0 {
			return k[0]
		}
		return ""
	}
	for _, i := range asked {
		if k := first(i); k != "" && k != first(q.Move) && !slices.Contains(q.Also, i) {
			q.Also = append(q.Also, i)
		}
	}
}

// sentencesBack is how many sentences back from sentence s sentence ts
// (ts < s) lies, not counting the sentences of a quoted draft or
// message between them: "my draft reply: \"...four sentences...\"
// should I send this?" asks about the draft one sentence back.
func (r *reader) sentencesBack(ts, s int) int {
	n := 0
	for p := ts + 1; p <= s; p++ {
		if p < s && r.sent[p][1] >= r.sent[p][0] && r.toks[r.sent[p][0]].Quoted() {
			continue
		}
		n++
	}
	return n
}

// proposes reads the user's last question asking what to propose or
// bring ("What should I propose there?"), or a sentence saying they do
// not know what to ("not sure what to bring"): ask_propose words, not
// quoted, in a question or after "what to".
func (r *reader) proposes(sh *Sheet) {
	sh.Proposes = r.lastAsked("ask_propose")
	sh.AsksBefore = r.lastAsked("ask_before")
	sh.AsksRead = r.lastAsked("ask_read")
}

// escalationAsked reads a question that weighs taking the matter above
// the sales leader without a move verb of the user's own ("Is there
// anything I can still do with Herr Brandt, or is this now only a
// question for the MD?"), when no question about a move was read: the
// words become an escalation weighed, and the question asks about it.
func (r *reader) escalationAsked(sh *Sheet) {
	if sh.Question != nil {
		return
	}
	for _, h := range r.of("ask_escalate") {
		s := r.toks[h.first].Sentence()
		if r.toks[h.first].Quoted() || !r.question(s) {
			continue
		}
		or := false
		for k := r.sent[s][0]; k <= r.sent[s][1]; k++ {
			or = or || r.toks[k].Word() == "or"
		}
		if !or {
			continue
		}
		sp := r.span(h.first, h.last)
		move := -1
		for i, t := range sh.Temptations {
			if t.Start < sp.End && sp.Start < t.End {
				move = i
			}
		}
		if move < 0 {
			sh.Temptations = append(sh.Temptations, Temptation{Span: sp, Kinds: []string{"escalated"}})
			move = len(sh.Temptations) - 1
		}
		q := r.span(r.sent[s][0], r.sent[s][1])
		if end := q.End; end < len(r.text) && r.text[end] == '?' {
			q.End, q.Text = end+1, r.text[q.Start:end+1]
		}
		sh.Question = &Question{Span: q, Move: move, Either: true}
	}
}

// lastAsked is the last sentence holding a hit of the sheet pattern key,
// not quoted, that is a question or says "what to": the whole sentence,
// its question mark included.
func (r *reader) lastAsked(key string) *Span {
	var last *Span
	for _, h := range r.of(key) {
		s := r.toks[h.first].Sentence()
		if r.toks[h.first].Quoted() || (!r.question(s) && r.toks[h.first+1].Word() != "to") {
			continue
		}
		sp := r.span(r.sent[s][0], r.sent[s][1])
		if end := sp.End; end < len(r.text) && r.text[end] == '?' {
			sp.End, sp.Text = end+1, r.text[sp.Start:end+1]
		}
		last = &sp
	}
	return last
}

// namesPeople reports whether sentence s names the sales leader and
// someone else the text names, by name: who to take a move to.
func (r *reader) namesPeople(s int, sh *Sheet) bool {
	leader, other := false, false
	for k := r.sent[s][0]; k <= r.sent[s][1]; k++ {
		w := r.toks[k].Word()
		if sh.Leader.Name != "" && sameName(w, sh.Leader.Name) {
			leader = true
			continue
		}
		for _, p := range sh.People {
			if p.Name != "" && sameName(w, p.Name) {
				other = true
			}
		}
	}
	return leader && other
}

// either reports whether the question in sentence s weighs two courses:
// "or" with a clause of at least two words after it ("or present it at
// the QBR as planned?", not "or not?"), or a next sentence that opens
// with "or" and asks ("Or talk with Patricia first?").
func (r *reader) either(s int) bool {
	lo, hi := r.sent[s][0], r.sent[s][1]
	for k := lo + 1; k < hi-1; k++ {
		// "or it will make Radim angry?" says what the move may cause.
		if r.toks[k].Word() == "or" && backRefs[r.toks[k+1].Word()] && consequence[r.toks[k+2].Word()] {
			continue
		}
		if r.toks[k].Word() == "or" && !r.toks[k].Quoted() && r.toks[k+1].Word() != "not" && r.toks[k+1].Word() != "something" && r.toks[k+1].Word() != "anything" {
			return true
		}
	}
	if s+1 < len(r.sent) {
		n := r.sent[s+1][0]
		return r.toks[n].Word() == "or" && r.question(s+1)
	}
	return false
}

// wishVerbs after a pronoun say whose wish a question echoes: "the way
// she wants", "what he asked for".
var wishVerbs = map[string]bool{"wants": true, "wanted": true, "asked": true, "asks": true, "suggests": true, "suggested": true, "expects": true}

// consequence follow "or it" when the words after "or" say what a move
// may cause ("or it will make Radim angry?"), not a second course.
var consequence = map[string]bool{"will": true, "would": true, "might": true, "could": true, "may": true, "makes": true}

// questionLead are the words that may open a question before what it
// asks: "So should I send it?", "Honestly, is that a bad idea?".
var questionLead = map[string]bool{"so": true, "and": true, "but": true, "then": true, "honestly": true, "basically": true, "ok": true, "okay": true, "now": true, "also": true, "anyway": true, "well": true, "seriously": true, "realistically": true, "question": true, "q": true, "my": true}

// reportVerb reports whether hit h is "report" used as a verb: after a
// subject ("we both report", "who reports") or before "to", "into",
// "against" ("report to the CEO", "both report against").
func (r *reader) reportVerb(h hit) bool {
	if h.first != h.last {
		return false
	}
	switch r.toks[h.first].Word() {
	case "report", "reports", "reporting", "reported":
	default:
		return false
	}
	if k := h.last + 1; k < len(r.toks) && (reportVerbAfter[r.toks[k].Word()] || r.toks[k].Word() == "against") {
		return true
	}
	if k := h.first - 1; k >= 0 && reportSubjects[r.toks[k].Word()] {
		return true
	}
	return false
}

// reportSubjects stand before "report" used as a verb: "we both report".
var reportSubjects = map[string]bool{"i": true, "we": true, "they": true, "he": true, "she": true, "who": true, "both": true, "also": true, "directly": true, "still": true}

// reportVerbAfter follow "report" used as a verb: "report to", "report
// directly into".
var reportVerbAfter = map[string]bool{"to": true, "into": true, "directly": true, "straight": true, "up": true}

// backRefs point a question back at a move named before it: "Should I
// send it?", "Is that a bad idea?".
var backRefs = map[string]bool{"it": true, "that": true, "this": true, "them": true, "so": true}

// inaction opens a question about doing nothing: "Should I just let it
// go?", "Do I wait?".
var inaction = map[string]bool{"let": true, "leave": true, "drop": true, "ignore": true, "wait": true, "hold": true, "stay": true, "sit": true, "accept": true, "give": true}

// sentNouns are the nouns and present-tense forms a "sent" state pattern
// also matches by stem ("email" for "emailed"): they say nothing was sent.
var sentNouns = map[string]bool{"email": true, "emails": true, "post": true, "posts": true, "share": true, "shares": true, "forward": true, "forwards": true, "present": true, "presents": true, "show": true, "shows": true, "publish": true, "publishes": true}

// sizeNouns after a number and "in" give the company's size ("$160M in
// revenue"): context, not a result to restate.
var sizeNouns = map[string]bool{"revenue": true, "revenues": true, "turnover": true, "sales": true, "arr": true, "bookings": true}

// welcomed reports whether sentence s, or the one after it, tells of the
// sales leader taking up what the user made (sheet.welcomed), said of
// them, not denied.
func (r *reader) welcomed(s int, sh *Sheet) bool {
	for _, at := range []int{s, s + 1} {
		if at >= len(r.sent) || !r.mentions(at, sh) {
			continue
		}
		for _, h := range r.inSentence("welcomed", at) {
			if !r.toks[h.first].Quoted() && !r.negated(h.first) {
				return true
			}
		}
	}
	return false
}
