package notes

import (
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/tz"
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
	// UrgentAckMinutes and NormalAckMinutes: how long a colleague has to
	// acknowledge a hand-off before it is overdue (rule N2). kefu
	// defaults: 30 and 240.
	UrgentAckMinutes int `json:"urgent_ack_minutes"`
	NormalAckMinutes int `json:"normal_ack_minutes"`
	// DueSoonMinutes: an open promise due within this many minutes of now
	// is due soon (rule N3). kefu default: 120.
	DueSoonMinutes int `json:"due_soon_minutes"`
	// MorningAt and EveningAt ("HH:MM", policy zone) start the two
	// daily contact rounds of a slow review (rule O5). kefu defaults:
	// "09:00" and "18:00".
	MorningAt string `json:"morning_at"`
	EveningAt string `json:"evening_at"`
}

// DefaultPolicy returns the defaults of DOMAIN.md, and kefu's own where
// the sources give no number (acknowledgement windows, "due soon",
// contact-round times).
func DefaultPolicy() Policy {
	return Policy{
		Zone:             tz.Default,
		Lang:             Chinese,
		UrgentAckMinutes: 30,
		NormalAckMinutes: 240,
		DueSoonMinutes:   120,
		MorningAt:        "09:00",
		EveningAt:        "18:00",
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
	morning, evening   time.Duration // since midnight
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
	minutes := func(field string, v, lo, hi int) (time.Duration, error) {
		if v < lo || v > hi {
			return 0, fieldErr("policy."+field, strconv.Itoa(v), ErrInvalidPolicy,
				"must be "+strconv.Itoa(lo)+" to "+strconv.Itoa(hi))
		}
		return time.Duration(v) * time.Minute, nil
	}
	if c.urgentAck, err = minutes("urgent_ack_minutes", p.UrgentAckMinutes, 1, 7*24*60); err != nil {
		return c, err
	}
	if c.normAck, err = minutes("normal_ack_minutes", p.NormalAckMinutes, 1, 7*24*60); err != nil {
		return c, err
	}
	if c.dueSoon, err = minutes("due_soon_minutes", p.DueSoonMinutes, 0, 7*24*60); err != nil {
		return c, err
	}
	if c.morning, err = clock("policy.morning_at", p.MorningAt); err != nil {
		return c, err
	}
	if c.evening, err = clock("policy.evening_at", p.EveningAt); err != nil {
		return c, err
	}
	if c.evening <= c.morning {
		return c, fieldErr("policy.evening_at", p.EveningAt, ErrInvalidPolicy, "must be later than morning_at")
	}
	return c, nil
}

// clock parses "HH:MM" into the time since midnight.
func clock(field, s string) (time.Duration, error) {
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return 0, fieldErr(field, s, ErrInvalidPolicy, "want HH:MM")
	}
	return time.Duration(t.Hour())*time.Hour + time.Duration(t.Minute())*time.Minute, nil
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
// its cause. UnmarshalJSON does not validate: call [Policy.Validate].
func (p *Policy) UnmarshalJSON(b []byte) error {
	w := policyFields(*p)
	if err := json.Unmarshal(b, &w); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) && te.Field != "" {
			return causeErr(te.Field, te.Value, ErrInvalidPolicy, "wrong JSON type", err)
		}
		return err
	}
	*p = Policy(w)
	return nil
}
