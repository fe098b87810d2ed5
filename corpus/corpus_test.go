package corpus_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/align-coach/align/corpus"
)

// devDir is the validation set, beside the repository as in CI.
const devDir = "../../shared/eval/dev"

// shingle is how many words in a row two messages may not share.
const shingle = 10

// TestNothingFromDevInTheCorpus: dev is the validation set, so no corpus
// case may be retold from the public page a dev case was retold from (an
// author searching the same pages finds the same stories), and no corpus
// message may share ten words in a row with a dev message. Either would
// let the models learn dev's stories and make dev's figures mean less.
func TestNothingFromDevInTheCorpus(t *testing.T) {
	if _, err := os.Stat(devDir); err != nil {
		if os.Getenv("ALIGN_REQUIRE_INTEGRATION") == "1" {
			t.Fatalf("the dev set is not at %s: %v", devDir, err)
		}
		t.Skipf("the dev set is not at %s", devDir)
	}
	dev, _, err := corpus.Load(devDir)
	if err != nil {
		t.Fatal(err)
	}
	sources := map[string]string{}
	shingles := map[string]string{}
	for _, c := range dev {
		if s := strings.TrimSpace(c.Source); s != "" && s != "invented" {
			sources[s] = c.ID
		}
		for _, sh := range shinglesOf(c.Message) {
			shingles[sh] = c.ID
		}
	}
	dirs, err := filepath.Glob("*/situations")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, d := range dirs {
		cases, _, err := corpus.Load(filepath.Dir(d))
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cases {
			n++
			if id, ok := sources[strings.TrimSpace(c.Source)]; ok {
				t.Errorf("%s is retold from %s, the source of dev case %s", c.ID, c.Source, id)
			}
			for _, sh := range shinglesOf(c.Message) {
				if id, ok := shingles[sh]; ok {
					t.Errorf("%s shares %q with dev case %s", c.ID, sh, id)
					break
				}
			}
		}
	}
	if n < 1000 {
		t.Fatalf("read %d corpus cases; the corpus is larger", n)
	}
}

// shinglesOf returns every run of shingle words of text, lower case.
func shinglesOf(text string) []string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'')
	})
	var out []string
	for i := 0; i+shingle <= len(words); i++ {
		out = append(out, strings.Join(words[i:i+shingle], " "))
	}
	return out
}
