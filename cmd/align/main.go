// Command align coaches a marketing or RevOps leader through a difficult
// relationship with a sales leader: it routes the request, diagnoses the
// kind of misalignment and writes the alignment plan. This file only wires
// the packages to flags, files and exit codes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/diagnose"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/learn"
)

// Exit codes, documented in the README.
const (
	exitOK       = 0
	exitLint     = 1 // lint found violations (or an internal error)
	exitInput    = 2 // bad input or usage
	exitNotAlign = 3 // the request is not an alignment request
	exitCancel   = 130
)

func main() {
	oneShotGC(os.Args[1:], os.Getenv)
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		sig := <-sigs
		// A second Ctrl-C ends align at once, the default way.
		signal.Stop(sigs)
		cancel(interrupted{sig})
	}()
	os.Exit(run(ctx, os.Args[1:], env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr,
		getenv: os.Getenv, now: time.Now,
	}))
}

// oneShotCommands read one text, answer and exit: they hold at most one
// input of intake.MaxBytes and what it takes to plan it.
var oneShotCommands = map[string]bool{"plan": true, "route": true, "diagnose": true, "lint": true, "questions": true}

// oneShotLimit is the memory a one-shot command's Go runtime may grow to
// before the garbage collector runs: a plan of a few KB allocates about
// 3 MiB and never reaches it. A 1 MiB plan's live heap peaks at about
// 13 MiB (tokens 4.7, the text 1, the scan's hits 1.1, the loaded
// playbook and model 2.4), so under 20 MiB it collects a dozen times and
// peaks at about 38 MiB of RSS, 20 of them the binary's pages (58 MiB
// under 48, where it collected twice; 0.45 s of CPU against 0.33).
const oneShotLimit = 20 << 20

// oneShotGC turns the garbage collector's pacing off for a one-shot
// command and bounds the heap instead (debug.SetMemoryLimit): such a
// command exits within milliseconds, and collecting while the playbook
// and the model load, and again during the plan, was about a quarter of
// a cold `align plan`'s instructions (33.7 to 26.0 million for 2 KB). The
// limit keeps the largest input's memory lower than the default pacing
// did. Servers, the interview, eval and train keep the default, as does
// anyone who sets GOGC or GOMEMLIMIT.
func oneShotGC(args []string, getenv func(string) string) {
	if getenv("GOGC") != "" || getenv("GOMEMLIMIT") != "" {
		return
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			continue
		}
		if oneShotCommands[a] {
			debug.SetMemoryLimit(oneShotLimit)
			debug.SetGCPercent(-1)
		}
		return
	}
}

// env is everything a command touches outside the process, so tests can
// run the whole program in process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
}

// interrupted is the cause of a context cancelled by a signal.
type interrupted struct{ sig os.Signal }

func (i interrupted) Error() string { return "interrupted by " + i.sig.String() }

// exitCode is 128 plus the signal's number, as shells report it: 130 for
// Ctrl-C (SIGINT), 143 for SIGTERM.
func (i interrupted) exitCode() int {
	if s, ok := i.sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitCancel
}

// exitError carries an exit code other than the error vocabulary's.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func run(ctx context.Context, args []string, e env) int {
	// The engine is filled in before a command runs (see newRoot), so
	// --version, --help and shell completion load nothing.
	eng := &engine.Engine{Now: e.now}
	root := newRoot(ctx, eng, e)
	root.SetArgs(args)
	root.SetIn(e.stdin)
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	var sig interrupted
	if errors.As(context.Cause(ctx), &sig) && (errors.As(err, &sig) || errors.Is(err, context.Canceled)) {
		fmt.Fprintln(e.stderr, "align: interrupted; nothing was written")
		return sig.exitCode()
	}
	var xe *exitError
	if errors.As(err, &xe) {
		if xe.msg != "" {
			fmt.Fprintln(e.stderr, "align:", xe.msg)
		}
		return xe.code
	}
	fmt.Fprintln(e.stderr, "align:", oneLine(align.ErrorMessage(err)))
	switch align.ErrorCode(err) {
	case align.EINVALID, align.ETOOLARGE, align.ENOTFOUND:
		return exitInput
	case align.ENOTALIGNMENT:
		return exitNotAlign
	case align.EINTERNAL:
		// Errors that are not ours come from cobra: bad flags or arguments.
		if isUsage(err) {
			return exitInput
		}
	}
	return exitLint
}

func isUsage(err error) bool {
	var ae *align.Error
	return !errors.As(err, &ae)
}

func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

func newRoot(ctx context.Context, eng *engine.Engine, e env) *cobra.Command {
	root := &cobra.Command{
		Use:   "align",
		Short: "Coach for a marketing leader and a sales leader who does not trust marketing",
		Long: `align reads how you describe the situation with your VP of Sales or CRO,
decides whether it is a relationship problem at all, diagnoses which of the
four kinds of misalignment it is (quoting your own words as evidence), and
writes a concrete plan: the first conversation, the one change to make, the
seat to get in the pipeline review, when escalation is justified, and what
will not work.`,
		Example: `  align plan examples/type1-earned.md
  align plan situation.yaml --format markdown --out plan.md
  echo "my CRO rolls his eyes when I present" | align route -
  align lint plan.txt`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	var model string
	root.PersistentFlags().StringVar(&model, "model", "", "read situations with a model made by align train (a reader.bin file) instead of the built-in one; also ALIGN_MODEL")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		if !needsEngine(cmd) {
			return nil
		}
		engineLoads.Add(1)
		loaded, err := engine.New(e.now)
		if err != nil {
			return err
		}
		*eng = *loaded
		if model == "" {
			model = e.getenv("ALIGN_MODEL")
		}
		if model == "" {
			return nil
		}
		rd, err := loadModel(model)
		if err != nil {
			return err
		}
		eng.Reader = rd
		return nil
	}
	root.AddCommand(
		planCmd(ctx, eng, e), routeCmd(eng, e), diagnoseCmd(eng, e), lintCmd(eng, e),
		evalCmd(eng, e), trainCmd(eng, e), questionsCmd(eng, e), mcpCmd(ctx, eng, e),
		interviewCmd(ctx, eng, e), serveCmd(ctx, eng, e), caseCmd(eng, e),
	)
	return root
}

// engineLoads counts the commands that loaded the engine, for a test that
// --version, --help and completion load nothing.
var engineLoads atomic.Int64

// needsEngine reports whether a command reads situations or plans: help
// and shell completion do not, so they start without loading the playbook
// and the model.
func needsEngine(cmd *cobra.Command) bool {
	for c := cmd; c != nil; c = c.Parent() {
		switch c.Name() {
		case "help", "completion", cobra.ShellCompRequestCmd, cobra.ShellCompNoDescRequestCmd:
			return false
		}
	}
	return true
}

func version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// maxModel bounds a model file; the built-in one is a few MiB.
const maxModel = 256 << 20

// loadModel reads a model bundle written by align train.
func loadModel(path string) (*diagnose.Reader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, align.Errorf(align.EINVALID, "--model: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxModel+1))
	if err != nil {
		return nil, align.Errorf(align.EINVALID, "--model %s: %v", path, err)
	}
	if len(data) > maxModel {
		return nil, align.Errorf(align.EINVALID, "--model %s: larger than %d MiB, not a model made by align train", path, maxModel>>20)
	}
	b, err := learn.Decode(data)
	if err != nil {
		return nil, align.Errorf(align.EINVALID, "--model %s: %v", path, err)
	}
	rd, err := diagnose.NewReader(b)
	if err != nil {
		return nil, align.Errorf(align.EINVALID, "--model %s: %v", path, err)
	}
	return rd, nil
}
