package mcp_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/guard"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/mcp"
	"github.com/align-coach/align/plan"
	"github.com/align-coach/align/sqlite"
)

func connect(t *testing.T) (*engine.Engine, *sdk.ClientSession) {
	t.Helper()
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	st, ct := sdk.NewInMemoryTransports()
	if _, err := mcp.NewServer(eng, "test", nil).Connect(ctx, st, nil); err != nil {
		t.Fatal(err)
	}
	cs, err := sdk.NewClient(&sdk.Implementation{Name: "test", Version: "1"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cs.Close() })
	return eng, cs
}

func call(t *testing.T, cs *sdk.ClientSession, name string, args map[string]any) *sdk.CallToolResult {
	t.Helper()
	res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: name, Arguments: args})
	if err != nil {
		t.Fatalf("%s: protocol error %v", name, err)
	}
	return res
}

func textOf(r *sdk.CallToolResult) string {
	var b strings.Builder
	for _, c := range r.Content {
		if tc, ok := c.(*sdk.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

func structured(t *testing.T, r *sdk.CallToolResult) map[string]any {
	t.Helper()
	b, _ := json.Marshal(r.StructuredContent)
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func example(t *testing.T) string {
	b, err := os.ReadFile("../examples/type3-political.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestToolsAreListedWithSchemas(t *testing.T) {
	_, cs := connect(t)
	res, err := cs.ListTools(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"route_request": false, "diagnose_situation": false, "build_alignment_plan": false, "lint_plan": false, "setup_questions": false}
	for _, tool := range res.Tools {
		want[tool.Name] = true
		if tool.Description == "" || tool.InputSchema == nil || tool.OutputSchema == nil {
			t.Errorf("%s lacks a description or a schema", tool.Name)
		}
	}
	for name, ok := range want {
		if !ok {
			t.Errorf("tool %s missing", name)
		}
	}
}

func TestPlanIsByteForByteTheCLIPlan(t *testing.T) {
	eng, cs := connect(t)
	sit := example(t)
	r := call(t, cs, "build_alignment_plan", map[string]any{"situation": sit, "date": "2026-11-24", "tried": []string{"data_deck"}, "reporting": "peer"})
	if r.IsError {
		t.Fatalf("tool error: %s", textOf(r))
	}
	res, err := eng.Plan(intake.Input{Situation: sit, Tried: []string{"data_deck"}, Reporting: "peer"}, "2026-11-24")
	if err != nil {
		t.Fatal(err)
	}
	want := plan.Text(*res.Plan)
	if textOf(r) != want {
		t.Errorf("text content differs from the CLI plan")
	}
	if structured(t, r)["plan"] != want {
		t.Errorf("structured plan differs from the CLI plan")
	}
	md := call(t, cs, "build_alignment_plan", map[string]any{"situation": sit, "format": "markdown"})
	if !strings.HasPrefix(textOf(md), "# SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("markdown format ignored: %.60s", textOf(md))
	}
}

// One tried code as text is a list of one, as in a file and the API.
func TestTriedOneCodeAsText(t *testing.T) {
	_, cs := connect(t)
	one := call(t, cs, "build_alignment_plan", map[string]any{"situation": example(t), "date": "2026-11-24", "tried": "data_deck"})
	list := call(t, cs, "build_alignment_plan", map[string]any{"situation": example(t), "date": "2026-11-24", "tried": []string{"data_deck"}})
	if one.IsError || textOf(one) != textOf(list) {
		t.Errorf("one code as text: error %v, same plan as a list of one: %v\n%s", one.IsError, textOf(one) == textOf(list), textOf(one))
	}
}

// A request align declines gets its plan once the user says it is about
// their sales leader.
func TestAboutTheSalesLeader(t *testing.T) {
	_, cs := connect(t)
	msg := "Help me write an MQL definition and lead scoring model with SLA follow-up times."
	r := call(t, cs, "build_alignment_plan", map[string]any{"situation": msg, "date": "2026-11-24"})
	if structured(t, r)["plan"] != "" {
		t.Fatalf("a lead-handoff design request was not declined: %s", structured(t, r)["route"])
	}
	c := call(t, cs, "build_alignment_plan", map[string]any{"situation": msg, "date": "2026-11-24", "about_sales_leader": true})
	m := structured(t, c)
	if c.IsError || m["route"] != "alignment" || !strings.HasPrefix(textOf(c), "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("confirmed: route %v\n%s", m["route"], textOf(c))
	}
}

func TestNonAlignmentIsANormalResult(t *testing.T) {
	_, cs := connect(t)
	r := call(t, cs, "build_alignment_plan", map[string]any{"situation": "Help me write an MQL definition and lead scoring model with SLA follow-up times."})
	if r.IsError {
		t.Fatalf("sla route reported as an error: %s", textOf(r))
	}
	m := structured(t, r)
	if m["route"] != "sla" || m["plan"] != "" || !strings.Contains(textOf(r), "handoff") {
		t.Errorf("got %v / %s", m["route"], textOf(r))
	}
	rr := call(t, cs, "route_request", map[string]any{"message": "my CRO rolls his eyes when I present"})
	if structured(t, rr)["route"] != "alignment" {
		t.Errorf("route_request: %s", textOf(rr))
	}
}

func TestOtherTools(t *testing.T) {
	_, cs := connect(t)
	d := call(t, cs, "diagnose_situation", map[string]any{"situation": example(t), "context": map[string]any{"stage": "Series C", "shared_target": "no"}})
	if d.IsError || structured(t, d)["urgency"] == nil {
		t.Errorf("diagnose: %s", textOf(d))
	}
	d2 := call(t, cs, "diagnose_situation", map[string]any{"situation": example(t), "context": "Series C, 400 people"})
	if d2.IsError {
		t.Errorf("diagnose with text context: %s", textOf(d2))
	}
	l := call(t, cs, "lint_plan", map[string]any{"plan": "SALES LEADER ALIGNMENT PLAN\nMisalignment type: Type 1\n"})
	if l.IsError || structured(t, l)["errors"].(float64) == 0 {
		t.Errorf("lint: %s", textOf(l))
	}
	q := call(t, cs, "setup_questions", map[string]any{"situation": "Our CRO ignores marketing."})
	qs := structured(t, q)["questions"].([]any)
	if q.IsError || len(qs) == 0 {
		t.Errorf("questions: %s", textOf(q))
	}
}

func TestBadArgumentsAreToolErrors(t *testing.T) {
	_, cs := connect(t)
	cases := []struct {
		tool string
		args map[string]any
	}{
		{"build_alignment_plan", map[string]any{"situation": "Our CRO hates us", "tried": []string{"bribery"}}},
		{"build_alignment_plan", map[string]any{"situation": "Our CRO hates us", "date": "tomorrow"}},
		{"build_alignment_plan", map[string]any{"situation": "Our CRO hates us", "format": "pdf"}},
		{"build_alignment_plan", map[string]any{"situation": "Our CRO hates us", "tenure": "ancient"}},
		{"build_alignment_plan", map[string]any{"situation": 42}},
		{"build_alignment_plan", map[string]any{"situation": "x", "context": 7}},
		{"build_alignment_plan", map[string]any{"situation": "Our CRO hates us", "tried": 5}},
		{"build_alignment_plan", map[string]any{"situation": "Our CRO hates us", "tried": []any{"data_deck", 5}}},
		{"diagnose_situation", map[string]any{"situation": ""}},
		{"route_request", map[string]any{}},
		{"lint_plan", map[string]any{"plan": strings.Repeat("a", 2<<20)}},
		{"setup_questions", map[string]any{"situation": "a", "extra": true}},
	}
	for _, c := range cases {
		res, err := cs.CallTool(context.Background(), &sdk.CallToolParams{Name: c.tool, Arguments: c.args})
		if err == nil && !res.IsError {
			t.Errorf("%s %v: accepted", c.tool, c.args)
		}
	}
	// The server still answers after all that.
	if r := call(t, cs, "route_request", map[string]any{"message": "our CRO calls marketing a cost center"}); r.IsError {
		t.Error("server stopped answering")
	}
}

func TestPromptAndResource(t *testing.T) {
	_, cs := connect(t)
	ctx := context.Background()
	p, err := cs.GetPrompt(ctx, &sdk.GetPromptParams{Name: mcp.PromptName})
	if err != nil || len(p.Messages) == 0 || !strings.Contains(p.Messages[0].Content.(*sdk.TextContent).Text, "build_alignment_plan") {
		t.Fatalf("prompt: %v %+v", err, p)
	}
	r, err := cs.ReadResource(ctx, &sdk.ReadResourceParams{URI: mcp.ResourceURI})
	if err != nil || len(r.Contents) == 0 || !strings.Contains(r.Contents[0].Text, "Type 4") {
		t.Fatalf("resource: %v", err)
	}
	if strings.ContainsRune(r.Contents[0].Text, '\u2014') {
		t.Error("resource has an em dash")
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:1": true, "localhost:80": true, "[::1]:9": true, "0.0.0.0:8": false, ":8080": false, "10.0.0.1:1": false, "bad": false} {
		if got := mcp.IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v", addr, got)
		}
	}
}

func TestCaseTools(t *testing.T) {
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	c := &align.Case{Name: "Elena", Title: "CRO"}
	store.CreateCase(context.Background(), c)
	ctx := context.Background()
	st, ct := sdk.NewInMemoryTransports()
	if _, err := mcp.NewServer(eng, "test", store).Connect(ctx, st, nil); err != nil {
		t.Fatal(err)
	}
	cs, err := sdk.NewClient(&sdk.Implementation{Name: "test", Version: "1"}, nil).Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	if r := call(t, cs, "list_cases", map[string]any{}); r.IsError || !strings.Contains(textOf(r), "Elena") {
		t.Errorf("list_cases: %s", textOf(r))
	}
	if r := call(t, cs, "log_case_entry", map[string]any{"case_id": c.ID, "kind": "situation", "text": example(t)}); r.IsError {
		t.Errorf("log: %s", textOf(r))
	}
	if r := call(t, cs, "log_case_entry", map[string]any{"case_id": c.ID, "kind": "rumour", "text": "x"}); !r.IsError {
		t.Error("bad kind accepted")
	}
	if r := call(t, cs, "log_case_entry", map[string]any{"case_id": 99, "kind": "note", "text": "x"}); !r.IsError {
		t.Error("missing case accepted")
	}
	// NUL is refused as every interface refuses it; invalid UTF-8 cannot
	// be sent as JSON text at all (the stdio framing refuses it).
	if r := call(t, cs, "log_case_entry", map[string]any{"case_id": c.ID, "kind": "note", "text": "a\x00b"}); !r.IsError || !strings.Contains(textOf(r), "NUL byte") {
		t.Errorf("NUL accepted: %s", textOf(r))
	}
	r := call(t, cs, "case_plan", map[string]any{"case_id": c.ID})
	if r.IsError || !strings.HasPrefix(textOf(r), "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("case_plan: %s", textOf(r))
	}
}

func TestHTTPRefusesRebindingHost(t *testing.T) {
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(mcp.HTTPHandler(mcp.NewServer(eng, "test", nil), mcp.HTTPOptions{Hosts: guard.NewHosts("127.0.0.1:0", nil)}))
	defer ts.Close()
	for _, c := range []struct {
		host string
		want int
	}{{"rebind.attacker.example:8765", 403}, {"localhost:8765", 0}} {
		req, _ := http.NewRequest("POST", ts.URL, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		req.Host = c.host
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if (c.want == 403) != (resp.StatusCode == 403) {
			t.Errorf("Host %s: %d", c.host, resp.StatusCode)
		}
	}
}

// TestHTTPTokenHygiene: the token must come with "Bearer ", guessing is
// rate limited, and a body that trickles in is cut off.
func TestHTTPTokenHygiene(t *testing.T) {
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
	lim := guard.NewLimiter(func() time.Time { return now })
	const token = "0123456789abcdef-token"
	ts := httptest.NewServer(mcp.HTTPHandler(mcp.NewServer(eng, "test", nil), mcp.HTTPOptions{Token: token, Limiter: lim, BodyTimeout: 200 * time.Millisecond}))
	defer ts.Close()
	ping := func(auth string) int {
		req, _ := http.NewRequest("POST", ts.URL, strings.NewReader(`{"jsonrpc":"2.0","id":1,"method":"ping"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Accept", "application/json, text/event-stream")
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		resp, err := ts.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := ping(token); code != 401 {
		t.Errorf("a token without Bearer: %d", code)
	}
	if code := ping("bearer " + token); code == 401 || code == 429 {
		t.Errorf("a lowercase scheme: %d", code)
	}
	for i := 0; i < 10; i++ {
		if code := ping("Bearer wrong-token-" + fmt.Sprint(i)); code != 401 {
			t.Errorf("guess %d: %d", i, code)
		}
	}
	if code := ping("Bearer " + token); code != 429 {
		t.Errorf("after 10 wrong tokens, the right one: %d, want 429", code)
	}
	now = now.Add(16 * time.Minute)
	if code := ping("Bearer " + token); code == 401 || code == 429 {
		t.Errorf("after the window: %d", code)
	}
	// A body that never finishes gets 408 instead of holding a connection.
	conn, err := net.Dial("tcp", strings.TrimPrefix(ts.URL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"jsonrpc\":", token)
	conn.SetReadDeadline(time.Now().Add(20 * time.Second))
	status, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil || !strings.Contains(status, "408") {
		t.Errorf("trickled body: %q %v", status, err)
	}
}
