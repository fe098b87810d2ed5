// Package interview asks a user, at the terminal, what the playbook needs
// to know: the situation in their own words, then the six setup facts
// (pre-filled with what the text already says), then, when the diagnosis
// is still uncertain, the follow-up questions that would decide between
// the leading types. Every question and its choices come from the
// playbook's question bank; this package only turns them into forms with
// charm.land/huh and the answers into an intake.Input.
//
// Nothing is written until the interview is complete: an interrupt at any
// point returns ErrAborted and leaves no file behind.
package interview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/huh/v2"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/file"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/plan"
	"github.com/align-coach/align/playbook"
)

// ErrAborted is returned when the user leaves the interview early.
var ErrAborted = errors.New("interview interrupted; nothing was saved")

// Terminal is where the interview runs.
type Terminal struct {
	In  io.Reader
	Out io.Writer
	// Accessible switches to plain line-by-line prompts (screen readers,
	// terminals without colour, ACCESSIBLE=1 or NO_COLOR).
	Accessible bool
	// Date fixes the plan's Built date (YYYY-MM-DD); empty means today.
	Date string
	// OpenStore, when set, lets the user start a case file with the
	// situation. It is called only if they choose to.
	OpenStore func() (align.Store, error)
}

// Result is a finished interview.
type Result struct {
	Input intake.Input
	Plan  string
	Saved string // the file the plan was saved to, if any
}

// Run conducts the interview, shows the plan and offers to save it.
func Run(ctx context.Context, eng *engine.Engine, t Terminal) (Result, error) {
	var res Result
	situation := ""
	if err := t.form(ctx, huh.NewGroup(
		huh.NewText().
			Title("What is going on with your sales leader?").
			Description("In your own words: who they are, what they have said or done, and what you want to change. Their exact words help most.").
			Value(&situation).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New("describe the situation first")
				}
				return nil
			}),
	)); err != nil {
		return res, err
	}
	in := intake.Input{Situation: situation}
	if err := in.Validate(eng.PB.TriedCodes()); err != nil {
		return res, err
	}
	confirmed := false
	if r := eng.Route(situation); r.Route != align.RouteAlignment {
		// A refusal is not a dead end: the user knows whom they are
		// talking about, and may say so.
		fmt.Fprintf(t.Out, "\n%s\n", eng.Declined(r))
		if err := t.form(ctx, huh.NewGroup(huh.NewConfirm().
			Title("Is this about your relationship with your sales leader?").
			Description("Yes goes on to the questions about them; no ends here.").
			Affirmative("Yes, this is about my sales leader").Negative("No").Value(&confirmed))); err != nil {
			return res, err
		}
		if !confirmed {
			return res, align.Errorf(align.ENOTALIGNMENT, "not an alignment request (route: %s)", r.Route)
		}
	}
	_, d, err := eng.Diagnose(in)
	if err != nil {
		return res, err
	}

	// The six setup facts, pre-filled with what the text already says.
	a := prefill(d)
	if err := t.form(ctx, setupGroups(eng.PB, d, a)...); err != nil {
		return res, err
	}
	in = a.input(situation)

	// Follow-ups, when the diagnosis is still uncertain.
	if _, d, err = eng.Diagnose(in); err != nil {
		return res, err
	}
	if len(d.Questions) > 0 {
		follow := map[string]*string{}
		var fields []huh.Field
		for _, q := range d.Questions {
			q.Choices = append(q.Choices, align.Choice{Value: "", Label: "Not sure"})
			v := new(string)
			follow[q.ID] = v
			fields = append(fields, selectField(q, v))
		}
		if err := t.form(ctx, huh.NewGroup(fields...).Title("A few questions to settle the diagnosis")); err != nil {
			return res, err
		}
		in.Answers = map[string]intake.Answer{}
		for id, v := range follow {
			if *v != "" {
				in.Answers[id] = intake.Answer{*v}
			}
		}
	}

	in.AboutLeader = in.AboutLeader || confirmed
	out, err := eng.Plan(in, t.Date)
	if err != nil {
		return res, err
	}
	if out.Plan == nil {
		fmt.Fprintf(t.Out, "\n%s\n", eng.Declined(out.Diagnosis.Route))
		return res, align.Errorf(align.ENOTALIGNMENT, "not an alignment request (route: %s)", out.Diagnosis.Route.Route)
	}
	res.Input = in
	res.Plan = plan.Text(*out.Plan)
	fmt.Fprintf(t.Out, "\n%s\n", res.Plan)

	saved, err := t.offerSave(ctx, out, in)
	res.Saved = saved
	return res, err
}

// offerSave asks whether and where to save the plan, and never replaces a
// file without asking.
func (t Terminal) offerSave(ctx context.Context, out engine.Result, in intake.Input) (string, error) {
	format := "none"
	opts := []huh.Option[string]{huh.NewOption("No", "none"), huh.NewOption("Yes, as text (.txt)", "text"), huh.NewOption("Yes, as Markdown (.md)", "markdown")}
	if t.OpenStore != nil {
		opts = append(opts, huh.NewOption("Start a case file on this sales leader", "case"))
	}
	if err := t.form(ctx, huh.NewGroup(huh.NewSelect[string]().Title("Save this plan?").Options(opts...).Value(&format))); err != nil {
		return "", err
	}
	switch format {
	case "none":
		return "", nil
	case "case":
		return t.startCase(ctx, out, in)
	}
	name := "alignment-plan.txt"
	body := plan.Text(*out.Plan)
	if format == "markdown" {
		name, body = "alignment-plan.md", plan.Markdown(*out.Plan)
	}
	for {
		// The default shows in the title (the accessible prompt shows no
		// value) and as the placeholder; Enter keeps it.
		def := name
		name = ""
		if err := t.form(ctx, huh.NewGroup(huh.NewInput().Title("File name (press Enter for "+def+")").Placeholder(def).Value(&name))); err != nil {
			return "", err
		}
		if name = strings.TrimSpace(name); name == "" {
			name = def
		}
		force := false
		if _, err := os.Stat(name); err == nil {
			if err := t.form(ctx, huh.NewGroup(huh.NewConfirm().Title(name+" exists. Replace it?").Value(&force))); err != nil {
				return "", err
			}
			if !force {
				continue
			}
		}
		if err := file.WriteAtomic(name, []byte(body), force); err != nil {
			return "", err
		}
		fmt.Fprintf(t.Out, "Saved %s\n", name)
		return name, nil
	}
}

// form runs one form and maps an abort, or a cancelled context (Ctrl-C
// while a plain prompt waits for a line), to ErrAborted.
func (t Terminal) form(ctx context.Context, groups ...*huh.Group) error {
	km := huh.NewDefaultKeyMap()
	km.Quit = key.NewBinding(key.WithKeys("ctrl+c", "esc"), key.WithHelp("esc", "quit"))
	f := huh.NewForm(groups...).WithKeyMap(km).WithAccessible(t.Accessible).WithInput(t.In).WithOutput(t.Out)
	done := make(chan error, 1)
	go func() { done <- f.RunWithContext(ctx) }()
	select {
	case <-ctx.Done():
		return ErrAborted
	case err := <-done:
		if err != nil {
			if errors.Is(err, huh.ErrUserAborted) || ctx.Err() != nil {
				return ErrAborted
			}
			return err
		}
		if ctx.Err() != nil {
			return ErrAborted
		}
		return nil
	}
}

// answers holds the setup form's values.
type answers struct {
	said, duration, tenure, reporting, shared, sees, stage string
	tried                                                  []string
}

// prefill starts the setup form from what the diagnosis read in the text.
func prefill(d align.Diagnosis) *answers {
	f := d.Facts
	a := &answers{
		duration: f.Duration, tenure: f.Tenure, reporting: f.Reporting,
		shared: f.SharedTarget, sees: f.LeadershipSees, tried: append([]string{}, f.Tried...),
	}
	if len(f.Quotes) > 0 {
		a.said = strings.Trim(f.Quotes[0].Quote, "\"\u201c\u201d")
	}
	return a
}

func (a *answers) input(situation string) intake.Input {
	in := intake.Input{Situation: situation, Said: a.said, Duration: a.duration, Tried: a.tried}
	if a.tenure != align.Unknown {
		in.Tenure = a.tenure
	}
	if a.reporting != align.Unknown {
		in.Reporting = a.reporting
	}
	in.Context.Stage = a.stage
	if a.shared != align.Unknown {
		in.Context.SharedTarget = intake.Tri(a.shared)
	}
	if a.sees != align.Unknown {
		in.Context.LeadershipSees = intake.Tri(a.sees)
	}
	if len(in.Tried) == 0 {
		in.Tried = nil
	}
	return in
}

// setupGroups builds the setup form from the question bank.
func setupGroups(pb *playbook.Playbook, d align.Diagnosis, a *answers) []*huh.Group {
	q := func(id string) align.Question {
		def, _ := pb.Question(id)
		out := align.Question{ID: def.ID, Text: def.Text, Why: def.Why}
		for _, c := range def.Choices {
			out.Choices = append(out.Choices, align.Choice{Value: c.Value, Label: c.Label})
		}
		return out
	}
	prefilled := func(q align.Question, known bool) string {
		if known {
			return "From what you wrote. " + q.Why
		}
		return q.Why
	}
	tenure, reporting := q("tenure"), q("reporting")
	tenure.Choices = append(tenure.Choices, align.Choice{Value: align.Unknown, Label: "Rather not say"})
	reporting.Choices = append(reporting.Choices, align.Choice{Value: align.Unknown, Label: "Not sure"})
	tried := q("tried")
	var triedOpts []huh.Option[string]
	for _, c := range tried.Choices {
		triedOpts = append(triedOpts, huh.NewOption(c.Label, c.Value).Selected(contains(a.tried, c.Value)))
	}
	said, duration, context := q("said"), q("duration"), q("context")
	return []*huh.Group{
		huh.NewGroup(
			huh.NewInput().Title(said.Text).Description(prefilled(said, a.said != "")).Value(&a.said),
			huh.NewInput().Title(duration.Text).Description(prefilled(duration, a.duration != "")).Value(&a.duration),
			selectField(tenure, &a.tenure).Description(prefilled(tenure, d.Facts.Tenure != align.Unknown)),
		).Title("About the relationship"),
		huh.NewGroup(
			huh.NewMultiSelect[string]().Title(tried.Text).Description(prefilled(tried, len(a.tried) > 0)+" Choose Nothing yet if you have not tried anything.").
				Options(triedOpts...).Value(&a.tried),
			selectField(reporting, &a.reporting).Description(prefilled(reporting, d.Facts.Reporting != align.Unknown)),
		).Title("What you have tried, and who reports to whom"),
		huh.NewGroup(
			huh.NewInput().Title(context.Text).Description(context.Why).Value(&a.stage),
			selectField(q("shared_target"), &a.shared),
			selectField(q("leadership_sees"), &a.sees),
		).Title("The business context"),
	}
}

// selectField turns a question with choices into a select whose value is
// pre-set to *v when *v is one of the choices.
func selectField(q align.Question, v *string) *huh.Select[string] {
	var opts []huh.Option[string]
	for _, c := range q.Choices {
		opts = append(opts, huh.NewOption(c.Label, c.Value))
	}
	if !hasChoice(q, *v) && len(q.Choices) > 0 {
		*v = q.Choices[len(q.Choices)-1].Value
		if q.Choices[len(q.Choices)-1].Value != align.Unknown {
			*v = q.Choices[0].Value
		}
	}
	return huh.NewSelect[string]().Title(q.Text).Options(opts...).Value(v)
}

func hasChoice(q align.Question, v string) bool {
	for _, c := range q.Choices {
		if c.Value == v {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// startCase files the situation as the first entry of a new case.
func (t Terminal) startCase(ctx context.Context, out engine.Result, in intake.Input) (string, error) {
	leader := out.Diagnosis.Facts.Leader
	name, title := leader.Name, leader.Title
	if err := t.form(ctx, huh.NewGroup(
		huh.NewInput().Title("The sales leader's name").Value(&name),
		huh.NewInput().Title("Their title").Value(&title),
	)); err != nil {
		return "", err
	}
	store, err := t.OpenStore()
	if err != nil {
		return "", err
	}
	defer store.Close()
	c := align.Case{Name: name, Title: title}
	if err := store.CreateCase(ctx, &c); err != nil {
		return "", err
	}
	text := in.Situation
	if in.Said != "" && !strings.Contains(text, in.Said) {
		text += "\n\n" + in.Said
	}
	if err := store.AddEntry(ctx, &align.Entry{CaseID: c.ID, Kind: align.EntrySituation, Text: text}); err != nil {
		return "", err
	}
	fmt.Fprintf(t.Out, "Started case %d on %s. Follow it with: align case show %d\n", c.ID, c.Name, c.ID)
	return fmt.Sprintf("case %d", c.ID), nil
}
