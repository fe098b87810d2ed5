package plan

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/align-coach/align/playbook"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/sheet"
)

// withSheet completes the diagnosis's facts from the fact sheet: the
// sales leader's name and title where the diagnosis found none, and only
// the quotes the sheet does not give to someone else, and only the
// programs the text names as nouns. The sales leader's words are never
// quoted from the President's mouth.
func withSheet(d align.Diagnosis, sh sheet.Sheet) align.Diagnosis {
	f := d.Facts
	if f.Leader.Name == "" && sh.Leader.Name != "" {
		f.Leader.Name = sh.Leader.Name
	}
	if f.Leader.Title == "" && sh.Leader.Role != "" {
		f.Leader.Title = sh.Leader.Role
	}
	var quotes []align.Evidence
	for _, q := range f.Quotes {
		// Someone else's words, the user's own, or a term nothing
		// introduces as speech ("logged as 'partner-sourced'").
		if sq, ok := sh.QuoteAt(q.Start); ok && sq.Speaker != "sales_leader" {
			continue
		}
		quotes = append(quotes, q)
	}
	f.Quotes = quotes
	// A program told only as history cannot be where a change starts.
	// Nor can one told only as the source of a win: it is no complaint.
	f.Programs = slices.DeleteFunc(slices.Clone(sh.Programs), func(p string) bool {
		return slices.Contains(sh.PastPrograms, p) || slices.Contains(sh.WonPrograms, p)
	})
	// An escalation the user says they made is one, whether or not the
	// reader's signals caught it ("I sent our CEO the dashboard").
	if sh.WentAbove != nil && !slices.Contains(f.Tried, "escalated") {
		f.Tried = append(slices.Clone(f.Tried), "escalated")
		slices.Sort(f.Tried)
	}
	// A talk with the sales leader the text tells as held and then as
	// failed ("in our one-on-one, I asked ... He got irritated") is a
	// direct conversation tried, whether or not the reader's signals
	// caught it.
	if sh.HeldFailed && !slices.Contains(f.Tried, "direct_conversation") {
		f.Tried = append(slices.Clone(f.Tried), "direct_conversation")
		slices.Sort(f.Tried)
	}
	// A lead-rule change the user says they made without the sales
	// leader is one, whether or not the reader's signals caught it ("I
	// added a Sales Accepted stage ... I never walked Nadia through it").
	// A change the sales leader asked for ("which Joaquin asked for") was
	// not made without them.
	if sh.Requested != nil && sh.Alone == nil && slices.Contains(f.Tried, "mql_change_without_sales") {
		f.Tried = slices.DeleteFunc(slices.Clone(f.Tried), func(c string) bool { return c == "mql_change_without_sales" })
	}
	if sh.Alone != nil && !slices.Contains(f.Tried, "mql_change_without_sales") {
		f.Tried = append(slices.Clone(f.Tried), "mql_change_without_sales")
		slices.Sort(f.Tried)
	}
	// A promised number is claimed only from the words of a promise, not
	// from a figure the user reported ("We did 1,240 last quarter").
	if slices.Contains(f.Tried, "committed_number") && !sh.Promised {
		f.Tried = slices.DeleteFunc(slices.Clone(f.Tried), func(c string) bool { return c == "committed_number" })
	}
	// Data claimed as sent is not, when every piece of data the text
	// names is still a draft or in the making ("I have a 9-slide deck
	// ... Not sent yet."): the plan would open by owning a deck nobody
	// has seen.
	if slices.Contains(f.Tried, "data_deck") && unsentData(sh) {
		f.Tried = slices.DeleteFunc(slices.Clone(f.Tried), func(c string) bool { return c == "data_deck" })
	}
	// A direct conversation claimed is not, when the only meetings the
	// text tells of were cancelled, declined or unanswered ("both times
	// he cancelled the same morning") and none is told as held: the plan
	// would answer a talk that never took place.
	if slices.Contains(f.Tried, "direct_conversation") && sh.Unmet != nil && !sh.Held && !sh.Failed {
		f.Tried = slices.DeleteFunc(slices.Clone(f.Tried), func(c string) bool { return c == "direct_conversation" })
	}
	// A direct conversation read from a meeting the user calls no real
	// conversation ("it was fine but surface level") was not one: the
	// playbook's is an honest one on one.
	if slices.Contains(f.Tried, "direct_conversation") && sh.Shallow != nil && !sh.Failed && shallowOnly(f, *sh.Shallow) {
		f.Tried = slices.DeleteFunc(slices.Clone(f.Tried), func(c string) bool { return c == "direct_conversation" })
	}
	// A move the user says they are weighing is a temptation the plan
	// answers, whether or not the reader's signals caught it.
	for _, t := range sh.Temptations {
		for _, k := range t.Kinds {
			if !slices.Contains(f.Tempted, k) {
				f.Tempted = append(f.Tempted, k)
			}
		}
	}
	// A tenure the reader missed but the user's own sentence gives ("four
	// years in") is used, so the plan neither asks nor assumes it.
	if f.Tenure == align.Unknown && sh.Tenure != "" {
		f.Tenure = sh.Tenure
	}
	d.Facts = f
	return d
}

// shallowOnly reports whether every sentence the reader took as the
// direct conversation lies inside the shallow meeting's sentence sp.
func shallowOnly(f align.Facts, sp sheet.Span) bool {
	n := 0
	for _, e := range f.Evidence["tried"] {
		if !strings.HasSuffix(e.Signal, "direct_conversation") && e.Signal != "tr-direct" {
			continue
		}
		n++
		if e.Start < sp.Start || e.Start >= sp.End {
			return false
		}
	}
	return n > 0
}

// maxDueClause is the most words {dueclause} quotes.
const maxDueClause = 14

// sheetVals are the typed fillers the fact sheet gives plan texts. A
// filler the sheet cannot give is empty, and an option that needs it is
// skipped.
func sheetVals(sh sheet.Sheet, def map[string]string, score []string) map[string]string {
	v := map[string]string{"numbers": "", "figures": "", "event": "", "artifact": "", "Artifact": "", "sentartifact": "", "draft": "", "admission": "", "conviction": "", "valued": "", "temptation": "", "suspected": "", "weighing": "as you are weighing", "weighed": "you are weighing", "change": "", "deadline": "", "request": "", "seatpart": "", "booked": "", "bookedon": "", "bookedabove": "", "plannedon": "", "unmet": "", "undone": "", "stopped": "", "date": "", "due": "", "dueclause": ""}
	if len(sh.Deadlines) > 0 {
		v["deadline"] = nest(clean(sh.Deadlines[0].Text))
		// The user's own words for what falls on the date, when they
		// are short enough to quote in the urgency line ("Julián signs
		// off the 2027 incentive plans on 15 December").
		// Cut after the date when more follows it ("..., and Beatriz
		// is drafting the targets this month").
		if dl, dd := sh.Deadlines[0], sh.DeadlineDate; sh.Due != "" {
			words := dl.Text
			if dd != nil && dd.Start >= dl.Start && dd.End <= dl.End && len(strings.Fields(words)) > maxDueClause {
				words = dl.Text[:dd.End-dl.Start]
			}
			if len(strings.Fields(words)) <= maxDueClause {
				v["dueclause"] = nest(clean(words))
			}
		}
	}
	if sh.Suspected != nil {
		v["suspected"] = nest(clean(sh.Suspected.Text))
	}
	if sh.DeadlineDate != nil {
		v["date"] = clean(sh.DeadlineDate.Text)
	}
	// A day the plan can name for certain is named so ("Friday 4
	// December"), whatever the words were ("this Friday", "the 4th").
	v["due"] = sh.Due
	if sh.Due != "" {
		v["date"] = sh.Due
	}

	var nums []string
	for _, n := range sh.Numbers {
		nums = append(nums, yours(clean(n.Text)))
	}
	v["numbers"] = joinAnd(nums)
	// The clause a number stands in says what it means; the number alone
	// ("one deal") does not.
	if sp, ok := scoreFigure(sh, score); ok {
		v["figures"] = nest(clean(sp.Text))
	}
	if len(sh.Events) > 0 {
		v["event"] = clean(sh.Events[0].Text)
	}
	if a, ok := sh.Data(); ok {
		v["artifact"] = a.Phrase
		v["Artifact"] = capital(a.Phrase)
		// Said to the sales leader, "your 14-slide deck" is the user's
		// deck, not theirs.
		v["sentartifact"] = a.Phrase
		if rest, ok := strings.CutPrefix(a.Phrase, "your "); ok {
			v["sentartifact"] = "my " + rest
		}
	}
	v["bookedabove"] = sh.BookedAboveOn
	v["plannedon"] = sh.PlannedOn
	if sh.Unmet != nil {
		v["unmet"] = nest(clean(sh.Unmet.Text))
	}
	if sh.Admits != nil {
		v["admission"] = nest(clean(sh.Admits.Text))
	}
	if sh.Conviction != nil {
		v["conviction"] = nest(clean(sh.Conviction.Text))
	}
	if sh.Valued != nil {
		v["valued"] = nest(clean(sh.Valued.Text))
	}
	if sh.Undone != nil {
		v["undone"] = nest(clean(sh.Undone.Text))
	}
	if sh.Stopped != nil {
		v["stopped"] = nest(clean(sh.Stopped.Text))
	}

	if a, ok := sh.Draft(); ok {
		v["draft"] = a.Phrase
	}
	if len(sh.Changes) > 0 {
		v["change"] = clean(sh.Changes[len(sh.Changes)-1].Text)
	}
	if len(sh.Requests) > 0 {
		v["request"] = nest(clean(sh.Requests[0].Text))
	} else if len(sh.Asked) > 0 {
		v["request"] = nest(clean(sh.Asked[0].Text))
	}
	if sh.SeatPart != nil {
		v["seatpart"] = nest(clean(sh.SeatPart.Text))
	}
	if sh.Booked != nil {
		v["booked"] = nest(clean(sh.Booked.Text))
		v["bookedon"] = sh.BookedOn
	}
	return v
}

// sheetCites says where the fillers a plan quotes come from: the user's
// own words, each a span of their text.
func sheetCites(sh sheet.Sheet, score []string) map[string]Citation {
	out := map[string]Citation{}
	cite := func(key string, sp sheet.Span) {
		out[key] = Citation{Start: sp.Start, End: sp.End, Text: clean(sp.Text), Speaker: "user"}
	}
	if len(sh.Events) > 0 {
		cite("event", sh.Events[0])
	}
	if len(sh.Deadlines) > 0 {
		cite("deadline", sh.Deadlines[0])
	}
	if sp, ok := scoreFigure(sh, score); ok {
		cite("figures", sp)
	}
	if len(sh.Changes) > 0 {
		cite("change", sh.Changes[len(sh.Changes)-1])
	}
	if sh.Unmet != nil {
		cite("unmet", *sh.Unmet)
	}
	if sh.Undone != nil {
		cite("undone", *sh.Undone)
	}
	if sh.Stopped != nil {
		cite("stopped", *sh.Stopped)
	}

	if sh.SeatPart != nil {
		cite("seatpart", *sh.SeatPart)
	}
	if sh.Admits != nil {
		cite("admission", *sh.Admits)
	}
	if sh.Conviction != nil {
		cite("conviction", *sh.Conviction)
	}
	if sh.Valued != nil {
		cite("valued", *sh.Valued)
	}
	if sh.Suspected != nil {
		cite("suspected", *sh.Suspected)
	}
	if sh.Booked != nil {
		cite("booked", *sh.Booked)
	}
	if len(sh.Requests) > 0 {
		sp := sh.Requests[0]
		out["request"] = Citation{Start: sp.Start, End: sp.End, Text: clean(sp.Text), Speaker: "sales_leader"}
	} else if len(sh.Asked) > 0 {
		// Told in the user's words, so cited as theirs.
		cite("request", sh.Asked[0])
	}
	return out
}

// bindTemptation points {temptation} at the first move the user weighs
// that the option speaks to (its first kind is one of the option's
// tempted codes; any move when it names none: "promise the CEO a number"
// is a number before it is an escalation) and that no earlier slot quoted, so two slots never quote
// the same words and an option about escalation never quotes a deck.
// It is empty when no such move is left.
func (c *ctx) bindTemptation(w playbook.When) {
	c.vals["temptation"], c.temptAt = "", -1
	c.vals["weighing"], c.vals["weighed"] = "as you are weighing", "you are weighing"
	delete(c.cites, "temptation")
	for i, t := range c.sh.Temptations {
		if c.temptUsed[i] || (len(w.Tempted) > 0 && !overlap(w.Tempted, t.Kinds[:1])) {
			continue
		}
		c.vals["temptation"], c.temptAt = nest(clean(t.Text)), i
		if t.From != "" {
			c.vals["weighing"], c.vals["weighed"] = "as "+t.From+" "+t.FromVerb, t.From+" "+t.FromVerb
		}
		c.cites["temptation"] = Citation{Start: t.Start, End: t.End, Text: clean(t.Text), Speaker: "user"}
		return
	}
}

// joinAnd joins noun phrases as a list is said: "a", "a and b", "a, b and c".
func joinAnd(xs []string) string {
	switch len(xs) {
	case 0:
		return ""
	case 1:
		return xs[0]
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// yours turns a phrase the user wrote about their own things into one a
// plan says to them: "130% of my lead target" becomes "130% of your lead
// target". Only numbers are restated this way; quotes stay verbatim.
func yours(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		switch x {
		case "my", "our":
			w[i] = "your"
		case "My", "Our":
			w[i] = "Your"
		}
	}
	return strings.Join(w, " ")
}

// nest renders a quotation inside words the plan itself puts in
// quotation marks: the inner marks become single ones, so a quoted
// clause that carries the sales leader's words reads "he told me, 'not
// now'" rather than breaking the outer quotation.
func nest(s string) string {
	if !strings.ContainsAny(s, "\"\u201c\u201d") {
		return s
	}
	return nester.Replace(s)
}

// nester is nest's replacer, made once: a Replacer builds its tables on
// first use and is safe for concurrent use, so a plan need not build one
// for every quotation.
var nester = strings.NewReplacer("\"", "'", "\u201c", "'", "\u201d", "'")

// Folded is words with every quotation mark, straight, curly or single,
// made one, and whitespace folded: how a test compares a plan's quotation
// with the text it quotes when a nested quotation was rendered.
func Folded(s string) string {
	return strings.NewReplacer("\"", "'", "\u201c", "'", "\u201d", "'", "\u2018", "'", "\u2019", "'").Replace(clean(s))
}

// unsentData reports whether the sheet names data the user made and
// none of it as sent. A message counts too when the user asks whether to
// send data ("i wrote an email to brian with a spreadsheet ... should i
// send it??"); otherwise one written may well be out ("I wrote the
// all-staff note myself").
func unsentData(sh sheet.Sheet) bool {
	asked := sh.Question != nil && sh.Question.Move < len(sh.Temptations) && slices.Contains(sh.Temptations[sh.Question.Move].Kinds, "data_deck")
	n := 0
	for _, a := range sh.Artifacts {
		if a.Kind != "data" && (a.Kind != "message" || !asked) {
			continue
		}
		// "I sent him an intro note offering coffee": a message already
		// sent is not data sent; only one still being weighed counts.
		if a.Kind == "message" && a.State == "sent" {
			continue
		}
		// "I went to the CEO with the deck": taken above is shown.
		if a.State == "sent" || (sh.WentAbove != nil && a.Start >= sh.WentAbove.Start && a.End <= sh.WentAbove.End) {
			return false
		}
		n++
	}
	return n > 0
}

// scoreFigure is the first figure whose clause says how someone is
// measured or paid (one of score, the structural type's words: "target",
// "quota", "bonus"): a figure the plan calls a scoreboard must be one
// ("at 71% of Q4 quota"), not a program's conversion ("about 1.2% turned
// into a meeting").
func scoreFigure(sh sheet.Sheet, score []string) (sheet.Span, bool) {
	for _, f := range sh.Figures {
		for _, w := range strings.FieldsFunc(strings.ToLower(f.Text), func(r rune) bool { return !unicode.IsLetter(r) }) {
			if slices.Contains(score, w) {
				return f, true
			}
		}
	}
	return sheet.Span{}, false
}

// occasion names what falls on the first date ahead, from the words of
// its deadline ("On 14 December we have 2027 planning meeting with CEO"
// gives "the 2027 planning meeting"): the one of playbook
// sheet.occasions named nearest before the date's own words, which start
// at byte cut of text (-1 when unknown), else the last of the first run
// of them, with up to two words before it that name it further (not a
// determiner, a date or a verb), in lower case unless written as an
// acronym. It is "" when the words name none.
func occasion(nouns []string, text string, cut int) string {
	split := func(t string) []string {
		return strings.FieldsFunc(t, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\''
		})
	}
	isNoun := func(w string) bool { return slices.Contains(nouns, strings.ToLower(w)) }
	// The occasion named nearest before the date ("the board meets on
	// 15 December and the board pack locks on 8 December", the date
	// being the 8th) is the date's; failing that, the first after it.
	words, at, after := split(text), -1, false
	if cut >= 0 && cut <= len(text) {
		before := split(text[:cut])
		for i := len(before) - 1; i >= 0; i-- {
			if isNoun(before[i]) {
				at = i
				break
			}
		}
		if at >= 0 {
			words = before
		} else {
			// After the date, only its own clause: in "due on 12 March
			// and the board sees the plan on 8 April" the board is the
			// 8th's.
			words, after = split(text[cut:]), true
			for i, w := range words {
				if lw := strings.ToLower(w); lw == "and" || lw == "but" || lw == "while" || lw == "whereas" {
					words = words[:i]
					break
				}
			}
		}
	}
	if at < 0 {
		for i, w := range words {
			if isNoun(w) {
				at = i
				for at+1 < len(words) && isNoun(words[at+1]) {
					at++
				}
				break
			}
		}
	}
	if at < 0 {
		return ""
	}
	// After the date, an occasion with a date of its own is that date's:
	// "by 4 December, for the board meeting on 10 December".
	if after {
		for _, w := range words[at+1:] {
			if monthNames[strings.ToLower(w)] || isYear(w) || w != "" && unicode.IsDigit(rune(w[0])) {
				return ""
			}
		}
	}
	say := func(w string) string {
		if len(w) > 1 && strings.ToUpper(w) == w && !isYear(w) {
			return w
		}
		return strings.ToLower(w)
	}
	lo := at
	for lo > 0 && at-lo < 2 && occasionModifier(words[lo-1]) {
		lo--
	}
	var out []string
	for _, w := range words[lo : at+1] {
		out = append(out, say(w))
	}
	// "The deck locks December 11": what falls on the date is the lock,
	// not the deck ("the deck lock is on Friday 11 December").
	if at+1 < len(words) {
		if n, ok := lockNouns[strings.ToLower(words[at+1])]; ok {
			out = append(out, n)
		}
	}
	return "the " + strings.Join(out, " ")
}

// monthNames are the months as the user writes them, in lower case.
var monthNames = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true, "august": true, "september": true, "october": true, "november": true, "december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// lockNouns turn the verb after an occasion's noun into what falls on the
// date: "locks" gives "lock".
var lockNouns = map[string]string{"locks": "lock", "lock": "lock", "closes": "close", "freezes": "freeze"}

// occasionModifier reports whether w may name an occasion further ("2027",
// "planning", "board", "exec"): a year, or a word that is no determiner,
// pronoun, preposition, verb form, month or weekday.
func occasionModifier(w string) bool {
	if isYear(w) {
		return true
	}
	lw := strings.ToLower(w)
	if lw == "" || unicode.IsDigit(rune(lw[0])) || occasionStops[lw] || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "'s") {
		return false
	}
	if _, err := time.Parse("January", strings.ToUpper(lw[:1])+lw[1:]); err == nil {
		return false
	}
	if _, err := time.Parse("Monday", strings.ToUpper(lw[:1])+lw[1:]); err == nil {
		return false
	}
	return true
}

// isYear reports whether w is a year written in four digits.
func isYear(w string) bool {
	return len(w) == 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && strings.Trim(w, "0123456789") == ""
}

// occasionStops never name an occasion further.
var occasionStops = map[string]bool{"the": true, "a": true, "an": true, "one": true, "only": true, "another": true, "every": true, "each": true, "our": true, "my": true, "their": true, "his": true, "her": true, "its": true, "your": true, "this": true, "that": true, "next": true, "on": true, "in": true, "at": true, "for": true, "with": true, "by": true, "of": true, "to": true, "before": true, "after": true, "until": true, "and": true, "or": true, "is": true, "are": true, "was": true, "will": true, "be": true, "have": true, "has": true, "we": true, "i": true, "they": true, "he": true, "she": true, "it": true, "there": true, "when": true, "where": true, "which": true, "who": true, "goes": true, "go": true, "locks": true, "meets": true, "starts": true, "due": true, "get": true, "gets": true, "set": true, "so": true, "then": true, "big": true, "final": true}

// dueAt is where in text the day of due ("Tuesday 8 December") is
// written, as "8 December", "8th of December" or "December 8", or -1.
func dueAt(text, due string) int {
	f := strings.Fields(due)
	if len(f) != 3 {
		return -1
	}
	lower := strings.ToLower(text)
	day, month := f[1], strings.ToLower(f[2])
	for _, form := range []string{day + " " + month, day + "th " + month, day + "st " + month, day + "nd " + month, day + "rd " + month,
		day + "th of " + month, day + "st of " + month, day + "nd of " + month, day + "rd of " + month, day + " of " + month, month + " " + day} {
		for from := 0; from < len(lower); {
			k := strings.Index(lower[from:], form)
			if k < 0 {
				break
			}
			k += from
			// A whole word: "18 December" is not "8 December".
			if (k == 0 || !unicode.IsDigit(rune(lower[k-1]))) && (k+len(form) == len(lower) || !unicode.IsDigit(rune(lower[k+len(form)]))) {
				return k
			}
			from = k + 1
		}
	}
	return -1
}
