package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// session drives the real binary in a pseudo-terminal.
type session struct {
	t    *testing.T
	cmd  *exec.Cmd
	tty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	seen int
	done chan struct{}
}

func startPTY(t *testing.T, bin, dir string, env []string, args ...string) *session {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 200})
	if err != nil {
		t.Fatal(err)
	}
	s := &session{t: t, cmd: cmd, tty: f, done: make(chan struct{})}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			s.mu.Lock()
			s.out.Write(buf[:n])
			s.mu.Unlock()
			if err != nil {
				close(s.done)
				return
			}
		}
	}()
	t.Cleanup(func() { cmd.Process.Kill(); f.Close() })
	return s
}

// expect waits for text to appear after what earlier calls consumed. The
// limit only ends a test that hangs; under -race on a busy machine a plan
// can take many seconds.
func (s *session) expect(text string) {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		all := s.out.String()
		s.mu.Unlock()
		if i := strings.Index(all[s.seen:], text); i >= 0 {
			s.seen += i + len(text)
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.t.Fatalf("timed out waiting for %q; output so far:\n%s", text, s.out.String())
}

// next waits until text appears in the output not yet read and returns
// that unread output up to and including it, without consuming it.
func (s *session) next(text string) string {
	s.t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		s.mu.Lock()
		rest := s.out.String()[s.seen:]
		s.mu.Unlock()
		if i := strings.Index(rest, text); i >= 0 {
			return rest[:i+len(text)]
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.t.Fatalf("timed out waiting for %q; output so far:\n%s", text, s.out.String())
	return ""
}

func (s *session) send(line string) {
	s.t.Helper()
	time.Sleep(50 * time.Millisecond)
	if _, err := s.tty.Write([]byte(line)); err != nil {
		s.t.Fatal(err)
	}
}

func (s *session) wait() int {
	s.t.Helper()
	err := s.cmd.Wait()
	select {
	case <-s.done:
	case <-time.After(5 * time.Second):
	}
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		s.t.Fatal(err)
	}
	return 0
}

func (s *session) output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.out.String()
}

// throughPlan answers every question of the interview up to the save
// offer: established, escalated, senior, no shared target, leadership
// sees it, and the first choice of any follow-up.
func throughPlan(s *session) {
	s.t.Helper()
	s.expect("What is going on with your sales leader?")
	s.send("Our VP of Sales, Omar, keeps saying marketing's leads are weak and his reps ignore them.\r")
	throughSetup(s)
}

// throughSetup answers the setup questions and any follow-ups, up to the
// save offer.
func throughSetup(s *session) {
	s.t.Helper()
	s.expect("What has the sales leader said or done")
	s.send("He told the exec team our leads are a waste of his reps' time.\r")
	s.expect("How long has this dynamic been going on?")
	s.send("About a year\r")
	s.expect("Are you new to your role")
	s.expect("Enter a number")
	s.send("2\r") // established
	s.expect("What have you already tried?")
	s.expect("Nothing yet")
	s.expect("Enter a number")
	s.send("2\r") // escalated
	s.expect("Enter a number")
	s.send("0\r")
	s.expect("Does the sales leader report to the same person")
	s.expect("Enter a number")
	s.send("2\r") // senior
	s.expect("What is the business context?")
	s.send("Series B, about 150 people\r")
	s.expect("share one revenue or pipeline target?")
	s.expect("Enter a number")
	s.send("2\r") // no
	s.expect("Does leadership above both of you see the problem?")
	s.expect("Enter a number")
	s.send("1\r") // yes
	// Follow-up questions, if any, come before the plan: each next prompt
	// is either one of them or, after the plan, the offer to save it.
	for i := 0; i < 4; i++ {
		rest := s.next("Enter a number")
		if strings.Contains(rest, "SALES LEADER ALIGNMENT PLAN") {
			break
		}
		s.expect("Enter a number")
		s.send("1\r")
	}
	s.expect("SALES LEADER ALIGNMENT PLAN")
	s.expect("Save this plan?")
	s.expect("Enter a number")
}

func TestInterviewAnswersEveryQuestion(t *testing.T) {
	bin := buildAlign(t)
	dir := t.TempDir()
	s := startPTY(t, bin, dir, []string{"ACCESSIBLE=1"}, "interview", "--date", "2026-11-24")
	throughPlan(s)
	s.send("3\r") // Markdown
	s.expect("File name (press Enter for alignment-plan.md)")
	s.send("\r")
	s.expect("Saved alignment-plan.md")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, s.output())
	}
	plan, err := os.ReadFile(filepath.Join(dir, "alignment-plan.md"))
	if err != nil {
		t.Fatal(err)
	}
	p := string(plan)
	if !strings.Contains(p, "calendar") && !strings.Contains(p, "convenience") {
		t.Errorf("who is in the room ignores the senior reporting line:\n%s", p)
	}
	for _, want := range []string{"# SALES LEADER ALIGNMENT PLAN", "Omar", "escalated once", "**Built:** 2026-11-24"} {
		if !strings.Contains(p, want) {
			t.Errorf("saved plan lacks %q (answers not reflected):\n%s", want, p)
		}
	}
}

func TestInterviewStartsACase(t *testing.T) {
	bin := buildAlign(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "cases.db")
	s := startPTY(t, bin, dir, []string{"ACCESSIBLE=1", "ALIGN_DB=" + db}, "interview")
	throughPlan(s)
	s.send("4\r") // start a case file
	s.expect("The sales leader's name")
	s.send("\r") // keep Omar
	s.expect("Their title")
	s.send("\r")
	s.expect("Started case 1 on Omar")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, s.output())
	}
	r := runAlign(t, "", "case", "show", "1", "--db", db)
	if r.code != 0 || !strings.Contains(r.stdout, "Omar") || !strings.Contains(r.stdout, "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("case: %d\n%s", r.code, r.stdout)
	}
}

func TestInterviewInterruptWritesNothing(t *testing.T) {
	bin := buildAlign(t)
	for _, mode := range []struct {
		name string
		env  []string
		quit string
	}{
		{"accessible, ctrl-c", []string{"ACCESSIBLE=1"}, "\x03"},
		{"full screen, esc", []string{"TERM=xterm-256color"}, "\x1b"},
		{"full screen, ctrl-c", []string{"TERM=xterm-256color"}, "\x03"},
	} {
		t.Run(mode.name, func(t *testing.T) {
			dir := t.TempDir()
			s := startPTY(t, bin, dir, mode.env, "interview")
			s.expect("What is going on with your sales leader?")
			if strings.Contains(mode.name, "accessible") {
				s.send("Our CRO calls marketing a cost center and his reps ignore our leads.\r")
				s.expect("What has the sales leader said or done")
			} else {
				s.send("Our CRO calls marketing a cost center")
				time.Sleep(300 * time.Millisecond)
			}
			s.send(mode.quit)
			if code := s.wait(); code != 130 {
				t.Fatalf("exit %d, want 130\n%s", code, s.output())
			}
			if !strings.Contains(s.output(), "nothing was saved") {
				t.Errorf("no one-line notice:\n%s", s.output())
			}
			if entries, _ := os.ReadDir(dir); len(entries) != 0 {
				t.Errorf("files written: %v", entries)
			}
		})
	}
}

func TestInterviewNeedsATerminal(t *testing.T) {
	r := runAlign(t, "", "interview")
	if r.code != 2 || !strings.Contains(r.stderr, "terminal") {
		t.Errorf("exit %d %q", r.code, r.stderr)
	}
}

// TestInterviewRefusalIsNotADeadEnd: a request align would decline asks
// whether it is about the user's sales leader; yes goes on to the
// questions and a plan.
func TestInterviewRefusalIsNotADeadEnd(t *testing.T) {
	bin := buildAlign(t)
	dir := t.TempDir()
	s := startPTY(t, bin, dir, []string{"ACCESSIBLE=1"}, "interview", "--date", "2026-11-24")
	s.expect("What is going on with your sales leader?")
	s.send("help me write an MQL definition and lead scoring model with SLA follow-up times\r")
	s.expect("Is this about your relationship with your sales leader?")
	s.send("y\r")
	throughSetup(s)
	s.send("1\r") // do not save
	if code := s.wait(); code != 0 {
		t.Fatalf("exit %d\n%s", code, s.output())
	}
}

// TestInterviewRefusalNoEnds: answering no to the same question ends the
// interview with exit 3, as before.
func TestInterviewRefusalNoEnds(t *testing.T) {
	bin := buildAlign(t)
	s := startPTY(t, bin, t.TempDir(), []string{"ACCESSIBLE=1"}, "interview")
	s.expect("What is going on with your sales leader?")
	s.send("help me write an MQL definition and lead scoring model with SLA follow-up times\r")
	s.expect("Is this about your relationship with your sales leader?")
	s.send("n\r")
	if code := s.wait(); code != 3 {
		t.Fatalf("exit %d, want 3\n%s", code, s.output())
	}
}
