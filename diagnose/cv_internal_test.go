package diagnose

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/corpus"
	"github.com/align-coach/align/playbook"
)

// TestCVExplore is a quick model-level leave-one-author-out run for
// choosing training options; it runs only with ALIGN_CV=1.
func TestCVExplore(t *testing.T) {
	if os.Getenv("ALIGN_CV") == "" {
		t.Skip("set ALIGN_CV=1")
	}
	pb, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	set, err := corpus.LoadAll("../corpus")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	ex := Prepare(pb, set)
	t.Logf("prepare %d texts: %v", len(ex), time.Since(t0))
	drop := strings.Split(os.Getenv("ALIGN_CV_DROP"), ",")
	for i := range ex {
		for f := range ex[i].feats {
			for _, d := range drop {
				if d != "" && strings.HasPrefix(f, d) {
					delete(ex[i].feats, f)
				}
			}
		}
	}
	var l2s []float64
	for _, s := range strings.Split(os.Getenv("ALIGN_CV_L2"), ",") {
		var v float64
		if _, err := fmt.Sscan(s, &v); err == nil {
			l2s = append(l2s, v)
		}
	}
	if len(l2s) == 0 {
		l2s = []float64{0.002}
	}
	iters := 0
	fmt.Sscan(os.Getenv("ALIGN_CV_IT"), &iters)
	mindocs := 2
	fmt.Sscan(os.Getenv("ALIGN_CV_MIN"), &mindocs)
	for _, l2 := range l2s {
		var route, dom, domN, urg1, tried, triedN float64
		var tp, fp, fn float64
		var mtp, mfp, mfn float64
		var facts, factsN float64
		t1 := time.Now()
		for _, a := range set.Authors {
			var train, test []Example
			for _, e := range ex {
				if e.Author == a {
					test = append(test, e)
				} else {
					train = append(train, e)
				}
			}
			b, err := Train(pb, train, TrainOptions{L2: l2, Unbalanced: os.Getenv("ALIGN_CV_UNBAL") != "", MinDocs: mindocs, Iterations: iters})
			if err != nil {
				t.Fatal(err)
			}
			if a == set.Authors[0] {
				t.Logf("features %d", len(b.Features))
			}
			rd, _ := NewReader(b)
			for _, e := range test {
				x := rd.vector(&doc{value: e.feats})
				lab, _, _ := rd.argmax(mRoute, x)
				if lab == e.Route {
					route++
				}
				if e.Case == nil {
					continue
				}
				xp := e.Case.Expect
				if e.Route == "alignment" && len(xp.Types) > 0 {
					domN++
					l, _, _ := rd.argmax(mDominant, x)
					if l == fmt.Sprint(xp.Types[0]) {
						dom++
					}
				}
				above := []float64{}
				for _, u := range urgencyOrder[:3] {
					above = append(above, rd.prob(mUrgPre+string(u), x))
				}
				lv := ordinal(above)
				if d := align.Urgency(xp.Urgency).Rank() - lv; d >= -1 && d <= 1 {
					urg1++
				}
				for _, fm := range factModels {
					v, _, _ := rd.argmax(fm.name, x)
					factsN++
					if v == factLabel(xp, fm.name) {
						facts++
					}
				}
				for _, c := range pb.TriedCodes() {
					got := rd.prob(mTriedPre+c, x) >= 0.5
					want := contains(xp.Tried, c)
					switch {
					case got && want:
						tp++
					case got:
						fp++
					case want:
						fn++
					}
				}
				for _, c := range align.SetupFields {
					got := rd.prob(mMissPre+c, x) >= 0.5
					want := contains(xp.Missing, c)
					switch {
					case got && want:
						mtp++
					case got:
						mfp++
					case want:
						mfn++
					}
				}
				triedN++
			}
		}
		n := float64(len(ex))
		t.Logf("l2=%g route %.3f dominant %.3f urg1 %.3f facts %.3f tried F1 %.3f missing F1 %.3f (%v)",
			l2, route/n, dom/domN, urg1/triedN, facts/factsN, 2*tp/(2*tp+fp+fn), 2*mtp/(2*mtp+mfp+mfn), time.Since(t1))
		_ = tried
	}
}
