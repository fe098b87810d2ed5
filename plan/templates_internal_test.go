package plan

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/align-coach/align/playbook"
)

// fillers are words of each kind, as the fact sheet, the diagnosis and
// the defaults give them: singular and plural, with and without a name.
var fillers = map[string][]string{
	playbook.KindTitle:    {"VP of Sales", "CRO", "sales leader"},
	playbook.KindName:     {"Dana", "your VP of Sales", "your sales leader", "Jamal", "the COO", "the executive above you both", "Dana's own manager"},
	playbook.KindNoun:     {"the webinar", "the trade shows", "the 90-day lead quality summary", "the weekly conversion slides", "the events"},
	playbook.KindSingular: {"the Acme deal", "the next marketing-sourced deal"},
	playbook.KindPlural:   {"1,400 registrations and zero opportunities", "400 leads", "130% of your lead target"},
	playbook.KindQuote:    {"\"we don't need marketing\"", "\"your leads are junk\""},
	playbook.KindWords:    {"I show MQLs up 70%", "1,400 registrations and zero opportunities", "last week", "forward the thread to the CEO", "I raised the scoring threshold", "the board meets in March"},
	playbook.KindSentence: {"The board decides the budget next week", "Leadership is already asking"},
}

// pronouns are the three sets a sales leader can be spoken of with.
var pronouns = []map[string]string{
	{"they": "he", "They": "He", "them": "him", "their": "his", "theyre": "he is"},
	{"they": "she", "They": "She", "them": "her", "their": "her", "theyre": "she is"},
	{"they": "they", "They": "They", "them": "them", "their": "their", "theyre": "they are"},
}

// planTexts are every text a plan is built from, keyed by where it is.
func planTexts(pb *playbook.Playbook) map[string]string {
	out := map[string]string{}
	for k, v := range pb.Plan.TypeLine {
		for i, s := range v {
			out[fmt.Sprintf("type_line.%s[%d]", k, i)] = s
		}
	}
	for name, slots := range pb.Plan.Sections {
		for _, slot := range slots {
			for j, o := range slot.Pick {
				for i, s := range o.Text {
					out[fmt.Sprintf("%s.%s.pick[%d][%d]", name, slot.ID, j, i)] = s
				}
			}
		}
	}
	for id, pr := range pb.Plan.Probes {
		out[fmt.Sprintf("probes.%d.ask", id)] = pr.Ask
		out[fmt.Sprintf("probes.%d.hear", id)] = pr.Hear
	}
	return out
}

var slotRE = regexp.MustCompile(`(\w*[^\w{]*)\{([A-Za-z]+)\}([^\w{]*\w*)`)

var adverb = map[string]bool{"already": true, "never": true, "just": true, "also": true, "first": true}

// pronounVerb reports whether a verb reads right after he, she and they
// alike: a modal or a past tense.
func pronounVerb(w string) bool {
	switch w {
	case "will", "would", "can", "could", "should", "might", "may", "must", "said", "told", "meant", "thought", "knew", "did", "had", "made", "took", "got", "went":
		return true
	}
	return strings.HasSuffix(w, "ed")
}

// sentenceEnd is where the sentence after the next one ends: a pronoun
// in the sentence that follows a noun phrase still refers to it.
func sentenceEnd(s string) int {
	n := 0
	for i := 0; i+1 < len(s); i++ {
		if (s[i] == '.' || s[i] == ';' || s[i] == ':') && s[i+1] == ' ' {
			if n++; n == 2 {
				return i
			}
		}
	}
	return -1
}

// TestTemplatesTakeEveryFiller renders every plan text with every kind
// of filler its placeholders allow, singular and plural, named and not,
// for each pronoun set, and checks that the sentence still reads: no
// residue, no doubled words, no broken articles, no determiner before a
// noun phrase that brings its own, no verb after one that agrees with only
// one number.
func TestTemplatesTakeEveryFiller(t *testing.T) {
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	texts := planTexts(pb)
	keys := make([]string, 0, len(texts))
	for k := range texts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	determiners := map[string]bool{"a": true, "an": true, "the": true, "your": true, "our": true, "my": true, "his": true, "her": true, "their": true, "this": true, "that": true, "these": true, "those": true}
	singularVerb := map[string]bool{"is": true, "was": true, "has": true, "does": true, "isn't": true, "wasn't": true, "doesn't": true, "hasn't": true}
	pluralVerb := map[string]bool{"are": true, "were": true, "have": true, "do": true, "aren't": true, "weren't": true, "don't": true}
	phrases := map[string][]string{}
	for _, td := range pb.Types {
		phrases["type"] = append(phrases["type"], td.Short)
	}
	phrases["otherType"] = []string{phrases["type"][0], phrases["type"][1] + " and " + phrases["type"][2]}
	for _, td := range pb.Tried {
		phrases["tried"] = append(phrases["tried"], td.Plain)
	}
	phrases["typeA"], phrases["typeB"] = phrases["type"], phrases["type"][1:]
	phrases["us"], phrases["Us"] = []string{"marketing", "RevOps", "growth"}, []string{"Marketing", "RevOps", "Growth"}
	phrases["own"] = phrases["us"]
	phrases["reps"], phrases["leads"] = []string{"reps", "salespeople", "account managers"}, []string{"leads", "enquiries"}
	phrases["review"] = []string{"pipeline review", "sales meeting"}
	phrases["lead"], phrases["alead"] = []string{"lead", "enquiry", "quote request"}, []string{"a lead", "an enquiry", "a quote request"}
	phrases["deals"], phrases["onedeal"] = []string{"deals", "customers", "policies"}, []string{"deal", "customer", "policy"}
	phrases["pipeline"] = []string{"pipeline", "new business"}
	phrases["pipelineNumber"], phrases["pipelineMeasure"], phrases["pipelineData"] = []string{"pipeline number", "number"}, []string{"pipeline measure", "measure"}, []string{"pipeline data", "numbers"}
	phrases["weighing"] = []string{"as you are weighing", "as your boss suggests", "as Anya suggests"}
	phrases["weighed"] = []string{"you are weighing", "your boss suggests", "Anya suggests"}
	phrases["tempted"] = phrases["tried"]
	for _, td := range pb.Temptations {
		phrases["tempted"] = append(phrases["tempted"], td.Plain)
	}
	for _, k := range keys {
		text := texts[k]
		// The words around each slot, for the kind's own rules.
		for _, m := range slotRE.FindAllStringSubmatch(text, -1) {
			ph, ok := playbook.Placeholders[m[2]]
			if !ok {
				t.Errorf("%s: unknown placeholder {%s}", k, m[2])
				continue
			}
			// "he keep" and "they keeps" are both wrong: a verb after
			// {they} is past tense or modal, the same for he, she and they.
			if m[2] == "they" || m[2] == "They" {
				rest := strings.Fields(text[strings.Index(text, m[0])+len(m[0])-len(m[3]):])
				for len(rest) > 1 && adverb[rest[0]] {
					rest = rest[1:]
				}
				if len(rest) > 0 && !pronounVerb(strings.Trim(rest[0], ".,;:")) {
					t.Errorf("%s: %q after {%s} agrees with only some pronouns: %q", k, rest[0], m[2], text)
				}
			}
			before := strings.Fields(strings.ToLower(m[1]))
			after := strings.Fields(strings.ToLower(m[3]))
			if ph.Kind == playbook.KindNoun {
				// "it" after a noun phrase that may be plural: name the
				// thing again or say it another way.
				rest := text[strings.Index(text, m[0])+len(m[0]):]
				if end := sentenceEnd(rest); end >= 0 {
					rest = rest[:end]
				}
				for _, w := range strings.Fields(rest) {
					if w = strings.Trim(strings.ToLower(w), ".,;:()\""); w == "it" || w == "its" {
						t.Errorf("%s: %q after {%s}, which may be plural: %q", k, w, m[2], text)
						break
					}
				}
			}
			if ph.Kind == playbook.KindNoun || ph.Kind == playbook.KindSingular || ph.Kind == playbook.KindPlural {
				if len(before) > 0 && determiners[before[len(before)-1]] {
					t.Errorf("%s: %q before {%s}, which brings its own determiner: %q", k, before[len(before)-1], m[2], text)
				}
				if len(after) > 0 && ph.Kind != playbook.KindSingular && singularVerb[after[0]] {
					t.Errorf("%s: %q after {%s}, which may be plural: %q", k, after[0], m[2], text)
				}
				if len(after) > 0 && ph.Kind != playbook.KindPlural && pluralVerb[after[0]] {
					t.Errorf("%s: %q after {%s}, which may be singular: %q", k, after[0], m[2], text)
				}
			}
		}
		for round := 0; round < 8; round++ {
			for pi, pr := range pronouns {
				for _, named := range []bool{true, false} {
					c := &ctx{seed: k, vals: map[string]string{}}
					if named {
						c.d.Facts.Leader.Name = "Dana"
					}
					for name, ph := range playbook.Placeholders {
						list := fillers[ph.Kind]
						switch ph.Kind {
						case playbook.KindPronoun:
							c.vals[name] = pr[name]
							continue
						case playbook.KindPhrase:
							list = phrases[name]
						}
						if len(list) == 0 {
							continue // a probe, filled below
						}
						v := list[(round+len(name)+pi)%len(list)]
						if name == "leader" || name == "Leader" {
							v = "your VP of Sales"
							if named {
								v = "Dana"
							}
						}
						if name[0] >= 'A' && name[0] <= 'Z' || ph.Kind == playbook.KindSentence {
							v = capital(v)
						}
						c.vals[name] = v
					}
					for i, k := range []string{"A", "B"} {
						pr := pb.Plan.Probes[1+(round+i)%4]
						c.vals["ask"+k], c.vals["hear"+k] = c.fill(pr.Ask), c.fill(pr.Hear)
					}
					out := c.fill(text)
					for _, f := range GrammarFaults(out) {
						t.Errorf("%s (round %d, pronoun %d, named %v): %s", k, round, pi, named, f)
					}
				}
			}
		}
	}
	if len(keys) < 150 {
		t.Errorf("only %d plan texts found", len(keys))
	}
	t.Logf("%d plan texts rendered", len(keys))
}

// TestStakeClause: what is quoted as being decided is a clause of its
// own that is neither negated nor told in the past.
func TestStakeClause(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"Doug's draft cuts marketing program spend from $1.8M to $1.05M.", true},
		{"There was a reorg and marketing now reports to the new SVP of Sales.", false},
		{"The CEO has not decided on the headcount.", false},
		{"in the reorg last October we lost two people.", false},
	} {
		words := strings.TrimRight(c.text, ".")
		if got := stakeClause(c.text, words, len(words)); got != c.want {
			t.Errorf("%q: %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLowerCount: a count opening with a number word reads in lower case
// inside a sentence; figures and other words are left alone.
func TestLowerCount(t *testing.T) {
	for in, want := range map[string]string{"Three contracts": "three contracts", "412 leads": "412 leads", "Twelve": "twelve", "Acme orders": "Acme orders"} {
		if got := lowerCount(in); got != want {
			t.Errorf("lowerCount(%q) = %q, want %q", in, got, want)
		}
	}
}
