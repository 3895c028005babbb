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

// TestSeedCase1RefundAndReorder replays seed 000, case 1, step by step
// (rule N1, rule N2, rule N3, rule N6, rule R1): a silent order that qualified for free
// shipping was charged postage; the agent had the buyer refund and
// reorder and left a note for finance, but finance was away and never
// refunded, and the warehouse shipped both orders. With kefu each gap
// that let it happen is closed.
func TestSeedCase1RefundAndReorder(t *testing.T) {
	p := notes.DefaultPolicy()
	agent := agentB
	by := agent
	s := paidSpec()
	s.Silent = true
	orig := mustOrder(s) // paid, 10.00 postage charged

	// Step 1: the silent-order check finds the overcharge (rule O4, rule S2).
	c, err := notes.CheckSilent(orig, notes.SilentCheck{Postage: decimal.Zero, Author: by, At: t0})
	require.NoError(t, err)
	require.True(t, c.Tasks.Has(notes.RefundPostage))
	assert.Equal(t, "10.00", c.Overcharge.StringFixed(2))

	// Step 2: refund-and-reorder. The original is held — its status is
	// the truth — and the hold note the warehouse cannot misread follows
	// from the event; the refund note names the amount (rule N1).
	heldOrig, holdNote, err := notes.ApplyHold(*orig, order.Hold, notes.FlagRed, "退款重拍,买家已重拍T1002,原单不发", by, t0)
	require.NoError(t, err)
	require.Equal(t, order.Held, heldOrig.Status())
	var memo notes.Memo
	memo, _, err = memo.Append(holdNote, order.SimplifiedChinese, cst)
	require.NoError(t, err)
	memo, _, err = memo.Append(notes.Note{Flag: notes.FlagRed, Kind: notes.KindRefund,
		Reason: "退款重拍,原单全额退款", Amount: decimal.RequireFromString("109.00"), Author: by, At: t0}, order.SimplifiedChinese, cst)
	require.NoError(t, err)
	assert.True(t, memo.SaysHeld())
	assert.True(t, memo.HoldAgrees(heldOrig.Status()))
	ns, _ := memo.Notes()
	require.Len(t, ns, 2)
	assert.Equal(t, "109.00", ns[1].Amount.StringFixed(2))

	// Step 3: what went wrong in the seed — a chat message to finance,
	// who was away. Refused: urgent + away needs a phone call (rule N2).
	toFinance := notes.HandOff{ID: "h-fin", OrderID: "T1001", From: agent, To: notes.ToDepartment(order.Finance),
		Urgency: notes.Urgently, Subject: "原单T1001退款109.00(退款重拍)", Via: notes.ChannelsOf(notes.Chat),
		Away: true, SentAt: t0}
	_, d, err := p.SendHandOff(toFinance)
	require.NoError(t, err)
	require.True(t, d.Reasons.Has(notes.PhoneRequired))

	// The agent calls.
	toFinance.Via = toFinance.Via.With(notes.Phone)
	fin, d, err := p.SendHandOff(toFinance)
	require.NoError(t, err)
	require.True(t, d.Verdict == order.Allowed)

	// Step 4: the warehouse gets a hand-off with a choice for each way the
	// uncertain factor can turn out (rule N6).
	toWarehouse := notes.HandOff{ID: "h-wh", OrderID: "T1001", From: agent, To: notes.ToDepartment(order.Warehouse),
		Urgency: notes.Urgently, Subject: "T1001拦截不发", Via: notes.ChannelsOf(notes.Chat), SentAt: t0,
		Options: []notes.Option{{Factor: "T1001是否已出库", Choices: []notes.Choice{
			{If: "未出库", Then: "拦截,不要发货"},
			{If: "已出库", Then: "提供出库记录和底单重量,联系快递拦截"},
		}}}}
	wh, d, err := p.SendHandOff(toWarehouse)
	require.NoError(t, err)
	require.True(t, d.Verdict == order.Allowed, "the warehouse clerk is at the desk: chat is enough")

	// The refund is a promise to the buyer (rule R6, rule N3).
	l, err := notes.NewLedger(nil)
	require.NoError(t, err)
	l, err = l.Add(notes.Promise{ID: "pr-refund", Kind: notes.RefundBy, BuyerID: "buyer-a", OrderID: "T1001",
		Due: t0.Add(24 * time.Hour), MadeBy: agent, MadeAt: t0})
	require.NoError(t, err)

	// Step 5: 40 minutes later the warehouse has acknowledged, finance has
	// not: the finance hand-off surfaces as overdue at once, not two days
	// later when the buyer complains.
	wh, err = wh.Acknowledge("仓库D", t0.Add(5*time.Minute))
	require.NoError(t, err)
	now := t0.Add(40 * time.Minute)
	over := notes.OverdueHandOffs([]notes.HandOff{fin, wh}, now)
	require.Len(t, over, 1)
	assert.Equal(t, "h-fin", over[0].ID)

	// Step 6: finance acknowledges and refunds; the promise is kept; no
	// promise is overdue the next day.
	fin, err = fin.Acknowledge("财务C", t0.Add(45*time.Minute))
	require.NoError(t, err)
	assert.Empty(t, notes.OverdueHandOffs([]notes.HandOff{fin, wh}, t0.Add(48*time.Hour)))
	l, kept, err := l.Fulfil("pr-refund", notes.Fulfilment{At: t0.Add(time.Hour)})
	require.NoError(t, err)
	assert.Equal(t, notes.Kept, kept.State(t0.Add(48*time.Hour), time.Hour))
	assert.Empty(t, l.Overdue(t0.Add(48*time.Hour)))
}

// TestSeedCase1WithoutAcknowledgementIsOverdue pins rule N2 in the seed's
// failure mode: a note alone is not a hand-off; until someone
// acknowledges, the hand-off is overdue and the refund promise too.
func TestSeedCase1WithoutAcknowledgementIsOverdue(t *testing.T) {
	p := notes.DefaultPolicy()
	fin, _, err := p.SendHandOff(notes.HandOff{ID: "h", OrderID: "T1001", From: agentB,
		To: notes.ToDepartment(order.Finance), Urgency: notes.Routine, Subject: "原单退款",
		Via: notes.ChannelsOf(notes.Chat), Away: true, SentAt: t0})
	require.NoError(t, err)
	tr, err := notes.NewTracker([]notes.Promise{{ID: "pr", Kind: notes.RefundBy, BuyerID: "buyer-a",
		OrderID: "T1001", Due: t0.Add(24 * time.Hour), MadeBy: agentB, MadeAt: t0}})
	require.NoError(t, err)
	twoDays := t0.Add(48 * time.Hour)
	assert.True(t, fin.Overdue(twoDays))
	require.Len(t, tr.Overdue(twoDays), 1)
}
