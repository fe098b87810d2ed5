// Package http serves align to people and programs: server-rendered web
// pages (html/template, every asset embedded, usable without JavaScript)
// and a JSON API, over the same engine and store. The request bodies use
// the field names of the YAML input of `align plan`, so one schema serves
// the file, the API and the MCP tools.
//
// Every form carries a CSRF token, every response a Content-Security-Policy
// with no inline script, every body is capped at 1 MiB, and when a token is
// configured the API wants it as a bearer token and the pages want a
// sign-in.
package http

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/guard"
	"github.com/align-coach/align/intake"
)

//go:embed templates/*.html static/*
var assets embed.FS

// MaxBody is the largest request body accepted.
const MaxBody = intake.MaxBytes

// Server holds what the handlers need.
type Server struct {
	Engine *engine.Engine
	Store  align.Store
	// Token, when set, is required: as a bearer token on the API and
	// through the sign-in form for the pages.
	Token  string
	Logger *slog.Logger
	// Hosts are the Host header names the server answers to; the zero
	// value allows loopback names and IP addresses only.
	Hosts guard.Hosts
	// Now is the clock for the sign-in cookie's expiry and the rate limit.
	Now func() time.Time
	// Limiter refuses an address that keeps sending wrong tokens.
	Limiter *guard.Limiter

	key []byte
	// pages are the parsed page templates, parsed when the first page is
	// rendered (see templates), not when the server starts.
	pages     map[string]*template.Template
	pagesErr  error
	pagesOnce sync.Once

	// slots bounds the engine runs in progress (see run).
	slots     chan struct{}
	slotsOnce sync.Once
}

// run runs f, one of the engine's steps, when fewer engine runs than the
// CPUs Go uses are in progress, and waits for one to end otherwise. A
// plan is CPU work, so more at once finish no sooner, but each holds its
// text's working set and a pooled reader state (about 270 KB): under 32
// connections on 2 cores, up to 32 ran at once and the server's peak RSS
// grew with them. Waiters are served in turn (a channel's queue). A
// request whose client has gone stops waiting.
//
// f runs on a goroutine of its own, not the connection's: a plan needs
// tens of KB of stack, and a connection's goroutine that had run one
// kept its grown stack while it waited for the next request (2.4 MB of
// stacks under 32 connections). f's goroutine ends with it, so at most
// one grown stack a slot is held. A panic in f is raised again here, in
// the request's goroutine, where net/http recovers it.
func (s *Server) run(r *http.Request, f func()) error {
	s.slotsOnce.Do(func() { s.slots = make(chan struct{}, runtime.GOMAXPROCS(0)) })
	select {
	case s.slots <- struct{}{}:
	case <-r.Context().Done():
		return httpError{http.StatusServiceUnavailable, "the request was cancelled while waiting for the engine"}
	}
	defer func() { <-s.slots }()
	var p any
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { p = recover() }()
		f()
	}()
	<-done
	if p != nil {
		panic(p)
	}
	return nil
}

// NewServer builds a server. The CSRF key is random per process.
// A token shorter than guard.MinToken is refused.
func NewServer(eng *engine.Engine, store align.Store, token string, logger *slog.Logger) (*Server, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	if token != "" {
		if err := guard.CheckToken(token); err != nil {
			return nil, err
		}
	}
	s := &Server{Engine: eng, Store: store, Token: token, Logger: logger, key: make([]byte, 32), Now: time.Now}
	s.Limiter = guard.NewLimiter(func() time.Time { return s.Now() })
	if _, err := rand.Read(s.key); err != nil {
		return nil, err
	}
	return s, nil
}

// Handler returns the server's routes wrapped in the security middleware.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(assets, "static")
	mux.Handle("GET /static/", cacheStatic(staticFiles(static)))
	mux.HandleFunc("GET /types.css", s.typesCSS)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok\n")) })

	// Pages.
	mux.HandleFunc("GET /{$}", s.pageNew)
	mux.HandleFunc("POST /plan", s.form(s.pagePlan))
	mux.HandleFunc("POST /download", s.form(s.pageDownload))
	mux.HandleFunc("GET /cases", s.pageCases)
	mux.HandleFunc("POST /cases", s.form(s.pageCreateCase))
	mux.HandleFunc("GET /cases/{id}", s.pageCase)
	mux.HandleFunc("POST /cases/{id}/entries", s.form(s.pageAddEntry))
	mux.HandleFunc("POST /cases/{id}/entries/{entry}/delete", s.form(s.pageDeleteEntry))
	mux.HandleFunc("POST /cases/{id}/edit", s.form(s.pageEditCase))
	mux.HandleFunc("POST /cases/{id}/delete", s.form(s.pageDeleteCase))
	mux.HandleFunc("GET /signin", s.pageSignin)
	mux.HandleFunc("POST /signin", s.form(s.pageSigninPost))

	// JSON API: one handler per path, methods checked inside so a wrong
	// method gets a JSON 405.
	mux.HandleFunc("/api/route", s.api(methods{"POST": s.apiRoute}))
	mux.HandleFunc("/api/diagnose", s.api(methods{"POST": s.apiDiagnose}))
	mux.HandleFunc("/api/plan", s.api(methods{"POST": s.apiPlan}))
	mux.HandleFunc("/api/lint", s.api(methods{"POST": s.apiLint}))
	mux.HandleFunc("/api/questions", s.api(methods{"POST": s.apiQuestions}))
	mux.HandleFunc("/api/cases", s.api(methods{"GET": s.apiListCases, "POST": s.apiCreateCase}))
	mux.HandleFunc("/api/cases/{id}", s.api(methods{"GET": s.apiGetCase, "PUT": s.apiUpdateCase, "PATCH": s.apiUpdateCase, "DELETE": s.apiDeleteCase}))
	mux.HandleFunc("/api/cases/{id}/entries", s.api(methods{"GET": s.apiListEntries, "POST": s.apiAddEntry}))
	mux.HandleFunc("/api/cases/{id}/entries/{entry}", s.api(methods{"DELETE": s.apiDeleteEntry}))
	mux.HandleFunc("/api/cases/{id}/plan", s.api(methods{"GET": s.apiCasePlan}))
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, r, http.StatusNotFound, "no such endpoint")
	})
	return s.secure(s.logRequests(mux))
}

// secure refuses a Host the server does not answer to (DNS rebinding),
// sets the security headers, caps the body and enforces sign-in.
func (s *Server) secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.Hosts.Allowed(r.Host) {
			s.Logger.Warn("refused host", "host", r.Host, "path", r.URL.Path)
			writeError(w, r, http.StatusForbidden, guard.RefusedHost(r.Host))
			return
		}
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		if s.Token != "" && !s.signedIn(r) {
			switch {
			case strings.HasPrefix(r.URL.Path, "/api/"):
				if blocked, wait := s.Limiter.Blocked(guard.Client(r)); blocked {
					w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
					writeError(w, r, http.StatusTooManyRequests, guard.TooMany(wait))
					return
				}
				if _, sent := guard.Bearer(r); sent {
					s.Limiter.Fail(guard.Client(r))
				}
				w.Header().Set("WWW-Authenticate", `Bearer realm="align"`)
				writeError(w, r, http.StatusUnauthorized, "missing or wrong bearer token (set Authorization: Bearer $ALIGN_TOKEN)")
				return
			case r.URL.Path == "/signin" || r.URL.Path == "/healthz" || strings.HasPrefix(r.URL.Path, "/static/"):
			default:
				http.Redirect(w, r, "/signin", http.StatusSeeOther)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func (s *Server) logRequests(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: 200}
		next.ServeHTTP(rec, r)
		s.Logger.Info("request", "method", r.Method, "path", r.URL.Path, "status", rec.status, "ms", time.Since(start).Milliseconds())
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// staticFiles serves the embedded assets by exact name: no directory
// listing, and a name that is not a clean path (%c0%ae, ..) is a 404.
func staticFiles(files fs.FS) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if !fs.ValidPath(name) || name == "." || !utf8.ValidString(name) {
			http.NotFound(w, r)
			return
		}
		st, err := fs.Stat(files, name)
		if err != nil || st.IsDir() {
			http.NotFound(w, r)
			return
		}
		http.ServeFileFS(w, r, files, name)
	})
}

func cacheStatic(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		next.ServeHTTP(w, r)
	})
}

// signedIn accepts a bearer token or an unexpired sign-in cookie. While
// an address is refused for guessing, its bearer token is not looked at.
func (s *Server) signedIn(r *http.Request) bool {
	if token, ok := guard.Bearer(r); ok {
		if blocked, _ := s.Limiter.Blocked(guard.Client(r)); blocked {
			return false
		}
		return guard.Equal(token, s.Token)
	}
	c, err := r.Cookie("align_auth")
	if err != nil {
		return false
	}
	exp, sig, ok := strings.Cut(c.Value, ".")
	if !ok {
		return false
	}
	until, err := strconv.ParseInt(exp, 10, 64)
	if err != nil || s.Now().Unix() >= until {
		return false
	}
	return guard.Equal(sig, s.mac("auth:"+exp+":"+s.Token))
}

func (s *Server) mac(msg string) string {
	m := hmac.New(sha256.New, s.key)
	m.Write([]byte(msg))
	return hex.EncodeToString(m.Sum(nil))
}

// SignInFor is how long a sign-in lasts.
const SignInFor = 12 * time.Hour

// authCookie is the sign-in cookie: its expiry and a MAC over the expiry
// and the token, so it cannot be stretched and dies with a new token.
// It is Secure when the page came over TLS.
func (s *Server) authCookie(r *http.Request) *http.Cookie {
	until := s.Now().Add(SignInFor)
	exp := strconv.FormatInt(until.Unix(), 10)
	return &http.Cookie{Name: "align_auth", Value: exp + "." + s.mac("auth:"+exp+":"+s.Token), Path: "/",
		Expires: until, MaxAge: int(SignInFor.Seconds()), HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode}
}

// session returns the browser's session id, setting the cookie if new.
func (s *Server) session(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie("align_session"); err == nil && len(c.Value) == 32 {
		return c.Value
	}
	b := make([]byte, 16)
	rand.Read(b)
	id := hex.EncodeToString(b)
	http.SetCookie(w, &http.Cookie{Name: "align_session", Value: id, Path: "/", HttpOnly: true, Secure: r.TLS != nil, SameSite: http.SameSiteLaxMode})
	return id
}

// csrf is the form token for this browser's session.
func (s *Server) csrf(w http.ResponseWriter, r *http.Request) string {
	return s.mac("csrf:" + s.session(w, r))
}

// form wraps a page POST handler: it parses the form and checks the CSRF
// token and, when the browser sends one, the Origin.
func (s *Server) form(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				s.errorPage(w, r, http.StatusRequestEntityTooLarge, "That is more text than align accepts (1 MiB). Shorten it and try again.")
				return
			}
			s.errorPage(w, r, http.StatusBadRequest, "The form could not be read.")
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "null" && !sameOrigin(o, r) {
			s.errorPage(w, r, http.StatusForbidden, "This form was sent from another site.")
			return
		}
		c, err := r.Cookie("align_session")
		if err != nil || !guard.Equal(r.PostForm.Get("csrf"), s.mac("csrf:"+c.Value)) {
			s.expired(w, r)
			return
		}
		h(w, r)
	}
}

// keptField is one field of a form that expired, shown again so that
// nothing the user typed is lost.
type keptField struct {
	Name, Value string
	Long        bool
}

// expired answers a form whose token no longer matches (the server
// restarted, or the session cookie was cleared): the page keeps every
// word the user typed, in the same fields, with a fresh token, so one
// click sends it again. The sign-in token is never echoed back.
func (s *Server) expired(w http.ResponseWriter, r *http.Request) {
	var kept []keptField
	names := make([]string, 0, len(r.PostForm))
	for k := range r.PostForm {
		names = append(names, k)
	}
	sort.Strings(names)
	hasText := false
	for _, k := range names {
		if k == "csrf" || k == "token" {
			continue
		}
		for _, v := range r.PostForm[k] {
			long := k == "situation" || k == "text" || k == "said" || strings.Contains(v, "\n")
			hasText = hasText || long && strings.TrimSpace(v) != ""
			kept = append(kept, keptField{Name: k, Value: v, Long: long})
		}
	}
	if r.URL.Path == "/signin" {
		kept = nil
	}
	s.render(w, r, http.StatusForbidden, "expired.html", "The form expired", "", map[string]any{
		"Action": r.URL.Path, "Kept": kept, "HasText": hasText,
	})
}

func sameOrigin(origin string, r *http.Request) bool {
	o := strings.TrimPrefix(strings.TrimPrefix(origin, "http://"), "https://")
	return o == r.Host
}

// typesCSS colours each type as the playbook data says, so the page and
// the data cannot disagree.
func (s *Server) typesCSS(w http.ResponseWriter, r *http.Request) {
	var b strings.Builder
	for _, t := range s.Engine.PB.Types {
		fmt.Fprintf(&b, ".swatch.t%d { background: %s; }\n", t.ID, t.Color)
		fmt.Fprintf(&b, "mark.t%d { background: %s33; box-shadow: inset 0 -2px 0 %s; }\n", t.ID, t.Color, t.Color)
		fmt.Fprintf(&b, ".scores .t%d meter::-webkit-meter-optimum-value { background: %s; }\n", t.ID, t.Color)
		fmt.Fprintf(&b, ".scores .t%d meter::-moz-meter-bar { background: %s; }\n", t.ID, t.Color)
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write([]byte(b.String()))
}
