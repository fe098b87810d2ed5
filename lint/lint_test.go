package lint_test

import (
	"os"
	"strings"
	"testing"

	"github.com/align-coach/align/lint"
	"github.com/align-coach/align/playbook"
)

func check(t *testing.T, doc string) lint.Report {
	t.Helper()
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lint.Check(pb, doc)
}

func clean(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("testdata/clean.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCleanPlanPasses(t *testing.T) {
	r := check(t, clean(t))
	if len(r.Findings) != 0 {
		t.Fatalf("findings on a clean plan:\n%s", r)
	}
}

func TestEachRule(t *testing.T) {
	cases := []struct {
		rule     string
		old, new string // replace old with new in the clean plan
		line     int
		severity string
	}{
		{"format-header", "SALES LEADER ALIGNMENT PLAN\n", "ALIGNMENT PLAN\n", 1, "error"},
		{"format-line", "Urgency: High. Credit for pipeline is disputed in every QBR.\n", "", 0, "error"},
		{"format-empty", "Built: 2026-11-24", "Built:", 4, "error"},
		{"type-line", "Misalignment type: Type 3, political", "Misalignment type: a bit tense", 2, "error"},
		{"format-section", "THE SEAT TO GET\nAsk for a standing invitation to the pipeline review as an observer, to learn what happens to marketing-sourced deals.\n\n", "", 0, "error"},
		{"format-order", "THE SEAT TO GET\nAsk for a standing invitation to the pipeline review as an observer, to learn what happens to marketing-sourced deals.\n\nESCALATION TRIGGER\nJordan reverses an agreement the two of you made in private, or takes a credit dispute to the board after you conceded the ambiguous deals.\n", "ESCALATION TRIGGER\nJordan reverses an agreement the two of you made in private, or takes a credit dispute to the board after you conceded the ambiguous deals.\n\nTHE SEAT TO GET\nAsk for a standing invitation to the pipeline review as an observer, to learn what happens to marketing-sourced deals.\n", 0, "error"},
		{"format-field", "What to listen for: Whether the objection is to the outcomes or to the method.\n", "", 0, "error"},
		{"placeholder", "Just the two of you.", "[one on one or with others present]", 11, "error"},
		{"em-dash", "not lead quality: Jordan", "not lead quality \u2014 Jordan", 7, "error"},
		{"en-dash", "not lead quality: Jordan", "not lead quality \u2013 Jordan", 7, "warning"},
		{"double-hyphen", "not lead quality: Jordan", "not lead quality -- Jordan", 7, "warning"},
		{"timeline-trigger", "Jordan reverses an agreement", "After 30 days without progress, or if Jordan reverses an agreement", 23, "error"},
		{"timeline-trigger", "Jordan reverses an agreement", "By the end of the quarter, if Jordan reverses an agreement", 23, "error"},
		{"early-escalation", "Just the two of you.", "You and Jordan, and bring the CEO in the room.", 11, "error"},
		{"early-escalation", "Within 30 days, credit every", "Escalate to the CEO and, within 30 days, credit every", 17, "error"},
		{"one-change", "Within 30 days, credit every ambiguous deal to sales and tell Jordan before the report goes out.", "- Credit ambiguous deals to sales.\n- Rebuild the scoring model.\n- Launch a new webinar series.", 0, "error"},
		{"one-change", "Within 30 days, credit every", "Make three changes: within 30 days, credit every", 17, "error"},
		{"one-change", "Within 30 days, credit every", "Within 30 days, credit every ambiguous deal, and as a second step rebuild the scoring; credit every", 17, "error"},
		{"presumes-wrong", "The fight is about credit", "Prove him wrong. The fight is about credit", 7, "warning"},
		{"presumes-wrong", "Ask for a standing invitation", "Win the attribution argument first. Ask for a standing invitation", 20, "warning"},
	}
	for _, c := range cases {
		t.Run(c.rule, func(t *testing.T) {
			doc := clean(t)
			if !strings.Contains(doc, c.old) {
				t.Fatalf("clean plan lacks %q", c.old)
			}
			r := check(t, strings.Replace(doc, c.old, c.new, 1))
			var found *lint.Finding
			for i, f := range r.Findings {
				if f.Rule == c.rule {
					found = &r.Findings[i]
					break
				}
			}
			if found == nil {
				t.Fatalf("rule %s not reported; findings:\n%s", c.rule, r)
			}
			if found.Severity != c.severity {
				t.Errorf("severity %s, want %s", found.Severity, c.severity)
			}
			if c.line != 0 && found.Line != c.line {
				t.Errorf("line %d, want %d", found.Line, c.line)
			}
			if found.Message == "" {
				t.Error("no message")
			}
			if (c.severity == "error") == r.OK() {
				t.Errorf("OK() = %v with a %s", r.OK(), c.severity)
			}
		})
	}
}

func TestEscalationAllowedForType4(t *testing.T) {
	doc := strings.Replace(clean(t), "Type 3, political", "Type 4, categorical opposition", 1)
	doc = strings.Replace(doc, "Just the two of you.", "First the CEO, then Jordan; bring the CEO in the room for the second.", 1)
	for _, f := range check(t, doc).Findings {
		if f.Rule == "early-escalation" {
			t.Errorf("escalation flagged for a type 4 plan: %+v", f)
		}
	}
}

func TestNegatedPhrasesAreFine(t *testing.T) {
	doc := strings.Replace(clean(t), "The fight is about credit", "Do not try to prove him wrong. The fight is about credit", 1)
	// What will not work lists the moves to avoid; naming them is the point.
	doc = strings.Replace(doc, "A more rigorous attribution model.", "Trying to win the argument.", 1)
	doc = strings.Replace(doc, "Just the two of you.", "Just the two of you; do not escalate to the CEO.", 1)
	for _, f := range check(t, doc).Findings {
		t.Errorf("unexpected finding: %+v", f)
	}
}

func TestMarkdownPlansAreUnderstood(t *testing.T) {
	md := "# SALES LEADER ALIGNMENT PLAN\n\n" + strings.Replace(strings.SplitN(clean(t), "\n", 2)[1], "Misalignment type:", "**Misalignment type:**", 1)
	md = strings.ReplaceAll(md, "\nWhen:", "\n- **When:**")
	if r := check(t, md); !r.OK() {
		t.Errorf("markdown plan fails:\n%s", r)
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("SALES LEADER ALIGNMENT PLAN\nMisalignment type: Type 1\n")
	f.Add("[x]\n\u2014\n -- \nESCALATION TRIGGER\nafter 3 weeks")
	pb, err := playbook.Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, doc string) {
		r := lint.Check(pb, doc)
		if r.Errors+r.Warnings != len(r.Findings) {
			t.Fatal("counts do not add up")
		}
	})
}

// TestGoingToTheSalesLeaderIsNotEscalation: when the sales leader is an
// unnamed CRO, the plan says "your CRO" throughout, and going to them is
// the first conversation; going to a CRO who is not the one the plan
// listens to still is an escalation.
func TestGoingToTheSalesLeaderIsNotEscalation(t *testing.T) {
	flagged := func(doc string) bool { return escalationFlagged(t, doc) }
	doc := clean(t)
	listen := field(doc, "What to listen for:")
	who := field(doc, "Who should be in the room:")
	counterpart := strings.Replace(doc, listen, "How your CRO describes a good lead and a wasted one.", 1)
	counterpart = strings.Replace(counterpart, who, "One on one, with your own manager told beforehand that you are going to your CRO directly.", 1)
	if flagged(counterpart) {
		t.Error("going to the CRO the plan is about was flagged as escalation")
	}
	other := strings.Replace(doc, who, "One on one, and then going to your CRO to settle it.", 1)
	if !flagged(other) {
		t.Error("going to a CRO the plan does not listen to was not flagged")
	}
}

func field(doc, label string) string {
	for _, l := range strings.Split(doc, "\n") {
		if strings.HasPrefix(l, label) {
			return strings.TrimSpace(strings.TrimPrefix(l, label))
		}
	}
	return ""
}

// TestOrdinalBesideAProgramIsNotAList: "the fourth trade show" names one
// thing; only an ordinal beside what is counted ("a second step") lists.
func TestOrdinalBesideAProgramIsNotAList(t *testing.T) {
	doc := strings.Replace(clean(t), "Within 30 days, credit every", "Within 30 days, cut the leads from the fourth trade show and the second webinar; credit every", 1)
	for _, f := range check(t, doc).Findings {
		if f.Rule == "one-change" {
			t.Errorf("flagged as a list: %s", f.Message)
		}
	}
}

// TestAProgramNamedForAnExecutiveIsNoEscalation: an executive's title
// before an event's noun names the event ("the CMO roundtables"), not a
// person brought into the room; the title alone still is.
func TestAProgramNamedForAnExecutiveIsNoEscalation(t *testing.T) {
	flagged := func(doc string) bool { return escalationFlagged(t, doc) }
	doc := clean(t)
	listen := field(doc, "What to listen for:")
	if flagged(strings.Replace(doc, listen, "What Jordan says went wrong with the CMO roundtables, in detail.", 1)) {
		t.Error("a program named for the CMO was flagged as escalation")
	}
	if !flagged(strings.Replace(doc, listen, "What Jordan says went wrong, with the CMO listening.", 1)) {
		t.Error("the CMO in the conversation was not flagged")
	}
}

// escalationFlagged reports whether the linter finds an early escalation
// in doc.
func escalationFlagged(t *testing.T, doc string) bool {
	t.Helper()
	for _, f := range check(t, doc).Findings {
		if f.Rule == "early-escalation" {
			return true
		}
	}
	return false
}

// TestADayOfTheMonthIsNoList: "Before the 14th, credit ..." dates the
// one change; the ordinal in digits is no "fourth" of a list.
func TestADayOfTheMonthIsNoList(t *testing.T) {
	doc := clean(t)
	if !strings.Contains(doc, "Within 30 days, credit every") {
		t.Fatal("clean plan lacks its first change")
	}
	r := check(t, strings.Replace(doc, "Within 30 days, credit every", "Before the 14th, fix the one thing Jordan complains about most and credit every", 1))
	for _, f := range r.Findings {
		if f.Rule == "one-change" {
			t.Errorf("finding %v", f)
		}
	}
}
