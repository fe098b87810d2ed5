package playbook

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
)

// PlanDef holds the sentences plans are built from. A section is a list
// of slots; each slot picks the first option whose conditions hold and
// contributes one of its variants. Variants say the same thing in
// different words, and the choice among them is a fixed function of the
// situation, so two situations of one type do not read alike and one
// situation always reads the same.
type PlanDef struct {
	TypeLine    map[string]Variants  `yaml:"type_line"`
	Sections    map[string][]Slot    `yaml:"sections"`
	Assumptions map[string]AssumeDef `yaml:"assumptions"`
	// AssumptionsProactive replaces some assumptions when there is no
	// friction yet.
	AssumptionsProactive map[string]AssumeDef `yaml:"assumptions_proactive"`
	// Assumed is the sentence that ends the assessment when the plan
	// assumed something: the playbook's format has no section for it.
	Assumed AssumedLine `yaml:"assumed"`
	// Defaults name people the text does not name.
	Defaults map[string]string `yaml:"defaults"`
	// Probes say, for each type, what to ask the sales leader about and
	// what answer points to that type. When the type is unclear the first
	// conversation is built from the probes of the two leading types.
	Probes map[int]Probe `yaml:"probes"`
}

// Probe is how the first conversation tells one type from another.
type Probe struct {
	// Ask is a noun phrase the user asks the sales leader about ("the
	// leads and programs marketing has sent").
	Ask string `yaml:"ask"`
	// Hear is what the sales leader says when this type drives it.
	Hear string `yaml:"hear"`
}

// Sections every plan has, keyed as in PlanDef.Sections. "urgency" is
// the Urgency line.
var PlanSections = []string{
	"urgency", "assessment", "when", "who", "open", "listen", "not_say",
	"first_change", "seat", "escalation", "will_not_work",
}

// Slot is one sentence position in a section.
type Slot struct {
	ID   string   `yaml:"id"`
	Pick []Option `yaml:"pick"`
}

// Option is one way to fill a slot, used when its conditions hold.
type Option struct {
	When When     `yaml:"when"`
	Text Variants `yaml:"text"`
	// Says names what the option talks about ("committed_number"), so a
	// later slot can leave it out with When.Unsaid: a plan says each
	// thing once.
	Says string `yaml:"says"`
}

// AssumeDef is what a plan assumes when a setup fact is missing.
type AssumeDef struct {
	Assumed string `yaml:"assumed"`
	// Clause is the same assumption as a clause the plan's sentence
	// joins to others ("you are established in your role ..."); it may
	// use the plan's placeholders ({leader}, {they}).
	Clause   string `yaml:"clause"`
	Question string `yaml:"question"`
	// Unless lists conditions under which the plan itself states the
	// fact, or the text shows it: then the assumption is not listed, so
	// the Assumptions never contradict the plan.
	Unless []When `yaml:"unless"`
	// Matters lists the conditions under which the plan's advice turns
	// on the fact, so the assessment says it assumed it; empty means
	// always. The JSON lists the assumption either way.
	Matters []When `yaml:"matters"`
}

// AssumedLine says what a plan assumed, in one sentence. {assumed} is
// the clauses, each after "that", joined with commas and "and". One is
// used for one clause, Two for two and More for three or more, so the
// sentence's "if that/either/any" agrees.
type AssumedLine struct {
	One  string `yaml:"one"`
	Two  string `yaml:"two"`
	More string `yaml:"more"`
}

// Variants is one text or a list of interchangeable texts.
type Variants []string

// UnmarshalYAML accepts a single string or a list of strings.
func (v *Variants) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		*v = Variants{one}
		return nil
	}
	var many []string
	if err := unmarshal(&many); err != nil {
		return fmt.Errorf("want a string or a list of strings")
	}
	*v = many
	return nil
}

// When is a set of conditions on the diagnosis; all given ones must hold.
// Lists mean "any of".
type When struct {
	Type      []int    `yaml:"type"`  // the primary type is one of these
	Has       []int    `yaml:"has"`   // one of these types is present
	Lacks     []int    `yaml:"lacks"` // none of these types is present
	Multi     *bool    `yaml:"multi"` // more than one type is present
	Proactive *bool    `yaml:"proactive"`
	Risk      []int    `yaml:"risk"` // proactive, and the risk is one of these
	Tenure    []string `yaml:"tenure"`
	Reporting []string `yaml:"reporting"`
	Shared    []string `yaml:"shared"`
	Sees      []string `yaml:"sees"`
	Urgency   []string `yaml:"urgency"`
	Tried     []string `yaml:"tried"`     // one of these was tried
	NotTried  []string `yaml:"not_tried"` // none of these was tried
	Tempted   []string `yaml:"tempted"`   // one of these is being considered
	// NotTempted: none of these is being considered.
	NotTempted []string `yaml:"not_tempted"`
	Named      *bool    `yaml:"named"`   // the sales leader's name is known
	Quote      *bool    `yaml:"quote"`   // the user quotes the sales leader
	Rep        *bool    `yaml:"rep"`     // a rep is named
	Deal       *bool    `yaml:"deal"`    // a deal is named
	Program    *bool    `yaml:"program"` // a program is named
	// Cited holds when the program a plan names first is told where the
	// sales leader is (sheet.Sheet.ProgramCited): only then is it their
	// complaint.
	Cited *bool `yaml:"cited"`
	Seat  *bool `yaml:"seat"` // the user already has the pipeline review seat
	Boss  *bool `yaml:"boss"` // the shared boss is known
	// From the fact sheet (package sheet).
	Line       []string `yaml:"line"`        // the sales leader is the user's "boss", "skip" or "peer"
	Failed     *bool    `yaml:"failed"`      // a direct conversation was held and did not work
	Artifact   []string `yaml:"artifact"`    // a data artifact is in one of these states: considering, making, sent
	Temptation *bool    `yaml:"temptation"`  // the user names a move they are considering
	Numbers    *bool    `yaml:"numbers"`     // the text gives numbers with what they count, or a percentage in a clause
	Funnel     *bool    `yaml:"funnel"`      // the text gives a result as two counts at a yield of 5% or less ("412 registrants, 0 opportunities") that no earlier slot quoted
	Event      *bool    `yaml:"event"`       // the text says when something happened
	Change     *bool    `yaml:"change"`      // the user says what they changed
	Talked     *bool    `yaml:"talked"`      // the text says a direct conversation was held and did not work
	Unclear    *bool    `yaml:"unclear"`     // no type is likely enough to act on
	Deadline   *bool    `yaml:"deadline"`    // the text names a date ahead (a budget cycle, a board meeting)
	Soon       *bool    `yaml:"soon"`        // the date ahead is days away, not weeks ("next Tuesday")
	Lost       *bool    `yaml:"lost"`        // the text says deals, pipeline or leads are being lost or left unworked
	Unworked   *bool    `yaml:"unworked"`    // the text says leads reach sales and are left unworked
	Suspected  *bool    `yaml:"suspected"`   // someone believes the user went above the sales leader (sheet.Suspected)
	HeldBack   *bool    `yaml:"held_back"`   // the user's own manager told them to wait (sheet.HoldBack)
	Referee    *bool    `yaml:"referee"`     // someone above told the two to settle it between themselves (sheet.Referee)
	Reported   *bool    `yaml:"reported"`    // the sales leader's words the plan quotes reached the user second-hand
	Verbatim   *bool    `yaml:"verbatim"`    // the evidence is the sales leader's own words, said to the user
	SaidOthers *bool    `yaml:"said_others"` // the evidence is the sales leader's own words, said to others (the leadership team, the kickoff)
	Hearsay    *bool    `yaml:"hearsay"`     // the quoted words were passed on to the user by someone else ("one of the reps told me")
	Echoed     *bool    `yaml:"echoed"`      // the type's evidence, cited before, already holds the quoted words
	Signal     *bool    `yaml:"signal"`      // the sales leader's words the plan quotes hold evidence for the dominant type
	Says       []string `yaml:"says"`        // the text uses one of these plan words (sheet.vocab): mql, reps, leads
	Function   []string `yaml:"function"`    // the user runs one of these: marketing, revops, growth
	Lasting    *bool    `yaml:"lasting"`     // the text says how long the dynamic has gone on
	Mandate    *bool    `yaml:"mandate"`     // leadership told the user what marketing is for ("hired me to build inbound")
	Admits     *bool    `yaml:"admits"`      // the user owns marketing's part of the record ("some of it is fair")
	AskedAgain *bool    `yaml:"asked_again"` // the move asked about is sending the data already sent again (its noun, "again", "resend")
	SeatLost   *bool    `yaml:"seat_lost"`   // the user was taken out of a sales meeting they attended
	SeatPart   *bool    `yaml:"seat_part"`   // the user attends a sales meeting only some of the time
	SeatHeard  *bool    `yaml:"seat_heard"`  // the seat is inferred from words the user heard in the meeting
	// Unanswered: the seat the user asked for got no answer (sheet.SeatUnanswered).
	Unanswered *bool `yaml:"seat_unanswered"`
	// DealClosed: the text tells of a deal already signed or won (sheet.DealClosed).
	DealClosed *bool `yaml:"deal_closed"`
	// DataTalk: the conversation the user held was a case made with data (sheet.DataTalk).
	DataTalk *bool `yaml:"data_talk"`
	// Marketer: the user runs RevOps and names the head of marketing ({marketer}).
	Marketer *bool `yaml:"marketer"`
	// LeaderAbove: the sales leader has already taken the dispute above the two (sheet.LeaderAbove).
	LeaderAbove *bool `yaml:"leader_above"`
	// Recoded: the deals in dispute are already put down as sales' own (sheet.Recoded).
	Recoded   *bool    `yaml:"recoded"`
	Known     *bool    `yaml:"known"`      // the text says the sales leader found out about the user's escalation
	Booked    *bool    `yaml:"booked"`     // a meeting with the sales leader is already on the calendar
	Settling  *bool    `yaml:"settling"`   // the first deadline is a decision being made now, with no date (sheet.DeadlineNow)
	Unmet     *bool    `yaml:"unmet"`      // the sales leader declined or cancelled a meeting with the user (sheet.Unmet)
	Planned   *bool    `yaml:"planned"`    // the user planned a day to put data in front of the sales leader (sheet.PlannedOn)
	LeaderNew *bool    `yaml:"leader_new"` // the sales leader is new in the role or about to start
	Request   *bool    `yaml:"request"`    // the sales leader asked marketing for something, in their quoted words
	Unsaid    []string `yaml:"unsaid"`     // no option picked earlier in the plan says one of these (Option.Says)
	Label     *bool    `yaml:"label"`      // the urgency has a reason read from the text, not just its level
	// Cites holds when the finished plan quotes words from one of these
	// voices ("sales_leader", "user"); only assumptions may use it.
	// Asked holds when the user asks whether to make a move they weigh
	// ("Should I send it?") and that move's first kind is one of these.
	Asked []string `yaml:"asked"`
	// Either holds when that question weighs two courses ("Should I go
	// to the CEO, or talk to my boss first?"): a bare yes or no does not
	// answer it.
	Either *bool `yaml:"either"`
	// Whom holds when the user's question is whom to take the move to
	// first ("Should I first talk to Kerem or send directly to Haluk?").
	Whom *bool `yaml:"whom"`
	// Proposes holds when the user asks what to propose or bring
	// ("What should I propose there?", sheet.Sheet.Proposes).
	Proposes *bool `yaml:"proposes"`
	// AsksBefore holds when the user asks what to do before a date or in
	// the time they have (sheet.Sheet.AsksBefore).
	AsksBefore *bool `yaml:"asks_before"`
	// AsksRead holds when the user asks what is going on ("What am I
	// missing?", sheet.Sheet.AsksRead).
	AsksRead *bool `yaml:"asks_read"`
	// OwnIsBoss holds when the one the escalation goes to ({boss}) is the
	// user's own manager ({ownboss}): going with them is already the path.
	OwnIsBoss *bool `yaml:"own_is_boss"`
	// Near holds when the date ahead ({due}) falls within the 30 days a
	// first change is given (sheet.Sheet.DueNear).
	Near *bool `yaml:"near"`
	// Fortnight holds when {due} falls within 21 days
	// (sheet.Sheet.DueFortnight): "within two weeks, well before it"
	// would leave no room before it.
	Fortnight *bool `yaml:"fortnight"`
	// OwnBoss holds when the text names the user's own manager, who is
	// neither the sales leader nor the sales leader's boss nor the head
	// of the company ({ownboss}).
	OwnBoss *bool `yaml:"own_boss"`
	// Stake holds when the text says what is being decided about
	// marketing (the {stake} clause is read).
	Stake *bool `yaml:"stake"`
	// Budget holds when the urgency rests on marketing's budget, headcount
	// or role being on the table (the signal u-budget-on-table).
	Budget *bool `yaml:"budget"`
	// Outside holds when the text names people from leadership or the
	// user's own manager ({outside}), whom a private first conversation
	// leaves out by name.
	Outside *bool `yaml:"outside"`
	// Undone holds when the user's change to the lead rules was taken
	// back (sheet.Sheet.Undone).
	Undone *bool `yaml:"undone"`
	// Stopped holds when the user has already ended something they ran
	// (sheet.Sheet.Stopped, filler {stopped}).
	Stopped *bool `yaml:"stopped"`
	// AskedAlso holds when the user asks about a second move too ("And
	// should I ask Ruth to move my comp?") and its first kind is one of
	// these.
	AskedAlso []string `yaml:"asked_also"`
	Cites     []string `yaml:"cites"`
}

// Empty reports whether the option applies everywhere.
func (w When) Empty() bool {
	return len(w.Type)+len(w.Has)+len(w.Lacks)+len(w.Risk)+len(w.Tenure)+len(w.Reporting)+
		len(w.Shared)+len(w.Sees)+len(w.Urgency)+len(w.Tried)+len(w.NotTried)+len(w.Tempted)+len(w.NotTempted) == 0 &&
		w.Multi == nil && w.Proactive == nil && w.Named == nil && w.Quote == nil && w.Rep == nil &&
		w.Deal == nil && w.Program == nil && w.Seat == nil && w.Boss == nil &&
		len(w.Line) == 0 && len(w.Artifact) == 0 && w.Failed == nil && w.Temptation == nil &&
		w.Numbers == nil && w.Funnel == nil && w.Event == nil && w.Change == nil && w.Talked == nil && w.Unclear == nil && len(w.Cites) == 0 &&
		w.Deadline == nil && w.Soon == nil && w.Lost == nil && w.Unworked == nil && w.Suspected == nil && w.HeldBack == nil && w.Referee == nil && w.Reported == nil && w.Verbatim == nil && w.SaidOthers == nil && w.Hearsay == nil && w.Echoed == nil && w.Signal == nil && len(w.Says) == 0 &&
		len(w.Function) == 0 && w.Label == nil && w.Lasting == nil && w.Mandate == nil && w.Admits == nil && w.AskedAgain == nil && w.Request == nil && w.SeatLost == nil && w.SeatPart == nil && w.SeatHeard == nil && w.Unanswered == nil && w.DealClosed == nil && w.DataTalk == nil && w.Marketer == nil && w.LeaderAbove == nil && w.Recoded == nil && w.Known == nil && w.Booked == nil && w.Planned == nil && w.Unmet == nil && w.Settling == nil && w.LeaderNew == nil && len(w.Unsaid) == 0 && len(w.Asked) == 0 && w.Either == nil && w.Whom == nil && w.Proposes == nil && w.Cited == nil && w.AsksBefore == nil && w.AsksRead == nil && w.OwnIsBoss == nil && w.Near == nil && w.Fortnight == nil && w.OwnBoss == nil && len(w.AskedAlso) == 0 && w.Stake == nil && w.Budget == nil && w.Outside == nil && w.Undone == nil && w.Stopped == nil
}

// Placeholder is a slot a plan text may use, with the kind of words that
// fill it. Templates are written so that any filler of the kind reads
// right: a noun phrase may be singular or plural and brings its own
// determiner, so no template puts an article before it or a verb after it
// that agrees with only one number.
type Placeholder struct {
	Kind string
	Doc  string
}

// Filler kinds.
const (
	// KindName is a person's name or a noun phrase standing for one
	// ("Dana", "your VP of Sales").
	KindName = "name"
	// KindTitle is a bare title ("VP of Sales").
	KindTitle = "title"
	// KindPronoun is one form of a pronoun set (he, him, his; they, them).
	KindPronoun = "pronoun"
	// KindNoun is a noun phrase with its determiner, singular or plural
	// ("the webinar", "the trade shows"), so no template refers back to
	// it with "it".
	KindNoun = "noun"
	// KindSingular is a singular noun phrase with its determiner ("the
	// Acme deal").
	KindSingular = "singular"
	// KindPlural is a noun phrase that is always plural ("400 leads and
	// two opportunities").
	KindPlural = "plural"
	// KindQuote is the user's words, already in quotation marks.
	KindQuote = "quote"
	// KindWords is the user's words to be quoted by the template: a
	// clause, a verb phrase or a fragment, never read as a noun.
	KindWords = "words"
	// KindPhrase is plain words the playbook supplies ("sent a data
	// deck"; "earned skepticism"), used as a complement or after a colon.
	KindPhrase = "phrase"
	// KindSentence is a capitalised phrase that starts a sentence.
	KindSentence = "sentence"
)

// Placeholders a plan text may use. Each is filled from the diagnosis.
var Placeholders = map[string]Placeholder{
	"leader":       {KindName, "the sales leader's name, or their title when no name is given"},
	"Leader":       {KindName, "the same, capitalised to start a sentence"},
	"title":        {KindTitle, "the sales leader's title"},
	"they":         {KindPronoun, "he, she or they for the sales leader"},
	"They":         {KindPronoun, "the same, capitalised"},
	"them":         {KindPronoun, "him, her or them"},
	"their":        {KindPronoun, "his, her or their"},
	"theyre":       {KindPronoun, "he is, she is or they are"},
	"quote":        {KindQuote, "the sales leader's own words, quoted"},
	"program":      {KindNoun, "a program the user named, with its determiner (\"the webinar\", \"the trade shows\")"},
	"rep":          {KindName, "a rep the user named"},
	"deal":         {KindSingular, "a deal the user named (\"the Acme deal\")"},
	"boss":         {KindName, "the person both report to, or leadership (\"the COO\", \"the executive above you both\")"},
	"marketer":     {KindName, "for a RevOps user, the head of marketing by name (\"Leah\"), the other side of the dispute; empty otherwise"},
	"manager":      {KindName, "the user's own manager when the sales leader sits above them (\"your own manager Jill\", \"your own manager\")"},
	"mthem":        {KindName, "the user's own manager as an object: their name when the text gives it (\"Jill\"), else \"them\""},
	"evidence":     {KindWords, "the strongest words from the user's text for the primary type"},
	"evidence2":    {KindWords, "the strongest words for the second type present, when they differ from the primary type's and the quote's"},
	"evidenceSide": {KindWords, "for a structural reading, the other team's scoreboard in the user's words, from a clause other than {evidence}'s, when {evidence} gives only one"},
	"tried":        {KindPhrase, "what the user already tried, in plain words"},
	"tempted":      {KindPhrase, "what the user is considering, in plain words"},
	"type":         {KindPhrase, "the primary type's short name"},
	"otherType":    {KindPhrase, "the other types' short names"},
	"reason":       {KindSentence, "the strongest urgency reason, in plain words"},
	"stake":        {KindWords, "on a critical reading, the user's clause that says what is being decided, for quoting (\"cut the marketing programme budget from £1.8m to £700k\")"},
	// Typed fillers from the fact sheet, each a span of the user's text
	// or a noun phrase built from one.
	"numbers":         {KindPlural, "the numbers the user gave with what they count, joined (\"1,900 sign-ups and 300 leads\")"},
	"asker":           {KindName, "who put to the user the move their question asks about (\"Roslyn\", \"your boss\"), when it was not their own idea"},
	"occasion":        {KindSingular, "what falls on the first date ahead, from its words (\"the 2027 planning meeting\", \"the board pack\"), when the date is certain"},
	"whom":            {KindName, "whom the move the user asks about, else the first escalation they weigh, goes to: the person from leadership its words name (\"Patrick\", \"the CFO\"), else {boss}"},
	"stopped":         {KindWords, "the user saying they already ended something they ran, for quoting (\"I ended the agency contract\")"},
	"undone":          {KindWords, "the user saying their change to the lead rules was taken back, for quoting (\"Martin asked me to put the old scoring back\")"},
	"outside":         {KindName, "the people from leadership and the user's own manager the text names, other than the sales leader, at most two, joined by \"or\" (\"Grace or Jonathan\")"},
	"ownboss":         {KindName, "the user's own manager by name, when they report to someone other than the sales leader and the sales leader's boss (\"Allison\")"},
	"Within":          {KindSentence, "when the first change starts: \"Within 30 days\", or, when a date ahead falls inside those 30 days, \"Before the board meeting on Thursday 10 December\" (plan.Defaults within, within_dated, within_due)"},
	"dueclause":       {KindWords, "the user's words for what falls on the date ahead, for quoting, when they are 14 words or fewer (\"Julián signs off the 2027 incentive plans on 15 December\")"},
	"due":             {KindTitle, "the nearest date the user named, as a day the plan can name for certain (\"Friday 4 December\")"},
	"funnel":          {KindPlural, "a result told as two counts, what marketing handed over and what sales made of it (\"412 registrants and 0 opportunities\")"},
	"told":            {KindSentence, "up to two sentences of the user's that tell the case's figures, turned to the second person, whole (\"In February Grant cut your budget from A$310k to A$140k.\"); see plan.told"},
	"figures":         {KindWords, "the clause the first number stands in, in the user's words, for quoting (\"about 80% never get a logged sales activity\")"},
	"event":           {KindWords, "when something happened, in the user's words, for quoting"},
	"artifact":        {KindNoun, "the data the user made or is making (\"the 90-day lead quality summary\")"},
	"Artifact":        {KindNoun, "the same, capitalised"},
	"bookedon":        {KindTitle, "the day of the meeting with the sales leader already booked, as a plan can name it for certain (\"Wednesday 6 January\")"},
	"sentartifact":    {KindNoun, "the data the user sent, as the user names it to the sales leader (\"my 14-slide deck\")"},
	"unmet":           {KindWords, "the user saying the sales leader declined or cancelled a meeting, in their words, for quoting (\"Colm has since declined two follow-up invites\")"},
	"plannedon":       {KindTitle, "the day the user planned to put their data in front of the sales leader, as a plan can name it for certain (\"Thursday 3 December\")"},
	"bookedabove":     {KindTitle, "the day of a one-on-one with leadership already booked, as a plan can name it for certain (\"Tuesday 8 December\")"},
	"valued":          {KindWords, "the part of marketing the sales leader already accepts, in the user's words, for quoting (\"He's fine with me running job ads for candidates\")"},
	"conviction":      {KindWords, "the user sure their numbers settle it, in their words, for quoting (\"the data is pretty clear on most of the 61\")"},
	"admission":       {KindWords, "the user owning marketing's part of the record, for quoting (\"that's on us\")"},
	"draft":           {KindNoun, "the message the user has drafted and not sent (\"your draft reply\")"},
	"temptation":      {KindWords, "what the user is considering, in their words, for quoting"},
	"assumed":         {KindPhrase, "what the plan assumed, as clauses each after \"that\", joined (\"that you are established in your role and that Dana is a peer\"); only in plan.assumed"},
	"suspected":       {KindWords, "someone's belief that the user went above the sales leader, in the user's words, for quoting"},
	"weighing":        {KindPhrase, "who weighs the quoted temptation, after a comma: \"as you are weighing\", or \"as your boss suggests\" (\"as your VP wants\") when someone put it to the user"},
	"weighed":         {KindPhrase, "the same as a verb phrase after \"the move\": \"you are weighing\", or \"your boss suggests\""},
	"change":          {KindWords, "the change the user says they made, in their words, for quoting"},
	"date":            {KindWords, "the date in the first deadline, as written, a noun phrase that reads after \"before\" (\"15 December\", \"this Thursday\", \"the end of the quarter\")"},
	"booked":          {KindWords, "a meeting with the sales leader already on the calendar, in the user's words, for quoting (\"Our first proper 1:1 is this Thursday\")"},
	"seatpart":        {KindWords, "the user saying they attend a sales meeting only some of the time, in their words, for quoting"},
	"request":         {KindWords, "what the sales leader asked marketing to do, in their quoted words, from the verb on (\"go redo the line card\")"},
	"deadline":        {KindWords, "a date ahead, in the user's words, for quoting (\"the proposal goes to the CEO next month\")"},
	"us":              {KindPhrase, "what the user runs, as a noun: marketing, RevOps or growth; marketing for a RevOps lead beside a CMO, where marketing is the team judged against sales"},
	"own":             {KindPhrase, "what the user runs, as a noun, even beside a CMO: for the user's own words (\"the reporting RevOps builds\")"},
	"reps":            {KindPhrase, "the user's plural noun for salespeople: reps where the text says so, else theirs (\"account managers\") or salespeople"},
	"leads":           {KindPhrase, "the user's plural noun for leads: leads, or theirs (\"enquiries\")"},
	"lead":            {KindPhrase, "the singular of {leads} (\"lead\", \"enquiry\")"},
	"alead":           {KindPhrase, "the same with its article (\"a lead\", \"an enquiry\")"},
	"deals":           {KindPhrase, "the user's plural noun for what sales wins: deals where the text speaks the funnel's language (sheet.vocab deals), else the trade's own (\"orders\", \"policies\") or customers (plan.Defaults deals)"},
	"onedeal":         {KindPhrase, "the singular of {deals} (\"deal\", \"order\", \"customer\")"},
	"pipeline":        {KindPhrase, "the business sales works, as a mass noun: pipeline where the text speaks the funnel's language, else new business (plan.Defaults pipeline)"},
	"pipelineNumber":  {KindPhrase, "\"pipeline number\" for a text in the funnel's language, else \"number\" (the playbook's \"What if we both owned the same pipeline number?\")"},
	"pipelineMeasure": {KindPhrase, "\"pipeline measure\" for a text in the funnel's language, else \"measure\""},
	"pipelineData":    {KindPhrase, "\"pipeline data\" for a text in the funnel's language, else \"numbers\""},
	"review":          {KindPhrase, "where deals are discussed: the sales team's meeting by the user's name for it (\"Thursday forecast call\"), else pipeline review where the text speaks of pipeline, else sales meeting"},
	"mqlnum":          {KindNoun, "the MQL number where the text speaks of MQLs, else the leads we send, in the user's noun"},
	"rules":           {KindNoun, "the MQL definition where the text speaks of MQLs, else the rules for which leads go to sales, in the user's noun"},
	"Us":              {KindPhrase, "the same, capitalised"},
	// When the type is unclear: the two leading types and their probes.
	"typeA": {KindPhrase, "the leading type's short name"},
	"typeB": {KindPhrase, "the runner-up type's short name"},
	"askA":  {KindPhrase, "what to ask the sales leader about for the leading type (plan.probes)"},
	"askB":  {KindPhrase, "the same for the runner-up type"},
	"hearA": {KindPhrase, "what the sales leader says when the leading type drives it"},
	"hearB": {KindPhrase, "the same for the runner-up type"},
}

// placeholderRE is compiled on first use (validating the YAML), not at
// every command's start: the compiled playbook never needs it.
var placeholderRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\{([A-Za-z]+)\}`) })

func checkText(where, text string) error {
	if strings.TrimSpace(text) == "" {
		return fmt.Errorf("%s: empty text", where)
	}
	if strings.ContainsRune(text, '\u2014') {
		return fmt.Errorf("%s: em dash in %q (the output rules forbid them)", where, text)
	}
	for _, m := range placeholderRE().FindAllStringSubmatch(text, -1) {
		if _, ok := Placeholders[m[1]]; !ok {
			return fmt.Errorf("%s: unknown placeholder {%s}", where, m[1])
		}
	}
	return nil
}

// LintDef holds the lint rules' severities and messages, and the phrases
// the phrase rules look for.
type LintDef struct {
	Rules   map[string]LintRule  `yaml:"rules"`
	Phrases map[string][]*Signal `yaml:"phrases"`
	// Allow lists, by rule, phrases that make the rule not apply to the
	// plan: a plan that says the direct conversation already failed may
	// put escalation first.
	Allow map[string][]*Signal `yaml:"allow"`
	// Except lists, by rule, phrases that take back a hit of the rule
	// they overlap: "the CMO roundtables" names a program, not a person
	// to bring into the room.
	Except map[string][]*Signal `yaml:"except"`
}

// LintRule is one output rule.
type LintRule struct {
	Severity string `yaml:"severity"`
	Message  string `yaml:"message"`
}

// LintRuleIDs are the rules the linter implements; the data must describe
// each one.
var LintRuleIDs = []string{
	"format-header", "format-line", "format-section", "format-order", "format-field",
	"format-empty", "placeholder", "type-line", "em-dash", "en-dash", "double-hyphen",
	"timeline-trigger", "early-escalation", "one-change", "presumes-wrong",
}
