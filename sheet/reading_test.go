package sheet_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

// TestReadingKinds checks kinds of reading found by blind side-by-side
// rounds, each on an input of its own: an escalation told as the second
// verb of the user's sentence, a time fronted in a clause of its own, a
// program that is only a budget line or a date ahead, and a professional
// title before a name.
func TestReadingKinds(t *testing.T) {
	t.Run("an escalation as the second verb of the user's sentence", func(t *testing.T) {
		s := read(t, "Our CRO, Hanne, joined in May. We both report to Osric, our CEO. Honestly I lost my nerve and went to Osric first. Since then Hanne copies him on everything.")
		if s.WentAbove == nil || s.WentAbove.Text != "I lost my nerve and went to Osric" {
			t.Errorf("went above %v", s.WentAbove)
		}
	})
	t.Run("a number promised to leadership is not going over anyone's head", func(t *testing.T) {
		for _, text := range []string{
			"Our VP Sales, Hal, wants meetings. We both report to Oona, our CEO. In the October prep I told Oona (CEO) we'd deliver $2m of pipeline by June.",
			"Our VP Sales, Hal, wants meetings. We both report to Oona, our CEO. I told our CEO that we will hit 300 SQLs next quarter.",
		} {
			if s := read(t, text); s.WentAbove != nil {
				t.Errorf("went above %v: %s", s.WentAbove, text)
			}
		}
		if s := read(t, "Our VP Sales, Hal, wants meetings. We both report to Oona, our CEO. I told Oona that Hal ignores every lead."); s.WentAbove == nil {
			t.Error("a complaint told to the CEO is going above")
		}
	})
	t.Run("a person named before a copula and a role, by the name the text uses", func(t *testing.T) {
		s := read(t, "I report to our Sales Director, Callum Hartigan. He said \"your target's your target, talk to Ngozi\" (Ngozi Adeyemi is our Finance Director, she builds the comp plans). Should I go to Ngozi directly?")
		found := false
		for _, p := range s.People {
			found = found || p.Name == "Ngozi" && p.Role == "Finance Director" && p.Kind == "exec"
		}
		if !found {
			t.Errorf("people %+v, want Ngozi, Finance Director", s.People)
		}
		if len(s.Temptations) == 0 || s.Temptations[0].Text != "go to Ngozi directly" || len(s.Temptations[0].Kinds) == 0 || s.Temptations[0].Kinds[0] != "escalated" {
			t.Errorf("temptations %+v, want going to Ngozi as an escalation", s.Temptations)
		}
	})
	t.Run("what is said in every forecast call is heard there", func(t *testing.T) {
		s := read(t, "Marketing reports to our CRO, Annika. She brings it up in almost every forecast call, and she isn't wrong.")
		if s.SeatHeld == nil {
			t.Error("the user is in the forecast call, no seat to ask for")
		}
		s = read(t, "Marketing reports to our CRO, Annika. She wants to bring it up at a forecast call one day.")
		if s.SeatHeld != nil {
			t.Errorf("seat held %v", s.SeatHeld)
		}
	})
	t.Run("the user's own manager asks them to wait", func(t *testing.T) {
		s := read(t, "I report to Elodie Marchetti, our director of marketing. Marketing reports into our CRO, Vikram Osei, so he's my boss's boss. I wrote an email to Vikram with the analysis. Elodie read the draft and told me to sit on it for now.")
		if s.HoldBack == nil || s.HoldBack.Text != "Elodie read the draft and told me to sit on it for now" {
			t.Errorf("hold back %v (manager %q)", s.HoldBack, s.Manager)
		}
		s = read(t, "I lead demand gen. I report to Fiona, our VP Marketing, and Fiona reports to Gareth, our CRO. So Gareth is my boss's boss. Gareth says first touch gives marketing credit for work his AEs do. Fiona's take is to let it go and fight for the budget in January.")
		if s.HoldBack == nil || s.HoldBack.Text != "Fiona's take is to let it go and fight for the budget in January" {
			t.Errorf("hold back %v (manager %q)", s.HoldBack, s.Manager)
		}
	})
	t.Run("leadership telling the two to settle it between them", func(t *testing.T) {
		for _, c := range []struct{ text, want string }{
			{"Our CRO, Declan, wants the events budget. Imogen asked me for a plan and said \"I need you and Declan to figure this out, I'm not going to referee.\"", "need you and Declan to figure this out"},
			{"Our CRO, Dwayne, ignores marketing. Our CEO, Ezra, told me \"you and Dwayne need to work it out, I'm not refereeing.\"", "not refereeing"},
			{"new VP sales kieran cut my budget. pj's view is \"you two are adults\". what would you do", "you two are adults"},
			{"Our VP of Sales, Brendan, ignores our leads. Our CEO, Ayesha, told both of us last week to \"sort it out before the planning cycle in January\".", "told both of us last week to \"sort it out"},
			{"Our CRO, Stellan, disowned the target. Afterwards Marisol told me privately that she \"doesn't want to referee\" and that I should work with him.", "doesn't want to referee"},
		} {
			s := read(t, c.text)
			if s.Referee == nil || s.Referee.Text != c.want {
				t.Errorf("%q: referee %v, want %q", c.text, s.Referee, c.want)
			}
		}
		for _, text := range []string{
			"Our VP of Sales, Brendan, ignores our leads. I want to sort it out before January.",
			"Our VP of Sales, Brendan, ignores our leads. Our CEO never told us to work it out; she just decided.",
			"Our VP of Sales, Brendan, ignores our leads. Our CEO is happy to referee when we disagree.",
		} {
			if s := read(t, text); s.Referee != nil {
				t.Errorf("%q: referee %v", text, s.Referee)
			}
		}
	})
	t.Run("marketing's head named as the user's is their manager, and can hold them back", func(t *testing.T) {
		s := read(t, "I'm director of demand gen. Our VP Sales, Gustavo, says the MQL number is a vanity metric. I've built a 14-slide deck and I'm thinking of sending it to Gustavo. My CMO, Bernadette, says hold off but didn't say why.")
		if s.OwnBoss != "Bernadette" || s.HoldBack == nil {
			t.Errorf("own boss %q, hold back %v", s.OwnBoss, s.HoldBack)
		}
		if s := read(t, "I'm director of demand gen. Our VP Sales, Gustavo, says the MQL number is a vanity metric. Our CMO, Bernadette, loves the numbers."); s.OwnBoss != "" {
			t.Errorf("our CMO read as the user's own manager: %q", s.OwnBoss)
		}
	})
	t.Run("a meeting that was no real conversation", func(t *testing.T) {
		s := read(t, "ferg started as VP sales in august. i had one coffee with ferg in september, it was fine but surface level. what would you do")
		if s.Shallow == nil || s.Shallow.Text != "i had one coffee with ferg in september, it was fine but surface level" {
			t.Errorf("shallow %v", s.Shallow)
		}
		s = read(t, "new VP sales kieran started in august. i had a 1:1 with kieran in september, it was fine, mostly he asked about the website and the trade show calendar. haven't had one since.")
		if s.Shallow == nil {
			t.Error("a meeting about something else read as a real conversation")
		}
	})
	t.Run("a leadership plan that says what marketing will deliver", func(t *testing.T) {
		s := read(t, "Our CRO, Stellan, doubts marketing. At the offsite, Marisol put up her draft 2027 plan with a line saying marketing will deliver 40% of pipeline.")
		if len(s.Mandate) == 0 {
			t.Error("no mandate read")
		}
	})
	t.Run("leadership telling the company what marketing will deliver", func(t *testing.T) {
		s := read(t, "Our CRO, Declan, calls marketing a fantasy. Then at the all-hands on November 3, Imogen said, on her own, that in 2027 marketing would source 40% of new pipeline.")
		if len(s.Mandate) == 0 {
			t.Error("no mandate read")
		}
	})
	t.Run("a lead-rule change made without the sales leader", func(t *testing.T) {
		s := read(t, "Our VP Sales, Nadia, says one of our dashboards is fiction. After that I added a Sales Accepted stage. Her sales ops manager, Bruno, signed off on the fields, but I never walked Nadia through it myself. Three weeks in, 61% of MQLs are rejected.")
		if s.Alone == nil || s.Alone.Text != "Her sales ops manager, Bruno, signed off on the fields, but I never walked Nadia through it myself" {
			t.Errorf("alone %v", s.Alone)
		}
		s = read(t, "Our VP Sales, Nadia, says one of our dashboards is fiction. After that I added a new slide to the board deck. I never walked Nadia through it myself.")
		if s.Alone != nil {
			t.Errorf("a change that is no lead rule is alone: %v", s.Alone)
		}
	})
	t.Run("a belief that the user went above is suspected, not made", func(t *testing.T) {
		s := read(t, "Our VP Sales, Dmitri, ended our one on one after 15 minutes. So now I have a public target I never agreed to, a VP Sales who thinks I complained to the CEO, and a plan due in three weeks.")
		if s.WentAbove != nil || s.Suspected == nil || s.Suspected.Text != "a VP Sales who thinks I complained to the CEO" {
			t.Errorf("went above %v, suspected %v", s.WentAbove, s.Suspected)
		}
		s = read(t, "Our VP Sales, Dmitri, ignores us. I think I complained to the CEO too early.")
		if s.Suspected != nil {
			t.Errorf("the user's own belief is suspected: %v", s.Suspected)
		}
	})
	t.Run("a solid line to the sales leader makes them the user's boss", func(t *testing.T) {
		s := read(t, "I'm Head of Marketing, APAC. I report solid line to Rohan Mehta, VP Sales APAC, and dotted line to the global CMO, Kristin Albrecht. Rohan says the Jakarta deals are outbound.")
		if s.Line != "boss" {
			t.Errorf("line %q, want boss", s.Line)
		}
		if s := read(t, "I'm Head of Marketing, APAC. I report dotted line to Rohan Mehta, VP Sales APAC. Rohan says the Jakarta deals are outbound."); s.Line == "boss" {
			t.Error("a dotted line read as the user's boss")
		}
		if s := read(t, "I was hired by our COO, Renata. The new org chart shows me with a dotted line to Otávio, our VP of sales, and nobody has told me who actually does my review."); s.Line == "boss" {
			t.Error("a review nobody has assigned read as the sales leader's")
		}
	})
	t.Run("the user owning the record is read, a denial is not", func(t *testing.T) {
		s := read(t, "Our RVP, Callum, reclassified 37 opps. In August 212 leads went to the wrong pool. That's on us, fully, I know that.")
		if s.Admits == nil || s.Admits.Text != "That's on us" {
			t.Errorf("admits %v", s.Admits)
		}
		if s := read(t, "Our RVP, Callum, says the routing failure was our fault. It was not our fault: his reps never logged the calls."); s.Admits != nil {
			t.Errorf("admits %v", s.Admits)
		}
	})
	t.Run("leadership telling the board what marketing is for is a mandate", func(t *testing.T) {
		s := read(t, "Our Chief Sales Officer, Pieter, says sales doesn't need marketing. Sipho has told the board that marketing is essential to the expansion, but he has never said so in front of Pieter.")
		if len(s.Mandate) == 0 {
			t.Error("no mandate read")
		}
	})
	t.Run("a deck that locks on a date is a deadline", func(t *testing.T) {
		s := read(t, "Our SVP Sales, Desiree, disputes every attribution method. The CEO told us to show up with one pipeline number. The deck locks December 11.")
		if len(s.Deadlines) == 0 || !strings.Contains(s.Deadlines[0].Text, "December 11") {
			t.Errorf("deadlines %+v", s.Deadlines)
		}
	})
	t.Run("a move keeps its number's percent sign", func(t *testing.T) {
		s := read(t, "Our head of sales, Jurgen, ignores our leads. The CEO suggested I announce that marketing will deliver 30% of new pipeline. Should I present the new scoring model at the kickoff and commit to the 30%?")
		found := false
		for _, m := range s.Temptations {
			found = found || strings.HasSuffix(m.Text, "30%")
			if strings.HasSuffix(m.Text, "30") {
				t.Errorf("move quoted without its percent sign: %q", m.Text)
			}
		}
		if !found {
			t.Errorf("no move ends with the 30%%: %+v", s.Temptations)
		}
	})
	t.Run("a move is never quoted with half a parenthesis", func(t *testing.T) {
		s := read(t, "Our area VP Vikram had the opportunities re-tagged as sales sourced. my draft reply (reply all):\n\n\"Vikram, the history is clear. Please restore the field.\"\n\nshould i send this?")
		if len(s.Temptations) == 0 {
			t.Fatal("the draft is not read as a move weighed")
		}
		for _, m := range s.Temptations {
			if strings.Count(m.Text, "(") != strings.Count(m.Text, ")") {
				t.Errorf("move quoted with an unclosed parenthesis: %q", m.Text)
			}
		}
	})
	t.Run("a pronoun that does not agree with the sales leader's is someone else", func(t *testing.T) {
		s := read(t, "I report to our CMO Alicia. Our CRO Curtis reports to the CEO Nate and Alicia is his peer. Curtis says he does not trust our numbers. Alicia wants me to walk Nate through the model. I think this will blow up but she's my boss.")
		if s.Line == "boss" {
			t.Error("the user's boss, named by pronoun, read as the sales leader")
		}
		if s := read(t, "Our CRO Curtis runs sales. Curtis says he does not trust our numbers. I have to go along, he's my boss."); s.Line != "boss" {
			t.Errorf("line %q, want boss", s.Line)
		}
		if s := read(t, "We sit under the VP of Sales & Marketing, Bertrand Hollis, who is my direct boss. He says marketing makes brochures."); s.Line != "boss" {
			t.Errorf("line %q, want boss", s.Line)
		}
		if s := read(t, "I report to our CMO, Alicia, who is my direct boss. Our CRO, Curtis, ignores our leads and says marketing is a cost."); s.Line == "boss" {
			t.Error("the user's own boss, Alicia, read as the sales leader")
		}
	})
	t.Run("reporting to the sales leader through a title and an honorific", func(t *testing.T) {
		s := read(t, "Since reorganization in September I am reporting to our new Chief Commercial Officer, Pak Hendra Gunawan. Before, I was report direct to our founder and CEO Pak Arief Santoso. Pak Hendra call my team the brochure team.")
		if s.Line != "boss" {
			t.Errorf("line %q, want boss", s.Line)
		}
		for _, p := range s.People {
			if p.Name == "Pak" {
				t.Errorf("an honorific read as a name: %+v", p)
			}
		}
	})
	t.Run("titles that name a program's audience are no one", func(t *testing.T) {
		s := read(t, "Our VP Sales, Rohan, says the Jakarta deals are outbound. On 22 October we ran a CFO/COO roundtable in Jakarta, and in March a CMO dinner in Sydney.")
		for _, p := range s.People {
			if p.Name == "" {
				t.Errorf("an audience read as a person: %+v", p)
			}
		}
	})
	t.Run("a program told as the previous team's in a past quarter is history", func(t *testing.T) {
		s := read(t, "Our VP of Sales, Oliver, doubts our MQLs. He told me the previous team ran a six-part webinar series in Q2 that produced 340 registrants and 2 opportunities.")
		if len(s.PastPrograms) == 0 || s.PastPrograms[0] != "the six-part webinar series" {
			t.Errorf("past programs %q, want the six-part webinar series", s.PastPrograms)
		}
	})
	t.Run("a group's meeting with a year in its name, or with leadership named, is not booked with the sales leader", func(t *testing.T) {
		for _, text := range []string{
			"Our Head of Sales, Bastien, left my dashboard review early. Now I prepare the numbers before the budget 2027 meeting on 15 December, where Bastien asks for two more SDRs.",
			"Our Head of Sales, Bastien, left my dashboard review early. He reports to the CEO Arnaud Lefèvre. Now I prepare the numbers for Arnaud before the meeting on 15 December, where Bastien asks for two more SDRs.",
			// "our" makes a company meeting no booking of the two.
			"Our Director Comercial, Ignacio, says marketing is for brochures. Our annual strategy session is on 3 March.",
		} {
			if s := read(t, text); s.Booked != nil {
				t.Errorf("booked %q: %s", s.Booked.Text, text)
			}
		}
		if s := read(t, "Our Head of Sales, Bastien, left my dashboard review early. I have a 1:1 with Bastien booked for 8 December."); s.Booked == nil {
			t.Error("a 1:1 with the sales leader on a date is booked")
		}
		if s := read(t, "Our Head of Sales, Bastien, left my dashboard review early. Our first proper 1:1 is on 8 December."); s.Booked == nil {
			t.Error("our 1:1 on a date is booked")
		}
	})
	t.Run("a seat offered to the sales leader in marketing's meetings is no seat of the user's", func(t *testing.T) {
		if s := read(t, "Our head of sales, Magnus, says our webinar leads are junk. I already offered Magnus a seat at our campaign planning meetings. He has not come."); s.SeatHeld != nil {
			t.Errorf("seat held %q", s.SeatHeld.Text)
		}
	})
	t.Run("the user acting in the sales meeting has a seat there", func(t *testing.T) {
		s := read(t, "Our CRO, Gareth, took the credit. When I asked about it in the weekly pipeline meeting, Gareth said first touch gives marketing credit for work his AEs do.")
		if s.SeatHeld == nil {
			t.Error("no seat read")
		}
		if s := read(t, "Our CRO, Gareth, took the credit. I asked him about it at the board meeting."); s.SeatHeld != nil {
			t.Errorf("a board meeting is no seat in the sales review: %v", s.SeatHeld)
		}
	})
	t.Run("a seat the user says they do not have", func(t *testing.T) {
		s := read(t, "Our GM Sales, Rhys, is civil but dismissive. To be clear, I don't have a seat in his Tuesday forecast call.")
		if s.SeatHeld != nil || s.SeatPart != nil {
			t.Errorf("held %v part %v", s.SeatHeld, s.SeatPart)
		}
	})
	t.Run("a date that opens a clause with 'on' and what was said then", func(t *testing.T) {
		s := read(t, "Our CCO, Witold, doubts attribution. On management board meeting 6 November Witold said the model is manipulation. On 14 December is the board meeting where I must present the budget.")
		if len(s.Deadlines) == 0 || !strings.HasPrefix(s.Deadlines[0].Text, "On 14 December") {
			t.Errorf("deadlines %v", s.Deadlines)
		}
	})
	t.Run("a meeting of the two on a calendar date is booked; one told in the past is not", func(t *testing.T) {
		s := read(t, "Our Head of Sales, Lutz, is polite but cold. The MD asked the two of us to meet, and we have an hour booked on 9 December.")
		if s.Booked == nil || !strings.Contains(s.Booked.Text, "9 December") {
			t.Errorf("booked %v", s.Booked)
		}
		s = read(t, "Our Head of Sales, Lutz, is polite but cold. In our meeting on 17 November he said the leads were names, not customers.")
		if s.Booked != nil {
			t.Errorf("booked %v", s.Booked)
		}
	})
	t.Run("a sales leader named in two words is the one in the sentence", func(t *testing.T) {
		s := read(t, "The sales leader is Tan Wei Ming, Regional Vice President, Sales, Southeast Asia. Wei Ming told me: \"MQLs are your number, not mine.\" Wei Ming stopped sending his SDRs to the lead review. Wei Ming has agreed to a 45-minute meeting with me on 9 December.")
		if s.Leader.Name != "Wei Ming" {
			t.Errorf("leader %q", s.Leader.Name)
		}
		if s.Booked == nil || !strings.Contains(s.Booked.Text, "9 December") {
			t.Errorf("booked %v", s.Booked)
		}
		if len(s.Quotes) == 0 || s.Quotes[0].Speaker != "sales_leader" {
			t.Errorf("quotes %+v", s.Quotes)
		}
	})
	t.Run("the program the sales leader complains about comes first", func(t *testing.T) {
		s := read(t, "Our Head of Sales, Lutz, is polite but cold. A webinar series in spring had 260 registrations and no opportunity. In the leadership meeting he said marketing \"sends us names, not customers\" and that his engineers will not call trade fair contacts again.")
		if len(s.Programs) == 0 || s.Programs[0] != "the trade fair" {
			t.Errorf("programs %q", s.Programs)
		}
	})
	t.Run("an escalation mentioned to the sales leader is known to them", func(t *testing.T) {
		s := read(t, "Our CRO, Hanne, joined in May. We both report to Osric, our CEO. I went to Osric first and sent him the attribution report. He mentioned it to Hanne, and now she copies him on everything.")
		if !s.Known {
			t.Errorf("known not read: went above %v", s.WentAbove)
		}
	})
	t.Run("a pronoun for the leadership person named the sentence before", func(t *testing.T) {
		s := read(t, "Our VP Sales, Ferdie, says the leads are junk. We both report to Ilse, our CEO. Last week I emailed Ilse about the pipeline. I sent her the full funnel report too.")
		if s.WentAbove == nil {
			t.Errorf("went above not read: %+v", s.People)
		}
	})
	t.Run("a fronted time dates the clause after it", func(t *testing.T) {
		s := read(t, "Our CRO, Mattie, doubts marketing. Then at the September QBR, when I showed our sourced number, she said it was made up. Budget locks on December 9.")
		if len(s.Deadlines) != 1 || s.Deadlines[0].Text != "Budget locks on December 9" {
			t.Errorf("deadlines %v", s.Deadlines)
		}
	})
	t.Run("someone else's list, the sales leader's proposal and a verb are not marketing's programs", func(t *testing.T) {
		for _, c := range []struct{ text, want string }{
			{"Our VP of Sales, Brendan, told his reps to work their own prospect lists first. Our March webinar series brought 740 registrants and two opportunities.", "the March webinar series"},
			{"new VP sales kieran wants my budget. he's also put in his 2027 plan to cut the lunch-and-learn budget and move it to a distributor rebate program. our lunch and learn series got us into 14 specs.", "the lunch and learn"},
			{"Our VP of Sales, Colm, calls our number fiction. Colm's forecast shows $3.1M of marketing-origin pipeline. The dashboard shows both numbers.", ""},
			{"Our CRO, Adrian, showed our MQLs were already in rep sequences. I'm tempted to build an influenced pipeline view, which shows marketing touched about 72% of pipeline.", ""},
		} {
			s := read(t, c.text)
			got := ""
			if len(s.Programs) > 0 {
				got = s.Programs[0]
			}
			if got != c.want {
				t.Errorf("%q: programs %q, want first %q", c.text, s.Programs, c.want)
			}
		}
	})
	t.Run("a decision owed inside someone's quotation is a date ahead", func(t *testing.T) {
		s := read(t, "Our VP of Sales, Brendan, ignores our leads. Our CEO, Ayesha, told both of us last week to \"sort it out before the planning cycle in January\".")
		if len(s.Deadlines) != 1 || s.DeadlineDate == nil || s.DeadlineDate.Text != "January" {
			t.Errorf("deadlines %v, date %v", s.Deadlines, s.DeadlineDate)
		}
		s = read(t, "Our VP of Sales, Brendan, ignores our leads. I asked him what a good lead looks like. He said, \"A customer with a drawing and a deadline,\" and then talked for forty minutes.")
		if len(s.Deadlines) != 0 {
			t.Errorf("a quoted noun read as a date ahead: %v", s.Deadlines)
		}
	})
	t.Run("the answer to what the sales leader needs is a request", func(t *testing.T) {
		s := read(t, "Dwayne joined as CRO five months ago. Three weeks ago I finally got him one on one. I asked what he needed from marketing. He said \"honestly, case studies and a website that doesn't embarrass us.\" Then he took marketing off the kickoff agenda.")
		if len(s.Requests) != 1 || s.Requests[0].Text != "case studies and a website that doesn't embarrass us" {
			t.Errorf("requests %v", s.Requests)
		}
		s = read(t, "Dwayne joined as CRO five months ago. Three weeks ago I finally got him one on one. He said \"honestly, case studies are a waste of time.\"")
		if len(s.Requests) != 0 {
			t.Errorf("a remark read as a request: %v", s.Requests)
		}
	})
	t.Run("a permission is not a request", func(t *testing.T) {
		s := read(t, "Our sales GM, Lachlan, pays his reps on margin. In July I proposed we track one figure together. He said \"go for it, just don't expect my blokes to change anything.\"")
		if len(s.Requests) != 0 {
			t.Errorf("a permission read as a request: %v", s.Requests)
		}
	})
	t.Run("the sales leader's intent is not the user's artifact", func(t *testing.T) {
		s := read(t, "Our CRO, Gareth, took the credit. When I asked about it in the weekly pipeline meeting, Gareth said he is not going to \"split the baby\" on a board slide. I've drafted an email to Gareth with the attribution report attached. It's sitting in my drafts.")
		for _, a := range s.Artifacts {
			if a.Noun == "deck" {
				t.Errorf("the sales leader's board slide read as the user's: %+v", a)
			}
		}
		if d, ok := s.Draft(); !ok || d.Phrase != "the email" {
			t.Errorf("draft %+v %v, want the email", d, ok)
		}
	})
	t.Run("a walk-through planned for a day is a meeting; a sending is not", func(t *testing.T) {
		now := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
		s := read(t, "Our VP of Sales, Brendan, says our leads are a tax. I've built a 22-slide deck, and I was planning to walk Brendan through it on Thursday.")
		s.DropPast(now)
		if s.PlannedOn != "Thursday 3 December" {
			t.Errorf("planned on %q", s.PlannedOn)
		}
		s = read(t, "Our VP of Sales, Callum, says our leads are junk. I've built a 12-slide deck, and I was planning to send it to Callum before our planning offsite on December 15.")
		s.DropPast(now)
		if s.PlannedOn != "" {
			t.Errorf("a sending read as a meeting planned on %q", s.PlannedOn)
		}
	})
	t.Run("a change the sales leader asked for is requested", func(t *testing.T) {
		const change = "I run RevOps. Our VP of Sales, Joaquin, says the leads are junk. In September I raised the MQL score threshold from 50 to 65, "
		for tail, want := range map[string]bool{
			"which Joaquin asked for. Conversion went from 6% to 8%.": true,
			"because I thought it was obviously what he wanted.":      false, // the user's belief
			"which the CFO asked for.":                                false, // someone else's request
		} {
			if got := read(t, change+tail).Requested != nil; got != want {
				t.Errorf("%q: requested %v, want %v", tail, got, want)
			}
		}
	})
	t.Run("a decision being made now is a running deadline", func(t *testing.T) {
		s := read(t, "I run RevOps. Our VP of Sales, Benedikt, calls our MQLs noise. 2027 targets are being drafted now and I really don't want to repeat this year.")
		if !s.DeadlineNow || len(s.Deadlines) != 1 {
			t.Errorf("deadlines %v, now %v", s.Deadlines, s.DeadlineNow)
		}
		// A budget being approved this month is being decided now too.
		s = read(t, "Our Sales Director, Markus, ignores our inquiries. My 2027 budget of 1.1 million euros is being approved this month.")
		if !s.DeadlineNow || len(s.Deadlines) != 1 {
			t.Errorf("budget approved this month: deadlines %v, now %v", s.Deadlines, s.DeadlineNow)
		}
		s = read(t, "I run RevOps. Our VP of Sales, Benedikt, calls our MQLs noise. The 2027 targets are final on December 15, and they are being drafted now.")
		if s.DeadlineNow {
			t.Errorf("a dated deadline read as running: %v", s.Deadlines)
		}
	})
	t.Run("a temptation told as what the user is tempted to do", func(t *testing.T) {
		s := read(t, "Our VP of Sales, Declan, ignores our leads. What I am tempted to do is pull the response-time data and show Niamh that slow follow-up explains it.")
		if len(s.Temptations) == 0 || !strings.HasPrefix(s.Temptations[0].Text, "pull the response-time data") {
			t.Errorf("temptations %v, want one from 'pull'", s.Temptations)
		}
	})
	t.Run("how to reach a goal within a limit asks for the steps", func(t *testing.T) {
		s := read(t, "My boss is the CRO, Henrique. He moved part of my budget to SDRs. How do I protect the budget without going around him?")
		if s.AsksBefore == nil {
			t.Errorf("asks before not read")
		}
	})
	t.Run("selling around the sales team is a move of its own", func(t *testing.T) {
		s := read(t, "Massimo, our Sales Director, says marketing is not needed. Now I am thinking to make my own small system, call the leads myself with one junior and close the small deals direct, without distributors.")
		if len(s.Temptations) == 0 || !slices.Contains(s.Temptations[0].Kinds, "sell_direct") {
			t.Errorf("temptations %+v, want one of kind sell_direct", s.Temptations)
		}
	})
	t.Run("the part of marketing the sales leader accepts", func(t *testing.T) {
		// A leader who doubts the function still trusts something; the
		// reference plans built on it (blind round sbs67).
		for _, c := range []struct{ text, want string }{
			{"I report to Ray Dutton, VP of Sales and Marketing. Ray's line is \"Nobody ever hired a welder because of a LinkedIn post.\" He's fine with me running job ads for candidates, but he doesn't think marketing should touch the client side.", "He's fine with me running job ads for candidates"},
			{"Our CRO, Warwick, says marketing is a cost. Warwick actually likes our tender content and uses it.", "Warwick actually likes our tender content and uses it"},
			// A wish, a person rather than a piece of work, and someone
			// else's view are not it.
			{"Our CRO, Dana, thinks marketing is overhead. She'd like marketing's work to show up in her forecast.", ""},
			{"Our CRO, Dana, thinks marketing is overhead. She's fine with me there, as long as I stay quiet.", ""},
			{"Our CRO, Dana, thinks marketing is overhead. I asked our CEO, Tom, about it. He's fine with me running the events.", ""},
		} {
			s := read(t, c.text)
			got := ""
			if s.Valued != nil {
				got = s.Valued.Text
			}
			if got != c.want {
				t.Errorf("valued %q, want %q: %s", got, c.want, c.text)
			}
		}
	})
	t.Run("things told in two months are a history", func(t *testing.T) {
		s := read(t, "Our VP of Sales, Rachel, ignores the dashboard. In February I built a joint dashboard. In August I raised it with the CEO. The comp plans get drafted in January.")
		if len(s.Lasting) != 1 || s.Lasting[0].Text != "In February" {
			t.Errorf("lasting %v, want In February", s.Lasting)
		}
		// A day and its month date a thing told too (blind round sbs67).
		s = read(t, "In September I proposed a joint dashboard. Ingrid sent her deputy to the first session on 8 October.")
		if len(s.Lasting) != 1 || s.Lasting[0].Text != "In September" {
			t.Errorf("lasting %v, want In September", s.Lasting)
		}
		s = read(t, "Our VP of Sales, Rachel, ignores the dashboard. In February I built a joint dashboard. The comp plans get drafted in January.")
		if len(s.Lasting) != 0 {
			t.Errorf("one month told and one ahead: lasting %v", s.Lasting)
		}
	})
	t.Run("a day ahead goes before a month alone", func(t *testing.T) {
		s := read(t, "Our CRO, Gareth, took the credit. Fiona's take is to fight for the budget in January. I was going to send it tonight, because the budget is supposedly final on the 15th.")
		s.DropPast(time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC))
		// No month is named, so the day is said as written: a weekday
		// and month would be the plan's guess (blind round sbs64).
		if len(s.Deadlines) == 0 || s.Due != "the 15th" || !s.DueFortnight {
			t.Errorf("deadlines %v, due %q (fortnight %v), want the 15th first, within two weeks", s.Deadlines, s.Due, s.DueFortnight)
		}
	})
	t.Run("an undated weekday is the dated deadline on that weekday", func(t *testing.T) {
		s := read(t, "Quick one, need help before next Thursday. Our Sales Director, Carl, counts our contracts as his. My budget goes to the board on Thursday 10 December.")
		s.DropPast(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
		if s.Due != "Thursday 10 December" {
			t.Errorf("due %q, deadlines %v; want Thursday 10 December", s.Due, s.Deadlines)
		}
	})
	t.Run("a date fifteen days off leaves no room for two weeks", func(t *testing.T) {
		// "Within the next two weeks, well before it" ran to the eve of
		// the date (blind round sbs67).
		s := read(t, "Our VP of Sales, Ingrid, is paid on margin. FY2027 compensation plans are finalised on 18 December.")
		s.DropPast(time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
		if s.Due == "" || !s.DueFortnight {
			t.Errorf("due %q, fortnight %v; want 18 December, within three weeks", s.Due, s.DueFortnight)
		}
	})
	t.Run("a budget line and a date ahead are not programs", func(t *testing.T) {
		s := read(t, "Our Commercial Director, Pia, runs the bids. She wants to cut my program budget in half. The sales summit is February 3, she runs it.")
		if len(s.Programs) != 0 {
			t.Errorf("programs %v", s.Programs)
		}
	})
	t.Run("a professional title before a given name and surname", func(t *testing.T) {
		s := read(t, "My boss is the Commercial Director, Eng. Rui Barbosa, here 20 years. Rui thinks marketing is the catalogue and the stand. Rui cut the website budget.")
		if s.Leader.Name != "Rui" {
			t.Errorf("leader %q", fmt.Sprint(s.Leader))
		}
	})
	t.Run("the user's own manager is named when the sales leader sits above them", func(t *testing.T) {
		for text, want := range map[string]string{
			"I report to our VP Marketing, Jill, and she reports to our CRO, Terrence. Terrence says the leads are junk.":                   "Jill",
			"I report to the Director of Marketing and Communications, who reports to our CRO, Terrence. Terrence says the leads are junk.": "",
		} {
			if s := read(t, text); s.Line != "skip" || s.Manager != want {
				t.Errorf("line %q manager %q, want skip and %q: %s", s.Line, s.Manager, want, text)
			}
		}
	})
	t.Run("a reporting line in the future tense", func(t *testing.T) {
		s := read(t, "I start in January. I'll report to Annika Vos, the Chief Commercial Officer. Annika runs the dealer network herself.")
		if s.Line != "boss" {
			t.Errorf("line %q, want boss", s.Line)
		}
	})
	t.Run("a sales title over both is not the sales leader", func(t *testing.T) {
		s := read(t, "I'm Director of Revenue Operations and I report to our CRO, Thaddeus Okafor. The SVP of Sales for North America, Lorna Bickerstaff, also reports to Thaddeus. Lorna calls our routing the intent data fiasco, and Lorna removed my team from her forecast call.")
		if s.Leader.Name != "Lorna" || s.Line != "peer" || s.LeaderBoss != "Thaddeus" {
			t.Errorf("leader %q line %q boss %q, want Lorna, peer and Thaddeus", s.Leader.Name, s.Line, s.LeaderBoss)
		}
	})
	t.Run("two reporting lines that part are not peers", func(t *testing.T) {
		s := read(t, "I report to the COO. Bruno Kralj is Head of Sales since June, he reports directly to our CEO Tamara. Bruno says marketing counts leaves.")
		if s.Line == "peer" || s.LeaderBoss != "Tamara" {
			t.Errorf("line %q leader boss %q, want not peer and Tamara", s.Line, s.LeaderBoss)
		}
	})
	t.Run("words a named person owns are theirs", func(t *testing.T) {
		s := read(t, "I report to our VP Marketing, Leticia, who reports to Conrad, our CRO. Conrad says attribution is fiction. Leticia's advice is \"don't fight him, he's new, he's proving himself.\"")
		for _, q := range s.Quotes {
			if strings.HasPrefix(q.Text, "don't fight") && q.Speaker == "sales_leader" {
				t.Errorf("Leticia's words given to the sales leader")
			}
		}
	})
	t.Run("a move after the user's colon, a shared boss in a fragment, a verdict of three words", func(t *testing.T) {
		s := read(t, "SVP Sales is Ines Marr, here longer than me. Same boss, our CEO Tobias.\n\nWhat I did: went straight to Tobias with the field history. Ines and I had a coffee in October. She said marketing is brochures. That was it.")
		if s.WentAbove == nil || s.WentAbove.Text != "went straight to Tobias" {
			t.Errorf("went above %v", s.WentAbove)
		}
		if s.Line != "peer" {
			t.Errorf("line %q, want peer", s.Line)
		}
		if !s.Failed {
			t.Errorf("the talk that went nowhere not read as failed")
		}
	})
	t.Run("a sales leader who walks out, after a quote that splits the sentence", func(t *testing.T) {
		s := read(t, "Our CRO, Tomas, re-tags our deals. On 3 June I had a 1:1 with him and walked him through the 29 opps. He said, \"You work for finance, not for marketing. Stay in your lane,\" and left after fifteen minutes.")
		if !s.Failed {
			t.Errorf("the talk he walked out of not read as failed")
		}
		if s := read(t, "Our CRO, Tomas, re-tags our deals. On 3 June I had a 1:1 with him and walked him through the 29 opps. He listened, asked for the list and said he would look at it."); s.Failed {
			t.Errorf("a talk that ended well read as failed")
		}
	})
	t.Run("two sales titles: the one the text is about", func(t *testing.T) {
		s := read(t, "I report to Lidia, head of business development, and she reports to Bartek, our Chief Commercial Officer. Bartek thinks marketing is a cost. In October Bartek cut the fair budget.")
		if s.Leader.Name != "Bartek" {
			t.Errorf("leader %q", s.Leader.Name)
		}
	})
}

// TestDropPast: a deadline or a booked meeting whose dates the plan's own
// date has passed is behind the user; the next deadline takes its place.
func TestDropPast(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	s := read(t, "Our CRO, Lachlan, says marketing counts anyone who downloaded an ebook. At the September board meeting one of the directors asked why our numbers differ. Next board meeting is Thursday 10 December.")
	s.DropPast(now)
	if len(s.Deadlines) == 0 || !strings.HasPrefix(s.Deadlines[0].Text, "Next board meeting") || s.DeadlineDate == nil || s.DeadlineDate.Text != "10 December" {
		t.Errorf("deadlines %v date %v", s.Deadlines, s.DeadlineDate)
	}
	s = read(t, "Our Sales Director, Ettore, ignores the web leads. I spoke with him only once, at the coffee machine on 5 November, and he told me not to disturb his salesmen.")
	s.DropPast(now)
	if s.Booked != nil {
		t.Errorf("booked %v", s.Booked)
	}
	// Of two dates in one deadline, the earlier paces the plan; a day of
	// the month alone takes the month the text names beside it.
	for _, c := range []struct{ text, date, due string }{
		{"Our sales director, Orrin, lost it over the slide. board meeting is dec 11 and kofi wants the final pack by the 7th.", "the 7th", "7 December"},
		{"Our sales director, Orrin, lost it over the slide. The board meeting is 15 January and Kofi wants the final pack by the 7th.", "the 7th", "7 January"},
		{"Our sales director, Orrin, lost it over the slide. The pack is due on 4 December and the board meets on the 11th.", "4 December", "4 December"},
	} {
		s = read(t, c.text)
		s.DropPast(now)
		if s.DeadlineDate == nil || s.DeadlineDate.Text != c.date || s.Due != c.due {
			t.Errorf("%q: date %v due %q, want %q on %q", c.text, s.DeadlineDate, s.Due, c.date, c.due)
		}
	}
	// In December, a January date is next year's.
	s = read(t, "Our VP Sales, Brodie, is dismissive. We plan H2 on 20 January and I want something better than another argument.")
	s.DropPast(now)
	if len(s.Deadlines) == 0 {
		t.Error("a January date was dropped in December")
	}
	// The date that comes first paces the plan, whatever order the text
	// gives them in ("this Friday" is 4 December on 1 December).
	s = read(t, "Our VP of Sales, Roy, calls our dashboard fiction. Our 2027 planning offsite is December 9. Allison wants the plan, and my slides are due to her this Friday.")
	s.DropPast(now)
	if len(s.Deadlines) < 2 || !strings.HasSuffix(s.Deadlines[0].Text, "due to her this Friday") || !s.DeadlineSoon {
		t.Errorf("deadlines %v soon %v", s.Deadlines, s.DeadlineSoon)
	}
}
