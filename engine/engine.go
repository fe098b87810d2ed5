// Package engine runs align's pipeline end to end (intake, route,
// diagnose, plan, render, lint) behind one small API, so the terminal, the
// web page, the JSON API and the MCP server all produce the same output
// for the same input. It holds the playbook and the clock; nothing else.
package engine

import (
	"strings"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/diagnose"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/lint"
	"github.com/align-coach/align/plan"
	"github.com/align-coach/align/playbook"
	"github.com/align-coach/align/route"
)

// Engine runs the pipeline.
type Engine struct {
	PB *playbook.Playbook
	// Reader holds the learned models; nil leaves the playbook's rules to
	// decide alone.
	Reader *diagnose.Reader
	Now    func() time.Time
}

// New loads the embedded playbook. now is the clock for the Built date.
func New(now func() time.Time) (*Engine, error) {
	// The model and the playbook load side by side: a command's start is
	// the longer of the two, not their sum.
	var rd *diagnose.Reader
	var rerr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		rd, rerr = diagnose.DefaultReader()
	}()
	pb, err := playbook.Default()
	<-done
	if err != nil {
		return nil, align.Errorf(align.EINTERNAL, "%v", err)
	}
	if err := rerr; err != nil {
		return nil, align.Errorf(align.EINTERNAL, "embedded model: %v", err)
	}
	if now == nil {
		now = time.Now
	}
	return &Engine{PB: pb, Reader: rd, Now: now}, nil
}

// Parse reads input bytes in the format the name or content suggests.
func (e *Engine) Parse(name string, data []byte) (intake.Input, error) {
	return intake.Parse(intake.Detect(name, data), data, e.PB.TriedCodes())
}

// Situation validates an input and applies its answers.
func (e *Engine) Situation(in intake.Input) (align.Situation, error) {
	if err := in.Validate(e.PB.TriedCodes()); err != nil {
		return align.Situation{}, err
	}
	today, err := e.builtDate(in.Date)
	if err != nil {
		return align.Situation{}, err
	}
	sit := in.ToSituation()
	sit.Today = today
	return intake.ApplyAnswers(e.PB, sit, in.Answers)
}

// Route routes a message.
func (e *Engine) Route(text string) align.RouteResult {
	if e.Reader == nil {
		return route.Text(e.PB, text)
	}
	return e.Reader.Route(e.PB, text)
}

// Diagnose validates the input and diagnoses it.
func (e *Engine) Diagnose(in intake.Input) (align.Situation, align.Diagnosis, error) {
	sit, err := e.Situation(in)
	if err != nil {
		return sit, align.Diagnosis{}, err
	}
	return sit, diagnose.Diagnose(e.PB, e.Reader, sit), nil
}

// Result is a finished run: the situation, its diagnosis and, when the
// route is alignment, the plan.
type Result struct {
	Situation align.Situation
	Diagnosis align.Diagnosis
	Plan      *align.Plan
}

// Plan diagnoses the input and writes the plan. The plan is nil when the
// request is not an alignment request; Declined then explains why.
func (e *Engine) Plan(in intake.Input, date string) (Result, error) {
	if date == "" {
		date = in.Date
	}
	built, err := e.builtDate(date)
	if err != nil {
		return Result{}, err
	}
	in.Date = date
	sit, d, err := e.Diagnose(in)
	if err != nil {
		return Result{}, err
	}
	if d.Route.Route != align.RouteAlignment && in.AboutLeader {
		// The user said it is about their sales leader: the route is
		// theirs to decide.
		d.Route.Route, d.Route.Unsure = align.RouteAlignment, false
		d.Route.Reason = strings.TrimSpace(e.PB.Route.Messages["confirmed"])
	}
	r := Result{Situation: sit, Diagnosis: d}
	if d.Route.Route == align.RouteAlignment {
		p := plan.Build(e.PB, sit, d, built)
		r.Plan = &p
	}
	return r, nil
}

func (e *Engine) builtDate(date string) (time.Time, error) {
	if date == "" {
		return e.Now(), nil
	}
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return time.Time{}, align.Errorf(align.EINVALID, "date must be YYYY-MM-DD, not %q", date)
	}
	return t, nil
}

// Declined is the paragraph align gives instead of a plan when a request
// routes to sla or none.
func (e *Engine) Declined(r align.RouteResult) string {
	if r.Unsure {
		return strings.TrimSpace(e.PB.Route.Messages["unsure"])
	}
	return strings.TrimSpace(e.PB.Route.Messages[string(r.Route)])
}

// Render writes a result in a format: text, markdown or json.
func (e *Engine) Render(r Result, format string) (string, error) {
	switch format {
	case "", "text":
		return plan.Text(*r.Plan), nil
	case "markdown", "md":
		return plan.Markdown(*r.Plan), nil
	case "json":
		b, err := plan.JSON(r.Situation, r.Diagnosis, *r.Plan)
		return string(b), err
	}
	return "", align.Errorf(align.EINVALID, "format must be text, markdown or json, not %q", format)
}

// Lint checks a plan document.
func (e *Engine) Lint(doc string) lint.Report {
	return lint.Check(e.PB, doc)
}

// Questions lists what the situation still needs asked: a setup question
// for each fact the text does not give, as the plan reads it (a tenure or
// a reporting line the fact sheet found is not asked again), then the
// diagnosis's follow-ups.
func (e *Engine) Questions(sit align.Situation, d align.Diagnosis) []align.Question {
	d.Facts.Missing = plan.Unsettled(e.PB, sit, d)
	return diagnose.Questions(e.PB, d)
}
