package notes_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// TestQuickReplyN5NoSelfApprovalUnderALookAlike pins rule N5 with rule A3
// (the reliability issue's item 3): a team leader who wrote a quick reply
// cannot approve it under a look-alike of their own ID. Full-width, NFKC
// and padded spellings are the author; IDs with zero-width, soft-hyphen or
// direction characters are refused. Before the fix the approver's ID was
// compared byte for byte and every row was approved.
func TestQuickReplyN5NoSelfApprovalUnderALookAlike(t *testing.T) {
	author := order.Agent{ID: "xiaomei", Name: "小美", Role: order.TeamLeader}
	q, err := notes.NewQuickReplies([]notes.Reply{{Key: "promo.gift", Topic: notes.TopicPromotion, Text: "送小样", Author: author}})
	require.NoError(t, err)
	for _, tc := range []struct {
		id, reason string
		want       error
	}{
		{"xiaomei", "the author", notes.ErrNotAllowed},
		{"ｘｉａｏｍｅｉ", "full width folds to the author", notes.ErrNotAllowed},
		{"xiaomei ", "trailing space", notes.ErrNotAllowed},
		{"\u3000xiaomei", "ideographic space", notes.ErrNotAllowed},
		{"𝐱𝐢𝐚𝐨𝐦𝐞𝐢", "mathematical bold: NFKC folds it", notes.ErrNotAllowed},
		// hostile: invisible and direction characters are refused, not cleaned
		{"xiaomei\u200b", "zero-width space", notes.ErrInvalidText},
		{"xiao\u00admei", "soft hyphen", notes.ErrInvalidText},
		{"\u202exiaomei", "right-to-left override", notes.ErrInvalidText},
		{"xiao  mei", "a space inside", notes.ErrInvalidText},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			by := order.Agent{ID: tc.id, Name: "小美", Role: order.TeamLeader}
			got, err := q.Approve("promo.gift", by, t0)
			require.ErrorIs(t, err, tc.want, tc.reason)
			assert.Equal(t, q, got, "unchanged on error")
			// The same approval stored and read back is refused too.
			_, err = notes.NewQuickReplies([]notes.Reply{{Key: "promo.gift", Topic: notes.TopicPromotion, Text: "送小样",
				Author: author, ApprovedBy: by, ApprovedAt: t0}})
			require.ErrorIs(t, err, tc.want, tc.reason)
		})
	}
	// Someone else approves, and is stored canonical.
	q2, err := q.Approve("promo.gift", order.Agent{ID: " ｋｆ－ｂｏｓｓ", Name: "店长", Role: order.StoreManager}, t0)
	require.NoError(t, err)
	r, _, err := q2.Use("promo.gift")
	require.NoError(t, err)
	assert.Equal(t, "kf-boss", r.ApprovedBy.ID)
}

// TestHandOffN2SenderCannotAcknowledgeUnderAnySpelling pins rule N2 (the
// reliability issue's item 4): a hand-off must reach another person, so
// its sender cannot acknowledge it, whichever spelling of their ID either
// side uses. Before the fix SendHandOff kept From as given while
// Acknowledge normalised the name typed in, and each row was acknowledged.
func TestHandOffN2SenderCannotAcknowledgeUnderAnySpelling(t *testing.T) {
	p := notes.DefaultPolicy()
	for _, tc := range []struct {
		from, name, by, reason string
		want                   error
	}{
		{"李四 ", "李四", "李四 ", "trailing space on both", notes.ErrNotAllowed},
		{"李四", "李四", "李四 ", "trailing space typed in", notes.ErrNotAllowed},
		{"ｌｉｓｉ", "李四", "lisi", "full width sender", notes.ErrNotAllowed},
		{"lisi", "李四", "ｌｉｓｉ", "full width acknowledger", notes.ErrNotAllowed},
		{"kf-li", "李四", "李四", "the sender's name as the ID", notes.ErrNotAllowed},
		{"kf-li", "李  四", "李 四", "the sender's name with a double space", notes.ErrInvalidText},
		// hostile: look-alikes with invisible characters are refused
		{"lisi", "李四", "lisi\u200b", "zero-width space", notes.ErrInvalidText},
		{"lisi", "李四", "\u202elisi", "right-to-left override", notes.ErrInvalidText},
		{"lisi", "李四", "li  si", "double space", notes.ErrInvalidText},
	} {
		t.Run(tc.reason, func(t *testing.T) {
			h := financeHandOff()
			h.From = order.Agent{ID: tc.from, Name: tc.name, Role: order.PreSales}
			sent, _, err := p.SendHandOff(h)
			require.NoError(t, err)
			got, err := sent.Acknowledge(tc.by, t0.Add(time.Minute))
			require.ErrorIs(t, err, tc.want, tc.reason)
			assert.False(t, got.Acknowledged())
			// A hand-off stored without SendHandOff is compared
			// canonically all the same.
			h.Via = notes.ChannelsOf(notes.Phone)
			_, err = h.Acknowledge(tc.by, t0.Add(time.Minute))
			require.Error(t, err, tc.reason)
		})
	}
	// The sender's ID with an invisible character does not enter at all.
	h := financeHandOff()
	h.From.ID = "kf-b\u200b"
	_, _, err := p.SendHandOff(h)
	require.ErrorIs(t, err, notes.ErrInvalidText)
	var e *notes.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "handoff.from.id", e.Field)

	// A colleague acknowledges, stored canonical.
	sent, _, err := p.SendHandOff(financeHandOff())
	require.NoError(t, err)
	acked, err := sent.Acknowledge(" ｆｉｎ－ｃ ", t0.Add(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, "fin-c", acked.AckedBy)
}

// TestIdentitiesEnterCanonical: every ID that enters the package — note
// authors, promise makers, buyers and orders of promises, hand-off senders,
// reply authors and approvers — comes out in the canonical form of
// order.CanonicalID, so every later comparison is of canonical values.
func TestIdentitiesEnterCanonical(t *testing.T) {
	n := holdNote()
	n.Author.ID = "ｋｆ－ｌｉ "
	c, err := notes.NormalizeNote(n)
	require.NoError(t, err)
	assert.Equal(t, "kf-li", c.Author.ID)
	back, err := notes.ParseNote(c.String())
	require.NoError(t, err)
	assert.Equal(t, "kf-li", back.Author.ID)

	pr := openPromise(" p1", notes.CallBack, t0.Add(time.Hour))
	pr.BuyerID, pr.OrderID, pr.MadeBy.ID = "ｂｕｙｅｒ－ａ", "Ｔ1001 ", " kf-b"
	l, err := notes.NewLedger([]notes.Promise{pr})
	require.NoError(t, err)
	got, ok := l.Get("p1")
	require.True(t, ok)
	assert.Equal(t, [4]string{"p1", "buyer-a", "T1001", "kf-b"}, [4]string{got.ID, got.BuyerID, got.OrderID, got.MadeBy.ID})
	_, ok = l.Get("ｐ1")
	assert.True(t, ok, "a lookup applies the identity rule too")

	h := financeHandOff()
	h.From.ID = "ｋｆ－ｂ"
	sent, _, err := notes.DefaultPolicy().SendHandOff(h)
	require.NoError(t, err)
	assert.Equal(t, "kf-b", sent.From.ID)

	q, err := notes.NewQuickReplies([]notes.Reply{{Key: "a", Topic: notes.TopicParcel, Text: "x",
		Author: order.Agent{ID: "kf-b ", Role: order.PreSales}}})
	require.NoError(t, err)
	assert.Equal(t, "kf-b", q.Replies()[0].Author.ID)
}
