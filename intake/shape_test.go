package intake_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/intake"
)

// nested returns about 1 MiB of YAML nested as deeply as it will go, in
// each way YAML can nest.
func nested() map[string]string {
	n := 1 << 19
	var indent strings.Builder
	for i := 0; indent.Len() < 1<<20-1000; i++ {
		indent.WriteString(strings.Repeat(" ", i%1000) + "a:\n")
	}
	return map[string]string{
		"flow sequences": "situation: hi\ncontext: " + strings.Repeat("[", n) + strings.Repeat("]", n-40) + "\n",
		"flow mappings":  "situation: hi\ncontext: " + strings.Repeat("{a: ", n/4) + strings.Repeat("}", n/4) + "\n",
		"block dashes":   "situation: hi\ncontext:\n" + strings.Repeat("- ", n-20) + "x\n",
		"indentation":    "situation: hi\ncontext:\n" + indent.String(),
		"many keys":      "situation: hi\nanswers:\n" + strings.Repeat("  q: a\n", (1<<20)/8),
		"long list":      "situation: hi\ntried: [" + strings.Repeat("a,", (1<<20)/2-20) + "a]\n",
	}
}

// TestNestedYAMLIsRefusedFast: the YAML library's cost grows with the
// square of the nesting (1 MiB of '[' took minutes and all the memory), so
// the nesting is refused before the library sees it, with one line.
func TestNestedYAMLIsRefusedFast(t *testing.T) {
	for name, doc := range nested() {
		t.Run(name, func(t *testing.T) {
			if len(doc) > intake.MaxBytes {
				t.Fatalf("test input is %d bytes, over the limit", len(doc))
			}
			_, err := intake.Parse(intake.FormatYAML, []byte(doc), codes(t))
			if align.ErrorCode(err) != align.EINVALID || strings.Contains(err.Error(), "\n") ||
				!(strings.Contains(err.Error(), "nested more than") || strings.Contains(err.Error(), "fields and list items")) {
				t.Errorf("err = %v", err)
			}
			if _, err := intake.ParseAnswers([]byte(doc)); align.ErrorCode(err) != align.EINVALID {
				t.Errorf("answers: err = %v", err)
			}
		})
	}
}

func TestYAMLShapeIsStrict(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"a number as text", "situation: 42\n", "line 1: situation must be text, not a number"},
		{"a list as text", "situation: [a, b]\n", "situation must be text, not a list"},
		{"a binary tag", "situation: !!binary aGVsbG8=\n", "tags (!!binary) are not accepted"},
		{"a tag in a list", "situation: hi\ntried: [!!str data_deck]\n", "tags"},
		{"an alias", "situation: &a hi\nsaid: *a\n", "aliases"},
		{"a second document", "situation: hi\n---\nsituation: two\n", "line 2: a second document"},
		{"a document end and more", "situation: hi\n...\nsituation: two\n", "second document"},
		{"a number in context", "situation: hi\ncontext:\n  stage: 5\n", "line 3: context.stage must be text, not a number"},
		{"a number in tried", "situation: hi\ntried: 5\n", "tried must be a list of text, not a number"},
		{"a mapping in tried", "situation: hi\ntried: [{a: b}]\n", "each item of tried must be text"},
		{"a list document", "- situation: hi\n", "want fields such as situation"},
		{"a duplicate key", "situation: hi\nsituation: again\n", "already defined"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := intake.Parse(intake.FormatYAML, []byte(c.doc), codes(t))
			if align.ErrorCode(err) != align.EINVALID || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want one line with %q", err, c.want)
			}
			if err != nil && strings.Contains(err.Error(), "interface {}") {
				t.Errorf("error names a Go type: %v", err)
			}
		})
	}
}

func TestJSONShapeIsStrict(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"a duplicate key", `{"situation": "a", "situation": "b"}`, `the field "situation" is given twice`},
		{"a nested duplicate key", `{"situation": "a", "context": {"stage": "x", "stage": "y"}}`, `"stage" is given twice`},
		{"deep nesting", `{"situation": "a", "context": ` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}`, "nested more than"},
		{"a number as text", "{\n\"situation\": 42}", "JSON line 2: situation must be text, not a number"},
		{"a list as text", `{"situation": ["a"]}`, "situation must be text, not a list"},
		{"an object as tried", `{"situation": "a", "tried": {"a": 1}}`, "tried must be a list of text, not an object"},
		{"a number in context", `{"situation": "a", "context": {"stage": 5}}`, "context.stage must be text, not a number"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := intake.Parse(intake.FormatJSON, []byte(c.doc), codes(t))
			if align.ErrorCode(err) != align.EINVALID || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want one line with %q", err, c.want)
			}
			if err != nil && (strings.Contains(err.Error(), "Go struct") || strings.Contains(err.Error(), "interface {}")) {
				t.Errorf("error names a Go type: %v", err)
			}
		})
	}
}

// TestScanYAMLAcceptsOrdinaryInput: brackets, quotes and dashes inside
// text are text, not nesting.
func TestScanYAMLAcceptsOrdinaryInput(t *testing.T) {
	docs := []string{
		"situation: |\n  " + strings.Repeat("[", 100) + " she said {{{{{{{{{{{{{{{{{{{{{{{{{{{\n  - - - - - - - - - - - - - - - - - - - - - - - - - x\nsaid: done\n",
		"situation: \"" + strings.Repeat("[", 100) + "\"\nsaid: '" + strings.Repeat("{", 100) + " don''t'\n",
		"situation: he said [sic] and {x} " + strings.Repeat("[", 50) + "\n",
		"situation: don't [ever] do it # " + strings.Repeat("[", 50) + "\n",
		"# " + strings.Repeat("[", 100) + "\n---\nsituation: hi\n",
		"situation: >-\n  folded " + strings.Repeat("[", 60) + "\n\n  more\ncontext:\n  stage: Series B\n",
		"situation: \"multi\n  line [[[[[[[[[[[[[[[[[[[[[[[[[[[\n  quote\"\ntried: [data_deck, nothing]\n",
		"- |\n  " + strings.Repeat("[", 60) + "\n",
	}
	for _, d := range docs {
		if err := intake.ScanYAML([]byte(d)); err != nil {
			t.Errorf("ScanYAML(%.60q): %v", d, err)
		}
	}
	files, _ := filepath.Glob("../examples/*.yaml")
	more, _ := filepath.Glob("../../shared/eval/dev/situations/*.yaml")
	for _, f := range append(files, more...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := intake.ScanYAML(b); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func TestEmptyMeansNoWords(t *testing.T) {
	for _, s := range []string{"\u200b\u200b\u200b", "\U0001F621\U0001F621", "... --- !!!", "\ufeff \u2060"} {
		_, err := intake.Parse(intake.FormatText, []byte(s), codes(t))
		if align.ErrorCode(err) != align.EINVALID || !strings.Contains(err.Error(), "empty") {
			t.Errorf("%q: %v", s, err)
		}
	}
	if _, err := intake.ParseAnswers([]byte("  \n")); err == nil || !strings.Contains(err.Error(), "no answers") {
		t.Errorf("empty answers: %v", err)
	}
}

func FuzzParseAnswers(f *testing.F) {
	for _, s := range []string{"reporting: senior\ntried: [direct_conversation, data_deck]\nq-pushback: method\n",
		"q-stakes: yes\n", "{\"reporting\": \"peer\"}", "- a\n", "a: [b, [c]]\n", "a: &x b\nc: *x\n", "a: !!binary aGk=\n", "a: 1\n---\nb: 2\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ans, err := intake.ParseAnswers(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			if c := align.ErrorCode(err); c != align.EINVALID && c != align.ETOOLARGE {
				t.Fatalf("error code %s for %v", c, err)
			}
			return
		}
		if len(ans) == 0 {
			t.Fatal("accepted answers with none in them")
		}
	})
}
