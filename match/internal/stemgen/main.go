// Command stemgen writes match/stems.txt: every word of the corpus, the
// examples and the playbook's data with its Porter2 stem, so that the
// tokeniser finds the stem of a word people write in a table instead of
// running the stemmer (the stemmer was a third of a cold `align plan`).
// Run it with `go generate ./match` from the repository's root or the
// match directory; TestStemTable checks every entry against the stemmer.
package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/match"
	"github.com/kljensen/snowball/english"
)

func main() {
	root := ".."
	if _, err := os.Stat("go.mod"); err == nil {
		root = "."
	}
	set, err := corpus.LoadAll(filepath.Join(root, "corpus"))
	if err != nil {
		fail(err)
	}
	var texts []string
	for _, c := range set.Cases {
		texts = append(texts, c.Message)
	}
	for _, r := range set.Routing {
		texts = append(texts, r.Message)
	}
	for _, dir := range []string{"examples", "playbook/data"} {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if b, err := os.ReadFile(p); err == nil {
					texts = append(texts, string(b))
				}
			}
			return nil
		})
	}
	table := map[string]string{}
	for _, t := range texts {
		for _, tok := range match.Tokenize(t) {
			if w := tok.Word(); match.StemTableWord(w) {
				table[w] = english.Stem(w, true)
			}
		}
	}
	keys := make([]string, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		fmt.Fprintf(&b, "%s %s\n", k, table[k])
	}
	if err := os.WriteFile(filepath.Join(root, "match", "stems.txt"), []byte(b.String()), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "stemgen:", err)
	os.Exit(1)
}
