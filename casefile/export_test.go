package casefile_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	align "github.com/align-coach/align"
	"github.com/align-coach/align/casefile"
)

func FuzzParseExport(f *testing.F) {
	for _, s := range []string{
		`{"align_cases":1,"cases":[{"case":{"name":"Dana","title":"VP of Sales"},"entries":[{"kind":"note","text":"hi","at":"2026-11-20T10:00:00Z"}],"plans":[{"text":"p"}]}]}`,
		`{"align_cases":1,"cases":[]}`, `{"align_cases":2}`, `[]`, `{"align_cases":1,"cases":[{"case":{"name":""}}]}`,
		`{"align_cases":1,"align_cases":1}`, `{"align_cases":1,"cases":[{"case":{"name":"a"},"entries":[{"kind":"note","text":"\u0000"}]}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cases, err := casefile.ParseExport(data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("multi-line error: %q", err)
			}
			if c := align.ErrorCode(err); c != align.EINVALID && c != align.ETOOLARGE {
				t.Fatalf("error code %s for %v", c, err)
			}
			return
		}
		// What is accepted is valid, and survives another round trip.
		if err := align.ValidateExports(cases); err != nil {
			t.Fatalf("accepted invalid cases: %v", err)
		}
		for _, c := range cases {
			for _, e := range c.Entries {
				if !utf8.ValidString(e.Text) || strings.ContainsRune(e.Text, 0) {
					t.Fatalf("accepted bad text %q", e.Text)
				}
			}
		}
		b, _ := json.Marshal(casefile.ExportFile{Version: casefile.ExportVersion, Cases: cases})
		if _, err := casefile.ParseExport(b); err != nil {
			t.Fatalf("an accepted export does not parse again: %v", err)
		}
	})
}
