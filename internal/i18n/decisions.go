package i18n

import "time"

// The messages that render decisions (issue 14, stage B): replies to
// buyers chosen from a decision, and the headlines and parts of staff
// lines. Each is a struct whose fields are the arguments its templates
// name; the texts are in text_decisions.go.

// ShipsFree tells a buyer the order ships free (rule S1; a free-shipping
// decision allowed).
type ShipsFree struct{}

// Key returns "buyer.free_shipping.ships_free".
func (ShipsFree) Key() string { return "buyer.free_shipping.ships_free" }

func (ShipsFree) args(dst []arg) []arg { return dst }

// ShipsWithin tells a buyer the order ships within the days of the shop's
// dispatch window, by a latest day (rule S6; within_days outside a big
// promotion).
type ShipsWithin struct {
	Days   int
	Latest time.Time // told as a calendar day in the message's zone
}

// Key returns "buyer.dispatch.within".
func (ShipsWithin) Key() string { return "buyer.dispatch.within" }

func (m ShipsWithin) args(dst []arg) []arg {
	return append(dst, countArg("days", m.Days), dateArg("latest", m.Latest))
}

// NoDeliveryDateShipsBy tells a buyer who asks for a delivery day that none
// can be guaranteed, and by which day the order leaves (rules S6, S8; a
// promise refused for exact_date or delivery_guarantee).
type NoDeliveryDateShipsBy struct {
	Latest time.Time // told as a calendar day in the message's zone
}

// Key returns "buyer.dispatch.no_exact_date_ships_by".
func (NoDeliveryDateShipsBy) Key() string { return "buyer.dispatch.no_exact_date_ships_by" }

func (m NoDeliveryDateShipsBy) args(dst []arg) []arg { return append(dst, dateArg("latest", m.Latest)) }

// CarrierChosen tells a buyer which carrier the order ships with (rule S5;
// preferred_carrier, default_carrier, fallback_carrier).
type CarrierChosen struct {
	Carrier string
}

// Key returns "buyer.carrier.chosen".
func (CarrierChosen) Key() string { return "buyer.carrier.chosen" }

func (m CarrierChosen) args(dst []arg) []arg { return append(dst, textArg("carrier", m.Carrier)) }

// ParcelHeld answers a buyer chasing an order held back on purpose while
// something is settled (rules S8, N3; order_held).
type ParcelHeld struct{}

// Key returns "buyer.parcel.held".
func (ParcelHeld) Key() string { return "buyer.parcel.held" }

func (ParcelHeld) args(dst []arg) []arg { return dst }

// NoMoreDiscount tells a buyer, kindly, that no further concession is
// possible (rules A3, P1; a concession refused).
type NoMoreDiscount struct{}

// Key returns "buyer.concession.no_more".
func (NoMoreDiscount) Key() string { return "buyer.concession.no_more" }

func (NoMoreDiscount) args(dst []arg) []arg { return dst }

// PostageInstead offers a buyer a postage concession of the value asked
// instead of a price cut (rule P2; postage_preferred).
type PostageInstead struct {
	Amount Amount
}

// Key returns "buyer.concession.postage_instead".
func (PostageInstead) Key() string { return "buyer.concession.postage_instead" }

func (m PostageInstead) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// PriceCutGranted tells a buyer the price was cut, by how much, and that
// they can pay (rules P2, P4; a price cut allowed).
type PriceCutGranted struct {
	Amount Amount
}

// Key returns "buyer.concession.price_cut".
func (PriceCutGranted) Key() string { return "buyer.concession.price_cut" }

func (m PriceCutGranted) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// GiftGranted tells a buyer a small gift ships with the order (rule P2; a
// gift allowed).
type GiftGranted struct{}

// Key returns "buyer.concession.gift".
func (GiftGranted) Key() string { return "buyer.concession.gift" }

func (GiftGranted) args(dst []arg) []arg { return dst }

// PostageWaived tells a buyer how much postage was taken off (rule P2; a
// postage concession allowed).
type PostageWaived struct {
	Amount Amount
}

// Key returns "buyer.concession.postage".
func (PostageWaived) Key() string { return "buyer.concession.postage" }

func (m PostageWaived) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// ChangeErased tells a buyer the small change was erased (rule P3; erasing
// change allowed).
type ChangeErased struct {
	Amount Amount
}

// Key returns "buyer.concession.erase_change".
func (ChangeErased) Key() string { return "buyer.concession.erase_change" }

func (m ChangeErased) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// TopUpReceived thanks a buyer whose top-up arrived (rule P6; a difference
// the buyer paid, transferred).
type TopUpReceived struct {
	Difference Amount
}

// Key returns "buyer.price_difference.received".
func (TopUpReceived) Key() string { return "buyer.price_difference.received" }

func (m TopUpReceived) args(dst []arg) []arg {
	return append(dst, amountArg("difference", m.Difference))
}

// DifferenceRefunded tells a buyer the shop paid the difference back (rule
// P6; a difference the shop owed, transferred).
type DifferenceRefunded struct {
	Difference Amount
}

// Key returns "buyer.price_difference.refunded".
func (DifferenceRefunded) Key() string { return "buyer.price_difference.refunded" }

func (m DifferenceRefunded) args(dst []arg) []arg {
	return append(dst, amountArg("difference", m.Difference))
}

// GiftReminder reminds a buyer online to add the gift the order qualifies
// for (rule O4; remind_gift).
type GiftReminder struct{}

// Key returns "buyer.silent.gift".
func (GiftReminder) Key() string { return "buyer.silent.gift" }

func (GiftReminder) args(dst []arg) []arg { return dst }

// ReturnAccepted tells a buyer a seven-day no-reason return may go ahead,
// the goods coming back intact (rule R3; confirm_intact).
type ReturnAccepted struct{}

// Key returns "buyer.return.accepted".
func (ReturnAccepted) Key() string { return "buyer.return.accepted" }

func (ReturnAccepted) args(dst []arg) []arg { return dst }

// ReturnPostageOnUs tells a buyer the shop pays the postage both ways (rule
// R5; shop_at_fault, shop_caused_exchange).
type ReturnPostageOnUs struct{}

// Key returns "buyer.return.postage_on_us".
func (ReturnPostageOnUs) Key() string { return "buyer.return.postage_on_us" }

func (ReturnPostageOnUs) args(dst []arg) []arg { return dst }

// ReturnPostageReturnLeg tells a buyer the return postage is theirs (rule
// R5; no_reason_free_shipping).
type ReturnPostageReturnLeg struct{}

// Key returns "buyer.return.postage_return_leg".
func (ReturnPostageReturnLeg) Key() string { return "buyer.return.postage_return_leg" }

func (ReturnPostageReturnLeg) args(dst []arg) []arg { return dst }

// ReturnPostageBothLegs tells a buyer the postage both ways is theirs (rule
// R5; no_reason_postage_paid).
type ReturnPostageBothLegs struct{}

// Key returns "buyer.return.postage_both_legs".
func (ReturnPostageBothLegs) Key() string { return "buyer.return.postage_both_legs" }

func (ReturnPostageBothLegs) args(dst []arg) []arg { return dst }

// ReturnPostageChoices offers a buyer who ordered a bargained-free-shipping
// item wrongly exactly two choices (rule R5; bargained_mistake).
type ReturnPostageChoices struct{}

// Key returns "buyer.return.postage_choices".
func (ReturnPostageChoices) Key() string { return "buyer.return.postage_choices" }

func (ReturnPostageChoices) args(dst []arg) []arg { return dst }

// ReturnBelowFreeShipping tells a buyer whose partial return drops the rest
// below free shipping how much postage the refund deducts (rule R5;
// below_free_shipping).
type ReturnBelowFreeShipping struct {
	Amount Amount
}

// Key returns "buyer.return.below_free_shipping".
func (ReturnBelowFreeShipping) Key() string { return "buyer.return.below_free_shipping" }

func (m ReturnBelowFreeShipping) args(dst []arg) []arg {
	return append(dst, amountArg("amount", m.Amount))
}

// ExchangePostageBuyer tells a buyer who caused an exchange that the
// postage of the return and of the replacement is theirs (rule R5).
type ExchangePostageBuyer struct{}

// Key returns "buyer.exchange.postage_buyer".
func (ExchangePostageBuyer) Key() string { return "buyer.exchange.postage_buyer" }

func (ExchangePostageBuyer) args(dst []arg) []arg { return dst }

// StaffShipsFree heads the staff line of a free-shipping decision allowed
// (rule S1).
type StaffShipsFree struct{}

// Key returns "staff.free_shipping.ships_free".
func (StaffShipsFree) Key() string { return "staff.free_shipping.ships_free" }

func (StaffShipsFree) args(dst []arg) []arg { return dst }

// StaffNotFree heads the staff line of a free-shipping decision refused
// (rule S1).
type StaffNotFree struct{}

// Key returns "staff.free_shipping.not_free".
func (StaffNotFree) Key() string { return "staff.free_shipping.not_free" }

func (StaffNotFree) args(dst []arg) []arg { return dst }

// StaffUnitsShort is the part of a free-shipping line that says how many
// units are missing (rule S1; below_quantity).
type StaffUnitsShort struct {
	Units int
}

// Key returns "staff.free_shipping.units_short".
func (StaffUnitsShort) Key() string { return "staff.free_shipping.units_short" }

func (m StaffUnitsShort) args(dst []arg) []arg { return append(dst, countArg("units", m.Units)) }

// StaffUndercharge is the part of a free-shipping line that says how much
// postage is missing (rule S2; postage_undercharged).
type StaffUndercharge struct {
	Undercharge Amount
}

// Key returns "staff.postage.undercharge".
func (StaffUndercharge) Key() string { return "staff.postage.undercharge" }

func (m StaffUndercharge) args(dst []arg) []arg {
	return append(dst, amountArg("undercharge", m.Undercharge))
}

// StaffNotOvercharged is the staff line of an order whose postage was not
// overcharged (rule S2).
type StaffNotOvercharged struct{}

// Key returns "staff.postage.not_overcharged".
func (StaffNotOvercharged) Key() string { return "staff.postage.not_overcharged" }

func (StaffNotOvercharged) args(dst []arg) []arg { return dst }

// StaffFixSettings names who then fixes the shop's free-shipping settings
// (rules S2, R2): the department's name as its Text writes it.
type StaffFixSettings struct {
	Department string
}

// Key returns "staff.postage.fix_settings".
func (StaffFixSettings) Key() string { return "staff.postage.fix_settings" }

func (m StaffFixSettings) args(dst []arg) []arg {
	return append(dst, textArg("department", m.Department))
}

// StaffDispatchBy is the latest day a promise lets the parcel leave (rule
// S6).
type StaffDispatchBy struct {
	Latest time.Time // told as a calendar day in the message's zone
}

// Key returns "staff.dispatch.by".
func (StaffDispatchBy) Key() string { return "staff.dispatch.by" }

func (m StaffDispatchBy) args(dst []arg) []arg { return append(dst, dateArg("latest", m.Latest)) }

// StaffClaimOK heads the staff line of a promise that may be made (rule S6).
type StaffClaimOK struct{}

// Key returns "staff.promise.claim_ok".
func (StaffClaimOK) Key() string { return "staff.promise.claim_ok" }

func (StaffClaimOK) args(dst []arg) []arg { return dst }

// StaffClaimRefused heads the staff line of a promise that may not be made
// (rules S6, N3).
type StaffClaimRefused struct{}

// Key returns "staff.promise.claim_refused".
func (StaffClaimRefused) Key() string { return "staff.promise.claim_refused" }

func (StaffClaimRefused) args(dst []arg) []arg { return dst }

// StaffHonestPromise is the promise to make instead: its wording, as the
// wording's Text writes it, and its latest day (rules S6, N3).
type StaffHonestPromise struct {
	Wording string
	Latest  time.Time // told as a calendar day in the message's zone
}

// Key returns "staff.promise.instead".
func (StaffHonestPromise) Key() string { return "staff.promise.instead" }

func (m StaffHonestPromise) args(dst []arg) []arg {
	return append(dst, textArg("wording", m.Wording), dateArg("latest", m.Latest))
}

// StaffRemindNow heads the staff line of a payment reminder due now (rule
// S10).
type StaffRemindNow struct{}

// Key returns "staff.payment.remind_now".
func (StaffRemindNow) Key() string { return "staff.payment.remind_now" }

func (StaffRemindNow) args(dst []arg) []arg { return dst }

// StaffNoReminder heads the staff line of a payment reminder not due now
// (rule S10).
type StaffNoReminder struct{}

// Key returns "staff.payment.no_reminder".
func (StaffNoReminder) Key() string { return "staff.payment.no_reminder" }

func (StaffNoReminder) args(dst []arg) []arg { return dst }

// StaffRemindFrom says when today's reminders start (rule S10; too_early).
type StaffRemindFrom struct {
	From Clock
}

// Key returns "staff.payment.remind_from".
func (StaffRemindFrom) Key() string { return "staff.payment.remind_from" }

func (m StaffRemindFrom) args(dst []arg) []arg { return append(dst, clockArg("from", m.From)) }

// StaffSince says since when a parcel is in its situation (rule S8).
type StaffSince struct {
	Since time.Time // told as a day and time in the message's zone
}

// Key returns "staff.parcel.since".
func (StaffSince) Key() string { return "staff.parcel.since" }

func (m StaffSince) args(dst []arg) []arg { return append(dst, dateTimeArg("since", m.Since)) }

// StaffToDo lists what customer service does, the actions' texts in order
// (rule S8).
type StaffToDo struct {
	Actions []string
}

// Key returns "staff.parcel.to_do".
func (StaffToDo) Key() string { return "staff.parcel.to_do" }

func (m StaffToDo) args(dst []arg) []arg { return append(dst, seqArg("actions", m.Actions)) }

// StaffShopAtFault says a delay is the shop's (rule S8).
type StaffShopAtFault struct{}

// Key returns "staff.parcel.shop_at_fault".
func (StaffShopAtFault) Key() string { return "staff.parcel.shop_at_fault" }

func (StaffShopAtFault) args(dst []arg) []arg { return dst }

// StaffShipWith heads the staff line of a carrier choice (rule S5).
type StaffShipWith struct {
	Carrier string
}

// Key returns "staff.carrier.ship_with".
func (StaffShipWith) Key() string { return "staff.carrier.ship_with" }

func (m StaffShipWith) args(dst []arg) []arg { return append(dst, textArg("carrier", m.Carrier)) }

// StaffNoCarrier heads the staff line of a choice with no carrier (rule S4).
type StaffNoCarrier struct{}

// Key returns "staff.carrier.none".
func (StaffNoCarrier) Key() string { return "staff.carrier.none" }

func (StaffNoCarrier) args(dst []arg) []arg { return dst }

// StaffCarrierDifference is the price difference the buyer settles for the
// carrier (rule P6).
type StaffCarrierDifference struct {
	Difference Amount
}

// Key returns "staff.carrier.difference".
func (StaffCarrierDifference) Key() string { return "staff.carrier.difference" }

func (m StaffCarrierDifference) args(dst []arg) []arg {
	return append(dst, amountArg("difference", m.Difference))
}

// StaffCollectPossible says the buyer may have the parcel sent freight
// collect instead (rule P6).
type StaffCollectPossible struct{}

// Key returns "staff.carrier.collect_possible".
func (StaffCollectPossible) Key() string { return "staff.carrier.collect_possible" }

func (StaffCollectPossible) args(dst []arg) []arg { return dst }

// StaffConcession heads the staff line of a concession review: the kind,
// as its Text writes it, and the amount (rules A3, P2).
type StaffConcession struct {
	Kind   string
	Amount Amount
}

// Key returns "staff.concession.reviewed".
func (StaffConcession) Key() string { return "staff.concession.reviewed" }

func (m StaffConcession) args(dst []arg) []arg {
	return append(dst, textArg("kind", m.Kind), amountArg("amount", m.Amount))
}

// StaffLimit is what the requester may grant alone of the kind on the
// order (rule A3).
type StaffLimit struct {
	Limit Amount
}

// Key returns "staff.concession.limit".
func (StaffLimit) Key() string { return "staff.concession.limit" }

func (m StaffLimit) args(dst []arg) []arg { return append(dst, amountArg("limit", m.Limit)) }

// StaffBuyerOwes heads the staff line of a price difference the buyer pays
// (rule P6).
type StaffBuyerOwes struct {
	Amount Amount
}

// Key returns "staff.price_difference.buyer_owes".
func (StaffBuyerOwes) Key() string { return "staff.price_difference.buyer_owes" }

func (m StaffBuyerOwes) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// StaffShopOwes heads the staff line of a price difference the shop pays
// (rule P6).
type StaffShopOwes struct {
	Amount Amount
}

// Key returns "staff.price_difference.shop_owes".
func (StaffShopOwes) Key() string { return "staff.price_difference.shop_owes" }

func (m StaffShopOwes) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// StaffAwaitingConfirmation says the buyer has not confirmed the difference
// (rule P6).
type StaffAwaitingConfirmation struct{}

// Key returns "staff.price_difference.open".
func (StaffAwaitingConfirmation) Key() string { return "staff.price_difference.open" }

func (StaffAwaitingConfirmation) args(dst []arg) []arg { return dst }

// StaffConfirmed says the buyer confirmed the difference and the money has
// not moved (rule P6).
type StaffConfirmed struct{}

// Key returns "staff.price_difference.confirmed".
func (StaffConfirmed) Key() string { return "staff.price_difference.confirmed" }

func (StaffConfirmed) args(dst []arg) []arg { return dst }

// StaffSettled says the difference's money moved (rule P6).
type StaffSettled struct{}

// Key returns "staff.price_difference.settled".
func (StaffSettled) Key() string { return "staff.price_difference.settled" }

func (StaffSettled) args(dst []arg) []arg { return dst }

// StaffTasks heads the staff line of a silent-order checklist with tasks
// (rule O4).
type StaffTasks struct{}

// Key returns "staff.silent.tasks".
func (StaffTasks) Key() string { return "staff.silent.tasks" }

func (StaffTasks) args(dst []arg) []arg { return dst }

// StaffNothingToDo is the staff line of a checklist with no task (rule O4).
type StaffNothingToDo struct{}

// Key returns "staff.silent.nothing".
func (StaffNothingToDo) Key() string { return "staff.silent.nothing" }

func (StaffNothingToDo) args(dst []arg) []arg { return dst }

// StaffFirst lists what the agent does first, the labels' texts in order
// (rule R3).
type StaffFirst struct {
	Items []string
}

// Key returns "staff.first".
func (StaffFirst) Key() string { return "staff.first" }

func (m StaffFirst) args(dst []arg) []arg { return append(dst, seqArg("items", m.Items)) }

// StaffSevenDayAllowed heads the staff line of a seven-day return that may
// go ahead (rule R3).
type StaffSevenDayAllowed struct{}

// Key returns "staff.return.allowed".
func (StaffSevenDayAllowed) Key() string { return "staff.return.allowed" }

func (StaffSevenDayAllowed) args(dst []arg) []arg { return dst }

// StaffSevenDayRefused heads the staff line of a seven-day return refused
// (rule R3).
type StaffSevenDayRefused struct{}

// Key returns "staff.return.refused".
func (StaffSevenDayRefused) Key() string { return "staff.return.refused" }

func (StaffSevenDayRefused) args(dst []arg) []arg { return dst }

// StaffReturnWindow is the seven-day window in the shop's zone (rule R3).
type StaffReturnWindow struct {
	Opens  time.Time // told as a day and time in the message's zone
	Closes time.Time // told as a day and time in the message's zone
}

// Key returns "staff.return.window".
func (StaffReturnWindow) Key() string { return "staff.return.window" }

func (m StaffReturnWindow) args(dst []arg) []arg {
	return append(dst, dateTimeArg("opens", m.Opens), dateTimeArg("closes", m.Closes))
}

// StaffReturnPostage heads the staff line of who bears a return's postage
// (rule R5).
type StaffReturnPostage struct{}

// Key returns "staff.return.postage".
func (StaffReturnPostage) Key() string { return "staff.return.postage" }

func (StaffReturnPostage) args(dst []arg) []arg { return dst }

// StaffLegs says who bears the outbound and the return postage, the
// payers as their Text writes them (rule R5).
type StaffLegs struct {
	Outbound Term
	Return   Term
}

// Key returns "staff.return.legs".
func (StaffLegs) Key() string { return "staff.return.legs" }

func (m StaffLegs) args(dst []arg) []arg {
	return append(dst, termArg("outbound", m.Outbound), termArg("return", m.Return))
}

// StaffReplacementLeg says who bears the postage of an exchange's
// replacement (rule R5).
type StaffReplacementLeg struct {
	Payer Term
}

// Key returns "staff.exchange.replacement_leg".
func (StaffReplacementLeg) Key() string { return "staff.exchange.replacement_leg" }

func (m StaffReplacementLeg) args(dst []arg) []arg { return append(dst, termArg("payer", m.Payer)) }

// StaffChoice is one of the two choices offered for a
// bargained-free-shipping item ordered wrongly (rule R5).
type StaffChoice struct {
	Number   int
	Outbound Term
	Return   Term
}

// Key returns "staff.return.choice".
func (StaffChoice) Key() string { return "staff.return.choice" }

func (m StaffChoice) args(dst []arg) []arg {
	return append(dst, countArg("number", m.Number), termArg("outbound", m.Outbound), termArg("return", m.Return))
}

// StaffBestDiscount is the detail of a choice that promises the best
// discount next time (rule R5).
type StaffBestDiscount struct{}

// Key returns "staff.return.best_discount".
func (StaffBestDiscount) Key() string { return "staff.return.best_discount" }

func (StaffBestDiscount) args(dst []arg) []arg { return dst }

// StaffRefundOutbound is the postage the shop refunds because it bears the
// outbound leg (rule R5).
type StaffRefundOutbound struct {
	Amount Amount
}

// Key returns "staff.return.refund_outbound".
func (StaffRefundOutbound) Key() string { return "staff.return.refund_outbound" }

func (m StaffRefundOutbound) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// StaffDeduct is postage to deduct from the refund (rule R5;
// below_free_shipping).
type StaffDeduct struct {
	Amount Amount
}

// Key returns "staff.return.deduct".
func (StaffDeduct) Key() string { return "staff.return.deduct" }

func (m StaffDeduct) args(dst []arg) []arg { return append(dst, amountArg("amount", m.Amount)) }

// StaffDeductReturnLeg says the return postage is deducted from the refund
// (rule S3).
type StaffDeductReturnLeg struct{}

// Key returns "staff.return.deduct_return_leg".
func (StaffDeductReturnLeg) Key() string { return "staff.return.deduct_return_leg" }

func (StaffDeductReturnLeg) args(dst []arg) []arg { return dst }

// StaffRefundAfterArrival says the refund waits for the goods to arrive
// back (rule S3).
type StaffRefundAfterArrival struct{}

// Key returns "staff.return.after_arrival".
func (StaffRefundAfterArrival) Key() string { return "staff.return.after_arrival" }

func (StaffRefundAfterArrival) args(dst []arg) []arg { return dst }

// StaffParcels says how many orders' worth of goods the weights show left
// (rule R2).
type StaffParcels struct {
	Count int
}

// Key returns "staff.reconcile.parcels".
func (StaffParcels) Key() string { return "staff.reconcile.parcels" }

func (m StaffParcels) args(dst []arg) []arg { return append(dst, countArg("count", m.Count)) }

// StaffRefundOrder names the order finance refunds (rule R2).
type StaffRefundOrder struct {
	Order string
}

// Key returns "staff.reconcile.refund_order".
func (StaffRefundOrder) Key() string { return "staff.reconcile.refund_order" }

func (m StaffRefundOrder) args(dst []arg) []arg { return append(dst, textArg("order", m.Order)) }

// StaffAskEvidence names whom to get the missing evidence from: the
// department's name as its Text writes it (rule R2).
type StaffAskEvidence struct {
	Department string
}

// Key returns "staff.reconcile.ask".
func (StaffAskEvidence) Key() string { return "staff.reconcile.ask" }

func (m StaffAskEvidence) args(dst []arg) []arg {
	return append(dst, textArg("department", m.Department))
}

// StaffNotify says whom to tell of a complaint, by when (rule R6): the
// roles' texts in order.
type StaffNotify struct {
	Roles []string
	By    time.Time // told as a day and time in the message's zone
}

// Key returns "staff.complaint.notify".
func (StaffNotify) Key() string { return "staff.complaint.notify" }

func (m StaffNotify) args(dst []arg) []arg {
	return append(dst, seqArg("roles", m.Roles), dateTimeArg("by", m.By))
}

// StaffReplyOK heads the staff line of a reply that may be sent (rule R8).
type StaffReplyOK struct{}

// Key returns "staff.reply.ok".
func (StaffReplyOK) Key() string { return "staff.reply.ok" }

func (StaffReplyOK) args(dst []arg) []arg { return dst }

// StaffReplyRefused heads the staff line of a reply that may not be sent
// (rule R8).
type StaffReplyRefused struct{}

// Key returns "staff.reply.refused".
func (StaffReplyRefused) Key() string { return "staff.reply.refused" }

func (StaffReplyRefused) args(dst []arg) []arg { return dst }

// StaffMatch quotes the phrase a reply was refused for (rule R8).
type StaffMatch struct {
	Phrase string
}

// Key returns "staff.reply.match".
func (StaffMatch) Key() string { return "staff.reply.match" }

func (m StaffMatch) args(dst []arg) []arg { return append(dst, textArg("phrase", m.Phrase)) }

// PromotionEndedGiftInstead tells a buyer who missed a promotion that its
// window is the platform's and the price is the regular one, and offers a
// small gift instead (rules P1, P2; outside_promotion with
// gift_preferred).
type PromotionEndedGiftInstead struct{}

// Key returns "buyer.concession.outside_promotion_gift".
func (PromotionEndedGiftInstead) Key() string { return "buyer.concession.outside_promotion_gift" }

func (PromotionEndedGiftInstead) args(dst []arg) []arg { return dst }

// PromotionEndedPostageInstead tells a buyer who missed a promotion that
// its window is the platform's and the price is the regular one, and
// offers the same value off the postage instead (rules P1, P2;
// outside_promotion with postage_preferred).
type PromotionEndedPostageInstead struct {
	Amount Amount
}

// Key returns "buyer.concession.outside_promotion_postage".
func (PromotionEndedPostageInstead) Key() string { return "buyer.concession.outside_promotion_postage" }

func (m PromotionEndedPostageInstead) args(dst []arg) []arg {
	return append(dst, amountArg("amount", m.Amount))
}
