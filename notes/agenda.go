package notes

import (
	"slices"
	"time"
)

// Agenda is after-sales' record for one day (rule N4): the promises it
// follows that are overdue, those due before the day ends, and among
// them the buyers to call back.
type Agenda struct {
	Day      time.Time `json:"day"`       // midnight starting the day, policy zone
	Overdue  []Promise `json:"overdue"`   // open and past due at now, most overdue first
	DueToday []Promise `json:"due_today"` // open, due from now until the day ends
	Calls    []Promise `json:"calls"`     // the [CallBack] promises of both lists
}

// Agenda returns the day's record at now from the ledger (rule N4):
// after-sales keeps a daily record of what it follows and calls the buyer
// when needed. It reads the ledger by due time, without a scan. An
// invalid policy wraps [ErrInvalidPolicy].
func (p Policy) Agenda(l Ledger, now time.Time) (Agenda, error) {
	c, err := p.compile()
	if err != nil {
		return Agenda{}, err
	}
	t := now.In(c.loc)
	day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, c.loc)
	end := day.AddDate(0, 0, 1)
	a := Agenda{Day: day, Overdue: l.Overdue(now)}
	i := firstDueAtOrAfter(l.open, now)
	j := firstDueAtOrAfter(l.open, end)
	a.DueToday = slices.Clone(l.open[i:j])
	for _, ps := range [2][]Promise{a.Overdue, a.DueToday} {
		for _, pr := range ps {
			if pr.Kind == CallBack {
				a.Calls = append(a.Calls, pr)
			}
		}
	}
	return a, nil
}
