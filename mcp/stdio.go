package mcp

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/modelcontextprotocol/go-sdk/jsonrpc"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

// MaxMessage is the longest line the stdio transport reads as one
// message. Tool inputs are at most 1 MiB of text; a longer line is
// answered with an error and skipped without being held in memory.
const MaxMessage = 8 << 20

// maxJSONDepth is how deeply a message may nest; align's tools need four.
const maxJSONDepth = 64

// StdioTransport serves MCP on a reader and a writer, one JSON-RPC message
// a line, like the SDK's own stdio transport, except that a malformed
// message does not end the session: it is answered with a JSON-RPC error
// (-32700 when the line is not JSON, -32600 when it is JSON but not a
// request align can take) and the server reads on. A request id that is
// not a string or a whole number (1.5) comes back exactly as it was sent.
type StdioTransport struct {
	Reader io.Reader
	Writer io.Writer
}

// Connect implements sdk.Transport.
func (t *StdioTransport) Connect(context.Context) (sdk.Connection, error) {
	c := &stdioConn{w: t.Writer, in: make(chan jsonrpc.Message), closed: make(chan struct{}), done: make(chan struct{}), raw: map[string]json.RawMessage{}}
	go c.readLoop(t.Reader)
	return c, nil
}

type stdioConn struct {
	w       io.Writer
	writeMu sync.Mutex

	in     chan jsonrpc.Message
	done   chan struct{} // closed when the reader ends
	err    error         // why it ended, set before done closes
	closed chan struct{}
	once   sync.Once

	// raw maps a stand-in string id to an id the SDK cannot hold as it
	// was sent (1.5, 1e400), so the response carries the original.
	rawMu sync.Mutex
	raw   map[string]json.RawMessage
	next  int
}

func (c *stdioConn) SessionID() string { return "" }

func (c *stdioConn) Read(ctx context.Context) (jsonrpc.Message, error) {
	select {
	case <-ctx.Done():
		return nil, ctx.Err()
	case m := <-c.in:
		return m, nil
	case <-c.done:
		return nil, c.err
	case <-c.closed:
		return nil, io.EOF
	}
}

func (c *stdioConn) Write(ctx context.Context, msg jsonrpc.Message) error {
	data, err := jsonrpc.EncodeMessage(msg)
	if err != nil {
		return err
	}
	if resp, ok := msg.(*jsonrpc.Response); ok {
		if s, ok := resp.ID.Raw().(string); ok {
			c.rawMu.Lock()
			orig, found := c.raw[s]
			delete(c.raw, s)
			c.rawMu.Unlock()
			if found {
				data = replaceID(data, orig)
			}
		}
	}
	return c.writeLine(data)
}

func (c *stdioConn) writeLine(data []byte) error {
	c.writeMu.Lock()
	defer c.writeMu.Unlock()
	_, err := c.w.Write(append(data, '\n'))
	return err
}

func (c *stdioConn) Close() error {
	c.once.Do(func() { close(c.closed) })
	return nil
}

// readLoop reads lines and hands each well-formed message to Read; a
// malformed one is answered here and skipped.
func (c *stdioConn) readLoop(r io.Reader) {
	br := bufio.NewReaderSize(r, 64<<10)
	var line bytes.Buffer
	for {
		line.Reset()
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if !tooLong {
				if line.Len()+len(chunk) > MaxMessage {
					tooLong = true
					line.Reset()
				} else {
					line.Write(chunk)
				}
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if tooLong {
			c.reply(nil, jsonrpc.CodeInvalidRequest, fmt.Sprintf("Invalid Request: the message is longer than %d MiB", MaxMessage>>20))
		} else if b := bytes.TrimSpace(line.Bytes()); len(b) > 0 {
			if msg, id, code, why := c.decode(b); msg != nil {
				select {
				case c.in <- msg:
				case <-c.closed:
					return
				}
			} else {
				c.reply(id, code, why)
			}
		}
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = io.EOF
			}
			c.err = err
			close(c.done)
			return
		}
	}
}

// reply writes a JSON-RPC error response; id is the request's id as sent,
// or nil when it could not be read.
func (c *stdioConn) reply(id json.RawMessage, code int, msg string) {
	if id == nil {
		id = json.RawMessage("null")
	}
	b, _ := json.Marshal(struct {
		JSONRPC string          `json:"jsonrpc"`
		ID      json.RawMessage `json:"id"`
		Error   jsonrpc.Error   `json:"error"`
	}{"2.0", id, jsonrpc.Error{Code: int64(code), Message: msg}})
	c.writeLine(b)
}

// Frame checks one line as a JSON-RPC message. It returns the message the
// SDK should handle, or the id (as sent, when it could be read), the
// JSON-RPC error code and the message to answer with. It never panics, on
// any input.
func Frame(line []byte) (msg jsonrpc.Message, id json.RawMessage, code int, why string) {
	c := &stdioConn{raw: map[string]json.RawMessage{}}
	return c.decode(line)
}

func (c *stdioConn) decode(line []byte) (jsonrpc.Message, json.RawMessage, int, string) {
	if !utf8.Valid(line) {
		return nil, nil, jsonrpc.CodeParseError, "Parse error: the message is not UTF-8 text"
	}
	if d := jsonDepth(line); d > maxJSONDepth {
		return nil, nil, jsonrpc.CodeInvalidRequest, fmt.Sprintf("Invalid Request: nested more than %d levels deep", maxJSONDepth)
	}
	if !json.Valid(line) {
		return nil, nil, jsonrpc.CodeParseError, "Parse error: the message is not valid JSON"
	}
	switch line[0] {
	case '{':
	case '[':
		return nil, nil, jsonrpc.CodeInvalidRequest, "Invalid Request: batches are not supported; send one message a line"
	default:
		return nil, nil, jsonrpc.CodeInvalidRequest, "Invalid Request: a message must be a JSON object"
	}
	var w struct {
		JSONRPC *json.RawMessage `json:"jsonrpc"`
		ID      json.RawMessage  `json:"id"`
		Method  *json.RawMessage `json:"method"`
		Params  json.RawMessage  `json:"params"`
		Result  json.RawMessage  `json:"result"`
		Error   json.RawMessage  `json:"error"`
	}
	if err := json.Unmarshal(line, &w); err != nil {
		return nil, nil, jsonrpc.CodeInvalidRequest, "Invalid Request: the fields have the wrong types"
	}
	id := w.ID
	if len(id) > 0 && !validID(id) {
		return nil, nil, jsonrpc.CodeInvalidRequest, "Invalid Request: the id must be a string, a number or null"
	}
	if w.JSONRPC == nil || string(*w.JSONRPC) != `"2.0"` {
		return nil, id, jsonrpc.CodeInvalidRequest, `Invalid Request: "jsonrpc" must be "2.0"`
	}
	if w.Method != nil {
		var m string
		if json.Unmarshal(*w.Method, &m) != nil {
			return nil, id, jsonrpc.CodeInvalidRequest, "Invalid Request: the method must be a string"
		}
		if p := bytes.TrimSpace(w.Params); len(p) > 0 && p[0] != '{' && p[0] != '[' && string(p) != "null" {
			return nil, id, jsonrpc.CodeInvalidRequest, "Invalid Request: params must be an object or an array"
		}
	} else if len(id) == 0 || string(id) == "null" || (w.Result == nil && w.Error == nil) {
		return nil, id, jsonrpc.CodeInvalidRequest, "Invalid Request: a message needs a method, or an id with a result or an error"
	}
	data := line
	if len(id) > 0 && id[0] != '"' && string(id) != "null" && !wholeNumber(id) {
		// The SDK keeps numeric ids as int64; give it a stand-in and put
		// the original back on the response.
		c.rawMu.Lock()
		c.next++
		stand := "align-id-" + strconv.Itoa(c.next)
		c.raw[stand] = append(json.RawMessage(nil), id...)
		c.rawMu.Unlock()
		data = replaceID(line, json.RawMessage(strconv.Quote(stand)))
	}
	msg, err := jsonrpc.DecodeMessage(data)
	if err != nil {
		return nil, id, jsonrpc.CodeInvalidRequest, "Invalid Request: the message is not a JSON-RPC 2.0 request or response"
	}
	return msg, nil, 0, ""
}

func validID(id json.RawMessage) bool {
	switch id[0] {
	case '"', '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return true
	}
	return string(id) == "null"
}

// wholeNumber reports whether a JSON number is an integer the SDK holds
// exactly.
func wholeNumber(id json.RawMessage) bool {
	_, err := strconv.ParseInt(string(id), 10, 64)
	return err == nil
}

// replaceID sets the "id" of a JSON object.
func replaceID(msg []byte, id json.RawMessage) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(msg, &m) != nil {
		return msg
	}
	m["id"] = id
	b, err := json.Marshal(m)
	if err != nil {
		return msg
	}
	return b
}

// jsonDepth is the deepest nesting of brackets outside strings, found
// without decoding, so very deep input costs one pass.
func jsonDepth(b []byte) int {
	depth, max := 0, 0
	inStr := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inStr {
			switch c {
			case '\\':
				i++
			case '"':
				inStr = false
			}
			continue
		}
		switch c {
		case '"':
			inStr = true
		case '[', '{':
			depth++
			if depth > max {
				max = depth
			}
		case ']', '}':
			depth--
		}
	}
	return max
}
