package notes_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// TestMemoAppendNeverRewrites pins rule N1 for the memo: appending keeps
// every earlier byte, hand-written text included, and adds one line.
func TestMemoAppendNeverRewrites(t *testing.T) {
	m, err := notes.NewMemo("老客户 回购  多送小样", notes.FlagBlue)
	require.NoError(t, err)
	before := m.Text()
	m2, _, err := m.Append(addressNote(), order.SimplifiedChinese, cst)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(m2.Text(), before+"\n"), "earlier text kept byte for byte")
	assert.Equal(t, notes.FlagRed, m2.Flag(), "the memo takes the flag of the last note")
	m3, _, err := m2.Append(giftNote(), order.SimplifiedChinese, cst)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(m3.Text(), m2.Text()+"\n"))
	assert.Equal(t, before, m.Text(), "Append returns a new memo; the old one is unchanged")

	ns, other := m3.Notes()
	require.Len(t, ns, 2)
	assert.Equal(t, notes.KindAddressChange, ns[0].Kind)
	assert.Equal(t, notes.KindGift, ns[1].Kind)
	assert.Equal(t, []string{"老客户 回购  多送小样"}, other)
}

// TestMemoLimitIsBytesNotCharacters pins the platform limit: 1000 bytes
// of UTF-8 (a Chinese character is 3 bytes). A note that would take the
// memo past it is refused — a decision (memo_full), not an error, since a
// full memo is an outcome the console shows the agent — and nothing is
// cut (rule N1).
func TestMemoLimitIsBytesNotCharacters(t *testing.T) {
	line, err := notes.NormalizeNote(holdNote())
	require.NoError(t, err)
	n := len(line.String())
	// Fill the memo so that exactly the note and its newline still fit.
	fill := strings.Repeat("备", (notes.MemoLimit-n-1)/3)
	fill += strings.Repeat("x", notes.MemoLimit-n-1-len(fill))
	m, err := notes.NewMemo(fill, notes.FlagNone)
	require.NoError(t, err)
	full, d, err := m.Append(holdNote(), order.SimplifiedChinese, cst)
	require.NoError(t, err)
	assert.Equal(t, notes.Decision{Verdict: order.Allowed}, d)
	assert.Equal(t, notes.MemoLimit, full.Len(), "1000 bytes exactly fit")
	assert.Equal(t, 0, full.Room())

	// One byte more and the note no longer fits.
	m, err = notes.NewMemo(fill+"x", notes.FlagNone)
	require.NoError(t, err)
	assert.Equal(t, n, m.Room())
	got, d, err := m.Append(holdNote(), order.SimplifiedChinese, cst)
	require.NoError(t, err, "a full memo is a decision, not an error")
	assert.Equal(t, order.Refused, d.Verdict)
	assert.Equal(t, []notes.Reason{notes.MemoFull}, d.Reasons.Values())
	assert.Equal(t, m, got, "the memo is unchanged")
	got, d, err = notes.DefaultPolicy().AppendNote(m, holdNote())
	require.NoError(t, err)
	assert.Equal(t, order.Refused, d.Verdict)
	assert.Equal(t, m, got)

	// A 1001-byte memo from the platform is refused, whatever its
	// character count (334 Chinese characters = 1002 bytes).
	_, err = notes.NewMemo(strings.Repeat("x", 1001), notes.FlagNone)
	require.ErrorIs(t, err, notes.ErrMemoTooLong)
	_, err = notes.NewMemo(strings.Repeat("备", 334), notes.FlagNone)
	require.ErrorIs(t, err, notes.ErrMemoTooLong)
	_, err = notes.NewMemo(strings.Repeat("备", 333), notes.FlagNone)
	require.NoError(t, err)
}

func TestMemoRejectsBadInput(t *testing.T) {
	_, err := notes.NewMemo("\xff", notes.FlagNone)
	require.ErrorIs(t, err, notes.ErrInvalidText)
	_, err = notes.NewMemo("", notes.Flag(6))
	require.ErrorIs(t, err, notes.ErrUnknownFlag)
	// An invalid note is not appended.
	var m notes.Memo
	bad := giftNote()
	bad.SKU = ""
	got, _, err := m.Append(bad, order.SimplifiedChinese, cst)
	require.ErrorIs(t, err, notes.ErrInvalidDetail)
	assert.Equal(t, m, got)
	assert.Equal(t, "", got.Text())
}

func TestMemoHeldAndUrgent(t *testing.T) {
	var m notes.Memo
	assert.False(t, m.SaysHeld())
	m, _, err := m.Append(giftNote(), order.English, cst)
	require.NoError(t, err)
	assert.False(t, m.SaysHeld())
	m, _, err = m.Append(holdNote(), order.SimplifiedChinese, cst)
	require.NoError(t, err)
	assert.True(t, m.SaysHeld(), "a hold note in either language holds the order")
	assert.False(t, m.Urgent())
	u := holdNote()
	u.Kind = notes.KindUrgent
	m, _, err = m.Append(u, order.SimplifiedChinese, cst)
	require.NoError(t, err)
	assert.True(t, m.Urgent())
}

func TestPolicyAppendNote(t *testing.T) {
	p := notes.DefaultPolicy()
	p.Lang, p.Zone = order.English, "+00:00"
	m, _, err := p.AppendNote(notes.Memo{}, holdNote())
	require.NoError(t, err)
	assert.Equal(t, "[Hold] Flag:Red | Reason:退款重拍,原单不发 | By:李四 (Pre-sales) | Staff ID:kf-li | Time:2026-11-25 06:03:05 +00:00", m.Text())
	p.Zone = "nowhere"
	got, _, err := p.AppendNote(m, holdNote())
	require.ErrorIs(t, err, notes.ErrInvalidPolicy)
	assert.Equal(t, m, got)
}

// TestMemoReleaseLiftsHold pins rule N3 for an append-only memo: a hold
// is lifted by a later release note, and held again by a later hold; the
// last hold note in memo order decides.
func TestMemoReleaseLiftsHold(t *testing.T) {
	release := holdNote()
	release.Release, release.Reason = true, "财务已退款,恢复发货"
	steps := []struct {
		reason string
		note   notes.Note
		held   bool
	}{
		{"a hold holds", holdNote(), true},
		{"a release lifts it", release, false},
		{"an unrelated note changes nothing", giftNote(), false},
		{"a second hold holds again", holdNote(), true},
	}
	var m notes.Memo
	for _, s := range steps {
		var err error
		m, _, err = m.Append(s.note, order.SimplifiedChinese, cst)
		require.NoError(t, err, s.reason)
		assert.Equal(t, s.held, m.SaysHeld(), s.reason)
	}
	assert.Contains(t, m.Text(), "【恢复发货】", "a release has its own header, never read as a hold")
}

// TestMemoAppendAfterTrailingNewline: a memo from the platform that ends
// with a line break gets the note on the next line, not after an empty
// one; the earlier text is kept byte for byte (rule N1).
func TestMemoAppendAfterTrailingNewline(t *testing.T) {
	m, err := notes.NewMemo("手写备注\n", notes.FlagNone)
	require.NoError(t, err)
	got, _, err := m.Append(holdNote(), order.SimplifiedChinese, cst)
	require.NoError(t, err)
	h, err := notes.NormalizeNote(holdNote())
	require.NoError(t, err)
	assert.Equal(t, "手写备注\n"+h.String(), got.Text())
}
