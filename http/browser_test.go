package http_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium finds Debian's Chromium. With ALIGN_REQUIRE_INTEGRATION=1 a
// missing browser fails the test instead of skipping it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("ALIGN_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("ALIGN_REQUIRE_INTEGRATION") == "1" {
		t.Fatal("Chromium not found and ALIGN_REQUIRE_INTEGRATION=1: install it with apt-get install chromium")
	}
	t.Skip("Chromium not installed (set ALIGN_REQUIRE_INTEGRATION=1 to make this a failure)")
	return ""
}

func artifacts(t *testing.T) string {
	dir := filepath.Join("testdata", "artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestBrowserFlow(t *testing.T) {
	exe := chromium(t)
	ts := newServer(t, "")
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 90*time.Second)
	defer cancel()

	dir := artifacts(t)
	shot := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	do := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}

	do(chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("situation")))
	shot("1-new.png")
	do(
		chromedp.SendKeys(chromedp.ID("situation"), "Our CRO, Greg, tears apart the attribution model at every QBR, calls it rigged, and had RevOps re-tag forty deals as self-sourced. His AEs get a bonus kicker for self-sourced deals. Greg and I both report to the CEO."),
		chromedp.Click(chromedp.CSS("details.more summary")),
		chromedp.Click(chromedp.CSS("input[name=tried][value=data_deck]")),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.ID("plan")),
	)
	plan := text("#plan")
	marks := eval(`document.querySelectorAll("#evidence mark").length + ""`)
	shot("2-result.png")
	do(chromedp.EmulateViewport(390, 844))
	shot("3-result-phone.png")
	do(
		chromedp.EmulateViewport(1280, 1000),
		chromedp.Click(chromedp.CSS(`form[action="/cases"] button`)),
		chromedp.WaitVisible(chromedp.ID("log-form")),
	)
	caseHeading := text("h1")
	do(
		chromedp.SetValue(chromedp.ID("kind"), "conversation"),
		chromedp.SendKeys(chromedp.ID("text"), "Had the transparency conversation. Greg says the real issue is his team's kicker."),
		chromedp.Click(chromedp.CSS("#log-form button")),
		// The reloaded page marks the step done; waiting for it also waits
		// for the navigation to finish.
		chromedp.WaitVisible(chromedp.CSS("li.done[data-kind=conversation]")),
	)
	stepClass := eval(`document.querySelector("li[data-kind=conversation]").className`)
	shot("4-case.png")
	for _, line := range []string{"SALES LEADER ALIGNMENT PLAN", "Misalignment type: Type 3, political"} {
		if !strings.Contains(plan, line) {
			t.Errorf("plan on the page lacks %q", line)
		}
	}
	if marks == "0" || marks == "" {
		t.Error("no evidence highlighted on the result page")
	}
	if !strings.Contains(caseHeading, "Greg") {
		t.Errorf("case page heading %q", caseHeading)
	}
	if !strings.Contains(stepClass, "done") {
		t.Errorf("conversation step not marked done: class %q", stepClass)
	}
}
