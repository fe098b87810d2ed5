package http

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unsafe"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/casefile"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
)

type methods map[string]func(w http.ResponseWriter, r *http.Request) error

// api dispatches by method and maps the error vocabulary to statuses,
// with every error as JSON {"error": "..."}.
func (s *Server) api(m methods) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		h, ok := m[r.Method]
		if !ok {
			var allowed []string
			for k := range m {
				allowed = append(allowed, k)
			}
			w.Header().Set("Allow", strings.Join(sortStrings(allowed), ", "))
			writeError(w, r, http.StatusMethodNotAllowed, "method "+r.Method+" not allowed here")
			return
		}
		if err := h(w, r); err != nil {
			status := http.StatusInternalServerError
			var he httpError
			switch {
			case errors.As(err, &he):
				status = he.status
			default:
				switch align.ErrorCode(err) {
				case align.EINVALID:
					status = http.StatusUnprocessableEntity
				case align.ENOTFOUND:
					status = http.StatusNotFound
				case align.ETOOLARGE:
					status = http.StatusRequestEntityTooLarge
				}
			}
			msg := align.ErrorMessage(err)
			if status == http.StatusInternalServerError {
				// The database's words are for the log, not the client.
				s.Logger.Error("api", "path", r.URL.Path, "err", err)
				msg = "internal error; the server's log has the details"
			}
			writeError(w, r, status, msg)
		}
	}
}

type httpError struct {
	status int
	msg    string
}

func (e httpError) Error() string { return e.msg }

func writeError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	writeJSON(w, r, status, map[string]string{"error": msg})
}

// buffers holds encoding buffers between requests, so a busy server does
// not allocate and grow one per response.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer kept for reuse; a rare huge response
// does not stay in memory.
const maxPooled = 256 << 10

// writeJSON writes v as compact JSON, or indented for people when the
// request asks with ?pretty=1 (or pretty=true).
func writeJSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	buf := buffers.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooled {
			buf.Reset()
			buffers.Put(buf)
		}
	}()
	enc := json.NewEncoder(buf)
	if wantsPretty(r) {
		enc.SetIndent("", "  ")
	}
	if err := enc.Encode(v); err != nil {
		buf.Reset()
		status = http.StatusInternalServerError
		buf.WriteString(`{"error":"internal error; the server's log has the details"}` + "\n")
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// wantsPretty reports whether the request asks for indented JSON.
func wantsPretty(r *http.Request) bool {
	if r == nil || r.URL.RawQuery == "" {
		return false
	}
	switch r.URL.Query().Get("pretty") {
	case "1", "true", "yes":
		return true
	}
	return false
}

// decode reads a JSON body into v: 415 for another content type, 413
// past the limit, 400 for JSON that intake.DecodeJSON refuses (malformed,
// an unknown field, a key twice, nesting too deep, a wrong type).
func decode(r *http.Request, v any) error {
	body, err := readBody(r)
	if err != nil {
		return err
	}
	return decodeBody(body, v)
}

// readBody reads a JSON body, checked as text: decode's first half, the
// part that waits for the network.
func readBody(r *http.Request) ([]byte, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/json" {
		return nil, httpError{http.StatusUnsupportedMediaType, "send JSON with Content-Type: application/json"}
	}
	// Read the body into a buffer of its declared size, not one grown in
	// steps; the limit is MaxBytesReader's. The buffer has room for the
	// read that finds the end (ReadFrom wants bytes.MinRead free for it),
	// so a body of the declared size is read without growing it again.
	var buf bytes.Buffer
	if n := r.ContentLength; n > 0 && n <= MaxBody {
		buf.Grow(int(n) + bytes.MinRead)
	}
	_, err := buf.ReadFrom(r.Body)
	body := buf.Bytes()
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, httpError{http.StatusRequestEntityTooLarge, "request body is over the 1 MiB limit"}
		}
		return nil, httpError{http.StatusBadRequest, "cannot read the request body"}
	}
	// The check reads the bytes as a string without copying them: body
	// is not changed after this, and the check keeps nothing of it.
	if err := align.CheckText("the request body", unsafe.String(unsafe.SliceData(body), len(body))); err != nil {
		return nil, httpError{http.StatusBadRequest, align.ErrorMessage(err)}
	}
	return body, nil
}

// decodeBody decodes a body readBody read into v: decode's second half,
// CPU work that an engine run's slot covers.
func decodeBody(body []byte, v any) error {
	if err := intake.DecodeJSON(body, v); err != nil {
		return httpError{http.StatusBadRequest, align.ErrorMessage(err)}
	}
	return nil
}

func (s *Server) input(r *http.Request) (intake.Input, error) {
	body, err := readBody(r)
	if err != nil {
		return intake.Input{}, err
	}
	return s.inputOf(body)
}

// inputOf decodes and validates a situation read by readBody.
func (s *Server) inputOf(body []byte) (intake.Input, error) {
	var in intake.Input
	if err := decodeBody(body, &in); err != nil {
		return in, err
	}
	if err := in.Validate(s.Engine.PB.TriedCodes()); err != nil {
		return in, err
	}
	return in, nil
}

func (s *Server) apiRoute(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Message string `json:"message"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := intake.CheckBytes([]byte(in.Message)); err != nil {
		return err
	}
	var res align.RouteResult
	if err := s.run(r, func() { res = s.Engine.Route(in.Message) }); err != nil {
		return err
	}
	writeJSON(w, r, 200, res)
	return nil
}

func (s *Server) apiDiagnose(w http.ResponseWriter, r *http.Request) error {
	in, err := s.input(r)
	if err != nil {
		return err
	}
	var d align.Diagnosis
	if rerr := s.run(r, func() { _, d, err = s.Engine.Diagnose(in) }); rerr != nil {
		return rerr
	}
	if err != nil {
		return err
	}
	writeJSON(w, r, 200, d)
	return nil
}

// PlanResponse is /api/plan's answer. Plan holds the plan text in the
// requested format; it is empty when the route is not alignment.
type PlanResponse struct {
	Route     align.Route     `json:"route"`
	Plan      string          `json:"plan"`
	Message   string          `json:"message,omitempty"`
	Sections  *align.Plan     `json:"sections,omitempty"`
	Diagnosis align.Diagnosis `json:"diagnosis"`
}

func (s *Server) apiPlan(w http.ResponseWriter, r *http.Request) error {
	// The body is read before a slot is taken (a slow client waits for
	// none) and decoded in it: a request waiting for the engine holds its
	// bytes, not a decoded copy.
	body, err := readBody(r)
	if err != nil {
		return err
	}
	var out PlanResponse
	if rerr := s.run(r, func() {
		var in intake.Input
		if in, err = s.inputOf(body); err != nil {
			return
		}
		var res engine.Result
		if res, err = s.Engine.Plan(in, in.Date); err != nil {
			return
		}
		out = PlanResponse{Route: res.Diagnosis.Route.Route, Diagnosis: res.Diagnosis, Sections: res.Plan}
		if res.Plan == nil {
			out.Message = s.Engine.Declined(res.Diagnosis.Route)
		} else {
			out.Plan, err = s.Engine.Render(res, in.Format)
		}
	}); rerr != nil {
		return rerr
	}
	if err != nil {
		return err
	}
	writeJSON(w, r, 200, out)
	return nil
}

func (s *Server) apiLint(w http.ResponseWriter, r *http.Request) error {
	var in struct {
		Plan string `json:"plan"`
	}
	if err := decode(r, &in); err != nil {
		return err
	}
	if err := intake.CheckBytes([]byte(in.Plan)); err != nil {
		return err
	}
	var res any
	if err := s.run(r, func() { res = s.Engine.Lint(in.Plan) }); err != nil {
		return err
	}
	writeJSON(w, r, 200, res)
	return nil
}

func (s *Server) apiQuestions(w http.ResponseWriter, r *http.Request) error {
	in, err := s.input(r)
	if err != nil {
		return err
	}
	var qs []align.Question
	if rerr := s.run(r, func() {
		var sit align.Situation
		var d align.Diagnosis
		if sit, d, err = s.Engine.Diagnose(in); err == nil {
			qs = s.Engine.Questions(sit, d)
		}
	}); rerr != nil {
		return rerr
	}
	if err != nil {
		return err
	}
	writeJSON(w, r, 200, map[string]any{"questions": qs})
	return nil
}

func caseID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, align.Errorf(align.ENOTFOUND, "case %q not found", r.PathValue("id"))
	}
	return id, nil
}

type caseBody struct {
	Name    *string `json:"name"`
	Title   *string `json:"title"`
	Company *string `json:"company"`
	Role    *string `json:"role"`
}

func (b caseBody) apply(c *align.Case) {
	for _, f := range []struct {
		src *string
		dst *string
	}{{b.Name, &c.Name}, {b.Title, &c.Title}, {b.Company, &c.Company}, {b.Role, &c.Role}} {
		if f.src != nil {
			*f.dst = *f.src
		}
	}
}

// apiListCases lists the cases with what the page's list shows: each
// case's fields plus its type, urgency, last entry and steps done.
func (s *Server) apiListCases(w http.ResponseWriter, r *http.Request) error {
	cs, err := casefile.List(r.Context(), s.Engine, s.Store)
	if err != nil {
		return err
	}
	writeJSON(w, r, 200, map[string]any{"cases": cs})
	return nil
}

func (s *Server) apiCreateCase(w http.ResponseWriter, r *http.Request) error {
	var b caseBody
	if err := decode(r, &b); err != nil {
		return err
	}
	var c align.Case
	b.apply(&c)
	if err := s.Store.CreateCase(r.Context(), &c); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/cases/"+strconv.FormatInt(c.ID, 10))
	writeJSON(w, r, http.StatusCreated, c)
	return nil
}

func (s *Server) apiGetCase(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	c, err := s.Store.Case(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, r, 200, c)
	return nil
}

func (s *Server) apiUpdateCase(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	var b caseBody
	if err := decode(r, &b); err != nil {
		return err
	}
	c, err := s.Store.Case(r.Context(), id)
	if err != nil {
		return err
	}
	b.apply(&c)
	if err := s.Store.UpdateCase(r.Context(), &c); err != nil {
		return err
	}
	writeJSON(w, r, 200, c)
	return nil
}

func (s *Server) apiDeleteCase(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	if err := s.Store.DeleteCase(r.Context(), id); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiListEntries(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	es, err := s.Store.Entries(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, r, 200, map[string]any{"entries": es})
	return nil
}

func (s *Server) apiAddEntry(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	var body struct {
		Kind string     `json:"kind"`
		Text string     `json:"text"`
		At   *time.Time `json:"at"`
	}
	if err := decode(r, &body); err != nil {
		return err
	}
	e := align.Entry{Kind: body.Kind, Text: body.Text}
	if body.At != nil {
		e.At = *body.At
	}
	e.CaseID = id
	if err := casefile.AddEntry(r.Context(), s.Engine, s.Store, &e); err != nil {
		return err
	}
	writeJSON(w, r, http.StatusCreated, e)
	return nil
}

func entryID(r *http.Request) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("entry"), 10, 64)
	if err != nil || id <= 0 {
		return 0, align.Errorf(align.ENOTFOUND, "entry %q not found", r.PathValue("entry"))
	}
	return id, nil
}

func (s *Server) apiDeleteEntry(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	entry, err := entryID(r)
	if err != nil {
		return err
	}
	if err := casefile.DeleteEntry(r.Context(), s.Engine, s.Store, id, entry); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

func (s *Server) apiCasePlan(w http.ResponseWriter, r *http.Request) error {
	id, err := caseID(r)
	if err != nil {
		return err
	}
	v, err := casefile.Load(r.Context(), s.Engine, s.Store, id)
	if err != nil {
		return err
	}
	writeJSON(w, r, 200, map[string]any{"case": v.Case, "plan": v.Plan, "message": v.Message, "steps": v.Steps, "diagnosis": v.Diagnosis, "history": len(v.History)})
	return nil
}

func sortStrings(s []string) []string {
	sort.Strings(s)
	return s
}
