package guard

import (
	"crypto/subtle"
	"fmt"
	"math"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	align "github.com/align-coach/align"
)

// MinToken is the shortest token a server accepts: 16 characters of a
// random token are far beyond guessing at the rate Limiter allows.
const MinToken = 16

// CheckToken refuses a token too short to resist guessing.
func CheckToken(token string) error {
	if len(token) < MinToken {
		return align.Errorf(align.EINVALID, "ALIGN_TOKEN must be at least %d characters (it has %d); choose a long random one, such as the output of: openssl rand -hex 16", MinToken, len(token))
	}
	return nil
}

// Bearer returns the token of an "Authorization: Bearer TOKEN" header. The
// scheme is required (a bare token is not accepted) and, as HTTP says,
// matched without regard to case.
func Bearer(r *http.Request) (string, bool) {
	auth := r.Header.Get("Authorization")
	scheme, token, ok := strings.Cut(auth, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") || token == "" {
		return "", false
	}
	return token, true
}

// Equal compares a token in constant time.
func Equal(got, want string) bool {
	return subtle.ConstantTimeCompare([]byte(got), []byte(want)) == 1
}

// Limiter slows down token guessing: an address that sends MaxFailures
// wrong tokens within Window is refused, right token or not, until the
// window that began with its first failure is over.
type Limiter struct {
	MaxFailures int
	Window      time.Duration
	// Now is the clock; tests set it.
	Now func() time.Time

	mu    sync.Mutex
	fails map[string]*failures
}

type failures struct {
	n     int
	start time.Time
}

// NewLimiter allows 10 wrong tokens per address in 15 minutes.
func NewLimiter(now func() time.Time) *Limiter {
	if now == nil {
		now = time.Now
	}
	return &Limiter{MaxFailures: 10, Window: 15 * time.Minute, Now: now, fails: map[string]*failures{}}
}

// Client is the address a request came from (the connection's, never a
// header a client can set).
func Client(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// Blocked reports whether the address must wait, and for how long.
func (l *Limiter) Blocked(client string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	f, ok := l.fails[client]
	if !ok {
		return false, 0
	}
	left := f.start.Add(l.Window).Sub(l.Now())
	if left <= 0 {
		delete(l.fails, client)
		return false, 0
	}
	return f.n >= l.MaxFailures, left
}

// Fail records a wrong token from the address.
func (l *Limiter) Fail(client string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.Now()
	if len(l.fails) > 10000 {
		for k, f := range l.fails {
			if now.Sub(f.start) >= l.Window {
				delete(l.fails, k)
			}
		}
	}
	f, ok := l.fails[client]
	if !ok || now.Sub(f.start) >= l.Window {
		f = &failures{start: now}
		l.fails[client] = f
	}
	f.n++
}

// TooMany is the one-line message for a refused address.
func TooMany(wait time.Duration) string {
	return fmt.Sprintf("too many wrong tokens from this address; try again in %d minutes", int(math.Ceil(wait.Minutes())))
}
