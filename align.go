// Package align holds the vocabulary every other package speaks: a
// Situation as the user described it, the Facts read from it, the
// Diagnosis of what kind of misalignment it is, and the Plan written for
// it. It does no I/O. The pipeline steps (intake, route, diagnose, plan,
// lint) live in their own packages and pass these types between them, so
// each step can be tested alone and the adapters (terminal, HTTP, MCP)
// all speak one language.
package align

import (
	"errors"
	"fmt"
	"time"
)

// Route says whether a request belongs to this playbook at all.
type Route string

// The three routes. SLA requests (lead handoff, MQL definition, scoring,
// routing) belong to a process playbook, not this one; None is anything
// that is not about the marketing leader's relationship with a sales leader.
const (
	RouteAlignment Route = "alignment"
	RouteSLA       Route = "sla"
	RouteNone      Route = "none"
)

// Type is one of the playbook's four kinds of misalignment, numbered as
// the playbook numbers them. Zero means none yet (a proactive case).
type Type int

// Urgency is how fast the plan has to move.
type Urgency string

// Urgency levels, from the most to the least pressing. The first rule that
// fits wins, so the order matters to the diagnosis.
const (
	UrgencyCritical Urgency = "critical"
	UrgencyHigh     Urgency = "high"
	UrgencyModerate Urgency = "moderate"
	UrgencyLow      Urgency = "low"
)

// Rank orders urgency levels: 3 for critical down to 0 for low, -1 when
// unknown. Eval uses it to score "within one level".
func (u Urgency) Rank() int {
	switch u {
	case UrgencyCritical:
		return 3
	case UrgencyHigh:
		return 2
	case UrgencyModerate:
		return 1
	case UrgencyLow:
		return 0
	}
	return -1
}

// Unknown is the value of any three-way fact the text does not settle.
const Unknown = "unknown"

// Tenure values: the user is new to the role (under about six months,
// including not yet started) or established in it.
const (
	TenureNew         = "new"
	TenureEstablished = "established"
)

// Reporting values: the sales leader shares the user's boss (peer) or sits
// above the user (senior).
const (
	ReportingPeer   = "peer"
	ReportingSenior = "senior"
)

// Setup fact names, as the playbook's setup section lists them. They are
// also the field names of the YAML and JSON input and of `missing`.
const (
	FieldSaid      = "said"
	FieldDuration  = "duration"
	FieldTenure    = "tenure"
	FieldTried     = "tried"
	FieldReporting = "reporting"
	FieldContext   = "context"
)

// SetupFields lists the six setup facts in the playbook's order.
var SetupFields = []string{FieldSaid, FieldDuration, FieldTenure, FieldTried, FieldReporting, FieldContext}

// Situation is what the user told us, before any judgement. Text is the one
// document every evidence span points into: the free situation text,
// followed by any structured fields given as text, in a fixed order.
type Situation struct {
	Text string `json:"text"`

	// Given holds the facts the user supplied as structured fields (from
	// YAML, JSON, a form or an interview). They override what the text
	// suggests. Empty strings and nil slices mean "not given".
	Given Given `json:"given"`

	// Answers holds replies to follow-up questions, by question id.
	Answers map[string]string `json:"answers,omitempty"`

	// Today is the day the text is read, for measuring the dates it names
	// ("I joined in March" is nine months in December). The zero time
	// measures none. It is the caller's clock, never read inside.
	Today time.Time `json:"-"`
}

// Given is the structured part of an input: the six setup facts where the
// user stated them outright.
type Given struct {
	Said           string   `json:"said,omitempty"`
	Duration       string   `json:"duration,omitempty"`
	Tenure         string   `json:"tenure,omitempty"`
	Tried          []string `json:"tried,omitempty"`
	TriedGiven     bool     `json:"tried_given,omitempty"`
	Reporting      string   `json:"reporting,omitempty"`
	Context        string   `json:"context,omitempty"`
	SharedTarget   string   `json:"shared_target,omitempty"`
	LeadershipSees string   `json:"leadership_sees,omitempty"`
	Stage          string   `json:"stage,omitempty"`
}

// IsZero reports whether no structured fact was given.
func (g Given) IsZero() bool {
	return g.Said == "" && g.Duration == "" && g.Tenure == "" && len(g.Tried) == 0 && !g.TriedGiven &&
		g.Reporting == "" && g.Context == "" && g.SharedTarget == "" && g.LeadershipSees == "" && g.Stage == ""
}

// Evidence is one span of the user's text that a judgement rests on.
// Start and End are byte offsets into Situation.Text, so Text[Start:End]
// is Quote. Signal names the knowledge entry that matched.
type Evidence struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Quote  string `json:"quote"`
	Signal string `json:"signal"`
	Label  string `json:"label,omitempty"`
	// Speaker is "sales_leader" when the words are the sales leader's
	// (quoted, reported, or a sentence about what they did), "other" when
	// the sentence is about someone else (the CEO, the COO, a board
	// member), and "user" otherwise.
	Speaker string  `json:"speaker,omitempty"`
	Weight  float64 `json:"weight,omitempty"`
}

// Person is someone named in the situation.
type Person struct {
	Name  string `json:"name,omitempty"`
	Title string `json:"title,omitempty"`
}

// Facts is what the text says about the six setup facts and the people,
// each with the words it came from.
type Facts struct {
	Tenure         string `json:"tenure"`
	Reporting      string `json:"reporting"`
	SharedTarget   string `json:"shared_target"`
	LeadershipSees string `json:"leadership_sees"`
	// Duration is how long the dynamic has existed, in the user's words;
	// Months is set when the words give a number.
	Duration string  `json:"duration,omitempty"`
	Months   float64 `json:"months,omitempty"`
	// Tried lists the playbook's tried codes the user already did;
	// Tempted lists the ones the user is considering.
	Tried   []string `json:"tried"`
	Tempted []string `json:"tempted"`
	Leader  Person   `json:"leader"`
	// Pronoun is "he", "she" or "they" for the sales leader.
	Pronoun string `json:"pronoun"`
	// LeaderNew is set when the sales leader is new or about to start.
	LeaderNew bool `json:"leader_new"`
	// Seat is set when the user already sits in the pipeline review.
	Seat bool `json:"seat"`
	// Boss is who both report to ("the CEO"), when the text says.
	Boss string `json:"boss,omitempty"`
	// Reps, Deals and Programs are names the user mentions, for tailoring.
	Reps     []string `json:"reps,omitempty"`
	Deals    []string `json:"deals,omitempty"`
	Programs []string `json:"programs,omitempty"`
	// Quotes are the sales leader's own words where the user quotes them.
	Quotes []Evidence `json:"quotes,omitempty"`
	// Evidence backs each fact above, keyed by fact name.
	Evidence map[string][]Evidence `json:"evidence,omitempty"`
	// Missing lists the setup facts the user gave in no form at all.
	Missing []string `json:"missing"`
}

// TypeScore is one type's evidence.
type TypeScore struct {
	Type     Type       `json:"type"`
	Name     string     `json:"name"`
	Score    float64    `json:"score"`
	Evidence []Evidence `json:"evidence"`
}

// Question is a follow-up question from the playbook's question bank.
type Question struct {
	ID      string   `json:"id"`
	Text    string   `json:"text"`
	Choices []Choice `json:"choices,omitempty"`
	Why     string   `json:"why"`
	// Field is set when the answer fills a setup fact.
	Field string `json:"field,omitempty"`
	// Multi is set when more than one choice may be picked.
	Multi bool `json:"multi,omitempty"`
}

// Choice is one answer to a Question.
type Choice struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// RouteResult is the routing decision and the phrases that decided it.
type RouteResult struct {
	Route    Route      `json:"route"`
	Scores   RouteScore `json:"scores"`
	Evidence []Evidence `json:"evidence"`
	// Reason is one plain sentence on why, for the user.
	Reason string `json:"reason"`
	// Unsure is set when the route is not alignment but alignment was a
	// close call: the user is asked whether it is about a sales leader
	// instead of being turned away.
	Unsure bool `json:"unsure,omitempty"`
}

// RouteScore is the weight of evidence for each route.
type RouteScore struct {
	Alignment float64 `json:"alignment"`
	SLA       float64 `json:"sla"`
	None      float64 `json:"none"`
}

// Diagnosis is the judgement: the route, the types present with their
// evidence, urgency with its reasons, the facts, and what is still unclear.
type Diagnosis struct {
	Route  RouteResult `json:"route"`
	Scores []TypeScore `json:"scores"`
	// Types lists the types present, the dominant first. Empty for a
	// proactive case with no friction yet.
	Types []Type `json:"types"`
	// Proactive is set when there is no friction yet; Risk then names the
	// type the situation is most at risk of, or zero.
	Proactive  bool    `json:"proactive"`
	Risk       Type    `json:"risk,omitempty"`
	Confidence float64 `json:"confidence"`
	// Unclear is set when no type is likely enough to act on: the plan's
	// first conversation is then built to find out, and Questions ask
	// what decides it.
	Unclear bool `json:"unclear,omitempty"`

	Urgency        Urgency    `json:"urgency"`
	UrgencyReasons []Evidence `json:"urgency_reasons"`

	Facts Facts `json:"facts"`
	// Assumptions says what the plan assumed for each missing fact.
	Assumptions []Assumption `json:"assumptions"`
	Questions   []Question   `json:"questions"`
}

// Primary is the dominant type, or zero for a proactive case.
func (d *Diagnosis) Primary() Type {
	if len(d.Types) == 0 {
		return 0
	}
	return d.Types[0]
}

// Has reports whether type t is among the types present.
func (d *Diagnosis) Has(t Type) bool {
	for _, x := range d.Types {
		if x == t {
			return true
		}
	}
	return false
}

// Assumption is what the plan took for granted about a missing fact, and
// the question that would settle it.
type Assumption struct {
	Field    string `json:"field"`
	Assumed  string `json:"assumed"`
	Question string `json:"question"`
}

// Plan is the SALES LEADER ALIGNMENT PLAN, one field per section of the
// playbook's output format.
type Plan struct {
	TypeLine    string       `json:"misalignment_type"`
	UrgencyLine string       `json:"urgency"`
	Built       string       `json:"built"`
	Assessment  string       `json:"situation_assessment"`
	Convo       Conversation `json:"first_conversation"`
	FirstChange string       `json:"first_change"`
	Seat        string       `json:"seat"`
	Escalation  string       `json:"escalation_trigger"`
	WillNotWork string       `json:"will_not_work"`
	Assumptions []Assumption `json:"assumptions"`
}

// Conversation is THE FIRST CONVERSATION section's five labelled fields.
type Conversation struct {
	When      string `json:"when"`
	Who       string `json:"who"`
	Open      string `json:"how_to_open"`
	ListenFor string `json:"listen_for"`
	DoNotSay  string `json:"do_not_say"`
}

// Error codes shared by every adapter. Each adapter maps them once: to an
// exit code at the terminal, an HTTP status in the API, a tool error in MCP.
const (
	EINVALID      = "invalid"       // bad input: exit 2, HTTP 400 or 422
	ENOTFOUND     = "not_found"     // HTTP 404
	ETOOLARGE     = "too_large"     // exit 2, HTTP 413
	ENOTALIGNMENT = "not_alignment" // the request is not this playbook's: exit 3
	EINTERNAL     = "internal"      // a bug: exit 1, HTTP 500
)

// Error is an error with a code from the vocabulary above and a message
// fit to show the user as one line.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string { return e.Message }

// Errorf returns an *Error with the given code.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of an *Error in err's chain, or EINTERNAL.
func ErrorCode(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	if err == nil {
		return ""
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing message of err.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return err.Error()
}

// The plan's output format, from the playbook. These strings are the spec
// and must not change: the renderer writes them and the linter checks them.
const (
	PlanHeader     = "SALES LEADER ALIGNMENT PLAN"
	LabelType      = "Misalignment type:"
	LabelUrgency   = "Urgency:"
	LabelBuilt     = "Built:"
	LabelWhen      = "When:"
	LabelWho       = "Who should be in the room:"
	LabelOpen      = "How to open it:"
	LabelListen    = "What to listen for:"
	LabelNotSay    = "What not to say:"
	SecAssessment  = "SITUATION ASSESSMENT"
	SecFirstConvo  = "THE FIRST CONVERSATION"
	SecFirstChange = "THE FIRST CHANGE TO MAKE"
	SecSeat        = "THE SEAT TO GET"
	SecEscalation  = "ESCALATION TRIGGER"
	SecWillNotWork = "WHAT WILL NOT WORK IN THIS SITUATION"
	// SecAssumptions is the heading plans before December 2026 put after
	// the format block; plans now say what they assumed at the end of the
	// assessment. Readers of plan text (lint, eval, the web page) still
	// know it, so a plan kept in an older case file reads the same.
	SecAssumptions = "ASSUMPTIONS"
)

// PlanSections lists the format's sections in order.
var PlanSections = []string{SecAssessment, SecFirstConvo, SecFirstChange, SecSeat, SecEscalation, SecWillNotWork}

// ConversationLabels lists THE FIRST CONVERSATION's fields in order.
var ConversationLabels = []string{LabelWhen, LabelWho, LabelOpen, LabelListen, LabelNotSay}
