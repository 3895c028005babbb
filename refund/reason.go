package refund

import "github.com/kefu-go/kefu/order"

// Reason is a stable code for why a decision of the package came out as
// it did: why a seven-day return is refused, who bears a postage leg and
// why, what a reconciliation still lacks, why a reply is refused. Codes are
// snake_case and never change once released; message catalogs translate
// them for staff and buyers. The zero value, [ReasonUnknown], is not a
// reason.
type Reason uint8

// Reasons.
const (
	ReasonUnknown Reason = iota

	// WindowClosed: the seven-day window (from 00:00 of the day after
	// sign-for, 168 hours by default) is over (rule R3).
	WindowClosed
	// MadeToOrder: made-to-order goods are excluded by law (rule R3).
	MadeToOrder
	// Perishable: fresh or perishable goods are excluded by law (rule R3).
	Perishable
	// DigitalUnsealed: digital goods the buyer unsealed, downloaded or
	// activated are excluded by law (rule R3).
	DigitalUnsealed
	// Periodical: delivered newspapers and periodicals are excluded by law
	// (rule R3).
	Periodical
	// ConfirmedAtPurchase: the buyer confirmed when buying that the item
	// is not returnable without reason (rule R3).
	ConfirmedAtPurchase
	// Washed: the goods were washed (rule R3).
	Washed
	// Bleached: the goods were bleached (rule R3).
	Bleached
	// WornDamaged: the goods were worn and damaged (rule R3).
	WornDamaged
	// NotResellable: the goods can otherwise no longer be resold (rule R3).
	NotResellable

	// ConfirmOrder: ask the buyer which order the goods came with (rule
	// R3).
	ConfirmOrder
	// ConfirmBoughtAt: ask the buyer when it was bought (rule R3).
	ConfirmBoughtAt
	// ConfirmIntact: tell the buyer the goods must come back intact, tags
	// and packaging included (rule R3).
	ConfirmIntact

	// ShopAtFault: quality, a wrong or a damaged item — the shop bears both
	// postage legs (rule R5).
	ShopAtFault
	// NoReasonFreeShipping: a seven-day return of a free-shipping item —
	// the buyer bears the return leg only (rule R5).
	NoReasonFreeShipping
	// NoReasonPostagePaid: a seven-day return of an item that was not
	// free-shipping — the buyer bears both legs (rule R5).
	NoReasonPostagePaid
	// BargainedMistake: an item whose free shipping was bargained for,
	// ordered wrongly by the buyer and returned — offer exactly two choices
	// (rule R5).
	BargainedMistake
	// SFReturn: a Hong Kong, Macao or Taiwan return: the return postage is
	// deducted and the refund made only after the goods arrive (rule S3).
	SFReturn
	// BelowFreeShipping: the partial return drops the rest of the order
	// below the free-shipping threshold, and the shop deducts the postage
	// (policy).
	BelowFreeShipping
	// ShopCausedExchange: an exchange the shop caused carries no return
	// postage for the buyer (rule R5).
	ShopCausedExchange

	// NoOutboundRecord: the warehouse has shown no outbound record yet;
	// ask it first (rule R2).
	NoOutboundRecord
	// WeightMissing: an outbound waybill has no recorded weight (the
	// waybill stub, 底单); ask the warehouse or the courier (rule R2).
	WeightMissing
	// ExpectedWeightUnknown: nobody knows what one parcel should weigh:
	// the order's lines carry no weights and none was given (rule R2).
	ExpectedWeightUnknown
	// WeightMismatch: a waybill weight is neither one parcel's nor two
	// parcels' weight within the policy's tolerance (rule R2).
	WeightMismatch
	// RecordsDisagree: weights name waybills the outbound records do not,
	// or records name an order that is not in question (rule R2).
	RecordsDisagree

	// CashBackOffer: the reply offers or mentions cash back for a review,
	// which an agent never does (rule R8).
	CashBackOffer

	// AboveRefundLimit: the refund is above the amount the shop lets an
	// agent refund alone ([RefundApproval.Above], rule A3).
	AboveRefundLimit
	// BeforeGoodsBack: the refund is for goods the buyer sends back, paid
	// before the warehouse received them ([RefundApproval.BeforeReturn]).
	BeforeGoodsBack

	// DifferenceUnavailable: the postage difference cannot be refunded on
	// its own now, so the plan is refund-and-reorder (rules R1, S2).
	DifferenceUnavailable
	// ParcelLeft: the original parcel left the warehouse: no
	// refund-and-reorder; refund the difference, or reconcile a
	// suspected double shipment (rules R1, R2, S7).
	ParcelLeft
	// AwaitingHold: the original is not held yet (rule R1).
	AwaitingHold
	// AwaitingHandOff: nobody has handed the step to its department yet
	// (rule N2).
	AwaitingHandOff
	// AwaitingAcknowledgement: the hand-off was sent and no one has
	// acknowledged it: it does not count yet (rule N2).
	AwaitingAcknowledgement
	// AcknowledgementOverdue: the hand-off is past its due time without
	// an acknowledgement: call the colleague (rule N2).
	AcknowledgementOverdue
	// CallRequired: an urgent hand-off to a colleague who is away went by
	// chat or SMS only: phone them (rule N2).
	CallRequired
	// AwaitingReorder: the buyer has not placed the new order yet (rule
	// R1).
	AwaitingReorder
	// AwaitingRefund: the money is not refunded yet (rules R1, R6).
	AwaitingRefund
	// AwaitingEvidence: the warehouse has not shown the outbound records
	// and waybill weights yet (rule R2).
	AwaitingEvidence
	// AwaitingReturn: both orders shipped: the refund waits for the goods
	// to come back, or for the courier to intercept them (rule R2).
	AwaitingReturn
	// RefundedOriginalLeft: the original left the warehouse after it was
	// refunded: only the courier can stop it now (rule S7).
	RefundedOriginalLeft

	// RefundOverdue: a refund promised to the buyer is past its due time
	// and not paid (rule R6).
	RefundOverdue
	// ReturnNotRefunded: returned goods arrived and are not refunded
	// within the policy's time (rule R6).
	ReturnNotRefunded
	// ExchangeAwaitingReturn: an exchange has waited longer than the
	// policy allows for the buyer's goods to come back (rule R4).
	ExchangeAwaitingReturn
	numReasons
)

var reasonNames = []string{
	ReasonUnknown:         "",
	WindowClosed:          "window_closed",
	MadeToOrder:           "made_to_order",
	Perishable:            "perishable",
	DigitalUnsealed:       "digital_unsealed",
	Periodical:            "periodical",
	ConfirmedAtPurchase:   "confirmed_at_purchase",
	Washed:                "washed",
	Bleached:              "bleached",
	WornDamaged:           "worn_damaged",
	NotResellable:         "not_resellable",
	ConfirmOrder:          "confirm_order",
	ConfirmBoughtAt:       "confirm_bought_at",
	ConfirmIntact:         "confirm_intact",
	ShopAtFault:           "shop_at_fault",
	NoReasonFreeShipping:  "no_reason_free_shipping",
	NoReasonPostagePaid:   "no_reason_postage_paid",
	BargainedMistake:      "bargained_mistake",
	SFReturn:              "sf_return",
	BelowFreeShipping:     "below_free_shipping",
	ShopCausedExchange:    "shop_caused_exchange",
	NoOutboundRecord:      "no_outbound_record",
	WeightMissing:         "weight_missing",
	ExpectedWeightUnknown: "expected_weight_unknown",
	WeightMismatch:        "weight_mismatch",
	RecordsDisagree:       "records_disagree",
	CashBackOffer:         "cash_back_offer",

	AboveRefundLimit: "above_refund_limit",
	BeforeGoodsBack:  "before_goods_back",

	DifferenceUnavailable:   "difference_unavailable",
	ParcelLeft:              "parcel_left",
	AwaitingHold:            "awaiting_hold",
	AwaitingHandOff:         "awaiting_hand_off",
	AwaitingAcknowledgement: "awaiting_acknowledgement",
	AcknowledgementOverdue:  "acknowledgement_overdue",
	CallRequired:            "call_required",
	AwaitingReorder:         "awaiting_reorder",
	AwaitingRefund:          "awaiting_refund",
	AwaitingEvidence:        "awaiting_evidence",
	AwaitingReturn:          "awaiting_return",
	RefundedOriginalLeft:    "refunded_original_left",

	RefundOverdue:          "refund_overdue",
	ReturnNotRefunded:      "return_not_refunded",
	ExchangeAwaitingReturn: "exchange_awaiting_return",
}

var reasonInfo = enumInfo{names: reasonNames, typ: "Reason", field: "reason", sentinel: ErrUnknownReason}

// Reasons returns every reason code, in order.
func Reasons() []Reason {
	out := make([]Reason, 0, numReasons-1)
	for r := Reason(1); r < numReasons; r++ {
		out = append(out, r)
	}
	return out
}

// ParseReason returns the reason with the snake_case code s; an unknown
// code is an error wrapping [ErrUnknownReason].
func ParseReason(s string) (Reason, error) {
	i, err := reasonInfo.parse(s)
	return Reason(i), err
}

// String returns the snake_case code, or "Reason(N)" out of range.
func (r Reason) String() string { return reasonInfo.name(uint8(r)) }

// IsValid reports whether r is a known reason.
func (r Reason) IsValid() bool { return reasonInfo.valid(uint8(r)) }

// Code returns r as the typed [order.Code] a problem order carries
// ("refund.refund_overdue"), for refund's triage checks. It does not
// allocate.
func (r Reason) Code() order.Code {
	c, _ := order.NewCode("refund", r.String())
	return c
}

// MarshalText returns the snake_case code; an invalid reason is an error.
func (r Reason) MarshalText() ([]byte, error) { return reasonInfo.marshal(uint8(r)) }

// UnmarshalText accepts the snake_case codes; see [ParseReason].
func (r *Reason) UnmarshalText(b []byte) error { return reasonInfo.unmarshal(b, (*uint8)(r)) }

// ReasonSet is a set of [Reason]s, kefu's one set type ([order.Set]): a
// plain integer that never allocates, a JSON list of codes.
type ReasonSet = order.Set[Reason]
