package match

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unsafe"

	"github.com/align-coach/align/internal/wire"
)

// DefaultGap is how many words "..." may skip between two parts of a
// pattern. Gaps never cross a sentence boundary.
const DefaultGap = 6

// maxExpansions bounds how many plain patterns one written pattern may
// expand into, so a careless alternation cannot blow up the automaton.
const maxExpansions = 20000

// Expand turns one written pattern into the plain patterns it stands for.
// "(a|b c|)" is a choice (an empty choice makes the group optional) and
// "$NAME" is a macro: a list of choices defined once in the playbook.
func Expand(pattern string, macros map[string][]string) ([]string, error) {
	var out []string
	if err := expandInto(pattern, macros, &out, 0); err != nil {
		return nil, err
	}
	for i, p := range out {
		out[i] = strings.Join(strings.Fields(p), " ")
	}
	return out, nil
}

func expandInto(p string, macros map[string][]string, out *[]string, depth int) error {
	if depth > 8 {
		return fmt.Errorf("pattern %q: macros nest too deep", p)
	}
	open := strings.IndexAny(p, "($")
	if open < 0 {
		if strings.ContainsAny(p, ")|") {
			return fmt.Errorf("pattern %q: unbalanced ')' or '|' outside a group", p)
		}
		if len(*out) >= maxExpansions {
			return fmt.Errorf("pattern %q expands to more than %d phrases", p, maxExpansions)
		}
		*out = append(*out, p)
		return nil
	}
	var alts []string
	var rest string
	if p[open] == '$' {
		j := open + 1
		for j < len(p) && (p[j] == '_' || (p[j] >= 'A' && p[j] <= 'Z') || (p[j] >= '0' && p[j] <= '9')) {
			j++
		}
		name := p[open+1 : j]
		m, ok := macros[name]
		if !ok {
			return fmt.Errorf("pattern %q: unknown macro $%s", p, name)
		}
		alts, rest = m, p[j:]
		// A macro's own choices may use groups and macros; expand them as
		// part of the pattern.
		for _, a := range alts {
			if err := expandInto(p[:open]+" "+a+" "+rest, macros, out, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	level, closeAt := 0, -1
	var cuts []int
	for j := open; j < len(p); j++ {
		switch p[j] {
		case '(':
			level++
		case ')':
			level--
			if level == 0 {
				closeAt = j
			}
		case '|':
			if level == 1 {
				cuts = append(cuts, j)
			}
		}
		if closeAt >= 0 {
			break
		}
	}
	if closeAt < 0 {
		return fmt.Errorf("pattern %q: '(' without ')'", p)
	}
	prev := open + 1
	for _, c := range append(cuts, closeAt) {
		alts = append(alts, p[prev:c])
		prev = c + 1
	}
	rest = p[closeAt+1:]
	for _, a := range alts {
		if err := expandInto(p[:open]+" "+a+" "+rest, macros, out, depth); err != nil {
			return err
		}
	}
	return nil
}

// Hit is one match of one pattern: tokens First..Last inclusive.
type Hit struct {
	// Pattern, First and Last are 32-bit so a hit is 12 bytes, not 24: a
	// 1 MiB text's scan finds about 100,000 (token indexes fit: Tokenize
	// reads at most maxSource bytes).
	Pattern     int32
	First, Last int32
}

// Pattern is a compiled pattern: a sequence of elements, each a set of
// alternative word sequences (already normalised), with the largest gap
// allowed before it. Gap 0 means the element must follow the previous one
// directly.
type Pattern struct {
	Elems []Elem
}

// Elem is one position of a Pattern.
type Elem struct {
	Alts [][]string
	Gap  int
}

// Parse turns one written pattern into compiled patterns. Words, "(a|b)"
// groups and "$NAME" macros each become an element; "..." or "..N" between
// two elements allows a gap of DefaultGap or N words. A group with an
// empty choice is optional, so the pattern is returned with and without it.
func Parse(pattern string, macros map[string][]string) ([]Pattern, error) {
	items, err := splitItems(pattern)
	if err != nil {
		return nil, err
	}
	type elem struct {
		alts     [][]string
		optional bool
		gap      int
	}
	var elems []elem
	gap := 0
	var words []string
	flushWords := func() {
		if len(words) > 0 {
			n := NormalizePhrase(strings.Join(words, " "))
			if len(n) > 0 {
				elems = append(elems, elem{alts: [][]string{n}, gap: gap})
				gap = 0
			}
			words = nil
		}
	}
	for _, it := range items {
		switch {
		case strings.HasPrefix(it, ".."):
			flushWords()
			n := DefaultGap
			if it != "..." {
				v, err := strconv.Atoi(strings.TrimPrefix(it, ".."))
				if err != nil || v < 1 {
					return nil, fmt.Errorf("pattern %q: bad gap %q (use ... or ..N)", pattern, it)
				}
				n = v
			}
			if len(elems) == 0 {
				return nil, fmt.Errorf("pattern %q: a gap cannot start a pattern", pattern)
			}
			gap = n
		case strings.HasPrefix(it, "(") || strings.HasPrefix(it, "$"):
			flushWords()
			plain, err := Expand(it, macros)
			if err != nil {
				return nil, err
			}
			e := elem{gap: gap}
			seen := map[string]bool{}
			for _, pl := range plain {
				n := NormalizePhrase(pl)
				if len(n) == 0 {
					e.optional = true
					continue
				}
				k := strings.Join(n, " ")
				if !seen[k] {
					seen[k] = true
					e.alts = append(e.alts, n)
				}
			}
			if len(e.alts) == 0 {
				return nil, fmt.Errorf("pattern %q: group %s has no words", pattern, it)
			}
			elems = append(elems, e)
			gap = 0
		default:
			words = append(words, it)
		}
	}
	flushWords()
	if len(elems) == 0 {
		return nil, fmt.Errorf("pattern %q is empty", pattern)
	}
	if gap != 0 || strings.HasSuffix(strings.TrimSpace(pattern), "..") {
		return nil, fmt.Errorf("pattern %q: a gap cannot end a pattern", pattern)
	}
	// Optional elements: every combination of present and absent.
	out := []Pattern{{}}
	pendingGap := []int{0}
	for _, e := range elems {
		var next []Pattern
		var nextGap []int
		for i, p := range out {
			g := e.gap + pendingGap[i]
			with := Pattern{Elems: append(append([]Elem{}, p.Elems...), Elem{Alts: e.alts, Gap: g})}
			if len(p.Elems) == 0 {
				with.Elems[0].Gap = 0
			}
			next = append(next, with)
			nextGap = append(nextGap, 0)
			if e.optional {
				next = append(next, p)
				ng := pendingGap[i] + e.gap
				if len(p.Elems) == 0 {
					ng = 0
				}
				nextGap = append(nextGap, ng)
			}
		}
		out, pendingGap = next, nextGap
		if len(out) > 64 {
			return nil, fmt.Errorf("pattern %q has too many optional groups", pattern)
		}
	}
	var res []Pattern
	for _, p := range out {
		if len(p.Elems) > 0 {
			res = append(res, p)
		}
	}
	return res, nil
}

// splitItems cuts a pattern into words, gaps, macros and whole groups.
func splitItems(p string) ([]string, error) {
	var items []string
	i := 0
	for i < len(p) {
		c := p[i]
		switch {
		case c == ' ' || c == '\t':
			i++
		case c == '(':
			level, j := 0, i
			for ; j < len(p); j++ {
				if p[j] == '(' {
					level++
				} else if p[j] == ')' {
					level--
					if level == 0 {
						break
					}
				}
			}
			if j >= len(p) {
				return nil, fmt.Errorf("pattern %q: '(' without ')'", p)
			}
			items = append(items, p[i:j+1])
			i = j + 1
		case c == ')' || c == '|':
			return nil, fmt.Errorf("pattern %q: unbalanced ')' or '|' outside a group", p)
		default:
			j := i
			for j < len(p) && p[j] != ' ' && p[j] != '(' && p[j] != ')' && p[j] != '|' {
				j++
			}
			items = append(items, p[i:j])
			i = j
		}
	}
	return items, nil
}

// Matcher runs many patterns over a token stream at once. Its automaton is
// held in flat arrays (no maps but the symbol table), so it is quick to
// run, and quick to write out at build time and read back at start (see
// Encode and DecodeMatcher).
type Matcher struct {
	// syms holds the stems, symbol by symbol (see symTable).
	syms symTable
	// root[s] is the root's child on symbol s, 0 when there is none (no
	// edge leads back to the root).
	root []int32
	// Node n's other edges are edgeSym/edgeNext[edgeStart[n]:edgeStart[n+1]],
	// sorted by symbol.
	edgeStart         []int32
	edgeSym, edgeNext []int32
	fail              []int32
	// outSeg[outStart[n]:outStart[n+1]] are the segments ending at node n,
	// including through fail links.
	outStart, outSeg []int32
	// ownPat/ownIdx[ownStart[g]:ownStart[g+1]] are the (pattern, element)
	// pairs segment g serves.
	ownStart, ownPat, ownIdx []int32
	segLen                   []int32
	// patLen[p] is pattern p's number of elements; its partial-match
	// slots start at partialBase[p]; gap[partialBase[p]+k] is the largest
	// gap allowed before its element k.
	patLen, partialBase, gap []int32
	slots                    int
	// owners is ownPat/ownIdx with what Match reads about each owner
	// beside it (see owner); derived from the arrays above, never stored.
	owners []owner
	// pool keeps partial-match buffers between calls, so a short text does
	// not pay for clearing one slot per pattern element.
	pool sync.Pool
}

// owner is one (pattern, element) pair a segment serves, laid out for
// Match: one load gives everything the inner loop needs, where reading
// ownPat, ownIdx, patLen, partialBase and gap took five loads (with their
// bounds checks) per owner, and the owner loop is most of a scan.
type owner struct {
	pat int32
	// slot is the partial-match slot of the element (partialBase + index):
	// it holds the chain of the elements before it, and slot+1 receives
	// the chain through it.
	slot int32
	// gap is the largest gap allowed before the element, or -1 for a
	// pattern's first element (which needs no chain).
	gap int32
	// last is set for a pattern's last element: a chain through it is a hit.
	last bool
}

// prepare derives owners from the automaton's arrays.
func (m *Matcher) prepare() {
	m.owners = make([]owner, len(m.ownPat))
	for o, p := range m.ownPat {
		k := m.ownIdx[o]
		base := m.partialBase[p]
		g := int32(-1)
		if k > 0 {
			g = m.gap[base+k]
		}
		m.owners[o] = owner{pat: p, slot: base + k, gap: g, last: k == m.patLen[p]-1}
	}
	// owners holds what ownPat and ownIdx say (Encode makes them again):
	// keeping both was 180 KB of the playbook's 1.5 MiB of heap, which
	// every collection reads and a server's heap goal doubles.
	m.ownPat, m.ownIdx = nil, nil
}

// ownerArrays makes ownPat and ownIdx again from owners.
func (m *Matcher) ownerArrays() (pat, idx []int32) {
	pat, idx = make([]int32, len(m.owners)), make([]int32, len(m.owners))
	for o, ow := range m.owners {
		pat[o], idx[o] = ow.pat, ow.slot-m.partialBase[ow.pat]
	}
	return pat, idx
}

// builder is the automaton while it is built, with maps for edges.
type builder struct {
	syms      map[string]int32
	nodes     []node
	segOwners [][]segRef
	segLen    []int32
}

type node struct {
	next map[int32]int32
	fail int32
	out  []int32 // segments ending here, including through fail links
}

type segRef struct {
	pattern int32
	index   int32
}

// Compile builds one automaton for all patterns. Hit.Pattern is the index
// into patterns.
func Compile(patterns []Pattern) (*Matcher, error) {
	bd := &builder{syms: map[string]int32{}, nodes: []node{{next: map[int32]int32{}}}}
	m := &Matcher{}
	segIndex := map[string]int32{}
	for pi, p := range patterns {
		if len(p.Elems) == 0 {
			return nil, fmt.Errorf("pattern %d is empty", pi)
		}
		m.partialBase = append(m.partialBase, int32(m.slots))
		m.patLen = append(m.patLen, int32(len(p.Elems)))
		m.slots += len(p.Elems)
		for k, e := range p.Elems {
			m.gap = append(m.gap, int32(e.Gap))
			for _, alt := range e.Alts {
				if len(alt) == 0 {
					return nil, fmt.Errorf("pattern %d has an empty alternative", pi)
				}
				key := strings.Join(alt, " ")
				id, ok := segIndex[key]
				if !ok {
					id = int32(len(bd.segOwners))
					segIndex[key] = id
					bd.segOwners = append(bd.segOwners, nil)
					bd.segLen = append(bd.segLen, int32(len(alt)))
					bd.insert(alt, id)
				}
				bd.segOwners[id] = append(bd.segOwners[id], segRef{int32(pi), int32(k)})
			}
		}
	}
	bd.link()
	bd.freeze(m)
	m.prepare()
	return m, nil
}

// freeze lays the built automaton out in m's flat arrays.
func (bd *builder) freeze(m *Matcher) {
	list := make([]string, len(bd.syms))
	for s, id := range bd.syms {
		list[id] = s
	}
	m.syms = newSymTable(list)
	m.root = make([]int32, len(bd.syms))
	for s, nx := range bd.nodes[0].next {
		m.root[s] = nx
	}
	m.edgeStart = make([]int32, 0, len(bd.nodes)+1)
	m.fail = make([]int32, len(bd.nodes))
	m.outStart = make([]int32, 0, len(bd.nodes)+1)
	for n, nd := range bd.nodes {
		m.edgeStart = append(m.edgeStart, int32(len(m.edgeSym)))
		if n > 0 {
			for _, s := range sortedKeys(nd.next) {
				m.edgeSym = append(m.edgeSym, s)
				m.edgeNext = append(m.edgeNext, nd.next[s])
			}
		}
		m.fail[n] = nd.fail
		m.outStart = append(m.outStart, int32(len(m.outSeg)))
		m.outSeg = append(m.outSeg, nd.out...)
	}
	m.edgeStart = append(m.edgeStart, int32(len(m.edgeSym)))
	m.outStart = append(m.outStart, int32(len(m.outSeg)))
	m.ownStart = make([]int32, 0, len(bd.segOwners)+1)
	for _, owners := range bd.segOwners {
		m.ownStart = append(m.ownStart, int32(len(m.ownPat)))
		for _, o := range owners {
			m.ownPat = append(m.ownPat, o.pattern)
			m.ownIdx = append(m.ownIdx, o.index)
		}
	}
	m.ownStart = append(m.ownStart, int32(len(m.ownPat)))
	m.segLen = bd.segLen
}

// CompileStrings parses and compiles written patterns without macros; the
// hits' Pattern is the index of the written pattern.
func CompileStrings(patterns []string) (*Matcher, []int, error) {
	var all []Pattern
	var owner []int
	for i, s := range patterns {
		ps, err := Parse(s, nil)
		if err != nil {
			return nil, nil, err
		}
		for _, p := range ps {
			all = append(all, p)
			owner = append(owner, i)
		}
	}
	m, err := Compile(all)
	return m, owner, err
}

func (bd *builder) sym(s string) int32 {
	if id, ok := bd.syms[s]; ok {
		return id
	}
	id := int32(len(bd.syms))
	bd.syms[s] = id
	return id
}

func (bd *builder) insert(words []string, seg int32) {
	cur := int32(0)
	for _, w := range words {
		s := bd.sym(w)
		nx, ok := bd.nodes[cur].next[s]
		if !ok {
			nx = int32(len(bd.nodes))
			bd.nodes = append(bd.nodes, node{next: map[int32]int32{}})
			bd.nodes[cur].next[s] = nx
		}
		cur = nx
	}
	bd.nodes[cur].out = append(bd.nodes[cur].out, seg)
}

// link sets failure links breadth first and folds each node's fail-chain
// outputs into its own, so matching reads one list per step.
func (bd *builder) link() {
	nodes := bd.nodes
	queue := []int32{}
	for _, child := range sortedChildren(nodes[0].next) {
		nodes[child].fail = 0
		queue = append(queue, child)
	}
	for len(queue) > 0 {
		cur := queue[0]
		queue = queue[1:]
		for _, s := range sortedKeys(nodes[cur].next) {
			child := nodes[cur].next[s]
			f := nodes[cur].fail
			for {
				if nx, ok := nodes[f].next[s]; ok && nx != child {
					nodes[child].fail = nx
					break
				}
				if f == 0 {
					nodes[child].fail = 0
					break
				}
				f = nodes[f].fail
			}
			nodes[child].out = append(nodes[child].out, nodes[nodes[child].fail].out...)
			queue = append(queue, child)
		}
	}
}

func sortedKeys(mp map[int32]int32) []int32 {
	ks := make([]int32, 0, len(mp))
	for k := range mp {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return ks[i] < ks[j] })
	return ks
}

func sortedChildren(mp map[int32]int32) []int32 {
	out := make([]int32, 0, len(mp))
	for _, k := range sortedKeys(mp) {
		out = append(out, mp[k])
	}
	return out
}

// next is node cur's child on symbol s, or -1.
func (m *Matcher) next(cur, s int32) int32 {
	if cur == 0 {
		if nx := m.root[s]; nx != 0 {
			return nx
		}
		return -1
	}
	lo, hi := m.edgeStart[cur], m.edgeStart[cur+1]
	for lo < hi {
		mid := int32(uint32(lo+hi) >> 1)
		switch v := m.edgeSym[mid]; {
		case v == s:
			return m.edgeNext[mid]
		case v < s:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// partial is the latest chain of segments 0..k-1 of one pattern seen so
// far. It is valid only when gen matches the current Match call, so the
// buffer can be reused without clearing it.
type partial struct {
	first, last int32
	// sentence is the sentence of token last, so that a chain is not
	// continued across sentences without reading the token again.
	sentence int32
	gen      uint32
}

// scratch is a reusable partial-match buffer, with a cache of symbols.
type scratch struct {
	parts []partial
	gen   uint32
	// syms remembers the symbol of recent stems by where their bytes
	// are: a word's stem is one string the tokeniser's word cache hands
	// out for every use of the word, so most tokens find their symbol
	// with a pointer comparison instead of a map lookup. An entry holds
	// its string, so those bytes cannot be reused for another stem while
	// the entry is there.
	syms [symCacheSize]symEntry
}

type symEntry struct {
	s   string
	sym int32 // -1: not a symbol of the automaton
}

const (
	symCacheBits = 10
	symCacheSize = 1 << symCacheBits
)

// sym returns the symbol of stem, or -1.
func (m *Matcher) sym(sc *scratch, stem string) int32 {
	p := unsafe.StringData(stem)
	e := &sc.syms[(uint64(uintptr(unsafe.Pointer(p)))*0x9E3779B97F4A7C15)>>(64-symCacheBits)]
	if unsafe.StringData(e.s) == p && len(e.s) == len(stem) && p != nil {
		return e.sym
	}
	s, known := m.syms.lookup(stem)
	if !known {
		s = -1
	}
	e.s, e.sym = stem, s
	return s
}

// Match returns every hit of every pattern in toks, in order of the token
// where each hit ends. Its cost is linear in len(toks) plus the hits.
func (m *Matcher) Match(toks []Token) []Hit { return m.AppendMatch(nil, toks) }

// AppendMatch is Match appending the hits to hits[:0], so that a caller
// that reads them at once (as the playbook's scan does) can reuse one list
// from text to text instead of growing a new one each time.
func (m *Matcher) AppendMatch(hits []Hit, toks []Token) []Hit {
	hits = hits[:0]
	sc, _ := m.pool.Get().(*scratch)
	if sc == nil || len(sc.parts) != m.slots {
		sc = &scratch{parts: make([]partial, m.slots)}
	}
	sc.gen++
	if sc.gen == 0 { // wrapped: old stamps could look current
		clear(sc.parts)
		sc.gen = 1
	}
	defer m.pool.Put(sc)
	parts, gen := sc.parts, sc.gen
	owners := m.owners
	cur := int32(0)
	for i := range toks {
		tk := &toks[i]
		s := m.sym(sc, tk.Stem())
		if s < 0 {
			cur = 0
			continue
		}
		for {
			if nx := m.next(cur, s); nx >= 0 {
				cur = nx
				break
			}
			if cur == 0 {
				break
			}
			cur = m.fail[cur]
		}
		sent := int32(tk.Sentence())
		for _, seg := range m.outSeg[m.outStart[cur]:m.outStart[cur+1]] {
			start := int32(i) - m.segLen[seg] + 1
			hits = step(owners[m.ownStart[seg]:m.ownStart[seg+1]], parts, hits, gen, start, int32(i), sent)
		}
	}
	return hits
}

// step runs the owners of one segment that ends at token i and starts at
// token start: a pattern's first element starts a chain, a later one
// extends the chain before it when that ended in the gap before start, in
// the same sentence; a chain through a last element is a hit. It is a
// function of its own so that the loop, most of a scan, keeps its values
// in registers.
func step(run []owner, parts []partial, hits []Hit, gen uint32, start, i, sent int32) []Hit {
	for n := range run {
		o := &run[n]
		first := start
		if o.gap >= 0 {
			pr := &parts[o.slot]
			if pr.gen != gen || pr.last >= start || pr.sentence != sent {
				continue
			}
			if (o.gap == 0 && pr.last != start-1) || start-pr.last-1 > o.gap {
				continue
			}
			first = pr.first
		}
		if o.last {
			hits = append(hits, Hit{Pattern: o.pat, First: first, Last: i})
		} else {
			parts[o.slot+1] = partial{first: first, last: i, sentence: sent, gen: gen}
		}
	}
	return hits
}

// Patterns is the number of patterns compiled.
func (m *Matcher) Patterns() int { return len(m.patLen) }

// Encode writes the compiled automaton, for DecodeMatcher.
func (m *Matcher) Encode(w *wire.Writer) {
	w.Uint(uint64(m.syms.len()))
	for i := range m.syms.len() {
		w.String(m.syms.at(i))
	}
	ownPat, ownIdx := m.ownPat, m.ownIdx
	if ownPat == nil && m.owners != nil {
		ownPat, ownIdx = m.ownerArrays()
	}
	for _, a := range m.arrays() {
		switch a {
		case &m.ownPat:
			w.Int32s(ownPat)
		case &m.ownIdx:
			w.Int32s(ownIdx)
		default:
			w.Int32s(*a)
		}
	}
}

func (m *Matcher) arrays() []*[]int32 {
	return []*[]int32{&m.root, &m.edgeStart, &m.edgeSym, &m.edgeNext, &m.fail, &m.outStart, &m.outSeg,
		&m.ownStart, &m.ownPat, &m.ownIdx, &m.segLen, &m.patLen, &m.partialBase, &m.gap}
}

// DecodeMatcher reads an automaton written by Encode. It checks every
// index, so corrupt data gives an error, never a matcher that panics.
func DecodeMatcher(r *wire.Reader) (*Matcher, error) {
	m := &Matcher{}
	list := make([]string, r.Len())
	for i := range list {
		list[i] = r.String()
	}
	m.syms = newSymTable(list)
	for _, a := range m.arrays() {
		*a = r.Int32s()
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("match: corrupt automaton: %w", err)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("match: corrupt automaton: %w", err)
	}
	for _, l := range m.patLen {
		m.slots += int(l)
	}
	m.prepare()
	return m, nil
}

// check verifies that every index of a decoded automaton is in range.
func (m *Matcher) check() error {
	nodes := len(m.fail)
	segs := len(m.segLen)
	pats := len(m.patLen)
	if m.syms.dups != 0 || len(m.root) != m.syms.len() || nodes == 0 ||
		len(m.edgeStart) != nodes+1 || len(m.outStart) != nodes+1 || len(m.ownStart) != segs+1 ||
		len(m.edgeSym) != len(m.edgeNext) || len(m.ownPat) != len(m.ownIdx) || len(m.partialBase) != pats {
		return errors.New("array sizes disagree")
	}
	inRange := func(v []int32, n int) bool {
		for _, x := range v {
			if x < 0 || int(x) >= n {
				return false
			}
		}
		return true
	}
	ascending := func(v []int32, max int) bool {
		if v[0] != 0 || int(v[len(v)-1]) != max {
			return false
		}
		for i := 1; i < len(v); i++ {
			if v[i] < v[i-1] {
				return false
			}
		}
		return true
	}
	slots := 0
	for p, l := range m.patLen {
		if l < 1 || int(m.partialBase[p]) != slots {
			return errors.New("bad pattern layout")
		}
		slots += int(l)
	}
	switch {
	case !inRange(m.root, nodes) || !inRange(m.edgeNext, nodes) || !inRange(m.fail, nodes) ||
		!inRange(m.edgeSym, m.syms.len()) || !inRange(m.outSeg, segs) || !inRange(m.ownPat, pats):
		return errors.New("index out of range")
	case !ascending(m.edgeStart, len(m.edgeSym)) || !ascending(m.outStart, len(m.outSeg)) || !ascending(m.ownStart, len(m.ownPat)):
		return errors.New("bad offsets")
	case len(m.gap) != slots:
		return errors.New("bad gaps")
	}
	for i, k := range m.ownIdx {
		if k < 0 || k >= m.patLen[m.ownPat[i]] {
			return errors.New("element out of range")
		}
	}
	for _, l := range m.segLen {
		if l < 1 {
			return errors.New("empty segment")
		}
	}
	return nil
}
