// Package lint checks any alignment plan (ours, a person's, a language
// model's) against the playbook's output format and output rules: the
// header, the labelled lines and sections in order, no placeholder left,
// no em dash, an escalation trigger that is an event and not a date, no
// escalation as a first move unless the type is categorical, one first
// change, and no language that presumes the sales leader is wrong.
//
// Plain text and the Markdown align writes are both understood. The rule
// messages and the phrases the phrase rules look for are playbook data.
package lint

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
)

// Finding is one broken rule.
type Finding struct {
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Line     int    `json:"line"`
	Message  string `json:"message"`
	// Excerpt is the text that broke the rule, when there is one.
	Excerpt string `json:"excerpt,omitempty"`
}

// Report is the result of linting one plan.
type Report struct {
	Findings []Finding `json:"findings"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
}

// OK reports whether the plan has no errors (warnings are allowed).
func (r Report) OK() bool { return r.Errors == 0 }

// String renders the report one finding per line, as FILE:LINE would.
func (r Report) String() string {
	var b strings.Builder
	for _, f := range r.Findings {
		fmt.Fprintf(&b, "line %d: %s [%s] %s", f.Line, f.Severity, f.Rule, f.Message)
		if f.Excerpt != "" {
			fmt.Fprintf(&b, " (%q)", f.Excerpt)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

type line struct {
	n    int    // 1-based line number
	raw  string // as written
	text string // Markdown markers removed, trimmed
	off  int    // byte offset of raw in the document
}

// The expressions are compiled when lint first runs, not when the
// package initialises: compiling them was half of what every command,
// `align --version` included, did before main.
var (
	mdPrefix    = lazyRegexp(`^\s*(#{1,6}\s+|[-*+]\s+|>\s*)`)
	placeholder = lazyRegexp(`\[[^\]\n]{2,}\]`)
	listItem    = lazyRegexp(`^\s*([-*+]|\d+[.)])\s+\S`)
	typeNumber  = lazyRegexp(`(?i)\btype\s*([1-4])\b`)
)

// lazyRegexp returns a function that compiles expr on its first call.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}

func split(doc string) []line {
	var out []line
	off := 0
	for i, raw := range strings.SplitAfter(doc, "\n") {
		if raw == "" {
			continue
		}
		t := strings.TrimRight(raw, "\r\n")
		clean := mdPrefix().ReplaceAllString(t, "")
		clean = strings.ReplaceAll(clean, "**", "")
		clean = strings.TrimSpace(clean)
		out = append(out, line{n: i + 1, raw: t, text: clean, off: off})
		off += len(raw)
	}
	return out
}

// Check lints a plan document.
func Check(pb *playbook.Playbook, doc string) Report {
	c := &checker{pb: pb, lines: split(doc)}
	c.format()
	c.characters()
	c.phrases(doc)
	sort.SliceStable(c.out, func(i, j int) bool { return c.out[i].Line < c.out[j].Line })
	r := Report{Findings: c.out}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	for _, f := range r.Findings {
		if f.Severity == "error" {
			r.Errors++
		} else {
			r.Warnings++
		}
	}
	return r
}

type checker struct {
	pb    *playbook.Playbook
	lines []line
	out   []Finding
	// Section spans: line index ranges [start, end) of each section body.
	spans   map[string][2]int
	convo   map[string][2]int // field label -> line range within the conversation
	typeTxt string
}

func (c *checker) add(rule string, n int, excerpt string) {
	r := c.pb.Lint.Rules[rule]
	c.out = append(c.out, Finding{Rule: rule, Severity: r.Severity, Line: n, Message: r.Message, Excerpt: excerpt})
}

func (c *checker) format() {
	ls := c.lines
	i := 0
	for i < len(ls) && ls[i].text == "" {
		i++
	}
	if i >= len(ls) || ls[i].text != align.PlanHeader {
		n := 1
		if i < len(ls) {
			n = ls[i].n
		}
		c.add("format-header", n, "")
	} else {
		i++
	}
	// The three header lines, in order.
	for _, label := range []string{align.LabelType, align.LabelUrgency, align.LabelBuilt} {
		found := -1
		for k := i; k < len(ls) && k < i+6; k++ {
			if strings.HasPrefix(ls[k].text, label) {
				found = k
				break
			}
			if isSection(ls[k].text) {
				break
			}
		}
		if found < 0 {
			n := 1
			if i < len(ls) {
				n = ls[i].n
			}
			c.add("format-line", n, label)
			continue
		}
		val := strings.TrimSpace(strings.TrimPrefix(ls[found].text, label))
		if val == "" {
			c.add("format-empty", ls[found].n, label)
		}
		if label == align.LabelType {
			c.typeTxt = val
			if val != "" && len(c.typesNamed(val)) == 0 && !strings.Contains(strings.ToLower(val), "proactive") {
				c.add("type-line", ls[found].n, val)
			}
		}
		i = found + 1
	}

	// Sections: present, in order, not empty.
	c.spans = map[string][2]int{}
	var order []string
	end := len(ls)
	for k, l := range ls {
		if l.text == align.SecAssumptions {
			end = k
			break
		}
	}
	starts := map[string]int{}
	for k := 0; k < end; k++ {
		if isSection(ls[k].text) {
			if _, dup := starts[ls[k].text]; !dup {
				starts[ls[k].text] = k
				order = append(order, ls[k].text)
			}
		}
	}
	for idx, name := range order {
		stop := end
		if idx+1 < len(order) {
			stop = starts[order[idx+1]]
		}
		c.spans[name] = [2]int{starts[name] + 1, stop}
	}
	last := 0
	for _, name := range align.PlanSections {
		k, ok := starts[name]
		if !ok {
			c.add("format-section", lastLine(ls), name)
			continue
		}
		if k < last {
			c.add("format-order", ls[k].n, name)
		}
		last = k
		if name == align.SecFirstConvo {
			c.conversation(c.spans[name])
			continue
		}
		if !c.hasText(c.spans[name]) {
			c.add("format-empty", ls[k].n, name)
		}
	}
	if sp, ok := c.spans[align.SecFirstChange]; ok {
		items := 0
		for _, l := range ls[sp[0]:sp[1]] {
			if listItem().MatchString(l.raw) {
				items++
			}
		}
		if items > 1 {
			c.add("one-change", ls[sp[0]].n, fmt.Sprintf("%d items", items))
		}
	}
}

func (c *checker) conversation(sp [2]int) {
	ls := c.lines
	c.convo = map[string][2]int{}
	at := map[string]int{}
	for k := sp[0]; k < sp[1]; k++ {
		for _, l := range align.ConversationLabels {
			if strings.HasPrefix(ls[k].text, l) {
				if _, dup := at[l]; !dup {
					at[l] = k
				}
			}
		}
	}
	prev := -1
	for idx, l := range align.ConversationLabels {
		k, ok := at[l]
		if !ok {
			n := ls[sp[0]-1].n
			c.add("format-field", n, l)
			continue
		}
		if k < prev {
			c.add("format-order", ls[k].n, l)
		}
		prev = k
		stop := sp[1]
		for _, l2 := range align.ConversationLabels[idx+1:] {
			if k2, ok := at[l2]; ok && k2 > k && k2 < stop {
				stop = k2
			}
		}
		c.convo[l] = [2]int{k, stop}
		val := strings.TrimSpace(strings.TrimPrefix(ls[k].text, l))
		if val == "" && !c.hasText([2]int{k + 1, stop}) {
			c.add("format-empty", ls[k].n, l)
		}
	}
}

func (c *checker) hasText(sp [2]int) bool {
	for _, l := range c.lines[sp[0]:sp[1]] {
		if l.text != "" && l.text != "---" {
			return true
		}
	}
	return false
}

func (c *checker) characters() {
	for _, l := range c.lines {
		if strings.ContainsRune(l.raw, '\u2014') {
			c.add("em-dash", l.n, excerptAround(l.raw, "\u2014"))
		}
		if strings.ContainsRune(l.raw, '\u2013') {
			c.add("en-dash", l.n, excerptAround(l.raw, "\u2013"))
		}
		if strings.Contains(l.raw, " -- ") {
			c.add("double-hyphen", l.n, excerptAround(l.raw, " -- "))
		}
		for _, m := range placeholder().FindAllString(l.raw, -1) {
			c.add("placeholder", l.n, m)
		}
	}
}

// phrases runs the phrase rules over the whole plan in one scan, and
// reports each hit that falls where its rule applies.
func (c *checker) phrases(doc string) {
	s := c.pb.Scan(doc)
	in := func(off int, sp [2]int) bool {
		if sp[1] <= sp[0] {
			return false
		}
		start := c.lines[sp[0]].off
		end := len(doc)
		if sp[1] < len(c.lines) {
			end = c.lines[sp[1]].off
		}
		return off >= start && off < end
	}
	allowEscalation := c.typesNamed(c.typeTxt)[4]
	for h := range s.Each("lint", "allow:early-escalation") {
		allowEscalation = allowEscalation || h.Counts()
	}
	// Token ranges whose words name a program, not a person.
	var except [][2]int32
	for h := range s.Each("lint", "except:early-escalation") {
		except = append(except, [2]int32{h.First, h.Last})
	}
	excepted := func(h playbook.Hit) bool {
		for _, e := range except {
			if e[0] <= h.Last && h.Last <= e[1] {
				return true
			}
		}
		return false
	}
	for h := range s.Each("lint", "") {
		if !h.Counts() {
			continue
		}
		n := c.lineAt(int(h.Start))
		quote := doc[int(h.Start):int(h.End)]
		switch h.Signal.Key() {
		case "timeline-trigger":
			if in(int(h.Start), c.spans[align.SecEscalation]) {
				c.add("timeline-trigger", n, quote)
			}
		case "early-escalation":
			if allowEscalation {
				continue
			}
			first := in(int(h.Start), c.spans[align.SecFirstChange])
			for _, l := range []string{align.LabelWhen, align.LabelWho, align.LabelOpen, align.LabelListen} {
				first = first || in(int(h.Start), c.convo[l])
			}
			if first && !c.counterpart(doc, quote) && !excepted(h) {
				c.add("early-escalation", n, quote)
			}
		case "one-change":
			// "One change, not a launch plan" insists on one thing.
			// Nor are words quoted from the user's text a list.
			if single(quote) || s.Tokens[h.First].Quoted() {
				continue
			}
			// "Before the 14th, fix ...": an ordinal in digits is a day
			// of the month, not the fourth of a list.
			if q := quote; q != "" && q[0] >= '0' && q[0] <= '9' {
				continue
			}
			if in(int(h.Start), c.spans[align.SecFirstChange]) {
				c.add("one-change", n, quote)
			}
		case "presumes-wrong":
			// The sections that list what to avoid name these moves on
			// purpose.
			if !in(int(h.Start), c.spans[align.SecWillNotWork]) && !in(int(h.Start), c.convo[align.LabelNotSay]) {
				c.add("presumes-wrong", n, quote)
			}
		}
	}
}

// counterpart reports whether the role an escalation phrase names ("going
// to your CRO") is the sales leader the plan is about: the conversation's
// When or What to listen for speaks of "your CRO" as the one to listen
// to. A plan for an unnamed CRO says "your CRO" throughout, and going to
// them is the first conversation, not an escalation.
func (c *checker) counterpart(doc, quote string) bool {
	q := strings.ToLower(quote)
	for _, role := range []string{"cro", "ceo", "coo", "president", "md", "founder"} {
		if !strings.Contains(" "+q+" ", " "+role+" ") && !strings.HasSuffix(q, " "+role) {
			continue
		}
		for _, l := range []string{align.LabelWhen, align.LabelListen} {
			sp := c.convo[l]
			if sp[1] <= sp[0] {
				continue
			}
			start, end := c.lines[sp[0]].off, len(doc)
			if sp[1] < len(c.lines) {
				end = c.lines[sp[1]].off
			}
			if strings.Contains(strings.ToLower(doc[start:end]), "your "+role) {
				return true
			}
		}
	}
	return false
}

// typesNamed reads which of the playbook's four types a type line names,
// by number ("Type 3") or by the name the playbook data gives it.
func (c *checker) typesNamed(line string) map[int]bool {
	out := map[int]bool{}
	for _, m := range typeNumber().FindAllStringSubmatch(line, -1) {
		out[int(m[1][0]-'0')] = true
	}
	low := strings.ToLower(line)
	for _, t := range c.pb.Types {
		// The first word of the name is what a writer uses ("structural").
		if w := strings.Fields(strings.ToLower(t.Name)); len(w) > 0 && strings.Contains(low, w[0]) {
			out[t.ID] = true
		}
	}
	return out
}

func (c *checker) lineAt(off int) int {
	n := 1
	for _, l := range c.lines {
		if l.off > off {
			break
		}
		n = l.n
	}
	return n
}

func isSection(s string) bool {
	for _, name := range align.PlanSections {
		if s == name {
			return true
		}
	}
	return false
}

func lastLine(ls []line) int {
	if len(ls) == 0 {
		return 1
	}
	return ls[len(ls)-1].n
}

func excerptAround(s, sub string) string {
	i := strings.Index(s, sub)
	if i < 0 {
		return ""
	}
	lo, hi := i-20, i+len(sub)+20
	if lo < 0 {
		lo = 0
	}
	if hi > len(s) {
		hi = len(s)
	}
	// Widen to whole words.
	for lo > 0 && (!isBoundary(s, lo) || s[lo-1] != ' ') {
		lo--
	}
	for hi < len(s) && (!isBoundary(s, hi) || s[hi] != ' ') {
		hi++
	}
	return strings.TrimSpace(s[lo:hi])
}

func isBoundary(s string, i int) bool {
	return i == 0 || i == len(s) || s[i]&0xC0 != 0x80
}

// single reports whether a phrase counts one thing ("one change", "a
// single fix"), which is what the rule asks for, not a list.
func single(quote string) bool {
	w := strings.Fields(strings.ToLower(quote))
	return len(w) > 0 && (w[0] == "one" || w[0] == "1" || w[0] == "single" || (len(w) > 1 && w[0] == "a" && w[1] == "single"))
}
