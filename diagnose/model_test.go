package diagnose_test

import (
	"bytes"
	"flag"
	"os"
	"testing"

	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/diagnose"
)

var update = flag.Bool("update", false, "retrain the embedded model from the corpus and write diagnose/model/reader.bin")

// TestEmbeddedModelIsReproducible trains on the project's corpus and
// compares the result with the embedded model, byte for byte: the binary
// holds exactly what `align train corpus` makes.
func TestEmbeddedModelIsReproducible(t *testing.T) {
	if raceDetector && !*update {
		t.Skip("training under -race takes minutes; .ci/run runs this test without -race")
	}
	set, err := corpus.LoadAll("../corpus")
	if err != nil {
		t.Fatal(err)
	}
	p := pb(t)
	b, err := diagnose.Train(p, diagnose.Prepare(p, set), diagnose.TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := b.Encode()
	if *update {
		if err := os.WriteFile("model/reader.bin", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, diagnose.EmbeddedModel()) {
		t.Fatalf("training on ../corpus gives %d bytes that differ from the embedded model (%d bytes); run `go run ./cmd/align train corpus --out diagnose/model` (or go test ./diagnose -run TestEmbeddedModelIsReproducible -update) and commit", len(got), len(diagnose.EmbeddedModel()))
	}
	if _, err := diagnose.NewReader(b); err != nil {
		t.Fatal(err)
	}
}
