// Package plan writes the SALES LEADER ALIGNMENT PLAN for a diagnosis.
//
// Every sentence comes from the playbook data (plan.sections): each
// section is a list of slots, each slot takes the first option whose
// conditions fit the diagnosis, and placeholders are filled with what the
// user told us (the sales leader's name, their own words, what was tried,
// the programs and people named). When an option offers several wordings,
// the choice is a hash of the situation text, so a plan is the same byte
// for byte on every run while two situations of one type read differently.
package plan

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
	"github.com/align-coach/align/sheet"
)

// Build writes the plan for a diagnosis. built is the date on the plan.
func Build(pb *playbook.Playbook, sit align.Situation, d align.Diagnosis, built time.Time) align.Plan {
	p, _ := build(pb, sit, d, built)
	return p
}

// Citation is words of the user's text that a plan quotes, with whose
// words the plan says they are.
type Citation struct {
	// Start and End are byte offsets into Situation.Text; Text is the
	// words as the plan quotes them (whitespace folded).
	Start, End int
	Text       string
	// Speaker is who the plan says the words are from: "sales_leader",
	// "user", or "" when the plan quotes them without saying whose.
	Speaker string
}

// Cited lists the words from the user's text that the plan for this
// diagnosis, dated built, quotes, in order, so that a test can hold every
// quote to the text and to its speaker.
func Cited(pb *playbook.Playbook, sit align.Situation, d align.Diagnosis, built time.Time) []Citation {
	_, cited := build(pb, sit, d, built)
	return cited
}

func build(pb *playbook.Playbook, sit align.Situation, d align.Diagnosis, built time.Time) (align.Plan, []Citation) {
	p, c := buildCtx(pb, sit, d, built)
	return p, c.cited
}

func buildCtx(pb *playbook.Playbook, sit align.Situation, d align.Diagnosis, built time.Time) (align.Plan, *ctx) {
	c := newCtx(pb, sit, d, built)
	p := align.Plan{
		TypeLine:    c.typeLine(),
		UrgencyLine: c.section("urgency"),
		Built:       built.Format("2006-01-02"),
		Assessment:  c.section("assessment"),
		Convo: align.Conversation{
			When:      c.section("when"),
			Who:       c.section("who"),
			Open:      c.section("open"),
			ListenFor: c.section("listen"),
			DoNotSay:  c.section("not_say"),
		},
		FirstChange: c.section("first_change"),
		Seat:        c.section("seat"),
		Escalation:  c.section("escalation"),
		WillNotWork: c.section("will_not_work"),
		Assumptions: c.assumptions(),
	}
	if p.Assumptions == nil {
		p.Assumptions = []align.Assumption{}
	}
	p.Assessment = joinSentences(p.Assessment, c.assumedLine(p.Assumptions))
	return p, c
}

// assumedLine is the sentence that ends the assessment when the plan
// assumed something its advice turns on (plan.assumed, with each
// assumption's clause, where its matters conditions hold): the
// playbook's format has no section for assumptions, and a plan must
// still say what it took as given. Empty when nothing was.
func (c *ctx) assumedLine(as []align.Assumption) string {
	var clauses []string
	for _, a := range as {
		def := c.pb.Plan.Assumptions[a.Field]
		matters := len(def.Matters) == 0
		for _, w := range def.Matters {
			matters = matters || c.holds(w)
		}
		if p, ok := c.pb.Plan.AssumptionsProactive[a.Field]; ok && c.d.Proactive {
			def = p
		}
		if matters {
			clauses = append(clauses, "that "+c.fill(def.Clause))
		}
	}
	line := c.pb.Plan.Assumed.More
	switch len(clauses) {
	case 0:
		return ""
	case 1:
		line = c.pb.Plan.Assumed.One
	case 2:
		line = c.pb.Plan.Assumed.Two
	}
	return strings.Replace(line, "{assumed}", joinAnd(clauses), 1)
}

// joinSentences joins two runs of sentences with a space, either of
// which may be empty.
func joinSentences(a, b string) string {
	if a == "" || b == "" {
		return a + b
	}
	return a + " " + b
}

// assumptions are the diagnosis's assumptions less those the plan states
// otherwise or the text settles (plan.assumptions.*.unless), read after
// the sections are written so that they can see what the plan quotes.
func (c *ctx) assumptions() []align.Assumption {
	var out []align.Assumption
	for _, a := range c.d.Assumptions {
		if !c.settled(a.Field) {
			out = append(out, a)
		}
	}
	return out
}

// Unsettled lists the diagnosis's missing setup facts less those the plan
// settles from the text (plan.assumptions.*.unless: a tenure or a
// reporting line the fact sheet read, the sales leader's words the plan
// quotes), so that no one is asked what the text already answers.
func Unsettled(pb *playbook.Playbook, sit align.Situation, d align.Diagnosis) []string {
	_, c := buildCtx(pb, sit, d, time.Time{})
	out := []string{}
	for _, m := range d.Facts.Missing {
		if !c.settled(m) {
			out = append(out, m)
		}
	}
	return out
}

// settled reports whether the plan or the text settles a missing fact.
func (c *ctx) settled(field string) bool {
	for _, w := range c.pb.Plan.Assumptions[field].Unless {
		if c.holds(w) {
			return true
		}
	}
	return false
}

// ctx is what conditions and placeholders read.
type ctx struct {
	pb   *playbook.Playbook
	d    align.Diagnosis
	sh   sheet.Sheet
	seed string
	// textHash is the FNV-1a hash of seed, taken once (seeded says so).
	textHash uint32
	seeded   bool
	vals     map[string]string
	// quoteCited is set when {evidence} already quotes the sales leader.
	quoteCited bool
	// reported is set when the quote the plan cites reached the user
	// second-hand; verbatim when {evidence} is the sales leader's own
	// words said to the user.
	reported, verbatim bool
	// saidOthers is set when {evidence} is the sales leader's own words
	// said to others, not to the user.
	saidOthers bool
	// echoed is set when the evidence is a sentence that holds the quote,
	// quoted still because the words were said to others: once the
	// evidence is cited, the plan says so without citing them again.
	echoed bool
	// hearsay is set when the quoted words were passed on to the user by
	// someone else, not just said to others in the user's hearing.
	hearsay bool
	// signal is set when the quoted words hold evidence for the dominant
	// type, so the plan may call them its signal.
	signal bool
	// said holds what the options picked so far talk about (Option.Says).
	said map[string]bool
	// changeGiven is set when the input gives a change made as a fact
	// (a case's change entry, or tried: program_change).
	changeGiven bool
	// cites maps a placeholder that quotes the user's text to where the
	// words are and whose the plan says they are; cited records each use.
	cites map[string]Citation
	cited []Citation
	// temptAt is the sheet temptation {temptation} holds (-1 for none);
	// temptUsed marks those a slot quoted, so each is quoted once.
	temptAt   int
	temptUsed map[int]bool
	// budget caches budgetAtStake, which When tests for every option.
	budget *bool
}

func newCtx(pb *playbook.Playbook, sit align.Situation, d align.Diagnosis, built time.Time) *ctx {
	sh := sheet.Read(pb, sit, d)
	// A date the plan's own date has passed is behind, not ahead.
	sh.DropPast(built)
	d = withSheet(d, sh)
	c := &ctx{pb: pb, d: d, sh: sh, seed: sit.Text, cites: map[string]Citation{}, said: map[string]bool{}, temptAt: -1, temptUsed: map[int]bool{}}
	f := d.Facts
	def := pb.Plan.Defaults
	title := f.Leader.Title
	// "runs sales" says what they do; it is not a title to put after
	// "your".
	if w, _, _ := strings.Cut(title, " "); f.Leader.Title != "" && verbTitle[strings.ToLower(w)] {
		f.Leader.Title, title = "", ""
		c.d.Facts.Leader.Title = ""
	}
	if title == "" {
		title = def["title"]
	}
	leader := f.Leader.Name
	if leader == "" {
		if f.Leader.Title != "" {
			leader = "your " + f.Leader.Title
		} else {
			leader = def["leader"]
		}
	}
	they, them, their, theyre := "they", "them", "their", "they are"
	switch f.Pronoun {
	case "he":
		they, them, their, theyre = "he", "him", "his", "he is"
	case "she":
		they, them, their, theyre = "she", "her", "her", "she is"
	}
	if f.Leader.Name == "" && f.Leader.Title == "" {
		they, them, their, theyre = "they", "them", "their", "they are"
	}
	boss := f.Boss
	if boss == "" {
		boss = def["boss"]
	}
	// Above a sales leader who is the user's own manager is their boss;
	// above one two levels up, the user's manager comes first.
	if f.Boss == "" && sh.Line == "boss" {
		boss = leaderPossessive(f, def) + " own manager"
		// "set by the owners", "the owners' planning day": leadership
		// the text names as a body is above the sales leader.
		low := strings.ToLower(c.seed)
		for _, b := range pb.Names.Bodies {
			if strings.Contains(low, "the "+b+" ") || strings.Contains(low, "the "+b+"'") || strings.Contains(low, "the "+b+".") || strings.Contains(low, "the "+b+",") {
				boss = pb.Names.Bosses[b]
				break
			}
		}
		// The head of the company the text names ("our managing
		// director, Mrs. Brouwer") is above them both.
		for _, p := range sh.People {
			if p.Kind == "exec" && !p.Conflict && topRoles[strings.ToLower(p.Role)] {
				boss = "the " + strings.ToLower(p.Role)
				if b, ok := pb.Names.Bosses[strings.ToLower(p.Role)]; ok {
					boss = b
				}
				break
			}
		}
	}
	// The user and the sales leader answer to different people: going
	// over the sales leader's head means going to theirs.
	if sh.LeaderBoss != "" {
		boss = sh.LeaderBoss
		// A role as the user typed it ("the ceo") is written as the
		// playbook writes it ("the CEO").
		if b, ok := pb.Names.Bosses[strings.ToLower(strings.TrimPrefix(boss, "the "))]; ok && strings.HasPrefix(boss, "the ") {
			boss = b
		}
	}
	// Never send the user through someone the text shows at odds with
	// the sales leader: name another executive, or leadership.
	if sh.AtOdds(boss) {
		boss = def["boss"]
		for _, p := range sh.People {
			if p.Kind == "exec" && !p.Conflict && p.Role != "" && !sh.AtOdds(p.Role) {
				boss = "the " + p.Role
				if b, ok := pb.Names.Bosses[strings.ToLower(p.Role)]; ok {
					boss = b
				}
				break
			}
		}
	}
	// Leadership the user names ("I report to the MD, Colin Reid") is
	// called by name: "Go to Colin now", not "the managing director".
	// The head of the company goes by any of their titles.
	head := map[string]bool{"ceo": true, "founder": true, "co-founder": true, "cofounder": true, "president": true, "md": true, "managing director": true, "owner": true, "gm": true, "general manager": true, "chief executive": true, "chief executive officer": true}
	named, byName := 0, ""
	for _, p := range sh.People {
		if p.Kind == "exec" && p.Name != "" && !p.Conflict && head[strings.ToLower(p.Role)] {
			named++
			byName = p.Name
		}
	}
	found := false
	for _, p := range sh.People {
		if p.Kind == "exec" && p.Name != "" && !p.Conflict && pb.Names.Bosses[strings.ToLower(p.Role)] == boss && boss != "" {
			boss, found = p.Name, true
			break
		}
	}
	// "our founder and CEO Pak Arief": one leader named, under another
	// of their titles, is the one to go to.
	if !found && named == 1 && slices.ContainsFunc([]string{"ceo", "founder", "president", "md", "gm"}, func(k string) bool { return pb.Names.Bosses[k] == boss }) {
		boss = byName
	}
	// One head of the company the user names ("I report to our Chief
	// Executive, Ms Aurelie Fontaine"; "I report to the owner, Mr.
	// Tadeusz Nowicki"): that is the executive above them both, whether
	// or not the text says the sales leader is a peer.
	if !found && named == 1 && boss == def["boss"] {
		boss = byName
	}
	c.vals = map[string]string{
		"leader": leader, "Leader": capital(leader), "title": title,
		"they": they, "They": capital(they), "them": them, "their": their, "theyre": theyre,
		"boss":     boss,
		"manager":  manager(sh, def),
		"mthem":    orElse(sh.Manager, "them"),
		"marketer": marketer(sh),
		"ownboss":  sh.OwnBoss,
		"outside":  outside(sh, leader),
		"whom":     whom(pb, sh, boss),
		"asker":    asker(sh),
		"program":  first(f.Programs, def["program"]),
		"rep":      first(f.Reps, def["rep"]),
		"deal":     first(f.Deals, def["deal"]),
		"quote":    c.quote(),
		"tried":    c.plain(pb.Tried, f.Tried),
		"tempted":  c.plain(append(append([]playbook.TriedDef{}, pb.Tried...), pb.Temptations...), f.Tempted),
	}
	for k, v := range sheetVals(sh, def, pb.Type(2).Prefer) {
		c.vals[k] = v
	}
	c.vals["occasion"] = ""
	if len(sh.Deadlines) > 0 && sh.Due != "" {
		dl := sh.Deadlines[0]
		cut := dueAt(dl.Text, sh.Due)
		if dd := sh.DeadlineDate; cut < 0 && dd != nil && dd.Start >= dl.Start && dd.End <= dl.End {
			cut = dd.Start - dl.Start
		}
		c.vals["occasion"] = occasion(pb.Sheet.Occasions, dl.Text, cut)
	}
	c.vals["Within"] = within(def, &sh, c.vals["occasion"])
	c.vals["us"], c.vals["own"] = "marketing", "marketing"
	// A RevOps lead beside a CMO is not the team judged against sales:
	// marketing is, and the plan says so; in the user's own words
	// ("the reporting RevOps builds") they still speak for RevOps.
	if w := pb.Sheet.Functions[sh.Function]; w != "" {
		c.vals["own"] = w
		if !(sh.Function == "revops" && sh.Has("CMO")) {
			c.vals["us"] = w
		}
	}
	c.vals["Us"] = capital(c.vals["us"])
	// The user's own nouns: SaaS words only for a text that uses them.
	c.vals["reps"], c.vals["leads"] = "salespeople", "leads"
	if sh.Uses("reps") {
		c.vals["reps"] = "reps"
	} else if w := sh.Nouns["reps"]; w != "" {
		c.vals["reps"] = w
	}
	if w := sh.Nouns["leads"]; w != "" && !sh.Uses("leads") {
		c.vals["leads"] = w
	}
	c.vals["lead"] = singular(c.vals["leads"])
	c.vals["alead"] = indefinite(c.vals["lead"])
	// Deals and pipeline only for a text in the funnel's language; else
	// the trade's own noun for what sales wins, or customers and new
	// business.
	c.vals["deals"], c.vals["pipeline"] = def["deals"], def["pipeline"]
	c.vals["pipelineNumber"], c.vals["pipelineMeasure"], c.vals["pipelineData"] = "number", "measure", "numbers"
	if sh.Uses("deals") {
		c.vals["deals"], c.vals["pipeline"] = "deals", "pipeline"
		c.vals["pipelineNumber"], c.vals["pipelineMeasure"], c.vals["pipelineData"] = "pipeline number", "pipeline measure", "pipeline data"
	} else if w := sh.Nouns["deals"]; w != "" {
		c.vals["deals"] = w
	}
	c.vals["onedeal"] = singular(c.vals["deals"])
	c.vals["review"] = "sales meeting"
	if sh.Uses("pipeline") || sh.Uses("deals") {
		c.vals["review"] = "pipeline review"
	}
	// The meeting the user names is the seat to get, by their name for it.
	if sh.Meeting != "" {
		c.vals["review"] = dayNames(sh.Meeting)
	}
	c.vals["mqlnum"] = "the " + c.vals["leads"] + " we send"
	c.vals["rules"] = "the rules for which " + c.vals["leads"] + " go to sales"
	if sh.Uses("mql") || overlap([]string{"mql_change_without_sales"}, sit.Given.Tried) {
		c.vals["mqlnum"], c.vals["rules"] = "the MQL number", "the MQL definition"
	}
	for k, ct := range sheetCites(sh, pb.Type(2).Prefer) {
		c.cites[k] = ct
	}
	// A change the user logged or gave as tried is certain even when the
	// text does not say what it was.
	for _, code := range sit.Given.Tried {
		c.changeGiven = c.changeGiven || code == "program_change"
	}
	main := d.Primary()
	if d.Proactive {
		main = d.Risk
	}
	if main != 0 {
		c.vals["type"] = pb.Type(int(main)).Short
		c.vals["evidence"] = c.evidence(main)
	}
	var others []string
	for _, t := range d.Types {
		if t != main {
			others = append(others, pb.Type(int(t)).Short)
		}
	}
	c.vals["funnel"] = c.funnel()
	c.secondEvidence(main)
	c.otherSide(main)
	c.vals["otherType"] = strings.Join(others, " and ")
	c.leading()
	// When the strongest evidence is the quote itself, do not cite it
	// twice: words said to others are called that where they are cited.
	if q := c.vals["quote"]; q != "" && (!c.reported || c.saidOthers) && strings.Trim(q, "\"") == c.vals["evidence"] {
		c.quoteCited = true
	}
	// Nor when the evidence is a sentence that holds the quote, unless the
	// words reached the user second-hand: then the plan still says not to
	// quote them back.
	if q, e := c.cites["quote"], c.cites["evidence"]; c.vals["quote"] != "" && c.vals["evidence"] != "" && e.Start <= q.Start && q.End <= e.End && q.End > q.Start {
		c.quoteCited = !c.reported
		c.echoed = c.reported
	}
	// The reason's words are the playbook's; its noun for salespeople is
	// the user's.
	c.vals["reason"] = capital(repsWord().ReplaceAllLiteralString(c.reason(), c.vals["reps"]))
	c.stake()
	c.vals["told"] = c.told()
	return c
}

// funnel is the first result the user told as two counts, as the plan
// says it ("412 registrants and 0 opportunities"), that is not someone's
// quotation and that the type's evidence does not already quote; empty
// when there is none.
func (c *ctx) funnel() string {
	for _, fu := range c.sh.Funnels {
		// Counts inside a quotation are the speaker's, not "your own".
		if _, ok := c.sh.QuoteAt(fu.In.Start); ok {
			continue
		}
		if ev := c.vals["evidence"]; strings.Contains(ev, fu.In.Text) && strings.Contains(ev, fu.Out.Text) {
			continue
		}
		return lowerCount(unquoted(fu.In.Text)) + " and " + lowerCount(c.unbridged(unquoted(fu.Out.Text)))
	}
	return ""
}

// numberWords are counts written in words, which a sentence may open with
// a capital ("Three became contracts").
var numberWords = map[string]bool{"zero": true, "none": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true, "thirteen": true, "fourteen": true, "fifteen": true, "sixteen": true, "seventeen": true, "eighteen": true, "nineteen": true, "twenty": true, "thirty": true, "forty": true, "fifty": true, "hundred": true, "dozen": true, "a": true}

// lowerCount writes a count that opens with a number word in lower case,
// as it reads inside the plan's sentence: "Three contracts" is "three
// contracts".
func lowerCount(s string) string {
	w, _, _ := strings.Cut(s, " ")
	if numberWords[strings.ToLower(w)] {
		return strings.ToLower(w) + s[len(w):]
	}
	return s
}

// unbridged is a count told with a verb of becoming ("41 became
// opportunities") as the plan restates it: "41 opportunities".
func (c *ctx) unbridged(s string) string {
	w := strings.Fields(s)
	out := w[:0:0]
	for i, x := range w {
		if i > 0 && i < len(w)-1 && slices.Contains(c.pb.Sheet.Funnel.Bridge, strings.ToLower(x)) {
			continue
		}
		// "3 of them turned into new clinic accounts" is 3 new clinic
		// accounts.
		if (i == 1 && strings.EqualFold(x, "of") || i == 2 && strings.EqualFold(w[1], "of")) && len(w) > 3 && slices.Contains([]string{"them", "those", "these", "which", "whom"}, strings.ToLower(w[2])) {
			continue
		}
		out = append(out, x)
	}
	return strings.Join(out, " ")
}

// unquoted is words with the quotation marks a writer put around some of
// them taken out ("2,300 'leads'" is 2,300 leads).
func unquoted(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\"", "", "'", "", "\u201c", "", "\u201d", "", "\u2018", "", "\u2019", "").Replace(s)), " ")
}

// stake fills {stake}: on a critical reading, the user's own clause that
// says what is being decided ("cut the marketing programme budget from
// £1.8m to £700k and use the difference for 8 more SDRs"), so the plan
// restates the decision instead of the level's meaning. It stays empty
// when the words are someone's quotation, are not a clause of their own,
// or are already quoted as the type's evidence or the sales leader's
// words.
func (c *ctx) stake() {
	c.vals["stake"] = ""
	if c.d.Urgency != align.UrgencyCritical || c.vals["reason"] == "" {
		return
	}
	for _, r := range c.d.UrgencyReasons {
		if r.Label == "" || r.Start < 0 || r.End > len(c.seed) {
			continue
		}
		// Someone's quotation, or the user's own move ("I've been moving
		// budget into ..."), is not what others are deciding.
		if _, ok := c.sh.QuoteAt(r.Start); ok || c.sh.InAct(r.Start) {
			continue
		}
		words, lo, hi := clause(c.seed, r.Start, r.End)
		words = clean(strings.TrimRight(words, ",;: "))
		if !wholeClause(words) || len(strings.Fields(words)) > 25 || !stakeClause(c.seed, words, hi) {
			continue
		}
		for _, k := range []string{"evidence", "evidence2", "quote", "deadline"} {
			if o, ok := c.cites[k]; ok && lo < o.End && o.Start < hi {
				return
			}
		}
		c.vals["stake"] = nest(words)
		c.cites["stake"] = Citation{Start: lo, End: hi, Text: words, Speaker: "user"}
		return
	}
}

var verbTitle = map[string]bool{"runs": true, "run": true, "heads": true, "leads": true, "manages": true, "owns": true}

// repsWord is compiled the first time a plan needs it, never at start.
var repsWord = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)\breps\b`) })

// orElse is s, or def when s is empty.
func orElse(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func first(list []string, def string) string {
	if len(list) > 0 {
		return list[0]
	}
	return def
}

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// quote picks the sales leader's words to cite: the quoted span that
// carries the most type evidence, else the first.
func (c *ctx) quote() string {
	qs := c.d.Facts.Quotes
	if len(qs) == 0 {
		return ""
	}
	// Only words the fact sheet also gives the sales leader: not words
	// said to them ("Simone, marketing tells me...") or by someone else.
	var mine []align.Evidence
	for _, q := range qs {
		if sp := c.sh.SpeakerAt(q.Start); sp == "" || sp == "sales_leader" {
			mine = append(mine, q)
		}
	}
	if len(mine) == 0 {
		return ""
	}
	qs = mine
	best, bestW := qs[0], -1.0
	for _, q := range qs {
		w := 0.0
		for _, ts := range c.d.Scores {
			for _, e := range ts.Evidence {
				if e.Start >= q.Start && e.End <= q.End {
					w += e.Weight
				}
			}
		}
		if w > bestW {
			best, bestW = q, w
		}
	}
	// The whole quotation, not the part the reader found: a quote is
	// never cut before its point.
	if sq, ok := c.sh.QuoteAt(best.Start); ok && sq.Start <= best.Start && sq.End > best.End {
		best.Start, best.End, best.Quote = sq.Start, sq.End, sq.Text
	}
	words := clean(strings.Trim(best.Quote, "\"\u201c\u201d "))
	c.cites["quote"] = Citation{Start: best.Start, End: best.End, Text: words, Speaker: "sales_leader"}
	c.reported = c.sh.ReportedAt(best.Start)
	c.hearsay = c.sh.HearsayAt(best.Start)
	// Words that hold the dominant type's evidence are its signal; other
	// words of the sales leader's are only where to start.
	c.signal = false
	for _, ts := range c.d.Scores {
		if ts.Type != c.d.Primary() {
			continue
		}
		for _, e := range ts.Evidence {
			c.signal = c.signal || e.Start < best.End && best.Start < e.End
		}
	}
	return "\"" + nest(words) + "\""
}

// voice is whose words an evidence span is: the speaker of the quote
// that holds it, else the sales leader for a sentence reporting what they
// said or did, else the user's own account.
func (c *ctx) voice(e align.Evidence) string {
	if sp := c.sh.SpeakerAt(e.Start); sp != "" {
		return sp
	}
	if e.Speaker == "sales_leader" {
		return "sales_leader"
	}
	return "user"
}

// leading fills the probes of the two most likely types, for a first
// conversation that finds out which it is when the type is unclear.
func (c *ctx) leading() {
	for _, k := range []string{"typeA", "typeB", "askA", "askB", "hearA", "hearB"} {
		c.vals[k] = ""
	}
	if !c.d.Unclear || c.d.Proactive {
		return
	}
	scores := append([]align.TypeScore(nil), c.d.Scores...)
	main := c.d.Primary()
	sort.SliceStable(scores, func(i, j int) bool {
		if (scores[i].Type == main) != (scores[j].Type == main) {
			return scores[i].Type == main
		}
		return scores[i].Score > scores[j].Score
	})
	if len(scores) < 2 || scores[0].Type == scores[1].Type {
		return
	}
	for i, k := range []string{"A", "B"} {
		t := int(scores[i].Type)
		pr, ok := c.pb.Plan.Probes[t]
		if !ok {
			return
		}
		c.vals["type"+k] = c.pb.Type(t).Short
		c.vals["ask"+k] = c.fill(pr.Ask)
		c.vals["hear"+k] = c.fill(pr.Hear)
	}
}

// namesRecord reports whether evidence names a piece of marketing's
// record: a program the text uses as a noun, or a figure.
func (c *ctx) namesRecord(e align.Evidence) bool {
	if c.hasFigure(e) {
		return true
	}
	q := " " + strings.ToLower(e.Quote) + " "
	for _, p := range c.sh.Programs {
		// "the campaign" names the noun the text uses.
		p = strings.TrimPrefix(strings.ToLower(p), "the ")
		if strings.Contains(q, " "+p+" ") || strings.Contains(q, " "+p+"s ") {
			return true
		}
	}
	return false
}

// sentenceClose is the byte offset of the end of the sentence that holds
// byte at: the next full stop, question or exclamation mark followed by
// a space, or the next line break, or the end of the text.
func sentenceClose(text string, at int) int {
	for i := at; i < len(text); i++ {
		switch text[i] {
		case '\n':
			return i
		case '.', '?', '!':
			if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
				return i
			}
		}
	}
	return len(text)
}

// recordFigures is marketing's record told in figures: the first figure
// clause the text gives that is not about leads left unworked, joined to
// the next when only the end of a sentence stands between them ("pushed
// 640 leads to her team. As far as I can tell that turned into five
// opportunities and one closed deal").
func (c *ctx) recordFigures() (sheet.Span, bool) {
	for i, f := range c.sh.Figures {
		if c.sh.InLost(f.Start, f.End) || c.sh.InAct(f.Start) {
			continue
		}
		if i+1 < len(c.sh.Figures) {
			n := c.sh.Figures[i+1]
			if gap := c.seed[f.End:n.Start]; n.Start > f.End && strings.Trim(gap, ". ,;") == "" && !c.sh.InLost(n.Start, n.End) {
				return sheet.Span{Start: f.Start, End: n.End, Text: c.seed[f.Start:n.End]}, true
			}
		}
		return f, true
	}
	return sheet.Span{}, false
}

// hasFigure reports whether evidence holds one of the text's numbers.
func (c *ctx) hasFigure(e align.Evidence) bool {
	for _, n := range c.sh.Numbers {
		if n.Start >= e.Start && n.Start < e.End {
			return true
		}
	}
	return false
}

// evidence is the strongest words for type t, as the user wrote them,
// from the voice the type's sentences attribute them to: the user's own
// account of marketing's record, or the sales leader's words. Words from
// another voice are never cited as that one.
func (c *ctx) evidence(t align.Type) string {
	want := c.pb.Type(int(t)).Evidence
	for _, ts := range c.d.Scores {
		if ts.Type != t {
			continue
		}
		ev := make([]align.Evidence, 0, len(ts.Evidence))
		for _, e := range ts.Evidence {
			// A third person's quoted words ("CEO to both of us: 'I need
			// you two to stop this'") are never evidence of the type.
			sq, quoted := c.sh.QuoteAt(e.Start)
			if quoted && sq.Speaker == "other" {
				continue
			}
			// A sentence that only says who reports to whom ("Our CRO,
			// Desmond Varga, reports to the CEO") sets the scene; it is
			// never a type's evidence.
			// Evidence from an answer has no place in the text.
			if e.Start < 0 || e.End > len(c.seed) {
				continue
			}
			if c.reportingLine(e) || c.introduces(e) {
				continue
			}
			// Someone else's doing, told with the other pronoun ("as far
			// as I can tell she hasn't raised it with him directly", of
			// the user's manager, when the sales leader is "he"), is
			// never the sales leader's behaviour.
			if !(quoted && sq.Speaker == "sales_leader") && c.otherPerson(e.Quote) {
				continue
			}
			// The user's own move, made or weighed ("I built a deck ...",
			// "Or go to the CEO about ..."), says what they did, not
			// what the situation is; the sales leader's words inside it
			// still count.
			if c.sh.InAct(e.Start) && !(quoted && sq.Speaker == "sales_leader") {
				continue
			}
			// The user's guess at the sales leader ("Part of me also
			// thinks Declan just doesn't believe in marketing") is a fear,
			// not evidence of what they do.
			if c.sh.InGuess(e.Start) && !(quoted && sq.Speaker == "sales_leader") {
				continue
			}
			// The user defending the leads ("some of the Fieldays leads
			// were fine and just never got a call") is their case, never
			// their account of marketing's record.
			if want == "user" && c.sh.InDefence(e.Start) {
				continue
			}
			// The user's own account of the record may have the sales
			// leader as its subject ("He brought up the March webinar,
			// 412 registrants"): told, not quoted, the words are the
			// user's, when they name the record (a program or a figure).
			told := want == "user" && !quoted && c.sh.SpeakerAt(e.Start) == "" && c.namesRecord(e)
			if e.Start >= 0 && (want == "any" || told || c.voice(e) == want) {
				ev = append(ev, e)
			}
		}
		if want == "user" {
			// The user's account of the record names it: something
			// marketing sent or ran, a figure, or leads left unworked. A
			// clause the model leaned on that names none ("who joined
			// about a year after me") is not the record.
			ev = slices.DeleteFunc(ev, func(e align.Evidence) bool {
				// The clause is cited to the end of its sentence ("we ran
				// a \"free sample kit\" campaign"), so it is read so.
				end := sentenceClose(c.seed, e.End)
				return !c.sh.NamesRecord(e.Start, end) && !c.namesRecord(e) && !c.sh.InLost(e.Start, end)
			})
			if len(ev) == 0 {
				if sp, ok := c.recordFigures(); ok {
					words := clean(sp.Text)
					c.cites["evidence"] = Citation{Start: sp.Start, End: sp.End, Text: words, Speaker: "user"}
					return nest(words)
				}
			}
		}
		if len(ev) == 0 {
			break
		}
		if prefer := c.pb.Type(int(t)).Prefer; len(prefer) > 0 {
			sort.SliceStable(ev, func(i, j int) bool { return c.holdsAny(ev[i], prefer) && !c.holdsAny(ev[j], prefer) })
		}
		if want == "user" {
			// The record told in figures ("1,400 registrations") is the
			// record a sales leader remembers: it goes before an admission
			// that names none ("she's right about that summit").
			sort.SliceStable(ev, func(i, j int) bool { return c.hasFigure(ev[i]) && !c.hasFigure(ev[j]) })
			// How sales handled the leads ("40% of the leads never got a
			// first call") is not marketing's record: it goes last, and
			// the figures of what marketing sent stand in for it.
			sort.SliceStable(ev, func(i, j int) bool {
				return !c.sh.InLost(ev[i].Start, ev[i].End) && c.sh.InLost(ev[j].Start, ev[j].End)
			})
			if c.sh.InLost(ev[0].Start, ev[0].End) {
				if sp, ok := c.recordFigures(); ok {
					words := clean(sp.Text)
					c.cites["evidence"] = Citation{Start: sp.Start, End: sp.End, Text: words, Speaker: "user"}
					return nest(words)
				}
			}
		}
		// The diagnosis lists the reasons strongest first, with those that
		// hold one of the playbook's phrases for the type ahead of the rest.
		speaker := want
		if want == "any" {
			speaker = ""
		}
		for _, q := range c.d.Facts.Quotes {
			if ev[0].Start >= q.Start && ev[0].End <= q.End {
				if sq, ok := c.sh.QuoteAt(q.Start); ok && sq.Start <= q.Start && sq.End > q.End {
					q.Start, q.End, q.Quote = sq.Start, sq.End, sq.Text
				}
				words := clean(strings.Trim(q.Quote, "\"\u201c\u201d "))
				c.cites["evidence"] = Citation{Start: q.Start, End: q.End, Text: words, Speaker: speaker}
				c.verbatim = speaker == "sales_leader" && c.sh.SpeakerAt(q.Start) != "" && !c.sh.ReportedAt(q.Start)
				c.saidOthers = speaker == "sales_leader" && c.sh.SpeakerAt(q.Start) == "sales_leader" && c.sh.ReportedAt(q.Start) && !c.sh.HearsayAt(q.Start)
				return nest(words)
			}
		}
		// Inside a quotation: the quotation whole, never cut at a comma.
		if sq, ok := c.sh.QuoteAt(ev[0].Start); ok {
			words := clean(strings.Trim(sq.Text, "\"\u201c\u201d "))
			c.cites["evidence"] = Citation{Start: sq.Start, End: sq.End, Text: words, Speaker: speaker}
			c.verbatim = sq.Speaker == "sales_leader" && !sq.Reported && want != "any"
			c.saidOthers = sq.Speaker == "sales_leader" && sq.Reported && want != "any" && !c.sh.HearsayAt(sq.Start)
			return nest(words)
		}
		out, lo, hi := clause(c.seed, ev[0].Start, ev[0].End)
		// The record was kept for naming it to the end of its sentence
		// ("My predecessor was let go in August, and most of the budget
		// went to gated ebooks"): the quotation says it too.
		if want == "user" && !c.sh.NamesRecord(lo, hi) && !c.namesRecord(ev[0]) {
			if end := sentenceClose(c.seed, hi); end-lo < 240 && c.sh.NamesRecord(hi, end) {
				hi = end
				out = strings.TrimSpace(c.seed[lo:hi])
			}
		}
		// A term in quotation marks before the clause ("started to write
		// \"own network\" as opportunity source") is part of it: cut at
		// the quotation, the clause is a fragment with no subject.
		if q, ok := c.sh.QuoteBefore(lo); ok && q.Speaker == "" && strings.Trim(c.seed[q.End:lo], " \"\u201d") == "" {
			open := len(strings.TrimRight(c.seed[:q.Start], "\"'\u201c\u2018"))
			if _, lo2, _ := clause(c.seed, open, open); lo2 < open && hi-lo2 < 240 {
				lo = lo2
				out = strings.TrimSpace(c.seed[lo:hi])
			}
		}
		// A name or a term in quotation marks ("we ran the 'Payroll
		// Compliance 2025' webinar series", "Kessler still calls it 'die
		// Visitenkarten-Sammelaktion'") is part of the clause, not its
		// end, whoever coined it.
		if q, ok := c.sh.QuoteAfter(hi); ok && (q.Speaker == "" || len(strings.Fields(q.Text)) <= maxTerm) && strings.Trim(c.seed[hi:q.Start], " \"\u201c") == "" {
			end := q.End
			for end < len(c.seed) && strings.ContainsRune("\"\u201d", rune(c.seed[end])) {
				end++
			}
			if _, _, hi2 := clause(c.seed, end, end); hi2 > end && hi2-lo < 240 {
				hi = hi2
				out = strings.TrimSpace(c.seed[lo:hi])
			} else if end-lo < 240 && q.Speaker != "" {
				// The quotation ends the clause: keep it and its closing
				// mark, past a stop inside it ("calls it \"fiction.\"").
				end = q.End
				for end < len(c.seed) && end < q.End+4 && strings.ContainsRune("\".!?,\u201d", rune(c.seed[end])) {
					end++
				}
				hi = end
				out = strings.TrimRight(strings.TrimSpace(c.seed[lo:hi]), ",.!? ")
			}
		}
		// The figures that follow in asides ("..., 1,900 registrants, our
		// best MQL quarter ever, and it turned into 3 opportunities") are
		// the record itself: keep them.
		if hi2 := figuresAfter(c.seed, hi); hi2 > hi && hi2-lo < 240 {
			hi = hi2
			out = strings.TrimSpace(c.seed[lo:hi])
		}
		// What the record came to, told in the short sentence after it
		// ("... produced about 1,100 leads. The desk checked every one:
		// nine were real lessees, none signed."), is the part a sales
		// leader remembers. A record the sheet reads as a funnel is said
		// in its own sentence and in the opening, in figures.
		if hi2 := outcomeAfter(c.seed, hi); want == "user" && c.sh.Funnel == nil && hi2 > hi && hi2-lo < 300 {
			hi = hi2
			out = strings.TrimSpace(c.seed[lo:hi])
		}
		// A clause that runs into a quotation ("he told me, ...") carries
		// it whole: the sales leader's own words alone when they were said
		// to the user, else the clause with the quotation nested in it.
		// A quotation nobody is said to have spoken ("he explained me that
		// marketing is \"brochures and fairs\"") is part of the clause too.
		if q, ok := c.sh.QuoteAfter(hi); ok && strings.Trim(c.seed[hi:q.Start], " ,:\"\u201c\u201d") == "" && (want == "any" || q.Speaker == want || q.Speaker == "") {
			if q.Speaker == "sales_leader" && !q.Reported && want != "any" {
				words := clean(strings.Trim(q.Text, "\"\u201c\u201d "))
				c.cites["evidence"] = Citation{Start: q.Start, End: q.End, Text: words, Speaker: speaker}
				c.verbatim = true
				return nest(words)
			}
			end := q.End
			for end < len(c.seed) && end < q.End+4 && strings.ContainsRune("\".!?,", rune(c.seed[end])) {
				end++
			}
			words := clean(strings.TrimRight(c.seed[lo:end], ",.!? "))
			c.cites["evidence"] = Citation{Start: lo, End: end, Text: words, Speaker: speaker}
			return nest(words)
		}
		// Cut at an aside ("which had 260 registrants and, by his count,
		// zero opportunities"), the clause would end on a joining word:
		// it runs on to its sentence's end, or drops the word.
		if dangling(out) {
			if end := sentenceClose(c.seed, hi); end-lo < 240 {
				out = strings.TrimSpace(c.seed[lo:end])
			} else {
				out = strings.TrimRight(out[:strings.LastIndexByte(out, ' ')], " ,;:")
			}
		}
		// A sentence adverb that opens the clause ("Still, in my first
		// week he told me ...") links it to the sentence before, not to
		// the plan's.
		if w, rest, ok := strings.Cut(out, ", "); ok && openers[strings.ToLower(w)] {
			out = rest
		}
		words := clean(out)
		c.cites["evidence"] = Citation{Start: ev[0].Start, End: ev[0].End, Text: words, Speaker: speaker}
		return nest(words)
	}
	// No words in the right voice back this type: quote nothing rather
	// than the type's own name or someone else's words.
	return ""
}

// danglers are the words a clause cannot end on: it was cut before
// what they join. openers are sentence adverbs that open a clause with a
// comma and tie it to what came before.
var (
	danglers = map[string]bool{"and": true, "or": true, "but": true, "which": true, "with": true, "of": true, "to": true, "the": true, "a": true, "an": true, "that": true, "who": true, "because": true, "so": true, "than": true, "from": true, "for": true, "by": true, "at": true, "in": true, "on": true}
	openers  = map[string]bool{"still": true, "however": true, "also": true, "anyway": true, "honestly": true, "then": true, "again": true, "besides": true, "plus": true, "worse": true, "meanwhile": true, "so": true, "and": true, "but": true, "yet": true, "now": true}
)

// dangling reports whether words end on a word that joins them to more.
func dangling(words string) bool {
	words = strings.TrimRight(words, " ")
	i := strings.LastIndexByte(words, ' ')
	return i > 0 && danglers[strings.ToLower(words[i+1:])]
}

// otherPerson reports whether words speak of someone other than the
// sales leader: a subject pronoun of the other gender ("she" when the
// sales leader is "he"), none of theirs, and not their name.
func (c *ctx) otherPerson(words string) bool {
	mine, other := c.d.Facts.Pronoun, ""
	switch mine {
	case "he":
		other = "she"
	case "she":
		other = "he"
	default:
		return false
	}
	name := ""
	if f := strings.Fields(strings.ToLower(c.d.Facts.Leader.Name)); len(f) > 0 {
		name = f[0]
	}
	has := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(words)) {
		has[strings.Trim(w, ",.;:!?()\"'")] = true
	}
	return has[other] && !has[mine] && (name == "" || !has[name] && !has[name+"'s"])
}

// reportingLine reports whether evidence e's clause only says who
// reports to whom: it states a reporting line, in sixteen words or
// fewer. The regular expressions run only on a clause that holds one of
// their key words (lineKeys), as most clauses do not.
func (c *ctx) reportingLine(e align.Evidence) bool {
	out, _, _ := clause(c.seed, e.Start, e.End)
	if len(strings.Fields(out)) > 16 || !containsAnyFold(out, lineKeys) {
		return false
	}
	// "sits on the executive team and is, in practice, senior to both of
	// us" places the sales leader as a reporting line does.
	return reportingLineRE().MatchString(out) || seniorityRE().MatchString(out)
}

// introduces reports whether evidence e only introduces words quoted
// right after it ("First week he told me, quote, \"We did $30M ...\""):
// it ends with a verb of speech (playbook sheet.speech), or one and its
// object, and a quotation opens within a few bytes. The clause says who
// spoke, not what; the quotation is the evidence, cited as such.
func (c *ctx) introduces(e align.Evidence) bool {
	words := strings.Fields(strings.ToLower(e.Quote))
	if len(words) == 0 {
		return false
	}
	last := strings.Trim(words[len(words)-1], ",.;:!?()\"'")
	if len(words) > 1 && (last == "me" || last == "us" || last == "him" || last == "her" || last == "them") {
		last = strings.Trim(words[len(words)-2], ",.;:!?()\"'")
	}
	if !slices.Contains(c.pb.Sheet.Speech, last) {
		return false
	}
	after := strings.ToLower(c.seed[e.End:min(len(c.seed), e.End+12)])
	return strings.ContainsAny(after, "\"\u201c") || strings.Contains(after, "quote")
}

// lineKeys are words one of which every match of reportingLineRE or
// seniorityRE holds, in lower case.
var lineKeys = []string{"report", "exec", "leadership", "management", "senior", "above", "outranks"}

// containsAnyFold reports whether s holds one of keys (lower case), in any
// case.
func containsAnyFold(s string, keys []string) bool {
	l := strings.ToLower(s)
	for _, k := range keys {
		if strings.Contains(l, k) {
			return true
		}
	}
	return false
}

// holdsAny reports whether the clause around evidence e holds one of
// the words (lower case, whole words).
func (c *ctx) holdsAny(e align.Evidence, words []string) bool {
	out, _, _ := clause(c.seed, e.Start, e.End)
	for _, w := range strings.FieldsFunc(strings.ToLower(out), func(r rune) bool { return !unicode.IsLetter(r) }) {
		if slices.Contains(words, w) {
			return true
		}
	}
	return false
}

// asker is who put to the user the move their question asks about ("your
// boss", "Roslyn"), or "" when the move is the user's own.
func asker(sh sheet.Sheet) string {
	if q := sh.Question; q != nil && q.Move >= 0 && q.Move < len(sh.Temptations) {
		return sh.Temptations[q.Move].From
	}
	return ""
}

// secondEvidence fills {evidence2}: the strongest words for the second
// type present, so that a plan naming a second layer shows where the
// text gives it. It stays empty for a proactive reading, when no words
// in the type's voice back it, and when they overlap words the plan
// already cites for the primary type or as the sales leader's quote.
func (c *ctx) secondEvidence(main align.Type) {
	c.vals["evidence2"] = ""
	if c.d.Proactive {
		return
	}
	var second align.Type
	for _, t := range c.d.Types {
		if t != main {
			second = t
			break
		}
	}
	if second == 0 {
		return
	}
	// evidence records its citation and whether the words were said to
	// the user; both belong to the primary type's words.
	saved, had := c.cites["evidence"]
	verbatim, saidOthers := c.verbatim, c.saidOthers
	words := c.evidence(second)
	ct := c.cites["evidence"]
	if had {
		c.cites["evidence"] = saved
	} else {
		delete(c.cites, "evidence")
	}
	c.verbatim, c.saidOthers = verbatim, saidOthers
	// Cut by a length cap, not by punctuation, the words stop short of
	// their point ("he has formally proposed that the budget").
	// An aside in brackets after the words ends them too ("the bonus of
	// my team is on MQL (objective 450 per quarter)").
	end := ct.End
	if end+1 < len(c.seed) && c.seed[end] == ' ' && c.seed[end+1] == '(' {
		end++
	}
	if !wholeClause(words) || end < len(c.seed) && !strings.ContainsRune(".,;:!?\n\"\u201d)(", rune(c.seed[end])) {
		return
	}
	// A reporting line ("Martin and I both report to the CEO") is the
	// setting of a layer, not its evidence.
	if containsAnyFold(words, lineKeys[:1]) && reportingLineRE().MatchString(words) {
		return
	}
	for _, k := range []string{"evidence", "quote"} {
		if o, ok := c.cites[k]; ok && ct.Start < o.End && o.Start < ct.End {
			return
		}
	}
	c.vals["evidence2"] = words
	c.cites["evidence2"] = ct
}

// otherSide fills {evidenceSide} for a structural reading: the other
// team's scoreboard, in the user's words, when the words cited for the
// type give only one ("my team is measured on MQL volume" cited, "Julian's
// bonus is paid entirely on closed revenue" beside it). Two scoreboards
// named side by side are the structure itself. It is a clause from a
// clause of its own, told by the user, that holds one of the playbook's
// words for a target (types[2].prefer) and reads as a signal other than
// the cited one; empty when there is none.
func (c *ctx) otherSide(main align.Type) {
	c.vals["evidenceSide"] = ""
	cited, ok := c.cites["evidence"]
	if main != 2 || c.d.Proactive || !ok {
		return
	}
	prefer := c.pb.Type(2).Prefer
	for _, ts := range c.d.Scores {
		if ts.Type != 2 {
			continue
		}
		label := ""
		for _, e := range ts.Evidence {
			if e.Start < cited.End && cited.Start < e.End {
				label = e.Label
				break
			}
		}
		if label == "" {
			return
		}
		for _, e := range ts.Evidence {
			if e.Label == label || e.Start < 0 || e.End > len(c.seed) || e.Start < cited.End && cited.Start < e.End {
				continue
			}
			if _, quoted := c.sh.QuoteAt(e.Start); quoted || c.sh.InAct(e.Start) || c.sh.InGuess(e.Start) || c.reportingLine(e) || !c.holdsAny(e, prefer) {
				continue
			}
			words, lo, hi := clause(c.seed, e.Start, e.End)
			if lo < cited.End && cited.Start < hi {
				continue
			}
			words = clean(words)
			if !wholeClause(words) || hi < len(c.seed) && !strings.ContainsRune(".,;:!?\n", rune(c.seed[hi])) {
				continue
			}
			c.vals["evidenceSide"] = words
			c.cites["evidenceSide"] = Citation{Start: lo, End: hi, Text: words, Speaker: "user"}
			return
		}
	}
}

// stakeClause reports whether words, a clause of text ending at byte hi,
// can be quoted as what is being decided: it ends where the writer's
// punctuation ends it (not cut at a length cap), it does not lead into a
// quotation or a colon ("one of our investors asked the CEO: ..."), it is
// not a fronted time or place with no clause of its own ("in the reorg
// last October"), and it is neither negated nor told in the past.
func stakeClause(text, words string, hi int) bool {
	if hi < len(text) {
		switch text[hi] {
		case '.', ',', ';', '!', '?', '\n', ')':
		default:
			return false
		}
		rest := strings.TrimLeft(text[hi+1:], " ")
		if text[hi] == ',' && (strings.HasPrefix(rest, "\"") || strings.HasPrefix(rest, "\u201c")) {
			return false
		}
	}
	f := strings.Fields(strings.ToLower(words))
	switch f[0] {
	case "in", "at", "on", "during", "after", "before", "for", "from", "with", "to", "of":
		return strings.Contains(words, ",")
	// The user's own doing or doubt ("I've been moving budget ...", "I'm
	// torn between ...") and a concession ("even if ...") are not a
	// decision others are making.
	case "i", "i'm", "i've", "i'd", "im", "ive", "we", "we're", "we've", "even":
		return false
	}
	// A clause that breaks off on a verb of asking before what was asked
	// ("one of our investors asked the CEO, in front of me, why ...").
	if hi < len(text) && text[hi] == ',' {
		for _, w := range f {
			if w == "asked" || w == "asks" || w == "wondered" {
				return false
			}
		}
	}
	// Negated, or told in the past ("there was a reorg and marketing now
	// reports to sales"): not what is being decided now.
	for _, w := range f {
		if w == "not" || w == "never" || strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n\u2019t") || w == "was" || w == "were" || w == "happened" {
			return false
		}
	}
	return true
}

// maxTerm is the most words a quotation right after a clause may have to
// be read as a term the clause uses rather than words of their own.
const maxTerm = 6

// reportingLineRE finds words that state who reports to whom; compiled the
// first time a plan needs it, never at start.
// seniorityRE finds a clause that only says where someone sits: on the
// executive team, senior to or above the user.
var seniorityRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(sits?|is|are|was) (on|in) (the|our) (executive|exec|leadership|management|senior leadership|senior management) (team|committee|board)\b|\bsenior to (me|us|both)\b|\b(is|sits) above (me|us|both)\b|\boutranks (me|us|both)\b`)
})

var reportingLineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\breport(s|ing|ed)? (directly |straight |also |too |both |)(in)?to\b`)
})

// wholeClause reports whether words read as a clause of their own when
// quoted: four words or more, opening on a letter or a quotation mark
// but not on a conjunction ("since marketing's leads aren't converting"),
// and not ending on a word that needs more after it ("because", "that",
// "as", "I").
func wholeClause(words string) bool {
	f := strings.Fields(words)
	if len(f) < 4 {
		return false
	}
	if r := []rune(words)[0]; !unicode.IsLetter(r) && !strings.ContainsRune("'\"\u2018\u201c", r) {
		return false
	}
	switch strings.ToLower(f[0]) {
	case "since", "that", "because", "which", "who", "when", "if", "as", "and", "but", "so":
		return false
	}
	switch strings.ToLower(strings.Trim(f[len(f)-1], ",;:")) {
	case "because", "that", "as", "and", "or", "but", "i", "to", "the", "a", "an", "of", "with", "for", "from", "if", "when", "which", "who", "=", "-", "my", "our", "his", "her", "their":
		return false
	}
	return true
}

// subjectless reports whether a clause opens on a verb of being or
// having, so that its subject stands before a comma.
func subjectless(words string) bool {
	f := strings.Fields(strings.ToLower(words))
	if len(f) == 0 {
		return false
	}
	switch f[0] {
	case "is", "are", "was", "were", "has", "have", "had", "remains", "stays", "gets":
		return true
	}
	return false
}

// subordinate reports whether words hold a conjunction that opens a
// clause needing another after it: "if", "when", "unless", "because",
// "although", "once", "whether".
func subordinate(words string) bool {
	for _, w := range strings.Fields(strings.ToLower(words)) {
		switch w {
		case "if", "when", "unless", "because", "although", "once", "whether":
			return true
		}
	}
	return false
}

// clause widens a span to the clause around it, so a cited phrase reads
// as the user wrote it rather than as a fragment. It stops at punctuation
// and never grows past maxClause bytes on either side.
func clause(text string, start, end int) (string, int, int) {
	const maxClause = 80
	// A comma or a point between digits ("1,400", "£1.8m") is part of a
	// number, not a stop.
	stop := func(i int) bool {
		b := text[i]
		if (b == ',' || b == '.') && i > 0 && i+1 < len(text) && isDigit(text[i-1]) && isDigit(text[i+1]) {
			return false
		}
		return strings.IndexByte(".,;:!?\n\"()", b) >= 0
	}
	lo := start
	for lo > 0 && start-lo < maxClause && !stop(lo-1) {
		lo--
	}
	hi := end
	for hi < len(text) && hi-end < maxClause && !stop(hi) {
		hi++
	}
	// A clause that opens a condition ("said that if marketing sourced
	// 41%, she's overpaying her AEs") is not whole until its comma's
	// other side: cut at the comma, it says the opposite of a point.
	if hi < len(text) && text[hi] == ',' && subordinate(text[lo:hi]) {
		k := hi + 1
		for k < len(text) && k-hi < maxClause && !stop(k) {
			k++
		}
		if k-hi < maxClause {
			hi = k
		}
	}
	// A few words between commas ("roughly 2,300 leads") are an aside,
	// not a clause: the clauses on either side carry its point.
	if lo > 0 && text[lo-1] == ',' && len(strings.Fields(text[lo:hi])) <= 4 {
		k := lo - 1
		for k > 0 && lo-k < maxClause && !stop(k-1) {
			k--
		}
		if lo-k < maxClause {
			lo = k
		}
		if hi < len(text) && text[hi] == ',' {
			k := hi + 1
			for k < len(text) && k-hi < maxClause && !stop(k) {
				k++
			}
			if k-hi < maxClause {
				hi = k
			}
		}
	}
	// A clause that opens on its verb ("is still on MQL volume") lost its
	// subject to an aside ("My bonus, set by my boss, is still ..."): take
	// the aside and the subject back with it.
	if lo > 0 && text[lo-1] == ',' && subjectless(text[lo:hi]) {
		k := lo - 1
		for commas := 0; commas < 2 && k > 0; {
			for k > 0 && lo-k < 2*maxClause && !stop(k-1) {
				k--
			}
			commas++
			if k == 0 || text[k-1] != ',' || lo-k >= 2*maxClause {
				break
			}
			k--
		}
		if lo-k < 2*maxClause && (k == 0 || stop(k-1)) && text[k] != ',' {
			lo = k
		}
	}
	// A sentence's subject set off by a comma ("My bonus, set by the CEO,
	// is on MQL volume") belongs to the clause after it.
	if lo > 1 && text[lo-1] == ',' {
		k := lo - 1
		for k > 0 && lo-k < maxClause && !stop(k-1) {
			k--
		}
		if (k == 0 || strings.IndexByte(".!?\n", text[k-1]) >= 0) && len(strings.Fields(text[k:lo-1])) <= 3 {
			lo = k
		}
	}
	// Never cut a word: move a cut made by the length cap to a space.
	if lo > 0 && !stop(lo-1) {
		for lo < start && text[lo] != ' ' {
			lo++
		}
	}
	if hi < len(text) && !stop(hi) {
		for hi > end && text[hi-1] != ' ' {
			hi--
		}
	}
	for lo < start && !utf8.RuneStart(text[lo]) {
		lo++
	}
	for hi > end && hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	out := strings.TrimSpace(text[lo:hi])
	for lo < hi && text[lo] == ' ' {
		lo++
	}
	// A list item's marker ("- He asked me in writing ...") is layout,
	// not words.
	for _, m := range []string{"- ", "* ", "\u2022 "} {
		if strings.HasPrefix(text[lo:hi], m) && lo < start {
			lo += len(m)
			out = strings.TrimSpace(text[lo:hi])
		}
	}
	// A clause that opens with a joining word reads better without it.
	for _, w := range []string{"and ", "but ", "so ", "then ", "And ", "But ", "So ", "Then "} {
		if rest := strings.TrimPrefix(out, w); rest != out && len(rest) > 0 && start >= lo+len(w) {
			out = rest
			break
		}
	}
	// Nor with the "that" of reported speech ("and that his last company
	// never had a marketing team"): a word before a pronoun or an article
	// is never the demonstrative ("that webinar").
	if rest, ok := strings.CutPrefix(out, "that "); ok {
		if w, _, _ := strings.Cut(rest, " "); thatFollowers[strings.ToLower(w)] && !subjunctive(rest) {
			out = rest
		}
	}
	// Nor one that trails off on one ("1,400 registrations and").
	for _, w := range []string{" and", " but", " or", " so", " then"} {
		if rest := strings.TrimSuffix(out, w); rest != out && end <= lo+len(rest) {
			out = rest
			break
		}
	}
	return out, lo, hi
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// subjunctive reports whether a clause's verb is a bare "be" ("my two
// specialists be moved under Commercial"): it reads only after "that".
func subjunctive(clause string) bool {
	f := strings.Fields(strings.ToLower(clause))
	for i, w := range f {
		if w == "be" && (i == 0 || !modals[f[i-1]]) {
			return true
		}
	}
	return false
}

// modals are the words a bare "be" may follow outside the subjunctive.
var modals = map[string]bool{"to": true, "will": true, "would": true, "should": true, "could": true, "can": true, "must": true, "may": true, "might": true, "shall": true, "not": true, "'ll": true}

// thatFollowers are the words after which a clause's opening "that" is
// the "that" of reported speech.
var thatFollowers = map[string]bool{"his": true, "her": true, "their": true, "the": true, "a": true, "an": true, "he": true, "she": true, "they": true, "we": true, "i": true, "it": true, "our": true, "my": true, "its": true, "marketing": true, "sales": true}

// reason is the strongest urgency reason read from the text, or "" when
// the level stands on the reader's judgement alone: the plan then does
// not restate the level's meaning as if it were a reason.
func (c *ctx) reason() string {
	for _, r := range c.d.UrgencyReasons {
		if r.Label == "" {
			continue
		}
		// Quoted words that are not the sales leader's ("the CEO told me
		// 'sales and marketing have been at war here'") are not the
		// conflict the user sees.
		if q, ok := c.sh.QuoteAt(r.Start); ok && q.Speaker != "sales_leader" {
			continue
		}
		generic := false
		for _, l := range c.pb.Urgency.Levels {
			generic = generic || strings.EqualFold(l.Meaning, r.Label)
		}
		if !generic {
			// The playbook's labels speak of "the sales leader"; the plan
			// speaks of them as it does everywhere else, by name.
			return capital(strings.Replace(r.Label, "the sales leader", c.vals["leader"], 1))
		}
	}
	return ""
}

func (c *ctx) plain(defs []playbook.TriedDef, codes []string) string {
	var out []string
	for _, code := range codes {
		for _, t := range defs {
			if t.Code == code {
				out = append(out, t.Plain)
			}
		}
	}
	return strings.Join(out, "; ")
}

// clean folds whitespace so a quote spanning lines reads as one.
//
// Most strings are clean already (one space between words, none at the
// ends): those are returned as they are, without the list of fields and
// the joined copy that strings.Fields and strings.Join make.
func clean(s string) string {
	if isClean(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isClean reports whether clean(s) == s: no white space at either end,
// and none between words but single ASCII spaces. Any byte that is not
// ASCII sends the string the slow way, which knows Unicode's spaces.
func isClean(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prev := byte(0)
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case b >= 0x80, b == '\t', b == '\n', b == '\v', b == '\f', b == '\r':
			return false
		case b == ' ' && prev == ' ':
			return false
		}
		prev = b
	}
	return true
}

func (c *ctx) typeLine() string {
	tl := c.pb.Plan.TypeLine
	switch {
	case c.d.Proactive && c.d.Risk != 0:
		return c.fill(c.variant("type", tl["proactive_risk"]))
	case c.d.Proactive && c.d.Facts.SharedTarget == "yes" && len(tl["proactive_shared"]) > 0:
		return c.fill(c.variant("type", tl["proactive_shared"]))
	case c.d.Proactive:
		return c.fill(c.variant("type", tl["proactive"]))
	case c.d.Unclear && len(tl["unclear"]) > 0:
		return c.fill(c.variant("type", tl["unclear"]))
	case len(c.d.Types) > 1:
		return c.fill(c.variant("type", tl["combo"]))
	}
	return c.fill(c.variant("type", tl["single"]))
}

// section fills one section: each slot contributes the first option that
// fits, and the sentences are joined.
func (c *ctx) section(name string) string {
	var parts []string
	from := len(c.cited)
	for _, slot := range c.pb.Plan.Sections[name] {
		for _, o := range slot.Pick {
			if o.When.Temptation != nil {
				c.bindTemptation(o.When)
			}
			if c.holds(o.When) && c.filled(o.Text) {
				text := c.variant(name+"."+slot.ID, o.Text)
				if slot.ID == "answer" {
					text = c.polarity(text)
				}
				if c.quotedAgain(text, c.cited[from:]) {
					continue
				}
				if c.temptAt >= 0 && strings.Contains(text, "{temptation}") {
					c.temptUsed[c.temptAt] = true
				}
				parts = append(parts, c.fill(text))
				if o.Says != "" {
					c.said[o.Says] = true
				}
				break
			}
		}
	}
	return strings.Join(parts, " ")
}

// polarity turns the plain yes or no that opens an answer round when
// the user asked whether the move would be a mistake ("Is that dumb?",
// "Bad idea?"): "no, not as a case made with data" answers "Should I?",
// and would tell a user who asked "Is that dumb?" that it is not; and
// "not yet" to going above the sales leader is "yes, Ingrid first" to a
// user who asked whether to take it to Ingrid first (blind round sbs67).
func (c *ctx) polarity(text string) string {
	if c.sh.Question == nil {
		return text
	}
	const lead = "To your question: "
	rest, ok := strings.CutPrefix(text, lead)
	if !ok {
		return text
	}
	// "Should I raise this with Ingrid first?": "not yet" to going above
	// her is "yes, Ingrid first".
	if r, ok := strings.CutPrefix(rest, "not yet. "); ok && c.sh.Question.LeaderFirst {
		return lead + "yes, " + c.vals["leader"] + " first. " + r
	}
	if !c.sh.Question.Negative {
		return text
	}
	for _, sw := range [][2]string{{"yes, ", "no, it would not be a mistake. "}, {"no, ", "yes, it would be a mistake. "}, {"no. ", "yes, it would be a mistake. "}, {"not yet. ", "for now, yes, it would be a mistake. "}} {
		if r, ok := strings.CutPrefix(rest, sw[0]); ok {
			return lead + sw[1] + capital(r)
		}
	}
	return text
}

// quotedAgain reports whether text would quote the user's words that a
// sentence before it in the same section already quoted (the figures
// clause that is also the evidence): a section quotes each span once.
// The sales leader's quote is left to its own rules: a second-hand quote
// must still be called second-hand.
func (c *ctx) quotedAgain(text string, before []Citation) bool {
	for i := strings.IndexByte(text, '{'); i >= 0 && len(before) > 0; {
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			return false
		}
		// The sales leader's quote has rules of its own (see newCtx).
		if key := text[i+1 : i+j]; key != "quote" && c.vals[key] != "" {
			ct, ok := c.cites[key]
			for _, b := range before {
				if ok && ct.Start < b.End && b.Start < ct.End {
					return true
				}
			}
		}
		next := strings.IndexByte(text[i+j:], '{')
		if next < 0 {
			return false
		}
		i += j + next
	}
	return false
}

// filled reports whether every placeholder the wordings use has a value:
// an option that would quote evidence the text does not give is skipped,
// so a plan never quotes words the user did not write.
func (c *ctx) filled(v playbook.Variants) bool {
	for _, s := range v {
		for i := strings.IndexByte(s, '{'); i >= 0; {
			j := strings.IndexByte(s[i:], '}')
			if j < 0 {
				break
			}
			if val, ok := c.vals[strings.ToLower(s[i+1:i+2])+s[i+2:i+j]]; ok && val == "" {
				return false
			}
			next := strings.IndexByte(s[i+j:], '{')
			if next < 0 {
				break
			}
			i += j + next
		}
	}
	return true
}

// variant picks one wording, fixed for a given situation and slot: FNV-1a
// of the text, a zero byte and the slot key, as hash/fnv computes it. The
// text's part is taken once per plan and each slot continues from it, so
// a plan hashes its text once, not once per slot (that was 6 percent of a
// 2 KB plan and grew with the text).
func (c *ctx) variant(key string, v playbook.Variants) string {
	if len(v) == 0 {
		return ""
	}
	if !c.seeded {
		c.textHash = fnv32(fnvOffset, c.seed) * fnvPrime // the text, then a zero byte
		c.seeded = true
	}
	h := fnv32(c.textHash, key)
	return v[int(h%uint32(len(v)))]
}

// fnv32 continues an FNV-1a hash over s.
func fnv32(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// fill replaces placeholders. An opening line addressed to an unnamed
// sales leader ("{Leader}, I ...") drops the address instead of saying
// "Your VP of Sales, I ...".
func (c *ctx) fill(s string) string {
	if c.d.Facts.Leader.Name == "" {
		s = strings.ReplaceAll(s, "\"{Leader}, ", "\"\x00")
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '{' {
			if j := strings.IndexByte(s[i:], '}'); j > 0 {
				if v, ok := c.vals[s[i+1:i+j]]; ok {
					if ct, ok := c.cites[s[i+1:i+j]]; ok && v != "" {
						c.cited = append(c.cited, ct)
					}
					b.WriteString(v)
					i += j
					continue
				}
			}
		}
		b.WriteByte(s[i])
	}
	out := b.String()
	// Capitalise the word after a dropped address.
	for {
		k := strings.IndexByte(out, 0)
		if k < 0 {
			break
		}
		out = out[:k] + capital(out[k+1:])
	}
	return out
}

// dayNames capitalises the days of the week in a name typed in lower
// case ("monday quote review" is said "Monday quote review").
func dayNames(s string) string {
	w := strings.Fields(s)
	for i, x := range w {
		for d := time.Sunday; d <= time.Saturday; d++ {
			if x == strings.ToLower(d.String()) || x == strings.ToLower(d.String())+"'s" {
				w[i] = capital(x)
			}
		}
	}
	return strings.Join(w, " ")
}

// topRoles are the titles of whoever heads the company: above a sales
// leader who is the user's own manager.
var topRoles = map[string]bool{"ceo": true, "md": true, "managing director": true, "president": true, "founder": true, "owner": true, "general manager": true, "gm": true, "chief executive": true}

// leaderPossessive is "Dana's" or "your sales leader's".
func leaderPossessive(f align.Facts, def map[string]string) string {
	switch {
	case f.Leader.Name != "":
		return f.Leader.Name + "'s"
	case f.Leader.Title != "":
		return "your " + f.Leader.Title + "'s"
	}
	return def["leader"] + "'s"
}

// figuresAfter is the end of the last of up to three clauses after byte
// hi, joined to it by commas in one sentence, that holds a digit; hi when
// none does.
func figuresAfter(text string, hi int) int {
	end, at := hi, hi
	for n := 0; n < 3 && at < len(text) && text[at] == ','; n++ {
		_, _, next := clause(text, at+1, at+1)
		if next <= at+1 {
			break
		}
		if strings.ContainsAny(text[at+1:next], "0123456789") {
			end = next
		}
		at = next
	}
	return end
}

// outcomeAfter is the end of the sentence after the one that ends at hi,
// when it is short (maxOutcome words or fewer) and tells a count
// (digits, or a number word such as "zero" or "nine"); else hi. Its
// closing stop is left out, as a clause's is.
func outcomeAfter(text string, hi int) int {
	at := hi
	for at < len(text) && text[at] == ' ' {
		at++
	}
	if at >= len(text) || text[at] != '.' {
		return hi
	}
	start := at + 1
	for start < len(text) && text[start] == ' ' {
		start++
	}
	// A new paragraph starts another matter.
	if start >= len(text) || strings.Contains(text[at:start], "\n") {
		return hi
	}
	end := start
	for end < len(text) && !strings.ContainsRune(".!?\n", rune(text[end])) {
		// A point between digits ("1.9") is part of a number.
		end++
	}
	next := text[start:end]
	words := strings.Fields(next)
	if len(words) == 0 || len(words) > maxOutcome || strings.ContainsAny(next, "\"\u201c\u201d") {
		return hi
	}
	count := strings.ContainsAny(next, "0123456789")
	for _, w := range words {
		count = count || countWords[strings.ToLower(strings.Trim(w, ",;:"))]
	}
	if !count {
		return hi
	}
	return end
}

// maxOutcome is the most words outcomeAfter reads as a record's outcome.
const maxOutcome = 12

// countWords are number words an outcome may be told in.
var countWords = map[string]bool{"zero": true, "none": true, "nothing": true, "one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "eleven": true, "twelve": true}

// manager names the user's own manager for a plan that goes through them
// ("your own manager Jill" when the text names them, else the
// playbook's default, "your own manager").
func manager(sh sheet.Sheet, def map[string]string) string {
	if sh.Manager != "" {
		return "your own manager " + sh.Manager
	}
	return def["manager"]
}

// outside names the people a private first conversation leaves out: those
// from leadership and the user's own manager that the text names, in the
// order it names them, other than the sales leader, at most two, joined by
// "or" ("Grace or Jonathan"). Titles alone ("the board") are not named:
// "not the board" says nothing the plan does not already.
func outside(sh sheet.Sheet, leader string) string {
	var names []string
	for _, p := range sh.People {
		if (p.Kind != "exec" && p.Kind != "user_boss") || p.Name == "" || p.Name == leader || slices.Contains(names, p.Name) {
			continue
		}
		names = append(names, p.Name)
		if len(names) == 2 {
			break
		}
	}
	return strings.Join(names, " or ")
}

// whom is whom the move the user asks about (else the first escalation
// they weigh) goes to: the first person
// from leadership (or the user's own manager) the move's words name
// ("go straight to Patrick with a proposal"), by name, else a leadership
// title they use ("take it to the CFO", names.bosses), else boss. An
// answer about going up then speaks of the person the user means.
func whom(pb *playbook.Playbook, sh sheet.Sheet, boss string) string {
	move := -1
	if sh.Question != nil && sh.Question.Move >= 0 && sh.Question.Move < len(sh.Temptations) {
		move = sh.Question.Move
	}
	// No question about a move: the first escalation the user weighs.
	for i, t := range sh.Temptations {
		if move < 0 && len(t.Kinds) > 0 && t.Kinds[0] == "escalated" {
			move = i
		}
	}
	if move < 0 {
		return boss
	}
	if to := sh.Temptations[move].To; to != "" {
		return to
	}
	words := strings.FieldsFunc(strings.ToLower(sh.Temptations[move].Text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '-'
	})
	for _, p := range sh.People {
		if (p.Kind == "exec" || p.Kind == "user_boss") && p.Name != "" && slices.Contains(words, strings.ToLower(p.Name)) {
			return p.Name
		}
	}
	for _, w := range words {
		if b, ok := pb.Names.Bosses[w]; ok {
			return b
		}
	}
	return boss
}

// within says when the first change starts ({Within}): the playbook's 30
// days (plan.defaults within), or, when the date ahead falls inside them
// (sheet.Sheet.DueNear), before that date (within_dated, naming what
// falls on it, or within_due): a change timed to land after the review it
// was meant for is one a reader cannot act on. A date a few days off
// (sheet.Sheet.DueImminent) leaves no time for a change before it, so the
// 30 days stand.
func within(def map[string]string, sh *sheet.Sheet, occasion string) string {
	if !sh.DueNear || sh.DueImminent || sh.Due == "" {
		return def["within"]
	}
	if occasion != "" {
		return strings.NewReplacer("{occasion}", occasion, "{due}", sh.Due).Replace(def["within_dated"])
	}
	return strings.ReplaceAll(def["within_due"], "{due}", sh.Due)
}

// singular is the singular of a plural noun phrase the playbook or the
// user's vocabulary supplies ("quote requests", "enquiries", "policies").
func singular(plural string) string {
	switch {
	case strings.HasSuffix(plural, "ies"):
		return strings.TrimSuffix(plural, "ies") + "y"
	case strings.HasSuffix(plural, "s"):
		return strings.TrimSuffix(plural, "s")
	}
	return plural
}

// indefinite puts "a" or "an" before a noun phrase by its first letter
// ("an enquiry", "a referral"); the vocabulary has no words where the
// letter and the sound part ("an hour", "a user").
func indefinite(noun string) string {
	if noun != "" && strings.ContainsRune("aeiou", rune(noun[0])) {
		return "an " + noun
	}
	return "a " + noun
}

// marketer is the head of marketing by name when the user runs RevOps:
// the other side of a dispute the user stands between ("Our CRO, Graham
// Baird, and our VP Marketing, Leah Okafor, both report to the CEO").
// It is empty for a marketing user, and when the text names no one.
func marketer(sh sheet.Sheet) string {
	if sh.Function != "revops" {
		return ""
	}
	for _, p := range sh.People {
		if p.Kind == "marketing" && p.Name != "" && !strings.EqualFold(p.Name, sh.Leader.Name) {
			return p.Name
		}
	}
	return ""
}
