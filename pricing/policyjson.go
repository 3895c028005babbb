package pricing

import (
	"encoding"
	"encoding/json"
	"errors"
	"reflect"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

// inField re-labels err, from decoding the value of field path, so that
// its message names the policy field: a pricing [*Error] gets path put in
// front of its own field (or in place of it for a bare amount or kind),
// an error of package order becomes a pricing *Error for path wrapping the same
// sentinel (errors.Is still matches it), and any other error (a JSON
// value of the wrong type, a time that does not parse) an *Error for path
// wrapping [ErrInvalidPolicy].
func inField(path string, err error) error {
	var pe *Error
	if errors.As(err, &pe) && pe.Pkg != "pricing" {
		return fieldErr(path, pe.Value, pe.Err, pe.Detail)
	}
	if pe != nil {
		e := *pe
		switch {
		case e.Field == "" || e.Field == "amount" || e.Field == "kind":
			e.Field = path
		default:
			e.Field = path + "." + e.Field
		}
		return &e
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if te.Field != "" {
			path += "." + te.Field
		}
		return typeErr(path, te)
	}
	return fieldErr(path, "", ErrInvalidPolicy, err.Error())
}

// typeErr is a JSON value of the wrong type for field as an [*Error]
// wrapping [ErrInvalidPolicy]: pricing: approver "number": invalid
// policy: want a JSON string.
func typeErr(field string, te *json.UnmarshalTypeError) *Error {
	return fieldErr(field, te.Value, ErrInvalidPolicy, "want a JSON "+jsonType(te.Type))
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// jsonType names the JSON type that decodes into t.
func jsonType(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		return "string"
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return "number"
}

// decodeAmount decodes one amount of a policy; absent (nil) is zero.
func decodeAmount(field string, raw json.RawMessage) (decimal.Decimal, error) {
	var f fixed
	if raw != nil {
		if err := json.Unmarshal(raw, &f); err != nil {
			return decimal.Decimal{}, inField(field, err)
		}
	}
	return decimal.Decimal(f), nil
}

type authorityRaw struct {
	Gift            json.RawMessage `json:"gift"`
	Postage         json.RawMessage `json:"postage"`
	PriceCut        json.RawMessage `json:"price_cut"`
	PriceCutPercent json.RawMessage `json:"price_cut_percent"`
	EraseChange     bool            `json:"erase_change"`
}

// UnmarshalJSON decodes what MarshalJSON encodes, as a whole: a field
// absent from the JSON is zero. Amounts may also be JSON numbers. An
// error names the field ("gift") and leaves a unchanged.
func (a *Authority) UnmarshalJSON(b []byte) error {
	var w authorityRaw
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	var n Authority
	n.EraseChange = w.EraseChange
	for _, f := range [...]struct {
		name string
		raw  json.RawMessage
		dst  *decimal.Decimal
	}{
		{"gift", w.Gift, &n.Gift}, {"postage", w.Postage, &n.Postage},
		{"price_cut", w.PriceCut, &n.PriceCut}, {"price_cut_percent", w.PriceCutPercent, &n.PriceCutPercent},
	} {
		v, err := decodeAmount(f.name, f.raw)
		if err != nil {
			return err
		}
		*f.dst = v
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

// UnmarshalJSON decodes what MarshalJSON encodes, as a whole: a field
// absent from the JSON is zero. An error names the field
// ("team_leader.gift") and leaves l unchanged.
func (l *Limits) UnmarshalJSON(b []byte) error {
	var w limitsRaw
	if err := json.Unmarshal(b, &w); err != nil {
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
			if err := json.Unmarshal(f.raw, f.dst); err != nil {
				return inField(f.name, err)
			}
		}
	}
	var err error
	if n.ErasePercent, err = decodeAmount("erase_percent", w.ErasePercent); err != nil {
		return err
	}
	*l = n
	return nil
}

type periodRaw struct {
	Name   string          `json:"name"`
	Start  json.RawMessage `json:"start"`
	End    json.RawMessage `json:"end"`
	Limits json.RawMessage `json:"limits"`
}

// UnmarshalJSON decodes a period as a whole: it never mixes with what a
// list held at the same position before, so a new period does not
// inherit the name, times or limits of an old one. An error names the
// field ("limits.team_leader.gift") and leaves p unchanged.
func (p *Period) UnmarshalJSON(b []byte) error {
	var w periodRaw
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	n := Period{Name: w.Name}
	for _, f := range [...]struct {
		name string
		raw  json.RawMessage
		dst  *time.Time
	}{{"start", w.Start, &n.Start}, {"end", w.End, &n.End}} {
		if f.raw != nil {
			if err := json.Unmarshal(f.raw, f.dst); err != nil {
				return fieldErr(f.name, string(f.raw), ErrInvalidTime, "not RFC 3339")
			}
		}
	}
	if w.Limits != nil {
		if err := json.Unmarshal(w.Limits, &n.Limits); err != nil {
			return inField("limits", err)
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

// UnmarshalJSON decodes over p: fields absent from the JSON keep their
// value, so decoding a shop's file onto [DefaultPolicy] overrides only
// what the file sets. A field the file sets is replaced whole: the
// preference and periods lists (a new period never inherits an old
// one's limits) and the limits, whose absent fields are zero. An error
// names the policy field ("approver", "periods[0].limits.team_leader.gift")
// and wraps the same sentinel as the underlying error, so errors.Is(err,
// [ErrUnknownRole]) still holds; on any error p is unchanged.
// UnmarshalJSON does not validate: call [Policy.Validate].
func (p *Policy) UnmarshalJSON(b []byte) error {
	var w policyRaw
	if err := json.Unmarshal(b, &w); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return typeErr(te.Field, te)
		}
		return err
	}
	n := *p
	if w.Zone != nil {
		n.Zone = *w.Zone
	}
	if w.Preference != nil {
		var names []json.RawMessage
		if err := json.Unmarshal(w.Preference, &names); err != nil {
			return inField("preference", err)
		}
		var pref []Kind
		if names != nil {
			pref = make([]Kind, len(names))
		}
		for i, raw := range names {
			if err := json.Unmarshal(raw, &pref[i]); err != nil {
				return inField("preference["+strconv.Itoa(i)+"]", err)
			}
		}
		n.Preference = pref
	}
	if w.Approver != nil {
		var r order.Role
		if err := json.Unmarshal(w.Approver, &r); err != nil {
			return inField("approver", err)
		}
		n.Approver = r
	}
	if w.Limits != nil {
		var l Limits
		if err := json.Unmarshal(w.Limits, &l); err != nil {
			return inField("limits", err)
		}
		n.Limits = l
	}
	if w.Periods != nil {
		var list []json.RawMessage
		if err := json.Unmarshal(w.Periods, &list); err != nil {
			return inField("periods", err)
		}
		var periods []Period
		if list != nil {
			periods = make([]Period, len(list))
		}
		for i, raw := range list {
			if err := json.Unmarshal(raw, &periods[i]); err != nil {
				return inField("periods["+strconv.Itoa(i)+"]", err)
			}
		}
		n.Periods = periods
	}
	*p = n
	return nil
}
