package notes

import (
	"time"

	"github.com/kefu-go/kefu/internal/tz"
)

// Agenda is after-sales' record for one day (rule N4): the promises it
// follows that are overdue, those due before the day ends, and among
// them the buyers to call back.
type Agenda struct {
	Day      time.Time `json:"day"`       // the first instant of the day, policy zone
	Overdue  []Promise `json:"overdue"`   // open and past due at now, most overdue first
	DueToday []Promise `json:"due_today"` // open, due from now until the day ends
	Calls    []Promise `json:"calls"`     // the [CallBack] promises of both lists
}

// Agenda returns the day's record at now from the ledger (rule N4):
// after-sales keeps a daily record of what it follows and calls the buyer
// when needed. The day is now's calendar day in the policy's zone, from
// its first instant to the next day's (a day whose clocks skip midnight
// starts at the jump). It reads the ledger by due time, without a scan.
// An invalid policy wraps [ErrInvalidPolicy].
func (p Policy) Agenda(l Ledger, now time.Time) (Agenda, error) {
	c, err := p.compile()
	if err != nil {
		return Agenda{}, err
	}
	// Calendar days by date arithmetic in the policy's zone: a day starts
	// at its first instant, which is not midnight where the clocks skip
	// midnight (America/Santiago, 2027-09-05 starts at 01:00), and ends
	// where the next day starts — never midnight plus 24 hours.
	y, m, d := now.In(c.loc).Date()
	day, end := tz.DayStart(y, m, d, c.loc), tz.DayStart(y, m, d+1, c.loc)
	a := Agenda{Day: day, Overdue: l.Overdue(now), DueToday: l.dueIn(now, end)}
	for _, ps := range [2][]Promise{a.Overdue, a.DueToday} {
		for _, pr := range ps {
			if pr.Kind == CallBack {
				a.Calls = append(a.Calls, pr)
			}
		}
	}
	return a, nil
}

type plainAgenda Agenda

// UnmarshalJSON decodes a stored agenda strictly: an unknown field is an
// [*Error] wrapping [order.ErrUnknownField], and each promise is checked as
// [Promise.UnmarshalJSON] does. On error a is unchanged.
func (a *Agenda) UnmarshalJSON(b []byte) error {
	var w plainAgenda
	if err := decodeJSON("agenda", b, &w); err != nil {
		return err
	}
	*a = Agenda(w)
	return nil
}
