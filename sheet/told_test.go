package sheet_test

import (
	"strings"
	"testing"
)

// TestTold: the sentences kept for a plan to restate are those that tell
// a figure of the case (money, a share, a count of the funnel's things),
// whole; durations, dates, head counts, the company's size, the user's
// introduction, questions, moves of the user's own, fragments and
// sentences cut inside a quotation are not.
func TestTold(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"money and counts", "Our National Sales Director, Grant, is my boss. Last financial year our website booked 86 site assessments, which turned into 19 signed contracts worth A$2.1M. In February he cut my budget from A$310k to A$140k.",
			[]string{"Last financial year our website booked 86 site assessments, which turned into 19 signed contracts worth A$2.1M.", "In February he cut my budget from A$310k to A$140k."}},
		{"a share", "Our CRO, Matthias, changed the source rule. Marketing-sourced pipeline in the Q1 report dropped from 38% to 17%.",
			[]string{"Marketing-sourced pipeline in the Q1 report dropped from 38% to 17%."}},
		{"a sentence that points back is kept with the one before", "Our CRO, Matthias, changed the source rule. I checked 41 opps by hand. In 29 of them the first touch was an inbound demo request form.",
			[]string{"I checked 41 opps by hand. In 29 of them the first touch was an inbound demo request form."}},
		{"durations, dates and head counts are no figures", "Our VP of Sales, Dana, ignores our leads. I have been here for 3 years. On 14 May we met for 20 minutes. Dana manages 40 reps across 6 regions.",
			nil},
		{"the company's size and the user's introduction", "I'm the marketing manager at a contractor in Denver, about $16 million in annual work. Our Head of Sales, Hank, ignores us. We are a company of about $200M revenue.",
			nil},
		{"a question, with or without its mark", "Our CRO, Tom, wants 40% of my budget moved. Should I show him the 412 leads? how do I handle the 20% cut now.",
			[]string{"Our CRO, Tom, wants 40% of my budget moved."}},
		{"a move of the user's own", "Our CRO, Tom, ignores us. I'm tempted to send him a deck showing 412 leads and 9 opportunities.",
			nil},
		{"a fragment of a list", "Our CRO, Tom, ignores us. 9 opportunities. Zero deals.",
			nil},
		{"one of those named before, set off by a comma", "Our VP of Sales and Marketing, Ray, is my boss. Three of our newer client accounts came in through the website form in 2025. One, a refinery maintenance contractor, billed about $310k with us this year.",
			[]string{"Three of our newer client accounts came in through the website form in 2025. One, a refinery maintenance contractor, billed about $310k with us this year."}},
		{"a list of figures with no verb, and a guess", "Our Sales Director, Kjetil, ignores us. Then a LinkedIn campaign in Q4. 2,300 clicks, 94 form fills, mostly students and competitors. Pretty sure 60% of the Hamburg scans were never called at all.",
			nil},
		{"a note typed in a hurry", "New National Sales Director, Craig, started in September. Says his 85 reps will hit $620M next year without us. Cancelled our expo stand. $38K deposit already paid.",
			nil},
		{"a quotation cut by the tokeniser", "Our VP Sales, Joost, ignores us. He replied to his 4 sales managers: \"Nice slides. Still waiting for pipeline.\"",
			nil},
		{"a note whose subject went unsaid, and a figure counting those before", "New CRO, Grant, started 4 August. Came from a 200-rep outbound shop. Wants NZ$260k of my NZ$410k 2027 budget moved to outbound tools. October: 47 demo requests. 12 got a call within 48 hours.",
			[]string{"October: 47 demo requests. 12 got a call within 48 hours."}},
		{"\"it\" and \"that\" stand for what came before", "Our CRO, Graham, wants the source field changed. On this year's data that would take marketing-sourced pipeline from 41% to about 18%. The dashboard cost 40 hours, so you could say I dropped it in October after 60% of fields stayed blank.",
			[]string{"Our CRO, Graham, wants the source field changed. On this year's data that would take marketing-sourced pipeline from 41% to about 18%."}},
		{"a second-language sentence is not restated word for word", "Our Sales Director, Ricardo, claims the deal. In the board meeting on 27 October Ricardo present this client as his prospecting, and for 2027 he propose to cut 30% of the budget.",
			nil},
		{"someone else's he", "Our VP Sales, Joost, ignores us. I asked our CEO, Pieter, for help. He said the 420k budget move is final.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, x := range read(t, tt.text).Told {
				if x.Text != tt.text[x.Start:x.End] {
					t.Fatalf("told %q is not the text at %d..%d", x.Text, x.Start, x.End)
				}
				got = append(got, x.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("told\n %q\nwant\n %q", got, tt.want)
			}
		})
	}
}

// TestToldSaysWhoTheLeaderIs: a "he" or "she" that stands for the sales
// leader is marked, so a plan can say the name there.
func TestToldSaysWhoTheLeaderIs(t *testing.T) {
	text := "Our National Sales Director, Grant, runs the sales team. In February he cut my budget from A$310k to A$140k."
	told := read(t, text).Told
	if len(told) != 1 {
		t.Fatalf("told %v, want one sentence", told)
	}
	if !told[0].Leader || told[0].Pronoun < 0 || text[told[0].Pronoun:told[0].Pronoun+2] != "he" {
		t.Errorf("leader %v at %d, want the sales leader's he", told[0].Leader, told[0].Pronoun)
	}
}
