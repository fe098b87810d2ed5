// Package guard holds the checks every align server (the web page and JSON
// API of `align serve`, and `align mcp --http`) makes before a request
// reaches a handler:
//
//   - the Host header must name this server, so a web page the user visits
//     cannot rebind its own domain to 127.0.0.1 and read the case files
//     (DNS rebinding);
//   - a token must be long enough to resist guessing, and must arrive as
//     "Authorization: Bearer ...";
//   - an address that keeps sending wrong tokens is refused for a while.
//
// The rules are the same for every server, so they live here once.
package guard

import (
	"net"
	"strings"
)

// Hosts is the set of names a server answers to. The zero value allows
// only loopback names and IP addresses.
//
// An IP address in the Host header is always allowed: a rebinding attack
// needs a domain name the attacker controls, and a browser that was
// pointed at an IP address sends that address. Names are allowed when
// they are "localhost", the host part of the address the server listens on, or
// one given with --allow-host.
type Hosts struct {
	names map[string]bool
}

// NewHosts allows the host part of addr (when it is a name) and each
// extra name.
func NewHosts(addr string, extra []string) Hosts {
	h := Hosts{names: map[string]bool{}}
	if host, _, err := net.SplitHostPort(addr); err == nil {
		h.add(host)
	}
	for _, e := range extra {
		for _, n := range strings.Split(e, ",") {
			h.add(n)
		}
	}
	return h
}

func (h Hosts) add(name string) {
	name = normalize(name)
	if name != "" {
		h.names[name] = true
	}
}

// normalize lowercases a host name and drops a port, brackets and a
// trailing dot.
func normalize(host string) string {
	host = strings.TrimSpace(host)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	return strings.TrimSuffix(strings.ToLower(host), ".")
}

// Allowed reports whether a request's Host header names this server.
func (h Hosts) Allowed(hostHeader string) bool {
	host := normalize(hostHeader)
	if host == "" {
		return false
	}
	if net.ParseIP(host) != nil {
		return true
	}
	if host == "localhost" {
		return true
	}
	return h.names[host]
}

// Names lists the extra names allowed, for messages.
func (h Hosts) Names() []string {
	var out []string
	for n := range h.names {
		out = append(out, n)
	}
	return out
}

// IsLoopback reports whether addr (host:port) binds only the loopback
// interface.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// RefusedHost is the one-line message for a request with a Host header
// the server does not answer to.
func RefusedHost(host string) string {
	return "align does not answer to the host name " + quote(host) +
		": open it by IP address or localhost, or start it with --allow-host " + quote(normalize(host))
}

func quote(s string) string {
	if len(s) > 100 {
		s = s[:100]
	}
	return `"` + strings.Map(func(r rune) rune {
		if r < 0x20 || r == '"' || r == 0x7f {
			return '?'
		}
		return r
	}, s) + `"`
}
