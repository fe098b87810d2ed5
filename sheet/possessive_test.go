package sheet_test

import "testing"

// TestPossessiveRole checks that a role in the possessive ("the founder's
// daughter", "The VP Sales's team") names the role, not its owner's name
// or an apostrophe: the plan says "your VP Sales", never "your VP
// Sales's", and Chiara is not the founder.
func TestPossessiveRole(t *testing.T) {
	s := read(t, "I report to Chiara, the founder's daughter, who runs HR. The VP Sales's team is paid on margin and the VP Sales says our leads are tyre kickers. The founder's OKR for marketing is 5,000 leads.")
	if s.Leader.Role != "VP Sales" {
		t.Errorf("leader role %q, want VP Sales", s.Leader.Role)
	}
	for _, p := range s.People {
		if p.Role == "founder" && p.Name != "" {
			t.Errorf("the founder named %q", p.Name)
		}
	}
}
