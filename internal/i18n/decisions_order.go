package i18n

import "time"

// The messages that render order's decisions and refund's plans (issue
// 14, stage C): the cash-on-delivery decision, the slow review, the
// oversell plan, a triage finding and the after-sales digest, and the
// refund-and-reorder plan with its blockers. The texts are in
// text_plans.go.

// StaffIfDeclined is the action to take if the buyer declines cash on
// delivery while being asked (rules S9, N6).
type StaffIfDeclined struct {
	Action string // the action's label
}

// Key returns "staff.cod.if_declined".
func (StaffIfDeclined) Key() string { return "staff.cod.if_declined" }

func (m StaffIfDeclined) args(dst []arg) []arg { return append(dst, textArg("action", m.Action)) }

// StaffConfirmBy is when the buyer's confirmation of cash on delivery is
// due (rule S9).
type StaffConfirmBy struct {
	By time.Time // told as a day and time in the message's zone
}

// Key returns "staff.cod.confirm_by".
func (StaffConfirmBy) Key() string { return "staff.cod.confirm_by" }

func (m StaffConfirmBy) args(dst []arg) []arg { return append(dst, dateTimeArg("by", m.By)) }

// StaffSlowReviewDay heads a slow review: which day of it this is (rule
// O5).
type StaffSlowReviewDay struct {
	Day int
}

// Key returns "staff.slow_review.day".
func (StaffSlowReviewDay) Key() string { return "staff.slow_review.day" }

func (m StaffSlowReviewDay) args(dst []arg) []arg { return append(dst, countArg("day", m.Day)) }

// StaffDealWithBy is when a slow review must be dealt with (rule O5).
type StaffDealWithBy struct {
	By time.Time // told as a day and time in the message's zone
}

// Key returns "staff.slow_review.deal_with_by".
func (StaffDealWithBy) Key() string { return "staff.slow_review.deal_with_by" }

func (m StaffDealWithBy) args(dst []arg) []arg { return append(dst, dateTimeArg("by", m.By)) }

// StaffContactDue names the channels still to try in the current contact
// round of a slow review (rule O5).
type StaffContactDue struct {
	Round    Term     // the round's label
	Channels []string // the channels' labels
}

// Key returns "staff.slow_review.contact_due".
func (StaffContactDue) Key() string { return "staff.slow_review.contact_due" }

func (m StaffContactDue) args(dst []arg) []arg {
	return append(dst, termArg("round", m.Round), seqArg("channels", m.Channels))
}

// StaffRoundsMissed counts the earlier contact rounds in which some
// channel was not tried (rule O5).
type StaffRoundsMissed struct {
	Count int
}

// Key returns "staff.slow_review.missed".
func (StaffRoundsMissed) Key() string { return "staff.slow_review.missed" }

func (m StaffRoundsMissed) args(dst []arg) []arg { return append(dst, countArg("count", m.Count)) }

// StaffOversold heads an oversell plan whose orders ask for more than
// real stock holds (rule O3).
type StaffOversold struct {
	SKU            string
	OnHand, Demand int
}

// Key returns "staff.oversell.oversold".
func (StaffOversold) Key() string { return "staff.oversell.oversold" }

func (m StaffOversold) args(dst []arg) []arg {
	return append(dst, textArg("sku", m.SKU), countArg("on_hand", m.OnHand), countArg("demand", m.Demand))
}

// StaffStockCovers heads an oversell plan whose real stock covers every
// order (rule O3).
type StaffStockCovers struct {
	SKU            string
	OnHand, Demand int
}

// Key returns "staff.oversell.covered".
func (StaffStockCovers) Key() string { return "staff.oversell.covered" }

func (m StaffStockCovers) args(dst []arg) []arg {
	return append(dst, textArg("sku", m.SKU), countArg("on_hand", m.OnHand), countArg("demand", m.Demand))
}

// StaffAllocated is what one order left short gets of an oversold item
// (rule O3).
type StaffAllocated struct {
	Order              string
	Allocated, Ordered int
}

// Key returns "staff.oversell.allocated".
func (StaffAllocated) Key() string { return "staff.oversell.allocated" }

func (m StaffAllocated) args(dst []arg) []arg {
	return append(dst, textArg("order", m.Order), countArg("allocated", m.Allocated), countArg("ordered", m.Ordered))
}

// StaffCompensation asks for a compensation request to a role for the
// buyers left short of a promotion item (rule P5).
type StaffCompensation struct {
	Role RoleCode
}

// Key returns "staff.oversell.compensation".
func (StaffCompensation) Key() string { return "staff.oversell.compensation" }

func (m StaffCompensation) args(dst []arg) []arg { return append(dst, roleArg("role", m.Role)) }

// OutOfStockPartial tells a buyer paid online that only part of the order
// can ship, and offers a refund or another item for the rest (rule O3).
type OutOfStockPartial struct {
	Allocated, Short int
}

// Key returns "buyer.stock.partial".
func (OutOfStockPartial) Key() string { return "buyer.stock.partial" }

func (m OutOfStockPartial) args(dst []arg) []arg {
	return append(dst, countArg("allocated", m.Allocated), countArg("short", m.Short))
}

// OutOfStockOfferCOD tells a cash-on-delivery buyer the item is out of
// stock, and offers another item or closing the order, nothing having
// been paid (rule O3).
type OutOfStockOfferCOD struct{}

// Key returns "buyer.stock.out_of_stock_cod".
func (OutOfStockOfferCOD) Key() string { return "buyer.stock.out_of_stock_cod" }

func (OutOfStockOfferCOD) args(dst []arg) []arg { return dst }

// StaffDigestHead heads the after-sales digest: when it was made, how
// many problem orders, when the next one is due (rule O2).
type StaffDigestHead struct {
	At     time.Time // told as a day and time in the message's zone
	Orders int
	Next   time.Time // told as a day and time in the message's zone
}

// Key returns "staff.digest.head".
func (StaffDigestHead) Key() string { return "staff.digest.head" }

func (m StaffDigestHead) args(dst []arg) []arg {
	return append(dst, dateTimeArg("at", m.At), countArg("orders", m.Orders), dateTimeArg("next", m.Next))
}

// StaffDigestGroup heads one category of the digest with its count (rule
// O2).
type StaffDigestGroup struct {
	Category string // the category's label
	Count    int
}

// Key returns "staff.digest.group".
func (StaffDigestGroup) Key() string { return "staff.digest.group" }

func (m StaffDigestGroup) args(dst []arg) []arg {
	return append(dst, textArg("category", m.Category), countArg("count", m.Count))
}

// StaffDigestColumns is the header of the digest's table: the columns'
// names separated by tabs, in the order order, placed, age, buyer,
// region, reasons.
type StaffDigestColumns struct{}

// Key returns "staff.digest.columns".
func (StaffDigestColumns) Key() string { return "staff.digest.columns" }

func (StaffDigestColumns) args(dst []arg) []arg { return dst }

// StaffAgeMinutes is an age under a day: hours and minutes.
type StaffAgeMinutes struct {
	Hours, Minutes int
}

// Key returns "staff.age.minutes".
func (StaffAgeMinutes) Key() string { return "staff.age.minutes" }

func (m StaffAgeMinutes) args(dst []arg) []arg {
	return append(dst, countArg("hours", m.Hours), countArg("minutes", m.Minutes))
}

// StaffAgeMins is an age under an hour: minutes.
type StaffAgeMins struct {
	Minutes int
}

// Key returns "staff.age.mins".
func (StaffAgeMins) Key() string { return "staff.age.mins" }

func (m StaffAgeMins) args(dst []arg) []arg { return append(dst, countArg("minutes", m.Minutes)) }

// StaffAgeDays is an age of a day or more: days and hours.
type StaffAgeDays struct {
	Days, Hours int
}

// Key returns "staff.age.days".
func (StaffAgeDays) Key() string { return "staff.age.days" }

func (m StaffAgeDays) args(dst []arg) []arg {
	return append(dst, countArg("days", m.Days), countArg("hours", m.Hours))
}

// StaffPlanOrders names a plan's original order and, once placed, the
// new one (rule R1).
type StaffPlanOrders struct {
	Original, Reorder string
}

// Key returns "staff.plan.orders".
func (StaffPlanOrders) Key() string { return "staff.plan.orders" }

func (m StaffPlanOrders) args(dst []arg) []arg {
	return append(dst, textArg("original", m.Original), textArg("reorder", m.Reorder))
}

// StaffPlanOriginal names a plan's original order, before any new one
// (rules S2, R1).
type StaffPlanOriginal struct {
	Original string
}

// Key returns "staff.plan.original".
func (StaffPlanOriginal) Key() string { return "staff.plan.original" }

func (m StaffPlanOriginal) args(dst []arg) []arg { return append(dst, textArg("original", m.Original)) }

// StaffStepsDone lists a plan's steps done.
type StaffStepsDone struct {
	Steps []string // the steps' labels
}

// Key returns "staff.plan.done".
func (StaffStepsDone) Key() string { return "staff.plan.done" }

func (m StaffStepsDone) args(dst []arg) []arg { return append(dst, seqArg("steps", m.Steps)) }

// StaffStepsPending lists a plan's steps still to do.
type StaffStepsPending struct {
	Steps []string // the steps' labels
}

// Key returns "staff.plan.pending".
func (StaffStepsPending) Key() string { return "staff.plan.pending" }

func (m StaffStepsPending) args(dst []arg) []arg { return append(dst, seqArg("steps", m.Steps)) }

// StaffBypass records an event that came before the steps that guard it:
// the event, the steps skipped and when (rule R1; seed 000 case 1).
type StaffBypass struct {
	Event   string   // the event's label
	Skipped []string // the steps' labels
	At      time.Time
}

// Key returns "staff.plan.bypass".
func (StaffBypass) Key() string { return "staff.plan.bypass" }

func (m StaffBypass) args(dst []arg) []arg {
	return append(dst, textArg("event", m.Event), seqArg("skipped", m.Skipped), dateTimeArg("at", m.At))
}

// StaffWho says who must act on a blocking step (rules A2, R1).
type StaffWho struct {
	Who string // the role's, department's or buyer's label
}

// Key returns "staff.plan.who".
func (StaffWho) Key() string { return "staff.plan.who" }

func (m StaffWho) args(dst []arg) []arg { return append(dst, textArg("who", m.Who)) }

// StaffStepReady says a blocking step can be acted on now.
type StaffStepReady struct{}

// Key returns "staff.plan.ready".
func (StaffStepReady) Key() string { return "staff.plan.ready" }

func (StaffStepReady) args(dst []arg) []arg { return dst }

// StaffStepWaiting says a blocking step waits for the steps that guard
// it (rule R1).
type StaffStepWaiting struct{}

// Key returns "staff.plan.waiting".
func (StaffStepWaiting) Key() string { return "staff.plan.waiting" }

func (StaffStepWaiting) args(dst []arg) []arg { return dst }

// StaffAckBy is when a hand-off is to be acknowledged (rule N2).
type StaffAckBy struct {
	Due time.Time // told as a day and time in the message's zone
}

// Key returns "staff.plan.ack_by".
func (StaffAckBy) Key() string { return "staff.plan.ack_by" }

func (m StaffAckBy) args(dst []arg) []arg { return append(dst, dateTimeArg("due", m.Due)) }

// ReorderPlaced tells a buyer who refunded and ordered again that the new
// order is in and the original is being refunded (rule R1).
type ReorderPlaced struct{}

// Key returns "buyer.plan.reorder_placed".
func (ReorderPlaced) Key() string { return "buyer.plan.reorder_placed" }

func (ReorderPlaced) args(dst []arg) []arg { return dst }

// OriginalRefunded tells a buyer the original order has been refunded
// (rule R1).
type OriginalRefunded struct{}

// Key returns "buyer.plan.original_refunded".
func (OriginalRefunded) Key() string { return "buyer.plan.original_refunded" }

func (OriginalRefunded) args(dst []arg) []arg { return dst }

// CheckingShipment tells a buyer with two orders out that the shop checks
// what was shipped before refunding (rule R2).
type CheckingShipment struct{}

// Key returns "buyer.plan.checking_shipment".
func (CheckingShipment) Key() string { return "buyer.plan.checking_shipment" }

func (CheckingShipment) args(dst []arg) []arg { return dst }

// StaffRefundAmount is the amount of a refund reviewed, goods and postage
// (rule A3).
type StaffRefundAmount struct {
	Amount Amount
}

// Key returns "staff.refund.amount".
func (StaffRefundAmount) Key() string { return "staff.refund.amount" }

func (m StaffRefundAmount) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// StaffReplayed says a refund's payout key was paid already, so nothing
// new is paid (rule A3: single use).
type StaffReplayed struct{}

// Key returns "staff.refund.replayed".
func (StaffReplayed) Key() string { return "staff.refund.replayed" }

func (StaffReplayed) args(dst []arg) []arg { return dst }

// RefundOnItsWay tells a buyer the refund of an amount is being made
// (rule A3; a refund the agent may make alone).
type RefundOnItsWay struct {
	Amount Amount
}

// Key returns "buyer.refund.on_its_way".
func (RefundOnItsWay) Key() string { return "buyer.refund.on_its_way" }

func (m RefundOnItsWay) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// OrderRefunded tells a buyer what was refunded on which order, once the
// money is paid: the order the evidence named, the original or the
// re-order (rules R1, R2).
type OrderRefunded struct {
	Order  string
	Amount Amount
}

// Key returns "buyer.plan.order_refunded".
func (OrderRefunded) Key() string { return "buyer.plan.order_refunded" }

func (m OrderRefunded) args(dst []arg) []arg {
	return append(dst, textArg("order", m.Order), amountArg("amount", m.Amount))
}

// StatusAwaitingDispatchCOD is the trade state WAIT_SELLER_SEND_GOODS of a
// cash-on-delivery order, which the buyer has not paid: it is paid on
// delivery (rules O1, S9).
type StatusAwaitingDispatchCOD struct{}

// Key returns "order.status.awaiting_dispatch_cod".
func (StatusAwaitingDispatchCOD) Key() string { return "order.status.awaiting_dispatch_cod" }

func (StatusAwaitingDispatchCOD) args(dst []arg) []arg { return dst }

// StatusHeldCOD is the trade state PAID_FORBID_CONSIGN of a
// cash-on-delivery order: held from dispatch, not paid (rules O1, S9).
type StatusHeldCOD struct{}

// Key returns "order.status.held_cod".
func (StatusHeldCOD) Key() string { return "order.status.held_cod" }

func (StatusHeldCOD) args(dst []arg) []arg { return dst }
