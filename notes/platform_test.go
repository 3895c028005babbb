package notes_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// rule N1: the platform's seller memo becomes a Memo with its flag by the
// platform's number, its text kept byte for byte.
func TestTradeMemo(t *testing.T) {
	cases := []struct {
		reason string
		memo   string
		flag   int
		want   notes.Flag
		err    error
		field  string
	}{
		{"no memo, no flag", "", 0, notes.FlagNone, nil, ""},
		{"red", "顾客要求发顺丰", 1, notes.FlagRed, nil, ""},
		{"purple, the last flag", "x", 5, notes.FlagPurple, nil, ""},
		{"exactly 1000 bytes", strings.Repeat("备", 333) + "x", 3, notes.FlagGreen, nil, ""},
		{"a flag the platform does not have", "", 6, 0, notes.ErrUnknownFlag, "seller_flag"},
		{"hostile: a negative flag", "", -1, 0, notes.ErrUnknownFlag, "seller_flag"},
		{"1001 bytes", strings.Repeat("备", 333) + "xy", 0, 0, notes.ErrMemoTooLong, "seller_memo"},
		{"hostile: a megabyte", strings.Repeat("备", 1<<20), 0, 0, notes.ErrMemoTooLong, "seller_memo"},
		{"hostile: not UTF-8", "备\xff注", 2, 0, notes.ErrInvalidText, "seller_memo"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			m, err := notes.TradeMemo(order.Trade{SellerMemo: c.memo, SellerFlag: c.flag})
			if c.err != nil {
				require.ErrorIs(t, err, c.err)
				var e *notes.Error
				require.ErrorAs(t, err, &e)
				assert.Equal(t, c.field, e.Field)
				assert.Equal(t, "notes", e.Pkg)
				assert.Less(t, len(err.Error()), 300, "the message stays short")
				assert.Equal(t, notes.Memo{}, m)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, c.memo, m.Text(), "kept byte for byte")
			assert.Equal(t, c.want, m.Flag())
		})
	}
}

// rule N1: lines typed by hand on the platform stay text beside kefu's
// notes; a note appended later leaves them as they were.
func TestTradeMemoKeepsHandTypedLines(t *testing.T) {
	note, err := notes.NormalizeNote(holdNote())
	require.NoError(t, err)
	kefuLine := note.Format(order.SimplifiedChinese, cst)
	text := "顾客要求发顺丰，已补运费差价  \r\n" + kefuLine + "\n11/12 仓库说明天发"
	m, err := notes.TradeMemo(order.Trade{SellerMemo: text, SellerFlag: 4})
	require.NoError(t, err)
	ns, other := m.Notes()
	require.Len(t, ns, 1)
	assert.Equal(t, notes.KindHold, ns[0].Kind)
	assert.Equal(t, []string{"顾客要求发顺丰，已补运费差价  ", "11/12 仓库说明天发"}, other, "hand-typed lines are text, spaces and full-width punctuation kept")
	assert.True(t, m.SaysHeld(), "the hold note in the platform's memo counts")

	more, d, err := m.Append(refundNote(), order.SimplifiedChinese, cst)
	require.NoError(t, err)
	require.Equal(t, order.Allowed, d.Verdict)
	assert.True(t, strings.HasPrefix(more.Text(), text), "nothing already in the memo is rewritten")
	assert.Equal(t, notes.FlagGreen, more.Flag(), "the flag of the last note")
}

// Rule O4 and the trade states: a silent order is told it can pay, and
// its overcharged postage fixed before payment, only while the buyer can
// still pay (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY); a card payment being
// confirmed or a pre-authorised contract waits for the platform, so the
// overcharge is refunded instead.
func TestCheckSilentInEveryStateBeforePayment(t *testing.T) {
	for _, c := range []struct {
		status order.Status
		canPay bool
	}{
		{order.NoPaymentTrade, true},
		{order.AwaitingPayment, true},
		{order.PaymentPending, false},
		{order.AwaitingPreAuth, false},
	} {
		s := paidSpec()
		s.Status, s.PaidAt, s.Silent = c.status, time.Time{}, true
		o := mustOrder(s)
		cl, err := notes.CheckSilent(o, notes.SilentCheck{Postage: decimal.Zero, Author: author, At: t0})
		require.NoError(t, err, c.status.String())
		assert.Equal(t, c.canPay, cl.Tasks.Has(notes.TellCanPay), c.status.String())
		assert.Equal(t, c.canPay, cl.Tasks.Has(notes.FixPostage), c.status.String())
		assert.Equal(t, !c.canPay, cl.Tasks.Has(notes.RefundPostage), c.status.String())
	}
}

// A backend reads the memo of the trade record it received, keeps what
// agents typed on the platform, and appends kefu's notes after it.
func ExampleTradeMemo() {
	t, err := order.ParseTrade([]byte(`{"tid":"3890123456789012345","seller_flag":2,
		"seller_memo":"顾客要求发顺丰，已补运费差价","trade_from":"WAP,WAP"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	m, err := notes.TradeMemo(t)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, other := m.Notes()
	fmt.Println(m.Flag(), other)

	_, err = notes.TradeMemo(order.Trade{SellerFlag: 7})
	fmt.Println(err)
	// Output:
	// yellow [顾客要求发顺丰，已补运费差价]
	// notes: seller_flag "7": unknown flag: the platform's flags are 0 to 5
}
