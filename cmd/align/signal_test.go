package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// waitingReader is standard input that never brings anything; it tells
// the test when align has started to wait on it.
type waitingReader struct{ started chan struct{} }

func (r waitingReader) Read([]byte) (int, error) {
	close(r.started)
	select {}
}

// TestInterruptWhileWaitingForInput: every command that reads standard
// input ends with 130 when interrupted while it waits, and writes nothing.
func TestInterruptWhileWaitingForInput(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cases.db")
	runAlign(t, "", "case", "new", "Dana", "--db", db)
	for _, args := range [][]string{
		{"plan", "-"}, {"plan"}, {"diagnose", "-"}, {"questions", "-"}, {"route", "-"}, {"lint", "-"},
		{"plan", "../../examples/type1-earned.md", "--answers", "-"},
		{"case", "log", "1", "note", "-", "--db", db}, {"case", "import", "-", "--db", db},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			ctx, cancel := context.WithCancelCause(context.Background())
			in := waitingReader{make(chan struct{})}
			go func() {
				<-in.started
				cancel(interrupted{os.Interrupt})
			}()
			var out, errb bytes.Buffer
			code := run(ctx, args, env{stdin: in, stdout: &out, stderr: &errb, getenv: func(string) string { return "" }, now: fixed})
			if code != 130 || out.Len() != 0 || strings.TrimSpace(errb.String()) != "align: interrupted; nothing was written" {
				t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
			}
		})
	}
}

// waitFor polls until the process is blocked in the kernel on what
// (a pipe read, a FIFO open: wait_for_partner), so the signal arrives while align waits.
func waitFor(t *testing.T, pid int, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		tasks, _ := filepath.Glob(filepath.Join("/proc", strconv.Itoa(pid), "task", "*", "wchan"))
		for _, f := range tasks {
			if b, err := os.ReadFile(f); err == nil && strings.Contains(string(b), what) {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("align never waited on %s", what)
}

// TestCtrlCEndsTheRealBinary sends real signals to the real binary while
// it waits on a pipe with no writer and on a FIFO nobody opened.
func TestCtrlCEndsTheRealBinary(t *testing.T) {
	if _, err := os.Stat("/proc/self/task"); err != nil {
		t.Skip("needs /proc to see that align is waiting")
	}
	bin := buildAlign(t)
	fifo := filepath.Join(t.TempDir(), "situation.fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, c := range []struct {
		name string
		args []string
		wait string
		sig  syscall.Signal
		code int
	}{
		{"SIGINT on a pipe", []string{"plan", "-"}, "pipe", syscall.SIGINT, 130},
		{"SIGTERM on a pipe", []string{"plan", "-"}, "pipe", syscall.SIGTERM, 143},
		{"SIGINT on a FIFO", []string{"plan", fifo}, "wait_for_partner", syscall.SIGINT, 130},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(bin, c.args...)
			w, _ := cmd.StdinPipe() // never written
			defer w.Close()
			var errb bytes.Buffer
			cmd.Stderr = &errb
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer cmd.Process.Kill()
			waitFor(t, cmd.Process.Pid, c.wait)
			cmd.Process.Signal(c.sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != c.code || !strings.Contains(errb.String(), "interrupted") {
				t.Errorf("%v: %v, stderr %q", c.args, err, errb.String())
			}
		})
	}
}
