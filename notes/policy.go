package notes

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/jsonx"
	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/order"
)

// Policy holds a shop's numbers for notes, hand-offs, promises and the
// daily routines. It is plain data: load it from JSON, check it with
// [Policy.Validate]. Start from [DefaultPolicy].
type Policy struct {
	// Zone is the zone calendar rules run in ("" or "+08:00": China
	// Standard Time; see internal/tz).
	Zone string `json:"zone"`
	// Lang is the shop's language, in which notes are written: its text
	// form is the tag ("zh-Hans", "zh-Hant", "en", "es"; see
	// [order.ParseLang]). kefu default: simplified Chinese.
	Lang order.Lang `json:"lang"`
	// UrgentAck and NormalAck: how long a colleague has to acknowledge a
	// hand-off before it is overdue (rule N2), as Go duration text
	// ("30m0s", "4h"). kefu defaults: 30 minutes and 4 hours.
	UrgentAck order.Duration `json:"urgent_ack"`
	NormalAck order.Duration `json:"normal_ack"`
	// DueSoon: an open promise due within this long of now is due soon
	// (rule N3). kefu default: 2 hours.
	DueSoon order.Duration `json:"due_soon"`
}

// DefaultPolicy returns the defaults of DOMAIN.md, and kefu's own where
// the sources give no number (acknowledgement windows, "due soon").
func DefaultPolicy() Policy {
	return Policy{
		Zone:      tz.Default,
		Lang:      order.SimplifiedChinese,
		UrgentAck: order.Duration(30 * time.Minute),
		NormalAck: order.Duration(4 * time.Hour),
		DueSoon:   order.Duration(2 * time.Hour),
	}
}

// Validate reports the first field out of range, as an [*Error] wrapping
// [ErrInvalidPolicy] that names it.
func (p Policy) Validate() error {
	_, err := p.compile()
	return err
}

// compiled is a validated policy in the form rules use.
type compiled struct {
	loc                *time.Location
	urgentAck, normAck time.Duration
	dueSoon            time.Duration
}

// maxZoneBytes bounds a zone name: the longest in the tz database is 32
// bytes, and a longer name is refused before it is looked up.
const maxZoneBytes = 64

func (p Policy) compile() (compiled, error) {
	var c compiled
	if len(p.Zone) > maxZoneBytes {
		return c, fieldErr("policy.zone", p.Zone, ErrInvalidPolicy, "longer than "+strconv.Itoa(maxZoneBytes)+" bytes")
	}
	loc, err := tz.Location(p.Zone)
	if err != nil {
		return c, causeErr("policy.zone", p.Zone, ErrInvalidPolicy, "", err)
	}
	c.loc = loc
	if !p.Lang.IsValid() {
		return c, fieldErr("policy.lang", p.Lang.String(), ErrInvalidPolicy, "")
	}
	const week = 7 * 24 * time.Hour
	between := func(field string, d order.Duration, lo, hi time.Duration) (time.Duration, error) {
		if v := time.Duration(d); v >= lo && v <= hi {
			return v, nil
		}
		text, _ := d.MarshalText()
		return 0, fieldErr("policy."+field, string(text), ErrInvalidPolicy,
			"must be "+lo.String()+" to "+hi.String())
	}
	if c.urgentAck, err = between("urgent_ack", p.UrgentAck, time.Minute, week); err != nil {
		return c, err
	}
	if c.normAck, err = between("normal_ack", p.NormalAck, time.Minute, week); err != nil {
		return c, err
	}
	if c.dueSoon, err = between("due_soon", p.DueSoon, 0, week); err != nil {
		return c, err
	}
	return c, nil
}

// policyFields is Policy without its methods, for decoding.
type policyFields Policy

// UnmarshalJSON decodes over p: fields absent from the JSON keep their
// value, so decoding a shop's file onto [DefaultPolicy] overrides only
// what the file sets. Decoding is strict and whole: a field the policy
// does not have is refused (a misspelled "urgent_ak" never silently keeps
// the default), and so is data after the object. It decodes into a copy
// and assigns only on success: on any error p is unchanged.
//
// Every error is an [*Error] wrapping [ErrInvalidPolicy] that names the
// policy field by its JSON path ("policy.urgent_ack"), with the
// particular problem as its cause: [order.ErrUnknownField] for a field the
// policy does not have, [order.ErrInvalidJSON] for malformed JSON or a
// value of the wrong JSON type, and the field's own error for a value that
// does not parse (an unknown language, a duration or a time of day is
// package order's error: [order.ErrUnknownCode] for a language). UnmarshalJSON does not
// validate ranges: call [Policy.Validate].
func (p *Policy) UnmarshalJSON(b []byte) error {
	if len(b) > MaxJSON {
		return causeErr("policy", "", ErrInvalidPolicy, "longer than "+strconv.Itoa(MaxJSON)+" bytes", order.ErrInvalidJSON)
	}
	w := policyFields(*p)
	if err := jsonx.Decode(b, &w); err != nil {
		return policyJSONErr(b, err)
	}
	*p = Policy(w)
	return nil
}

// policyJSONErr names the policy field a decoding error is about.
func policyJSONErr(b []byte, err error) error {
	pr := jsonx.Describe(err)
	switch pr.Kind {
	case jsonx.Text:
		return causeErr("policy", "", ErrInvalidPolicy, pr.Detail, order.ErrInvalidText)
	case jsonx.Syntax:
		return causeErr("policy", "", ErrInvalidPolicy, pr.Detail, order.ErrInvalidJSON)
	case jsonx.UnknownField:
		return causeErr(jsonx.Join("policy", pr.Field), "", ErrInvalidPolicy, pr.Detail, order.ErrUnknownField)
	case jsonx.Type:
		return causeErr(jsonx.Join("policy", pr.Field), pr.Value, ErrInvalidPolicy, pr.Detail, order.ErrInvalidJSON)
	}
	// A field's own decoder refused its value: decode the fields one by
	// one, in name order, to find the first that fails.
	var raw map[string]json.RawMessage
	if json.Unmarshal(b, &raw) == nil {
		keys := slices.Sorted(maps.Keys(raw))
		for _, k := range keys {
			var probe policyFields
			one, _ := json.Marshal(map[string]json.RawMessage{k: raw[k]})
			if perr := jsonx.Decode(one, &probe); perr != nil && jsonx.Describe(perr).Kind != jsonx.UnknownField {
				v := string(raw[k])
				var text string
				if json.Unmarshal(raw[k], &text) == nil {
					v = text
				}
				return causeErr("policy."+k, v, ErrInvalidPolicy, "", err)
			}
		}
	}
	return causeErr("policy", "", ErrInvalidPolicy, "", err)
}
