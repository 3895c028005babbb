package refund_test

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

func TestDefaultPolicy(t *testing.T) {
	p := refund.DefaultPolicy()
	require.NoError(t, p.Validate())
	assert.Equal(t, 168*time.Hour, time.Duration(p.ReturnWindow), "rule R3: 168 hours")
	assert.Equal(t, refund.Taobao, p.Marketplace)
	assert.Equal(t, 20, p.Batch.MaxRefunds)
	decEq(t, "6000.00", p.Batch.MaxAmount)
	tm := refund.PlatformBatchCap(refund.Tmall)
	assert.Equal(t, 30, tm.MaxRefunds)
	decEq(t, "10000.00", tm.MaxAmount)
	assert.Zero(t, refund.PlatformBatchCap(0))
}

// TestPolicyValidate: every field out of range is named.
func TestPolicyValidate(t *testing.T) {
	cases := []struct {
		field string
		edit  func(*refund.Policy)
	}{
		{"zone", func(p *refund.Policy) { p.Zone = "Mars/Olympus" }},
		{"return_window", func(p *refund.Policy) { p.ReturnWindow = order.Duration(167 * time.Hour) }}, // shorter than the law's seven days
		{"return_window", func(p *refund.Policy) { p.ReturnWindow = order.Duration(91 * 24 * time.Hour) }},
		{"weight_tolerance_percent", func(p *refund.Policy) { p.WeightTolerance = 0 }},
		{"weight_tolerance_percent", func(p *refund.Policy) { p.WeightTolerance = 34 }}, // one parcel and two would overlap
		{"marketplace", func(p *refund.Policy) { p.Marketplace = 0 }},
		{"batch.max_refunds", func(p *refund.Policy) { p.Batch.MaxRefunds = 21 }}, // above Taobao's 20
		{"batch.max_refunds", func(p *refund.Policy) { p.Batch.MaxRefunds = 0 }},
		{"batch.max_amount", func(p *refund.Policy) { p.Batch.MaxAmount = dec("6000.01") }},
		{"batch.max_amount", func(p *refund.Policy) { p.Batch.MaxAmount = dec("0.001") }},
		{"batch.max_amount", func(p *refund.Policy) { p.Batch.MaxAmount = decimal.Zero }},
		{"refund_within", func(p *refund.Policy) { p.RefundWithin = order.Duration(169 * time.Hour) }}, // beyond the platform's seven days
		{"refund_within", func(p *refund.Policy) { p.RefundWithin = 0 }},
		{"exchange_return_within", func(p *refund.Policy) { p.ExchangeReturnWithin = order.Duration(time.Hour) }},
		{"approval.above", func(p *refund.Policy) { p.Approval.Above = dec("-1") }},
		{"approval.above", func(p *refund.Policy) { p.Approval.Above = dec("0.001") }},
		{"approval.approver", func(p *refund.Policy) { p.Approval.Approver = order.AfterSales }}, // no one below the team leader approves (rule A3)
	}
	for _, c := range cases {
		t.Run(c.field, func(t *testing.T) {
			p := refund.DefaultPolicy()
			c.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, refund.ErrInvalidPolicy)
			var e *refund.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			_, err = p.SplitBatch(nil)
			require.ErrorIs(t, err, refund.ErrInvalidPolicy, "methods validate first")
		})
	}
	p := refund.DefaultPolicy()
	p.Marketplace, p.Batch = refund.Tmall, refund.PlatformBatchCap(refund.Tmall)
	require.NoError(t, p.Validate(), "Tmall's caps on Tmall")
}

// TestPolicyJSON decodes a shop's file over the defaults, strictly.
func TestPolicyJSON(t *testing.T) {
	p := refund.DefaultPolicy()
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.JSONEq(t, `{"zone":"+08:00","return_window":"168h0m0s","deduct_postage_below_threshold":true,`+
		`"weight_tolerance_percent":20,"marketplace":"taobao","batch":{"max_refunds":20,"max_amount":"6000.00"},`+
		`"refund_within":"24h0m0s","exchange_return_within":"168h0m0s",`+
		`"approval":{"above":"500.00","before_return":true,"approver":"team_leader"}}`, string(b))
	var back refund.Policy
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, string(b), jsonOf(t, back))

	shop := refund.DefaultPolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"marketplace":"tmall","batch":{"max_refunds":30},"return_window":"360h"}`), &shop))
	require.NoError(t, shop.Validate())
	assert.Equal(t, refund.Tmall, shop.Marketplace)
	assert.Equal(t, 30, shop.Batch.MaxRefunds)
	decEq(t, "6000.00", shop.Batch.MaxAmount, "a field the file leaves out keeps its default")
	assert.Equal(t, 15*24*time.Hour, time.Duration(shop.ReturnWindow))

	cases := []struct {
		reason, in string
		want       error
		field      string
	}{
		{"a misspelled field", `{"return_windw":"200h"}`, refund.ErrUnknownField, "return_windw"},
		{"a misspelled nested field", `{"batch":{"max_amount":"1.00","max_refund":3}}`, refund.ErrUnknownField, "max_refund"},
		{"a window that is no duration", `{"return_window":"seven days"}`, refund.ErrInvalidPolicy, "return_window"},
		{"an unknown marketplace", `{"marketplace":"jd"}`, refund.ErrUnknownCode, "marketplace"},
		{"three decimals", `{"batch":{"max_amount":"6000.005"}}`, refund.ErrInvalidAmount, "batch.max_amount"},
		{"a thousand digits", `{"batch":{"max_amount":"` + strings.Repeat("6", 1000) + `"}}`, refund.ErrInvalidAmount, "batch.max_amount"},
		{"a megabyte", `{"batch":{"max_amount":"` + strings.Repeat("6", 1<<20) + `"}}`, refund.ErrInvalidJSON, "json"},
		{"the wrong type", `{"weight_tolerance_percent":"20"}`, refund.ErrInvalidJSON, "weight_tolerance_percent"},
		{"a refund time that is no duration", `{"refund_within":"a day"}`, refund.ErrInvalidPolicy, "refund_within"},
		{"an approver that is no role", `{"approval":{"approver":"boss"}}`, refund.ErrUnknownCode, "approval.approver"},
		{"an approval amount below the fen", `{"approval":{"above":"0.001"}}`, refund.ErrInvalidAmount, "approval.above"},
		{"a misspelled approval field", `{"approval":{"abov":"1.00"}}`, refund.ErrUnknownField, "abov"},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			got := refund.DefaultPolicy()
			err := got.UnmarshalJSON([]byte(c.in))
			require.ErrorIs(t, err, c.want)
			var e *refund.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, jsonOf(t, refund.DefaultPolicy()), jsonOf(t, got), "unchanged on error")
		})
	}
}

// TestSplitBatch splits refunds into calls within the platform's caps:
// 20 refunds and 6,000.00 yuan per call on Taobao.
func TestSplitBatch(t *testing.T) {
	p := refund.DefaultPolicy()
	fees := make([]decimal.Decimal, 45)
	for i := range fees {
		fees[i] = dec("10.00")
	}
	bs, err := p.SplitBatch(fees)
	require.NoError(t, err)
	require.Len(t, bs, 3)
	assert.Equal(t, []int{20, 20, 5}, []int{bs[0].Len(), bs[1].Len(), bs[2].Len()}, "at most 20 a call")
	decEq(t, "200.00", bs[0].Total())

	bs, err = p.SplitBatch([]decimal.Decimal{dec("3000.00"), dec("2999.99"), dec("0.02"), dec("6000.00"), dec("1")})
	require.NoError(t, err)
	require.Len(t, bs, 4, "consecutive runs, in the order given")
	assert.Equal(t, [][2]int{{0, 2}, {2, 3}, {3, 4}, {4, 5}},
		[][2]int{{bs[0].Start, bs[0].End}, {bs[1].Start, bs[1].End}, {bs[2].Start, bs[2].End}, {bs[3].Start, bs[3].End}})
	decEq(t, "5999.99", bs[0].Total(), "0.02 more would pass 6,000.00")
	decEq(t, "6000.00", bs[2].Total(), "exactly the cap fits")

	tm := refund.DefaultPolicy()
	tm.Marketplace, tm.Batch = refund.Tmall, refund.PlatformBatchCap(refund.Tmall)
	bs, err = tm.SplitBatch(fees)
	require.NoError(t, err)
	assert.Len(t, bs, 2, "30 a call on Tmall")

	for _, c := range []struct {
		reason string
		fee    decimal.Decimal
		want   error
	}{
		{"above the amount cap: agree to it alone", dec("6000.01"), refund.ErrBatchLimit},
		{"zero", decimal.Zero, refund.ErrInvalidAmount},
		{"negative", dec("-1"), refund.ErrInvalidAmount},
		{"three decimals", dec("0.001"), refund.ErrInvalidAmount},
	} {
		_, err := p.SplitBatch([]decimal.Decimal{dec("1"), c.fee})
		require.ErrorIs(t, err, c.want, c.reason)
		assert.Contains(t, err.Error(), "fees[1]")
	}
	bs, err = p.SplitBatch(nil)
	require.NoError(t, err)
	assert.Empty(t, bs)
}
