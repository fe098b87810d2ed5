package plan

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/align-coach/align/sheet"
)

// maxToldWords is the most words of the user's account the assessment
// restates: two sentences of ordinary length. Blind judges scored plans
// that left out the decisive figures ("The 86 site assessments, 19
// contracts, A$2.1M ... are all missing") as generic; past this length a
// restatement crowds out the reading.
const maxToldWords = 70

// told restates the sentences that tell the case's figures (sheet.Told),
// at most two, in the second person: "In February Grant cut your budget
// from A$310k to A$140k and moved one of your three people into an
// inside sales role." It prefers the sentences with the most figures
// and those about the sales leader, says them in the order the user told
// them, and leaves out any the assessment quotes elsewhere (the type's
// evidence, the sales leader's words, the stake). The sentences keep
// their capitals: the playbook's lead-in ends in a colon ("As you tell
// it: Last financial year ..."), so a first word that may be a name is
// never lowered.
func (c *ctx) told() string {
	taken := c.assessmentCites()
	var cand []sheet.Told
	main := c.d.Primary()
	if c.d.Proactive {
		main = c.d.Risk
	}
	for _, t := range c.sh.Told {
		// Where the record is the type, the user's case against how
		// sales worked the leads is not a fact that decides it: the plan
		// tells them not to look for where sales fell short.
		if t.Unworked && main == 1 {
			continue
		}
		free := true
		for _, ct := range taken {
			if ct.Start < t.End && t.Start < ct.End {
				free = false
				break
			}
		}
		if free {
			cand = append(cand, t)
		}
	}
	if len(cand) == 0 {
		return ""
	}
	score := func(t sheet.Told) int {
		s := t.Figures
		if t.Leader {
			s += 2
		}
		return s
	}
	sort.SliceStable(cand, func(i, j int) bool { return score(cand[i]) > score(cand[j]) })
	pick := []sheet.Told{cand[0]}
	words := len(strings.Fields(cand[0].Text))
	for _, t := range cand[1:] {
		if n := len(strings.Fields(t.Text)); words+n <= maxToldWords {
			pick = append(pick, t)
			break
		}
	}
	if words > maxToldWords {
		return ""
	}
	sort.Slice(pick, func(i, j int) bool { return pick[i].Start < pick[j].Start })
	var parts []string
	for _, t := range pick {
		if s := dropJoin(c.secondPerson(t)); s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " ")
}

// assessmentCites are the spans the assessment's wordings may quote:
// every filler the playbook's assessment uses that is a span of the text.
func (c *ctx) assessmentCites() []Citation {
	var out []Citation
	seen := map[string]bool{}
	for _, slot := range c.pb.Plan.Sections["assessment"] {
		for _, o := range slot.Pick {
			for _, s := range o.Text {
				for i := strings.IndexByte(s, '{'); i >= 0; {
					j := strings.IndexByte(s[i:], '}')
					if j < 0 {
						break
					}
					key := s[i+1 : i+j]
					key = strings.ToLower(key[:1]) + key[1:]
					if ct, ok := c.cites[key]; ok && !seen[key] {
						seen[key] = true
						out = append(out, ct)
					}
					next := strings.IndexByte(s[i+j:], '{')
					if next < 0 {
						break
					}
					i += j + next
				}
			}
		}
	}
	// The result told as counts is restated by the record's own wording.
	for _, f := range c.sh.Funnels {
		out = append(out, Citation{Start: f.In.Start, End: f.Out.End})
	}
	return out
}

// secondPerson is one told sentence turned to the user: their words for
// themselves in the second person (sheet.second_person, sheet.after_i),
// outside quotation marks only, the "he" or "she" that stands for the
// sales leader said as their name, dashes said as commas, and lines
// joined. It returns "" for a sentence it cannot say cleanly.
func (c *ctx) secondPerson(t sheet.Told) string {
	sp := c.pb.Sheet.SecondPerson
	afterI := c.pb.Sheet.AfterI
	text := t.Text
	var b strings.Builder
	quoted := false
	prevI := false
	start := true // at the start of a sentence
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '"':
			quoted = !quoted
		case r == '\u201c':
			quoted = true
		case r == '\u201d':
			quoted = false
		}
		if !unicode.IsLetter(r) {
			b.WriteString(text[i : i+size])
			if r == '.' || r == '!' || r == '?' {
				start = true
			} else if !unicode.IsSpace(r) {
				start = false
			}
			i += size
			continue
		}
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && r2 != '\'' && r2 != '\u2019' {
				break
			}
			j += s2
		}
		word := strings.TrimRight(text[i:j], "'\u2019")
		j = i + len(word)
		curly := strings.Contains(word, "\u2019")
		low := strings.ToLower(strings.ReplaceAll(word, "\u2019", "'"))
		out := word
		if !quoted {
			switch {
			case t.Start+i == t.Pronoun && c.d.Facts.Leader.Name != "":
				out = c.d.Facts.Leader.Name
			case prevI && afterI[low] != "":
				out = afterI[low]
			case sp[low] != "":
				out = sp[low]
			}
			if out != word {
				if curly {
					out = strings.ReplaceAll(out, "'", "\u2019")
				}
				if start {
					out = capital(out)
				}
			}
		}
		prevI = !quoted && (low == "i")
		b.WriteString(out)
		start = false
		i = j
	}
	s := b.String()
	s = strings.NewReplacer(" \u2014 ", ", ", "\u2014", ", ", " \u2013 ", ", ", " -- ", ", ").Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	// "When he hired me I promised" turns into two "you"s in a row; a
	// comma parts the clauses the pronouns belong to.
	s = strings.NewReplacer(" you you ", " you, you ", "You you ", "You, you ").Replace(s)
	s = strings.TrimSuffix(s, "!") // said once, as the coach says it
	if s == "" || strings.ContainsAny(s, "?\u2026") {
		return ""
	}
	if last, _ := utf8.DecodeLastRuneInString(s); unicode.IsLetter(last) || unicode.IsDigit(last) || last == '%' || last == ')' {
		s += "."
	}
	return s
}

// dropJoin drops a conjunction that joined the sentence to the one the
// user wrote before it ("But at the board pre-meeting ..."), which the
// restatement does not follow.
func dropJoin(s string) string {
	for _, j := range []string{"But ", "And ", "So ", "Plus ", "Yet ", "Or "} {
		if rest, ok := strings.CutPrefix(s, j); ok && rest != "" {
			return capital(strings.TrimPrefix(rest, ", "))
		}
	}
	return s
}
