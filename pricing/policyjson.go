package pricing

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// asPolicyErr makes err, from decoding a policy, match [ErrInvalidPolicy]
// as well as its own sentinel ([ErrUnknownField], [ErrInvalidAmount] …),
// so that errors.Is(err, ErrInvalidPolicy) holds for any bad policy file.
func asPolicyErr(err error) error {
	var pe *Error
	if !errors.As(err, &pe) {
		return err
	}
	e := *pe
	if e.Err != ErrInvalidPolicy && e.Cause == nil {
		e.Cause = ErrInvalidPolicy
	}
	return &e
}

type authorityRaw struct {
	Gift            json.RawMessage `json:"gift"`
	Postage         json.RawMessage `json:"postage"`
	PriceCut        json.RawMessage `json:"price_cut"`
	PriceCutPercent json.RawMessage `json:"price_cut_percent"`
	EraseChange     bool            `json:"erase_change"`
}

// UnmarshalJSON decodes what MarshalJSON encodes, as a whole: a field
// absent from the JSON is zero. Amounts are exact text ("50.00") or JSON
// numbers, with at most two decimals, read by internal/yuan (a megabyte of
// digits is refused after a length check). A field an Authority does not
// have is an error. An error names the field ("gift") and leaves a
// unchanged.
func (a *Authority) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w authorityRaw
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	n := Authority{EraseChange: w.EraseChange}
	for _, f := range [...]struct {
		name string
		raw  json.RawMessage
		dst  *decimal.Decimal
	}{
		{"gift", w.Gift, &n.Gift}, {"postage", w.Postage, &n.Postage},
		{"price_cut", w.PriceCut, &n.PriceCut}, {"price_cut_percent", w.PriceCutPercent, &n.PriceCutPercent},
	} {
		fen, err := fenJSON(f.name, f.raw)
		if err != nil {
			return err
		}
		*f.dst = yuan.Dec(fen)
	}
	*a = n
	return nil
}

type limitsRaw struct {
	PreSales         json.RawMessage `json:"pre_sales"`
	InSales          json.RawMessage `json:"in_sales"`
	AfterSales       json.RawMessage `json:"after_sales"`
	ReviewHandling   json.RawMessage `json:"review_handling"`
	TeamLeader       json.RawMessage `json:"team_leader"`
	StoreManager     json.RawMessage `json:"store_manager"`
	ErasePercent     json.RawMessage `json:"erase_percent"`
	EraseTimesPerDay int             `json:"erase_times_per_day"`
}

// UnmarshalJSON decodes what MarshalJSON encodes, as a whole and
// strictly: a field absent from the JSON is zero, a field Limits does not
// have is an error. An error names the field ("team_leader.gift") and
// leaves l unchanged.
func (l *Limits) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w limitsRaw
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	n := Limits{EraseTimesPerDay: w.EraseTimesPerDay}
	for _, f := range [...]struct {
		name string
		raw  json.RawMessage
		dst  *Authority
	}{
		{"pre_sales", w.PreSales, &n.PreSales}, {"in_sales", w.InSales, &n.InSales},
		{"after_sales", w.AfterSales, &n.AfterSales}, {"review_handling", w.ReviewHandling, &n.ReviewHandling},
		{"team_leader", w.TeamLeader, &n.TeamLeader}, {"store_manager", w.StoreManager, &n.StoreManager},
	} {
		if f.raw != nil {
			if err := f.dst.UnmarshalJSON(f.raw); err != nil { // raw is valid JSON: no second scan
				return within(f.name, err)
			}
		}
	}
	fen, err := fenJSON("erase_percent", w.ErasePercent)
	if err != nil {
		return err
	}
	n.ErasePercent = yuan.Dec(fen)
	*l = n
	return nil
}

type periodRaw struct {
	Name   string          `json:"name"`
	Start  json.RawMessage `json:"start"`
	End    json.RawMessage `json:"end"`
	Limits json.RawMessage `json:"limits"`
}

// UnmarshalJSON decodes a period as a whole and strictly: it never mixes
// with what a list held at the same position before, so a new period
// does not inherit the name, times or limits of an old one, and a field a
// period does not have is an error. An error names the field
// ("limits.team_leader.gift") and leaves p unchanged.
func (p *Period) UnmarshalJSON(b []byte) error {
	if isNull(b) {
		return nil
	}
	var w periodRaw
	if err := decodeJSON("", b, &w); err != nil {
		return err
	}
	n := Period{Name: w.Name}
	var err error
	if n.Start, err = timeJSON("start", w.Start); err != nil {
		return err
	}
	if n.End, err = timeJSON("end", w.End); err != nil {
		return err
	}
	if w.Limits != nil {
		if err := n.Limits.UnmarshalJSON(w.Limits); err != nil {
			return within("limits", err)
		}
	}
	*p = n
	return nil
}

type policyRaw struct {
	Zone       *string         `json:"zone"`
	Preference json.RawMessage `json:"preference"`
	Approver   json.RawMessage `json:"approver"`
	Limits     json.RawMessage `json:"limits"`
	Periods    json.RawMessage `json:"periods"`
}

// UnmarshalJSON decodes over p: fields absent from the JSON (or null)
// keep their value, so decoding a shop's file onto [DefaultPolicy]
// overrides only what the file sets. A field the file sets is replaced
// whole: the preference and periods lists (a new period never inherits
// an old one's limits) and the limits, whose absent fields are zero.
//
// Decoding is strict (internal/jsonx): a field a policy does not have —
// a misspelled "limtis" — is an error wrapping [ErrUnknownField], and so
// is trailing data; amounts are exact decimal text or numbers with at
// most two decimals, their length bounded before any digit is read.
// Every error names the policy field ("approver",
// "periods[0].limits.team_leader.gift") and matches both
// [ErrInvalidPolicy] and the sentinel of the underlying error
// ([ErrUnknownRole], [ErrInvalidAmount], [ErrUnknownField] …); on any
// error p is unchanged. UnmarshalJSON does not validate: call
// [Policy.Validate].
func (p *Policy) UnmarshalJSON(b []byte) error {
	n, err := decodePolicy(*p, b)
	if err != nil {
		return asPolicyErr(err)
	}
	*p = n
	return nil
}

func decodePolicy(n Policy, b []byte) (Policy, error) {
	if isNull(b) {
		return n, nil
	}
	var w policyRaw
	if err := decodeJSON("", b, &w); err != nil {
		return n, err
	}
	if w.Zone != nil {
		n.Zone = *w.Zone
	}
	if w.Preference != nil && !isNull(w.Preference) {
		var names []json.RawMessage
		if err := json.Unmarshal(w.Preference, &names); err != nil {
			return n, jsonErr("preference", err)
		}
		pref := make([]Kind, len(names))
		for i, raw := range names {
			if err := json.Unmarshal(raw, &pref[i]); err != nil {
				return n, as("preference["+strconv.Itoa(i)+"]", err)
			}
		}
		n.Preference = pref
	}
	if w.Approver != nil && !isNull(w.Approver) {
		var r order.Role
		if err := json.Unmarshal(w.Approver, &r); err != nil {
			return n, as("approver", err)
		}
		n.Approver = r
	}
	if w.Limits != nil && !isNull(w.Limits) {
		var l Limits
		if err := l.UnmarshalJSON(w.Limits); err != nil {
			return n, within("limits", err)
		}
		n.Limits = l
	}
	if w.Periods != nil && !isNull(w.Periods) {
		var list []json.RawMessage
		if err := json.Unmarshal(w.Periods, &list); err != nil {
			return n, jsonErr("periods", err)
		}
		periods := make([]Period, len(list))
		for i, raw := range list {
			if err := periods[i].UnmarshalJSON(raw); err != nil {
				return n, within("periods["+strconv.Itoa(i)+"]", err)
			}
		}
		if len(periods) == 0 {
			periods = nil
		}
		n.Periods = periods
	}
	return n, nil
}
