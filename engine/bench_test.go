package engine_test

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/align-coach/align/diagnose"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/match"
	"github.com/align-coach/align/route"
)

// input repeats the example situations up to about n bytes.
func input(b *testing.B, n int) string {
	b.Helper()
	var parts []string
	for _, f := range []string{"type1-earned.md", "type2-structural.md", "type3-political.md", "type4-categorical.md"} {
		data, err := os.ReadFile("../examples/" + f)
		if err != nil {
			b.Fatal(err)
		}
		parts = append(parts, string(data))
	}
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		sb.WriteString(parts[i%len(parts)])
		sb.WriteString("\n\n")
	}
	return sb.String()[:n]
}

var sizes = []int{2 << 10, 20 << 10, 200 << 10}

func newEngine(b *testing.B) *engine.Engine {
	e, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		b.Fatal(err)
	}
	return e
}

// BenchmarkTokenize is one tokenising pass, the yardstick the other
// benchmarks are read against: the pipeline's cost over this one's is its
// ratio to a single pass over the text.
func BenchmarkTokenize(b *testing.B) {
	for _, n := range sizes {
		text := input(b, n)
		match.Tokenize(text) // the word cache is warm, as in a server
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n))
			for b.Loop() {
				match.Tokenize(text)
			}
		})
	}
}

func BenchmarkRoute(b *testing.B) {
	e := newEngine(b)
	for _, n := range sizes {
		text := input(b, n)
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n))
			for b.Loop() {
				route.Text(e.PB, text)
			}
		})
	}
}

func BenchmarkDiagnose(b *testing.B) {
	e := newEngine(b)
	for _, n := range sizes {
		in := intake.Input{Situation: input(b, n)}
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n))
			sit := in.ToSituation()
			for b.Loop() {
				diagnose.Diagnose(e.PB, e.Reader, sit)
			}
		})
	}
}

func BenchmarkPipeline(b *testing.B) {
	e := newEngine(b)
	for _, n := range sizes {
		in := intake.Input{Situation: input(b, n)}
		b.Run(fmt.Sprintf("%dKB", n>>10), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(n))
			for b.Loop() {
				res, err := e.Plan(in, "")
				if err != nil || res.Plan == nil {
					b.Fatal(err)
				}
				if _, err := e.Render(res, "text"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
