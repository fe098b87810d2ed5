// Package match finds the playbook's phrases in a user's text in one pass.
//
// Text is first cut into tokens that remember their byte offsets in the
// original, so every match can be quoted back exactly. Tokens are
// normalised the same way the playbook's patterns are: lower case, curly
// quotes straightened, contractions expanded ("didn't" is "did not"),
// number words as digits, and each word reduced to its Porter2 stem, so
// "leads", "lead" and "leading" meet. A Matcher then runs every pattern at
// once with an Aho-Corasick automaton over token symbols; a pattern may
// have small gaps ("leads ... never ... pipeline").
package match

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// Token is one normalised word of the source text.
type Token struct {
	// start and end are byte offsets of the word in the source (Start and
	// End). Tokens expanded from one contraction share the contraction's
	// span. They are 32-bit so a token is 24 bytes, not 72: a 1 MiB text
	// (intake.MaxBytes) has about 200,000 tokens, all held while it is
	// read. Tokenize reads at most maxSource bytes, so they always fit.
	start, end int32
	// w is the word and its stem (Word and Stem), shared by every token of
	// the same written word through the word cache.
	w *wordPart
	// sentence numbers the sentence the token sits in (Sentence).
	sentence int32
	// clause numbers the clause (a stretch between commas, semicolons,
	// colons, brackets or dashes) the token sits in, above two flags:
	// quoted and capital (Clause, Quoted, Capital). Clause numbers run
	// on across sentences; there are fewer than maxSource of them.
	clause uint32
}

// The low bits of Token.clause: the flags.
const (
	tokQuoted  = 1 << iota // inside double quotes
	tokCapital             // written with a capital, not at a sentence's start
	tokFlags   = iota      // the number of flag bits
)

// maxSource is the most of a text Tokenize reads: 512 MiB, far above
// intake.MaxBytes, so that offsets fit in 31 bits and clause numbers (at
// most one a byte) in 30.
const maxSource = 1 << 29

// Quoted is set for words inside double quotes.
func (t *Token) Quoted() bool { return t.clause&tokQuoted != 0 }

// Capital is set when the word starts with an upper-case letter in the
// source and does not start a sentence: a hint that it is a name.
func (t *Token) Capital() bool { return t.clause&tokCapital != 0 }

// Start is the byte offset where the token's word starts in the source.
func (t *Token) Start() int { return int(t.start) }

// End is the byte offset just after the token's word.
func (t *Token) End() int { return int(t.end) }

// Word is the lower-cased, normalised word. Only Tokenize makes tokens
// (a Token's fields are its own), so w is never nil.
func (t *Token) Word() string { return t.w.word }

// Stem is the word's Porter2 stem, the form patterns match on.
func (t *Token) Stem() string { return t.w.stem }

// Sentence numbers the sentence the token sits in, from 0.
func (t *Token) Sentence() int { return int(t.sentence) }

// Clause numbers the clause the token sits in; clause numbers run on
// across sentences.
func (t *Token) Clause() int { return int(t.clause >> tokFlags) }

// newToken packs a token's fields.
func newToken(start, end int, w *wordPart, sentence, clause int, quoted, capital bool) Token {
	c := uint32(clause) << tokFlags
	if quoted {
		c |= tokQuoted
	}
	if capital {
		c |= tokCapital
	}
	return Token{start: int32(start), end: int32(end), w: w, sentence: int32(sentence), clause: c}
}

var contractions = map[string][]string{
	"won't": {"will", "not"}, "can't": {"can", "not"}, "cannot": {"can", "not"},
	"shan't": {"shall", "not"}, "ain't": {"is", "not"},
}

// Pronouns and words whose "'s" means "is" or "has"; after any other word
// it is a possessive and is dropped.
var sIsWords = map[string]bool{
	"he": true, "she": true, "it": true, "that": true, "there": true, "what": true,
	"who": true, "where": true, "here": true, "how": true, "this": true,
}

var suffixes = map[string]string{"'m": "am", "'re": "are", "'ve": "have", "'ll": "will", "'d": "would"}

var numberWords = map[string]string{
	"zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
	"six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11",
	"twelve": "12", "thirteen": "13", "fourteen": "14", "fifteen": "15", "sixteen": "16",
	"seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20", "thirty": "30",
	"forty": "40", "fifty": "50", "hundred": "100", "thousand": "1000",
}

// unitAbbrevs are units of time as people abbreviate them in chat ("3 yrs
// in", "6 wks ago"), read as the words patterns are written with.
var unitAbbrevs = map[string]string{
	"yr": "year", "yrs": "years", "wk": "week", "wks": "weeks", "mth": "month", "mths": "months", "mos": "months",
}

// Tokenize cuts src into normalised tokens. It never fails: bytes that are
// not letters or digits only separate words, and invalid UTF-8 is skipped.
// It reads at most the first maxSource bytes (512 MiB, 512 times the
// largest text align accepts).
func Tokenize(src string) []Token {
	if len(src) > maxSource {
		src = src[:maxSource]
	}
	t := tokenizer{src: src, out: make([]Token, 0, len(src)/5+1), lines: !hardWrapped(src)}
	t.run()
	return t.out
}

type tokenizer struct {
	src       string
	out       []Token
	sentence  int
	clause    int
	quoted    bool
	sentStart bool // the next word starts a sentence
	// lines is set when a single line break ends a sentence: in text
	// typed line by line (chat, a phone, pasted notes), not in prose
	// wrapped at a fixed width (see hardWrapped).
	lines bool
}

// hardWrapped reports whether src is prose wrapped at a fixed width,
// where a single line break is only the edge of the page: its longest
// line is 60 to 100 bytes (the widths mail and editors wrap at), and at least seven in ten of the lines
// that another line follows (one of one, for two lines) were full (the next line's first word would
// not have fitted on them). Text typed line by line, in a chat or on a
// phone, has lines of every length, and each of its line breaks ends a
// sentence.
func hardWrapped(src string) bool {
	width, inner, full := 0, 0, 0
	for rest := src; rest != ""; {
		line, after, _ := strings.Cut(rest, "\n")
		if n := len(strings.TrimRight(line, " \t\r")); n > width {
			width = n
		}
		rest = after
	}
	if width < 60 || width > 100 {
		return false
	}
	for rest := src; rest != ""; {
		line, after, found := strings.Cut(rest, "\n")
		rest = after
		line = strings.TrimRight(line, " \t\r")
		next, _, _ := strings.Cut(strings.TrimLeft(after, " \t"), "\n")
		next = strings.TrimRight(next, " \t\r")
		if !found || line == "" || next == "" {
			continue
		}
		inner++
		first := next
		if sp := strings.IndexAny(next, " \t"); sp >= 0 {
			first = next[:sp]
		}
		if len(line)+1+len(first) > width {
			full++
		}
	}
	return inner >= 1 && full*10 >= inner*7
}

func (t *tokenizer) run() {
	t.sentStart = true
	src := t.src
	i := 0
	for i < len(src) {
		// ASCII, most of any text, is read a byte at a time without
		// decoding runes.
		r, n := rune(src[i]), 1
		if r < utf8.RuneSelf {
			if wordByte[r] {
				j := t.wordEnd(i)
				t.word(i, j)
				i = j
				continue
			}
		} else if r, n = utf8.DecodeRuneInString(src[i:]); isWordRune(r) {
			j := t.wordEnd(i)
			t.word(i, j)
			i = j
			continue
		}
		switch {
		case r == '$' && i+1 < len(src) && isDigit(src[i+1]):
			// "$120M": a currency sign before a number reads as "usd".
			t.emit(i, i+1, "usd", false)
		case r == '"' || r == '\u201c' || r == '\u201d':
			switch r {
			case '\u201c':
				t.quoted = true
			case '\u201d':
				t.quoted = false
			default:
				t.quoted = !t.quoted
			}
			t.clause++
		case r == '.' || r == '!' || r == '?':
			// A full stop inside a number or an abbreviation does not end
			// the sentence: only one followed by space or the end does.
			if (i+n >= len(src) || isSpace(src[i+n]) || src[i+n] == '"' || src[i+n] == ')') && !t.titleStop(i) {
				t.endSentence()
			}
		case r == '\n':
			// A blank line ends a paragraph and so a sentence; in text
			// typed line by line, so does a line break after a line that
			// does not leave its clause open ("hi quick q\nhead of mktg").
			if i+1 < len(src) && (src[i+1] == '\n' || (src[i+1] == '\r' && i+2 < len(src) && src[i+2] == '\n')) {
				t.endSentence()
				t.quoted = false
			} else if t.lines && !t.sentStart && !t.openLine(i) && !t.listLine(i) {
				t.endSentence()
			}
		case r == ',' && i > 0 && i+1 < len(src) && isDigit(src[i-1]) && isDigit(src[i+1]):
			// "1,400" is one number, not two clauses.
		case r == ',' || r == ';' || r == ':' || r == '(' || r == ')' || r == '\u2013' || r == '\u2014' || r == '[' || r == ']':
			t.clause++
		case r == '-':
			// A spaced hyphen or a double hyphen is a dash; a hyphen inside
			// a word ("one-on-one") only separates words.
			if (i > 0 && isSpace(src[i-1])) || (i+1 < len(src) && src[i+1] == '-') {
				t.clause++
			}
		}
		i += n
	}
}

// titleAbbrevs are the abbreviated titles written with a full stop
// before a name ("Mr. Okafor", "Sr. Llorens", "Dr. Ahmed").
var titleAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "sr": true, "sra": true, "srta": true,
	"prof": true, "st": true, "mme": true, "mlle": true, "hr": true,
}

// titleStop reports whether the full stop at i closes an abbreviated
// title that a capitalised name follows: "the general manager, Sr.
// Llorens" is one sentence, so a plan never quotes "send the numbers to
// Sr" as if the sentence ended there.
func (t *tokenizer) titleStop(i int) bool {
	if len(t.out) == 0 {
		return false
	}
	last := t.out[len(t.out)-1]
	raw := t.src[last.Start():last.End()]
	if last.End() != i || raw[0] < 'A' || raw[0] > 'Z' || !titleAbbrevs[strings.ToLower(raw)] {
		return false
	}
	j := i + 1
	for j < len(t.src) && t.src[j] == ' ' {
		j++
	}
	return j > i+1 && j < len(t.src) && 'A' <= t.src[j] && t.src[j] <= 'Z'
}

// openLine reports whether the line that ends at the line break at i
// leaves its clause open: it ends in a comma, a semicolon, an opening
// bracket, a hyphen or a conjunction ("and", "or", "but"), so the next
// line goes on with the same sentence.
func (t *tokenizer) openLine(i int) bool {
	j := i
	for j > 0 && (t.src[j-1] == ' ' || t.src[j-1] == '\t' || t.src[j-1] == '\r') {
		j--
	}
	if j == 0 {
		return true
	}
	switch t.src[j-1] {
	case ',', ';', '(', '-', '/', '&':
		return true
	}
	k := j
	for k > 0 && (t.src[k-1] >= utf8.RuneSelf || wordByte[t.src[k-1]]) {
		k--
	}
	switch strings.ToLower(t.src[k:j]) {
	case "and", "or", "but", "to", "the", "a", "of", "with", "for", "w":
		return true
	}
	return false
}

// listLine reports whether the line break at i ends or starts an item of
// a list ("- he wants fewer leads", "2) no date"): a list is read as it
// always was, its items one sentence with clause breaks.
func (t *tokenizer) listLine(i int) bool {
	item := func(line string) bool {
		line = strings.TrimLeft(line, " \t")
		if line == "" {
			return false
		}
		switch {
		case strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "\u2022"), strings.HasPrefix(line, "\u00b7"), strings.HasPrefix(line, "\u2013 "):
			return true
		case isDigit(line[0]):
			j := 0
			for j < len(line) && isDigit(line[j]) {
				j++
			}
			return j < len(line) && (line[j] == '.' || line[j] == ')')
		}
		return false
	}
	start := strings.LastIndexByte(t.src[:i], '\n') + 1
	next, _, _ := strings.Cut(t.src[i+1:], "\n")
	return item(t.src[start:i]) || item(next)
}

func (t *tokenizer) endSentence() {
	t.sentence++
	t.clause++
	t.sentStart = true
}

// wordEnd returns the end of the word starting at i: letters and digits,
// with apostrophes inside ("didn't", "Greg's") and "1:1" kept whole.
func (t *tokenizer) wordEnd(i int) int {
	src := t.src
	j := i
	for j < len(src) {
		r, n := rune(src[j]), 1
		if r < utf8.RuneSelf {
			if wordByte[r] {
				j++
				continue
			}
		} else if r, n = utf8.DecodeRuneInString(src[j:]); isWordRune(r) {
			j += n
			continue
		}
		if r == '\'' || r == '\u2019' {
			if k := j + n; k < len(src) {
				if c := src[k]; c < utf8.RuneSelf {
					if wordByte[c] && !isDigit(c) {
						j = k
						continue
					}
				} else if r2, _ := utf8.DecodeRuneInString(src[k:]); unicode.IsLetter(r2) {
					j = k
					continue
				}
			}
		}
		if r == ':' && j > i && isDigit(src[j-1]) && j+1 < len(src) && isDigit(src[j+1]) {
			j++
			continue
		}
		break
	}
	return j
}

func (t *tokenizer) word(start, end int) {
	raw := t.src[start:end]
	capital := false
	if c := raw[0]; c < utf8.RuneSelf {
		capital = 'A' <= c && c <= 'Z' && !t.sentStart
	} else if r, _ := utf8.DecodeRuneInString(raw); unicode.IsUpper(r) && !t.sentStart {
		capital = true
	}
	t.sentStart = false
	parts := lookupWord(raw).parts
	for i := range parts {
		t.out = append(t.out, newToken(start, end, &parts[i], t.sentence, t.clause, t.quoted, capital))
	}
}

// wordInfo is what one word of a source text stands for: the normalised
// words it expands to, each with its stem.
type wordInfo struct {
	parts []wordPart
}

type wordPart struct{ word, stem string }

// Words repeat across texts, so what each written word stands for is
// remembered: tokenising then costs one map lookup a word and allocates
// nothing but the tokens. Readers look in an immutable map without a lock;
// new words wait in a small map under a lock until they are published in
// a fresh copy (copies double in size, so publishing stays linear). The
// cache holds copies, never the caller's text, and is bounded so a stream
// of novel words cannot grow it without limit.
var words wordCache

const maxWords = 100000

type wordCache struct {
	published publishedWords
	mu        sync.Mutex
	pending   map[string]*wordInfo
	size      int // words cached, published or not
	hits      int // lookups that found a pending word since the last publish
}

func lookupWord(raw string) *wordInfo {
	if p := words.published.Load(); p != nil {
		if w, ok := p.m[raw]; ok {
			return w
		}
	}
	return words.add(raw)
}

func (c *wordCache) add(raw string) *wordInfo {
	c.mu.Lock()
	defer c.mu.Unlock()
	if w, ok := c.pending[raw]; ok {
		// A word seen again is worth publishing: once enough lookups come
		// here, publish, so no word keeps taking the lock.
		if c.hits++; c.hits >= max(64, c.published.Len()/16) {
			c.publish()
		}
		return w
	}
	raw = strings.Clone(raw)
	w := strings.ToLower(strings.ReplaceAll(raw, "\u2019", "'"))
	ex := expand(w)
	info := &wordInfo{parts: make([]wordPart, len(ex))}
	for i, x := range ex {
		info.parts[i] = wordPart{word: x, stem: Stem(x)}
	}
	if len(raw) > 24 || c.size >= maxWords {
		return info
	}
	if c.pending == nil {
		c.pending = map[string]*wordInfo{}
	}
	c.pending[raw] = info
	c.size++
	if len(c.pending) >= max(64, c.published.Len()) || c.size == maxWords {
		c.publish()
	}
	return info
}

// publish makes the pending words visible to readers without the lock.
func (c *wordCache) publish() {
	m := make(map[string]*wordInfo, c.published.Len()+len(c.pending))
	if old := c.published.Load(); old != nil {
		for k, v := range old.m {
			m[k] = v
		}
	}
	for k, v := range c.pending {
		m[k] = v
	}
	c.published.Store(&wordMap{m})
	c.pending, c.hits = nil, 0
}

type wordMap struct{ m map[string]*wordInfo }

type publishedWords struct{ atomic.Pointer[wordMap] }

// Len is the number of published words.
func (p *publishedWords) Len() int {
	if m := p.Load(); m != nil {
		return len(m.m)
	}
	return 0
}

// expand turns one lower-cased word into the words it stands for.
func expand(w string) []string {
	if strings.Contains(w, ":") { // 1:1
		return []string{"1", "on", "1"}
	}
	if x, ok := contractions[w]; ok {
		return x
	}
	if k := strings.IndexByte(w, '\''); k > 0 {
		base, suf := w[:k], w[k:]
		switch {
		case suf == "'t" && strings.HasSuffix(base, "n"):
			return []string{base[:len(base)-1], "not"}
		case suf == "'s":
			if sIsWords[base] {
				return []string{base, "is"}
			}
			return []string{base}
		case suffixes[suf] != "":
			return []string{base, suffixes[suf]}
		}
		return []string{strings.ReplaceAll(w, "'", "")}
	}
	if d, ok := numberWords[w]; ok {
		return []string{d}
	}
	if u, ok := unitAbbrevs[w]; ok {
		return []string{u}
	}
	return []string{w}
}

func (t *tokenizer) emit(start, end int, w string, capital bool) {
	t.out = append(t.out, newToken(start, end, &wordPart{word: w, stem: Stem(w)}, t.sentence, t.clause, t.quoted, capital))
}

// Stem reduces a normalised word to the form patterns match on.
// Every number is the symbol "#num", so a pattern written with a number
// ("one on one", "#num months in") matches any number; zero stays "zero"
// because "zero opportunities" means something no other number does.
func Stem(w string) string {
	switch {
	case w == "":
		return w
	case w == "0" || w == "zero":
		return "zero"
	case isDigit(w[0]):
		return "#num"
	}
	if v, ok := stems.Load(w); ok {
		return v.(string)
	}
	st, ok := tableStem(w)
	if !ok {
		st = english.Stem(w, true)
	}
	// Words repeat across texts; remembering stems makes tokenising
	// several times faster. The cache is bounded so a stream of novel
	// strings cannot grow it without limit, and keeps a copy of the word,
	// not a piece of the text it came from.
	if len(w) <= 24 && stemCount.Add(1) <= maxStems {
		stems.Store(strings.Clone(w), st)
	}
	return st
}

const maxStems = 200000

// The Porter2 stemmer takes tens of microseconds a word, and a process
// that has just started has stemmed nothing: stemming the words of one
// situation was a third of a cold `align plan`. stems.txt holds the stem
// of every word of the corpus, the examples and the playbook data, one
// "word stem" line each, sorted by word, written by `go generate ./match`
// and checked against the stemmer by TestStemTable; it is searched in
// place, so it costs nothing to load.
//
//go:generate go run ./internal/stemgen
//go:embed stems.txt
var stemTable string

// StemTableWord reports whether w is a word the stem table may hold: one
// Stem sends to the stemmer.
func StemTableWord(w string) bool {
	return w != "" && w != "zero" && !isDigit(w[0]) && !strings.ContainsAny(w, " \n")
}

// tableStem finds w's stem in the stem table by binary search over its
// lines.
func tableStem(w string) (string, bool) {
	t := stemTable
	lo, hi := 0, len(t) // both the start of a line
	for lo < hi {
		mid := lo + (hi-lo)/2
		s := lo + strings.LastIndexByte(t[lo:mid], '\n') + 1
		e := strings.IndexByte(t[s:], '\n')
		if e < 0 {
			return "", false
		}
		e += s
		line := t[s:e]
		sp := strings.IndexByte(line, ' ')
		if sp < 0 {
			return "", false
		}
		switch word := line[:sp]; {
		case word == w:
			return line[sp+1:], true
		case word < w:
			lo = e + 1
		default:
			hi = s
		}
	}
	return "", false
}

var (
	stems     sync.Map
	stemCount atomic.Int64
)

// Number returns the value of a token that is a number ("12", "twelve").
func Number(tok Token) (float64, bool) {
	if !mayBeNumber(tok.Word()) {
		return 0, false
	}
	v, err := strconv.ParseFloat(tok.Word(), 64)
	return v, err == nil
}

// mayBeNumber reports whether strconv.ParseFloat could accept s: after an
// optional sign it must start with a digit, a point, or the i or n of
// "inf" and "nan". Most words fail here, before ParseFloat builds an error
// for each (a few dozen allocations a plan).
func mayBeNumber(s string) bool {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		s = s[1:]
	}
	if s == "" {
		return false
	}
	switch c := s[0]; {
	case c >= '0' && c <= '9', c == '.', c == 'i', c == 'I', c == 'n', c == 'N':
		return true
	}
	return false
}

// wordByte marks the ASCII letters and digits.
var wordByte = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = isWordRune(rune(c))
	}
	return t
}()

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isSpace(b byte) bool {
	return b == ' ' || b == '\n' || b == '\t' || b == '\r'
}

// NormalizePhrase turns a phrase from the playbook into the stems a
// pattern matches, by the same rules as user text.
// "#num" in a phrase stands for any number.
func NormalizePhrase(s string) []string {
	toks := Tokenize(strings.ReplaceAll(s, "#num", "1"))
	out := make([]string, len(toks))
	for i, tk := range toks {
		out[i] = tk.Stem()
	}
	return out
}
