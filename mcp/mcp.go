// Package mcp serves align to AI assistants over the Model Context
// Protocol, with the official Go SDK. An assistant gets align's
// deterministic routing, diagnosis, plan and linter as tools, a prompt
// that walks it through the intake, and a resource summarising the four
// types and the plan format. Tool inputs use the same field names as the
// YAML input of `align plan`, and a plan obtained here is byte for byte
// the plan the terminal writes for the same input and date.
package mcp

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"
	"unicode/utf8"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/casefile"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/guard"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/lint"
)

// ResourceURI names the summary resource.
const ResourceURI = "align://playbook/summary"

// PromptName names the intake prompt.
const PromptName = "sales-leader-alignment"

// SituationInput is a situation with the playbook's setup facts, as in the
// YAML input of `align plan`.
type SituationInput struct {
	Situation string         `json:"situation" jsonschema:"the situation with the sales leader, in the user's own words"`
	Said      string         `json:"said,omitempty" jsonschema:"what the sales leader has said or done, their own words if possible"`
	Duration  string         `json:"duration,omitempty" jsonschema:"how long the dynamic has existed"`
	Tenure    string         `json:"tenure,omitempty" jsonschema:"new or established: is the user new to the role (under about six months)?"`
	Tried     any            `json:"tried,omitempty" jsonschema:"what the user already tried: a list of codes, or one code as text. Codes: direct_conversation, escalated, data_deck, mql_change_without_sales, committed_number, asked_pipeline_seat, shared_metric, credited_sales, program_change, nothing"`
	Reporting string         `json:"reporting,omitempty" jsonschema:"peer (same boss) or senior (the sales leader sits above the user)"`
	Context   any            `json:"context,omitempty" jsonschema:"business context: a sentence, or an object with stage, shared_target (yes/no/unknown), leadership_sees (yes/no/unknown) and notes"`
	Answers   map[string]any `json:"answers,omitempty" jsonschema:"answers to setup_questions, by question id"`
	// AboutLeader is the user's word that the request is about their
	// sales leader, for a request align declined or asked about.
	AboutLeader bool `json:"about_sales_leader,omitempty" jsonschema:"true when the user confirms the request is about their working relationship with a sales leader; a request align would decline then gets its plan"`
}

// PlanInput adds the output options to a situation.
type PlanInput struct {
	SituationInput
	Format string `json:"format,omitempty" jsonschema:"text (default), markdown or json"`
	Date   string `json:"date,omitempty" jsonschema:"the Built date, YYYY-MM-DD; default today"`
}

// RouteInput is a message to route.
type RouteInput struct {
	Message string `json:"message" jsonschema:"what the user asked, in their words"`
}

// LintInput is a plan to check.
type LintInput struct {
	Plan string `json:"plan" jsonschema:"the full text of an alignment plan"`
}

// QuestionsInput is a situation to ask about.
type QuestionsInput struct {
	Situation string `json:"situation" jsonschema:"the situation with the sales leader, in the user's own words"`
}

// PlanOutput is build_alignment_plan's structured result.
type PlanOutput struct {
	Route align.Route `json:"route"`
	// Plan is the plan text in the requested format; empty when the route
	// is not alignment.
	Plan string `json:"plan"`
	// Message explains a non-alignment route.
	Message   string           `json:"message,omitempty"`
	Diagnosis *align.Diagnosis `json:"diagnosis,omitempty"`
}

// QuestionsOutput lists questions.
type QuestionsOutput struct {
	Questions []align.Question `json:"questions"`
}

// NewServer builds the MCP server over an engine. When store is not nil
// the case tools (list_cases, log_case_entry, case_plan) are added too.
func NewServer(eng *engine.Engine, version string, store align.Store) *sdk.Server {
	s := sdk.NewServer(&sdk.Implementation{Name: "align", Title: "align: sales leader alignment coach", Version: version}, nil)

	sdk.AddTool(s, &sdk.Tool{
		Name: "route_request",
		Description: "Decide whether a request is about the relationship between a marketing or RevOps leader and a sales leader " +
			"(route alignment), about designing the lead handoff itself such as an MQL definition, scoring, routing or an SLA (route sla), " +
			"or something else (route none). Returns the route, a reason and the phrases that decided it. Call this first.",
	}, func(ctx context.Context, req *sdk.CallToolRequest, in RouteInput) (*sdk.CallToolResult, align.RouteResult, error) {
		if err := checkText(in.Message); err != nil {
			return nil, align.RouteResult{}, err
		}
		r := eng.Route(in.Message)
		return text(fmt.Sprintf("%s: %s", r.Route, r.Reason)), r, nil
	})

	sdk.AddTool(s, &sdk.Tool{
		Name: "diagnose_situation",
		Description: "Diagnose a situation with a sales leader: which of the four types of misalignment it shows (1 earned skepticism, " +
			"2 structural, 3 political, 4 categorical), each with a score and the user's own words as evidence (byte offsets), urgency with reasons, " +
			"the setup facts read from the text, what is missing, and follow-up questions when the types are close.",
	}, func(ctx context.Context, req *sdk.CallToolRequest, in SituationInput) (*sdk.CallToolResult, align.Diagnosis, error) {
		input, err := toInput(in)
		if err != nil {
			return nil, align.Diagnosis{}, err
		}
		_, d, err := eng.Diagnose(input)
		if err != nil {
			return nil, align.Diagnosis{}, toolError(err)
		}
		b, _ := json.MarshalIndent(d, "", "  ")
		return text(string(b)), d, nil
	})

	sdk.AddTool(s, &sdk.Tool{
		Name: "build_alignment_plan",
		Description: "Write the SALES LEADER ALIGNMENT PLAN for a situation: the diagnosis, the first conversation (when, who, an opening line, " +
			"what to listen for, what not to say), the one change to make, the pipeline review seat, the escalation trigger and what will not work. " +
			"Show the plan to the user exactly as returned. When the request is not an alignment request, the result says what it is instead.",
	}, func(ctx context.Context, req *sdk.CallToolRequest, in PlanInput) (*sdk.CallToolResult, PlanOutput, error) {
		input, err := toInput(in.SituationInput)
		if err != nil {
			return nil, PlanOutput{}, err
		}
		input.Format, input.Date = in.Format, in.Date
		res, err := eng.Plan(input, in.Date)
		if err != nil {
			return nil, PlanOutput{}, toolError(err)
		}
		out := PlanOutput{Route: res.Diagnosis.Route.Route, Diagnosis: &res.Diagnosis}
		if res.Plan == nil {
			out.Message = eng.Declined(res.Diagnosis.Route)
			return text(out.Message), out, nil
		}
		out.Plan, err = eng.Render(res, in.Format)
		if err != nil {
			return nil, PlanOutput{}, toolError(err)
		}
		return text(out.Plan), out, nil
	})

	sdk.AddTool(s, &sdk.Tool{
		Name: "lint_plan",
		Description: "Check an alignment plan (written by align, a person or a language model) against the playbook's format and output rules: " +
			"sections and labels in order and filled, no placeholders, no em dashes, an escalation trigger that is an event not a date, " +
			"no escalation as a first move unless the type is categorical, one first change, no language that presumes the sales leader is wrong.",
	}, func(ctx context.Context, req *sdk.CallToolRequest, in LintInput) (*sdk.CallToolResult, lint.Report, error) {
		if err := checkText(in.Plan); err != nil {
			return nil, lint.Report{}, err
		}
		r := eng.Lint(in.Plan)
		summary := fmt.Sprintf("%d error(s), %d warning(s)\n%s", r.Errors, r.Warnings, r.String())
		return text(strings.TrimSpace(summary)), r, nil
	})

	sdk.AddTool(s, &sdk.Tool{
		Name: "setup_questions",
		Description: "List the questions a coach would still ask about a situation: one for each missing setup fact (what was said, how long, " +
			"tenure, what was tried, reporting line, context), then follow-ups that decide between close types. Each has an id, text, choices " +
			"and why it matters; pass answers back to build_alignment_plan as fields or in answers by id.",
	}, func(ctx context.Context, req *sdk.CallToolRequest, in QuestionsInput) (*sdk.CallToolResult, QuestionsOutput, error) {
		if err := checkText(in.Situation); err != nil {
			return nil, QuestionsOutput{}, err
		}
		sit, d, err := eng.Diagnose(intake.Input{Situation: in.Situation})
		if err != nil {
			return nil, QuestionsOutput{}, toolError(err)
		}
		qs := eng.Questions(sit, d)
		var b strings.Builder
		for _, q := range qs {
			fmt.Fprintf(&b, "[%s] %s\n", q.ID, q.Text)
		}
		if len(qs) == 0 {
			b.WriteString("No questions: the situation gives what the playbook needs.")
		}
		return text(strings.TrimSpace(b.String())), QuestionsOutput{Questions: qs}, nil
	})

	if store != nil {
		addCaseTools(s, eng, store)
	}

	s.AddPrompt(&sdk.Prompt{
		Name:        PromptName,
		Title:       "Sales leader alignment coach",
		Description: "Guides the intake for a marketing or RevOps leader whose sales leader does not trust marketing, using align's tools.",
	}, func(ctx context.Context, req *sdk.GetPromptRequest) (*sdk.GetPromptResult, error) {
		return &sdk.GetPromptResult{
			Description: "Intake and plan with align",
			Messages:    []*sdk.PromptMessage{{Role: "user", Content: &sdk.TextContent{Text: eng.PB.Assistant.Prompt}}},
		}, nil
	})

	s.AddResource(&sdk.Resource{
		URI: ResourceURI, Name: "playbook-summary", Title: "The four types and the plan format",
		Description: "A concise summary of the four kinds of sales leader misalignment and the alignment plan's format.",
		MIMEType:    "text/markdown",
	}, func(ctx context.Context, req *sdk.ReadResourceRequest) (*sdk.ReadResourceResult, error) {
		return &sdk.ReadResourceResult{Contents: []*sdk.ResourceContents{{
			URI: ResourceURI, MIMEType: "text/markdown", Text: eng.PB.Assistant.Summary,
		}}}, nil
	})
	return s
}

func text(s string) *sdk.CallToolResult {
	return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: s}}}
}

// toolError is the error a tool returns: the message for bad input, and
// no more than "internal error" for a failure inside align (a database's
// words are not for the assistant).
func toolError(err error) error {
	if align.ErrorCode(err) == align.EINTERNAL {
		return fmt.Errorf("internal error in align")
	}
	return fmt.Errorf("%s", align.ErrorMessage(err))
}

func checkText(s string) error {
	if err := intake.CheckBytes([]byte(s)); err != nil {
		return toolError(err)
	}
	return nil
}

// toInput converts tool arguments to the engine's input, checking them as
// the file reader would.
func toInput(in SituationInput) (intake.Input, error) {
	out := intake.Input{
		Situation: in.Situation, Said: in.Said, Duration: in.Duration,
		Tenure: in.Tenure, Reporting: in.Reporting, AboutLeader: in.AboutLeader,
	}
	switch v := in.Tried.(type) {
	case nil:
	case string:
		out.Tried = intake.Codes{v}
	case []any:
		out.Tried = intake.Codes{}
		for _, c := range v {
			s, ok := c.(string)
			if !ok {
				return out, fmt.Errorf("tried: want a list of codes or one code as text")
			}
			out.Tried = append(out.Tried, s)
		}
	default:
		return out, fmt.Errorf("tried: want a list of codes or one code as text")
	}
	if in.Context != nil {
		b, _ := json.Marshal(in.Context)
		if err := json.Unmarshal(b, &out.Context); err != nil {
			return out, fmt.Errorf("context: want a sentence or an object with stage, shared_target, leadership_sees and notes")
		}
	}
	if len(in.Answers) > 0 {
		b, _ := json.Marshal(in.Answers)
		if err := json.Unmarshal(b, &out.Answers); err != nil {
			return out, fmt.Errorf("answers: %v", err)
		}
	}
	return out, nil
}

// HTTPOptions are the checks HTTPHandler makes before the SDK sees a
// request.
type HTTPOptions struct {
	// Token, when set, must come as "Authorization: Bearer TOKEN".
	Token string
	// Hosts are the Host names served; others get 403 (DNS rebinding).
	Hosts guard.Hosts
	// Limiter refuses an address that keeps sending wrong tokens; nil
	// makes one on the real clock.
	Limiter *guard.Limiter
	// BodyTimeout bounds the time to send a request body (default 30
	// seconds), so a client that trickles one cannot hold the server; a
	// long-lived response stream is not affected.
	BodyTimeout time.Duration
}

// HTTPHandler serves the MCP server over streamable HTTP, behind the
// checks in opts.
func HTTPHandler(s *sdk.Server, opts HTTPOptions) http.Handler {
	h := sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return s }, nil)
	if opts.Limiter == nil {
		opts.Limiter = guard.NewLimiter(nil)
	}
	if opts.BodyTimeout == 0 {
		opts.BodyTimeout = 30 * time.Second
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !opts.Hosts.Allowed(r.Host) {
			writeHTTPError(w, http.StatusForbidden, guard.RefusedHost(r.Host))
			return
		}
		if opts.Token != "" {
			client := guard.Client(r)
			if blocked, wait := opts.Limiter.Blocked(client); blocked {
				w.Header().Set("Retry-After", fmt.Sprint(int(wait.Seconds())+1))
				writeHTTPError(w, http.StatusTooManyRequests, guard.TooMany(wait))
				return
			}
			got, sent := guard.Bearer(r)
			if !sent || !guard.Equal(got, opts.Token) {
				if sent {
					opts.Limiter.Fail(client)
				}
				w.Header().Set("WWW-Authenticate", `Bearer realm="align"`)
				writeHTTPError(w, http.StatusUnauthorized, "missing or wrong bearer token (send Authorization: Bearer $ALIGN_TOKEN)")
				return
			}
		}
		if r.Body != nil && r.Body != http.NoBody {
			body, status, msg := readBody(w, r, opts.BodyTimeout)
			if status != 0 {
				writeHTTPError(w, status, msg)
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
		}
		h.ServeHTTP(w, r)
	})
}

// readBody reads a request body whole within timeout and at most
// MaxMessage bytes, then lifts the deadline so a response stream may last.
func readBody(w http.ResponseWriter, r *http.Request, timeout time.Duration) ([]byte, int, string) {
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Now().Add(timeout))
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxMessage))
	if err != nil {
		// The deadline stays, so the server does not wait for the rest of
		// the body either; the connection closes after the answer.
		w.Header().Set("Connection", "close")
		var mbe *http.MaxBytesError
		var ne net.Error
		switch {
		case errors.As(err, &mbe):
			return nil, http.StatusRequestEntityTooLarge, fmt.Sprintf("the request body is over %d MiB", MaxMessage>>20)
		case errors.As(err, &ne) && ne.Timeout():
			return nil, http.StatusRequestTimeout, "the request body took too long to arrive"
		}
		return nil, http.StatusBadRequest, "cannot read the request body"
	}
	rc.SetReadDeadline(time.Time{})
	if !utf8.Valid(body) {
		return nil, http.StatusBadRequest, "the request body is not valid UTF-8 text"
	}
	return body, 0, ""
}

func writeHTTPError(w http.ResponseWriter, status int, msg string) {
	b, _ := json.Marshal(map[string]string{"error": msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	w.Write(append(b, '\n'))
}

// IsLoopback reports whether addr (host:port) binds only the loopback
// interface.
func IsLoopback(addr string) bool { return guard.IsLoopback(addr) }

// CasesOutput lists cases.
type CasesOutput struct {
	Cases []align.Case `json:"cases"`
}

// EntryInput is an entry to log on a case.
type EntryInput struct {
	CaseID int64  `json:"case_id" jsonschema:"the case id, from list_cases"`
	Kind   string `json:"kind" jsonschema:"situation, conversation, change, seat, win, escalation or note"`
	Text   string `json:"text" jsonschema:"what happened, with notes"`
	At     string `json:"at,omitempty" jsonschema:"when, YYYY-MM-DD; default now"`
}

// CaseInput names a case.
type CaseInput struct {
	CaseID int64 `json:"case_id" jsonschema:"the case id, from list_cases"`
}

// CasePlanOutput is a case's current plan and its progress.
type CasePlanOutput struct {
	Case    align.Case      `json:"case"`
	Plan    string          `json:"plan"`
	Message string          `json:"message,omitempty"`
	Steps   []casefile.Step `json:"steps"`
}

func addCaseTools(s *sdk.Server, eng *engine.Engine, store align.Store) {
	sdk.AddTool(s, &sdk.Tool{
		Name:        "list_cases",
		Description: "List the case files: one per sales leader the user is working with, with id, name, title and company.",
	}, func(ctx context.Context, req *sdk.CallToolRequest, in struct{}) (*sdk.CallToolResult, CasesOutput, error) {
		cs, err := store.Cases(ctx)
		if err != nil {
			return nil, CasesOutput{}, toolError(err)
		}
		var b strings.Builder
		for _, c := range cs {
			fmt.Fprintf(&b, "%d: %s %s\n", c.ID, c.Name, c.Title)
		}
		if len(cs) == 0 {
			b.WriteString("No case files yet.")
		}
		return text(strings.TrimSpace(b.String())), CasesOutput{Cases: cs}, nil
	})
	sdk.AddTool(s, &sdk.Tool{
		Name: "log_case_entry",
		Description: "Add an event to a case's timeline: a situation update, a conversation held, the change made, pipeline review access, " +
			"a win credited to sales, an escalation or a note. The case's plan is re-diagnosed from all entries.",
	}, func(ctx context.Context, req *sdk.CallToolRequest, in EntryInput) (*sdk.CallToolResult, align.Entry, error) {
		e := align.Entry{CaseID: in.CaseID, Kind: in.Kind, Text: in.Text}
		if in.At != "" {
			t, err := time.Parse("2006-01-02", in.At)
			if err != nil {
				return nil, align.Entry{}, fmt.Errorf("at must be YYYY-MM-DD, not %q", in.At)
			}
			e.At = t
		}
		if err := casefile.AddEntry(ctx, eng, store, &e); err != nil {
			return nil, align.Entry{}, toolError(err)
		}
		return text(fmt.Sprintf("Logged %s on case %d.", e.Kind, e.CaseID)), e, nil
	})
	sdk.AddTool(s, &sdk.Tool{
		Name:        "case_plan",
		Description: "The current alignment plan for a case, re-diagnosed from everything logged, with which steps of the playbook's sequence are done.",
	}, func(ctx context.Context, req *sdk.CallToolRequest, in CaseInput) (*sdk.CallToolResult, CasePlanOutput, error) {
		v, err := casefile.Load(ctx, eng, store, in.CaseID)
		if err != nil {
			return nil, CasePlanOutput{}, toolError(err)
		}
		out := CasePlanOutput{Case: v.Case, Plan: v.Plan, Message: v.Message, Steps: v.Steps}
		body := v.Plan
		if body == "" {
			body = v.Message
		}
		if body == "" {
			body = "Nothing logged on this case yet."
		}
		return text(body), out, nil
	})
}
