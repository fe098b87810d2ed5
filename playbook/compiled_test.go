package playbook

import (
	"bytes"
	"io/fs"
	"os"
	"reflect"
	"testing"
	"testing/fstest"
)

// TestCompiledIsCurrent rebuilds the compiled playbook from the data and
// compares it byte for byte with the embedded compiled.bin.
func TestCompiledIsCurrent(t *testing.T) {
	b, err := Compiled(dataFS)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, []byte(compiled)) {
		t.Fatalf("playbook/compiled.bin is stale (%d bytes, a rebuild gives %d): run `go generate ./playbook`", len(compiled), len(b))
	}
}

// TestCompiledIsLoad checks that the compiled form decodes to exactly what
// Load makes from the YAML, and finds the same signals in the same places.
func TestCompiledIsLoad(t *testing.T) {
	want, err := Load(dataFS)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Compiled(dataFS)
	if err != nil {
		t.Fatal(err)
	}
	got, err := loadCompiled(string(b), dataFS)
	if err != nil || got == nil {
		t.Fatalf("loadCompiled = %v, %v", got, err)
	}
	sum, _ := sourceHash(dataFS)
	if !bytes.Equal(got.encode(sum), b) {
		t.Errorf("decoding and encoding again changes the bytes")
	}
	texts := []string{"Our VP of Sales, Priya, told the exec team that marketing's leads are \"mostly students and competitors.\" I'm tempted to go to the CEO. We haven't tried anything."}
	for _, f := range []string{"type1-earned.md", "type2-structural.md", "type3-political.md", "type4-categorical.md"} {
		data, err := os.ReadFile("../examples/" + f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	for _, text := range texts {
		if a, b := want.Scan(text), got.Scan(text); !reflect.DeepEqual(a, b) {
			t.Errorf("scans differ on %.40q", text)
		}
	}
	wm, gm := want.matcher, got.matcher
	want.matcher, got.matcher = nil, nil
	// The last scan's tokens are a cache, not the playbook.
	want.lastScan.Store(nil)
	got.lastScan.Store(nil)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("the compiled playbook differs from the loaded one")
	}
	want.matcher, got.matcher = wm, gm
}

// TestStaleCompiledIsIgnored: compiled data made from other YAML is not
// used; Default then reads the YAML.
func TestStaleCompiledIsIgnored(t *testing.T) {
	changed := fstest.MapFS{}
	names, err := fs.Glob(dataFS, "data/*.yaml")
	if err != nil || len(names) == 0 {
		t.Fatalf("no data files: %v", err)
	}
	for _, n := range names {
		b, err := dataFS.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		changed[n] = &fstest.MapFile{Data: b}
	}
	if p, err := loadCompiled(compiled, changed); p == nil || err != nil {
		t.Fatalf("the same data read as stale: %v", err)
	}
	changed["data/70-cases.yaml"].Data = append(bytes.Clone(changed["data/70-cases.yaml"].Data), "\n# a comment\n"...)
	if p, err := loadCompiled(compiled, changed); p != nil || err != nil {
		t.Fatalf("stale compiled data used: %v", err)
	}
	if _, err := decodeCompiled(compiled[len(compiledMagic)+32 : len(compiled)-10]); err == nil {
		t.Errorf("truncated compiled data decoded without an error")
	}
}
