package promises

import (
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

func replayed(t *testing.T) *week {
	t.Helper()
	k, err := replay(io.Discard)
	require.NoError(t, err)
	return k
}

func endOf(day int) time.Time { return at(day, 23, 59).Add(59 * time.Second) }

// TestClaimsAreCheckedBeforeTheyAreSaid: rule S6 — "today" stands before
// the 16:00 cutoff and is refused after it (the honest promise is
// tomorrow); an exact delivery date is refused twice over (rule S8).
func TestClaimsAreCheckedBeforeTheyAreSaid(t *testing.T) {
	c := replayed(t).claims
	require.Len(t, c, 6)
	assert.Equal(t, order.Allowed, c[0].Verdict, "xiaoyu paid 10:02: ships today")

	assert.Equal(t, order.Refused, c[1].Verdict, "bo paid 17:10: not today")
	assert.True(t, c[1].Reasons.Has(shipping.EarlierThanHonest))
	assert.Equal(t, shipping.ShipsTomorrow, c[1].Honest.Wording)
	assert.Equal(t, endOf(1), c[1].Honest.By)
	assert.Equal(t, order.Allowed, c[2].Verdict, "bo: tomorrow is honest")

	assert.Equal(t, order.Refused, c[3].Verdict, "anan: by Wednesday, delivered")
	assert.True(t, c[3].Reasons.Has(shipping.ExactDate))
	assert.True(t, c[3].Reasons.Has(shipping.DeliveryGuarantee))
}

// TestPromisesThatCannotBeKeptAreNotMade: rule N3 — earlier than the
// shipping policy allows, a delivery date, a gift real stock does not
// hold (rule O8).
func TestPromisesThatCannotBeKeptAreNotMade(t *testing.T) {
	r := replayed(t).refused
	require.Len(t, r, 3)
	assert.True(t, r[0].Reasons.Has(notes.EarlierThanPolicy), r[0].Staff(staff))
	assert.True(t, r[1].Reasons.Has(notes.ExactDeliveryDate), r[1].Staff(staff))
	assert.True(t, r[2].Reasons.Has(notes.OutOfStock), r[2].Staff(staff))
}

// TestRemindersGoOutOncePerDayToBuyersOnline: rule S10 — in the four
// hours before the cutoff, only to a buyer online, not twice a day.
func TestRemindersGoOutOncePerDayToBuyersOnline(t *testing.T) {
	assert.Equal(t, []string{"T1130002", "T1205010"}, replayed(t).reminded)
}

// TestTheThirdDayMustShip: rule O5 — yueyue, tried morning and evening
// and never reached, ships by the end of Wednesday; the morning round
// that forgot the SMS counts as missed.
func TestTheThirdDayMustShip(t *testing.T) {
	k := replayed(t)
	r := k.reviews["T1130006"]
	assert.Equal(t, 3, r.Day)
	assert.True(t, r.MustShip())
	assert.Equal(t, endOf(2), r.ShipBy)
	assert.Equal(t, 1, r.Missed)
	assert.True(t, r.Reasons.Has(order.SlowReviewShipDay))
	assert.Equal(t, order.AwaitingReceipt, k.orders["T1130006"].Status(), "it left")
}

// TestASingleItemOutOfStockHasNoShipDay: rule O5's exception — the one
// scarf is out of stock, so the review has no third-day must-ship.
func TestASingleItemOutOfStockHasNoShipDay(t *testing.T) {
	r := replayed(t).reviews["T1201008"]
	assert.True(t, r.Exempt)
	assert.True(t, r.ShipBy.IsZero())
	assert.False(t, r.MustShip())
	assert.True(t, r.Reached)
}

// TestPromisesKeptAndBroken: rule N3 — a dispatch promise is kept only by
// outbound evidence before its due time: picked goods leave it open, a
// parcel that leaves the next morning breaks it; a late call back and a
// promise given up are broken too (rules N3, N4, S7).
func TestPromisesKeptAndBroken(t *testing.T) {
	k := replayed(t)
	state := map[string]notes.PromiseState{}
	for _, p := range k.ledger.Promises() {
		state[p.ID] = p.State(at(6, 23, 0), 0)
	}
	assert.Equal(t, map[string]notes.PromiseState{
		"p-T1130001": notes.Kept, "p-T1130004": notes.Kept, "p-T1130005": notes.Kept,
		"p-T1201007": notes.Broken, "p-T1201008-call": notes.Broken, "p-T1204009": notes.Broken,
	}, state)
	he, ok := k.ledger.Get("p-T1201007")
	require.True(t, ok)
	assert.Equal(t, at(2, 10, 30), he.DoneAt, "settled by the outbound, not by the picking")
}

// TestSlowReviewIsToldByKefu: rule O5 (issue 14) — each slow review the
// agent looks at is printed as kefu words it (SlowReview.Staff: the day,
// the ship-by day, the channels still due, the rounds missed), the last
// one of the third day saying the order must ship today.
func TestSlowReviewIsToldByKefu(t *testing.T) {
	var out strings.Builder
	k, err := replay(&out)
	require.NoError(t, err)
	for id, r := range k.reviews {
		require.NotEmpty(t, r.Staff(staff), id)
		assert.Contains(t, out.String(), "slow review "+id, id)
		assert.Contains(t, out.String(), r.Staff(staff), id)
	}
	assert.Contains(t, k.reviews["T1130006"].Staff(staff), order.SlowReviewShipDay.Text(staff))
}
