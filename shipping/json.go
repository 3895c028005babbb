package shipping

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// money is an amount that encodes in JSON as text with exactly two
// decimals ("99.00"), as the platform carries money, and decodes whatever
// decimal accepts; Validate then rejects more than two decimals.
type money decimal.Decimal

func (m money) MarshalJSON() ([]byte, error) {
	return []byte(`"` + decimal.Decimal(m).StringFixed(2) + `"`), nil
}

// UnmarshalJSON decodes a JSON string or number; anything else is an
// error wrapping [ErrInvalidAmount] that quotes (at most 40 bytes of) it.
func (m *money) UnmarshalJSON(b []byte) error {
	if err := (*decimal.Decimal)(m).UnmarshalJSON(b); err != nil {
		v := string(b)
		if len(v) > 40 {
			v = strings.ToValidUTF8(v[:40], "") + "…"
		}
		return fieldErr("amount", v, ErrInvalidAmount, "not a decimal")
	}
	return nil
}

type freeRuleJSON struct {
	Off             bool           `json:"off,omitempty"`
	Threshold       money          `json:"threshold"`
	MinQuantity     int            `json:"min_quantity,omitempty"`
	RequireBoth     bool           `json:"require_both,omitempty"`
	ExcludedRegions []order.Region `json:"excluded_regions"`
	ExcludedSKUs    []string       `json:"excluded_skus,omitempty"`
	Postage         money          `json:"postage"`
}

// MarshalJSON encodes the rule with its amounts as text with two decimals.
func (r FreeShippingRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(freeRuleJSON{r.Off, money(r.Threshold), r.MinQuantity, r.RequireBoth,
		r.ExcludedRegions, r.ExcludedSKUs, money(r.Postage)})
}

// UnmarshalJSON decodes over r: fields absent from the JSON keep their
// value, so a file that sets only the threshold keeps the excluded
// regions of the rule it is decoded onto. Amounts may be JSON strings or
// numbers. On error r is unchanged.
func (r *FreeShippingRule) UnmarshalJSON(b []byte) error {
	w := freeRuleJSON{r.Off, money(r.Threshold), r.MinQuantity, r.RequireBoth,
		slices.Clone(r.ExcludedRegions), slices.Clone(r.ExcludedSKUs), money(r.Postage)}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = FreeShippingRule{w.Off, decimal.Decimal(w.Threshold), w.MinQuantity, w.RequireBoth,
		w.ExcludedRegions, w.ExcludedSKUs, decimal.Decimal(w.Postage)}
	return nil
}

type carrierJSON struct {
	Code      string         `json:"code"`
	Name      string         `json:"name,omitempty"`
	Regions   []order.Region `json:"regions,omitempty"`
	Except    []order.Region `json:"except,omitempty"`
	Surcharge money          `json:"surcharge"`
	Collect   bool           `json:"freight_collect,omitempty"`
	Aliases   []string       `json:"aliases,omitempty"`
}

// MarshalJSON encodes the carrier with its surcharge as text with two
// decimals.
func (c Carrier) MarshalJSON() ([]byte, error) {
	return json.Marshal(carrierJSON{c.Code, c.Name, c.Regions, c.Except, money(c.Surcharge), c.Collect, c.Aliases})
}

// UnmarshalJSON decodes a carrier as a whole: it never mixes with what a
// list held at the same position before. The surcharge may be a JSON
// string or number.
func (c *Carrier) UnmarshalJSON(b []byte) error {
	var w carrierJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Carrier{w.Code, w.Name, w.Regions, w.Except, decimal.Decimal(w.Surcharge), w.Collect, w.Aliases}
	return nil
}

// policyFields is Policy without its methods, for decoding.
type policyFields Policy

// UnmarshalJSON decodes over p: fields absent from the JSON keep their
// value, so decoding a shop's file onto [DefaultPolicy] overrides only
// what the file sets — within free_shipping too; a list the file sets
// (carriers, excluded regions …) replaces the whole list. On any error p
// is unchanged. UnmarshalJSON does not validate: call [Policy.Validate].
func (p *Policy) UnmarshalJSON(b []byte) error {
	// Decode into a deep copy: decoding reuses slices' arrays, and p must
	// stay as it was if the JSON turns out bad.
	var keys map[string]json.RawMessage
	if err := json.Unmarshal(b, &keys); err != nil {
		return err
	}
	w := policyFields(p.clone())
	// encoding/json decodes a list's elements over the old ones at the
	// same position: a new promotion would inherit the name or excluded
	// SKUs of the old one. Lists of periods start afresh.
	for k := range keys {
		switch {
		case strings.EqualFold(k, "free_shipping_promotions"):
			w.FreePromotions = nil
		case strings.EqualFold(k, "big_promotions"):
			w.BigPromotions = nil
		}
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*p = Policy(w)
	return nil
}

// unmarshalName sets *v to the enum value named b in names; an unknown
// name is an error wrapping [ErrUnknownCode], and *v is left unchanged.
func unmarshalName[V ~uint8](v *V, b []byte, field string, names []string) error {
	i, ok := enum.Index(names, string(b))
	if !ok {
		return fieldErr(field, string(b), ErrUnknownCode, "")
	}
	*v = V(i)
	return nil
}

// fenFromJSON returns a decoded amount in fen, or an error naming the
// field when it is negative, has more than two decimals or is out of range.
func fenFromJSON(field string, m money) (int64, error) {
	d := decimal.Decimal(m)
	if err := checkMoney(field, d); err != nil {
		return 0, err
	}
	f, _ := yuan.Fen(d)
	return f, nil
}

type freeDecisionJSON struct {
	Verdict      order.Verdict `json:"verdict"`
	Reasons      ReasonSet     `json:"reasons"`
	Promotion    int           `json:"promotion"`
	Shortfall    money         `json:"shortfall"`
	UnitsShort   int           `json:"units_short"`
	Charged      money         `json:"charged"`
	ShouldCharge money         `json:"should_charge"`
	Overcharge   money         `json:"overcharge"`
	Undercharge  money         `json:"undercharge"`
}

// MarshalJSON encodes the decision for a backend to store or send, with
// its reasons as snake_case names and its amounts as text with two
// decimals; overcharge and undercharge are derived from the others:
//
//	{"verdict":"refused","reasons":["below_threshold"],"promotion":-1,"shortfall":"0.01","units_short":0,"charged":"10.00","should_charge":"10.00","overcharge":"0.00","undercharge":"0.00"}
func (d FreeShippingDecision) MarshalJSON() ([]byte, error) {
	return json.Marshal(freeDecisionJSON{d.Verdict, d.Reasons, d.Promotion,
		money(d.Shortfall()), d.unitsShort, money(d.Charged()), money(d.ShouldCharge()),
		money(d.Overcharge()), money(d.Undercharge())})
}

// UnmarshalJSON decodes what MarshalJSON encodes; overcharge and
// undercharge are derived again rather than read. A negative amount or
// count, an amount with more than two decimals, or an unknown reason is an
// error, and d is left unchanged.
func (d *FreeShippingDecision) UnmarshalJSON(b []byte) error {
	w := freeDecisionJSON{Promotion: -1}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	n := FreeShippingDecision{Verdict: w.Verdict, Reasons: w.Reasons, Promotion: w.Promotion, unitsShort: w.UnitsShort}
	var err error
	if n.shortfall, err = fenFromJSON("shortfall", w.Shortfall); err != nil {
		return err
	}
	if n.charged, err = fenFromJSON("charged", w.Charged); err != nil {
		return err
	}
	if n.shouldCharge, err = fenFromJSON("should_charge", w.ShouldCharge); err != nil {
		return err
	}
	if w.UnitsShort < 0 || w.UnitsShort > yuan.MaxQuantity {
		return fieldErr("units_short", strconv.Itoa(w.UnitsShort), ErrNegative, "")
	}
	if w.Promotion < -1 {
		return fieldErr("promotion", strconv.Itoa(w.Promotion), ErrNegative, "-1 for the everyday rule")
	}
	*d = n
	return nil
}

type carrierChoiceJSON struct {
	Carrier         string    `json:"carrier"`
	Reasons         ReasonSet `json:"reasons"`
	Collect         bool      `json:"freight_collect"`
	CollectPossible bool      `json:"collect_possible"`
	Difference      money     `json:"difference"`
}

// MarshalJSON encodes the choice with its reasons as snake_case names and
// the price difference as text with two decimals:
//
//	{"carrier":"sf","reasons":["sf_only","freight_collect"],"freight_collect":true,"collect_possible":false,"difference":"0.00"}
func (c CarrierChoice) MarshalJSON() ([]byte, error) {
	return json.Marshal(carrierChoiceJSON{c.Carrier, c.Reasons, c.Collect, c.CollectPossible, money(c.Difference())})
}

// UnmarshalJSON decodes what MarshalJSON encodes. A negative difference,
// one with more than two decimals, or an unknown reason is an error, and c
// is left unchanged.
func (c *CarrierChoice) UnmarshalJSON(b []byte) error {
	var w carrierChoiceJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	f, err := fenFromJSON("difference", w.Difference)
	if err != nil {
		return err
	}
	*c = CarrierChoice{w.Carrier, w.Reasons, w.Collect, w.CollectPossible, f}
	return nil
}

type overchargeJSON struct {
	Overcharged bool                 `json:"overcharged"`
	Amount      money                `json:"amount"`
	Remedies    RemedySet            `json:"remedies"`
	FollowUp    order.Department     `json:"follow_up,omitzero"`
	Free        FreeShippingDecision `json:"free_shipping"`
}

// MarshalJSON encodes the overcharge with the amount to give back as text
// with two decimals, its remedies as snake_case names, and the
// free-shipping decision behind it:
//
//	{"overcharged":true,"amount":"10.00","remedies":["fix_postage"],"follow_up":"operations","free_shipping":{…}}
func (c Overcharge) MarshalJSON() ([]byte, error) {
	return json.Marshal(overchargeJSON{c.Overcharged, money(c.Amount()), c.Remedies, c.FollowUp, c.Free})
}

// UnmarshalJSON decodes what MarshalJSON encodes; the amount is derived
// from the free-shipping decision again rather than read. On error c is
// left unchanged.
func (c *Overcharge) UnmarshalJSON(b []byte) error {
	var w overchargeJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Overcharge{w.Overcharged, w.Remedies, w.FollowUp, w.Free}
	return nil
}
