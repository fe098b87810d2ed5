package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/diagnose"
	"github.com/align-coach/align/engine"
)

// AuthorRow is one fold of a leave-one-author-out cross-validation: the
// figures on one author's cases, with the models trained on every other
// author's.
type AuthorRow struct {
	Author  string  `json:"author"`
	Metrics Metrics `json:"metrics"`
}

// ByAuthor runs leave-one-author-out cross-validation: for each author,
// train every model on all the other authors, then evaluate on that
// author's situations and routing messages. The last row, "mean", averages
// the authors' figures (each author counts once, whatever their size).
// This is the honest figure for text by people align has never read.
// When only is not empty, only those authors are held out in turn (each
// still trained on every other author), for a quicker look at the
// authors a change concerns; an author in only that the corpus does not
// hold is an error.
func ByAuthor(base *engine.Engine, set corpus.Set, date string, opt diagnose.TrainOptions, only ...string) ([]AuthorRow, error) {
	folds := set.Authors
	if len(only) > 0 {
		for _, a := range only {
			if !slices.Contains(set.Authors, a) {
				return nil, fmt.Errorf("no author %q in the corpus", a)
			}
		}
		folds = only
	}
	ex := diagnose.Prepare(base.PB, set)
	var rows []AuthorRow
	for _, a := range folds {
		var train []diagnose.Example
		for _, e := range ex {
			if e.Author != a {
				train = append(train, e)
			}
		}
		b, err := diagnose.Train(base.PB, train, opt)
		if err != nil {
			return nil, fmt.Errorf("fold %s: %w", a, err)
		}
		rd, err := diagnose.NewReader(b)
		if err != nil {
			return nil, fmt.Errorf("fold %s: %w", a, err)
		}
		e := *base
		e.Reader = rd
		held, _ := set.Split(a)
		r := Run(&e, held.Cases, held.Routing, date)
		rows = append(rows, AuthorRow{Author: a, Metrics: r.Metrics})
	}
	rows = append(rows, AuthorRow{Author: "mean", Metrics: mean(rows)})
	return rows, nil
}

func mean(rows []AuthorRow) Metrics {
	var m Metrics
	n := float64(len(rows))
	if n == 0 {
		return m
	}
	for _, r := range rows {
		x := r.Metrics
		m.Situations += x.Situations
		m.Routing += x.Routing
		m.RouteAccuracy += x.RouteAccuracy / n
		m.TypePrimaryAccuracy += x.TypePrimaryAccuracy / n
		m.TypeSetF1 += x.TypeSetF1 / n
		m.UrgencyExact += x.UrgencyExact / n
		m.UrgencyWithinOne += x.UrgencyWithinOne / n
		m.FactsAccuracy += x.FactsAccuracy / n
		m.TriedF1 += x.TriedF1 / n
		m.MissingF1 += x.MissingF1 / n
		m.PlanChecksPassRate += x.PlanChecksPassRate / n
		m.LintCleanRate += x.LintCleanRate / n
	}
	for _, p := range []*float64{&m.RouteAccuracy, &m.TypePrimaryAccuracy, &m.TypeSetF1, &m.UrgencyExact,
		&m.UrgencyWithinOne, &m.FactsAccuracy, &m.TriedF1, &m.MissingF1, &m.PlanChecksPassRate, &m.LintCleanRate} {
		*p = rate(*p, 1)
	}
	return m
}

// AuthorTable renders a cross-validation as one row per author and the
// mean row last.
func AuthorTable(rows []AuthorRow) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-8s %5s %5s  %5s %5s %5s %5s %5s %5s %5s %5s %5s\n",
		"author", "sit", "rout", "route", "type", "set", "urg1", "urg", "facts", "tried", "miss", "plan")
	for _, r := range rows {
		m := r.Metrics
		fmt.Fprintf(&b, "%-8s %5d %5d  %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f %5.2f\n",
			r.Author, m.Situations, m.Routing, m.RouteAccuracy, m.TypePrimaryAccuracy, m.TypeSetF1,
			m.UrgencyWithinOne, m.UrgencyExact, m.FactsAccuracy, m.TriedF1, m.MissingF1, m.PlanChecksPassRate)
	}
	b.WriteString("\nroute: route accuracy; type: dominant type; set: type set F1; urg1: urgency within one level;\n" +
		"urg: urgency exact; facts: tenure, reporting, shared target, leadership sees; tried: tried F1;\n" +
		"miss: missing facts F1; plan: plan checks passed.\n")
	return b.String()
}
