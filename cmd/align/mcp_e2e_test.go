package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

// buildAlign compiles the real binary once per test run.
func buildAlign(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "align")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

func TestMCPOverStdioEndToEnd(t *testing.T) {
	bin := buildAlign(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	client := sdk.NewClient(&sdk.Implementation{Name: "e2e", Version: "1"}, nil)
	cs, err := client.Connect(ctx, &sdk.CommandTransport{Command: exec.Command(bin, "mcp")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	tools, err := cs.ListTools(ctx, nil)
	if err != nil || len(tools.Tools) != 5 {
		t.Fatalf("tools: %v %d", err, len(tools.Tools))
	}
	sit, _ := os.ReadFile("../../examples/type4-categorical.md")
	args := map[string]map[string]any{
		"route_request":        {"message": "my CRO rolls his eyes when I present"},
		"diagnose_situation":   {"situation": string(sit)},
		"build_alignment_plan": {"situation": string(sit), "date": "2026-11-24"},
		"lint_plan":            {"plan": "SALES LEADER ALIGNMENT PLAN\n"},
		"setup_questions":      {"situation": string(sit)},
	}
	for _, tool := range tools.Tools {
		res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: tool.Name, Arguments: args[tool.Name]})
		if err != nil || res.IsError {
			t.Errorf("%s: %v %+v", tool.Name, err, res)
			continue
		}
		if tool.Name == "build_alignment_plan" {
			cli := runAlign(t, "", "plan", "../../examples/type4-categorical.md", "--date", "2026-11-24")
			if res.Content[0].(*sdk.TextContent).Text != cli.stdout {
				t.Error("plan over MCP differs from align plan")
			}
		}
	}
}

func TestMCPOverHTTPNeedsTokenOffLoopback(t *testing.T) {
	r := runAlign(t, "", "mcp", "--http", "0.0.0.0:0")
	if r.code != 2 || !strings.Contains(r.stderr, "ALIGN_TOKEN") {
		t.Errorf("exit %d %q", r.code, r.stderr)
	}
}

func TestMCPOverHTTPWithToken(t *testing.T) {
	bin := buildAlign(t)
	cmd := exec.Command(bin, "mcp", "--http", "127.0.0.1:0")
	cmd.Env = append(os.Environ(), "ALIGN_TOKEN=s3cret-0123456789abcdef")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	line, err := bufio.NewReader(stderr).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	url := strings.TrimSpace(line[strings.Index(line, "http://"):])
	resp, err := http.Post(url, "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("without token: %d", resp.StatusCode)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	hc := &http.Client{Transport: bearer{"s3cret-0123456789abcdef"}}
	cs, err := sdk.NewClient(&sdk.Implementation{Name: "http", Version: "1"}, nil).
		Connect(ctx, &sdk.StreamableClientTransport{Endpoint: url, HTTPClient: hc}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "route_request", Arguments: map[string]any{"message": "our CRO calls marketing a cost center"}})
	if err != nil || res.IsError {
		t.Fatalf("%v %+v", err, res)
	}
}

type bearer struct{ token string }

func (b bearer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.Header.Set("Authorization", "Bearer "+b.token)
	return http.DefaultTransport.RoundTrip(r)
}

// TestMCPStdioSurvivesMalformedMessages runs the real binary: malformed
// messages each get a JSON-RPC error, and the SDK's own client then
// connects on the same pipes and calls a tool.
func TestMCPStdioSurvivesMalformedMessages(t *testing.T) {
	bin := buildAlign(t)
	cmd := exec.Command(bin, "mcp")
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	out := bufio.NewReader(stdout)
	for _, c := range []struct {
		line string
		code string
	}{
		{`{"jsonrpc":"2.0","id":1,`, "-32700"}, {`[]`, "-32600"}, {`null`, "-32600"}, {`7`, "-32600"},
		{"\x00\xff\xfe", "-32700"}, {`{"id":1,"method":"ping"}`, "-32600"},
		{`[{"jsonrpc":"2.0","id":3,"method":"ping"}]`, "-32600"}, {strings.Repeat("[", 50000), "-32600"},
	} {
		io.WriteString(stdin, c.line+"\n")
		line, err := out.ReadString('\n')
		if err != nil {
			t.Fatalf("%q: the server exited: %v", c.line, err)
		}
		if !strings.Contains(line, `"code":`+c.code) {
			t.Errorf("%q: %s", c.line, line)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cs, err := sdk.NewClient(&sdk.Implementation{Name: "e2e", Version: "1"}, nil).
		Connect(ctx, &sdk.IOTransport{Reader: io.NopCloser(out), Writer: stdin}, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: "route_request", Arguments: map[string]any{"message": "our CRO calls marketing a cost center"}})
	if err != nil || res.IsError {
		t.Fatalf("%v %+v", err, res)
	}
	cs.Close()
	if err := cmd.Wait(); err != nil {
		t.Errorf("align mcp did not end cleanly at the end of input: %v", err)
	}
}
