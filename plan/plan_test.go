package plan_test

import (
	"math/rand"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/eval"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/plan"
)

func eng(t testing.TB) *engine.Engine {
	t.Helper()
	e, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func build(t testing.TB, in intake.Input) (align.Diagnosis, string) {
	t.Helper()
	res, err := eng(t).Plan(in, "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Plan == nil {
		t.Fatalf("no plan: routed %s", res.Diagnosis.Route.Route)
	}
	return res.Diagnosis, plan.Text(*res.Plan)
}

func section(text, name string) string { return eval.Section(text, name) }

func field(text, label string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, label) {
			return strings.TrimSpace(strings.TrimPrefix(l, label))
		}
	}
	return ""
}

const (
	type1 = "Our VP of Sales, Hannah, can name the exact webinar: 1,400 registrations and zero opportunities. Honestly, she's right about it. Her reps stopped calling our leads. We both report to the COO. I've been here two years and haven't tried anything yet."
	type2 = "I've led marketing for two years. My bonus is tied to MQL volume; our VP of Sales, Marco, is paid on bookings. We have never shared a number. He says we celebrate form fills. We both report to the CEO."
	type3 = "Our CRO, Elena, tears apart the attribution model at every QBR, never questions the win rates, only the method, and had RevOps re-tag thirty deals as self-sourced. Her AEs get a bonus kicker. Elena and I both report to the CEO."
	type4 = "Our CRO, Victor, spent twenty years in outbound. He told me \"I've never needed marketing to hit a number.\" Marketing reports to Victor. The CEO hasn't weighed in."
)

func TestAssessmentNamesTheDriver(t *testing.T) {
	cases := []struct {
		text string
		want []string
	}{
		{type1, []string{"earned", "legitimate"}},
		{type2, []string{"structural", "scored on different", "measured on one thing"}},
		{type3, []string{"political", "politics"}},
		{type4, []string{"leadership", "executive clarity"}},
	}
	for _, c := range cases {
		_, p := build(t, intake.Input{Situation: c.text})
		a := strings.ToLower(section(p, align.SecAssessment))
		ok := false
		for _, w := range c.want {
			ok = ok || strings.Contains(a, strings.ToLower(w))
		}
		if !ok {
			t.Errorf("assessment lacks any of %v:\n%s", c.want, a)
		}
	}
	_, p := build(t, intake.Input{Situation: type4})
	if a := section(p, align.SecAssessment); !strings.Contains(a, "No better program") && !strings.Contains(a, "better results will not move it") {
		t.Errorf("type 4 assessment does not say programs will not fix it:\n%s", a)
	}
}

func TestOpeningLineIsQuotedAndNamed(t *testing.T) {
	for _, text := range []string{type1, type2, type3, type4} {
		d, p := build(t, intake.Input{Situation: text})
		open := field(p, align.LabelOpen)
		if !strings.HasPrefix(open, "\""+d.Facts.Leader.Name+",") {
			t.Errorf("opening is not a quoted line to %s: %s", d.Facts.Leader.Name, open)
		}
	}
	_, p := build(t, intake.Input{Situation: "Our VP of Sales says marketing's leads were junk, and honestly he is right about it."})
	if open := field(p, align.LabelOpen); !strings.HasPrefix(open, "\"") || strings.HasPrefix(open, "\"Your") {
		t.Errorf("unnamed opening reads oddly: %s", open)
	}
}

func TestWhatNotToSayFollowsTheTemptation(t *testing.T) {
	_, p := build(t, intake.Input{Situation: type2 + " Part of me wants to send him the spreadsheet of follow-up times tonight."})
	if ns := field(p, align.LabelNotSay); !strings.Contains(ns, "data") {
		t.Errorf("what not to say ignores the data temptation: %s", ns)
	}
	_, p = build(t, intake.Input{Situation: type3 + " I'm tempted to go straight to the CEO."})
	if ns := field(p, align.LabelNotSay); !strings.Contains(ns, "CEO") && !strings.Contains(ns, "head") {
		t.Errorf("what not to say ignores the escalation temptation: %s", ns)
	}
}

func TestFirstChangeIsOneThingWithin30Days(t *testing.T) {
	for _, text := range []string{type1, type2, type3, type4} {
		_, p := build(t, intake.Input{Situation: text})
		fc := section(p, align.SecFirstChange)
		if !strings.Contains(fc, "30 days") {
			t.Errorf("first change has no 30-day frame: %s", fc)
		}
		if strings.Count(fc, "\n- ") > 0 {
			t.Errorf("first change is a list: %s", fc)
		}
	}
}

func TestSeat(t *testing.T) {
	_, p := build(t, intake.Input{Situation: type3 + " I already sit in on the weekly pipeline review every week."})
	if s := section(p, align.SecSeat); !strings.Contains(s, "already have a seat") {
		t.Errorf("seat section ignores the seat the user has: %s", s)
	}
	_, p = build(t, intake.Input{Situation: type3})
	if s := section(p, align.SecSeat); !strings.Contains(s, "observe") && !strings.Contains(s, "observer") {
		t.Errorf("seat section does not ask to observe: %s", s)
	}
}

func TestEscalation(t *testing.T) {
	for _, text := range []string{type1, type2, type3} {
		_, p := build(t, intake.Input{Situation: text})
		esc := section(p, align.SecEscalation)
		if strings.Contains(strings.ToLower(esc), "immediately") {
			t.Errorf("escalation is immediate for a non type 4 case: %s", esc)
		}
	}
	_, p := build(t, intake.Input{Situation: type4})
	if esc := section(p, align.SecEscalation); !strings.Contains(esc, "clarity") {
		t.Errorf("type 4 escalation does not lead with executive clarity: %s", esc)
	}
	_, p = build(t, intake.Input{Situation: type3, Tried: []string{"escalated"}})
	if esc := section(p, align.SecEscalation); !strings.Contains(esc, "escalated once") {
		t.Errorf("escalation ignores the earlier escalation: %s", esc)
	}
	if a := section(p, align.SecAssessment); !strings.Contains(a, "repair") {
		t.Errorf("assessment does not address repairing the escalation: %s", a)
	}
}

func TestWillNotWorkFollowsWhatWasTried(t *testing.T) {
	_, p := build(t, intake.Input{Situation: type1, Tried: []string{"mql_change_without_sales"}})
	if w := section(p, align.SecWillNotWork); !strings.Contains(w, "MQL definition") {
		t.Errorf("will not work ignores the MQL change: %s", w)
	}
	_, p = build(t, intake.Input{Situation: type2, Tried: []string{"data_deck"}})
	if w := section(p, align.SecWillNotWork); !strings.Contains(w, "data") {
		t.Errorf("will not work ignores the data deck: %s", w)
	}
}

func TestProactivePlanHasNoRepairLanguage(t *testing.T) {
	d, p := build(t, intake.Input{Situation: "I start as CMO at a Series B company in three weeks. The CRO, Anita, sat on my interview panel and we clicked. There's no bad blood between sales and marketing and I'd like to keep it that way. We'll both report to the CEO."})
	if !d.Proactive {
		t.Fatalf("not read as proactive: %+v", d.Scores)
	}
	if !strings.Contains(p, "Misalignment type: None yet (proactive)") {
		t.Errorf("type line: %s", field(p, align.LabelType))
	}
	for _, w := range []string{"repair", "earned", "escalation has already", "went over"} {
		if strings.Contains(strings.ToLower(p), w) {
			t.Errorf("proactive plan uses repair language %q", w)
		}
	}
}

func TestPeerAndSeniorDiffer(t *testing.T) {
	_, peer := build(t, intake.Input{Situation: type1, Reporting: "peer"})
	_, senior := build(t, intake.Input{Situation: type1, Reporting: "senior"})
	if field(peer, align.LabelWho) == field(senior, align.LabelWho) {
		t.Error("who is in the room is the same for a peer and a senior sales leader")
	}
}

// The playbook's format has no section for assumptions: the assessment
// says them in its last sentence, the text has nothing after the last
// section, and the JSON keeps each with the question that settles it.
func TestAssumptionsEndTheAssessment(t *testing.T) {
	cases := []struct {
		text string
		want []string // clauses the assessment's last sentence holds
		n    int      // assumptions in the JSON
	}{
		{"Our VP of Sales says marketing's leads are junk.", []string{"if any of these is wrong", "that you are established in your role", "that your VP of Sales does not sit above you"}, 5},
		{"I'm VP Marketing, two years in. Our VP of Sales, Dana, says marketing's leads are junk; she has said it since March. We both report to the CEO, our revenue target is shared, and the CEO sees it. I have not raised it with her yet.", nil, 0},
	}
	for _, c := range cases {
		res, err := eng(t).Plan(intake.Input{Situation: c.text}, "")
		if err != nil || res.Plan == nil {
			t.Fatalf("%q: no plan (%v)", c.text, err)
		}
		p := plan.Text(*res.Plan)
		if strings.Contains(p, align.SecAssumptions) {
			t.Errorf("%q: an ASSUMPTIONS section outside the format:\n%s", c.text, p)
		}
		if !strings.HasSuffix(p, res.Plan.WillNotWork+"\n") {
			t.Errorf("%q: text after the last section:\n%s", c.text, p)
		}
		if len(res.Plan.Assumptions) != c.n {
			t.Errorf("%q: %d assumptions, want %d: %+v", c.text, len(res.Plan.Assumptions), c.n, res.Plan.Assumptions)
		}
		for _, a := range res.Plan.Assumptions {
			if a.Question == "" {
				t.Errorf("%q: assumption %s has no question", c.text, a.Field)
			}
		}
		a := res.Plan.Assessment
		last := a[strings.LastIndex(a, ". ")+2:]
		assumes := strings.Contains(last, "this plan assumes")
		if assumes != (c.n > 0) {
			t.Errorf("%q: last sentence %q, want an assumptions sentence %v", c.text, last, c.n > 0)
		}
		for _, w := range c.want {
			if !strings.Contains(last, w) {
				t.Errorf("%q: last sentence %q lacks %q", c.text, last, w)
			}
		}
	}
}

// TestRevOpsBetweenTwoHeadsNamesBoth: a RevOps user between a CRO and a
// VP Marketing gets a plan that names both and stops ruling on credit; a
// marketing user's plan about the same CRO does not speak of a marketer.
func TestRevOpsBetweenTwoHeadsNamesBoth(t *testing.T) {
	const dispute = " Since October Graham has been pushing me to set the source field to \"Sales\" whenever an SDR books the first meeting, which would take marketing-sourced pipeline from 41% to 18%. He wants to move £240k of events budget into two account executives, using the lower number as his evidence. How do I handle Graham?"
	_, p := build(t, intake.Input{Situation: "I run Revenue Operations at a ticketing software company, about 210 staff. I report to the CFO. Our CRO, Graham Baird, and our VP Marketing, Leah Okafor, both report to the CEO." + dispute})
	if !strings.Contains(section(p, align.SecAssessment), "between Graham and Leah") {
		t.Errorf("assessment does not place the user between the two:\n%s", section(p, align.SecAssessment))
	}
	if s := section(p, align.SecFirstChange); !strings.Contains(s, "Graham and Leah") {
		t.Errorf("first change does not put the rule to both:\n%s", s)
	}
	_, q := build(t, intake.Input{Situation: "I run marketing at a ticketing software company, about 210 staff. Our CRO, Graham Baird, and I both report to the CEO." + dispute})
	if strings.Contains(section(q, align.SecAssessment), "You stand between") {
		t.Errorf("a marketing user is placed between two heads:\n%s", section(q, align.SecAssessment))
	}
}

func TestWinTogetherUsesNames(t *testing.T) {
	_, p := build(t, intake.Input{Situation: type3 + " The Acme deal that closed this week started as one of our webinar leads; our rep Jamal ran a great discovery."})
	s := section(p, align.SecSeat)
	if !strings.Contains(s, "Acme deal") || !strings.Contains(s, "Jamal") {
		t.Errorf("win-together advice does not use the deal and rep:\n%s", s)
	}
}

func TestDeterministic(t *testing.T) {
	_, a := build(t, intake.Input{Situation: type3})
	_, b := build(t, intake.Input{Situation: type3})
	if a != b {
		t.Error("two runs differ")
	}
}

// TestEveryPlanLintsClean feeds generated situations, built from the
// playbook's own phrasing mixed with noise, through the whole pipeline and
// lints every plan that comes out.
func TestEveryPlanLintsClean(t *testing.T) {
	e := eng(t)
	pieces := []string{
		"Our VP of Sales, Dana, says marketing's leads are junk.", "Our CRO calls marketing a cost center.",
		"I'm measured on MQL volume and he is paid on bookings.", "He tears apart the attribution model every QBR.",
		"She told her reps to ignore our leads.", "I start as CMO next month.", "We both report to the CEO.",
		"Marketing reports to the CRO.", "I sent him a deck proving our leads convert.", "I went over his head to the CEO.",
		"I'm tempted to go straight to the board.", "The board is questioning marketing's budget.",
		"There's no history between us yet.", "He said \"sales doesn't need marketing\".", "Honestly he's right about the webinar.",
		"The Acme deal closed; our rep Jamal ran discovery.", "I already sit in on the pipeline review every week.",
		"We share one revenue target.", "The CEO hasn't weighed in.", "I promised 40% of pipeline from marketing.",
		"asdf qwer", "¿Qué?", "\u201cquoted\u201d words", "I changed the MQL scoring without telling her.",
	}
	r := rand.New(rand.NewSource(7))
	tried := []string{"escalated", "data_deck", "mql_change_without_sales", "committed_number", "direct_conversation", "asked_pipeline_seat", "shared_metric", "credited_sales", "program_change"}
	plans := 0
	for i := 0; i < 400; i++ {
		var parts []string
		for k := 0; k < 1+r.Intn(6); k++ {
			parts = append(parts, pieces[r.Intn(len(pieces))])
		}
		in := intake.Input{Situation: strings.Join(parts, " ")}
		if r.Intn(3) == 0 {
			in.Tried = []string{tried[r.Intn(len(tried))]}
		}
		if r.Intn(3) == 0 {
			in.Reporting = []string{"peer", "senior"}[r.Intn(2)]
		}
		if r.Intn(4) == 0 {
			in.Tenure = []string{"new", "established"}[r.Intn(2)]
		}
		res, err := e.Plan(in, "")
		if err != nil {
			t.Fatalf("%q: %v", in.Situation, err)
		}
		if res.Plan == nil {
			continue
		}
		plans++
		for _, text := range []string{plan.Text(*res.Plan), plan.Markdown(*res.Plan)} {
			if rep := e.Lint(text); !rep.OK() {
				t.Fatalf("plan for %q fails lint:\n%s\n%s", in.Situation, rep, text)
			}
		}
	}
	if plans < 100 {
		t.Errorf("only %d of 400 generated situations got a plan", plans)
	}
}

func FuzzPipelineLintsClean(f *testing.F) {
	f.Add("Our CRO says sales doesn't need marketing and wants half our budget.")
	f.Add("I start as VP Marketing next week; the VP of Sales seems guarded.")
	// A move whose object is a pronoun, after a blank line: the sentence
	// numbered for the blank stretch holds no token.
	f.Add("Renato is our Diretor Comercial.\n\nFair enough, it was bad.\n\nThis year was different and I wanted to show that.")
	e := eng(f)
	f.Fuzz(func(t *testing.T, text string) {
		res, err := e.Plan(intake.Input{Situation: text}, "")
		if err != nil || res.Plan == nil {
			return
		}
		if rep := e.Lint(plan.Text(*res.Plan)); !rep.OK() {
			t.Fatalf("plan fails lint:\n%s", rep)
		}
	})
}

// TestUnclearFirstConversationFindsOut builds plans for unclear
// diagnoses by hand and checks that the first conversation asks about
// and listens for the two leading types, in the playbook's probes.
func TestUnclearFirstConversationFindsOut(t *testing.T) {
	e := eng(t)
	cases := []struct {
		name   string
		scores []align.TypeScore
	}{
		{"political or earned", []align.TypeScore{{Type: 3, Score: 0.4}, {Type: 1, Score: 0.35}, {Type: 2, Score: 0.1}, {Type: 4, Score: 0.05}}},
		{"categorical or structural", []align.TypeScore{{Type: 2, Score: 0.3}, {Type: 4, Score: 0.38}, {Type: 1, Score: 0.1}, {Type: 3, Score: 0.05}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			top, next := c.scores[0].Type, c.scores[1].Type
			if c.scores[1].Score > c.scores[0].Score {
				top, next = next, top
			}
			sit := align.Situation{Text: "Our sales director and I do not get on. She says marketing is a problem."}
			d := align.Diagnosis{Route: align.RouteResult{Route: align.RouteAlignment}, Scores: c.scores, Types: []align.Type{top}, Unclear: true, Urgency: "moderate"}
			p := plan.Build(e.PB, sit, d, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC))
			for _, ty := range []align.Type{top, next} {
				if !strings.Contains(p.Convo.ListenFor, e.PB.Type(int(ty)).Short) {
					t.Errorf("listen for does not name %s: %s", e.PB.Type(int(ty)).Short, p.Convo.ListenFor)
				}
				if ask := e.PB.Plan.Probes[int(ty)].Ask; !strings.Contains(p.Convo.Open, ask) {
					t.Errorf("the opening does not ask about %q: %s", ask, p.Convo.Open)
				}
			}
			if rep := e.Lint(plan.Text(p)); !rep.OK() {
				t.Errorf("plan fails lint:\n%s", rep)
			}
		})
	}
}

func TestProactiveTypeLineKeepsASharedTarget(t *testing.T) {
	text := "I start as head of marketing next month. Our VP of Sales, Dana, has been welcoming. How do I start well with her?"
	in := intake.Input{Situation: text}
	in.Context.SharedTarget = "yes"
	d, p := build(t, in)
	if !d.Proactive {
		t.Fatalf("not read as proactive: types %v", d.Types)
	}
	line := strings.SplitN(p, "\n", 3)[1]
	if d.Risk == 2 || strings.Contains(line, "watch for the structural risk") {
		t.Errorf("type line %q (risk %d): a shared target is not a structural risk", line, d.Risk)
	}
}

func TestType4WithAMandateDoesNotSayLeadershipNeverSpoke(t *testing.T) {
	text := "Our CRO, Rick, spent twenty years in outbound. On my first day he introduced me as \"the make-it-pretty department\" and said his SDRs carry the number. The CEO hired me to build an inbound engine, but I do not know if he ever told Rick."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 || d.Facts.LeadershipSees != "unknown" {
		t.Fatalf("read as type %d, leadership sees %s: want Type 4 with leadership unknown", d.Primary(), d.Facts.LeadershipSees)
	}
	a := section(p, "SITUATION ASSESSMENT")
	if strings.Contains(a, "Nothing you describe shows leadership saying") || !strings.Contains(a, "Leadership has told you what it wants from marketing") {
		t.Errorf("assessment ignores the mandate the text gives:\n%s", a)
	}
}

// TestType4WithAMandateLeadershipDoesNotEnforce: leadership set what it
// wants from marketing and then stepped back; the plan says it has not
// made it hold, not that it never spoke.
func TestType4WithAMandateLeadershipDoesNotEnforce(t *testing.T) {
	text := "Our CRO, Rick, spent twenty years in outbound and says he has built three teams without a marketing department. He told the reps inbound is gravy and moved our SDRs to outbound without telling me. Our CEO set the 2027 board plan at 45% inbound pipeline and Rick signed off on it, but when I raised it with her she said \"you two figure it out\"."
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Types, d.Proactive, d.Facts.LeadershipSees, d.Facts.Tried = []align.Type{4}, false, "no", nil
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if a := section(p, "SITUATION ASSESSMENT"); strings.Contains(a, "Leadership has not said what marketing is for") || !strings.Contains(a, "has not made it hold with Rick") {
		t.Errorf("assessment ignores the plan leadership set:\n%s", a)
	}
}

// TestSeatIsTheMeetingTheUserNames: the seat to get is the sales team's
// meeting by the user's name for it, not a generic pipeline review.
func TestSeatIsTheMeetingTheUserNames(t *testing.T) {
	text := "Our CRO, Tom, says our leads are junk and I think he is mostly right. His reps never call them. We both report to the CEO. I'd like to sit in on his Thursday forecast call."
	_, p := build(t, intake.Input{Situation: text})
	if s := section(p, align.SecSeat); !strings.Contains(s, "Thursday forecast call") {
		t.Errorf("seat does not name the Thursday forecast call:\n%s", s)
	}
}

// TestWordsSaidToOthersAreNotCalledSecondHand: words the sales leader
// said to their team are a public position; only words someone passed
// on are called second-hand.
func TestWordsSaidToOthersAreNotCalledSecondHand(t *testing.T) {
	for _, c := range []struct {
		text       string
		secondHand bool
	}{
		{"Our VP of Sales, Sally, never wanted ABM. At kickoff she told her reps our target list was \"marketing's wish list\". Engagement is zero. We both report to the CEO.", false},
		{"Our VP of Sales, Sally, never wanted ABM. One of her reps told me she calls our target list \"marketing's wish list\". Engagement is zero. We both report to the CEO.", true},
	} {
		_, p := build(t, intake.Input{Situation: c.text})
		a := section(p, align.SecAssessment)
		got := strings.Contains(a, "second-hand") || strings.Contains(a, "through others")
		if got != c.secondHand {
			t.Errorf("%q: assessment calls the words second-hand: %v, want %v\n%s", c.text, got, c.secondHand, a)
		}
	}
}

// TestRevOpsBesideACMONamesMarketing: a RevOps lead who works beside a
// CMO is not the team judged against sales; the plan says marketing.
func TestRevOpsBesideACMONamesMarketing(t *testing.T) {
	text := "I'm Head of RevOps, reporting to the CFO. Marketing is paid on MQL volume and sales on bookings, and there is no shared number. Our CRO, Tom, ignores the MQLs. Our CMO still defends the MQL number."
	_, p := build(t, intake.Input{Situation: text})
	if strings.Contains(p, "RevOps and Tom's team") {
		t.Errorf("the plan sets RevOps against sales although a CMO runs marketing:\n%s", section(p, align.SecAssessment))
	}
}

// TestWhatWillNotWorkNamesEachThingTriedOnce: two things already tried
// are both named, each once, in what will not work.
func TestWhatWillNotWorkNamesEachThingTriedOnce(t *testing.T) {
	text := "Our VP of Sales, Hannah, says our leads are junk, and she is right. I sent her a deck of conversion data last month and it made things worse. In January I promised the CEO 40 qualified opportunities by June; we have 11. We both report to the COO."
	d, p := build(t, intake.Input{Situation: text})
	if !slices.Contains(d.Facts.Tried, "data_deck") || !slices.Contains(d.Facts.Tried, "committed_number") {
		t.Skipf("reader found %v; this test needs both", d.Facts.Tried)
	}
	w := section(p, align.SecWillNotWork)
	if strings.Count(w, "number you committed to") != 1 || !strings.Contains(w, "deck") {
		t.Errorf("what will not work should name the deck and the committed number once each:\n%s", w)
	}
}

// TestTypeFourWithTheSalesLeaderAsBoss: when the sales leader is the
// user's own manager, executive clarity goes through them: the plan never
// sends the user to leadership first and alone.
func TestTypeFourWithTheSalesLeaderAsBoss(t *testing.T) {
	text := "I joined seven weeks ago as marketing manager. I report to Gary, our VP Sales & Marketing, who has run sales here for 26 years. Gary told me \"The reps are the marketing.\" The president hired me to build web quotes. Do I go to the president?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Skipf("read as %v; this test needs Type 4", d.Types)
	}
	who := field(p, "Who should be in the room:")
	if strings.HasPrefix(who, "Two separate conversations") || !strings.HasPrefix(who, "Gary") {
		t.Errorf("who should be Gary first, not leadership: %s", who)
	}
	if e := section(p, align.SecEscalation); !strings.Contains(e, "through Gary") {
		t.Errorf("escalation should go through Gary:\n%s", e)
	}
}

// Each move the user weighs is answered by its kind, in their words,
// once: an escalation first, a rerouting of leads on their own after it.
func TestWhatWillNotWorkAnswersEachMoveWeighed(t *testing.T) {
	text := "I am Head of Marketing. Our Sales Director, Bernd, says our leads are brochure collectors and his area managers call almost none of them. We both report to the Managing Director. I am thinking to propose that the MD puts lead follow-up into the targets of the area managers. Or I stop sending leads to area managers and give them only to inside sales. What is the right way?"
	_, p := build(t, intake.Input{Situation: text})
	w := section(p, align.SecWillNotWork)
	for _, want := range []string{
		"Going over Bernd's head, as you are weighing (\"propose that the MD puts lead follow-up into the targets of the area managers\")",
		"(\"stop sending leads to area managers and give them only to inside sales\")",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("what will not work lacks %q:\n%s", want, w)
		}
	}
	if strings.Count(w, "propose that the MD") != 1 {
		t.Errorf("a move is quoted more than once:\n%s", w)
	}
	// An option weighed is not a change made.
	if a := section(p, align.SecAssessment); strings.Contains(a, "stop sending leads") {
		t.Errorf("the assessment treats an option as a change made:\n%s", a)
	}
}

// A number the user is tempted to promise is answered as a number, and
// what not to say in the first conversation says so.
func TestANumberWeighedIsAnsweredAsANumber(t *testing.T) {
	text := "Our VP of Sales, Gwen, says our MQLs are gift card people and her reps stopped calling them. We both report to the CEO. The CEO wants a marketing pipeline number for next year and I'm tempted to say $5M. How do I handle Gwen?"
	_, p := build(t, intake.Input{Situation: text})
	if w := section(p, align.SecWillNotWork); !strings.Contains(w, "Naming a number now, as you are weighing (\"say $5M\")") {
		t.Errorf("what will not work does not answer the number:\n%s", w)
	}
	if c := section(p, align.SecFirstConvo); !strings.Contains(c, "What not to say: A figure for pipeline") {
		t.Errorf("what not to say does not name the number:\n%s", c)
	}
}

// What the sales leader asked marketing for, to the user's face, is the
// first change of a categorical plan; a request said to the team is not.
func TestFirstChangeIsWhatTheSalesLeaderAsked(t *testing.T) {
	for _, c := range []struct {
		text, want string
	}{
		{"I report to Gary, VP Sales & Marketing. He said \"We grew for 40 years without a marketing department. The reps are the marketing.\" I showed him the web quote numbers. He flipped through it and said \"Pretty. Now go redo the line card.\"", "(\"go redo the line card\")"},
		{"I report to Gary, VP Sales & Marketing. He said \"We grew for 40 years without a marketing department. The reps are the marketing.\" He told his reps to \"bring your accounts home\" and ignore the website.", ""},
	} {
		_, p := build(t, intake.Input{Situation: c.text})
		ch := section(p, align.SecFirstChange)
		if got := strings.Contains(ch, "asked of marketing"); got != (c.want != "") || !strings.Contains(ch, c.want) {
			t.Errorf("%q: first change:\n%s\nwant %q", c.text, ch, c.want)
		}
	}
}

// A seat the user had and lost is not asked for as if it were new.
func TestALostSeatIsNotAskedForAsNew(t *testing.T) {
	text := "I report to our VP Marketing, who reports to the CRO, Simone. Simone rejects our attribution and says marketing inflates its numbers. I've since been dropped from the Thursday forecast call I'd attended for two years."
	_, p := build(t, intake.Input{Situation: text})
	s := section(p, align.SecSeat)
	if !strings.HasPrefix(s, "Not yet. You have already lost the seat you had") {
		t.Errorf("seat:\n%s", s)
	}
}

// A seat the user already has is used, not asked for.
func TestASeatHeldIsNotAskedFor(t *testing.T) {
	text := "Our VP of Sales, Jo, ignores our MQLs and says they are junk. We both report to the CEO. I sit in on the Monday forecast call every week and say nothing."
	_, p := build(t, intake.Input{Situation: text})
	if s := section(p, align.SecSeat); !strings.HasPrefix(s, "You already have a seat") {
		t.Errorf("seat:\n%s", s)
	}
}

// TestEvidenceIsNotTheUsersOwnMove: the sentence where the user tells of
// a deck they sent, or weighs an option, says what they did, not what the
// situation is; the type's evidence comes from elsewhere.
func TestEvidenceIsNotTheUsersOwnMove(t *testing.T) {
	for _, text := range []string{
		"Oksana, our VP of Sales, and I are peers. Last spring I bought a content syndication program, roughly 2,300 leads, and we got 11 opportunities out of it. Now her reps ignore anything from us. I built a deck showing marketing touched 41% of closed-won this year and sent it to her before our 1:1. Her whole reply was \"touched by what, a newsletter open?\" and then she cancelled the 1:1.",
		"I report to Hector, our CRO. My target is 1,500 MQLs a quarter, and his AEs are paid only on deals over $25k while our inbound is $8k. He said on the forecast call: \"Marketing hit its number again and my team missed theirs.\" Options I see: put the threshold back to 40. Or go to the CEO about the MQL target being the wrong target.",
	} {
		d, p := build(t, intake.Input{Situation: text})
		a := section(p, align.SecAssessment)
		for _, q := range strings.Split(a, "(\"")[1:] {
			q, _, _ = strings.Cut(q, "\")")
			for _, bad := range []string{"I built a deck", "go to the CEO about", "put the threshold back"} {
				if strings.Contains(q, bad) {
					t.Errorf("type %d assessment cites the user's own move %q as evidence:\n%s", d.Primary(), q, a)
				}
			}
			// An aside between commas is never the whole quote.
			if len(strings.Fields(q)) <= 4 {
				t.Errorf("type %d assessment quotes a fragment %q:\n%s", d.Primary(), q, a)
			}
		}
	}
}

// TestAnEscalationWithoutAMandateDoesNotInventOne: after the user went to
// the CEO, a plan speaks of a mandate only when leadership gave one.
func TestAnEscalationWithoutAMandateDoesNotInventOne(t *testing.T) {
	text := "Our CCO, Fergus, had our 38% marketing-sourced slide pulled from the board pack. He says his team's work is being relabelled. Then I took the attribution workbook straight to our CEO without telling him. She forwarded it to Fergus with \"can you two sort this out.\" He hasn't said a word to me since."
	d, p := build(t, intake.Input{Situation: text})
	if !slices.Contains(d.Facts.Tried, "escalated") {
		t.Fatalf("escalation not read as tried: %v", d.Facts.Tried)
	}
	if strings.Contains(p, "mandate") {
		t.Errorf("plan speaks of a mandate the text never gives:\n%s", p)
	}
	if strings.Contains(section(p, align.SecAssessment), "Fergus's own words") {
		t.Errorf("the CEO's words are given to Fergus:\n%s", p)
	}
}

// TestASeatHeldSometimesIsMadeStanding: a user invited now and then is
// told to make the seat standing, not to ask for one as if new.
func TestASeatHeldSometimesIsMadeStanding(t *testing.T) {
	text := "Our VP of Sales, Oksana, and I are peers. Last spring I bought a syndication program, 2,300 leads and one deal, and she said in the Monday pipeline meeting (I get invited about once a month when marketing has an agenda item) that her reps are done calling our leads. She had a point."
	_, p := build(t, intake.Input{Situation: text})
	s := section(p, align.SecSeat)
	if !strings.Contains(s, "once a month") || !strings.Contains(s, "standing") {
		t.Errorf("seat ignores the seat the user has some of the time:\n%s", s)
	}
}

// TestTheFirstConversationIsTheMeetingAlreadyBooked: a 1:1 already on
// the calendar is where the first conversation happens.
func TestTheFirstConversationIsTheMeetingAlreadyBooked(t *testing.T) {
	text := "I started as VP Marketing three weeks ago. Yolanda, our SVP Sales, told me the last VP promised her 300 SQLs and delivered a newsletter. We both report to the CEO. Our first proper 1:1 is this Thursday. How should I approach her?"
	_, p := build(t, intake.Input{Situation: text})
	if w := field(section(p, align.SecFirstConvo), "When:"); !strings.Contains(w, "already booked for Thursday 26 November") {
		t.Errorf("When ignores the 1:1 already booked: %q", w)
	}
	// A date it cannot name for certain: the user's words, quoted.
	text = strings.Replace(text, "this Thursday", "next Thursday", 1)
	_, p = build(t, intake.Input{Situation: text})
	if w := field(section(p, align.SecFirstConvo), "When:"); !strings.Contains(w, "next Thursday") {
		t.Errorf("When ignores the 1:1 already booked: %q", w)
	}
}

// TestTheFirstConversationNamesTheDate: a date the user gives is named
// in When and in the urgency line as a day, resolved against the plan's
// date (2026-11-24, a Tuesday), not quoted, the earliest of two in one
// sentence first; a weekday after "next" may be this week's or the one
// after, so it is not resolved.
func TestTheFirstConversationNamesTheDate(t *testing.T) {
	for _, tt := range []struct{ text, due string }{
		{"I report to Hector, our CRO. My target is 1,500 MQLs a quarter; his AEs are paid on new ARR over $25k, and our inbound is $8k deals, so they skip it. He said on the forecast call: \"Marketing hit its number again and my team missed theirs.\" FY27 targets and comp plans get locked by January 10 for SKO.", "10 January"},
		{"Our VP of Sales, Roy, does not take our leads seriously: the webinar gave 412 registrants and 0 opportunities, and his reps mock our MQLs in Slack. My slides for the planning offsite are due this Friday. What should I do about Roy?", "Friday 27 November"},
		{"Our VP of Sales, Roy, does not take our leads seriously: the webinar gave 412 registrants and 0 opportunities, and his reps mock our MQLs in Slack. My slides for the planning offsite are due next Friday. What should I do about Roy?", ""},
		{"Our Chief Sales Officer, Dale, says sales does not need marketing to hit its number, and his budget draft cuts marketing by half. The board meets on 15 December and the board pack locks on 8 December. Should I go to the CEO?", "8 December"},
	} {
		_, p := build(t, intake.Input{Situation: tt.text})
		u := strings.SplitN(strings.SplitN(p, "Urgency: ", 2)[1], "\n", 2)[0]
		w := field(section(p, align.SecFirstConvo), "When:")
		// A Type 4 When is about whom to see first, not when.
		if tt.due != "" && (!strings.Contains(w, tt.due) && !strings.HasPrefix(w, "After you have had") || !strings.Contains(u, tt.due)) {
			t.Errorf("When or Urgency does not name %s:\n%s\n%s", tt.due, u, w)
		}
		if tt.due == "" && strings.Contains(u+w, "Friday 27 November") {
			t.Errorf("\"next Friday\" resolved to this week's:\n%s\n%s", u, w)
		}
	}
}

// TestStructuralOpeningWithTheSalesLeaderAsBoss: a sales leader who is
// the user's manager knows what both teams are paid on; the opening puts
// the two targets side by side instead of asking.
func TestStructuralOpeningWithTheSalesLeaderAsBoss(t *testing.T) {
	text := "I report to Hector, our CRO; he owns sales and marketing. My target is 1,500 MQLs a quarter, and his AEs are paid only on deals over $25k while our inbound is $8k deals, so they skip it. He said on the forecast call: \"Marketing hit its number again and my team missed theirs.\" We have never had a shared number."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 2 {
		t.Skipf("read as type %d; this checks the structural opening", d.Primary())
	}
	o := field(section(p, align.SecFirstConvo), align.LabelOpen)
	if strings.Contains(o, "what your team is paid") || !strings.Contains(o, "side by side") {
		t.Errorf("opening asks the boss what they already know: %q", o)
	}
}

// TestTypeFourTwoLevelsUpGoesThroughTheUsersManager: when the sales
// leader sits two levels up, executive clarity is asked for through the
// user's own manager, and emailing the CEO is answered as skipping two
// levels.
func TestTypeFourTwoLevelsUpGoesThroughTheUsersManager(t *testing.T) {
	text := "Six weeks into a job as head of digital marketing. I report to the Director of Marketing Communications, who reports to Deborah, our Chief Commercial Officer. At my first staff meeting she said \"we've sold pumps for sixty years without leads from a website,\" and that marketing's job is the catalog. Nobody above us has said what marketing is for. I'm tempted to just email the CEO."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Skipf("read as type %d; this checks the categorical plan", d.Primary())
	}
	if w := section(p, align.SecFirstConvo); !strings.Contains(w, "your own manager") {
		t.Errorf("first conversation skips the user's manager:\n%s", w)
	}
	if w := section(p, align.SecWillNotWork); !strings.Contains(w, "email the CEO") || strings.Contains(w, "on your own, as you are weighing") {
		t.Errorf("what will not work does not answer the email to the CEO as skipping levels:\n%s", w)
	}
}

// TestEvidenceKeepsATermAndTheFiguresAfterIt: a quoted name inside the
// record's clause does not end the quote, and the figures in the asides
// after it stay with it.
func TestEvidenceKeepsATermAndTheFiguresAfterIt(t *testing.T) {
	text := "Bettina is our VP of Sales and we both report to Ahmed, our CRO. Since the summer her reps have stopped touching MQLs. OK, honestly, some of this is on us. Last year we ran the \"Payroll Compliance 2025\" webinar series, 1,900 registrants, our best MQL quarter ever, and it turned into 3 opportunities. Bettina remembers all of it."
	d, p := build(t, intake.Input{Situation: text})
	a := section(p, align.SecAssessment)
	if d.Primary() == 1 && strings.Contains(a, "ran the \"") || strings.Contains(a, "we ran the\")") {
		t.Errorf("evidence cut at a quoted name:\n%s", a)
	}
	if strings.Contains(a, "Payroll Compliance 2025") && !strings.Contains(a, "3 opportunities") {
		t.Errorf("evidence drops the figures after the program:\n%s", a)
	}
}

// TestEvidenceKeepsTheSalesLeadersTermAtItsEnd: a clause of the user's
// that ends in a short term the sales leader coined ("Kessler still calls
// it \"die Visitenkarten-Sammelaktion\"") keeps the term, closing mark
// and all, rather than ending on "calls it".
func TestEvidenceKeepsTheSalesLeadersTermAtItsEnd(t *testing.T) {
	b, err := os.ReadFile("testdata/term-at-end.txt") // corpus case un003
	if err != nil {
		t.Fatal(err)
	}
	// The model's strongest evidence is put on the clause with the term,
	// so the test does not depend on how the learned weights rank it.
	text := string(b)
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	clause := "Kessler still calls it"
	at := strings.Index(text, clause)
	for i := range d.Scores {
		ev := align.Evidence{Start: at, End: at + len(clause), Quote: clause, Speaker: "user", Weight: 9}
		d.Scores[i].Evidence = append([]align.Evidence{ev}, d.Scores[i].Evidence...)
	}
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	a := section(p, align.SecAssessment)
	if strings.Contains(a, "calls it\")") || strings.Contains(a, "calls it\"") {
		t.Errorf("evidence ends on the verb before the term:\n%s", a)
	}
	if !strings.Contains(a, "calls it 'die Visitenkarten-Sammelaktion'") {
		t.Errorf("evidence drops the term:\n%s", a)
	}
}

// TestRecordIsWhatMarketingSentNotHowSalesWorkedIt: for earned
// skepticism the record cited is what marketing sent and what it became,
// not the user's figure on how sales followed the leads up.
func TestRecordIsWhatMarketingSentNotHowSalesWorkedIt(t *testing.T) {
	b, err := os.ReadFile("testdata/record-unworked.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 1 {
		t.Skipf("not read as type 1 (types %v)", d.Types)
	}
	a := section(p, align.SecAssessment)
	if strings.Contains(a, "never got a first call") || !strings.Contains(a, "640 leads") && !strings.Contains(a, "five opportunities") {
		t.Errorf("the record cited is how sales worked the leads:\n%s", a)
	}
}

// TestRecordNamesWhatMarketingSent: a clause of the user's that names
// nothing marketing sent or ran ("who joined about a year after me") is
// never cited as marketing's record, however much the model leaned on it.
func TestRecordNamesWhatMarketingSent(t *testing.T) {
	b, err := os.ReadFile("testdata/record-not-tenure.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, p := build(t, intake.Input{Situation: string(b)})
	if d.Primary() != 1 {
		t.Skipf("not read as type 1 (types %v)", d.Types)
	}
	if a := section(p, align.SecAssessment); strings.Contains(a, "joined about a year after me") {
		t.Errorf("a tenure clause cited as the record:\n%s", a)
	}
}

// TestProactiveWhenIsTheLeadersFirstWeeksOnlyWhenTheLeaderIsNew: a user
// starting a new job beside a sales leader of five years is not told to
// meet in the sales leader's first weeks.
func TestProactiveWhenIsTheLeadersFirstWeeksOnlyWhenTheLeaderIsNew(t *testing.T) {
	text := "Starting Jan 5 as VP Marketing at a K-12 edtech company. I report to the CEO, same as the head of sales, Travis, who has been there five years. Nothing has gone wrong yet between us. How do I get this right with Travis from the start?"
	d, p := build(t, intake.Input{Situation: text})
	if !d.Proactive {
		t.Skipf("not read as proactive (types %v)", d.Types)
	}
	if d.Facts.LeaderNew {
		t.Fatalf("a sales leader of five years read as new")
	}
	if w := field(section(p, align.SecFirstConvo), "When:"); strings.Contains(w, "Travis's first week") {
		t.Errorf("When puts the sales leader's first weeks for a leader of five years: %q", w)
	}
}

// TestEscalationWeighedAfterAFailedTalkIsAnsweredAsClarifying: once the
// direct conversation failed, going higher is answered as clarifying
// expectations with the sales leader told first, not as premature.
func TestEscalationWeighedAfterAFailedTalkIsAnsweredAsClarifying(t *testing.T) {
	text := "My boss is Pavel, the Commercial Director; marketing moved under him in the reorganisation. My bonus is on web RFQs, the reps' bonus is on margin, so they leave small RFQs for weeks. I tried to talk with him directly in September. He said \"your numbers, your bonus, not my problem\" and that was end of discussion. I am thinking to write to the group marketing director in Germany so he protects the budget."
	d, p := build(t, intake.Input{Situation: text})
	if !slices.Contains(d.Facts.Tried, "direct_conversation") {
		t.Skipf("direct conversation not read as tried: %v", d.Facts.Tried)
	}
	w := section(p, align.SecWillNotWork)
	if !strings.Contains(w, "group marketing director") || strings.Contains(w, "not a substitute for it") {
		t.Errorf("what will not work treats a failed talk as never held:\n%s", w)
	}
}

// TestNoSeatAskedForRightAfterAnEscalation: after going over the sales
// leader's head, the seat waits until repair and the first change.
func TestNoSeatAskedForRightAfterAnEscalation(t *testing.T) {
	text := "Our CRO, Malcolm, disputes our attribution method at every QBR and wants our SDRs and events budget under sales. After the last QBR I went straight to our CEO, Hal, with the attribution workbook. Hal told Malcolm to stop relitigating the numbers, and Malcolm has been cold since. We both report to Hal."
	d, p := build(t, intake.Input{Situation: text})
	if !slices.Contains(d.Facts.Tried, "escalated") {
		t.Fatalf("escalation not read: %v", d.Facts.Tried)
	}
	if s := section(p, align.SecSeat); !strings.HasPrefix(s, "Not yet") {
		t.Errorf("seat asked for right after an escalation:\n%s", s)
	}
}

// TestProactivePlanReopensAnMQLChangeMadeAlone: early in the relationship,
// a lead rule the user changed without sales is the first thing reopened.
func TestProactivePlanReopensAnMQLChangeMadeAlone(t *testing.T) {
	text := "I started as VP Marketing six weeks ago. I report to the CEO, and so does our Head of Sales, Sam, who has been here four years. Nobody is fighting with me yet. In week three I rewrote the lead scoring so that only director titles count as MQLs, and I told the SDR manager, not Sam. Sales kickoff is January 14."
	d, p := build(t, intake.Input{Situation: text})
	if !slices.Contains(d.Facts.Tried, "mql_change_without_sales") {
		t.Skipf("change made alone not read as tried: %v", d.Facts.Tried)
	}
	if c := section(p, align.SecFirstChange); !strings.Contains(c, "reopen the lead rules") {
		t.Errorf("first change does not reopen the rules changed alone:\n%s", c)
	}
}

// TestLeadershipNamedByTheUserIsCalledByName: "I report to the MD, Colin
// Reid" makes the plan say "Colin", not "the managing director".
func TestLeadershipNamedByTheUserIsCalledByName(t *testing.T) {
	text := "I'm the first marketing hire, 11 weeks in. I report to the MD, Colin Reid. So does our Sales Director, Brendan, who has been here 19 years. Brendan's view, in his words: \"The reps are the marketing. We don't need a brochure department.\" Colin hasn't said a word to Brendan about what marketing is for."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Skipf("read as type %d", d.Primary())
	}
	if !strings.Contains(p, "Colin") || strings.Contains(p, "the managing director") {
		t.Errorf("plan does not call the MD by the name the user gives:\n%s", p)
	}
}

// TestWhatWillNotWorkSaysAnMQLChangeOnce: a proactive plan after a lead
// rule changed alone warns against doing it again once, not twice in
// other words.
func TestWhatWillNotWorkSaysAnMQLChangeOnce(t *testing.T) {
	text := "I started as VP Marketing six weeks ago. I report to the CEO, and so does our Head of Sales, Sam, who has been here four years. Nobody is fighting with me yet. In week three I rewrote the lead scoring so that only director titles count as MQLs, and I told the SDR manager, not Sam."
	d, p := build(t, intake.Input{Situation: text})
	if !d.Proactive || !slices.Contains(d.Facts.Tried, "mql_change_without_sales") {
		t.Skipf("read as proactive %v, tried %v", d.Proactive, d.Facts.Tried)
	}
	if w := section(p, align.SecWillNotWork); strings.Count(w, "sales will") > 1 {
		t.Errorf("the same warning twice:\n%s", w)
	}
}

// TestRevOpsStructuralPlanDoesNotDefendLeads: a RevOps leader sends no
// leads, so a structural plan warns against the report that settles it.
func TestRevOpsStructuralPlanDoesNotDefendLeads(t *testing.T) {
	text := "I run RevOps and report to the CFO. Our SVP of Sales, Robin, says my dashboards are built for the board, not for their team. Marketing is bonused on MQLs, sales on bookings, and we have never had a shared number."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 2 {
		t.Skipf("read as type %d", d.Primary())
	}
	if strings.Contains(p, "Our leads are better") || strings.Contains(p, "argue that the leads are better") {
		t.Errorf("a RevOps plan defends leads it never sent:\n%s", p)
	}
	if s := section(p, align.SecSeat); strings.Contains(s, "marketing sourced") || strings.Contains(s, "marketing-sourced") {
		t.Errorf("a RevOps seat follows deals marketing sourced:\n%s", s)
	}
	// The split is between marketing and sales; RevOps is on neither
	// side of it.
	if strings.Contains(p, "RevOps and Robin's team") || strings.Contains(p, "we are being scored on different numbers") {
		t.Errorf("a RevOps plan puts RevOps on one side of the structural split:\n%s", p)
	}
}

// TestEscalationAboveABossSalesLeaderNamesTheHead: when the sales leader is
// the user's own manager, going above them means the head of the company
// the text names, not a generic "own manager".
func TestEscalationAboveABossSalesLeaderNamesTheHead(t *testing.T) {
	text := "My boss is Henk, Commercial Director, and all the sales team is under him. He gave me a target of 1,500 leads, but his reps are paid on margin and only orders above 8,000 euro count, so nobody calls the small ones. He said \"the leads are rubbish\" in front of everybody. On 12 December is the budget meeting with our managing director."
	_, p := build(t, intake.Input{Situation: text})
	esc := section(p, align.SecEscalation)
	if !strings.Contains(esc, "going to the managing director") || strings.Contains(esc, "Henk's own manager") {
		t.Errorf("escalation above a boss does not name the managing director: %s", esc)
	}
}

// TestFirstChangeIsWhatTheSalesLeaderAskedInTheUsersWords: a request told
// rather than quoted ("he said if I wanted to help I could get him a
// cleaner prospect list") is the first change, quoted as the user wrote it.
func TestFirstChangeIsWhatTheSalesLeaderAskedInTheUsersWords(t *testing.T) {
	text := "I report to the CEO. So does Duane, our Chief Commercial Officer, who built the floor on cold calling. He said, word for word, \"Freight gets sold on the phone. Nobody ever booked a load because of a LinkedIn post.\" Then he said if I wanted to help I could get him a cleaner prospect list and otherwise stay out of his reps' day."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 && d.Primary() != 1 {
		t.Skipf("read as type %d; this checks the request-led first change", d.Primary())
	}
	if c := section(p, align.SecFirstChange); !strings.Contains(c, "(\"get him a cleaner prospect list\")") {
		t.Errorf("first change is not the sales leader's request: %s", c)
	}
}

// TestPoliticalRepairAsksHowPipelineIsCounted: after an escalation in a
// fight over credit, the opening asks how the sales leader would count
// pipeline, not whether they trust the leads, which they never disputed.
func TestPoliticalRepairAsksHowPipelineIsCounted(t *testing.T) {
	text := "I report to our VP Marketing, who reports to the CRO, Ana. Our dashboard says marketing sourced 44% of new pipeline. Ana doesn't dispute that deals closed, she disputes the model: \"marketing is grading its own homework.\" She wants credit to go to whoever books the first meeting. Three weeks ago I took the dashboard to the CEO, and Ana found out where it came from."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 3 || !slices.Contains(d.Facts.Tried, "escalated") {
		t.Skipf("read as type %d, tried %v; this checks the political repair", d.Primary(), d.Facts.Tried)
	}
	o := field(section(p, align.SecFirstConvo), align.LabelOpen)
	if strings.Contains(o, "trust what we send") || !strings.Contains(o, "pipeline counted") {
		t.Errorf("political repair opening asks about lead trust: %q", o)
	}
}

// TestQuoteIsCalledTheSignalOnlyWhenItIsEvidence: the sales leader's words
// are called "the clearest signal" only when they hold evidence for the
// dominant type; otherwise they are where the conversation starts.
func TestQuoteIsCalledTheSignalOnlyWhenItIsEvidence(t *testing.T) {
	for _, text := range []string{type1, type2, type3, type4} {
		d, p := build(t, intake.Input{Situation: text})
		a := section(p, align.SecAssessment)
		_, rest, ok := strings.Cut(a, "own words, \"")
		quote, _, signal := strings.Cut(rest, "\", are the clearest signal")
		if !ok || !signal {
			continue
		}
		held := false
		for _, s := range d.Scores {
			for _, e := range s.Evidence {
				held = held || s.Type == d.Primary() && (strings.Contains(quote, e.Quote) || strings.Contains(e.Quote, quote))
			}
		}
		if !held {
			t.Errorf("words that are not the type's evidence are called its signal: %q", quote)
		}
	}
}

// TestStructuralPlanDoesNotAskWhatTheTextSays: when the text says who is
// paid on what, the opening and what to listen for do not ask it again.
func TestStructuralPlanDoesNotAskWhatTheTextSays(t *testing.T) {
	text := "I report to Ines, our Marketing Director, and Ines reports to Arturo, the Chief Commercial Officer. My bonus is on MQLs, 450 per quarter. The AEs and Arturo are paid on new ARR. Nobody is paid for the same thing. Arturo said \"marketing is delivering less and less\"."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 2 {
		t.Skipf("read as type %d", d.Primary())
	}
	fc := section(p, align.SecFirstConvo)
	for _, ask := range []string{"what your team is paid", "how his reps are paid", "how his team is paid", "how his reps are paid", "team is paid and"} {
		if strings.Contains(fc, ask) {
			t.Errorf("the plan asks what the text already says (%q):\n%s", ask, fc)
		}
	}
}

// TestCategoricalPlanHoldsBackOnlyLeadsThatAreSent: "hold back the leads
// his team ignores" needs leads that reach sales and sit, not accounts
// lost to a competitor before the user was hired.
func TestCategoricalPlanHoldsBackOnlyLeadsThatAreSent(t *testing.T) {
	text := "The MD hired me four months ago because we lost two big food accounts to a competitor with a proper website. Our GM Sales, Warren, says marketing is a nice-to-have: \"our customers buy from people, not from LinkedIn posts.\" He told me \"You're Greg's project.\" We both report to the MD."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Skipf("read as type %d", d.Primary())
	}
	if c := section(p, align.SecFirstChange); strings.Contains(c, "hold back") {
		t.Errorf("first change holds back leads that are not being sent: %s", c)
	}
}

// TestCategoricalRepairDoesNotAskAboutLeadTrust: after going over the
// head of a sales leader who doubts marketing as such, the opening asks
// what their reps need, not whether they trust the leads.
func TestCategoricalRepairDoesNotAskAboutLeadTrust(t *testing.T) {
	text := "Our CCO, Brigitte, says she has never needed a marketing department to hit a number and that the outside reps are the marketing. Three weeks ago I went to Pierre-Luc, the owner and CEO, and told him she is dismantling marketing. She has been ice cold since. I have never sat down with her alone."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 || !slices.Contains(d.Facts.Tried, "escalated") {
		t.Skipf("read as type %d, tried %v", d.Primary(), d.Facts.Tried)
	}
	if o := field(section(p, align.SecFirstConvo), align.LabelOpen); strings.Contains(o, "trust what we send") {
		t.Errorf("categorical repair asks about lead trust: %q", o)
	}
}

// A move someone else suggests is answered with whose idea it is.
func TestAMoveSuggestedNamesWhoSuggestedIt(t *testing.T) {
	text := "I started ten days ago as Head of Marketing. Patrice, our CCO, is two levels up and told me: \"I've had two marketing people promise me pipeline. I'll believe it when my reps do.\" She's given me 20 minutes at the sales kickoff on January 19. My boss suggests I use it to unveil a 90-day plan with a pipeline target so the reps see ambition. How should I approach her?"
	_, p := build(t, intake.Input{Situation: text})
	if w := section(p, align.SecWillNotWork); !strings.Contains(w, "as your boss suggests (\"use it to unveil a 90-day plan with a pipeline target") {
		t.Errorf("what will not work does not say whose idea the move is:\n%s", w)
	}
}

// A sales leader who already knows about the escalation is not offered
// the news first.
func TestAnEscalationTheSalesLeaderKnowsIsOwned(t *testing.T) {
	text := "I'm VP Marketing; Declan, our SVP Sales, and I both report to the CEO, Anya. Declan proposed moving two of my open headcount to SDRs under him. I went to Anya on my own with the attribution data and asked her to block it. Declan obviously found out, because he's stopped inviting me to the Wednesday forecast call. How do I handle Declan?"
	_, p := build(t, intake.Input{Situation: text})
	c := section(p, align.SecFirstConvo)
	if strings.Contains(c, "hears about it from you") || !strings.Contains(c, "already knows") {
		t.Errorf("the first conversation offers news Declan already has:\n%s", c)
	}
}

// A categorical sales leader the user has already talked with directly:
// leadership's clarity comes first, and going to leadership is not what
// will not work.
func TestTypeFourAfterADirectTalkGoesToLeadership(t *testing.T) {
	text := "I am marketing manager at a machine builder. Massimo, the sales director, is here 22 years; we both report to the owner. Massimo thinks marketing is not necessary: \"our machines are sold by people who know people\". In September I asked him for one hour, just the two of us, and we talked it through honestly. He said, \"You do the catalogue and the stand for the fair. This is marketing.\" I am thinking to speak with the owner before the budget. What do I do?"
	d, p := build(t, intake.Input{Situation: text})
	if len(d.Types) == 0 || d.Types[0] != 4 || !slices.Contains(d.Facts.Tried, "direct_conversation") {
		t.Fatalf("read as types %v, tried %v; want Type 4 with the direct conversation tried", d.Types, d.Facts.Tried)
	}
	if w := section(p, align.SecWillNotWork); strings.Contains(w, "speak with the owner") {
		t.Errorf("what will not work warns against the playbook's own Type 4 move:\n%s", w)
	}
	if who := field(section(p, align.SecFirstConvo), "Who should be in the room"); !strings.Contains(who, "Two separate conversations. First") {
		t.Errorf("who is in the room does not start with leadership:\n%s", who)
	}
}

// TestASentDeckIsOwnedAndASecondLayerIsQuoted: a data case the user
// already sent opens the first conversation as a wrong order owned (not
// the numbers disowned), and a
// structural layer the text states is named with the user's words.
func TestASentDeckIsOwnedAndASecondLayerIsQuoted(t *testing.T) {
	text := "I run marketing at a freight software firm. Our sales director, Mateus, showed the exec team that our webinar leads converted at 0.3% last year, and his reps stopped calling them in March. Honestly, he is right: we sent 2,000 leads and two became deals, and half were students. My bonus, set by the CEO, is on MQL volume, while his team is paid on signed contracts. Last week I sent Mateus a 15-slide deck on MQL growth and pipeline influenced. He replied: \"This is exactly the problem.\" How do I recover?"
	d, p := build(t, intake.Input{Situation: text})
	if !d.Has(2) || d.Primary() == 2 {
		t.Fatalf("read as %v, want a structural layer second", d.Types)
	}
	if open := field(p, "How to open it:"); !strings.Contains(open, "I put the 15-slide deck in front of you before I had asked what you needed, and that was the wrong order") {
		t.Errorf("opening does not own the deck: %s", open)
	}
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "(\"My bonus, set by the CEO, is on MQL volume") {
		t.Errorf("assessment does not quote the structural layer whole:\n%s", a)
	}
}

// TestTheUsersQuestionIsAnsweredFirst: a question about a move the user
// weighs is answered in the assessment's first sentence, by the move's
// kind and the playbook's rule: no data case before trust, escalation not
// before a direct conversation has failed, and yes to the moves the
// playbook endorses.
func TestTheUsersQuestionIsAnsweredFirst(t *testing.T) {
	cases := []struct{ text, want string }{
		{"Our VP of Sales, Teodor, says our sourced numbers are creative and pulled me off the Thursday pipeline review. We both report to the CEO. I've drafted an email to Teodor attaching an audit of the 41 deals his reps re-tagged. Should I send it?", "To your question: no"},
		{"Our CRO, Brandon, says our leads are junk since last quarter's webinar gave his reps 900 leads and two deals. We both report to the CEO, Priya. I haven't talked to Brandon about it yet. Do I go to Priya now?", "To your question: not yet"},
		{"Our VP of Sales, Ines, and I are measured on different numbers: my bonus is on MQLs and hers is on bookings. We both report to the MD. I want to propose a shared pipeline number to Ines. Is that a good idea?", "To your question: yes"},
		// Two courses weighed: no bare yes or no.
		{"Our CRO, Brandon, says our leads are junk since last quarter's webinar gave his reps 900 leads and two deals. We both report to the CEO, Priya. I haven't talked to Brandon about it yet. Should I go to Priya now, or wait until the QBR?", "To your question: talk to Brandon before anyone above him."},
		// A deck already sent: the answer is not to send it again.
		// "Is it now appropriate to": an adverb inside the question.
		{"I report to the CEO, Sipho. Our Chief Sales Officer, Pieter, said at the offsite, \"Sales doesn't need marketing to hit its number. Marketing is a nice-to-have.\" In September I asked him what marketing could do to be useful; he said \"I don't think you need to be here.\" Sipho has told the board that marketing is essential to the expansion. Is it now appropriate to raise this with Sipho directly?", "To your question: yes"},
		// A plan carrying a pipeline target is a number promised.
		{"I start as VP Marketing in January. The CRO, Brenda, will be my manager. In my interview she said \"The last team sent us 4,000 MQLs and we closed two of them.\" She has asked me to bring a 90-day plan to our first one-on-one. Should I bring a plan with pipeline targets in it?", "To your question: not on the number."},
		// A draft quoted in full before the question: the question asks
		// about the draft, however many sentences it runs to.
		{"Our area VP Vikram had the 11 roundtable opportunities re-tagged as sales sourced. He said \"attending a dinner is not sourcing\". my draft reply (reply all):\n\n\"Vikram, the campaign history is clear. The invite went out on 28 Aug. AE calls started 4 Sep. Please restore the field before the QBR.\"\n\nshould i send this? or just let it go this time", "To your question: no, do not send your draft reply"},
		// Holding on to a contested claim in a credit dispute: give the
		// doubtful credit away.
		{"I run marketing at a freight forwarder and report to the CEO, as does our commercial director, Anneliese. I tagged 40 quote requests from the trade show as marketing sourced, worth about 900k in contracts, and she is disputing every line in the monthly meeting. She says her account managers had those customers for years. Do I stand firm on the 900k, or give it up?", "To your question: back down on the contested credit"},
		// A contested figure for a pack others will read, in a credit
		// dispute: agreed with the sales leader first, or left out.
		{"I run marketing operations and report to our CMO, Ingrid. Our Chief Commercial Officer, Matthias, sits on the executive team and is senior to both of us. At the Q3 review I presented an attribution model showing 38% of pipeline had a marketing touch, and Matthias challenged the method in front of the CEO and told his directors not to log show contacts against campaigns. Ingrid wants the figure in the board pack due on 11 December. Should I include the figure in the board pack, revise it, or withdraw it?", "To your question: revise it with Matthias before it goes anywhere."},
		{"Our VP of Sales, Harriet, said in the leadership meeting that marketing sent 3,100 leads last year and her team wasted a quarter on them. She is right: 71 became opportunities. I emailed her a 14-slide deck on the new scoring model on 20 November. She replied \"will look when I have time\". Should I send Harriet the deck again before the QBR?", "To your question: do not send the 14-slide deck again."},
	}
	for _, c := range cases {
		_, p := build(t, intake.Input{Situation: c.text})
		if a := section(p, "SITUATION ASSESSMENT"); !strings.HasPrefix(a, c.want) {
			t.Errorf("%q:\nassessment opens %q, want %q", c.text, a[:min(len(a), 120)], c.want)
		}
	}
	// A second move asked about gets its own answer after the first.
	_, p := build(t, intake.Input{Situation: "Our VP Sales, Henrik, says marketing sends names, not buyers. He is right: 612 webinar registrants gave 4 opportunities. I built a 14-slide deck and drafted a new MQL definition. Should I send the deck to Henrik before the QBR, and switch on the new MQL definition now?"})
	if a := section(p, "SITUATION ASSESSMENT"); !strings.HasPrefix(a, "To your question: no") || !strings.Contains(a, "As for the change to the lead rules: not on your own") {
		t.Errorf("two moves asked, not both answered:\n%s", a)
	}
	// No question about a move: no answer.
	_, p = build(t, intake.Input{Situation: type2})
	if a := section(p, "SITUATION ASSESSMENT"); strings.HasPrefix(a, "To your question") {
		t.Errorf("answers a question never asked: %q", a[:80])
	}
}

// TestStructureIsCitedByHowPeopleArePaid: of the words that back Type 2,
// the clause that says how someone is paid or measured is the one the
// assessment quotes, not a volume figure beside it.
func TestStructureIsCitedByHowPeopleArePaid(t *testing.T) {
	text := "I'm RevOps manager. In Q3 marketing reported 4,100 MQLs, a record. Since July the sales reps are paid commission only on deals above 15k EUR ARR, so they don't call small companies. Our CSO, Bartosz, says marketing feeds us bakeries. The CMO's bonus is on MQL number. Both report to the CEO."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 2 {
		t.Fatalf("read as %v, want Type 2 first", d.Types)
	}
	a := section(p, "SITUATION ASSESSMENT")
	if !strings.Contains(a, "paid commission only on deals above 15k EUR ARR") && !strings.Contains(a, "bonus is on MQL number") {
		t.Errorf("assessment does not cite how anyone is paid:\n%s", a)
	}
}

// TestAnUnsentDeckIsNotOwnedAsSent: data the text says is not sent yet is
// not owned in the opening as a mistake already made.
func TestAnUnsentDeckIsNotOwnedAsSent(t *testing.T) {
	for _, text := range []string{
		"Head of marketing, six weeks in. I report to the CEO, Anneke. VP Sales Rafe also reports to her. Rafe won't touch marketing leads: last year your team sent us 1,400 MQLs and we got three opps, he said. I have a 9-slide deck on the SDR response-time problem and an email drafted to Rafe, cc Anneke. Not sent yet. Should I send it?",
		"im head of growth, report to the ceo. our cco brian put our biggest deal in the investor update as \"sourced through founder network\" and says marketing \"hasn't sourced a single serious account\". in october i went to the ceo about it. i wrote an email to brian (cc the ceo) with a spreadsheet showing 31% of Q3 pipeline came from marketing. i want it on record before monday. should i send it??",
	} {
		_, p := build(t, intake.Input{Situation: text})
		if open := field(p, "How to open it:"); strings.Contains(open, "wrong to send") {
			t.Errorf("opening owns a deck never sent: %s", open)
		}
		for _, said := range []string{"already sent", "you sent", "send the spreadsheet again", "send the email again"} {
			if strings.Contains(p, said) {
				t.Errorf("plan says the data was already sent (%q):\n%s", said, p)
			}
		}
	}
}

// TestAReportingLineIsNeverEvidence: a sentence that only says who
// reports to whom is never quoted as what shows the type, even when the
// reader ranks it first, and the company's size in money is never
// restated as a scoreboard.
func TestAReportingLineIsNeverEvidence(t *testing.T) {
	text := "I run RevOps at a payments company of about 300 people and about $160M in revenue. Our CRO, Desmond Varga, reports to the CEO. His AEs get a 15% kicker on self-sourced deals, and my marketing VP is bonused on sourced pipeline. Desmond told the exec team \"source = whoever created the opp\" and had 40 opportunities re-tagged as sales-sourced."
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	line := "Our CRO, Desmond Varga, reports to the CEO"
	at := strings.Index(text, line)
	for i := range d.Scores {
		ev := align.Evidence{Start: at, End: at + len(line), Quote: line, Speaker: "sales_leader", Weight: 9}
		d.Scores[i].Evidence = append([]align.Evidence{ev}, d.Scores[i].Evidence...)
	}
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	a := section(p, "SITUATION ASSESSMENT")
	if strings.Contains(a, "reports to the CEO") || strings.Contains(a, "in revenue\")") {
		t.Errorf("assessment quotes a reporting line or the company's size:\n%s", a)
	}
}

// TestUrgencyReasonIsNotSomeoneElsesQuote: a word inside someone else's
// quotation ("the CEO told me 'sales and marketing have been at war
// here'") is not given as the conflict the user sees, even when the
// reader takes it as the urgency's reason.
func TestUrgencyReasonIsNotSomeoneElsesQuote(t *testing.T) {
	text := "I started as VP Marketing five weeks ago. The CEO, Rashid, told me in the final interview that \"sales and marketing have been at war here and I need someone who can end it.\" The VP Sales is Gwen. In our first 1:1 she said our predecessor sent 2,300 MQLs and her team closed four. I built a deck on her team's follow-up times. Should I send it?"
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(text, "war here")
	d.Urgency = align.UrgencyHigh
	d.UrgencyReasons = append([]align.Evidence{{Start: at, End: at + 3, Quote: "war", Label: "open conflict in meetings", Weight: 5}}, d.UrgencyReasons...)
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if u := field(p, "Urgency:"); strings.Contains(strings.ToLower(u), "open conflict") {
		t.Errorf("urgency gives the CEO's words as the user's conflict: %s", u)
	}
}

// TestLeadershipRoleAsThePlaybookWritesIt: a role the user types in lower
// case ("he reports to the ceo") is written "the CEO" in the plan.
func TestLeadershipRoleAsThePlaybookWritesIt(t *testing.T) {
	text := "im dir of demand gen, i report to our cmo lena. our vp sales is trent, he reports to the ceo. my bonus is on mql volume and trent's team is paid on new arr. trent says mktg games the number."
	_, p := build(t, intake.Input{Situation: text})
	if strings.Contains(p, "the ceo") || !strings.Contains(p, "the CEO") {
		t.Errorf("want the CEO, as the playbook writes it:\n%s", p)
	}
}

// TestEvidenceKeepsATermInQuotesBeforeIt: a clause that follows a term in
// quotation marks is cited with the words before the term, never as a
// fragment that opens on "as".
func TestEvidenceKeepsATermInQuotesBeforeIt(t *testing.T) {
	text := "I am marketing director at a logistics company and I report to the CEO. Our Chief Commercial Officer Tomek is on the management board. This year we implemented campaign influence, and in the Q3 report I wrote that marketing influenced 41% of won deals. On the board meeting 6 November Tomek said \"marketing is taking credit for relationships my people build for ten years\" and he called the model \"manipulation\". After this, two regional sales managers (Brno and Vilnius) started to write \"own network\" as opportunity source on almost all new opportunities, also on ones which came from our tender portal form."
	_, p := build(t, intake.Input{Situation: text})
	if strings.Contains(p, "(\"as opportunity source") || strings.Contains(p, "\"as opportunity") {
		t.Errorf("a fragment is quoted:\n%s", section(p, align.SecAssessment))
	}
}

// TestScoreboardFiguresSayHowSomeoneIsMeasured: the plan never calls a
// program's conversion a scoreboard, and no longer restates the user's
// figures in a stock sentence ("Keep the figures you gave (...) for the
// conversation about one shared number"), which blind judges in two
// rounds read as template text around pasted words.
func TestScoreboardFiguresSayHowSomeoneIsMeasured(t *testing.T) {
	for text, want := range map[string]bool{
		"Our GM Sales, Brodie, is measured on new ARR and I am measured on MQLs. We have never shared a number. In 2025 the old team bought 2,300 syndication leads and about 1.2% turned into a meeting. We both report to the CEO.": false,
		"Our VP Sales, Brodie, is paid on bookings; my bonus is on MQL volume. We have never shared a number. I hit 130% of my lead target last quarter. We both report to the CEO.":                                                  false,
	} {
		_, p := build(t, intake.Input{Situation: text})
		if got := strings.Contains(p, "the figures you gave"); got != want {
			t.Errorf("figures restated %v, want %v:\n%s", got, want, section(p, align.SecAssessment))
		}
	}
}

// TestAssessmentRestatesWhatIsBeingDecided: on a critical reading, the
// assessment quotes the user's clause that says what is being decided,
// decimals and all; never the user's own move.
func TestAssessmentRestatesWhatIsBeingDecided(t *testing.T) {
	text := "Our CRO, Giles, doesn't think marketing should exist. He told me \"I've never needed a marketing department\". On 20 November his proposal went to the CEO and the CFO: cut the marketing programme budget from £1.8m to £700k and use the difference for 8 more SDRs. Budgets get decided at the offsite on 10 December."
	_, p := build(t, intake.Input{Situation: text})
	a := section(p, align.SecAssessment)
	if !strings.Contains(a, "\"cut the marketing programme budget from £1.8m to £700k and use the difference for 8 more SDRs\"") {
		t.Errorf("the decision is not restated:\n%s", a)
	}
	own := "Our CRO, Giles, doesn't think marketing should exist. He told me \"I've never needed a marketing department\". I've been moving budget from regional promotions into a global brand program, and he wants the board to cut marketing."
	_, p = build(t, intake.Input{Situation: own})
	if a := section(p, align.SecAssessment); strings.Contains(a, "I've been moving budget") {
		t.Errorf("the user's own move is quoted as what is decided:\n%s", a)
	}
}

// TestRevOpsSpeaksForRevOpsBesideACMO: beside a CMO, the plan calls the
// team judged against sales marketing, but a RevOps lead's own words in
// the opening speak for RevOps, never for marketing.
func TestRevOpsSpeaksForRevOpsBesideACMO(t *testing.T) {
	text := "I am Head of Revenue Operations at a cyber security firm. I report to our COO, Ravi. Our CRO, Simone, reports to the CEO. Our CMO, Claire, reports to Simone. Simone says RevOps works for marketing now and her reps get a 1.5x rate on self-sourced pipeline. She had my attribution report pulled from the board pack and says 44% marketing-sourced is a fantasy. Which figure goes in the board pack?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 3 {
		t.Skipf("not read as type 3 (types %v)", d.Types)
	}
	open := section(p, align.SecFirstConvo)
	if strings.Contains(open, "reporting marketing builds") || strings.Contains(open, "from marketing that you") {
		t.Errorf("a RevOps lead speaks for marketing:\n%s", open)
	}
}

// TestNoRequestForTimeWithoutAStake: the escalation trigger asks
// leadership for time before a decision about marketing only when the
// text says what is being decided; a critical reading for other reasons
// gets no invented decision.
func TestNoRequestForTimeWithoutAStake(t *testing.T) {
	b, err := os.ReadFile("testdata/critical-no-stake.txt") // corpus case um009
	if err != nil {
		t.Fatal(err)
	}
	d, p := build(t, intake.Input{Situation: string(b)})
	if d.Urgency != align.UrgencyCritical {
		t.Skipf("not read as critical (%s)", d.Urgency)
	}
	if strings.Contains(p, "If a decision about marketing's budget or role is about to be made") {
		t.Errorf("a decision no one described:\n%s", section(p, align.SecEscalation))
	}
}

// TestTheRecordIsRestated: a result told as two counts ("412
// registrants, 0 opportunities") is said in the assessment once, whether
// the type's evidence quotes it or the plan restates it, and where the
// plan restates it the opening owns it in those numbers.
func TestTheRecordIsRestated(t *testing.T) {
	for _, text := range []string{
		"I started as Director of Demand Generation 11 weeks ago. Our VP of Sales, Roy, does not take our leads seriously. In my first week he told me \"I've had three marketing leaders in four years and every one of them showed me a chart.\" He brings up the webinar from March constantly: 412 registrants, 0 opportunities. His reps post screenshots of bad MQLs in Slack. What should I do about Roy?",
		"Our CRO, Tess, has stopped reading anything marketing sends. Last year the team before me ran a content syndication program and got 1,100 leads, 2 opportunities. She says \"remember the 1,100\" in every meeting, and her reps do not call our leads. How do I get her to take us seriously again?",
	} {
		d, p := build(t, intake.Input{Situation: text})
		if d.Primary() != 1 {
			t.Errorf("read as %v, want Type 1 first", d.Types)
			continue
		}
		a := section(p, "SITUATION ASSESSMENT")
		if open := field(p, "How to open it:"); strings.Contains(a, "Your own numbers") && !strings.Contains(open, "I have looked at the numbers") {
			t.Errorf("the opening does not own the record in numbers: %s", open)
		}
		for _, n := range []string{"412 registrants", "0 opportunities", "1,100 leads", "2 opportunities"} {
			if strings.Contains(text, n) && strings.Count(a, n) != 1 {
				t.Errorf("assessment says %q %d times, want once:\n%s", n, strings.Count(a, n), a)
			}
		}
	}
	// Counts the sales leader said are not the user's own numbers.
	text := "Our sales director, Hendra, stopped calling our leads after the expo. He told the board \"3,000 leads, 11 demos, zero paying\" and I think he is right about the campaign. How do I win him back?"
	if _, p := build(t, intake.Input{Situation: text}); strings.Contains(p, "Your own numbers") {
		t.Errorf("the sales leader's counts called the user's own:\n%s", section(p, "SITUATION ASSESSMENT"))
	}
}

// TestGoingUpThroughYourOwnManager: when the sales leader is the user's
// own manager and the user asks whether to go to the CEO, the answer goes
// through the manager, openly, not around them.
func TestGoingUpThroughYourOwnManager(t *testing.T) {
	text := "I was hired by our CEO, Paul, to build a digital demand engine. Since the reorg in September marketing reports to the new SVP of Sales, Doug, so he is my manager now. In his first leadership meeting Doug said \"Marketing is a service desk. My guys don't need leads from a website, they need more feet on the street.\" His draft budget cuts marketing program spend by 40% and moves it into three new reps. Should I go to Paul before the budget is final?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Fatalf("read as %v, want Type 4 first", d.Types)
	}
	a := section(p, "SITUATION ASSESSMENT")
	if !strings.Contains(a, "through Doug, not around him") || strings.Contains(a, "yes, Paul has to be part") {
		t.Errorf("answer goes around the user's own manager:\n%s", a)
	}
}

// TestWhomFirst: a question about whom to take a shared number to first
// is answered with the playbook's order, the sales leader first, and the
// number goes up as both teams' proposal.
func TestWhomFirst(t *testing.T) {
	text := "Our Sales Director, Kerem, says our leads are garbage, and his reps are paid only on new ARR while my bonus is on MQLs. We both report to the general manager, Haluk, who wants target proposals by 15 December. I want to propose a common pipeline target together with sales. Should I first talk to Kerem or send directly to Haluk?"
	_, p := build(t, intake.Input{Situation: text})
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "To your question: Kerem first. Take the shared number to Kerem before it goes to") {
		t.Errorf("the question of whom first is not answered:\n%s", a)
	}
}

// TestAChangeNeverStartsWithAPastProgram: a program told only as history
// ("the webinar from March", "in 2024") is not where the first change
// starts; one the text names as live still is.
func TestAChangeNeverStartsWithAPastProgram(t *testing.T) {
	for _, tt := range []struct{ text, not string }{
		{"Our VP of Sales, Roy, does not take our leads seriously. He brings up the Freight Cost Outlook webinar from March constantly: 412 registrants, 0 opportunities. His reps post screenshots of bad MQLs in Slack. What should I do about Roy?", "Outlook webinar"},
		{"Our VP of Sales, Roy, does not take our leads seriously. He also brought up the Freight Cost Outlook webinar in March: 412 registrants, zero opportunities, and two of his reps spent a week calling the list. What should I do about Roy?", "Outlook webinar"},
		{"Our VP of Sales, Roy, does not take our leads seriously. In 2024 we ran the Freight Cost Outlook webinar and it gave 412 registrants and 0 opportunities. His reps post screenshots of bad MQLs in Slack. What should I do about Roy?", "Outlook webinar"},
	} {
		_, p := build(t, intake.Input{Situation: tt.text})
		if c := section(p, "THE FIRST CHANGE TO MAKE"); strings.Contains(c, tt.not) {
			t.Errorf("the change starts with a program of the past:\n%s", c)
		}
	}
}

// TestTheUsersOwnManagerIsToldFirst: a user who reports to someone other
// than the sales leader and the sales leader's boss tells that manager,
// by name, before the first conversation, and goes up with them.
func TestTheUsersOwnManagerIsToldFirst(t *testing.T) {
	text := "I started as Director of Demand Generation 11 weeks ago. I report to our CMO, Allison Brandt. Our VP of Sales, Roy Pacheco, reports to the CEO. Roy does not take our leads seriously: the webinar from March gave 412 registrants and 0 opportunities, and his reps post screenshots of bad MQLs in Slack. What should I do about Roy?"
	_, p := build(t, intake.Input{Situation: text})
	// The variants all name the manager as told first.
	if who := field(p, "Who should be in the room:"); !strings.Contains(who, "Tell Allison beforehand") && !strings.Contains(who, "Let Allison know first") && !strings.Contains(who, "Brief Allison before it") {
		t.Errorf("the user's own manager is not kept informed: %s", who)
	}
	if tr := section(p, "ESCALATION TRIGGER"); !strings.Contains(tr, "go with Allison, your own manager") && !strings.Contains(tr, "take Allison with you") {
		t.Errorf("the escalation goes around the user's own manager:\n%s", tr)
	}
	// When the one the escalation goes to is the user's own manager, the
	// plan does not also tell the user to take them along to themselves.
	text = "I run marketing ops at a laundry business and I report to our COO, Linnea. Our Head of Sales, Hamish, sits on the leadership team alongside Linnea, so in practice he outranks me. Hamish ignores our leads and says the hotel campaign in March sent his reps 300 badge scans and 2 meetings."
	_, p = build(t, intake.Input{Situation: text})
	tr := section(p, "ESCALATION TRIGGER")
	if strings.Count(tr, "Linnea") > 1 && (strings.Contains(tr, "take Linnea with you") || strings.Contains(tr, "go with Linnea")) && strings.Contains(tr, "bring in Linnea") {
		t.Errorf("the escalation goes to Linnea and also tells the user to take Linnea along:\n%s", tr)
	}
}

// TestRecordEvidenceSaysTheRecord: a clause kept as the record because
// its sentence names what marketing ran is quoted to the end of that
// sentence, so the quotation says the record, not only the clause before
// it ("My predecessor was let go in August").
func TestRecordEvidenceSaysTheRecord(t *testing.T) {
	text := "I've been Head of Demand Gen for two years. The VP of Sales, Beau, says our leads are junk, has written marketing off, and tells his AEs to stop calling our MQLs. He is not wrong about the numbers. My predecessor was let go in August, and most of the budget went to gated ebooks and webinars pushed through content syndication. Beau and I both report to the CEO."
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	clause := "My predecessor was let go in August"
	at := strings.Index(text, clause)
	for i := range d.Scores {
		ev := align.Evidence{Start: at, End: at + len(clause), Quote: clause, Speaker: "user", Weight: 9}
		d.Scores[i].Evidence = append([]align.Evidence{ev}, d.Scores[i].Evidence...)
	}
	if d.Primary() != 1 || d.Proactive {
		t.Fatalf("read as %v (proactive %v), want Type 1", d.Types, d.Proactive)
	}
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	a := section(p, align.SecAssessment)
	if !strings.Contains(a, "gated ebooks") {
		t.Errorf("the record is quoted without the words that name it:\n%s", a)
	}
}

// TestAFailedTalkIsNotAskedAgain: a sales leader who already told the
// user marketing is not needed is not asked again what they need; the
// opening says where the question goes instead.
func TestAFailedTalkIsNotAskedAgain(t *testing.T) {
	text := "We both report to our CEO, Wieteke. Our new Chief Sales Officer, Joost, said at the offsite \"sales doesnt need marketing to hit its number\". He moved our inside sales reps off inbound follow up. I had a 1on1 with him on nov 12 and asked him straight what he needs from marketing. His answer: \"honestly nothing. a trade show stand and some brochures maybe.\" Should I go to Wieteke?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Fatalf("read as %v, want Type 4 first", d.Types)
	}
	if open := field(p, "How to open it:"); strings.Contains(open, "what your reps actually need") || !strings.Contains(open, "you were clear about where you stand") {
		t.Errorf("the opening asks again what was already answered: %s", open)
	}
}

// TestPoliticalEvidenceInTheLeadersWords: a Type 3 reading whose
// evidence is the sales leader's own words, said to the user, calls them
// the sales leader's, not "what you describe".
func TestPoliticalEvidenceInTheLeadersWords(t *testing.T) {
	text := "I run RevOps and report to the COO. Our SVP of Sales, Lorna, went after my attribution model at the QBR, in front of everyone, and said to me: \"Why does a webinar view get 40% of the credit on a deal my AE worked for nine months?\" Since then her AEs re-tag marketing-sourced deals as sales-sourced, and she wants the credit for the pipeline. How do I handle Lorna?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 3 {
		t.Fatalf("read as %v, want Type 3 first", d.Types)
	}
	if a := section(p, "SITUATION ASSESSMENT"); strings.Contains(a, "What you describe (\"Why does") || !strings.Contains(a, "In Lorna's own words") {
		t.Errorf("the sales leader's words are called the user's:\n%s", a)
	}
}

// TestUnworkedLeadsAreTakenOffTheTeamsPlate: when a sales leader who
// does not believe in marketing leaves its leads unworked, the first
// change has marketing answer them and book real meetings, not hold them
// back to "show intent": demo requests already have.
func TestUnworkedLeadsAreTakenOffTheTeamsPlate(t *testing.T) {
	text := "We both report to the CEO. Our new Chief Sales Officer, Shane, said at his first all-hands that sales doesn't need marketing to hit its number. He says our leads are fine, he just doesn't need them. Since October his reps stopped calling inbound demo requests back, and 23 of them never got a first call within a week. How do I work with Shane?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Fatalf("read as %v, want Type 4 first", d.Types)
	}
	c := section(p, "THE FIRST CHANGE TO MAKE")
	if strings.Contains(c, "until they show real intent") || strings.Contains(c, "argument about lead quality") || !strings.Contains(c, "answer them") {
		t.Errorf("the change argues about intent or lead quality the leader did not dispute:\n%s", c)
	}
}

// TestWhatToProposeIsAnsweredByType: a question asking what to propose is
// answered by the type, and a structural proposal asked about with a date
// ahead is made with the sales leader before that date, not within 30
// days of it.
func TestWhatToProposeIsAnsweredByType(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		typ        align.Type
		answer     string
		change     string
	}{
		{
			name:   "structural, with a planning meeting ahead",
			text:   "I run RevOps and marketing at a sensor maker. Marketing's bonus depends on 450 MQLs a quarter; our Sales Director, Radim, and his team are paid only on bookings. Radim says in every management meeting that our MQLs are students downloading PDFs. On 14 December we have the 2027 planning meeting with the CEO, Radim and me. What I should propose there?",
			typ:    2,
			answer: "On what to propose: one number both teams answer for",
			change: "Before the 2027 planning meeting on 14 December, take one shared pipeline measure to Radim",
		},
		{
			name:   "structural, a date ahead and no question about it",
			text:   "I run RevOps and marketing at a sensor maker. Marketing's bonus depends on 450 MQLs a quarter; our Sales Director, Radim, and his team are paid only on bookings. Radim says in every management meeting that our MQLs are students downloading PDFs. On 14 December we have the 2027 planning meeting with the CEO, Radim and me.",
			typ:    2,
			change: "Before the 2027 planning meeting on 14 December, take one shared pipeline measure to Radim",
		},
		{
			name:   "categorical",
			text:   "Our Head of Sales, Owen, told the leadership team that marketing exists to make the brochures look nice and that his reps find their own deals. He has never used a lead from us and says he never will. The CEO has asked us both to present plans for next year. What should I propose?",
			typ:    4,
			answer: "On what to propose: a question, not a program.",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, p := build(t, intake.Input{Situation: tt.text})
			if d.Primary() != tt.typ {
				t.Fatalf("read as %v, want Type %d first", d.Types, tt.typ)
			}
			if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, tt.answer) {
				t.Errorf("the question of what to propose is not answered with %q:\n%s", tt.answer, a)
			}
			if c := section(p, "THE FIRST CHANGE TO MAKE"); tt.change != "" && !strings.Contains(c, tt.change) {
				t.Errorf("the change is not made before the date, want %q:\n%s", tt.change, c)
			}
		})
	}
}

// TestWordsSaidToOthersAreTheSalesLeaders: a categorical case whose
// evidence is the sales leader's words said to the leadership team calls
// them the sales leader's, not "what you describe", and quotes them once.
func TestWordsSaidToOthersAreTheSalesLeaders(t *testing.T) {
	text := "I'm marketing director at a tractor maker. Our VP Sales, Gideon, started in September; we both report to the CEO. First week, before he'd seen a single report, he told the leadership team \"dealers and reps sell machines, brochures don't\" and that sales hits its number without marketing. He has said versions of that four times since."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Fatalf("read as %v, want Type 4 first", d.Types)
	}
	a := section(p, "SITUATION ASSESSMENT")
	if strings.Contains(a, "What you describe (\"dealers") {
		t.Errorf("the sales leader's words are called the user's description:\n%s", a)
	}
	if !strings.Contains(a, "Gideon has said it to others (\"dealers and reps sell machines, brochures don't\")") {
		t.Errorf("the sales leader's words to others are not named as his:\n%s", a)
	}
	if n := strings.Count(a, "brochures don't"); n != 1 {
		t.Errorf("the words are quoted %d times:\n%s", n, a)
	}
}

// TestADataAnswerIsNotSaidTwice: when the answer to the user's question
// already says that numbers read as an argument, the assessment does not
// say it again about the numbers already sent.
func TestADataAnswerIsNotSaidTwice(t *testing.T) {
	text := "Our VP Sales, Tessa, ignores our leads and says they are junk. Last month I sent her a spreadsheet with all 61 deals and every touch so she could see for herself, and it made it worse. Should I show the numbers again at the QBR?"
	_, p := build(t, intake.Input{Situation: text})
	a := section(p, "SITUATION ASSESSMENT")
	if !strings.HasPrefix(a, "To your question: no") {
		t.Fatalf("the question is not answered first:\n%s", a)
	}
	if n := strings.Count(a, "argument"); n != 1 {
		t.Errorf("numbers as an argument said %d times:\n%s", n, a)
	}
}

// TestPeersGoToTheHeadTheUserNames: peers under a head of the company
// the user names go to that person, in the form the user writes them,
// not to "the executive above you both".
func TestPeersGoToTheHeadTheUserNames(t *testing.T) {
	text := "I am Head of Marketing at a pet insurer and report to our Chief Executive, Ms Aurelie Fontaine. Our Director of Partnerships, Mr Eamon Whitlow, who leads the field sales team, is my peer. Mr Whitlow has told his managers that requests from marketing are optional and that his team does not need marketing to hit its number. Ms Fontaine presents the 2027 budget to the board on 14 January. Should I raise Mr Whitlow's position with Ms Fontaine now?"
	_, p := build(t, intake.Input{Situation: text})
	all := strings.Join([]string{section(p, "SITUATION ASSESSMENT"), section(p, align.SecFirstConvo), section(p, "ESCALATION TRIGGER")}, "\n")
	if strings.Contains(all, "the executive above you both") || !strings.Contains(all, "Ms Fontaine") {
		t.Errorf("the named head of the company is not the one to go to:\n%s", all)
	}
	if strings.Contains(all, "Mr Eamon") || !strings.Contains(all, "Mr Whitlow") {
		t.Errorf("the sales leader is not called what the user calls him:\n%s", all)
	}
}

// TestWhatIsGoingOnIsAnsweredByType: a question asking what is going on
// is answered first in the assessment with the plan's reading of the case,
// in the words of the type the diagnosis names.
func TestWhatIsGoingOnIsAnsweredByType(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		typ        align.Type
		answer     string
	}{
		{
			name:   "structural",
			text:   "I run marketing at a sensor maker. Marketing's bonus depends on 450 MQLs a quarter; our Sales Director, Radim, and his team are paid only on bookings. Radim says in every management meeting that our MQLs are students downloading PDFs, and his reps have stopped calling them. Is this a relationship problem or a metrics problem?",
			typ:    2,
			answer: "On what is going on: you and Radim are scored on different numbers",
		},
		{
			name:   "categorical",
			text:   "Our Head of Sales, Owen, told the leadership team that marketing exists to make the brochures look nice and that his reps find their own deals. He has never used a lead from us and says he never will. Am I dealing with a person problem or a leadership problem?",
			typ:    4,
			answer: "On what is going on: Owen does not accept that marketing has a part in hitting the number.",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, p := build(t, intake.Input{Situation: tt.text})
			if d.Primary() != tt.typ {
				t.Fatalf("read as %v, want Type %d first", d.Types, tt.typ)
			}
			if a := section(p, "SITUATION ASSESSMENT"); !strings.HasPrefix(a, tt.answer) {
				t.Errorf("the question of what is going on is not answered first with %q:\n%s", tt.answer, a)
			}
		})
	}
}

// TestASharedNumberWeighedBeforeANearDateIsTakenBeforeIt: a shared number
// the user means to propose, with a date ahead inside the first change's
// 30 days, is taken to the sales leader before that date; with the date
// further off, the change keeps its 30 days.
func TestASharedNumberWeighedBeforeANearDateIsTakenBeforeIt(t *testing.T) {
	for _, tt := range []struct{ date, want string }{
		{"Wednesday 9 December", "Before the executive offsite on Wednesday 9 December, take the proposal you are weighing"},
		{"Tuesday 9 March", "Within 30 days, take the proposal you are weighing"},
	} {
		text := "I run RevOps and report to the CFO, Deepak. Marketing is bonused on MQLs and our SVP Sales, Carmel, and her team on booked revenue, so each side uses its own number to explain the other's miss. Deepak has asked me to propose the target framework at the executive offsite on " + tt.date + ". I would like to recommend a shared pipeline target."
		d, p := build(t, intake.Input{Situation: text})
		if d.Primary() != 2 {
			t.Fatalf("read as %v, want Type 2 first", d.Types)
		}
		if c := section(p, "THE FIRST CHANGE TO MAKE"); !strings.Contains(c, tt.want) {
			t.Errorf("offsite on %s: want %q in:\n%s", tt.date, tt.want, c)
		}
	}
}

// TestAFollowUpNeverClaimsAChangeNotYetMade: after a first talk, the
// opener offers the change the user means to make; the plan's change comes
// after it, so the opener must not say it is made.
func TestAFollowUpNeverClaimsAChangeNotYetMade(t *testing.T) {
	text := "Our VP of Sales, Oliver, says our MQLs are mostly students and competitors, and he is broadly right: of 1,180 MQLs, 41 became opportunities. Last week I sat down with Oliver one on one and asked him what he needs from marketing. He was polite and said he would think about it. What should I do next?"
	d, p := build(t, intake.Input{Situation: text})
	if !slices.Contains(d.Facts.Tried, "direct_conversation") {
		t.Fatalf("tried %v, want the direct conversation", d.Facts.Tried)
	}
	if open := field(p, "How to open it:"); strings.Contains(open, "I have changed") {
		t.Errorf("the opener claims a change made:\n%s", open)
	}
}

// TestAPoliticalChangeBeforeANearDateAgreesTheCount: a credit dispute with
// a date close ahead is settled by agreeing the count before it.
func TestAPoliticalChangeBeforeANearDateAgreesTheCount(t *testing.T) {
	text := "Our VP Sales, Rohan, had his ops analyst re-tag all 14 opportunities from our Jakarta roundtable as 'Sales - Outbound'. He says his team worked those rooms for months and the pipeline is theirs, because the regional bonus ranks sales-sourced pipeline and he is behind Europe. The global marketing QBR is on 10 December and every region must report event-sourced pipeline."
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 3 {
		t.Fatalf("read as %v, want Type 3 first", d.Types)
	}
	if c := section(p, "THE FIRST CHANGE TO MAKE"); !strings.HasPrefix(strings.TrimSpace(c), "Before the global marketing QBR on 10 December, agree with Rohan how marketing's share will be counted before the figures are shown") {
		t.Errorf("the change does not agree the count before the date:\n%s", c)
	}
}

// TestASecondLayerQuotesWordsEndedByAnAside: words for the second type
// that end where an aside in brackets opens are a whole clause, and the
// layer they show is stated with them, not hedged. (A structural layer is
// stated only when the targets are known to differ: blind judges found
// one stated where the user had ruled pay out.)
func TestASecondLayerQuotesWordsEndedByAnAside(t *testing.T) {
	text := "Our Head of Sales, Bastien, says the demo requests are sales sourced because the SDR called them after. The bonus of my team is on MQL (objective 450 per quarter) and sales is on signed ARR. In the board slides he removed the marketing pipeline line."
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	words := "The bonus of my team is on MQL"
	at := strings.Index(text, words)
	d.Types, d.Proactive, d.Facts.SharedTarget = []align.Type{3, 2}, false, "no"
	d.Scores[1].Evidence = append([]align.Evidence{{Start: at, End: at + len(words), Quote: words, Speaker: "user", Weight: 9}}, d.Scores[1].Evidence...)
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "There is a structural layer under it too (\"The bonus of my team is on MQL\")") {
		t.Errorf("the structural layer is not stated with its words:\n%s", a)
	}
}

// TestWhatToDoBeforeADateIsAnsweredInOrder: asked what to do before a
// date, the plan gives its steps in the playbook's order, dated.
func TestWhatToDoBeforeADateIsAnsweredInOrder(t *testing.T) {
	text := "Our VP Sales, Lena, says our MQLs are students and her reps stopped calling them in March. Of 1,180 MQLs this year, 41 became opportunities. The 2027 planning meeting is on Thursday 10 December. What should I do before the planning meeting?"
	_, p := build(t, intake.Input{Situation: text})
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "On what to do before Thursday 10 December: in this order, talk to Lena first") {
		t.Errorf("the question of what to do before the date is not answered:\n%s", a)
	}
}

// TestAChangeNamesAProgramOnlyWhereTheSalesLeaderPutsIt: the first change
// calls a program the sales leader's complaint only when the text tells it
// with them; a program named only in the user's own account is not.
func TestAChangeNamesAProgramOnlyWhereTheSalesLeaderPutsIt(t *testing.T) {
	for _, tt := range []struct {
		text string
		name bool
	}{
		{"Our VP of Sales, Vikram, says our MQLs are chartered accountants and students. He keeps bringing up the GST webinar series: 900 registrants and no deals. What should I do?", true},
		{"Our VP of Sales, Vikram, says our MQLs are chartered accountants and students, and his reps post screenshots of gmail addresses. We also run a GST webinar series every month, and a free health-check tool. What should I do?", false},
	} {
		d, p := build(t, intake.Input{Situation: tt.text})
		if d.Primary() != 1 {
			t.Fatalf("read as %v, want Type 1 first", d.Types)
		}
		if c := section(p, "THE FIRST CHANGE TO MAKE"); strings.Contains(c, "webinar series") != tt.name {
			t.Errorf("names the program: %v, want %v:\n%s", !tt.name, tt.name, c)
		}
	}
}

// TestAnAnswerGoesBackToWhoeverProposedTheMove: a data case someone else
// wants the user to make is answered, and the user is told to say so to
// them, by name.
func TestAnAnswerGoesBackToWhoeverProposedTheMove(t *testing.T) {
	text := "I report to our CMO, Roslyn. Our CRO, Garrett, calls our attribution double counting and says his team sourced those deals. Roslyn wants me to present the model at the January 8 QBR and \"settle this with data once and for all.\" Should I do the presentation the way she wants?"
	_, p := build(t, intake.Input{Situation: text})
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "Tell Roslyn so directly, and why") {
		t.Errorf("the answer does not go back to Roslyn:\n%s", a)
	}
	// The question names the move in words of its own ("the Nate
	// meeting"): it is still the one Alicia put to the user.
	text = "I report to our CMO Alicia. Our CRO Curtis reports to the CEO Nate. Curtis told Nate our sourced number is double counting. Alicia wants me to walk Nate through the attribution model 1:1 before the board meeting. Should I do the Nate meeting?"
	_, p = build(t, intake.Input{Situation: text})
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "Tell Alicia so directly, and why") {
		t.Errorf("the answer does not go back to Alicia:\n%s", a)
	}
	if w := section(p, "WHAT WILL NOT WORK IN THIS SITUATION"); strings.Count(w, "(\"") > 1 {
		t.Errorf("one move named twice:\n%s", w)
	}
}

// TestALeadRuleChangeWeighedAloneIsMadeWithSales: a scoring change the
// user means to make quietly becomes the first change, made with the
// sales leader; "show better numbers" names no program called "the show".
func TestALeadRuleChangeWeighedAloneIsMadeWithSales(t *testing.T) {
	text := "I am head of marketing and our VP Sales, Vikram, does not trust anything marketing sends. He says our MQLs are students and CAs, and he is right: in August we pushed 900 weak leads to hit our number, and his reps now post screenshots of gmail addresses in the sales channel and stopped calling our leads. He told me \"fix your funnel then we talk\" and has not replied since. I am thinking to quietly tighten lead scoring this week. Or should I just fix scoring quietly and show better numbers at SKO?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 1 {
		t.Fatalf("read as %v, want Type 1 first", d.Types)
	}
	c := section(p, "THE FIRST CHANGE TO MAKE")
	if !strings.Contains(c, "but with Vikram rather than quietly") || strings.Contains(c, "the show") {
		t.Errorf("the change is not the scoring change made with Vikram:\n%s", c)
	}
}

// TestAnotherEscalationNamesWhoWasGoneTo: after an escalation, what will
// not work names the person the user went to, not "another escalation".
func TestAnotherEscalationNamesWhoWasGoneTo(t *testing.T) {
	text := "Our EVP Sales, Ron, called marketing the arts and crafts department at kickoff, and his reps stopped coming to our sessions. I went to our CEO right after kickoff and she had a word with him, which made it worse. What now?"
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Types, d.Proactive, d.Facts.Tried, d.Facts.Boss = []align.Type{4}, false, []string{"escalated"}, "the CEO"
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if w := section(p, "WHAT WILL NOT WORK IN THIS SITUATION"); !strings.HasPrefix(strings.TrimSpace(w), "Escalating again by going back to the CEO.") {
		t.Errorf("what will not work does not name the CEO:\n%s", w)
	}
}

// TestAnEitherOrAboutLeadershipIsAnsweredAsEscalation: "or is this now a
// question for the MD?" after a direct talk that failed is answered as
// the escalation it weighs.
func TestAnEitherOrAboutLeadershipIsAnsweredAsEscalation(t *testing.T) {
	text := "I am head of marketing at a machine builder. Our Sales Director, Herr Brandt, is with the company since 31 years and calls marketing a cost. He says customers buy from people and his reps will not touch our leads. I tried twice to talk with him, he listened and nothing changed. Is there anything I can still do with Herr Brandt, or is this now only a question for the MD?"
	_, p := build(t, intake.Input{Situation: text})
	if a := section(p, "SITUATION ASSESSMENT"); !strings.HasPrefix(strings.TrimSpace(a), "To your question: bring in the managing director now.") {
		t.Errorf("the question is not answered as an escalation:\n%s", a)
	}
}

// TestTheRecordRestatesAResultTheEvidenceDidNotQuote: when the evidence
// already quotes one result, the record restates the next one, its
// counts said plainly ("41 opportunities", not "41 became").
func TestTheRecordRestatesAResultTheEvidenceDidNotQuote(t *testing.T) {
	text := "I joined as Director of Demand Generation on 26 October. Our VP of Sales, Oliver, says our MQLs are mostly students and competitors, and his reps stopped calling them in March. Afterwards he told me the previous team ran a webinar series that produced 340 registrants and 2 opportunities. I have checked the CRM and he is broadly right. Of 1,180 MQLs in the first half of the year, 41 became opportunities (3.5%) and 3 closed."
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	words := "Afterwards he told me the previous team ran a webinar series that produced 340 registrants and 2 opportunities"
	at := strings.Index(text, words)
	d.Types, d.Proactive = []align.Type{1}, false
	d.Scores[0].Evidence = append([]align.Evidence{{Start: at, End: at + len(words), Quote: words, Speaker: "user", Weight: 9}}, d.Scores[0].Evidence...)
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "1,180 MQLs and 41 opportunities") {
		t.Errorf("the second result is not restated:\n%s", a)
	}
}

// TestABookedMeetingPacesTheUrgency: with a meeting with the sales leader
// on the calendar and only an uncertain date beyond it, the urgency line
// points at the meeting rather than quoting the far date.
func TestABookedMeetingPacesTheUrgency(t *testing.T) {
	text := "Our VP of Sales, Oliver, says our MQLs are mostly students and competitors, and his reps stopped calling them in March. Of 1,180 MQLs this year, 41 became opportunities. Our CEO wants marketing and sales on the same page for the 2027 plan in January. I have a 1:1 with Oliver booked for Tuesday 8 December. Should I send him my deck beforehand?"
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Urgency, d.Proactive = align.UrgencyHigh, false
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if u := field(p, "Urgency:"); !strings.Contains(u, "you already have time with Oliver on the calendar") {
		t.Errorf("urgency does not point at the booked meeting: %s", u)
	}
}

// TestTypeFourUnderTheUsersOwnManagerAsksForTheSeatAndNamesTheFounder:
// when the sales leader is the user's manager, sitting in on their review
// is part of the job, and the head of the company named under another of
// their titles ("our founder and CEO Pak Arief") is called by name.
func TestTypeFourUnderTheUsersOwnManagerAsksForTheSeatAndNamesTheFounder(t *testing.T) {
	text := "Since the reorganization in September I am reporting to our new Chief Commercial Officer, Pak Hendra Gunawan. Before, I reported to our founder and CEO Pak Arief Santoso. Pak Hendra says in every management meeting \"sales do not need marketing to hit the number\" and calls my team the brochure team. He proposes to cut the marketing budget for 6 more SDRs. Is it OK if I go to Pak Arief directly before 18 December?"
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Types, d.Proactive, d.Facts.Boss, d.Facts.Tried = []align.Type{4}, false, "the founder", nil
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if seat := section(p, "THE SEAT TO GET"); !strings.HasPrefix(strings.TrimSpace(seat), "Yes, and as Hendra's own report") {
		t.Errorf("the seat is refused as oversight:\n%s", seat)
	}
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "To your question: Arief has to hear this before it is decided, but through Hendra") {
		t.Errorf("the answer does not name Arief or go through Hendra:\n%s", a)
	}
}

// TestADateUnderTwoWeeksAwayIsNotGivenTwoWeeks: at moderate urgency, a
// date less than 14 days off is never paced "within the next two weeks".
func TestADateUnderTwoWeeksAwayIsNotGivenTwoWeeks(t *testing.T) {
	text := "I joined as head of marketing in October. Our VP Sales DACH, Matthias, says the trade fair gave 640 badge scans and 2 opportunities, and he is right. The 2027 planning meeting is on Wednesday 9 December. Should I send him my deck before it?"
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Urgency, d.Proactive = align.UrgencyModerate, false
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)))
	if strings.Contains(field(p, "Urgency:"), "two weeks") && !strings.Contains(field(p, "Urgency:"), "less than two weeks") || strings.Contains(field(p, "When:"), "two weeks") {
		t.Errorf("a date 8 days off is paced in two weeks:\n%s\n%s", field(p, "Urgency:"), field(p, "When:"))
	}
}

// TestEvidenceDropsAListMarker: a clause quoted from a bulleted list does
// not keep the bullet, and the quote stays verbatim at its offsets.
func TestEvidenceDropsAListMarker(t *testing.T) {
	text := "Our Head of Sales APAC, Arjun, wants the pipeline counted his way.\n- He asked me in writing to change the rule so any opp an AE touched in the prior 12 months counts as sales-sourced.\n- He wants 5 more AEs."
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	at := strings.Index(text, "asked me in writing")
	d.Types, d.Proactive = []align.Type{3}, false
	d.Scores[2].Evidence = append([]align.Evidence{{Start: at, End: at + len("asked me in writing"), Quote: "asked me in writing", Speaker: "user", Weight: 9}}, d.Scores[2].Evidence...)
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if a := section(p, "SITUATION ASSESSMENT"); strings.Contains(a, "(\"- ") || !strings.Contains(a, "He asked me in writing") {
		t.Errorf("the quote keeps the list marker or lost its words:\n%s", a)
	}
}

// TestADeckSomeoneSuggestsBeforeABookedMeeting: a question right after a
// sentence ending in "why" still weighs its move; a sent intro note is not
// data sent; a 1:1 told with "we" after a sentence about the sales leader
// is the meeting the plan is paced by; a quoted move does not end on the
// subject of the clause after it.
func TestADeckSomeoneSuggestsBeforeABookedMeeting(t *testing.T) {
	text := "I started as Head of Demand Generation five weeks ago. I report to our CMO, Yusra. The VP of Sales, Malcolm, reports to our CRO. The webinar series produced 640 MQLs and 3 opportunities. Malcolm said in the leadership meeting, \"I stopped reading the MQL report in March.\" I sent him an intro note offering coffee and he replied \"Happy to, after quarter close.\" We now have a 30 minute 1:1 booked for Thursday December 10. I built a 12-slide deck on rep follow-up times. Yusra thinks I should send Malcolm the deck before the 10th so he \"comes in informed.\" My gut says otherwise but I can't articulate why. Should I send the deck ahead of the meeting?"
	_, p := build(t, intake.Input{Situation: text})
	a := section(p, "SITUATION ASSESSMENT")
	if !strings.HasPrefix(a, "To your question: no") {
		t.Errorf("the question is not answered: %.120s", a)
	}
	if strings.Contains(a, "expect them to have moved") || strings.Contains(p, "already sent") {
		t.Errorf("a deck never sent is treated as sent:\n%s", a)
	}
	if w := field(section(p, align.SecFirstConvo), "When:"); !strings.Contains(w, "already booked for Thursday 10 December") {
		t.Errorf("When ignores the 1:1 already booked: %q", w)
	}
	if strings.Contains(p, "so he\")") || strings.Contains(p, "10th so he") {
		t.Errorf("a quoted move runs into the next clause:\n%s", p)
	}
}

// TestTheDataSentIsTheOneThatReachedTheSalesLeader: of two pieces of
// data sent, the one told in a sentence about the sales leader is the
// one the plan speaks of, and in a line said to the sales leader it is
// the user's ("my 14-slide deck"), never "your".
func TestTheDataSentIsTheOneThatReachedTheSalesLeader(t *testing.T) {
	text := "Our SVP Sales, Desiree, and I both report to the CEO. In our Q3 board deck, marketing showed 38% of pipeline as marketing-sourced. Desiree's team showed 71% as SDR-sourced. In October I sent her a 9-page attribution methodology doc. She replied, \"We're not relitigating this every quarter.\""
	_, p := build(t, intake.Input{Situation: text})
	if strings.Contains(p, "board deck read as") || !strings.Contains(p, "methodology doc") {
		t.Errorf("the plan speaks of data that never reached Desiree:\n%s", p)
	}
	text = "Our SVP Sales, Desiree, and I both report to the CEO. Desiree's team showed 71% of Q3 pipeline as SDR-sourced. In October I emailed her my 14-slide deck on attribution. She replied, \"We're not relitigating this every quarter.\""
	_, p = build(t, intake.Input{Situation: text})
	if o := field(p, "How to open it:"); strings.Contains(o, "send your") {
		t.Errorf("a line said to Desiree calls the user's deck hers: %s", o)
	}
}

// TestAnOwnedRecordIsStatedNotHedged: when the user owns the record in
// words of their own ("That's on us"), a second layer of earned
// skepticism is stated with those words, not left as a thing to check.
func TestAnOwnedRecordIsStatedNotHedged(t *testing.T) {
	text := "I'm RevOps Director and report to our CRO. Our RVP Enterprise, Callum, is my peer. In August a routing bug sent 212 of his enterprise leads to the wrong SDR pool for 19 days. That's on us, fully, I know that. Since then Callum has had his reps reclassify 37 opps from marketing-sourced to self-gen, and said \"RevOps can't route a lead, why would we trust them to count one.\""
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Types = []align.Type{3, 1}
	a := section(plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))), "SITUATION ASSESSMENT")
	if !strings.Contains(a, "as you say yourself (\"That's on us\")") || strings.Contains(a, "if some of what it sent was weak") {
		t.Errorf("an owned record is hedged:\n%s", a)
	}
}

// TestAOneOnOneWithLeadershipPacesATypeFourPlan: for a sales leader who
// does not accept marketing, the first step is leadership's, and a
// one-on-one with them already booked is when it happens.
func TestAOneOnOneWithLeadershipPacesATypeFourPlan(t *testing.T) {
	text := "I report to the CEO, Sipho. Our Chief Sales Officer, Pieter, said at the offsite, \"Sales doesn't need marketing to hit its number. Marketing is a nice-to-have.\" He removed marketing from the Monday pipeline review. I have my monthly one-on-one with Sipho on Tuesday 8 December. How should I frame it?"
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Types = []align.Type{4}
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)))
	if w := field(section(p, align.SecFirstConvo), "When:"); !strings.Contains(w, "one-on-one with Sipho on Tuesday 8 December") {
		t.Errorf("When ignores the one-on-one with Sipho: %q", w)
	}
}

// TestCancelledMeetingsAreNoConversationHeld: when every meeting the
// user tells of was cancelled by the sales leader, a direct conversation
// read from the invitation is not answered as one that took place.
func TestCancelledMeetingsAreNoConversationHeld(t *testing.T) {
	text := "I am Head of Marketing and report to the CEO, Thierry. Our Sales Director, Stéphane, said in the leadership meeting that marketing is nice for the brand but the pipe is the phone. I invited him for a one to one two times, on 6 November and 20 November, and both times he cancelled the same morning. Do I go to Thierry now?"
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	d.Types = []align.Type{4}
	d.Facts.Tried = []string{"direct_conversation"}
	p := plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)))
	for _, said := range []string{"already happened", "when we talked", "already talked"} {
		if strings.Contains(p, said) {
			t.Errorf("plan answers a conversation that never took place (%q):\n%s", said, p)
		}
	}
}

// TestASuspectedEscalationIsClearedNotOwned: when the text says the sales
// leader believes the user went above them, and the user says they did
// not, the plan has the user clear it up, and never has them apologise
// for an escalation nobody made.
func TestASuspectedEscalationIsClearedNotOwned(t *testing.T) {
	text := "I'm Head of Marketing. Our VP Sales, Dmitri, said at the offsite that he got to $50M without marketing. Our CEO, Ingrid, asked me in passing how things were going. At the all-hands she announced that marketing will own 40% of pipeline, and I heard she told Dmitri to get on board with marketing. So now I have a VP Sales who thinks I complained to the CEO. What do I do?"
	p, _ := planWith(t, text, func(d *align.Diagnosis) { d.Types = []align.Type{4} })
	if !strings.Contains(p, `a VP Sales who thinks I complained to the CEO"`) || !strings.Contains(p, "what you did and did not say") {
		t.Errorf("plan does not clear up the suspicion:\n%s", p)
	}
	for _, owned := range []string{"I should have come to you", "went over his head", "went above him, so own it"} {
		if strings.Contains(p, owned) {
			t.Errorf("plan owns an escalation nobody made (%q):\n%s", owned, p)
		}
	}
}

// TestASurfaceLevelCoffeeIsNoConversationHeld: a meeting the user calls
// no real conversation ("it was fine but surface level") is not the
// honest one on one the playbook means, so the plan does not treat the
// first conversation as held.
func TestASurfaceLevelCoffeeIsNoConversationHeld(t *testing.T) {
	p, d := planWith(t, readTestdata(t, "shallow-coffee.md"), nil)
	if !slices.Contains(d.Facts.Tried, "direct_conversation") {
		t.Skip("the reader no longer takes the coffee for a conversation; nothing for the plan to correct")
	}
	for _, said := range []string{"You have had the first honest conversation", "when we last talked", "already happened"} {
		if strings.Contains(p, said) {
			t.Errorf("plan treats a surface-level coffee as the conversation held (%q):\n%s", said, p)
		}
	}
}

// TestAManagerWhoAskedToWaitComesFirst: when the user's own manager sits
// between them and the sales leader and asked them to hold off, the
// first conversation starts with that manager, not around them.
func TestAManagerWhoAskedToWaitComesFirst(t *testing.T) {
	text := "I report to Elodie Marchetti, our director of marketing. Marketing reports into our CRO, Vikram Osei, who still runs sales, so he's my boss's boss. He changed how marketing-sourced is defined and moved two of my headcount into AE roles. I wrote an email to Vikram with the analysis. Elodie read the draft and told me to sit on it for now. Is there a version I can send?"
	p, _ := planWith(t, text, func(d *align.Diagnosis) {
		d.Types = []align.Type{3}
		d.Facts.Tried = []string{}
	})
	if !strings.Contains(p, "Who should be in the room: Two conversations, in order. First your own manager Elodie, who asked you to hold off") {
		t.Errorf("plan goes to the sales leader around the manager who asked to wait:\n%s", p)
	}
}

// TestAGuessIsNotEvidence: the user's own guess at the sales leader
// ("Part of me also thinks Declan just doesn't believe in marketing") is
// a fear, not evidence of what the sales leader does, so the assessment
// never cites it as what shows the type.
func TestAGuessIsNotEvidence(t *testing.T) {
	p, _ := planWith(t, readTestdata(t, "guess-evidence.md"), func(d *align.Diagnosis) { d.Types = []align.Type{4} })
	if strings.Contains(p, "(\"Part of me also thinks") {
		t.Errorf("plan cites the user's guess as the type's evidence:\n%s", p)
	}
}

// planWith diagnoses text, lets edit set what the test pins (types,
// tried), and renders the plan dated 1 December 2026.
func planWith(t *testing.T, text string, edit func(*align.Diagnosis)) (string, align.Diagnosis) {
	t.Helper()
	e := eng(t)
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		edit(&d)
	}
	return plan.Text(plan.Build(e.PB, sit, d, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))), d
}

// readTestdata is a file under testdata, as text.
func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Leadership told the two to settle it between them ("I'm not going to
// referee"): a Type 4 plan does not send the user to them first; after a
// direct conversation that failed, the sales leader hears it first and
// leadership is asked for a decision, not a ruling. The trigger is never
// "now".
func TestAPlanDoesNotGoFirstToWhoeverWillNotReferee(t *testing.T) {
	const talk = " Declan and I had a one-on-one in October and he said \"I don't need marketing, I need my SDRs making more dials.\""
	const ref = " Imogen said \"I need you and Declan to figure this out, I'm not going to referee.\""
	base := "I'm VP Marketing. Declan is our CRO; we both report to our CEO, Imogen. Since the summer he took marketing off the QBR agenda and calls our events a fantasy."
	for _, c := range []struct {
		text, whoPrefix, escWants string
	}{
		{base + ref, "Declan alone", "Not while"},
		{base + talk + ref, "Two conversations, in order. Declan first", "ask Imogen for a decision"},
		{base + talk, "Two separate conversations. First Imogen", ""},
	} {
		p, _ := planWith(t, c.text, func(d *align.Diagnosis) { d.Types = []align.Type{4} })
		who, esc := field(p, align.LabelWho), section(p, align.SecEscalation)
		if !strings.HasPrefix(who, c.whoPrefix) {
			t.Errorf("%q\nwho: %s\nwant it to start %q", c.text, who, c.whoPrefix)
		}
		if strings.Contains(c.text, "referee") && (strings.Contains(esc, "Imogen now") || !strings.Contains(esc, c.escWants)) {
			t.Errorf("%q\nescalation: %s\nwant %q and no \"Imogen now\"", c.text, esc, c.escWants)
		}
	}
}

// An assumption the advice does not turn on is listed in the JSON but not
// said: a structural plan reads the same for someone new and someone
// established (plan.assumptions.tenure.matters).
func TestTheAssessmentSaysOnlyTheAssumptionsThatMatter(t *testing.T) {
	text := "I'm VP Marketing. Our VP of Sales, Dana, and I both report to the CEO. My team is bonused on MQL volume; Dana's team is paid on closed revenue, and we have no shared target. The CEO sees it. Dana says our MQL number means nothing to her. This has gone on since March, and I have not raised it with her directly yet."
	for _, typ := range []align.Type{2, 1} {
		res, err := eng(t).Plan(intake.Input{Situation: text}, "")
		if err != nil || res.Plan == nil {
			t.Fatalf("no plan: %v", err)
		}
		tenure := false
		for _, a := range res.Plan.Assumptions {
			tenure = tenure || a.Field == "tenure"
		}
		if !tenure {
			t.Fatalf("the text does not say how long the user has been in the role, yet tenure is not assumed: %+v", res.Plan.Assumptions)
		}
		p, _ := planWith(t, text, func(d *align.Diagnosis) { d.Types = []align.Type{typ} })
		said := strings.Contains(section(p, align.SecAssessment), "established in your role")
		if said != (typ == 1) {
			t.Errorf("Type %d: the tenure assumption said %v, want %v:\n%s", typ, said, typ == 1, section(p, align.SecAssessment))
		}
	}
}

// The first conversation's timing follows what the user told: the day
// they meant to walk the sales leader through their data is the slot for
// it, without the data; a sales leader who turned the last invitations
// down is asked in person, not sent another. Without the sentence that
// tells it, the plan says neither.
func TestWhenFollowsWhatTheUserToldAboutTheMeeting(t *testing.T) {
	for _, c := range []struct{ text, told, want string }{
		{
			text: "Our VP of Sales, Brendan, says marketing leads are a tax on his reps' time. Last year we handed over 2,310 MQLs and 61 became opportunities. I've built a 22-slide deck showing MQL-to-close by source, and I was planning to walk Brendan through it on Thursday. Is the deck the right move?",
			told: " on Thursday",
			// Built on Tuesday 1 December 2026: Thursday is the 3rd.
			want: "On Thursday 3 December, in the slot you meant to use for the 22-slide deck",
		},
		{
			text: "I run RevOps. Our VP of Sales, Colm, calls marketing's pipeline number fiction; marketing is bonused on MQLs and his team on bookings. Colm has since declined two follow-up invites, saying his AEs are in forecast crunch until year end.",
			told: " Colm has since declined two follow-up invites, saying his AEs are in forecast crunch until year end.",
			want: "not by another calendar invite (\"Colm has since declined two follow-up invites",
		},
	} {
		p, _ := planWith(t, c.text, nil)
		if w := field(p, align.LabelWhen); !strings.Contains(w, c.want) {
			t.Errorf("when: %s\nwant %q", w, c.want)
		}
		p, _ = planWith(t, strings.Replace(c.text, c.told, "", 1), nil)
		if w := field(p, align.LabelWhen); strings.Contains(w, c.want[:20]) {
			t.Errorf("%q not told, yet: %s", c.told, w)
		}
	}
}

// A decision being made now is running, not ahead: the urgency and the
// first conversation say so rather than "well before it".
func TestADecisionBeingMadeNowIsNotADateAhead(t *testing.T) {
	text := "I run RevOps. Our VP of Sales, Benedikt, calls our MQLs noise; marketing is bonused on MQLs and his team on signed spend, with no shared target. 2027 targets are being drafted now and I really don't want to repeat this year."
	p, _ := planWith(t, text, nil)
	u, w := field(p, align.LabelUrgency), field(p, align.LabelWhen)
	if !strings.Contains(u, "being settled now") || strings.Contains(u, "well before") || strings.Contains(w, "well before") {
		t.Errorf("urgency: %s\nwhen: %s", u, w)
	}
}

// TestTheRoomLeavesOutWhomTheTextNames: the people from leadership a text
// names are left out of the first conversation by name, and a text that
// names none gets no such list.
func TestTheRoomLeavesOutWhomTheTextNames(t *testing.T) {
	for _, tt := range []struct{ text, want, not string }{
		{"Our Chief Commercial Officer, Vikram, and I both report to the CEO, Grace. Vikram disputes how we count every deal, and he wants my SDRs moved under him. Our CFO, Jonathan, decides the headcount on 9 December. How do I handle Vikram?", "Grace or Jonathan", ""},
		{"Our VP of Sales, Priya, disputes how we count every deal and wants my SDRs moved under her. We both report to the CEO. How do I handle Priya?", "", "not Grace"},
	} {
		_, p := build(t, intake.Input{Situation: tt.text})
		who := field(p, "Who should be in the room:")
		if tt.want != "" && !strings.Contains(who, "not "+tt.want) && !strings.Contains(who, "without "+tt.want) {
			t.Errorf("%q\nleaves out no one by name: %s", tt.text, who)
		}
		if tt.want == "" && (strings.Contains(who, ": not ") || strings.Contains(who, "copied on the invitation")) {
			t.Errorf("%q\nnames people the text does not: %s", tt.text, who)
		}
	}
}

// TestAnAnswerAboutGoingUpNamesWhomTheUserMeans: the answer to "should I
// go to X?" speaks of X, whoever the escalation trigger would name, and
// a swap of marketing's own target for a pipeline target is a shared
// number that goes to the sales leader first.
func TestAnAnswerAboutGoingUpNamesWhomTheUserMeans(t *testing.T) {
	text := "I'm Marketing Director and report to our COO, Martin. Our Head of Sales, Eoin, reports to the CEO, Sinead. Our CFO, Patrick, designs the bonus plans for both teams. My bonus is tied to MQL volume; Eoin's team is measured on new contract value. I'm tempted to go straight to Patrick with a proposal to replace my MQL target with a pipeline target. Should I take it to him now?"
	_, p := build(t, intake.Input{Situation: text})
	a := section(p, "SITUATION ASSESSMENT")
	if !strings.Contains(a, "Eoin first") || !strings.Contains(a, "before it goes to Patrick") {
		t.Errorf("the answer does not take the shared number to Eoin before Patrick:\n%s", a)
	}
}

// TestLeadershipIsReachedThroughTheUsersOwnManager: a Type 4 plan for a
// user whose own manager sits below the top takes the question of what
// marketing is for up through that manager, never past them.
func TestLeadershipIsReachedThroughTheUsersOwnManager(t *testing.T) {
	text := "My title is Marketing Manager and I report to the CFO, Fernando Lima. In August our CEO, Claudia, hired Rodrigo as VP of Sales. In his first leadership meeting Rodrigo said: \"I've hit my number for 22 years without marketing. Marketing is brochures.\" He took me off the forecast meeting invite. How do I win Rodrigo over?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Fatalf("read as type %d, not 4", d.Primary())
	}
	who := field(p, "Who should be in the room:")
	if !strings.Contains(who, "First Fernando, your own manager") {
		t.Errorf("the room goes past the user's own manager: %s", who)
	}
	if esc := section(p, "ESCALATION TRIGGER"); !strings.Contains(esc, "goes through Fernando") {
		t.Errorf("the escalation goes past the user's own manager:\n%s", esc)
	}
}

// TestAChangeTakenBackIsNotReopened: a lead-rule change the user had to
// take back is said to have failed for being made alone and judged on
// the count; the plan does not have the user reopen rules that no longer
// stand, and what not to say names whom the user is tempted to go to.
func TestAChangeTakenBackIsNotReopened(t *testing.T) {
	text := "I'm Marketing Director and report to our COO, Martin Kehoe. Our Head of Sales, Eoin Brady, reports to the CEO, Sinead Walsh. My bonus is tied to MQL volume; Eoin's team is measured on new contract value. His reps say half of what we send is home workers. In Q2 I tightened lead scoring to exclude residential enquiries. MQLs dropped 35% in a month and Martin asked me to put the old scoring back. I did. I'm tempted to go straight to our CFO, Patrick Doyle, about the bonus plans."
	_, p := build(t, intake.Input{Situation: text})
	if a := section(p, "SITUATION ASSESSMENT"); !strings.Contains(a, "did not hold") {
		t.Errorf("the change taken back is not said to have failed:\n%s", a)
	}
	if c := section(p, "THE FIRST CHANGE TO MAKE"); strings.Contains(c, "reopen the lead rules you changed") {
		t.Errorf("the plan reopens rules that were taken back:\n%s", c)
	}
	if ns := field(p, "What not to say:"); strings.Contains(ns, "Sinead") {
		t.Errorf("what not to say names someone the user is not tempted to go to: %s", ns)
	}
}

// TestASharedNumberRaisedBeforeIsNotPitchedAsNew: a user who already
// proposed one shared number is not told to open with it as if new, nor
// told the sales leader refused it when the text says it only stalled.
func TestASharedNumberRaisedBeforeIsNotPitchedAsNew(t *testing.T) {
	text := "I'm measured on inbound enquiries. Our new business director, Jarrah, is measured on signed retainers, and he says my enquiries are \"small fry\". In my second month I suggested to him that we both work off one number: retainer pipeline from any source. He liked it, we agreed to look at it properly after Q3, and then nothing happened. We both report to the MD. How do I get the shared number actually put in place?"
	_, p := build(t, intake.Input{Situation: text})
	if open := field(p, "How to open it:"); strings.Contains(open, "What if we both owned") {
		t.Errorf("the opening pitches the shared number as new: %s", open)
	}
	if c := section(p, "THE FIRST CHANGE TO MAKE"); strings.Contains(c, "turned it down") {
		t.Errorf("the change says the sales leader refused what only stalled:\n%s", c)
	}
}

// TestListenNamesTheProgramHeldAgainstMarketing: a Type 1 plan whose
// sales leader holds a named program against marketing listens for what
// went wrong with that program, by name.
func TestListenNamesTheProgramHeldAgainstMarketing(t *testing.T) {
	text := "Our VP of Sales, Roy, does not take our leads seriously. Roy says the webinar series sends his reps nothing but students, and honestly he is right: we passed every registrant to sales as an MQL. His reps stopped calling our leads. What should I do about Roy?"
	_, p := build(t, intake.Input{Situation: text})
	if l := field(p, "What to listen for:"); !strings.Contains(l, "the webinar series") {
		t.Errorf("what to listen for does not name the program: %s", l)
	}
}

// TestNoFiguresContradictsNoOpening: when the opening owns the record in
// two figures, what not to say does not forbid every figure.
func TestNoFiguresContradictsNoOpening(t *testing.T) {
	text := "Our Head of Sales, Matthias, calls our MQLs lanyard leads. Last year marketing passed 2,380 MQLs to sales. They produced 61 opportunities and 9 orders. What I'm tempted to do: our CRM shows his reps only called 38% of MQLs within ten days, and I want to show him that. How do I get Matthias to engage?"
	_, p := build(t, intake.Input{Situation: text})
	open, ns := field(p, "How to open it:"), field(p, "What not to say:")
	if !strings.Contains(open, "2,380") {
		t.Fatalf("the opening no longer owns the record in figures: %s", open)
	}
	if strings.Contains(ns, "no figures, however sound") {
		t.Errorf("the opening quotes figures that what not to say forbids:\n%s\n%s", open, ns)
	}
}

// TestTheChangeIsReadyForTheDateAhead: a dated occasion beyond the
// change's 30 days is named at the end of the change, so what the sales
// leader hears there is already agreed.
func TestTheChangeIsReadyForTheDateAhead(t *testing.T) {
	text := "Our CCO, Daniel, disputes how we count marketing-sourced deals and wants S$600k of my budget moved to his AEs. He had my QBR slide on sourced pipeline pulled. We both report to the CEO. The budget review is on 10 February. How do I handle Daniel?"
	_, p := build(t, intake.Input{Situation: text})
	if c := section(p, "THE FIRST CHANGE TO MAKE"); !strings.Contains(c, "Have it in place before the budget review on") {
		t.Errorf("the change is not tied to the budget review:\n%s", c)
	}
}

// TestTheFirstChangeStartsBeforeANearDate: a dated occasion inside the 30
// days moves the start of every first change before it, named; a date a
// few days off leaves no time for a change, so the 30 days stand.
func TestTheFirstChangeStartsBeforeANearDate(t *testing.T) {
	for _, tt := range []struct{ date, want string }{
		{"8 December", "Before the review on 8 December, "},
		{"26 November", "Within 30 days, "}, // two days after the plan's date
		{"19 January", "Within 30 days, "},
	} {
		text := "Our GM of Sales, Grant, has told me twice that \"reps find the work, marketing makes brochures\", and his last company never had a marketing team. Last week he told the reps at their sales meeting not to chase \"marketing stuff\". The 100-day review is on " + tt.date + ", where the structure and headcount get locked in."
		_, p := build(t, intake.Input{Situation: text})
		if c := strings.TrimSpace(section(p, "THE FIRST CHANGE TO MAKE")); !strings.HasPrefix(c, tt.want) {
			t.Errorf("review on %s: want the change to start %q:\n%s", tt.date, tt.want, c)
		}
	}
}

// TestTheUsersManagerIsCalledByName: a manager the text names is asked by
// name, not as "them", and going up oneself is ruled out for now, not for
// good, since the escalation trigger says when it becomes right.
func TestTheUsersManagerIsCalledByName(t *testing.T) {
	text := "I report to Fiona McLaren, head of marketing, and Fiona reports to our CRO, Alasdair Reid. Alasdair has said from his first week that pipeline is a sales job and marketing is not needed. His draft budget cuts our programme spend from £380k to £150k. Our CEO is Isla. I've been tempted to message Isla directly. What should I do?"
	_, p := build(t, intake.Input{Situation: text})
	if strings.Contains(p, "ask them to") {
		t.Errorf("the named manager is called them:\n%s", p)
	}
	if !strings.Contains(p, "ask Fiona to") {
		t.Errorf("the named manager is not asked by name:\n%s", p)
	}
	if w := section(p, "WHAT WILL NOT WORK IN THIS SITUATION"); strings.Contains(w, "going to Isla yourself,") {
		t.Errorf("going up is ruled out for good:\n%s", w)
	}
}

// TestTradeWords: a plan speaks of deals, pipeline and the pipeline review
// only to a user whose text speaks the funnel's language; to anyone else
// it says the trade's own noun for what sales wins, or customers and new
// business, and the sales meeting.
func TestTradeWords(t *testing.T) {
	tests := []struct {
		name, text string
		want, not  []string
	}{
		{"a software company", type3, []string{"deal", "pipeline review"}, []string{"new business", "customers"}},
		{"a distributor that takes orders", "Our sales director, Henrike, says the trade fair enquiries are a waste of her account managers' time, and she has told them the distributor orders come from their own visits, not from marketing. She wants the trade fair money moved to her travel budget. We both report to the managing director. I have run marketing here for three years.",
			[]string{"orders"}, []string{"deal", "pipeline"}},
		{"no word for what is sold", "Our head of trade, Bastiaan, says marketing is a cost centre and his regional managers do not need us. He cancelled our last two meetings. In order to get anywhere I need him in a room. I report to the general manager, and so does he. I have been here a year.",
			[]string{"customers"}, []string{"orders", "deal", "pipeline"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, p := build(t, intake.Input{Situation: tt.text})
			low := strings.ToLower(p)
			for _, w := range tt.want {
				if !strings.Contains(low, w) {
					t.Errorf("plan never says %q:\n%s", w, p)
				}
			}
			for _, w := range tt.not {
				if regexp.MustCompile(`\b` + w).MatchString(low) {
					t.Errorf("plan says %q:\n%s", w, p)
				}
			}
		})
	}
}

// TestWhereSomeoneSitsIsNoEvidence: a clause that only places the sales
// leader ("sits on the executive team and is, in practice, senior to both
// of us") sets the scene, like a reporting line; it is never quoted as a
// type's evidence.
func TestWhereSomeoneSitsIsNoEvidence(t *testing.T) {
	_, p := build(t, intake.Input{Situation: "I report to our CMO, Ingrid. Our Chief Commercial Officer, Dr Matthias Lindqvist, sits on the executive team and is, in practice, senior to both of us. At the Q3 review I presented an attribution model showing 38% of pipeline had a marketing touch. Dr Lindqvist challenged the method in front of the CEO and told his regional directors not to log show contacts against campaigns. How do I work with him?"})
	if a := section(p, "SITUATION ASSESSMENT"); strings.Contains(a, "sits on the executive team") {
		t.Errorf("a clause about where he sits quoted as evidence:\n%s", a)
	}
}

// TestRevOpsInACreditFight: a RevOps lead under the sales leader, asked
// what goes on the slide, keeps the source field as sales sets it and
// shows the doubt as a line of its own; the plan does not have RevOps
// recode deals, and it does not speak to the user as marketing.
func TestRevOpsInACreditFight(t *testing.T) {
	text := "I'm head of RevOps at a telematics SaaS company and I report to our CRO, Paolo. Marketing is run by Noor, a peer of mine. Since July AEs get 1.5x commission on self-sourced opportunities and Noor's team is bonused on marketing-sourced pipeline. 27 of 64 inbound opportunities had their source changed to AE Sourced after the first call. I raised it with Paolo in our 1:1 and he said \"source is a sales call, don't touch it\". The board meeting is 21 January and the pipeline by source slide is mine to build. What do I put on that slide?"
	_, p := build(t, intake.Input{Situation: text})
	if a := section(p, "SITUATION ASSESSMENT"); !strings.HasPrefix(a, "On what to put forward") || strings.Contains(a, "view of marketing is his view of your work") {
		t.Errorf("assessment:\n%s", a)
	}
	if ch := section(p, "THE FIRST CHANGE TO MAKE"); strings.Contains(ch, "reclassify") || !strings.Contains(ch, "keep the source field") {
		t.Errorf("first change:\n%s", ch)
	}
}

// TestABudgetDecidedSoonOnACategoricalLeader: when a categorical sales
// leader's budget bid for marketing's money is signed off inside the
// window, the first change puts the question only leadership can answer
// before it, and the political layer is the budget in play, not a guess.
func TestABudgetDecidedSoonOnACategoricalLeader(t *testing.T) {
	text := "I'm Head of Marketing at a fire safety company and report to the MD, Josephine. Our new Sales Director, Clive, also reports to her. In his first week he said \"I've never needed marketing to hit a number. Give me two more field reps.\" His draft budget moves £85k of my £140k marketing budget into two field sales hires, and Josephine signs off the final budget at the leadership meeting on Tuesday 8 December. Marketing's budget is on the table. He cancelled our meeting twice. Do I go to Josephine before Tuesday or keep trying with Clive?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 || d.Urgency != align.UrgencyCritical {
		t.Fatalf("read as %v %s, want a critical Type 4", d.Types, d.Urgency)
	}
	if ch := section(p, "THE FIRST CHANGE TO MAKE"); !strings.Contains(ch, "put to Josephine the question the budget turns on") {
		t.Errorf("first change:\n%s", ch)
	}
	if a := section(p, "SITUATION ASSESSMENT"); strings.Contains(a, "There may be a political layer") {
		t.Errorf("a guessed political layer beside a budget in play:\n%s", a)
	}
}

// TestTheOwnersAreAboveTheBoss: above a sales leader who is the user's
// own manager, leadership the text names only as a body ("set by the
// owners") is who going above them reaches.
func TestTheOwnersAreAboveTheBoss(t *testing.T) {
	text := "I'm the marketing manager at a dental lab and I report to our Sales Director, Lorraine. My target, set by the owners in the business plan, is 450 new practice enquiries. Lorraine's team is measured on new accounts, and only 22 of my 410 enquiries became one. She says I fill the CRM with dentists who want a free sample. How do I raise this with Lorraine?"
	_, p := build(t, intake.Input{Situation: text})
	if e := section(p, "ESCALATION TRIGGER"); !strings.Contains(e, "the owners") || strings.Contains(e, "Lorraine's own manager") {
		t.Errorf("escalation:\n%s", e)
	}
}

// TestRevOpsStartingOut: a RevOps lead new beside a sales leader is not
// told to hold back a marketing roadmap or a rebrand; what they would open
// with is a verdict or the reports they mean to build.
func TestRevOpsStartingOut(t *testing.T) {
	text := "Three weeks ago I started as Director of Revenue Operations at a B2B SaaS company, and I report to our CRO, Renata. She is great to work for. Nothing is on fire and there is no history between us yet. Marketing is run by Joaquin, a peer of Renata's. I'd rather build this properly from the start. What should my first move with Renata be?"
	d, p := build(t, intake.Input{Situation: text})
	if !d.Proactive {
		t.Fatalf("read as %v, want proactive", d.Types)
	}
	if n := field(p, "What not to say:"); strings.Contains(n, "marketing's roadmap") || !strings.Contains(n, "reports you mean to build") {
		t.Errorf("what not to say: %s", n)
	}
	if w := section(p, "WHAT WILL NOT WORK IN THIS SITUATION"); strings.Contains(w, "rebrand") {
		t.Errorf("will not work:\n%s", w)
	}
}

// Issue 11, from blind round sbs61: the assessment restates the facts that
// decide the case in whole clauses.
func TestAssessmentRestatesDecidingFacts(t *testing.T) {
	t.Run("a structural assessment names both scoreboards", func(t *testing.T) {
		d, text := build(t, intake.Input{Situation: "I run marketing at a 300-person sensors company. Our VP Sales, Julian, joined eight months ago. Julian's bonus is paid entirely on closed revenue from accounts his team sourced, and my team is measured on MQL volume. Last quarter we passed 410 MQLs; Julian's count in the QBR was that 12 of them became opportunities. I report to the CEO, and so does Julian. What should I do?"})
		if d.Primary() != 2 {
			t.Skipf("read as type %d; this checks the structural assessment", d.Primary())
		}
		a := section(text, "SITUATION ASSESSMENT")
		for _, want := range []string{"measured on MQL volume", "bonus is paid entirely on closed revenue", "410 MQLs"} {
			if !strings.Contains(a, want) {
				t.Errorf("assessment lacks %q:\n%s", want, a)
			}
		}
	})
	t.Run("leadership's share for marketing, told to the user, is a mandate", func(t *testing.T) {
		d, text := build(t, intake.Input{Situation: "I joined as Head of Marketing in January and report to the CEO, Matthias. Sales is run by his co-founder, Uwe, who told me marketing was \"a brochure department\" and that he'd grown the business without one. On 18 March I asked him for an hour to understand what his team needs. It went badly: \"I don't need leads. If you want to help, book my flights.\" In my interview Matthias said he wants 20 percent of new business to come from marketing within two years. He hasn't said that to Uwe, as far as I know."})
		if d.Primary() != 4 {
			t.Skipf("read as type %d; this checks the categorical assessment", d.Primary())
		}
		a := section(text, "SITUATION ASSESSMENT")
		if strings.Contains(a, "Nothing you describe shows leadership saying what marketing is for") || !strings.Contains(a, "Leadership has told you what it wants from marketing") || strings.Contains(a, "has not taken a position") {
			t.Errorf("the mandate told to the user is not read:\n%s", a)
		}
	})
	t.Run("a cited clause neither opens on a sentence adverb nor ends on a joining word", func(t *testing.T) {
		_, text := build(t, intake.Input{Situation: "I joined as Head of Marketing on 3 February. Our Commercial Director, Ruud, doesn't rate my team. Ruud said, \"Marketing sent us 1,100 leads last year and I can count the orders on two hands.\" I checked, and he is roughly right: 1,104 MQLs, 9 closed deals. He also brought up the parasiticide webinar from last September, which had 260 registrants and, by his count, zero opportunities, because half the registrants were veterinary students. Still, in my first week he told me marketing was \"a brochure department\". How do I approach Ruud?"})
		for _, bad := range []string{"260 registrants and\")", "(\"Still,"} {
			if strings.Contains(text, bad) {
				t.Errorf("plan cites a cut clause (%q):\n%s", bad, text)
			}
		}
	})
}

// A RevOps lead whose boss is the sales leader is scored on neither
// team's number: the opening never says "my target" (blind round sbs61).
func TestRevOpsOpeningUnderTheSalesLeader(t *testing.T) {
	d, text := build(t, intake.Input{Situation: "I run Revenue Operations and I report to our Head of Sales, Lachlan. Marketing reports separately to our CMO, Nerida. Nerida's team is bonused on 450 MQLs a quarter. Lachlan's reps are paid on signed contract value. Of 512 MQLs last quarter, 3 were signed. Lachlan said, \"They're paid to fill a bucket, I'm paid to win roofs.\" How do I raise this with him?"})
	if d.Primary() != 2 {
		t.Skipf("read as type %d; this checks the structural opening", d.Primary())
	}
	if open := field(section(text, "THE FIRST CONVERSATION"), "How to open it:"); strings.Contains(open, "my target") {
		t.Errorf("a RevOps lead's opening claims a target of their own: %s", open)
	}
}

// TestAssessmentQuotesWordsOnce: words the sales leader said to others,
// when the type's evidence already holds them, are called public once and
// not quoted a second time in the same assessment.
func TestAssessmentQuotesWordsOnce(t *testing.T) {
	for _, text := range []string{
		"I run marketing at a 200-person logistics software company. Our CRO, Helena, told the exec team on Monday that marketing \"hasn't produced a single real opportunity this year\". That's not true: 31 of the 80 opportunities in the pipeline came from our webinars, but her team logs every one of them as sales-sourced. I've been here 14 months, she joined 8 months ago, and we both report to the CEO. How do I raise the sourcing issue without starting a war?",
		"Our VP of Sales, Odile, said at the kickoff that marketing \"sends us tyre-kickers\" and that her reps should work their own lists first. We both report to the COO and I have been here two years.",
		type1, type2, type3, type4,
	} {
		d, p := build(t, intake.Input{Situation: text})
		a := section(p, align.SecAssessment)
		for _, q := range d.Facts.Quotes {
			if n := strings.Count(a, q.Quote); q.Quote != "" && n > 1 {
				t.Errorf("the assessment quotes %q %d times:\n%s", q.Quote, n, a)
			}
		}
	}
}

// TestUrgencyReasonNamesTheLeader: the reason the urgency line gives, in
// the playbook's words about "the sales leader", names a named sales
// leader as the rest of the plan does.
func TestUrgencyReasonNamesTheLeader(t *testing.T) {
	for _, text := range []string{
		"Our VP of Sales, Kofi, has told his reps to ignore every webinar lead. The budget review is on 14 January and he wants half my budget for SDRs. We both report to the CEO. I have been here three years.",
		"Our CRO, Anneke, told her AEs in Monday's team call to stop working marketing leads altogether. We both report to the CEO and I have been here two years.",
		type1, type2, type3, type4,
	} {
		d, p := build(t, intake.Input{Situation: text})
		u := field(p, "Urgency:")
		if d.Facts.Leader.Name != "" && strings.Contains(strings.ToLower(u), "the sales leader") {
			t.Errorf("the urgency line does not name %s: %s", d.Facts.Leader.Name, u)
		}
	}
}

// TestAMandateGivenIsNotAskedForAgain: a user whose founder already said
// what marketing is for, and who asks what to ask for, is told to have it
// said to the sales leader, not to ask leadership the question again.
func TestAMandateGivenIsNotAskedForAgain(t *testing.T) {
	text := "Two months ago I started as the first marketing manager at a 90-person IT services firm. I report to the Sales Director, Pieter, who reports to the founder, Lerato. Pieter did not want the role created. He told me in my first week: \"We have never needed marketing and I don't see why that changes.\" He has not read my plan, and he won't give me time with his team because they are too busy closing. Lerato told me when she hired me that she wants 30% of new business to come from inbound within two years. Should I go to Lerato, and what exactly do I ask for?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Skipf("read as type %d, not 4; this test is about the Type 4 answer", d.Primary())
	}
	a := section(p, align.SecAssessment)
	if strings.Contains(a, "a question, not a program") || !strings.Contains(a, "On what to ask for") {
		t.Errorf("a mandate already given is asked for again:\n%s", a)
	}
	if !strings.Contains(a, "through Pieter") {
		t.Errorf("the answer does not go through the user's own manager:\n%s", a)
	}
}

// TestAnOpeningOwnsTheRecordTheUserConcedes: where the user concedes part
// of marketing's record in a fight about control, the opening owns it
// before anything else, as the assessment says to.
func TestAnOpeningOwnsTheRecordTheUserConcedes(t *testing.T) {
	text := "I run marketing at a 300-person logistics software firm. Our CRO, Dmitri, joined in March and reports to the CEO, as I do. He keeps bringing up the 2023 trade show that cost 90,000 and produced one deal. Some of it is fair: our lead to opportunity rate is still 9%. But now he wants the SDR team moved under him with the paid search budget, and at the board he called the Q2 enterprise win, which came from our webinar, sales-sourced. What do I do?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 3 || !slices.Contains(d.Types, 1) {
		t.Skipf("read as %v, not Type 3 with Type 1", d.Types)
	}
	c := section(p, align.SecFirstConvo)
	open := c[strings.Index(c, align.LabelOpen):]
	open, _, _ = strings.Cut(open, "\n")
	if !strings.Contains(open, "fair") {
		t.Errorf("the opening does not own the record the user concedes:\n%s", open)
	}
}

// TestHandingOverTheTeamIsNamed: a user weighing giving the contested team
// away to end the fight is told why that will not work, in their words.
func TestHandingOverTheTeamIsNamed(t *testing.T) {
	text := "I run marketing at a 400-person insurance software company. Our VP of Sales, Marta, and I both report to the COO, Ben. Marta wants my SDR team and the events budget moved under her, and she re-tags our sourced opportunities as sales-sourced every month before the board pack. I'm half tempted to just hand over the SDR team to keep the peace. What would you do?"
	_, p := build(t, intake.Input{Situation: text})
	w := section(p, align.SecWillNotWork)
	if !strings.Contains(w, "hand over the SDR team") || !strings.Contains(w, "Handing over") {
		t.Errorf("the move the user weighs is not named:\n%s", w)
	}
}

// TestAFailedTalkIsFollowedByTheClarifyingAsk: after a direct
// conversation the sales leader walked out of, the next one tells them,
// first, that leadership will be asked to clarify expectations.
func TestAFailedTalkIsFollowedByTheClarifyingAsk(t *testing.T) {
	text := "I run RevOps at a 200-person logistics software firm and report to the CFO, Anna. Our CRO, Felix, reports to the CEO. In March Felix had me change the source rule so any opportunity an AE touched counts as sales-sourced, and marketing's share fell from 40% to 15%. Now he uses the 15% to ask the CEO for marketing's events budget. Last month I walked him through 30 opportunities one on one. He said, \"Stay in your lane,\" and left after ten minutes. What should I do?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() == 4 || !slices.Contains(d.Facts.Tried, "direct_conversation") {
		t.Skipf("read as type %d with tried %v", d.Primary(), d.Facts.Tried)
	}
	c := section(p, align.SecFirstConvo)
	if !strings.Contains(c, "did not go well") || !strings.Contains(c, "hear it from me first") {
		t.Errorf("the first conversation ignores that the last one failed:\n%s", c)
	}
}

// TestGoingAroundYourOwnManagerIsNotTheOpening: a Type 4 sales leader who
// is the user's own manager is not told "I have asked the MD" in the
// opening, and going to the MD unannounced is named as what will not work.
func TestGoingAroundYourOwnManagerIsNotTheOpening(t *testing.T) {
	text := "I'm the marketing lead at a 120-person solar installer. I report to Grant, our National Sales Director, and Grant reports to the MD, Fiona. In his first week Grant told me, \"I've hit target nine years straight without a single marketing lead.\" In February he cut my budget in half. When I asked him in our 1:1 in April about the case studies I wrote for his reps, he said they were \"nice to have.\" I'm tempted to book time with Fiona without telling Grant. Is there any way to change his mind, or is going to Fiona the only option?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Skipf("read as type %d, not 4", d.Primary())
	}
	c := section(p, align.SecFirstConvo)
	if strings.Contains(c, "I have asked") {
		t.Errorf("the opening tells the user's own manager the MD was already asked:\n%s", c)
	}
	if w := section(p, align.SecWillNotWork); !strings.Contains(w, "without telling Grant") {
		t.Errorf("going to the MD unannounced is not named:\n%s", w)
	}
	if a := section(p, align.SecAssessment); !strings.HasPrefix(a, "To your question") {
		t.Errorf("the question is not answered first:\n%s", a)
	}
}

// TestNewDataIsNotTheDeckSentAgain: asked whether to show new numbers,
// after a deck already went nowhere, the answer is about the new numbers,
// not "do not send the deck again".
func TestNewDataIsNotTheDeckSentAgain(t *testing.T) {
	base := "I run demand gen at a 150-person software firm and joined in February. Our VP Sales, Joost, says my leads are garbage; last year's webinar series, before my time, produced 1,140 leads and 9 opportunities. On 14 May I sent him a 12-slide deck with the new numbers. He replied-all: \"Nice slides. Still waiting for pipeline.\" "
	for _, c := range []struct {
		ask   string
		again bool
	}{
		{"His SDRs called only 31% of my leads within 48 hours. Do I show the follow-up data at Thursday's review or not?", false},
		{"Should I send him the deck again before Thursday's review?", true},
	} {
		_, p := build(t, intake.Input{Situation: base + c.ask})
		a := section(p, align.SecAssessment)
		if got := regexp.MustCompile(`\bagain\b`).MatchString(a); got != c.again || !strings.HasPrefix(a, "To your question") {
			t.Errorf("%q: answer speaks of sending again %v, want %v:\n%s", c.ask, got, c.again, a)
		}
	}
}

// TestTheAssessmentRestatesTheFigures: the sentences that tell the case's
// figures are restated in the assessment, turned to the user ("my
// budget" is "your budget", the sales leader's "he" is their name), with
// the sales leader's quoted words left as they were; the user's case
// against how sales worked the leads is not restated where the record is
// the type (blind round sbs64: "the 86 site assessments, 19 contracts,
// A$2.1M ... are all missing").
func TestTheAssessmentRestatesTheFigures(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want, not  []string
	}{
		{"a sales leader who is the user's manager",
			"I report to Grant Pearce, our National Sales Director, so Grant is my boss. In his first week he told me, \"I've hit target nine years straight without a single marketing lead.\" Last financial year our website and Google Ads booked 86 site assessments, which turned into 19 signed contracts worth A$2.1M. Grant reports all of them as sales wins. In February he cut my budget from A$310k to A$140k and moved one of my three people into an inside sales role. How do I change his mind?",
			[]string{"your website and Google Ads booked 86 site assessments, which turned into 19 signed contracts worth A$2.1M."},
			[]string{`\bour website`}},
		{"words in quotation marks stay the speaker's",
			"Our CRO, Matthias, asked me in January to change how opportunity source is assigned, and I did; he called it \"cleaning up our data.\" Marketing-sourced pipeline in my Q1 report dropped from 38% to 17%. Now he wants 420k euros of my budget moved into AE hires. What should I do?",
			[]string{"Marketing-sourced pipeline in your Q1 report dropped from 38% to 17%."},
			nil},
		{"an earned record does not restate the user's case against sales",
			"Our VP Sales, Joost, says my leads are garbage, and honestly the record is ugly: last year's webinars produced 1,140 leads and 9 opportunities. His SDRs called only 31% of my leads within 48 hours. How do I win him over?",
			nil,
			[]string{`31%`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, p := build(t, intake.Input{Situation: c.text})
			a := section(p, align.SecAssessment)
			for _, w := range c.want {
				if !strings.Contains(a, w) {
					t.Errorf("assessment does not restate %q:\n%s", w, a)
				}
			}
			for _, w := range c.not {
				if regexp.MustCompile(w).MatchString(a) {
					t.Errorf("assessment says %q:\n%s", w, a)
				}
			}
		})
	}
}

// TestLettingItFailAndLeavingAreAnswered: giving the sales leader their
// way so that it fails is named in what will not work, and looking for
// another job is met in the assessment as an option to decide after the
// answer that decides it; a sentence that says who reports to whom
// ("reports also to his father") is never the type's evidence, and the
// one head of the company the user names is whom the plan goes to
// (blind round sbs65).
func TestLettingItFailAndLeavingAreAnswered(t *testing.T) {
	text := "I am marketing specialist in a family company, we make ovens for bakeries. I report to the owner, Mr. Tadeusz Nowicki. His son Piotr is sales director, he has 4 salesmen and reports also to his father. Piotr says \"internet does not sell ovens, I sell ovens.\" Now he wants 60,000 zł of my budget for a fair he chose. I am tempted to give him the money for the fair and let him see it does not work. Or to look for other job. How can I work with him?"
	_, p := build(t, intake.Input{Situation: text})
	a, w := section(p, align.SecAssessment), section(p, align.SecWillNotWork)
	if !strings.Contains(w, "fail to prove a point") || !strings.Contains(w, "let him see it does not work") {
		t.Errorf("what will not work does not name letting it fail:\n%s", w)
	}
	if !strings.Contains(a, "Moving to another role, here or elsewhere, is a fair option to keep") {
		t.Errorf("assessment does not meet the job search:\n%s", a)
	}
	if strings.Contains(a, "reports also to his father") {
		t.Errorf("a reporting line cited as evidence:\n%s", a)
	}
	if !strings.Contains(p, "Tadeusz") {
		t.Errorf("the owner is not named:\n%s", p)
	}
}

// TestACreditDisputeSeatIsNoQualificationReview: where credit is the
// contest, the seat is asked for as help to the sales leader's team, not
// to flag a qualification issue, and "Greg's win" is no deal named
// after an account ("When the Greg win closes", blind round sbs65).
func TestACreditDisputeSeatIsNoQualificationReview(t *testing.T) {
	text := "I'm the Marketing Manager at a brokerage. I report to our Chief Commercial Officer, Greg Mallory, who runs the producers. Since the summer, anything marketing touches becomes Greg's win. In July our webinar brought in a $410K account and the leadership report said \"producer-generated\". In September Greg moved $85K of my budget into a producer bonus pool. He said, \"You work for me, so your results are my results.\" How do I handle this?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 3 {
		t.Fatalf("read as type %d, not a credit dispute", d.Primary())
	}
	s := section(p, align.SecSeat)
	if strings.Contains(s, "qualification") || strings.Contains(p, "Greg win") {
		t.Errorf("seat:\n%s\nplan mentions the Greg win: %v", s, strings.Contains(p, "Greg win"))
	}
	if slices.Contains(d.Facts.Deals, "the Greg win") {
		t.Errorf("deals %q", d.Facts.Deals)
	}
}

// TestNumbersDoNotAnswerABelief: asked whether to make marketing's case
// with numbers where the sales leader's view is a belief about the
// function ("Bad idea?"), the answer is no, and the ask goes to the head
// of the company for the decision instead (blind round sbs65).
func TestNumbersDoNotAnswerABelief(t *testing.T) {
	text := "I'm GM Marketing. I report to the CEO, Paul Ritchie. Our National Sales Director, Craig Dunn, also reports to Paul. He told his state managers marketing is \"brochures and golf days\" and says his reps will hit target without us. He told Paul he wants my team moved under him or cut. Tempted to put the loyalty numbers in the board pack. Make the case in front of the board myself. Bad idea?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 4 {
		t.Fatalf("read as type %d, not categorical", d.Primary())
	}
	a := section(p, align.SecAssessment)
	if !strings.HasPrefix(a, "To your question: yes, it would be a mistake. Not as a case for marketing.") || !strings.Contains(a, "Ask Paul for the decision") {
		t.Errorf("assessment:\n%s", a)
	}
}

// TestAnEarnedStoryIsOwnedNotFought: asked whether to fight the story of
// marketing's failed program or let it go, where the record is earned,
// the answer is to own it; the user's case that the scans were never
// called is not restated as a fact that decides it (blind round sbs66).
func TestAnEarnedStoryIsOwnedNotFought(t *testing.T) {
	text := "I started as marketing manager in January. Our Sales Director, Kjetil, won't touch anything from marketing, and honestly he has reasons. My predecessor ran our stand at the Hamburg fair: 710 badge scans, 11 quotes, zero orders. Kjetil keeps a printout of the Hamburg list on his desk. I'm tempted to pull the CRM data. Pretty sure 60% of the Hamburg scans were never called at all. Do I fight the Hamburg story or let it go?"
	d, p := build(t, intake.Input{Situation: text})
	if d.Primary() != 1 {
		t.Fatalf("read as type %d, not an earned record", d.Primary())
	}
	a := section(p, align.SecAssessment)
	if !strings.HasPrefix(a, "To your question: let it go as an argument, and own it instead.") || strings.Contains(a, "never called") {
		t.Errorf("assessment:\n%s", a)
	}
}

// TestHoldingBackToMakeAPointIsAnswered: asked whether to stop passing
// leads "and see what happen", the answer is not to let it fail, and
// what will not work names the move (blind round sbs66).
func TestHoldingBackToMakeAPointIsAnswered(t *testing.T) {
	text := "I am Marketing Manager, I report to the CEO, Luiz Fernando. The VP of Sales, Claudio, also report to the CEO. Claudio say in meetings that \"marketing is for the catalog, the rest is my reps.\" He don't open the leads from our website. I am thinking to just stop to send the leads to sales and see what happen. What is the right thing to do?"
	_, p := build(t, intake.Input{Situation: text})
	a, w := section(p, align.SecAssessment), section(p, align.SecWillNotWork)
	if !strings.HasPrefix(a, "To your question: not by letting it fail.") {
		t.Errorf("assessment:\n%s", a)
	}
	if !strings.Contains(w, "see what happen") {
		t.Errorf("what will not work:\n%s", w)
	}
}

// TestAMistakeAskedAboutIsAnsweredTheRightWayRound: "Is that dumb?" is
// answered "yes, it would be a mistake", never a bare "no" that would
// tell the user the move is fine (blind round sbs67).
func TestAMistakeAskedAboutIsAnsweredTheRightWayRound(t *testing.T) {
	for _, c := range []struct{ ask, want string }{
		{"Is that dumb?", "To your question: yes, it would be a mistake. Not as a case made with data."},
		{"Should I do it?", "To your question: no, not as a case made with data."},
	} {
		text := "Our Sales Manager, Darren, says marketing's leads are junk, and he's not wrong: last year's webinars produced 412 sign-ups and one deal. I'm tempted to send him the follow-up data again, showing his reps called only 30% of the leads. " + c.ask
		_, p := build(t, intake.Input{Situation: text})
		if a := section(p, align.SecAssessment); !strings.HasPrefix(a, c.want) {
			t.Errorf("%q: assessment:\n%s", c.ask, a)
		}
	}
}

// TestTheSalesLeaderFirstIsAYes: asked "Should I raise this with Ingrid
// first?" while weighing going above her, the answer opens "yes, Ingrid
// first", not a "not yet" that reads as "do not raise it with her"
// (blind round sbs67).
func TestTheSalesLeaderFirstIsAYes(t *testing.T) {
	text := "I'm VP of Marketing. Our VP of Sales, Ingrid, and I both report to the CEO. My target is leads; her team is paid on gross margin from existing accounts. Compensation plans are finalised on 18 December. I am tempted to ask the CFO and the CEO to write a shared new-account target into both plans before Ingrid has agreed to it. Should I raise this with Ingrid first?"
	_, p := build(t, intake.Input{Situation: text})
	if a := section(p, align.SecAssessment); !strings.HasPrefix(a, "To your question: yes, Ingrid first.") {
		t.Errorf("assessment:\n%s", a)
	}
}

// TestRoundSbs68Kinds: kinds found in blind round sbs68, each on an input
// of its own: selling around the sales team named as what will not work;
// a categorical plan after an escalation that does not call for
// leadership first; RevOps told to change the report, not the leads; a
// leader who accepts part of marketing built on.
func TestRoundSbs68Kinds(t *testing.T) {
	t.Run("selling around the sales team", func(t *testing.T) {
		text := "I run marketing at a maker of industrial mixers. Our Sales Director, Bruno, says marketing is only brochures: \"we sell with a handshake.\" He forwards the web enquiries to dealers unread. I went to our CEO in October and she said to find a way together; since then Bruno leaves me out of the dealer meeting. I am thinking to call the leads myself and close the small orders direct. What should I do?"
		_, p := build(t, intake.Input{Situation: text})
		w, a := section(p, align.SecWillNotWork), section(p, align.SecAssessment)
		if !strings.Contains(w, "Selling around Bruno") {
			t.Errorf("what will not work does not name selling around him:\n%s", w)
		}
		if strings.Contains(a, "executive clarity first") {
			t.Errorf("after an escalation, the assessment still asks for leadership first:\n%s", a)
		}
	})
	t.Run("revops changes the report", func(t *testing.T) {
		text := "I lead RevOps and report to the CFO. The marketing director's bonus is MQLs; our VP of Sales, Ana, is paid on signed revenue. Each presents their own slide from my reports at the weekly exec meeting. I walked Ana through a joint dashboard in November and she said RevOps should stop doing marketing's homework and left. How do I get the two numbers to agree?"
		_, p := build(t, intake.Input{Situation: text})
		c := section(p, align.SecFirstChange)
		if strings.Contains(c, "Stop sending") || !strings.Contains(c, "RevOps") {
			t.Errorf("a RevOps first change about the leads:\n%s", c)
		}
	})
	t.Run("a new user inherits the record", func(t *testing.T) {
		text := "I joined as Head of Marketing three months ago. Our VP of Sales, Ruth, brings up the webinar series my predecessor ran: 900 registrations, no deals. Honestly, she has a point. Her reps ignore our MQLs. We both report to the CEO. How do I start with Ruth?"
		_, p := build(t, intake.Input{Situation: text})
		if a := section(p, align.SecAssessment); !strings.Contains(a, "you are new to it") {
			t.Errorf("the assessment does not meet a new user's inherited record:\n%s", a)
		}
	})
	t.Run("a leader who accepts part of marketing", func(t *testing.T) {
		text := "Our CRO, Lionel, told me \"marketing is a cost we carry.\" He's happy for us to keep running the partner roadshows, but he cut the content budget and says demand gen is a waste. I report to the CEO, as Lionel does. How do I work with him?"
		_, p := build(t, intake.Input{Situation: text})
		c := section(p, align.SecFirstChange)
		if !strings.Contains(c, "He's happy for us to keep running the partner roadshows") {
			t.Errorf("the first change does not start from what Lionel accepts:\n%s", c)
		}
	})
}

// TestRoundSbs69Kinds: kinds found in blind round sbs69: a shared number
// already turned down is not the escalation trigger again; a person's
// "shows" is a verb, not a program.
func TestRoundSbs69Kinds(t *testing.T) {
	t.Run("a refused shared number is not the trigger again", func(t *testing.T) {
		text := "Our VP of Sales, Ana, is paid on bookings and I am paid on MQLs. We both report to the CEO. In our one-on-one in October I proposed one shared pipeline number. She said no, and we have not talked about it since. How do I move her?"
		_, p := build(t, intake.Input{Situation: text})
		if e := section(p, align.SecEscalation); !strings.Contains(e, "already turned down one shared number") {
			t.Errorf("the trigger is the refusal that already happened:\n%s", e)
		}
	})
	t.Run("a budget decided soon goes to the sales leader first", func(t *testing.T) {
		text := "My boss is the CRO, Henrique. In June he moved part of my program budget to hire SDRs, and in September he changed the lead source rules so SDR-touched deals count as sales-sourced. The 2027 budget is decided on 9 December and I expect another cut. How do I protect the budget without going around him?"
		_, p := build(t, intake.Input{Situation: text})
		if c := section(p, align.SecFirstChange); !strings.Contains(c, "take the budget to Henrique before it is decided") {
			t.Errorf("the first change does not take the budget to Henrique:\n%s", c)
		}
	})
	t.Run("a reorganisation that put marketing under the sales leader, and requests left unanswered", func(t *testing.T) {
		text := "The owner, Alberto, hired me in April. In July he reorganised and put marketing under our Commercial Director, Ricardo Salinas. Ricardo says our customers buy from people, not websites, and that the company does not need marketing. Our web form brought 57 quote requests in Q3. Ricardo sends them to an admin assistant, and as far as I can tell 9 got a reply within a week. What should I do?"
		_, p := build(t, intake.Input{Situation: text})
		if !strings.Contains(p, "your own manager") {
			t.Errorf("Ricardo is not read as the user's manager:\n%s", p)
		}
		if c := section(p, align.SecFirstChange); !strings.Contains(c, "take the quote requests") {
			t.Errorf("the first change does not take the unanswered requests:\n%s", c)
		}
	})
	t.Run("a person who shows numbers runs no show", func(t *testing.T) {
		text := "I run RevOps and report to the CFO. Our CRO, Thabo, is measured on new ARR; our VP Marketing, Lindiwe, on MQL volume. Every Monday Lindiwe shows MQLs at 109%. Thabo shows that 4% of MQLs became opportunities. How do I get Thabo to engage?"
		_, p := build(t, intake.Input{Situation: text})
		if strings.Contains(p, "the shows") {
			t.Errorf("a verb read as a program:\n%s", p)
		}
	})
}

// TestRoundSbs70Kinds: a sales leader who "thinks marketing is not
// necessary", said before the user had run a campaign, is categorical
// (blind round sbs70: read as "Unclear, most likely Type 3").
func TestRoundSbs70Kinds(t *testing.T) {
	text := "I run marketing at a seed company, 120 people. Our sales director, Piet, and I both report to the CEO. Piet says in every meeting that our customers buy from people. He thinks marketing is not necessary. It is not about my results: he said it before I made any campaign. How do I work with him?"
	d, _ := build(t, intake.Input{Situation: text})
	if len(d.Types) == 0 || d.Types[0] != 4 || d.Unclear {
		t.Errorf("types %v (unclear %v), want Type 4 first", d.Types, d.Unclear)
	}
}
