// Package casefile follows one relationship over time. It turns a case's
// timeline into the situation the engine diagnoses (every entry's words,
// in order, with what the entries imply was tried), marks which steps of
// the playbook's sequence are done, writes the current plan and keeps
// every earlier plan so the user can see what changed.
package casefile

import (
	"context"
	"strconv"
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
	// Changes lists the lines that differ between the last plan recorded
	// before the current one and the current plan: what changed since the
	// last plan. Empty when there is no earlier plan.
	Changes []DiffLine `json:"changes,omitempty"`
}

// PinnedReason is the route's reason on every case: a case is about one
// relationship with one sales leader by construction, so its entries
// update the diagnosis and never reroute it.
const PinnedReason = "A case file is about your relationship with one sales leader, so every entry updates this diagnosis and none reroutes it."

// Input builds the situation from a case's timeline. When the entries
// together are longer than one situation may be (intake.MaxBytes), the
// newest that fit are read: a case with years of long notes still gets a
// plan, from where things stand now.
func Input(eng *engine.Engine, c align.Case, entries []align.Entry) intake.Input {
	var parts []string
	tried := map[string]bool{}
	size := 0
	for i := len(entries) - 1; i >= 0; i-- {
		e := entries[i]
		if align.CheckText("", e.Text) != nil {
			// Stored before align refused such text; it cannot be read,
			// and must not stop the rest of the case from being planned.
			continue
		}
		text := strings.TrimSpace(e.Text)
		if size+len(text)+2 > intake.MaxBytes && len(parts) > 0 {
			break
		}
		size += len(text) + 2
		parts = append(parts, text)
		if code := eng.PB.Cases.Tried[e.Kind]; code != "" {
			tried[code] = true
		}
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
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
// re-diagnosed from every entry, and the plans recorded before. It only
// reads: the plans are recorded when the timeline changes (AddEntry,
// DeleteEntry), so looking at a case never writes to the database.
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
	v.Plan, v.Diagnosis, v.Message = current(eng, c, entries)
	if v.History, err = store.Plans(ctx, id); err != nil {
		return v, err
	}
	if e := Earlier(v); len(e) > 0 && v.Plan != "" {
		for _, l := range Diff(e[0].Text, v.Plan) {
			if l.Op != " " {
				v.Changes = append(v.Changes, l)
			}
		}
	}
	return v, nil
}

// current is the plan for a timeline, or the message that stands in for it.
func current(eng *engine.Engine, c align.Case, entries []align.Entry) (string, *align.Diagnosis, string) {
	p, d, msg := build(eng, c, entries)
	if p == nil {
		return "", d, msg
	}
	return plan.Text(*p), d, ""
}

// build diagnoses a timeline and writes its plan. The route is pinned at
// alignment: an entry full of lead-routing words ("only demo requests now
// go to sales") is progress on the relationship, not a new request for
// the lead-handoff playbook. The case's name and title are the sales
// leader's, whatever the entries call them.
func build(eng *engine.Engine, c align.Case, entries []align.Entry) (*align.Plan, *align.Diagnosis, string) {
	if len(entries) == 0 {
		return nil, nil, ""
	}
	sit, d, err := eng.Diagnose(Input(eng, c, entries))
	if err != nil {
		return nil, nil, align.ErrorMessage(err)
	}
	Pin(&d, c)
	for _, e := range entries {
		// A seat entry records access to the pipeline review: the plan
		// works from having it, not from having been refused it.
		if e.Kind == align.EntrySeat {
			d.Facts.Seat = true
		}
	}
	p := plan.Build(eng.PB, sit, d, eng.Now())
	return &p, &d, ""
}

// Pin fixes a case's diagnosis at the alignment route and names the sales
// leader as the case does.
func Pin(d *align.Diagnosis, c align.Case) {
	d.Route.Route, d.Route.Unsure, d.Route.Reason = align.RouteAlignment, false, PinnedReason
	if c.Name != "" {
		d.Facts.Leader.Name = c.Name
	}
	if c.Title != "" {
		d.Facts.Leader.Title = c.Title
	}
}

// Snapshot records the case's current plan unless it equals the last one
// recorded.
func Snapshot(ctx context.Context, eng *engine.Engine, store align.Store, id int64) error {
	c, err := store.Case(ctx, id)
	if err != nil {
		return err
	}
	entries, err := store.Entries(ctx, id)
	if err != nil {
		return err
	}
	text, _, _ := current(eng, c, entries)
	if text == "" {
		return nil
	}
	_, err = store.SavePlan(ctx, &align.PlanSnapshot{CaseID: id, Text: text})
	return err
}

// AddEntry adds an entry to a case and records the plan it leads to. The
// entry is what matters: once it is stored, a failure to record the plan
// is not reported as a failure to add it (the plan is recorded again with
// the next change).
func AddEntry(ctx context.Context, eng *engine.Engine, store align.Store, e *align.Entry) error {
	if err := store.AddEntry(ctx, e); err != nil {
		return err
	}
	Snapshot(ctx, eng, store, e.CaseID)
	return nil
}

// DeleteEntry removes an entry from a case and records the plan without it.
func DeleteEntry(ctx context.Context, eng *engine.Engine, store align.Store, caseID, entryID int64) error {
	if err := store.DeleteEntry(ctx, caseID, entryID); err != nil {
		return err
	}
	Snapshot(ctx, eng, store, caseID)
	return nil
}

// Earlier lists the recorded plans before the current one, newest first:
// every snapshot but a last one equal to the current plan.
func Earlier(v View) []align.PlanSnapshot {
	h := v.History
	if n := len(h); n > 0 && h[n-1].Text == v.Plan {
		h = h[:n-1]
	}
	out := make([]align.PlanSnapshot, 0, len(h))
	for i := len(h) - 1; i >= 0; i-- {
		out = append(out, h[i])
	}
	return out
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

// MaxExportBytes is the largest export file `align case import` reads:
// far more than years of notes on many relationships, small enough to
// hold in memory. Each entry keeps its own 1 MiB limit.
const MaxExportBytes = 256 << 20

// ExportVersion is the "align_cases" version an export file carries.
const ExportVersion = 1

// ExportFile is the document `align case export` writes.
type ExportFile struct {
	Version int                `json:"align_cases"`
	Cases   []align.CaseExport `json:"cases"`
}

// ParseExport reads an export file, refusing it whole when any part is
// wrong (so an import is all or nothing): bytes that are not UTF-8 text,
// JSON that intake.DecodeJSON refuses, another document, or a case or
// entry that fails validation, named by its place in the file.
func ParseExport(data []byte) ([]align.CaseExport, error) {
	if len(data) > MaxExportBytes {
		return nil, align.Errorf(align.ETOOLARGE, "the export is %d bytes; the limit is %d (256 MiB)", len(data), MaxExportBytes)
	}
	if err := intake.CheckEncoding(data); err != nil {
		return nil, err
	}
	var doc ExportFile
	if err := intake.DecodeJSON(data, &doc); err != nil {
		if strings.HasPrefix(strings.TrimSpace(string(data)), "{") {
			return nil, err
		}
		return nil, align.Errorf(align.EINVALID, "this is not an align case export (a JSON file from align case export)")
	}
	if doc.Version != ExportVersion {
		return nil, align.Errorf(align.EINVALID, "this is not an align case export (align_cases must be %d)", ExportVersion)
	}
	if err := align.ValidateExports(doc.Cases); err != nil {
		return nil, err
	}
	return doc.Cases, nil
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

// Summary is one line of the case list: the case, what kind of
// misalignment its timeline shows, how urgent, the last entry and how far
// along the playbook's sequence it is.
type Summary struct {
	align.Case
	// TypeLine is the plan's misalignment type line ("Type 1, earned
	// skepticism"); empty before the first entry.
	TypeLine string       `json:"misalignment_type,omitempty"`
	Urgency  string       `json:"urgency,omitempty"`
	Last     *align.Entry `json:"last_entry,omitempty"`
	Done     int          `json:"steps_done"`
	Steps    int          `json:"steps"`
}

// List summarises every case, most recently updated first.
func List(ctx context.Context, eng *engine.Engine, store align.Store) ([]Summary, error) {
	cs, err := store.Cases(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(cs))
	for _, c := range cs {
		es, err := store.Entries(ctx, c.ID)
		if err != nil {
			return nil, err
		}
		s := Summary{Case: c}
		for _, st := range Steps(eng, es) {
			s.Steps++
			if st.Done {
				s.Done++
			}
		}
		if n := len(es); n > 0 {
			s.Last = &es[n-1]
		}
		if p, d, _ := build(eng, c, es); p != nil {
			s.TypeLine, s.Urgency = p.TypeLine, string(d.Urgency)
		}
		out = append(out, s)
	}
	return out, nil
}

// ImportReport says what an import did with each case in the file.
type ImportReport struct {
	// Created lists the cases stored, as they are now.
	Created []align.Case `json:"created"`
	// Identical lists the cases already here with the same fields and
	// timeline, which were skipped; each is the case here.
	Identical []align.Case `json:"identical"`
	// Conflicts lists the cases here that the file has a different version
	// of (same sales leader, same start, different fields or timeline).
	Conflicts []Conflict `json:"conflicts"`
}

// Conflict is a case in the file that differs from one already here.
type Conflict struct {
	File align.Case `json:"file"`
	Here align.Case `json:"here"`
}

// Import stores the cases of an export file that are not already here.
// A case is the same as one here when it names the same sales leader and
// started at the same moment (the export keeps the start to the
// nanosecond). Identical cases are skipped. A case that differs from its
// version here is a conflict: unless asNew is set, nothing is imported
// and the error lists the conflicts; with asNew, conflicting cases are
// stored as new cases beside the ones here. Cases repeated within the
// file are stored once.
func Import(ctx context.Context, store align.Store, cases []align.CaseExport, asNew bool) (ImportReport, error) {
	var rep ImportReport
	if err := align.ValidateExports(cases); err != nil {
		return rep, err
	}
	here, err := store.Cases(ctx)
	if err != nil {
		return rep, err
	}
	// Only a case here with the name and start of one in the file can be
	// the same case; only those are read whole.
	inFile := map[string]bool{}
	for _, x := range cases {
		inFile[x.Case.Name+"\x00"+x.Case.Created.UTC().Format(time.RFC3339Nano)] = true
	}
	var known []align.CaseExport
	for i := len(here) - 1; i >= 0; i-- {
		if !inFile[here[i].Name+"\x00"+here[i].Created.UTC().Format(time.RFC3339Nano)] {
			continue
		}
		x, err := Export(ctx, store, here[i].ID)
		if err != nil {
			return rep, err
		}
		known = append(known, x)
	}
	var todo []align.CaseExport
	var pending []align.CaseExport // cases of the file already queued
	reported := map[int64]bool{}   // cases here already reported identical
next:
	for _, x := range cases {
		for _, p := range pending {
			if sameCase(p, x) && sameContent(p, x) {
				continue next
			}
		}
		for _, k := range known {
			if !sameCase(k, x) {
				continue
			}
			if sameContent(k, x) {
				if !reported[k.Case.ID] {
					reported[k.Case.ID] = true
					rep.Identical = append(rep.Identical, k.Case)
				}
				continue next
			}
			rep.Conflicts = append(rep.Conflicts, Conflict{File: x.Case, Here: k.Case})
			if !asNew {
				continue next
			}
			break
		}
		pending = append(pending, x)
		todo = append(todo, x)
	}
	if len(rep.Conflicts) > 0 && !asNew {
		var names []string
		for _, c := range rep.Conflicts {
			names = append(names, c.File.Name+" (case "+strconv.FormatInt(c.Here.ID, 10)+" here)")
		}
		return rep, align.Errorf(align.EINVALID, "nothing imported: the file has a different version of %s; use --as-new to import those as new cases", strings.Join(names, ", "))
	}
	if len(todo) == 0 {
		return rep, nil
	}
	ids, err := store.Import(ctx, todo)
	if err != nil {
		return rep, err
	}
	for _, id := range ids {
		c, err := store.Case(ctx, id)
		if err != nil {
			return rep, err
		}
		rep.Created = append(rep.Created, c)
	}
	return rep, nil
}

// sameCase reports whether two exports are versions of one case: the same
// sales leader's name and the same start.
func sameCase(a, b align.CaseExport) bool {
	return a.Case.Name == b.Case.Name && !a.Case.Created.IsZero() && a.Case.Created.Equal(b.Case.Created)
}

// sameContent reports whether two versions of a case have the same fields
// and the same timeline. Plans are not compared: they follow from the
// timeline.
func sameContent(a, b align.CaseExport) bool {
	if a.Case.Name != b.Case.Name || a.Case.Title != b.Case.Title || a.Case.Company != b.Case.Company || a.Case.Role != b.Case.Role {
		return false
	}
	if len(a.Entries) != len(b.Entries) {
		return false
	}
	for i := range a.Entries {
		x, y := a.Entries[i], b.Entries[i]
		if x.Kind != y.Kind || x.Text != y.Text || !x.At.Equal(y.At) {
			return false
		}
	}
	return true
}
