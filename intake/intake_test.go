package intake_test

import (
	"strings"
	"testing"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/playbook"
)

func codes(t *testing.T) []string {
	t.Helper()
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	return pb.TriedCodes()
}

func TestDetect(t *testing.T) {
	cases := []struct {
		name, data string
		want       intake.Format
	}{
		{"a.yaml", "x", intake.FormatYAML},
		{"a.yml", "x", intake.FormatYAML},
		{"a.json", "x", intake.FormatJSON},
		{"a.md", "situation: x", intake.FormatText},
		{"", "  {\"situation\": \"x\"}", intake.FormatJSON},
		{"", "# comment\nsituation: |\n  hi", intake.FormatYAML},
		{"", "Our CRO: he hates marketing", intake.FormatText},
	}
	for _, c := range cases {
		if got := intake.Detect(c.name, []byte(c.data)); got != c.want {
			t.Errorf("Detect(%q, %q) = %s, want %s", c.name, c.data, got, c.want)
		}
	}
}

// TestTextKeepsItsWords: the words are kept byte for byte (curly quotes
// included); only line endings are normalised.
func TestTextKeepsItsWords(t *testing.T) {
	src := "Our CRO, Rick, said \u201cmake it pretty\u201d.\r\n\nThat was day one."
	in, err := intake.Parse(intake.FormatText, []byte(src), codes(t))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := in.ToSituation().Text, strings.ReplaceAll(src, "\r\n", "\n"); got != want {
		t.Fatalf("text changed: %q", got)
	}
}

func TestYAMLFields(t *testing.T) {
	src := `situation: Our VP of Sales ignores our leads.
said: "He says marketing is a cost center"
tenure: new
tried: [data_deck, nothing]
reporting: senior
context:
  stage: Series B
  shared_target: no
  leadership_sees: unsure
answers:
  q-pushback: method
`
	in, err := intake.Parse(intake.FormatYAML, []byte(src), codes(t))
	if err != nil {
		t.Fatal(err)
	}
	sit := in.ToSituation()
	g := sit.Given
	if g.Tenure != "new" || g.Reporting != "senior" || g.SharedTarget != "no" || g.LeadershipSees != align.Unknown {
		t.Errorf("given = %+v", g)
	}
	if !g.TriedGiven || len(g.Tried) != 1 || g.Tried[0] != "data_deck" {
		t.Errorf("tried = %v (given %v)", g.Tried, g.TriedGiven)
	}
	if !strings.Contains(sit.Text, "cost center") || !strings.Contains(sit.Text, "Series B") {
		t.Errorf("text = %q", sit.Text)
	}
	if sit.Answers["q-pushback"] != "method" {
		t.Errorf("answers = %v", sit.Answers)
	}
}

func TestContextAsText(t *testing.T) {
	in, err := intake.Parse(intake.FormatJSON, []byte(`{"situation":"x y","context":"Series A, 40 people"}`), codes(t))
	if err != nil || in.Context.Text != "Series A, 40 people" {
		t.Fatalf("%v %+v", err, in.Context)
	}
}

func TestBadInput(t *testing.T) {
	cases := []struct {
		name   string
		format intake.Format
		data   string
		want   string
		code   string
	}{
		{"empty", intake.FormatText, " \n\t", "empty", align.EINVALID},
		{"nul", intake.FormatText, "a\x00b", "binary", align.EINVALID},
		{"latin1", intake.FormatText, "caf\xe9", "offset 3", align.EINVALID},
		{"too large", intake.FormatText, strings.Repeat("a", intake.MaxBytes+1), "limit", align.ETOOLARGE},
		{"yaml syntax", intake.FormatYAML, "situation: a\ntried: [x\n", "YAML line", align.EINVALID},
		{"yaml unknown", intake.FormatYAML, "situation: a\nfoo: b\n", "unknown field", align.EINVALID},
		{"yaml type", intake.FormatYAML, "situation: a\ntried: 4\n", "YAML line 2", align.EINVALID},
		{"json syntax", intake.FormatJSON, "{\n\"situation\": \"a\",,\n}", "JSON line 2", align.EINVALID},
		{"json unknown", intake.FormatJSON, `{"situation":"a","mood":"x"}`, "unknown field", align.EINVALID},
		{"json trailing", intake.FormatJSON, `{"situation":"a"} {}`, "extra data", align.EINVALID},
		{"tried code", intake.FormatYAML, "situation: a\ntried: [hope]\n", "hope", align.EINVALID},
		{"reporting", intake.FormatYAML, "situation: a\nreporting: boss\n", "reporting", align.EINVALID},
		{"tri", intake.FormatYAML, "situation: a\ncontext:\n  shared_target: maybe\n", "maybe", align.EINVALID},
		{"nothing", intake.FormatYAML, "tenure: new\n", "nothing to go on", align.EINVALID},
		{"yaml library panic", intake.FormatYAML, "sit%ation: Our CR hates us\ntried: ![data_deck]\n", "YAML", align.EINVALID},
		{"yaml bomb", intake.FormatYAML, "situation: x\nanswers:\n  a: &a [lol, lol]\n  b: [*a, *a]\n", "aliases", align.EINVALID},
		{"format", intake.FormatJSON, `{"situation":"a","format":"pdf"}`, "format", align.EINVALID},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := intake.Parse(c.format, []byte(c.data), codes(t))
			if err == nil {
				t.Fatal("accepted")
			}
			if align.ErrorCode(err) != c.code || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v (%s), want %q (%s)", err, align.ErrorCode(err), c.want, c.code)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add("situation: Our CRO hates us\ntried: [data_deck]\n", "yaml")
	f.Add(`{"situation": "x", "context": {"shared_target": true}}`, "json")
	f.Add("Our VP of Sales said \"no\".", "text")
	f.Add("context: [1, {a: b}]\n", "yaml")
	f.Add("&a [*a, *a]", "yaml")
	pb, err := playbook.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data, format string) {
		fm := intake.Format(format)
		in, err := intake.Parse(fm, []byte(data), pb.TriedCodes())
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			if c := align.ErrorCode(err); c != align.EINVALID && c != align.ETOOLARGE {
				t.Fatalf("error code %s for %v", c, err)
			}
			return
		}
		sit := in.ToSituation()
		if strings.TrimSpace(sit.Text) == "" {
			t.Fatal("accepted input with no text")
		}
	})
}

// TestLineEndingsGiveOneSituation: CRLF, LF, trailing spaces and a final
// newline give the same situation text, so the same plan.
func TestLineEndingsGiveOneSituation(t *testing.T) {
	base := "Our VP of Sales, Dana, says our leads are junk.\n\nShe stopped coming to the review."
	for name, text := range map[string]string{
		"lf":                 base,
		"crlf":               strings.ReplaceAll(base, "\n", "\r\n"),
		"cr":                 strings.ReplaceAll(base, "\n", "\r"),
		"final newline":      base + "\n",
		"crlf final":         strings.ReplaceAll(base, "\n", "\r\n") + "\r\n",
		"trailing spaces":    strings.ReplaceAll(base, "\n", "  \n") + " \t",
		"leading blank line": "\n" + base,
	} {
		t.Run(name, func(t *testing.T) {
			got := intake.Input{Situation: text}.ToSituation().Text
			if got != base {
				t.Errorf("got %q, want %q", got, base)
			}
		})
	}
}
