// Package corpus reads labelled cases: situations (one YAML file each,
// with the route, types, urgency, facts, tried codes, missing fields and
// checks on the plan a practitioner would expect) and short routing
// messages (routing.jsonl), in the layout of the shared eval FORMAT.md.
// A corpus is a folder of authors, one folder each; an author is one
// writer with one brief, the unit that cross-validation leaves out. A case
// that does not load is an error naming its file, never a silent skip.
package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/goccy/go-yaml"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/intake"
)

// Case is one labelled situation.
type Case struct {
	ID      string `yaml:"id"`
	Source  string `yaml:"source"`
	Message string `yaml:"message"`
	Expect  Expect `yaml:"expect"`
	// Author is the folder the case came from.
	Author string `yaml:"-"`
	file   string
}

// Expect is what a practitioner concluded.
type Expect struct {
	Route          string      `yaml:"route"`
	Types          []int       `yaml:"types"`
	Urgency        string      `yaml:"urgency"`
	Tenure         string      `yaml:"tenure"`
	Reporting      string      `yaml:"reporting"`
	SharedTarget   intake.Tri  `yaml:"shared_target"`
	LeadershipSees intake.Tri  `yaml:"leadership_sees"`
	Tried          []string    `yaml:"tried"`
	Missing        []string    `yaml:"missing"`
	Plan           []PlanCheck `yaml:"plan"`
}

// PlanCheck is one check on a plan section: at least one of Any appears,
// none of None appears (case-insensitive, whole words).
type PlanCheck struct {
	Section string   `yaml:"section"`
	Any     []string `yaml:"any"`
	None    []string `yaml:"none"`
}

// RoutingCase is one short routing message.
type RoutingCase struct {
	ID      string `json:"id"`
	Message string `json:"message"`
	Route   string `json:"route"`
	// Author is the folder the message came from.
	Author string `json:"-"`
}

// Load reads a case directory: situations/*.yaml and routing.jsonl (either
// may be absent, not both).
func Load(dir string) ([]Case, []RoutingCase, error) {
	files, err := filepath.Glob(filepath.Join(dir, "situations", "*.yaml"))
	if err != nil {
		return nil, nil, err
	}
	sort.Strings(files)
	var cases []Case
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, nil, align.Errorf(align.EINVALID, "%s: %v", f, err)
		}
		var c Case
		if err := intake.SafeYAML(b, &c); err != nil {
			return nil, nil, align.Errorf(align.EINVALID, "%s: %s", f, strings.SplitN(yaml.FormatError(err, false, false), "\n", 2)[0])
		}
		c.file = f
		c.Author = filepath.Base(filepath.Clean(dir))
		if c.ID == "" || strings.TrimSpace(c.Message) == "" || c.Expect.Route == "" {
			return nil, nil, align.Errorf(align.EINVALID, "%s: id, message and expect.route are required", f)
		}
		switch align.Route(c.Expect.Route) {
		case align.RouteAlignment, align.RouteSLA, align.RouteNone:
		default:
			return nil, nil, align.Errorf(align.EINVALID, "%s: unknown route %q", f, c.Expect.Route)
		}
		cases = append(cases, c)
	}
	var routing []RoutingCase
	rf := filepath.Join(dir, "routing.jsonl")
	if b, err := os.ReadFile(rf); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		n := 0
		for sc.Scan() {
			n++
			line := strings.TrimSpace(sc.Text())
			if line == "" {
				continue
			}
			var r RoutingCase
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				return nil, nil, align.Errorf(align.EINVALID, "%s line %d: %v", rf, n, err)
			}
			if r.Message == "" || r.Route == "" {
				return nil, nil, align.Errorf(align.EINVALID, "%s line %d: message and route are required", rf, n)
			}
			r.Author = filepath.Base(filepath.Clean(dir))
			routing = append(routing, r)
		}
	} else if !os.IsNotExist(err) {
		return nil, nil, align.Errorf(align.EINVALID, "%s: %v", rf, err)
	}
	if len(cases) == 0 && len(routing) == 0 {
		return nil, nil, align.Errorf(align.EINVALID, "%s: no situations/*.yaml and no routing.jsonl", dir)
	}
	return cases, routing, nil
}

// Set is the cases of one or more authors.
type Set struct {
	Cases   []Case
	Routing []RoutingCase
	// Authors lists the authors in the order read (sorted by folder name
	// within each argument).
	Authors []string
}

// IsAuthor reports whether dir holds cases itself (situations/ or
// routing.jsonl) rather than author folders.
func IsAuthor(dir string) bool {
	for _, n := range []string{"situations", "routing.jsonl"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			return true
		}
	}
	return false
}

// LoadAll reads each dir, which is either one author's folder or a corpus
// of author folders (every sub-folder that holds cases). Two folders with
// the same name are one author. It fails when a dir holds no cases at all.
func LoadAll(dirs ...string) (Set, error) {
	var s Set
	seen := map[string]bool{}
	for _, dir := range dirs {
		authors := []string{dir}
		if !IsAuthor(dir) {
			entries, err := os.ReadDir(dir)
			if err != nil {
				return Set{}, align.Errorf(align.EINVALID, "%v", err)
			}
			authors = authors[:0]
			for _, e := range entries {
				if p := filepath.Join(dir, e.Name()); e.IsDir() && IsAuthor(p) {
					authors = append(authors, p)
				}
			}
			if len(authors) == 0 {
				return Set{}, align.Errorf(align.EINVALID, "%s: no author folders with situations/ or routing.jsonl", dir)
			}
		}
		for _, a := range authors {
			cases, routing, err := Load(a)
			if err != nil {
				return Set{}, err
			}
			s.Cases = append(s.Cases, cases...)
			s.Routing = append(s.Routing, routing...)
			if name := filepath.Base(filepath.Clean(a)); !seen[name] {
				seen[name] = true
				s.Authors = append(s.Authors, name)
			}
		}
	}
	return s, nil
}

// Split returns the cases of one author and the cases of all the others.
func (s Set) Split(author string) (held, rest Set) {
	for _, c := range s.Cases {
		if c.Author == author {
			held.Cases = append(held.Cases, c)
		} else {
			rest.Cases = append(rest.Cases, c)
		}
	}
	for _, r := range s.Routing {
		if r.Author == author {
			held.Routing = append(held.Routing, r)
		} else {
			rest.Routing = append(rest.Routing, r)
		}
	}
	for _, a := range s.Authors {
		if a == author {
			held.Authors = append(held.Authors, a)
		} else {
			rest.Authors = append(rest.Authors, a)
		}
	}
	return held, rest
}

// Pass applies the check to a section's text.
func (pc PlanCheck) Pass(body string) (bool, string) {
	if len(pc.Any) > 0 {
		found := false
		for _, w := range pc.Any {
			found = found || hasWord(body, w)
		}
		if !found {
			return false, "any of " + strings.Join(pc.Any, ", ")
		}
	}
	for _, w := range pc.None {
		if hasWord(body, w) {
			return false, "none of " + strings.Join(pc.None, ", ")
		}
	}
	return true, ""
}

func hasWord(body, w string) bool {
	re := regexp.MustCompile(`(?i)(^|[^\pL\pN])` + regexp.QuoteMeta(w) + `($|[^\pL\pN])`)
	return re.MatchString(body)
}
