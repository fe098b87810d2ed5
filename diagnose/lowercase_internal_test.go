package diagnose

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lowerCaseTextSlow is lowerCaseText as it was: every rune through
// Unicode's tables, and the whole text counted.
func lowerCaseTextSlow(text string) bool {
	titled := 0
	prevLetter := false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if unicode.IsUpper(r) && !prevLetter && i+n < len(text) {
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if unicode.IsLower(next) {
				titled++
			}
		}
		prevLetter = unicode.IsLetter(r)
		i += n
	}
	return titled*200 < len(text)
}

// TestLowerCaseTextFast: the early stop and the ASCII path answer as the
// full count over Unicode's tables does.
func TestLowerCaseTextFast(t *testing.T) {
	texts := []string{
		"", "A", "Ab", "ab", "our vp of sales kevin says no", "Our VP of Sales, Kevin, says no.",
		"ÉCOLE Été était là", "über Ärger ärger", "I met Ångström", "x\xffY\xfeb", "MQL SQL VP CRO",
		"dyrektor handlowy Łukasz mówi", "ǅemal ǈ", "a1B2c Dd", "İstanbul ıi",
	}
	long := strings.Repeat("the quick brown fox jumps. ", 40)
	texts = append(texts, long, long+"Then Kevin Said", strings.Repeat("Kevin ", 3)+long, "É"+long)
	for _, s := range texts {
		if got, want := lowerCaseText(s), lowerCaseTextSlow(s); got != want {
			t.Errorf("lowerCaseText(%.40q) = %v, want %v", s, got, want)
		}
	}
	// Every rune of Latin-1 and a few blocks beyond, in each position.
	for r := rune(0); r < 0x600; r++ {
		for _, s := range []string{string(r) + "a", "x" + string(r) + "b", string(r) + "é", "A" + string(r)} {
			if got, want := lowerCaseText(s), lowerCaseTextSlow(s); got != want {
				t.Errorf("lowerCaseText(%q) = %v, want %v", s, got, want)
			}
		}
	}
}
