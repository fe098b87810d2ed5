// Package casefile follows one relationship over time. It turns a case's
// timeline into the situation the engine diagnoses (every entry's words,
// in order, with what the entries imply was tried), marks which steps of
// the playbook's sequence are done, writes the current plan and keeps
// every earlier plan so the user can see what changed.
package casefile

import (
	"context"
	"strings"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/plan"
)

// Step is one step of the playbook's sequence and whether it is done.
type Step struct {
	Kind  string    `json:"kind"`
	Label string    `json:"label"`
	Help  string    `json:"help"`
	Done  bool      `json:"done"`
	At    time.Time `json:"at,omitempty"`
}

// View is everything a case page shows.
type View struct {
	Case      align.Case           `json:"case"`
	Entries   []align.Entry        `json:"entries"`
	Steps     []Step               `json:"steps"`
	Diagnosis *align.Diagnosis     `json:"diagnosis,omitempty"`
	Plan      string               `json:"plan"`
	Message   string               `json:"message,omitempty"`
	History   []align.PlanSnapshot `json:"history"`
}

// Input builds the situation from a case's timeline.
func Input(eng *engine.Engine, c align.Case, entries []align.Entry) intake.Input {
	var parts []string
	tried := map[string]bool{}
	for _, e := range entries {
		parts = append(parts, strings.TrimSpace(e.Text))
		if code := eng.PB.Cases.Tried[e.Kind]; code != "" {
			tried[code] = true
		}
	}
	in := intake.Input{Situation: strings.Join(parts, "\n\n")}
	if len(tried) > 0 {
		for _, code := range eng.PB.TriedCodes() {
			if tried[code] {
				in.Tried = append(in.Tried, code)
			}
		}
	}
	return in
}

// Steps marks the sequence's steps done by the timeline.
func Steps(eng *engine.Engine, entries []align.Entry) []Step {
	var out []Step
	for _, st := range eng.PB.Cases.Steps {
		s := Step{Kind: st.Kind, Label: st.Label, Help: st.Help}
		for _, e := range entries {
			if e.Kind == st.Kind {
				s.Done, s.At = true, e.At
				break
			}
		}
		out = append(out, s)
	}
	return out
}

// Load builds a case's view: the timeline, the steps, the plan
// re-diagnosed from every entry (saved as a new snapshot when it changed),
// and the earlier plans.
func Load(ctx context.Context, eng *engine.Engine, store align.Store, id int64) (View, error) {
	c, err := store.Case(ctx, id)
	if err != nil {
		return View{}, err
	}
	entries, err := store.Entries(ctx, id)
	if err != nil {
		return View{}, err
	}
	v := View{Case: c, Entries: entries, Steps: Steps(eng, entries)}
	if len(entries) > 0 {
		in := Input(eng, c, entries)
		res, err := eng.Plan(in, "")
		if err != nil {
			v.Message = align.ErrorMessage(err)
		} else {
			v.Diagnosis = &res.Diagnosis
			if res.Plan == nil {
				v.Message = eng.Declined(res.Diagnosis.Route)
			} else {
				v.Plan = plan.Text(*res.Plan)
				if _, err := store.SavePlan(ctx, &align.PlanSnapshot{CaseID: id, Text: v.Plan}); err != nil {
					return v, err
				}
			}
		}
	}
	if v.History, err = store.Plans(ctx, id); err != nil {
		return v, err
	}
	return v, nil
}

// Export gathers a case with everything recorded on it.
func Export(ctx context.Context, store align.Store, id int64) (align.CaseExport, error) {
	c, err := store.Case(ctx, id)
	if err != nil {
		return align.CaseExport{}, err
	}
	es, err := store.Entries(ctx, id)
	if err != nil {
		return align.CaseExport{}, err
	}
	ps, err := store.Plans(ctx, id)
	if err != nil {
		return align.CaseExport{}, err
	}
	return align.CaseExport{Case: c, Entries: es, Plans: ps}, nil
}

// DiffLine is one line of a diff between two plans.
type DiffLine struct {
	Op   string `json:"op"` // " " same, "-" only in the old plan, "+" only in the new
	Text string `json:"text"`
}

// Diff compares two plans line by line (longest common subsequence), the
// old one first.
func Diff(old, new string) []DiffLine {
	a, b := strings.Split(strings.TrimRight(old, "\n"), "\n"), strings.Split(strings.TrimRight(new, "\n"), "\n")
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else if lcs[i+1][j] >= lcs[i][j+1] {
				lcs[i][j] = lcs[i+1][j]
			} else {
				lcs[i][j] = lcs[i][j+1]
			}
		}
	}
	var out []DiffLine
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, DiffLine{" ", a[i]})
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			out = append(out, DiffLine{"-", a[i]})
			i++
		default:
			out = append(out, DiffLine{"+", b[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, DiffLine{"-", a[i]})
	}
	for ; j < m; j++ {
		out = append(out, DiffLine{"+", b[j]})
	}
	return out
}
