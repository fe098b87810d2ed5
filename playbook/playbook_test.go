package playbook_test

import (
	"testing"

	"github.com/align-coach/align/playbook"
)

func TestDefaultLoads(t *testing.T) {
	p, err := playbook.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Types) != 4 || len(p.TriedCodes()) != 9 {
		t.Fatalf("types=%d tried=%d", len(p.Types), len(p.TriedCodes()))
	}
}
