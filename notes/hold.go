package notes

import (
	"time"

	"github.com/kefu-go/kefu/order"
)

// ApplyHold holds an order back from dispatch, or lifts the hold, and
// returns the order in its new status together with the memo note that
// tells the warehouse (rules N1, N3, R1). The order's status is the one
// truth about a hold — [order.Held], the platform's PAID_FORBID_CONSIGN —
// and the note follows from the event that set it: e is [order.Hold],
// which gives a [KindHold] note (暂停发货), or [order.Release], which gives
// the release note (恢复发货, [Note.Release]). Append the note with
// [Policy.AppendNote] and store both.
//
// Making the note from the event, instead of letting an agent write a
// hold note of their own, keeps the two from disagreeing: a hold note
// cannot be written for an order whose status is not held, nor a release
// for one that is. [Memo.SaysHeld] still reads what a memo says (notes
// typed earlier, or by hand), and [Memo.HoldAgrees] and
// [Policy.MakePromise] check it against the status.
//
// An event other than Hold or Release wraps [ErrInvalidDetail]; a note
// that is not valid (no reason, an invalid author or flag, no time) is the
// error of [NormalizeNote]; a move the lifecycle refuses (holding an order
// that is not awaiting dispatch, releasing one that is not held) is
// order's [*Error] wrapping [order.ErrInvalidTransition] (class
// conflict). On error o is returned unchanged and no note is made.
func ApplyHold(o order.Order, e order.Event, flag Flag, reason string, by order.Agent, at time.Time) (order.Order, Note, error) {
	if e != order.Hold && e != order.Release {
		return o, Note{}, fieldErr("event", e.String(), ErrInvalidDetail, "want hold or release")
	}
	n, err := NormalizeNote(Note{Flag: flag, Kind: KindHold, Release: e == order.Release, Reason: reason, Author: by, At: at})
	if err != nil {
		return o, Note{}, err
	}
	next, err := o.Apply(e, at)
	if err != nil {
		return o, Note{}, err
	}
	return next, n, nil
}

// SaysHeld reports what the memo says about a hold: whether its last
// [KindHold] note, in memo order, is a hold rather than a release
// ([Note.Release]). Only lines in kefu's canonical form count: a hold
// typed by hand in free text is among the other lines of [Memo.Notes],
// for a person to read. The memo is append-only, so a hold is lifted by
// appending a release note, and a later hold holds again.
//
// What the memo says is not the truth about the order: its status is
// ([order.Held]). A memo can lag (a hold applied on the platform but
// never noted) or lead (a note written and the hold never applied);
// [Memo.HoldAgrees] tells, and [ApplyHold] keeps the two together.
func (m Memo) SaysHeld() bool {
	ns, _ := m.Notes()
	held := false
	for _, n := range ns {
		if n.Kind == KindHold {
			held = !n.Release
		}
	}
	return held
}

// HoldAgrees reports whether what the memo says about a hold
// ([Memo.SaysHeld]) agrees with an order in status s: an order that can
// still be dispatched — awaiting dispatch or held — is held exactly when
// its memo says so. For an order already dispatched, finished or closed a
// hold no longer matters and HoldAgrees is true. When it is false, the
// warehouse, which reads the memo, and the backend, which reads the
// status, disagree: put one right before promising anything (rule N3).
func (m Memo) HoldAgrees(s order.Status) bool {
	if s != order.AwaitingDispatch && s != order.Held {
		return true
	}
	return m.SaysHeld() == (s == order.Held)
}
