// Command compile writes playbook/compiled.bin, the playbook data as
// playbook.Load reads it, for the binary to embed. Run it with
// `go generate ./playbook` after changing playbook/data or the code that
// reads it; TestCompiledIsCurrent says when that is due.
package main

import (
	"fmt"
	"os"

	"github.com/align-coach/align/playbook"
)

func main() {
	// go generate runs this in the playbook folder.
	b, err := playbook.Compiled(os.DirFS("."))
	if err == nil {
		err = os.WriteFile("compiled.bin", b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "compile playbook:", err)
		os.Exit(1)
	}
}
