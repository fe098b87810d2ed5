// Command commongen writes diagnose/common.txt: the words that writers of
// the corpus use in lower case inside a sentence, in texts that otherwise
// capitalise names, by at least three authors. Those are common words,
// never names; in a text typed all in lower case ("right so update on
// the niamh saga"), a word that is not on the list and comes back is
// likely a name. Run it with `go generate ./diagnose`;
// TestCommonWordsAreCurrent checks the file against the corpus.
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/diagnose"
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
	words := diagnose.CommonWords(set)
	out := filepath.Join(root, "diagnose", "common.txt")
	if err := os.WriteFile(out, []byte(strings.Join(words, "\n")+"\n"), 0o644); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "commongen:", err)
	os.Exit(1)
}
