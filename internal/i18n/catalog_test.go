package i18n_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/i18n"
)

// TestCatalogBuilds: the catalog builds without a problem — every text is
// there in the four languages, every template compiles and x/text accepts
// every message (its plural forms exist in the language).
func TestCatalogBuilds(t *testing.T) {
	for _, err := range i18n.BuildErrors() {
		t.Error(err)
	}
	keys := map[string]bool{}
	for _, e := range i18n.Entries() {
		assert.False(t, keys[e.Key], "%s twice", e.Key)
		keys[e.Key] = true
		for l, s := range e.Text {
			assert.NotEmpty(t, s, "%s has no %s text", e.Key, i18n.Lang(l))
			assert.Equal(t, strings.TrimSpace(s), s, "%s %s: stray space", e.Key, i18n.Lang(l))
		}
	}
}

// TestPlaceholdersMatchArguments: each language's template of a message
// names exactly the message's arguments — none missing, none unknown.
func TestPlaceholdersMatchArguments(t *testing.T) {
	for _, e := range i18n.Entries() {
		if !e.Message {
			assert.NotContains(t, strings.Join(e.Text[:], ""), "{", "%s: a label is no template", e.Key)
			continue
		}
		for l := range i18n.NumLangs {
			assert.Equal(t, e.Args, e.Used[l], "%s %s: placeholders do not match the arguments of %s", e.Key, i18n.Lang(l), e.TypeName)
		}
	}
}

// TestNotLeftInEnglish: a translation equal to the English text must be
// marked deliberate in the tables (same): proper names such as "Hong
// Kong", "SMS". Anything else equal to the English was left untranslated.
func TestNotLeftInEnglish(t *testing.T) {
	var deliberate []string
	for _, e := range i18n.Entries() {
		for _, l := range []i18n.Lang{i18n.SimplifiedChinese, i18n.TraditionalChinese, i18n.Spanish} {
			if e.Text[l] != e.Text[i18n.English] {
				assert.False(t, e.Deliberate[l], "%s %s is marked same but differs", e.Key, l)
				continue
			}
			if assert.True(t, e.Deliberate[l], "%s %s is left in English: %q", e.Key, l, e.Text[l]) {
				deliberate = append(deliberate, e.Key+" "+l.String()+" "+e.Text[l])
			}
		}
	}
	t.Logf("deliberately as in English (%d): %s", len(deliberate), strings.Join(deliberate, "; "))
}

// scripts pairs simplified characters with their traditional forms where
// each is only of its own script (发/發, not 台/臺 or 后/後, which
// traditional text uses too). Traditional text holding the first, or
// simplified text the second, was converted badly or not at all.
const scripts = "发發货貨运運费費买買卖賣单單订訂确確认認库庫仓倉递遞审審评評组組长長员員务務" +
	"宝寶亲親邮郵达達过過时時间間说說话話电電关關闭閉还還没沒联聯换換补補价價额額钱錢让讓们們" +
	"这這个個为為对對经經结結东東红紅黄黃绿綠蓝藍紧緊处處图圖样樣当當无無请請问問码碼号號线線" +
	"网網络絡设設数數区區县縣详詳细細检檢拦攔签簽转轉损損丢丟态態选選择擇给給广廣门門湾灣龙龍" +
	"苏蘇庆慶贵貴陕陝肃肅宁寧维維尔爾壮壯辽遼内內实實际際满滿优優赠贈励勵减減营營销銷" +
	"动動车車达達归歸条條规規则則权權须須将將头頭额額级級总總监監历歷录錄扫掃揽攬拣揀输輸" +
	"种種变變应應该該离離线線双雙证證损損偿償补補购購协協议議顺順丰豐报報鲜鮮数數护護" +
	"隐隱"

// TestScripts: the traditional Chinese is written in traditional
// characters and the simplified in simplified ones.
func TestScripts(t *testing.T) {
	rs := []rune(scripts)
	simp, trad := map[rune]rune{}, map[rune]rune{}
	for i := 0; i+1 < len(rs); i += 2 {
		require.NotEqual(t, rs[i], rs[i+1], "a pair of one character")
		simp[rs[i]], trad[rs[i+1]] = rs[i+1], rs[i]
	}
	for _, e := range i18n.Entries() {
		for _, r := range e.Text[i18n.TraditionalChinese] {
			if tr, bad := simp[r]; bad {
				t.Errorf("%s zh-Hant %q: simplified %c (traditional %c)", e.Key, e.Text[i18n.TraditionalChinese], r, tr)
			}
		}
		for _, r := range e.Text[i18n.SimplifiedChinese] {
			if sr, bad := trad[r]; bad {
				t.Errorf("%s zh-Hans %q: traditional %c (simplified %c)", e.Key, e.Text[i18n.SimplifiedChinese], r, sr)
			}
		}
	}
}

// TestBuyerRegister: replies to buyers open as shops write them in
// Chinese — 亲， and 親，— and the Spanish says tú, never usted.
func TestBuyerRegister(t *testing.T) {
	for _, e := range i18n.Entries() {
		if !strings.HasPrefix(e.Key, "buyer.") {
			continue
		}
		assert.True(t, strings.HasPrefix(e.Text[i18n.SimplifiedChinese], "亲，"), "%s zh-Hans", e.Key)
		assert.True(t, strings.HasPrefix(e.Text[i18n.TraditionalChinese], "親，"), "%s zh-Hant", e.Key)
		es := strings.ToLower(e.Text[i18n.Spanish])
		for _, w := range []string{"usted", " su ", " sus ", "le rogamos", "disculpe"} {
			assert.NotContains(t, es, w, "%s es: %q is the usted register", e.Key, w)
		}
	}
}

// TestEveryMessageIsInTheTables: every type of the package with a Key
// method is a message in the tables, so none renders as its bare key.
func TestEveryMessageIsInTheTables(t *testing.T) {
	fset := token.NewFileSet()
	files, err := os.ReadDir(".")
	require.NoError(t, err)
	var declared []string
	for _, fi := range files {
		if !strings.HasSuffix(fi.Name(), ".go") || strings.HasSuffix(fi.Name(), "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, fi.Name(), nil, 0)
		require.NoError(t, err)
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Name.Name != "Key" || fn.Recv == nil {
				continue
			}
			if id, ok := fn.Recv.List[0].Type.(*ast.Ident); ok {
				declared = append(declared, id.Name)
			}
		}
	}
	var tabled []string
	for _, e := range i18n.Entries() {
		if e.Message {
			tabled = append(tabled, e.TypeName)
		}
	}
	sort.Strings(declared)
	sort.Strings(tabled)
	require.NotEmpty(t, declared)
	assert.Equal(t, declared, tabled)
	for _, m := range i18n.Messages() {
		for _, l := range i18n.Langs() {
			assert.NotEqual(t, m.Key(), i18n.Render(l, nil, m), "%s renders as its key in %s", m.Key(), l)
		}
	}
}

// TestCompile: the template syntax, and templates it refuses.
func TestCompile(t *testing.T) {
	args := map[string]string{"a": "amount", "n": "count", "d": "date", "s": "text"}
	good := []struct {
		src  string
		used []string
	}{
		{"plain text, 100%", nil},
		{"{a} and {a:number}", []string{"a"}},
		{"{n, plural, one {{n} day} other {{n} days}} from {d}", []string{"n", "d"}},
		{"before {n, plural, =0 {none} other {{s}}} after", []string{"n", "s"}},
	}
	for _, c := range good {
		used, err := i18n.Compile(c.src, args)
		require.NoError(t, err, c.src)
		assert.Equal(t, c.used, used, c.src)
	}
	bad := []struct{ src, reason string }{
		{"{b}", "no such argument"},
		{"{a:money}", "no such form"},
		{"{s:number}", "a number form of text"},
		{"{a, plural, other {x}}", "only a count selects"},
		{"{n, plural, one {x}}", "no other case"},
		{"{n, plural, other {x} other {{n, plural, other {y}}}}", "nested plural"},
		{"{n, plural, other {x}} {n, plural, other {y}}", "two plurals"},
		{"{n, select, other {x}}", "only plural"},
		{"{n, plural, lots {x} other {y}}", "unknown plural case"},
		{"{n, plural, other {x", "hostile: case not closed"},
		{"{a", "hostile: placeholder not closed"},
		{"a}", "hostile: stray brace"},
		{"{", "hostile: a lone brace"},
		{"{n, plural, =x {y} other {z}}", "hostile: =N not a number"},
	}
	for _, c := range bad {
		_, err := i18n.Compile(c.src, args)
		assert.Error(t, err, "%s: %s", c.src, c.reason)
	}
}

// TestPluralSelects: English and Spanish choose the singular for one and
// the plural otherwise; Chinese has one form.
func TestPluralSelects(t *testing.T) {
	one := i18n.StaffWithinDays{Days: 1}
	three := i18n.StaffWithinDays{Days: 3}
	assert.Equal(t, "Ships within 1 day", i18n.Render(i18n.English, nil, one))
	assert.Equal(t, "Ships within 3 days", i18n.Render(i18n.English, nil, three))
	assert.Equal(t, "Sale en 1 día", i18n.Render(i18n.Spanish, nil, one))
	assert.Equal(t, "Sale en 3 días", i18n.Render(i18n.Spanish, nil, three))
	assert.Equal(t, "1 天内发货", i18n.Render(i18n.SimplifiedChinese, nil, one))
	assert.Equal(t, "0 problem orders", i18n.Render(i18n.English, nil, i18n.StaffProblemOrders{}))
	assert.Equal(t, "1.000 pedidos con problemas", i18n.Render(i18n.Spanish, nil, i18n.StaffProblemOrders{Count: 1000}), "x/text groups the digits")
	assert.True(t, slices.Contains(i18n.Langs(), i18n.Spanish))
}

// TestRoleInSentence: a role named inside an English or Spanish sentence
// loses its capital; its label keeps it.
func TestRoleInSentence(t *testing.T) {
	m := i18n.AskingApprover{Approver: "store_manager"}
	assert.Equal(t, "Let me check this with our store manager. One moment, please.", i18n.Render(i18n.English, nil, m))
	assert.Equal(t, "Déjame consultarlo con nuestro gerente de la tienda. Un momento, por favor.", i18n.Render(i18n.Spanish, nil, m))
	assert.Equal(t, "亲，这个我需要请示一下店长，请您稍等哦", i18n.Render(i18n.SimplifiedChinese, nil, m))
	assert.Equal(t, "Store manager", i18n.Label(i18n.English, i18n.OrderRole, "store_manager"))
	assert.Equal(t, "Needs the no_such_role's approval", i18n.Render(i18n.English, nil, i18n.StaffNeedsApproval{Approver: "no_such_role"}), "an unknown code prints as itself")
}

// TestListJoins: a list argument is joined as the language joins a list
// of alternatives.
func TestListJoins(t *testing.T) {
	cases := []struct {
		items []string
		want  [i18n.NumLangs]string
	}{
		{[]string{"圆通"}, [i18n.NumLangs]string{"圆通", "圆通", "圆通", "圆通"}},
		{[]string{"圆通", "顺丰"}, [i18n.NumLangs]string{"圆通或顺丰", "圆通或顺丰", "圆通 or 顺丰", "圆通 o 顺丰"}},
		{[]string{"YTO", "ZTO", "SF"}, [i18n.NumLangs]string{"YTO、ZTO或SF", "YTO、ZTO或SF", "YTO, ZTO or SF", "YTO, ZTO o SF"}},
		{[]string{"SF", "Oca"}, [i18n.NumLangs]string{"SF或Oca", "SF或Oca", "SF or Oca", "SF u Oca"}},
		{[]string{"SF", "Hornos"}, [i18n.NumLangs]string{"SF或Hornos", "SF或Hornos", "SF or Hornos", "SF u Hornos"}},
	}
	for _, c := range cases {
		for _, l := range i18n.Langs() {
			got := i18n.Render(l, nil, i18n.AskCarrier{Carriers: c.items, Default: "D"})
			assert.Contains(t, got, c.want[l], "%v in %s", c.items, l)
		}
	}
	assert.NotPanics(t, func() { i18n.Render(i18n.English, nil, i18n.AskCarrier{}) }, "no carriers")
}

// TestConcurrentFirstUse: goroutines rendering at once, the first of
// them building the catalog, race on nothing (run with -race).
func TestConcurrentFirstUse(t *testing.T) {
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			l := i18n.Lang(i % i18n.NumLangs)
			_ = i18n.Render(l, nil, i18n.BelowThreshold{Shortfall: 1})
			_ = i18n.Label(l, i18n.OrderRole, "team_leader")
			_ = i18n.MatchAccept("zh-TW", l)
		})
	}
	wg.Wait()
}

// TestRenderNil: a nil message renders as nothing.
func TestRenderNil(t *testing.T) {
	assert.Equal(t, "", i18n.Render(i18n.English, nil, nil))
}

// TestLabelsFitStaffLines: a decision's staff line separates its parts
// with "；" or "; ", so no label holds them — a reason's label read as two
// parts would be misread.
func TestLabelsFitStaffLines(t *testing.T) {
	for _, e := range i18n.Entries() {
		if e.Message {
			continue
		}
		for l, s := range e.Text {
			assert.NotContains(t, s, "；", "%s %s", e.Key, i18n.Lang(l))
			assert.NotContains(t, s, "; ", "%s %s", e.Key, i18n.Lang(l))
		}
	}
}
