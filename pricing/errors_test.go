package pricing_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
)

// TestSentinelsAreOrders proves pricing shares order's sentinels, so one
// errors.Is test covers every package.
func TestSentinelsAreOrders(t *testing.T) {
	assert.Same(t, order.ErrMissing, pricing.ErrMissing)
	assert.Same(t, order.ErrInvalidText, pricing.ErrInvalidText)
	assert.Same(t, order.ErrInvalidAmount, pricing.ErrInvalidAmount)
	assert.Same(t, order.ErrUnknownReason, pricing.ErrUnknownReason)

	_, good, _ := approved(t)
	_, err := good.SpentAt(time.Time{})
	assert.True(t, errors.Is(err, order.ErrMissing), "missing time matches order.ErrMissing: %v", err)
}

// TestErrorMessageClipsValue proves a hostile 300-byte value is quoted
// in the message cut to 120 bytes with "…", while Value keeps it whole.
func TestErrorMessageClipsValue(t *testing.T) {
	v := strings.Repeat("\x01", 300)
	e := &pricing.Error{Pkg: "pricing", Field: "field", Value: v, Err: pricing.ErrMissing}
	want := "pricing: field " + strconv.Quote(strings.Repeat("\x01", 120)+"…") + ": required"
	assert.Equal(t, want, e.Error())
	assert.Less(t, len(e.Error()), 520, "was 1,232 bytes before clipping")
	assert.Equal(t, v, e.Value)
	short := &pricing.Error{Pkg: "pricing", Field: "field", Value: "-1", Err: pricing.ErrMissing}
	assert.Equal(t, `pricing: field "-1": required`, short.Error())
}

// TestErrorsQuoteAmountsAsMoney: rule P7 — money is yuan with two
// decimals, and an error quotes an amount the caller gave as money,
// "25.00" for 25 as shipping and refund do, never decimal's "25"; an
// amount that is not exact fen is quoted as given, its digit below the
// fen in view, and a hostile exponent keeps its short form.
func TestErrorsQuoteAmountsAsMoney(t *testing.T) {
	lowGift := pricing.DefaultPolicy()
	lowGift.Limits.StoreManager.Gift = dec("25")
	for _, c := range []struct {
		reason string
		err    error
		want   string
	}{
		{"a negative amount of whole yuan", onlyErr(pricing.DefaultPolicy().Review(request(agent("a", order.InSales), unpaid(), pricing.Gift, "-25"),
			pricing.AgentUsage{}, pricing.OrderUsage{})), `pricing: amount "-25.00": invalid amount: must be more than zero`},
		{"one decimal", onlyErr(pricing.Erasable(dec("-3.5"))), `pricing: due "-3.50": invalid amount`},
		{"a difference equal to what was charged", onlyErr(pricing.NewDifference("T1", dec("25"), dec("25.0"))),
			`pricing: due "25.00": invalid amount: equals what was charged`},
		{"a policy amount below the role beneath it", lowGift.Validate(),
			`"25.00": invalid policy: below 50.00 of team_leader`},
		// Hostile: a digit below the fen stays visible, not rounded away.
		{"below the fen", onlyErr(pricing.Erasable(dec("49.505"))), `pricing: due "49.505": invalid amount`},
		{"a huge exponent", onlyErr(pricing.Erasable(dec("1e999"))), `pricing: due "1e999": invalid amount`},
	} {
		t.Run(c.reason, func(t *testing.T) {
			if assert.Error(t, c.err) {
				assert.Contains(t, c.err.Error(), c.want)
			}
		})
	}
}

func onlyErr[T any](_ T, err error) error { return err }
