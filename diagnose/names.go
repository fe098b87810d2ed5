package diagnose

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	align "github.com/align-coach/align"
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
	// How often each word is used matters only in a text written in
	// lower case.
	var counts map[string]int
	if lower {
		counts = make(map[string]int, len(toks)/2)
		for _, t := range toks {
			counts[t.Word]++
		}
	}
	isName := func(i int) bool {
		if i < 0 || i >= len(toks) {
			return false
		}
		t := toks[i]
		if not[t.Word] || len(t.Word) < 2 || !isAlpha(t.Word) {
			return false
		}
		if t.Capital {
			return true
		}
		// A lower-case word counts as a name when the user writes
		// everything in lower case and uses it more than once as a word
		// no pattern knows ("our sales director kevin").
		return lower && counts[t.Word] > 1
	}

	var titles []playbook.Hit
	for _, h := range s.Of("route", "counterpart") {
		if h.Signal.ID == "r-sales-leader" {
			titles = append(titles, h)
		}
	}
	// A former sales leader ("our previous sales director") is not the
	// one the user works with now: prefer any other title.
	former := func(h playbook.Hit) bool {
		for k := h.First - 1; k >= 0 && k >= h.First-3; k-- {
			switch toks[k].Word {
			case "previous", "former", "old", "ex", "last", "outgoing", "departed":
				return true
			}
		}
		return false
	}
	sort.SliceStable(titles, func(i, j int) bool { return !former(titles[i]) && former(titles[j]) })
	at := -1
	for _, h := range titles {
		name := ""
		// "our VP of Sales, Daniel" or "the head of sales is Priya".
		j := h.Last + 1
		if j < len(toks) && joiners[toks[j].Word] {
			j++
		}
		if isName(j) && toks[j].Sentence == toks[h.Last].Sentence {
			name = word(s, j)
		}
		// "Daniel, our VP of Sales".
		if name == "" {
			k := h.First - 1
			for k >= 0 && (toks[k].Word == "our" || toks[k].Word == "the" || toks[k].Word == "my" || toks[k].Word == "new" || toks[k].Word == "interim") {
				k--
			}
			if k >= 0 && k < h.First-1 && isName(k) && toks[k].Sentence == toks[h.First].Sentence &&
				strings.Contains(s.Text[toks[k].End:toks[h.First].Start], ",") {
				name = word(s, k)
			}
		}
		if name != "" {
			f.Leader = align.Person{Name: name, Title: titleText(s, h)}
			at = h.Last
			break
		}
	}
	if f.Leader.Title == "" && len(titles) > 0 {
		f.Leader.Title = titleText(s, titles[0])
		at = titles[0].Last
	}
	f.Pronoun = pronounAfter(toks, at)

	for i, t := range toks {
		// The cheap tests first: isName looks the word up.
		if t.Capital && i+1 < len(toks) && inList(toks[i+1].Word, pb.Names.DealNouns) && isName(i) {
			f.Deals = addOnce(f.Deals, "the "+word(s, i)+" "+toks[i+1].Word)
		}
	}
	repWords := nl.repWords
	for i := range toks {
		if (nl.repFirsts != nil && !nl.repFirsts[toks[i].Word]) || !repWord(toks, i, repWords) {
			continue
		}
		j := i + 1
		if j < len(toks) && (joiners[toks[j].Word]) {
			j++
		}
		if isName(j) && toks[j].Capital && word(s, j) != f.Leader.Name {
			f.Reps = addOnce(f.Reps, word(s, j))
		}
	}
	programs(pb, s, f)
	quotes(s, f)
}

// nameLists are the playbook's word lists names reads, as sets and split
// phrases: made once per playbook (making them for every text was a
// fifth of reading the names).
type nameLists struct {
	not, joiners, bossMentions map[string]bool
	repWords                   [][]string
	programNouns               [][]string
	// programFirsts are the words a program noun can start with (and
	// their plurals), so most tokens are passed over with one lookup.
	programFirsts map[string]bool
	// repFirsts are the words a rep word can start with; nil when a rep
	// word is empty (it matches anywhere).
	repFirsts map[string]bool
}

var nameListsCache sync.Map // *playbook.Playbook -> *nameLists

func nameListsOf(pb *playbook.Playbook) *nameLists {
	if nl, ok := nameListsCache.Load(pb); ok {
		return nl.(*nameLists)
	}
	nl := &nameLists{
		not: set(pb.Names.NotNames), joiners: set(pb.Names.Joiners), bossMentions: set(pb.Names.BossMentions),
		repWords: splitAll(pb.Names.RepWords), programNouns: splitAll(pb.Names.ProgramNouns),
	}
	nl.programFirsts = make(map[string]bool, 2*len(nl.programNouns))
	for _, words := range nl.programNouns {
		if len(words) > 0 {
			nl.programFirsts[words[0]] = true
			nl.programFirsts[words[0]+"s"] = true
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

func titleText(s *playbook.Scan, h playbook.Hit) string {
	t := s.Text[h.Start:h.End]
	for _, p := range []string{"our ", "the ", "Our ", "The ", "my ", "My "} {
		t = strings.TrimPrefix(t, p)
	}
	return t
}

func word(s *playbook.Scan, i int) string {
	w := s.Text[s.Tokens[i].Start:s.Tokens[i].End]
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "\u2019s")
	r := []rune(w)
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

// pronounAfter takes the sales leader's pronoun from the first he or she
// after the sales leader is named (within a few sentences), so a former
// sales director's "she" is not the new head of sales'. With no such
// mention it counts pronouns over the whole text.
func pronounAfter(toks []match.Token, at int) string {
	if at >= 0 {
		other := -1 // a sentence that names someone else first: its pronouns are theirs
		for k := at + 1; k < len(toks) && toks[k].Sentence <= toks[at].Sentence+2; k++ {
			if thirdParties[toks[k].Word] {
				other = toks[k].Sentence
			}
			if toks[k].Sentence == other {
				continue
			}
			switch toks[k].Word {
			case "he", "him", "his", "himself":
				return "he"
			case "she", "her", "hers", "herself":
				return "she"
			}
		}
	}
	return pronoun(toks)
}

func pronoun(toks []match.Token) string {
	he, she := 0, 0
	for _, t := range toks {
		switch t.Word {
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
		if toks[i].Quoted || !firsts[toks[i].Word] {
			continue
		}
		for rank, words := range nouns {
			if i+len(words) > len(toks) {
				continue
			}
			ok := true
			for k, w := range words {
				if !wordOrPlural(toks[i+k].Word, w) {
					ok = false
					break
				}
			}
			if ok {
				span := strings.ToLower(s.Text[toks[i].Start:toks[i+len(words)-1].End])
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

// wordOrPlural reports whether word is w or w+"s", without building w+"s".
func wordOrPlural(word, w string) bool {
	return word == w || (len(word) == len(w)+1 && word[len(w)] == 's' && word[:len(w)] == w)
}

// quotes collects quoted spans that are the sales leader's words: a quote
// in a sentence where someone other than the user speaks.
func quotes(s *playbook.Scan, f *align.Facts) {
	reported := map[int]bool{}
	for _, h := range s.Hits {
		if h.Reported {
			reported[s.Tokens[h.First].Sentence] = true
		}
	}
	toks := s.Tokens
	for i := 0; i < len(toks); {
		if !toks[i].Quoted {
			i++
			continue
		}
		j := i
		for j+1 < len(toks) && toks[j+1].Quoted && toks[j+1].Clause-toks[i].Clause < 4 {
			j++
		}
		sent := toks[i].Sentence
		speaker := leaderSpeaks(toks, i, f.Leader.Name) || reported[sent]
		if j > i && speaker {
			e := align.Evidence{Start: toks[i].Start, End: toks[j].End, Signal: "quote", Speaker: "sales_leader"}
			e.Quote = s.Text[e.Start:e.End]
			f.Quotes = append(f.Quotes, e)
		}
		i = j + 1
	}
}

// leaderSpeaks reports whether the words before a quote, in its sentence,
// name a third person rather than the user as the speaker.
func leaderSpeaks(toks []match.Token, at int, name string) bool {
	sent := toks[at].Sentence
	for k := at - 1; k >= 0 && toks[k].Sentence == sent && at-k <= 12; k-- {
		w := toks[k].Word
		switch {
		case w == "i" || w == "we" || w == "my":
			return false
		case w == "he" || w == "she" || w == "they" || w == "his" || w == "her" || w == "words":
			return true
		case name != "" && strings.EqualFold(w, name):
			return true
		}
	}
	return false
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
			if toks[i+k].Word != p {
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

func lowerCaseText(text string) bool {
	up := 0
	for i := 0; i < len(text); {
		// ASCII a byte at a time; unicode.IsUpper agrees with A to Z there.
		if c := text[i]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				up++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsUpper(r) {
			up++
		}
		i += n
	}
	return up*200 < len(text)
}
