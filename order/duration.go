package order

import "time"

// Duration is the one duration type of kefu's policies and results: a
// [time.Duration] whose text form is Go's ("48h0m0s"; any form
// [time.ParseDuration] reads is accepted, such as "30m" or "2h"), so that
// policies written as JSON stay readable. Convert with time.Duration(d).
type Duration time.Duration

// maxDurationText bounds the text of a duration; Go's longest rendering,
// "-2562047h47m16.854775808s", has 25 bytes.
const maxDurationText = 32

// String returns the duration as [time.Duration.String] writes it.
func (d Duration) String() string { return time.Duration(d).String() }

// MarshalText returns the duration as [time.Duration.String] writes it.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText accepts what [time.ParseDuration] reads; other text, or
// text longer than 32 bytes, is an error wrapping [ErrInvalidText].
func (d *Duration) UnmarshalText(b []byte) error {
	if len(b) > maxDurationText {
		return fieldErr("duration", string(b), ErrInvalidText, "too long for a duration")
	}
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fieldErr("duration", string(b), ErrInvalidText, `want a Go duration such as "48h"`)
	}
	*d = Duration(v)
	return nil
}
