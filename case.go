package align

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"
)

// CheckText refuses text that no store can keep faithfully and no reader
// can use: bytes that are not UTF-8 (a JSON decoder would quietly turn
// them into U+FFFD, PostgreSQL refuses them) and NUL bytes (PostgreSQL
// refuses them; C tools cut the text there). Every interface (the terminal,
// the JSON API, the web page, MCP) and both stores apply this one rule, so
// the same input gets the same answer everywhere. what names the text in
// the message.
func CheckText(what, s string) error {
	if !utf8.ValidString(s) {
		return Errorf(EINVALID, "%s is not valid UTF-8 text; save it as UTF-8", what)
	}
	if strings.IndexByte(s, 0) >= 0 {
		return Errorf(EINVALID, "%s contains a NUL byte, which is not text; remove it", what)
	}
	return nil
}

// Case is one working relationship with one sales leader, followed over
// weeks: who they are, who the user is, and a timeline of entries.
type Case struct {
	ID      int64     `json:"id"`
	Name    string    `json:"name"`    // the sales leader's name
	Title   string    `json:"title"`   // their title, "VP of Sales"
	Company string    `json:"company"` // the company
	Role    string    `json:"role"`    // the user's own role
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// Validate checks a case before it is stored.
func (c *Case) Validate() error {
	for _, f := range []struct{ what, v string }{{"the name", c.Name}, {"the title", c.Title}, {"the company", c.Company}, {"the role", c.Role}} {
		if err := CheckText(f.what, f.v); err != nil {
			return err
		}
	}
	c.Name, c.Title = strings.TrimSpace(c.Name), strings.TrimSpace(c.Title)
	c.Company, c.Role = strings.TrimSpace(c.Company), strings.TrimSpace(c.Role)
	if c.Name == "" {
		return Errorf(EINVALID, "a case needs the sales leader's name")
	}
	for _, f := range []string{c.Name, c.Title, c.Company, c.Role} {
		if len(f) > 200 {
			return Errorf(EINVALID, "case fields are limited to 200 characters")
		}
	}
	return nil
}

// Entry kinds: what happened in the relationship.
const (
	EntrySituation    = "situation"    // an update on how things stand
	EntryConversation = "conversation" // a conversation held, with notes
	EntryChange       = "change"       // the change made in response
	EntrySeat         = "seat"         // access to the pipeline review
	EntryWin          = "win"          // a win credited to sales
	EntryEscalation   = "escalation"   // going above the sales leader
	EntryNote         = "note"         // anything else
)

// EntryKinds lists the kinds in the order the playbook's sequence uses.
var EntryKinds = []string{EntrySituation, EntryConversation, EntryChange, EntrySeat, EntryWin, EntryEscalation, EntryNote}

// Entry is one event on a case's timeline.
type Entry struct {
	ID     int64     `json:"id"`
	CaseID int64     `json:"case_id"`
	Kind   string    `json:"kind"`
	Text   string    `json:"text"`
	At     time.Time `json:"at"`
}

// Validate checks an entry before it is stored.
func (e *Entry) Validate() error {
	if err := CheckText("the entry text", e.Text); err != nil {
		return err
	}
	e.Text = strings.TrimSpace(e.Text)
	ok := false
	for _, k := range EntryKinds {
		ok = ok || e.Kind == k
	}
	if !ok {
		return Errorf(EINVALID, "entry kind must be one of %s, not %q", strings.Join(EntryKinds, ", "), e.Kind)
	}
	if e.Text == "" {
		return Errorf(EINVALID, "an entry needs text")
	}
	if len(e.Text) > 1<<20 {
		return Errorf(ETOOLARGE, "an entry is limited to 1 MiB")
	}
	return nil
}

// PlanSnapshot is a plan as it stood at one point in a case.
type PlanSnapshot struct {
	ID      int64     `json:"id"`
	CaseID  int64     `json:"case_id"`
	Text    string    `json:"text"`
	Created time.Time `json:"created"`
}

// CaseExport is a case with everything recorded on it, for backup and for
// moving to another machine.
type CaseExport struct {
	Case    Case           `json:"case"`
	Entries []Entry        `json:"entries"`
	Plans   []PlanSnapshot `json:"plans"`
}

// Store keeps cases. Implementations must make every write atomic.
//
// Errors: ENOTFOUND when a case does not exist, EINVALID when input fails
// validation, EINTERNAL otherwise.
type Store interface {
	CreateCase(ctx context.Context, c *Case) error
	UpdateCase(ctx context.Context, c *Case) error
	DeleteCase(ctx context.Context, id int64) error
	Case(ctx context.Context, id int64) (Case, error)
	Cases(ctx context.Context) ([]Case, error)
	AddEntry(ctx context.Context, e *Entry) error
	// DeleteEntry removes one entry from a case's timeline: ENOTFOUND when
	// the case or the entry (on that case) does not exist.
	DeleteEntry(ctx context.Context, caseID, entryID int64) error
	Entries(ctx context.Context, caseID int64) ([]Entry, error)
	// SavePlan records a plan for a case unless it equals the latest one;
	// it reports whether a new snapshot was stored.
	SavePlan(ctx context.Context, p *PlanSnapshot) (bool, error)
	Plans(ctx context.Context, caseID int64) ([]PlanSnapshot, error)
	// Import stores exported cases as new cases, all or nothing.
	Import(ctx context.Context, cases []CaseExport) ([]int64, error)
	Close() error
}

// ValidateExports checks cases before an import, so a store can refuse
// the whole import before writing anything.
func ValidateExports(cases []CaseExport) error {
	for i := range cases {
		if err := cases[i].Case.Validate(); err != nil {
			return Errorf(EINVALID, "case %d: %s", i+1, ErrorMessage(err))
		}
		for j := range cases[i].Entries {
			if err := cases[i].Entries[j].Validate(); err != nil {
				return Errorf(EINVALID, "case %d, entry %d: %s", i+1, j+1, ErrorMessage(err))
			}
		}
	}
	return nil
}
