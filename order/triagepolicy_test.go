package order_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// rule O2: the digest goes out every 2 to 3 hours; the default policy sends
// it every 2 and validates, and a shop may choose from hourly to every 4
// hours.
func TestDefaultTriagePolicy(t *testing.T) {
	p := order.DefaultTriagePolicy()
	require.NoError(t, p.Validate())
	for _, every := range []time.Duration{time.Hour, 3 * time.Hour, 4 * time.Hour} {
		q := p
		q.DigestEvery = order.Duration(every)
		require.NoError(t, q.Validate(), "digest every %s", every)
	}
	assert.Equal(t, order.Duration(2*time.Hour), p.DigestEvery)
	assert.Equal(t, order.Duration(24*time.Hour), p.CODConfirmWithin)
	assert.Equal(t, 3, p.SlowReviewShipDay, "rule O5: ship by the third day")
	assert.Equal(t, order.Duration(24*time.Hour), p.RepeatWithin, "rule O6: repeat orders placed within a day")
	assert.Equal(t, "09:00", p.SlowReviewMorningAt.String(), "rule O5: the morning round")
	assert.Equal(t, "18:00", p.SlowReviewEveningAt.String(), "rule O5: the evening round")
	assert.Equal(t, "+08:00", p.Zone)
}

func TestTriagePolicyValidate(t *testing.T) {
	cases := []struct {
		reason string
		edit   func(*order.TriagePolicy)
		field  string
		want   error
	}{
		{"unknown zone", func(p *order.TriagePolicy) { p.Zone = "Mars/Olympus" }, "zone", order.ErrInvalidPolicy},
		{"digest every 0", func(p *order.TriagePolicy) { p.DigestEvery = order.Duration(0) }, "digest_every", order.ErrInvalidPolicy},
		{"digest every minute: a feed, not a form (rule O2)", func(p *order.TriagePolicy) { p.DigestEvery = order.Duration(time.Minute) }, "digest_every", order.ErrInvalidPolicy},
		{"digest every 59m", func(p *order.TriagePolicy) { p.DigestEvery = order.Duration(59 * time.Minute) }, "digest_every", order.ErrInvalidPolicy},
		{"digest every 4h01m", func(p *order.TriagePolicy) { p.DigestEvery = order.Duration(4*time.Hour + time.Minute) }, "digest_every", order.ErrInvalidPolicy},
		{"digest once a day", func(p *order.TriagePolicy) { p.DigestEvery = order.Duration(24 * time.Hour) }, "digest_every", order.ErrInvalidPolicy},
		{"negative COD wait", func(p *order.TriagePolicy) { p.CODConfirmWithin = order.Duration(-time.Hour) }, "cod_confirm_within", order.ErrInvalidPolicy},
		{"repeat window 0", func(p *order.TriagePolicy) { p.RepeatWithin = order.Duration(0) }, "repeat_within", order.ErrInvalidPolicy},
		{"repeat window of 31 days", func(p *order.TriagePolicy) { p.RepeatWithin = order.Duration(31 * 24 * time.Hour) }, "repeat_within", order.ErrInvalidPolicy},
		{"ship day 0", func(p *order.TriagePolicy) { p.SlowReviewShipDay = 0 }, "slow_review_ship_day", order.ErrInvalidPolicy},
		{"ship day 31", func(p *order.TriagePolicy) { p.SlowReviewShipDay = 31 }, "slow_review_ship_day", order.ErrInvalidPolicy},
		{"empty pattern", func(p *order.TriagePolicy) {
			p.UnsatisfiableMessages = append(p.UnsatisfiableMessages, order.MessagePattern{Contains: "  ", Reason: order.MessageUnsatisfiable})
		}, "unsatisfiable_messages[7].contains", order.ErrInvalidPolicy},
		// Hostile: invalid UTF-8 in a pattern.
		{"invalid UTF-8 pattern", func(p *order.TriagePolicy) {
			p.UnsatisfiableMessages = []order.MessagePattern{{Contains: "\xff", Reason: order.MessageUnsatisfiable}}
		}, "unsatisfiable_messages[0].contains", order.ErrInvalidPolicy},
		{"too long pattern", func(p *order.TriagePolicy) {
			p.UnsatisfiableMessages = []order.MessagePattern{{Contains: strings.Repeat("a", 201), Reason: order.MessageUnsatisfiable}}
		}, "unsatisfiable_messages[0].contains", order.ErrInvalidPolicy},
		{"a reason that is not about messages", func(p *order.TriagePolicy) {
			p.UnsatisfiableMessages = []order.MessagePattern{{Contains: "x", Reason: order.Oversold}}
		}, "unsatisfiable_messages[0].reason", order.ErrInvalidPolicy},
		{"the same pattern twice once normalised", func(p *order.TriagePolicy) {
			p.UnsatisfiableMessages = []order.MessagePattern{{Contains: "Gift", Reason: order.MessageUnsatisfiable}, {Contains: "ｇｉｆｔ", Reason: order.MessageCashBack}}
		}, "unsatisfiable_messages[1].contains", order.ErrInvalidPolicy},
		{"no morning round", func(p *order.TriagePolicy) { p.SlowReviewMorningAt = 0 }, "slow_review_morning_at", order.ErrInvalidPolicy},
		{"an evening round at midnight", func(p *order.TriagePolicy) { p.SlowReviewEveningAt = order.MustParseClock("24:00") }, "slow_review_evening_at", order.ErrInvalidPolicy},
		{"the evening before the morning", func(p *order.TriagePolicy) { p.SlowReviewEveningAt = order.MustParseClock("08:00") }, "slow_review_evening_at", order.ErrInvalidPolicy},
		{"unknown category to skip", func(p *order.TriagePolicy) { p.Skip = []order.Category{order.CategoryUnknown} }, "skip[0]", order.ErrUnknownCategory},
		{"a negative bound on the triage's workers", func(p *order.TriagePolicy) { p.Workers = -1 }, "workers", order.ErrInvalidPolicy},
	}
	for _, c := range cases {
		t.Run(c.reason, func(t *testing.T) {
			p := order.DefaultTriagePolicy()
			c.edit(&p)
			err := p.Validate()
			require.ErrorIs(t, err, c.want)
			require.ErrorIs(t, err, order.ErrInvalidPolicy, "every Validate error is an invalid policy")
			var e *order.Error
			require.True(t, errors.As(err, &e))
			assert.Equal(t, c.field, e.Field)
		})
	}
}

func TestTriagePolicyJSON(t *testing.T) {
	p := order.DefaultTriagePolicy()
	p.Skip = []order.Category{order.NeedsSF}
	b, err := json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"digest_every":"2h0m0s"`)
	assert.Contains(t, string(b), `"repeat_within":"24h0m0s"`)
	assert.Contains(t, string(b), `"reason":"message_exact_date"`)
	assert.Contains(t, string(b), `"skip":["needs_sf"]`)
	var back order.TriagePolicy
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)

	assert.NotContains(t, string(b), `"workers"`, "no bound on the workers unless one is set")
	p.Workers = 2
	b, err = json.Marshal(p)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"workers":2`)
	back = order.TriagePolicy{}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, p, back)
	p.Workers = 0

	// A shop file overrides only what it sets.
	q := order.DefaultTriagePolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"digest_every":"3h","slow_review_ship_day":2,"repeat_within":"6h"}`), &q))
	assert.Equal(t, order.Duration(6*time.Hour), q.RepeatWithin)
	assert.Equal(t, order.Duration(3*time.Hour), q.DigestEvery)
	assert.Equal(t, 2, q.SlowReviewShipDay)
	assert.Equal(t, order.Duration(24*time.Hour), q.CODConfirmWithin)
	assert.Len(t, q.UnsatisfiableMessages, len(p.UnsatisfiableMessages))

	for _, bad := range []string{
		`{"digest_every":"two hours"}`,
		`{"cod_confirm_within":"1 day"}`,
		`{"repeat_within":"soon"}`,
		`{"unsatisfiable_messages":[{"contains":"x","reason":"no_such_reason"}]}`,
		`{"skip":["no_such_category"]}`,
		`{"slow_review_ship_day":"3"}`,
	} {
		q := order.DefaultTriagePolicy()
		require.Error(t, json.Unmarshal([]byte(bad), &q), bad)
		assert.Equal(t, order.DefaultTriagePolicy(), q, "unchanged on error: %s", bad)
	}
	var e *order.Error
	q = order.DefaultTriagePolicy()
	err = json.Unmarshal([]byte(`{"digest_every":"two hours"}`), &q)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "digest_every", e.Field)
	require.ErrorIs(t, err, order.ErrInvalidPolicy)
}

// TestTriagePolicyJSONIsStrict pins issue 11 #3 for the policy: a key the
// policy does not have is refused and named, in the patterns too; a bad
// value names its field with its index; every error is an invalid
// policy; and the policy is unchanged on error — its lists too, which
// decoding never writes into.
func TestTriagePolicyJSONIsStrict(t *testing.T) {
	for _, c := range []struct {
		reason string
		in     string
		want   error
		field  string
	}{
		{"hostile: a misspelled key", `{"digest_evry":"3h"}`, order.ErrUnknownField, "digest_evry"},
		{"hostile: a key in another case", `{"Digest_Every":"3h"}`, order.ErrUnknownField, "Digest_Every"},
		{"hostile: a key twice", `{"digest_every":"3h","digest_every":"1h"}`, order.ErrInvalidJSON, "digest_every"},
		{"a misspelled key in a pattern", `{"unsatisfiable_messages":[{"contains":"x","reason":"message_cash_back"},{"contain":"y"}]}`, order.ErrUnknownField, "unsatisfiable_messages[1].contain"},
		{"an unknown reason in a pattern", `{"unsatisfiable_messages":[{"contains":"x","reason":"message_cash_back"},{"contains":"y","reason":"nope"}]}`, order.ErrUnknownReason, "unsatisfiable_messages[1].reason"},
		{"an unknown category to skip", `{"skip":["needs_sf","lost"]}`, order.ErrUnknownCategory, "skip[1]"},
		{"a time of day that is not one", `{"slow_review_morning_at":"9am"}`, order.ErrInvalidText, "slow_review_morning_at"},
		{"hostile: a megabyte of duration", `{"repeat_within":"` + strings.Repeat("9", 1<<20) + `"}`, order.ErrInvalidText, "repeat_within"},
		{"hostile: more patterns than a policy holds", `{"unsatisfiable_messages":[` + strings.Repeat(`{"contains":"x","reason":"message_cash_back"},`, 1000) + `{}]}`, order.ErrInvalidQuantity, "unsatisfiable_messages[1000]"},
	} {
		t.Run(c.reason, func(t *testing.T) {
			p := order.DefaultTriagePolicy()
			p.Skip = []order.Category{order.OutOfArea}
			before := order.DefaultTriagePolicy()
			before.Skip = []order.Category{order.OutOfArea}
			err := json.Unmarshal([]byte(c.in), &p)
			require.ErrorIs(t, err, c.want)
			require.ErrorIs(t, err, order.ErrInvalidPolicy)
			var e *order.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, c.field, e.Field)
			assert.Equal(t, before, p, "unchanged on error")
		})
	}
	p := order.DefaultTriagePolicy()
	require.NoError(t, json.Unmarshal([]byte(`{"slow_review_morning_at":"08:30","skip":["needs_sf"]}`), &p))
	assert.Equal(t, "08:30", p.SlowReviewMorningAt.String())
	assert.Equal(t, []order.Category{order.NeedsSF}, p.Skip)
}

func TestReasonsTableDoesNotDrift(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range order.Reasons() {
		s := r.String()
		require.NotContains(t, s, "Reason(", "reason %d has a name", r)
		assert.Regexp(t, `^[a-z][a-z0-9_]*$`, s)
		assert.False(t, seen[s], "%s twice", s)
		seen[s] = true
		back, err := order.ParseReason(s)
		require.NoError(t, err)
		assert.Equal(t, r, back)
		txt, err := r.MarshalText()
		require.NoError(t, err)
		var u order.Reason
		require.NoError(t, u.UnmarshalText(txt))
		assert.Equal(t, r, u)
	}
	assert.Equal(t, "Reason(0)", order.ReasonUnknown.String())
	assert.Equal(t, "Reason(200)", order.Reason(200).String())
	_, err := order.ParseReason("")
	require.ErrorIs(t, err, order.ErrUnknownReason)
	_, err = order.Reason(200).MarshalText()
	require.ErrorIs(t, err, order.ErrUnknownReason)
	var u order.Reason
	require.ErrorIs(t, u.UnmarshalText([]byte("nope")), order.ErrUnknownReason)
}

func TestReasonSet(t *testing.T) {
	var s order.ReasonSet
	assert.Equal(t, "[]", s.String())
	s = s.With(order.StockExhausted).With(order.Oversold).With(order.Oversold)
	assert.True(t, s.Has(order.Oversold))
	assert.False(t, s.Has(order.PromotionItem))
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, []order.Reason{order.Oversold, order.StockExhausted}, s.Values())
	assert.Equal(t, []string{"oversold", "stock_exhausted"}, s.Strings())
	assert.Equal(t, "[oversold stock_exhausted]", s.String())
	assert.Zero(t, testing.AllocsPerRun(100, func() { s = s.With(order.PaidLater) }), "sets never allocate")
}

// TestTriagePolicyWorkers: a backend bounds the triage's goroutines with
// Workers — 0 is up to GOMAXPROCS, 1 sequential — and every bound gives
// the same report (rule O2); a negative bound is bad input (422), refused
// by Triage as by Validate, before any order is read.
func TestTriagePolicyWorkers(t *testing.T) {
	orders, stock := genOrders(t, 3*2048)
	p := order.DefaultTriagePolicy()
	want, err := p.Triage(orders, now0, order.StockCheck(stock))
	require.NoError(t, err)
	require.NotEmpty(t, want.Findings)
	for _, bound := range []int{1, 2, 3, 100} {
		q := p
		q.Workers = bound
		require.NoError(t, q.Validate())
		got, err := q.Triage(orders, now0, order.StockCheck(stock))
		require.NoError(t, err)
		assert.Equal(t, want, got, "bound %d", bound)
	}
	p.Workers = -2
	_, err = p.Triage(orders, now0, order.StockCheck(stock))
	require.ErrorIs(t, err, order.ErrInvalidPolicy)
	require.ErrorIs(t, err, order.ErrInvalidInput)
	assert.Equal(t, 422, order.HTTPStatus(err))
}
