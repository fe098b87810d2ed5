package plan_test

import (
	"sync"
	"testing"

	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/plan"
)

// corpusPlan is one corpus situation with the plan align writes for it.
type corpusPlan struct {
	c   corpus.Case
	res engine.Result
	txt string
}

var (
	corpusOnce  sync.Once
	corpusPlans []corpusPlan
	corpusErr   error
)

// plansOverCorpus plans every situation of every corpus author once and
// shares the plans between the tests that read them.
func plansOverCorpus(t *testing.T) []corpusPlan {
	t.Helper()
	corpusOnce.Do(func() {
		set, err := corpus.LoadAll("../corpus")
		if err != nil {
			corpusErr = err
			return
		}
		e, err := engine.New(nil)
		if err != nil {
			corpusErr = err
			return
		}
		for _, c := range set.Cases {
			res, err := e.Plan(intake.Input{Situation: c.Message}, "2026-11-24")
			if err != nil {
				corpusErr = err
				return
			}
			if res.Plan == nil {
				continue
			}
			corpusPlans = append(corpusPlans, corpusPlan{c, res, plan.Text(*res.Plan)})
		}
	})
	if corpusErr != nil {
		t.Fatal(corpusErr)
	}
	if len(corpusPlans) < 100 {
		t.Fatalf("only %d corpus situations got a plan", len(corpusPlans))
	}
	return corpusPlans
}

// TestCorpusPlansReadAsWritten checks every plan the corpus produces for
// what filled templates get wrong: residue, doubled words, broken
// articles.
func TestCorpusPlansReadAsWritten(t *testing.T) {
	for _, p := range plansOverCorpus(t) {
		for _, f := range plan.GrammarFaults(p.txt) {
			t.Errorf("%s/%s: %s", p.c.Author, p.c.ID, f)
		}
	}
}
