package http_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/align-coach/align/engine"
	alignhttp "github.com/align-coach/align/http"
	"github.com/align-coach/align/sqlite"
)

// planBody is a 2 KB /api/plan request: two of the example situations.
func planBody(tb testing.TB) string {
	tb.Helper()
	var text strings.Builder
	for _, f := range []string{"type1-earned.md", "type3-political.md"} {
		b, err := os.ReadFile(filepath.Join("..", "examples", f))
		if err != nil {
			tb.Fatal(err)
		}
		text.Write(b)
		text.WriteString("\n\n")
	}
	body, _ := json.Marshal(map[string]string{"situation": text.String(), "date": "2026-11-24"})
	return string(body)
}

func handler(tb testing.TB) http.Handler {
	tb.Helper()
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		tb.Fatal(err)
	}
	store, err := sqlite.Open(filepath.Join(tb.TempDir(), "align.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	s, err := alignhttp.NewServer(eng, store, "", nil)
	if err != nil {
		tb.Fatal(err)
	}
	return s.Handler()
}

// BenchmarkAPIPlan serves POST /api/plan in process, without a network:
// the server's own cost of a plan, JSON in and out included.
func BenchmarkAPIPlan(b *testing.B) {
	h := handler(b)
	body := planBody(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(body)))
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("POST", "http://127.0.0.1/api/plan", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("status %d: %s", rec.Code, rec.Body)
			}
		}
	})
}

// TestJSONIsCompactUnlessAsked: API answers are compact JSON; ?pretty=1
// indents them for people, with the same content.
func TestJSONIsCompactUnlessAsked(t *testing.T) {
	h := handler(t)
	body := planBody(t)
	get := func(path string) string {
		req := httptest.NewRequest("POST", "http://127.0.0.1"+path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d: %s", path, rec.Code, rec.Body)
		}
		if got := rec.Header().Get("Content-Length"); got == "" {
			t.Errorf("%s: no Content-Length", path)
		}
		return rec.Body.String()
	}
	compact, pretty := get("/api/plan"), get("/api/plan?pretty=1")
	if strings.Contains(compact, "\n  ") || !strings.HasPrefix(compact, `{"route":"alignment"`) {
		t.Errorf("default answer is not compact: %.80s", compact)
	}
	if !strings.Contains(pretty, "\n  \"route\": \"alignment\"") {
		t.Errorf("?pretty=1 answer is not indented: %.80s", pretty)
	}
	var a, b any
	if err := json.Unmarshal([]byte(compact), &a); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(pretty), &b); err != nil {
		t.Fatal(err)
	}
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	if string(ja) != string(jb) {
		t.Errorf("compact and pretty answers differ in content")
	}
}

// TestTemplatesParse: the page templates, parsed when the first page is
// rendered rather than at start, all parse.
func TestTemplatesParse(t *testing.T) {
	eng, err := engine.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "align.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	s, err := alignhttp.NewServer(eng, store, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	n, err := s.Templates()
	if err != nil || n == 0 {
		t.Fatalf("templates: %d parsed, %v", n, err)
	}
}
