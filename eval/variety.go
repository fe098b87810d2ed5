package eval

import (
	"regexp"
	"strings"
	"sync"

	align "github.com/align-coach/align"
)

// sentenceEnd is compiled on first use, not at every command's start.
var sentenceEnd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`([.!?]["\x{201d}]?)\s+`) })

// Sentences splits a plan's body into sentences, leaving out the header
// lines and the field labels, which every plan shares by design.
func Sentences(plan string) []string {
	var out []string
	for _, line := range strings.Split(plan, "\n") {
		t := strings.TrimSpace(line)
		if t == "" || t == align.PlanHeader || isHeading(t) ||
			strings.HasPrefix(t, align.LabelType) || strings.HasPrefix(t, align.LabelUrgency) || strings.HasPrefix(t, align.LabelBuilt) {
			continue
		}
		if t == align.SecAssumptions || strings.HasPrefix(t, "- ") {
			continue
		}
		for _, l := range align.ConversationLabels {
			t = strings.TrimSpace(strings.TrimPrefix(t, l))
		}
		for _, s := range strings.Split(sentenceEnd().ReplaceAllString(t, "$1\n"), "\n") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

// Variety measures how alike plans of the same type read: over every pair
// of plans that share a primary type, the share of one plan's sentences
// that appear word for word in the other, averaged. 0 means no sentence is
// shared; 1 means the plans are identical.
func Variety(plansByType map[align.Type][]string) float64 {
	var sum float64
	var pairs int
	for _, plans := range plansByType {
		sets := make([]map[string]bool, len(plans))
		lists := make([][]string, len(plans))
		for i, p := range plans {
			lists[i] = Sentences(p)
			sets[i] = map[string]bool{}
			for _, s := range lists[i] {
				sets[i][s] = true
			}
		}
		for i := range plans {
			for j := range plans {
				if i == j || len(lists[i]) == 0 {
					continue
				}
				same := 0
				for _, s := range lists[i] {
					if sets[j][s] {
						same++
					}
				}
				sum += float64(same) / float64(len(lists[i]))
				pairs++
			}
		}
	}
	if pairs == 0 {
		return 0
	}
	return float64(int(sum/float64(pairs)*10000+0.5)) / 10000
}
