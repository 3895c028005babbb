package i18n_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// packages are the library's packages whose codes render.
var packages = []string{"order", "shipping", "pricing", "notes", "refund"}

// source is what the packages' own sources declare, read with go/ast so
// that the walk in walks() is checked against the code rather than
// against a list kept by hand.
type source struct {
	enums map[string]bool // "pkg.Type": an integer type with a String method
	texts map[string]bool // "pkg.Type": a type with a Text(Lang) method
	codes map[string]bool // packages whose sources make order.Codes
	// decisions are the struct types with a Verdict or Reasons field;
	// staff those with a Staff(Lang) method.
	decisions, staff map[string]bool
	parsed           int // files read
}

func readSources(t *testing.T) source {
	t.Helper()
	src := source{enums: map[string]bool{}, texts: map[string]bool{}, codes: map[string]bool{"order": true},
		decisions: map[string]bool{}, staff: map[string]bool{}}
	fset := token.NewFileSet()
	for _, pkg := range packages {
		dir := repoPath(t, pkg)
		files, err := os.ReadDir(dir)
		require.NoError(t, err)
		integers := map[string]bool{}
		stringers := map[string]bool{}
		for _, fi := range files {
			if !strings.HasSuffix(fi.Name(), ".go") || strings.HasSuffix(fi.Name(), "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, filepath.Join(dir, fi.Name()), nil, 0)
			require.NoError(t, err)
			src.parsed++
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.TypeSpec:
					if st, ok := n.Type.(*ast.StructType); ok && ast.IsExported(n.Name.Name) {
						for _, f := range st.Fields.List {
							for _, name := range f.Names {
								if name.Name == "Verdict" || name.Name == "Reasons" {
									src.decisions[pkg+"."+n.Name.Name] = true
								}
							}
						}
					}
					if id, ok := n.Type.(*ast.Ident); ok && n.Assign == 0 && strings.Contains(" int int8 int16 int32 int64 uint8 uint16 uint32 ", " "+id.Name+" ") {
						integers[n.Name.Name] = true
					}
				case *ast.FuncDecl:
					if n.Recv == nil || len(n.Recv.List) != 1 {
						return true
					}
					recv := n.Recv.List[0].Type
					if st, ok := recv.(*ast.StarExpr); ok {
						recv = st.X
					}
					id, ok := recv.(*ast.Ident)
					if !ok {
						return true
					}
					switch {
					case n.Name.Name == "String" && n.Type.Params.NumFields() == 0:
						stringers[id.Name] = true
					case n.Name.Name == "Text" && n.Type.Params.NumFields() == 1 && isLang(n.Type.Params.List[0].Type):
						src.texts[pkg+"."+id.Name] = true
					case n.Name.Name == "Staff" && n.Type.Params.NumFields() == 1 && isLang(n.Type.Params.List[0].Type):
						src.staff[pkg+"."+id.Name] = true
					}
				case *ast.CallExpr:
					name := ""
					switch fn := n.Fun.(type) {
					case *ast.Ident:
						name = fn.Name
					case *ast.SelectorExpr:
						name = fn.Sel.Name
					}
					if (name == "NewCode" || name == "MustCode") && len(n.Args) == 2 {
						if lit, ok := n.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
							if p, err := strconv.Unquote(lit.Value); err == nil {
								src.codes[p] = true
							}
						}
					}
				}
				return true
			})
		}
		for typ := range integers {
			if stringers[typ] {
				src.enums[pkg+"."+typ] = true
			}
		}
	}
	return src
}

// isLang reports whether a parameter's type is order.Lang (Lang inside
// package order).
func isLang(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "Lang"
	case *ast.SelectorExpr:
		return e.Sel.Name == "Lang"
	}
	return false
}

// notEnums are integer types with a String method that are values, not
// codes: they print as numbers or times and have no staff text.
var notEnums = map[string]string{
	"order.Clock": "a time of day, printed as 16:00",
}

// walkedElsewhere are the types with a Text method that walks() cannot
// list as enum values, each with the test that renders them.
var walkedElsewhere = map[string]string{
	"order.Problem": "its reason is an order.Code of any package: TestProblemReasonsRender",
	"notes.Target":  "a department or a role: walked as order.Department and order.Role; TestTextOfInvalidValues",
	"refund.Actor":  "a role, a department or the buyer: walked as order.Role, order.Department and refund.Payer; TestActorText",
}

// TestEveryEnumIsWalked reads the packages' sources: every enum (an
// integer type with a String method) has a Text method, and every type
// with a Text method is walked by TestEveryCodeRenders — so a new enum
// with no text, or with text no test walks, fails here rather than
// rendering as its code.
func TestEveryEnumIsWalked(t *testing.T) {
	src := readSources(t)
	require.Greater(t, src.parsed, 50, "the packages' sources were read")
	walked := map[string]bool{}
	for _, w := range walks() {
		walked[w.name] = true
	}
	var enums []string
	for e := range src.enums {
		enums = append(enums, e)
	}
	sort.Strings(enums)
	for _, e := range enums {
		if _, ok := notEnums[e]; ok {
			assert.False(t, src.texts[e], "%s has a Text method now: strike it from notEnums", e)
			continue
		}
		assert.True(t, src.texts[e], "%s is an enum without a Text(order.Lang) method: give it one in its package's lang.go", e)
	}
	for e := range notEnums {
		assert.True(t, src.enums[e], "%s is no longer an enum: strike it from notEnums", e)
	}
	var texts []string
	for e := range src.texts {
		texts = append(texts, e)
	}
	sort.Strings(texts)
	for _, e := range texts {
		if _, ok := walkedElsewhere[e]; ok {
			assert.False(t, walked[e], "%s is walked now: strike it from walkedElsewhere", e)
			continue
		}
		assert.True(t, walked[e], "%s has a Text method that walks() does not walk: add its list", e)
	}
	for e := range walkedElsewhere {
		assert.True(t, src.texts[e], "%s has no Text method now: strike it from walkedElsewhere", e)
	}
	for w := range walked {
		if !strings.HasPrefix(w, "shipping.ProblemReasons") && !strings.HasPrefix(w, "shipping.CarrierCodes") {
			assert.True(t, src.texts[w], "walks() names %s, which has no Text method in the sources", w)
		}
	}
	t.Logf("%d enums, %d types with text", len(enums), len(texts))
}

// problemCodes returns every reason code a problem-order check can report,
// by package: order's reasons, shipping's checks' and refund's.
func problemCodes() map[string][]order.Code {
	out := map[string][]order.Code{}
	for _, r := range order.Reasons() {
		out["order"] = append(out["order"], r.Code())
	}
	out["shipping"] = shipping.ProblemReasons()
	for _, r := range refund.Reasons() {
		out["refund"] = append(out["refund"], r.Code())
	}
	return out
}

// TestEveryCodePackageIsWalked: every package whose sources make
// order.Codes (the reasons problem orders carry into the digest) has its
// codes walked by TestProblemReasonsRender.
func TestEveryCodePackageIsWalked(t *testing.T) {
	src := readSources(t)
	walked := problemCodes()
	var makers []string
	for p := range src.codes {
		makers = append(makers, p)
	}
	sort.Strings(makers)
	for _, p := range makers {
		assert.NotEmpty(t, walked[p], "package %s makes order.Codes that problemCodes does not walk", p)
	}
	for p := range walked {
		assert.True(t, slices.Contains(makers, p), "problemCodes walks %s, whose sources make no codes", p)
	}
}

// TestActorText: who must act on a plan step renders as the role, the
// department or the buyer (rules A2, R1); the zero Actor as nothing; and
// order's cash-on-delivery states render (rule S9).
func TestActorText(t *testing.T) {
	for _, l := range order.Langs() {
		assert.Equal(t, order.TeamLeader.Text(l), refund.Actor{Role: order.TeamLeader}.Text(l))
		assert.Equal(t, order.Finance.Text(l), refund.Actor{Department: order.Finance}.Text(l))
		assert.Equal(t, refund.Buyer.Text(l), refund.Actor{Buyer: true}.Text(l))
		assert.Empty(t, refund.Actor{}.Text(l))
	}
	assert.Equal(t, "買家", refund.Actor{Buyer: true}.Text(order.TraditionalChinese))
	assert.Equal(t, "买家已签收并付款", order.CODSignedIn.Text(order.SimplifiedChinese))
	assert.Empty(t, order.CODStatusNone.Text(order.English), "not cash on delivery: nothing")
}

// notDecisions are struct types with a Verdict or Reasons field that are
// parts of a decision rather than one, each with what renders it.
var notDecisions = map[string]string{
	"order.DigestRow":  "a row of the digest: Digest.Staff",
	"order.Allocation": "one order of an oversell plan: OversellPlan.Staff, and Allocation.Buyer for its buyer",
}

// TestEveryDecisionRenders reads the packages' sources: every decision —
// an exported struct with a Verdict or Reasons field — has a Staff(Lang)
// method, so none reaches a console as bare codes; and the decision
// sample of TestGoldenDecisions holds one of each type that has.
func TestEveryDecisionRenders(t *testing.T) {
	src := readSources(t)
	require.NotEmpty(t, src.decisions)
	for d := range src.decisions {
		if _, ok := notDecisions[d]; ok {
			assert.False(t, src.staff[d], "%s has a Staff method now: strike it from notDecisions", d)
			continue
		}
		assert.True(t, src.staff[d], "%s is a decision without a Staff(order.Lang) method: give it one in its package's lang.go", d)
	}
	sampled := map[string]bool{}
	for _, s := range decisionSample(t) {
		sampled[fmt.Sprintf("%T", s.d)] = true
	}
	var names []string
	for d := range src.staff {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		if d == "order.Digest" {
			continue // multi-line: TestGoldenDigest
		}
		assert.True(t, sampled[d], "%s renders but decisionSample holds none: add one, so its text is pinned", d)
	}
}
