package main

import "testing"

// TestStartLoadsNothing: --version, --help and shell completion answer
// without loading the playbook or the model; a command that reads a
// situation loads them once.
func TestStartLoadsNothing(t *testing.T) {
	for _, args := range [][]string{
		{"--version"}, {"--help"}, {"plan", "--help"}, {"help", "plan"},
		{"completion", "bash"}, {"__complete", "pl"},
	} {
		before := engineLoads.Load()
		if r := runAlign(t, "", args...); r.code != 0 {
			t.Fatalf("align %q: exit %d: %s", args, r.code, r.stderr)
		}
		if n := engineLoads.Load() - before; n != 0 {
			t.Errorf("align %q loaded the engine %d times", args, n)
		}
	}
	before := engineLoads.Load()
	if r := runAlign(t, "", "plan", "../../examples/type1-earned.md"); r.code != 0 {
		t.Fatalf("align plan: exit %d: %s", r.code, r.stderr)
	}
	if n := engineLoads.Load() - before; n != 1 {
		t.Errorf("align plan loaded the engine %d times, want 1", n)
	}
}
