package http

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/casefile"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/guard"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/plan"
)

// templates returns the page templates, parsing them the first time. A
// server that only answers the JSON API (a load test, a program) never
// parses them: parsed, they are thousands of small objects that every
// collection of the heap reads (about 2 million instructions a
// collection, a server collecting every dozen or so plans). They are
// embedded and every page is tested, so parsing cannot fail in a built
// binary; if it did, each page would say so.
func (s *Server) templates() (map[string]*template.Template, error) {
	s.pagesOnce.Do(func() { s.pagesErr = s.parseTemplates() })
	return s.pages, s.pagesErr
}

func (s *Server) parseTemplates() error {
	funcs := template.FuncMap{
		"typeShort": func(t align.Type) string { return s.Engine.PB.Type(int(t)).Short },
		"typeTitle": func(t align.Type) string { return s.Engine.PB.Type(int(t)).Title },
		"kindLabel": func(k string) string { return s.Engine.PB.Cases.Kinds[k] },
		"date":      func(t time.Time) string { return t.Format("2 Jan 2006") },
		"datetime":  func(t time.Time) string { return t.Format("2 Jan 2006, 15:04") },
		"isoDate":   func(t time.Time) string { return t.Format("2006-01-02") },
		"has":       func(list []string, v string) bool { return contains(list, v) },
		"plus":      func(a, b int) int { return a + b },
		"hasPrefix": strings.HasPrefix,
	}
	layout, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html")
	if err != nil {
		return err
	}
	pages, err := fs.Glob(assets, "templates/*.html")
	if err != nil {
		return err
	}
	s.pages = map[string]*template.Template{}
	for _, p := range pages {
		name := strings.TrimPrefix(p, "templates/")
		if name == "layout.html" {
			continue
		}
		t, err := template.Must(layout.Clone()).ParseFS(assets, p)
		if err != nil {
			return fmt.Errorf("template %s: %w", name, err)
		}
		s.pages[name] = t
	}
	return nil
}

// page is what every template gets.
type page struct {
	Title  string
	CSRF   string
	Nav    string
	Signed bool
	Data   any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name, title, nav string, data any) {
	pages, err := s.templates()
	if err != nil {
		s.Logger.Error("templates", "err", err)
		http.Error(w, "could not render the page", 500)
		return
	}
	t, ok := pages[name]
	if !ok {
		http.Error(w, "missing template "+name, 500)
		return
	}
	var buf bytes.Buffer
	p := page{Title: title, CSRF: s.csrf(w, r), Nav: nav, Signed: s.Token != "", Data: data}
	if err := t.ExecuteTemplate(&buf, "layout.html", p); err != nil {
		s.Logger.Error("render", "page", name, "err", err)
		http.Error(w, "could not render the page", 500)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error.html", http.StatusText(status), "", map[string]any{"Status": status, "Message": msg})
}

// choice is an option in a form.
type choice struct {
	Value, Label string
	Checked      bool
}

// formView is the new-situation form, with what the user typed so far.
type formView struct {
	In        intake.Input
	Error     string
	Tenure    []choice
	Reporting []choice
	Shared    []choice
	Sees      []choice
	Tried     []choice
	Kinds     []choice
}

func (s *Server) choices(id, current string, multi []string) []choice {
	q, _ := s.Engine.PB.Question(id)
	var out []choice
	for _, c := range q.Choices {
		out = append(out, choice{Value: c.Value, Label: c.Label, Checked: c.Value == current || contains(multi, c.Value)})
	}
	return out
}

func (s *Server) formView(in intake.Input, msg string) formView {
	v := formView{In: in, Error: msg}
	v.Tenure = append([]choice{{Value: "", Label: "Not sure or rather not say", Checked: in.Tenure == ""}}, s.choices("tenure", in.Tenure, nil)...)
	v.Reporting = append([]choice{{Value: "", Label: "Not sure", Checked: in.Reporting == ""}}, s.choices("reporting", in.Reporting, nil)...)
	v.Shared = s.choices("shared_target", string(in.Context.SharedTarget), nil)
	v.Sees = s.choices("leadership_sees", string(in.Context.LeadershipSees), nil)
	v.Tried = s.choices("tried", "", in.Tried)
	return v
}

func (s *Server) pageNew(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, 200, "new.html", "Describe the situation", "new", s.formView(intake.Input{}, ""))
}

// formInput reads the situation form (also carried as hidden fields on
// the result page, so follow-up answers and downloads re-run the plan).
func formInput(r *http.Request) intake.Input {
	f := r.PostForm
	in := intake.Input{
		Situation: f.Get("situation"), Said: f.Get("said"), Duration: f.Get("duration"),
		Tenure: f.Get("tenure"), Reporting: f.Get("reporting"),
	}
	in.Context.Stage = f.Get("stage")
	in.Context.SharedTarget = intake.Tri(f.Get("shared_target"))
	in.Context.LeadershipSees = intake.Tri(f.Get("leadership_sees"))
	if tried := f["tried"]; len(tried) > 0 {
		in.Tried = tried
	}
	for k, v := range f {
		if strings.HasPrefix(k, "q_") && len(v) > 0 && v[0] != "" {
			if in.Answers == nil {
				in.Answers = map[string]intake.Answer{}
			}
			in.Answers[strings.TrimPrefix(k, "q_")] = intake.Answer(v)
		}
	}
	return in
}

// resultView is the result page.
type resultView struct {
	In        intake.Input
	Hidden    []hidden
	Plan      string
	Diagnosis align.Diagnosis
	Scores    []scoreView
	Text      []segment
	Questions []align.Question
	// Asks are the questions that would sharpen the plan, as form fields
	// pre-filled from what the text already says; Keep are the form's
	// other fields, carried along unchanged.
	Asks    []ask
	Keep    []hidden
	Leader  align.Person
	Doc     []block
	Reasons []reason
}

// ask is one follow-up question as a form field.
type ask struct {
	ID, Name, Text, Why string
	// Kind is "text", "radio" or "check".
	Kind    string
	Value   string
	Choices []choice
}

type hidden struct{ Name, Value string }

// scoreView is one type in the diagnosis, in words: Word is "strong
// sign", "some sign" or "no sign", and Level (0 to 1) draws the bar, so
// a type the diagnosis did not find draws no bar, however close its
// score.
type scoreView struct {
	Type    align.Type
	Short   string
	Score   float64
	Word    string
	Level   float64
	Primary bool
	Labels  []string
}

// reason is an urgency reason quoted as a whole phrase.
type reason struct {
	Label, Quote string
}

// segment is a stretch of the user's text, highlighted when evidence.
type segment struct {
	Text  string
	Type  int
	Label string
}

func hiddenFields(in intake.Input) []hidden {
	h := []hidden{{"situation", in.Situation}, {"said", in.Said}, {"duration", in.Duration}, {"tenure", in.Tenure},
		{"reporting", in.Reporting}, {"stage", in.Context.Stage}, {"shared_target", string(in.Context.SharedTarget)},
		{"leadership_sees", string(in.Context.LeadershipSees)}}
	for _, t := range in.Tried {
		h = append(h, hidden{"tried", t})
	}
	ids := make([]string, 0, len(in.Answers))
	for id := range in.Answers {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		for _, v := range in.Answers[id] {
			h = append(h, hidden{"q_" + id, v})
		}
	}
	var out []hidden
	for _, x := range h {
		if x.Value != "" {
			out = append(out, x)
		}
	}
	return out
}

// plan runs the pipeline on a form. When the user confirmed that the
// request is about their sales leader (about=leader, offered on the
// declined page), the route is theirs to decide: the plan is written
// whatever the words suggested.
func (s *Server) plan(r *http.Request, in intake.Input) (engine.Result, error) {
	in.AboutLeader = in.AboutLeader || r.PostForm.Get("about") == "leader"
	var res engine.Result
	var err error
	if rerr := s.run(r, func() { res, err = s.Engine.Plan(in, "") }); rerr != nil {
		return res, rerr
	}
	return res, err
}

func (s *Server) pagePlan(w http.ResponseWriter, r *http.Request) {
	in := formInput(r)
	res, err := s.plan(r, in)
	if err != nil {
		s.render(w, r, http.StatusUnprocessableEntity, "new.html", "Describe the situation", "new", s.formView(in, align.ErrorMessage(err)))
		return
	}
	if res.Plan == nil {
		var keep []hidden
		for _, h := range hiddenFields(in) {
			if h.Name != "situation" && h.Name != "said" {
				keep = append(keep, h)
			}
		}
		s.render(w, r, 200, "declined.html", "Not a sales leader problem", "new", map[string]any{
			"Route": res.Diagnosis.Route, "Message": s.Engine.Declined(res.Diagnosis.Route), "In": in, "Keep": keep,
		})
		return
	}
	v := s.resultView(in, res)
	if r.PostForm.Get("about") == "leader" {
		v.Hidden = append(v.Hidden, hidden{"about", "leader"})
		v.Keep = append(v.Keep, hidden{"about", "leader"})
	}
	s.render(w, r, 200, "result.html", "Your alignment plan", "new", v)
}

func (s *Server) resultView(in intake.Input, res engine.Result) resultView {
	d := res.Diagnosis
	v := resultView{In: in, Hidden: hiddenFields(in), Plan: plan.Text(*res.Plan), Diagnosis: d, Leader: d.Facts.Leader}
	v.Doc = planDoc(v.Plan)
	v.Scores, v.Reasons = s.scoreViews(res.Situation.Text, d)
	v.Text = segments(res.Situation.Text, d.Scores)
	v.Questions = d.Questions
	v.Asks = s.asks(in, res.Situation, d)
	asked := map[string]bool{}
	for _, a := range v.Asks {
		asked[a.Name] = true
	}
	for _, h := range v.Hidden {
		if !asked[h.Name] {
			v.Keep = append(v.Keep, h)
		}
	}
	return v
}

// scoreViews says each type's evidence in words, strongest first, and
// quotes the urgency reasons as whole phrases.
func (s *Server) scoreViews(text string, d align.Diagnosis) ([]scoreView, []reason) {
	var out []scoreView
	for _, sc := range d.Scores {
		sv := scoreView{Type: sc.Type, Short: s.Engine.PB.Type(int(sc.Type)).Short, Score: sc.Score, Word: "No sign", Level: 0}
		switch {
		case d.Proactive:
		case d.Primary() == sc.Type && !d.Unclear:
			sv.Word, sv.Level, sv.Primary = "Strong sign", 1, true
		case d.Has(sc.Type) || d.Primary() == sc.Type:
			sv.Word, sv.Level = "Some sign", 0.5
		}
		seen := map[string]bool{}
		for _, e := range sc.Evidence {
			if e.Label != "" && !seen[e.Label] && sv.Level > 0 {
				seen[e.Label] = true
				sv.Labels = append(sv.Labels, e.Label)
			}
		}
		out = append(out, sv)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Level > out[j].Level })
	var rs []reason
	seen := map[string]bool{}
	for _, e := range d.UrgencyReasons {
		q := phrase(text, e.Start, e.End)
		if q == "" {
			q = e.Quote
		}
		if seen[e.Label+q] {
			continue
		}
		seen[e.Label+q] = true
		rs = append(rs, reason{Label: e.Label, Quote: q})
	}
	return out, rs
}

// asks turns what the situation still needs (a setup question for each
// missing fact, then the diagnosis's follow-ups) into form fields, each
// pre-filled with what the form or the text already says.
func (s *Server) asks(in intake.Input, sit align.Situation, d align.Diagnosis) []ask {
	f := d.Facts
	known := func(given, read string) string {
		if given != "" {
			return given
		}
		if read == align.Unknown {
			return ""
		}
		return read
	}
	radio := func(a ask, q align.Question, current string) ask {
		a.Kind = "radio"
		for _, c := range q.Choices {
			a.Choices = append(a.Choices, choice{Value: c.Value, Label: c.Label, Checked: c.Value == current})
		}
		return a
	}
	var out []ask
	for _, q := range s.Engine.Questions(sit, d) {
		a := ask{ID: q.ID, Name: q.Field, Text: q.Text, Why: q.Why, Kind: "text"}
		switch q.Field {
		case align.FieldSaid:
			a.Value = in.Said
			if a.Value == "" && len(f.Quotes) > 0 {
				a.Value = strings.Trim(f.Quotes[0].Quote, "\"\u201c\u201d")
			}
		case align.FieldDuration:
			a.Value = known(in.Duration, f.Duration)
		case align.FieldTenure:
			a = radio(a, q, known(in.Tenure, f.Tenure))
		case align.FieldReporting:
			a = radio(a, q, known(in.Reporting, f.Reporting))
		case align.FieldTried:
			a.Kind = "check"
			tried := []string(in.Tried)
			if len(tried) == 0 {
				tried = f.Tried
			}
			for _, c := range q.Choices {
				a.Choices = append(a.Choices, choice{Value: c.Value, Label: c.Label, Checked: contains(tried, c.Value)})
			}
		case align.FieldContext:
			a.Name, a.Value = "stage", in.Context.Stage
		case "shared_target":
			a = radio(a, q, known(string(in.Context.SharedTarget), f.SharedTarget))
		case "leadership_sees":
			a = radio(a, q, known(string(in.Context.LeadershipSees), f.LeadershipSees))
		case "":
			a.Name = "q_" + q.ID
			current := ""
			if v := in.Answers[q.ID]; len(v) > 0 {
				current = v[0]
			}
			q.Choices = append(q.Choices, align.Choice{Value: "", Label: "Not sure"})
			a = radio(a, q, current)
		default:
			continue
		}
		out = append(out, a)
	}
	return out
}

// segments cuts the text at every evidence boundary and colours each
// stretch by the strongest type evidence covering it.
func segments(text string, scores []align.TypeScore) []segment {
	type span struct {
		start, end, typ int
		w               float64
		label           string
	}
	var spans []span
	cuts := map[int]bool{0: true, len(text): true}
	for _, sc := range scores {
		for _, e := range sc.Evidence {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				continue
			}
			spans = append(spans, span{e.Start, e.End, int(sc.Type), e.Weight, e.Label})
			cuts[e.Start], cuts[e.End] = true, true
		}
	}
	var points []int
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	var out []segment
	for i := 0; i+1 < len(points); i++ {
		a, b := points[i], points[i+1]
		seg := segment{Text: text[a:b]}
		best := -1.0
		for _, sp := range spans {
			if sp.start <= a && sp.end >= b && sp.w > best {
				best, seg.Type, seg.Label = sp.w, sp.typ, sp.label
			}
		}
		if n := len(out); n > 0 && out[n-1].Type == seg.Type && out[n-1].Label == seg.Label {
			out[n-1].Text += seg.Text
			continue
		}
		out = append(out, seg)
	}
	return out
}

func (s *Server) pageDownload(w http.ResponseWriter, r *http.Request) {
	in := formInput(r)
	res, err := s.plan(r, in)
	if err != nil || res.Plan == nil {
		s.errorPage(w, r, http.StatusUnprocessableEntity, "There is no plan to download for this situation.")
		return
	}
	name, body, ctype := "alignment-plan.txt", plan.Text(*res.Plan), "text/plain; charset=utf-8"
	if r.PostForm.Get("format") == "markdown" {
		name, body, ctype = "alignment-plan.md", plan.Markdown(*res.Plan), "text/markdown; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Write([]byte(body))
}

// Cases.

func (s *Server) pageCases(w http.ResponseWriter, r *http.Request) {
	cs, err := casefile.List(r.Context(), s.Engine, s.Store)
	if err != nil {
		s.errorPage(w, r, 500, "The case file could not be read.")
		return
	}
	s.render(w, r, 200, "cases.html", "Case files", "cases", map[string]any{"Cases": cs, "Error": ""})
}

func (s *Server) pageCreateCase(w http.ResponseWriter, r *http.Request) {
	f := r.PostForm
	c := align.Case{Name: f.Get("name"), Title: f.Get("title"), Company: f.Get("company"), Role: f.Get("role")}
	if err := s.Store.CreateCase(r.Context(), &c); err != nil {
		cs, _ := casefile.List(r.Context(), s.Engine, s.Store)
		s.render(w, r, http.StatusUnprocessableEntity, "cases.html", "Case files", "cases", map[string]any{"Cases": cs, "Error": align.ErrorMessage(err)})
		return
	}
	if text := strings.TrimSpace(f.Get("situation")); text != "" {
		if err := casefile.AddEntry(r.Context(), s.Engine, s.Store, &align.Entry{CaseID: c.ID, Kind: align.EntrySituation, Text: text}); err != nil {
			s.errorPage(w, r, http.StatusUnprocessableEntity, align.ErrorMessage(err))
			return
		}
	}
	http.Redirect(w, r, "/cases/"+strconv.FormatInt(c.ID, 10), http.StatusSeeOther)
}

// caseView is the case page.
type caseView struct {
	casefile.View
	Kinds   []choice
	Earlier []earlier
	Error   string
	Today   string
	Doc     []block
	Scores  []scoreView
	Reasons []reason
}

type earlier struct {
	Snapshot align.PlanSnapshot
	Diff     []casefile.DiffLine
}

func (s *Server) pageCase(w http.ResponseWriter, r *http.Request) {
	s.showCase(w, r, 200, "")
}

func (s *Server) showCase(w http.ResponseWriter, r *http.Request, status int, msg string) {
	id, err := caseID(r)
	if err != nil {
		s.errorPage(w, r, 404, "There is no such case.")
		return
	}
	v, err := casefile.Load(r.Context(), s.Engine, s.Store, id)
	if err != nil {
		if align.ErrorCode(err) == align.ENOTFOUND {
			s.errorPage(w, r, 404, "There is no such case.")
			return
		}
		s.errorPage(w, r, 500, "The case could not be loaded.")
		return
	}
	cv := caseView{View: v, Error: msg, Today: s.Now().Format("2006-01-02"), Doc: planDoc(v.Plan)}
	if v.Diagnosis != nil {
		cv.Scores, cv.Reasons = s.scoreViews(casefile.Input(s.Engine, v.Case, v.Entries).Situation, *v.Diagnosis)
	}
	for _, k := range align.EntryKinds {
		cv.Kinds = append(cv.Kinds, choice{Value: k, Label: s.Engine.PB.Cases.Kinds[k], Checked: k == align.EntryConversation && len(v.Entries) > 0 || k == align.EntrySituation && len(v.Entries) == 0})
	}
	// Earlier plans, newest first, each with its diff to the current one.
	for _, snap := range casefile.Earlier(v) {
		cv.Earlier = append(cv.Earlier, earlier{Snapshot: snap, Diff: casefile.Diff(snap.Text, v.Plan)})
	}
	// Timeline newest first: the store's order (when, then insertion)
	// reversed, so entries of the same moment stay in the order logged.
	cv.Entries = make([]align.Entry, len(v.Entries))
	for i, en := range v.Entries {
		cv.Entries[len(v.Entries)-1-i] = en
	}
	s.render(w, r, status, "case.html", v.Case.Name, "cases", cv)
}

func (s *Server) pageAddEntry(w http.ResponseWriter, r *http.Request) {
	id, err := caseID(r)
	if err != nil {
		s.errorPage(w, r, 404, "There is no such case.")
		return
	}
	e := align.Entry{CaseID: id, Kind: r.PostForm.Get("kind"), Text: r.PostForm.Get("text")}
	if at := r.PostForm.Get("at"); at != "" {
		t, err := time.Parse("2006-01-02", at)
		if err != nil {
			s.showCase(w, r, http.StatusUnprocessableEntity, "The date must look like 2026-11-24.")
			return
		}
		// Keep entries of the same day in the order they were logged: the
		// time of day is now's, to the nanosecond, as an entry logged
		// without a date gets.
		now := s.Now()
		e.At = time.Date(t.Year(), t.Month(), t.Day(), now.Hour(), now.Minute(), now.Second(), now.Nanosecond(), now.Location())
	}
	if err := casefile.AddEntry(r.Context(), s.Engine, s.Store, &e); err != nil {
		if align.ErrorCode(err) == align.ENOTFOUND {
			s.errorPage(w, r, 404, "There is no such case.")
			return
		}
		s.showCase(w, r, http.StatusUnprocessableEntity, align.ErrorMessage(err))
		return
	}
	http.Redirect(w, r, "/cases/"+strconv.FormatInt(id, 10)+"#timeline", http.StatusSeeOther)
}

func (s *Server) pageDeleteEntry(w http.ResponseWriter, r *http.Request) {
	id, err := caseID(r)
	if err != nil {
		s.errorPage(w, r, 404, "There is no such case.")
		return
	}
	entry, err := entryID(r)
	if err == nil {
		err = casefile.DeleteEntry(r.Context(), s.Engine, s.Store, id, entry)
	}
	if err != nil {
		if align.ErrorCode(err) == align.ENOTFOUND {
			s.errorPage(w, r, 404, "There is no such entry on this case.")
			return
		}
		s.internalError(w, r, err)
		return
	}
	http.Redirect(w, r, "/cases/"+strconv.FormatInt(id, 10)+"#timeline", http.StatusSeeOther)
}

// internalError logs what went wrong and tells the user only that it did:
// a database message is for the log, not the page.
func (s *Server) internalError(w http.ResponseWriter, r *http.Request, err error) {
	s.Logger.Error("page", "path", r.URL.Path, "err", err)
	s.errorPage(w, r, http.StatusInternalServerError, "Something went wrong on the server; the server's log has the details.")
}

func (s *Server) pageEditCase(w http.ResponseWriter, r *http.Request) {
	id, err := caseID(r)
	if err != nil {
		s.errorPage(w, r, 404, "There is no such case.")
		return
	}
	f := r.PostForm
	c := align.Case{ID: id, Name: f.Get("name"), Title: f.Get("title"), Company: f.Get("company"), Role: f.Get("role")}
	if err := s.Store.UpdateCase(r.Context(), &c); err != nil {
		if align.ErrorCode(err) == align.ENOTFOUND {
			s.errorPage(w, r, 404, "There is no such case.")
			return
		}
		s.showCase(w, r, http.StatusUnprocessableEntity, align.ErrorMessage(err))
		return
	}
	http.Redirect(w, r, "/cases/"+strconv.FormatInt(id, 10), http.StatusSeeOther)
}

func (s *Server) pageDeleteCase(w http.ResponseWriter, r *http.Request) {
	id, err := caseID(r)
	if err == nil {
		err = s.Store.DeleteCase(r.Context(), id)
	}
	if err != nil {
		s.errorPage(w, r, 404, "There is no such case.")
		return
	}
	http.Redirect(w, r, "/cases", http.StatusSeeOther)
}

// Sign-in, when a token is configured.

func (s *Server) pageSignin(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, 200, "signin.html", "Sign in", "", map[string]any{"Error": ""})
}

func (s *Server) pageSigninPost(w http.ResponseWriter, r *http.Request) {
	if s.Token == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	client := guard.Client(r)
	if blocked, wait := s.Limiter.Blocked(client); blocked {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		s.render(w, r, http.StatusTooManyRequests, "signin.html", "Sign in", "", map[string]any{"Error": "Too many wrong tokens from this address. Try again in " + strconv.Itoa(int(wait.Minutes())+1) + " minutes."})
		return
	}
	if !guard.Equal(r.PostForm.Get("token"), s.Token) {
		s.Limiter.Fail(client)
		s.render(w, r, http.StatusUnauthorized, "signin.html", "Sign in", "", map[string]any{"Error": "That token is not right."})
		return
	}
	http.SetCookie(w, s.authCookie(r))
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}
