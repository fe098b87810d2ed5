package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small corpus of two authors (copied from the real one) trains quickly.
const smallCorpus = "testdata/corpus"

func TestTrainWritesTheSameModelTwiceAndPlansWithIt(t *testing.T) {
	dir := t.TempDir()
	one, two := filepath.Join(dir, "one"), filepath.Join(dir, "two")
	for _, out := range []string{one, two} {
		if r := runAlign(t, "", "train", smallCorpus, "--out", out); r.code != 0 {
			t.Fatalf("train: exit %d: %s", r.code, r.stderr)
		}
	}
	a, err := os.ReadFile(filepath.Join(one, "reader.bin"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(filepath.Join(two, "reader.bin"))
	if !bytes.Equal(a, b) {
		t.Error("two trainings on the same cases wrote different models")
	}
	r := runAlign(t, "", "--model", filepath.Join(one, "reader.bin"), "plan", "../../examples/type3-political.md")
	if r.code != 0 || !strings.Contains(r.stdout, "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("plan with a trained model: exit %d, %s", r.code, r.stderr)
	}
}

func TestTrainAndModelRefuseBadInput(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.bin")
	os.WriteFile(junk, []byte("not a model"), 0o644)
	for name, args := range map[string][]string{
		"no --out":           {"train", smallCorpus},
		"no corpus":          {"train", dir, "--out", dir},
		"junk model":         {"--model", junk, "route", "our CRO ignores marketing"},
		"missing model":      {"--model", filepath.Join(dir, "none.bin"), "route", "our CRO ignores marketing"},
		"one author folder":  {"eval", "--by-author", filepath.Join(smallCorpus, "xa")},
		"an unknown author":  {"eval", "--by-author", smallCorpus, "--only", "zz"},
		"only without folds": {"eval", "--only", "xa", smallCorpus},
	} {
		r := runAlign(t, "", args...)
		if r.code != exitInput || strings.Count(strings.TrimSpace(r.stderr), "\n") > 0 || r.stderr == "" {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and one line", name, r.code, r.stderr)
		}
	}
}

func TestEvalByAuthor(t *testing.T) {
	r := runAlign(t, "", "eval", "--by-author", smallCorpus)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, row := range []string{"xa ", "xb ", "mean "} {
		if !strings.Contains(r.stdout, "\n"+row) {
			t.Errorf("no %q row in:\n%s", row, r.stdout)
		}
	}
	// --only holds out just the authors named.
	r = runAlign(t, "", "eval", "--by-author", smallCorpus, "--only", "xb")
	if r.code != 0 || !strings.Contains(r.stdout, "\nxb ") || strings.Contains(r.stdout, "\nxa ") {
		t.Errorf("--only xb: exit %d, stderr %s, stdout:\n%s", r.code, r.stderr, r.stdout)
	}
}
