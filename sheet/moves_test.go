package sheet_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/align-coach/align/sheet"
)

// TestMoveKinds checks that a move the user weighs is read by its kind,
// whatever words carry it: the bad moves the playbook warns against and
// the good ones it endorses, which a plan answers with yes and how.
func TestMoveKinds(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			name: "a shared number pushed through a named executive",
			text: "I run RevOps and report to the CFO, Daniel Ong. Our VP of Sales, Rachel Tan, reports to the CEO. I could ask Daniel to push a common target through the finance side, but that feels like going around Rachel a second time.",
			want: "ask Daniel to push a common target through the finance side [escalated shared_metric]",
		},
		{
			name: "numbers shown to someone named between verb and noun",
			text: "Our VP of Sales, Irene, says the trial leads are students. My instinct is to show Irene the APAC trial conversion numbers so she sees it works.",
			want: "show Irene the APAC trial conversion numbers so she sees it works [data_deck]",
		},
		{
			name: "a quotation closed right after the move's last word stays whole",
			text: "Our VP Sales, Teodor, calls our numbers creative. I've drafted an email to Teodor, cc Amara, attaching the audit and asking for a \"data governance review.\" Should I send it?",
			want: "I've drafted an email to Teodor, cc Amara, attaching the audit and asking for a \"data governance review.\" [data_deck]",
		},
		{
			name: "numbers on the board's slide are data, not an escalation",
			text: "Our VP of sales, Otávio, says marketing takes credit for his team's deals. Should I still put my attribution numbers on that board slide?",
			want: "still put my attribution numbers on that board slide [data_deck]",
		},
		{
			name: "a higher volume target someone says the user should propose",
			text: "Our CRO, Ramon, says marketing hit its number and he missed his. Carmela says I should just propose a higher MQL target for 2027. Is that right, or is there something better I can put in front of Ramon?",
			want: "propose a higher MQL target for 2027 [committed_number]",
		},
		{
			name: "marketing's bonus tied to what sales is paid on",
			text: "Our commercial director, Beatriz, is my boss. Should I propose to Beatriz that my bonus be tied to pipeline or signed contracts instead of MQLs?",
			want: "propose to Beatriz that my bonus be tied to pipeline [shared_metric]",
		},
		{
			name: "a source field locked alone",
			text: "Our VP Sales, Darren, re-tags marketing's opportunities as sales-sourced. I'm tempted to lock the source field so his team can't edit it.",
			want: "lock the source field so his team can't edit it [mql_change_without_sales]",
		},
		{
			name: "a shared number one would like to recommend",
			text: "Our SVP Sales, Carmel, is paid on bookings and marketing on MQLs. I would like to recommend a shared pipeline target.",
			want: "recommend a shared pipeline target [shared_metric]",
		},
		{
			name: "data shown to a woman above a sales leader who is he",
			text: "I report to our CEO, Lupe. Our CRO, Travis, says he has built three teams without marketing. Honestly I am tempted to just show her the demo request response times and let her see it.",
			want: "show her the demo request response times and let her see it [escalated data_deck]",
		},
		{
			name: "the sales leader's own rule taken up is credit given, and a 12-month window no figure",
			text: "Our Head of Sales APAC, Arjun, wants any opp where an AE touched the account in the prior 12 months to count as sales-sourced. Do I accept his 12-month rule?",
			want: "accept his 12-month rule [credited_sales]",
		},
		{
			name: "a reply carrying the data",
			text: "Our CRO, Petra, called the webinar a vanity project on the leadership thread. My instinct is to reply-all with our quarterly numbers.",
			want: "reply-all with our quarterly numbers [data_deck]",
		},
		{
			name: "attribution rebuilt without a determiner",
			text: "Our Sales Director, Hugo, says our sourced figure is fiction. I want to rebuild attribution in a new tool so the number is bulletproof.",
			want: "rebuild attribution in a new tool so the number is bulletproof [data_deck]",
		},
		{
			name: "a firm commitment walked in with, weighed in the past tense",
			text: "Our new CRO, Ama, starts in January. My idea was to walk in with a firm pipeline commitment so I look credible.",
			want: "walk in with a firm pipeline commitment so I look credible [committed_number]",
		},
		{
			name: "a target of a number brought to the first meeting",
			text: "I start at Nordlease in January and will report to Petra, our Chief Commercial Officer. I was going to bring a 60-day plan to our first one-on-one with a target of 30% of new volume.",
			want: "bring a 60-day plan to our first one-on-one with a target of 30% of new volume [committed_number]",
		},
		{
			name: "walking in with a number is a promise, with the numbers is data",
			text: "Our new CRO, Odile, starts in January. What I'm tempted to do: walk into the kickoff with a number. Or walk into the board prep with the numbers.",
			want: "walk into the kickoff with a number [committed_number] | walk into the board prep with the numbers [data_deck]",
		},
		{
			name: "a rule for sales' pay written by marketing",
			text: "Our Sales Director, Colm, says web leads are small fry and his reps never call them. I'm tempted to propose that his reps get a follow-up requirement in their comp plan.",
			want: "propose that his reps get a follow-up requirement in their comp plan [sales_rule]",
		},
		{
			name: "a shared number proposed is endorsed, not a number promised",
			text: "We are paid on MQLs and Bea's team on bookings; Bea is our VP Sales. I keep thinking about pitching one joint pipeline number to her.",
			want: "pitching one joint pipeline number to her [shared_metric]",
		},
		{
			name: "a seat the user means to ask for",
			text: "Our new CRO, Tobias, started last month. I'm planning to ask whether I can sit in on his Monday forecast call.",
			want: "ask whether I can sit in on his Monday forecast call [asked_pipeline_seat]",
		},
		{
			name: "the contested credit given away",
			text: "Our VP Sales, Mirela, claims every deal we touched. I'm inclined to let her have the credit on the disputed deals.",
			want: "let her have the credit on the disputed deals [credited_sales]",
		},
		{
			name: "two counts side by side are data, not a number promised",
			text: "Our VP Sales, Gareth, says the mailer did nothing. My plan was to put 14 vs 3 side by side in the QBR deck. Is that dumb?",
			want: "put 14 vs 3 side by side in the QBR deck [data_deck]",
		},
		{
			name: "someone else's plan is theirs, not the user's move",
			text: "I run RevOps and report to our CRO, Paolo. Noor runs marketing. I'm fairly sure she's planning to take it to our CEO, Elise, herself.",
			want: "",
		},
		{
			name: "an investor is above the sales leader",
			text: "Our CRO, Lars, says marketing is a cost centre. I've been thinking of having a word with our lead investor.",
			want: "having a word with our lead investor [escalated]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := moves(read(t, tt.text).Temptations); got != tt.want {
				t.Errorf("temptations %q, want %q", got, tt.want)
			}
		})
	}
}

// TestSomeoneElsesWish checks that a move a third person wants is weighed
// as theirs, so a plan says whose idea it is, and that the sales leader's
// own wish is not the user's move at all.
func TestSomeoneElsesWish(t *testing.T) {
	s := read(t, "Our CRO, Declan, says our numbers are fiction. My ops lead wants to build a W-shaped model that would hold up in front of anyone.")
	if len(s.Temptations) != 1 || s.Temptations[0].From != "your ops lead" || s.Temptations[0].FromVerb != "wants" {
		t.Errorf("temptations %+v, want one from your ops lead", s.Temptations)
	}
	// A pronoun opening the sentence stands for the name opening the one
	// before, in a non-native writer's words.
	s = read(t, "Our Head of Sales, Bastien, calls our dashboard propaganda. Now Hélène want that I prepare the numbers for Arnaud before the budget meeting. She think we must go to Arnaud with the data and show him the truth. Is it a good idea?")
	if len(s.Temptations) != 1 || s.Temptations[0].From != "Hélène" || s.Question == nil {
		t.Errorf("temptations %+v question %+v, want one from Hélène, asked about", s.Temptations, s.Question)
	}
	// A given name of two words, never written in part, is kept whole;
	// one written alone elsewhere is the name.
	for _, tt := range []struct{ text, want string }{
		{"Our VP Sales, Darren, re-tags our deals. Marketing is a separate team under Lee Hui Min. Hui Min is furious and wants me to send the edit log to the CEO.", "Hui Min"},
		{"Our VP Sales, Darren, re-tags our deals. Marketing reports to Ilse Maes. Ilse is furious and wants me to send the edit log to the CEO.", "Ilse"},
	} {
		s = read(t, tt.text)
		if len(s.Temptations) != 1 || s.Temptations[0].From != tt.want {
			t.Errorf("temptations %+v, want one from %s", s.Temptations, tt.want)
		}
	}
	s = read(t, "Our CRO, Declan, says our numbers are fiction. Declan wants to send the board his own sourced-pipeline slide.")
	if len(s.Temptations) != 0 {
		t.Errorf("the sales leader's wish read as the user's move: %+v", s.Temptations)
	}
}

// TestQuestionAboutAMove: the user's question is read as asking about a
// move in its own sentence, or, when bare ("Should I send it?"), about
// the last move before it; a question that names a move of its own or
// asks about doing nothing does not borrow an earlier one, and "report"
// used as a verb is not the data a bare question points back to.
func TestQuestionAboutAMove(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			name: "a bare question after a drafted email",
			text: "Our VP Sales, Teodor, calls our numbers creative. I've drafted an email to Teodor attaching the audit. Should I send it?",
			want: "Should I send it? -> I've drafted an email to Teodor attaching the audit [data_deck]",
		},
		{
			name: "is that right points back to the move before it",
			text: "Our CRO, Ramon, says marketing hit its number and he missed his. Carmela says I should just propose a higher MQL target for 2027. Is that right, or is there something better I can put in front of Ramon?",
			want: "Is that right, or is there something better I can put in front of Ramon? -> propose a higher MQL target for 2027 [committed_number]",
		},
		{
			name: "is that a sensible plan weighs the move before it",
			text: "Our Sales Director, Markus, ignores our inquiries. I am tempted to rewrite the inquiry qualification rules with my own team in January, without involving sales. Is that a sensible plan, or is there a better way to get Markus on side?",
			want: "Is that a sensible plan, or is there a better way to get Markus on side? -> rewrite the inquiry qualification rules with my own team in January [mql_change_without_sales]",
		},
		{
			name: "a verdict asked for on its own weighs the move before it",
			text: "Our National Sales Director, Craig, says marketing is brochures and golf days. Tempted to put the loyalty numbers in the board pack. Make the case in front of the board myself. Bad idea? What do I do first?",
			want: "Bad idea? -> put the loyalty numbers in the board pack [data_deck]",
		},
		{
			name: "either-or asks about its first move",
			text: "Our new CRO, Ama, starts in January. Do I walk in with a number, or walk in with a plan and no number?",
			want: "Do I walk in with a number, or walk in with a plan and no number? -> walk in with a number [committed_number] also: walk in with a plan and no number",
		},
		{
			name: "the move named as the question's subject",
			text: "Our VP Sales, Wojtek, wants half my events budget for two more reps. The CFO decides on the 21st. My plan is to walk into that meeting with a deck showing event revenue up 40%. Is the deck the right move?",
			want: "Is the deck the right move? -> walk into that meeting with a deck showing event revenue up 40% [data_deck]",
		},
		{
			name: "a verdict on someone else's judgement is not a move",
			text: "Our VP Sales, Wojtek, wants half my events budget for two more reps. The CFO decides on the 21st. I want to send Wojtek the event revenue figures first. Is the CFO right about the budget?",
			want: "",
		},
		{
			name: "a question that names its own move borrows none",
			text: "Our CRO, Len, thinks marketing is brochures. I want to go to the CEO about it. Is there a path here, or should I accept the brochure role?",
			want: "",
		},
		{
			name: "a question about doing nothing borrows none",
			text: "Our CRO, Len, thinks marketing is brochures. I want to go to the CEO about it. Should I just let it go?",
			want: "",
		},
		{
			name: "a long sentence before a bare question is weighed by its first clause",
			text: "Our VP Sales, Gwen, says our leads are junk. I built a 14-slide deck with the follow-up data. I have it drafted as an email to Gwen with the CEO cc'd, because he asked me to keep him in the loop on everything that matters between our two teams this quarter. I haven't slept properly in a week. Should I send it?",
			want: "Should I send it? -> I have it drafted as an email to Gwen with the CEO cc'd [data_deck]",
		},
		{
			name: "a second question joined by and",
			text: "Our CRO, Simone, calls attribution fan fiction. My questions: which figure should go in the board pack, and should I ask Ravi to take this to the CEO for a decision before Friday?",
			want: "My questions: which figure should go in the board pack, and should I ask Ravi to take this to the CEO for a decision before Friday? -> ask Ravi to take this to the CEO for a decision before Friday [escalated]",
		},
		{
			name: "the second of two courses goes over the sales leader's head",
			text: "Our Sales Director, Kerem, says our leads are garbage. We report to the general manager, Haluk, who wants target proposals by 15 December. I want to propose a common pipeline target together with sales. Should I first talk to Kerem or send directly to Haluk?",
			want: "Should I first talk to Kerem or send directly to Haluk? -> send directly to Haluk [escalated]",
		},
		{
			name: "a good idea without its article, one figure shown, and a consequence after or",
			text: "Our Sales Director, Radim, says our MQLs are students. I checked: sales take 6 days to make first contact. On 14 December we have the planning meeting. And is it good idea to show the 6 days number in this meeting, or it will make Radim angry?",
			want: "And is it good idea to show the 6 days number in this meeting, or it will make Radim angry? -> show the 6 days number in this meeting [data_deck] either=false",
		},
		{
			name: "two courses, the first to the sales leader, in a second question joined by and",
			text: "Our SVP Sales, Carmel, and our CMO both report to the CEO. Deepak asked me to propose the 2027 targets at the offsite on 9 December. I would like to recommend a shared pipeline target. What should I do before then, and should I talk to Carmel first or take it to Deepak and the CEO as a RevOps recommendation?",
			want: "What should I do before then, and should I talk to Carmel first or take it to Deepak and the CEO as a RevOps recommendation? -> take it to Deepak and the CEO as a RevOps recommendation [escalated]",
		},
		{
			name: "a question that echoes someone else's wish asks about their move",
			text: "Our CRO, Garrett, calls our attribution double counting. Roslyn wants me to present the model at the January 8 QBR and \"settle this with data once and for all.\" Should I do the presentation the way she wants?",
			want: "Should I do the presentation the way she wants? -> present the model at the January 8 QBR [data_deck]",
		},
		{
			name: "is it OK if I go to leadership",
			text: "I am reporting to our Chief Commercial Officer, Pak Hendra. Our founder and CEO Pak Arief Santoso still asks me about the website leads. Is it OK if I go to Pak Arief directly before 18 December?",
			want: "Is it OK if I go to Pak Arief directly before 18 December? -> go to Pak Arief directly before 18 December [escalated]",
		},
		{
			name: "a question that points back, then a second that names its own move",
			text: "Our Chief Commercial Officer, Vikram Rao, and I both report to the CEO, Grace Tan. Vikram wants my four SDRs moved under him. I'm tempted to send Grace the full touchpoint log for the bank deal before 9 December. Should I do that, and should I fight to keep the SDRs?",
			want: "Should I do that, and should I fight to keep the SDRs? -> should I fight to keep the SDRs [fight_resources] also: send Grace the full touchpoint log for the bank deal before 9 December",
		},
		{
			name: "is that the right way",
			text: "Our Sales Director, Werner, stopped reading marketing reports two years ago. I'm tempted to open with the attribution analysis so the room can see marketing has contributed. Is that the right way to reset this, and if not, what should I do?",
			want: "Is that the right way to reset this, and if not, what should I do? -> open with the attribution analysis so the room can see marketing has contributed [data_deck]",
		},
		{
			name: "a reporting line is not what it points back to",
			text: "Our export manager, Felipe, is paid on cases shipped. I have a one-pager drafted about a shared revenue goal. We both report to the general manager. Should I send it?",
			want: "Should I send it? -> I have a one-pager drafted about a shared revenue goal [shared_metric]",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh := read(t, tt.text)
			got := ""
			if q := sh.Question; q != nil {
				m := sh.Temptations[q.Move]
				got = q.Text + " -> " + m.Text + " [" + strings.Join(m.Kinds, " ") + "]"
				if strings.Contains(tt.want, " either=") {
					got += fmt.Sprintf(" either=%v", q.Either)
				}
				for _, i := range q.Also {
					got += " also: " + sh.Temptations[i].Text
				}
			}
			if got != tt.want {
				t.Errorf("question %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDataNotYetSent: "email" is a thing, not the act of sending, a few
// words right after ("Not sent yet.") say what became of the data, and a
// participle that describes it ("a spreadsheet showing 31%") says what it
// holds, not that anyone saw it.
func TestDataNotYetSent(t *testing.T) {
	for _, text := range []string{
		"Our VP Sales, Rafe, won't touch our leads. I have a 9-slide deck on the response-time problem and an email drafted to Rafe, cc Anneke. Not sent yet. Should I send it?",
		"our cco brian says marketing never sourced an account. i wrote an email to brian (cc amani) with a spreadsheet showing 31% of Q3 pipeline came from marketing. should i send it??",
		"Our CRO, Tess, doubts every number. I built a dashboard presenting pipeline by source and a deck sharing the win stories. Do I take them to her?",
	} {
		sh := read(t, text)
		for _, a := range sh.Artifacts {
			if a.State == "sent" {
				t.Errorf("%q: %s read as sent", text, a.Phrase)
			}
		}
		if len(sh.Artifacts) == 0 {
			t.Errorf("%q: no artifacts read", text)
		}
	}
}

// TestDataSentStaysSent: a short sentence after data sent ("It made it
// worse.") does not make it a draft, "built ... then didn't send it"
// leaves it unsent, and data taken to someone was shown.
func TestDataSentStaysSent(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Our CRO, Nadia, re-tags our deals. I then sent her a breakdown of every change with the audit trail. It made it worse.", "sent"},
		{"Our CRO, Nadia, re-tags our deals. Last week I built a deck with all the partner-sourced deals to show her, then didn't send it.", "making"},
		{"Our CRO, Giles, says marketing should not exist. I've spent two weeks on a 20-page deck defending marketing ROI.", "making"},
		{"Our VP Sales, Rafe, ignores our leads. Last month I built a deck on his team's response times and took it to the CEO.", "sent"},
		{"Our CRO, Dominic, ignores our leads. After his comments I sent him, and copied the CEO, a detailed attribution analysis showing that broker submissions rose.", "sent"},
	} {
		sh := read(t, c.text)
		if len(sh.Artifacts) == 0 || sh.Artifacts[0].State != c.want {
			t.Errorf("%q: artifacts %+v, want the first %s", c.text, sh.Artifacts, c.want)
		}
	}
}

// TestSomeoneElsesSlide: "a slide of his own" is the sales leader's, not
// data the user sent.
func TestSomeoneElsesSlide(t *testing.T) {
	sh := read(t, "At the QBR our CRO, Graham, put up a slide of his own. The day after I sent Graham and the CEO a deck showing marketing touched 48% of closed-won deals.")
	if len(sh.Artifacts) != 1 || sh.Artifacts[0].Phrase != "the deck" || sh.Artifacts[0].State != "sent" {
		t.Errorf("artifacts %+v, want only the deck, sent", sh.Artifacts)
	}
}

// TestProposes checks that a question asking what to propose or bring is
// read, in the words of native and non-native writers, and that what to
// propose said of someone else, or in passing, is not.
func TestProposes(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			name: "a non-native word order",
			text: "Our Sales Director, Radim, says our MQLs are students. On 14 December we have the planning meeting. What I should propose there?",
			want: "What I should propose there?",
		},
		{
			name: "what to bring to a coffee",
			text: "Our new CRO, Ama, asked me for coffee on Friday. What should I bring to the coffee?",
			want: "What should I bring to the coffee?",
		},
		{
			name: "a word between what and the verb",
			text: "Our VP Sales, Lena, and I present next year's targets on the 9th. What targets should we propose?",
			want: "What targets should we propose?",
		},
		{
			name: "not knowing what to propose, said without a question mark",
			text: "Our VP Sales, Lena, wants a plan from me by Friday. I honestly don't know what to propose.",
			want: "I honestly don't know what to propose",
		},
		{
			name: "what someone else asked for is no question",
			text: "Our VP Sales, Lena, asked what I could offer her team. I sent her a list.",
			want: "",
		},
		{
			name: "a quoted question is someone else's",
			text: "Our VP Sales, Lena, said in the meeting: \"what should we propose, more webinars?\" Everyone laughed.",
			want: "",
		},
	}
	checkQuestion(t, tests, func(sh sheet.Sheet) *sheet.Span { return sh.Proposes })
}

// TestAsksRead checks that a question asking what is going on is read,
// in several shapes (two readings set side by side, what the user is
// missing, what the sales leader is against), and that a question about a
// move, a statement, or someone else's quoted question is not.
func TestAsksRead(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{
			name: "two readings side by side",
			text: "Our CRO, Anselm, says our leads are junk while his team misses quota. Is this a relationship problem or a metrics problem?",
			want: "Is this a relationship problem or a metrics problem?",
		},
		{
			name: "what the user is missing",
			text: "Our Head of Sales, Noor, reassigned four of our sourced deals to her reps last month. What am I missing?",
			want: "What am I missing?",
		},
		{
			name: "what the sales leader is against",
			text: "Our VP Sales, Kofi, skipped both planning sessions. Is he just anti-marketing, or is this still about the numbers?",
			want: "Is he just anti-marketing, or is this still about the numbers?",
		},
		{
			name: "what is going on, asked alongside what to do",
			text: "Our Sales Director, Hamid, stopped inviting me to the Monday call. What is going on with him, and what do I do?",
			want: "What is going on with him, and what do I do?",
		},
		{
			name: "a question about a move is not a question about the case",
			text: "Our VP Sales, Kofi, says our leads are junk. Should I send him the conversion data?",
			want: "",
		},
		{
			name: "a statement of what is going on is no question",
			text: "Our VP Sales, Kofi, says our leads are junk. I know what is going on: he missed his number.",
			want: "",
		},
		{
			name: "a quoted question is someone else's",
			text: "Our VP Sales, Kofi, asked the room: \"what are we missing?\" Nobody answered.",
			want: "",
		},
	}
	checkQuestion(t, tests, func(sh sheet.Sheet) *sheet.Span { return sh.AsksRead })
}

// TestAsksBefore checks that a question asking what to do before a date,
// or in the time the user has, is read, and that a statement of what
// someone did before a date is not.
func TestAsksBefore(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"before a weekday", "Our VP Sales, Lena, calls our leads junk. The planning meeting is on Thursday. What should I do before Thursday?", "What should I do before Thursday?"},
		{"in the next weeks, non-native", "Our Head of Sales, Bastien, left my review early. The budget meeting is 15 December. Or what I should do before 15 December?", "Or what I should do before 15 December?"},
		{"in the time left", "Our CRO, Ama, starts in January. What do I do in the next three weeks?", "What do I do in the next three weeks?"},
		{"anything before", "Our CRO, Ama, ignores us. Is there anything I should be doing before the holidays?", "Is there anything I should be doing before the holidays?"},
		{"how to reach a goal before a date", "Our Sales Director, Ignacio, ignores our leads. Lucía decides the budget at the budget review on 14 January. How do I get Ignacio to give marketing another chance before the budget review, without promising numbers?", "How do I get Ignacio to give marketing another chance before the budget review, without promising numbers?"},
		{"how it went before is no question", "Our CRO, Ama, ignores us. I wonder how we ever worked together before the reorg. What now?", ""},
		{"what was done before is no question", "Our CRO, Ama, ignores us. What I did before the QBR was send her the numbers.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sh := read(t, tt.text)
			got := ""
			if sh.AsksBefore != nil {
				got = sh.AsksBefore.Text
			}
			if got != tt.want {
				t.Errorf("asks before %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEscalationAskedInOtherWords checks that a question weighing the
// sales leader against leadership, without a move verb of the user's
// own, is read as a question about escalating, and that a question
// naming leadership in one course only is not.
func TestEscalationAskedInOtherWords(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Our Sales Director, Herr Brandt, calls marketing a cost. Is there anything I can still do with Herr Brandt, or is this now only a question for the MD?", "question for the MD"},
		{"Our CRO, Vic, thinks marketing is fluff. Worth trying, or is this a board-level thing?", "board-level thing"},
		{"Our CRO, Vic, thinks marketing is fluff. Is this mine to fix, or something to take to management?", "something to take to management"},
		{"Our CRO, Vic, thinks marketing is fluff. The board meets in May. What is the board-level thing I should prepare?", ""},
	}
	for _, tt := range tests {
		sh := read(t, tt.text)
		got := ""
		if q := sh.Question; q != nil {
			got = sh.Temptations[q.Move].Text
			if !slices.Contains(sh.Temptations[q.Move].Kinds, "escalated") || !q.Either {
				t.Errorf("%q: %+v is not an either-or escalation", tt.text, sh.Temptations[q.Move])
			}
		}
		if got != tt.want {
			t.Errorf("%q: asked about %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestRoutineWorkIsNoArtifact: a report the user builds as routine ("I
// build the pipeline report for Grant's Tuesday forecast meeting") is not
// a thing made to argue a case, while one being built now is.
func TestRoutineWorkIsNoArtifact(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"Our CRO, Grant, says marketing is noise. I build the pipeline report for Grant's Tuesday forecast meeting but I'm not in the meeting.", 0},
		{"Our CRO, Grant, says marketing is noise. I'm building a report for Grant's forecast meeting to prove him wrong.", 1},
		{"Our CRO, Grant, says marketing is noise. I built a report for Grant's forecast meeting to prove him wrong.", 1},
	} {
		if got := len(read(t, tt.text).Artifacts); got != tt.want {
			t.Errorf("%q: %d artifacts, want %d", tt.text, got, tt.want)
		}
	}
}

// TestAChangeTakenBack: a lead-rule change the user made and then had to
// take back is read as undone; one still in place, or a rollback only
// weighed, is not.
func TestAChangeTakenBack(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Our Head of Sales, Eoin, says half our leads are home workers. In Q2 I tightened lead scoring to exclude residential enquiries. MQLs dropped 35% in a month and Martin asked me to put the old scoring back. I did.", true},
		{"Our Head of Sales, Eoin, says half our leads are home workers. In Q2 I tightened lead scoring to exclude residential enquiries. Two weeks later we rolled it back.", true},
		{"Our Head of Sales, Eoin, says half our leads are home workers. In Q2 I tightened lead scoring to exclude residential enquiries. MQLs dropped 35% and Eoin still complains.", false},
		{"Our Head of Sales, Eoin, says half our leads are home workers. In Q2 I tightened lead scoring to exclude residential enquiries. I have not rolled it back.", false},
	} {
		if got := read(t, tt.text).Undone != nil; got != tt.want {
			t.Errorf("%q: undone %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestAParticipleBeforeAThingSendsNothing: "a shared attribution model"
// describes the model; no one sent it.
func TestAParticipleBeforeAThingSendsNothing(t *testing.T) {
	text := "Our CCO, Travis, argues about the method. In September I proposed a shared attribution model with a 50/50 split on multi-touch deals. He called it \"marketing maths\"."
	for _, a := range read(t, text).Artifacts {
		if a.State == "sent" {
			t.Errorf("%s read as sent", a.Phrase)
		}
	}
	if sh := read(t, "Our CCO, Travis, argues about the method. In September I shared the attribution model with him."); len(sh.Artifacts) == 0 || sh.Artifacts[0].State != "sent" {
		t.Errorf("a model shared with him is not read as sent: %+v", sh.Artifacts)
	}
}

// TestLeadershipAskingIsNoEscalation: a move someone from leadership asks
// the user to make ("Howard has asked me to present the findings") does
// not go over the sales leader's head; the same move taken to them
// unasked does.
func TestLeadershipAskingIsNoEscalation(t *testing.T) {
	for _, tt := range []struct {
		text string
		want bool
	}{
		{"Our SVP of Sales, Ron, disputes our attribution. Our CFO, Howard Lin, is building the budget. Howard has asked me to present the attribution findings at the budget review on 9 December. Should I?", false},
		{"Our SVP of Sales, Ron, disputes our attribution. Our CFO, Howard Lin, is building the budget. I'm tempted to send Howard the attribution findings before the budget review. Should I?", true},
		// The user's own manager, below the top, is not over the sales
		// leader's head.
		{"I report to our CFO, Mei Lin Tan, who set my KPI: 1,500 MQLs a quarter. Our National Sales Manager, Craig Whitfield, reports to the CEO. His team is paid on contract revenue. Should I go to Mei Lin and ask her to change my KPI, or try to sort it out with Craig first?", false},
	} {
		sh := read(t, tt.text)
		got := false
		for _, m := range sh.Temptations {
			got = got || slices.Contains(m.Kinds, "escalated")
		}
		if got != tt.want {
			t.Errorf("%q: escalated %v, want %v (%+v)", tt.text, got, tt.want, sh.Temptations)
		}
	}
}

// TestAReportTheSalesLeaderTookUp: a report the sales leader called useful
// or asked for again is welcomed, not a case made against them.
func TestAReportTheSalesLeaderTookUp(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"I report to Koen, our Commercial Director. I built a funnel report in the CRM by source. Koen said it was useful and asked Lotte to send it to him every month.", "welcomed"},
		{"I report to Koen, our Commercial Director. I built a funnel report in the CRM by source and sent it to Koen. He never replied.", "sent"},
		{"Our CRO, Brent, calls our numbers marketing math. I am drafting a board deck to show the board what marketing really sourced.", "considering"},
		{"I report to Koen, our Commercial Director. I built a funnel report in the CRM by source and sent it to Koen. He did not say it was useful.", "sent"},
	} {
		sh := read(t, tt.text)
		if len(sh.Artifacts) != 1 || sh.Artifacts[0].State != tt.want {
			t.Errorf("%q: artifacts %+v, want one, %s", tt.text, sh.Artifacts, tt.want)
		}
	}
}

// TestAProgramAlreadyStopped: a change that ends something the user ran
// is read as stopped; one that starts something, or "ended up", is not.
func TestAProgramAlreadyStopped(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Our VP Sales, Vincent, still calls it the student campaign. What I've tried: I ended the agency contract, and I've been sitting with two desk managers.", "I ended the agency contract"},
		{"Our VP Sales, Vincent, still calls it the student campaign. I cancelled the vendor in March.", "I cancelled the vendor in March"},
		{"Our VP Sales, Vincent, still calls it the student campaign. At the QBR she and I ended up arguing over three deals.", ""},
		{"Our VP Sales, Vincent, still calls it the student campaign. I started a new webinar series in March.", ""},
	} {
		sh := read(t, tt.text)
		got := ""
		if sh.Stopped != nil {
			got = sh.Stopped.Text
		}
		if got != tt.want {
			t.Errorf("%q: stopped %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTheUsersDefenceOfTheLeads: a sentence defending the leads marketing
// sent is read as the user's case; an account of the record is not.
func TestTheUsersDefenceOfTheLeads(t *testing.T) {
	sh := read(t, "Our sales manager, Lachlan, keeps citing the Fieldays stand: 410 leads and three sales. Honestly I think some of the Fieldays leads were fine and just never got a call.")
	if len(sh.Defences) != 1 || !strings.HasPrefix(sh.Defences[0].Text, "Honestly I think") {
		t.Errorf("defences %+v, want the second sentence", sh.Defences)
	}
	if sh := read(t, "Our sales manager, Lachlan, keeps citing the Fieldays stand: 410 leads and three sales. Most of those leads were students."); len(sh.Defences) != 0 {
		t.Errorf("an account of the record read as a defence: %+v", sh.Defences)
	}
}

// TestATwoWordGivenName: someone the text always names by two words is
// called by both; someone named once in full is called by the first.
func TestATwoWordGivenName(t *testing.T) {
	sh := read(t, "I report to our CFO, Mei Ling Tan. Our VP of Sales, Hafiz, reports to the CEO, Kenneth Lau, like Mei Ling does. Mei Ling tells me Hafiz wants my budget.")
	names := map[string]bool{}
	for _, p := range sh.People {
		names[p.Name] = true
	}
	if !names["Mei Ling"] || !names["Kenneth"] {
		t.Errorf("people %+v, want Mei Ling and Kenneth", sh.People)
	}
}

// checkQuestion runs a table of texts and the question each should read
// ("" for none), with pick choosing which of the sheet's questions, and
// checks that the span is the text's own bytes.
func checkQuestion(t *testing.T, tests []struct{ name, text, want string }, pick func(sheet.Sheet) *sheet.Span) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if sp := pick(read(t, tt.text)); sp != nil {
				got = sp.Text
				if tt.text[sp.Start:sp.End] != got {
					t.Errorf("span %d..%d is %q, not the text %q", sp.Start, sp.End, tt.text[sp.Start:sp.End], got)
				}
			}
			if got != tt.want {
				t.Errorf("question %q, want %q", got, tt.want)
			}
		})
	}
}

// TestAProgramThatWonIsNoFailure: a program told only as where a win came
// from is a won program; one the sales leader complains of is not.
func TestAProgramThatWonIsNoFailure(t *testing.T) {
	for _, tt := range []struct {
		text string
		want []string
	}{
		{"Our Head of Sales, Callum, wants the SDR team. In his board update he called the framework win in May, which came from our tender tracking and a webinar series, sales-led.", []string{"the webinar series"}},
		{"Our GM Sales, Trent, says nobody buys freight off a webinar. The retail contract we closed last month came off our webinar, first touch and all.", nil},
		{"Our Head of Sales, Callum, says the webinar series was a waste: 900 registrations and no deals.", nil},
	} {
		sh := read(t, tt.text)
		if !slices.Equal(sh.WonPrograms, tt.want) {
			t.Errorf("%q: won programs %q, want %q (programs %q)", tt.text, sh.WonPrograms, tt.want, sh.Programs)
		}
	}
}

// TestACurrencySignIsReadWhole: a number's currency sign belongs to it,
// as the whole character ("£" is two bytes, "€" three), so a number's
// words are always valid text.
func TestACurrencySignIsReadWhole(t *testing.T) {
	sh := read(t, "Our Head of Sales, Callum, brings up the syndication programme: 2,800 leads and £40,000 of revenue. The show brought €180,000 of pipeline.")
	var got []string
	for _, n := range sh.Numbers {
		if !utf8.ValidString(n.Text) {
			t.Errorf("number %q is not valid text", n.Text)
		}
		got = append(got, n.Text)
	}
	for _, want := range []string{"£40,000 of revenue", "€180,000 of pipeline"} {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.HasPrefix(g, want) }) {
			t.Errorf("numbers %q lack %q", got, want)
		}
	}
}
