package intake

import (
	"bytes"
	"strings"

	"github.com/goccy/go-yaml/ast"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/playbook"
)

// ParseAnswers reads an answers file: YAML (or JSON, which is YAML too)
// mapping question ids to answers, checked as strictly as a situation.
func ParseAnswers(data []byte) (map[string]Answer, error) {
	if len(data) > MaxBytes {
		return nil, align.Errorf(align.ETOOLARGE, "answers are %d bytes; the limit is %d (1 MiB)", len(data), MaxBytes)
	}
	if err := CheckEncoding(data); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, align.Errorf(align.EINVALID, "no answers: give question ids and answers, one a line (reporting: senior); align questions lists them")
	}
	var ans map[string]Answer
	check := func(n ast.Node) error { return checkShape(n, shapeAnswers, "answers") }
	if err := decodeYAML(data, &ans, check); err != nil {
		return nil, yamlError(err)
	}
	if len(ans) == 0 {
		return nil, align.Errorf(align.EINVALID, "no answers: give question ids and answers, one a line (reporting: senior); align questions lists them")
	}
	return ans, nil
}

// ApplyAnswers checks answers against the question bank and folds the
// ones that fill a setup fact into the situation's given facts. Answers to
// follow-up questions stay in sit.Answers for the diagnosis to weigh.
func ApplyAnswers(pb *playbook.Playbook, sit align.Situation, answers map[string]Answer) (align.Situation, error) {
	if len(answers) == 0 {
		return sit, nil
	}
	if sit.Answers == nil {
		sit.Answers = map[string]string{}
	}
	for id, vals := range answers {
		q, ok := pb.Question(id)
		if !ok {
			return sit, align.Errorf(align.EINVALID, "answers: unknown question %q (run `align questions` to list them)", id)
		}
		if len(vals) == 0 {
			continue
		}
		if len(vals) > 1 && !q.Multi {
			return sit, align.Errorf(align.EINVALID, "answers: question %q takes one answer", id)
		}
		if len(q.Choices) > 0 {
			for _, v := range vals {
				if !hasChoice(q, v) {
					return sit, align.Errorf(align.EINVALID, "answers: %q is not a choice for %q (choices: %s)", v, id, choiceList(q))
				}
			}
		}
		joined := strings.Join(vals, ",")
		sit.Answers[id] = joined
		g := &sit.Given
		switch q.Field {
		case align.FieldSaid:
			g.Said = appendText(g.Said, joined)
			sit.Text = appendText(sit.Text, joined)
		case align.FieldDuration:
			g.Duration = appendText(g.Duration, joined)
			sit.Text = appendText(sit.Text, joined)
		case align.FieldContext:
			g.Context = appendText(g.Context, joined)
			sit.Text = appendText(sit.Text, joined)
		case align.FieldTenure:
			g.Tenure = vals[0]
		case align.FieldReporting:
			g.Reporting = vals[0]
		case "shared_target":
			g.SharedTarget = vals[0]
		case "leadership_sees":
			g.LeadershipSees = vals[0]
		case align.FieldTried:
			g.TriedGiven = true
			for _, v := range vals {
				if v != "nothing" && !contains(g.Tried, v) {
					g.Tried = append(g.Tried, v)
				}
			}
		}
	}
	return sit, nil
}

func appendText(a, b string) string {
	if strings.TrimSpace(a) == "" {
		return b
	}
	return strings.TrimRight(a, "\n") + "\n\n" + b
}

func hasChoice(q playbook.QuestionDef, v string) bool {
	for _, c := range q.Choices {
		if c.Value == v {
			return true
		}
	}
	return false
}

func choiceList(q playbook.QuestionDef) string {
	var vs []string
	for _, c := range q.Choices {
		vs = append(vs, c.Value)
	}
	return strings.Join(vs, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
