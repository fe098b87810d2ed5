package playbook

import (
	"iter"
	"slices"
	"sort"
	"strings"
	"sync"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/match"
)

// Hit is one signal found in a text, with what surrounds it.
type Hit struct {
	Signal *Signal
	// First and Last are token indexes, inclusive; Start and End byte
	// offsets into the text. They are 32-bit so a hit is 32 bytes, not 48
	// (a 1 MiB text has tens of thousands of hits); read them with int().
	First, Last int32
	Start, End  int32
	// Negated: a negation in the same clause just before ("never said").
	Negated bool
	// Hedged: a hedge in the same clause just before ("maybe").
	Hedged bool
	// Intent: earlier in the sentence the user says they are only
	// considering it ("I'm tempted to").
	Intent bool
	// Reported: the words are the sales leader's, quoted or reported.
	Reported bool
	// Ask: the hit sits in a sentence that asks for help.
	Ask bool
}

// Counts reports whether the hit asserts its signal: not negated, unless
// the signal carries its own negation. Intent does not cancel a cue (what
// the user wants to do still says what the request is about); the tried
// codes read it separately.
func (h Hit) Counts() bool {
	return h.Signal.Keep || !h.Negated
}

// Scan is a text with every signal found in it.
type Scan struct {
	Text   string
	Tokens []match.Token
	Hits   []Hit
	// mods holds the modifier hits by kind ("negation", "hedge",
	// "intent", "reported", "ask"), sorted by their last token.
	mods map[string][]match.Hit
}

// ModHits returns the hits of one kind of modifier, sorted by their last
// token.
func (s *Scan) ModHits(kind string) []match.Hit { return s.mods[kind] }

// Scan tokenises text once and runs every pattern of the playbook over it
// in one pass, then marks each hit's negation, hedging, intent and speaker.
func (p *Playbook) Scan(text string) *Scan {
	toks := match.Tokenize(text)
	p.lastScan.Store(&tokenized{text, toks})
	rb, _ := rawHits.Get().(*[]match.Hit)
	if rb == nil {
		rb = new([]match.Hit)
	}
	raw := p.matcher.AppendMatch(*rb, toks)
	defer func() {
		if cap(raw) <= maxPooledHits {
			*rb = raw[:0]
			rawHits.Put(rb)
		}
	}()
	// Every hit that is not a modifier's becomes one Hit: sized once.
	s := &Scan{Text: text, Tokens: toks, Hits: make([]Hit, 0, len(raw))}

	// One signal's patterns can find the same words twice: the raw hits
	// come in order of their last token, so a repeat is among the hits
	// ending at the same token, looked for in a short list instead of a
	// map of every hit.
	type key struct {
		sig   *Signal
		first int32
	}
	var same []key
	last := int32(-1)
	mods := map[string][]match.Hit{}
	for _, h := range raw {
		sig := p.refs[h.Pattern]
		if h.Last != last {
			same, last = same[:0], h.Last
		}
		if slices.Contains(same, key{sig, h.First}) {
			continue
		}
		same = append(same, key{sig, h.First})
		if sig.group == "mod" {
			mods[sig.key] = append(mods[sig.key], h)
			continue
		}
		s.Hits = append(s.Hits, Hit{
			Signal: sig, First: h.First, Last: h.Last,
			Start: int32(toks[h.First].Start()), End: int32(toks[h.Last].End()),
		})
	}
	for _, list := range mods {
		sort.Slice(list, func(i, j int) bool { return list[i].Last < list[j].Last })
	}
	s.mods = mods
	asks := askSentences(text, toks, mods["ask"])
	win := p.Modifiers.Window
	negs, hedges, intents, reports := mods["negation"], mods["hedge"], mods["intent"], mods["reported"]
	for i := range s.Hits {
		h := &s.Hits[i]
		f := toks[h.First]
		h.Negated = before(negs, toks, int(h.First), win, true)
		h.Hedged = before(hedges, toks, int(h.First), win, true)
		// Intent may sit inside the phrase ("I am tempted to present the
		// data" matches from "I"), so it counts anywhere before the end.
		h.Intent = before(intents, toks, int(h.Last), 1<<30, false)
		// A reporting phrase may end on the signal's first word ("thinks
		// marketing is ..."), so it reaches one token further.
		h.Reported = f.Quoted() || toks[h.Last].Quoted() || before(reports, toks, min(int(h.First)+1, int(h.Last)), 1<<30, false)
		h.Ask = asks[f.Sentence()]
	}
	// Drop hits that overlap an earlier, longer hit of the same signal, so
	// one phrase counts once.
	sort.SliceStable(s.Hits, func(i, j int) bool {
		if int(s.Hits[i].First) != int(s.Hits[j].First) {
			return int(s.Hits[i].First) < int(s.Hits[j].First)
		}
		return int(s.Hits[i].Last) > int(s.Hits[j].Last)
	})
	out := s.Hits[:0]
	lastEnd := map[*Signal]int{}
	for _, h := range s.Hits {
		if e, ok := lastEnd[h.Signal]; ok && int(h.First) <= e {
			continue
		}
		lastEnd[h.Signal] = int(h.Last)
		out = append(out, h)
	}
	s.Hits = out
	return s
}

// rawHits keeps the automaton's hit lists between scans; Scan reads each
// list once and keeps nothing of it. The modifier hits it keeps are
// copied out (mods).
var rawHits sync.Pool

// maxPooledHits bounds a hit list kept for reuse.
const maxPooledHits = 1 << 14

// tokenized is a text with its tokens.
type tokenized struct {
	text string
	toks []match.Token
}

// Tokens returns the tokens of text: those of the text Scan read last
// when it is the same text, as when the fact sheet reads the text the
// diagnosis has just scanned (tokenising it again was a tenth of the
// plan's allocation and a 1 MiB text's tokens were held twice), or
// match.Tokenize's otherwise. The tokens are shared: read them, never
// change them.
func (p *Playbook) Tokens(text string) []match.Token {
	if t := p.lastScan.Load(); t != nil && t.text == text {
		return t.toks
	}
	return match.Tokenize(text)
}

// before reports whether a modifier hit ends within win tokens before
// token at, in the same sentence (and the same clause when clause is set).
// mods must be sorted by Last; the search is a binary search, so marking
// every hit stays linear in the text.
func before(mods []match.Hit, toks []match.Token, at, win int, clause bool) bool {
	t := toks[at]
	// The latest modifier that ends before at is the closest candidate;
	// walk back from it while still in the window and the sentence.
	i := sort.Search(len(mods), func(i int) bool { return int(mods[i].Last) >= at }) - 1
	for ; i >= 0; i-- {
		m := mods[i]
		if at-int(m.Last) > win {
			return false
		}
		e := toks[m.Last]
		if e.Sentence() != t.Sentence() {
			return false
		}
		if clause && e.Clause() != t.Clause() {
			continue
		}
		return true
	}
	return false
}

// askSentences marks the sentences that ask for help: those ending in a
// question mark, and those that open with one of the playbook's request
// openers ("help me", "I need", "give me").
func askSentences(text string, toks []match.Token, openers []match.Hit) map[int]bool {
	asks := map[int]bool{}
	for i, tk := range toks {
		if i == len(toks)-1 || toks[i+1].Sentence() != tk.Sentence() {
			rest := strings.TrimLeft(text[tk.End():], " \t\"')")
			if strings.HasPrefix(rest, "?") {
				asks[tk.Sentence()] = true
			}
		}
	}
	for _, h := range openers {
		if h.First == 0 || toks[h.First-1].Sentence() != toks[h.First].Sentence() {
			asks[toks[h.First].Sentence()] = true
		}
	}
	return asks
}

// Evidence turns a hit into the evidence a user sees.
func (s *Scan) Evidence(h Hit) align.Evidence {
	sp := "user"
	if h.Reported {
		sp = "sales_leader"
	}
	return align.Evidence{
		Start: int(h.Start), End: int(h.End), Quote: s.Text[int(h.Start):int(h.End)],
		Signal: h.Signal.ID, Label: h.Signal.LabelFor(s.Text[int(h.Start):int(h.End)]), Speaker: sp, Weight: h.Signal.Weight,
	}
}

// Of returns the hits of one group, and of one key when key is not empty.
func (s *Scan) Of(group, key string) []Hit {
	// Counted first, so the list is allocated once at its size.
	n := 0
	for i := range s.Hits {
		if sig := s.Hits[i].Signal; sig.group == group && (key == "" || sig.key == key) {
			n++
		}
	}
	if n == 0 {
		return nil
	}
	out := make([]Hit, 0, n)
	for _, h := range s.Hits {
		if h.Signal.group == group && (key == "" || h.Signal.key == key) {
			out = append(out, h)
		}
	}
	return out
}

// Each yields the hits Of returns, in the same order, without making a
// list: most readers of a scan only loop over one group's hits once, and
// the lists were a twentieth of a plan's allocation.
func (s *Scan) Each(group, key string) iter.Seq[Hit] {
	return func(yield func(Hit) bool) {
		for i := range s.Hits {
			if sig := s.Hits[i].Signal; sig.group == group && (key == "" || sig.key == key) {
				if !yield(s.Hits[i]) {
					return
				}
			}
		}
	}
}
