package plan_test

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/plan"
	"github.com/align-coach/align/sheet"
)

// corpusPlan is one corpus situation with the plan align writes for it.
type corpusPlan struct {
	c   corpus.Case
	res engine.Result
	txt string
}

// corpusDate is the date on every corpus plan.
var corpusDate = time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC)

var (
	corpusOnce  sync.Once
	corpusPlans []corpusPlan
	corpusErr   error
)

// plansOverCorpus plans every situation of every corpus author once and
// shares the plans between the tests that read them.
func plansOverCorpus(t *testing.T) []corpusPlan {
	t.Helper()
	corpusOnce.Do(func() {
		set, err := corpus.LoadAll("../corpus")
		if err != nil {
			corpusErr = err
			return
		}
		e, err := engine.New(nil)
		if err != nil {
			corpusErr = err
			return
		}
		for _, c := range set.Cases {
			res, err := e.Plan(intake.Input{Situation: c.Message}, corpusDate.Format("2006-01-02"))
			if err != nil {
				corpusErr = err
				return
			}
			if res.Plan == nil {
				continue
			}
			corpusPlans = append(corpusPlans, corpusPlan{c, res, plan.Text(*res.Plan)})
		}
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	if len(corpusPlans) < 100 {
		t.Fatalf("only %d corpus situations got a plan", len(corpusPlans))
	}
	return corpusPlans
}

// TestCorpusPlansReadAsWritten checks every plan the corpus produces for
// what filled templates get wrong: residue, doubled words, broken
// articles.
func TestCorpusPlansReadAsWritten(t *testing.T) {
	for _, p := range plansOverCorpus(t) {
		for _, f := range plan.GrammarFaultsQuoting(p.txt, p.c.Message) {
			t.Errorf("%s/%s: %s", p.c.Author, p.c.ID, f)
		}
	}
}

// TestCorpusQuotesAreVerbatimAndAttributed holds every quote a corpus
// plan cites to the text: the words are the user's, verbatim, and a quote
// the plan gives to the sales leader or to the user is not, on the fact
// sheet's reading, someone else's.
func TestCorpusQuotesAreVerbatimAndAttributed(t *testing.T) {
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	cited := 0
	for _, p := range plansOverCorpus(t) {
		sit, d := p.res.Situation, p.res.Diagnosis
		sh := sheet.Read(e.PB, sit, d)
		text := plan.Folded(sit.Text)
		body := plan.Folded(p.txt)
		for _, ct := range plan.Cited(e.PB, sit, d, corpusDate) {
			cited++
			id := p.c.Author + "/" + p.c.ID
			if !strings.Contains(text, plan.Folded(ct.Text)) {
				t.Errorf("%s: quote %q is not in the text", id, ct.Text)
			}
			if !strings.Contains(body, plan.Folded(ct.Text)) {
				t.Errorf("%s: cited %q is not in the plan", id, ct.Text)
			}
			if ct.Start < 0 || ct.End > len(sit.Text) || ct.Start >= ct.End {
				t.Errorf("%s: quote %q has no span in the text", id, ct.Text)
				continue
			}
			switch sp := sh.SpeakerAt(ct.Start); {
			case ct.Speaker == "sales_leader" && (sp == "user" || sp == "other"):
				t.Errorf("%s: %q is given to the sales leader but is the %s's", id, ct.Text, sp)
			case ct.Speaker == "user" && (sp == "sales_leader" || sp == "other"):
				t.Errorf("%s: %q is given to the user but is the %s's", id, ct.Text, strings.ReplaceAll(sp, "_", " "))
			}
		}
	}
	if cited < 100 {
		t.Errorf("only %d quotes cited over the corpus", cited)
	}
}

// TestCorpusAssumptionsAgreeWithThePlan checks that no corpus plan lists
// as assumed what the text gives or the plan itself relies on: the
// reporting line the sheet read, the sales leader's words the plan
// quotes, a direct conversation the text says already failed, or
// leadership's silence stated as fact.
func TestCorpusAssumptionsAgreeWithThePlan(t *testing.T) {
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plansOverCorpus(t) {
		sit, d := p.res.Situation, p.res.Diagnosis
		sh := sheet.Read(e.PB, sit, d)
		quotesLeader := false
		for _, ct := range plan.Cited(e.PB, sit, d, corpusDate) {
			quotesLeader = quotesLeader || ct.Speaker == "sales_leader"
		}
		body := p.txt
		if i := strings.Index(body, align.SecAssumptions); i >= 0 {
			body = body[:i]
		}
		id := p.c.Author + "/" + p.c.ID
		for _, a := range p.res.Plan.Assumptions {
			switch {
			case a.Field == "reporting" && sh.Line != "":
				t.Errorf("%s: reporting assumed, but the text gives the line (%s): %s", id, sh.Line, a.Assumed)
			case a.Field == "said" && quotesLeader:
				t.Errorf("%s: the plan quotes the sales leader, yet assumes nothing was said: %s", id, a.Assumed)
			case a.Field == "tried" && sh.Failed:
				t.Errorf("%s: the text says a direct conversation failed, yet: %s", id, a.Assumed)
			case a.Field == "context" && strings.Contains(body, "Leadership has not said"):
				t.Errorf("%s: leadership's silence is stated and assumed", id)
			}
		}
	}
}

// TestCorpusUnclearPlansFindOut checks that when the type is unclear the
// first conversation asks about and listens for the two leading types,
// from the playbook's probes.
func TestCorpusUnclearPlansFindOut(t *testing.T) {
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range plansOverCorpus(t) {
		d := p.res.Diagnosis
		if !d.Unclear || d.Proactive {
			continue
		}
		n++
		id := p.c.Author + "/" + p.c.ID
		listen := p.res.Plan.Convo.ListenFor
		found := 0
		for _, ts := range d.Scores {
			if strings.Contains(listen, e.PB.Type(int(ts.Type)).Short) {
				found++
			}
		}
		if found < 2 {
			t.Errorf("%s: unclear, but what to listen for does not tell two types apart: %s", id, listen)
		}
		if !strings.Contains(p.res.Plan.Convo.ListenFor, e.PB.Type(int(d.Primary())).Short) {
			t.Errorf("%s: unclear, but the most likely type is not among those listened for: %s", id, listen)
		}
	}
	t.Logf("%d unclear plans", n)
}

// TestCorpusPlansLintClean lints every plan the corpus produces, in text
// and Markdown.
func TestCorpusPlansLintClean(t *testing.T) {
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plansOverCorpus(t) {
		for _, doc := range []string{p.txt, plan.Markdown(*p.res.Plan)} {
			if rep := e.Lint(doc); !rep.OK() {
				t.Errorf("%s/%s fails lint:\n%s", p.c.Author, p.c.ID, rep)
			}
		}
	}
}

// TestCorpusPlansClaimOnlyWhatTheTextSays holds every corpus plan's
// factual claims to the fact sheet: lost pipeline only when the text
// speaks of deals, pipeline or leads lost or unworked; a belief older than
// the user's work only for a user new to the role; different targets as
// fact only when the text says there is no shared one and the user runs
// marketing; a sales leader's words called their own, said to the user,
// only when they were; a tenure the text gives never asked or assumed;
// "nothing is being decided" never beside a date ahead.
func TestCorpusPlansClaimOnlyWhatTheTextSays(t *testing.T) {
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plansOverCorpus(t) {
		sit, d := p.res.Situation, p.res.Diagnosis
		sh := sheet.Read(e.PB, sit, d)
		id := p.c.Author + "/" + p.c.ID
		tenure := d.Facts.Tenure
		if tenure == align.Unknown {
			tenure = sh.Tenure
		}
		claims := []struct {
			says  []string
			holds bool
			why   string
		}{
			{[]string{"costs pipeline", "costing pipeline", "costs more"}, len(sh.Lost) > 0, "lost pipeline the text does not mention"},
			{[]string{"predates anything you have shipped", "before your results existed"}, tenure == align.TenureNew, "a belief older than the work of a user who is not new"},
			{[]string{"scored on different metrics", "Marketing is measured on one thing"}, d.Facts.SharedTarget == "no" && sh.Function == "", "different targets the text does not give"},
			{[]string{"Nothing is being decided", "nothing you describe is being decided"}, len(sh.Deadlines) == 0, "nothing decided, beside a date ahead"},
			{[]string{"before the budget is settled"}, false, "a budget the text may not mention"},
		}
		for _, cl := range claims {
			for _, s := range cl.says {
				if strings.Contains(p.txt, s) && !cl.holds {
					t.Errorf("%s: %s: %q", id, cl.why, s)
				}
			}
		}
		for _, ct := range plan.Cited(e.PB, sit, d, corpusDate) {
			if ct.Speaker != "sales_leader" || !sh.ReportedAt(ct.Start) {
				continue
			}
			// The claim is about these words: it stands just before
			// them ("Duane's own words, \"...\"") or just after ("...,
			// at face value").
			for _, s := range []string{"actually said", "own words", "at face value"} {
				for i := 0; ; {
					j := strings.Index(p.txt[i:], s)
					if j < 0 {
						break
					}
					at := i + j
					near := p.txt[max(0, at-len(ct.Text)-40):min(len(p.txt), at+len(s)+len(ct.Text)+40)]
					if strings.Contains(near, ct.Text) {
						t.Errorf("%s: %q reached the user second-hand, yet the plan says %q of it", id, ct.Text, s)
					}
					i = at + len(s)
				}
			}
		}
		if len(sh.Lasting) > 0 {
			for _, a := range p.res.Plan.Assumptions {
				if a.Field == align.FieldDuration {
					t.Errorf("%s: the text says how long (%q), yet: %s", id, sh.Lasting[0].Text, a.Assumed)
				}
			}
			for _, q := range e.Questions(sit, d) {
				if q.Field == align.FieldDuration {
					t.Errorf("%s: the text says how long (%q), yet asks: %s", id, sh.Lasting[0].Text, q.Text)
				}
			}
		}
		if sh.Tenure != "" {
			for _, a := range p.res.Plan.Assumptions {
				if a.Field == align.FieldTenure {
					t.Errorf("%s: the text gives the tenure (%q), yet: %s", id, sh.TenureSpan.Text, a.Assumed)
				}
			}
			for _, q := range e.Questions(sit, d) {
				if q.Field == align.FieldTenure {
					t.Errorf("%s: the text gives the tenure (%q), yet asks: %s", id, sh.TenureSpan.Text, q.Text)
				}
			}
		}
	}
}

// TestCorpusRepairComesFirstAfterEscalation checks that a plan for a user
// who already went over the sales leader's head never sends them above
// the sales leader again before the escalation trigger: the first
// conversation, who is in the room and the first change speak to the
// sales leader alone, and nothing asks leadership for a written statement.
// The one exception is the user's own manager when the sales leader sits
// above them: going above the sales leader also went around that manager,
// and repair starts there.
func TestCorpusRepairComesFirstAfterEscalation(t *testing.T) {
	const people = `ceo|coo|cfo|president|founder|managing director|board|executive above you both`
	const phrase = `(?i)\b((ask|asking|go to|going to|first|conversation with|bring in|brief)\s+(the|your)\s+(%s)|written statement|leadership's expectations)\b`
	above := regexp.MustCompile(fmt.Sprintf(phrase, people+"|own manager"))
	aboveSkip := regexp.MustCompile(fmt.Sprintf(phrase, people))
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range plansOverCorpus(t) {
		d := p.res.Diagnosis
		above := above
		if sheet.Read(e.PB, p.res.Situation, d).Line == "skip" {
			above = aboveSkip
		}
		escalated := false
		for _, c := range d.Facts.Tried {
			escalated = escalated || c == "escalated"
		}
		if !escalated || d.Proactive {
			continue
		}
		n++
		pl := p.res.Plan
		for name, s := range map[string]string{"When": pl.Convo.When, "Who should be in the room": pl.Convo.Who, "The first change": pl.FirstChange} {
			if m := above.FindString(s); m != "" {
				t.Errorf("%s/%s: escalated already, yet %s names %q: %s", p.c.Author, p.c.ID, name, m, s)
			}
		}
	}
	t.Logf("%d plans after an escalation", n)
}

// TestCorpusPlansUseTheUsersNouns checks that no corpus plan speaks SaaS
// to a user who does not: "MQL" only to a text that speaks of MQLs or
// scoring (or a user who says they changed the MQL rules), "reps" only to
// one that speaks of reps, AEs or SDRs.
func TestCorpusPlansUseTheUsersNouns(t *testing.T) {
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	mql, reps := regexp.MustCompile(`\bMQLs?\b`), regexp.MustCompile(`(?i)\breps?\b`)
	for _, p := range plansOverCorpus(t) {
		sit, d := p.res.Situation, p.res.Diagnosis
		sh := sheet.Read(e.PB, sit, d)
		id := p.c.Author + "/" + p.c.ID
		body := p.txt
		if i := strings.Index(body, align.SecAssumptions); i >= 0 {
			body = body[:i]
		}
		changed := false
		for _, c := range d.Facts.Tried {
			changed = changed || c == "mql_change_without_sales"
		}
		if m := mql.FindString(body); m != "" && !sh.Uses("mql") && !changed {
			t.Errorf("%s: says %q to a text that never does", id, m)
		}
		if m := reps.FindString(body); m != "" && !sh.Uses("reps") {
			t.Errorf("%s: says %q to a text that never does", id, m)
		}
	}
}

// TestCorpusQuotationsAreWhole checks that every quotation a corpus plan
// cites from inside the user's quotation marks carries it to its end: a
// quote is never cut before its point at a comma.
func TestCorpusQuotationsAreWhole(t *testing.T) {
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plansOverCorpus(t) {
		sit, d := p.res.Situation, p.res.Diagnosis
		sh := sheet.Read(e.PB, sit, d)
		for _, ct := range plan.Cited(e.PB, sit, d, corpusDate) {
			q, ok := sh.QuoteAt(ct.Start)
			if ok && ct.End < q.End {
				t.Errorf("%s/%s: %q cuts the quotation %q", p.c.Author, p.c.ID, ct.Text, q.Text)
			}
		}
	}
}
