package http

import (
	"strings"

	align "github.com/align-coach/align"
)

// block is one piece of a plan shown as a document: the title, a labelled
// line (a label and its text), a section heading, a paragraph or an item
// of the assumptions list.
type block struct {
	Kind  string // "title", "meta" (the header's labelled lines), "label", "heading", "para", "item"
	Label string
	Text  string
	ID    string
}

// planDoc reads the plan's exact text format back into blocks, so the
// page can show it as a document (real headings, labels set apart) while
// Copy and the downloads keep the text itself.
func planDoc(text string) []block {
	headings := map[string]bool{align.SecAssumptions: true}
	for _, h := range align.PlanSections {
		headings[h] = true
	}
	labels := []string{align.LabelType, align.LabelUrgency, align.LabelBuilt}
	labels = append(labels, align.ConversationLabels...)
	var out []block
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		line = strings.TrimRight(line, " ")
		switch {
		case line == "":
			continue
		case line == align.PlanHeader:
			out = append(out, block{Kind: "title", Text: line})
			continue
		case headings[line]:
			out = append(out, block{Kind: "heading", Text: line, ID: "sec-" + strings.ToLower(strings.ReplaceAll(line, " ", "-"))})
			continue
		case strings.HasPrefix(line, "- "):
			out = append(out, block{Kind: "item", Text: strings.TrimPrefix(line, "- ")})
			continue
		}
		labelled := false
		for _, l := range labels {
			if strings.HasPrefix(line, l) {
				kind := "label"
				if l == align.LabelType || l == align.LabelUrgency || l == align.LabelBuilt {
					kind = "meta"
				}
				out = append(out, block{Kind: kind, Label: l, Text: strings.TrimSpace(strings.TrimPrefix(line, l))})
				labelled = true
				break
			}
		}
		if !labelled {
			out = append(out, block{Kind: "para", Text: line})
		}
	}
	return out
}

// phrase widens an evidence span to the clause around it, so the page
// quotes whole phrases ("they re-tagged forty deals as self-sourced"),
// not fragments ("in front of the"). The clause ends at a sentence end,
// a semicolon or a line break; a clause longer than max runes is cut at
// word boundaries around the span.
func phrase(text string, start, end int) string {
	if start < 0 || end > len(text) || start >= end {
		return ""
	}
	const max = 220
	a := start
	for a > 0 && !strings.ContainsRune(".!?;\n", rune(text[a-1])) {
		a--
	}
	b := end
	for b < len(text) && !strings.ContainsRune(".!?;\n", rune(text[b])) {
		b++
	}
	if b < len(text) && text[b] != '\n' && text[b] != ';' {
		b++ // keep the sentence's own full stop
	}
	if b-a > max {
		// Keep the span and the words nearest it.
		room := (max - (end - start)) / 2
		if room < 0 {
			room = 0
		}
		if start-a > room {
			a = start - room
			for a < start && text[a] != ' ' {
				a++
			}
		}
		if b-end > room {
			b = end + room
			for b > end && text[b-1] != ' ' {
				b--
			}
		}
		s := strings.TrimSpace(text[a:b])
		return strings.TrimLeft(s, " ,") + "..."
	}
	return strings.TrimSpace(text[a:b])
}
