package notes_test

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

func silentSpec(status order.Status) order.Spec {
	s := paidSpec()
	s.Silent = true
	s.Status = status
	if status == order.AwaitingPayment {
		s.PaidAt = time.Time{}
	}
	return s
}

// TestSilentO4Checklist pins rule O4 (with S2): a silent order is checked
// for the gift (reminder when the buyer is online, "send gift" note when
// offline), the postage (fix before payment, refund after) and the "you
// can pay now" message.
func TestSilentO4Checklist(t *testing.T) {
	gift := notes.Item{SKU: "GIFT-01", Quantity: 1}
	tests := []struct {
		name    string
		status  order.Status
		online  bool
		gift    notes.Item
		postage string
		want    notes.Tasks
		notes   []notes.Kind
	}{
		{"unpaid, online, gift and overcharge", order.AwaitingPayment, true, gift, "0",
			tasks(notes.RemindGift, notes.FixPostage, notes.TellCanPay), nil},
		{"unpaid, offline, gift", order.AwaitingPayment, false, gift, "10.00",
			tasks(notes.NoteSendGift, notes.TellCanPay), []notes.Kind{notes.KindGift}},
		{"paid, offline, gift and overcharge", order.AwaitingDispatch, false, gift, "0",
			tasks(notes.NoteSendGift, notes.RefundPostage), []notes.Kind{notes.KindGift, notes.KindRefund}},
		{"paid, nothing to do", order.AwaitingDispatch, true, notes.Item{}, "10.00", 0, nil},
		{"postage charged below policy is not an overcharge", order.AwaitingDispatch, true, notes.Item{}, "12.00", 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := mustOrder(silentSpec(tc.status))
			c, err := notes.CheckSilent(o, notes.SilentCheck{BuyerOnline: tc.online, Gift: tc.gift,
				Postage: decimal.RequireFromString(tc.postage), Author: author, At: t0})
			require.NoError(t, err)
			assert.Equal(t, tc.want.String(), c.Tasks.String())
			var kinds []notes.Kind
			for _, n := range c.Notes {
				require.NoError(t, n.Validate())
				kinds = append(kinds, n.Kind)
			}
			assert.Equal(t, tc.notes, kinds)
		})
	}
	// The refund note carries the exact overcharge.
	c, err := notes.CheckSilent(mustOrder(silentSpec(order.AwaitingDispatch)), notes.SilentCheck{
		Postage: decimal.RequireFromString("2.50"), Author: author, At: t0})
	require.NoError(t, err)
	assert.Equal(t, "7.50", c.Overcharge.StringFixed(2))
	require.Len(t, c.Notes, 1)
	assert.True(t, c.Notes[0].Amount.Equal(decimal.RequireFromString("7.5")))
}

func TestSilentGiftAlreadyAdded(t *testing.T) {
	s := silentSpec(order.AwaitingDispatch)
	s.Lines = append(s.Lines, order.Line{SKU: "GIFT-01", Quantity: 1, Gift: true})
	c, err := notes.CheckSilent(mustOrder(s), notes.SilentCheck{Gift: notes.Item{SKU: "gift-01", Quantity: 1},
		Postage: decimal.RequireFromString("10"), Author: author, At: t0})
	require.NoError(t, err)
	// "gift-01" is not "GIFT-01": SKUs are case-sensitive, so the note is
	// still due. The same SKU is recognised:
	assert.True(t, c.Tasks.Has(notes.NoteSendGift))
	c, err = notes.CheckSilent(mustOrder(s), notes.SilentCheck{Gift: notes.Item{SKU: "ＧＩＦＴ－０１", Quantity: 1},
		Postage: decimal.RequireFromString("10"), Author: author, At: t0})
	require.NoError(t, err)
	assert.Zero(t, c.Tasks)
}

// TestSilentCheckNotApplicable: an order that is not silent, or no longer
// open, needs no checklist (rule O4); that is an answer — the zero
// checklist — not an error, so a batch job runs the check over every order.
func TestSilentCheckNotApplicable(t *testing.T) {
	c, err := notes.CheckSilent(mustOrder(paidSpec()), notes.SilentCheck{})
	require.NoError(t, err, "not silent")
	assert.Zero(t, c.Tasks)
	assert.Empty(t, c.Notes)
	s := silentSpec(order.AwaitingDispatch)
	s.Status, s.ClosedAt = order.Closed, t0.Add(time.Hour)
	c, err = notes.CheckSilent(mustOrder(s), notes.SilentCheck{})
	require.NoError(t, err, "closed")
	assert.Zero(t, c.Tasks)
}

func TestSilentErrors(t *testing.T) {
	var err error
	o := mustOrder(silentSpec(order.AwaitingDispatch))
	_, err = notes.CheckSilent(o, notes.SilentCheck{Gift: notes.Item{SKU: "GIFT 01", Quantity: 1}, Author: author, At: t0})
	require.ErrorIs(t, err, order.ErrInvalidSKU)
	_, err = notes.CheckSilent(o, notes.SilentCheck{Gift: notes.Item{SKU: "G1", Quantity: 0}, Author: author, At: t0})
	require.ErrorIs(t, err, notes.ErrInvalidDetail)
	_, err = notes.CheckSilent(o, notes.SilentCheck{Postage: decimal.RequireFromString("-1"), Author: author, At: t0})
	require.ErrorIs(t, err, notes.ErrInvalidDetail)
	_, err = notes.CheckSilent(o, notes.SilentCheck{Postage: decimal.RequireFromString("0.001"), Author: author, At: t0})
	require.ErrorIs(t, err, notes.ErrInvalidDetail)
}

func tasks(ts ...notes.Task) notes.Tasks {
	var s notes.Tasks
	for _, t := range ts {
		s = s.With(t)
	}
	return s
}

// TestSilentNotesInShopLanguage pins rule O4 with rule N1: the notes the
// checklist prepares are written in the shop's language (a clerk must be
// able to read them at a glance), and the Task, not the sentence, is the
// stable code.
func TestSilentNotesInShopLanguage(t *testing.T) {
	o := mustOrder(silentSpec(order.AwaitingDispatch))
	in := notes.SilentCheck{Gift: notes.Item{SKU: "GIFT-01", Quantity: 1}, Postage: decimal.Zero, Author: author, At: t0}
	reasons := map[order.Lang][]string{}
	for _, lang := range order.Langs() {
		in.Lang = lang
		c, err := notes.CheckSilent(o, in)
		require.NoError(t, err)
		assert.Equal(t, tasks(notes.NoteSendGift, notes.RefundPostage), c.Tasks, "the codes do not depend on the language")
		require.Len(t, c.Notes, 2)
		for _, n := range c.Notes {
			require.NotEmpty(t, n.Reason)
			reasons[lang] = append(reasons[lang], n.Reason)
		}
	}
	assert.Contains(t, reasons[order.SimplifiedChinese][0], "赠品")
	assert.Contains(t, reasons[order.English][0], "gift")
	assert.Contains(t, reasons[order.English][1], "postage")
	assert.Contains(t, reasons[order.TraditionalChinese][0], "贈品")
	assert.Contains(t, reasons[order.Spanish][0], "regalo")
	assert.Contains(t, reasons[order.Spanish][1], "envío")
	for _, r := range reasons[order.English] {
		for _, c := range r {
			assert.Less(t, c, rune(0x3000), "an English shop gets no Chinese reason: %q", r)
		}
	}

	in.Lang = order.Lang(7)
	_, err := notes.CheckSilent(o, in)
	require.ErrorIs(t, err, notes.ErrUnknownEnum)
}

// TestSilentO4OneFenOvercharge pins rule O4 with rule S2 at the
// boundary: one fen too much postage is an overcharge, exactly as much is
// not.
func TestSilentO4OneFenOvercharge(t *testing.T) {
	o := mustOrder(silentSpec(order.AwaitingDispatch)) // 10.00 postage charged
	for _, tc := range []struct {
		policy string
		want   notes.Tasks
		over   string
	}{
		{"9.99", tasks(notes.RefundPostage), "0.01"},
		{"10.00", 0, "0.00"},
	} {
		c, err := notes.CheckSilent(o, notes.SilentCheck{Postage: decimal.RequireFromString(tc.policy), Author: author, At: t0})
		require.NoError(t, err)
		assert.Equal(t, tc.want, c.Tasks, tc.policy)
		assert.Equal(t, tc.over, c.Overcharge.StringFixed(2), tc.policy)
	}
}
