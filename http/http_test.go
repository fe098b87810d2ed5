package http_test

import (
	"context"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	alignhttp "github.com/align-coach/align/http"
	"github.com/align-coach/align/sqlite"
)

func newServer(t *testing.T, token string) *httptest.Server {
	t.Helper()
	eng, err := engine.New(func() time.Time { return time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC) })
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "align.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s, err := alignhttp.NewServer(eng, store, token, nil)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts
}

func do(t *testing.T, ts *httptest.Server, method, path, ctype, body string) (int, string, http.Header) {
	t.Helper()
	req, _ := http.NewRequest(method, ts.URL+path, strings.NewReader(body))
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func jsonBody(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("not JSON: %q", s)
	}
	return m
}

const situation = "Our CRO, Greg, tears apart the attribution model at every QBR, calls it rigged, and had RevOps re-tag forty deals as self-sourced."

func TestAPI(t *testing.T) {
	ts := newServer(t, "")
	const js = "application/json"
	code, body, _ := do(t, ts, "POST", "/api/route", js, `{"message":"my CRO rolls his eyes when I present"}`)
	if code != 200 || jsonBody(t, body)["route"] != "alignment" {
		t.Errorf("route: %d %s", code, body)
	}
	code, body, _ = do(t, ts, "POST", "/api/diagnose", js, `{"situation":"`+situation+`","reporting":"senior"}`)
	if code != 200 || jsonBody(t, body)["facts"].(map[string]any)["reporting"] != "senior" {
		t.Errorf("diagnose: %d %.200s", code, body)
	}
	code, body, _ = do(t, ts, "POST", "/api/plan", js, `{"situation":"`+situation+`","date":"2026-11-24","format":"markdown"}`)
	m := jsonBody(t, body)
	if code != 200 || !strings.HasPrefix(m["plan"].(string), "# SALES LEADER ALIGNMENT PLAN") || m["route"] != "alignment" {
		t.Errorf("plan: %d %.300s", code, body)
	}
	code, body, _ = do(t, ts, "POST", "/api/plan", js, `{"situation":"help me write an MQL definition and scoring model with SLA follow-up times"}`)
	if m := jsonBody(t, body); code != 200 || m["route"] != "sla" || m["plan"] != "" || m["message"] == "" {
		t.Errorf("sla plan: %d %.300s", code, body)
	}
	code, body, _ = do(t, ts, "POST", "/api/lint", js, `{"plan":"SALES LEADER ALIGNMENT PLAN\n"}`)
	if code != 200 || jsonBody(t, body)["errors"].(float64) == 0 {
		t.Errorf("lint: %d %s", code, body)
	}
	code, body, _ = do(t, ts, "POST", "/api/questions", js, `{"situation":"Our CRO ignores marketing."}`)
	if code != 200 || len(jsonBody(t, body)["questions"].([]any)) == 0 {
		t.Errorf("questions: %d %s", code, body)
	}
}

func TestAPIErrors(t *testing.T) {
	ts := newServer(t, "")
	const js = "application/json"
	cases := []struct {
		method, path, ctype, body string
		status                    int
	}{
		{"POST", "/api/plan", js, `{"situation": `, 400},
		{"POST", "/api/plan", js, `{"situation": "x", "mood": "bad"}`, 400},
		{"POST", "/api/plan", js, `{"situation": "Our CRO hates us", "situation": "x"}`, 400},
		{"POST", "/api/plan", js, `{"situation": "Our CRO hates us", "context": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, 400},
		{"POST", "/api/plan", js, `{"situation": 42}`, 400},
		{"POST", "/api/plan", "text/plain", `{"situation": "x"}`, 415},
		{"POST", "/api/plan", "", `{"situation": "x"}`, 415},
		{"GET", "/api/plan", "", ``, 405},
		{"DELETE", "/api/cases", "", ``, 405},
		{"POST", "/api/plan", js, `{"situation": "Our CRO hates us", "tried": ["bribery"]}`, 422},
		{"POST", "/api/plan", js, `{"situation": "Our CRO hates us", "date": "soon"}`, 422},
		{"POST", "/api/plan", js, `{"situation": ""}`, 422},
		{"POST", "/api/plan", js, `{"situation": "` + strings.Repeat("a", 1<<20) + `"}`, 413},
		{"GET", "/api/cases/42", "", ``, 404},
		{"GET", "/api/cases/abc", "", ``, 404},
		{"GET", "/api/nothing", "", ``, 404},
		{"POST", "/api/cases", js, `{"name": ""}`, 422},
		{"POST", "/api/cases/42/entries", js, `{"kind": "note", "text": "x"}`, 404},
	}
	for _, c := range cases {
		code, body, h := do(t, ts, c.method, c.path, c.ctype, c.body)
		if code != c.status {
			t.Errorf("%s %s %.40q: %d, want %d (%s)", c.method, c.path, c.body, code, c.status, body)
			continue
		}
		if !strings.HasPrefix(h.Get("Content-Type"), "application/json") || jsonBody(t, body)["error"] == nil {
			t.Errorf("%s %s: error is not JSON {\"error\"}: %q", c.method, c.path, body)
		}
	}
}

func TestAPICases(t *testing.T) {
	ts := newServer(t, "")
	const js = "application/json"
	code, body, h := do(t, ts, "POST", "/api/cases", js, `{"name":"Greg","title":"CRO","company":"Acme","role":"VP Marketing"}`)
	c := jsonBody(t, body)
	if code != 201 || c["id"] == nil || h.Get("Location") == "" {
		t.Fatalf("create: %d %s", code, body)
	}
	id := "/api/cases/" + strings.TrimPrefix(h.Get("Location"), "/api/cases/")
	if code, body, _ = do(t, ts, "PATCH", id, js, `{"title":"Chief Revenue Officer"}`); code != 200 || jsonBody(t, body)["title"] != "Chief Revenue Officer" {
		t.Errorf("update: %d %s", code, body)
	}
	if code, body, _ = do(t, ts, "POST", id+"/entries", js, `{"kind":"situation","text":"`+situation+`"}`); code != 201 {
		t.Errorf("entry: %d %s", code, body)
	}
	if code, body, _ = do(t, ts, "POST", id+"/entries", js, `{"kind":"conversation","text":"Had the one on one.","at":"2026-11-20T10:00:00Z"}`); code != 201 {
		t.Errorf("entry with at: %d %s", code, body)
	}
	if code, body, _ = do(t, ts, "POST", id+"/entries", js, `{"kind":"gossip","text":"x"}`); code != 422 {
		t.Errorf("bad kind: %d %s", code, body)
	}
	if code, body, _ = do(t, ts, "GET", id+"/entries", "", ""); code != 200 || len(jsonBody(t, body)["entries"].([]any)) != 2 {
		t.Errorf("entries: %d %s", code, body)
	}
	code, body, _ = do(t, ts, "GET", id+"/plan", "", "")
	p := jsonBody(t, body)
	if code != 200 || !strings.Contains(p["plan"].(string), "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("case plan: %d %.300s", code, body)
	}
	if code, body, _ = do(t, ts, "GET", "/api/cases", "", ""); code != 200 || len(jsonBody(t, body)["cases"].([]any)) != 1 {
		t.Errorf("list: %d %s", code, body)
	}
	if code, _, _ = do(t, ts, "DELETE", id, "", ""); code != 204 {
		t.Errorf("delete: %d", code)
	}
	if code, _, _ = do(t, ts, "GET", id, "", ""); code != 404 {
		t.Errorf("after delete: %d", code)
	}
}

// browser is a client that keeps cookies, like a browser.
func browser(t *testing.T, ts *httptest.Server) *http.Client {
	jar, _ := cookiejar.New(nil)
	c := ts.Client()
	c.Jar = jar
	return c
}

var csrfRE = regexp.MustCompile(`name="csrf" value="([0-9a-f]+)"`)

func get(t *testing.T, c *http.Client, u string) (int, string) {
	t.Helper()
	resp, err := c.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func post(t *testing.T, c *http.Client, u string, form url.Values) (int, string, *http.Response) {
	t.Helper()
	resp, err := c.PostForm(u, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp
}

func TestPagesFlow(t *testing.T) {
	ts := newServer(t, "")
	c := browser(t, ts)
	code, page := get(t, c, ts.URL+"/")
	if code != 200 || !strings.Contains(page, `<textarea id="situation"`) {
		t.Fatalf("new page: %d", code)
	}
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token in the form")
	}
	csrf := m[1]
	if code, _, _ := post(t, c, ts.URL+"/plan", url.Values{"situation": {situation}}); code != 403 {
		t.Errorf("form without CSRF: %d", code)
	}
	code, res, _ := post(t, c, ts.URL+"/plan", url.Values{"csrf": {csrf}, "situation": {situation}, "tried": {"data_deck"}, "reporting": {"senior"}})
	if code != 200 {
		t.Fatalf("plan page: %d %s", code, res)
	}
	for _, want := range []string{"SALES LEADER ALIGNMENT PLAN", `<mark class="t3"`, "<meter", "Urgency:", "Download .md", "Start a case file"} {
		if !strings.Contains(res, want) {
			t.Errorf("result page lacks %q", want)
		}
	}
	code, dl, resp := post(t, c, ts.URL+"/download", url.Values{"csrf": {csrf}, "situation": {situation}, "format": {"markdown"}})
	if code != 200 || !strings.Contains(resp.Header.Get("Content-Disposition"), "alignment-plan.md") || !strings.HasPrefix(dl, "# SALES LEADER") {
		t.Errorf("download: %d %v", code, resp.Header)
	}
	code, dec, _ := post(t, c, ts.URL+"/plan", url.Values{"csrf": {csrf}, "situation": {"help me write an MQL definition and lead scoring model with SLA follow-up times"}})
	if code != 200 || !strings.Contains(dec, "lead handoff") {
		t.Errorf("declined page: %d", code)
	}
	// A case from the result page, then a conversation logged.
	code, casePage, resp := post(t, c, ts.URL+"/cases", url.Values{"csrf": {csrf}, "name": {"Greg"}, "title": {"CRO"}, "situation": {situation}})
	if code != 200 || !strings.Contains(resp.Request.URL.Path, "/cases/") || !strings.Contains(casePage, "Current plan") {
		t.Fatalf("case: %d %s", code, resp.Request.URL)
	}
	caseURL := resp.Request.URL.String()
	if strings.Contains(casePage, `class="done"`) {
		t.Error("a step is done before any conversation")
	}
	code, casePage, _ = post(t, c, caseURL+"/entries", url.Values{"csrf": {csrf}, "kind": {"conversation"}, "text": {"Had the transparency conversation with Greg."}, "at": {"2026-11-20"}})
	if code != 200 || !strings.Contains(casePage, `<li class="done" data-kind="conversation">`) {
		t.Errorf("conversation step not marked done: %d", code)
	}
	if !strings.Contains(casePage, "Earlier plans") {
		t.Error("no earlier plan after a new entry")
	}
	code, _, _ = post(t, c, caseURL+"/entries", url.Values{"csrf": {csrf}, "kind": {"conversation"}, "text": {"x"}, "at": {"20/11/2026"}})
	if code != 422 {
		t.Errorf("bad date: %d", code)
	}
	if code, list := get(t, c, ts.URL+"/cases"); code != 200 || !strings.Contains(list, "Greg") {
		t.Errorf("cases page: %d", code)
	}
	if code, _, _ := post(t, c, caseURL+"/delete", url.Values{"csrf": {csrf}}); code != 200 {
		t.Errorf("delete: %d", code)
	}
	if code, _ := get(t, c, caseURL); code != 404 {
		t.Errorf("deleted case page: %d", code)
	}
}

func TestUserTextIsInert(t *testing.T) {
	ts := newServer(t, "")
	c := browser(t, ts)
	_, page := get(t, c, ts.URL+"/")
	csrf := csrfRE.FindStringSubmatch(page)[1]
	evil := `Our CRO calls marketing a cost center <script>alert(1)</script> "><img src=x onerror=alert(2)>`
	for _, path := range []string{"/plan", "/cases"} {
		_, res, _ := post(t, c, ts.URL+path, url.Values{"csrf": {csrf}, "situation": {evil}, "name": {`"><img src=x onerror=alert(3)>`}})
		if strings.Contains(res, "<script>alert") || strings.Contains(res, "<img src=x") {
			t.Errorf("%s: user text came back as markup", path)
		}
		if !strings.Contains(res, "&lt;script&gt;") && !strings.Contains(res, "&#34;&gt;&lt;img") && !strings.Contains(res, "&lt;img") {
			t.Errorf("%s: escaped text missing", path)
		}
	}
	_, _, h := do(t, ts, "GET", "/", "", "")
	if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP: %q", csp)
	}
	if _, page := get(t, c, ts.URL+"/"); strings.Contains(page, "<script>") {
		t.Error("inline script on the page")
	}
}

func TestTokenRequired(t *testing.T) {
	ts := newServer(t, "s3cret-0123456789abcdef")
	code, _, _ := do(t, ts, "POST", "/api/route", "application/json", `{"message":"x"}`)
	if code != 401 {
		t.Errorf("API without token: %d", code)
	}
	req, _ := http.NewRequest("POST", ts.URL+"/api/route", strings.NewReader(`{"message":"my CRO rolls his eyes"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer s3cret-0123456789abcdef")
	resp, err := ts.Client().Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Errorf("API with token: %v %d", err, resp.StatusCode)
	}
	c := browser(t, ts)
	code, page := get(t, c, ts.URL+"/")
	if code != 200 || !strings.Contains(page, "Access token") {
		t.Fatalf("pages do not ask to sign in: %d", code)
	}
	csrf := csrfRE.FindStringSubmatch(page)[1]
	if code, _, _ := post(t, c, ts.URL+"/signin", url.Values{"token": {"s3cret-0123456789abcdef"}}); code != 403 {
		t.Errorf("sign-in without CSRF: %d", code)
	}
	if code, _, _ := post(t, c, ts.URL+"/signin", url.Values{"token": {"wrong"}, "csrf": {csrf}}); code != 401 {
		t.Errorf("wrong token: %d", code)
	}
	code, page, _ = post(t, c, ts.URL+"/signin", url.Values{"token": {"s3cret-0123456789abcdef"}, "csrf": {csrf}})
	if code != 200 || !strings.Contains(page, "What is going on with your sales leader?") {
		t.Errorf("after sign-in: %d", code)
	}
}

func TestStaticAssetsAreEmbedded(t *testing.T) {
	ts := newServer(t, "")
	for _, p := range []string{"/static/app.css", "/static/app.js", "/types.css"} {
		if code, body, _ := do(t, ts, "GET", p, "", ""); code != 200 || len(body) < 50 {
			t.Errorf("%s: %d", p, code)
		}
	}
}

func TestFollowUpQuestionsRerunThePlan(t *testing.T) {
	ts := newServer(t, "")
	c := browser(t, ts)
	_, page := get(t, c, ts.URL+"/")
	csrf := csrfRE.FindStringSubmatch(page)[1]
	text := "Our VP of Sales, Omar, is paid on bookings while I'm measured on MQL volume. He also says marketing steals credit for his team's deals and wants the attribution model changed."
	_, res, _ := post(t, c, ts.URL+"/plan", url.Values{"csrf": {csrf}, "situation": {text}})
	if !strings.Contains(res, `name="q_q-pushback"`) {
		t.Fatalf("no follow-up question on a close call")
	}
	_, res, _ = post(t, c, ts.URL+"/plan", url.Values{"csrf": {csrf}, "situation": {text}, "q_q-pushback": {"method"}, "q_q-stakes": {"yes"}})
	if !strings.Contains(res, "Misalignment type: Type 3, political") {
		t.Errorf("answers did not move the plan to type 3")
	}
}

// TestRebindingHostIsRefusedOnEveryRoute: a page on a domain the attacker
// controls, rebound to 127.0.0.1, sends its own name as Host. Every route
// refuses it, with or without a token, before anything else happens.
func TestRebindingHostIsRefusedOnEveryRoute(t *testing.T) {
	routes := []struct{ method, path string }{
		{"GET", "/"}, {"GET", "/healthz"}, {"GET", "/static/app.css"}, {"GET", "/static/"}, {"GET", "/types.css"},
		{"POST", "/plan"}, {"POST", "/download"}, {"GET", "/cases"}, {"POST", "/cases"}, {"GET", "/cases/1"},
		{"POST", "/cases/1/entries"}, {"POST", "/cases/1/entries/1/delete"}, {"POST", "/cases/1/edit"}, {"POST", "/cases/1/delete"},
		{"GET", "/signin"}, {"POST", "/signin"},
		{"POST", "/api/route"}, {"POST", "/api/diagnose"}, {"POST", "/api/plan"}, {"POST", "/api/lint"}, {"POST", "/api/questions"},
		{"GET", "/api/cases"}, {"POST", "/api/cases"}, {"GET", "/api/cases/1"}, {"PATCH", "/api/cases/1"}, {"PUT", "/api/cases/1"},
		{"DELETE", "/api/cases/1"}, {"GET", "/api/cases/1/entries"}, {"POST", "/api/cases/1/entries"},
		{"DELETE", "/api/cases/1/entries/1"}, {"GET", "/api/cases/1/plan"}, {"GET", "/api/nothing"}, {"GET", "/nothing"},
	}
	for _, token := range []string{"", "a-token-long-enough-1234"} {
		ts := newServer(t, token)
		// The case the API would otherwise reveal.
		req, _ := http.NewRequest("POST", ts.URL+"/api/cases", strings.NewReader(`{"name":"Greg"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", "Bearer "+token)
		if resp, err := ts.Client().Do(req); err != nil || resp.StatusCode != 201 {
			t.Fatalf("create: %v %v", err, resp)
		}
		for _, rt := range routes {
			req, _ := http.NewRequest(rt.method, ts.URL+rt.path, strings.NewReader(`{}`))
			req.Host = "rebind.attacker.example:8080"
			req.Header.Set("Content-Type", "application/json")
			if token != "" {
				req.Header.Set("Authorization", "Bearer "+token)
			}
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(b), "--allow-host") || strings.Contains(string(b), "Greg") {
				t.Errorf("token %q: %s %s with a rebinding Host: %d %s", token, rt.method, rt.path, resp.StatusCode, b)
			}
		}
		for _, host := range []string{"localhost", "127.0.0.1", "[::1]"} {
			req, _ := http.NewRequest("GET", ts.URL+"/healthz", nil)
			req.Host = host + ":8080"
			resp, err := ts.Client().Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("Host %s: %d", host, resp.StatusCode)
			}
		}
	}
}

// TestBadTextIsRefusedByTheAPIAndThePage: the JSON API no longer turns
// invalid UTF-8 into U+FFFD, and NUL bytes are refused, as everywhere.
func TestBadTextIsRefusedByTheAPIAndThePage(t *testing.T) {
	ts := newServer(t, "")
	const js = "application/json"
	code, body, _ := do(t, ts, "POST", "/api/cases", js, `{"name":"Greg"}`)
	if code != 201 {
		t.Fatal(body)
	}
	for _, c := range []struct {
		body   string
		status int
		want   string
	}{
		{"{\"kind\":\"note\",\"text\":\"caf\xe9\"}", 400, "not valid UTF-8"},
		{`{"kind":"note","text":"a\u0000b"}`, 422, "NUL byte"},
		{`{"kind":"note","text":"half \ud800 a character"}`, 400, "half of a character"},
	} {
		code, body, _ := do(t, ts, "POST", "/api/cases/1/entries", js, c.body)
		if code != c.status || !strings.Contains(body, c.want) {
			t.Errorf("%q: %d %s", c.body, code, body)
		}
	}
	if code, body, _ := do(t, ts, "POST", "/api/cases", js, `{"name":"Gr\u0000eg"}`); code != 422 || !strings.Contains(body, "NUL byte") {
		t.Errorf("case name: %d %s", code, body)
	}
	if code, body, _ := do(t, ts, "POST", "/api/plan", js, `{"situation":"Our CRO hates us\u0000"}`); code != 422 || !strings.Contains(body, "NUL byte") {
		t.Errorf("plan: %d %s", code, body)
	}
	if _, body, _ := do(t, ts, "GET", "/api/cases/1/entries", "", ""); strings.Contains(body, `"text"`) {
		t.Errorf("bad text was stored: %s", body)
	}
	c := browser(t, ts)
	_, page := get(t, c, ts.URL+"/cases/1")
	csrf := csrfRE.FindStringSubmatch(page)[1]
	code, page, _ = post(t, c, ts.URL+"/cases/1/entries", url.Values{"csrf": {csrf}, "kind": {"note"}, "text": {"a\x00b"}})
	if code != 422 || !strings.Contains(page, "NUL byte") {
		t.Errorf("page: %d", code)
	}
}

func TestOneEntryCanBeDeleted(t *testing.T) {
	ts := newServer(t, "")
	const js = "application/json"
	do(t, ts, "POST", "/api/cases", js, `{"name":"Greg"}`)
	for _, text := range []string{"one", "two", "three"} {
		if code, body, _ := do(t, ts, "POST", "/api/cases/1/entries", js, `{"kind":"note","text":"`+text+`"}`); code != 201 {
			t.Fatal(body)
		}
	}
	if code, body, _ := do(t, ts, "DELETE", "/api/cases/1/entries/2", "", ""); code != 204 {
		t.Errorf("delete: %d %s", code, body)
	}
	for _, p := range []string{"/api/cases/1/entries/2", "/api/cases/9/entries/1", "/api/cases/1/entries/x"} {
		if code, _, _ := do(t, ts, "DELETE", p, "", ""); code != 404 {
			t.Errorf("DELETE %s: %d", p, code)
		}
	}
	c := browser(t, ts)
	_, page := get(t, c, ts.URL+"/cases/1")
	if !strings.Contains(page, `action="/cases/1/entries/3/delete"`) || strings.Contains(page, "entries/2/delete") {
		t.Fatalf("the timeline has no remove button per entry")
	}
	csrf := csrfRE.FindStringSubmatch(page)[1]
	if code, _, _ := post(t, c, ts.URL+"/cases/1/entries/3/delete", url.Values{}); code != 403 {
		t.Errorf("delete without CSRF: %d", code)
	}
	code, page, _ := post(t, c, ts.URL+"/cases/1/entries/3/delete", url.Values{"csrf": {csrf}})
	if code != 200 || strings.Contains(page, "entries/3/delete") || !strings.Contains(page, "entries/1/delete") {
		t.Errorf("page delete: %d", code)
	}
	if code, _, _ := post(t, c, ts.URL+"/cases/1/entries/3/delete", url.Values{"csrf": {csrf}}); code != 404 {
		t.Errorf("delete twice: %d", code)
	}
}

// clockServer is newServer with a clock the test moves, over TLS or not.
func clockServer(t *testing.T, token string, now *time.Time, tls bool) *httptest.Server {
	t.Helper()
	eng, err := engine.New(func() time.Time { return *now })
	if err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(filepath.Join(t.TempDir(), "align.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	s, err := alignhttp.NewServer(eng, store, token, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Now = func() time.Time { return *now }
	var ts *httptest.Server
	if tls {
		ts = httptest.NewTLSServer(s.Handler())
	} else {
		ts = httptest.NewServer(s.Handler())
	}
	t.Cleanup(ts.Close)
	return ts
}

func TestShortTokensAreRefused(t *testing.T) {
	eng, _ := engine.New(nil)
	for _, tok := range []string{"x", "s3cret", "fifteen-chars-x"} {
		if _, err := alignhttp.NewServer(eng, nil, tok, nil); err == nil || !strings.Contains(err.Error(), "at least 16") {
			t.Errorf("token %q: %v", tok, err)
		}
	}
}

// TestSignInIsRateLimited: ten wrong tokens from one address, and that
// address is refused for a while, even with the right token; the API's
// bearer token counts the same way.
func TestSignInIsRateLimited(t *testing.T) {
	const token = "a-long-enough-token-0123"
	for _, via := range []string{"page", "api"} {
		t.Run(via, func(t *testing.T) {
			now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
			ts := clockServer(t, token, &now, false)
			c := browser(t, ts)
			_, page := get(t, c, ts.URL+"/signin")
			csrf := csrfRE.FindStringSubmatch(page)[1]
			try := func(tok string) int {
				if via == "page" {
					code, _, _ := post(t, c, ts.URL+"/signin", url.Values{"token": {tok}, "csrf": {csrf}})
					return code
				}
				req, _ := http.NewRequest("GET", ts.URL+"/api/cases", nil)
				req.Header.Set("Authorization", "Bearer "+tok)
				resp, err := ts.Client().Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				return resp.StatusCode
			}
			for i := 0; i < 10; i++ {
				if code := try("guess-" + strings.Repeat("x", i)); code != 401 {
					t.Fatalf("guess %d: %d", i, code)
				}
			}
			if code := try(token); code != 429 {
				t.Errorf("the right token while refused: %d, want 429", code)
			}
			now = now.Add(16 * time.Minute)
			if code := try(token); code != 200 {
				t.Errorf("the right token after the wait: %d", code)
			}
		})
	}
}

// TestSignInCookieExpiresAndIsSecureUnderTLS.
func TestSignInCookieExpiresAndIsSecureUnderTLS(t *testing.T) {
	const token = "a-long-enough-token-0123"
	for _, tls := range []bool{false, true} {
		now := time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)
		ts := clockServer(t, token, &now, tls)
		c := browser(t, ts)
		resp, err := c.Get(ts.URL + "/signin")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		csrf := csrfRE.FindStringSubmatch(string(b))[1]
		// Read the Set-Cookie headers of the sign-in itself.
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		resp, err = c.PostForm(ts.URL+"/signin", url.Values{"token": {token}, "csrf": {csrf}})
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		var auth *http.Cookie
		for _, ck := range resp.Cookies() {
			if ck.Name == "align_auth" {
				auth = ck
			}
		}
		if auth == nil || auth.MaxAge <= 0 || auth.MaxAge > 24*3600 || auth.Expires.IsZero() {
			t.Fatalf("TLS %v: the sign-in cookie does not expire: %+v", tls, auth)
		}
		if auth.Secure != tls || !auth.HttpOnly {
			t.Errorf("TLS %v: cookie Secure=%v HttpOnly=%v", tls, auth.Secure, auth.HttpOnly)
		}
		for _, ck := range resp.Cookies() {
			if ck.Secure != tls {
				t.Errorf("TLS %v: cookie %s Secure=%v", tls, ck.Name, ck.Secure)
			}
		}
		c.CheckRedirect = nil
		if code, page := get(t, c, ts.URL+"/cases"); code != 200 || strings.Contains(page, "Access token") {
			t.Errorf("TLS %v: signed in: %d", tls, code)
		}
		// The server does not trust the browser to drop it.
		now = now.Add(13 * time.Hour)
		req, _ := http.NewRequest("GET", ts.URL+"/cases", nil)
		req.AddCookie(&http.Cookie{Name: "align_auth", Value: auth.Value})
		c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
		resp, err = c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/signin" {
			t.Errorf("TLS %v: an expired cookie still signs in: %d", tls, resp.StatusCode)
		}
	}
}

func TestStaticServesFilesOnly(t *testing.T) {
	ts := newServer(t, "")
	for _, p := range []string{"/static/", "/static/%c0%ae", "/static/%c0%ae%c0%ae/", "/static/..%2fserver.go", "/static/nothing.css", "/static/%ff"} {
		code, body, _ := do(t, ts, "GET", p, "", "")
		if code != 404 || strings.Contains(body, "app.css") {
			t.Errorf("GET %s: %d %.80q", p, code, body)
		}
	}
}

// brokenStore fails as a database under load does.
type brokenStore struct{ *sqlite.DB }

func (brokenStore) Cases(context.Context) ([]align.Case, error) {
	return nil, align.Errorf(align.EINTERNAL, "database: database is locked (5) (SQLITE_BUSY)")
}

func TestInternalErrorsDoNotLeakDatabaseText(t *testing.T) {
	eng, _ := engine.New(nil)
	db, err := sqlite.Open(filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	s, _ := alignhttp.NewServer(eng, brokenStore{db}, "", nil)
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	for _, p := range []string{"/api/cases", "/cases"} {
		code, body, _ := do(t, ts, "GET", p, "", "")
		if code != 500 || strings.Contains(body, "SQLITE") || strings.Contains(body, "locked") {
			t.Errorf("%s: %d %q", p, code, body)
		}
	}
}

// TestCaseListShowsProgress: the case list gives each case's type,
// urgency, steps done and last entry.
func TestCaseListShowsProgress(t *testing.T) {
	ts := newServer(t, "")
	for _, b := range []string{
		`{"name":"Dana","title":"VP of Sales"}`,
	} {
		if code, body, _ := do(t, ts, "POST", "/api/cases", "application/json", b); code != 201 {
			t.Fatalf("create: %d %s", code, body)
		}
	}
	if code, body, _ := do(t, ts, "POST", "/api/cases/1/entries", "application/json", `{"kind":"situation","text":"Our VP of Sales, Dana, can name the exact webinar: 1,400 registrations, zero opportunities. Honestly she's right."}`); code != 201 {
		t.Fatalf("entry: %d %s", code, body)
	}
	if code, body, _ := do(t, ts, "POST", "/api/cases/1/entries", "application/json", `{"kind":"conversation","text":"Had the one on one."}`); code != 201 {
		t.Fatalf("entry: %d %s", code, body)
	}
	_, api, _ := do(t, ts, "GET", "/api/cases", "", "")
	for _, want := range []string{`"misalignment_type":"Type 1, earned skepticism"`, `"steps_done":1`, `"steps":4`, `"last_entry":{`, `"name":"Dana"`} {
		if !strings.Contains(api, want) {
			t.Errorf("GET /api/cases lacks %s: %s", want, api)
		}
	}
	_, page, _ := do(t, ts, "GET", "/cases", "", "")
	for _, want := range []string{"Type 1, earned skepticism", "Urgency ", "1 of 4 steps done", "Last entry ", "Conversation held"} {
		if !strings.Contains(page, want) {
			t.Errorf("case list lacks %q", want)
		}
	}
}

// TestExpiredFormKeepsText: a form whose token no longer matches (after a
// server restart) is refused with 403, but the page gives back every word
// typed, with a fresh token, and sending it again works.
func TestExpiredFormKeepsText(t *testing.T) {
	ts := newServer(t, "")
	c := browser(t, ts)
	get(t, c, ts.URL+"/")
	typed := "Our CRO, Greg, <b>tears apart</b> the attribution model at every QBR.\nSecond line."
	code, page, _ := post(t, c, ts.URL+"/plan", url.Values{"csrf": {"from-before-the-restart"}, "situation": {typed}, "tried": {"data_deck", "exec_escalation"}, "reporting": {"peer"}})
	if code != 403 || !strings.Contains(page, "The form expired") || !strings.Contains(page, "Nothing you typed is lost") {
		t.Fatalf("expired form: %d", code)
	}
	if !strings.Contains(page, html.EscapeString(typed)) || !strings.Contains(page, `name="tried" value="exec_escalation"`) || !strings.Contains(page, `action="/plan"`) {
		t.Errorf("the expired page does not keep what was typed:\n%s", page)
	}
	m := csrfRE.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no fresh token")
	}
	code, res, _ := post(t, c, ts.URL+"/plan", url.Values{"csrf": {m[1]}, "situation": {typed}})
	if code != 200 || !strings.Contains(res, "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("sending again: %d", code)
	}
	// The sign-in token is never echoed back.
	_, page, _ = post(t, c, ts.URL+"/signin", url.Values{"csrf": {"old"}, "token": {"s3cret-0123456789abcdef"}})
	if strings.Contains(page, "s3cret") {
		t.Error("the expired sign-in page echoes the token")
	}
}

// TestDeclinedOffersAWayOn: a declined request offers "yes, this is about
// my sales leader" with a box for what they said or did; sending it
// writes the plan, and the downloads keep the confirmation.
func TestDeclinedOffersAWayOn(t *testing.T) {
	ts := newServer(t, "")
	c := browser(t, ts)
	_, page := get(t, c, ts.URL+"/")
	csrf := csrfRE.FindStringSubmatch(page)[1]
	ask := "help me write an MQL definition and lead scoring model with SLA follow-up times"
	code, dec, _ := post(t, c, ts.URL+"/plan", url.Values{"csrf": {csrf}, "situation": {ask}, "tried": {"data_deck"}})
	if code != 200 || !strings.Contains(dec, "Yes, this is about my sales leader") || !strings.Contains(dec, `name="about" value="leader"`) ||
		!strings.Contains(dec, `<textarea id="said" name="said"`) || !strings.Contains(dec, `name="tried" value="data_deck"`) {
		t.Fatalf("declined page offers no way on: %d\n%s", code, dec)
	}
	form := url.Values{"csrf": {csrf}, "about": {"leader"}, "situation": {ask}, "said": {"Our CRO, Marcus, says marketing's leads are junk and refuses to agree any definition with me."}}
	code, res, _ := post(t, c, ts.URL+"/plan", form)
	if code != 200 || !strings.Contains(res, "SALES LEADER ALIGNMENT PLAN") || !strings.Contains(res, `name="about" value="leader"`) {
		t.Fatalf("confirmed request: %d\n%s", code, res)
	}
	form.Set("format", "text")
	code, dl, _ := post(t, c, ts.URL+"/download", form)
	if code != 200 || !strings.HasPrefix(dl, "SALES LEADER ALIGNMENT PLAN\n") {
		t.Errorf("download of a confirmed plan: %d %q", code, dl)
	}
}

// TestResultPageReadsAsADocument: the plan's section headers are real
// headings and the labelled lines are set apart, while Copy and the .txt
// download keep the exact text; the diagnosis speaks in words with bars
// for what they mean; follow-up questions are pre-filled and re-run the
// plan; a phone can jump to the plan and the diagnosis.
func TestResultPageReadsAsADocument(t *testing.T) {
	ts := newServer(t, "")
	c := browser(t, ts)
	_, page := get(t, c, ts.URL+"/")
	csrf := csrfRE.FindStringSubmatch(page)[1]
	form := url.Values{"csrf": {csrf}, "situation": {situation}}
	code, res, _ := post(t, c, ts.URL+"/plan", form)
	if code != 200 {
		t.Fatalf("plan: %d", code)
	}
	for _, want := range []string{
		`<h2 class="doc-title">SALES LEADER ALIGNMENT PLAN</h2>`, `<h3 id="sec-situation-assessment">SITUATION ASSESSMENT</h3>`,
		`<h3 id="sec-the-first-conversation">THE FIRST CONVERSATION</h3>`, `<span class="lab">How to open it:</span>`,
		`<span class="lab">Misalignment type:</span>`, `<pre id="plan-text" hidden>SALES LEADER ALIGNMENT PLAN`, `data-copy="plan-text"`,
		`<a href="#plan">Plan</a><a href="#diagnosis">Diagnosis</a>`, `id="diagnosis"`, "Strong sign", "No sign",
	} {
		if !strings.Contains(res, want) {
			t.Errorf("result page lacks %s", want)
		}
	}
	if strings.Contains(res, `<span class="num">`) {
		t.Error("the diagnosis still shows raw scores")
	}
	// No sign draws no bar.
	if !regexp.MustCompile(`aria-label="[^"]*: No sign">`).MatchString(res) || !strings.Contains(res, `value="0" aria-label=`) {
		t.Error("a type with no sign draws a bar")
	}
	// The .txt download is the text format, byte for byte as on the page.
	form.Set("format", "text")
	_, dl, _ := post(t, c, ts.URL+"/download", form)
	pre := regexp.MustCompile(`(?s)<pre id="plan-text" hidden>(.*?)</pre>`).FindStringSubmatch(res)
	if pre == nil || html.UnescapeString(pre[1]) != dl {
		t.Error("the page's plan text and the .txt download differ")
	}
	// Follow-up questions: pre-filled, and answering re-runs the plan.
	if !strings.Contains(res, `id="questions"`) || !strings.Contains(res, "Update the plan") {
		t.Fatalf("no follow-up questions on a situation with missing facts")
	}
	qf := regexp.MustCompile(`(?s)<section class="card questions" id="questions">.*?</section>`).FindString(res)
	if !strings.Contains(qf, `name="situation" value=`) {
		t.Error("the questions form does not carry the situation")
	}
	answer := url.Values{"csrf": {csrf}, "situation": {situation}, "tenure": {"new"}, "duration": {"two weeks"}}
	code, res2, _ := post(t, c, ts.URL+"/plan", answer)
	if code != 200 || res2 == res || !strings.Contains(res2, "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("answering did not re-run the plan: %d", code)
	}
}

// TestPhrase: evidence is quoted as the whole clause around it.
func TestPhrase(t *testing.T) {
	text := "We met on Monday. He said it in front of the whole exec team, twice; nobody objected."
	i := strings.Index(text, "in front of the")
	if got := alignhttp.Phrase(text, i, i+len("in front of the")); got != "He said it in front of the whole exec team, twice" {
		t.Errorf("phrase = %q", got)
	}
}

// TestFormEntriesKeepTheOrderLogged: entries logged through the form on
// the same day, within the same second, show newest first in the order
// they were logged.
func TestFormEntriesKeepTheOrderLogged(t *testing.T) {
	ts := newServer(t, "")
	c := browser(t, ts)
	_, page := get(t, c, ts.URL+"/cases")
	csrf := csrfRE.FindStringSubmatch(page)[1]
	code, _, resp := post(t, c, ts.URL+"/cases", url.Values{"csrf": {csrf}, "name": {"Marcus"}, "situation": {situation}})
	if code != 200 {
		t.Fatalf("case: %d", code)
	}
	caseURL := resp.Request.URL.String()
	today := time.Now().Format("2006-01-02")
	for _, text := range []string{"first of the day", "second of the day", "third of the day"} {
		if code, _, _ := post(t, c, caseURL+"/entries", url.Values{"csrf": {csrf}, "kind": {"note"}, "text": {text}, "at": {today}}); code != 200 {
			t.Fatalf("entry: %d", code)
		}
	}
	_, page = get(t, c, caseURL)
	a, b, d := strings.Index(page, "third of the day"), strings.Index(page, "second of the day"), strings.Index(page, "first of the day")
	if a < 0 || !(a < b && b < d) {
		t.Errorf("timeline order: third %d, second %d, first %d", a, b, d)
	}
}

// TestAPITriedOneValue: "tried": "data_deck" is a list of one in the API
// too, and the plan then never recommends a data deck again.
func TestAPITriedOneValue(t *testing.T) {
	ts := newServer(t, "")
	one, a, _ := do(t, ts, "POST", "/api/plan", "application/json", `{"situation":"`+situation+`","date":"2026-11-24","tried":"data_deck"}`)
	list, b, _ := do(t, ts, "POST", "/api/plan", "application/json", `{"situation":"`+situation+`","date":"2026-11-24","tried":["data_deck"]}`)
	if one != 200 || list != 200 || a != b {
		t.Errorf("one value: %d, list: %d, same answer: %v\n%s", one, list, a == b, a)
	}
	if code, body, _ := do(t, ts, "POST", "/api/plan", "application/json", `{"situation":"x","tried":5}`); code != 400 || !strings.Contains(body, "tried must be a list of text, not a number") {
		t.Errorf("tried 5: %d %s", code, body)
	}
}

// TestAPIAboutTheSalesLeader: "about_sales_leader": true is the user's word
// that a request align declines is about their sales leader; it gets a plan.
func TestAPIAboutTheSalesLeader(t *testing.T) {
	ts := newServer(t, "")
	msg := `{"situation":"Help me write an MQL definition and lead scoring model with SLA follow-up times.","date":"2026-11-24"`
	code, body, _ := do(t, ts, "POST", "/api/plan", "application/json", msg+`}`)
	if code != 200 || !strings.Contains(body, `"route":"sla"`) && !strings.Contains(body, `"route": "sla"`) {
		t.Fatalf("without the flag: %d %s", code, body)
	}
	code, body, _ = do(t, ts, "POST", "/api/plan", "application/json", msg+`,"about_sales_leader":true}`)
	if code != 200 || !strings.Contains(body, "SALES LEADER ALIGNMENT PLAN") {
		t.Errorf("with the flag: %d %.300s", code, body)
	}
}
