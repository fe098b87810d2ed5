package diagnose_test

import (
	"strings"
	"testing"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/diagnose"
	"github.com/align-coach/align/playbook"
)

func pb(t testing.TB) *playbook.Playbook {
	t.Helper()
	p, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func diag(t testing.TB, text string) align.Diagnosis {
	t.Helper()
	return diagnose.Diagnose(pb(t), nil, align.Situation{Text: text})
}

func score(d align.Diagnosis, ty align.Type) float64 {
	for _, s := range d.Scores {
		if s.Type == ty {
			return s.Score
		}
	}
	return -1
}

func TestNegatedSignalDoesNotCount(t *testing.T) {
	cases := []struct {
		name       string
		plain, neg string
		ty         align.Type
	}{
		{"categorical", "Our CRO says marketing is decoration.", "Our CRO never said marketing is decoration.", 4},
		{"credit", "Our VP of Sales keeps fighting about credit for the deals.", "It isn't about credit for the deals with our VP of Sales.", 3},
		{"junk", "Our VP of Sales is right that the leads were junk.", "Our VP of Sales is not saying the leads were junk.", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, n := score(diag(t, c.plain), c.ty), score(diag(t, c.neg), c.ty)
			if p <= 0 {
				t.Fatalf("plain sentence scored %v for type %d", p, c.ty)
			}
			if n >= p {
				t.Errorf("negated sentence scored %v, plain %v", n, p)
			}
		})
	}
}

func TestHedgedSignalCountsHalf(t *testing.T) {
	plain := score(diag(t, "Our CRO wants half our budget for AEs."), 3)
	hedged := score(diag(t, "Our CRO maybe wants half our budget for AEs."), 3)
	if plain <= 0 || hedged >= plain {
		t.Errorf("plain %v, hedged %v", plain, hedged)
	}
}

func TestSpeakerMatters(t *testing.T) {
	// The same words weigh more when the sales leader says them than when
	// the user merely wonders about them.
	said := score(diag(t, "Our CRO told me sales doesn't need marketing to hit the number."), 4)
	mine := score(diag(t, "Our CRO is new. I sometimes feel sales doesn't need marketing to hit the number."), 4)
	if said <= mine {
		t.Errorf("reported %v, user's own view %v", said, mine)
	}
}

func TestEvidenceOffsetsPointAtTheWords(t *testing.T) {
	text := "Two years in. Our VP of Sales, Dana, says marketing is a cost center and told her reps to ignore our leads."
	d := diag(t, text)
	n := 0
	for _, s := range d.Scores {
		for _, e := range s.Evidence {
			if text[e.Start:e.End] != e.Quote {
				t.Errorf("evidence %d-%d = %q, quote %q", e.Start, e.End, text[e.Start:e.End], e.Quote)
			}
			n++
		}
	}
	for _, e := range d.UrgencyReasons {
		if text[e.Start:e.End] != e.Quote {
			t.Errorf("urgency evidence %d-%d = %q, quote %q", e.Start, e.End, text[e.Start:e.End], e.Quote)
		}
	}
	if n == 0 || d.Facts.Leader.Name != "Dana" {
		t.Errorf("evidence %d, leader %+v", n, d.Facts.Leader)
	}
}

func TestParaphrasesRoute(t *testing.T) {
	cases := []struct {
		text string
		want align.Route
	}{
		{"my CRO rolls his eyes when I present", align.RouteAlignment},
		{"the head of sales treats my team like an order-taking service desk", align.RouteAlignment},
		{"I start as CMO on Monday and want the sales VP on my side from day one", align.RouteAlignment},
		{"our SVP of sales keeps telling the CEO that every deal was his reps' work", align.RouteAlignment},
		{"can you help me design lead scoring and routing rules for our handoff? sales keeps fighting us on lead quality", align.RouteSLA},
		{"what should our follow-up SLA be for demo requests", align.RouteSLA},
		{"my CFO wants me to prove marketing ROI before renewing the budget", align.RouteNone},
		{"how should I structure my content team next year", align.RouteNone},
		{"I'm an account executive and my sales manager ignores my complaints about lead quality", align.RouteNone},
	}
	for _, c := range cases {
		if got := diag(t, c.text).Route.Route; got != c.want {
			t.Errorf("%q routed %s, want %s", c.text, got, c.want)
		}
	}
}

func TestSLAEvenWithFriction(t *testing.T) {
	d := diag(t, "Our VP of Sales is furious about lead quality and we fight every month. I want to redefine the MQL criteria and scoring thresholds with him. Give me a structure.")
	if d.Route.Route != align.RouteSLA {
		t.Errorf("routed %s", d.Route.Route)
	}
}

func TestTypes(t *testing.T) {
	cases := []struct {
		text string
		want []align.Type
	}{
		{"Our VP of Sales can name the exact webinar: 600 registrations, zero opportunities. Honestly he's right.", []align.Type{1}},
		{"I'm measured on MQL volume and our VP of Sales is paid on bookings. We have never shared a number.", []align.Type{2}},
		{"Our CRO tears apart the attribution model every QBR and had RevOps re-tag the source on forty deals as self-sourced.", []align.Type{3}},
		{"Our CRO told the board that sales doesn't need marketing and called us the colouring-in department.", []align.Type{4}},
	}
	for _, c := range cases {
		d := diag(t, c.text)
		if len(d.Types) == 0 || d.Types[0] != c.want[0] {
			t.Errorf("%q: types %v, want %v first (scores %+v)", c.text, d.Types, c.want, d.Scores)
		}
	}
}

func TestProactive(t *testing.T) {
	d := diag(t, "I start as VP Marketing in two weeks. The CRO, Maya, was friendly in my interviews and there's no history between us. How do I build this relationship from day one?")
	if !d.Proactive || d.Urgency != align.UrgencyLow || d.Facts.Tenure != align.TenureNew {
		t.Errorf("proactive %v urgency %s tenure %s", d.Proactive, d.Urgency, d.Facts.Tenure)
	}
}

func TestFacts(t *testing.T) {
	d := diag(t, "Four months into my role as CMO. Our CRO, Greg, and I both report to the CEO. We share one revenue target. I sent Greg a deck on MQL conversion and I'm tempted to go straight to the CEO.")
	f := d.Facts
	if f.Tenure != align.TenureNew || f.Reporting != align.ReportingPeer || f.SharedTarget != "yes" {
		t.Errorf("facts %+v", f)
	}
	if strings.Join(f.Tried, ",") != "data_deck" || strings.Join(f.Tempted, ",") != "escalated" {
		t.Errorf("tried %v tempted %v", f.Tried, f.Tempted)
	}
	// Someone else's plan is neither tried nor weighed by the user.
	if o := diag(t, "I run RevOps and report to our CRO, Paolo. Noor runs marketing. I'm fairly sure she's planning to take it to our CEO, Elise, herself.").Facts; len(o.Tempted) > 0 || len(o.Tried) > 0 {
		t.Errorf("someone else's plan read as the user's: tried %v tempted %v", o.Tried, o.Tempted)
	}
	if f.Leader.Name != "Greg" || f.Pronoun != "they" && f.Pronoun != "he" {
		t.Errorf("leader %+v pronoun %s", f.Leader, f.Pronoun)
	}
	neg := diag(t, "Our VP of Sales and I have never shared a number.").Facts
	if neg.SharedTarget != "no" {
		t.Errorf("a negated shared target reads %s", neg.SharedTarget)
	}
}

func TestQuestionsSeparateTheCloseTypes(t *testing.T) {
	p := pb(t)
	// Different targets (2) and a credit fight (3), about equally strong.
	d := diag(t, "Our VP of Sales, Omar, is paid on bookings while I'm measured on MQL volume. He also says marketing steals credit for his team's deals and wants the attribution model changed.")
	if len(d.Questions) == 0 || len(d.Questions) > p.Diagnosis.MaxQuestion {
		t.Fatalf("questions %v (scores %+v)", d.Questions, d.Scores)
	}
	for _, q := range d.Questions {
		def, _ := p.Question(q.ID)
		ok := false
		for _, pair := range def.Separates {
			ok = ok || (pair[0] == 2 && pair[1] == 3) || (pair[0] == 3 && pair[1] == 2)
		}
		if !ok {
			t.Errorf("question %s does not separate types 2 and 3", q.ID)
		}
	}
	// A clear case asks nothing.
	clear := diag(t, "Our CRO tears apart the attribution model every QBR, calls it rigged, and had RevOps re-tag forty deals as self-sourced. He never questions the win rates, only the method.")
	if len(clear.Questions) != 0 {
		t.Errorf("clear case asked %v", clear.Questions)
	}
}

func TestAnswersShiftTheDiagnosis(t *testing.T) {
	text := "Our VP of Sales, Omar, is paid on bookings while I'm measured on MQL volume. He also says marketing steals credit for his team's deals and wants the attribution model changed."
	d := diagnose.Diagnose(pb(t), nil, align.Situation{Text: text, Answers: map[string]string{"q-pushback": "method", "q-stakes": "yes"}})
	if d.Primary() != 3 {
		t.Errorf("primary %d after answers pointing to type 3 (scores %+v)", d.Primary(), d.Scores)
	}
}

func TestMissing(t *testing.T) {
	d := diag(t, "Our CRO ignores marketing.")
	want := "duration,tenure,tried,reporting,context"
	if got := strings.Join(d.Facts.Missing, ","); got != want {
		t.Errorf("missing %s, want %s", got, want)
	}
	if len(d.Assumptions) != 5 {
		t.Errorf("assumptions %v", d.Assumptions)
	}
}

func TestDeterministic(t *testing.T) {
	text := "Our CRO, Paul, said \"I'd rather have three more AEs than your whole program\" and plans to cut marketing."
	a, b := diag(t, text), diag(t, text)
	if diagnose.Text(pb(t), a) != diagnose.Text(pb(t), b) {
		t.Error("two runs differ")
	}
}

// TestPlaybookTriggersRoute checks the playbook's own trigger phrases.
func TestPlaybookTriggersRoute(t *testing.T) {
	for _, text := range []string{
		"sales doesn't trust marketing", "VP of Sales thinks our leads are bad", "sales leader is skeptical",
		"how do I get sales on my side", "sales is blaming marketing", "I can't get a seat at the pipeline review",
		"CRO doesn't value marketing", "sales thinks we're a cost center",
	} {
		if got := diag(t, text).Route.Route; got != align.RouteAlignment {
			t.Errorf("%q routed %s", text, got)
		}
	}
}
