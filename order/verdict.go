package order

import "github.com/kefu-go/kefu/internal/enum"

// Verdict is the outcome of a rule check, the same in every kefu package:
// a pricing review, a promise check, a memo append, a cash-on-delivery
// dispatch all answer with a Verdict and the reason codes behind it. The
// zero value, [VerdictUnknown], is no verdict; no check returns it without
// an error.
type Verdict uint8

// Verdicts.
const (
	VerdictUnknown Verdict = iota
	// Allowed: the agent may go ahead alone.
	Allowed
	// NeedsApproval: it may be done with the approval of someone above the
	// agent (rule A3); the decision names the approver's role.
	NeedsApproval
	// Refused: it may not be done; the reasons say why, and the decision
	// may suggest what can be done instead.
	Refused
	numVerdicts
)

var verdictNames = []string{"", "allowed", "needs_approval", "refused"}

// ParseVerdict returns the verdict named s ("allowed", "needs_approval",
// "refused"); other text is an error wrapping [ErrUnknownCode].
func ParseVerdict(s string) (Verdict, error) {
	if i, ok := enum.Index(verdictNames, s); ok {
		return Verdict(i), nil
	}
	return VerdictUnknown, fieldErr("verdict", s, ErrUnknownCode, "")
}

// String returns the snake_case name, or "Verdict(N)" out of range.
func (v Verdict) String() string { return enum.Name(verdictNames, int(v), "Verdict") }

// IsValid reports whether v is a known verdict.
func (v Verdict) IsValid() bool { return v > VerdictUnknown && v < numVerdicts }

// MarshalText returns the snake_case name; an invalid verdict is an error.
func (v Verdict) MarshalText() ([]byte, error) {
	if !v.IsValid() {
		return nil, fieldErr("verdict", v.String(), ErrUnknownCode, "")
	}
	return []byte(verdictNames[v]), nil
}

// UnmarshalText accepts the names [ParseVerdict] accepts.
func (v *Verdict) UnmarshalText(b []byte) error {
	n, err := ParseVerdict(string(b))
	if err != nil {
		return err
	}
	*v = n
	return nil
}
