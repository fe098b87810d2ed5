package diagnose

import (
	"math"
	"math/bits"
	"slices"
	"strconv"
	"unsafe"

	"github.com/align-coach/align/learn"
	"github.com/align-coach/align/playbook"
)

// The reader's features are named by strings ("w:U:~see", "b:lead_score",
// "s:t1-data!neg@U"), which is how training builds them and how the model
// file stores them. Building such a string for every word of a text and
// looking it up in a map was most of a diagnosis's cost, so a diagnosis
// with a Reader reads the words into integer ids instead:
//
//   - every distinct string of the text (a stem, a word, a signal's name)
//     gets an id once per text (ids.intern);
//   - a word feature is a gram key: its kind (which prefix) and the ids of
//     its one or two strings, packed in a uint64. Two keys are equal
//     exactly when the feature names they stand for are equal, because
//     stems never hold the characters the prefixes are made of;
//   - a gram key is resolved to the reader's feature index once per text,
//     through featureTable, which hashes the name's pieces as if joined.
//
// The values, spans and vectors are the same, bit for bit, as those the
// string path (features, used by training) gives; TestFastFeatures checks
// it over the corpus.

// gramKind is which prefix a gram's name starts with.
type gramKind uint8

const (
	gNone  gramKind = iota
	gW              // "w:" + stem
	gWNeg           // "w:~" + stem (or a negation word)
	gWQ             // "w:?" + stem
	gWU             // "w:U:" + stem, and so on for each actor
	gWUNeg          // "w:U:~" + stem
	gWL
	gWLNeg
	gWO
	gWONeg
	gB   // "b:" + stem + "_" + stem
	gRaw // the whole name is the string
)

var gramPrefix = [...]string{
	gW: "w:", gWNeg: "w:~", gWQ: "w:?",
	gWU: "w:U:", gWUNeg: "w:U:~", gWL: "w:L:", gWLNeg: "w:L:~", gWO: "w:O:", gWONeg: "w:O:~",
	gB: "b:", gRaw: "",
}

// actorGram is the kind of a word in a sentence about an actor, plain and
// denied.
var actorGram = [...][2]gramKind{actorUser: {gWU, gWUNeg}, actorLeader: {gWL, gWLNeg}, actorOther: {gWO, gWONeg}}

// gram packs a kind and up to two string ids.
func gram(k gramKind, a, b int32) uint64 {
	return uint64(k)<<56 | uint64(uint32(a))<<28 | uint64(uint32(b))
}

// idLimit bounds the strings of one text that get an id (28 bits each in a
// gram key); past it, a text's extra strings share the last id, which no
// real text of the size align accepts comes near.
const idLimit = 1<<28 - 1

// featureTable finds a feature's index by its name given in pieces, without
// joining them: an open-addressing table of FNV-1a hashes over the names,
// built once per reader in a fraction of a millisecond (a Go map of the
// 15,000 names took several).
type featureTable struct {
	names featureNames
	slots []int32 // feature index + 1; 0 is empty
	mask  uint64
}

// featureNames is a reader's feature names held as one string and where
// each name starts and ends in it, not as a list of strings: the garbage
// collector reads one pointer instead of one a name. A list of the 14,743
// names cost every collection about 2.2 million instructions (a server
// collects every dozen or so plans), though the names never change.
type featureNames struct {
	all string
	at  []uint32 // name i is all[at[2*i]:at[2*i+1]]
}

// newFeatureNames holds the names of b: where Decode read them, in place;
// otherwise copied into one string.
func newFeatureNames(b *learn.Bundle) featureNames {
	if text, at, ok := b.FeatureText(); ok {
		return featureNames{all: text, at: at}
	}
	n := 0
	for _, s := range b.Features {
		n += len(s)
	}
	buf := make([]byte, n)
	at := make([]uint32, 0, 2*len(b.Features))
	off := 0
	for _, s := range b.Features {
		at = append(at, uint32(off))
		off += copy(buf[off:], s)
		at = append(at, uint32(off))
	}
	// buf is never written again: the string may share its bytes.
	return featureNames{all: unsafe.String(unsafe.SliceData(buf), len(buf)), at: at}
}

// len is the number of names.
func (f featureNames) len() int { return len(f.at) / 2 }

// name returns name i.
func (f featureNames) name(i int) string { return f.all[f.at[2*i]:f.at[2*i+1]] }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func fnvAdd(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// newFeatureTable indexes names, which list (the same names as strings,
// read while the table is built and not kept) holds too.
func newFeatureTable(names featureNames, list []string) *featureTable {
	size := 16
	for size < 2*len(list) {
		size <<= 1
	}
	t := &featureTable{names: names, slots: make([]int32, size), mask: uint64(size - 1)}
	for i, n := range list {
		for s := fnvAdd(fnvOffset, n) & t.mask; ; s = (s + 1) & t.mask {
			if t.slots[s] == 0 {
				t.slots[s] = int32(i) + 1
				break
			}
			if list[t.slots[s]-1] == n {
				t.slots[s] = int32(i) + 1 // the last of equal names wins, as a map would have it
				break
			}
		}
	}
	return t
}

// signalTails are the endings of a signal feature's name after its
// modifier: reported or not, then about nobody in particular, the user
// or someone else (the names training gives them, without joining them
// for every hit).
var signalTails = [6]string{"", "@U", "@O", "!rep", "!rep@U", "!rep@O"}

// findParts returns the index of the feature named by parts joined.
func (t *featureTable) findParts(parts []string) int32 {
	h, n := uint64(fnvOffset), 0
	for _, p := range parts {
		h, n = fnvAdd(h, p), n+len(p)
	}
	for s := h & t.mask; ; s = (s + 1) & t.mask {
		i := t.slots[s]
		if i == 0 {
			return -1
		}
		if x := t.names.name(int(i - 1)); len(x) == n && hasParts(x, parts) {
			return i - 1
		}
	}
}

// hasParts reports whether x starts with parts joined.
func hasParts(x string, parts []string) bool {
	for _, p := range parts {
		if len(x) < len(p) || x[:len(p)] != p {
			return false
		}
		x = x[len(p):]
	}
	return true
}

// find returns the index of the feature named a+b+c+d, or -1.
func (t *featureTable) find(a, b, c, d string) int32 {
	h := fnvAdd(fnvAdd(fnvAdd(fnvAdd(fnvOffset, a), b), c), d)
	n := len(a) + len(b) + len(c) + len(d)
	for s := h & t.mask; ; s = (s + 1) & t.mask {
		i := t.slots[s]
		if i == 0 {
			return -1
		}
		if x := t.names.name(int(i - 1)); len(x) == n && x[:len(a)] == a && x[len(a):len(a)+len(b)] == b &&
			x[len(a)+len(b):n-len(d)] == c && x[n-len(d):] == d {
			return i - 1
		}
	}
}

// ids is the per-text state of the id path: the text's strings, the gram
// keys it resolved, and the features it holds with their values and
// spans. A Reader keeps a pool of them.
type ids struct {
	rd *Reader
	// id of each distinct string of the text, and the strings by id.
	ids  map[string]int32
	strs []string
	// near is a table in front of ids keyed by where a string's bytes
	// are (see intern); entries of an earlier text (another gen) are
	// ignored.
	near *[1 << nearBits]nearID
	gen  uint32
	// tok holds each token's stem id (-1 for no stem).
	tok []int32
	// grams maps each gram key seen to its feature index (-1 unknown);
	// its size after the words is the number of distinct word features.
	grams gramTable
	// keys holds one sentence's gram keys while it is read.
	keys []uint64
	// res remembers word grams resolved in earlier texts (see resolved).
	res *[1 << knownBits]resolved
	// sigs remembers the features of the signal hits of earlier texts: a
	// playbook's signals are the same from text to text, and finding
	// their two names hashed six pieces a hit.
	sigs map[sigKey][2]int32
	// slot is, per reader feature, its place in feats plus one (0: absent).
	slot []int32
	// have marks, per reader feature, whether feats holds it: reading it
	// in order gives the features sorted, with no sort.
	have  []uint64
	feats []int32
	vals  []float64
	spans [][maxSpans]span
	nspan []uint8
	// Buffers a doc's explanations use, kept here between texts (see
	// lend and keep): a doc is made for every diagnosis, the ids are
	// pooled.
	buf docBuffers
}

// docBuffers are the per-token and per-feature lists a doc explains with.
type docBuffers struct {
	explained []uint32
	clauses   [][2]uint16
	contrib   []learn.Contribution
	ones      []float32
	cls       []explainClause
	// idx and val hold the text's vector (vector).
	idx []int32
	val []float32
}

// lend gives d the buffers, cleared for a text of n tokens.
func (x *ids) lend(d *doc, n int) {
	b := &x.buf
	if cap(b.explained) >= n {
		d.explained = b.explained[:n]
		clear(d.explained)
	}
	if cap(b.clauses) >= n {
		d.clauses = b.clauses[:n]
		clear(d.clauses)
	}
	d.contrib, d.ones, d.cls = b.contrib[:0], b.ones[:0], b.cls[:0]
	*b = docBuffers{idx: b.idx, val: b.val}
}

// dropLong lets a long text's per-token explanation lists go before the
// sentences are read: they are 8 bytes a token (1.6 MiB for a 1 MiB text),
// too large to keep for the next text anyway, and an explanation asked
// for later makes them afresh (explain clears its marks, clauses is
// a cache of clauseTokens).
func (d *doc) dropLong() {
	if len(d.explained) > maxPooled {
		d.explained = nil
	}
	if len(d.clauses) > maxPooled {
		d.clauses = nil
	}
}

// keep takes the buffers back from d, unless a long text grew them past
// what is worth keeping.
func (x *ids) keep(d *doc) {
	b := docBuffers{explained: d.explained, clauses: d.clauses, contrib: d.contrib, ones: d.ones, cls: d.cls, idx: x.buf.idx, val: x.buf.val}
	if cap(b.explained) > maxPooled || cap(b.clauses) > maxPooled || cap(b.contrib) > maxPooled || cap(b.ones) > maxPooled ||
		cap(b.idx) > maxPooled || cap(b.cls) > maxPooled {
		x.buf = docBuffers{}
		return
	}
	x.buf = b
}

func (r *Reader) getIDs() *ids {
	x, _ := r.pool.Get().(*ids)
	if x == nil {
		x = &ids{rd: r, ids: make(map[string]int32, 1024), grams: newGramTable(2048),
			slot: make([]int32, r.feat.len()), have: make([]uint64, (r.feat.len()+63)/64),
			res: new([1 << knownBits]resolved), near: new([1 << nearBits]nearID), sigs: map[sigKey][2]int32{}}
	}
	x.gen++
	if x.gen == 0 { // wrapped: an old entry could look current
		clear(x.near[:])
		x.gen = 1
	}
	return x
}

// release clears what the text left and returns x to the pool, unless a
// long text grew it past what is worth keeping.
func (x *ids) release() {
	for _, f := range x.feats {
		x.slot[f] = 0
		x.have[f>>6] = 0
	}
	if x.grams.len() > maxPooled || len(x.ids) > maxPooled {
		return
	}
	clear(x.ids)
	x.grams.reset()
	x.strs, x.tok = x.strs[:0], x.tok[:0]
	if cap(x.tok) > maxPooled {
		x.tok = nil // a long text's; the next text sizes its own
	}
	x.feats, x.vals, x.spans, x.nspan = x.feats[:0], x.vals[:0], x.spans[:0], x.nspan[:0]
	x.rd.pool.Put(x)
}

// nearID is an id found for the string whose bytes are at p, in the text
// numbered gen.
type nearID struct {
	p   *byte
	n   uint32 // the string's length (a word, never 4 GiB)
	id  int32
	gen uint32
}

const nearBits = 12

// intern returns the id of s in this text. A word's stem is one string the
// tokeniser's word cache hands out for every use of the word, so most
// strings are found by where their bytes are, before the map hashes and
// compares them; the map stays the authority (equal strings at different
// places get the same id).
func (x *ids) intern(s string) int32 {
	p := unsafe.StringData(s)
	e := &x.near[(uint64(uintptr(unsafe.Pointer(p)))*0x9E3779B97F4A7C15^uint64(len(s)))>>(64-nearBits)]
	if e.gen == x.gen && e.p == p && int(e.n) == len(s) {
		return e.id
	}
	id := x.internSlow(s)
	*e = nearID{p: p, n: uint32(len(s)), id: id, gen: x.gen}
	return id
}

// internSlow is intern by the string's content.
func (x *ids) internSlow(s string) int32 {
	if id, ok := x.ids[s]; ok {
		return id
	}
	id := int32(min(len(x.strs), idLimit))
	x.ids[s] = id
	x.strs = append(x.strs, s)
	return id
}

// feature returns the reader's index of a gram key's feature, or -1.
func (x *ids) feature(key uint64) int32 {
	if f, ok := x.grams.get(key); ok {
		return f
	}
	f := x.resolve(key)
	x.grams.put(key, f)
	return f
}

func (x *ids) resolve(key uint64) int32 {
	k := gramKind(key >> 56)
	a, b := x.strs[key>>28&idLimit], x.strs[key&idLimit]
	t := x.rd.table
	switch k {
	case gRaw:
		return t.find(a, "", "", "")
	case gB:
	default:
		b = ""
	}
	e := x.known(k, a, b)
	if e.k == k && sameString(e.a, a) && sameString(e.b, b) {
		return e.f
	}
	f := int32(0)
	if k == gB {
		f = t.find("b:", a, "_", b)
	} else {
		f = t.find(gramPrefix[k], a, "", "")
	}
	*e = resolved{a: a, b: b, k: k, f: f}
	return f
}

// resolved is a word gram resolved to its feature in an earlier text (f
// is -1 when the reader has no such feature), kept with the ids: a pooled
// ids, as a server reuses, finds most words of a new text among them and
// skips hashing and comparing their names. The entry holds its strings,
// so their bytes cannot be reused for other words while it is there.
type resolved struct {
	a, b string
	k    gramKind
	f    int32
}

const knownBits = 11

// known returns the entry where the gram (k, a, b) is remembered, if it
// is: its place is chosen by where the strings' bytes are, since a word's
// stem is one string the tokeniser's word cache hands out for every use.
func (x *ids) known(k gramKind, a, b string) *resolved {
	h := uint64(uintptr(unsafe.Pointer(unsafe.StringData(a))))*0x9E3779B97F4A7C15 ^
		uint64(uintptr(unsafe.Pointer(unsafe.StringData(b))))*0xC2B2AE3D27D4EB4F ^ uint64(k)*0x165667B19E3779F9
	return &x.res[h>>(64-knownBits)]
}

// sameString reports whether two strings are the same bytes in memory (not
// merely equal ones).
func sameString(a, b string) bool {
	return len(a) == len(b) && unsafe.StringData(a) == unsafe.StringData(b)
}

// add records feature f (when the reader knows it) as add does by name:
// the first value stays, and up to maxSpans places are kept.
func (x *ids) add(f int32, v float64, sp span) {
	if f < 0 {
		return
	}
	p := x.slot[f]
	if p == 0 {
		x.feats = append(x.feats, f)
		x.have[f>>6] |= 1 << (f & 63)
		x.vals = append(x.vals, v)
		x.spans = append(x.spans, [maxSpans]span{})
		x.nspan = append(x.nspan, 0)
		p = int32(len(x.feats))
		x.slot[f] = p
	}
	if n := x.nspan[p-1]; sp.first >= 0 && n < maxSpans {
		x.spans[p-1][n] = sp
		x.nspan[p-1] = n + 1
	}
}

// addName records a feature given by its whole name.
func (x *ids) addName(name string, v float64, sp span) {
	x.add(x.rd.table.find(name, "", "", ""), v, sp)
}

// spansOf returns the places feature f came from.
func (x *ids) spansOf(f int32) []span {
	if int(f) >= len(x.slot) || x.slot[f] == 0 {
		return nil
	}
	p := x.slot[f] - 1
	return x.spans[p][:x.nspan[p]]
}

// vector returns the text's features as the reader's sparse vector.
func (x *ids) vector() learn.Vector {
	// The marks in have, read word by word, are the features in order:
	// what sorting the list of them gave (indexes are unique).
	// The lists are the pooled state's own: the vector is read while the
	// diagnosis runs and never kept.
	v := learn.Vector{Idx: slices.Grow(x.buf.idx[:0], len(x.feats)), Val: slices.Grow(x.buf.val[:0], len(x.feats))}
	defer func() { x.buf.idx, x.buf.val = v.Idx, v.Val }()
	for w, word := range x.have {
		for word != 0 {
			f := int32(w<<6 | bits.TrailingZeros64(word))
			word &= word - 1
			v.Idx = append(v.Idx, f)
			v.Val = append(v.Val, float32(x.vals[x.slot[f]-1]))
		}
	}
	return v
}

// packedInto turns numbers made of an index above a float32's bits, sorted
// here, into a vector, in v's lists (grown as needed).
func packedInto(v learn.Vector, list []uint64) learn.Vector {
	slices.Sort(list)
	v.Idx = slices.Grow(v.Idx[:0], len(list))[:len(list)]
	v.Val = slices.Grow(v.Val[:0], len(list))[:len(list)]
	for n, e := range list {
		v.Idx[n], v.Val[n] = int32(e>>32), math.Float32frombits(uint32(e))
	}
	return v
}

// wordsIDs is words on the id path: the same grams, in the same order.
func (d *doc) wordsIDs() {
	x := d.ids
	toks := d.scan.Tokens
	// One id a token: sized once (appending grew a 1 MiB text's list
	// through a dozen copies, 4 MB for a list of 0.8).
	x.tok = slices.Grow(x.tok, len(toks))
	for i := range toks {
		id := int32(-1)
		if toks[i].Stem() != "" {
			id = x.intern(d.stem(i))
		}
		x.tok = append(x.tok, id)
	}
	intent := d.intent()
	negClause := -1
	pending := math.NaN()
	g := func(key uint64, sp span) { x.add(x.feature(key), pending, sp) }
	for i, t := range toks {
		if negation(t.Word()) {
			negClause = t.Clause()
			continue
		}
		if t.Stem() == "" {
			continue
		}
		s := x.tok[i]
		k := gW
		switch {
		case t.Clause() == negClause:
			k = gWNeg
		case intent[i]:
			k = gWQ
		}
		g(gram(k, s, 0), span{i, i})
		if a := d.actor[t.Sentence()]; a != actorNone {
			if t.Clause() == negClause {
				g(gram(actorGram[a][1], s, 0), span{i, i})
			} else {
				g(gram(actorGram[a][0], s, 0), span{i, i})
			}
		}
		if i > 0 && toks[i-1].Sentence() == t.Sentence() && toks[i-1].Stem() != "" {
			g(gram(gB, x.tok[i-1], s), span{i - 1, i})
		}
	}
	raw := func(name string, sp span) { g(gram(gRaw, x.intern(name), 0), sp) }
	for i := 0; i+1 < len(toks); i++ {
		b := durationBucket(toks[i], toks[i+1])
		if b == "" {
			continue
		}
		name := "dur:" + b
		raw(name, span{i, i + 1})
		if p := actorPrefix[d.actor[toks[i].Sentence()]]; p != "" {
			raw(name+"@"+p[:1], span{i, i + 1})
		}
		if i+2 < len(toks) && toks[i+2].Word() == "ago" {
			raw(name+":ago", span{i, i + 2})
		}
	}
	counts := map[int]int{}
	for _, a := range d.actor {
		counts[a]++
	}
	for a, n := range counts {
		if p := actorPrefix[a]; p != "" {
			raw("act:"+p[:1], span{-1, -1})
			if n > 1 {
				raw("act:"+p[:1]+"+", span{-1, -1})
			}
		}
	}
	// Every gram so far is a word feature: their number sets the value.
	v := 1 / math.Sqrt(float64(max(x.grams.len(), 1)))
	for i := range x.vals {
		if math.IsNaN(x.vals[i]) {
			x.vals[i] = v
		}
	}
}

// signalsIDs is signals on the id path.
func (d *doc) signalsIDs() {
	x, t := d.ids, d.ids.rd.table
	for _, h := range d.scan.Hits {
		g := h.Signal.Group()
		if g == "lint" || g == "mod" {
			continue
		}
		mod := ""
		switch {
		case h.Negated && !h.Signal.Keep:
			mod = "!neg"
		case h.Intent:
			mod = "!intent"
		case h.Hedged:
			mod = "!hedge"
		}
		// What follows mod: "!rep" when reported, then "@O" or "@U" for
		// a sentence about someone else or the user.
		tail := 0
		if h.Reported {
			tail = 3
		}
		switch d.actor[d.scan.Tokens[h.First].Sentence()] {
		case actorUser:
			tail++
		case actorOther:
			tail += 2
		}
		sp := span{int(h.First), int(h.Last)}
		k := sigKey{h.Signal, modIndex(mod), uint8(tail)}
		f, ok := x.sigs[k]
		if !ok {
			f = [2]int32{t.find("s:", h.Signal.ID, mod, signalTails[tail]),
				t.findParts([]string{"g:", g, ":", h.Signal.Key(), mod, signalTails[tail]})}
			if len(x.sigs) >= maxSigs {
				clear(x.sigs)
			}
			x.sigs[k] = f
		}
		x.add(f[0], 1, sp)
		x.add(f[1], 1, sp)
	}
}

// sigKey names a signal hit's two features (its own and its group's):
// the signal, its modifier (modIndex) and its tail (signalTails).
type sigKey struct {
	sig       *playbook.Signal
	mod, tail uint8
}

// maxSigs bounds the signal features an ids remembers.
const maxSigs = 1 << 12

// modIndex numbers the modifiers signalsIDs puts in a name.
func modIndex(mod string) uint8 {
	switch mod {
	case "!neg":
		return 1
	case "!intent":
		return 2
	case "!hedge":
		return 3
	}
	return 0
}

// sentenceIDs is one sentence read for the sentence models: whether it
// speaks in the first person and, when it does, its vector.
type sentenceIDs struct {
	first, last int
	x           learn.Vector
	self        bool
}

var actorNames = [...]string{"actor:0", "actor:1", "actor:2", "actor:3"}

// sentenceVectors is eachSentence followed by vectorOf on the id path,
// every sentence's vector kept (for tests: the diagnosis streams them).
func (d *doc) sentenceVectors() []sentenceIDs {
	var out []sentenceIDs
	d.eachSentenceVector(func(st sentenceIDs) {
		st.x = learn.Vector{Idx: slices.Clone(st.x.Idx), Val: slices.Clone(st.x.Val)}
		out = append(out, st)
	})
	return out
}

// eachSentenceVector calls fn with every sentence in order and, for the
// user's own sentences, its vector. The vector's lists are reused for the
// next sentence: fn reads them and keeps none. A 1 MiB text has about
// 10,000 sentences, and keeping every vector (with every sentence's
// scores) was 4 to 5 MiB of the plan's peak heap.
func (d *doc) eachSentenceVector(fn func(sentenceIDs)) {
	x := d.ids
	toks := d.scan.Tokens
	intent := d.intent()
	hits := sentenceHits(d.scan)
	bias := x.rd.table.find("bias", "", "", "")
	var list []uint64
	var v learn.Vector
	for i := 0; i < len(toks); {
		j := unitEnd(toks, i)
		uh := hits.in(i, j)
		self := false
		for k := i; k < j && !self; k++ {
			self = selfWord(toks, i, k, d.selfVerbs)
		}
		a := d.actor[toks[i].Sentence()]
		if selfBySubject {
			self = self && a != actorLeader && a != actorOther
		}
		if !self {
			// Only the user's own account says what they did: nothing
			// reads another sentence's vector, so none is made.
			fn(sentenceIDs{first: i, last: j - 1})
			i = j
			continue
		}
		// The sentence's keys, sorted and made unique below: their number
		// sets the value, unknown features included, as a set's size did.
		keys := x.keys[:0]
		negClause := -1
		for k := i; k < j; k++ {
			t := toks[k]
			if negation(t.Word()) {
				negClause = t.Clause()
				keys = append(keys, gram(gWNeg, x.intern(t.Word()), 0))
				continue
			}
			if t.Stem() == "" {
				continue
			}
			s := x.tok[k]
			switch {
			case t.Clause() == negClause:
				keys = append(keys, gram(gWNeg, s, 0))
			case intent[k]:
				keys = append(keys, gram(gWQ, s, 0))
			default:
				keys = append(keys, gram(gW, s, 0))
			}
			if k > i && toks[k-1].Stem() != "" {
				keys = append(keys, gram(gB, x.tok[k-1], s))
			}
		}
		if a >= 0 && a < len(actorNames) {
			keys = append(keys, gram(gRaw, x.intern(actorNames[a]), 0))
		} else {
			keys = append(keys, gram(gRaw, x.intern("actor:"+strconv.Itoa(a)), 0))
		}
		for _, h := range uh {
			keys = append(keys, gram(gRaw, x.intern(h.name), 0))
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		x.keys = keys
		val := math.Float32bits(float32(1 / math.Sqrt(float64(len(keys)))))
		list = list[:0]
		for _, key := range keys {
			if f := x.feature(key); f >= 0 {
				list = append(list, uint64(uint32(f))<<32|uint64(val))
			}
		}
		if bias >= 0 {
			// "bias" is 1 whatever the sentence, and no gram is named so.
			list = append(list, uint64(uint32(bias))<<32|uint64(math.Float32bits(1)))
		}
		v = packedInto(v, list)
		fn(sentenceIDs{first: i, last: j - 1, x: v, self: true})
		i = j
	}
}
