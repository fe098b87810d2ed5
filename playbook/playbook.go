// Package playbook holds everything align knows, as data: the signals of
// each misalignment type, the routing cues, the urgency rules, how the
// setup facts are said, the question bank, the sentences plans are built
// from, and the lint rules. The data lives in data/*.yaml, embedded in the
// binary, written in our own words after the sales leader alignment
// playbook. Code elsewhere is the mechanism; this is the judgement, and a
// practitioner can tune it without reading Go.
//
// Load validates everything and compiles every pattern into one
// automaton, so Scan finds all signals of all kinds in one pass.
package playbook

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/goccy/go-yaml"

	"github.com/align-coach/align/match"
)

//go:embed data/*.yaml
var dataFS embed.FS

// Playbook is the loaded, validated, compiled knowledge.
type Playbook struct {
	Version   string              `yaml:"version"`
	Macros    map[string][]string `yaml:"macros"`
	Modifiers Modifiers           `yaml:"modifiers"`
	Types     []TypeDef           `yaml:"types"`
	Route     RouteDef            `yaml:"route"`
	Urgency   UrgencyDef          `yaml:"urgency"`
	// Facts maps a fact name to its values, each with the signals that say it.
	Facts map[string]map[string][]*Signal `yaml:"facts"`
	Tried []TriedDef                      `yaml:"tried"`
	// Temptations are moves users say they are considering that are not
	// tried codes ("confront him"); plans speak to them too.
	Temptations []TriedDef `yaml:"temptations"`
	// Names holds the words that help find people's and programs' names.
	Names     NamesDef      `yaml:"names"`
	Diagnosis DiagnosisDef  `yaml:"diagnosis"`
	Questions []QuestionDef `yaml:"questions"`
	Plan      PlanDef       `yaml:"plan"`
	Lint      LintDef       `yaml:"lint"`
	// Cases holds the playbook's sequence for a case file.
	Cases CasesDef `yaml:"cases"`
	// Sheet holds the words the fact sheet is read with.
	Sheet SheetDef `yaml:"sheet"`
	// Assistant holds the texts served to AI assistants over MCP.
	Assistant AssistantDef `yaml:"assistant"`

	matcher *match.Matcher
	refs    []*Signal // expanded pattern index -> its signal
	counts  []int     // compiled patterns per signal, in the order of each

	// The fact sheet's own automaton (see SheetMatcher).
	sheetM      *match.Matcher
	sheetRefs   []SheetRef
	sheetCounts []int // patterns per sheet phrase, in order

	// lastScan is the text Scan read last with its tokens, for Tokens.
	lastScan atomic.Pointer[tokenized]
}

// Modifiers are the words that change what a nearby signal means.
type Modifiers struct {
	// Window is how many words before a signal a negation or hedge reaches.
	Window int `yaml:"window"`
	// Negation cancels a signal in the same clause ("she never said ...").
	Negation []string `yaml:"negation"`
	// Hedge halves a signal in the same clause ("maybe", "I don't think").
	Hedge []string `yaml:"hedge"`
	// Intent marks something the user is considering, not something done
	// ("I'm tempted to", "part of me wants to"), anywhere earlier in the
	// sentence.
	Intent []string `yaml:"intent"`
	// Reported marks reported speech: what the sales leader said, earlier
	// in the same sentence ("he told his team ...").
	Reported []string `yaml:"reported"`
	// Ask opens a sentence that asks for help ("help me", "I need").
	Ask []string `yaml:"ask"`
}

// Signal is one cue: a set of patterns with a weight and a label the user
// can read next to the evidence.
type Signal struct {
	ID       string   `yaml:"id"`
	Label    string   `yaml:"label"`
	Weight   float64  `yaml:"weight"`
	Patterns []string `yaml:"patterns"`
	// Speaker "sales_leader" means the cue is about what the sales leader
	// says; in the user's own voice it counts for UserWeight of its weight.
	Speaker string `yaml:"speaker"`
	// Flip names the value a fact signal counts for when it is negated
	// ("we have never shared a number" says shared_target is no).
	Flip string `yaml:"flip"`
	// Measure marks a fact signal whose words carry a number and a unit
	// of time ("four months in"); the value then depends on the months.
	Measure bool `yaml:"measure"`
	// Own marks a cue about marketing's own record or the user's view,
	// not about anything the sales leader said or did.
	Own bool `yaml:"own"`
	// Keep marks a signal that still counts when negated or intended,
	// because its patterns carry the negation themselves.
	Keep bool `yaml:"keep"`
	// Narrow gives a narrower label for evidence whose words include one
	// of a narrowing's words: "cut the budget" is the budget being on the
	// table, not "budget, headcount or role". A plan states no more than
	// the words show.
	Narrow []Narrowing `yaml:"narrow"`

	group, key string
}

// Narrowing is a label for a signal's evidence that holds one of Words
// (lower case, whole words).
type Narrowing struct {
	Words []string `yaml:"words"`
	Label string   `yaml:"label"`
}

// LabelFor is the label for evidence quoting text: the first narrowing
// whose words the text holds, else the signal's own label.
func (s *Signal) LabelFor(text string) string {
	if len(s.Narrow) == 0 {
		return s.Label
	}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, n := range s.Narrow {
		for _, w := range n.Words {
			if slices.Contains(words, w) {
				return n.Label
			}
		}
	}
	return s.Label
}

// Group is the kind of knowledge the signal belongs to, as "type", "route",
// "urgency", "fact", "tried", "lint" or "mod"; Key names it within the
// group: a type number, a route cue, an urgency level, "fact=value", a
// tried code, a lint rule or a modifier kind.
func (s *Signal) Group() string { return s.group }

// Key is the signal's name within its group.
func (s *Signal) Key() string { return s.key }

// CasesDef is the playbook's sequence for a relationship followed over
// time, and what each kind of timeline entry means.
type CasesDef struct {
	Steps []StepDef `yaml:"steps"`
	// Tried maps an entry kind to the tried code it implies.
	Tried map[string]string `yaml:"tried"`
	// Kinds names each entry kind for people.
	Kinds map[string]string `yaml:"kinds"`
}

// StepDef is one step of the sequence, done by an entry of Kind.
type StepDef struct {
	Kind  string `yaml:"kind"`
	Label string `yaml:"label"`
	Help  string `yaml:"help"`
}

// AssistantDef is what an AI assistant reads: the intake prompt and a
// summary of the types and the plan format.
type AssistantDef struct {
	Prompt  string `yaml:"prompt"`
	Summary string `yaml:"summary"`
}

// NamesDef holds the words used to find names in the text.
type NamesDef struct {
	DealNouns    []string `yaml:"deal_nouns"`
	RepWords     []string `yaml:"rep_words"`
	ProgramNouns []string `yaml:"program_nouns"`
	// ProgramBare are program nouns that take no words before them as
	// their name, because they are also verbs ("the report shows").
	ProgramBare []string `yaml:"program_bare"`
	Joiners     []string `yaml:"joiners"`
	NotNames    []string `yaml:"not_names"`
	// BossMentions are words that name the senior person when the text
	// mentions them anywhere.
	BossMentions []string `yaml:"boss_mentions"`
	// Bosses names each value of the boss fact for plans.
	Bosses map[string]string `yaml:"bosses"`
	// Bodies are the leadership a text may name without a person ("set
	// by the owners", "the board's planning day"): above a sales leader
	// who is the user's own manager, the first the text names is who
	// going above them reaches. Each is a key of Bosses.
	Bodies []string `yaml:"bodies"`
	// ActVerbs make a sentence an act rather than a statement of who
	// reports to whom: a sentence that gives a reporting line and holds
	// none of them ("Dana and I both report to the CEO") is never the
	// evidence that the user went over the sales leader's head.
	ActVerbs []string `yaml:"act_verbs"`
	// RunVerbs say a named person runs a sales team without a title:
	// "Cyrus Lamb runs inside sales" makes Cyrus a candidate for the
	// sales leader beside anyone named with a sales title.
	RunVerbs []string `yaml:"run_verbs"`
	// RunPassive say the same in the passive: "Sales is run by his
	// co-founder, Uwe".
	RunPassive []string `yaml:"run_passive"`
	// RuleWords name what a lead rule is made of (scoring, thresholds,
	// routing, forms, MQLs): the sentence the reader takes as a lead-rule
	// change made without sales, or one beside it, must hold one of them.
	RuleWords []string `yaml:"rule_words"`
	// AboveWords name someone above the sales leader or the user
	// (leadership, a board, a boss) or the act of going over a head: the
	// sentence the reader takes as an escalation made, or one beside it,
	// must hold one of them or the name of someone the text gives a
	// leadership title (a key of Bosses) to ("Grace, our CEO").
	AboveWords []string `yaml:"above_words"`
	// WrittenWords tell a message sent ("emailed", "slack"), and
	// TalkWords a conversation held ("talked", "coffee", "1:1"): a
	// sentence that holds written words and no talk words is a message,
	// not the direct conversation ("I emailed Curtis a draft and asked
	// for his comments").
	WrittenWords []string `yaml:"written_words"`
	TalkWords    []string `yaml:"talk_words"`
	// ChangeVerbs make a lead rule changed, not only built or shown: the
	// sentence read as a lead-rule change made without sales, or one
	// beside it, holds one ("I built a new lead scoring model and showed
	// it to him" holds none).
	ChangeVerbs []string `yaml:"change_verbs"`
	// BeliefVerbs report what someone else believes, not what happened:
	// "Dmitri seems to think I went to Ingrid" tells what Dmitri thinks,
	// so the sentence is not the evidence of a move the user made.
	BeliefVerbs []string `yaml:"belief_verbs"`
	// AudienceNouns follow a title that names the people a program is
	// for, not someone in the company ("a CFO roundtable", "CMO
	// personas"): see AudienceTitle.
	AudienceNouns []string `yaml:"audience_nouns"`
}

var audienceSets sync.Map // *Playbook -> map[string]bool

// AudienceTitle reports whether the title at toks[i] names the people a
// program is for rather than a person a plan could send the user to: a
// title, or titles joined by slashes, before one of
// NamesDef.AudienceNouns ("the CFO dinner", "a CFO/COO roundtable"); one
// person's compound title ("our founder/CEO Lupe") is not. text is what
// toks were read from.
func (p *Playbook) AudienceTitle(text string, toks []match.Token, i int) bool {
	j := i
	for j+1 < len(toks) && toks[j].End() < len(text) && text[toks[j].End()] == '/' && toks[j+1].Start() == toks[j].End()+1 {
		j++
	}
	if j+1 >= len(toks) || toks[j+1].Sentence() != toks[i].Sentence() {
		return false
	}
	v, ok := audienceSets.Load(p)
	if !ok {
		m := make(map[string]bool, len(p.Names.AudienceNouns))
		for _, w := range p.Names.AudienceNouns {
			m[w] = true
		}
		v, _ = audienceSets.LoadOrStore(p, m)
	}
	return v.(map[string]bool)[toks[j+1].Word()]
}

// TypeDef is one of the four misalignment types.
type TypeDef struct {
	ID    int    `yaml:"id"`
	Name  string `yaml:"name"`
	Title string `yaml:"title"`
	Short string `yaml:"short"`
	Color string `yaml:"color"`
	// Evidence says whose words the plan cites for this type: "user",
	// "sales_leader" or "any".
	Evidence string `yaml:"evidence"`
	// Prefer lists words that put a clause holding one of them first
	// among the words a plan cites for the type (Type 2: how people are
	// paid or measured).
	Prefer  []string  `yaml:"prefer"`
	Signals []*Signal `yaml:"signals"`
}

// RouteDef holds the routing cues by kind and the thresholds that decide.
type RouteDef struct {
	Cues map[string][]*Signal `yaml:"cues"`
	// AskWeight multiplies a cue found in a sentence that asks for help.
	AskWeight float64 `yaml:"ask_weight"`
	// TypeWeight scales a misalignment type's signals when they count as
	// evidence of a relationship problem.
	TypeWeight float64 `yaml:"type_weight"`
	// Messages explain a non-alignment route to the user.
	Messages map[string]string `yaml:"messages"`
	// Reasons say in one sentence why a route was chosen.
	Reasons map[string]string `yaml:"reasons"`
	// Thresholds are the scores each route needs.
	Thresholds RouteThresholds `yaml:"thresholds"`
}

// RouteThresholds are the scores that decide a route.
type RouteThresholds struct {
	UserInSales   float64 `yaml:"user_in_sales"`
	SLA           float64 `yaml:"sla"`
	Alignment     float64 `yaml:"alignment"`
	NoCounterpart float64 `yaml:"no_counterpart"`
}

// UrgencyDef holds urgency rules: the first level whose score reaches its
// threshold wins.
type UrgencyDef struct {
	Levels []UrgencyLevel `yaml:"levels"`
}

// UrgencyLevel is one urgency level's cues.
type UrgencyLevel struct {
	Level     string    `yaml:"level"`
	Threshold float64   `yaml:"threshold"`
	Meaning   string    `yaml:"meaning"`
	Signals   []*Signal `yaml:"signals"`
}

// TriedDef is one of the playbook's tried codes and how users say it.
type TriedDef struct {
	Code    string    `yaml:"code"`
	Label   string    `yaml:"label"`
	Plain   string    `yaml:"plain"`
	Signals []*Signal `yaml:"signals"`
}

// DiagnosisDef holds the numbers that turn scores into a diagnosis.
type DiagnosisDef struct {
	// UserWeight scales a sales-leader cue found in the user's own voice.
	UserWeight float64 `yaml:"user_weight"`
	// Repeat is the weight of each further hit of the same signal.
	Repeat float64 `yaml:"repeat"`
	// MaxRepeats caps how many hits of one signal count.
	MaxRepeats int `yaml:"max_repeats"`
	// Combine: a second type joins the primary when its score is at least
	// this share of the primary's and at least MinScore.
	Combine float64 `yaml:"combine"`
	// Strong: a second type at least this strong joins however strong the
	// primary is.
	Strong   float64 `yaml:"strong"`
	MinScore float64 `yaml:"min_score"`
	// Close: when the runner-up reaches this share of the primary, or the
	// primary is under Thin, the diagnosis asks follow-up questions.
	Close float64 `yaml:"close"`
	Thin  float64 `yaml:"thin"`
	// Proactive: the proactive score needed, and the friction score that
	// rules it out.
	Proactive   float64 `yaml:"proactive"`
	Friction    float64 `yaml:"friction"`
	RiskMin     float64 `yaml:"risk_min"`
	NewMonths   float64 `yaml:"new_months"`
	MaxQuestion int     `yaml:"max_questions"`
	// SelfVerbs are past-tense verbs that open a sentence with no
	// subject in a hurried voice ("Tried talking to him directly last
	// Tuesday."): the sentence is the user's own account, read for what
	// they tried.
	SelfVerbs []string `yaml:"self_verbs"`
	// Learned holds the decision thresholds applied to the learned
	// models' probabilities.
	Learned LearnedDef `yaml:"learned"`
}

// LearnedDef holds the probabilities at which the learned reader decides.
// They are chosen by leave-one-author-out cross-validation on the corpus,
// never on the validation set.
type LearnedDef struct {
	// Unclear: below this probability for the dominant type, the type is
	// unclear and follow-up questions decide it.
	Unclear float64 `yaml:"unclear"`
	// Join: a second type joins the dominant one at this probability of
	// being present.
	Join float64 `yaml:"join"`
	// Risk: a proactive case names its main risk when that type's
	// presence has at least this probability.
	Risk float64 `yaml:"risk"`
	// AskRoute: when the route is not alignment but alignment has at
	// least this probability, align asks instead of declining.
	AskRoute float64 `yaml:"ask_route"`
	// Evidence is how many spans of the user's text explain each score.
	Evidence int `yaml:"evidence"`
}

// QuestionDef is one question of the bank.
type QuestionDef struct {
	ID    string `yaml:"id"`
	Field string `yaml:"field"`
	Text  string `yaml:"text"`
	Why   string `yaml:"why"`
	Multi bool   `yaml:"multi"`
	// Separates lists the pairs of types the answer tells apart.
	Separates [][]int     `yaml:"separates"`
	Choices   []ChoiceDef `yaml:"choices"`
	// AnsweredBy lists signals whose evidence in the diagnosis already
	// answers the question: a budget cut the user quoted answers "is
	// there budget at stake?", so it is not asked.
	AnsweredBy []string `yaml:"answered_by"`
}

// ChoiceDef is one answer, with what it adds to each type's score.
type ChoiceDef struct {
	Value string          `yaml:"value"`
	Label string          `yaml:"label"`
	Adds  map[int]float64 `yaml:"adds"`
}

var (
	loadOnce sync.Once
	loaded   *Playbook
	loadErr  error
)

// Default returns the embedded playbook, loaded once.
func Default() (*Playbook, error) {
	loadOnce.Do(func() {
		// The compiled form is the playbook data as Load reads it; when it
		// is stale, read the data itself.
		if loaded, loadErr = loadCompiled(compiled, dataFS); loaded == nil && loadErr == nil {
			loaded, loadErr = Load(dataFS)
		}
	})
	return loaded, loadErr
}

// Load reads every data/*.yaml file of fsys, merges them, validates the
// result and compiles its patterns.
func Load(fsys fs.FS) (*Playbook, error) {
	names, err := fs.Glob(fsys, "data/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	p := &Playbook{}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		// Each file holds distinct top-level keys; decoding them one by one
		// into the same value merges them and names the file in errors.
		if err := yaml.UnmarshalWithOptions(b, p, yaml.DisallowUnknownField(), yaml.Strict()); err != nil {
			return nil, fmt.Errorf("playbook data %s: %s", n, yaml.FormatError(err, false, true))
		}
	}
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("playbook data: %w", err)
	}
	if err := p.compile(); err != nil {
		return nil, fmt.Errorf("playbook data: %w", err)
	}
	p.compileSheet()
	return p, nil
}

// TriedCodes lists the valid tried codes in the data's order.
func (p *Playbook) TriedCodes() []string {
	out := make([]string, len(p.Tried))
	for i, t := range p.Tried {
		out[i] = t.Code
	}
	return out
}

// Type returns the definition of type id (1 to 4).
func (p *Playbook) Type(id int) TypeDef {
	for _, t := range p.Types {
		if t.ID == id {
			return t
		}
	}
	return TypeDef{}
}

// Question returns the bank's question with the given id.
func (p *Playbook) Question(id string) (QuestionDef, bool) {
	for _, q := range p.Questions {
		if q.ID == id {
			return q, true
		}
	}
	return QuestionDef{}, false
}

// each calls fn for every signal with its group and key.
func (p *Playbook) each(fn func(group, key string, s *Signal)) {
	mods := []struct {
		kind string
		list []string
	}{
		{"negation", p.Modifiers.Negation}, {"hedge", p.Modifiers.Hedge},
		{"intent", p.Modifiers.Intent}, {"reported", p.Modifiers.Reported},
		{"ask", p.Modifiers.Ask},
	}
	for _, m := range mods {
		// Modifiers are bare pattern lists; give them signals of their own.
		fn("mod", m.kind, &Signal{ID: "mod-" + m.kind, Weight: 1, Patterns: m.list, Keep: true})
	}
	for _, t := range p.Types {
		for _, s := range t.Signals {
			fn("type", fmt.Sprint(t.ID), s)
		}
	}
	for _, kind := range sortedKeys(p.Route.Cues) {
		for _, s := range p.Route.Cues[kind] {
			fn("route", kind, s)
		}
	}
	for _, l := range p.Urgency.Levels {
		for _, s := range l.Signals {
			fn("urgency", l.Level, s)
		}
	}
	for _, fact := range sortedKeys(p.Facts) {
		vals := p.Facts[fact]
		for _, v := range sortedKeys(vals) {
			for _, s := range vals[v] {
				fn("fact", fact+"="+v, s)
			}
		}
	}
	for _, t := range p.Tried {
		for _, s := range t.Signals {
			fn("tried", t.Code, s)
		}
	}
	for _, t := range p.Temptations {
		for _, s := range t.Signals {
			fn("tempt", t.Code, s)
		}
	}
	for _, r := range sortedKeys(p.Lint.Phrases) {
		for _, s := range p.Lint.Phrases[r] {
			fn("lint", r, s)
		}
	}
	// The diagnosis reads no "lint" signal, so these never change it.
	for _, r := range sortedKeys(p.Lint.Allow) {
		for _, s := range p.Lint.Allow[r] {
			fn("lint", "allow:"+r, s)
		}
	}
	for _, r := range sortedKeys(p.Lint.Except) {
		for _, s := range p.Lint.Except[r] {
			fn("lint", "except:"+r, s)
		}
	}
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func (p *Playbook) compile() error {
	var pats []match.Pattern
	var err error
	p.each(func(group, key string, s *Signal) {
		if err != nil {
			return
		}
		s.group, s.key = group, key
		n := len(p.refs)
		defer func() { p.counts = append(p.counts, len(p.refs)-n) }()
		for _, raw := range s.Patterns {
			var ps []match.Pattern
			ps, err = match.Parse(raw, p.Macros)
			if err != nil {
				err = fmt.Errorf("signal %q: %w", s.ID, err)
				return
			}
			for _, c := range ps {
				pats = append(pats, c)
				p.refs = append(p.refs, s)
			}
		}
	})
	if err != nil {
		return err
	}
	p.matcher, err = match.Compile(pats)
	return err
}
