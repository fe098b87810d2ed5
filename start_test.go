package align_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNothingCompiledAtStart: no package-level variable of the module is
// initialised by compiling a regular expression. Package initialisers run
// for every command, --version included, so a pattern compiled there is
// paid for by commands that never use it; compile it on first use
// (sync.OnceValue) instead. Calls inside a function literal are lazy and
// allowed.
func TestNothingCompiledAtStart(t *testing.T) {
	fset := token.NewFileSet()
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "corpus") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				for _, v := range spec.(*ast.ValueSpec).Values {
					if call := eagerCompile(v); call != "" {
						t.Errorf("%s: package-level %s runs at start; wrap it in sync.OnceValue", fset.Position(v.Pos()), call)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// eagerCompile returns "regexp.X" when expression e calls a regexp
// compiler outside any function literal, and "" otherwise.
func eagerCompile(e ast.Expr) string {
	found := ""
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.SelectorExpr:
			if id, ok := n.X.(*ast.Ident); ok && id.Name == "regexp" && strings.Contains(n.Sel.Name, "Compile") && found == "" {
				found = "regexp." + n.Sel.Name
			}
		}
		return true
	})
	return found
}
