// Package itest lets tests that need a real part (Chromium, PostgreSQL)
// skip out loud. `go test ./...` shows nothing of a passing package,
// skips included, unless -v is given, so a developer could believe the
// browser and PostgreSQL tests ran when they did not. Skip records each
// skip, and Main writes one line per package that skipped, to the
// terminal when there is one (go test does not hold that back) and to
// stderr. With ALIGN_REQUIRE_INTEGRATION=1 (as .ci/run sets it) a
// missing part fails the test instead.
package itest

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
)

var (
	mu      sync.Mutex
	skipped = map[string]bool{}
)

// Required reports whether ALIGN_REQUIRE_INTEGRATION=1 makes a missing
// part a failure.
func Required() bool { return os.Getenv("ALIGN_REQUIRE_INTEGRATION") == "1" }

// Skip fails the test when integration is required, and otherwise skips
// it and records why. missing says what is missing and how to provide
// it, as one sentence.
func Skip(t testing.TB, missing string) {
	t.Helper()
	if Required() {
		t.Fatalf("%s, and ALIGN_REQUIRE_INTEGRATION=1 makes that a failure", missing)
	}
	mu.Lock()
	skipped[missing] = true
	mu.Unlock()
	t.Skipf("%s (set ALIGN_REQUIRE_INTEGRATION=1 to make this a failure)", missing)
}

// Main runs the package's tests and then says which were skipped and
// why. Use it as `func TestMain(m *testing.M) { os.Exit(itest.Main(m, "browser")) }`.
func Main(m *testing.M, pkg string) int {
	code := m.Run()
	mu.Lock()
	var why []string
	for w := range skipped {
		why = append(why, w)
	}
	mu.Unlock()
	if len(why) == 0 {
		return code
	}
	sort.Strings(why)
	line := fmt.Sprintf("NOTE: %s: some tests were SKIPPED, not run: %s.\n", pkg, strings.Join(why, "; "))
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		tty.WriteString(line)
		tty.Close()
	}
	os.Stderr.WriteString(line)
	return code
}
