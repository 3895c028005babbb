package conventions_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// declared returns the exported names a package declares: functions,
// types, methods as "Type.Method" and struct fields as "Type.Field".
func declared(t *testing.T, pkg string) map[string]bool {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "..", pkg, "*.go"))
	require.NoError(t, err)
	names := map[string]bool{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(token.NewFileSet(), f, nil, 0)
		require.NoError(t, err)
		for _, d := range af.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				name := d.Name.Name
				if d.Recv != nil && len(d.Recv.List) == 1 {
					typ := d.Recv.List[0].Type
					if s, ok := typ.(*ast.StarExpr); ok {
						typ = s.X
					}
					if ix, ok := typ.(*ast.IndexExpr); ok {
						typ = ix.X
					}
					if id, ok := typ.(*ast.Ident); ok {
						name = id.Name + "." + name
					}
				}
				names[name] = true
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						names[s.Name.Name] = true
						if st, ok := s.Type.(*ast.StructType); ok {
							for _, fl := range st.Fields.List {
								for _, n := range fl.Names {
									names[s.Name.Name+"."+n.Name] = true
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							names[n.Name] = true
						}
					}
				}
			}
		}
	}
	return names
}

// TestREADMERulesTable proves the README's table of rules names, for every
// rule of the catalogue, a package and functions that exist in it, so a
// library user can look each rule up without the catalogue.
func TestREADMERulesTable(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	require.NoError(t, err)
	readme := string(b)
	i, j := strings.Index(readme, "<!-- rules:begin"), strings.Index(readme, "<!-- rules:end -->")
	require.True(t, i >= 0 && j > i, "README.md lacks the rules table markers")
	row := regexp.MustCompile("^\\| ([APSORN][0-9]+) \\| ([^|]+) \\| `([a-z]+)` \\| (.+) \\|$")
	ident := regexp.MustCompile("`([A-Za-z][A-Za-z0-9.]*)`")
	seen := map[string]bool{}
	decls := map[string]map[string]bool{}
	for _, line := range strings.Split(readme[i:j], "\n") {
		m := row.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		id, pkg := m[1], m[3]
		assert.False(t, seen[id], "rule %s listed twice", id)
		seen[id] = true
		if decls[pkg] == nil {
			decls[pkg] = declared(t, pkg)
		}
		names := ident.FindAllStringSubmatch(m[4], -1)
		assert.NotEmpty(t, names, "rule %s names no function", id)
		for _, n := range names {
			assert.True(t, decls[pkg][n[1]], "rule %s: %s.%s does not exist", id, pkg, n[1])
		}
		// The parenthesised names are fields or methods that say where.
		for _, paren := range regexp.MustCompile(`\(([A-Za-z.]+)\)`).FindAllStringSubmatch(m[4], -1) {
			name := paren[1]
			if !strings.Contains(name, ".") {
				name = strings.TrimSuffix(name, ")")
			}
			ok := decls[pkg][name]
			if !ok {
				// An event or constant of the package: ConfirmCOD, RepeatOrder.
				ok = decls[pkg][strings.Split(name, ".")[0]]
			}
			assert.True(t, ok, "rule %s: %s.%s does not exist", id, pkg, name)
		}
	}
	domain, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "DOMAIN.md"))
	if err != nil {
		t.Logf("no catalogue beside the repository (%v): checked the table alone", err)
		assert.Len(t, seen, 43, "the catalogue has 43 rules")
		return
	}
	for _, m := range regexp.MustCompile(`(?m)^- ([APSORN][0-9]+)\.`).FindAllStringSubmatch(string(domain), -1) {
		assert.True(t, seen[m[1]], "rule %s of the catalogue is not in the README's table", m[1])
	}
}
