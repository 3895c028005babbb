package shipping

import (
	"reflect"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// TestFreeShippingDecisionFitsInRegisters: the decision is at most four
// fields of at most four words in all — what the compiler keeps in
// registers (its SSA form) from the rule to the caller's variable. A
// fifth field, or a wider one, sends every decision through memory
// again, as the seven-field decision did (issue 13,
// BenchmarkFreeShippingVsHandwritten: about three times the time).
func TestFreeShippingDecisionFitsInRegisters(t *testing.T) {
	typ := reflect.TypeFor[FreeShippingDecision]()
	assert.LessOrEqual(t, typ.NumField(), 4, "fields")
	assert.LessOrEqual(t, typ.Size(), 4*unsafe.Sizeof(uintptr(0)), "bytes")
	for i := range typ.NumField() {
		k := typ.Field(i).Type.Kind()
		assert.True(t, k >= reflect.Int && k <= reflect.Uint64, "field %s is a plain integer", typ.Field(i).Name)
	}
}

// TestFreeShippingHeadHoldsEveryValue: the packed head of a decision
// gives back every verdict, every reason a free-shipping decision gives
// (rules S1, S2, S3), every promotion index a valid policy has and every
// units shortfall a valid quantity threshold leaves, each alone and
// all at their largest together; past the ends of a valid policy it
// saturates rather than wraps.
func TestFreeShippingHeadHoldsEveryValue(t *testing.T) {
	for r := range freeReasons.All() {
		assert.Less(t, int(r), headReasonBits, "reason %s has a bit in the head", r)
	}
	for _, v := range []order.Verdict{order.VerdictUnknown, order.Allowed, order.NeedsApproval, order.Refused} {
		for _, rs := range []ReasonSet{0, freeReasons, ReasonSet(0).With(FreightCollect), ReasonSet(0).With(BelowThreshold)} {
			for _, promo := range []int{-1, 0, 1, maxPeriods - 1} {
				for _, units := range []int{0, 1, yuan.MaxQuantity} {
					h := packHead(v, rs, promo, units)
					d := FreeShippingDecision{head: h}
					if d.Verdict() != v || d.Reasons() != rs || d.Promotion() != promo || d.UnitsShort() != units {
						t.Fatalf("packed %s %s %d %d, got %s %s %d %d", v, rs, promo, units,
							d.Verdict(), d.Reasons(), d.Promotion(), d.UnitsShort())
					}
				}
			}
		}
	}
	var zero FreeShippingDecision
	assert.Equal(t, -1, zero.Promotion(), "the zero decision is the everyday rule's")
	assert.Equal(t, order.VerdictUnknown, zero.Verdict())

	// A policy that fails Validate may have more promotions, or a larger
	// quantity threshold, than the head has bits for.
	d := FreeShippingDecision{head: packHead(order.Refused, 0, 1<<40, 1<<40)}
	assert.Equal(t, headPromoMax, d.Promotion(), "saturates")
	assert.Equal(t, headUnitsMax, d.UnitsShort(), "saturates")
	assert.Equal(t, order.Refused, d.Verdict(), "and leaves the verdict as it was")
}
