package perftest_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/perftest"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/shipping"
)

// TestFixtureAgreementPrepared is TestFixtureAgreement for the prepared
// policies a backend's hot path uses ([shipping.Prepare],
// [pricing.Prepare]): on every order of the fixture — a tenth of them at
// a threshold — the prepared free-shipping decision and review are the
// plain policies' to the last field (reasons, limits, periods, errors),
// and agree with the hand-written int64 free-shipping rule and the
// shopspring approval limits (rules S1, S2, S3; A3, P2, P3, P4).
func TestFixtureAgreementPrepared(t *testing.T) {
	fx := perftest.Generate(agreementSize(), fixtureSeed)
	rows, err := fx.Rows()
	require.NoError(t, err)
	sp, pp := shipping.DefaultPolicy(), pricing.DefaultPolicy()
	ship, err := shipping.Prepare(sp)
	require.NoError(t, err)
	price, err := pricing.Prepare(pp)
	require.NoError(t, err)
	fen, err := perftest.NewFenRule(sp)
	require.NoError(t, err)
	limits, err := perftest.NewDecLimits(pp)
	require.NoError(t, err)

	var diffs []string
	diff := func(i int, format string, args ...any) {
		if len(diffs) < 5 {
			diffs = append(diffs, fmt.Sprintf("line %d: ", i)+fmt.Sprintf(format, args...)+"\n\t"+string(fx.Lines[i]))
		}
	}
	built, reviewed := 0, 0
	for i := range rows {
		row := &rows[i]
		s, err := kefuSpec(row)
		if err != nil {
			continue
		}
		o, err := order.New(s)
		if err != nil {
			continue
		}
		built++
		fs := ship.FreeShipping(&o)
		if want := sp.FreeShipping(&o); fs != want {
			diff(i, "prepared free shipping %+v, policy %+v", fs, want)
		}
		hs, err := row.HandSpec()
		if err != nil {
			diff(i, "the baseline does not read a row kefu built: %v", err)
			continue
		}
		fo, err := perftest.BuildFen(&hs)
		if err != nil {
			diff(i, "the int64 baseline does not build an order kefu built: %v", err)
			continue
		}
		if f := fen.Decide(&fo); f.Eligible != fs.Eligible() || !decimal.New(f.Shortfall, -2).Equal(fs.Shortfall()) ||
			!decimal.New(f.ShouldCharge, -2).Equal(fs.ShouldCharge()) {
			diff(i, "prepared free shipping %v %s %s, int64 %+v", fs.Eligible(), fs.Shortfall(), fs.ShouldCharge(), f)
		}

		req, au, ou, err := kefuRequest(row, &o)
		if err != nil {
			continue
		}
		d, derr := price.Review(req, au, ou)
		if want, werr := pp.Review(req, au, ou); d != want || fmt.Sprint(derr) != fmt.Sprint(werr) {
			diff(i, "prepared review %+v, %v; policy %+v, %v", d, derr, want, werr)
		}
		do, err := perftest.BuildDec(&hs)
		if err != nil {
			diff(i, "the shopspring baseline does not build an order kefu built: %v", err)
			continue
		}
		q, qerr := row.HandRequest()
		var h perftest.HandDecision
		if qerr == nil {
			h, qerr = limits.Review(&do, &q)
		}
		switch {
		case (derr != nil) != (qerr != nil):
			diff(i, "prepared review error %v, handwritten %v", derr, qerr)
		case derr == nil && (uint8(d.Verdict) != h.Verdict || uint8(d.Approver) != h.Approver || uint8(d.Suggest) != h.Suggest):
			diff(i, "prepared review %s/%s/%s %s, handwritten %+v", d.Verdict, d.Approver, d.Suggest, d.Reasons, h)
		}
		reviewed++
	}
	require.Empty(t, diffs)
	require.Greater(t, built, len(rows)*8/10, "most of the fixture builds")
	require.Greater(t, reviewed, built*8/10, "most of it is reviewed")
}
