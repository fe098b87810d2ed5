package sheet_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/sheet"
)

func read(t *testing.T, text string) sheet.Sheet {
	t.Helper()
	e, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	sit, d, err := e.Diagnose(intake.Input{Situation: text})
	if err != nil {
		t.Fatal(err)
	}
	return sheet.Read(e.PB, sit, d)
}

func TestRead(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		check func(sheet.Sheet) string
	}{
		{
			name: "name before the title",
			text: "Ines, our sales director, has not let it go. She says our leads are students. Ines and I both report to the MD.",
			check: func(s sheet.Sheet) string {
				if s.Leader.Name != "Ines" {
					return "leader " + s.Leader.Name
				}
				if s.Line != "peer" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "the sales leader is the user's boss",
			text: "My boss is our Sales and Marketing Director, Vincent, and I've worked under him for almost three years. He says the leads are junk.",
			check: func(s sheet.Sheet) string {
				if s.Leader.Name != "Vincent" || s.Line != "boss" {
					return "got " + s.Leader.Name + " " + s.Line
				}
				return ""
			},
		},
		{
			name: "reporting to the sales leader by title makes them the user's boss",
			text: "Seven months in. I report to the CRO, Delphine Marchetti, who has run revenue here for three years. She wants to move $400K of my events budget into three more AEs.",
			check: func(s sheet.Sheet) string {
				if s.Line != "boss" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "marketing moved under the sales leader makes them the user's boss",
			text: "In July we reorged and marketing now reports to our new CRO, Nolan Reyes. He reclassified the pipeline.",
			check: func(s sheet.Sheet) string {
				if s.Line != "boss" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "the user's title ending in marketing does not report to the sales leader",
			text: "Update, and I need a reality check. After the second one-to-one with Gavin went nowhere (\"I've never needed marketing to sell bricks and I'm not starting now\"), I went to the group MD last month. I know you warned against going over his head, but it had been a year of this. The MD backed me and told Gavin that marketing leads get worked.\n\nGavin's answer has been to set up his own \"sales enablement\" team, two people from his side, producing their own brochures and running their own builders' merchant events, with a budget line the MD apparently approved. He now also argues that anything his enablement team touches is sales-originated. I'm head of marketing, reporting to the commercial director, who reports to the MD, same as Gavin, who is Sales Director for the UK and Ireland. I've been here since 2019.",
			check: func(s sheet.Sheet) string {
				if s.Line == "boss" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "a program told only as history goes after a live one",
			text: "Alistair Crane is our Sales Director and we both report to the MD. In 2024 I bought a content syndication campaign and pushed 1,900 leads to the area managers. Nine became opportunities. Then at the spring show last year we handed over 340 badge scans with no notes. Now the MD wants to sign the stand for next spring's show by 19 December, and Alistair says his people won't staff it.",
			check: func(s sheet.Sheet) string {
				if len(s.Programs) < 2 || !strings.Contains(s.Programs[0], "show") {
					return "programs " + strings.Join(s.Programs, ", ")
				}
				return ""
			},
		},
		{
			name: "a user about to start who will report to the sales leader",
			text: "I start on January 5. I will report to the CRO, Denise Albright. She has been here six years.",
			check: func(s sheet.Sheet) string {
				if s.Line != "boss" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "show as a verb is not a program",
			text: "Our VP of Sales, Dana, says our leads are junk. Every QBR I show MQLs up 70% and new asks show up in her queue; she wants me to show her the pipeline.",
			check: func(s sheet.Sheet) string {
				for _, p := range s.Programs {
					if strings.HasSuffix(p, "show") || strings.HasSuffix(p, "shows") {
						return "program " + p
					}
				}
				return ""
			},
		},
		{
			name: "show before a named person is a verb",
			text: "Our CRO, Brandon, says our leads are garbage. We both report to the CEO, Priya. I'm tempted to pull the call logs and show Priya that sales never followed up.",
			check: func(s sheet.Sheet) string {
				for _, p := range s.Programs {
					if strings.HasSuffix(p, "show") {
						return "program " + p
					}
				}
				return ""
			},
		},
		{
			name: "a trade show is a program",
			text: "Our VP of Sales, Dana, still brings up the trade show: 450 badge scans and one deal. I ran that show.",
			check: func(s sheet.Sheet) string {
				for _, p := range s.Programs {
					if strings.HasSuffix(p, "show") {
						return ""
					}
				}
				return "programs " + strings.Join(s.Programs, ", ")
			},
		},
		{
			name: "numbers with their nouns",
			text: "Our VP of Sales, Dana, says the webinar gave us 400 leads and two opportunities. We spent $40k on it.",
			check: func(s sheet.Sheet) string {
				var got []string
				for _, n := range s.Numbers {
					got = append(got, n.Text)
				}
				if strings.Join(got, "|") != "400 leads|two opportunities" {
					return "numbers " + strings.Join(got, "|")
				}
				return ""
			},
		},
		{
			name: "a number in words",
			text: "Our sales director, Graham, says the exhibition produced some six hundred badge scans and not one order.",
			check: func(s sheet.Sheet) string {
				if len(s.Numbers) == 0 || s.Numbers[0].Text != "six hundred badge scans" {
					return "numbers " + strings.Join(spans(s.Numbers), "|")
				}
				return ""
			},
		},
		{
			name: "an artifact in the drafts",
			text: "Our sales director, Ines, thinks our leads are junk. I've got a 90-day lead quality summary sitting in my drafts that I keep meaning to send her.",
			check: func(s sheet.Sheet) string {
				a, ok := s.Data()
				if !ok || a.Phrase != "the 90-day lead quality summary" || a.State != "considering" {
					return "artifact " + a.Phrase + " " + a.State
				}
				return ""
			},
		},
		{
			// The deck sent far back in its sentence is sent ("... and sent
			// it to her"), and resending it is not a new deck.
			name: "a deck sent and weighed again",
			text: "Our VP of Sales, Ingrid, calls our leads junk. I built a 14-slide deck showing marketing-influenced pipeline at 38% of total, multi-touch, and sent it to her before the QBR. Part of me wants to resend the deck with first-touch numbers to prove the point.",
			check: func(s sheet.Sheet) string {
				a, ok := s.Data()
				if !ok || a.Phrase != "the 14-slide deck" || a.State != "sent" || len(s.Artifacts) != 1 {
					return fmt.Sprintf("artifacts %+v", s.Artifacts)
				}
				return ""
			},
		},
		{
			// Put together (made) and then emailed (sent): sent. Walking in
			// with numbers to let them speak is a data case.
			name: "a deck made and sent, and numbers to walk in with",
			text: "Our Sales Director, Maureen, distrusts marketing. In October I put together a 14-slide deck on marketing's contribution and emailed it to her. Part of me wants to walk in with the RFQ response-time numbers and let them speak for themselves.",
			check: func(s sheet.Sheet) string {
				a, ok := s.Data()
				if !ok || a.State != "sent" {
					return fmt.Sprintf("artifacts %+v", s.Artifacts)
				}
				if got := moves(s.Temptations); got != "walk in with the RFQ response-time numbers and let them speak for themselves [data_deck]" {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			// A date the sales leader already acted on is not ahead; going
			// to the CEO can be the second verb of the user's sentence.
			name: "a date dealt with, and the CEO reached by a second verb",
			text: "Our CRO, Hamish, runs the Tuesday forecast. For the November board pack he rebuilt pipeline by source. I put together a one-page reconciliation and sent it straight to our CEO, Anita. The board signs off the FY plan and headcount on 19 February.",
			check: func(s sheet.Sheet) string {
				if s.DeadlineDate == nil || s.DeadlineDate.Text != "19 February" {
					return fmt.Sprint("date ", s.DeadlineDate, " deadlines ", s.Deadlines)
				}
				if s.WentAbove == nil {
					return "went above not read"
				}
				return ""
			},
		},
		{
			name: "the date's own sentence before a move weighed on it",
			text: "Our GM Sales, Brett, says marketing is a nice-to-have. The MD's strategy offsite is late January and Brett presents his plan there. I'm tempted to send her a deck before the offsite.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) == 0 || !strings.HasPrefix(s.Deadlines[0].Text, "The MD's strategy offsite is late January") {
					return "deadlines " + strings.Join(spans(s.Deadlines), "|")
				}
				return ""
			},
		},
		{
			name: "a target someone set in a month is past, not a date ahead",
			text: "I run RevOps and report to our Head of Sales, Lachlan. Nerida's team is bonused on hitting 450 MQLs a quarter, a target our CFO set in July. Lachlan's reps are paid on signed contract value.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) > 0 {
					return "deadlines " + strings.Join(spans(s.Deadlines), "|")
				}
				return ""
			},
		},
		{
			name: "a change cut by the length cap ends before its purpose",
			text: "Our Commercial Director, Ruud, says the leads are useless. What I've done so far: I paused the student-heavy webinar series and rebuilt lead scoring so that only practices with at least three vets reach sales.",
			check: func(s sheet.Sheet) string {
				for _, c := range s.Changes {
					if strings.HasSuffix(c.Text, "three") || strings.HasSuffix(c.Text, "only practices") {
						return "changes " + strings.Join(spans(s.Changes), "|")
					}
				}
				return ""
			},
		},
		{
			name: "a more rigorous attribution model is its own move, not a deck",
			text: "Our CCO, Rafael, wants every one of the 38 opportunities reclassified as broker-sourced. I'm tempted to build a proper multi-touch model so the numbers are airtight before July. Is that the right move?",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); !strings.Contains(got, "better_model") || strings.Contains(got, "data_deck") {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a board meeting in a month is a date ahead",
			text: "Our CCO, Rafael, wants every opportunity reclassified as broker-sourced. Our CEO, Helen, has a board meeting in July where the marketing budget for next year gets decided.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) == 0 || !strings.Contains(s.Deadlines[0].Text, "board meeting in July") {
					return "deadlines " + strings.Join(spans(s.Deadlines), "|")
				}
				return ""
			},
		},
		{
			name: "'Is good idea or I will make war?' asks about the move before it",
			text: "I report to the owner, Sr. Osvaldo Campos. The Sales Director, Ricardo, also report to him. The budget meeting is Wednesday 9 December. I want to print the CRM history and show to Sr. Osvaldo in the meeting. Is good idea or I will make war with Ricardo?",
			check: func(s sheet.Sheet) string {
				if s.Question == nil || len(s.Temptations) == 0 || !strings.Contains(moves(s.Temptations[s.Question.Move:s.Question.Move+1]), "escalated") {
					return fmt.Sprintf("question %v, temptations %s", s.Question, moves(s.Temptations))
				}
				return ""
			},
		},
		{
			name: "asking whether a move would be going over someone's head asks about it",
			text: "I report to the CEO, Matthias. Sales is run by his co-founder, Uwe, who calls marketing a brochure department. I'm tempted to ask Matthias to state the target to both of us at the leadership meeting. Would that be going over Uwe's head, and what else should I try first?",
			check: func(s sheet.Sheet) string {
				if s.Question == nil || len(s.Temptations) == 0 || !strings.Contains(moves(s.Temptations[s.Question.Move:s.Question.Move+1]), "escalated") {
					return fmt.Sprintf("question %v, temptations %s", s.Question, moves(s.Temptations))
				}
				return ""
			},
		},
		{
			name: "'Should I go to her?' after an escalation weighed asks about it, her being the leadership person and not a sales leader who is he",
			text: "I report to the Sales Director, Riaan, who reports to the founder, Thandi Mokoena. In my first week he told me, \"We have never needed marketing to hit our number.\" I keep wanting to go straight to Thandi, but Riaan is my manager and I am new. Should I go to her, and if so what exactly do I ask for?",
			check: func(s sheet.Sheet) string {
				if s.Question == nil || len(s.Temptations) == 0 || !strings.Contains(moves(s.Temptations[s.Question.Move:s.Question.Move+1]), "escalated") {
					return fmt.Sprintf("question %v, temptations %s", s.Question, moves(s.Temptations))
				}
				return ""
			},
		},
		{
			name: "'Should I send her the deck?' about a sales leader who is she keeps her hers",
			text: "Our VP of Sales, Odile, says our leads are junk. She has told her reps to skip webinar leads. I'm tempted to go to the CEO, Bram, about it. We both report to him. Should I send her the conversion numbers first?",
			check: func(s sheet.Sheet) string {
				if s.Question != nil && strings.Contains(moves(s.Temptations[s.Question.Move:s.Question.Move+1]), "escalated") {
					return fmt.Sprintf("question %v asks about %s", s.Question, moves(s.Temptations))
				}
				return ""
			},
		},
		{
			name: "told to lie low is held back, and a given name of two words is kept whole",
			text: "I report to our Marketing Director, Wen Li Tan, and she reports to our CCO, Rafael. I sent Wen Li the deck and she forwarded it to Rafael. Wen Li has told me to lie low.",
			check: func(s sheet.Sheet) string {
				if s.HoldBack == nil || s.OwnBoss != "Wen Li" {
					return fmt.Sprintf("hold back %v, own boss %q", s.HoldBack, s.OwnBoss)
				}
				return ""
			},
		},
		{
			name: "the sales leader's own pronoun after she told the boss is hers, not the boss's",
			text: "Siobhán, our Head of Sales, and I both report to the MD, Declan. Siobhán brings up the webinar in every meeting. She has told Declan she would rather see my budget spent on a field rep. On 4 November I sent her a 12-slide deck.",
			check: func(s sheet.Sheet) string {
				if s.WentAbove != nil {
					return "went above " + s.WentAbove.Text
				}
				return ""
			},
		},
		{
			name: "a pronoun for the CFO named just before takes the move to them, and 'is that my call' asks about it",
			text: "I report to Bronwyn, our Head of Marketing, and she reports to Craig, our Chief Commercial Officer, who runs sales. I built a first-touch model and showed it to Bronwyn. She asked me not to send it anywhere. On 2 September the CFO, Gareth Lowe, emailed me asking for a defensible ROI figure. I'm tempted to send him the spreadsheet directly. Is that my call to make?",
			check: func(s sheet.Sheet) string {
				if len(s.Temptations) == 0 || !strings.Contains(moves(s.Temptations), "escalated") || s.Temptations[0].To != "Gareth" {
					return "temptations " + moves(s.Temptations)
				}
				if s.HoldBack == nil || s.Question == nil {
					return fmt.Sprintf("hold back %v, question %v", s.HoldBack, s.Question)
				}
				return ""
			},
		},
		{
			name: "loosening the scoring and the other option are both moves weighed, and their dates are the user's own",
			text: "Since the April reorganisation, marketing reports to our CRO, Matthias. My targets were set by our CEO, Annette. I'm tempted to loosen the scoring to reach 1,200 by December and secure the bonus. The other option is to go to Annette and ask her what she actually wants from marketing.",
			check: func(s sheet.Sheet) string {
				got := moves(s.Temptations)
				if !strings.Contains(got, "mql_change_without_sales") || !strings.Contains(got, "escalated") {
					return "temptations " + got
				}
				if len(s.Deadlines) > 0 {
					return "deadlines " + strings.Join(spans(s.Deadlines), "|")
				}
				return ""
			},
		},
		{
			name: "joined weeks ago is the user's tenure, not the dynamic's length, and the hiring brief is a mandate",
			text: "Seven weeks ago I joined Karoo Payroll as its first Head of Marketing. Our VP Sales, Pieter, told me, \"I've hit target nine years running without a marketing department.\" There had never been a marketing campaign here for him to judge. When Thandiwe hired me she said, \"We need a second engine besides Pieter's phone.\"",
			check: func(s sheet.Sheet) string {
				if len(s.Lasting) > 0 || s.Tenure != "new" || len(s.Mandate) == 0 {
					return fmt.Sprintf("lasting %v, tenure %v, mandate %v", spans(s.Lasting), s.Tenure, s.Mandate)
				}
				return ""
			},
		},
		{
			name: "'which is right?' after two courses asks about the first",
			text: "Our Commercial Director, Montserrat, wants any account a rep visited to count as sales. Part of me wants to defend all 173 at the budget meeting on 12 December. Another part wants to concede the 90 days and move on. Which is right, and what should I propose for next year's targets?",
			check: func(s sheet.Sheet) string {
				if s.Question == nil || s.Question.Move < 0 || s.Question.Move >= len(s.Temptations) || !strings.Contains(s.Temptations[s.Question.Move].Text, "defend all 173") {
					return fmt.Sprintf("question %v, temptations %s", s.Question, moves(s.Temptations))
				}
				return ""
			},
		},
		{
			name: "a date quoted without its notes heading or a cut-off fragment",
			text: "Our CRO, Jules, says little.\nDeadline: I'm on the agenda at the revenue kickoff on January 14 to present the funnel.\n",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) == 0 || strings.HasPrefix(s.Deadlines[0].Text, "Deadline") {
					return "deadlines " + strings.Join(spans(s.Deadlines), "|")
				}
				return ""
			},
		},
		{
			name: "a long date sentence is quoted to the end of its thought",
			text: "My boss is Renata, our Commercial Director, and she ignores the website leads. In December Renata and the CEO will define the 2027 targets, and in March we have the sanitation fair in São Paulo, our biggest lead source of the whole year by far.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) == 0 || strings.HasSuffix(s.Deadlines[0].Text, "in March") {
					return "deadlines " + strings.Join(spans(s.Deadlines), "|")
				}
				return ""
			},
		},
		{
			name: "a figure is not a promise, the words of one are",
			text: "I run demand gen at a construction project management company. Our CRO, Stellan, ignores MQLs. We did 1,240 last quarter.",
			check: func(s sheet.Sheet) string {
				if s.Promised {
					return "promised read from a figure"
				}
				return ""
			},
		},
		{
			name: "a promise told in the user's words",
			text: "Our CRO, Stellan, ignores MQLs. In January I told the board marketing would source 40% of pipeline.",
			check: func(s sheet.Sheet) string {
				if !s.Promised {
					return "promise not read"
				}
				return ""
			},
		},
		{
			name: "a promise only weighed is no promise made",
			text: "I report to Sanjay, our Chief Business Officer, who owns sales. I am thinking of committing to 12 crore marketing-sourced pipeline for FY28. Should I commit to that number on 11 December?",
			check: func(s sheet.Sheet) string {
				if s.Promised {
					return "promised read from a number only weighed"
				}
				return ""
			},
		},
		{
			// A second-language writer's way of giving the facts.
			name: "tenure, mandate and a date ahead, as a second-language writer gives them",
			text: "I am marketing manager. I work here since 4 months. The owner hired me because he want lead generation for export. Formally I report to the sales director, Agnieszka. In January is the strategy meeting with the owner, there they decide budget.",
			check: func(s sheet.Sheet) string {
				if s.Tenure != "new" {
					return "tenure " + s.Tenure
				}
				if len(s.Mandate) == 0 {
					return "no mandate"
				}
				if s.DeadlineDate == nil || s.DeadlineDate.Text != "January" {
					return fmt.Sprint("date ", s.DeadlineDate)
				}
				return ""
			},
		},
		{
			name: "a two-word given name gone to, found out, a meeting kept from, and two moves weighed",
			text: "I report to the CEO, Mr. Luiz Fernando Tavares. The VP of Sales, Claudio Menezes, also report to the CEO. In January I went to Luiz Fernando and showed him the website numbers. After, Claudio discovered I was there. Now he don't invite me to the commercial meeting on Mondays. I am thinking to ask transfer to the dealer development area, or just stop to send the leads to sales and see what happen. What is the right thing to do?",
			check: func(s sheet.Sheet) string {
				if s.WentAbove == nil || s.WentAbove.Text != "I went to Luiz Fernando" || !s.Known {
					return fmt.Sprint("went above ", s.WentAbove, " known ", s.Known, " people ", s.People)
				}
				if s.Booked != nil {
					return fmt.Sprint("booked ", s.Booked)
				}
				if got := moves(s.Temptations); got != "ask transfer to the dealer development area [quit] | just stop to send the leads to sales and see what happen [let_fail]" {
					return "temptations " + got
				}
				if s.Question == nil {
					return "no question"
				}
				return ""
			},
		},
		{
			name: "a talk held across a paragraph break, then failed; a failure told before a talk is another's",
			text: "I report to Ray Dutton, VP of Sales and Marketing. Ray says they'd have called us anyway.\n\nOn 18 November, in our one-on-one, I asked to run one small client campaign. He got irritated and said he'd have to think about it. We haven't discussed it since.",
			check: func(s sheet.Sheet) string {
				if !s.Held || !s.Failed || !s.HeldFailed {
					return fmt.Sprint("held ", s.Held, " failed ", s.Failed, " held then failed ", s.HeldFailed)
				}
				o := read(t, "At my last company the VP of Sales took my deck as an attack. When that didn't work I went to the CEO. Here, our sales manager, Kirsty, and I have had two coffees. She's friendly.")
				if o.HeldFailed {
					return "a failure told before the talk held"
				}
				return ""
			},
		},
		{
			name: "a matter raised with a named chief executive",
			text: "I run Revenue Operations. I report to the CFO, Daniel Ong. Our VP of Sales, Rachel Tan, reports to the CEO, Mr. Koh. In August I raised the whole thing with Mr. Koh in my quarterly one-to-one. Rachel heard about it within a week.",
			check: func(s sheet.Sheet) string {
				if s.WentAbove == nil || s.WentAbove.Text != "I raised the whole thing with Mr. Koh" {
					return fmt.Sprint("went above ", s.WentAbove, " people ", s.People)
				}
				return ""
			},
		},
		{
			// A hyphenated name is one name; going to them is an escalation
			// made; two clauses that each weigh a move are read apart.
			name: "a hyphenated owner gone to, and two moves weighed in one sentence",
			text: "Our CCO, Brigitte, says marketing is coupons. Three weeks ago I went to Pierre-Luc, the owner and CEO, and told him she is dismantling marketing. Part of me wants to update my CV, part of me wants to send Pierre-Luc the ROI numbers on the loyalty program.",
			check: func(s sheet.Sheet) string {
				if s.WentAbove == nil || s.WentAbove.Text != "I went to Pierre-Luc" {
					return fmt.Sprint("went above ", s.WentAbove, " people ", s.People)
				}
				if got := moves(s.Temptations); got != "update my CV [quit] | send Pierre-Luc the ROI numbers on the loyalty program [escalated data_deck]" {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			// What an unsent draft promises is weighed with it; a number
			// promised elsewhere, or in a draft already sent, is not.
			name: "a number promised inside an unsent draft",
			text: "Our CRO, Conrad, wants my budget. So I've drafted an email to the CEO. It goes deal by deal through 41 closed-won deals. I also say in it that if we keep the budget I'm confident we can deliver $9M in sourced pipeline next year. Should I send it?",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); !strings.Contains(got, "I also say in it that if we keep the budget I'm confident we can deliver $9M in sourced pipeline next year [committed_number]") {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a number promised in a draft already sent",
			text: "Our CRO, Conrad, wants my budget. Last week I sent an email to the CEO. I also say in it that I'm confident we can deliver $9M in sourced pipeline next year. What now?",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); strings.Contains(got, "committed_number") {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a gate on the leads, weighed",
			text: "our VP of sales bartosz says our leads are junk. i've built a lead scoring model in hubspot. i want to switch it on before the spring show in march so only scored leads go to the RMs, then show gwen the results.",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); got != "switch it on before the spring show in march so only scored leads go to the RMs [mql_change_without_sales]" {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a deck named by its pronoun in a move weighed",
			text: "Our VP of Sales, Gideon, ignores our leads. I've got a deck about half built with all of this, and I was planning to walk Gideon through it at our leadership meeting so we can reset.",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); got != "walk Gideon through it at our leadership meeting so we can reset [data_deck]" {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a temptation in the user's words",
			text: "Our CRO, Marcus, calls our leads garbage. Part of me wants to forward the whole thread to the CEO.",
			check: func(s sheet.Sheet) string {
				if len(s.Temptations) == 0 || s.Temptations[0].Text != "forward the whole thread to the CEO" || fmt.Sprint(s.Temptations[0].Kinds) != "[escalated]" {
					return "temptations " + moves(s.Temptations)
				}
				return ""
			},
		},
		{
			// A move someone else puts to the user is weighed, and the plan
			// knows whose idea it is; an order or the sales leader's own
			// suggestion is not a temptation.
			name: "a move the user's boss suggests",
			text: "Patrice, our CCO, doubts marketing. She's given me 20 minutes at the kickoff on January 19. My boss suggests I use it to unveil a 90-day plan with a pipeline target so the reps see ambition.",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); got != "use it to unveil a 90-day plan with a pipeline target so the reps see ambition [committed_number]" || s.Temptations[0].From != "your boss" {
					return "temptations " + got + " from " + fmt.Sprint(s.Temptations)
				}
				return ""
			},
		},
		{
			name: "a move a named executive suggests",
			text: "Our CRO, Marcus, calls our leads junk. Anya, our CEO, suggested I send the board the attribution deck myself.",
			check: func(s sheet.Sheet) string {
				if len(s.Temptations) == 0 || s.Temptations[0].From != "Anya" {
					return "temptations " + fmt.Sprint(s.Temptations)
				}
				return ""
			},
		},
		{
			name: "the sales leader's own suggestion is not a temptation",
			text: "Our CRO, Marcus, calls our leads junk. Marcus suggested I send him the attribution deck before Friday.",
			check: func(s sheet.Sheet) string {
				if len(s.Temptations) > 0 {
					return "temptations " + moves(s.Temptations)
				}
				return ""
			},
		},
		{
			// Re-cutting the credit model is building a case with data; a
			// scoring model rebuilt is a change to the rules.
			name: "an attribution model re-cut to win",
			text: "Declan, our SVP Sales, disputes every attribution number. Part of me wants to rebuild the model as W-shaped, which puts us over 45% sourced.",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); !strings.HasPrefix(got, "rebuild the model as W-shaped") || !strings.HasSuffix(got, "[data_deck]") {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a scoring model rebuilt is a change to the rules",
			text: "Priya, our VP of Sales, says our MQLs are junk. I'm tempted to rebuild the scoring model in a weekend.",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); got != "rebuild the scoring model in a weekend [mql_change_without_sales]" {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			// Being left off the invitations is a seat lost; never being
			// invited is not.
			name: "no longer invited to the forecast call",
			text: "Declan, our SVP Sales, found out I went to the CEO, because he's stopped inviting me to the Wednesday forecast call.",
			check: func(s sheet.Sheet) string {
				if s.SeatLost == nil || s.SeatLost.Text != "stopped inviting me to the Wednesday forecast call" {
					return fmt.Sprint("lost ", s.SeatLost)
				}
				return ""
			},
		},
		{
			name: "never invited is not a seat lost",
			text: "Annika, our sales director, still does not invite marketing to her monthly account reviews.",
			check: func(s sheet.Sheet) string {
				if s.SeatLost != nil {
					return fmt.Sprint("lost ", s.SeatLost)
				}
				return ""
			},
		},
		{
			// Showing a count to prove marketing's worth is building the
			// case with data; presenting a budget for a year is not.
			name: "a count shown to prove marketing's worth",
			text: "Massimo, our sales director, thinks marketing is not necessary. I am thinking to show the 58 RFQ in the committee to demonstrate that marketing brings value.",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); got != "show the 58 RFQ in the committee to demonstrate that marketing brings value [data_deck]" {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a budget for a year is not data",
			text: "Our CRO, Tom, ignores us. I am thinking to present the 2027 budget to him first.",
			check: func(s sheet.Sheet) string {
				if len(s.Temptations) > 0 {
					return "temptations " + moves(s.Temptations)
				}
				return ""
			},
		},
		{
			// Moves listed after a colon, the second joined by "and", and
			// a move the user's own manager wants made.
			name: "moves after a colon",
			text: "Bev, our CCO, doubts marketing. What I'm tempted to do: come in strong, rebuild lead scoring in month one so the leads are obviously better, and put an ambitious sourced-pipeline number in the plan (thinking $9M).",
			check: func(s sheet.Sheet) string {
				want := "come in strong, rebuild lead scoring in month one so the leads are obviously better [mql_change_without_sales] | put an ambitious sourced-pipeline number in the plan [committed_number]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a move the user's manager wants made",
			text: "Dmitri, our CRO, says marketing moved the goalposts. I raised the MQL threshold from 50 to 75. My VP is now worried about the bonus and wants me to quietly put it back to 50.",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); got != "quietly put it back to 50 [mql_change_without_sales]" || s.Temptations[0].From != "your VP" || s.Temptations[0].FromVerb != "wants" {
					return "temptations " + got + " " + fmt.Sprint(s.Temptations)
				}
				return ""
			},
		},
		{
			// A meeting the user says they are not in is the seat to ask
			// for, whatever words of the sales leader's they heard elsewhere.
			name: "not invited to the meeting named",
			text: "Yvonne, our SVP Sales, is sceptical. At the Monday forecast call she said \"marketing leads are noise\". I'm also not invited to the Thursday pipeline scrub.",
			check: func(s sheet.Sheet) string {
				if s.Meeting != "Thursday pipeline scrub" || s.SeatHeld != nil || s.SeatLost != nil {
					return fmt.Sprint("meeting ", s.Meeting, " held ", s.SeatHeld, " lost ", s.SeatLost)
				}
				return ""
			},
		},
		{
			// "Not invited" is a seat never held; "no longer invited" is
			// one lost.
			name: "not invited is not a seat lost",
			text: "Kerem, our Sales Director, says our leads are students. I am not invited to the sales meeting. Since October I am no longer invited to the Monday forecast call either.",
			check: func(s sheet.Sheet) string {
				if s.SeatLost == nil || !strings.Contains(s.SeatLost.Text, "no longer invited") {
					return fmt.Sprint("lost ", s.SeatLost)
				}
				return ""
			},
		},
		{
			// The sales leader learning of the escalation is read from a
			// clause about them, not from the user finding something out.
			name: "the sales leader found out about the escalation",
			text: "Declan, our SVP Sales, wanted my headcount. I went to Anya, our CEO, on my own. But Declan obviously found out, because he's stopped inviting me to the forecast call.",
			check: func(s sheet.Sheet) string {
				if !s.Known {
					return "not known"
				}
				return ""
			},
		},
		{
			name: "the sales leader knew the user had been above him",
			text: "Marcus, our CRO, wants a new source rule. On 12 November I went to Priya, our CEO, and asked her to rule. By that afternoon Marcus knew I'd been to her.",
			check: func(s sheet.Sheet) string {
				if !s.Known {
					return "not known"
				}
				return ""
			},
		},
		{
			name: "the escalation passed on to the sales leader",
			text: "Alex Rourke, our CRO, says marketing double counts. I wrote to our CEO, Nadia, about it. She forwarded it to Alex with \"can you two reconcile this?\"",
			check: func(s sheet.Sheet) string {
				if !s.Known {
					return "not known"
				}
				return ""
			},
		},
		{
			name: "the one gone to speaking with the sales leader",
			text: "Krzysztof, our sales director, claimed the order as his own. In March I went to Tomasz, our CEO, and showed him the emails. Tomasz spoke with Krzysztof. Since then Krzysztof does not invite me to the Monday meeting.",
			check: func(s sheet.Sheet) string {
				if !s.Known {
					return "not known"
				}
				return ""
			},
		},
		{
			name: "the user speaking with the sales leader is not passing on an escalation",
			text: "Krzysztof, our sales director, claimed the order as his own. Last week I spoke with Krzysztof about it.",
			check: func(s sheet.Sheet) string {
				if s.Known {
					return "known"
				}
				return ""
			},
		},
		{
			name: "the user sending it to the sales leader is not passing on an escalation",
			text: "Noam, our VP Sales, ignores our leads. Last week I put together a touchpoint timeline and sent it to Noam.",
			check: func(s sheet.Sheet) string {
				if s.Known {
					return "known"
				}
				return ""
			},
		},
		{
			name: "the user finding out is not the sales leader knowing",
			text: "Declan, our SVP Sales, wanted my headcount. I found out he had asked the CEO for it in private.",
			check: func(s sheet.Sheet) string {
				if s.Known {
					return "known"
				}
				return ""
			},
		},
		{
			// Each option the user weighs is a move of its own kind, and an
			// option is not a change made.
			name: "two options, each by its kind",
			text: "Our Sales Director, Bernd, ignores our leads. I am thinking to propose that the MD puts lead follow-up into the targets of the area managers. Or I stop sending leads to area managers and give them only to inside sales. What is right?",
			check: func(s sheet.Sheet) string {
				want := "propose that the MD puts lead follow-up into the targets of the area managers [escalated] | stop sending leads to area managers and give them only to inside sales [mql_change_without_sales]"
				if got := moves(s.Temptations); got != want || len(s.Changes) > 0 {
					return "temptations " + got + "; changes " + strings.Join(spans(s.Changes), "|")
				}
				return ""
			},
		},
		{
			// A clause that names no move runs on into the move joined to
			// it by "and"; "the inbound" is leads with its article.
			name: "a first clause that names no move and a move joined by and",
			text: "Our CCO, Duane, says nobody books a load because of a post. I'm tempted to just launch a quote-request page and route the inbound to the two reps who've been friendly to me, and let the results speak.",
			check: func(s sheet.Sheet) string {
				want := "launch a quote-request page and route the inbound to the two reps who've been friendly to me [mql_change_without_sales] | let the results speak [data_deck]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			// A move the user doubts after naming it is weighed, from the
			// verb after "to"; a quotation inside it stays in the span.
			name: "a move named and then doubted",
			text: "Robin, our SVP of Sales, says RevOps builds dashboards for the board. Teresa has asked me to present \"the new funnel metrics\" at the sales kickoff on January 13, and I'm not sure that's a good idea.",
			check: func(s sheet.Sheet) string {
				want := "present \"the new funnel metrics\" at the sales kickoff on January 13 [data_deck]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a number to promise and a second move joined to it",
			text: "Our CRO, Priya, voted against hiring me. My instinct is to arrive with a confident pipeline number, and to ask the CEO to make sure she's bought in.",
			check: func(s sheet.Sheet) string {
				want := "arrive with a confident pipeline number [committed_number] | ask the CEO to make sure she's bought in [escalated]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "an option list and the sentence that opens with Or",
			text: "I report to Hector, our CRO. He says marketing hit its number and sales did not. Options I see: quietly put the threshold back to 40 and hit my number. Or go to the CEO about the MQL target being the wrong target. Neither feels right.",
			check: func(s sheet.Sheet) string {
				want := "quietly put the threshold back to 40 and hit my number [mql_change_without_sales] | go to the CEO about the MQL target being the wrong target [escalated]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a clause that names no move runs on past its comma",
			text: "Our SVP Sales, Yolanda, calls the dashboard a fairy tale. My instinct is to show ambition, something like $6M sourced pipeline, and to rewrite the MQL definition in my first month.",
			check: func(s sheet.Sheet) string {
				want := "show ambition, something like $6M sourced pipeline [committed_number] | rewrite the MQL definition in my first month [mql_change_without_sales]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a long temptation ends before its purpose clause, not mid-phrase",
			text: "Our VP of Sales, Oksana, ignores our leads. Part of me wants to send the CEO the seven-day follow-up numbers so it's clear the reps are sitting on demo requests.",
			check: func(s sheet.Sheet) string {
				want := "send the CEO the seven-day follow-up numbers [escalated]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "going to leadership by name comes first among a move's kinds",
			text: "The new Director Comercial, Joaquín, says marketing is a cost. We both report to the general manager, Sr. Llorens. I am thinking to send the numbers to Sr. Llorens before Joaquín finishes his plan.",
			check: func(s sheet.Sheet) string {
				if len(s.People) == 0 || s.People[0].Name != "Llorens" {
					return fmt.Sprint("people ", s.People)
				}
				want := "send the numbers to Sr. Llorens before Joaquín finishes his plan [escalated data_deck]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "words sent to the sales leader are not theirs",
			text: "Our CCO, Fergus, is my boss's boss. I took the workbook to our CEO without telling him. She forwarded it to Fergus with \"can you two sort this out.\" He has not spoken to me since.",
			check: func(s sheet.Sheet) string {
				for _, q := range s.Quotes {
					if q.Speaker == "sales_leader" {
						return "quote given to the sales leader: " + q.Text
					}
				}
				return ""
			},
		},
		{
			name: "the user's own moves are acts, not the situation",
			text: "Our VP of Sales, Oksana, says our leads are junk. I built a deck showing marketing touched 41% of closed-won and sent it to her. She cancelled our 1:1.",
			check: func(s sheet.Sheet) string {
				if len(s.Acts) != 1 || !strings.HasPrefix(s.Acts[0].Text, "I built a deck") {
					return fmt.Sprint("acts ", s.Acts)
				}
				return ""
			},
		},
		{
			name: "a change weighed with the sales leader is not one made alone",
			text: "The Head of Sales, Annika, calls it the quarter marketing gamed the number. I want to put the threshold back and rebuild the scoring properly, and I want her on side before I touch anything. Or I could just put the threshold back myself.",
			check: func(s sheet.Sheet) string {
				want := "put the threshold back myself [mql_change_without_sales]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a seat held only some of the time",
			text: "Our VP of Sales, Oksana, said in the Monday pipeline meeting (I get invited about once a month when marketing has an agenda item) that our leads are junk.",
			check: func(s sheet.Sheet) string {
				if s.SeatPart == nil || s.SeatHeld != nil || s.SeatPart.Text != "I get invited about once a month when marketing has an agenda item" {
					return fmt.Sprint("seat part ", s.SeatPart, " held ", s.SeatHeld)
				}
				return ""
			},
		},
		{
			name: "a meeting with the sales leader already booked",
			text: "Yolanda, our SVP Sales, calls the dashboard a fairy tale. Nothing tried yet. Our first proper 1:1 is this Thursday.",
			check: func(s sheet.Sheet) string {
				if s.Booked == nil || s.Booked.Text != "Our first proper 1:1 is this Thursday" {
					return fmt.Sprint("booked ", s.Booked)
				}
				return ""
			},
		},
		{
			name: "a meeting of many, or with leadership, is not booked with the sales leader",
			text: "Our CRO, Dan, wants my budget cut. The final budget meeting is Thursday and my request comes right after his. I am meeting the CEO on Friday.",
			check: func(s sheet.Sheet) string {
				if s.Booked != nil {
					return "booked " + s.Booked.Text
				}
				return ""
			},
		},
		{
			name: "the date in a deadline, as a plan names it",
			text: "I report to Hector, our CRO. FY27 targets and comp plans get locked by January 10 for SKO.",
			check: func(s sheet.Sheet) string {
				if s.DeadlineDate == nil || s.DeadlineDate.Text != "January 10" {
					return fmt.Sprint("date ", s.DeadlineDate)
				}
				return ""
			},
		},
		{
			name: "an abbreviated month is a date",
			text: "Our CRO, Fiona, says marketing grades its own homework. Plan locks Dec 10, board approves Dec 17.",
			check: func(s sheet.Sheet) string {
				if s.DeadlineDate == nil || s.DeadlineDate.Text != "Dec 10" {
					return fmt.Sprint("date ", s.DeadlineDate)
				}
				return ""
			},
		},
		{
			name: "a date that is part of a longer name is not named alone",
			text: "Our VP of Sales, Dana, wants my budget. Next quarter's planning cycle starts soon and the budget is due then.",
			check: func(s sheet.Sheet) string {
				if s.DeadlineDate != nil {
					return "date " + s.DeadlineDate.Text
				}
				return ""
			},
		},
		{
			name: "words heard in the sales meeting put the user in it",
			text: "Bettina is our VP of Sales. On the Thursday pipeline call she said, and I wrote it down, \"I'm not burning my AEs' hours on people who wanted a free PTO template.\"",
			check: func(s sheet.Sheet) string {
				if s.SeatHeld == nil || !s.SeatHeard {
					return fmt.Sprint("seat held ", s.SeatHeld, " heard ", s.SeatHeard)
				}
				for _, q := range s.Quotes {
					if q.Speaker != "sales_leader" {
						return "quote given to " + q.Speaker
					}
				}
				return ""
			},
		},
		{
			name: "words passed on from the sales meeting do not",
			text: "Bettina is our VP of Sales. One of her reps told me that on the Thursday pipeline call she said \"I'm not burning my AEs' hours on webinar people.\"",
			check: func(s sheet.Sheet) string {
				if s.SeatHeld != nil {
					return "seat held from hearsay"
				}
				return ""
			},
		},
		{
			name: "words given as a named person's line are that person's",
			text: "I report to our CMO, Sunita. Our SVP Sales, Darnell, sits on the exec team with her. Sunita's line is \"you broke it, you fix it.\"",
			check: func(s sheet.Sheet) string {
				for _, q := range s.Quotes {
					if q.Speaker != "other" {
						return "quote given to " + q.Speaker
					}
				}
				return ""
			},
		},
		{
			name: "a decision dated at a meeting is a date ahead",
			text: "Our SVP Sales, Darnell, is furious about the scoring change. Next year's comp plans get signed off at the exec meeting on December 12.",
			check: func(s sheet.Sheet) string {
				if s.DeadlineDate == nil || s.DeadlineDate.Text != "December 12" {
					return fmt.Sprint("date ", s.DeadlineDate)
				}
				return ""
			},
		},
		{
			name: "a date clause that points back is quoted with what it points to",
			text: "Neil is our Commercial Director and he is my boss. On top of that, he wants to turn our vacant marketing executive role into a bid writer on his team, and that gets decided at the board meeting on 17 December.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) == 0 || s.Deadlines[0].Text != "he wants to turn our vacant marketing executive role into a bid writer on his team, and that gets decided at the board meeting on 17 December" {
					return fmt.Sprint("deadlines ", s.Deadlines)
				}
				return ""
			},
		},
		{
			name: "the next week of a story told in the past is not a date ahead",
			text: "Our CRO, Ravi, saw the report in March. He had the lead source field removed from the opportunity layout the next week.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) > 0 {
					return fmt.Sprint("deadlines ", s.Deadlines)
				}
				return ""
			},
		},
		{
			name: "a booked talk with the sales leader is not a date to beat",
			text: "hi, I need help preparing for a 1:1 with our VP Sales next week. Arjun thinks our leads are junk.",
			check: func(s sheet.Sheet) string {
				if s.Booked == nil || len(s.Deadlines) > 0 || s.DeadlineSoon {
					return fmt.Sprint("booked ", s.Booked, " deadlines ", s.Deadlines)
				}
				return ""
			},
		},
		{
			name: "a date days away is soon",
			text: "Our CRO, Ravi, wants my budget. The budget review is next Tuesday.",
			check: func(s sheet.Sheet) string {
				if !s.DeadlineSoon {
					return fmt.Sprint("not soon: ", s.DeadlineDate)
				}
				return ""
			},
		},
		{
			name:  "a move that points back across a blank line reads the sentence before it",
			text:  "Renato is our Diretor Comercial.\n\nFair enough, it was bad.\n\nThis year was different and I wanted to show that.",
			check: func(s sheet.Sheet) string { return "" },
		},
		{
			name: "a pronoun does not point to someone named only after 'to'",
			text: "- Odette, the Chief Commercial Officer, owns sales. We will both report to the CEO.\n- In my final interview she was blunt: \"I've had two marketing leaders in three years. Neither delivered.\"",
			check: func(s sheet.Sheet) string {
				if len(s.Quotes) == 0 || s.Quotes[0].Speaker != "sales_leader" {
					return fmt.Sprint("quotes ", s.Quotes)
				}
				return ""
			},
		},
		{
			name: "a seat the user means to ask for is not a seat held",
			text: "I start as VP Marketing in January. Reuben is our CCO. My instinct is to ask for a seat in Reuben's Wednesday deal review in week one.",
			check: func(s sheet.Sheet) string {
				if s.SeatHeld != nil {
					return "seat held from a wish: " + s.SeatHeld.Text
				}
				return ""
			},
		},
		{
			name: "a seat the user has is held",
			text: "Reuben is our CCO. I have a seat in Reuben's Wednesday deal review but I never speak.",
			check: func(s sheet.Sheet) string {
				if s.SeatHeld == nil {
					return "seat not held"
				}
				return ""
			},
		},
		{
			name: "a seat asked for and refused is not a seat held",
			text: "Duane is our CCO. I asked to sit in on the 7:30 Monday floor huddle and he said no, it's \"for sellers.\"",
			check: func(s sheet.Sheet) string {
				if s.SeatHeld != nil {
					return "seat held from a refusal: " + s.SeatHeld.Text
				}
				if s.Meeting != "Monday floor huddle" {
					return "meeting " + s.Meeting
				}
				return ""
			},
		},
		{
			name: "going straight to a named executive is an escalation made",
			text: "Callum joined as CRO in August. We're peers, both report to Naomi, our CEO. After the board deck I went straight to Naomi and told her the numbers were misleading.",
			check: func(s sheet.Sheet) string {
				if s.WentAbove == nil || s.WentAbove.Text != "I went straight to Naomi" {
					return fmt.Sprint("went above ", s.WentAbove)
				}
				return ""
			},
		},
		{
			name: "a move on a pronoun weighs the thing the sentence before names",
			text: "Our CRO, Callum, changed the sourcing rule. My ops lead has built a multi-touch model showing marketing influenced 58% of pipeline. Should I present it?",
			check: func(s sheet.Sheet) string {
				want := "My ops lead has built a multi-touch model showing marketing influenced 58% of pipeline [data_deck]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a deadline clause too short to stand alone takes the clause before it",
			text: "My boss is Radosław, Commercial Director. Now is planning for 2027, deadline 15 December, he decides my targets again and I am afraid again only a lead number, or he cuts the Google Ads budget.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) == 0 || s.Deadlines[0].Text != "Now is planning for 2027, deadline 15 December" {
					return fmt.Sprint("deadlines ", s.Deadlines)
				}
				return ""
			},
		},
		{
			name: "a month with what is decided in it is a date ahead; one looked back on is not",
			text: "Our VP of Sales, Dana, ignores us. Things got worse since the reorg in March. There is a reorg in January and she wants marketing under sales ops.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) != 1 || !strings.HasPrefix(s.Deadlines[0].Text, "There is a reorg in January") || s.DeadlineDate == nil || s.DeadlineDate.Text != "January" {
					return fmt.Sprint("deadlines ", s.Deadlines, " date ", s.DeadlineDate)
				}
				return ""
			},
		},
		{
			name: "a business figure's trend or the user's tenure does not date the friction",
			text: "Deborah, our Chief Commercial Officer, doesn't see the point of marketing. Distributor sales have been flat for three years. I've been here for two years. She has never trusted a web lead.",
			check: func(s sheet.Sheet) string {
				if len(s.Lasting) != 1 || s.Lasting[0].Text != "has never trusted" {
					return fmt.Sprint("lasting ", s.Lasting)
				}
				return ""
			},
		},
		{
			name: "a mandate from leadership in other words",
			text: "Deborah, our Chief Commercial Officer, doesn't see the point of marketing. I'm tempted to email the CEO, he's the one who hired me for this.",
			check: func(s sheet.Sheet) string {
				if len(s.Mandate) == 0 {
					return "no mandate"
				}
				return ""
			},
		},
		{
			name: "the user's boss beside the sales leader is not the sales leader",
			text: "I run demand gen and I report to our CMO. Our VP of Sales, Ingrid, sits on the exec team next to my boss. On the Monday call she said, in front of my boss, \"I'm not burning AE hours on ebook downloads again.\"",
			check: func(s sheet.Sheet) string {
				if s.Line == "boss" {
					return "line boss"
				}
				return ""
			},
		},
		{
			name: "a date looked back on is not a deadline",
			text: "Our VP of Sales, Ingrid, ignores our MQLs. I built a deck and sent it to her and my CMO before the QBR. Annual planning closes in five weeks.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) != 1 || s.Deadlines[0].Text != "Annual planning closes in five weeks" {
					return fmt.Sprint("deadlines ", s.Deadlines)
				}
				return ""
			},
		},
		{
			name: "a figure the sales leader wants is a proposal, not a result",
			text: "My boss is Pavel, the Commercial Director. In the sales meeting Pavel said that next year he wants to cut the Google Ads budget by 40%. Web customers have a 31% repeat order rate.",
			check: func(s sheet.Sheet) string {
				for _, f := range s.Figures {
					if strings.Contains(f.Text, "Google Ads") {
						return "figure " + f.Text
					}
				}
				if len(s.Figures) == 0 || !strings.HasSuffix(s.Figures[0].Text, "31% repeat order rate") {
					return fmt.Sprint("figures ", s.Figures)
				}
				return ""
			},
		},
		{
			name: "writing to the parent company's director is an escalation; 'end of discussion' is a failed talk",
			text: "My boss is Pavel, the Commercial Director. I tried to talk with him directly in September. He said \"your numbers, your bonus, not my problem\" and that was end of discussion. I am thinking to write to the group marketing director in Germany so he protects the budget.",
			check: func(s sheet.Sheet) string {
				if !s.Failed {
					return "failed talk not read"
				}
				if got := moves(s.Temptations); !strings.Contains(got, "[escalated]") {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "words heard in a meeting marketing was since dropped from do not put the user in it",
			text: "I report to Anjali, who reports to our CRO, Malcolm. Last month in the Wednesday pipeline meeting he said \"pipeline generation needs one owner.\" Since then Malcolm has stopped inviting Anjali to the Wednesday meeting.",
			check: func(s sheet.Sheet) string {
				if s.SeatHeld != nil {
					return "seat held"
				}
				return ""
			},
		},
		{
			name: "a meeting named with a day's possessive",
			text: "Our Head of Sales, Sam, laughed at our MQL number. Sam's only comment in Tuesday's revenue meeting was that the lead number got smaller.",
			check: func(s sheet.Sheet) string {
				if s.Meeting != "Tuesday revenue meeting" {
					return "meeting " + s.Meeting
				}
				return ""
			},
		},
		{
			name: "a deadline denied is none",
			text: "Our VP of Sales, Marguerite, ignores our MQLs. No big deadline, it is just slowly getting worse.",
			check: func(s sheet.Sheet) string {
				if len(s.Deadlines) != 0 {
					return fmt.Sprint("deadlines ", s.Deadlines)
				}
				return ""
			},
		},
		{
			name: "a seat lost names its own meeting",
			text: "Our CRO, Fiona, disputes our model. Her line in the Monday forecast call: \"marketing is grading its own homework.\" I've been dropped from the Thursday deal desk invite.",
			check: func(s sheet.Sheet) string {
				if s.SeatLost == nil || s.Meeting != "Thursday deal desk" {
					return fmt.Sprint("lost ", s.SeatLost, " meeting ", s.Meeting)
				}
				return ""
			},
		},
		{
			name: "a bare question weighs the sentence before it",
			text: "I report to Gary, VP Sales. He calls marketing a cost. The president told me on day one to come to her anytime. Do I?",
			check: func(s sheet.Sheet) string {
				want := "The president told me on day one to come to her anytime [escalated]"
				if got := moves(s.Temptations); got != want {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a request made to the user, in the sales leader's words",
			text: "I report to Gary, VP Sales. I showed him the numbers. He flipped through it and said \"Pretty. Now go redo the line card.\" Later he told me to \"get out of the way\".",
			check: func(s sheet.Sheet) string {
				if got := strings.Join(spans(s.Requests), "|"); got != "go redo the line card" {
					return "requests " + got
				}
				return ""
			},
		},
		{
			name: "a contrast after the comma is part of the request",
			text: "Our Sales Director, Morita, reviewed the leads with me. He was polite and specific: \"Bring my people introductions to purchasing managers, not students. Then we talk.\"",
			check: func(s sheet.Sheet) string {
				if got := strings.Join(spans(s.Requests), "|"); got != "Bring my people introductions to purchasing managers, not students" {
					return "requests " + got
				}
				return ""
			},
		},
		{
			name: "words to the team, fragments and questions are not requests",
			text: "Our VP Sales, Gary, told his reps to \"bring your accounts home\". He says our dashboards \"make sales look bad\". He asked me, \"What will you do, put a billboard up?\"",
			check: func(s sheet.Sheet) string {
				if len(s.Requests) > 0 {
					return "requests " + strings.Join(spans(s.Requests), "|")
				}
				return ""
			},
		},
		{
			name: "words that speak of marketing are not addressed to it",
			text: "Our CRO, Rajeev, ignores us. In the sales group he wrote: \"Don't waste time on the inbound sheet. Call your own list. Marketing leads are for marketing's dashboard.\" Then he told me: \"Send your marketing plan to me by Friday.\"",
			check: func(s sheet.Sheet) string {
				if got := strings.Join(spans(s.Requests), "|"); got != "Send your marketing plan to me by Friday" {
					return "requests " + got
				}
				return ""
			},
		},
		{
			// Pasted notes put one speaker on each line: a speech verb on an
			// earlier line does not introduce the CEO's words.
			name: "one speaker per line in pasted notes",
			text: "notes\n- Alvaro, VP Sales: says \"marketing is a cost\" in every meeting, he told the team\n- CEO to both of us last week: \"I need you two to stop this\"\n",
			check: func(s sheet.Sheet) string {
				for _, q := range s.Quotes {
					if q.Text == "I need you two to stop this" && q.Speaker != "other" {
						return "the CEO's words are " + q.Speaker + "'s"
					}
				}
				return ""
			},
		},
		{
			name: "the user's manager reports to the sales leader: two levels up",
			text: "I'm Senior Director of Demand Gen. I report to our VP Marketing, Ines, who reports to Desmond, our CRO. Desmond says marketing inflates its numbers.",
			check: func(s sheet.Sheet) string {
				if s.Line != "skip" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "the user's manager reports to a sales leader with any title",
			text: "I'm the marketing manager. I report to the Head of Commercial Operations, who reports to our GM of Sales, Clive Rennard. Clive says customers buy from a bloke they know.",
			check: func(s sheet.Sheet) string {
				if s.Line != "skip" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "the user's manager reports to the sales leader, said in a second clause",
			text: "I report to Mel, our Head of Marketing, and Mel reports to Hamish Doyle, the CRO, who joined in March. Hamish calls our pipeline fiction.",
			check: func(s sheet.Sheet) string {
				if s.Line != "skip" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "not my boss is not the boss",
			text: "Reporting: I report to the COO. Jules, our CRO, is the COO's peer, so a level above me but not my boss.",
			check: func(s sheet.Sheet) string {
				if s.Line == "boss" {
					return "line boss"
				}
				return ""
			},
		},
		{
			name: "the user's manager reports to the sales leader, said in the next sentence",
			text: "Two years in. I report to Keiko, VP Marketing. Keiko reports to Stellan, our CRO. Stellan joined in July.",
			check: func(s sheet.Sheet) string {
				if s.Line != "skip" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			name: "the user's manager reports to the sales leader, named between",
			text: "My boss Ines reports to Desmond, the CRO. Desmond calls our pipeline fiction.",
			check: func(s sheet.Sheet) string {
				if s.Line != "skip" {
					return "line " + s.Line
				}
				return ""
			},
		},
		{
			// Wanting to avoid a fight is not weighing one.
			name: "a goal is not a temptation",
			text: "Our CCO, Meredith, has seen two marketing leaders fail. I want to get this relationship right before there is anything to fight about.",
			check: func(s sheet.Sheet) string {
				if len(s.Temptations) > 0 {
					return "temptations " + moves(s.Temptations)
				}
				return ""
			},
		},
		{
			name: "he is my boss",
			text: "Ignacio is our Commercial Director. He is my boss and I don't want to look like I complain about his team.",
			check: func(s sheet.Sheet) string {
				if s.Line != "boss" || len(s.Temptations) > 0 {
					return "line " + s.Line + "; temptations " + moves(s.Temptations)
				}
				return ""
			},
		},
		{
			name: "a date phrase says what is decided and when",
			text: "Our CRO, Jordan, rewrote the source rule. Now the FY27 plan that goes to the board on January 20 converts two of my open reqs into SDRs and cuts paid programs by $450k, and it was drafted without anyone from marketing in the room at any point this quarter.",
			check: func(s sheet.Sheet) string {
				for _, d := range s.Deadlines {
					if strings.Contains(d.Text, "January 20") {
						return ""
					}
				}
				return "deadlines " + strings.Join(spans(s.Deadlines), "|")
			},
		},
		{
			name: "an escalation made, by role or by a leadership person's name",
			text: "Our CRO, Simone, changed the source rule. At a coffee with our CEO, Grant, I showed him the attribution dashboard.",
			check: func(s sheet.Sheet) string {
				if s.WentAbove == nil || s.WentAbove.Text != "I showed him" {
					return fmt.Sprint("went above ", s.WentAbove)
				}
				return ""
			},
		},
		{
			name: "an escalation asked about, weighed or imagined by someone else is not made",
			text: "Our CRO, Karthik, ignores our leads. He thinks I went to the CEO about it, but I didn't. If I sent the CEO the data, would it help? How do I raise this with the COO?",
			check: func(s sheet.Sheet) string {
				if s.WentAbove != nil {
					return "went above " + s.WentAbove.Text
				}
				return ""
			},
		},
		{
			name: "sending to a leadership person by name is an escalation",
			text: "Our CEO, Grant, asked about attribution. Our CRO, Simone, disputes it. I'm tempted to send the audit to Grant.",
			check: func(s sheet.Sheet) string {
				if got := moves(s.Temptations); got != "send the audit to Grant [escalated data_deck]" {
					return "temptations " + got
				}
				return ""
			},
		},
		{
			name: "a wish to do well is not a temptation",
			text: "Our CRO, Marcus, calls our leads garbage. I want to build a better relationship with him.",
			check: func(s sheet.Sheet) string {
				if len(s.Temptations) > 0 {
					return "temptations " + moves(s.Temptations)
				}
				return ""
			},
		},
		{
			name: "the President's words are not the sales leader's",
			text: "Our VP of Sales, Tom, ignores our leads. At the offsite the President said \"marketing is a cost we carry\" and Tom nodded.",
			check: func(s sheet.Sheet) string {
				if len(s.Quotes) != 1 || s.Quotes[0].Speaker != "other" {
					return "quotes wrong"
				}
				return ""
			},
		},
		{
			name: "she told me is hers",
			text: "Our VP of Sales, Hannah, is frustrated. Last week she told me, \"your leads are a list of people who wanted a free certificate.\"",
			check: func(s sheet.Sheet) string {
				if len(s.Quotes) != 1 || s.Quotes[0].Speaker != "sales_leader" {
					return "quotes wrong"
				}
				return ""
			},
		},
		{
			name: "a COO the sales leader cannot stand",
			text: "Our CRO, Marcus, and I both report to the CEO. Marcus can't stand the COO and they clash in every meeting. He says our leads are junk.",
			check: func(s sheet.Sheet) string {
				if !s.AtOdds("the COO") || s.AtOdds("the CEO") {
					return "conflict not read"
				}
				return ""
			},
		},
		{
			name: "a direct conversation that failed",
			text: "Our CRO, Marcus, calls our leads garbage. I had the one on one with him in March; he agreed and then nothing changed.",
			check: func(s sheet.Sheet) string {
				if !s.Failed {
					return "failed not read"
				}
				return ""
			},
		},
		{
			name: "meetings the sales leader cancelled are not a conversation held",
			text: "Our Sales Director, Stéphane, calls marketing nice for the brand. I invited him for a one to one two times, on 6 November and 20 November, and both times he cancelled the same morning.",
			check: func(s sheet.Sheet) string {
				if s.Unmet == nil || !strings.Contains(s.Unmet.Text, "both times he cancelled") || s.Held {
					return fmt.Sprintf("unmet %v held %v", s.Unmet, s.Held)
				}
				return ""
			},
		},
		{
			name: "a talk that was a case made with data",
			text: "Our Sales Director, Darren, ignores our leads. On 19 November I had a 1:1 with him. Brought one slide with the follow-up numbers. Mistake. He left after 15 minutes.",
			check: func(s sheet.Sheet) string {
				if !s.Held || !s.DataTalk {
					return fmt.Sprintf("held %v data talk %v", s.Held, s.DataTalk)
				}
				return ""
			},
		},
		{
			name: "a direct conversation the reader found, opened with the user's own plan",
			text: "Our sales director, Jörg, won't touch our leads. Last Thursday, 26 November, I went to him one on one. Brought a new lead scoring plan. He stopped me after two slides.",
			check: func(s sheet.Sheet) string {
				if !s.DataTalk {
					return "data talk not read"
				}
				return ""
			},
		},
		{
			name: "a talk with no data brought is not a case made with data",
			text: "Our Sales Director, Darren, ignores our leads. On 19 November I had a 1:1 with him and asked what his reps need. It went badly. Next month I will send the CEO the numbers.",
			check: func(s sheet.Sheet) string {
				if !s.Held || s.DataTalk {
					return fmt.Sprintf("held %v data talk %v", s.Held, s.DataTalk)
				}
				return ""
			},
		},
		{
			name: "deals already put down as sales' own",
			text: "Our Sales Director, Tomasz, disputes the fair. But in CRM Tomasz asked his people to put source \"direct sales\" for all of them. In October he listed both as sales-sourced.",
			check: func(s sheet.Sheet) string {
				if !s.Recoded {
					return "recoded not read"
				}
				return ""
			},
		},
		{
			name: "deals a sales leader wants counted as sales are not recoded yet",
			text: "Our CRO, Kyle, disputes our numbers. When a demo request comes in and an SDR then sends an email, Kyle wants it counted as outbound.",
			check: func(s sheet.Sheet) string {
				if s.Recoded {
					return "recoded read"
				}
				return ""
			},
		},
		{
			name: "the sales leader taking it to the CEO",
			text: "Our Sales Director, Tomasz, is also reporting to CEO. I made meeting with him on 5 November. He was very angry. After this he proposed to CEO that 2027 trade fair budget is moved to sales.",
			check: func(s sheet.Sheet) string {
				if s.LeaderAbove == nil || !strings.Contains(s.LeaderAbove.Text, "proposed to CEO") {
					return fmt.Sprintf("leader above %v", s.LeaderAbove)
				}
				return ""
			},
		},
		{
			name: "someone else taking it to the CEO is not the sales leader",
			text: "Our Sales Director, Tomasz, ignores our leads; he calls them junk. My colleague Anna said she went to the CEO about the stand last year.",
			check: func(s sheet.Sheet) string {
				if s.LeaderAbove != nil {
					return fmt.Sprintf("leader above %v", s.LeaderAbove)
				}
				return ""
			},
		},
		{
			name: "a deal already signed is closed",
			text: "Our Sales Director, Laurent, was very angry. We signed the biggest contract of our history, €640k with a group of 7 resorts in Austria. In my monthly report I wrote it is marketing-sourced.",
			check: func(s sheet.Sheet) string {
				if !s.DealClosed {
					return "deal closed not read"
				}
				return ""
			},
		},
		{
			name: "a deal still to close is not closed",
			text: "Our Sales Director, Laurent, was very angry. The Austrian deal should close in January, and we have not signed the contract yet.",
			check: func(s sheet.Sheet) string {
				if s.DealClosed {
					return "deal closed read"
				}
				return ""
			},
		},
		{
			name: "a seat asked for and never answered",
			text: "Our CRO, Mikkel, distrusts our numbers. I've asked three times since August to join the Monday pipeline meeting. No answer.\n\nHow do I push back?",
			check: func(s sheet.Sheet) string {
				if !s.SeatUnanswered {
					return "unanswered not read"
				}
				return ""
			},
		},
		{
			name: "a seat asked for and refused is not unanswered",
			text: "Our CRO, Mikkel, distrusts our numbers. I asked to join the Monday pipeline meeting in August and he said no. He has not replied to my email about the budget either.\n\nHow do I push back?",
			check: func(s sheet.Sheet) string {
				if s.SeatUnanswered {
					return "unanswered read"
				}
				return ""
			},
		},
		{
			name: "a conversation held after one cancelled",
			text: "Our CRO, Marcus, calls our leads garbage. He cancelled our first one on one, but we talked last week and he agreed to look at the routing.",
			check: func(s sheet.Sheet) string {
				if s.Unmet == nil || !s.Held {
					return fmt.Sprintf("unmet %v held %v", s.Unmet, s.Held)
				}
				return ""
			},
		},
		{
			name: "a deck named with quoted words or many modifiers",
			text: "Our CRO, Marc, distrusts marketing-sourced pipeline. In January I sent Marc a 14-slide W-shaped attribution deck. Then I built a \"seminar ROI\" dashboard and sent it to him too.",
			check: func(s sheet.Sheet) string {
				var got []string
				for _, a := range s.Artifacts {
					got = append(got, a.Phrase+"/"+a.State)
				}
				if fmt.Sprint(got) != `[the 14-slide W-shaped attribution deck/sent the "seminar ROI" dashboard/sent]` {
					return fmt.Sprint(got)
				}
				return ""
			},
		},
		{
			name: "the change the user made",
			text: "Our VP of Sales, Dana, wanted fewer junk leads. After our one on one I stopped routing webinar attendees to her reps.",
			check: func(s sheet.Sheet) string {
				if len(s.Changes) == 0 || !strings.HasPrefix(s.Changes[0].Text, "I stopped routing webinar attendees") {
					return "changes " + strings.Join(spans(s.Changes), "|")
				}
				return ""
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			if msg := tt.check(s); msg != "" {
				t.Error(msg)
			}
			// Every span is the user's text, verbatim.
			for _, sp := range append(append(append(s.Numbers, s.Events...), tempSpans(s.Temptations)...), s.Changes...) {
				if tt.text[sp.Start:sp.End] != sp.Text {
					t.Errorf("span %q is not verbatim", sp.Text)
				}
			}
		})
	}
}

func spans(ss []sheet.Span) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Text)
	}
	return out
}

// moves lists temptations as "words [kinds]".
func moves(ts []sheet.Temptation) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text+" "+fmt.Sprint(t.Kinds))
	}
	return strings.Join(out, " | ")
}

func tempSpans(ts []sheet.Temptation) []sheet.Span {
	var out []sheet.Span
	for _, t := range ts {
		out = append(out, t.Span)
	}
	return out
}

// TestAsked: what the sales leader asked marketing for, told in the user's
// words, is read from the thing asked to the end of its clause; someone
// else's request, a request already met, a dismissal and a question are
// not.
func TestAsked(t *testing.T) {
	tests := []struct {
		name, text, want string // want "" means nothing asked
	}{
		{"a help offered on conditions", "Our CCO, Duane, says freight gets sold on the phone. Then he said if I wanted to help I could get him a cleaner prospect list and otherwise stay out of his reps' day.", "get him a cleaner prospect list"},
		{"a thing asked for", "Our Head of Sales, Petra, thinks marketing is decoration. She has asked us for more of the retailer sell-in kits we built.", "more of the retailer sell-in kits we built"},
		{"asked by someone else", "Our VP of Sales, Olivier, ignores us. The operating partner wants to fold marketing into Commercial under Olivier, and has asked me to build the options by Friday.", ""},
		{"a request already met", "Our VP of Sales, Ines, distrusts our lists. She asked me to stop including those companies in our campaigns and I agreed.", ""},
		{"not a request verb", "Our CRO, Marcus, calls our leads junk. He asked me to come back in two weeks with a view.", ""},
		{"a dismissal only", "Our Sales Director, Bernd, says marketing is a cost. He told us he wants marketing to stay out of his territory.", ""},
		{"denied", "Our CRO, Marcus, calls our leads junk. He has never asked us for anything.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			got := ""
			if len(s.Asked) > 0 {
				got = s.Asked[0].Text
				if tt.text[s.Asked[0].Start:s.Asked[0].End] != got {
					t.Errorf("span %d-%d is not the text's bytes", s.Asked[0].Start, s.Asked[0].End)
				}
			}
			if got != tt.want {
				t.Errorf("asked %q, want %q", got, tt.want)
			}
		})
	}
}

// TestContractionAfterRole: a role word with a contraction glued to it
// ("CROn't") gives two tokens over one span; reading what lies between
// them found nothing, not a slice that ended before it started (the
// pipeline fuzz test found the panic).
func TestContractionAfterRole(t *testing.T) {
	for _, text := range []string{"000 CROn't ", "Our CROn't, Dana, says the leads are junk."} {
		read(t, text)
	}
}
