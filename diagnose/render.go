package diagnose

import (
	"fmt"
	"sort"
	"strings"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
)

// Text renders a diagnosis for a terminal: the types with scores and the
// user's words behind them, urgency with its reasons, the facts, what is
// missing and the questions that would fill it.
func Text(pb *playbook.Playbook, d align.Diagnosis) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Route: %s. %s\n", d.Route.Route, d.Route.Reason)
	switch {
	case d.Proactive && d.Risk != 0:
		fmt.Fprintf(&b, "Types: none yet (proactive); main risk %s\n", pb.Type(int(d.Risk)).Short)
	case d.Proactive:
		fmt.Fprintf(&b, "Types: none yet (proactive)\n")
	default:
		var names []string
		for _, t := range d.Types {
			names = append(names, pb.Type(int(t)).Short)
		}
		if d.Unclear {
			fmt.Fprintf(&b, "Types: unclear; most likely %s (probability that it is the main one %.2f). The questions below decide it.\n", strings.Join(names, " + "), d.Confidence)
		} else {
			fmt.Fprintf(&b, "Types: %s (probability that the first is the main one %.2f)\n", strings.Join(names, " + "), d.Confidence)
		}
	}
	scores := append([]align.TypeScore{}, d.Scores...)
	sort.SliceStable(scores, func(i, j int) bool { return scores[i].Score > scores[j].Score })
	b.WriteString("\nHow likely each type is to be present, and the words behind it:\n")
	for _, s := range scores {
		fmt.Fprintf(&b, "  %-34s %5.2f\n", pb.Type(int(s.Type)).Short, s.Score)
		for _, e := range s.Evidence {
			where := fmt.Sprintf("bytes %d-%d", e.Start, e.End)
			if e.Start < 0 {
				where = "your answer"
			}
			who := map[string]string{"sales_leader": "the sales leader", "other": "someone else", "user": "you"}[e.Speaker]
			if who == "" {
				who = "you"
			}
			label := ""
			if e.Label != "" {
				label = e.Label + ", "
			}
			fmt.Fprintf(&b, "      %q  (%s%s, %s)\n", oneLine(e.Quote), label, who, where)
		}
	}
	fmt.Fprintf(&b, "\nUrgency: %s\n", d.Urgency)
	for _, e := range d.UrgencyReasons {
		fmt.Fprintf(&b, "  - %s: %q\n", e.Label, oneLine(e.Quote))
	}
	f := d.Facts
	b.WriteString("\nFacts:\n")
	leader := f.Leader.Name
	if f.Leader.Title != "" {
		leader = strings.TrimSpace(leader + " (" + f.Leader.Title + ")")
	}
	rows := [][2]string{
		{"sales leader", orUnknown(leader)},
		{"tenure", f.Tenure}, {"reporting", f.Reporting},
		{"shared target", f.SharedTarget}, {"leadership sees it", f.LeadershipSees},
		{"duration", orUnknown(oneLine(f.Duration))},
		{"tried", orNone(strings.Join(f.Tried, ", "))},
		{"considering", orNone(strings.Join(f.Tempted, ", "))},
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "  %-20s %s\n", r[0], r[1])
	}
	for _, q := range f.Quotes {
		fmt.Fprintf(&b, "  %-20s %s\n", "their words", oneLine(q.Quote))
	}
	fmt.Fprintf(&b, "\nMissing: %s\n", orNone(strings.Join(f.Missing, ", ")))
	qs := Questions(pb, d)
	if len(qs) > 0 {
		b.WriteString("\nQuestions that would fill the gaps:\n")
		for _, q := range qs {
			fmt.Fprintf(&b, "  [%s] %s\n", q.ID, q.Text)
		}
	}
	return b.String()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func orUnknown(s string) string {
	if s == "" {
		return align.Unknown
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// Trace lists every signal the scan found in text, with the modifiers
// that apply to it: the tool for tuning the playbook data.
func Trace(pb *playbook.Playbook, text string) string {
	s := pb.Scan(text)
	var b strings.Builder
	for _, h := range s.Hits {
		var mods []string
		for _, m := range []struct {
			on   bool
			name string
		}{{h.Negated, "negated"}, {h.Hedged, "hedged"}, {h.Intent, "intent"}, {h.Reported, "reported"}, {h.Ask, "ask"}} {
			if m.on {
				mods = append(mods, m.name)
			}
		}
		fmt.Fprintf(&b, "%5d-%-5d %-8s %-24s %-30s %q %s\n", int(h.Start), int(h.End), h.Signal.Group(), h.Signal.Key(), h.Signal.ID,
			oneLine(s.Text[int(h.Start):int(h.End)]), strings.Join(mods, ","))
	}
	return b.String()
}
