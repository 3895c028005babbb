package parcel

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

func replayed(t *testing.T) outcome {
	t.Helper()
	out, err := replay(io.Discard)
	require.NoError(t, err)
	require.Len(t, out.chases, 6, "six messages from the buyer")
	return out
}

// TestEveryChaseIsAnsweredAtOnce: whatever the situation, the first thing
// to do is answer the buyer, and the answer is there for her in every
// language (rule S8).
func TestEveryChaseIsAnsweredAtOnce(t *testing.T) {
	for _, c := range replayed(t).chases {
		assert.True(t, c.report.Actions.Has(shipping.AnswerAtOnce), "%s: %s", c.at, c.report.Situation)
		for _, l := range order.Langs() {
			assert.NotEmpty(t, c.report.Buyer(l), "%s: no answer in %s", c.at, l)
		}
	}
}

// TestTheParcelGoesThroughEverySituation pins the situations seed 002 §二
// names, in the order the buyer meets them (rules S7, S8): within the
// window, late, dispatched without tracking, stuck at the origin, stuck in
// her city, lost.
func TestTheParcelGoesThroughEverySituation(t *testing.T) {
	var got []shipping.Situation
	for _, c := range replayed(t).chases {
		got = append(got, c.report.Situation)
	}
	assert.Equal(t, []shipping.Situation{
		shipping.NotDispatched, shipping.LateDispatch, shipping.NoTrackingYet,
		shipping.StalledAtOrigin, shipping.StalledAtDestination, shipping.ParcelLost,
	}, got)
}

// TestOnlyTheLateDispatchIsTheShopsFault: rule S8 — a courier's delay is
// not the shop's fault; a dispatch past the promise is, and only then is
// the warehouse chased. Before outbound the order can still be held,
// after it only intercepted, and a lost parcel has nothing to stop: it is
// replaced (rule S7).
func TestOnlyTheLateDispatchIsTheShopsFault(t *testing.T) {
	for _, c := range replayed(t).chases {
		r := c.report
		late := r.Situation == shipping.LateDispatch
		assert.Equal(t, late, r.ShopAtFault, "%s", r.Situation)
		assert.Equal(t, late, r.Actions.Has(shipping.ChaseWarehouse), "%s", r.Situation)
		stop := shipping.Intercept
		switch {
		case r.Situation == shipping.NotDispatched || late:
			stop = shipping.Hold
		case r.Situation == shipping.ParcelLost:
			stop = shipping.StopUnknown
		}
		assert.Equal(t, stop, r.Stop, "%s", r.Situation)
	}
}

// TestCourierDelaysChaseTheCourierAndExplainThePromotion: rule S8 with
// S6 — no tracking and a stalled parcel are the courier's to answer for,
// and during Double 11 the buyer hears about the pressure on couriers.
func TestCourierDelaysChaseTheCourierAndExplainThePromotion(t *testing.T) {
	for _, c := range replayed(t).chases[2:5] {
		assert.True(t, c.report.Actions.Has(shipping.ChaseCourier), "%s", c.report.Situation)
		assert.True(t, c.report.Actions.Has(shipping.ExplainPromotion), "%s", c.report.Situation)
		assert.True(t, c.report.Reasons.Has(shipping.BigPromotion), "%s", c.report.Situation)
	}
}

// TestALostParcelIsReshippedWithAnApology: rule S8 — lost means reship and
// apologise; the reship is a promise checked against stock and the
// shipping policy (rule N3), kept by the replacement's outbound the next
// day (paid past the 16:00 cutoff, due the next day's end, rule S6).
func TestALostParcelIsReshippedWithAnApology(t *testing.T) {
	out := replayed(t)
	lost := out.chases[5].report
	assert.True(t, lost.Actions.Has(shipping.ReshipAndApologise))
	assert.True(t, lost.Reasons.Has(shipping.CourierReported))
	assert.Contains(t, lost.Buyer(order.TraditionalChinese), "補寄")

	assert.Equal(t, order.Allowed, out.reshipDecision.Verdict, out.reshipDecision.Staff(staff))
	assert.Equal(t, notes.Reship, out.reship.Kind)
	assert.Equal(t, at(11, 23, 23, 59).Add(59*time.Second), out.reship.Due)
	assert.Equal(t, notes.Kept, out.reship.State(at(11, 24, 0, 0), 0), "the replacement left in time")
}

// TestTheAnswerFollowsTheBuyersLanguage: order.MatchLang reads each
// message's Accept-Language — traditional Chinese from her phone (zh-HK),
// English from her laptop.
func TestTheAnswerFollowsTheBuyersLanguage(t *testing.T) {
	var got []order.Lang
	for _, c := range replayed(t).chases {
		got = append(got, c.lang)
	}
	h, en := order.TraditionalChinese, order.English
	assert.Equal(t, []order.Lang{h, h, h, en, h, h}, got)
}

func TestRunWritesTheStaffAndBuyerTexts(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Run(&b))
	assert.Contains(t, b.String(), "发货超时：店铺责任")
	assert.Contains(t, b.String(), "→ en      Your parcel hasn't left the dispatch city yet.")
}
