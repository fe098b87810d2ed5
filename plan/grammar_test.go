package plan

import (
	"regexp"
	"strings"
)

// GrammarFaults lists what makes a filled template read as one: template
// residue (braces, empty parentheses or quotes, doubled spaces, a space
// before punctuation), a word said twice, and articles that break ("a
// the", "a an", "an" before a consonant, "a" before a vowel). Each fault
// names the words around it. Tests in and outside the package use it.
func GrammarFaults(s string) []string { return GrammarFaultsQuoting(s, "") }

// GrammarFaultsQuoting is GrammarFaults for a plan that quotes source: a
// doubled word or an article the user wrote ("her team gets a SPIF") is
// theirs, quoted verbatim, not a fault of the plan.
func GrammarFaultsQuoting(s, source string) []string {
	var out []string
	add := func(what string, i, j int) {
		lo, hi := i-30, j+30
		if lo < 0 {
			lo = 0
		}
		if hi > len(s) {
			hi = len(s)
		}
		out = append(out, what+": ..."+s[lo:hi]+"...")
	}
	for _, r := range residue {
		for i := 0; ; {
			k := strings.Index(s[i:], r)
			if k < 0 {
				break
			}
			add("residue "+strings.TrimSpace(r), i+k, i+k+len(r))
			i += k + len(r)
		}
	}
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
			add("space at a line's end", strings.Index(s, l), strings.Index(s, l)+len(l))
		}
	}
	words := wordRE.FindAllStringIndex(s, -1)
	for k := 1; k < len(words); k++ {
		a, b := words[k-1], words[k]
		if s[a[1]:b[0]] != " " {
			continue
		}
		w1, w2 := strings.ToLower(s[a[0]:a[1]]), strings.ToLower(s[b[0]:b[1]])
		if source != "" && strings.Contains(source, s[a[0]:b[1]]) {
			continue
		}
		switch {
		case w1 == w2 && !isDigits(w1) && !nameThenWord(s, a, b):
			add("doubled word", a[0], b[1])
		case articles[w1] && articles[w2]:
			add("broken article", a[0], b[1])
		case w1 == "an" && !vowelSound(s[b[0]:b[1]]):
			add("an before a consonant", a[0], b[1])
		case w1 == "a" && vowelSound(s[b[0]:b[1]]):
			add("a before a vowel", a[0], b[1])
		}
	}
	return out
}

// nameThenWord reports whether the first of two equal words is a name
// and the second the common word it is spelled like ("As soon as Will
// will take the meeting"): the first capitalised inside a sentence, the
// second not.
func nameThenWord(s string, a, b []int) bool {
	first, second := s[a[0]:a[1]], s[b[0]:b[1]]
	if first == second || strings.ToLower(first[:1]) == first[:1] || strings.ToLower(second[:1]) != second[:1] {
		return false
	}
	before := strings.TrimRight(s[:a[0]], " ")
	return before != "" && !strings.ContainsAny(before[len(before)-1:], ".!?:\n")
}

var residue = []string{"{", "}", "()", "( )", "\"\"", "  ", " .", " ,", " ;", " :", " )", "( ", ",.", ".,", ". .", ",,"}

var wordRE = regexp.MustCompile(`[\p{L}\p{N}][\p{L}\p{N}'’-]*`)

var articles = map[string]bool{"a": true, "an": true, "the": true}

func isDigits(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// vowelSound is a simple reading of whether a word starts with a vowel
// sound: a vowel letter, except the "you" and "wun" sounds (use, one), and
// a silent h in the common words. An initialism is said letter by letter
// ("an MQL", "an SDR", "a CRO").
func vowelSound(w string) bool {
	if len(w) > 1 && strings.ToUpper(w) == w && w[0] >= 'A' && w[0] <= 'Z' {
		return strings.IndexByte("AEFHILMNORSX", w[0]) >= 0
	}
	w = strings.ToLower(w)
	for _, p := range []string{"one", "once", "uni", "use", "usu", "eu", "ur"} {
		if strings.HasPrefix(w, p) {
			return false
		}
	}
	for _, p := range []string{"hour", "honest", "honour", "honor", "heir"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return w != "" && strings.ContainsRune("aeiou", rune(w[0]))
}
