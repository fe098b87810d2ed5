package guard_test

import (
	"testing"

	"github.com/align-coach/align/guard"
)

func TestHostsAllowed(t *testing.T) {
	h := guard.NewHosts("align.example.com:8080", []string{"Team.Example.org, other.example"})
	for _, c := range []struct {
		host string
		want bool
	}{
		{"127.0.0.1:8080", true},
		{"127.0.0.1", true},
		{"[::1]:8080", true},
		{"10.1.2.3:8080", true},
		{"localhost:8080", true},
		{"LOCALHOST.", true},
		{"align.example.com:8080", true},
		{"align.example.com", true},
		{"team.example.org:443", true},
		{"other.example", true},
		{"rebind.attacker.example:8080", false},
		{"attacker.localhost:8080", false},
		{"127.0.0.1.attacker.example", false},
		{"", false},
		{":8080", false},
	} {
		if got := h.Allowed(c.host); got != c.want {
			t.Errorf("Allowed(%q) = %v, want %v", c.host, got, c.want)
		}
	}
	var zero guard.Hosts
	if !zero.Allowed("127.0.0.1:1") || zero.Allowed("align.example.com") {
		t.Error("the zero Hosts must allow IP addresses and localhost only")
	}
}
