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

// MarshalText returns the snake_case code; an invalid reason is an error.
func (r Reason) MarshalText() ([]byte, error) { return reasonInfo.marshal(uint8(r)) }

// UnmarshalText accepts the snake_case codes; see [ParseReason].
func (r *Reason) UnmarshalText(b []byte) error { return reasonInfo.unmarshal(b, (*uint8)(r)) }

// ReasonSet is a set of [Reason]s, kefu's one set type ([order.Set]): a
// plain integer that never allocates, a JSON list of codes.
type ReasonSet = order.Set[Reason]
