package perftest_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestOnlyTestsImportPerftest keeps the harness out of the library: no
// file of the module but a _test.go file (and perftest's own) imports
// it, so no shop backend links the baselines or the generator.
func TestOnlyTestsImportPerftest(t *testing.T) {
	const self = "github.com/kefu-go/kefu/internal/perftest"
	root := filepath.Join("..", "..")
	var bad []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		if f.Name.Name == "perftest" {
			return nil
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == self {
				bad = append(bad, path)
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.Empty(t, bad, "library files that import the test harness")
}
