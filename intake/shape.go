package intake

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	align "github.com/align-coach/align"
)

// MaxDepth is how deeply YAML or JSON input may nest. A situation needs
// two or three levels (context: {stage: ...}); the YAML library's cost grows
// with the square of the nesting, so deeper input is refused before any
// YAML or JSON library sees it.
const MaxDepth = 20

// MaxNodes is how many fields and list items a YAML document may hold.
// The YAML library's cost also grows with the square of the number of
// keys in a mapping, and a situation needs a few dozen at most.
const MaxNodes = 5000

// ScanYAML checks the shape of a YAML document in one linear pass over the
// bytes, before the YAML library reads it: nesting deeper than MaxDepth,
// tags (!!binary, !!int), aliases (*name) and a second document are
// refused with the line they are on, and so is a document with more than
// MaxNodes fields and list items. It errs on the side of counting too
// deep: a line it cannot place is scanned, never skipped.
func ScanYAML(data []byte) error {
	var (
		stack   []int // indentations of the open block collections
		flow    int   // open [ and { brackets
		quote   byte  // the quote of a scalar still open at the end of a line
		content bool  // a non-comment line has been seen
		// A block scalar (| or >) swallows the lines indented past its
		// parent; bsParent is the parent's column, bsIndent the content's
		// indentation once known.
		inBlock            bool
		bsParent, bsIndent int
		nodes              int
	)
	tooMany := func(line int) error {
		return align.Errorf(align.EINVALID, "YAML line %d: more than %d fields and list items; a situation needs a few dozen", line, MaxNodes)
	}
	tooDeep := func(line int) error {
		return align.Errorf(align.EINVALID, "YAML line %d: nested more than %d levels deep; a situation needs two or three", line, MaxDepth)
	}
	lineNo := 0
	for len(data) > 0 {
		lineNo++
		var line []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			line, data = data, nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		blank := indent == len(line)
		if inBlock {
			if blank {
				continue
			}
			if bsIndent < 0 && indent > bsParent {
				bsIndent = indent
			}
			if bsIndent >= 0 && indent >= bsIndent {
				continue
			}
			inBlock = false
		}
		i := 0
		valueStart := true
		dashes := 0
		nodeCol := indent - 1
		if quote == 0 && flow == 0 {
			// Block context: indentation opens and closes collections.
			if blank || line[indent] == '#' {
				continue
			}
			if indent == 0 && (bytes.HasPrefix(line, []byte("---")) || bytes.HasPrefix(line, []byte("..."))) &&
				(len(line) == 3 || line[3] == ' ' || line[3] == '\t') {
				if content || line[0] == '.' {
					return align.Errorf(align.EINVALID, "YAML line %d: a second document (%s) is not accepted; give one document", lineNo, line[:3])
				}
				i = 3
			} else {
				content = true
				for len(stack) > 0 && stack[len(stack)-1] > indent {
					stack = stack[:len(stack)-1]
				}
				if len(stack) == 0 || stack[len(stack)-1] < indent {
					stack = append(stack, indent)
				}
				if len(stack) > MaxDepth {
					return tooDeep(lineNo)
				}
				i = indent
			}
		}
		for i < len(line) {
			c := line[i]
			if quote != 0 {
				switch {
				case quote == '"' && c == '\\':
					i += 2
					continue
				case c == quote && quote == '\'' && i+1 < len(line) && line[i+1] == '\'':
					i += 2
					continue
				case c == quote:
					quote = 0
					valueStart = false
				}
				i++
				continue
			}
			if c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
				break
			}
			if c == ' ' || c == '\t' {
				i++
				continue
			}
			next := byte(' ')
			if i+1 < len(line) {
				next = line[i+1]
			}
			if valueStart {
				switch {
				case (c == '-' || c == '?') && flow == 0 && (next == ' ' || next == '\t' || i+1 == len(line)):
					dashes++
					if nodes++; nodes > MaxNodes {
						return tooMany(lineNo)
					}
					nodeCol = i
					if len(stack)+dashes > MaxDepth {
						return tooDeep(lineNo)
					}
					i++
					continue
				case c == '[' || c == '{':
					flow++
					if len(stack)+dashes+flow > MaxDepth {
						return tooDeep(lineNo)
					}
					i++
					continue
				case c == '"' || c == '\'':
					quote = c
					nodeCol = i
					i++
					continue
				case c == '!':
					return align.Errorf(align.EINVALID, "YAML line %d: tags (%s) are not accepted; write the value as plain text", lineNo, word(line[i:]))
				case c == '*':
					return align.Errorf(align.EINVALID, "YAML line %d: aliases (*name) are not accepted; write the value out", lineNo)
				case c == '&':
					// An anchor names the value that follows; harmless
					// without aliases.
					for i < len(line) && line[i] != ' ' && line[i] != '\t' {
						i++
					}
					continue
				case (c == '|' || c == '>') && flow == 0:
					inBlock, bsParent, bsIndent = true, nodeCol, -1
					i = len(line)
					continue
				}
				valueStart = false
				nodeCol = i
			}
			if flow > 0 {
				switch c {
				case '[', '{':
					flow++
					if len(stack)+dashes+flow > MaxDepth {
						return tooDeep(lineNo)
					}
					valueStart = true
				case ']', '}':
					flow--
					valueStart = false
				case ',', ':':
					valueStart = true
					if nodes++; nodes > MaxNodes {
						return tooMany(lineNo)
					}
				}
				i++
				continue
			}
			if c == ':' && (next == ' ' || next == '\t' || i+1 == len(line)) {
				valueStart = true
				if nodes++; nodes > MaxNodes {
					return tooMany(lineNo)
				}
			}
			i++
		}
	}
	return nil
}

// word is the start of b up to a space, for messages.
func word(b []byte) string {
	end := bytes.IndexAny(b, " \t,]}")
	if end < 0 {
		end = len(b)
	}
	if end > 40 {
		end = 40
	}
	return strings.ToValidUTF8(string(b[:end]), "?")
}

// CheckJSON walks a JSON document's tokens once and refuses nesting
// deeper than MaxDepth and a key given twice in one object (the decoder
// would keep the last and drop the first without a word). Syntax errors
// are left to the decoder, which reports them with the line.
func CheckJSON(data []byte) error {
	if err := checkEscapes(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		obj     bool
		wantKey bool
		keys    map[string]bool
	}
	var stack []frame
	line := func() int { return 1 + bytes.Count(data[:min(int(dec.InputOffset()), len(data))], []byte("\n")) }
	for {
		tok, err := dec.Token()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return nil
		}
		if d, ok := tok.(json.Delim); ok && (d == '}' || d == ']') {
			stack = stack[:len(stack)-1]
			if n := len(stack); n > 0 && stack[n-1].obj {
				stack[n-1].wantKey = true
			}
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].obj && stack[n-1].wantKey {
			key, _ := tok.(string)
			if stack[n-1].keys[key] {
				return align.Errorf(align.EINVALID, "JSON line %d: the field %q is given twice", line(), key)
			}
			stack[n-1].keys[key] = true
			stack[n-1].wantKey = false
			continue
		}
		if d, ok := tok.(json.Delim); ok {
			if len(stack) >= MaxDepth {
				return align.Errorf(align.EINVALID, "JSON line %d: nested more than %d levels deep; a situation needs two or three", line(), MaxDepth)
			}
			stack = append(stack, frame{obj: d == '{', wantKey: d == '{', keys: map[string]bool{}})
			continue
		}
		if n := len(stack); n > 0 && stack[n-1].obj {
			stack[n-1].wantKey = true
		}
	}
}

// checkEscapes refuses a \u escape that names half of a character (a
// lone UTF-16 surrogate): the decoder would quietly turn it into U+FFFD,
// where raw bytes that are not UTF-8 are refused.
func checkEscapes(data []byte) error {
	hex := func(b []byte) rune {
		r, err := strconv.ParseUint(string(b), 16, 32)
		if err != nil {
			return -1
		}
		return rune(r)
	}
	for i := 0; i < len(data); i++ {
		if data[i] != '\\' {
			continue
		}
		if i+6 > len(data) || data[i+1] != 'u' {
			i++
			continue
		}
		r := hex(data[i+2 : i+6])
		switch {
		case r >= 0xD800 && r < 0xDC00:
			if i+12 <= len(data) && data[i+6] == '\\' && data[i+7] == 'u' {
				if lo := hex(data[i+8 : i+12]); lo >= 0xDC00 && lo < 0xE000 {
					i += 11
					continue
				}
			}
			fallthrough
		case r >= 0xDC00 && r < 0xE000:
			line := 1 + bytes.Count(data[:i], []byte("\n"))
			return align.Errorf(align.EINVALID, "JSON line %d: the escape %s is half of a character, not valid UTF-8 text", line, data[i:i+6])
		}
		i += 5
	}
	return nil
}

// DecodeJSON reads one JSON object into v the way every interface does:
// no key twice, no nesting past MaxDepth, no unknown fields, no data
// after the object, and type errors in plain words with the line.
func DecodeJSON(data []byte, v any) error {
	if err := CheckJSON(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if in, ok := v.(*Input); ok && oneCode(data, in) {
			return nil
		}
		return jsonError(data, dec, err)
	}
	if dec.More() {
		return align.Errorf(align.EINVALID, "JSON: extra data after the object")
	}
	return nil
}

// oneCode decodes an input whose tried is one code given as text, as a
// list of one. It reports false, leaving in alone, for any other input.
func oneCode(data []byte, in *Input) bool {
	var one struct {
		Input
		Tried string `json:"tried"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if dec.Decode(&one) != nil || dec.More() {
		return false
	}
	*in = one.Input
	in.Tried = Codes{one.Tried}
	return true
}

// kindOf names what a JSON value or a Go type holds, in plain words.
func kindOf(value string, t reflect.Type) (got, want string) {
	got = map[string]string{"number": "a number", "string": "text", "array": "a list", "object": "an object", "bool": "true or false"}[value]
	if got == "" {
		got = value
	}
	if t == nil {
		return got, "something else"
	}
	switch t.Kind() {
	case reflect.String:
		want = "text"
	case reflect.Slice, reflect.Array:
		want = "a list of text"
	case reflect.Map, reflect.Struct:
		want = "an object with named fields"
	case reflect.Bool:
		want = "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		want = "a number"
	default:
		want = "something else"
	}
	return got, want
}

// yamlKind names what a YAML node holds, in the words the messages use.
func yamlKind(n ast.Node) string {
	switch n.(type) {
	case nil, *ast.NullNode:
		return "null"
	case *ast.StringNode, *ast.LiteralNode:
		return "text"
	case *ast.BoolNode:
		return "true or false"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.SequenceNode:
		return "a list"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	}
	return "something else"
}

func yamlLine(n ast.Node) int {
	if n == nil {
		return 0
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		return tk.Position.Line
	}
	return 0
}

// yamlPairs returns the key-value pairs of a mapping node.
func yamlPairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}, true
	}
	return nil, false
}

func yamlKey(mv *ast.MappingValueNode) string {
	if tk := mv.Key.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

// Value shapes the structured input accepts.
type shape int

const (
	shapeText       shape = iota // text (or null: not given)
	shapeTextOrBool              // yes, no, unknown, or a boolean
	shapeTextList                // a list of text
	shapeCodes                   // a list of text, or one text
	shapeAnswer                  // text, a boolean or a list of text
	shapeContext                 // text, or a mapping of the context fields
	shapeAnswers                 // a mapping of question id to answer
)

var inputShape = map[string]shape{
	"situation": shapeText, "said": shapeText, "duration": shapeText, "tenure": shapeText,
	"tried": shapeCodes, "reporting": shapeText, "context": shapeContext, "answers": shapeAnswers,
	"date": shapeText, "format": shapeText,
}

var contextShape = map[string]shape{"notes": shapeText, "stage": shapeText, "shared_target": shapeTextOrBool, "leadership_sees": shapeTextOrBool}

// checkFields checks the values of a mapping against the shapes; unknown
// keys are left to the decoder, which names them.
func checkFields(n ast.Node, shapes map[string]shape, prefix string) error {
	pairs, ok := yamlPairs(n)
	if !ok {
		return align.Errorf(align.EINVALID, "YAML line %d: want fields such as situation: ..., not %s", yamlLine(n), yamlKind(n))
	}
	for _, mv := range pairs {
		key := yamlKey(mv)
		sh, known := shapes[key]
		if !known {
			continue
		}
		if err := checkShape(mv.Value, sh, prefix+key); err != nil {
			return err
		}
	}
	return nil
}

func checkShape(v ast.Node, sh shape, name string) error {
	kind := yamlKind(v)
	bad := func(want string) error {
		hint := ""
		if kind == "a number" || kind == "true or false" {
			hint = " (put it in quotes if you mean the words)"
		}
		return align.Errorf(align.EINVALID, "YAML line %d: %s must be %s, not %s%s", yamlLine(v), name, want, kind, hint)
	}
	switch sh {
	case shapeText:
		if kind != "text" && kind != "null" {
			return bad("text")
		}
	case shapeTextOrBool:
		if kind != "text" && kind != "null" && kind != "true or false" {
			return bad("yes, no or unknown")
		}
	case shapeTextList:
		if kind == "null" {
			return nil
		}
		seq, ok := v.(*ast.SequenceNode)
		if !ok {
			return bad("a list of text")
		}
		for _, e := range seq.Values {
			if yamlKind(e) != "text" {
				return align.Errorf(align.EINVALID, "YAML line %d: each item of %s must be text, not %s", yamlLine(e), name, yamlKind(e))
			}
		}
	case shapeCodes:
		if kind == "text" {
			return nil
		}
		return checkShape(v, shapeTextList, name)
	case shapeAnswer:
		if kind == "text" || kind == "true or false" || kind == "null" {
			return nil
		}
		return checkShape(v, shapeTextList, name)
	case shapeContext:
		if kind == "text" || kind == "null" {
			return nil
		}
		if kind != "a mapping" {
			return bad("text or fields (stage, shared_target, leadership_sees, notes)")
		}
		return checkFields(v, contextShape, name+".")
	case shapeAnswers:
		if kind == "null" {
			return nil
		}
		pairs, ok := yamlPairs(v)
		if !ok {
			return bad("question ids with their answers")
		}
		for _, mv := range pairs {
			if err := checkShape(mv.Value, shapeAnswer, "answer "+strconvQuote(yamlKey(mv))); err != nil {
				return err
			}
		}
	}
	return nil
}

func strconvQuote(s string) string { return strconv.Quote(s) }

// decodeYAML reads one YAML document into v after ScanYAML, checking its
// shape first with check (when not nil) so a wrong type is named in plain
// words with its line. A panic inside the YAML library becomes an error.
func decodeYAML(data []byte, v any, check func(ast.Node) error, opts ...yaml.DecodeOption) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = align.Errorf(align.EINVALID, "YAML: the document could not be parsed")
		}
	}()
	if err := ScanYAML(data); err != nil {
		return err
	}
	f, err := parser.ParseBytes(data, 0)
	if err != nil {
		return err
	}
	var body ast.Node
	for _, d := range f.Docs {
		if d.Body == nil {
			continue
		}
		if _, ok := d.Body.(*ast.CommentGroupNode); ok {
			continue
		}
		if body != nil {
			return align.Errorf(align.EINVALID, "YAML line %d: a second document is not accepted; give one document", yamlLine(d.Body))
		}
		body = d.Body
	}
	if body == nil {
		return nil
	}
	if check != nil {
		if err := check(body); err != nil {
			return err
		}
	}
	return yaml.NodeToValue(body, v, opts...)
}
