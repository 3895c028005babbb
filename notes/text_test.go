package notes_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldenNotes is one note of every kind, with awkward text where it
// matters: separators and backslashes in free text, full-width input.
func goldenNotes() []struct {
	name string
	note notes.Note
} {
	exch := giftNote()
	exch.Kind, exch.SKU, exch.Quantity, exch.Reason = notes.KindExchange, "TS-001/L", 2, "尺码不合适 | 换大一号"
	fix := refundNote()
	fix.Kind, fix.Amount, fix.Reason = notes.KindPostageFix, decimal.RequireFromString("8.5"), `满99包邮,多收运费 \ 退差价`
	urgent := holdNote()
	urgent.Kind, urgent.Flag, urgent.Reason = notes.KindUrgent, notes.FlagPurple, "买家赶时间,优先发货"
	release := holdNote()
	release.Flag, release.Release, release.Reason = notes.FlagGreen, true, "财务已退款,重拍单已发,原单关闭前解除暂停"
	other := holdNote()
	other.Kind, other.Flag, other.Reason = notes.KindOther, notes.FlagNone, "买家要求发票抬头:杭州某公司"
	other.Author = order.Agent{ID: "kf-ana", Name: "Ana (turno B)", Role: order.StoreManager}
	return []struct {
		name string
		note notes.Note
	}{
		{"address_change", addressNote()},
		{"gift", giftNote()},
		{"exchange", exch},
		{"postage_fix", fix},
		{"refund", refundNote()},
		{"hold", holdNote()},
		{"release_hold", release},
		{"urgent", urgent},
		{"other", other},
	}
}

// TestFormatGolden pins the canonical text of each note kind in the four
// languages (rule N1: clear at a glance), and that each line parses back
// to the note. Refresh with -update.
func TestFormatGolden(t *testing.T) {
	for _, lang := range order.Langs() {
		var b strings.Builder
		for _, g := range goldenNotes() {
			n, err := notes.NormalizeNote(g.note)
			require.NoError(t, err, g.name)
			line := n.Format(lang, cst)
			b.WriteString(line)
			b.WriteByte('\n')
			back, err := notes.ParseNote(line)
			require.NoError(t, err, line)
			assert.True(t, back.Equal(n), "%s: parse(render(n)) != n:\n%+v\n%+v", g.name, back, n)
		}
		path := filepath.Join("testdata", "notes."+lang.String()+".golden")
		if *update {
			require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -update to create the golden file")
		assert.Equal(t, string(want), b.String())
	}
}

func TestFormatString(t *testing.T) {
	n, err := notes.NormalizeNote(addressNote())
	require.NoError(t, err)
	assert.Equal(t, "【改地址】旗:红 | 原因:买家搬家 | 新地址:张三,13812345678,浙江省,杭州市,西湖区,文三路12号3单元 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00", n.String())
	// Times are shown in the zone asked for and name the same instant.
	utc := n.Format(order.SimplifiedChinese, nil)
	assert.Contains(t, utc, "时间:2026-11-25 06:03:05 +00:00")
	back, err := notes.ParseNote(utc)
	require.NoError(t, err)
	assert.True(t, back.Equal(n))
}

// TestParseNoteAcceptsTypedVariants: clerks and agents type full-width
// colons, brackets and digits; the parsed note is the canonical one.
func TestParseNoteAcceptsTypedVariants(t *testing.T) {
	in := "【送赠品】 旗：黄 | 数量：１ | 货号：ＧＩＦＴ－０１ | 原因：静默下单,买家离线,补送赠品 | 经办：李四（售前） | 工号：ｋｆ－ｌｉ | 时间：2026-11-25 14:03:05 +08:00"
	got, err := notes.ParseNote(in)
	require.NoError(t, err)
	want, _ := notes.NormalizeNote(giftNote())
	assert.True(t, got.Equal(want), "%+v", got)
}

// TestParseNoteRejectsMalformed: malformed text, unknown flags and kinds
// and invalid UTF-8 are matchable errors.
func TestParseNoteRejectsMalformed(t *testing.T) {
	good := notes.Note.String
	base, _ := notes.NormalizeNote(holdNote())
	line := good(base)
	tests := []struct {
		name, in string
		err      error
	}{
		{"empty", "", notes.ErrSyntax},
		{"no kind header", "旗:红 | 原因:x", notes.ErrSyntax},
		{"unclosed header", "【暂停发货 旗:红", notes.ErrSyntax},
		{"unknown kind", strings.Replace(line, "暂停发货", "瞬移", 1), notes.ErrUnknownKind},
		{"unknown flag", strings.Replace(line, "旗:红", "旗:橙", 1), notes.ErrUnknownFlag},
		{"missing flag field", strings.Replace(line, "旗:红 | ", "", 1), notes.ErrSyntax},
		{"unknown field", line + " | 颜色:红", notes.ErrSyntax},
		{"field twice", line + " | 原因:again", notes.ErrSyntax},
		{"field without colon", line + " | 嗯", notes.ErrSyntax},
		{"bad escape", strings.Replace(line, "原单不发", `原单\n不发`, 1), notes.ErrSyntax},
		{"dangling backslash", strings.Replace(line, "原单不发", `原单不发\`, 1), notes.ErrSyntax},
		{"bad time", strings.Replace(line, "2026-11-25", "2026-13-25", 1), notes.ErrSyntax},
		{"unknown role", strings.Replace(line, "(售前)", "(老板)", 1), notes.ErrSyntax},
		{"author without role", strings.Replace(line, "(售前)", "", 1), notes.ErrSyntax},
		{"missing reason", strings.Replace(line, "原因:退款重拍,原单不发 | ", "", 1), notes.ErrMissing},
		{"bad quantity", "【送赠品】旗:黄 | 原因:x | 货号:A1 | 数量:一 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00", notes.ErrSyntax},
		{"zero quantity", "【送赠品】旗:黄 | 原因:x | 货号:A1 | 数量:0 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00", notes.ErrInvalidDetail},
		{"gift without SKU", "【送赠品】旗:黄 | 原因:x | 数量:1 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00", notes.ErrInvalidDetail},
		{"bad amount", "【退款】旗:绿 | 原因:x | 金额:十二 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00", notes.ErrSyntax},
		{"exponent amount", "【退款】旗:绿 | 原因:x | 金额:1e3 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00", notes.ErrSyntax},
		{"incomplete address", "【改地址】旗:红 | 原因:x | 新地址:张三,138,浙江省,杭州市,,文三路 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00", notes.ErrInvalidDetail},
		{"address not six parts", "【改地址】旗:红 | 原因:x | 新地址:文三路14号 | 经办:李四(售前) | 工号:kf-li | 时间:2026-11-25 14:03:05 +08:00", notes.ErrInvalidDetail},
		// hostile: invalid UTF-8
		{"invalid UTF-8", "【暂停发货】旗:红 | 原因:\xff", notes.ErrInvalidText},
		// hostile: a header in one language and labels in the other
		{"mixed languages", "[hold] 旗:红 | 原因:x", notes.ErrSyntax},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := notes.ParseNote(tc.in)
			require.ErrorIs(t, err, tc.err)
			var e *notes.Error
			require.ErrorAs(t, err, &e)
		})
	}
}

// TestParseLegacyEnglish: the English line kefu wrote before it spoke
// four languages, whose words were the codes ([address_change]
// flag:red | … | by:李四 (pre_sales)), still reads back to the same notes,
// so memos written then keep their meaning.
func TestParseLegacyEnglish(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "legacy.en.txt"))
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	gs := goldenNotes()
	require.Len(t, lines, len(gs))
	for i, g := range gs {
		want, err := notes.NormalizeNote(g.note)
		require.NoError(t, err)
		got, err := notes.ParseNote(lines[i])
		require.NoError(t, err, lines[i])
		assert.True(t, got.Equal(want), "%s: %+v", g.name, got)
	}
	// One line is in one vocabulary: legacy words with new labels are not
	// a note.
	_, err = notes.ParseNote("[hold] Flag:Red | Reason:x | By:李四 (Pre-sales) | Staff ID:kf-li | Time:2026-11-25 14:03:05 +08:00")
	require.ErrorIs(t, err, notes.ErrSyntax)
}

// TestFieldText: the note line's fields have stable names and a label in
// each language, the one the line writes.
func TestFieldText(t *testing.T) {
	want := []string{"flag", "reason", "address", "sku", "quantity", "amount", "author", "staff_id", "at"}
	var got []string
	for _, f := range notes.Fields() {
		b, err := f.MarshalText()
		require.NoError(t, err)
		var back notes.Field
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, f, back)
		got = append(got, string(b))
	}
	assert.Equal(t, want, got, "the names never change once released")
	var f notes.Field
	require.ErrorIs(t, f.UnmarshalText([]byte("colour")), notes.ErrUnknownEnum)
	_, err := notes.Field(99).MarshalText()
	require.ErrorIs(t, err, notes.ErrUnknownEnum)
	assert.Equal(t, "原因", notes.FieldReason.Text(order.SimplifiedChinese))
	assert.Equal(t, "貨號", notes.FieldSKU.Text(order.TraditionalChinese))
	assert.Equal(t, "Staff ID", notes.FieldStaffID.Text(order.English))
	assert.Equal(t, "Motivo", notes.FieldReason.Text(order.Spanish))
}

func TestFormatInvalidTimeYears(t *testing.T) {
	n := holdNote()
	n.At = time.Date(12000, 1, 1, 0, 0, 0, 0, time.UTC)
	require.ErrorIs(t, n.Validate(), notes.ErrInvalidTime)
}

// TestFormatZoneWithSecondsOffset: a zone whose offset has seconds (a
// historical local mean time) cannot be written as ±hh:mm; the note is
// written in UTC instead, so the text still names the same instant.
func TestFormatZoneWithSecondsOffset(t *testing.T) {
	odd := time.FixedZone("LMT", -(44*60 + 30))
	n, err := notes.NormalizeNote(holdNote())
	require.NoError(t, err)
	line := n.Format(order.English, odd)
	assert.Contains(t, line, "Time:2026-11-25 06:03:05 +00:00")
	back, err := notes.ParseNote(line)
	require.NoError(t, err)
	assert.True(t, back.Equal(n), "same instant: %v vs %v", back.At, n.At)
}

// TestLineVocabulary pins what keeps the note line lossless in every
// language it writes (rule N1): each word of the line — a kind or the
// release header, a flag, a role, a field label, in each of the four
// languages and in the legacy English line — names one code only, across
// all of them, so a line read as another language that shares its words
// (simplified and traditional Chinese share 改地址, 原因 …) is the same note;
// and no word holds the line's punctuation or changes under the
// normalisation ParseNote applies first.
func TestLineVocabulary(t *testing.T) {
	type use struct{ what, code string }
	seen := map[string]use{}
	add := func(what, code, word string) {
		t.Helper()
		require.NotEmpty(t, word, "%s %s", what, code)
		norm, ok := textnorm.Line(word)
		assert.True(t, ok && norm == word, "%s %s: %q changes under normalisation (%q)", what, code, word, norm)
		assert.False(t, strings.ContainsAny(word, "|\\:()[]【】"), "%s %s: %q holds the line's punctuation", what, code, word)
		key := what + "\x00" + word
		if u, dup := seen[key]; dup {
			assert.Equal(t, u.code, code, "%s %q names both %s and %s", what, word, u.code, code)
		}
		seen[key] = use{what, code}
	}
	for _, l := range order.Langs() {
		for _, k := range notes.Kinds() {
			add("header", k.String(), k.Text(l))
		}
		add("header", "release", order.Release.Text(l))
		for _, f := range notes.Flags() {
			add("flag", f.String(), f.Text(l))
		}
		for _, r := range order.Roles() {
			add("role", r.String(), r.Text(l))
		}
		for _, f := range notes.Fields() {
			add("field", f.String(), f.Text(l))
		}
	}
	// The legacy English line's words are the codes.
	for _, k := range notes.Kinds() {
		add("header", k.String(), k.String())
	}
	add("header", "release", "release_hold")
	for _, f := range notes.Flags() {
		add("flag", f.String(), f.String())
	}
	for _, r := range order.Roles() {
		add("role", r.String(), r.String())
	}
	legacy := []string{"flag", "reason", "address", "sku", "qty", "amount", "by", "staff_id", "at"}
	for i, f := range notes.Fields() {
		add("field", f.String(), legacy[i])
	}
}

// TestParseNoteTypedVariantsEveryLanguage: a line typed by hand in any
// language — full-width colons and brackets, full-width digits — reads
// as the note kefu wrote.
func TestParseNoteTypedVariantsEveryLanguage(t *testing.T) {
	want, err := notes.NormalizeNote(giftNote())
	require.NoError(t, err)
	for _, lang := range order.Langs() {
		line := want.Format(lang, cst)
		typed := strings.NewReplacer(":", "：", "(", "（", ")", "）", "[", "［", "]", "］", "1", "１").Replace(line)
		got, err := notes.ParseNote(typed)
		require.NoError(t, err, typed)
		assert.True(t, got.Equal(want), "%s: %+v", lang, got)
	}
}
