package textnorm_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/textnorm"
)

// TestIDOneSpellingPerPerson proves the identity rule: spellings of one
// person that a reader cannot tell apart become one ID, and spellings that
// hide characters are refused rather than cleaned (rule A3: nobody
// approves their own request under a look-alike ID).
func TestIDOneSpellingPerPerson(t *testing.T) {
	tests := []struct {
		reason string
		in     string
		want   string
		prob   textnorm.IDProblem
	}{
		{"canonical ASCII", "xiaomei", "xiaomei", textnorm.IDOK},
		{"full width folds", "ｘｉａｏｍｅｉ", "xiaomei", textnorm.IDOK},
		{"surrounding space trims", "  xiaomei ", "xiaomei", textnorm.IDOK},
		{"ideographic space trims", "\u3000李四\u3000", "李四", textnorm.IDOK},
		{"trailing tab trims", "李四\t", "李四", textnorm.IDOK},
		{"full-width digits fold", "ｔｂ＿８８１２", "tb_8812", textnorm.IDOK},
		{"case is kept", "XiaoMei", "XiaoMei", textnorm.IDOK},
		{"NFKC: ligature", "\ufb01sh", "fish", textnorm.IDOK},
		// Hostile: each would pass for xiaomei to a reader.
		{"hostile: zero-width space", "xiaomei\u200b", "", textnorm.IDInvisible},
		{"hostile: zero-width joiner inside", "xiao\u200dmei", "", textnorm.IDInvisible},
		{"hostile: soft hyphen", "xiao\u00admei", "", textnorm.IDInvisible},
		{"hostile: right-to-left override", "\u202exiaomei", "", textnorm.IDInvisible},
		{"hostile: isolate", "\u2066xiaomei\u2069", "", textnorm.IDInvisible},
		{"hostile: left-to-right mark", "xiaomei\u200e", "", textnorm.IDInvisible},
		{"hostile: BOM", "\ufeffxiaomei", "", textnorm.IDInvisible},
		{"hostile: variation selector", "xiaomei\ufe0f", "", textnorm.IDInvisible},
		{"hostile: combining grapheme joiner", "xiao\u034fmei", "", textnorm.IDInvisible},
		{"hostile: Hangul filler", "xiaomei\u3164", "", textnorm.IDInvisible},
		{"hostile: NUL", "xiaomei\x00", "", textnorm.IDInvisible},
		{"hostile: DEL", "xiaomei\x7f", "", textnorm.IDInvisible},
		{"hostile: inner space", "xiao mei", "", textnorm.IDSpace},
		{"hostile: inner double space", "李  四", "", textnorm.IDSpace},
		{"hostile: no-break space inside", "xiao\u00a0mei", "", textnorm.IDSpace},
		{"hostile: invalid UTF-8", "xiao\xffmei", "", textnorm.IDInvalidUTF8},
		{"empty", "", "", textnorm.IDEmpty},
		{"only space", " \u3000 ", "", textnorm.IDEmpty},
		{"64 bytes is the limit", strings.Repeat("a", 64), strings.Repeat("a", 64), textnorm.IDOK},
		{"65 bytes is too long", strings.Repeat("a", 65), "", textnorm.IDTooLong},
		{"hostile: a megabyte", strings.Repeat("a", 1<<20), "", textnorm.IDTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.reason, func(t *testing.T) {
			got, p := textnorm.ID(tc.in)
			assert.Equal(t, tc.prob, p)
			assert.Equal(t, tc.want, got)
			if p == textnorm.IDOK {
				again, p2 := textnorm.ID(got)
				assert.Equal(t, textnorm.IDOK, p2)
				assert.Equal(t, got, again, "canonical IDs are fixed points")
			}
		})
	}
}

func TestIDDoesNotAllocateForCanonicalASCII(t *testing.T) {
	allocs := testing.AllocsPerRun(100, func() { _, _ = textnorm.ID("tb_8812") })
	assert.Zero(t, allocs)
}
