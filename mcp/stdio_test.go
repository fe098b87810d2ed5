package mcp_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/mcp"
)

// stdioServer runs the MCP server on pipes and returns a writer for its
// input and a reader of its output lines.
func stdioServer(t *testing.T) (*io.PipeWriter, *bufio.Scanner, <-chan error) {
	t.Helper()
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- mcp.NewServer(eng, "test", nil).Run(context.Background(), &mcp.StdioTransport{Reader: inR, Writer: outW})
		outW.Close()
	}()
	sc := bufio.NewScanner(outR)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	t.Cleanup(func() { inW.Close(); io.Copy(io.Discard, outR) })
	return inW, sc, done
}

type reply struct {
	ID     json.RawMessage `json:"id"`
	Result json.RawMessage `json:"result"`
	Error  *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func readReply(t *testing.T, sc *bufio.Scanner) reply {
	t.Helper()
	if !sc.Scan() {
		t.Fatalf("the server stopped answering: %v", sc.Err())
	}
	var r reply
	if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
		t.Fatalf("not JSON: %q", sc.Text())
	}
	return r
}

// TestStdioFramingErrorsAreAnsweredAndTheServerGoesOn: every malformed
// message gets a JSON-RPC error (-32700 or -32600) and the next request is
// served, as JSON-RPC expects; the SDK's own transport exited instead.
func TestStdioFramingErrorsAreAnsweredAndTheServerGoesOn(t *testing.T) {
	in, out, done := stdioServer(t)
	send := func(s string) {
		if _, err := io.WriteString(in, s+"\n"); err != nil {
			t.Fatal(err)
		}
	}
	send(`{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"t","version":"1"}}}`)
	if r := readReply(t, out); r.Error != nil || string(r.ID) != "0" {
		t.Fatalf("initialize: %+v", r)
	}
	send(`{"jsonrpc":"2.0","method":"notifications/initialized"}`)
	deep := `{"jsonrpc":"2.0","id":9,"method":"ping","params":{"a":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}}`
	cases := []struct {
		name, line string
		code       int
		id         string
	}{
		{"truncated JSON", `{"jsonrpc":"2.0","id":1,"method":`, -32700, "null"},
		{"malformed JSON", `{"jsonrpc":"2.0",,}`, -32700, "null"},
		{"an empty array", `[]`, -32600, "null"},
		{"null", `null`, -32600, "null"},
		{"a bare number", `42`, -32600, "null"},
		{"a string", `"hello"`, -32600, "null"},
		{"binary", "\xff\xfe\x00\x01garbage", -32700, "null"},
		{"no jsonrpc", `{"id":2,"method":"ping"}`, -32600, "2"},
		{"jsonrpc 1.0", `{"jsonrpc":"1.0","id":"x","method":"ping"}`, -32600, `"x"`},
		{"a batch", `[{"jsonrpc":"2.0","id":3,"method":"ping"}]`, -32600, "null"},
		{"very deep nesting", deep, -32600, "null"},
		{"an object as id", `{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}`, -32600, "null"},
		{"a number as method", `{"jsonrpc":"2.0","id":4,"method":5}`, -32600, "4"},
		{"no method and no result", `{"jsonrpc":"2.0","id":5}`, -32600, "5"},
		{"params as a string", `{"jsonrpc":"2.0","id":6,"method":"ping","params":"x"}`, -32600, "6"},
	}
	for i, c := range cases {
		send(c.line)
		r := readReply(t, out)
		if r.Error == nil || r.Error.Code != c.code || string(r.ID) != c.id {
			t.Errorf("%s: got %+v (id %s), want code %d id %s", c.name, r.Error, r.ID, c.code, c.id)
		}
		send(fmt.Sprintf(`{"jsonrpc":"2.0","id":%d,"method":"ping"}`, 100+i))
		if r := readReply(t, out); r.Error != nil || string(r.ID) != fmt.Sprint(100+i) {
			t.Fatalf("after %s the server did not go on: %+v", c.name, r)
		}
	}
	// A line of 100 MiB is skipped without holding it, and answered.
	go func() {
		chunk := strings.Repeat("a", 1<<20)
		io.WriteString(in, `{"jsonrpc":"2.0","id":7,"method":"ping","params":{"x":"`)
		for i := 0; i < 100; i++ {
			io.WriteString(in, chunk)
		}
		io.WriteString(in, "\"}}\n")
		send(`{"jsonrpc":"2.0","id":8,"method":"ping"}`)
	}()
	if r := readReply(t, out); r.Error == nil || r.Error.Code != -32600 || !strings.Contains(r.Error.Message, "longer than") {
		t.Errorf("100 MiB line: %+v", r)
	}
	if r := readReply(t, out); r.Error != nil || string(r.ID) != "8" {
		t.Fatalf("after a 100 MiB line: %+v", r)
	}
	// Ids come back exactly as sent.
	for _, id := range []string{"1.5", `"abc"`, "-3", "1e3", "12345678901234567890"} {
		send(`{"jsonrpc":"2.0","id":` + id + `,"method":"ping"}`)
		if r := readReply(t, out); r.Error != nil || string(r.ID) != id {
			t.Errorf("id %s came back as %s (%+v)", id, r.ID, r.Error)
		}
	}
	// A tool call still works, and the end of input ends the server cleanly.
	send(`{"jsonrpc":"2.0","id":1.5,"method":"tools/call","params":{"name":"route_request","arguments":{"message":"my CRO rolls his eyes when I present"}}}`)
	if r := readReply(t, out); r.Error != nil || string(r.ID) != "1.5" || !strings.Contains(string(r.Result), "alignment") {
		t.Errorf("tool call: %+v %s", r.Error, r.Result)
	}
	send(`{"jsonrpc":"2.0","id":99,"method":"tools/call"`) // truncated, then the end
	in.Close()
	if r := readReply(t, out); r.Error == nil || r.Error.Code != -32700 {
		t.Errorf("truncated last line: %+v", r)
	}
	if err := <-done; err != nil && err != io.EOF {
		t.Errorf("server ended with %v", err)
	}
}

func FuzzFrame(f *testing.F) {
	for _, s := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"ping"}`, `{"jsonrpc":"2.0","id":1.5,"method":"tools/list","params":{}}`,
		`{"jsonrpc":"2.0","id":"a","result":{}}`, `[]`, `null`, `{"id":2}`, "\xff", `{"jsonrpc":"2.0","id":[1],"method":"x"}`,
		`{"jsonrpc":"2.0","method":"notifications/initialized"}`, `[[[[`, `{"jsonrpc":"2.0","id":1e999,"method":"ping"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		msg, id, code, why := mcp.Frame(line)
		if msg == nil {
			if code != -32700 && code != -32600 || why == "" {
				t.Fatalf("refused %q with code %d %q", line, code, why)
			}
			if id != nil && !json.Valid(id) {
				t.Fatalf("error id %q is not JSON", id)
			}
			return
		}
		if !json.Valid(line) {
			t.Fatalf("accepted invalid JSON %q", line)
		}
	})
}
