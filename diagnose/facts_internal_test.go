package diagnose

import (
	"slices"
	"strings"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/playbook"
)

func TestDurationPhraseEndsAtItsUnit(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"In my first week he told me marketing was a cost.", "first week"},
		{"It started three months ago, after the offsite.", "three months ago"},
		{"We have clashed for the past two years.", "for the past two years"},
		{"Ever since then he ignores my team.", "since then"},
	} {
		s := testPlaybook(t).Scan(c.text)
		hits := s.Of("fact", "duration=given")
		if len(hits) == 0 {
			t.Errorf("%q: no duration read", c.text)
			continue
		}
		if got := durationPhrase(s, hits[0]); got != c.want {
			t.Errorf("%q: duration %q, want %q", c.text, got, c.want)
		}
	}
}

func TestReportingLineToTheSalesLeaderIsSenior(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Our CRO, Victor, runs sales. Marketing reports to Victor, and the CEO is quiet.", true},
		{"My boss is Rodrigo, he is Commercial Director and runs sales. He says make better leads.", true},
		{"My boss is the CMO. Our CRO, Victor, ignores our leads.", false},
		{"I report to our CRO, Dimitri, since the reorg.", true},
		{"I'll be reporting into the commercial director, Niamh.", true},
		{"Our VP of Sales, Dana, and I both report to the CEO.", false},
		{"We both report to the commercial director, who says sort it out.", false},
		{"Our CRO, Victor, reports to the CEO. I report to the CMO.", false},
		// A title that names someone else is that person's: the user
		// reports to Gareth, and the sales leader is Callum.
		{"I lead marketing. I report to the Chief Commercial Officer, Gareth Hughes. Our Head of Sales, Callum Reid, also reports to Gareth. Callum wants the SDR team.", false},
		{"I lead marketing. I report to the Chief Commercial Officer, Callum Reid. Callum wants the SDR team.", true},
		// The sales leader named as the user's own manager.
		{"Teodor, our head of sales and my boss, wants routing rules.", true},
		{"My boss, the VP of Sales, wants routing rules.", true},
		{"Our CRO, Dana, is my boss and runs sales.", true},
		{"I run marketing under our head of sales, Florentyna, at a furniture maker.", true},
		// A list, a proposal, or someone else's team under the sales
		// leader is no line of the user's.
		{"The VP of Sales and my boss both think the leads are weak.", false},
		{"Our CEO is seriously considering putting marketing under the CRO, Vanessa.", false},
		{"Our enterprise team is five reps under Emeka, our head of sales.", false},
	} {
		s := testPlaybook(t).Scan(c.text)
		d := ruleDiagnosis(testPlaybook(t), s, align.Situation{Text: c.text})
		_, got := reportsToLeader(s, d.Facts.Leader.Name, leaderTitles(s))
		if got != c.want {
			t.Errorf("%q: stated senior %v, want %v", c.text, got, c.want)
		}
	}
}

// TestBossMentioned: with no stated shared manager, the most senior
// person the text mentions is the boss escalation goes to, and a vice
// president is not the president.
func TestBossMentioned(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Our VP of Sales, Tan, ignores our leads. The president wants it fixed.", "the president"},
		{"The sales leader is Wei Ming, Regional Vice President, Sales. He has a dotted line to the APAC GM.", "the general manager"},
		// Titles that name a program's audience are no one to go to.
		{"Our VP of Sales, Rohan, re-tagged the deals from our CFO/COO roundtable. He says they are outbound.", ""},
		{"I report to our founder/ceo lupe garza. Our CRO, Travis, says we need dials.", "the founder"},
	} {
		d := ruleDiagnosis(testPlaybook(t), testPlaybook(t).Scan(c.text), align.Situation{Text: c.text})
		if d.Facts.Boss != c.want {
			t.Errorf("%q: boss %q, want %q", c.text, d.Facts.Boss, c.want)
		}
	}
}

func TestSharedManagerStatedIsPeer(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Our VP of Sales, Dana, and I both report to the CEO.", true},
		{"I report to our President, Cordelia Ashdown. So does Virgil Szabo, VP of Sales, who has been here 27 years.", true},
		{"I report to the CEO, Anneke Voss. VP Sales Rafe Dunmore also reports to her.", true},
		{"I report to the CMO. So does our events lead. Virgil is our VP of Sales.", false},
		{"I run marketing, and Lorraine and I both report to the COO. Lorraine is our CRO.", true},
		{"Head of RevOps here. The VP of Sales (Mira), the VP of Marketing and I all report to the COO.", true},
		{"I run marketing. The SDR leads all report to our CRO, Mira.", false},
		{"I report to him. Murat Bey, our Sales Director, also report to him.", true},
		{"I report to the CMO, CMO and Curtis both report to the CEO. Curtis is SVP Sales.", false},
		{"Four years in the role, I report to the MD. New GM Sales, Brett, started 9 weeks ago. Same level as me, also reports to the MD, but she hired him.", true},
		{"I report to the CMO. My boss also reports to the CEO, like our CRO, Tom.", false},
		{"I report to our Marketing Director; she and Graham, our Sales Director, both report to the MD.", false},
		{"I report to the COO, Marcus reports to the CEO. Marcus is our VP of Sales.", false},
		{"I report to the Director of Marketing. Tanya, our Sales Director, also reports to the VP Commercial.", false},
		{"I'm VP Marketing at Ledgerline. I report to our CEO, Ruth Okafor. Our CRO, Wade Halvorsen, also reports to Ruth. I've been here 2 years.", true},
		// The same manager said without "report".
		{"Nikhil, our VP of Sales, calls it noise. Nikhil and I have the same boss, the MD.", true},
		{"Our head of sales is Thandiwe. The CEO is boss to her and to me.", true},
		{"Our sales director, Lachie, hates the list. The owner is boss to both of us.", true},
		{"Our VP of Sales, Aroha, is supportive. I report to the CEO, as Aroha does.", true},
		// The one reporting "as Kwabena does" is the user's manager.
		{"Our CRO is Kwabena. I report to the head of marketing, who reports to the CEO, as Kwabena does.", false},
	} {
		s := testPlaybook(t).Scan(c.text)
		d := ruleDiagnosis(testPlaybook(t), s, align.Situation{Text: c.text})
		if _, got := peerStated(s, d.Facts.Leader.Name, leaderTitles(s)); got != c.want {
			t.Errorf("%q: stated peer %v, want %v", c.text, got, c.want)
		}
	}
}

func TestNotStartedYet(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"I just accepted the VP Marketing role at Tidewater. I start December 8.", true},
		{"I start as Director of RevOps on Monday.", true},
		{"I haven't started yet, but the CRO already sounds wary.", true},
		{"I started as VP Marketing five months ago.", false},
		{"He has said the same thing since before I joined.", false},
		{"Should I accept the brochure role they offer?", false},
		{"How do I win over my new sales team before I start losing my top performers?", false},
		{"I join one year ago. I report to the country manager.", false},
	} {
		if got := notStarted(testPlaybook(t).Scan(c.text)); got != c.want {
			t.Errorf("%q: not started %v, want %v", c.text, got, c.want)
		}
	}
}

func testPlaybook(t testing.TB) *playbook.Playbook {
	t.Helper()
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	return pb
}

func TestOrdinalPoolsStepsOutOfOrder(t *testing.T) {
	for _, c := range []struct {
		above []float64
		want  int
	}{
		{[]float64{0.99, 0.9, 0.8}, 3},
		{[]float64{0.99, 0.2, 0.1}, 1},
		{[]float64{0.1, 0.05, 0.01}, 0},
		// "above high" likelier than "above moderate": the two are pooled
		// to 0.58, so critical (0.58) beats moderate (0.42).
		{[]float64{0.997, 0.23, 0.93}, 3},
		{[]float64{0.9, 0.6, 0.7}, 3},
	} {
		if got := ordinal(c.above); got != c.want {
			t.Errorf("ordinal(%v) = %d, want %d (pooled %v)", c.above, got, c.want, isotonic(c.above))
		}
	}
}

func TestAskedTheSalesLeaderDirectly(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Our CRO, Victor, calls marketing a cost. I asked Victor directly what marketing would need to show him.", true},
		{"Our VP of Sales, Dana, ignores our leads. I told her straight out that the leads were being dropped.", true},
		{"Our VP of Sales, Dana, ignores our leads. I asked Dana for the list of accounts.", false},
		{"My boss is Rodrigo, the Commercial Director. In September I talked with Rodrigo directly about the targets.", true},
		{"Our CRO, Victor, calls marketing a cost. I sat down with him one on one in May.", true},
		{"Our CRO, Victor, calls marketing a cost. I talked with the CEO directly.", false},
		{"Our CRO, Victor, calls marketing a cost. I spoke to his team about it.", false},
		{"Our CCO, Rosalind, disputes our numbers. Two weeks ago I asked her for 30 minutes and walked her through the model.", true},
		{"Our CRO, Victor, calls marketing a cost. I invited him for coffee last month.", true},
		{"Our CRO, Victor, calls marketing a cost. I asked him for the account list.", false},
		{"Our VP of Sales, Dana, ignores our leads. I asked the CEO directly what he expects.", false},
		// A hurried note without its subject, and an attempt that was a
		// talk all the same.
		{"VP Sales here is Tobias. Tried talking to him directly last month. Went badly.", true},
		{"Our Sales Director, Carl, won't let it go. I tried talking to him directly last Tuesday.", true},
		{"Our CRO, Victor, calls marketing a cost. I tried to talk with him one on one in May.", true},
		{"Our CRO, Victor, calls marketing a cost. Tried talking to the CEO directly.", false},
		{"Our VP Sales, Gareth, ignores our MQLs. I already tried talking to him. 24 November, one-to-one, 30 minutes booked.", true},
		{"Our VP Sales, Gareth, ignores our MQLs. I tried talking to him. He never replied to the email.", false},
		// Time offered, in a second-language writer's words; an offer of
		// anything else is not a talk.
		{"Our Sales Director, Laurent, was very angry. I proposed him a coffee on 19 November to discuss only the two of us. It was worse.", true},
		{"Our Sales Director, Laurent, was very angry. I offered her a one-on-one last week.", true},
		{"Our Sales Director, Laurent, was very angry. I offered him half of the webinar leads.", false},
	} {
		s := testPlaybook(t).Scan(c.text)
		d := ruleDiagnosis(testPlaybook(t), s, align.Situation{Text: c.text})
		if _, got := askedLeaderDirectly(s, d.Facts.Leader.Name); got != c.want {
			t.Errorf("%q: asked directly %v, want %v", c.text, got, c.want)
		}
	}
}

// TestProgramsLeaveOutNames: a program noun followed by a capital letter
// is a name ("Series D" is a funding round, and so is "series b" typed
// in lower case), while the pronoun "I" after
// it leaves the program in.
func TestProgramsLeaveOutNames(t *testing.T) {
	pb := testPlaybook(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Head of RevOps at a Series D security company. Our CRO, Tom, ignores us.", nil},
		{"dir of demand gen at an hr saas, series b, ~210 ppl. our vp sales tom ignores us.", nil},
		{"The webinar series a month ago flopped, and our CRO, Tom, remembers.", []string{"the webinar series"}},
		{"The webinar series I ran last spring flopped, and our CRO, Tom, remembers.", []string{"the webinar series"}},
		{"I sent our CRO, Tom, a deck with the SDR no-show rate.", nil},
		{"Our CRO, Tom, remembers the e-book series that got thousands of downloads.", []string{"the e-book"}},
		{"My target is sample requests, which we generate through trade fairs. Our CRO, Tom, ignores them.", []string{"the trade fairs"}},
		{"Our CRO, Tom, brings up the Zero Trust Summit webinar from March every chance he gets.", []string{"the Zero Trust Summit webinar"}},
		{"Our CRO, Tom, remembers the three webinars we ran.", []string{"the webinars"}},
		{"Our CRO, Tom, says one of these is fiction. His dashboard only counts stage 2 and shows $1.3M from marketing.", nil},
		{"Our CRO, Tom, wants me to show him the data. She lists every inbound enquiry as network.", nil},
		{"Our CRO, Tom, still brings up the shows we did in March.", []string{"the shows"}},
	} {
		var f align.Facts
		programs(pb, pb.Scan(c.text), &f)
		if (len(f.Programs) == 0) != (len(c.want) == 0) || (len(c.want) > 0 && f.Programs[0] != c.want[0]) {
			t.Errorf("%q: programs %q, want %q", c.text, f.Programs, c.want)
		}
	}
}

// TestSalesLeaderName: the sales leader's name is read wherever the text
// puts it beside the title, and from how often the user names someone
// when no title stands beside a name; never a common word that opens a
// sentence, a region, a team in capitals, or leadership's name.
func TestSalesLeaderName(t *testing.T) {
	pb := testPlaybook(t)
	for _, c := range []struct{ text, want string }{
		{"Our VP of Sales, Daniel, ignores our leads.", "Daniel"},
		// Notes that give the name as a sentence of its own.
		{"New National Sales Director started 14 September. Craig Dunn. Came from a trade distributor. He says marketing is brochures.", "Craig"},
		{"Ray is our SVP of Sales. He reports to the CEO.", "Ray"},
		// A word of place or time between the title and "is" (a fresh
		// user's note, session 31).
		{"VP Sales here is Tobias Renner. we both report to the CEO.", "Tobias"},
		{"I report to Fiona whos Head of Sales. She ignores the dashboard.", "Fiona"},
		{"My boss is Rodrigo, he is Commercial Director and runs the sales team. He says make better leads.", "Rodrigo"},
		// Two sales titles named as often: the one the pronouns follow.
		{"Grant Mabry is SVP Sales Americas and reports to our CRO Ophelia Stanton. I had not walked Grant through my dashboard. He was blindsided, and after the meeting he told me it made his team look bad. Should I let my boss talk to Ophelia? Or go to Ophelia myself?", "Grant"},
		{"he is Commercial Director.", ""},
		{"My team is measured on quotes, Lorraine (SVP Sales & Distribution) is measured on premium.", "Lorraine"},
		{"Dana, our Midwest regional VP of sales, runs the producers.", "Dana"},
		{"Vikram, our co-founder and Chief Commercial Officer, told me dealers buy from people.", "Vikram"},
		{"Our sales director, Herr Brandt, is with the company since 31 years.", "Herr Brandt"},
		{"Since January the Head of Sales Iberia, Nuria, has hired two people.", "Nuria"},
		// A region after the title is not a name.
		{"I report to our CMO, Ines. Sales is run by Henrik Vogt, VP Sales Central Europe, who reports to our CRO, Kai Brandt. Henrik said marketing sends names, not buyers.", "Henrik"},
		{"We sell across Kenya, Uganda and Tanzania. The Head of Sales for East Africa is Wambui Njoroge. People say she built the Uganda distribution. Wambui's team is measured on tonnage.", "Wambui"},
		{"Marketing reports to the group's Sales Director for Benelux, Jean-Marc. Today was my first one-on-one with Jean-Marc.", "Jean-Marc"},
		{"Our sales leader's title is Head of Brand Partnerships. Her name is Giulia. Not to be confused with our Head of Sales Operations, Matteo, who just runs the CRM. Giulia and I both report to the CEO.", "Giulia"},
		// A name written in three words and used in two.
		{"The sales leader is Tan Wei Ming, Regional Vice President, Sales, Southeast Asia. Wei Ming stopped the lead review. I asked Wei Ming why. Wei Ming said the leads were poor.", "Wei Ming"},
		{"The founder, Kristjan, still runs sales himself with two AEs.", "Kristjan"},
		// An appointment before the title; a relative clause after an
		// appositive.
		{"A few months after me the firm brought in Odile. In the meantime Odile was quietly made BD manager, and she wants my time.", "Odile"},
		{"I'll report to Rasmus, one of the two founders, who does all the selling. We met twice.", "Rasmus"},
		// A word of scope between the determiner and the title.
		{"I have a solid line to Eleni Markou, the group marketing director, and a dotted line to Stavros Kalogeropoulos, the freight commercial director. Eleni wants the 31% on the slide. Eleni says we need the win. Stavros says we count his customers.", "Stavros"},
		{"Our last head of sales, Fiona, hated marketing. The new VP of Sales is quiet.", ""},
		{"I am VP of Revenue Operations and I report to our CRO, Nadia.", "Nadia"},
		{"Luca does not trust marketing. Last Monday Luca and I argued in front of the area managers. Paolo, our CEO, said basta.", "Luca"},
		{"In January we changed the scoring. In March our VP of Sales stopped coming. How do I fix it?", ""},
		{"Niamh, our CEO, wants peace. Niamh asked me to sort out the handoff with our head of sales.", ""},
		{"The BDMs ignore our leads, and the BDMs say so. Our head of sales agrees.", ""},
		{"our sales director kevin never calls our leads. kevin says marketing is fluff. we both report to the ceo.", "Kevin"},
		// A name typed in lower case in a text that capitalises: in
		// brackets after the title, or used again.
		{"So this landed this morning, from our regional VP sales (karim), sent to all his BDMs. The LinkedIn tags were inflating marketing numbers, he says.", "Karim"},
		{"Marketing lead at a wholesaler in Cork. Our head of sales declan is lovely to your face but he just doesnt rate us. declan still brings up the spring promo.", "Declan"},
		{"Our VP of Sales shrugged when I showed the Cork numbers. Nothing changed.", ""},
		{"our sales director never calls the leads. the leads go cold and the leads get blamed on us.", ""},
		// Hired as the title; a CEO named more often is not the sales leader.
		{"Walt is CEO. Six weeks ago Walt hired Lorraine as SVP of Sales. Walt hasn't said anything. Walt likes her.", "Lorraine"},
		{"I report to the Director of Marketing Communications, who reports to Deborah Hartigan, our Chief Commercial Officer. Deborah has been here 19 years.", "Deborah"},
		// A pasted thread: what follows a speaker's title after a colon is
		// what they said, and a header after a line break is not a name.
		{"Thread from our sales channel:\n\nOrla (Commercial Director): Can someone tell me why MQLs dropped?\nOrla: Nobody told us.", "Orla"},
		{"From: Viktor Hahn, Chief Sales Officer\nTo: Regional Sales Managers\nSubject: Q4 focus\n> Inbound is not a priority.", "Viktor"},
		// Lower-case text with acronyms in capitals: a name beside a title
		// counts on one use; a contraction typed without its apostrophe
		// never does.
		{"so the attribution thing blew up. im dir of demand gen, report to ben (CRO), series C, ~14 months in. the board wants a sourced pipe split and the MQL thing is a mess.", "Ben"},
		// A title in Spanish order; leadership named with an honorific is
		// not the sales leader.
		{"In September arrive a new Director Comercial, Joaquín, he come from a competitor. We are both reporting to the general manager, Sr. Llorens. Sr. Llorens says nothing. Sr. Llorens is busy.", "Joaquín"},
		{"ugh. the vp of sales wont look at our MQLs, he says the SDRs book junk. the CEO and CRO shrug.", ""},
		// A first name opening the sentence goes with the surname after
		// it; a common word opening it does not.
		{"I start December 8. Delia Fairweather is the CRO. Delia built the team.", "Delia"},
		{"The CEO spoke first. Then Ines, our GM Sales and Distribution, added that marketing never moved a booking.", "Ines"},
		// A title of respect after the name stays with it.
		{"I report to the General Manager. Murat Bey, our Sales Director, also report to him. Murat Bey says marketing is brochures.", "Murat Bey"},
		// A word that says where or what the team sells may stand
		// between "our" and the title.
		{"Yes, last Wednesday, one on one with Giulia, our export sales director. She said the leads are junk.", "Giulia"},
		// Titles in other languages, one word or noun first.
		{"So does Henrik, our Vertriebsleiter. He said the leads are junk.", "Henrik"},
		{"Vogt, our Bereichsleiter Vertrieb, says marketing is useless.", "Vogt"},
		// A title of respect before the name is not the name.
		{"I report to Ma'am Carla, our AVP for Business Development. Carla thinks the leads are junk.", "Carla"},
		// The form the user calls them by: honorific and surname, more
		// often than the given name.
		{"Our Chief Distribution Officer, Declan Furness, sits on the executive committee. Mr Furness has responded with considerable force. Mr Furness disputes the weighting.", "Mr Furness"},
		{"My boss is our Chief Commercial Officer, Oh Jae-won. He cut my budget. Mr. Oh calls our clients small brands.", "Mr. Oh"},
		{"My boss is our Chief Commercial Officer, Oh Jae-won. He cut my budget. Oh says our clients are small. Oh also skipped the review. Mr. Oh was polite once.", "Oh"},
		{"Our Director of Partnerships, Mr Eamon Whitlow, who leads the field sales team, is my peer. Mr Whitlow has told the board that marketing is a cost.", "Mr Whitlow"},
		{"Our Chief Distribution Officer, Declan Furness, sits on the executive committee. Declan has responded with force, and Declan disputes the weighting, though Mr Furness was polite once.", "Declan"},
		{"I report to the CEO, same as Encik Faizal who heads Corporate Sales. Faizal thinks the leads are junk.", "Faizal"},
		// A name that arrived in the title: "joined as", "was brought in as".
		{"Three years in the seat. Felix joined as CRO seven weeks ago from a much bigger company. We're peers.", "Felix"},
		{"Ana was brought in as VP of Sales in March and she hates our webinars.", "Ana"},
		// A title whose sentence names no one, and a name opening the next
		// sentence before a comma; leadership named in full ("our CEO
		// Ingrid Solvang") is leadership when named again alone.
		{"New CRO started Oct 19. Ruairi Castellano, career enterprise outbound guy, hired by our CEO Ingrid Solvang. I also report to Ingrid. Do I go to Ingrid now?", "Ruairi"},
		{"The CRO is new, hired by our CEO Ingrid Solvang. I report to Ingrid. Ingrid is busy.", ""},
		{"Our CRO hates marketing. Ingrid, our CEO, agrees. Ingrid said so twice.", ""},
		{"Our VP of Sales is new. Yesterday, he cancelled our meeting.", ""},
		// Someone who runs a sales team without a title, and reports to
		// the titled one past an aside in brackets, is the counterpart.
		{"I report to our VP Marketing, Ellis. Cyrus Lamb runs inside sales (about 30 reps who work all inbound) and reports to our CRO, Hugo Brennan. Cyrus and I keep talking past each other.", "Cyrus"},
		// Particles between the given name and the family name: the user
		// goes by the given name.
		{"For five years Riaan van Wyk, our Sales Director, has called marketing the website. Riaan presented the plan alone.", "Riaan"},
		{"Sanne van der Berg, our VP of Sales, says the leads are junk.", "Sanne"},
		// A title that is a verb takes the name right before it.
		{"Two years in. Kwame heads sales; the MD is boss to both of us. Kwame's view is that marketing is radio jingles.", "Kwame"},
		// A word after an article is not a name: "the Australian arm".
		{"I start at the Australian arm of a German maker. The Australian business has 25 reps. I report to Hemi Walker, who leads the reps. At my interview Hemi was frank. How do I start with Hemi?", "Hemi"},
		// Spoken: the name with "'s" for "is", or without the comma.
		{"Fraser's our commercial director, him and me both report to Ailsa the MD.", "Fraser"},
		{"Lachlan's the GM Sales, we both report to the MD.", "Lachlan"},
		{"Padraig our sales manager hasn't forgotten it.", "Padraig"},
		// Whoever owns the sales team leads it, when no title names anyone.
		{"My team is bonused on sourced pipeline; Hennie's sales team is paid on closed revenue.", "Hennie"},
		// Titles in Spanish.
		{"The founder, Emiliano, set my target. Ximena, our VP de Ventas, has her AEs on closed MRR. Emiliano posts the chart.", "Ximena"},
		// A city before a title is no one who reports.
		{"I'm joining a company in Seoul as head of revenue operations on the 3rd, reporting to the CRO, Ji-hoon, who hired me.", "Ji"},
	} {
		var f align.Facts
		names(pb, pb.Scan(c.text), &f)
		if f.Leader.Name != c.want {
			t.Errorf("%q: name %q, want %q", c.text, f.Leader.Name, c.want)
		}
	}
}

// TestCommonWordsAreCurrent: common.txt is what commongen writes from the
// corpus; run `go generate ./diagnose` after the corpus changes.
func TestCommonWordsAreCurrent(t *testing.T) {
	set, err := corpus.LoadAll("../corpus")
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join(CommonWords(set), "\n") + "\n"
	if common != want {
		t.Fatal("diagnose/common.txt is stale: run go generate ./diagnose")
	}
	for _, w := range []string{"the", "pipeline", "leads"} {
		if !isCommon(w) {
			t.Errorf("%q is not a common word", w)
		}
	}
	for _, w := range []string{"niamh", "priya"} {
		if isCommon(w) {
			t.Errorf("the name %q is a common word", w)
		}
	}
}

// TestPronounIsTheSalesLeaders: with no pronoun right after the title, the
// sales leader's pronoun is one used while they are the person last
// named, never someone else's.
func TestPronounIsTheSalesLeaders(t *testing.T) {
	pb := testPlaybook(t)
	for _, c := range []struct{ text, want string }{
		// In a text written in lower case, aoife's "she" is hers: the
		// sales leader's own is the one used while he is the person last
		// named.
		{"i report to stuart pelling who is our chief commercial officer. our cmo aoife rennie is his peer. i showed aoife the model first and she put it in her slides. stuart hadnt seen it. he went quiet and then he told me to park it. aoife wants me to send it to the ceo. she says its just data.", "he"},
		// The CEO named in passing as an object ("both report to the ceo
		// Halvard Nygaard") does not take the sales leader's "he", used
		// in every sentence after.
		{"new VP sales Gideon Varga started in september. we're peers, both report to the ceo Halvard Nygaard.\n\nfirst week he told the leadership team that sales hits its number without marketing. he's said versions of that 3 or 4 times since. now he's put a proposal into the 2027 budget. keep trying with gideon first?", "he"},
		// Anneke's "she" is not Jordan's.
		{"Our CRO is Jordan Pike. Jordan joined five months ago. Jordan changed the source rule. My manager Anneke says she'll raise it. She won't.", "they"},
		// The CFO's "her" is not Dev's.
		{"Our CFO, Margaret, wants to freeze events. I think her model is wrong. Our VP of Sales, Dev, actually agrees with me and said so in the finance review.", "they"},
		// A quoted greeting in German does not name anyone.
		{"Now our Head of Sales Markus sent this to all regional reps: \"Liebe Kollegen, please do not waste your time with marketing contacts.\" He also proposed to move part of the budget.", "he"},
		// "Mr Kato" is Kato; the colleague's "her" is hers.
		{"Our Head of Sales is Mr Kato. Mori told me her team is measured on inquiries. Kato said his people are measured on orders.", "he"},
		// "from him" in Patricia's own clause is someone else; her surname
		// does not end her turn as the person last named.
		{"I report to our CRO, Patricia Oyelaran, who joined in July. MQLs dropped, the SDR manager complained, and Patricia heard about it from him, not from me.", "they"},
		{"I report to our CRO, Patricia Oyelaran, who joined in July. She says our MQLs are noise.", "she"},
		{"Niall is Head of Sales. Niall's line when I asked him: \"A download isn't a customer.\"", "he"},
		// The CEO the sales leader reports to is "her"; he is "he".
		{"I report to our CEO, Odile. Our CRO, Leopold, also reports to her. He joined in April. He said marketing is the booth.", "he"},
		{"I report to the MD. Our sales director, Joost, reports to her too. He has 11 field reps.", "he"},
		{"I report to the MD. Our sales director, Joost, reports to him directly. She has 11 field reps.", "she"},
		// "should report to her": after "that", the verb has a subject
		// of its own, and "her" is the sales leader.
		{"Our CRO, Vanessa, called it marketing math, then argued that RevOps is biased and should report to her.", "she"},
		// Carmela's "her" opening the sentence after hers, and "her" as
		// the object in Ramon's own clause, are not Ramon's.
		{"I report to Carmela Reyes, our head of marketing, and she reports to Ramon Villanueva, our CRO. At the November QBR Ramon said, in front of both teams, \"marketing hit its number and I missed mine.\" He wasn't shouting. Carmela has to submit marketing's targets to Ramon by 18 December. Her instinct is to propose 1,500 MQLs, and she has asked me to draft the numbers. Is there something better I can put in front of Ramon through her?", "he"},
		// Typed in lower case, with others named between: the pronoun the
		// text uses far more often is the sales leader's.
		{"ok so i'm the marketing manager at a pump maker. our new VP of sales bartosz started in august. at last year's WEFTEC we scanned 1,900 badges and i sent the list to the 6 regional managers. bartosz has heard about this from the RMs. in his second staff meeting he said our leads are \"a list of people who wanted a free tumbler.\" gwen (our president, i report to her) set my goal as 2,500 leads. so i'm at 2,340 leads and BN says marketing produced nothing. he also set up a weekly pipeline call with the RMs on tuesdays and i'm not on it. and he's asked gwen to move $60k of the show budget.", "he"},
	} {
		var f align.Facts
		names(pb, pb.Scan(c.text), &f)
		if f.Pronoun != c.want {
			t.Errorf("%q: pronoun %q (leader %q), want %q", c.text, f.Pronoun, f.Leader.Name, c.want)
		}
	}
}

// TestRepNames: a rep is named after a rep word ("our AE Priya"); a label
// in quotation marks after one ("changed to \"AE Sourced\"") is not a name.
func TestRepNames(t *testing.T) {
	pb := testPlaybook(t)
	for _, c := range []struct {
		text string
		want []string
	}{
		{"Our VP of Sales, Teodor, ignores us. Our AE Priya called one lead.", []string{"Priya"}},
		{"Our VP of Sales, Teodor, ignores us. Lead Source was changed from \"Inbound\" to \"AE Sourced\" on 41 deals.", nil},
	} {
		var f align.Facts
		names(pb, pb.Scan(c.text), &f)
		if !slices.Equal(f.Reps, c.want) {
			t.Errorf("%q: reps %q, want %q", c.text, f.Reps, c.want)
		}
	}
}

// TestAPassiveAgentIsNotTheActor: "set by the owners" names who set the
// user's target; the sentence is not about the owners.
func TestAPassiveAgentIsNotTheActor(t *testing.T) {
	pb := testPlaybook(t)
	s := pb.Scan("My target, set by the owners in the business plan, is 450 enquiries. The owners want more.")
	a := actors(pb, s, "", "")
	if a[0] == actorOther || a[1] != actorOther {
		t.Errorf("actors %v, want the first sentence not the owners' and the second theirs", a)
	}
}

// TestAPronounNotTheSalesLeadersIsSomeoneElse: after the user's own
// sentence about the CEO, "She said" is the CEO's when the sales leader is
// "he"; with the sales leader's pronoun unknown it stays theirs.
func TestAPronounNotTheSalesLeadersIsSomeoneElse(t *testing.T) {
	pb := testPlaybook(t)
	s := pb.Scan("Grant, our CRO, took me off the forecast call. I went to our CEO, Aroha, on 20 November. She said Grant is the revenue guy.")
	if a := actors(pb, s, "Grant", "he"); a[2] != actorOther {
		t.Errorf("actors %v, want the third sentence someone else's", a)
	}
	if a := actors(pb, s, "Grant", ""); a[2] != actorLeader {
		t.Errorf("actors %v with no pronoun known, want the third sentence the sales leader's", a)
	}
}

func TestMeasuredTenureIsTheUsers(t *testing.T) {
	pb := testPlaybook(t)
	for _, c := range []struct{ text, want string }{
		{"Marketing manager at a fire safety firm, 90 staff, here 4 yrs. Our sales director ignores the enquiries.", align.TenureEstablished},
		{"I joined seven months ago. Our VP of Sales, Ray, ignores the leads.", align.TenureNew},
		{"I joined eight months ago. Our VP of Sales, Ray, ignores the leads.", align.TenureEstablished},
		{"Six wks in as head of marketing. Our CRO, Ray, ignores the leads.", align.TenureNew},
		// Someone else's years are not the user's.
		{"Our VP of Sales, Ray, has been here 22 years and ignores the leads.", ""},
		{"Ray has been here 22 years. I run marketing.", ""},
		// Measures that disagree decide nothing.
		{"I joined three months ago. I have been in the role for two years in all, counting the interim.", ""},
		// Measures said other ways: after the user's "I've been", before
		// it, and as the answer to the intake's question.
		{"I've been eight months at a family winery. Valentina runs trade sales.", align.TenureEstablished},
		{"Sanjay, our EVP Sales, has maintained, through all 18 months I've been here, that we make brochures.", align.TenureEstablished},
		{"1. Levent, our head of sales, calls them tyre-kickers. 2. Since April. 3. Ten months, marketing manager.", align.TenureEstablished},
		{"Our VP of Sales, Ray, ignores the leads. In two years marketing will be a cost line.", ""},
		// A start the user names: a year is measured to today, a month
		// after "last" is a year ago, a month alone is its last time
		// before today (today's month a year ago), and another's start
		// is theirs.
		{"I lead marketing at a forwarder. I joined in 2021. Our head of sales, Huub, is paid on margin.", align.TenureEstablished},
		{"My tenure: Head of Marketing, here since 2023. Farid heads partnerships.", align.TenureEstablished},
		{"I moved across from product marketing early in 2024. Leopold owns the top accounts.", align.TenureEstablished},
		{"I joined last November. Our CRO, Ray, ignores the leads.", align.TenureEstablished},
		{"I joined in March. Our CRO, Ray, ignores the leads.", align.TenureNew},
		{"I joined in December. Our CRO, Ray, ignores the leads.", align.TenureEstablished},
		{"I moved into the role in August. Our VP Sales, Irena, ignores the leads.", align.TenureNew},
		{"I joined a training company in Wellington as marketing lead on 3 November. Hemi runs sales.", align.TenureNew},
		{"I joined the firm on November 3. Hemi runs sales.", align.TenureNew},
		// Half years.
		{"Marketing manager at a resort, a year and a half in. Our sales director ignores my leads.", align.TenureEstablished},
		{"Marketing lead at an agency, one and a half years here. Our sales director ignores my leads.", align.TenureEstablished},
		{"I joined in 2026. Our CRO, Ray, ignores the leads.", ""},
		{"I run marketing. Our CRO, Ray, joined in 2019 and ignores the leads.", ""},
		{"I run marketing. Ray has been with the company since 2015.", ""},
		// A month with its year is exact, either way.
		{"I joined Northpaw Systems in Toronto as VP of Marketing on 8 September 2026. Our VP of Sales, Dana, ignores the leads.", align.TenureNew},
		{"I started at Brightline in March 2025. Our CRO, Ray, ignores the leads.", align.TenureEstablished},
		{"I was hired on May 3, 2026, to rebuild demand gen. Our CRO, Ray, ignores the leads.", align.TenureNew},
		{"My tenure: head of marketing, here since February 2024. Farid heads partnerships.", align.TenureEstablished},
		{"I run marketing. Our CRO, Ray, joined in March 2026 and ignores the leads.", ""},
	} {
		s := pb.Scan(c.text)
		d := ruleDiagnosis(pb, s, align.Situation{Text: c.text})
		got, _, _ := measuredTenure(pb, s, actors(pb, s, d.Facts.Leader.Name, d.Facts.Pronoun), time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
		if got != c.want {
			t.Errorf("%q: measured tenure %q, want %q", c.text, got, c.want)
		}
	}
}

func TestAStartNamedGivesTheDuration(t *testing.T) {
	pb := testPlaybook(t)
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Since the reorg in March our VP of Sales has routed every enquiry to himself.", true},
		{"Since we signed the last four distributors in the spring, the territories overlap.", true},
		{"Our CRO has ignored my team since I joined.", true},
		{"Since September the call centre has rung an old list.", true},
		// No start: a standing view, or one that predates the user.
		{"Our CRO has thought marketing is a cost centre since before I joined.", false},
		{"Our CRO has always said marketing is event planning with a budget.", false},
		// "since" giving a reason names no start.
		{"Since he is busy, our CRO never answers my emails.", false},
		// A period with no date.
		{"Her reps have complained about lead quality for as long as anyone can remember.", true},
		{"Our CRO has ignored the webinars from day one.", true},
	} {
		if got := startNamed(pb.Scan(c.text)); got != c.want {
			t.Errorf("%q: start named %v, want %v", c.text, got, c.want)
		}
	}
}

// TestSizeNamedGivesTheContext: the company's size said outright gives
// the context (FORMAT.md counts headcount as stage); a team's size does
// not.
func TestSizeNamedGivesTheContext(t *testing.T) {
	pb := testPlaybook(t)
	for _, c := range []struct {
		text string
		want bool
	}{
		{"marketing manager at a fire safety firm in nottingham, 90 staff, here 4 yrs.", true},
		{"need help writing an SLA. 40 person startup in brissie.", true},
		{"I run marketing at a firm of 1,000 employees.", true},
		{"We are a Series B company selling to hospitals.", true},
		{"Marketing is one person: me.", false},
		{"I lead a two-person team at a logistics company.", false},
		{"I run marketing at a logistics company in Rotterdam.", false},
	} {
		if got := sizeNamed(pb.Scan(c.text)); got != c.want {
			t.Errorf("%q: size named %v, want %v", c.text, got, c.want)
		}
	}
}

// TestAMoveToldAnswersWhatWasTried: a move of the user's, told with
// "have", made or denied, answers what was tried; a quoted one, or none,
// does not.
func TestAMoveToldAnswersWhatWasTried(t *testing.T) {
	pb := testPlaybook(t)
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Our CRO, Sam, ignores the leads. I've moved the 80 by hand.", true},
		{"Our CRO, Sam, ignores the leads. I've already sent him the numbers twice.", true},
		{"Our CRO, Sam, ignores the leads. ive been forwarding them to his AEs by hand.", true},
		{"Our CRO, Sam, ignores the leads. I haven't drafted anything yet.", true},
		{"Our CRO, Sam, ignores the leads and calls them noise. What should I do?", false},
		{"Our CRO, Sam, said \"I've moved on from marketing\" at the offsite.", false},
	} {
		if got := triedNamed(pb.Scan(c.text)); got != c.want {
			t.Errorf("%q: tried named %v, want %v", c.text, got, c.want)
		}
	}
}
