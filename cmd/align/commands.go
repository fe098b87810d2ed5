package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/diagnose"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/eval"
	"github.com/align-coach/align/file"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/route"
)

// readInput reads and parses FILE (or standard input for "-").
func readInput(ctx context.Context, eng *engine.Engine, e env, name string) (intake.Input, error) {
	data, err := file.Read(ctx, name, e.stdin)
	if err != nil {
		return intake.Input{}, err
	}
	label := name
	if name == "-" {
		label = ""
	}
	in, err := eng.Parse(label, data)
	if err != nil {
		return in, align.Errorf(align.ErrorCode(err), "%s: %s", displayName(name), align.ErrorMessage(err))
	}
	return in, nil
}

func displayName(name string) string {
	if name == "-" {
		return "standard input"
	}
	return name
}

// readAnswers reads an answers file: a mapping of question id to answer.
func readAnswers(ctx context.Context, e env, name string) (map[string]intake.Answer, error) {
	data, err := file.Read(ctx, name, e.stdin)
	if err != nil {
		return nil, err
	}
	ans, err := intake.ParseAnswers(data)
	if err != nil {
		return nil, align.Errorf(align.ErrorCode(err), "%s: %s", displayName(name), align.ErrorMessage(err))
	}
	return ans, nil
}

func writeJSON(e env, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "%s\n", b)
	return err
}

func planCmd(ctx context.Context, eng *engine.Engine, e env) *cobra.Command {
	var format, out, date, answers string
	var force bool
	c := &cobra.Command{
		Use:   "plan [FILE]",
		Short: "Write the SALES LEADER ALIGNMENT PLAN for a situation",
		Long: `plan reads a situation (plain text, Markdown, YAML or JSON; - for standard
input) and prints the alignment plan in the playbook's format. With no
FILE at a terminal, it runs the interview instead. When the
request is about the lead handoff (sla) or not about a sales leader at all
(none), it says so and exits 3 instead of forcing a plan.`,
		Example: `  align plan examples/type2-structural.md
  align plan situation.yaml --format json
  align plan situation.md --answers answers.yaml --date 2026-11-24 --out plan.txt`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("out") && out == "" {
				return align.Errorf(align.EINVALID, "--out needs a file name; leave it out to print the plan")
			}
			if len(args) == 0 {
				if isTerminal(e.stdin) {
					return runInterview(ctx, eng, e, date, false, "")
				}
				args = []string{"-"}
			}
			in, err := readInput(cmd.Context(), eng, e, args[0])
			if err != nil {
				return err
			}
			if answers != "" {
				ans, err := readAnswers(cmd.Context(), e, answers)
				if err != nil {
					return err
				}
				if in.Answers == nil {
					in.Answers = map[string]intake.Answer{}
				}
				for k, v := range ans {
					in.Answers[k] = v
				}
			}
			if format == "" {
				format = in.Format
			}
			res, err := eng.Plan(in, date)
			if err != nil {
				return err
			}
			if res.Plan == nil {
				msg := eng.Declined(res.Diagnosis.Route)
				if format == "json" {
					if err := writeJSON(e, map[string]any{"route": res.Diagnosis.Route.Route, "plan": "", "message": msg, "diagnosis": res.Diagnosis}); err != nil {
						return err
					}
				} else {
					fmt.Fprintln(e.stdout, msg)
				}
				return &exitError{code: exitNotAlign, msg: fmt.Sprintf("not an alignment request (route: %s)", res.Diagnosis.Route.Route)}
			}
			text, err := eng.Render(res, format)
			if err != nil {
				return err
			}
			if out != "" {
				if err := file.WriteAtomic(out, []byte(text), force); err != nil {
					return err
				}
				fmt.Fprintf(e.stderr, "align: wrote %s\n", out)
				return nil
			}
			_, err = fmt.Fprint(e.stdout, text)
			return err
		},
	}
	c.Flags().StringVarP(&format, "format", "f", "", "output format: text, markdown or json (default text)")
	c.Flags().StringVarP(&out, "out", "o", "", "write the plan to this file instead of standard output")
	c.Flags().BoolVar(&force, "force", false, "replace the --out file if it exists")
	c.Flags().StringVar(&date, "date", "", "the Built date, YYYY-MM-DD (default today)")
	c.Flags().StringVar(&answers, "answers", "", "YAML file of answers to questions, by question id (see align questions)")
	return c
}

func routeCmd(eng *engine.Engine, e env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "route TEXT|FILE",
		Short: "Say whether a request is alignment, sla or none, and why",
		Example: `  align route "my CRO rolls his eyes every time I present"
  align route situation.md
  echo "help me write an MQL definition" | align route -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			text := strings.Join(args, " ")
			if len(args) == 1 {
				if args[0] == "-" || isFile(args[0]) {
					in, err := readInput(cmd.Context(), eng, e, args[0])
					if err != nil {
						return err
					}
					sit, err := eng.Situation(in)
					if err != nil {
						return err
					}
					text = sit.Text
				}
			}
			if err := intake.CheckBytes([]byte(text)); err != nil {
				return err
			}
			r := eng.Route(text)
			if asJSON {
				return writeJSON(e, r)
			}
			_, err := fmt.Fprint(e.stdout, route.Explain(r))
			return err
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func isFile(name string) bool {
	st, err := os.Stat(name)
	return err == nil && !st.IsDir()
}

func diagnoseCmd(eng *engine.Engine, e env) *cobra.Command {
	var asJSON, trace bool
	c := &cobra.Command{
		Use:     "diagnose FILE",
		Short:   "Show the types with scores and evidence, urgency, facts and what is missing",
		Example: `  align diagnose examples/type3-political.md`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, err := readInput(cmd.Context(), eng, e, args[0])
			if err != nil {
				return err
			}
			sit, d, err := eng.Diagnose(in)
			if err != nil {
				return err
			}
			if trace {
				_, err = fmt.Fprint(e.stdout, diagnose.Trace(eng.PB, sit.Text))
				return err
			}
			if asJSON {
				return writeJSON(e, d)
			}
			_, err = fmt.Fprint(e.stdout, diagnose.Text(eng.PB, d))
			return err
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.Flags().BoolVar(&trace, "trace", false, "list every signal found, with its modifiers (for tuning the playbook data)")
	return c
}

func lintCmd(eng *engine.Engine, e env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "lint FILE",
		Short: "Check a plan against the playbook's format and output rules",
		Long: `lint checks any alignment plan, written by align, a person or a language
model, against the playbook's format and output rules. It lists each
finding with its line and exits 1 when there is an error (warnings alone
exit 0).`,
		Example: `  align lint plan.txt
  align plan situation.md | align lint -`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			data, err := file.Read(cmd.Context(), args[0], e.stdin)
			if err != nil {
				return err
			}
			if err := intake.CheckBytes(data); err != nil {
				return align.Errorf(align.ErrorCode(err), "%s: %s", displayName(args[0]), align.ErrorMessage(err))
			}
			r := eng.Lint(string(data))
			if asJSON {
				if err := writeJSON(e, r); err != nil {
					return err
				}
			} else if len(r.Findings) == 0 {
				fmt.Fprintln(e.stdout, "ok: no findings")
			} else {
				for _, line := range strings.Split(strings.TrimRight(r.String(), "\n"), "\n") {
					fmt.Fprintf(e.stdout, "%s:%s\n", displayName(args[0]), strings.TrimPrefix(line, "line "))
				}
			}
			if !r.OK() {
				return &exitError{code: exitLint, msg: fmt.Sprintf("%d error(s), %d warning(s)", r.Errors, r.Warnings)}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the findings as JSON")
	return c
}

func evalCmd(eng *engine.Engine, e env) *cobra.Command {
	var asJSON, byAuthor bool
	var date string
	var only []string
	c := &cobra.Command{
		Use:   "eval DIR",
		Short: "Measure align on labelled cases (situations/*.yaml and routing.jsonl)",
		Long: `eval runs align on labelled cases and compares its reading with the labels.

With --by-author, DIR is a corpus of author folders, and eval runs
leave-one-author-out cross-validation: for each author it trains every model
on all the other authors and measures on that one, then prints the mean.
That is the honest figure for text written by people align has never read.
--only limits the folds to some authors (each still trained on all the others).`,
		Example: `  align eval ../shared/eval/dev
  align eval ../shared/eval/dev --json
  align eval --by-author corpus
  align eval --by-author corpus --only tp,tr`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if date == "" {
				date = "2026-01-01"
			}
			if len(only) > 0 && !byAuthor {
				return align.Errorf(align.EINVALID, "--only needs --by-author")
			}
			if byAuthor {
				set, err := corpus.LoadAll(args[0])
				if err != nil {
					return err
				}
				if len(set.Authors) < 2 {
					return align.Errorf(align.EINVALID, "%s: --by-author needs a corpus of at least two author folders", args[0])
				}
				rows, err := eval.ByAuthor(eng, set, date, diagnose.TrainOptions{}, only...)
				if err != nil {
					return align.Errorf(align.EINVALID, "%v", err)
				}
				if asJSON {
					return writeJSON(e, rows)
				}
				_, err = fmt.Fprint(e.stdout, eval.AuthorTable(rows))
				return err
			}
			cases, routing, err := corpus.Load(args[0])
			if err != nil {
				return err
			}
			r := eval.Run(eng, cases, routing, date)
			if asJSON {
				return writeJSON(e, r.Metrics)
			}
			_, err = fmt.Fprint(e.stdout, eval.Table(r))
			return err
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print the metrics as one JSON object")
	c.Flags().BoolVar(&byAuthor, "by-author", false, "leave-one-author-out cross-validation over a corpus of author folders")
	c.Flags().StringSliceVar(&only, "only", nil, "with --by-author, hold out only these authors (comma-separated)")
	c.Flags().StringVar(&date, "date", "", "the Built date for the plans, YYYY-MM-DD")
	return c
}

func trainCmd(eng *engine.Engine, e env) *cobra.Command {
	var out string
	c := &cobra.Command{
		Use:   "train CORPUS_DIR... --out DIR",
		Short: "Learn align's reading of situations from labelled cases",
		Long: `train reads labelled cases (a corpus of author folders, or single author
folders, in the format of align eval) and fits every learned model: the route,
each type and the dominant one, urgency, the setup facts, each tried code and
the missing facts. It writes DIR/reader.bin. The same cases always give the
same bytes.

To teach align your own cases, add a folder of them beside the corpus, train
on both, and copy reader.bin to diagnose/model/ before building align.`,
		Example: `  align train corpus --out diagnose/model
  align train corpus ourcases --out /tmp/model`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				return align.Errorf(align.EINVALID, "--out DIR is required")
			}
			set, err := corpus.LoadAll(args...)
			if err != nil {
				return err
			}
			b, err := diagnose.Train(eng.PB, diagnose.Prepare(eng.PB, set), diagnose.TrainOptions{})
			if err != nil {
				return align.Errorf(align.EINVALID, "%v", err)
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				return align.Errorf(align.EINVALID, "--out: %v", err)
			}
			path := filepath.Join(out, "reader.bin")
			if err := file.WriteAtomic(path, b.Encode(), true); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "align: trained on %d situations and %d routing messages by %d authors; wrote %s (%d features, %d models)\n",
				len(set.Cases), len(set.Routing), len(set.Authors), path, len(b.Features), len(b.Models))
			return nil
		},
	}
	c.Flags().StringVar(&out, "out", "", "folder to write reader.bin into")
	return c
}

func questionsCmd(eng *engine.Engine, e env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "questions FILE",
		Short: "List the questions the situation still needs answered",
		Long: `questions lists what a coach would still ask: a setup question for each
missing fact, then the follow-ups that would decide between the leading
types. Answer them in a YAML file by id and pass it to align plan --answers.`,
		Example: `  align questions situation.md --json`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			in, err := readInput(cmd.Context(), eng, e, args[0])
			if err != nil {
				return err
			}
			sit, d, err := eng.Diagnose(in)
			if err != nil {
				return err
			}
			if d.Route.Route != align.RouteAlignment {
				fmt.Fprintln(e.stdout, eng.Declined(d.Route))
				return &exitError{code: exitNotAlign, msg: fmt.Sprintf("not an alignment request (route: %s)", d.Route.Route)}
			}
			qs := eng.Questions(sit, d)
			if asJSON {
				return writeJSON(e, qs)
			}
			if len(qs) == 0 {
				fmt.Fprintln(e.stdout, "No questions: the situation gives what the playbook needs.")
				return nil
			}
			for _, q := range qs {
				fmt.Fprintf(e.stdout, "%s\n  %s\n  why: %s\n", q.ID, q.Text, q.Why)
				for _, ch := range q.Choices {
					fmt.Fprintf(e.stdout, "    %s: %s\n", ch.Value, ch.Label)
				}
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
