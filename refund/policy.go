package refund

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Policy holds a shop's numbers for refunds and returns. It is plain data:
// keep it in a JSON file, decode it over [DefaultPolicy] and check it with
// [Policy.Validate]. Every method that takes a policy validates it first
// and returns the error Validate would.
type Policy struct {
	// Zone is the shop's time zone, in which the seven-day window's
	// calendar day is counted: "" or "+08:00" for China Standard Time, an
	// offset, or a zone name.
	Zone string `json:"zone"`
	// ReturnWindow is how long a seven-day no-reason return stays open
	// from 00:00 of the day after sign-for (rule R3): 168 hours as the
	// platform counts it. A shop may offer longer, up to 90 days; never
	// shorter than the law's seven days.
	ReturnWindow order.Duration `json:"return_window"`
	// DeductPostageBelowThreshold: when a partial return drops the rest of
	// a free-shipping order below the free-shipping threshold, deduct the
	// postage the rest would have cost from the refund, as the platform
	// allows. Default true.
	DeductPostageBelowThreshold bool `json:"deduct_postage_below_threshold"`
	// WeightTolerance is how far, in percent, a waybill's weight may be
	// from the expected weight of one parcel (or two) and still count as
	// that many (rule R2). Default 20; 1 to 33, so that one parcel and two
	// never overlap.
	WeightTolerance int `json:"weight_tolerance_percent"`
	// Marketplace is the platform the shop sells on, whose batch caps
	// bound Batch.
	Marketplace Marketplace `json:"marketplace"`
	// Batch caps one batch agree-refund call: at most the platform's (20
	// refunds and 6,000.00 yuan on Taobao, 30 and 10,000.00 on Tmall).
	Batch BatchCap `json:"batch"`
	// RefundWithin is how long after returned goods arrive they must be
	// refunded before the order is a problem order (rule R6: refunds are
	// done on time and never forgotten). The platform gives the seller 7
	// days; kefu's default is 24 hours. 1 hour to 168 hours.
	RefundWithin order.Duration `json:"refund_within"`
	// ExchangeReturnWithin is how long an exchange may wait for the
	// buyer's goods to come back — agreed and not sent, or on their way —
	// before it is a problem order (rule R4). kefu's default is 7 days; 1
	// to 30 days.
	ExchangeReturnWithin order.Duration `json:"exchange_return_within"`
	// Approval says which refunds need a senior colleague's approval
	// ([Policy.ReviewRefund], rule A3).
	Approval RefundApproval `json:"approval"`
}

// RefundApproval is the shop's rule for refunds an agent may not make
// alone (rule A3). A refund that needs approval needs it from Approver or
// above, and from someone above the requester; a requester at Approver or
// above refunds alone.
type RefundApproval struct {
	// Above: a refund of more than this amount, goods and postage
	// together, needs approval; 0 means no amount needs it. kefu's
	// default: 500.00.
	Above decimal.Decimal `json:"above"`
	// BeforeReturn: a refund of goods the buyer sends back, paid before
	// the warehouse received them, needs approval. Default true.
	BeforeReturn bool `json:"before_return"`
	// Approver is the lowest role that approves: the team leader (the
	// default) or the store manager.
	Approver order.Role `json:"approver"`
}

// BatchCap caps one call that agrees to refunds in batch.
type BatchCap struct {
	MaxRefunds int             `json:"max_refunds"`
	MaxAmount  decimal.Decimal `json:"max_amount"` // yuan
}

// Marketplace is the platform a shop sells on. The zero value is unknown.
type Marketplace uint8

// Marketplaces.
const (
	MarketplaceUnknown Marketplace = iota
	Taobao
	Tmall
	numMarketplaces
)

var marketplaceInfo = enumInfo{names: []string{"", "taobao", "tmall"}, typ: "Marketplace",
	field: "marketplace", sentinel: ErrUnknownCode}

// String returns "taobao" or "tmall", or "Marketplace(N)" out of range.
func (m Marketplace) String() string { return marketplaceInfo.name(uint8(m)) }

// IsValid reports whether m is a known marketplace.
func (m Marketplace) IsValid() bool { return marketplaceInfo.valid(uint8(m)) }

// MarshalText returns the name; an invalid value is an error.
func (m Marketplace) MarshalText() ([]byte, error) { return marketplaceInfo.marshal(uint8(m)) }

// UnmarshalText accepts "taobao" and "tmall"; other text is an error
// wrapping [ErrUnknownCode].
func (m *Marketplace) UnmarshalText(b []byte) error {
	return marketplaceInfo.unmarshal(b, (*uint8)(m))
}

// platformCaps are the platform's own caps per batch call, in fen.
var platformCaps = [numMarketplaces]struct{ n, fen int64 }{
	Taobao: {20, 600_000},
	Tmall:  {30, 1_000_000},
}

// PlatformBatchCap returns the platform's own cap on one batch
// agree-refund call: 20 refunds and 6,000.00 yuan on Taobao, 30 and
// 10,000.00 on Tmall. An unknown marketplace has no cap (zero).
func PlatformBatchCap(m Marketplace) BatchCap {
	if !m.IsValid() {
		return BatchCap{}
	}
	c := platformCaps[m]
	return BatchCap{MaxRefunds: int(c.n), MaxAmount: yuan.Dec(c.fen)}
}

// DefaultPolicy returns the defaults of DOMAIN.md: China Standard Time, a
// 168-hour window (rule R3), postage deducted when a partial return drops
// an order below free shipping, a weight tolerance of 20% (a kefu choice;
// the sources give none), Taobao's batch caps, and kefu's choices where
// the sources give no number: returned goods refunded within 24 hours,
// exchanges waiting up to 7 days for the goods to come back, and the team
// leader's approval for a refund above 500.00 or paid before the goods
// came back.
func DefaultPolicy() Policy {
	return Policy{
		Zone:                        tz.Default,
		ReturnWindow:                order.Duration(168 * time.Hour),
		DeductPostageBelowThreshold: true,
		WeightTolerance:             20,
		Marketplace:                 Taobao,
		Batch:                       PlatformBatchCap(Taobao),
		RefundWithin:                order.Duration(24 * time.Hour),
		ExchangeReturnWithin:        order.Duration(7 * 24 * time.Hour),
		Approval:                    RefundApproval{Above: yuan.Dec(50000), BeforeReturn: true, Approver: order.TeamLeader},
	}
}

// Limits of a policy.
const (
	minWindow    = 168 * time.Hour
	maxWindow    = 90 * 24 * time.Hour
	maxTolerance = 33
	maxZoneBytes = 64 // longer than any zone name, checked before the tz database is asked

	minRefundWithin   = time.Hour
	maxRefundWithin   = 168 * time.Hour // the platform's seven days
	minExchangeWithin = 24 * time.Hour
	maxExchangeWithin = 30 * 24 * time.Hour
)

// rules is a validated policy in the form the rules use.
type rules struct {
	loc        *time.Location
	window     time.Duration
	tolerance  int64
	batchN     int64
	batchFen   int64
	deductRest bool

	refundWithin, exchangeWithin time.Duration
	approveAbove                 int64 // fen; 0: no amount needs approval
	approveBeforeReturn          bool
	approver                     order.Role
}

// Validate reports the first field out of range as an [*Error] wrapping
// [ErrInvalidPolicy] that names the field by its JSON path
// ("batch.max_amount").
func (p Policy) Validate() error {
	_, err := p.compile()
	return err
}

func (p Policy) compile() (rules, error) {
	var r rules
	if len(p.Zone) > maxZoneBytes {
		return r, fieldErr("zone", p.Zone, ErrInvalidPolicy, "not a time zone: longer than "+strconv.Itoa(maxZoneBytes)+" bytes")
	}
	loc, err := tz.Location(p.Zone)
	if err != nil {
		return r, fieldErr("zone", p.Zone, ErrInvalidPolicy, "not a time zone")
	}
	r.loc = loc
	if w := time.Duration(p.ReturnWindow); w < minWindow || w > maxWindow {
		return r, fieldErr("return_window", w.String(), ErrInvalidPolicy, "must be 168h (seven days) to 2160h (90 days)")
	}
	r.window = time.Duration(p.ReturnWindow)
	if p.WeightTolerance < 1 || p.WeightTolerance > maxTolerance {
		return r, fieldErr("weight_tolerance_percent", strconv.Itoa(p.WeightTolerance), ErrInvalidPolicy,
			"must be 1 to "+strconv.Itoa(maxTolerance))
	}
	r.tolerance = int64(p.WeightTolerance)
	if !p.Marketplace.IsValid() {
		return r, policyErr("marketplace", p.Marketplace.String(), ErrUnknownCode, "")
	}
	c := platformCaps[p.Marketplace]
	if p.Batch.MaxRefunds < 1 || int64(p.Batch.MaxRefunds) > c.n {
		return r, fieldErr("batch.max_refunds", strconv.Itoa(p.Batch.MaxRefunds), ErrInvalidPolicy,
			"must be 1 to "+strconv.FormatInt(c.n, 10)+" on "+p.Marketplace.String())
	}
	f, err := fen("batch.max_amount", p.Batch.MaxAmount)
	if err != nil {
		e := err.(*Error)
		return r, policyErr(e.Field, e.Value, e.Err, e.Detail)
	}
	if f < 1 || f > c.fen {
		return r, fieldErr("batch.max_amount", yuan.Text(p.Batch.MaxAmount), ErrInvalidPolicy,
			"must be above 0 and at most "+yuan.Format(c.fen)+" on "+p.Marketplace.String())
	}
	r.batchN, r.batchFen = int64(p.Batch.MaxRefunds), f
	r.deductRest = p.DeductPostageBelowThreshold
	if d := time.Duration(p.RefundWithin); d < minRefundWithin || d > maxRefundWithin {
		return r, fieldErr("refund_within", d.String(), ErrInvalidPolicy, "must be 1h to 168h (the platform's seven days)")
	}
	if d := time.Duration(p.ExchangeReturnWithin); d < minExchangeWithin || d > maxExchangeWithin {
		return r, fieldErr("exchange_return_within", d.String(), ErrInvalidPolicy, "must be 24h to 720h (30 days)")
	}
	r.refundWithin, r.exchangeWithin = time.Duration(p.RefundWithin), time.Duration(p.ExchangeReturnWithin)
	if r.approveAbove, err = fen("approval.above", p.Approval.Above); err != nil {
		e := err.(*Error)
		return r, policyErr(e.Field, e.Value, e.Err, e.Detail)
	}
	if a := p.Approval.Approver; a != order.TeamLeader && a != order.StoreManager {
		return r, fieldErr("approval.approver", a.String(), ErrInvalidPolicy, "the team leader or the store manager")
	}
	r.approveBeforeReturn, r.approver = p.Approval.BeforeReturn, p.Approval.Approver
	return r, nil
}

type policyJSON struct {
	Zone                        string          `json:"zone"`
	ReturnWindow                json.RawMessage `json:"return_window"`
	DeductPostageBelowThreshold bool            `json:"deduct_postage_below_threshold"`
	WeightTolerance             int             `json:"weight_tolerance_percent"`
	Marketplace                 json.RawMessage `json:"marketplace"`
	Batch                       batchJSON       `json:"batch"`
	RefundWithin                json.RawMessage `json:"refund_within"`
	ExchangeReturnWithin        json.RawMessage `json:"exchange_return_within"`
	Approval                    approvalJSON    `json:"approval"`
}

type approvalJSON struct {
	Above        json.RawMessage `json:"above"`
	BeforeReturn bool            `json:"before_return"`
	Approver     json.RawMessage `json:"approver"`
}

// amountJSON is the JSON of a policy amount: text with two decimals, or
// the caller's text when it has more, for Validate to refuse.
func amountJSON(d decimal.Decimal) json.RawMessage {
	if f, ok := yuan.Fen(d); ok {
		b, _ := money(f).MarshalJSON()
		return b
	}
	b, _ := json.Marshal(yuan.Text(d))
	return b
}

// durationJSON reads duration text for a policy field.
func durationJSON(field string, raw json.RawMessage) (order.Duration, error) {
	var s string
	var d order.Duration
	if err := json.Unmarshal(raw, &s); err != nil {
		return 0, fieldErr(field, string(raw), ErrInvalidPolicy, `want duration text such as "24h"`)
	}
	if err := d.UnmarshalText([]byte(s)); err != nil {
		return 0, fieldErr(field, s, ErrInvalidPolicy, `want duration text such as "24h"`)
	}
	return d, nil
}

type batchJSON struct {
	MaxRefunds int             `json:"max_refunds"`
	MaxAmount  json.RawMessage `json:"max_amount"`
}

func (p Policy) toJSON() policyJSON {
	w, _ := p.ReturnWindow.MarshalText()
	m, _ := json.Marshal(p.Marketplace.String())
	var amount json.RawMessage
	if f, ok := yuan.Fen(p.Batch.MaxAmount); ok {
		amount, _ = money(f).MarshalJSON()
	} else {
		amount, _ = json.Marshal(yuan.Text(p.Batch.MaxAmount))
	}
	within, _ := p.RefundWithin.MarshalText()
	exchange, _ := p.ExchangeReturnWithin.MarshalText()
	approver, _ := json.Marshal(p.Approval.Approver.String())
	return policyJSON{Zone: p.Zone, ReturnWindow: strconvQuote(string(w)), DeductPostageBelowThreshold: p.DeductPostageBelowThreshold,
		WeightTolerance: p.WeightTolerance, Marketplace: m,
		Batch:        batchJSON{MaxRefunds: p.Batch.MaxRefunds, MaxAmount: amount},
		RefundWithin: strconvQuote(string(within)), ExchangeReturnWithin: strconvQuote(string(exchange)),
		Approval: approvalJSON{Above: amountJSON(p.Approval.Above), BeforeReturn: p.Approval.BeforeReturn,
			Approver: approver}}
}

func strconvQuote(s string) json.RawMessage { return json.RawMessage(strconv.Quote(s)) }

// MarshalJSON encodes the policy with the window as Go duration text
// ("168h0m0s") and the batch amount as text with two decimals.
func (p Policy) MarshalJSON() ([]byte, error) { return json.Marshal(p.toJSON()) }

// UnmarshalJSON decodes over p, strictly: fields absent from the JSON
// keep their value, so decoding a shop's file onto [DefaultPolicy]
// overrides only what the file sets; an unknown field is
// [ErrUnknownField]; a window that is not duration text, an unknown
// marketplace or role, a duration that is not duration text, or an amount
// that is not exact text with at most two decimals is an [*Error] for its
// field wrapping [ErrInvalidPolicy]. It
// decodes into a copy, so on error p is unchanged. UnmarshalJSON does not
// check ranges: call [Policy.Validate].
func (p *Policy) UnmarshalJSON(b []byte) error {
	w := p.toJSON()
	if err := decodeJSON("", b, &w, maxPolicyJSON); err != nil {
		return err
	}
	n := Policy{Zone: w.Zone, DeductPostageBelowThreshold: w.DeductPostageBelowThreshold,
		WeightTolerance: w.WeightTolerance, Batch: BatchCap{MaxRefunds: w.Batch.MaxRefunds}}
	var s string
	if err := json.Unmarshal(w.ReturnWindow, &s); err != nil {
		return fieldErr("return_window", string(w.ReturnWindow), ErrInvalidPolicy, `want duration text such as "168h"`)
	}
	if err := n.ReturnWindow.UnmarshalText([]byte(s)); err != nil {
		return fieldErr("return_window", s, ErrInvalidPolicy, `want duration text such as "168h"`)
	}
	if err := json.Unmarshal(w.Marketplace, &s); err != nil {
		return fieldErr("marketplace", string(w.Marketplace), ErrInvalidPolicy, `want "taobao" or "tmall"`)
	}
	if err := n.Marketplace.UnmarshalText([]byte(s)); err != nil {
		return policyErr("marketplace", s, ErrUnknownCode, `want "taobao" or "tmall"`)
	}
	f, err := parseMoney("batch.max_amount", w.Batch.MaxAmount)
	if err != nil {
		e := err.(*Error)
		return policyErr(e.Field, e.Value, e.Err, e.Detail)
	}
	n.Batch.MaxAmount = yuan.Dec(f)
	if n.RefundWithin, err = durationJSON("refund_within", w.RefundWithin); err != nil {
		return err
	}
	if n.ExchangeReturnWithin, err = durationJSON("exchange_return_within", w.ExchangeReturnWithin); err != nil {
		return err
	}
	if f, err = parseMoney("approval.above", w.Approval.Above); err != nil {
		e := err.(*Error)
		return policyErr(e.Field, e.Value, e.Err, e.Detail)
	}
	n.Approval.Above, n.Approval.BeforeReturn = yuan.Dec(f), w.Approval.BeforeReturn
	if err := json.Unmarshal(w.Approval.Approver, &s); err != nil {
		return fieldErr("approval.approver", string(w.Approval.Approver), ErrInvalidPolicy, `want a role such as "team_leader"`)
	}
	if err := n.Approval.Approver.UnmarshalText([]byte(s)); err != nil {
		return policyErr("approval.approver", s, ErrUnknownCode, `want a role such as "team_leader"`)
	}
	*p = n
	return nil
}
