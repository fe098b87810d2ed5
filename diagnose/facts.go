package diagnose

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/match"
	"github.com/align-coach/align/playbook"
)

// readFacts reads the setup facts from the scan. Facts the user gave as
// fields win over what the text suggests.
func readFacts(pb *playbook.Playbook, s *playbook.Scan, sit align.Situation) align.Facts {
	g := sit.Given
	f := align.Facts{Evidence: map[string][]align.Evidence{}, Tried: []string{}, Tempted: []string{}}

	f.Tenure = pick(g.Tenure, func() string { return tenure(pb, s, &f) })
	f.Reporting = pick(g.Reporting, func() string { return vote(s, "reporting", &f) })
	f.SharedTarget = pick(g.SharedTarget, func() string { return vote(s, "shared_target", &f) })
	f.LeadershipSees = pick(g.LeadershipSees, func() string { return vote(s, "leadership_sees", &f) })

	f.Duration = g.Duration
	// "I've been CMO for two years" measures the user's tenure, not how
	// long the dynamic has lasted.
	tenureSpans := s.Of("fact", "tenure=measure")
	for h := range s.Each("fact", "duration=given") {
		if !h.Counts() || overlaps(h, tenureSpans) {
			continue
		}
		f.Evidence["duration"] = append(f.Evidence["duration"], s.Evidence(h))
		if f.Duration == "" {
			f.Duration = durationPhrase(s, h)
		}
		if f.Months == 0 {
			if m, ok := months(s.Tokens[int(h.First) : int(h.Last)+1]); ok {
				f.Months = round(m)
			}
		}
	}

	if g.TriedGiven {
		f.Tried = append(f.Tried, g.Tried...)
	}
	for h := range s.Each("tried", "") {
		code := h.Signal.Key()
		switch {
		case h.Negated:
		case h.Intent && othersIntent(s, h):
			// "she's planning to take it to our CEO herself": someone
			// else's plan, neither done nor weighed by the user.
		case h.Intent:
			f.Tempted = addOnce(f.Tempted, code)
		case !g.TriedGiven:
			f.Tried = addOnce(f.Tried, code)
			f.Evidence["tried"] = append(f.Evidence["tried"], s.Evidence(h))
		}
	}
	for h := range s.Each("tempt", "") {
		if !h.Negated && h.Intent && !othersIntent(s, h) {
			f.Tempted = addOnce(f.Tempted, h.Signal.Key())
			f.Evidence["tempted"] = append(f.Evidence["tempted"], s.Evidence(h))
		}
	}
	// What was already done is no longer a temptation in the plan's eyes
	// unless the user says they are considering it again.
	sort.Strings(f.Tried)
	sort.Strings(f.Tempted)

	for h := range s.Each("fact", "leader_new=yes") {
		if h.Counts() {
			f.LeaderNew = true
		}
	}
	for h := range s.Each("fact", "seat=yes") {
		if h.Counts() {
			f.Seat = true
		}
	}
	for h := range s.Each("fact", "") {
		if strings.HasPrefix(h.Signal.Key(), "boss=") && h.Counts() && f.Boss == "" {
			f.Boss = pb.Names.Bosses[strings.TrimPrefix(h.Signal.Key(), "boss=")]
		}
	}
	names(pb, s, &f)
	if _, ok := reportsToLeader(s, f.Leader.Name, leaderTitles(s)); ok && f.Reporting == align.Unknown && g.Reporting == "" {
		f.Reporting = align.ReportingSenior
	}
	if f.Boss == "" {
		// No "we both report to": name the most senior person the text
		// mentions, so escalation advice says who.
		mentions := nameListsOf(pb).bossMentions
		for i, t := range s.Tokens {
			// "Regional Vice President, Sales" is a title, not the
			// president.
			if mentions[t.Word()] && (i == 0 || s.Tokens[i-1].Word() != "vice") && !pb.AudienceTitle(s.Text, s.Tokens, i) {
				f.Boss = pb.Names.Bosses[t.Word()]
				break
			}
		}
	}
	return f
}

// asideBefore returns the last token before a bracketed aside that ends
// right before token i, in its sentence ("Marketing (me plus three
// people) reports"), or -1 when no aside ends there.
func asideBefore(text string, toks []match.Token, i int) int {
	if i == 0 || !strings.Contains(text[toks[i-1].End():toks[i].Start()], ")") {
		return -1
	}
	depth := 0
	for k := i - 1; k >= 0 && toks[k].Sentence() == toks[i].Sentence(); k-- {
		gap := text[toks[k].End():toks[k+1].Start()]
		depth += strings.Count(gap, ")") - strings.Count(gap, "(")
		if depth <= 0 && k < i-1 {
			return k
		}
	}
	return -1
}

// reportsToLeader finds a stated reporting line from the user to the sales
// leader: "I report to Dana", "marketing reports to our CRO", "I'll be
// reporting into the commercial director". By FORMAT.md's definition the
// sales leader then sits above the user (senior), whatever else the text
// suggests. name is the sales leader's name ("" when none was found);
// titles are the spans where the text names a sales leader's title. It
// returns the span of the statement, or ok false.
func reportsToLeader(s *playbook.Scan, name string, titles []playbook.Hit) (sp span, ok bool) {
	toks := s.Tokens
	title := make(map[int]int, len(titles)) // first token -> last token
	for _, h := range titles {
		title[int(h.First)] = int(h.Last)
	}
	for i, t := range toks {
		if t.Stem() != "report" {
			continue
		}
		j := i + 1
		if j < len(toks) && (toks[j].Word() == "directly" || toks[j].Word() == "straight") {
			j++
		}
		if j >= len(toks) || (toks[j].Word() != "to" && toks[j].Word() != "into") {
			continue
		}
		// The one reporting is the user: "I", "we", "marketing", "my
		// team", a few words back in the same clause.
		// "We both report to the commercial director" is a shared boss.
		self, both := false, false
		// "Marketing (me plus three people) reports to our CRO": an aside
		// in brackets right before the verb is stepped over.
		at := i
		if b := asideBefore(s.Text, toks, i); b >= 0 {
			at = b + 1
		}
		for k := at - 1; k >= 0 && k >= at-4 && toks[k].Clause() == toks[at-1].Clause(); k-- {
			switch toks[k].Word() {
			case "i", "we", "marketing", "team":
				self = true
			case "both", "all":
				both = true
			}
		}
		if !self || both {
			continue
		}
		k := j + 1
		for k < len(toks) && (toks[k].Word() == "our" || toks[k].Word() == "the" || toks[k].Word() == "my") {
			k++
		}
		if k >= len(toks) || toks[k].Sentence() != t.Sentence() {
			continue
		}
		if last, ok := title[k]; ok && !namesOther(toks, last, name) || (name != "" && strings.EqualFold(toks[k].Word(), name)) {
			return span{i, k}, true
		}
	}
	// "My boss is Rodrigo, he is Commercial Director": the user names
	// the sales leader as their own manager.
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].Word() != "my" || !managerWords[toks[i+1].Word()] || (toks[i+2].Word() != "is" && toks[i+2].Word() != "was") {
			continue
		}
		k := i + 3
		for k < len(toks) && (toks[k].Word() == "our" || toks[k].Word() == "the") {
			k++
		}
		_, isTitle := title[k]
		if k < len(toks) && toks[k].Sentence() == toks[i].Sentence() && (isTitle || name != "" && strings.EqualFold(toks[k].Word(), name)) {
			return span{i, k}, true
		}
	}
	lastOf := make(map[int]int, len(titles)) // last token -> first token
	for f, l := range title {
		lastOf[l] = f
	}
	isName := func(k int) bool { return name != "" && strings.EqualFold(toks[k].Word(), name) }
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Word() != "my" || !managerWords[toks[i+1].Word()] {
			continue
		}
		// "Teodor, our head of sales and my boss", "Dana is my
		// manager": the sales leader, then "and" or "is", then "my boss".
		// After "and" the title must stand beside a name ("Teodor, our
		// head of sales and"), not open a list ("the VP of Sales and my
		// boss both think").
		if k := i - 1; k > 0 && toks[k].Sentence() == toks[i].Sentence() {
			if w := toks[k].Word(); w == "and" || w == "is" {
				l := k - 1
				if f, ok := lastOf[l]; ok && (w == "is" || f > 0 && strings.Contains(s.Text[toks[f-1].End():toks[f].Start()], ",") ||
					f > 1 && (toks[f-1].Word() == "our" || toks[f-1].Word() == "the") && strings.Contains(s.Text[toks[f-2].End():toks[f-1].Start()], ",")) || isName(l) {
					return span{l, i + 1}, true
				}
			}
		}
		// "my boss, the VP of Sales": the title right after a comma.
		if k := i + 2; k < len(toks) && toks[k].Sentence() == toks[i].Sentence() && strings.Contains(s.Text[toks[i+1].End():toks[k].Start()], ",") {
			for k < len(toks) && (toks[k].Word() == "our" || toks[k].Word() == "the") {
				k++
			}
			if last, ok := title[k]; ok && !namesOther(toks, last, name) || k < len(toks) && isName(k) {
				return span{i, k}, true
			}
		}
	}
	// "I run marketing under our head of sales", "I sit under the CRO":
	// "I", a verb of working, at most two words, then "under" the sales
	// leader. Marketing put under someone ("putting marketing under the
	// CRO") is a proposal, and a team under them is someone else's line.
	for i, t := range toks {
		if t.Word() != "under" {
			continue
		}
		self := false
		for k := i - 1; k >= 1 && k >= i-3 && toks[k].Clause() == t.Clause(); k-- {
			if underVerbs[toks[k].Word()] && toks[k-1].Word() == "i" {
				self = true
			}
		}
		k := i + 1
		for k < len(toks) && (toks[k].Word() == "our" || toks[k].Word() == "the" || toks[k].Word() == "my") {
			k++
		}
		if !self || k >= len(toks) || toks[k].Clause() != t.Clause() {
			continue
		}
		if last, ok := title[k]; ok && !namesOther(toks, last, name) || isName(k) {
			return span{i, k}, true
		}
	}
	return span{}, false
}

// underVerbs are the verbs of "I run marketing under her".
var underVerbs = map[string]bool{"run": true, "sit": true, "work": true, "am": true, "m": true, "lead": true, "manage": true}

// userReportsBefore reports whether the nearest "report" before token i
// in its sentence has the user as its subject ("I report to the CEO, as
// Aroha does"), not a third person ("my boss, who reports to the CEO, as
// Kwabena does").
func userReportsBefore(toks []match.Token, i int) bool {
	for k := i - 1; k >= 0 && toks[k].Sentence() == toks[i].Sentence(); k-- {
		if toks[k].Stem() != "report" {
			continue
		}
		for m := k - 1; m >= 0 && m >= k-3 && toks[m].Clause() == toks[k].Clause(); m-- {
			switch toks[m].Word() {
			case "i", "we":
				return true
			case "who", "he", "she", "they", "which":
				return false
			}
		}
		return false
	}
	return false
}

// namesOther reports whether the title ending at token last is followed
// by a name that is not the sales leader's: in "I report to the Chief
// Commercial Officer, Gareth Hughes" the user reports to Gareth, not to
// Callum, the Head of Sales the text is about.
func namesOther(toks []match.Token, last int, name string) bool {
	if name == "" {
		return false
	}
	for k := last + 1; k < len(toks) && k <= last+2 && toks[k].Sentence() == toks[last].Sentence(); k++ {
		if toks[k].Capital() {
			return !strings.EqualFold(toks[k].Word(), name)
		}
	}
	return false
}

// peerStated finds the text saying that the user and the sales leader
// report to the same person: "Dana and I both report to the CEO", "we
// both report to the GM", or "I report to him. Murat Bey, our Sales
// Director, also reports to him", where the sales leader reports to the
// very person the user said they report to. By FORMAT.md's definition
// they are then peers. A subject with anyone else in it ("she and
// Graham, our Sales Director, both report to", the user's manager) is not
// the user and the sales leader. It returns the span of the statement.
func peerStated(s *playbook.Scan, name string, titles []playbook.Hit) (sp span, ok bool) {
	toks := s.Tokens
	title := make(map[int]bool, len(titles))
	for _, h := range titles {
		for k := h.First; k <= h.Last; k++ {
			title[int(k)] = true
		}
	}
	name = strings.ToLower(name)
	// pastDeterminers is the first token from k that is not "the",
	// "our" or "my".
	pastDeterminers := func(k int) int {
		for k < len(toks) && (toks[k].Word() == "the" || toks[k].Word() == "our" || toks[k].Word() == "my") {
			k++
		}
		return k
	}
	// object is the first word of whom token i (a "report") reports to.
	object := func(i int) string {
		if k := pastDeterminers(i + 2); k < len(toks) && toks[k].Sentence() == toks[i].Sentence() {
			return toks[k].Word()
		}
		return ""
	}
	// named is the other word the text names that person by, after a
	// comma: "our CEO, Ruth Okafor" is also Ruth, "Ruth Okafor, our CEO"
	// also the CEO.
	named := func(i int) string {
		k := pastDeterminers(i + 2)
		if k+1 < len(toks) && toks[k+1].Capital() && toks[k+1].Sentence() == toks[k].Sentence() && !strings.Contains(s.Text[toks[k].End():toks[k+1].Start()], ",") {
			k++ // a surname
		}
		if k+1 >= len(toks) || toks[k+1].Sentence() != toks[i].Sentence() || !strings.Contains(s.Text[toks[k].End():toks[k+1].Start()], ",") {
			return ""
		}
		if m := pastDeterminers(k + 1); m < len(toks) && toks[m].Sentence() == toks[i].Sentence() {
			return toks[m].Word()
		}
		return ""
	}
	var mine []string // whom the user said they report to
	for i, t := range toks {
		if t.Stem() != "report" || i+1 >= len(toks) || toks[i+1].Word() != "to" && toks[i+1].Word() != "into" {
			continue
		}
		leader, user, other, also, both := false, false, false, false, false
		lo := i
		for k := i - 1; k >= 0 && toks[k].Sentence() == t.Sentence(); k-- {
			w := toks[k].Word()
			switch {
			case title[k] || name != "" && w == name:
				leader, lo = true, k
			case (w == "we" || w == "i") && k >= i-6:
				user, lo = true, k
			case w == "my" || w == "she" || w == "he" || w == "who" || w == "they":
				other = true
			case w == "also" && k >= i-3:
				also = true
			// "Kim, the VP of Marketing and I all report to the COO":
			// "all" lists the subjects together, as "both" does.
			case (w == "both" || w == "all") && k >= i-3:
				both = true
			}
		}
		// "Dana and I both report to": the two subjects are listed
		// together, ending in "both" or in "and I" or "I and".
		if user && !both && lo < i {
			both = toks[lo].Word() == "i" && lo > 0 && toks[lo-1].Word() == "and" && lo >= i-2
		}
		for k := i + 2; k < len(toks) && k <= i+7 && toks[k].Clause() == t.Clause(); k++ {
			if w := toks[k].Word(); w == "too" || w == "well" && toks[k-1].Word() == "as" {
				also = true
			}
		}
		switch {
		case other:
		case user && !leader && !also:
			mine = append(mine, object(i))
			if w := named(i); w != "" {
				mine = append(mine, w)
			}
		case user && both && (leader || toks[lo].Word() == "we"):
			return span{lo, i + 1}, true
		case leader && also && slices.Contains(mine, object(i)) && object(i) != "":
			return span{lo, i + 1}, true
		// "I report to the CEO, Anneke Voss. VP Sales Rafe Dunmore also
		// reports to her": a pronoun takes up the user's own manager.
		case leader && also && len(mine) > 0 && (object(i) == "her" || object(i) == "him" || object(i) == "them"):
			return span{lo, i + 1}, true
		// "Same level as me, also reports to the MD": the subject left
		// out, the sentence about the sales leader.
		case !user && also && slices.Contains(mine, object(i)) && object(i) != "":
			return span{i, i + 1}, true
		}
	}
	// "I report to our President, Cordelia Ashdown. So does Virgil Szabo,
	// VP of Sales": the sales leader takes up the user's own line; "I
	// report to the CEO, as Aroha does" the same.
	if len(mine) > 0 {
		for i := 0; i+2 < len(toks); i++ {
			if w := toks[i].Word(); (w != "so" && w != "as") || toks[i+1].Word() != "does" && toks[i+1].Word() != "do" {
				if toks[i].Word() == "as" && (title[i+1] || name != "" && toks[i+1].Word() == name) && userReportsBefore(toks, i) {
					for k := i + 2; k < len(toks) && k <= i+5 && toks[k].Clause() == toks[i].Clause(); k++ {
						if w := toks[k].Word(); w == "does" || w == "do" {
							return span{i, k}, true
						}
					}
				}
				continue
			}
			for k := i + 2; k < len(toks) && k <= i+5 && toks[k].Sentence() == toks[i].Sentence(); k++ {
				if title[k] || name != "" && toks[k].Word() == name {
					return span{i, i + 1}, true
				}
			}
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		switch {
		// "Nikhil and I have the same boss", "we share a manager".
		case (toks[i].Word() == "same" || toks[i].Word() == "a") && managerWords[toks[i+1].Word()]:
			verb := i - 1
			if verb > 0 && toks[verb].Word() == "the" {
				verb--
			}
			if verb < 1 || toks[verb].Sentence() != toks[i].Sentence() {
				continue
			}
			if v := toks[verb].Word(); v != "have" && v != "share" && !(v == "had" && toks[i].Word() == "same") {
				continue
			}
			if toks[i].Word() == "a" && toks[verb].Word() != "share" {
				continue
			}
			if w := toks[verb-1].Word(); w == "we" || w == "both" && verb > 1 && toks[verb-2].Word() == "we" {
				return span{verb - 1, i + 1}, true
			}
			if toks[verb-1].Word() == "i" && verb > 2 && toks[verb-2].Word() == "and" {
				if k := verb - 3; title[k] || name != "" && toks[k].Word() == name {
					return span{k, i + 1}, true
				}
			}
		// "The owner is boss to both of us", "He's boss to her and to me".
		case toks[i].Word() == "boss" && toks[i+1].Word() == "to":
			for k := i + 2; k < len(toks) && k <= i+6 && toks[k].Sentence() == toks[i].Sentence(); k++ {
				if w := toks[k].Word(); w == "both" || w == "me" && k > i+2 {
					return span{i, k}, true
				}
			}
		}
	}
	return span{}, false
}

// managerWords name the user's own manager after "my".
var managerWords = map[string]bool{"boss": true, "manager": true, "supervisor": true}

// askedLeaderDirectly finds the user putting a question to the sales
// leader in person: "I asked Victor directly", "I told her straight out",
// "I talked with Rodrigo directly", "I sat down with her one on one". It
// is the playbook's own direct-conversation cue ("i asked $HIM directly",
// "talked with $HIM directly") with the sales leader's name standing for
// the pronoun, which the phrase matcher cannot know. Over the corpus it
// fires in 39 situations: 37 are labelled direct_conversation, and the
// other 2 asked directly for a seat at the pipeline review. Asking for
// time of their own counts too ("I asked her for 30 minutes", "I invited
// him for coffee", "I proposed him a coffee"). It returns
// the span from "I" to the adverb.
func askedLeaderDirectly(s *playbook.Scan, name string) (sp span, ok bool) {
	name = strings.ToLower(name)
	toks := s.Tokens
	for i := 0; i+2 < len(toks); i++ {
		// The user, said ("I asked him directly") or left out in a
		// hurried note ("Tried talking to him directly last Tuesday.").
		v := i + 1 // the verb
		// "I already tried talking to him": an adverb before the verb.
		if toks[i].Word() == "i" && v+1 < len(toks) && (toks[v].Word() == "already" || toks[v].Word() == "also" || toks[v].Word() == "finally" || toks[v].Word() == "even") {
			v++
		}
		if toks[i].Word() != "i" {
			if !opensSentence(toks, i) || toks[i].Word() != "tried" && toks[i].Word() != "talked" && toks[i].Word() != "spoke" && toks[i].Word() != "asked" {
				continue
			}
			v = i
		}
		// "tried talking to him", "tried to talk with her".
		attempt := false
		if toks[v].Word() == "tried" && v+2 < len(toks) {
			switch {
			case toks[v+1].Word() == "talking" || toks[v+1].Word() == "speaking":
				v, attempt = v+1, true
			case toks[v+1].Word() == "to" && (toks[v+2].Word() == "talk" || toks[v+2].Word() == "speak"):
				v, attempt = v+2, true
			}
		}
		j := v + 1 // the person
		if j >= len(toks) {
			continue
		}
		switch toks[v].Word() {
		case "asked", "told", "confronted", "challenged", "pressed", "invited", "took", "proposed", "offered":
		case "talked", "spoke", "met", "sat", "talking", "speaking", "talk", "speak":
			// "talked with", "spoke to", "sat down with"
			if toks[j].Word() == "down" && j+1 < len(toks) {
				j++
			}
			if w := toks[j].Word(); w != "with" && w != "to" || j+1 >= len(toks) {
				continue
			}
			j++
		default:
			continue
		}
		who := toks[j].Word()
		if who != "him" && who != "her" && who != "them" && (name == "" || who != name) {
			continue
		}
		// Asked for time of their own: "I asked her for 30 minutes", "I
		// invited him for coffee".
		if k := j + 1; k+1 < len(toks) && toks[k].Word() == "for" && toks[k].Sentence() == toks[i].Sentence() {
			if end, ok := meetingAsk(toks, k+1); ok {
				return span{i, end}, true
			}
		}
		// Offered the time itself: "I proposed him a coffee on 19
		// November", as a second-language writer puts it, "I offered her
		// a one-on-one". An offer of anything else is not a talk.
		if w := toks[v].Word(); w == "proposed" || w == "offered" {
			if k := j + 1; k < len(toks) && toks[k].Sentence() == toks[i].Sentence() {
				if end, ok := meetingAsk(toks, k); ok {
					return span{i, end}, true
				}
			}
			continue
		}
		// An attempt at a talk says how it was held in the note that
		// follows: "I already tried talking to him. 24 November,
		// one-to-one, 30 minutes booked."
		last := j + 7
		if attempt {
			last = j + 20
		}
		for k := j + 1; k < len(toks) && k <= last && (toks[k].Sentence() == toks[i].Sentence() || attempt && toks[k].Sentence() == toks[i].Sentence()+1); k++ {
			// The span ends at the marker in the same sentence, at the
			// person when the marker is in the next.
			end := func(m int) int {
				if toks[m].Sentence() == toks[i].Sentence() {
					return m
				}
				return j
			}
			switch toks[k].Word() {
			case "directly", "outright", "straight", "privately", "face", "openly", "bluntly", "frankly":
				return span{i, end(k)}, true
			case "one", "1":
				if k+2 < len(toks) && (toks[k+1].Word() == "on" || toks[k+1].Word() == "to") && (toks[k+2].Word() == "one" || toks[k+2].Word() == "1") {
					return span{i, end(k + 2)}, true
				}
			}
		}
	}
	return span{}, false
}

// notStarted reports whether the user says they have not started in the
// role yet ("I start as VP Marketing on December 8", "I just accepted the
// offer"): there is no working relationship to have gone wrong, so the
// case is proactive whatever the words about the past suggest. Over 35
// authors every situation that says so (54 of 54) is labelled proactive.
func notStarted(s *playbook.Scan) bool {
	for h := range s.Each("fact", "not_started=yes") {
		if !h.Counts() || s.Tokens[h.First].Quoted() {
			continue
		}
		// Patterns match stems, so "I started as" matches "i start as":
		// a verb in the past says the user has started, unless denied
		// ("I haven't started").
		past, denied := false, false
		for k := h.First; k <= h.Last; k++ {
			switch s.Tokens[k].Word() {
			case "started", "joined", "began", "begun":
				past = true
			case "not", "haven't", "havent":
				denied = true
			case "accept": // "should I accept the role" is weighed, not done
				past = true
			}
		}
		// "I join one year ago", as a second-language writer puts it.
		for k := int(h.Last) + 1; k < len(s.Tokens) && k <= int(h.Last)+6 && s.Tokens[k].Clause() == s.Tokens[h.Last].Clause(); k++ {
			if s.Tokens[k].Word() == "ago" {
				past = true
			}
		}
		if !past || denied {
			return true
		}
	}
	return false
}

// meetingAsk reports whether the words at token k name time set aside
// with someone ("30 minutes", "an hour", "coffee", "a one on one"), and
// the token they end on.
func meetingAsk(toks []match.Token, k int) (int, bool) {
	switch toks[k].Word() {
	case "coffee", "lunch", "breakfast", "dinner", "drinks", "time":
		return k, true
	case "a", "an", "half":
		if k+1 < len(toks) {
			switch toks[k+1].Word() {
			case "coffee", "lunch", "drink", "hour", "meeting", "call", "chat", "walk":
				return k + 1, true
			case "one", "1":
				return min(k+3, len(toks)-1), true
			}
		}
	}
	if toks[k].Stem() == "#num" && k+1 < len(toks) {
		switch toks[k+1].Word() {
		case "minutes", "min", "mins", "hour", "hours":
			return k + 1, true
		}
	}
	return 0, false
}

func pick(given string, read func() string) string {
	if given != "" && given != align.Unknown {
		return given
	}
	return read()
}

func addOnce(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// vote counts the weighted evidence for each value of a fact; a negated
// signal counts for its flip value, if it has one.
func vote(s *playbook.Scan, fact string, f *align.Facts) string {
	w := map[string]float64{}
	for h := range s.Each("fact", "") {
		key := h.Signal.Key()
		if !strings.HasPrefix(key, fact+"=") {
			continue
		}
		val := strings.TrimPrefix(key, fact+"=")
		switch {
		case h.Intent:
			continue
		case h.Negated && !h.Signal.Keep:
			if h.Signal.Flip == "" {
				continue
			}
			val = h.Signal.Flip
		}
		w[val] += h.Signal.Weight
		f.Evidence[fact] = append(f.Evidence[fact], s.Evidence(h))
	}
	return best(w)
}

func best(w map[string]float64) string {
	bestV, bestW := align.Unknown, 0.0
	keys := make([]string, 0, len(w))
	for k := range w {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if w[k] > bestW {
			bestV, bestW = k, w[k]
		}
	}
	return bestV
}

// tenure reads whether the user is new: words like "I start" or "first
// week as", and measures like "four months in" compared with the
// playbook's threshold.
func tenure(pb *playbook.Playbook, s *playbook.Scan, f *align.Facts) string {
	w := map[string]float64{}
	for h := range s.Each("fact", "") {
		key := h.Signal.Key()
		if !strings.HasPrefix(key, "tenure=") || !h.Counts() {
			continue
		}
		val := strings.TrimPrefix(key, "tenure=")
		if val == "start" {
			continue // a start needs today's date; measuredTenure reads it
		}
		if h.Signal.Measure {
			m, ok := months(s.Tokens[int(h.First) : int(h.Last)+1])
			if !ok {
				continue
			}
			val = align.TenureEstablished
			if m < pb.Diagnosis.NewMonths {
				val = align.TenureNew
			}
		}
		w[val] += h.Signal.Weight
		f.Evidence["tenure"] = append(f.Evidence["tenure"], s.Evidence(h))
	}
	return best(w)
}

// measuredTenure reads the user's tenure from the measures alone ("three
// years in", "I joined eight months ago") and from a start the user names
// for it ("I joined in March", "here since 2023"), measured to today; both
// are compared with the playbook's new_months. ok is false when the text
// measures no tenure or its measures disagree; ev holds the measures'
// evidence. A measure in a sentence about someone else (actors), or right
// after a third person ("he's been here 22 years", "Tom has been here"),
// is theirs, not the user's. A zero today reads no start.
func measuredTenure(pb *playbook.Playbook, s *playbook.Scan, actor actorList, today time.Time) (val string, ev []align.Evidence, ok bool) {
	for h := range s.Each("fact", "") {
		var m float64
		var good bool
		switch h.Signal.Key() {
		case "tenure=measure":
			if !h.Counts() || !usersMeasure(s.Tokens, int(h.First), actor) && !saysI(s.Tokens[int(h.First):int(h.Last)+1]) {
				continue
			}
			m, good = months(s.Tokens[int(h.First) : int(h.Last)+1])
		case "tenure=start":
			if today.IsZero() || !h.Counts() || !usersStart(s, h, actor) {
				continue
			}
			m, good = monthsSince(s.Tokens[int(h.First):int(h.Last)+1], today, pb.Diagnosis.NewMonths)
		}
		if !good {
			continue
		}
		v := align.TenureEstablished
		if m < pb.Diagnosis.NewMonths {
			v = align.TenureNew
		}
		if val != "" && v != val {
			return "", nil, false
		}
		val = v
		ev = append(ev, s.Evidence(h))
	}
	return val, ev, val != ""
}

// saysI reports whether the words are the user's own ("18 months I've
// been here"), whoever the sentence is about.
func saysI(toks []match.Token) bool {
	for _, t := range toks {
		if w := t.Word(); w == "i" || w == "ive" || w == "im" {
			return true
		}
	}
	return false
}

// usersStart reports whether a start ("joined in March", "here since
// 2023") is the user's: it opens with "I", or its sentence is about no
// one else and it follows a clause break or the user's own words ("I've
// been here since"), not a third person ("Tom joined in March", "he has
// been here since 2019").
func usersStart(s *playbook.Scan, h playbook.Hit, actor actorList) bool {
	toks := s.Tokens
	i := int(h.First)
	switch toks[i].Word() {
	case "i", "im", "ive":
		return true
	}
	if a := actor[toks[i].Sentence()]; a == actorLeader || a == actorOther {
		return false
	}
	if i == 0 || toks[i-1].Sentence() != toks[i].Sentence() {
		return true
	}
	if between := s.Text[toks[i-1].End():toks[i].Start()]; strings.ContainsAny(between, ",;:(") {
		return true
	}
	if !usersMeasure(toks, i, actor) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-3 && toks[k].Sentence() == toks[i].Sentence(); k-- {
		switch toks[k].Word() {
		case "i", "ive", "im":
			return true
		}
	}
	return false
}

// monthsSince reads the start at the end of a hit as the months from it
// to today: a year ("since 2023") counts from its December, so it is read
// only when even that is at least newMonths; a month after "last" ("I
// joined last March") is read as a year ago, as the corpus's authors label
// it whatever the month. A month alone ("I joined in March", "on 3
// November", "on November 3") is within the last year, read as the
// user's first months, and today's own month as a year ago: the corpus
// labels 69 of 74 such starts new, January and February among them.
// ok is false for anything else, a year after today's included.
func monthsSince(toks []match.Token, today time.Time, newMonths float64) (float64, bool) {
	n := len(toks)
	if mo, ok := monthNumbers[toks[n-1].Word()]; ok {
		if n > 1 && toks[n-2].Word() == "last" {
			return 12, true
		}
		return sinceMonth(mo, today), true
	}
	if d, ok := match.Number(toks[n-1]); ok && n > 1 && d >= 1 && d <= 31 && d == math.Trunc(d) {
		if mo, ok := monthNumbers[toks[n-2].Word()]; ok {
			return sinceMonth(mo, today), true
		}
	}
	y, ok := match.Number(toks[n-1])
	if !ok || y != math.Trunc(y) || y < 1950 || int(y) > today.Year() {
		return 0, false
	}
	// A month with its year ("March 2025", "8 September 2026", "May 3,
	// 2024") is exact: whole months to today, read either way.
	for _, k := range []int{n - 2, n - 3} {
		if k < 0 {
			break
		}
		if _, day := match.Number(toks[n-2]); k == n-3 && !day {
			break
		}
		if mo, ok := monthNumbers[toks[k].Word()]; ok {
			m := float64((today.Year()-int(y))*12 + int(today.Month()) - mo)
			return m, m >= 0
		}
	}
	least := float64((today.Year()-int(y))*12 + int(today.Month()) - 12)
	if least < newMonths {
		return 0, false
	}
	return least, true
}

// sinceMonth reads a start given as a month alone: 0 (the user's first
// months) for any month but today's, 12 for today's.
func sinceMonth(mo int, today time.Time) float64 {
	if mo == int(today.Month()) {
		return 12
	}
	return 0
}

// monthNumbers maps a month's name and its short forms to its number.
var monthNumbers = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12,
}

// usersMeasure reports whether the measure starting at token i is the
// user's: its sentence is not about the sales leader or a third person,
// and the two words before it are not a third person's ("he is", "Tom
// has").
func usersMeasure(toks []match.Token, i int, actor actorList) bool {
	if a := actor[toks[i].Sentence()]; a == actorLeader || a == actorOther {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-2 && toks[k].Sentence() == toks[i].Sentence(); k-- {
		switch w := toks[k].Word(); w {
		case "i", "we":
			return true
		case "he", "she", "they", "has", "is":
			return false
		default:
			if toks[k].Capital() {
				return false
			}
		}
	}
	return true
}

// startNamed reports whether the text names when the dispute started: a
// month, a season, the user's arrival or an event after "since" (the
// playbook's f-duration-since).
func startNamed(s *playbook.Scan) bool {
	for h := range s.Each("fact", "duration=given") {
		if h.Signal.ID == "f-duration-since" && h.Counts() {
			return true
		}
	}
	return false
}

// sizeNamed reports whether the text says the company's size or stage
// outright ("90 staff", "Series B", "$40m ARR"; the playbook's
// f-context-size), which gives the context: FORMAT.md counts headcount as
// stage. A count under six ("a two-person team", "one person") is a team,
// not the company.
func sizeNamed(s *playbook.Scan) bool {
	for h := range s.Each("fact", "context=given") {
		if h.Signal.ID != "f-context-size" || !h.Counts() {
			continue
		}
		if n, ok := countAt(s.Tokens[h.First]); ok && n >= 1 && n < 6 { // "1,000" ends in "000"
			continue
		}
		return true
	}
	return false
}

// countAt reads a token as a count, in digits or words ("40", "forty").
func countAt(t match.Token) (float64, bool) {
	if n, ok := match.Number(t); ok {
		return n, true
	}
	n, ok := countWords[t.Word()]
	return n, ok
}

var countWords = map[string]float64{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// durationPhrase is the words of a duration hit up to its unit of time:
// "first week he told" reads "first week", "three months ago" stays whole.
// A hit with no unit ("since then") is kept as it is.
func durationPhrase(s *playbook.Scan, h playbook.Hit) string {
	end := int(h.End)
	for k := int(h.Last); k > int(h.First); k-- {
		if _, ok := unitMonths[s.Tokens[k].Word()]; ok {
			if k < int(h.Last) && s.Tokens[k+1].Word() == "ago" {
				k++
			}
			end = s.Tokens[k].End()
			break
		}
	}
	return s.Text[int(h.Start):end]
}

var unitMonths = map[string]float64{
	"day": 1.0 / 30, "days": 1.0 / 30, "week": 12.0 / 52, "weeks": 12.0 / 52,
	"month": 1, "months": 1, "quarter": 3, "quarters": 3, "year": 12, "years": 12,
}

var ordinals = map[string]float64{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}

// months reads a span like "four months", "a year" or "my second year"
// as a number of months.
func months(toks []match.Token) (float64, bool) {
	n, unit := math.NaN(), 0.0
	ordinal := false
	for i, t := range toks {
		if v, ok := match.Number(t); ok && math.IsNaN(n) {
			n = v
			continue
		}
		switch t.Word() {
		case "a", "an":
			if math.IsNaN(n) {
				n = 1
			}
		case "few", "several":
			if math.IsNaN(n) {
				n = 3
			}
		case "couple":
			if math.IsNaN(n) {
				n = 2
			}
		case "half":
			if math.IsNaN(n) {
				n = 0.5
			} else if i >= 2 && toks[i-1].Word() == "a" && toks[i-2].Word() == "and" {
				// "a year and a half", "one and a half years".
				n += 0.5
			}
		}
		if o, ok := ordinals[t.Word()]; ok && math.IsNaN(n) {
			n, ordinal = o, true
		}
		if u, ok := unitMonths[t.Word()]; ok {
			unit = u
		}
	}
	if math.IsNaN(n) || unit == 0 {
		return 0, false
	}
	if ordinal {
		// "my second year" means at least one full year.
		n--
	}
	return n * unit, true
}

func overlaps(h playbook.Hit, others []playbook.Hit) bool {
	for _, o := range others {
		if int(h.First) <= int(o.Last) && int(o.First) <= int(h.Last) {
			return true
		}
	}
	return false
}

// leaderTitles are the places the text names a sales leader's title.
func leaderTitles(s *playbook.Scan) []playbook.Hit {
	var titles []playbook.Hit
	for h := range s.Each("route", "counterpart") {
		if h.Signal.ID == "r-sales-leader" {
			titles = append(titles, h)
		}
	}
	return titles
}

// othersIntent reports whether the intent that makes hit h a move
// considered is someone else's: the intent phrase nearest before it in its
// sentence ("planning to", "wants to") has he, she or they as its subject
// ("I'm fairly sure she's planning to take it to our CEO herself").
func othersIntent(s *playbook.Scan, h playbook.Hit) bool {
	toks := s.Tokens
	sent := toks[h.First].Sentence()
	at := -1
	for _, m := range s.ModHits("intent") {
		if int(m.Last) > int(h.Last) {
			break
		}
		if toks[m.First].Sentence() == sent {
			at = int(m.First)
		}
	}
	for k := at - 1; at > 0 && k >= 0 && k >= at-2 && toks[k].Sentence() == sent; k-- {
		switch toks[k].Word() {
		case "is", "was", "s", "'s", "are", "were", "also", "still", "now", "really":
			continue
		case "he", "she", "they", "he's", "she's", "they're":
			return true
		}
		return false
	}
	return false
}
