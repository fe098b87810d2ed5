package diagnose

import (
	"math"
	"slices"
	"testing"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/learn"
	"github.com/align-coach/align/playbook"
)

// TestFastFeatures checks that the id path (ids.go) reads every text of
// the corpus, and a few made to stress it, into exactly the features, values,
// spans and sentence vectors the string path (what training reads) gives.
func TestFastFeatures(t *testing.T) {
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	rd, err := DefaultReader()
	if err != nil {
		t.Fatal(err)
	}
	set, err := corpus.LoadAll("../corpus")
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{
		"", "not never no", "I don't. We won't! He said \"no war\" 3 months ago, she wants 2 years.",
		"The CEO said 1:1 meetings don't work; our CRO Dana rolls her eyes. I'm tempted to escalate to the board.",
	}
	for _, c := range set.Cases {
		texts = append(texts, c.Message)
	}
	for i, r := range set.Routing {
		if i%5 == 0 {
			texts = append(texts, r.Message)
		}
	}
	if testing.Short() {
		texts = texts[:60]
	}
	for n, text := range texts {
		s := pb.Scan(text)
		rules := ruleDiagnosis(pb, s, align.Situation{Text: text})
		slow := &doc{scan: s, value: map[string]float64{}, at: map[string][]span{}, rules: rules}
		slow.build(pb)
		x := rd.getIDs()
		fast := &doc{scan: s, rules: rules, ids: x}
		fast.build(pb)

		want, got := rd.vectorOf(slow.value), x.vector()
		if !sameVector(want, got) {
			t.Fatalf("text %d: vectors differ:\nwant %v\n got %v", n, want, got)
		}
		for _, f := range want.Idx {
			name := rd.feat.name(int(f))
			if w, g := slow.at[name], x.spansOf(f); !slices.Equal(w, g) {
				t.Fatalf("text %d: %s spans %v, want %v", n, name, g, w)
			}
		}
		ws := slow.sentences()
		gs := fast.sentenceVectors()
		if len(ws) != len(gs) {
			t.Fatalf("text %d: %d sentences, want %d", n, len(gs), len(ws))
		}
		for i := range ws {
			if ws[i].first != gs[i].first || ws[i].last != gs[i].last || ws[i].self != gs[i].self {
				t.Fatalf("text %d sentence %d: %+v, want %+v", n, i, gs[i], ws[i])
			}
			if !ws[i].self {
				continue // no vector: nothing reads it
			}
			if w := rd.vectorOf(ws[i].value); !sameVector(w, gs[i].x) {
				t.Fatalf("text %d sentence %d: vectors differ:\nwant %v\n got %v", n, i, w, gs[i].x)
			}
		}
		x.release()
	}
}

func sameVector(a, b learn.Vector) bool {
	if !slices.Equal(a.Idx, b.Idx) || len(a.Val) != len(b.Val) {
		return false
	}
	for i := range a.Val {
		if math.Float32bits(a.Val[i]) != math.Float32bits(b.Val[i]) {
			return false
		}
	}
	return true
}
