package sheet_test

import (
	"strings"
	"testing"

	"github.com/align-coach/align/sheet"
)

// TestDeadlines: a date ahead is read with its clause or sentence; a date
// behind, someone's start date and a number of weeks that looks back are
// not dates ahead.
func TestDeadlines(t *testing.T) {
	tests := []struct {
		name, text, want string // want "" means no deadline
	}{
		{"a proposal going to the CEO", "Our CRO, Victor, wants half my budget. The proposal goes to the CEO next month.", "The proposal goes to the CEO next month"},
		{"a budget round in weeks", "Our VP of Sales, Dana, ignores our leads. The budget round closes in five weeks.", "The budget round closes in five weeks"},
		{"a board meeting on a date", "Our CRO, Marcus, calls our leads junk. The CEO asked me to come back with a view before the board meeting on the 24th.", "The CEO asked me to come back with a view before the board meeting on the 24th"},
		{"a quotation in it is kept whole", "Our CRO, Marcus, calls our leads junk. The board sees the plan in three weeks and the CEO says Marcus \"has a point\".", "The board sees the plan in three weeks and the CEO says Marcus \"has a point\""},
		{"a date beside a past verb", "Our CRO, Marcus, calls our leads junk. The board sees the plan in three weeks and the CEO has told me he agrees.", "The board sees the plan in three weeks and the CEO has told me he agrees"},
		{"a weekday before the date", "Our VP of Sales, Hattie, ignores our leads. The CEO wants my Q1 plan at the quarterly business review on Tuesday 15 December.", "The CEO wants my Q1 plan at the quarterly business review on Tuesday 15 December"},
		{"a past clause after the date is its own", "our head of sales brodie ignores our leads. yvonne wants a plan at the budget review on 15 december and she hinted at cuts.", "yvonne wants a plan at the budget review on 15 december and she hinted at cuts"},
		{"a date dealt with", "Our CRO, Marcus, calls our leads junk. Meanwhile marketing's budget for next quarter was trimmed 15%.", ""},
		{"weeks that look back", "Our VP of Sales, Dana, ignores our leads. Our MQL-to-meeting rate has halved in six weeks.", ""},
		{"a date behind", "Our VP of Sales, Dana, ignores our leads. Two weeks ago she cancelled our sync.", ""},
		{"a start date", "Our VP of Sales, Dana, seems sceptical of marketing. I start as Head of Marketing in two weeks.", ""},
		{"the user's own question", "Our CRO, Marcus, calls our leads junk. What do I do before the board meeting?", ""},
		{"a date inside a move weighed", "Our CRO, Marcus, calls our leads junk. I'm tempted to send him the whole attribution deck before the board meeting on December 10, with every number.", "before the board meeting on December 10"},
		{"a year after the is no day", "Our CRO, Marcus, calls our leads junk. The CEO has asked each of us to come to the 2027 planning session next Monday with our goals.", "The CEO has asked each of us to come to the 2027 planning session next Monday with our goals"},
		{"a count after by the", "Our CRO, Marcus, calls our leads junk. We are owned by the two founding families.", ""},
		{"a question with a count of weeks", "Our CRO, Marcus, calls our leads junk. What do I do before the next board meeting in seven weeks?", "before the next board meeting in seven weeks"},
		{"the user's own question with a date", "Our CRO, Marcus, calls our leads junk. What should I do before the budget meeting on the 15th?", "before the budget meeting on the 15th"},
		{"what a slide said at a meeting that has passed", "Teresa, our SVP Sales, claims every deal. At the September board meeting my slide said 41% of new pipeline was marketing-sourced.", ""},
		{"what was said at a meeting that has passed", "Teresa, our CRO, claims every deal. At the October board meeting the chair asked why our numbers add up to 125%.", ""},
		{"a plan presented to a committee on a date", "Massimo, our sales director, ignores marketing. The owner asked me to present the budget 2027 in the management committee on 20 January.", "The owner asked me to present the budget 2027 in the management committee on 20 January"},
		{"a meeting on a day of the month, in a move weighed", "Our VP of Sales, Gideon, ignores our leads. I've got a deck about half built with all of this, the untouched leads and the 46%, and I was planning to walk Gideon through it at our leadership meeting on the 9th so we can reset.", "at our leadership meeting on the 9th"},
		{"a day owed after a quotation and a past verb", "Our CRO, Declan, calls marketing a fantasy. Afterwards she pulled me aside, asked me for \"a plan to get to 40%\" by December 15, and said \"I need you and Declan to figure this out, I'm not going to referee.\"", "by December 15"},
		{"a decision on a weekday", "Our CRO, Conrad, wants $400K of my budget. Final budget decision is Friday, with our CEO. I was going to send my email tomorrow morning so they have it before Friday.", "Final budget decision is Friday, with our CEO"},
		{"a date owed, then what the user needs", "Our VP of Sales, Yusuf, ignores us. FY27 budget submissions are due December 19 and I need his support.", "FY27 budget submissions are due December 19 and I need his support"},
		{"a decision in the active voice", "Our VP Sales, Darren, re-tags our deals. The executive meeting signs off the 2027 scorecard definitions on 17 December.", "The executive meeting signs off the 2027 scorecard definitions on 17 December"},
		{"targets set in a week of a month, with words between", "Our Sales Director, Annika, is my peer. Targets for 2027 are set with our CFO in the third week of January.", "Targets for 2027 are set with our CFO in the third week of January"},
		{"objectives set on a date", "Our Sales Director, Álvaro, is my peer. Inés sets 2027 objectives on Thursday 17 December.", "Inés sets 2027 objectives on Thursday 17 December"},
		{"a meeting with leadership and the sales leader", "Our Commercial Director, Koen, is my boss. I have a meeting with her and Koen together on 10 December.", "I have a meeting with her and Koen together on 10 December"},
		{"a decision told in the past", "Our VP Sales, Darren, re-tags our deals. Ilse approved the new scorecard definitions on 17 March.", ""},
		{"a week of a month", "Marisol, our SVP Sales, ignores our number. FY27 comp plans get finalized in the second week of January and I think that's the window.", "FY27 comp plans get finalized in the second week of January and I think that's the window"},
		{"a conference on a date", "Sasha, our CCO, doubts marketing. Sasha wants me to present a marketing plan at the sales conference on 29 January.", "Sasha wants me to present a marketing plan at the sales conference on 29 January"},
		{"a matter put off until a date", "Declan, our SVP Sales, wants two of my heads. The CEO parked it until the December 11 board meeting.", "The CEO parked it until the December 11 board meeting"},
		{"fine until a date that passed", "Declan, our SVP Sales, was friendly. Things went wrong at the March 3 board meeting.", ""},
		{"a topic that comes up", "Our VP of Sales, Dana, changes the subject whenever marketing comes up.", ""},
		{"a budget cycle in a clause too long to quote", "Our CRO, Tom, is mostly right about the leads, and I do not want to blindside our CMO, but I need a real working relationship with Tom and I'd rather build it before the next budget cycle than during it.", "before the next budget cycle"},
		{"an offsite on a calendar date", "Our VP of Sales, Gwen, hates our MQLs. The CEO wants a pipeline number at the planning offsite on December 17.", "The CEO wants a pipeline number at the planning offsite on December 17"},
		{"a plan that locks on an abbreviated date", "Our CRO, Fiona, says marketing grades its own homework. Her plan moves the SDRs under sales. Plan locks Dec 10, board approves Dec 17.", "Plan locks Dec 10, board approves Dec 17"},
		{"the date before what falls on it", "My boss is Henk, the Commercial Director, and he calls our leads rubbish. On 12 December is the budget meeting with our managing director.", "On 12 December is the budget meeting with our managing director"},
		{"a meeting on a calendar date", "Our Sales Director, Maureen, distrusts marketing. Now the trade show budget gets decided at the January 8 planning meeting.", "Now the trade show budget gets decided at the January 8 planning meeting"},
		{"a budget due on a date", "Our Sales Director, Bernd, ignores the leads. The budget is due 15 December, including the trade fair.", "The budget is due 15 December, including the trade fair"},
		{"the user's own review in a month, after a conjunction", "I report to our CCO, Greg, who runs the producers. I'm tempted to go to the CEO. But Greg writes my annual review in January.", "Greg writes my annual review in January"},
		{"a meeting on a past date is not a deadline", "Our CRO, Tom, ignores us. We met on March 3 and it went badly.", ""},
		{"next month alone in a long clause is not a date to quote", "Our CRO, Craig, then told his reps in the sales channel not to take any meetings at all from the partner webinar I announced last Tuesday for next month.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			got := ""
			if len(s.Deadlines) > 0 {
				got = s.Deadlines[0].Text
				if tt.text[s.Deadlines[0].Start:s.Deadlines[0].End] != got {
					t.Errorf("deadline %q is not verbatim", got)
				}
			}
			if got != tt.want {
				t.Errorf("deadline %q, want %q", got, tt.want)
			}
		})
	}
}

// TestLost: lost pipeline is read only from words about deals, pipeline
// or leads lost or left unworked.
func TestLost(t *testing.T) {
	tests := []struct {
		name, text     string
		lost, unworked bool
	}{
		{"leads left untouched, said in the present", "Philippa, our CRO, says our MQLs are poor. Her SDRs also don't touch anything older than 48 hours.", true, true},
		{"reps stopped calling", "Our VP of Sales, Dana, says our leads are junk. Her reps stopped calling them.", true, true},
		{"a deal lost", "Our CRO, Marcus, blames marketing. We lost two deals to a competitor last quarter.", true, false},
		{"accounts lost before the user came", "The MD hired me because we lost two big food accounts to a competitor with a proper website. Our GM Sales, Warren, says marketing is a nice-to-have.", true, false},
		{"enquiries that sat", "Our sales director, Tom, ignores the web. A merchant group enquiry sat for eleven days.", true, true},
		{"leads never contacted", "Our VP of Sales, Hattie, says our leads are junk. 41% of October MQLs were never contacted within five working days.", true, true},
		{"skepticism alone", "Our VP of Sales, Dana, is sceptical of marketing and says our leads are junk.", false, false},
		{"a loss denied", "Our CRO, Marcus, is sceptical. We have not lost a deal over it yet.", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			if got := len(s.Lost) > 0; got != tt.lost || s.Unworked != tt.unworked {
				t.Errorf("lost %v unworked %v, want %v %v", got, s.Unworked, tt.lost, tt.unworked)
			}
		})
	}
}

// TestTenure: how long the user has been in the role, from a sentence of
// their own, never from the sales leader's start.
func TestTenure(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"second year", "I'm in my second year as head of marketing. Our CRO, Marcus, calls our leads junk.", "established"},
		{"years in", "I run marketing at a logistics firm, four years in. Our VP of Sales, Dana, ignores our leads.", "established"},
		{"months in, few", "I run marketing here, 3 months in. Our VP of Sales, Dana, ignores our leads.", "new"},
		{"months in, many", "I run marketing here, 18 months in. Our VP of Sales, Dana, ignores our leads.", "established"},
		{"the leader's start", "Our CRO, Dominic, joined eighteen months ago and ignores our leads.", ""},
		{"just started", "I just started as VP Marketing. Our CRO, Marcus, calls our leads junk.", "new"},
		{"not started yet", "I start as Director of Revenue Operations on December 8. Our SVP of Sales, Robin, says RevOps builds dashboards for the board.", "new"},
		{"said plainly", "Our CRO, Marcus, calls our leads junk. New or tenured: I am new.", "new"},
		{"a message that opens with the start to come", "Starting as Head of Marketing at a foodservice distributor on 5 January. I'll report to the CCO, Sasha.", "new"},
		{"a message that opens without its subject", "Started ten days ago as Head of Marketing at a lab supplier. Patrice, our CCO, is two levels up.", "new"},
		{"the leader's years, told in a sentence with the user in it", "I report to the VP of Commercial Operations. So Patrice is two levels up, nine years in the company, and nothing I do sticks unless she buys in.", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := read(t, tt.text).Tenure; got != tt.want {
				t.Errorf("tenure %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFunction: a user who runs RevOps or growth is not cast as marketing.
func TestFunction(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"RevOps lead", "I lead RevOps at a fintech. Our CRO, Marcus, says my dashboards are wrong.", "revops"},
		{"the user's manager runs sales ops", "Marketing manager at a distributor. I report to the director of sales ops, she reports to Lyle, SVP Sales.", ""},
		{"head of growth", "I'm head of growth at a marketplace. Our VP of Sales, Dana, ignores our leads.", "growth"},
		{"marketing and RevOps", "I run marketing and RevOps. Our CRO, Marcus, says our leads are junk.", ""},
		{"a title that opens the text", "RevOps Director at a Toronto lending fintech. Our CRO, Marc, has never trusted marketing-sourced pipeline.", "revops"},
		{"someone else's RevOps", "Our CRO, Marcus, calls our leads junk. His RevOps team rebuilt the attribution.", ""},
		{"RevOps beside the user", "I run demand gen. Our CRO, Marcus, calls our leads junk. In October RevOps and I ran an attribution workshop.", ""},
		{"introduced as marketing first", "VP Marketing at a construction SaaS firm. Our CRO, Lachlan, counts pipeline his way. I asked RevOps to pull the numbers.", ""},
		{"typed in a hurry", "ok need a gut check. im Sr Dir of RevOps at a security firm. Grant is SVP Sales and reports to our CRO.", "revops"},
		{"someone else's analyst", "Head of demand gen at a legal-tech firm. Our Sales Director, Fiona, was right, and I rebuilt the model with her RevOps analyst.", ""},
		{"marketing in the sales leader's words first", "Our CRO, Victor, deleted the field. When I asked him he said marketing should stick to content. I'm the RevOps lead and I report to him.", "revops"},
		{"the function run, then a clause of the user's own", "I run Revenue Operations and I report to our Head of Sales, Lachlan. He says the leads are junk.", "revops"},
		{"a marketing team that is not the user's", "Our marketing team is five people. I run RevOps and our CRO, Marcus, says my dashboards are wrong.", "revops"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := read(t, tt.text).Function; got != tt.want {
				t.Errorf("function %q, want %q", got, tt.want)
			}
		})
	}
}

// TestQuoteSpeakers: the speaker of a quotation is the subject of the verb
// that introduces it, and words said to others or passed on are reported.
func TestQuoteSpeakers(t *testing.T) {
	tests := []struct {
		name, text        string
		speaker           string
		reported, hearsay bool
	}{
		{"told me is direct", "Our CRO, Marcus, is sceptical. He told me, \"marketing is a cost centre.\"", "sales_leader", false, false},
		{"told the team is reported, not passed on", "Our CRO, Marcus, is sceptical. He told the team that our leads are \"tyre kickers\".", "sales_leader", true, false},
		{"heard from a rep", "Our CRO, Marcus, is sceptical. One of the reps told me he calls marketing \"the arts and crafts department\".", "sales_leader", true, true},
		{"apparently", "Our CRO, Marcus, is sceptical. Apparently he said \"marketing is a hobby\" at the kickoff.", "sales_leader", true, true},
		{"the CEO's words about him", "Our CRO, Marcus, is sceptical. The CEO has told me he thinks Marcus \"has a point\".", "other", false, false},
		{"a pronoun after the CEO is the CEO's", "Our BD Director, Thabo, is measured on new logos. In April I asked the CEO whether marketing could have a pipeline target. He said \"maybe next year.\"", "other", false, false},
		{"words said to him by name are not his", "Our CRO, Marcus, is sceptical. In exec staff the CEO turned to him: \"Marcus, marketing tells me it is 41 percent.\"", "other", false, false},
		{"the CEO considering", "Our CRO, Farid, wants marketing under him. The CEO has told me he is \"seriously considering\" it.", "other", false, false},
		{"his managers are not him", "Our Sales Director, Pieter, is paid on revenue. His team says 4% of my MQLs become opportunities, and his regional managers have started telling reps to \"work your own accounts first.\"", "other", true, false},
		{"in his words is his", "Our Sales Director, Pieter, is paid on revenue. In his words: \"marketing is a cost we carry.\"", "sales_leader", false, false},
		{"a meeting asked for is no speech", "Our GM of Sales, Grant, is new. Grant has told me twice, in one-on-ones I asked for, that \"reps find the work, marketing makes brochures.\"", "sales_leader", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			if len(s.Quotes) != 1 {
				t.Fatalf("%d quotes", len(s.Quotes))
			}
			q := s.Quotes[0]
			if q.Speaker != tt.speaker || q.Reported != tt.reported || q.Hearsay != tt.hearsay {
				t.Errorf("%q: speaker %q reported %v hearsay %v, want %q %v %v", q.Text, q.Speaker, q.Reported, q.Hearsay, tt.speaker, tt.reported, tt.hearsay)
			}
		})
	}
}

// TestVocabulary: the plan words the text uses.
func TestVocabulary(t *testing.T) {
	s := read(t, "Our CRO, Marcus, says our MQLs are junk and his reps won't call them.")
	if !s.Uses("mql") || !s.Uses("reps") {
		t.Errorf("says %s", strings.Join(s.Says, ","))
	}
	s = read(t, "I run new business at a design agency. Our managing partner, Claire, says my enquiries are tyre kickers.")
	if s.Uses("mql") || s.Uses("reps") {
		t.Errorf("agency text says %s", strings.Join(s.Says, ","))
	}
	_ = sheet.Sheet{}
}

// TestUserNouns: the user's own noun for salespeople and for leads, read
// as a word, not as a stem ("consultancy" is not "consultants").
func TestUserNouns(t *testing.T) {
	tests := []struct {
		name, text, reps, leads string
	}{
		{"enquiries and account managers", "Our sales director, Graham, says our web enquiries are tyre kickers and his account managers will not call them.", "account managers", "enquiries"},
		{"an agency is not agents", "I left the agency last year. Our sales director, Graham, says our web enquiries are tyre kickers.", "", "enquiries"},
		{"reps and leads are the plan's own words", "Our CRO, Marcus, says our leads are junk and his reps won't call them.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			if s.Nouns["reps"] != tt.reps || s.Nouns["leads"] != tt.leads {
				t.Errorf("nouns %v, want reps %q leads %q", s.Nouns, tt.reps, tt.leads)
			}
		})
	}
}

// TestTermsAreNotSpeech: a short quotation nothing introduces as speech
// is a term or a label, nobody's words; one introduced by a colon or a
// word like "line" is speech.
func TestTermsAreNotSpeech(t *testing.T) {
	tests := []struct {
		name, text, speaker string
	}{
		{"a label on deals", "Our CRO, Marcus, is sceptical. In the revenue review he presented the deals as \"partner-sourced\".", ""},
		{"a term someone paid for", "Our CRO, Marc, has never trusted marketing: in 2022 the previous team paid an agency for \"pre-qualified borrowers\" and got junk.", ""},
		{"a counting rule", "Our CRO, Marcus, is sceptical. His number uses \"who booked the first meeting\" to decide the source.", ""},
		{"his line", "Our CRO, Marcus, is sceptical. His line is \"show me the deals\".", "sales_leader"},
		{"after a colon", "Our CRO, Marcus, is sceptical. At the offsite: \"marketing is a tax\".", "sales_leader"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			if len(s.Quotes) != 1 || s.Quotes[0].Speaker != tt.speaker {
				t.Errorf("quotes %+v, want speaker %q", s.Quotes, tt.speaker)
			}
		})
	}
}

// TestLasting: how long the dynamic has gone on.
func TestLasting(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"since a month", "Our CRO, Marcus, has ignored our leads since March.", true},
		{"from the first week", "From his first week our CRO, Marcus, has called marketing a hobby.", true},
		{"for two years", "Our CRO, Marcus, and I have been at odds for two years.", true},
		{"nothing about time", "Our CRO, Marcus, says our leads are junk.", false},
		{"an event years ago", "Three years ago our CRO, Marcus, told the board marketing was a cost centre, and he still says it.", true},
		{"an event weeks ago is recent", "Two weeks ago I sent our CRO, Marcus, a 14-slide deck. He has not answered my invites.", false},
		{"the user hired weeks ago", "I was hired six weeks ago as the first Marketing Manager. Our Sales Director, Riaan, says we have never needed marketing.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(read(t, tt.text).Lasting) > 0; got != tt.want {
				t.Errorf("lasting %v, want %v", got, tt.want)
			}
		})
	}
}

func TestMandate(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"hired to build", "The CEO hired me to build inbound. Our CRO, Rick, calls marketing the make-it-pretty department.", true},
		{"brought in", "Our founder brought me in specifically to open new segments. Our CRO, Rick, ignores it.", true},
		{"my mandate", "My mandate is to build pipeline from partners. Our CRO, Rick, laughs at that.", true},
		{"hired, in the passive", "I was hired 7 months ago by our CEO, Paul, specifically to build a digital demand engine. Our SVP Sales, Doug, calls marketing a service desk.", true},
		{"a plan set with marketing's share in it", "lupe set the 2027 board plan at 45% inbound pipeline, and our CRO, travis, signed off on that plan.", true},
		{"a plan without marketing's share", "Our CEO set the 2027 plan at 20% growth. Our CRO, Rick, ignores us.", false},
		{"a doubt is not a mandate", "Our CRO, Rick, ignores us, and I don't know whether the CEO expects marketing to generate pipeline at all.", false},
		{"no word from leadership", "Our CRO, Rick, calls marketing the make-it-pretty department.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := len(read(t, tt.text).Mandate) > 0; got != tt.want {
				t.Errorf("mandate %v, want %v", got, tt.want)
			}
		})
	}
}

// TestMeeting: the sales team's meeting is read by the user's name for it,
// with its day, in the singular; marketing's own meetings are not it.
func TestMeeting(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"a day kept", "Our CRO, Tom, said his Thursday forecast call is for sales only.", "Thursday forecast call"},
		{"plural made singular", "Our Sales Director, Nigel, agrees in public, then says the opposite in sales meetings.", "sales meeting"},
		{"marketing's own review is not the seat", "Our CRO, Tom, stopped coming to our monthly funnel review.", ""},
		{"a marketing pipeline meeting is not the seat", "Our CRO, Tom, skips the marketing pipeline review every week.", ""},
		{"words in quotes are not a meeting", "Our CRO, Tom, calls it \"the pipeline meeting of doom\".", ""},
		{"none named", "Our CRO, Tom, ignores our leads.", ""},
		{"a call named by its day", "Our Sales Director, Werner, runs a Monday call with his two regional managers, which I'm not part of.", "Monday call"},
		{"meetings counted are a figure", "Our CRO, Tom, pays SDRs per meeting held. SDR meetings dropped 40% in October.", ""},
		{"a number of meetings is a figure", "Our CRO, Tom, wants 30 sales meetings a month from us.", ""},
		{"the meeting named after a count", "SDR meetings dropped in October, and at the Thursday pipeline call our CRO, Tom, said \"marketing moved the goalposts\".", "Thursday pipeline call"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := read(t, tt.text).Meeting; got != tt.want {
				t.Errorf("meeting %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFigures: a number is restated with the clause it stands in, a
// percentage only that way; a head count is not a figure, and a singular
// noun after a larger number is not what the number counts.
func TestFigures(t *testing.T) {
	tests := []struct {
		name, text, figure, number string
	}{
		{"a percentage in its clause", "Our CRO, Tom, ignores us. Marketing reports thousands of MQLs a month, about 80% never get a logged sales activity, and revenue is flat.", "about 80% never get a logged sales activity", ""},
		{"a count in its clause", "Our CRO, Tom, ignores us. Q4 gave us 3,100 MQLs and 44 SQOs, and he laughed.", "Q4 gave us 3,100 MQLs and 44 SQOs", "3,100 MQLs"},
		{"a head count is context", "Our CRO, Tom, got up at the kickoff in front of 40 reps and said marketing is a cost.", "", "40 reps"},
		{"a company's size is context", "We are a security company at a bit under $90M ARR, and our CRO, Tom, ignores us.", "", "$90M ARR"},
		{"a funnel told as a list is one figure", "Philippa, our CRO, doubts us. Last quarter we did 1,950 MQLs, SDRs accepted 31%, 62 opps. She wants more.", "Last quarter we did 1,950 MQLs, SDRs accepted 31%, 62 opps", "1,950 MQLs"},
		{"a clause without a number ends the run", "Philippa, our CRO, doubts us. Last quarter we did 1,950 MQLs, which she ignored, 62 opps.", "Last quarter we did 1,950 MQLs", "1,950 MQLs"},
		{"the first word of a longer noun", "Our CRO, Tom, hired 2 more account managers last week.", "", ""},
		{"a year names which one", "Our Sales Director, Kerem, ignores us. Now Haluk asked all department heads to send 2027 target proposal until 15 December.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			fig, num := "", ""
			if len(s.Figures) > 0 {
				fig = s.Figures[0].Text
			}
			if len(s.Numbers) > 0 {
				num = s.Numbers[0].Text
			}
			if fig != tt.figure || num != tt.number {
				t.Errorf("figure %q number %q, want %q %q", fig, num, tt.figure, tt.number)
			}
		})
	}
}

// TestFunnel: a result told as two counts is read when what sales made
// of what marketing handed over is 5% or less, in one sentence or the
// next; a goal, a head count, a good yield and a percentage are not.
func TestFunnel(t *testing.T) {
	tests := []struct {
		name, text, in, out string
	}{
		{"one sentence", "Our VP Sales, Roy, brings up the webinar from March: 412 registrants, 0 opportunities.", "412 registrants", "0 opportunities"},
		{"the next sentence", "Our CRO, Tess, ignores us. Last quarter we sent her team 1,400 MQLs. Three weeks later they had opened 3 opps from them.", "1,400 MQLs", "3 opps"},
		{"a count in words, after counts in a quotation", "Our VP of Sales, Beau, has written marketing off: \"Last year marketing sent us 1,100 MQLs and we closed four deals off them.\" He brings up the Zero Trust Summit webinar from March every chance he gets. 410 registrants, zero opportunities.", "410 registrants", "zero opportunities"},
		{"modifiers before the noun", "Our CRO, Tess, laughs at us. The show gave us 600 badge scans and 1 qualified opp.", "600 badge scans", "1 qualified opp"},
		{"a good yield is no record", "Our CRO, Tess, ignores us. We sent 400 MQLs and 60 became opportunities.", "", ""},
		{"a goal is no result", "Our CRO, Tess, ignores us. My target is 2,400 MQL each quarter and hers is 40 deals.", "", ""},
		{"a head count is no outcome", "Our Sales Director, Kerem, sends 2,400 MQL back. He and his 38 sales reps are measured on ARR.", "", ""},
		{"too small to judge", "Our CRO, Tess, ignores us. We got 12 leads and 0 meetings.", "", ""},
		{"a percentage is no count", "Our CRO, Tess, ignores us. 900 MQLs, 3% became opportunities.", "", ""},
		{"the nearest count before the outcome", "Our VP Sales, Trevor, doubts us. Before I arrived, marketing reported 2,400 MQLs for 2025, and he can quote the show list from that year: 800 leads, one closed deal.", "800 leads", "one closed deal"},
		{"not one is no count", "Our sales manager, Lachlan, doubts us. The Fieldays stand produced 410 leads and three sales, and the email series got 1,900 guide downloads and not one quote request.", "", ""},
		{"quotes and orders are outcomes", "Our Sales Director, Kerem, doubts us. The fair produced 340 badge scans. His reps called every one: 11 quotes, zero orders.", "340 badge scans", "11 quotes"},
		{"a verb of becoming between a count and its noun", "Our VP of Sales, Oliver, is broadly right. Of 1,180 MQLs in the first half of the year, 41 became opportunities (3.5%) and 3 closed.", "1,180 MQLs", "41 became opportunities"},
		{"a count of the ones before it, its noun after the verb", "Our VP of Sales, Henrik, brought up the webinar series: 640 registrations from clinics, all passed on as leads, and 3 of them turned into new clinic accounts.", "640 registrations", "3 of them turned into new clinic accounts"},
		{"a count of the ones before it that became nothing named", "Our VP of Sales, Henrik, brought up the webinar series: 640 registrations from clinics, and 3 of them were ever called.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			in, out := "", ""
			if s.Funnel != nil {
				in, out = s.Funnel.In.Text, s.Funnel.Out.Text
			}
			if in != tt.in || out != tt.out {
				t.Errorf("funnel %q, %q, want %q, %q", in, out, tt.in, tt.out)
			}
			if s.Funnel != nil && &s.Funnels[0] != s.Funnel {
				t.Errorf("Funnel is not the first of Funnels")
			}
			if s.Funnel != nil && (tt.text[s.Funnel.In.Start:s.Funnel.In.End] != in || tt.text[s.Funnel.Out.Start:s.Funnel.Out.End] != out) {
				t.Errorf("spans do not match the text")
			}
		})
	}
}

// TestOwnBoss: the user's own manager is named when the two lines part
// below the top of the company, and not when the user reports to the
// head of the company or shares a boss with the sales leader.
func TestOwnBoss(t *testing.T) {
	tests := []struct{ text, want string }{
		{"I report to our CMO, Allison Brandt. Our VP of Sales, Roy Pacheco, reports to the CEO and ignores our leads.", "Allison"},
		{"I report to our COO, Ravi Menon. Our Chief Revenue Officer, Simone, reports to the CEO and calls attribution fan fiction.", "Ravi"},
		{"I report to our CEO, Paula. Our VP of Sales, Roy, reports to the COO, Dev, and ignores our leads.", ""},
		{"Our VP of Sales, Roy, ignores our leads. We both report to the CEO, Paula.", ""},
		// The sales leader's line unsaid: the user's manager below the top
		// is still theirs to keep informed.
		{"My title is Marketing Manager and I report to the CFO, Fernando Lima. In August our CEO, Claudia, hired Rodrigo as VP of Sales. Rodrigo says marketing is brochures.", "Fernando"},
		{"I report to our CEO, Paula. Our VP of Sales, Roy, ignores our leads.", ""},
		// The user's line as a second verb, the sales leader's with a
		// pronoun and a colleague: "He and Roslyn both report to".
		// A manager outside leadership, named after a title of any kind.
		{"i report to our VP Marketing Lorraine Haddad, she and Keith Dunmore (SVP Sales) both report to the CEO Abe Okafor. Keith relabelled our deals.", "Lorraine"},
		{"I've been here two years and report to our CMO, Roslyn Achebe. Our CRO, Garrett Lindqvist, joined 14 months ago. He and Roslyn both report to the CEO, Howard Kimani.", "Roslyn"},
	}
	for _, tt := range tests {
		if got := read(t, tt.text).OwnBoss; got != tt.want {
			t.Errorf("%q: own boss %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSinceIsPast: a month after "since" dates something past, never a
// date ahead.
func TestSinceIsPast(t *testing.T) {
	text := "I'm Head of RevOps and report to our CEO, Natalie. Since a restructure in June, marketing and the SDR team report to me as well. Our SVP Sales, Glen, disputes every attribution number."
	if d := read(t, text).Deadlines; len(d) != 0 {
		t.Errorf("a month after since read as a date ahead: %v", d)
	}
}

// TestConviction: the user sure their numbers settle it, in their own
// sentence, to the end of its clause; never someone else's words, nor a
// denial.
func TestConviction(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"the user's own", "Our sales director, Bram, disputes every line. I think the data is pretty clear on most of the 61. Do I fight or back down?", "the data is pretty clear on most of the 61"},
		{"numbers that speak", "Our CRO, Dana, says marketing claims too much. Honestly our numbers speak for themselves. How do I handle her?", "our numbers speak for themselves"},
		{"the sales leader's words", "Our CRO, Tamsin, says the data is clear that marketing adds nothing. How do I handle her?", ""},
		{"named, not the user", "I run marketing. Bram insists the numbers prove nothing. How do I handle him?", ""},
		{"a denial", "Our VP Sales, Ole, is sceptical. I don't think the data is clear either way. How do I start?", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := read(t, tt.text)
			got := ""
			if s.Conviction != nil {
				got = s.Conviction.Text
			}
			if got != tt.want {
				t.Errorf("conviction %q, want %q", got, tt.want)
			}
		})
	}
}
