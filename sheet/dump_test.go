package sheet_test

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/align-coach/align/engine"
	"github.com/align-coach/align/intake"
	"github.com/align-coach/align/sheet"
)

func TestDump(t *testing.T) {
	files := os.Getenv("SHEET_DUMP")
	if files == "" {
		t.Skip()
	}
	e, _ := engine.New(nil)
	for _, f := range strings.Fields(files) {
		b, _ := os.ReadFile(f)
		sit, d, err := e.Diagnose(intake.Input{Situation: string(b)})
		if err != nil {
			t.Fatal(err)
		}
		sh := sheet.Read(e.PB, sit, d)
		out, _ := json.MarshalIndent(sh, "", " ")
		fmt.Println(f, string(out))
	}
}
