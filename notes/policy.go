package notes

import (
	"encoding/json"
	"errors"
	"time"

	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// Policy holds a shop's numbers for notes, hand-offs, promises and the
// daily routines. It is plain data: load it from JSON, check it with
// [Policy.Validate]. Start from [DefaultPolicy].
type Policy struct {
	// Zone is the zone calendar rules run in ("" or "+08:00": China
	// Standard Time; see internal/tz).
	Zone string `json:"zone"`
	// Lang is the shop's language, in which notes are written.
	Lang Lang `json:"lang"`
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
		Lang:      Chinese,
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

func (p Policy) compile() (compiled, error) {
	var c compiled
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
// what the file sets. It decodes into a copy and assigns only on
// success: on any error p is unchanged (encoding/json alone would keep
// the fields decoded before the bad one). An error names the policy
// field: an unknown language is the [*Error] for "lang" wrapping
// [ErrUnknownEnum]; a value of the wrong JSON type is an *Error for its
// field wrapping [ErrInvalidPolicy], with the *json.UnmarshalTypeError as
// its cause, and so is a duration or time of day that does not parse
// (with shipping's error as its cause). UnmarshalJSON does not validate: call [Policy.Validate].
func (p *Policy) UnmarshalJSON(b []byte) error {
	w := policyFields(*p)
	if err := json.Unmarshal(b, &w); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return causeErr(te.Field, te.Value, ErrInvalidPolicy, "wrong JSON type", err)
		}
		var se *shipping.Error
		if errors.As(err, &se) {
			if field := badTextField(b); field != "" {
				return causeErr(field, se.Value, ErrInvalidPolicy, "", err)
			}
		}
		return err
	}
	*p = Policy(w)
	return nil
}

// textFields are the policy fields whose text shipping parses (durations
// and times of day).
var textFields = []string{"urgent_ack", "normal_ack", "due_soon"}

// badTextField returns which of textFields in the JSON object b does not
// parse, or "".
func badTextField(b []byte) string {
	var raw map[string]json.RawMessage
	if json.Unmarshal(b, &raw) != nil {
		return ""
	}
	for _, k := range textFields {
		v, ok := raw[k]
		if !ok {
			continue
		}
		var probe policyFields
		if json.Unmarshal([]byte(`{"`+k+`":`+string(v)+`}`), &probe) != nil {
			return k
		}
	}
	return ""
}
