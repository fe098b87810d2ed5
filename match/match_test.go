package match_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/align-coach/align/match"
)

func TestTokenizeOffsetsAndNormalisation(t *testing.T) {
	src := "Rick didn’t say “make-it-pretty”; he’s on 1:1s. Greg's model"
	toks := match.Tokenize(src)
	var words []string
	for _, tk := range toks {
		words = append(words, tk.Word())
	}
	want := []string{"rick", "did", "not", "say", "make", "it", "pretty", "he", "is", "on", "1", "on", "1", "greg", "model"}
	if !reflect.DeepEqual(words, want) {
		t.Fatalf("words = %q, want %q", words, want)
	}
	if !toks[4].Quoted() || toks[3].Quoted() || toks[7].Quoted() {
		t.Errorf("quote state wrong: %+v", toks[3:8])
	}
	if toks[0].Capital() || toks[13].Capital() {
		t.Errorf("a word that starts a sentence is not flagged as a name")
	}
	if tk := match.Tokenize("ask Dana first"); !tk[1].Capital() || tk[0].Capital() {
		t.Errorf("capital flags wrong: %+v", tk)
	}
	if got := src[toks[1].Start():toks[1].End()]; got != "didn’t" {
		t.Errorf("contraction span = %q", got)
	}
	if got := src[toks[13].Start():toks[13].End()]; got != "Greg's" {
		t.Errorf("possessive span = %q", got)
	}
	if toks[13].Sentence() == toks[12].Sentence() {
		t.Errorf("sentence boundary after '1:1s.' missed")
	}
}

// TestUnitAbbreviations: units of time abbreviated in chat read as the
// words patterns are written with, and keep the abbreviation's offsets.
func TestUnitAbbreviations(t *testing.T) {
	src := "here 4 yrs, 6 wks in, 1 yr, 3 mths"
	var got []string
	for _, tok := range match.Tokenize(src) {
		got = append(got, tok.Word()+"="+src[tok.Start():tok.End()])
	}
	want := []string{"here=here", "4=4", "years=yrs", "6=6", "weeks=wks", "in=in", "1=1", "year=yr", "3=3", "months=mths"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestExpand(t *testing.T) {
	got, err := match.Expand("(a|b c|) ... $X", map[string][]string{"X": {"x", "(y|z)"}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a ... x", "a ... y", "a ... z", "b c ... x", "b c ... y", "b c ... z", "... x", "... y", "... z"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %q", got)
	}
	for _, bad := range []string{"(a|b", "a)", "$NOPE x"} {
		if _, err := match.Expand(bad, nil); err == nil {
			t.Errorf("Expand(%q) accepted", bad)
		}
	}
}

func TestMatchGapsAndStems(t *testing.T) {
	m, owner, err := match.CompileStrings([]string{
		"lead ... never ... pipeline",
		"#num lead ..4 zero opportunity",
		"sales does not need marketing",
		"one on one",
		"(vp|head) (of|) sales (thinks|says) ..2 (marketing|we) (is|are) (useless|bad)",
	})
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		text string
		want []int
	}{
		{"Those leads, as far as I know, never turned into pipeline.", []int{0}},
		{"The leads were fine. It never turned into pipeline.", nil},
		{"The webinar generated 200 leads and zero opportunities", []int{1}},
		{"He says sales doesn't need marketing", []int{2}},
		{"we had a one-on-one and a 1:1", []int{3, 3}},
		{"Our VP Sales says that marketing is useless", []int{4}},
		{"The head of sales thinks we are bad", []int{4}},
		{"The head of sales thinks, frankly and honestly, we are bad", nil},
	}
	for _, c := range cases {
		toks := match.Tokenize(c.text)
		var got []int
		for _, h := range m.Match(toks) {
			got = append(got, owner[h.Pattern])
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %v, want %v", c.text, got, c.want)
		}
	}
}

func TestMatchSpan(t *testing.T) {
	m, _, _ := match.CompileStrings([]string{"generated ... leads"})
	src := "The webinar generated 200 leads."
	toks := match.Tokenize(src)
	h := m.Match(toks)
	if len(h) != 1 {
		t.Fatalf("hits = %v", h)
	}
	if got := src[toks[h[0].First].Start():toks[h[0].Last].End()]; got != "generated 200 leads" {
		t.Fatalf("span = %q", got)
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("Rick didn\u2019t say \u201cmake-it-pretty\u201d; he\u2019s on 1:1s. $120M")
	f.Add("a\x00b\xff\xfe 'x' \"y")
	m, _, err := match.CompileStrings([]string{"lead ... never ... pipeline", "one on one", "(a|b c) ..2 d"})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src string) {
		toks := match.Tokenize(src)
		for i, tk := range toks {
			if tk.Start() < 0 || tk.End() > len(src) || tk.Start() >= tk.End() {
				t.Fatalf("token %d has span %d-%d in %d bytes", i, tk.Start(), tk.End(), len(src))
			}
			if i > 0 && tk.Start() < toks[i-1].Start() {
				t.Fatalf("tokens out of order")
			}
		}
		for _, h := range m.Match(toks) {
			if h.First > h.Last || int(h.Last) >= len(toks) {
				t.Fatalf("bad hit %+v", h)
			}
		}
	})
}

func TestParseErrors(t *testing.T) {
	for _, bad := range []string{"", "...", "a ...", "... a", "(a|b", "a ..x b", "(|)"} {
		if _, err := match.Parse(bad, nil); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
}

// An abbreviated title before a name does not end the sentence; a full
// stop after the same letters at a sentence's end still does.
func TestTitleAbbreviationKeepsSentence(t *testing.T) {
	cases := []struct {
		src  string
		same bool // first and last token in one sentence
	}{
		{"I will send the numbers to Sr. Llorens today", true},
		{"Ask Dr. Ahmed first", true},
		{"Mrs.  Kato agreed", true},
		{"We met in the sr. Then it went badly", false},
		{"That was Mr. and then nothing", false},
		{"He said no. Then he left", false},
	}
	for _, c := range cases {
		toks := match.Tokenize(c.src)
		if got := toks[0].Sentence() == toks[len(toks)-1].Sentence(); got != c.same {
			t.Errorf("%q: one sentence = %v, want %v", c.src, got, c.same)
		}
	}
}

// TestLineBreaks: in text typed line by line, each line break ends a
// sentence unless the line leaves its clause open; in prose wrapped at a
// fixed width, only a blank line does.
func TestLineBreaks(t *testing.T) {
	wrapped := "Our VP Sales, Anselm, has said for a year that the leads we send are\n" +
		"junk, and last month he told the CEO that marketing should be cut in\n" +
		"half. I have run demand generation here for four years and I report\n" +
		"to the CEO, as he does. What should I do first?"
	cases := []struct {
		name, src string
		sentences int
	}{
		{"phone lines", "hi quick q\nhead of mktg at a sensor co, 250 ppl\nour vp sales joerg hates the webinar leads\nshould i fight it", 4},
		{"a line left open by a comma or a conjunction", "our vp sales joerg, who runs emea,\nsays the leads are junk and\nhis reps never call them", 1},
		{"a list is one sentence, as before", "notes from the 1:1\n- he wants fewer leads\n- reps skip the webinars\n- no date for the next one", 1},
		{"prose wrapped at a fixed width", wrapped, 3},
		{"two lines wrapped at a fixed width", "Our VP of Sales, Priya, told the exec team that marketing's leads are\n\"mostly students and competitors.\" Her reps have stopped working them.", 2},
		{"a blank line always ends one", "Dear Ana,\n\nOur CRO stopped calling the leads.", 2},
		{"a line ending in a word not in ASCII", "our director comercial hates the campaña\nhe never calls the leads", 2},
	}
	for _, c := range cases {
		toks := match.Tokenize(c.src)
		got := toks[len(toks)-1].Sentence() - toks[0].Sentence() + 1
		if got != c.sentences {
			t.Errorf("%s: %d sentences, want %d", c.name, got, c.sentences)
		}
	}
}

// TestTokenSize keeps a token at 24 bytes: a 1 MiB text holds about
// 200,000 of them while it is read.
func TestTokenSize(t *testing.T) {
	if n := unsafe.Sizeof(match.Token{}); n != 24 {
		t.Fatalf("a token is %d bytes, want 24", n)
	}
	toks := match.Tokenize(`He said, "Fine." Then Marta left`)
	var b strings.Builder
	for _, tk := range toks {
		fmt.Fprintf(&b, "%s/%d/%d/%v/%v ", tk.Word(), tk.Sentence(), tk.Clause(), tk.Quoted(), tk.Capital())
	}
	if got, want := b.String(), "he/0/0/false/false said/0/0/false/false fine/0/2/true/true then/1/4/false/false marta/1/4/false/true left/1/4/false/false "; got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}
