// Package intake turns what a user hands align (plain text, Markdown, YAML
// or JSON) into a Situation, and refuses bad input with one clear line:
// empty or binary files, bytes that are not UTF-8, input over MaxBytes,
// malformed YAML or JSON (with the line), unknown fields and unknown tried
// codes. It reads nothing from disk itself; the caller passes the bytes.
package intake

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	align "github.com/align-coach/align"
)

// MaxBytes is the largest input accepted: 1 MiB, far more than any
// description of a working relationship needs.
const MaxBytes = 1 << 20

// Input is the structured form of a situation: the playbook's six setup
// facts plus free text. The same field names serve the YAML and JSON
// files, the HTTP API and the MCP tools.
type Input struct {
	Situation string            `json:"situation,omitempty" yaml:"situation,omitempty"`
	Said      string            `json:"said,omitempty" yaml:"said,omitempty"`
	Duration  string            `json:"duration,omitempty" yaml:"duration,omitempty"`
	Tenure    string            `json:"tenure,omitempty" yaml:"tenure,omitempty"`
	Tried     Codes             `json:"tried,omitempty" yaml:"tried,omitempty"`
	Reporting string            `json:"reporting,omitempty" yaml:"reporting,omitempty"`
	Context   Context           `json:"context,omitempty" yaml:"context,omitempty"`
	Answers   map[string]Answer `json:"answers,omitempty" yaml:"answers,omitempty"`
	// AboutLeader is the user's word that the request is about their
	// working relationship with a sales leader: a request align would
	// otherwise decline (or ask about) gets its plan.
	AboutLeader bool `json:"about_sales_leader,omitempty" yaml:"about_sales_leader,omitempty"`
	// Date and Format are for callers that pass options with the input
	// (the API, MCP); a file may carry them too.
	Date   string `json:"date,omitempty" yaml:"date,omitempty"`
	Format string `json:"format,omitempty" yaml:"format,omitempty"`
}

// Codes is a list of tried codes. A file or request may give one code as
// plain text ("tried": "data_deck"); it is read as a list of one (in YAML
// by UnmarshalYAML, in JSON by DecodeJSON, which keeps its line numbers
// for every other mistake).
type Codes []string

// UnmarshalYAML accepts a list of text or one text.
func (c *Codes) UnmarshalYAML(unmarshal func(any) error) error {
	var one string
	if err := unmarshal(&one); err == nil {
		*c = Codes{one}
		return nil
	}
	var list []string
	if err := unmarshal(&list); err != nil {
		return err
	}
	*c = list
	return nil
}

// Context is the business context: free text, or the parts spelled out.
type Context struct {
	Text           string `json:"notes,omitempty" yaml:"notes,omitempty"`
	Stage          string `json:"stage,omitempty" yaml:"stage,omitempty"`
	SharedTarget   Tri    `json:"shared_target,omitempty" yaml:"shared_target,omitempty"`
	LeadershipSees Tri    `json:"leadership_sees,omitempty" yaml:"leadership_sees,omitempty"`
}

type contextFields Context

// UnmarshalJSON accepts a string or an object.
func (c *Context) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*c = Context{Text: s}
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var f contextFields
	if err := dec.Decode(&f); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			got, want := kindOf(te.Value, te.Type)
			if te.Field == "" {
				want = "text or an object with stage, shared_target, leadership_sees and notes"
				return fmt.Errorf("context must be %s, not %s", want, got)
			}
			return fmt.Errorf("context.%s must be %s, not %s", te.Field, want, got)
		}
		return fmt.Errorf("context: %s", strings.TrimPrefix(err.Error(), "json: "))
	}
	*c = Context(f)
	return nil
}

// UnmarshalYAML accepts a string or a mapping.
func (c *Context) UnmarshalYAML(unmarshal func(any) error) error {
	var s string
	if err := unmarshal(&s); err == nil {
		*c = Context{Text: s}
		return nil
	}
	var f contextFields
	if err := unmarshal(&f); err != nil {
		return err
	}
	*c = Context(f)
	return nil
}

// Tri is yes, no or unknown; YAML and JSON booleans are accepted too.
type Tri string

func (t *Tri) set(v any) error {
	switch x := v.(type) {
	case bool:
		if x {
			*t = "yes"
		} else {
			*t = "no"
		}
	case string:
		switch strings.ToLower(strings.TrimSpace(x)) {
		case "yes", "y", "true":
			*t = "yes"
		case "no", "n", "false":
			*t = "no"
		case "", "unknown", "unsure", "not sure":
			*t = align.Unknown
		default:
			return fmt.Errorf("want yes, no or unknown, not %q", x)
		}
	case nil:
		*t = ""
	default:
		return fmt.Errorf("want yes, no or unknown")
	}
	return nil
}

// UnmarshalJSON accepts yes, no, unknown, unsure or a boolean.
func (t *Tri) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	return t.set(v)
}

// UnmarshalYAML accepts yes, no, unknown, unsure or a boolean.
func (t *Tri) UnmarshalYAML(unmarshal func(any) error) error {
	var v any
	if err := unmarshal(&v); err != nil {
		return err
	}
	return t.set(v)
}

// Answer is a reply to a question: one value, or several for a question
// that takes more than one.
type Answer []string

// UnmarshalJSON accepts a string, a boolean or a list of strings.
func (a *Answer) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	return a.set(v)
}

// UnmarshalYAML accepts a string, a boolean or a list of strings.
func (a *Answer) UnmarshalYAML(unmarshal func(any) error) error {
	var v any
	if err := unmarshal(&v); err != nil {
		return err
	}
	return a.set(v)
}

func (a *Answer) set(v any) error {
	switch x := v.(type) {
	case string:
		*a = Answer{x}
	case bool:
		if x {
			*a = Answer{"yes"}
		} else {
			*a = Answer{"no"}
		}
	case []any:
		out := Answer{}
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return fmt.Errorf("answers must be text")
			}
			out = append(out, s)
		}
		*a = out
	default:
		return fmt.Errorf("an answer must be text or a list of text")
	}
	return nil
}

// Format names an input format.
type Format string

// Input formats.
const (
	FormatText Format = "text"
	FormatYAML Format = "yaml"
	FormatJSON Format = "json"
)

// Detect picks the format from the file name, or from the content when
// the name says nothing (standard input, or a file without extension).
func Detect(name string, data []byte) Format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml":
		return FormatYAML
	case ".json":
		return FormatJSON
	case ".md", ".markdown", ".txt", ".text":
		return FormatText
	}
	t := bytes.TrimSpace(data)
	if len(t) > 0 && t[0] == '{' {
		return FormatJSON
	}
	if yamlKeyRE().Match(firstLine(t)) {
		return FormatYAML
	}
	return FormatText
}

// yamlKeyRE is compiled on first use, not at every command's start.
var yamlKeyRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(situation|said|duration|tenure|tried|reporting|context|answers|date|format)\s*:`)
})

func firstLine(b []byte) []byte {
	for len(b) > 0 {
		i := bytes.IndexByte(b, '\n')
		line := b
		if i >= 0 {
			line, b = b[:i], b[i+1:]
		} else {
			b = nil
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' || bytes.Equal(line, []byte("---")) {
			continue
		}
		return line
	}
	return nil
}

// CheckBytes refuses input that is too large, empty, binary or not UTF-8.
func CheckBytes(data []byte) error {
	if len(data) > MaxBytes {
		return align.Errorf(align.ETOOLARGE, "input is %d bytes; the limit is %d (1 MiB)", len(data), MaxBytes)
	}
	if err := CheckEncoding(data); err != nil {
		return err
	}
	if !HasWords(string(data)) {
		return align.Errorf(align.EINVALID, "input is empty: describe the situation with the sales leader")
	}
	return nil
}

// CheckEncoding refuses bytes that are binary (NUL) or not UTF-8, at any
// size.
func CheckEncoding(data []byte) error {
	if bytes.IndexByte(data, 0) >= 0 {
		return align.Errorf(align.EINVALID, "input looks binary (it contains NUL bytes); give plain text, Markdown, YAML or JSON")
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			off += n
		}
		return align.Errorf(align.EINVALID, "input is not UTF-8 text (bad byte at offset %d); save it as UTF-8", off)
	}
	return nil
}

// HasWords reports whether s holds at least one letter or digit: text
// made only of spaces, punctuation, emoji or invisible characters says
// nothing align can read, so it counts as empty.
func HasWords(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// Parse reads data in the given format into an Input. triedCodes lists
// the valid tried codes.
func Parse(format Format, data []byte, triedCodes []string) (Input, error) {
	if err := CheckBytes(data); err != nil {
		return Input{}, err
	}
	var in Input
	switch format {
	case FormatYAML:
		check := func(n ast.Node) error { return checkFields(n, inputShape, "") }
		if err := decodeYAML(data, &in, check, yaml.DisallowUnknownField(), yaml.Strict()); err != nil {
			return Input{}, yamlError(err)
		}
	case FormatJSON:
		if err := DecodeJSON(data, &in); err != nil {
			return Input{}, err
		}
	default:
		in.Situation = string(data)
	}
	if err := in.Validate(triedCodes); err != nil {
		return Input{}, err
	}
	return in, nil
}

// SafeYAML decodes one YAML document into v the way every reader of user
// YAML must: ScanYAML first (nesting, tags, aliases and a second document
// are refused in one linear pass, before the YAML library, whose cost
// grows with the square of the nesting, sees the bytes), and a panic
// inside the YAML library becomes an ordinary error, so bad input can
// never crash align.
func SafeYAML(data []byte, v any, opts ...yaml.DecodeOption) error {
	return decodeYAML(data, v, nil, opts...)
}

func yamlError(err error) error {
	var ae *align.Error
	if errors.As(err, &ae) {
		return ae
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		line := 0
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			line = tk.Position.Line
		}
		return align.Errorf(align.EINVALID, "YAML line %d: %s", line, oneLine(ye.GetMessage()))
	}
	return align.Errorf(align.EINVALID, "YAML: %s", oneLine(err.Error()))
}

func jsonError(data []byte, dec *json.Decoder, err error) error {
	var ae *align.Error
	if errors.As(err, &ae) {
		return ae
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := dec.InputOffset()
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if te != nil {
		got, want := kindOf(te.Value, te.Type)
		field := te.Field
		if field == "" {
			field = "the document"
		}
		msg = fmt.Sprintf("%s must be %s, not %s", field, want, got)
	}
	return align.Errorf(align.EINVALID, "JSON line %d: %s", line, oneLine(msg))
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// Validate checks the values of the structured fields.
func (in *Input) Validate(triedCodes []string) error {
	in.Tenure = strings.ToLower(strings.TrimSpace(in.Tenure))
	switch in.Tenure {
	case "", align.Unknown, align.TenureNew, align.TenureEstablished:
	default:
		return align.Errorf(align.EINVALID, "tenure must be new, established or unknown, not %q", in.Tenure)
	}
	in.Reporting = strings.ToLower(strings.TrimSpace(in.Reporting))
	switch in.Reporting {
	case "", align.Unknown, align.ReportingPeer, align.ReportingSenior:
	default:
		return align.Errorf(align.EINVALID, "reporting must be peer, senior or unknown, not %q", in.Reporting)
	}
	valid := map[string]bool{"nothing": true}
	for _, c := range triedCodes {
		valid[c] = true
	}
	for _, c := range in.Tried {
		if !valid[c] {
			return align.Errorf(align.EINVALID, "tried: unknown code %q (valid: %s, nothing)", c, strings.Join(triedCodes, ", "))
		}
	}
	if in.Format != "" && in.Format != "text" && in.Format != "markdown" && in.Format != "json" {
		return align.Errorf(align.EINVALID, "format must be text, markdown or json, not %q", in.Format)
	}
	for _, f := range []struct{ what, v string }{{"the situation", in.Situation}, {"said", in.Said}, {"duration", in.Duration},
		{"context", in.Context.Text}, {"context.stage", in.Context.Stage}} {
		if err := align.CheckText(f.what, f.v); err != nil {
			return err
		}
	}
	for id, a := range in.Answers {
		for _, v := range a {
			if err := align.CheckText("answer "+strconv.Quote(id), id+v); err != nil {
				return err
			}
		}
	}
	if !HasWords(in.Situation + in.Said + in.Duration + in.Context.Text + in.Context.Stage) {
		return align.Errorf(align.EINVALID, "nothing to go on: give a situation, or at least what the sales leader said")
	}
	if n := len(in.Situation) + len(in.Said) + len(in.Duration) + len(in.Context.Text) + len(in.Context.Stage); n > MaxBytes {
		return align.Errorf(align.ETOOLARGE, "input text is %d bytes; the limit is %d (1 MiB)", n, MaxBytes)
	}
	return nil
}

// ToSituation turns the input into the Situation the engine reads. The
// text is the free situation followed by the other free-text fields, each
// as its own paragraph, so evidence offsets point into one document. A
// plain situation on its own is kept byte for byte.
func (in Input) ToSituation() align.Situation {
	for _, p := range []*string{&in.Situation, &in.Said, &in.Duration, &in.Context.Stage, &in.Context.Text} {
		*p = Normalize(*p)
	}
	var parts []string
	for _, p := range []string{in.Situation, in.Said, in.Duration, in.Context.Stage, in.Context.Text} {
		if strings.TrimSpace(p) != "" {
			parts = append(parts, p)
		}
	}
	text := in.Situation
	if len(parts) > 1 || strings.TrimSpace(in.Situation) == "" {
		trimmed := make([]string, len(parts))
		for i, p := range parts {
			trimmed[i] = strings.TrimSpace(p)
		}
		text = strings.Join(trimmed, "\n\n")
	}
	g := align.Given{
		Said:           strings.TrimSpace(in.Said),
		Duration:       strings.TrimSpace(in.Duration),
		Tenure:         in.Tenure,
		Reporting:      in.Reporting,
		Context:        strings.TrimSpace(in.Context.Text),
		Stage:          strings.TrimSpace(in.Context.Stage),
		SharedTarget:   string(in.Context.SharedTarget),
		LeadershipSees: string(in.Context.LeadershipSees),
	}
	if g.Tenure == align.Unknown {
		g.Tenure = ""
	}
	if g.Reporting == align.Unknown {
		g.Reporting = ""
	}
	if in.Tried != nil {
		g.TriedGiven = true
		for _, c := range in.Tried {
			if c != "nothing" {
				g.Tried = append(g.Tried, c)
			}
		}
	}
	sit := align.Situation{Text: text, Given: g}
	if len(in.Answers) > 0 {
		sit.Answers = map[string]string{}
		ids := make([]string, 0, len(in.Answers))
		for id := range in.Answers {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			sit.Answers[id] = strings.Join(in.Answers[id], ",")
		}
	}
	return sit
}

// Normalize makes text typed on any system read the same: CRLF and CR
// become LF, spaces and tabs at the end of a line go, and so do blank
// lines and spaces at either end. The terminal, the web page (whose forms
// send CRLF), the API and MCP therefore give the same plan for the same
// words, byte for byte.
//
// A text that is already so (no CR, no space or tab before a line's end)
// is returned as a piece of s, not copied: a 1 MiB text was held twice
// for the whole plan.
func Normalize(s string) string {
	if strings.IndexByte(s, '\r') < 0 && !strings.Contains(s, " \n") && !strings.Contains(s, "\t\n") {
		// Splitting, trimming nothing and joining would give s again.
		return strings.TrimSpace(s)
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	return strings.TrimSpace(strings.Join(lines, "\n"))
}
