package main

import (
	"context"
	"errors"
	"os"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/interview"
)

func interviewCmd(ctx context.Context, eng *engine.Engine, e env) *cobra.Command {
	var date, db string
	var accessible bool
	c := &cobra.Command{
		Use:   "interview",
		Short: "Answer a few questions at the terminal and get the plan",
		Long: `interview asks for the situation in your own words, then the playbook's six
setup facts (pre-filled with what your text already says), then, if the
diagnosis is still unclear, one to three questions that decide it. It shows
the plan and offers to save it. Ctrl-C or Esc leaves at any point without
writing anything. Plain prompts (for screen readers) with --accessible,
ACCESSIBLE=1 or NO_COLOR.`,
		Example: `  align interview
  ACCESSIBLE=1 align interview`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runInterview(ctx, eng, e, date, accessible, db)
		},
	}
	c.Flags().StringVar(&date, "date", "", "the Built date, YYYY-MM-DD (default today)")
	c.Flags().BoolVar(&accessible, "accessible", false, "plain line-by-line prompts")
	c.Flags().StringVar(&db, "db", "", "case file database (SQLite file or postgres:// URL), if you start a case (default in the data directory, or ALIGN_DB)")
	return c
}

func runInterview(ctx context.Context, eng *engine.Engine, e env, date string, accessible bool, db string) error {
	if !isTerminal(e.stdin) {
		return &exitError{code: exitInput, msg: "the interview needs a terminal; for scripts use align questions and align plan --answers"}
	}
	accessible = accessible || e.getenv("ACCESSIBLE") != "" || e.getenv("NO_COLOR") != "" ||
		e.getenv("TERM") == "dumb" || e.getenv("CLICOLOR") == "0"
	open := func() (align.Store, error) { return openStore(dbPath(db, e.getenv)) }
	_, err := interview.Run(ctx, eng, interview.Terminal{In: e.stdin, Out: e.stdout, Accessible: accessible, Date: date, OpenStore: open})
	if errors.Is(err, interview.ErrAborted) {
		return &exitError{code: exitCancel, msg: err.Error()}
	}
	return err
}

func isTerminal(r any) bool {
	f, ok := r.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
