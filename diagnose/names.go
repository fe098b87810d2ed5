package diagnose

import (
	_ "embed"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/match"
	"github.com/align-coach/align/playbook"
)

// names finds the sales leader's name and title, the pronoun for them,
// named reps, deals and programs, and the sales leader's quoted words.
func names(pb *playbook.Playbook, s *playbook.Scan, f *align.Facts) {
	nl := nameListsOf(pb)
	not, joiners := nl.not, nl.joiners
	toks := s.Tokens
	lower := lowerCaseText(s.Text)
	common := commonHere(s, lower)
	// How often each word is used matters only in a text written in
	// lower case.
	var counts map[string]int
	if lower {
		counts = make(map[string]int, len(toks)/2)
		for _, t := range toks {
			counts[t.Word()]++
		}
	}
	isName := func(i int) bool {
		if i < 0 || i >= len(toks) {
			return false
		}
		t := toks[i]
		if not[t.Word()] || len(t.Word()) < 2 || !isAlpha(t.Word()) {
			return false
		}
		if t.Capital() {
			return true
		}
		// A lower-case word counts as a name when the user writes
		// everything in lower case and uses it more than once, and the
		// corpus's writers do not use it as a common word ("our sales
		// director kevin").
		return lower && counts[t.Word()] > 1 && !common(t.Word())
	}

	// Joined to the title before it ("priya, head of sales", "ben
	// (CRO)") one use is enough: the comma or bracket says a person is
	// named. After a title a verb may follow ("the CRO shrug"), so there
	// the word must be used twice.
	besideTitle := func(i int) bool {
		if isName(i) {
			return true
		}
		if i < 0 || i >= len(toks) {
			return false
		}
		w := toks[i].Word()
		if not[w] || len(w) < 2 || !isAlpha(w) || common(w) {
			return false
		}
		if lower {
			return true
		}
		// In a text that capitalises, a name typed in lower case beside
		// a title ("our regional VP sales (karim)", "our head of sales
		// declan is lovely") counts when the writer types it that way
		// again, or in brackets: one writer's habit, not a common word.
		if len(w) < 3 || toks[i].Capital() || toks[i].Quoted() {
			return false
		}
		if st := toks[i].Start(); st > 0 && s.Text[st-1] == '(' {
			return true
		}
		n := 0
		for _, t := range toks {
			if t.Word() == w {
				n++
			}
		}
		return n > 1
	}

	var titles []playbook.Hit
	for h := range s.Each("route", "counterpart") {
		if h.Signal.ID == "r-sales-leader" {
			titles = append(titles, h)
		}
	}
	// A former sales leader ("our previous sales director") is not the
	// one the user works with now: prefer any other title.
	former := func(h playbook.Hit) bool {
		for k := int(h.First) - 1; k >= 0 && k >= int(h.First)-3 && toks[k].Sentence() == toks[h.First].Sentence(); k-- {
			switch toks[k].Word() {
			case "previous", "former", "old", "ex", "last", "outgoing", "departed":
				return true
			}
		}
		return false
	}
	sort.SliceStable(titles, func(i, j int) bool { return !former(titles[i]) && former(titles[j]) })
	at := -1
	// A name may open a sentence ("Ray is our SVP of Sales") when it
	// stands where only a name can: before a comma or "is" that leads to
	// the title.
	initial := func(i int) bool {
		if i < 0 || i >= len(toks) || isName(i) {
			return isName(i)
		}
		t := toks[i]
		if not[t.Word()] || len(t.Word()) < 2 || !isAlpha(t.Word()) || t.Quoted() {
			return false
		}
		return (i == 0 || toks[i-1].Sentence() != t.Sentence()) && unicode.IsUpper(rune(s.Text[t.Start()]))
	}
	// Two named people with sales titles ("I report to Sofia, head of
	// business development, and she reports to Álvaro, our Chief
	// Commercial Officer"): the sales leader is the one the text is
	// about, the name used most; on a tie, the more senior title (the
	// playbook's sales leader is the VP of Sales or CRO), then the first
	// named.
	type named = candidate
	var cands []named
	for _, h := range titles {
		// A former sales leader's name is never the current one's.
		if former(h) {
			continue
		}
		if k, ok := nameAt(s, h, isName, func(i int) bool { return besideTitle(i) || initial(i) }, joiners, common); ok {
			cands = append(cands, named{nameText(s, k), titleText(s, h), int(h.Last)})
		}
	}
	// "Cyrus Lamb runs inside sales (about 30 reps) and reports to our
	// CRO, Hugo": someone who runs a sales team without a title is a
	// candidate too, so that the one who reports to the other is found.
	if len(cands) > 0 {
		cands = append(cands, salesRunners(s, nl.runs, isName)...)
	}
	// "Sales is run by his co-founder, Uwe" names the sales leader
	// outright, with or without a title elsewhere.
	cands = append(cands, salesRunBy(s, nl.runBy, isName)...)
	// "Hennie's sales team is paid on closed revenue": whoever owns the
	// sales team leads it, when no title names anyone.
	if len(cands) == 0 {
		cands = append(cands, salesOwners(s, isName)...)
	}
	if len(cands) == 0 {
		for _, h := range titles {
			if former(h) {
				continue
			}
			if k, ok := nameNext(s, h, initial, common); ok {
				cands = append(cands, named{nameText(s, k), titleText(s, h), int(h.Last)})
			}
			break
		}
	}
	if len(cands) > 0 {
		pick := cands[0]
		// "the person im struggling with is Callum Heston": the user
		// says whom the trouble is with, which settles it.
		struggle, said := struggledWith(s, toks, cands, func(c named) string { return c.name })
		if said {
			pick = struggle
		} else if under, ok := reportsUnder(s.Text, toks, cands, func(c named) string { return c.name }); ok {
			// "rick dolan is SVP health systems sales, reports to mitch
			// carver (CRO)", the user reporting to someone else: the
			// sales leader the user deals with is the one who reports,
			// and the one above is the escalation path.
			pick, said = under, true
		}
		// Counting uses costs a pass over the text: only two different
		// names need it.
		if !said && slices.ContainsFunc(cands, func(c named) bool { return c.name != pick.name }) {
			names := make([]string, len(cands))
			for i, c := range cands {
				names[i] = c.name
			}
			uses := nameRefs(s.Text, toks, names)
			best, rank := uses[pick.name], seniority(pick.title)
			for _, c := range cands[1:] {
				if n, r := uses[c.name], seniority(c.title); n > best || n == best && r > rank {
					pick, best, rank = c, n, r
				}
			}
		}
		f.Leader = align.Person{Name: pick.name, Title: pick.title}
		at = pick.last
	}
	if f.Leader.Name == "" {
		f.Leader.Name = mostNamed(s, initial, not, len(titles) == 0, lower)
	}
	if f.Leader.Title == "" && len(titles) > 0 {
		f.Leader.Title = titleText(s, titles[0])
		at = int(titles[0].Last)
	}
	// otherName holds for a token that names someone other than the
	// sales leader: upper case, then lower (a name, not an acronym such
	// as "BD" or "CRO"), or, in a text written in lower case, a word used
	// more than once that the corpus never writes in lower case ("aoife
	// says").
	otherName := func(k int) bool {
		t := toks[k]
		w := t.Word()
		if t.Quoted() || len(w) < 2 || !isAlpha(w) || not[w] || common(w) {
			return false
		}
		if f.Leader.Name != "" && strings.Contains(strings.ToLower(f.Leader.Name), w) {
			return false
		}
		if t.Start()+1 < len(s.Text) && unicode.IsUpper(rune(s.Text[t.Start()])) && unicode.IsLower(rune(s.Text[t.Start()+1])) {
			return true
		}
		return lower && counts[w] > 1
	}
	var near bool
	f.Pronoun, near = pronounAfter(s.Text, toks, at, otherName, f.Leader.Name)
	// With no pronoun of theirs right after the title, a named sales
	// leader's pronoun is the one used while they are the person last
	// named: "Anneke says she'll raise it. She won't." is Anneke's, not
	// the sales leader's.
	none := false
	if !near && f.Leader.Name != "" {
		f.Pronoun = pronounOfNamed(s.Text, toks, f.Leader.Name, otherName)
		if none = f.Pronoun == ""; none {
			f.Pronoun = "they"
		}
	}
	// A text typed in lower case names everyone the same way, so the
	// sales leader is often "left" for someone else before their
	// pronoun comes; and a text may name someone else in passing ("both
	// report to the ceo Halvard Nygaard") just before it goes on about
	// the sales leader as "he". There, a text that uses one pronoun far
	// more than the other (three or more, and over twice the other plus
	// one) is taken to use it of the sales leader, whom it is about.
	if f.Pronoun == "they" && f.Leader.Name != "" && (lower || none) {
		he, she := pronounCounts(toks, nil)
		switch {
		case he >= 3 && he > 2*she+1:
			f.Pronoun = "he"
		case she >= 3 && she > 2*he+1:
			f.Pronoun = "she"
		}
	}

	for i, t := range toks {
		// The cheap tests first: isName looks the word up.
		// "the Acme deal"; not "Greg's win", the sales leader's own
		// claim, which names a person, not an account.
		if t.Capital() && i+1 < len(toks) && inList(toks[i+1].Word(), pb.Names.DealNouns) && isName(i) && !strings.HasPrefix(s.Text[t.End():], "'") && !strings.HasPrefix(s.Text[t.End():], "\u2019") && !sameFirst(word(s, i), f.Leader.Name) {
			f.Deals = addOnce(f.Deals, "the "+word(s, i)+" "+toks[i+1].Word())
		}
	}
	repWords := nl.repWords
	for i := range toks {
		if (nl.repFirsts != nil && !nl.repFirsts[toks[i].Word()]) || !repWord(toks, i, repWords) {
			continue
		}
		j := i + 1
		if j < len(toks) && (joiners[toks[j].Word()]) {
			j++
		}
		// "changed to \"AE Sourced\"": a label in quotation marks, or a
		// word the corpus writes in lower case, is not a rep's name.
		if isName(j) && toks[j].Capital() && !toks[j].Quoted() && !common(toks[j].Word()) && word(s, j) != f.Leader.Name {
			f.Reps = addOnce(f.Reps, word(s, j))
		}
	}
	programs(pb, s, f)
	quotes(s, f, nl.saidNouns)
}

//go:generate go run ./internal/commongen

// common is diagnose/common.txt, written by commongen from the corpus.
//
//go:embed common.txt
var common string

// commonWords are the words the corpus's writers use in lower case
// inside a sentence (three authors or more): never names. common.txt is
// sorted (CommonWords sorts it), so a lookup is a binary search over its
// lines, with nothing built at start: a map of its 4,600 words took
// about a millisecond of a cold command.
var commonWords = sync.OnceValue(func() []string {
	return strings.Split(strings.TrimSuffix(common, "\n"), "\n")
})

// commonHere is isCommon for one text: a common word that the text
// writes with a capital inside a sentence, and never in lower case, is a
// name here ("Grant Mabry is SVP Sales ... I had not walked Grant
// through it"). A text typed in lower case has no such evidence.
func commonHere(s *playbook.Scan, lower bool) func(string) bool {
	if lower {
		return isCommon
	}
	var capMid, lowered map[string]bool
	return func(w string) bool {
		if !isCommon(w) {
			return false
		}
		if capMid == nil {
			// Capitals first: they are few, so few words are looked up,
			// and only their lower-case uses are then of interest.
			capMid, lowered = map[string]bool{}, map[string]bool{}
			toks := s.Tokens
			mid := func(i int) bool { return i > 0 && toks[i-1].Sentence() == toks[i].Sentence() && !toks[i].Quoted() }
			for i, t := range toks {
				if t.Capital() && mid(i) && isCommon(t.Word()) {
					capMid[t.Word()] = true
				}
			}
			for i, t := range toks {
				if len(capMid) > 0 && !t.Capital() && mid(i) && capMid[t.Word()] {
					lowered[t.Word()] = true
				}
			}
		}
		return !capMid[w] || lowered[w]
	}
}

// isCommon reports whether w is one of commonWords.
func isCommon(w string) bool {
	_, ok := slices.BinarySearch(commonWords(), w)
	return ok
}

// minAuthors is how many authors must write a word in lower case for it
// to count as common: a name one writer types in lower case stays out.
const minAuthors = 3

// CommonWords lists, sorted, the words the corpus's writers use in lower
// case inside a sentence, in texts that otherwise capitalise names, by at
// least minAuthors authors: the content of common.txt.
func CommonWords(set corpus.Set) []string {
	authors := map[string]map[string]bool{}
	add := func(author, text string) {
		toks := match.Tokenize(text)
		capitals := 0
		for _, t := range toks {
			if t.Capital() {
				capitals++
			}
		}
		// A text in lower case throughout writes its names that way too.
		if capitals < 2 {
			return
		}
		for i, t := range toks {
			if i == 0 || toks[i-1].Sentence() != t.Sentence() || t.Quoted() || t.Start() >= len(text) || !unicode.IsLower(rune(text[t.Start()])) {
				continue
			}
			if authors[t.Word()] == nil {
				authors[t.Word()] = map[string]bool{}
			}
			authors[t.Word()][author] = true
		}
	}
	for _, c := range set.Cases {
		add(c.Author, c.Message)
	}
	for _, r := range set.Routing {
		add(r.Author, r.Message)
	}
	var words []string
	for w, a := range authors {
		if len(a) >= minAuthors {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	return words
}

// nameLists are the playbook's word lists names reads, as sets and split
// phrases: made once per playbook (making them for every text was a
// fifth of reading the names).
type nameLists struct {
	not, joiners, bossMentions map[string]bool
	repWords                   [][]string
	programNouns               [][]string
	// programBare are program nouns that take no name before them.
	programBare map[string]bool
	// programFirsts are the words a program noun can start with (and
	// their plurals), so most tokens are passed over with one lookup.
	programFirsts map[string]bool
	// programLast are the words a program noun can end with.
	programLast map[string]bool
	// repFirsts are the words a rep word can start with; nil when a rep
	// word is empty (it matches anywhere).
	repFirsts map[string]bool
	// acts are the verbs that make a sentence an act (playbook
	// names.act_verbs).
	acts map[string]bool
	// rules are the words a lead rule is made of (playbook
	// names.rule_words).
	rules map[string]bool
	// above are the words that name someone an escalation goes to
	// (playbook names.above_words).
	above map[string]bool
	// written and talk tell a message sent from a conversation held
	// (playbook names.written_words, names.talk_words).
	written, talk map[string]bool
	// changes tell a lead rule changed, not only built (playbook
	// names.change_verbs).
	changes map[string]bool
	// beliefs are the verbs that report someone else's belief (playbook
	// names.belief_verbs).
	beliefs map[string]bool
	// runs are the verbs that make a named person the head of a sales
	// team (playbook names.run_verbs).
	runs map[string]bool
	// runBy are the same verbs in the passive (playbook
	// names.run_passive).
	runBy map[string]bool
	// saidNouns name what someone said ("his words", "her line"), from
	// the sheet data (sheet.said_nouns).
	saidNouns map[string]bool
}

var nameListsCache sync.Map // *playbook.Playbook -> *nameLists

func nameListsOf(pb *playbook.Playbook) *nameLists {
	if nl, ok := nameListsCache.Load(pb); ok {
		return nl.(*nameLists)
	}
	nl := &nameLists{
		not: set(pb.Names.NotNames), joiners: set(pb.Names.Joiners), bossMentions: set(pb.Names.BossMentions),
		repWords: splitAll(pb.Names.RepWords), programNouns: splitAll(pb.Names.ProgramNouns),
		programBare: set(pb.Names.ProgramBare), acts: set(pb.Names.ActVerbs), rules: set(pb.Names.RuleWords), above: set(pb.Names.AboveWords), written: set(pb.Names.WrittenWords), talk: set(pb.Names.TalkWords), changes: set(pb.Names.ChangeVerbs),
		beliefs:   set(pb.Names.BeliefVerbs),
		runs:      set(pb.Names.RunVerbs),
		runBy:     set(pb.Names.RunPassive),
		saidNouns: set(pb.Sheet.SaidNouns),
	}
	nl.programFirsts = make(map[string]bool, 2*len(nl.programNouns))
	nl.programLast = make(map[string]bool, 2*len(nl.programNouns))
	for _, words := range nl.programNouns {
		if len(words) > 0 {
			nl.programFirsts[words[0]] = true
			nl.programFirsts[words[0]+"s"] = true
			nl.programLast[words[len(words)-1]] = true
			nl.programLast[words[len(words)-1]+"s"] = true
		}
	}
	nl.repFirsts = map[string]bool{}
	for _, words := range nl.repWords {
		if len(words) == 0 {
			nl.repFirsts = nil
			break
		}
		nl.repFirsts[words[0]] = true
	}
	v, _ := nameListsCache.LoadOrStore(pb, nl)
	return v.(*nameLists)
}

// execWords mark a name as leadership's or the user's manager's ("Niamh,
// our CEO"), not the sales leader's, when they stand beside it.
var execWords = map[string]bool{
	"ceo": true, "coo": true, "cfo": true, "cmo": true, "cto": true, "md": true, "president": true, "chairman": true,
	"chair": true, "boss": true, "manager": true, "hr": true, "investor": true, "investors": true, "recruiter": true,
}

// mostNamed is the sales leader's name when no title stands beside it:
// the name the user mentions most, at least twice, leaving out anyone
// named beside a leadership title. When the text names no sales title
// at all, the founder or chief executive who sells may be the one
// ("The founder, Julian, does all the selling himself"), so leadership's
// names count then. Returns "" when no name is mentioned twice.
func mostNamed(s *playbook.Scan, initial func(int) bool, not map[string]bool, noTitle, lower bool) string {
	toks := s.Tokens
	type tally struct {
		n, first int
		exec     bool
	}
	counts := map[string]*tally{}
	var order []string
	// A word the user also writes in lower case inside a sentence is a
	// common word that opened a sentence ("In", "Even"), not a name.
	lowerSeen := map[string]bool{}
	for i, t := range toks {
		if i > 0 && toks[i-1].Sentence() == t.Sentence() && t.Start() < len(s.Text) && unicode.IsLower(rune(s.Text[t.Start()])) {
			lowerSeen[t.Word()] = true
		}
	}
	for i, t := range toks {
		if t.Quoted() || !initial(i) || acronym(s, i) || honorifics[t.Word()] || !isAlpha(s.Text[t.Start():t.End()]) || (lowerSeen[t.Word()] && !lower) || capitals(s.Text[t.Start():t.End()]) > 1 {
			continue
		}
		// A name is one word here; a capitalised run ("Industry Week",
		// "Directeur Commercial") is a thing or a title. A run beside a
		// leadership title ("our CEO Ingrid Solvang") still marks its
		// first word as leadership's, for the uses of it alone.
		if i+1 < len(toks) && toks[i+1].Capital() && toks[i+1].Sentence() == t.Sentence() {
			if besideExec(toks, i) {
				w := word(s, i)
				if counts[w] == nil {
					counts[w] = &tally{first: i}
					order = append(order, w)
				}
				counts[w].exec = true
			}
			continue
		}
		// "in Hamburg", "from Japan": a place. "the Australian arm", "a
		// German maker": a word after an article qualifies a noun; a
		// person's name takes no article.
		if i > 0 && toks[i-1].Sentence() == t.Sentence() && (places[toks[i-1].Word()] || articles[toks[i-1].Word()]) {
			continue
		}
		// "Week 3", "Mar 12": a date or a heading.
		if i+1 < len(toks) && toks[i+1].Sentence() == t.Sentence() && isNumber(toks[i+1].Word()) {
			continue
		}
		if i > 0 && toks[i-1].Capital() && toks[i-1].Sentence() == t.Sentence() && !not[toks[i-1].Word()] && !honorifics[toks[i-1].Word()] {
			continue
		}
		w := word(s, i)
		c := counts[w]
		if c == nil {
			c = &tally{first: i}
			counts[w] = c
			order = append(order, w)
		}
		c.n++
		c.exec = c.exec || besideExec(toks, i)
	}
	best, bestN := "", 1
	for _, w := range order {
		c := counts[w]
		if c.exec && !noTitle {
			continue
		}
		if c.n > bestN {
			best, bestN = w, c.n
		}
	}
	// "Mr Furness has responded": the name as the user writes it, when
	// they mostly write it after an honorific.
	if best != "" {
		if form, n := honorificForm(s, strings.ToLower(best)); n > 0 && 2*n > bestN {
			return form
		}
	}
	return best
}

// besideExec reports whether the name at token i stands beside a
// leadership title, with only "our", "the", "my", "is" or "was" between:
// "Niamh, our CEO", "our CEO Niamh", "my manager, Sarah".
func besideExec(toks []match.Token, i int) bool {
	skip := map[string]bool{"our": true, "the": true, "my": true, "a": true, "is": true, "was": true}
	for _, step := range []int{-1, 1} {
		for k, n := i+step, 0; k >= 0 && k < len(toks) && n < 3 && toks[k].Sentence() == toks[i].Sentence(); k, n = k+step, n+1 {
			if execWords[toks[k].Word()] {
				return true
			}
			// "the general manager, Sr. Llorens": an honorific stands
			// between the title and the name.
			if !skip[toks[k].Word()] && !honorifics[toks[k].Word()] {
				break
			}
		}
	}
	return false
}

// articles never stand before a person's name.
var articles = map[string]bool{"the": true, "a": true, "an": true}

// places are the words before a place's name: "in Hamburg".
var places = map[string]bool{"in": true, "from": true, "across": true, "around": true, "outside": true, "inside": true, "near": true, "via": true}

// capitals counts the upper-case letters in w: "BDMs" and "ExCo" have
// more than a name does.
func capitals(w string) int {
	n := 0
	for _, r := range w {
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

func isNumber(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9'
}

// honorifics come before a surname: "Mr. Okafor", "Herr Brandt".
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "herr": true, "frau": true,
	"lic": true, "ing": true, "sr": true, "sra": true, "monsieur": true, "madame": true, "signor": true, "signora": true, "señor": true, "señora": true,
	// "Ma'am Carla", "Encik Faizal", "Pak Budi", "Dona Márcia".
	"maam": true, "ma'am": true, "encik": true, "cik": true, "puan": true, "pak": true, "bu": true, "ibu": true, "bapak": true,
	"don": true, "doña": true, "dona": true, "shri": true, "sri": true,
	// Professional titles used as address: "Eng. Armando Teixeira",
	// "Dott. Bianchi", "Arq. Ruiz", "Prof. Nowak", "Ir. de Vries".
	"eng": true, "arq": true, "prof": true, "dott": true, "dra": true, "ir": true, "mag": true, "dipl": true,
}

// nameParticles stand, in lower case, between a given name and a family
// name: "Riaan van Wyk", "Ana de la Cruz", "Ahmad bin Yusof". The name
// the user goes by is the given name before them, not the family name.
var nameParticles = map[string]bool{
	"van": true, "von": true, "de": true, "der": true, "den": true, "da": true, "das": true, "dos": true,
	"del": true, "della": true, "di": true, "du": true, "la": true, "le": true, "ter": true, "ten": true,
	"bin": true, "binti": true, "al": true, "el": true,
}

// titleVerbs open a sales title that says what someone does: "Kwame
// heads sales", "Beatriz runs field sales".
var titleVerbs = map[string]bool{"heads": true, "runs": true, "leads": true, "run": true}

// postHonorifics follow a name as a title of respect: "Murat Bey",
// "Ayşe Hanım", "Sharma ji". A plan keeps them, as the user writes them.
var postHonorifics = map[string]bool{"bey": true, "hanim": true, "hanım": true, "ji": true, "sahib": true, "san": true, "sir": true, "madam": true}

// copula joins a name to the title after it: "Ray is our SVP of Sales",
// "hired Lorraine as SVP of Sales",
// "Fiona whos Head of Sales".
var copula = map[string]bool{"is": true, "was": true, "whos": true, "who's": true, "as": true}

// leaderBetween are the words that may stand between "our" and a title
// in "Dana, our Midwest regional VP of sales": places, scopes, seniority.
const leaderBetween = 3

// nameAt finds the name that goes with a sales leader's title h, in its
// sentence, and returns its token (the honorific's, for "Mr. Okafor"):
//   - after it: "our VP of Sales, Daniel", "the head of sales is Priya",
//     "the CRO (Nadia)";
//   - before it, across a comma or a bracket: "Daniel, our VP of Sales",
//     "Dana, our Midwest regional VP of sales", "Lorraine (SVP Sales)";
//   - before it, across "is" or "who is": "Ray is our SVP of Sales",
//     "Fiona whos Head of Sales", and across a comma and a pronoun:
//     "Rodrigo, he is Commercial Director".
//
// isName holds for a capitalised word inside a sentence; initial also for
// one that opens a sentence, used only where the words around it leave
// no other reading.
func nameAt(s *playbook.Scan, h playbook.Hit, isName, initial func(int) bool, joiners map[string]bool, common func(string) bool) (int, bool) {
	toks := s.Tokens
	same := func(i int) bool {
		return i >= 0 && i < len(toks) && toks[i].Sentence() == toks[h.First].Sentence()
	}
	// joined reports whether a comma or a bracket stands between token i
	// and the next (tokens of one contraction share a span: no gap).
	joined := func(i int) bool {
		if i+1 >= len(toks) || toks[i].End() > toks[i+1].Start() {
			return false
		}
		return strings.ContainsAny(s.Text[toks[i].End():toks[i+1].Start()], ",(")
	}
	// After the title, on the same line and not across a colon: in
	// "Orla (Commercial Director): Can someone tell me" and "From: Viktor
	// Hahn, Chief Sales Officer / To: ...", the word after is the start of
	// what was said or the next header, not a name.
	j := int(h.Last) + 1
	// "VP Sales here is Tobias Renner", "our head of sales now is Ana".
	if w := toks[min(j, len(toks)-1)].Word(); same(j) && (w == "here" || w == "now" || w == "currently" || w == "today") && same(j+1) && joiners[toks[j+1].Word()] {
		j++
	}
	if same(j) && joiners[toks[j].Word()] {
		j++
	}
	if same(j) && (toks[j].Start() > toks[h.Last].End() && strings.ContainsAny(s.Text[toks[h.Last].End():toks[j].Start()], ":\n") ||
		toks[j].End() < len(s.Text) && s.Text[toks[j].End()] == ':') {
		j = -1
	}
	if same(j) && honorifics[toks[j].Word()] && isName(j+1) {
		return j, true
	}
	// "Head of Sales Iberia, Nuria", "VP Sales Central Europe, Henrik": a
	// place or a scope the name lists know (up to three capitalised
	// words) right after the title, then a comma or "is" and the name.
	// After "for" or "in" any capitalised words are the scope: "Head of
	// Sales for East Africa is Wambui".
	if j == int(h.Last)+1 {
		r := j
		prep := same(r) && (toks[r].Word() == "for" || places[toks[r].Word()])
		if prep {
			r++
		}
		n := 0
		for ; n < 3 && same(r) && toks[r].Capital() && (prep || !isName(r)); n++ {
			// "Head of Sales Operations, Matteo" runs the CRM: the title
			// names a function beside sales, not its leader.
			if w := toks[r].Word(); w == "operations" || w == "ops" || w == "enablement" {
				return 0, false
			}
			if joined(r) {
				break
			}
			r++
		}
		switch {
		case n > 0 && same(r) && joiners[toks[r].Word()] && same(r+1) && isName(r+1) && !acronym(s, r+1):
			return r + 1, true
		case same(r) && toks[r].Capital() && (prep || !isName(r)) && joined(r) && same(r+1) && isName(r+1) && !acronym(s, r+1):
			return r + 1, true
		}
	}
	// A word only the looser test takes ("our regional VP sales
	// (karim)") names someone when a bracket or a comma joins it to the
	// title, or in a text that capitalises (where that test asks for the
	// word twice or in brackets).
	if same(j) && !isName(j) && initial(j) && !acronym(s, j) && j == int(h.Last)+1 && (joined(int(h.Last)) || !lowerCaseText(s.Text)) && !toks[j].Capital() {
		return j, true
	}
	// "regional VP sales (karim)": the title's last word outside the
	// match, then the name in brackets.
	if same(j) && j == int(h.Last)+1 && (toks[j].Word() == "sales" || toks[j].Word() == "revenue") && same(j+1) && joined(j) && !toks[j+1].Capital() && initial(j+1) && !acronym(s, j+1) {
		return j + 1, true
	}
	if same(j) && isName(j) && !acronym(s, j) {
		// "Head of Sales Rhineland, Jonas": a place the name lists do not
		// know, then the name.
		if j == int(h.Last)+1 && joined(j) && same(j+1) && isName(j+1) && !acronym(s, j+1) {
			return j + 1, true
		}
		return j, true
	}
	// "Rasmus, one of the two founders, who does all the selling": a
	// title that opens a relative clause after a comma takes the name
	// that opens the appositive before it.
	if w := int(h.First) - 1; same(w) && toks[w].Word() == "who" && same(w-1) && joined(w-1) {
		for m := w - 1; m >= w-9 && same(m); m-- {
			if isName(m) && joined(m) && !acronym(s, m) {
				return m, true
			}
		}
	}
	// "Kwame heads sales": a title that is a verb takes its subject, a
	// name right before it ("who" or one adverb between: "Beatriz, who
	// still runs field sales").
	if titleVerbs[toks[h.First].Word()] {
		k := int(h.First) - 1
		if same(k) && strings.HasSuffix(toks[k].Word(), "ly") || same(k) && (toks[k].Word() == "still" || toks[k].Word() == "now" || toks[k].Word() == "also") {
			k--
		}
		if same(k) && toks[k].Word() == "who" && same(k-1) && joined(k-1) {
			k--
		}
		if same(k) && initial(k) && !acronym(s, k) && !common(toks[k].Word()) {
			return familyFirst(s, k, isName, initial, common), true
		}
	}
	// Before it: skip the determiner and a few words that qualify the
	// title, then a comma, a bracket, "is" or "who is" must join them.
	k := int(h.First) - 1
	// "Odile was quietly made BD manager", "Kasimir got promoted to head
	// of sales": an appointment before the title, then its copula.
	if same(k) && (toks[k].Word() == "the" || toks[k].Word() == "our") {
		k--
	}
	if same(k) && toks[k].Word() == "to" && same(k-1) && toks[k-1].Word() == "promoted" {
		k--
	}
	if same(k) && appointWords[toks[k].Word()] {
		m := k - 1
		if same(m) && (strings.HasSuffix(toks[m].Word(), "ly") || toks[m].Word() == "just" || toks[m].Word() == "now") {
			m--
		}
		if same(m) && (toks[m].Word() == "was" || toks[m].Word() == "is" || toks[m].Word() == "got" || toks[m].Word() == "been") {
			if same(m-1) && toks[m-1].Word() == "has" || same(m-1) && toks[m-1].Word() == "had" {
				m--
			}
			if same(m-1) && isName(m-1) && !acronym(s, m-1) {
				return m - 1, true
			}
		}
	}
	k = int(h.First) - 1
	for n := 0; same(k) && n <= leaderBetween; n++ {
		w := toks[k].Word()
		if w == "our" || w == "the" || w == "my" || w == "their" || w == "a" {
			k--
			break
		}
		if copula[w] || toks[k].Quoted() || !isAlpha(w) || joined(k) {
			break
		}
		// Only words that qualify a title may stand between: "Midwest",
		// "regional"; not "who in practice runs sales".
		if !toks[k].Capital() && !titleWords[w] {
			// In an appositive, after a comma and a determiner, one or
			// two words name the title's scope: "Stavros, the freight
			// commercial director".
			if m, ok := appositiveOpen(s, k, same, joined); ok {
				k = m
				break
			}
			return 0, false
		}
		k--
	}
	if !same(k) {
		return 0, false
	}
	// "Fraser's our commercial director", "Lachlan's the GM Sales": the
	// name with "'s" for "is" before the determiner; "Padraig our sales
	// manager", spoken without the comma. A name right before "our" or
	// "the" and its title is taken only so, with nothing between.
	if d := k + 1; d < int(h.First) && (toks[d].Word() == "our" || toks[d].Word() == "the" || toks[d].Word() == "my") &&
		(isName(k) || initial(k) && !common(toks[k].Word())) && !acronym(s, k) && !honorifics[toks[k].Word()] &&
		(possessive(s.Text, toks[k]) || d+1 == int(h.First) && toks[d].Word() == "our" && toks[k].End()+1 == toks[d].Start()) {
		return familyFirst(s, k, isName, initial, common), true
	}
	if copula[toks[k].Word()] {
		as := toks[k].Word() == "as"
		k--
		// "Felix joined as CRO", "Ana was brought in as VP Sales",
		// "Tom took over as head of sales".
		for n := 0; as && n < 3 && same(k) && arrivalWords[toks[k].Word()]; n++ {
			k--
		}
		if same(k) && toks[k].Word() == "who" {
			k--
		}
		// "My boss is Rodrigo, he is Commercial Director": the name
		// before a comma and the pronoun that takes it up.
		if same(k) && same(k-1) && joined(k-1) {
			if w := toks[k].Word(); w == "he" || w == "she" || w == "they" {
				k--
			}
		}
	} else if !joined(k) {
		return 0, false
	}
	// "Murat Bey, our Sales Director": a title of respect after the name.
	if same(k) && same(k-1) && postHonorifics[toks[k].Word()] && initial(k-1) {
		k--
	}
	if !same(k) || !initial(k) || acronym(s, k) {
		return 0, false
	}
	if same(k-1) && honorifics[toks[k-1].Word()] {
		return k - 1, true
	}
	return familyFirst(s, k, isName, initial, common), true
}

// familyFirst steps back from the last word of a written name to its
// given name. "Deborah Hartigan, our Chief Commercial Officer": the plan
// calls her what the user calls her, by her first name. "Delia
// Fairweather is the CRO" opens its sentence with her first name: a
// capitalised word right before a name and a title. "Riaan van Wyk, our
// Sales Director" steps over the particles too (at most two: "Jan van
// der Berg").
func familyFirst(s *playbook.Scan, k int, isName, initial func(int) bool, common func(string) bool) int {
	toks := s.Tokens
	same := func(i int) bool { return i >= 0 && i < len(toks) && toks[i].Sentence() == toks[k].Sentence() }
	next := func(i int) bool { // tokens i and i+1 are written with one space between
		return toks[i].End()+1 == toks[i+1].Start() && s.Text[toks[i].End()] == ' '
	}
	m := k - 1
	for n := 0; n < 2 && same(m) && nameParticles[toks[m].Word()] && !toks[m].Capital() && next(m); n++ {
		m--
	}
	if m < k-1 && !(same(m) && next(m)) {
		return k
	}
	if same(m) && next(m) && (isName(m) || initial(m) && !common(toks[m].Word())) && !acronym(s, m) && !honorifics[toks[m].Word()] {
		return m
	}
	return k
}

// appositiveOpen reports whether token k is one of at most two plain
// words that follow a determiner which itself follows a comma ("Stavros,
// the freight commercial director"), and returns the token before that
// comma, where the name ends.
func appositiveOpen(s *playbook.Scan, k int, same, joined func(int) bool) (int, bool) {
	for m := k - 1; m >= k-2 && same(m); m-- {
		switch s.Tokens[m].Word() {
		case "the", "our", "my", "their":
			if same(m-1) && joined(m-1) {
				return m - 1, true
			}
			return 0, false
		}
		if !isAlpha(s.Tokens[m].Word()) || s.Tokens[m].Quoted() {
			return 0, false
		}
	}
	return 0, false
}

// nameNext finds the name that opens the sentence after a sales title
// whose own sentence names no one: "New CRO started Oct 19. Ruairi
// Castellano, career enterprise outbound guy, hired by our CEO". The name
// must stand where only a name can, before a surname or a comma, must not
// be a word the corpus writes in lower case ("Yesterday, he"), and must
// not sit beside a leadership title ("Ingrid, our CEO, agrees").
func nameNext(s *playbook.Scan, h playbook.Hit, initial func(int) bool, common func(string) bool) (int, bool) {
	toks := s.Tokens
	k := int(h.Last) + 1
	for k < len(toks) && toks[k].Sentence() == toks[h.First].Sentence() {
		k++
	}
	if k >= len(toks) || toks[k].Sentence() != toks[h.First].Sentence()+1 || toks[k].Quoted() {
		return 0, false
	}
	if !initial(k) || acronym(s, k) || common(toks[k].Word()) || honorifics[toks[k].Word()] {
		return 0, false
	}
	next := k + 1
	if next < len(toks) && toks[next].Sentence() == toks[k].Sentence() && toks[next].Capital() && !common(toks[next].Word()) {
		next++
	}
	// "..., Craig Dunn, came from ..." or the name a sentence of its
	// own, as notes give it ("New National Sales Director started 14
	// September. Craig Dunn. Came from a trade distributor.").
	if next >= len(toks) || toks[next-1].End() >= len(s.Text) {
		return 0, false
	}
	alone := s.Text[toks[next-1].End()] == '.' && (next == len(toks) || toks[next].Sentence() != toks[k].Sentence())
	if s.Text[toks[next-1].End()] != ',' && !alone {
		return 0, false
	}
	if besideExec(toks, k) || besideExec(toks, next-1) {
		return 0, false
	}
	return k, true
}

// arrivalWords stand between a name and "as" and its title: "Felix
// joined as CRO", "Ana was brought in as VP Sales".
// appointWords put someone in a title: "was made", "got promoted to".
var appointWords = map[string]bool{"made": true, "named": true, "appointed": true, "promoted": true, "put": true}

var arrivalWords = map[string]bool{
	"joined": true, "rejoined": true, "started": true, "arrived": true, "came": true, "in": true, "returned": true,
	"was": true, "hired": true, "brought": true, "appointed": true, "took": true, "over": true, "stepped": true, "up": true,
}

// titleWords qualify a title without being part of the playbook's
// pattern for it: "our regional VP of Sales", "our acting CRO".
var titleWords = map[string]bool{
	"regional": true, "global": true, "national": true, "new": true, "interim": true, "senior": true, "acting": true,
	"area": true, "country": true, "group": true, "deputy": true, "executive": true, "divisional": true, "field": true,
	"inside": true, "channel": true, "enterprise": true, "international": true, "local": true, "joint": true,
	// "Giulia, our export sales director", "our zonal head of sales".
	"export": true, "domestic": true, "retail": true, "wholesale": true, "trade": true, "direct": true, "distribution": true,
	"zonal": true, "territory": true, "district": true, "state": true, "federal": true, "incoming": true, "overall": true,
	"strategic": true, "corporate": true, "commercial": true, "key": true, "account": true, "accounts": true, "public": true, "sector": true,
	// "Vikram, our co-founder and Chief Commercial Officer".
	"co": true, "founder": true, "cofounder": true, "owner": true, "and": true,
	// "The founder, Kristjan, still runs sales", "Klaus has run sales".
	"still": true, "also": true, "now": true, "basically": true, "effectively": true, "actually": true, "essentially": true, "has": true, "had": true,
}

// acronym reports whether the word at token i is written in capitals
// ("NZ", "CS"): a region or a team, not a name.
func acronym(s *playbook.Scan, i int) bool {
	w := s.Text[s.Tokens[i].Start():s.Tokens[i].End()]
	return len(w) <= 4 && strings.ToUpper(w) == w
}

// nameText is the name at token i, with the surname after an honorific.
func nameText(s *playbook.Scan, i int) string {
	if honorifics[s.Tokens[i].Word()] && i+1 < len(s.Tokens) {
		// "Eng. Armando Teixeira ... Armando thinks": a given name and a
		// surname after the title, and the given name used alone later,
		// is the name the user goes by.
		if i+2 < len(s.Tokens) && s.Tokens[i+2].Capital() && s.Tokens[i+2].Sentence() == s.Tokens[i+1].Sentence() && nameUses(s.Tokens, []string{s.Tokens[i+1].Word()})[s.Tokens[i+1].Word()] > 1 {
			return word(s, i+1)
		}
		// "Mr Eamon Whitlow ... Mr Whitlow": an honorific goes with the
		// surname, never with the given name alone.
		hon := s.Text[s.Tokens[i].Start() : s.Tokens[i].Start()+len(s.Tokens[i].Word())]
		if i+2 < len(s.Tokens) && s.Tokens[i+2].Capital() && s.Tokens[i+2].Sentence() == s.Tokens[i+1].Sentence() && s.Tokens[i+2].Start() == s.Tokens[i+1].End()+1 && !isCommon(s.Tokens[i+2].Word()) {
			return hon + " " + word(s, i+2)
		}
		return hon + " " + word(s, i+1)
	}
	if i+1 < len(s.Tokens) && postHonorifics[s.Tokens[i+1].Word()] && s.Tokens[i+1].Capital() && s.Tokens[i+1].Start() == s.Tokens[i].End()+1 {
		return word(s, i) + " " + word(s, i+1)
	}
	if form := twoWordName(s, i); form != "" {
		return form
	}
	// "Declan Furness ... Mr Furness has responded": a user who calls
	// the person by honorific and surname more often than by given name
	// is answered in the same form.
	if i+1 < len(s.Tokens) && s.Tokens[i+1].Capital() && s.Tokens[i+1].Start() == s.Tokens[i].End()+1 && s.Tokens[i+1].Sentence() == s.Tokens[i].Sentence() {
		if form, n := honorificForm(s, s.Tokens[i+1].Word()); n > 0 && n > nameUses(s.Tokens, []string{s.Tokens[i].Word()})[s.Tokens[i].Word()]-1 {
			return form
		}
		// "Oh Jae-won ... Mr. Oh calls them": the family name written
		// first, and the honorific on it more often than it stands bare
		// (the full name given once is not a bare use).
		first := s.Tokens[i].Word()
		if form, n := honorificForm(s, first); n > 0 && n > nameUses(s.Tokens, []string{first})[first]-1-n {
			return form
		}
	}
	return word(s, i)
}

// honorificForm is the first "Mr Furness" (an honorific and then the
// surname, as written) in the text, and how often the text writes the
// surname after an honorific.
func honorificForm(s *playbook.Scan, surname string) (string, int) {
	form, n := "", 0
	toks := s.Tokens
	for k := 0; k+1 < len(toks); k++ {
		if honorifics[toks[k].Word()] && toks[k+1].Word() == surname && toks[k+1].Capital() && toks[k].Sentence() == toks[k+1].Sentence() && !toks[k].Quoted() {
			if form == "" {
				form = s.Text[toks[k].Start():toks[k+1].Start()] + word(s, k+1)
			}
			n++
		}
	}
	return form, n
}

// twoWordName returns the two-word form of the name written in full
// around token i that the text uses again and never splits ("Tan Wei
// Ming, Regional VP ... Wei Ming said", "Jean-Marc"), or "" when the text
// uses a single word of it ("Delia Fairweather ... Delia said") or
// nothing more.
func twoWordName(s *playbook.Scan, i int) string {
	toks := s.Tokens
	// Written with a capital, at the start of a sentence too.
	upper := func(k int) bool { return unicode.IsUpper(rune(s.Text[toks[k].Start()])) }
	adjacent := func(k int) bool { // tokens k and k+1 are one written name
		return k >= 0 && k+1 < len(toks) && upper(k) && upper(k+1) &&
			toks[k].Sentence() == toks[k+1].Sentence() && toks[k].End()+1 == toks[k+1].Start() &&
			(s.Text[toks[k].End()] == ' ' || s.Text[toks[k].End()] == '-')
	}
	for _, k := range []int{i, i - 1} {
		if !adjacent(k) {
			continue
		}
		a, b := toks[k].Word(), toks[k+1].Word()
		pairs, firsts := 0, 0
		for j := range toks {
			if toks[j].Word() != a || !upper(j) {
				continue
			}
			firsts++
			if adjacent(j) && toks[j+1].Word() == b {
				pairs++
			}
		}
		if pairs >= 2 && pairs == firsts {
			return word(s, k) + s.Text[toks[k].End():toks[k+1].Start()] + word(s, k+1)
		}
	}
	return ""
}

// nameUses counts, in one pass over the tokens, how often the text uses
// each name's first word (after an honorific), as written, case aside:
// how often the text names that person. The map is keyed by name.
func nameUses(toks []match.Token, names []string) map[string]int {
	firsts := make(map[string]int, len(names))
	for _, name := range names {
		first, rest, _ := strings.Cut(strings.ToLower(name), " ")
		if honorifics[strings.TrimSuffix(first, ".")] && rest != "" {
			first, _, _ = strings.Cut(rest, " ")
		}
		firsts[first] = 0
	}
	for _, t := range toks {
		if n, ok := firsts[t.Word()]; ok {
			firsts[t.Word()] = n + 1
		}
	}
	out := make(map[string]int, len(names))
	for _, name := range names {
		first, rest, _ := strings.Cut(strings.ToLower(name), " ")
		if honorifics[strings.TrimSuffix(first, ".")] && rest != "" {
			first, _, _ = strings.Cut(rest, " ")
		}
		out[name] = firsts[first]
	}
	return out
}

// struggledWith is the candidate the user names within six words after
// saying whom they struggle with (signal r-struggle: "the person im
// struggling with is Callum Heston"), in the same sentence; ok is false
// when there is none or fewer than two different names to choose from.
func struggledWith[T any](s *playbook.Scan, toks []match.Token, cands []T, name func(T) string) (pick T, ok bool) {
	if len(cands) < 2 {
		return pick, false
	}
	for h := range s.Each("route", "relational") {
		if h.Signal.ID != "r-struggle" {
			continue
		}
		for k := int(h.Last) + 1; k < len(toks) && k <= int(h.Last)+6 && toks[k].Sentence() == toks[h.First].Sentence(); k++ {
			for _, c := range cands {
				first, _, _ := strings.Cut(name(c), " ")
				if strings.EqualFold(toks[k].Word(), first) {
					return c, true
				}
			}
		}
	}
	return pick, false
}

// reportsUnder is the candidate who, the text says, reports to another
// candidate ("Callum ... also reports to Moira", "rick ... reports to
// mitch"), when the user does not report to them; ok is false when no
// sentence says so, or more than one candidate reports to another.
func reportsUnder[T any](text string, toks []match.Token, cands []T, name func(T) string) (pick T, ok bool) {
	firsts := make([]string, len(cands))
	want := map[string]bool{"i": true}
	for i, c := range cands {
		firsts[i], _, _ = strings.Cut(strings.ToLower(name(c)), " ")
		want[firsts[i]] = true
	}
	lines := reportLines(text, toks, want)
	n, at := 0, -1
	for i, a := range cands {
		for _, fb := range firsts {
			if firsts[i] == fb || !lines[[2]string{firsts[i], fb}] {
				continue
			}
			if lines[[2]string{"i", firsts[i]}] {
				return pick, false
			}
			if n == 0 || firsts[i] != firsts[at] {
				n++
			}
			pick, at = a, i
		}
	}
	return pick, n == 1
}

// candidate is a person who may be the sales leader: their name, their
// title as written, and the token where the title ends.
type candidate struct {
	name, title string
	last        int
}

// salesRunners are the people the text says run a sales team without
// a title: a name (and a surname), a verb of playbook names.run_verbs,
// then "sales" within two words in its clause ("Cyrus Lamb runs inside
// sales"). The title is "head of" and the words after the verb.
func salesRunners(s *playbook.Scan, runs map[string]bool, isName func(int) bool) []candidate {
	toks := s.Tokens
	var out []candidate
	for v := 1; v+1 < len(toks); v++ {
		if !runs[toks[v].Word()] {
			continue
		}
		// A name that opens its sentence is written with a capital
		// whether or not isName counts it.
		named := func(i int) bool {
			return isName(i) || i >= 0 && (i == 0 || toks[i-1].Sentence() != toks[i].Sentence()) && isAlpha(toks[i].Word()) && unicode.IsUpper(rune(s.Text[toks[i].Start()]))
		}
		n := v - 1
		if n > 0 && named(n-1) && isName(n) && toks[n-1].Clause() == toks[n].Clause() {
			n-- // "Cyrus Lamb runs": the first name
		}
		if !named(n) || toks[n].Clause() != toks[v].Clause() {
			continue
		}
		for k := v + 1; k < len(toks) && k <= v+3 && toks[k].Clause() == toks[v].Clause(); k++ {
			if toks[k].Word() == "sales" {
				out = append(out, candidate{name: nameText(s, n), title: "head of " + s.Text[toks[v+1].Start():toks[k].End()], last: k})
				break
			}
		}
	}
	return out
}

// salesRunBy are the people the text says a sales team is run by, in
// the passive: "sales", "is" or "was", a verb of playbook
// names.run_passive and "by", then a name within five words in the
// sentence ("Sales is run by his co-founder, Uwe Kessler"). The title is
// "head of sales".
func salesRunBy(s *playbook.Scan, runBy map[string]bool, isName func(int) bool) []candidate {
	toks := s.Tokens
	var out []candidate
	for k := 0; k+3 < len(toks); k++ {
		if toks[k].Word() != "sales" || (toks[k+1].Word() != "is" && toks[k+1].Word() != "was") || !runBy[toks[k+2].Word()] || toks[k+3].Word() != "by" {
			continue
		}
		for n := k + 4; n < len(toks) && n <= k+9 && toks[n].Sentence() == toks[k].Sentence(); n++ {
			if isName(n) {
				out = append(out, candidate{name: nameText(s, n), title: "head of sales", last: k})
				break
			}
		}
	}
	return out
}

// salesOwners are the people named as owning the sales team: "Hennie's
// sales team", "Roxanne's sales reps", "Bo's salespeople". A name the
// text uses once this way is enough, as a title beside it would be.
func salesOwners(s *playbook.Scan, isName func(int) bool) []candidate {
	toks := s.Tokens
	var out []candidate
	for k := 0; k+1 < len(toks); k++ {
		if !toks[k].Capital() || !possessive(s.Text, toks[k]) || !isName(k) || acronym(s, k) || toks[k+1].Sentence() != toks[k].Sentence() {
			continue
		}
		w, next := toks[k+1].Word(), ""
		if k+2 < len(toks) && toks[k+2].Sentence() == toks[k].Sentence() {
			next = toks[k+2].Word()
		}
		if w == "salespeople" || w == "sellers" || w == "sales" && (next == "team" || next == "reps" || next == "people" || next == "force" || next == "org" || next == "organisation" || next == "organization") {
			out = append(out, candidate{name: nameText(s, k), title: "", last: k + 1})
		}
	}
	return out
}

// reportLines reads, in one pass, which of the words in want stand as
// "a ... reports to ... b" in a sentence: a within eight words before a
// form of "report", b within seven after it. Words in brackets between
// them are passed over, neither counted nor taken as a ("Cyrus runs
// inside sales (about 30 reps who work all inbound) and reports to our
// CRO, Hugo"). The pair [a, b] is true when a sentence says so. One
// pass, not one per pair of names: a long text names many people.
func reportLines(text string, toks []match.Token, want map[string]bool) map[[2]string]bool {
	out := map[[2]string]bool{}
	for j, t := range toks {
		if w := t.Word(); w != "report" && w != "reports" && w != "reporting" {
			continue
		}
		depth, n := 0, 0
		for i := j - 1; i >= 0 && n < 8 && toks[i].Sentence() == t.Sentence(); i-- {
			// Tokens of one contraction share a span: no gap between them.
			if a, b := toks[i].End(), toks[i+1].Start(); a < b {
				gap := text[a:b]
				depth += strings.Count(gap, ")") - strings.Count(gap, "(")
			}
			if depth > 0 {
				continue
			}
			n++
			a := toks[i].Word()
			if !want[a] {
				continue
			}
			for k := j + 1; k < len(toks) && k <= j+7 && toks[k].Sentence() == t.Sentence(); k++ {
				if b := toks[k].Word(); want[b] {
					out[[2]string{a, b}] = true
				}
			}
		}
	}
	return out
}

// nameRefs is nameUses with each third-person pronoun counted for the
// name used last before it, while no other name (a word written with a
// capital and then lower case, outside quotes) has come between: "I had
// not walked Grant through it. He was blindsided. After the meeting he
// told me ..." refers to Grant four times, whoever the text names more
// often by name alone. Two sales leaders are told apart by it.
func nameRefs(text string, toks []match.Token, names []string) map[string]int {
	out := nameUses(toks, names)
	key := make(map[string]string, len(names))
	for _, name := range names {
		first, rest, _ := strings.Cut(strings.ToLower(name), " ")
		if honorifics[strings.TrimSuffix(first, ".")] && rest != "" {
			first, _, _ = strings.Cut(rest, " ")
		}
		key[first] = name
	}
	last := ""
	for i, t := range toks {
		w := t.Word()
		if _, ok := key[w]; ok {
			last = w
			continue
		}
		switch w {
		case "he", "she", "him", "his", "her":
			if last != "" && !t.Quoted() {
				out[key[last]]++
			}
		default:
			st := t.Start()
			if t.Capital() && !t.Quoted() && w != "i" && i > 0 && toks[i-1].Sentence() == t.Sentence() && st+1 < len(text) && unicode.IsLower(rune(text[st+1])) {
				last = ""
			}
		}
	}
	return out
}

// seniority ranks a sales title for telling two sales leaders apart: a
// chief (CRO, CCO, Chief Sales Officer) 3, a vice president 2, a head
// or director 1, anything else 0.
func seniority(title string) int {
	w := strings.Fields(strings.ToLower(title))
	switch {
	case slices.Contains(w, "chief") || slices.Contains(w, "cro") || slices.Contains(w, "cco") || slices.Contains(w, "cso"):
		return 3
	case slices.ContainsFunc(w, func(x string) bool { return x == "vp" || x == "svp" || x == "evp" || x == "vice" }):
		return 2
	case slices.ContainsFunc(w, func(x string) bool { return x == "head" || x == "director" || x == "gm" }):
		return 1
	}
	return 0
}

func titleText(s *playbook.Scan, h playbook.Hit) string {
	t := s.Text[int(h.Start):int(h.End)]
	for _, p := range []string{"our ", "the ", "Our ", "The ", "my ", "My "} {
		t = strings.TrimPrefix(t, p)
	}
	// "The VP Sales's team is paid on margin": the title, not its
	// possessive.
	return strings.TrimSuffix(strings.TrimSuffix(t, "'s"), "\u2019s")
}

func word(s *playbook.Scan, i int) string {
	w := s.Text[s.Tokens[i].Start():s.Tokens[i].End()]
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "\u2019s")
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// pronounAfter takes the sales leader's pronoun from the first he or she
// after the sales leader is named (within a few sentences), so a former
// sales director's "she" is not the new head of sales', and reports near
// = true. A sentence that names someone else (a third party's word, or
// otherName at one of its tokens) lends its pronouns to them. With no such
// mention it counts pronouns over the whole text and reports near = false
// (names then uses pronounOfNamed for a named sales leader).
func pronounAfter(text string, toks []match.Token, at int, otherName func(int) bool, leader string) (word string, near bool) {
	named := subjectClauses(text, toks, leader)
	if at >= 0 {
		other := -1 // a sentence that names someone else first: its pronouns are theirs
		for k := at + 1; k < len(toks) && toks[k].Sentence() <= toks[at].Sentence()+2; k++ {
			if thirdParties[toks[k].Word()] || otherName(k) {
				other = toks[k].Sentence()
			}
			if toks[k].Sentence() == other {
				continue
			}
			// "Patricia heard about it from him": an object in a clause
			// that names the sales leader is someone else.
			if toks[k].Word() == "him" && named[toks[k].Clause()] {
				continue
			}
			// "Our CRO, Leopold, also reports to her.": an object after a
			// preposition in the sentence that names them is someone
			// else.
			if objectOfLeader(toks, at, k) {
				continue
			}
			switch toks[k].Word() {
			case "he", "him", "his", "himself":
				return "he", true
			case "she", "her", "hers", "herself":
				return "she", true
			}
		}
	}
	return pronoun(toks, named), false
}

// objectAdverbs may follow "him" or "her" as an object: "reports to her
// too", "reports to him directly".
var objectAdverbs = map[string]bool{"too": true, "also": true, "directly": true, "now": true, "again": true, "either": true, "as": true, "instead": true}

// objectOfLeader reports whether token k is "him" or "her" as the object
// of a preposition, ending its clause, in the sentence that names the
// sales leader at token at, with no "I" or "we" between: the sales
// leader's own verb, so someone else ("Our CRO, Leopold, also reports to
// her."; it would be "himself" otherwise). "Her" before a noun ("with
// her team") is a possessive, "I report to him" has the user's verb, and
// after "that" or "who" the verb may have a subject of its own.
func objectOfLeader(toks []match.Token, at, k int) bool {
	w := toks[k].Word()
	if w != "her" && w != "him" || at < 0 || k <= at || toks[k].Sentence() != toks[at].Sentence() || !objectPrepositions[toks[k-1].Word()] {
		return false
	}
	// "with her team" is a possessive; "reports to her too" an object
	// followed by an adverb.
	if k+1 < len(toks) && toks[k+1].Clause() == toks[k].Clause() && !objectAdverbs[toks[k+1].Word()] {
		return false
	}
	for j := at + 1; j < k; j++ {
		switch toks[j].Word() {
		case "i", "we", "me", "us", "i'm", "we're", "i've", "we've":
			return false
		// "argued that RevOps is biased and should report to her": a
		// clause of its own may have its own subject, and "her" is
		// then the sales leader.
		case "that", "who", "which", "whom":
			return false
		}
	}
	return true
}

// objectPrepositions come before an object pronoun.
var objectPrepositions = map[string]bool{"to": true, "with": true, "from": true, "for": true, "by": true, "about": true, "at": true, "under": true, "above": true, "beside": true}

// possessive reports whether a name token is followed by 's ("Niall's").
func possessive(text string, t match.Token) bool {
	w, e := text[t.Start():t.End()], t.End()
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") ||
		e < len(text) && (text[e] == '\'' || strings.HasPrefix(text[e:], "’"))
}

// subjectClauses are the clauses where the sales leader (leader, a name)
// is named as more than a possessive ("Patricia heard about it from him",
// not "Niall's line when I asked him"): an object pronoun there is
// someone else, or it would be "himself".
func subjectClauses(text string, toks []match.Token, leader string) map[int]bool {
	named := map[int]bool{}
	f := strings.Fields(strings.ToLower(leader))
	if len(f) == 0 {
		return named
	}
	for _, t := range toks {
		if t.Word() != f[0] {
			continue
		}
		if !possessive(text, t) {
			named[t.Clause()] = true
		}
	}
	return named
}

// pronounOfNamed counts he and she only while the sales leader (name) is
// the person last named; token i for which otherName holds names someone
// else. On a tie, "they"; with no count at all, "".
func pronounOfNamed(text string, toks []match.Token, name string, otherName func(int) bool) string {
	// The sales leader is named by any word of their name: "Gideon
	// Varga" once, then "gideon" or "Varga".
	named := func(w string) bool {
		for _, f := range strings.Fields(name) {
			if len(f) > 1 && strings.ToLower(f) == w {
				return true
			}
		}
		return false
	}
	he, she := 0, 0
	leader := false
	at := -1 // the token where the sales leader was last named
	// opener[s] is who opens sentence s within its first three tokens:
	// 1 the sales leader, -1 someone else named, 0 no one.
	opener := map[int]int{}
	otherS, otherG := -1, ""
	for i, t := range toks {
		if _, ok := opener[t.Sentence()]; !ok {
			opener[t.Sentence()] = 0
		}
		if i > 0 && toks[i-1].Sentence() == t.Sentence() && i >= 3 && toks[i-3].Sentence() == t.Sentence() {
			continue
		}
		if opener[t.Sentence()] != 0 {
			continue
		}
		switch {
		case named(t.Word()):
			opener[t.Sentence()] = 1
		case otherName(i):
			opener[t.Sentence()] = -1
		}
	}
	for i, t := range toks {
		w := t.Word()
		switch {
		case named(w):
			leader, at = true, i
			continue
		// The surname after the first name ("Patricia Oyelaran") is the
		// same person.
		case leader && at == i-1 && t.Capital():
			continue
		case otherName(i):
			leader = false
			continue
		}
		if !leader {
			continue
		}
		// "Patricia heard about it from him": an object in the clause
		// where the sales leader is named is someone else (it would be
		// "herself" otherwise).
		if w == "him" && t.Clause() == toks[at].Clause() && !possessive(text, toks[at]) {
			continue
		}
		if objectOfLeader(toks, at, i) && !possessive(text, toks[at]) {
			continue
		}
		// "something better I can put in front of Ramon through her?":
		// "her" ending the clause that names the sales leader is an
		// object, someone else.
		if w == "her" && t.Clause() == toks[at].Clause() && (i+1 >= len(toks) || toks[i+1].Clause() != t.Clause()) && !possessive(text, toks[at]) {
			continue
		}
		// "Carmela has to submit the targets to Ramon by 18 December.
		// Her instinct is ...": a pronoun opening a sentence stands for
		// whoever opened the sentence before.
		if first := i == 0 || toks[i-1].Sentence() != t.Sentence(); first && t.Sentence() > 0 && opener[t.Sentence()-1] == -1 && gender(w) != "" {
			otherS, otherG = t.Sentence(), gender(w)
			continue
		}
		// "..., and she's asked me to draft the numbers" goes on with
		// the same someone else.
		if t.Sentence() == otherS && gender(w) == otherG {
			continue
		}
		switch w {
		case "he", "him", "his", "himself":
			he++
		case "she", "her", "hers", "herself":
			she++
		}
	}
	switch {
	case he > she:
		return "he"
	case she > he:
		return "she"
	case he == 0:
		return ""
	}
	return "they"
}

// gender is "he" or "she" for a third-person pronoun of either, else "".
func gender(w string) string {
	switch w {
	case "he", "him", "his", "himself":
		return "he"
	case "she", "her", "hers", "herself":
		return "she"
	}
	return ""
}

// pronounCounts counts the third-person pronouns in toks, he and she,
// leaving out "him" in the clauses skip holds (an object in a clause
// that names the sales leader is not theirs).
func pronounCounts(toks []match.Token, skip map[int]bool) (he, she int) {
	for _, t := range toks {
		if t.Word() == "him" && skip[t.Clause()] {
			continue
		}
		switch t.Word() {
		case "he", "him", "his", "himself":
			he++
		case "she", "her", "hers", "herself":
			she++
		}
	}
	return he, she
}

// pronoun is the pronoun toks use more often, "he" or "she", or "they"
// on a tie; skip, when given, holds clauses whose "him" is left out.
func pronoun(toks []match.Token, skip ...map[int]bool) string {
	var skipClauses map[int]bool
	if len(skip) > 0 {
		skipClauses = skip[0]
	}
	he, she := pronounCounts(toks, skipClauses)
	switch {
	case he > she:
		return "he"
	case she > he:
		return "she"
	}
	return "they"
}

// programs finds the programs the user names, most specific kind first
// (the order of names.program_nouns), leaving out words inside quotes.
func programs(pb *playbook.Playbook, s *playbook.Scan, f *align.Facts) {
	toks := s.Tokens
	nl := nameListsOf(pb)
	nouns := nl.programNouns
	type found struct {
		rank, at int
		span     string
	}
	var all []found
	seen := map[string]bool{}
	firsts := nl.programFirsts
	for i := range toks {
		if toks[i].Quoted() || !firsts[toks[i].Word()] {
			continue
		}
		// The end of a hyphenated word is not a program: "no-show rate".
		if at := toks[i].Start(); at > 0 && (s.Text[at-1] == '-') {
			continue
		}
		// A bare noun after another program's noun names that program
		// ("the e-book series", "the event list"), not one of its own.
		if nl.programBare[toks[i].Word()] && i > 0 && toks[i-1].Sentence() == toks[i].Sentence() && nl.programLast[toks[i-1].Word()] {
			continue
		}
		// A bare noun that is a verb is no program: "her dashboard shows
		// $1.3M", "show him the data", "she lists every enquiry".
		if w := toks[i].Word(); (nl.programBare[w] || nl.programBare[strings.TrimSuffix(w, "s")]) && i+1 < len(toks) && toks[i+1].Clause() == toks[i].Clause() && verbObject(toks[i+1]) {
			continue
		}
		for rank, words := range nouns {
			if i+len(words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range words {
				if !wordOrPlural(toks[i+k].Word(), w) {
					ok = false
					break
				}
			}
			// A noun followed by one letter is a name, not a program:
			// "Series D" is a funding round, "Plan B" a fallback.
			// Typed in lower case, "series b" is still a funding round
			// ("a" and "i" in lower case are words: "the series a month
			// ago").
			if ok && i+len(words) < len(toks) && toks[i+len(words)].Sentence() == toks[i].Sentence() &&
				(isLetterName(toks[i+len(words)]) || words[len(words)-1] == "series" && fundingLetter(toks[i+len(words)].Word())) {
				break
			}
			// A noun right before another program's noun names that
			// program ("the Zero Trust Summit webinar" is a webinar).
			if ok && i+len(words) < len(toks) && toks[i+len(words)].Sentence() == toks[i].Sentence() && nl.programLast[toks[i+len(words)].Word()] && !nl.programBare[toks[i+len(words)].Word()] {
				break
			}
			// A noun that names what money pays for is not a program:
			// "my program budget", "the event spend".
			if ok && i+len(words) < len(toks) && moneyNouns[toks[i+len(words)].Word()] && toks[i+len(words)].Sentence() == toks[i].Sentence() {
				break
			}
			if ok {
				from := i
				if len(words) > 1 || !nl.programBare[words[0]] {
					from = programModifiers(s.Text, toks, i)
				}
				span := programSpan(s.Text, toks, from, i+len(words)-1)
				if from < i {
					// A named program ("the content syndication program")
					// is more specific than any bare noun ("the list").
					rank -= len(nouns)
				}
				if !seen[span] {
					seen[span] = true
					all = append(all, found{rank, i, span})
				}
				break
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].rank < all[j].rank })
	for _, p := range all {
		f.Programs = append(f.Programs, "the "+p.span)
	}
}

// verbObject reports whether t, right after a bare program noun, makes
// that noun a verb: a number, a determiner or an object pronoun follows
// a verb ("shows $1.3M", read as "usd 1.3m"; "show him"), never a
// program's name.
func verbObject(t match.Token) bool {
	w := t.Word()
	if w != "" && w[0] >= '0' && w[0] <= '9' {
		return true
	}
	switch w {
	case "the", "a", "an", "our", "my", "his", "her", "their", "your", "its", "every", "each", "all", "no", "that", "how", "what", "why", "up",
		"me", "us", "him", "them", "it", "you", "usd", "eur", "gbp":
		return true
	}
	return false
}

// moneyNouns follow a program noun that only says what money is for.
var moneyNouns = map[string]bool{"budget": true, "budgets": true, "spend": true, "spending": true, "money": true, "funding": true, "line": true, "cost": true, "costs": true, "dollars": true}

// programModifiers returns the first of up to two words before the
// program noun at token i that name it ("content syndication" in "we
// bought a content syndication program", "G2 review" in "the G2 review
// campaign"), or of up to four when they are a name written with
// capitals ("the Zero Trust Summit webinar"), or i when none does: a function word, a verb form in -ed
// or -ing, a word in quotes or another sentence ends the name.
func programModifiers(text string, toks []match.Token, i int) int {
	from := i
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := toks[k]
		w := t.Word()
		// A word joined to the name by a hyphen is part of it, a count
		// included: "the six-part webinar series", not "the part
		// webinar series".
		if k+1 < len(toks) && t.End() < toks[k+1].Start() && text[t.End():toks[k+1].Start()] == "-" && t.Sentence() == toks[i].Sentence() && !t.Quoted() {
			from = k
			continue
		}
		// Past two words only a name written with capitals goes on:
		// "the Zero Trust Summit webinar".
		if k < i-2 && !(t.Capital() && toks[k+1].Capital()) {
			break
		}
		if t.Sentence() != toks[i].Sentence() || t.Clause() != toks[i].Clause() || t.Quoted() || notModifier[w] || t.End()-t.Start() < 2 ||
			strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") && w != "marketing" || text[t.Start()] >= '0' && text[t.Start()] <= '9' ||
			// A number word is a count ("three webinars"); the tokeniser
			// reads it as digits, and only a name in capitals keeps one
			// ("the Zero Trust Summit webinar").
			w[0] >= '0' && w[0] <= '9' && !(t.Capital() && k+1 < i && toks[k+1].Capital()) ||
			// A possessive ("marketing's program") is an owner, not a name.
			strings.ContainsAny(text[t.Start():min(len(text), t.End()+1)], "'\u2019") {
			break
		}
		from = k
	}
	return from
}

// programSpan is tokens lo..hi as a plan names the program: lower case,
// except a word written with a capital inside its sentence ("the G2
// review campaign", "the Google campaign").
func programSpan(text string, toks []match.Token, lo, hi int) string {
	var b strings.Builder
	for k := lo; k <= hi; k++ {
		w := text[toks[k].Start():toks[k].End()]
		if k > lo {
			b.WriteString(text[toks[k-1].End():toks[k].Start()])
		}
		if toks[k].Capital() && k < hi {
			b.WriteString(w)
		} else {
			b.WriteString(strings.ToLower(w))
		}
	}
	return b.String()
}

// notModifier are words that never name a program: determiners,
// pronouns, prepositions, conjunctions, quantities and words of time.
var notModifier = map[string]bool{
	"the": true, "a": true, "an": true, "our": true, "my": true, "his": true, "her": true, "their": true, "your": true, "its": true,
	"this": true, "that": true, "these": true, "those": true, "every": true, "each": true, "any": true, "some": true, "no": true,
	"of": true, "for": true, "to": true, "in": true, "on": true, "at": true, "with": true, "from": true, "by": true, "about": true,
	"through": true, "via": true, "into": true, "over": true, "after": true, "before": true, "during": true, "like": true, "per": true,
	"and": true, "or": true, "but": true, "so": true, "as": true, "than": true, "then": true,
	"last": true, "next": true, "first": true, "second": true, "third": true, "fourth": true, "fifth": true, "same": true, "other": true, "another": true, "new": true, "old": true, "one": true,
	"is": true, "was": true, "are": true, "were": true, "be": true, "been": true, "has": true, "have": true, "had": true,
	"i": true, "we": true, "he": true, "she": true, "they": true, "it": true, "you": true, "me": true, "us": true, "him": true, "them": true,
	"big": true, "small": true, "whole": true, "entire": true, "single": true, "only": true, "more": true, "most": true, "all": true,
	"which": true, "what": true, "who": true, "whose": true, "not": true, "just": true, "also": true, "even": true, "still": true,
	"run": true, "ran": true, "bought": true, "built": true, "sent": true, "got": true, "did": true, "do": true, "does": true,
	"generate": true, "generates": true, "get": true, "gets": true, "use": true, "uses": true, "attend": true, "attends": true,
	// Counts are not names: "sixty events", "a dozen webinars".
	"sixty": true, "seventy": true, "eighty": true, "ninety": true, "dozen": true, "dozens": true, "few": true, "several": true,
	"many": true, "couple": true, "hundreds": true, "thousands": true, "two": true, "three": true, "four": true, "five": true,
	// Verbs of what sales does with what a program brings in: "call trade
	// fair contacts", "ignore webinar leads".
	"call": true, "calls": true, "chase": true, "chases": true, "work": true, "works": true, "ignore": true, "ignores": true, "touch": true,
	"follow": true, "cut": true, "kill": true, "stop": true, "drop": true, "skip": true, "want": true, "wants": true, "need": true, "needs": true,
}

// isLetterName reports whether t is a capital letter standing as a name
// ("D" in "Series D"), not the pronoun "I".
func isLetterName(t match.Token) bool {
	return len(t.Word()) == 1 && t.Word() != "i" && t.Capital()
}

// fundingLetter reports whether w, after "series", names a funding round
// in lower case: one letter, not the words "a" and "i".
func fundingLetter(w string) bool {
	return len(w) == 1 && w[0] >= 'b' && w[0] <= 'h'
}

// wordOrPlural reports whether word is w or w+"s", without building w+"s".
func wordOrPlural(word, w string) bool {
	return word == w || (len(word) == len(w)+1 && word[len(w)] == 's' && word[:len(w)] == w)
}

// quotes collects quoted spans that are the sales leader's words: a quote
// in a sentence where someone other than the user speaks. saidNouns name
// what someone said ("his words", "her line"), from the sheet data.
func quotes(s *playbook.Scan, f *align.Facts, saidNouns map[string]bool) {
	reported := map[int]bool{}
	for _, h := range s.Hits {
		if h.Reported {
			reported[s.Tokens[h.First].Sentence()] = true
		}
	}
	toks := s.Tokens
	for i := 0; i < len(toks); {
		if !toks[i].Quoted() {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && toks[j+1].Quoted() && toks[j+1].Clause()-toks[i].Clause() < 4 {
			j++
		}
		sent := toks[i].Sentence()
		speaker, known := leaderSpeaks(toks, i, f.Leader.Name, saidNouns)
		if j > i && (speaker || !known && reported[sent]) {
			e := align.Evidence{Start: toks[i].Start(), End: toks[j].End(), Signal: "quote", Speaker: "sales_leader"}
			e.Quote = s.Text[e.Start:e.End]
			f.Quotes = append(f.Quotes, e)
		}
		i = j + 1
	}
}

// leaderSpeaks reports whether the words before a quote, in its sentence,
// name a third person rather than the user as the speaker; known is false
// when they name no one. Someone's people ("Two of his reps told me
// ...") are not that someone: a possessive before anything but what was
// said ("his words") names another speaker.
func leaderSpeaks(toks []match.Token, at int, name string, saidNouns map[string]bool) (speaks, known bool) {
	sent := toks[at].Sentence()
	for k := at - 1; k >= 0 && toks[k].Sentence() == sent && at-k <= 12; k-- {
		w := toks[k].Word()
		switch {
		case w == "i" || w == "we" || w == "my":
			return false, false
		case (w == "his" || w == "her" || w == "their") && k+1 < at && !saidNouns[toks[k+1].Word()] && toks[k+1].Word() != "own":
			return false, true
		case w == "he" || w == "she" || w == "they" || w == "his" || w == "her" || w == "words":
			return true, true
		case name != "" && slices.ContainsFunc(strings.Fields(name), func(f string) bool { return strings.EqualFold(w, f) }):
			return true, true
		}
	}
	return false, false
}

// splitAll splits each phrase into the words tokens are compared with.
func splitAll(phrases []string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Fields(strings.ReplaceAll(strings.ToLower(p), "-", " "))
	}
	return out
}

func repWord(toks []match.Token, i int, words [][]string) bool {
	for _, parts := range words {
		if i+len(parts) > len(toks) {
			continue
		}
		ok := true
		for k, p := range parts {
			if toks[i+k].Word() != p {
				ok = false
				break
			}
		}
		if ok && i+len(parts) < len(toks) {
			return true
		}
	}
	return false
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, w := range list {
		m[strings.ToLower(w)] = true
	}
	return m
}

func inList(w string, list []string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

func isAlpha(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// lowerCaseText reports whether a text is written in lower case: fewer
// than one word in title case per 200 bytes. Sentence starts and names
// in a text that capitalises give many more; acronyms do not count.
//
// It stops as soon as the count reaches the bound, so a text that
// capitalises (nearly every text) is read only until it has shown enough
// title-case words, and ASCII letters are told without Unicode's tables;
// the answer is the one a count over the whole text gives.
func lowerCaseText(text string) bool {
	// Words in title case ("Marcus", "The"), not acronyms ("VP", "MQL"):
	// a writer who types in lower case still types acronyms in capitals.
	titled := 0
	prevLetter := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			upper := 'A' <= c && c <= 'Z'
			if upper && !prevLetter && i+1 < len(text) && startsLower(text[i+1:]) {
				titled++
				if titled*200 >= len(text) {
					return false
				}
			}
			prevLetter = upper || ('a' <= c && c <= 'z')
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsUpper(r) && !prevLetter && i+n < len(text) && startsLower(text[i+n:]) {
			titled++
			if titled*200 >= len(text) {
				return false
			}
		}
		prevLetter = unicode.IsLetter(r)
		i += n
	}
	return titled*200 < len(text)
}

// startsLower reports whether s (not empty) starts with a lower-case
// letter.
func startsLower(s string) bool {
	if c := s[0]; c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// sameFirst reports whether word is the first name of name ("Greg" of
// "Greg Mallory"), ignoring case.
func sameFirst(word, name string) bool {
	f, _, _ := strings.Cut(name, " ")
	return f != "" && strings.EqualFold(word, f)
}
