package plan

import (
	"encoding/json"
	"strings"

	align "github.com/align-coach/align"
)

// Text renders the plan in the playbook's exact format. What the plan
// assumed is the assessment's last sentence; the questions that would
// settle it are in the JSON and on the web page, not in the text.
func Text(p align.Plan) string {
	var b strings.Builder
	line := func(s ...string) {
		b.WriteString(strings.Join(s, " "))
		b.WriteByte('\n')
	}
	line(align.PlanHeader)
	line(align.LabelType, p.TypeLine)
	line(align.LabelUrgency, p.UrgencyLine)
	line(align.LabelBuilt, p.Built)
	for _, sec := range sections(p) {
		line()
		line(sec.name)
		if sec.name == align.SecFirstConvo {
			for i, l := range align.ConversationLabels {
				line(l, sec.fields[i])
			}
			continue
		}
		line(sec.body)
	}
	return b.String()
}

// Markdown renders the same plan as Markdown: the same words, with
// headings and bold labels.
func Markdown(p align.Plan) string {
	var b strings.Builder
	b.WriteString("# " + align.PlanHeader + "\n\n")
	b.WriteString("**" + align.LabelType + "** " + p.TypeLine + "  \n")
	b.WriteString("**" + align.LabelUrgency + "** " + p.UrgencyLine + "  \n")
	b.WriteString("**" + align.LabelBuilt + "** " + p.Built + "\n")
	for _, sec := range sections(p) {
		b.WriteString("\n## " + sec.name + "\n\n")
		if sec.name == align.SecFirstConvo {
			for i, l := range align.ConversationLabels {
				b.WriteString("- **" + l + "** " + sec.fields[i] + "\n")
			}
			continue
		}
		b.WriteString(sec.body + "\n")
	}
	return b.String()
}

type section struct {
	name   string
	body   string
	fields []string
}

func sections(p align.Plan) []section {
	c := p.Convo
	return []section{
		{name: align.SecAssessment, body: p.Assessment},
		{name: align.SecFirstConvo, fields: []string{c.When, c.Who, c.Open, c.ListenFor, c.DoNotSay}},
		{name: align.SecFirstChange, body: p.FirstChange},
		{name: align.SecSeat, body: p.Seat},
		{name: align.SecEscalation, body: p.Escalation},
		{name: align.SecWillNotWork, body: p.WillNotWork},
	}
}

// Result is the JSON form of a plan: the plan text, each section as its
// own field, and the diagnosis behind it.
type Result struct {
	Plan      string          `json:"plan"`
	Sections  align.Plan      `json:"sections"`
	Diagnosis align.Diagnosis `json:"diagnosis"`
	Situation string          `json:"situation"`
}

// JSON renders the plan and its diagnosis as indented JSON.
func JSON(sit align.Situation, d align.Diagnosis, p align.Plan) ([]byte, error) {
	out, err := json.MarshalIndent(Result{Plan: Text(p), Sections: p, Diagnosis: d, Situation: sit.Text}, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(out, '\n'), nil
}
