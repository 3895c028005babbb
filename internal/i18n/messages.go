package i18n

import "time"

// Messages a buyer is told (the 亲，… register in Chinese) and lines for
// staff, each a struct whose fields are the arguments the templates name.
// The comment of each says which codes it answers; the packages' Buyer
// and Staff methods pick them from their decisions (decisions.go holds
// those added for that).

// BelowThreshold tells a buyer how much more of the goods amount actually
// paid would make the order ship free (rule S1; shipping's
// below_threshold): "还差 0.01 元".
type BelowThreshold struct {
	Shortfall Amount
}

// Key returns "buyer.free_shipping.below_threshold".
func (BelowThreshold) Key() string { return "buyer.free_shipping.below_threshold" }

func (m BelowThreshold) args(dst []arg) []arg {
	return append(dst, amountArg("shortfall", m.Shortfall))
}

// BelowQuantity tells a buyer how many more units would make the order ship
// free (rule S1; below_quantity).
type BelowQuantity struct {
	Missing int
}

// Key returns "buyer.free_shipping.below_quantity".
func (BelowQuantity) Key() string { return "buyer.free_shipping.below_quantity" }

func (m BelowQuantity) args(dst []arg) []arg { return append(dst, countArg("missing", m.Missing)) }

// ExcludedRegion tells a buyer that free shipping does not cover their
// region (rule S1; excluded_region).
type ExcludedRegion struct{}

// Key returns "buyer.free_shipping.excluded_region".
func (ExcludedRegion) Key() string { return "buyer.free_shipping.excluded_region" }

func (ExcludedRegion) args(dst []arg) []arg { return dst }

// ExcludedItem tells a buyer that an item of the order is not part of free
// shipping (rule S1; excluded_sku).
type ExcludedItem struct{}

// Key returns "buyer.free_shipping.excluded_sku".
func (ExcludedItem) Key() string { return "buyer.free_shipping.excluded_sku" }

func (ExcludedItem) args(dst []arg) []arg { return dst }

// FreeShippingOff tells a buyer that the shop offers no free shipping at the
// moment (rule S1; free_shipping_off).
type FreeShippingOff struct{}

// Key returns "buyer.free_shipping.off".
func (FreeShippingOff) Key() string { return "buyer.free_shipping.off" }

func (FreeShippingOff) args(dst []arg) []arg { return dst }

// RegionMissing asks a buyer for the province of the address, without which
// postage cannot be decided (rule S1; region_missing).
type RegionMissing struct{}

// Key returns "buyer.free_shipping.region_missing".
func (RegionMissing) Key() string { return "buyer.free_shipping.region_missing" }

func (RegionMissing) args(dst []arg) []arg { return dst }

// PostageFixed tells a buyer, before payment, that the postage a
// free-shipping order was charged has been taken off (rule S2; shipping's
// fix_postage).
type PostageFixed struct {
	Overcharge Amount
}

// Key returns "buyer.postage.fixed".
func (PostageFixed) Key() string { return "buyer.postage.fixed" }

func (m PostageFixed) args(dst []arg) []arg {
	return append(dst, amountArg("overcharge", m.Overcharge))
}

// PostageFixedCOD tells a cash-on-delivery buyer that the postage
// overcharged was taken off and that they pay the corrected amount on
// delivery (rules S2, S9; fix_postage).
type PostageFixedCOD struct {
	Overcharge Amount
}

// Key returns "buyer.postage.fixed_cod".
func (PostageFixedCOD) Key() string { return "buyer.postage.fixed_cod" }

func (m PostageFixedCOD) args(dst []arg) []arg {
	return append(dst, amountArg("overcharge", m.Overcharge))
}

// PostageRefunded tells a buyer who paid postage on a free-shipping order
// that it is refunded (rule S2; refund_difference).
type PostageRefunded struct {
	Overcharge Amount
}

// Key returns "buyer.postage.refund_difference".
func (PostageRefunded) Key() string { return "buyer.postage.refund_difference" }

func (m PostageRefunded) args(dst []arg) []arg {
	return append(dst, amountArg("overcharge", m.Overcharge))
}

// PostageRefundAndReorder asks a buyer to refund and order again, the
// original being held back (rules S2, R1; refund_and_reorder).
type PostageRefundAndReorder struct{}

// Key returns "buyer.postage.refund_and_reorder".
func (PostageRefundAndReorder) Key() string { return "buyer.postage.refund_and_reorder" }

func (PostageRefundAndReorder) args(dst []arg) []arg { return dst }

// ShipsToday tells a buyer the order ships today (rule S6; ships_today).
type ShipsToday struct{}

// Key returns "buyer.dispatch.ships_today".
func (ShipsToday) Key() string { return "buyer.dispatch.ships_today" }

func (ShipsToday) args(dst []arg) []arg { return dst }

// ShipsTomorrow tells a buyer the order ships by tomorrow at the latest,
// with the day (rule S6; ships_tomorrow).
type ShipsTomorrow struct {
	Latest time.Time // told as a calendar day in the message's zone
}

// Key returns "buyer.dispatch.ships_tomorrow".
func (ShipsTomorrow) Key() string { return "buyer.dispatch.ships_tomorrow" }

func (m ShipsTomorrow) args(dst []arg) []arg { return append(dst, dateArg("latest", m.Latest)) }

// ShipsWithinDays tells a buyer, in a big promotion, that the order ships
// within some days and by which day at the latest (rule S6; within_days).
type ShipsWithinDays struct {
	Days   int
	Latest time.Time // told as a calendar day in the message's zone
}

// Key returns "buyer.dispatch.within_days".
func (ShipsWithinDays) Key() string { return "buyer.dispatch.within_days" }

func (m ShipsWithinDays) args(dst []arg) []arg {
	return append(dst, countArg("days", m.Days), dateArg("latest", m.Latest))
}

// ShipsNextWorkingDay tells a buyer who paid after the day's dispatch
// cutoff that the order rolls to a later working day, and the latest day
// it leaves (rule S6; cutoff_passed).
type ShipsNextWorkingDay struct {
	Latest time.Time // told as a calendar day in the message's zone
}

// Key returns "buyer.dispatch.cutoff_passed".
func (ShipsNextWorkingDay) Key() string { return "buyer.dispatch.cutoff_passed" }

func (m ShipsNextWorkingDay) args(dst []arg) []arg { return append(dst, dateArg("latest", m.Latest)) }

// ShipsAfterRestDay tells a buyer who paid on a non-working day that the
// order leaves on a working day, by the latest day (rule S6;
// non_working_day).
type ShipsAfterRestDay struct {
	Latest time.Time // told as a calendar day in the message's zone
}

// Key returns "buyer.dispatch.non_working_day".
func (ShipsAfterRestDay) Key() string { return "buyer.dispatch.non_working_day" }

func (m ShipsAfterRestDay) args(dst []arg) []arg { return append(dst, dateArg("latest", m.Latest)) }

// NoDeliveryDate tells a buyer who asks for a delivery day that none can be
// guaranteed (rules S6, S8; exact_date, delivery_guarantee,
// message_exact_date).
type NoDeliveryDate struct{}

// Key returns "buyer.dispatch.no_exact_date".
func (NoDeliveryDate) Key() string { return "buyer.dispatch.no_exact_date" }

func (NoDeliveryDate) args(dst []arg) []arg { return dst }

// PayToShipToday reminds a buyer to pay: paid before the cutoff, the order
// ships today (rule S10; ships_today_if_paid).
type PayToShipToday struct {
	Cutoff Clock
}

// Key returns "buyer.payment.ships_today_if_paid".
func (PayToShipToday) Key() string { return "buyer.payment.ships_today_if_paid" }

func (m PayToShipToday) args(dst []arg) []arg { return append(dst, clockArg("cutoff", m.Cutoff)) }

// PayReminder reminds a buyer that the order waits for payment (rule S10).
type PayReminder struct{}

// Key returns "buyer.payment.reminder".
func (PayReminder) Key() string { return "buyer.payment.reminder" }

func (PayReminder) args(dst []arg) []arg { return dst }

// ConfirmCOD asks a buyer to confirm cash on delivery, which costs a little
// more (rule S9; order's confirm_with_buyer).
type ConfirmCOD struct{}

// Key returns "buyer.payment.confirm_cod".
func (ConfirmCOD) Key() string { return "buyer.payment.confirm_cod" }

func (ConfirmCOD) args(dst []arg) []arg { return dst }

// ReorderOnline asks a buyer who did not confirm cash on delivery to order
// again and pay online (rule S9; reorder_online).
type ReorderOnline struct{}

// Key returns "buyer.payment.reorder_online".
func (ReorderOnline) Key() string { return "buyer.payment.reorder_online" }

func (ReorderOnline) args(dst []arg) []arg { return dst }

// SFOnly tells a buyer that parcels to Hong Kong, Macao or Taiwan go only by
// SF Express (rule S3; sf_only).
type SFOnly struct{}

// Key returns "buyer.carrier.sf_only".
func (SFOnly) Key() string { return "buyer.carrier.sf_only" }

func (SFOnly) args(dst []arg) []arg { return dst }

// AskCarrier asks a buyer which of the carriers serving the address they
// prefer, naming the shop's default (rule S5). Carriers and Default are the
// carriers' names as the shop writes them; the list is joined as the
// language joins one ("圆通、中通或顺丰", "YTO, ZTO or SF").
type AskCarrier struct {
	Carriers []string
	Default  string
}

// Key returns "buyer.carrier.ask".
func (AskCarrier) Key() string { return "buyer.carrier.ask" }

func (m AskCarrier) args(dst []arg) []arg {
	return append(dst, listArg("carriers", m.Carriers), textArg("default", m.Default))
}

// CarrierNotServing tells a buyer that the carrier they asked for does not
// serve the address and proposes the one chosen instead (rule S5;
// carrier_not_serving).
type CarrierNotServing struct {
	Carrier string // the carrier chosen instead
}

// Key returns "buyer.carrier.not_serving".
func (CarrierNotServing) Key() string { return "buyer.carrier.not_serving" }

func (m CarrierNotServing) args(dst []arg) []arg { return append(dst, textArg("carrier", m.Carrier)) }

// OutOfArea tells a buyer that no carrier of the shop delivers to the
// address (rule S4; out_of_area).
type OutOfArea struct{}

// Key returns "buyer.carrier.out_of_area".
func (OutOfArea) Key() string { return "buyer.carrier.out_of_area" }

func (OutOfArea) args(dst []arg) []arg { return dst }

// CarrierPriceDifference tells a buyer that the carrier they chose costs
// more and the difference is theirs to pay (rules S5, P6; price_difference).
type CarrierPriceDifference struct {
	Carrier    string
	Difference Amount
}

// Key returns "buyer.carrier.price_difference".
func (CarrierPriceDifference) Key() string { return "buyer.carrier.price_difference" }

func (m CarrierPriceDifference) args(dst []arg) []arg {
	return append(dst, textArg("carrier", m.Carrier), amountArg("difference", m.Difference))
}

// FreightCollect tells a buyer that a Hong Kong, Macao or Taiwan parcel
// goes SF freight collect and about how much they pay the courier (rules
// S3, P6; freight_collect).
type FreightCollect struct {
	Estimate Amount
}

// Key returns "buyer.carrier.freight_collect".
func (FreightCollect) Key() string { return "buyer.carrier.freight_collect" }

func (m FreightCollect) args(dst []arg) []arg { return append(dst, amountArg("estimate", m.Estimate)) }

// TransitWarehouse tells a buyer that the address is a courier's transit
// warehouse and asks for a delivery address (rule S4; transit_warehouse).
type TransitWarehouse struct{}

// Key returns "buyer.address.transit_warehouse".
func (TransitWarehouse) Key() string { return "buyer.address.transit_warehouse" }

func (TransitWarehouse) args(dst []arg) []arg { return dst }

// ConfirmAddress asks a buyer whose orders have different addresses which
// one this order goes to (rule S4; buyer_addresses_differ).
type ConfirmAddress struct{}

// Key returns "buyer.address.confirm".
func (ConfirmAddress) Key() string { return "buyer.address.confirm" }

func (ConfirmAddress) args(dst []arg) []arg { return dst }

// TopUpGoods asks a buyer to pay a price difference on the goods with a
// top-up order (rule P6; top_up_order).
type TopUpGoods struct {
	Difference Amount
}

// Key returns "buyer.price_difference.goods".
func (TopUpGoods) Key() string { return "buyer.price_difference.goods" }

func (m TopUpGoods) args(dst []arg) []arg { return append(dst, amountArg("difference", m.Difference)) }

// TopUpPostage asks a buyer to pay a postage difference with a top-up order
// (rule P6; top_up_order).
type TopUpPostage struct {
	Difference Amount
}

// Key returns "buyer.price_difference.postage".
func (TopUpPostage) Key() string { return "buyer.price_difference.postage" }

func (m TopUpPostage) args(dst []arg) []arg {
	return append(dst, amountArg("difference", m.Difference))
}

// TopUpOther asks a buyer to pay another price difference with a top-up
// order (rule P6; top_up_order).
type TopUpOther struct {
	Difference Amount
}

// Key returns "buyer.price_difference.other".
func (TopUpOther) Key() string { return "buyer.price_difference.other" }

func (m TopUpOther) args(dst []arg) []arg { return append(dst, amountArg("difference", m.Difference)) }

// ShopRefundsDifference tells a buyer the shop pays the difference back and
// asks them to confirm they received it (rule P6; transfer).
type ShopRefundsDifference struct {
	Difference Amount
}

// Key returns "buyer.price_difference.shop_pays".
func (ShopRefundsDifference) Key() string { return "buyer.price_difference.shop_pays" }

func (m ShopRefundsDifference) args(dst []arg) []arg {
	return append(dst, amountArg("difference", m.Difference))
}

// AskingApprover tells a buyer the agent asks someone above them, by role
// (rule A3; needs_approval).
type AskingApprover struct {
	Approver RoleCode
}

// Key returns "buyer.concession.asking_approver".
func (AskingApprover) Key() string { return "buyer.concession.asking_approver" }

func (m AskingApprover) args(dst []arg) []arg { return append(dst, roleArg("approver", m.Approver)) }

// PromotionPriceEnded tells a buyer who missed a promotion that its window
// is the platform's and the price is the regular one (rule P1;
// outside_promotion).
type PromotionPriceEnded struct{}

// Key returns "buyer.concession.outside_promotion".
func (PromotionPriceEnded) Key() string { return "buyer.concession.outside_promotion" }

func (PromotionPriceEnded) args(dst []arg) []arg { return dst }

// GiftInstead offers a buyer who bargains a small gift instead of a lower
// price (rule P2; gift_preferred).
type GiftInstead struct{}

// Key returns "buyer.concession.gift_instead".
func (GiftInstead) Key() string { return "buyer.concession.gift_instead" }

func (GiftInstead) args(dst []arg) []arg { return dst }

// NoCashBack tells a buyer the shop gives no cash back for reviews (rule R8;
// message_cash_back).
type NoCashBack struct{}

// Key returns "buyer.concession.no_cash_back".
func (NoCashBack) Key() string { return "buyer.concession.no_cash_back" }

func (NoCashBack) args(dst []arg) []arg { return dst }

// ParcelNotPaid answers a buyer chasing an order that is not paid (rule S8;
// not_paid).
type ParcelNotPaid struct{}

// Key returns "buyer.parcel.not_paid".
func (ParcelNotPaid) Key() string { return "buyer.parcel.not_paid" }

func (ParcelNotPaid) args(dst []arg) []arg { return dst }

// ParcelNotDispatched answers a buyer chasing an order that is not
// dispatched yet, within its window (rule S8; not_dispatched).
type ParcelNotDispatched struct {
	Latest time.Time // told as a calendar day in the message's zone
}

// Key returns "buyer.parcel.not_dispatched".
func (ParcelNotDispatched) Key() string { return "buyer.parcel.not_dispatched" }

func (m ParcelNotDispatched) args(dst []arg) []arg { return append(dst, dateArg("latest", m.Latest)) }

// ParcelLateDispatch apologises to a buyer whose order is late leaving the
// warehouse (rule S8; late_dispatch).
type ParcelLateDispatch struct{}

// Key returns "buyer.parcel.late_dispatch".
func (ParcelLateDispatch) Key() string { return "buyer.parcel.late_dispatch" }

func (ParcelLateDispatch) args(dst []arg) []arg { return dst }

// ParcelNoTracking answers a buyer whose dispatched parcel shows no tracking
// yet (rule S8; no_tracking).
type ParcelNoTracking struct{}

// Key returns "buyer.parcel.no_tracking".
func (ParcelNoTracking) Key() string { return "buyer.parcel.no_tracking" }

func (ParcelNoTracking) args(dst []arg) []arg { return dst }

// ParcelOnTheWay answers a buyer whose parcel moves normally (rule S8;
// on_the_way).
type ParcelOnTheWay struct{}

// Key returns "buyer.parcel.on_the_way".
func (ParcelOnTheWay) Key() string { return "buyer.parcel.on_the_way" }

func (ParcelOnTheWay) args(dst []arg) []arg { return dst }

// ParcelStalledAtOrigin answers a buyer whose parcel never left the origin
// (rule S8; stalled_at_origin).
type ParcelStalledAtOrigin struct{}

// Key returns "buyer.parcel.stalled_at_origin".
func (ParcelStalledAtOrigin) Key() string { return "buyer.parcel.stalled_at_origin" }

func (ParcelStalledAtOrigin) args(dst []arg) []arg { return dst }

// ParcelStalledAtDestination answers a buyer whose parcel reached their city
// and was not delivered (rule S8; stalled_at_destination).
type ParcelStalledAtDestination struct{}

// Key returns "buyer.parcel.stalled_at_destination".
func (ParcelStalledAtDestination) Key() string { return "buyer.parcel.stalled_at_destination" }

func (ParcelStalledAtDestination) args(dst []arg) []arg { return dst }

// ParcelLost apologises to a buyer whose parcel was lost and says a
// replacement is sent (rule S8; lost, reship_and_apologise).
type ParcelLost struct{}

// Key returns "buyer.parcel.lost".
func (ParcelLost) Key() string { return "buyer.parcel.lost" }

func (ParcelLost) args(dst []arg) []arg { return dst }

// ParcelDamaged apologises to a buyer whose parcel was damaged and says a
// replacement is sent (rule S8; damaged, reship_and_apologise).
type ParcelDamaged struct{}

// Key returns "buyer.parcel.damaged".
func (ParcelDamaged) Key() string { return "buyer.parcel.damaged" }

func (ParcelDamaged) args(dst []arg) []arg { return dst }

// ParcelDelivered answers a buyer whose parcel shows as delivered (rule S8;
// delivered).
type ParcelDelivered struct{}

// Key returns "buyer.parcel.delivered".
func (ParcelDelivered) Key() string { return "buyer.parcel.delivered" }

func (ParcelDelivered) args(dst []arg) []arg { return dst }

// ParcelTradeClosed answers a buyer chasing a closed order (rule S8;
// trade_closed).
type ParcelTradeClosed struct{}

// Key returns "buyer.parcel.trade_closed".
func (ParcelTradeClosed) Key() string { return "buyer.parcel.trade_closed" }

func (ParcelTradeClosed) args(dst []arg) []arg { return dst }

// ReturnWhichOrder asks a buyer who wants to return goods which order it is
// and when they bought it (rule R3).
type ReturnWhichOrder struct{}

// Key returns "buyer.return.which_order".
func (ReturnWhichOrder) Key() string { return "buyer.return.which_order" }

func (ReturnWhichOrder) args(dst []arg) []arg { return dst }

// ReturnNotResellable refuses a seven-day return of goods washed, worn or
// damaged, which cannot be resold (rule R3).
type ReturnNotResellable struct{}

// Key returns "buyer.return.not_resellable".
func (ReturnNotResellable) Key() string { return "buyer.return.not_resellable" }

func (ReturnNotResellable) args(dst []arg) []arg { return dst }

// ReturnWindowPassed refuses a seven-day return asked for after the window
// ended, naming when it ended (rule R3).
type ReturnWindowPassed struct {
	Deadline time.Time // told as a day and time in the message's zone
}

// Key returns "buyer.return.window_passed".
func (ReturnWindowPassed) Key() string { return "buyer.return.window_passed" }

func (m ReturnWindowPassed) args(dst []arg) []arg {
	return append(dst, dateTimeArg("deadline", m.Deadline))
}

// ReturnExcludedByLaw refuses a seven-day return of goods the Consumer
// Protection Law excludes (rule R3).
type ReturnExcludedByLaw struct{}

// Key returns "buyer.return.excluded_by_law".
func (ReturnExcludedByLaw) Key() string { return "buyer.return.excluded_by_law" }

func (ReturnExcludedByLaw) args(dst []arg) []arg { return dst }

// ReturnConfirmedAtPurchase refuses a seven-day return of goods the buyer
// confirmed, when buying, as not returnable (rule R3).
type ReturnConfirmedAtPurchase struct{}

// Key returns "buyer.return.confirmed_at_purchase".
func (ReturnConfirmedAtPurchase) Key() string { return "buyer.return.confirmed_at_purchase" }

func (ReturnConfirmedAtPurchase) args(dst []arg) []arg { return dst }

// ReturnPostageDeducted tells a Hong Kong, Macao or Taiwan buyer that the
// postage is deducted from the refund, made once the return arrives (rules
// S3, R5).
type ReturnPostageDeducted struct{}

// Key returns "buyer.return.postage_deducted".
func (ReturnPostageDeducted) Key() string { return "buyer.return.postage_deducted" }

func (ReturnPostageDeducted) args(dst []arg) []arg { return dst }

// ExchangeReturnFirst tells a buyer that the replacement ships once their
// return arrives and asks for the return's tracking number (rule R4).
type ExchangeReturnFirst struct{}

// Key returns "buyer.exchange.return_first".
func (ExchangeReturnFirst) Key() string { return "buyer.exchange.return_first" }

func (ExchangeReturnFirst) args(dst []arg) []arg { return dst }

// OutOfStockOffer apologises to a buyer whose item is out of stock and
// offers a refund or another item (rule O3).
type OutOfStockOffer struct{}

// Key returns "buyer.stock.out_of_stock".
func (OutOfStockOffer) Key() string { return "buyer.stock.out_of_stock" }

func (OutOfStockOffer) args(dst []arg) []arg { return dst }

// PrivacyOwnerOnly tells someone asking about an order that its details go
// only to the buyer who placed it (rule O7).
type PrivacyOwnerOnly struct{}

// Key returns "buyer.privacy.owner_only".
func (PrivacyOwnerOnly) Key() string { return "buyer.privacy.owner_only" }

func (PrivacyOwnerOnly) args(dst []arg) []arg { return dst }

// StaffShortfall is the staff line of a free-shipping shortfall (rule S1).
type StaffShortfall struct {
	Shortfall Amount
}

// Key returns "staff.free_shipping.shortfall".
func (StaffShortfall) Key() string { return "staff.free_shipping.shortfall" }

func (m StaffShortfall) args(dst []arg) []arg {
	return append(dst, amountArg("shortfall", m.Shortfall))
}

// StaffNeedsApproval is the staff line of a concession that needs the
// approval of a role (rule A3).
type StaffNeedsApproval struct {
	Approver RoleCode
}

// Key returns "staff.concession.needs_approval".
func (StaffNeedsApproval) Key() string { return "staff.concession.needs_approval" }

func (m StaffNeedsApproval) args(dst []arg) []arg {
	return append(dst, roleArg("approver", m.Approver))
}

// StaffLatestDispatch is the staff line of the latest dispatch time the shop
// can honestly promise (rule S6).
type StaffLatestDispatch struct {
	Latest time.Time // told as a day and time in the message's zone
}

// Key returns "staff.dispatch.latest".
func (StaffLatestDispatch) Key() string { return "staff.dispatch.latest" }

func (m StaffLatestDispatch) args(dst []arg) []arg {
	return append(dst, dateTimeArg("latest", m.Latest))
}

// StaffWithinDays is the staff line of a within-N-days dispatch promise
// (rule S6).
type StaffWithinDays struct {
	Days int
}

// Key returns "staff.dispatch.within_days".
func (StaffWithinDays) Key() string { return "staff.dispatch.within_days" }

func (m StaffWithinDays) args(dst []arg) []arg { return append(dst, countArg("days", m.Days)) }

// StaffPayBefore is the staff line of a payment reminder: paid before the
// cutoff, the order ships the same day (rule S10).
type StaffPayBefore struct {
	Cutoff Clock
}

// Key returns "staff.payment.pay_before".
func (StaffPayBefore) Key() string { return "staff.payment.pay_before" }

func (m StaffPayBefore) args(dst []arg) []arg { return append(dst, clockArg("cutoff", m.Cutoff)) }

// StaffOvercharge is the staff line of postage overcharged (rule S2).
type StaffOvercharge struct {
	Overcharge Amount
}

// Key returns "staff.postage.overcharge".
func (StaffOvercharge) Key() string { return "staff.postage.overcharge" }

func (m StaffOvercharge) args(dst []arg) []arg {
	return append(dst, amountArg("overcharge", m.Overcharge))
}

// StaffEraseCount is the staff line of an agent's erase-change count today
// against the policy's limit (rule P3).
type StaffEraseCount struct {
	Used  int
	Limit int
}

// Key returns "staff.concession.erase_count".
func (StaffEraseCount) Key() string { return "staff.concession.erase_count" }

func (m StaffEraseCount) args(dst []arg) []arg {
	return append(dst, countArg("used", m.Used), countArg("limit", m.Limit))
}

// StaffProblemOrders is the staff line counting problem orders in a digest
// (rule O2).
type StaffProblemOrders struct {
	Count int
}

// Key returns "staff.digest.problem_orders".
func (StaffProblemOrders) Key() string { return "staff.digest.problem_orders" }

func (m StaffProblemOrders) args(dst []arg) []arg { return append(dst, countArg("count", m.Count)) }

// NoteSendGift is the reason of the note the silent-order checklist
// prepares when the buyer is offline: send the gift with the parcel (rule
// O4; notes' note_send_gift). Like every note reason it is written as a
// canonical note keeps text: ASCII punctuation, no full-width commas.
type NoteSendGift struct{}

// Key returns "staff.note.send_gift".
func (NoteSendGift) Key() string { return "staff.note.send_gift" }

func (NoteSendGift) args(dst []arg) []arg { return dst }

// NoteRefundPostage is the reason of the note the silent-order checklist
// prepares for finance: postage overcharged on an order that qualified
// for free shipping, refund the difference (rules O4, S2; notes'
// refund_postage).
type NoteRefundPostage struct{}

// Key returns "staff.note.refund_postage".
func (NoteRefundPostage) Key() string { return "staff.note.refund_postage" }

func (NoteRefundPostage) args(dst []arg) []arg { return dst }
