package plan

import (
	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
	"strings"
)

// holds reports whether every condition of w fits the diagnosis.
func (c *ctx) holds(w playbook.When) bool {
	d, f := c.d, c.d.Facts
	primary := int(d.Primary())
	if d.Proactive {
		primary = 0
	}
	ok := anyInt(w.Type, primary) &&
		(len(w.Has) == 0 || c.hasAny(w.Has)) &&
		(len(w.Lacks) == 0 || !c.hasAny(w.Lacks)) &&
		boolIs(w.Multi, len(d.Types) > 1 && !d.Proactive) &&
		boolIs(w.Proactive, d.Proactive) &&
		(len(w.Risk) == 0 || (d.Proactive && anyInt(w.Risk, int(d.Risk)))) &&
		anyStr(w.Tenure, f.Tenure) &&
		anyStr(w.Reporting, f.Reporting) &&
		anyStr(w.Shared, f.SharedTarget) &&
		anyStr(w.Sees, f.LeadershipSees) &&
		anyStr(w.Urgency, string(d.Urgency)) &&
		(len(w.Tried) == 0 || overlap(w.Tried, f.Tried)) &&
		(len(w.NotTried) == 0 || !overlap(w.NotTried, f.Tried)) &&
		(len(w.Tempted) == 0 || overlap(w.Tempted, f.Tempted)) &&
		!overlap(w.NotTempted, f.Tempted) &&
		boolIs(w.Named, f.Leader.Name != "") &&
		boolIs(w.Quote, len(f.Quotes) > 0 && !c.quoteCited) &&
		boolIs(w.Rep, len(f.Reps) > 0) &&
		boolIs(w.Deal, len(f.Deals) > 0) &&
		boolIs(w.Program, len(f.Programs) > 0) &&
		boolIs(w.Seat, f.Seat || c.sh.SeatHeld != nil) &&
		boolIs(w.Boss, f.Boss != "") &&
		anyStr(w.Line, c.sh.Line) &&
		boolIs(w.Failed, c.sh.Failed && !c.sh.DataTalk && overlap([]string{"direct_conversation"}, f.Tried)) &&
		(len(w.Artifact) == 0 || c.artifactIn(w.Artifact)) &&
		boolIs(w.Temptation, c.vals["temptation"] != "") &&
		boolIs(w.Numbers, c.vals["numbers"] != "" || c.vals["figures"] != "") &&
		boolIs(w.Funnel, c.vals["funnel"] != "") &&
		boolIs(w.Event, c.vals["event"] != "") &&
		boolIs(w.Change, c.vals["change"] != "" || c.changeGiven) &&
		boolIs(w.Talked, c.sh.Failed && !c.sh.DataTalk) &&
		boolIs(w.Unclear, d.Unclear && !d.Proactive && c.vals["typeB"] != "") &&
		(len(w.Cites) == 0 || c.citesAny(w.Cites)) &&
		(len(w.Asked) == 0 || c.askedAny(w.Asked)) &&
		boolIs(w.Either, c.sh.Question != nil && c.sh.Question.Either) &&
		boolIs(w.Whom, c.sh.Question != nil && c.sh.Question.Whom) &&
		boolIs(w.Proposes, c.sh.Proposes != nil) &&
		boolIs(w.Cited, c.sh.ProgramCited) &&
		boolIs(w.AsksBefore, c.sh.AsksBefore != nil) &&
		boolIs(w.AsksRead, c.sh.AsksRead != nil) &&
		boolIs(w.OwnIsBoss, c.sh.OwnBoss != "" && c.vals["boss"] == c.sh.OwnBoss) &&
		boolIs(w.Near, c.sh.DueNear) &&
		boolIs(w.Fortnight, c.sh.DueFortnight) &&
		boolIs(w.OwnBoss, c.sh.OwnBoss != "") &&
		boolIs(w.Stake, c.vals["stake"] != "") &&
		boolIs(w.Budget, c.budgetAtStake()) &&
		boolIs(w.Outside, c.vals["outside"] != "") &&
		boolIs(w.Undone, c.sh.Undone != nil) &&
		boolIs(w.Stopped, c.sh.Stopped != nil) &&
		(len(w.AskedAlso) == 0 || c.askedAlso(w.AskedAlso)) &&
		boolIs(w.Deadline, c.vals["deadline"] != "") &&
		boolIs(w.Soon, c.sh.DeadlineSoon) &&
		boolIs(w.Lost, len(c.sh.Lost) > 0) &&
		boolIs(w.Unworked, c.sh.Unworked) &&
		boolIs(w.Suspected, c.sh.Suspected != nil && c.sh.WentAbove == nil) &&
		boolIs(w.HeldBack, c.sh.HoldBack != nil) &&
		boolIs(w.Referee, c.sh.Referee != nil) &&
		boolIs(w.Lasting, len(c.sh.Lasting) > 0) &&
		boolIs(w.Mandate, len(c.sh.Mandate) > 0) &&
		boolIs(w.Admits, c.sh.Admits != nil) &&
		boolIs(w.AskedAgain, c.askedAgain()) &&
		boolIs(w.Request, c.vals["request"] != "") &&
		boolIs(w.SeatLost, c.sh.SeatLost != nil) &&
		boolIs(w.SeatPart, c.sh.SeatPart != nil) &&
		boolIs(w.SeatHeard, c.sh.SeatHeard) &&
		boolIs(w.Unanswered, c.sh.SeatUnanswered) &&
		boolIs(w.DealClosed, c.sh.DealClosed) &&
		boolIs(w.Marketer, c.vals["marketer"] != "") &&
		boolIs(w.LeaderAbove, c.sh.LeaderAbove != nil) &&
		boolIs(w.Recoded, c.sh.Recoded) &&
		boolIs(w.DataTalk, c.sh.DataTalk && overlap([]string{"direct_conversation"}, f.Tried)) &&
		boolIs(w.Known, c.sh.Known) &&
		boolIs(w.Booked, c.sh.Booked != nil) &&
		boolIs(w.Planned, c.sh.PlannedOn != "") &&
		boolIs(w.Unmet, c.sh.Unmet != nil) &&
		boolIs(w.Settling, c.sh.DeadlineNow && c.vals["deadline"] != "") &&
		boolIs(w.LeaderNew, f.LeaderNew) &&
		!c.saidAny(w.Unsaid) &&
		boolIs(w.Reported, c.reported) &&
		boolIs(w.Hearsay, c.hearsay) &&
		boolIs(w.Echoed, c.echoed && c.citedSpan(c.cites["evidence"])) &&
		boolIs(w.Signal, c.signal) &&
		boolIs(w.Verbatim, c.verbatim) &&
		boolIs(w.SaidOthers, c.saidOthers) &&
		boolIs(w.Label, c.vals["reason"] != "") &&
		(len(w.Says) == 0 || c.says(w.Says)) &&
		anyStr(w.Function, c.function())
	return ok
}

// saidAny reports whether an option picked earlier said one of these.
func (c *ctx) saidAny(topics []string) bool {
	for _, t := range topics {
		if c.said[t] {
			return true
		}
	}
	return false
}

func (c *ctx) hasAny(types []int) bool {
	for _, t := range types {
		if !c.d.Proactive && c.d.Has(align.Type(t)) {
			return true
		}
	}
	return false
}

func anyInt(list []int, v int) bool {
	if len(list) == 0 {
		return true
	}
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func anyStr(list []string, v string) bool {
	if len(list) == 0 {
		return true
	}
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func boolIs(want *bool, v bool) bool {
	return want == nil || *want == v
}

// artifactIn reports whether the data artifact the plan speaks to is in
// one of the states.
func (c *ctx) artifactIn(states []string) bool {
	a, ok := c.sh.Data()
	return ok && anyStr(states, a.State)
}

// askedAgain reports whether the move the user asks about is sending the
// data artifact already sent once more: its words name the artifact's
// noun ("send the deck to Joost again"), or say "again" or "resend". "Do
// I show the follow-up data on Thursday?" after a deck was sent asks
// about new numbers, not the deck.
func (c *ctx) askedAgain() bool {
	q := c.sh.Question
	a, ok := c.sh.Data()
	if q == nil || !ok || q.Move < 0 || q.Move >= len(c.sh.Temptations) {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(c.sh.Temptations[q.Move].Text)) {
		w = strings.Trim(w, ",.;:!?()\"'")
		if w == "again" || w == "resend" || w == "re-send" || a.Noun != "" && strings.TrimSuffix(w, "s") == strings.TrimSuffix(a.Noun, "s") {
			return true
		}
	}
	return false
}

// citesAny reports whether the plan so far quotes words from one of the
// voices.
func (c *ctx) citesAny(voices []string) bool {
	for _, ct := range c.cited {
		if anyStr(voices, ct.Speaker) {
			return true
		}
	}
	return false
}

// says reports whether the text uses one of the plan words (sheet.vocab).
func (c *ctx) says(words []string) bool {
	for _, w := range words {
		if c.sh.Uses(w) {
			return true
		}
	}
	return false
}

// function is what the user runs: "marketing" unless the sheet read
// RevOps or growth in a sentence of their own.
func (c *ctx) function() string {
	if c.sh.Function != "" {
		return c.sh.Function
	}
	return "marketing"
}

// askedAny reports whether the user asks whether to make a move whose
// first kind is one of kinds.
// askedAlso reports whether the second move the user asks about is of one
// of these kinds (its first kind).
func (c *ctx) askedAlso(kinds []string) bool {
	q := c.sh.Question
	if q == nil || len(q.Also) == 0 || q.Also[0] >= len(c.sh.Temptations) {
		return false
	}
	k := c.sh.Temptations[q.Also[0]].Kinds
	return len(k) > 0 && anyStr(kinds, k[0])
}

func (c *ctx) askedAny(kinds []string) bool {
	q := c.sh.Question
	if q == nil || q.Move < 0 || q.Move >= len(c.sh.Temptations) {
		return false
	}
	k := c.sh.Temptations[q.Move].Kinds
	return len(k) > 0 && anyStr(kinds, k[0])
}

// citedSpan reports whether a sentence already written quotes the span.
func (c *ctx) citedSpan(sp Citation) bool {
	for _, ct := range c.cited {
		if ct.Start == sp.Start && ct.End == sp.End {
			return true
		}
	}
	return false
}

// budgetAtStake reports whether marketing's budget is what is at stake:
// the urgency rests on the playbook's u-budget-on-table, or the first date
// ahead is about the budget in that signal's own words ("the 2027 budget
// is decided on 9 December").
func (c *ctx) budgetAtStake() bool {
	if c.budget == nil {
		v := c.readBudgetAtStake()
		c.budget = &v
	}
	return *c.budget
}

func (c *ctx) readBudgetAtStake() bool {
	for _, r := range c.d.UrgencyReasons {
		if r.Signal == budgetSignal {
			return true
		}
	}
	if len(c.sh.Deadlines) == 0 {
		return false
	}
	for _, l := range c.pb.Urgency.Levels {
		for _, sig := range l.Signals {
			if sig.ID == budgetSignal && len(sig.Narrow) > 0 {
				return sig.LabelFor(c.sh.Deadlines[0].Text) == sig.Narrow[0].Label
			}
		}
	}
	return false
}

// budgetSignal is the playbook's urgency signal for marketing's budget,
// headcount or role on the table; its first narrowing is the budget's.
const budgetSignal = "u-budget-on-table"
