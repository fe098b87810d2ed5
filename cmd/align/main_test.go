package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite the golden plans in testdata/")

// fixed is the clock every test runs with.
func fixed() time.Time { return time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC) }

type result struct {
	code           int
	stdout, stderr string
}

// runAlign runs the whole program in process.
func runAlign(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, env{
		stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb,
		getenv: func(string) string { return "" }, now: fixed,
	})
	return result{code, out.String(), errb.String()}
}

func TestPlanExamplesMatchGolden(t *testing.T) {
	examples := exampleFiles(t)
	if len(examples) < 4 {
		t.Fatalf("want at least four examples, found %d", len(examples))
	}
	for _, ex := range examples {
		for _, format := range []string{"text", "markdown"} {
			name := strings.TrimSuffix(filepath.Base(ex), filepath.Ext(ex)) + "." + format
			t.Run(name, func(t *testing.T) {
				r := runAlign(t, "", "plan", ex, "--format", format)
				if r.code != 0 {
					t.Fatalf("exit %d: %s", r.code, r.stderr)
				}
				golden := filepath.Join("testdata", "golden", name)
				if *update {
					os.MkdirAll(filepath.Dir(golden), 0o755)
					if err := os.WriteFile(golden, []byte(r.stdout), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				want, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test ./cmd/align -update)", err)
				}
				if r.stdout != string(want) {
					t.Errorf("plan differs from %s; review and run with -update if intended\n%s", golden, r.stdout)
				}
				if strings.ContainsRune(r.stdout, '\u2014') {
					t.Error("plan contains an em dash")
				}
			})
		}
	}
}

func TestPlanIsLintClean(t *testing.T) {
	examples := exampleFiles(t)
	for _, ex := range examples {
		p := runAlign(t, "", "plan", ex)
		l := runAlign(t, p.stdout, "lint", "-")
		if l.code != 0 {
			t.Errorf("%s: lint exit %d\n%s", ex, l.code, l.stdout)
		}
	}
}

func TestPlanFormats(t *testing.T) {
	ex := "../../examples/type1-earned.md"
	r := runAlign(t, "", "plan", ex, "--format", "json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"plan", "sections", "diagnosis", "situation"} {
		if _, ok := got[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	d := got["diagnosis"].(map[string]any)
	for _, k := range []string{"scores", "urgency", "urgency_reasons", "facts", "assumptions", "types"} {
		if _, ok := d[k]; !ok {
			t.Errorf("diagnosis lacks %q", k)
		}
	}
	// Evidence offsets point at the quoted words.
	text := got["situation"].(string)
	n := 0
	for _, s := range d["scores"].([]any) {
		for _, e := range s.(map[string]any)["evidence"].([]any) {
			ev := e.(map[string]any)
			start, end := int(ev["start"].(float64)), int(ev["end"].(float64))
			if text[start:end] != ev["quote"].(string) {
				t.Errorf("evidence %d-%d is %q, quote says %q", start, end, text[start:end], ev["quote"])
			}
			n++
		}
	}
	if n == 0 {
		t.Error("no evidence in the JSON diagnosis")
	}
	sec := got["sections"].(map[string]any)
	for _, k := range []string{"misalignment_type", "urgency", "built", "situation_assessment", "first_conversation", "first_change", "seat", "escalation_trigger", "will_not_work"} {
		if s, ok := sec[k]; !ok || s == "" {
			t.Errorf("sections lack %q", k)
		}
	}
	if sec["built"] != "2026-11-24" {
		t.Errorf("built = %v, want the injected clock's date", sec["built"])
	}
	fixedDate := runAlign(t, "", "plan", ex, "--date", "2025-01-31")
	if !strings.Contains(fixedDate.stdout, "Built: 2025-01-31\n") {
		t.Errorf("--date not applied:\n%s", fixedDate.stdout)
	}
}

func TestPlanReadsYAMLAndStdin(t *testing.T) {
	r := runAlign(t, "", "plan", "../../examples/situation.yaml")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "SALES LEADER ALIGNMENT PLAN\n") {
		t.Fatalf("exit %d: %s %s", r.code, r.stderr, r.stdout)
	}
	in, _ := os.ReadFile("../../examples/type2-structural.md")
	s := runAlign(t, string(in), "plan", "-")
	f := runAlign(t, "", "plan", "../../examples/type2-structural.md")
	if s.code != 0 || s.stdout != f.stdout {
		t.Errorf("standard input and file give different plans (exit %d)", s.code)
	}
	j := runAlign(t, `{"situation": "Our CRO, Dana, calls marketing a cost center and told her reps to ignore our leads.", "tenure": "new", "reporting": "peer", "tried": ["nothing"]}`, "plan", "-")
	if j.code != 0 || !strings.Contains(j.stdout, "Dana") {
		t.Errorf("JSON on stdin: exit %d %s\n%s", j.code, j.stderr, j.stdout)
	}
}

func TestPlanOutIsAtomicAndRefusesOverwrite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "plan.md")
	r := runAlign(t, "", "plan", "../../examples/type3-political.md", "--format", "markdown", "--out", out)
	if r.code != 0 || r.stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", r.code, r.stdout, r.stderr)
	}
	first, _ := os.ReadFile(out)
	if !strings.HasPrefix(string(first), "# SALES LEADER ALIGNMENT PLAN") {
		t.Fatalf("written file: %q", first)
	}
	r = runAlign(t, "", "plan", "../../examples/type1-earned.md", "--out", out)
	if r.code != 2 || !strings.Contains(r.stderr, "already exists") {
		t.Errorf("overwrite without --force: exit %d, %s", r.code, r.stderr)
	}
	if again, _ := os.ReadFile(out); !bytes.Equal(again, first) {
		t.Error("refused overwrite still changed the file")
	}
	r = runAlign(t, "", "plan", "../../examples/type1-earned.md", "--out", out, "--force")
	if r.code != 0 {
		t.Fatalf("--force: exit %d %s", r.code, r.stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestNotAlignmentExits3(t *testing.T) {
	for _, c := range []struct{ text, route string }{
		{"Help me write an MQL definition that both sales and marketing can sign off on, with scoring and SLA follow-up times.", "sla"},
		{"My CEO changes marketing priorities every week. How do I push back on him?", "none"},
	} {
		r := runAlign(t, c.text, "plan", "-")
		if r.code != 3 {
			t.Errorf("%q: exit %d, want 3", c.text, r.code)
		}
		if strings.Contains(r.stdout, "SALES LEADER ALIGNMENT PLAN") || len(strings.TrimSpace(r.stdout)) < 100 {
			t.Errorf("%q: want one explaining paragraph, got %q", c.text, r.stdout)
		}
		if !strings.Contains(r.stderr, c.route) {
			t.Errorf("%q: stderr %q does not name the route %s", c.text, r.stderr, c.route)
		}
		j := runAlign(t, c.text, "plan", "-", "--format", "json")
		var got map[string]any
		if err := json.Unmarshal([]byte(j.stdout), &got); err != nil || j.code != 3 || got["route"] != c.route {
			t.Errorf("%q as JSON: exit %d, %v, %q", c.text, j.code, err, j.stdout)
		}
	}
}

func TestRoute(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"route", "my CRO rolls his eyes when I present"}, "alignment"},
		{[]string{"route", "how", "should", "lead", "routing", "and", "round", "robin", "rules", "work?"}, "sla"},
		{[]string{"route", "draft copy for our new pricing page"}, "none"},
		{[]string{"route", "../../examples/type4-categorical.md"}, "alignment"},
	} {
		r := runAlign(t, "", c.args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, c.want+"\n") {
			t.Errorf("%v: exit %d, got %q", c.args, r.code, r.stdout)
		}
	}
	r := runAlign(t, "", "route", "--json", "my CRO rolls his eyes when I present")
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || got["route"] != "alignment" || got["evidence"] == nil {
		t.Errorf("route --json: %v %s", err, r.stdout)
	}
}

func TestDiagnose(t *testing.T) {
	r := runAlign(t, "", "diagnose", "../../examples/type3-political.md")
	if r.code != 0 {
		t.Fatalf("exit %d %s", r.code, r.stderr)
	}
	for _, want := range []string{"Types: Type 3, political", "Urgency:", "Missing:", "attribution model", "Elena"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("diagnose output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runAlign(t, "", "diagnose", "--json", "../../examples/type3-political.md")
	var d map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &d); err != nil || d["urgency"] == nil {
		t.Errorf("diagnose --json: %v", err)
	}
}

func TestLint(t *testing.T) {
	bad := "SALES LEADER ALIGNMENT PLAN\nMisalignment type: Type 3, political\nUrgency: High\nBuilt: 2026-11-24\n\nSITUATION ASSESSMENT\nThe CRO is wrong \u2014 prove him wrong.\n"
	r := runAlign(t, bad, "lint", "-")
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	for _, want := range []string{"em-dash", "format-section", ":7:"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("lint output lacks %q:\n%s", want, r.stdout)
		}
	}
	r = runAlign(t, bad, "lint", "--json", "-")
	var rep struct {
		Findings []struct{ Rule string }
		Errors   int
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil || rep.Errors == 0 {
		t.Errorf("lint --json: %v %s", err, r.stdout)
	}
}

func TestEvalJSONKeys(t *testing.T) {
	dir := "../../../shared/eval/dev"
	if _, err := os.Stat(dir); err != nil {
		t.Skip("shared eval cases not beside the repository")
	}
	r := runAlign(t, "", "eval", dir, "--json")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	want := []string{"situations", "routing", "route_accuracy", "type_primary_accuracy", "type_set_f1", "urgency_exact",
		"urgency_within_one", "facts_accuracy", "tried_f1", "missing_f1", "plan_checks_pass_rate", "lint_clean_rate"}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	sort.Strings(want)
	if strings.Join(keys, ",") != strings.Join(want, ",") {
		t.Errorf("keys = %v, want exactly %v", keys, want)
	}
	for _, k := range want[2:] {
		if v, ok := got[k].(float64); !ok || v < 0 || v > 1 {
			if k != "routing" && k != "situations" {
				t.Errorf("%s = %v, want a rate from 0 to 1", k, got[k])
			}
		}
	}
}

func TestEvalBadCaseNamesFile(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "situations"), 0o755)
	os.WriteFile(filepath.Join(dir, "situations", "x1.yaml"), []byte("id: x1\nmessage: [unclosed\n"), 0o644)
	r := runAlign(t, "", "eval", dir)
	if r.code != 2 || !strings.Contains(r.stderr, "x1.yaml") {
		t.Errorf("exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestQuestions(t *testing.T) {
	r := runAlign(t, "my CRO rolls his eyes at anything marketing does", "questions", "--json", "-")
	var qs []struct {
		ID, Text, Why string
	}
	if err := json.Unmarshal([]byte(r.stdout), &qs); err != nil || len(qs) == 0 {
		t.Fatalf("questions: %v %q", err, r.stdout)
	}
	ids := map[string]bool{}
	for _, q := range qs {
		ids[q.ID] = true
		if q.Text == "" || q.Why == "" {
			t.Errorf("question %s lacks text or why", q.ID)
		}
	}
	for _, want := range []string{"tenure", "reporting", "tried"} {
		if !ids[want] {
			t.Errorf("questions lack %q: %v", want, ids)
		}
	}
}

func TestAnswersChangeThePlan(t *testing.T) {
	dir := t.TempDir()
	ans := filepath.Join(dir, "answers.yaml")
	os.WriteFile(ans, []byte("reporting: senior\ntried: [escalated]\n"), 0o644)
	text := "Our VP of Sales, Omar, keeps saying marketing's leads are weak and his reps ignore them."
	before := runAlign(t, text, "plan", "-")
	after := runAlign(t, text, "plan", "-", "--answers", ans)
	if after.code != 0 || before.stdout == after.stdout {
		t.Fatalf("answers did not change the plan (exit %d %s)", after.code, after.stderr)
	}
	if !strings.Contains(after.stdout, "escalat") {
		t.Errorf("plan ignores the escalation answer:\n%s", after.stdout)
	}
	os.WriteFile(ans, []byte("reporting: sideways\n"), 0o644)
	if r := runAlign(t, text, "plan", "-", "--answers", ans); r.code != 2 {
		t.Errorf("bad answer: exit %d", r.code)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := bytes.Repeat([]byte("Our CRO ignores marketing. "), (1<<20)/27+10)
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"empty", []string{"plan", write("empty.md", []byte("  \n\n"))}, "empty"},
		{"binary", []string{"plan", write("bin.txt", []byte("abc\x00\x01\x02"))}, "binary"},
		{"not utf-8", []string{"plan", write("latin1.txt", []byte("Our CRO said caf\xe9 leads"))}, "UTF-8"},
		{"too large", []string{"plan", write("big.txt", big)}, "limit"},
		{"bad yaml", []string{"plan", write("bad.yaml", []byte("situation: ok\ntried: [data_deck\n"))}, "YAML line"},
		{"bad json", []string{"plan", write("bad.json", []byte("{\n \"situation\": \"x\",\n \"tried\": 3\n}"))}, "JSON line 3"},
		{"unknown field", []string{"plan", write("unk.yaml", []byte("situation: our CRO hates us\nmood: sad\n"))}, "unknown field"},
		{"unknown tried", []string{"plan", write("tr.yaml", []byte("situation: our CRO hates us\ntried: [bribery]\n"))}, "bribery"},
		{"bad tenure", []string{"plan", write("te.yaml", []byte("situation: our CRO hates us\ntenure: ancient\n"))}, "tenure"},
		{"missing file", []string{"plan", filepath.Join(dir, "nope.md")}, "no such file"},
		{"directory", []string{"plan", dir}, "directory"},
		{"bad date", []string{"plan", "../../examples/type1-earned.md", "--date", "24/11/2026"}, "YYYY-MM-DD"},
		{"bad format", []string{"plan", "../../examples/type1-earned.md", "--format", "pdf"}, "format"},
		{"no args, empty stdin", []string{"plan"}, "empty"},
		{"two args", []string{"plan", "a", "b"}, "arg"},
		{"unknown flag", []string{"plan", "--colour"}, "unknown flag"},
		{"lint binary", []string{"lint", write("bin2.txt", []byte{0xff, 0x00})}, "binary"},
		{"out in a missing folder", []string{"plan", "../../examples/type1-earned.md", "--out", filepath.Join(dir, "missingdir", "x.txt")}, "the folder"},
		{"empty out", []string{"plan", "../../examples/type1-earned.md", "--out", ""}, "--out needs a file name"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runAlign(t, "", c.args...)
			if r.code != 2 {
				t.Errorf("exit %d, want 2 (stderr %q)", r.code, r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout not empty: %q", r.stdout)
			}
			if strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, c.want) {
				t.Errorf("stderr %q: want one line containing %q", r.stderr, c.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "plan.txt")); err == nil {
		t.Error("a failed run wrote a file")
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any file")
	}
	p := filepath.Join(t.TempDir(), "secret.md")
	os.WriteFile(p, []byte("our CRO hates us"), 0o000)
	if r := runAlign(t, "", "plan", p); r.code != 2 || !strings.Contains(r.stderr, "permission") {
		t.Errorf("exit %d %q", r.code, r.stderr)
	}
}

func TestVersion(t *testing.T) {
	r := runAlign(t, "", "--version")
	if r.code != 0 || !strings.Contains(r.stdout, "align version") {
		t.Errorf("--version: %d %q", r.code, r.stdout)
	}
}

// TestREADMEExample keeps the README's example plan identical to what
// align writes for examples/type2-structural.md.
func TestREADMEExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	r := runAlign(t, "", "plan", "../../examples/type2-structural.md")
	const open = "align writes:\n\n```text\n"
	i := bytes.Index(readme, []byte(open))
	if i < 0 {
		t.Fatal("README has no example plan block")
	}
	start := i + len(open)
	end := bytes.Index(readme[start:], []byte("```"))
	if end < 0 {
		t.Fatal("README example block is not closed")
	}
	got := string(readme[start : start+end])
	if *update {
		fresh := append(append(append([]byte{}, readme[:start]...), r.stdout...), readme[start+end:]...)
		if err := os.WriteFile("../../README.md", fresh, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if got != r.stdout {
		t.Errorf("README example plan is out of date; run go test ./cmd/align -update")
	}
}

// exampleFiles lists the example situations (Markdown and YAML).
func exampleFiles(t *testing.T) []string {
	t.Helper()
	md, _ := filepath.Glob("../../examples/*.md")
	yml, _ := filepath.Glob("../../examples/*.yaml")
	return append(md, yml...)
}

func TestLintExamplePlanHasViolations(t *testing.T) {
	r := runAlign(t, "", "lint", "../../examples/plans/needs-work.txt")
	if r.code != 1 {
		t.Fatalf("exit %d", r.code)
	}
	for _, rule := range []string{"en-dash", "presumes-wrong", "early-escalation", "placeholder", "one-change", "timeline-trigger"} {
		if !strings.Contains(r.stdout, "["+rule+"]") {
			t.Errorf("lint output lacks %s:\n%s", rule, r.stdout)
		}
	}
}

// TestNestedYAMLEveryEntryPoint: every command that reads YAML refuses
// 1 MiB of nesting with one line (it used to take minutes and gigabytes).
func TestNestedYAMLEveryEntryPoint(t *testing.T) {
	dir := t.TempDir()
	n := 1<<19 - 40
	doc := []byte("situation: hi\ncontext: " + strings.Repeat("[", n) + strings.Repeat("]", n) + "\n")
	nestedFile := filepath.Join(dir, "n.yaml")
	os.WriteFile(nestedFile, doc, 0o644)
	os.MkdirAll(filepath.Join(dir, "eval", "situations"), 0o755)
	os.WriteFile(filepath.Join(dir, "eval", "situations", "x1.yaml"), doc, 0o644)
	for _, args := range [][]string{
		{"plan", nestedFile}, {"diagnose", nestedFile}, {"questions", nestedFile}, {"route", nestedFile},
		{"plan", "../../examples/type1-earned.md", "--answers", nestedFile}, {"eval", filepath.Join(dir, "eval")},
	} {
		r := runAlign(t, "", args...)
		if r.code != 2 || strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 || !strings.Contains(r.stderr, "nested more than") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
	r := runAlign(t, string(doc), "plan", "-")
	if r.code != 2 || !strings.Contains(r.stderr, "nested more than") {
		t.Errorf("standard input: exit %d, stderr %q", r.code, r.stderr)
	}
}

func TestQuietAcceptanceIsGone(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(s), 0o644)
		return p
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"plan", write("dup.json", `{"situation": "Our CRO hates us", "situation": "b"}`)}, "given twice"},
		{[]string{"plan", write("two.yaml", "situation: Our CRO hates us\n---\nsituation: b\n")}, "second document"},
		{[]string{"plan", write("num.yaml", "situation: 42\n")}, "situation must be text, not a number"},
		{[]string{"plan", write("bin.yaml", "situation: !!binary aGVsbG8=\n")}, "tags"},
		{[]string{"plan", write("emoji.md", "\U0001F621\u200b\U0001F621")}, "empty"},
		{[]string{"plan", "../../examples/type1-earned.md", "--answers", write("empty.yaml", "\n")}, "no answers"},
		{[]string{"plan", write("list.yaml", "situation: [a]\n")}, "not a list"},
	} {
		r := runAlign(t, "", c.args...)
		if r.code != 2 || !strings.Contains(r.stderr, c.want) || strings.Contains(r.stderr, "interface {}") || strings.Contains(r.stderr, "describe the situation") && c.want == "no answers" {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, r.code, r.stderr, c.want)
		}
	}
}
