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

	"github.com/align-coach/align/internal/itest"
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
	itest.Skip(t, "Chromium is not installed (apt-get install chromium, or set ALIGN_CHROMIUM)")
	return ""
}

func TestMain(m *testing.M) { os.Exit(itest.Main(m, "http (browser tests)")) }

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
	screen := func(name string) {
		t.Helper()
		buf, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// What a phone shows first, and after the Diagnosis tab.
	eval(`window.scrollTo(0, 0); ""`)
	screen("3a-result-phone-top.png")
	do(chromedp.Click(chromedp.CSS(`.jump a[href="#diagnosis"]`)), chromedp.Sleep(300*time.Millisecond))
	screen("3b-result-phone-diagnosis.png")
	if y := eval(`Math.round(document.getElementById("diagnosis").getBoundingClientRect().top) + ""`); y == "" || len(y) > 3 {
		t.Errorf("the Diagnosis tab did not bring the diagnosis into view: top %s", y)
	}
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

// headless starts headless Chromium at a desktop size.
func headless(t *testing.T) context.Context {
	t.Helper()
	exe := chromium(t)
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1280, 1000),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancel)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	ctx, cancel = context.WithTimeout(ctx, 120*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// TestBrowserCaseLivesFourEntries lives with a case for four entries,
// one of them a "change" full of lead-routing words, and sees a plan
// after each: a case's route is pinned at alignment.
func TestBrowserCaseLivesFourEntries(t *testing.T) {
	ctx := headless(t)
	ts := newServer(t, "")
	dir := artifacts(t)
	run := func(steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatal(err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
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
	run(chromedp.Navigate(ts.URL+"/cases"), chromedp.WaitVisible(chromedp.ID("name")),
		chromedp.SendKeys(chromedp.ID("name"), "Marcus"),
		chromedp.SendKeys(chromedp.ID("title"), "CRO"),
		chromedp.SendKeys(chromedp.ID("situation"), "Our CRO can name the exact webinar: 1,400 registrations, zero opportunities. Honestly he's right, our gated ebook leads were junk. We both report to the CEO."),
		chromedp.Click(chromedp.CSS(`form[action="/cases"] button.primary`)),
		chromedp.WaitVisible(chromedp.ID("log-form")),
	)
	if p := eval(`(document.getElementById("plan")||{}).innerText||""`); !strings.Contains(p, "SALES LEADER ALIGNMENT PLAN") {
		t.Fatalf("no plan after the first entry: %q", p)
	}
	for i, en := range [][2]string{
		{"conversation", "Had the transparency conversation. He wants leads with a real buyer behind them."},
		{"change", "Turned off the gated ebook routing to SDRs; only demo requests and pricing-page visits now go to sales. Lead scoring, MQL definition and the handoff SLA were rewritten."},
		{"seat", "He invited me to the Monday pipeline review as an observer."},
	} {
		run(
			chromedp.SetValue(chromedp.ID("kind"), en[0]),
			chromedp.SendKeys(chromedp.ID("text"), en[1]),
			chromedp.Click(chromedp.CSS("#log-form button")),
			chromedp.WaitVisible(chromedp.CSS("li.done[data-kind="+en[0]+"]")),
			chromedp.WaitVisible(chromedp.CSS("#timeline li.k-"+en[0])),
			chromedp.WaitReady(chromedp.CSS("footer")),
		)
		p := eval(`(document.getElementById("plan")||{}).innerText||""`)
		if !strings.Contains(p, "SALES LEADER ALIGNMENT PLAN") || !strings.Contains(p, "Marcus") {
			t.Fatalf("after entry %d (%s) the case shows no plan for Marcus: %q", i+2, en[0], eval(`document.querySelector("main").innerText`))
		}
	}
	if n := eval(`document.querySelectorAll("#timeline li").length + ""`); n != "4" {
		t.Errorf("timeline has %s entries, want 4", n)
	}
	if first := eval(`document.querySelector("#timeline li").className`); first != "k-seat" {
		t.Errorf("newest entry first: got %q", first)
	}
	shot("5-case-four-entries.png")
	run(chromedp.EmulateViewport(390, 844))
	shot("6-case-phone.png")
}

// TestBrowserDeclinedWayOn: a request align declines offers "yes, this is
// about my sales leader"; adding what they said writes the plan.
func TestBrowserDeclinedWayOn(t *testing.T) {
	ctx := headless(t)
	ts := newServer(t, "")
	dir := artifacts(t)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(ts.URL+"/"), chromedp.WaitVisible(chromedp.ID("situation")),
		chromedp.SendKeys(chromedp.ID("situation"), "help me write an MQL definition and lead scoring model with SLA follow-up times"),
		chromedp.Click(chromedp.CSS("button.primary")),
		chromedp.WaitVisible(chromedp.ID("continue-form")),
	); err != nil {
		t.Fatal(err)
	}
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "7-declined.png"), buf, 0o644)
	if err := chromedp.Do(ctx,
		chromedp.SendKeys(chromedp.ID("said"), "Our CRO, Marcus, says marketing's leads are junk and refuses to agree any definition with me."),
		chromedp.Click(chromedp.CSS("#continue-form button.primary")),
		chromedp.WaitVisible(chromedp.ID("plan")),
	); err != nil {
		t.Fatal(err)
	}
	p, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("plan")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(p, "SALES LEADER ALIGNMENT PLAN") || !strings.Contains(p, "Marcus") {
		t.Errorf("no plan after confirming: %q", p)
	}
}
