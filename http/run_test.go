package http

import (
	"context"
	"net/http/httptest"
	"runtime"
	"sync/atomic"
	"testing"
)

// TestRunBoundsEngineRuns: no more engine runs than CPUs are in progress
// at once, and a request whose client has gone stops waiting for one.
func TestRunBoundsEngineRuns(t *testing.T) {
	s := &Server{}
	n := runtime.GOMAXPROCS(0)
	req := httptest.NewRequest("POST", "/api/plan", nil)
	var inside, most atomic.Int32
	release := make(chan struct{})
	done := make(chan error, n+1)
	for range n + 1 {
		go func() {
			done <- s.run(req, func() {
				k := inside.Add(1)
				for {
					m := most.Load()
					if k <= m || most.CompareAndSwap(m, k) {
						break
					}
				}
				<-release
				inside.Add(-1)
			})
		}()
	}
	for inside.Load() < int32(n) {
		runtime.Gosched()
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.run(req.WithContext(ctx), func() { t.Error("ran after its client had gone") }); err == nil {
		t.Error("a cancelled request got a slot while all were taken")
	}
	close(release)
	for range n + 1 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if m := most.Load(); m != int32(n) {
		t.Fatalf("%d engine runs at once, want %d", m, n)
	}
}

// TestRunRaisesPanicInCaller: a panic in the engine's goroutine reaches
// the request's goroutine (where net/http recovers it) instead of ending
// the server.
func TestRunRaisesPanicInCaller(t *testing.T) {
	s := &Server{}
	req := httptest.NewRequest("POST", "/api/plan", nil)
	defer func() {
		if p := recover(); p != "boom" {
			t.Fatalf("recovered %v, want boom", p)
		}
	}()
	s.run(req, func() { panic("boom") })
	t.Fatal("run returned after a panic")
}
