package order

// sideEvents lists, for each of the order's own events — those that leave
// the trade state as it is —, the states that allow it (rule O1):
//
//   - [ConfirmCOD] (rule S9) and [StartSlowReview] (rule O5) before
//     dispatch: awaiting dispatch or held;
//   - [EndSlowReview] while the trade still moves towards the buyer:
//     before dispatch, partly dispatched, or awaiting receipt (a review
//     the parcel overtook is closed after dispatch).
//
// [Order.Apply] adds what the order itself decides: only a cash-on-delivery
// order is confirmed, and only once; a review is not started twice, nor
// ended when none is open. It is a fixed table, read and never written.
var sideEvents = [...]struct {
	e      Event
	states []Status
}{
	{ConfirmCOD, []Status{AwaitingDispatch, Held}},
	{StartSlowReview, []Status{AwaitingDispatch, Held}},
	{EndSlowReview, []Status{AwaitingDispatch, Held, PartlyDispatched, AwaitingReceipt}},
}

// sideEventAllowed reports whether e is one of the order's own events and
// state s allows it.
func sideEventAllowed(s Status, e Event) bool {
	for _, se := range sideEvents {
		if se.e != e {
			continue
		}
		for _, t := range se.states {
			if t == s {
				return true
			}
		}
	}
	return false
}
