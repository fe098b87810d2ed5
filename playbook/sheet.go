package playbook

import (
	"errors"
	"fmt"

	"github.com/align-coach/align/internal/wire"
	"github.com/align-coach/align/match"
)

// SheetDef holds the words the fact sheet is read with: who people are and
// how they stand to the user, the numbers worth restating, the things the
// user made or is making, what the user is tempted to do, and when things
// happened. Patterns are written like every other pattern and may use the
// playbook's macros; they are compiled apart from the diagnosis's, so the
// fact sheet never changes what the learned reader sees.
type SheetDef struct {
	// Roles maps a kind of role ("sales", "exec", "user_boss") to the
	// patterns that name it.
	Roles map[string][]string `yaml:"roles"`
	// Relations maps how the sales leader stands to the user ("boss",
	// "skip", "peer") to the patterns that say so in a sentence about them.
	Relations map[string][]string `yaml:"relations"`
	// Conflict finds a sentence that shows two people at odds.
	Conflict []string `yaml:"conflict"`
	// Failed finds a sentence saying a direct conversation did not work.
	Failed []string `yaml:"failed"`
	// Promised finds the words of a promise: a plan says the user
	// promised a number only when the text says so in such words.
	Promised []string `yaml:"promised"`
	// Intent opens what the user is considering; the words after it, to
	// the end of the clause, are the temptation in the user's words.
	Intent []string `yaml:"intent"`
	// AskMove finds the user asking whether to make a move ("should I",
	// "do I go", "is that a bad idea", "am I on the right track"); read
	// only at the start of a question, or after "or".
	AskMove []string `yaml:"ask_move"`
	// AskPropose finds the user asking what to propose or bring to a
	// meeting ("What should I propose there?", "what I should bring"),
	// which no move they name answers: a plan says what, by type.
	AskPropose []string `yaml:"ask_propose"`
	// AskBefore finds the user asking what to do before a date or in the
	// time they have ("What should I do before Thursday?", "what do I do
	// in the next two weeks?"): a plan says what, in order.
	AskBefore []string `yaml:"ask_before"`
	// AskEscalate finds a question that weighs taking the matter above
	// the sales leader without a verb of the user's own ("or is this now
	// a question for the MD?", "Worth trying, or is this a board-level
	// thing?"): a plan answers it as a question about escalating.
	AskEscalate []string `yaml:"ask_escalate"`
	// AskRead finds the user asking what is going on ("Is this a
	// relationship problem or a metrics problem?", "What am I
	// missing?", "Is he against marketing as such?"): a plan answers with
	// its reading of the case, by type.
	AskRead []string `yaml:"ask_read"`
	// Doubt finds the user doubting a move named before it in the
	// sentence ("Teresa has asked me to present the new funnel metrics at
	// the kickoff, and I'm not sure that's a good idea"): the move is
	// weighed, like one after an intent.
	Doubt []string `yaml:"doubt"`
	// MoveKinds maps a kind of move (a tried or temptation code:
	// "escalated", "data_deck", "committed_number") to the patterns that
	// say it. A temptation is kept only when it holds one, and a plan
	// answers it by its kind.
	MoveKinds map[string][]string `yaml:"move_kinds"`
	// Changed finds the user saying they made a change.
	Changed []string `yaml:"changed"`
	// Time finds when something happened.
	Time []string `yaml:"time"`
	// Deadline finds a date ahead that sets the pace: a budget cycle, a
	// board meeting, a renewal, "next month".
	Deadline []string `yaml:"deadline"`
	// Occasions are the nouns that name what falls on a date ahead ("the
	// 2027 planning meeting", "the board pack", "the QBR"): a plan names
	// the occasion with its date ({occasion}).
	Occasions []string `yaml:"occasions"`
	// Lasting finds words that say how long the dynamic has gone on.
	Lasting []string `yaml:"lasting"`
	// Mandate finds leadership telling the user what marketing is for:
	// "the CEO hired me to build inbound", "my mandate is".
	Mandate []string `yaml:"mandate"`
	// Wins finds a result told as coming from something marketing ran:
	// "the framework win in May, which came from our tender tracking and
	// a webinar series". A program named only there is no failure.
	Wins []string `yaml:"wins"`
	// Admits finds the user owning marketing's part of the record:
	// "that's on us, fully", "our mistake".
	Admits []string `yaml:"admits"`
	// Conviction finds the user sure the numbers settle it in their
	// favour: "the data is pretty clear", "our numbers speak for
	// themselves".
	Conviction []string `yaml:"conviction"`
	// Valued finds the part of marketing the sales leader already accepts
	// or uses ("he's fine with me running job ads", "she likes our case
	// studies"), from its verb; the sheet checks the subject is the sales
	// leader. A plan for a leader who doubts the function builds on it.
	Valued []string `yaml:"valued"`
	// Meeting finds the sales team's own meeting by the name the user
	// gives it ("his Thursday forecast call"); a plan asks for a seat in
	// that meeting, not in a generic "pipeline review".
	Meeting []string `yaml:"meeting"`
	// Unmet finds a meeting with the sales leader that did not happen
	// ("both times he cancelled the same morning", "no answer"); with no
	// conversation held (Held), a plan does not say one took place.
	Unmet []string `yaml:"unmet"`
	// Alone finds words saying the sales leader was left out of a change
	// the user made ("I never walked Nadia through it myself", "without
	// asking her"): a lead-rule change made alone, whatever the reader's
	// signals caught.
	Alone []string `yaml:"alone"`
	// Shallow finds a meeting told as no real conversation ("it was
	// fine but surface level", "just pleasantries"): the playbook's
	// direct conversation is an honest one on one, and this was not.
	Shallow []string `yaml:"shallow"`
	// HoldBack finds the user's own manager telling them to wait ("Elodie
	// read the draft and told me to sit on it for now", "Lena told me to
	// keep my head down and let her handle it").
	HoldBack []string `yaml:"hold_back"`
	// Referee finds someone above the two telling them to settle it
	// between themselves ("I'm not going to referee", "pj's view is 'you
	// two are adults'", "told both of us to sort it out").
	Referee []string `yaml:"referee"`
	// Undone finds a change of the user's taken back ("Martin asked me
	// to put the old scoring back. I did.", "we rolled it back").
	Undone []string `yaml:"undone"`
	// Welcomed finds the sales leader taking up what the user made
	// ("Koen said it was useful and asked Lotte to send it to him every
	// month"): a report asked for is not a case made against them.
	Welcomed []string `yaml:"welcomed"`
	// Defends finds the user defending the leads marketing sent ("some
	// of the Fieldays leads were fine and just never got a call"): the
	// user's case, not their account of the record.
	Defends []string `yaml:"defends"`
	// Guess opens a sentence in which the user guesses at the sales
	// leader rather than telling what they did ("Part of me also thinks
	// Declan just doesn't believe in marketing").
	Guess []string `yaml:"guess"`
	// Held finds the user telling of a conversation that took place
	// ("we talked", "I had a one-on-one with him").
	Held []string `yaml:"held"`
	// SeatLost finds the user saying they were taken out of a sales
	// meeting they used to attend ("I've since been dropped from the
	// Thursday forecast call"); a plan does not tell them to ask for it
	// as if it were new.
	SeatLost []string `yaml:"seat_lost"`
	// SeatNot finds the user saying they are not in a sales meeting
	// ("I'm also not invited to the Thursday pipeline scrub"): that is
	// the seat a plan asks for, and no seat is inferred from words heard.
	SeatNot []string `yaml:"seat_not"`
	// SeatHeld finds the user saying, of themselves, that they attend a
	// sales meeting ("I sit in on the Monday forecast call"); a plan does
	// not ask for a seat the user has.
	SeatHeld []string `yaml:"seat_held"`
	// SeatPart finds the user saying they attend a sales meeting only
	// some of the time ("I get invited about once a month when marketing
	// has an agenda item"); a plan asks for the standing seat.
	SeatPart []string `yaml:"seat_part"`
	// Booked finds a meeting with the sales leader already on the
	// calendar ("Our first proper 1:1 is this Thursday"); a plan holds
	// the first conversation there rather than asking for a new one.
	Booked []string `yaml:"booked"`
	// AskedFor finds the words that introduce what someone asked
	// marketing for, told in the user's words rather than quoted ("he
	// said if I wanted to help I could get him a cleaner prospect list",
	// "she has asked us for more of the sell-in kits"); the request is
	// what follows, and it counts only when the sales leader asked.
	AskedFor []string `yaml:"asked_for"`
	// AskedNeed finds the user asking the sales leader what they need
	// from marketing ("I asked what he needed from marketing"): the
	// sales leader's quoted answer is a request.
	AskedNeed []string `yaml:"asked_need"`
	// Settling finds a decision being made now, with no date ("2027
	// targets are being drafted now"): a deadline already running.
	Settling []string `yaml:"settling"`
	// AskedBySales finds a change told as the sales leader's own request
	// ("I raised the MQL score threshold from 50 to 65, which Joaquin
	// asked for"): a change made with sales, not without them.
	AskedBySales []string `yaml:"asked_by_sales"`
	// Date finds a date as a plan can name it after "before": "15
	// December", "January 10", "this Thursday", "the end of the
	// quarter", "February" (after "in", "by", "before" or "until").
	Date []string `yaml:"date"`
	// Soon finds a date days away rather than weeks ("next Tuesday",
	// "in three days"); a plan's first conversation does not wait two
	// weeks for it.
	Soon []string `yaml:"soon"`
	// WentAbove finds the user saying they took the matter above the
	// sales leader ("I sent our CEO the dashboard", "I raised it with the
	// COO"): an escalation already made, read with the user's own words.
	WentAbove []string `yaml:"went_above"`
	// Joint finds words that make a move a shared one ("I want her on
	// side before I touch anything", "with sales", "together"): a change
	// the user weighs making with the sales leader is not one made alone.
	Joint []string `yaml:"joint"`
	// Suggest opens a move someone else puts to the user ("My boss
	// suggests I use it to unveil a 90-day plan"): weighed like one after
	// an intent, but the plan names who suggested it.
	Suggest []string `yaml:"suggest"`
	// FoundOut finds words saying the sales leader learned of something
	// done behind them ("he obviously found out", "she got wind of it").
	FoundOut []string `yaml:"found_out"`
	// PassedOn finds someone passing a message on to a person named
	// after it ("She forwarded it to Alex"): the sales leader knows when
	// that person is them.
	PassedOn []string `yaml:"passed_on"`
	// Recoded finds deals already put down as sales' own.
	Recoded []string `yaml:"recoded"`
	// LeaderAbove finds the sales leader taking the dispute above the two.
	LeaderAbove []string `yaml:"leader_above"`
	// DataTalk finds the user bringing data to a conversation with the
	// sales leader ("Brought one slide with the follow-up numbers").
	DataTalk []string `yaml:"data_talk"`
	// Lost finds words about deals, pipeline or leads already lost or
	// going unworked; a plan claims lost pipeline only when they are there.
	Lost []string `yaml:"lost"`
	// ClosedDeal finds a deal told as already signed or won ("We signed
	// the biggest contract of our history"): a plan does not speak of it
	// as still to close.
	ClosedDeal []string `yaml:"closed_deal"`
	// Record finds the nouns of what marketing sends and runs (leads,
	// programs, scans, ads); a plan cites a clause of the user's as
	// marketing's record only when it names one.
	Record []string `yaml:"record"`
	// Unworked finds leads or enquiries left unworked ("nobody called
	// them", "her reps stopped calling"): lost too, and also the sign
	// that marketing is sending leads that sales does not work.
	Unworked []string `yaml:"unworked"`
	// Tenure maps "new" and "established" to the patterns that say, in a
	// sentence of the user's own, how long they have been in the role.
	Tenure map[string][]string `yaml:"tenure"`
	// Function maps what the user runs, when it is not marketing
	// ("revops", "growth"), to the patterns that say so in a sentence of
	// their own; the value of Functions is how a plan names it.
	Function  map[string][]string `yaml:"function"`
	Functions map[string]string   `yaml:"functions"`
	// Hearsay finds a sentence that passes on what someone heard, not
	// what was said to the user ("apparently", "one of the reps told me").
	Hearsay []string `yaml:"hearsay"`
	// Speech are the verbs that introduce what someone said; the words
	// before one name the speaker, the words after it whom they told.
	Speech []string `yaml:"speech"`
	// RequestVerbs open what the sales leader asks marketing to do, in
	// their own quoted words ("Now go redo the line card"); Softeners may
	// come before the verb ("now", "just", "please").
	RequestVerbs []string `yaml:"request_verbs"`
	// MeetVerbs put the user in a room with someone ("walk Brendan
	// through it", "present it to him"): a move weighed with one of
	// them, on a day, is a meeting already planned (Sheet.PlannedOn).
	MeetVerbs []string `yaml:"meet_verbs"`
	// StopVerbs end something the user ran ("I ended the agency
	// contract", "we killed the broad webinars"): a change among
	// sheet.changed that stops a program rather than starting one.
	StopVerbs []string `yaml:"stop_verbs"`
	Softeners []string `yaml:"softeners"`
	// Dismissals are two-word requests that tell marketing to go away
	// ("get out"), never taken as work to do.
	Dismissals []string `yaml:"dismissals"`
	// SaidNouns name what someone said ("line", "words", "view"); before a
	// quotation they introduce it as speech.
	SaidNouns []string `yaml:"said_nouns"`
	// TermVerbs put a quotation as a rule, label or measure, not as
	// words said: right before it, "His number uses \"who booked the
	// first meeting\"" quotes a counting rule, whoever wrote it.
	TermVerbs []string `yaml:"term_verbs"`
	// Vocab maps a plan's word for a thing to the words a text may use
	// for it; the plan uses its word only when the text does (see plan
	// vocabulary).
	Vocab map[string][]string `yaml:"vocab"`
	// Nouns maps a plan word to the user's own plural nouns for it, in
	// order of preference, for a text that does not use the plan's word.
	Nouns map[string][]string `yaml:"nouns"`
	// Artifacts are the things a user makes to argue their case.
	Artifacts []ArtifactDef `yaml:"artifacts"`
	// States maps what is happening to an artifact ("considering",
	// "making", "sent") to the words that say it, in the artifact's
	// sentence.
	States map[string][]string `yaml:"states"`
	// CountNouns are the nouns a number counts that are worth restating
	// ("400 leads"); a number is kept only with one of them.
	CountNouns []string `yaml:"count_nouns"`
	// Funnel names what marketing hands over (In: "leads", "registrants")
	// and what sales makes of it (Out: "opportunities", "deals"), so a
	// pair of counts in one sentence or two ("412 registrants, 0
	// opportunities") is read as the record a sales leader judges.
	Funnel FunnelDef `yaml:"funnel"`
	// Modifiers may sit between a number and its noun ("400 inbound leads").
	Modifiers []string `yaml:"modifiers"`
	// NotNames are capitalised words that start sentences but are not
	// names ("Since", "Honestly").
	NotNames []string `yaml:"not_names"`
	// VerbNouns are program nouns that are also verbs ("show"). The
	// reader's program of one is kept only where the text uses it as a
	// noun; VerbBefore and VerbAfter are the words around it that show a
	// verb ("I show MQLs up", "new asks show up"), so a plan never calls
	// that "the show".
	VerbNouns  []string `yaml:"verb_nouns"`
	VerbBefore []string `yaml:"verb_before"`
	VerbAfter  []string `yaml:"verb_after"`
	// Own maps the determiner a user wrote before a thing to the one a
	// plan uses when speaking to the user ("my" becomes "your").
	Own map[string]string `yaml:"own"`
	// ToldSkip are the words after a number that make it no figure of
	// the case (a duration, a head count, a month), so a sentence that
	// holds only such numbers is not restated.
	ToldSkip []string `yaml:"told_skip"`
	// ToldSize are the words after an amount that make it a company's
	// size ("$200M revenue"); ToldMoney the words that make a number an
	// amount ("420k euros", "60,000 zł"); ToldNouns the nouns, beyond
	// the funnel's and count_nouns, that a figure of the case counts
	// ("86 site assessments").
	ToldSize []string `yaml:"told_size"`
	// Intro finds the user introducing themselves ("I'm Head of
	// Marketing at a family-owned maker of grinding machines, 600
	// people"): its figures size the company and are not restated.
	Intro     []string `yaml:"intro"`
	ToldMoney []string `yaml:"told_money"`
	ToldNouns []string `yaml:"told_nouns"`
	// ToldVerbs are the verbs, beyond any past tense in -ed, that make a
	// told sentence a sentence ("It cost about $80k"), so a list of
	// figures without one ("2,300 clicks, 94 form fills, mostly
	// students") is not restated; ToldHedges mark the user's guess
	// ("Pretty sure 60% of the scans were never called"), which a plan
	// does not restate as a fact.
	ToldVerbs []string `yaml:"told_verbs"`
	// VerdictNegative are the words of a question that asks whether a
	// move would be a mistake ("Is that dumb?"), which a plain yes or no
	// answers the other way round.
	VerdictNegative []string `yaml:"verdict_negative"`
	ToldHedges      []string `yaml:"told_hedges"`
	// SecondPerson maps the user's words for themselves, lower case, to
	// the words a plan uses when it restates them to the user ("my
	// budget" is "your budget"); AfterI maps a verb that follows "I" to
	// the form that follows "you" ("I was" is "you were").
	SecondPerson map[string]string `yaml:"second_person"`
	AfterI       map[string]string `yaml:"after_i"`
}

// FunnelDef is the two ends of a result told as counts: In are the
// nouns for what marketing hands over, Out the nouns for what sales makes
// of it (playbook/data/80-sheet.yaml, sheet.funnel).
type FunnelDef struct {
	In  []string `yaml:"in"`
	Out []string `yaml:"out"`
	// Bridge are the words that may stand between a count and what it
	// counts ("41 became opportunities", "9 turned into deals").
	Bridge []string `yaml:"bridge"`
}

// ArtifactDef is one kind of thing a user makes.
type ArtifactDef struct {
	Noun  string   `yaml:"noun"`
	Words []string `yaml:"words"`
	// Kind is "data" for things that argue with numbers (a deck, a
	// report), "message" for a note or email.
	Kind string `yaml:"kind"`
}

func (s SheetDef) validate() []error {
	var errs []error
	for _, k := range []string{"sales", "exec"} {
		if len(s.Roles[k]) == 0 {
			errs = append(errs, fmt.Errorf("sheet.roles.%s is empty", k))
		}
	}
	for _, k := range []string{"boss", "skip", "peer"} {
		if len(s.Relations[k]) == 0 {
			errs = append(errs, fmt.Errorf("sheet.relations.%s is empty", k))
		}
	}
	for _, k := range []string{"considering", "making", "sent"} {
		if len(s.States[k]) == 0 {
			errs = append(errs, fmt.Errorf("sheet.states.%s is empty", k))
		}
	}
	for _, a := range s.Artifacts {
		if a.Noun == "" || len(a.Words) == 0 {
			errs = append(errs, fmt.Errorf("sheet.artifacts: %q needs a noun and words", a.Noun))
		}
		if a.Kind != "data" && a.Kind != "message" {
			errs = append(errs, fmt.Errorf("sheet.artifacts %q: kind must be data or message", a.Noun))
		}
	}
	if len(s.MoveKinds) == 0 {
		errs = append(errs, fmt.Errorf("sheet.move_kinds is empty"))
	}
	if len(s.CountNouns) == 0 || len(s.Intent) == 0 || len(s.Time) == 0 || len(s.VerbBefore) == 0 || len(s.Funnel.In) == 0 || len(s.Funnel.Out) == 0 {
		errs = append(errs, fmt.Errorf("sheet: count_nouns, funnel, intent, time and verb_before are required"))
	}
	return errs
}

// SheetRef says what a compiled fact-sheet pattern finds: a group ("role",
// "relation", "conflict", "failed", "intent", "changed", "time",
// "artifact", "state") and a key within it.
type SheetRef struct{ Group, Key string }

// EachSheetPattern calls fn with the fact sheet's patterns, group by group,
// in the order the sheet's automaton numbers them.
func (p *Playbook) EachSheetPattern(fn func(group, key string, raw []string)) {
	sd := p.Sheet
	for _, k := range sortedKeys(sd.Roles) {
		fn("role", k, sd.Roles[k])
	}
	for _, k := range sortedKeys(sd.Relations) {
		fn("relation", k, sd.Relations[k])
	}
	fn("conflict", "", sd.Conflict)
	fn("failed", "", sd.Failed)
	fn("promised", "", sd.Promised)
	fn("intent", "", sd.Intent)
	fn("doubt", "", sd.Doubt)
	fn("ask_move", "", sd.AskMove)
	fn("ask_propose", "", sd.AskPropose)
	fn("ask_before", "", sd.AskBefore)
	fn("ask_escalate", "", sd.AskEscalate)
	fn("ask_read", "", sd.AskRead)
	fn("changed", "", sd.Changed)
	fn("time", "", sd.Time)
	fn("deadline", "", sd.Deadline)
	fn("lost", "", sd.Lost)
	fn("data_talk", "", sd.DataTalk)
	fn("leader_above", "", sd.LeaderAbove)
	fn("recoded", "", sd.Recoded)
	fn("closed_deal", "", sd.ClosedDeal)
	fn("record", "", sd.Record)
	fn("unworked", "", sd.Unworked)
	fn("lasting", "", sd.Lasting)
	fn("mandate", "", sd.Mandate)
	fn("wins", "", sd.Wins)
	fn("admits", "", sd.Admits)
	fn("conviction", "", sd.Conviction)
	fn("valued", "", sd.Valued)
	fn("meeting", "", sd.Meeting)
	fn("seat_lost", "", sd.SeatLost)
	fn("seat_not", "", sd.SeatNot)
	fn("seat_held", "", sd.SeatHeld)
	fn("seat_part", "", sd.SeatPart)
	fn("booked", "", sd.Booked)
	fn("unmet", "", sd.Unmet)
	fn("alone", "", sd.Alone)
	fn("shallow", "", sd.Shallow)
	fn("hold_back", "", sd.HoldBack)
	fn("referee", "", sd.Referee)
	fn("undone", "", sd.Undone)
	fn("welcomed", "", sd.Welcomed)
	fn("defends", "", sd.Defends)
	fn("guess", "", sd.Guess)
	fn("held", "", sd.Held)
	fn("asked_for", "", sd.AskedFor)
	fn("asked_need", "", sd.AskedNeed)
	fn("settling", "", sd.Settling)
	fn("asked_by_sales", "", sd.AskedBySales)
	fn("date", "", sd.Date)
	fn("soon", "", sd.Soon)
	fn("went_above", "", sd.WentAbove)
	fn("joint", "", sd.Joint)
	fn("suggest", "", sd.Suggest)
	fn("found_out", "", sd.FoundOut)
	fn("passed_on", "", sd.PassedOn)
	fn("hearsay", "", sd.Hearsay)
	fn("intro", "", sd.Intro)
	for _, k := range sortedKeys(sd.Tenure) {
		fn("tenure", k, sd.Tenure[k])
	}
	for _, k := range sortedKeys(sd.Nouns) {
		for _, w := range sd.Nouns[k] {
			fn("noun:"+k, w, []string{w})
		}
	}
	for _, k := range sortedKeys(sd.Function) {
		fn("function", k, sd.Function[k])
	}
	// Each plan word is its own group: one word of the text may stand for
	// two ("MQLs" are leads too).
	for _, k := range sortedKeys(sd.Vocab) {
		fn("vocab:"+k, k, sd.Vocab[k])
	}
	for _, a := range sd.Artifacts {
		fn("artifact", a.Noun, a.Words)
	}
	for _, k := range sortedKeys(sd.States) {
		fn("state", k, sd.States[k])
	}
	for _, k := range sortedKeys(sd.MoveKinds) {
		fn("move", k, sd.MoveKinds[k])
	}
}

// SheetMatcher returns the fact sheet's automaton and what each of its
// patterns finds, compiled with the playbook (and so at build time, in
// compiled.bin): parsing and stemming its phrases was most of a cold
// `align plan`. It returns nil when a pattern does not parse; package
// sheet then compiles them itself and reports the error.
func (p *Playbook) SheetMatcher() (*match.Matcher, []SheetRef) {
	return p.sheetM, p.sheetRefs
}

// compileSheet compiles the fact sheet's patterns, noting how many
// patterns each phrase expands to so that a decoder can rebuild the refs.
func (p *Playbook) compileSheet() {
	var pats []match.Pattern
	var refs []SheetRef
	var counts []int
	ok := true
	p.EachSheetPattern(func(group, key string, raw []string) {
		for _, r := range raw {
			ps, err := match.Parse(r, p.Macros)
			if err != nil {
				ok = false
				return
			}
			counts = append(counts, len(ps))
			for _, x := range ps {
				pats = append(pats, x)
				refs = append(refs, SheetRef{group, key})
			}
		}
	})
	if !ok {
		return
	}
	m, err := match.Compile(pats)
	if err != nil {
		return
	}
	p.sheetM, p.sheetRefs, p.sheetCounts = m, refs, counts
}

// encodeSheet writes the compiled fact sheet after the playbook's own
// automaton: whether there is one, each phrase's pattern count, the
// automaton.
func (p *Playbook) encodeSheet(w *wire.Writer) {
	w.Bool(p.sheetM != nil)
	if p.sheetM == nil {
		return
	}
	w.Uint(uint64(len(p.sheetCounts)))
	for _, n := range p.sheetCounts {
		w.Uint(uint64(n))
	}
	p.sheetM.Encode(w)
}

// decodeSheet reads what encodeSheet wrote.
func (p *Playbook) decodeSheet(r *wire.Reader) error {
	if !r.Bool() {
		return nil
	}
	counts := make([]int, r.Len())
	for i := range counts {
		counts[i] = r.Len()
	}
	var refs []SheetRef
	i := 0
	p.EachSheetPattern(func(group, key string, raw []string) {
		for range raw {
			if i < len(counts) {
				for range counts[i] {
					refs = append(refs, SheetRef{group, key})
				}
			}
			i++
		}
	})
	if r.Err() != nil {
		return r.Err()
	}
	if i != len(counts) {
		return errors.New("fact sheet phrases and their counts disagree")
	}
	m, err := match.DecodeMatcher(r)
	if err != nil {
		return err
	}
	if m.Patterns() != len(refs) {
		return errors.New("fact sheet patterns and their refs disagree")
	}
	p.sheetM, p.sheetRefs, p.sheetCounts = m, refs, counts
	return nil
}
