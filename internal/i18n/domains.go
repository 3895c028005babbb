package i18n

// The domains: one per enum type of each package whose codes render as
// staff text. The enum's Text method passes its own text form (String) as
// the code, so a Go identifier renamed elsewhere changes nothing here.
const (
	OrderAddressPart Domain = "order.address_part"
	OrderCategory    Domain = "order.category"
	OrderCODAction   Domain = "order.cod_action"
	OrderDepartment  Domain = "order.department"
	OrderEvent       Domain = "order.event"
	OrderLang        Domain = "order.lang"
	OrderPayment     Domain = "order.payment"
	OrderReason      Domain = "order.reason"
	OrderRegion      Domain = "order.region"
	OrderRemedy      Domain = "order.remedy"
	OrderRole        Domain = "order.role"
	OrderStatus      Domain = "order.status"
	OrderVerdict     Domain = "order.verdict"
	OrderCODStatus   Domain = "order.cod_status" // the platform's cash-on-delivery logistics states (SIGN_IN …)

	ShippingAction    Domain = "shipping.action"
	ShippingCarrier   Domain = "shipping.carrier" // couriers' names by code, not an enum
	ShippingProblem   Domain = "shipping.problem" // the reasons of shipping's checks that are not Reason codes
	ShippingReason    Domain = "shipping.reason"
	ShippingRemedy    Domain = "shipping.remedy"
	ShippingSituation Domain = "shipping.situation"
	ShippingStage     Domain = "shipping.stage"
	ShippingStop      Domain = "shipping.stop"
	ShippingWeekday   Domain = "shipping.weekday"
	ShippingWording   Domain = "shipping.wording"

	PricingCause      Domain = "pricing.cause"
	PricingKind       Domain = "pricing.kind"
	PricingPayer      Domain = "pricing.payer"
	PricingReason     Domain = "pricing.reason"
	PricingSettlement Domain = "pricing.settlement"

	OrderChannel      Domain = "order.channel"
	NotesField        Domain = "notes.field"
	NotesFlag         Domain = "notes.flag"
	NotesKind         Domain = "notes.kind"
	NotesPromiseKind  Domain = "notes.promise_kind"
	NotesPromiseState Domain = "notes.promise_state"
	NotesReason       Domain = "notes.reason"
	OrderRound        Domain = "order.round"
	NotesTask         Domain = "notes.task"
	NotesTopic        Domain = "notes.topic"
	NotesUrgency      Domain = "notes.urgency"

	RefundStatus         Domain = "refund.status"      // the platform's refund states (WAIT_SELLER_AGREE …)
	RefundGoodStatus     Domain = "refund.good_status" // the platform's good_status (BUYER_NOT_RECEIVED …)
	RefundPhase          Domain = "refund.phase"
	RefundEvent          Domain = "refund.event"
	RefundComplaint      Domain = "refund.complaint"
	RefundExchangeStatus Domain = "refund.exchange_status"
	RefundExchangeEvent  Domain = "refund.exchange_event"
	RefundMarketplace    Domain = "refund.marketplace"
	RefundCause          Domain = "refund.cause"
	RefundPayer          Domain = "refund.payer"
	RefundShipped        Domain = "refund.shipped"
	RefundFinance        Domain = "refund.finance_action"
	RefundKind           Domain = "refund.kind"
	RefundCondition      Domain = "refund.condition"
	RefundReason         Domain = "refund.reason"
	RefundRoute          Domain = "refund.route"
	RefundStep           Domain = "refund.step"
	RefundStepStatus     Domain = "refund.step_status"
	RefundPlanStatus     Domain = "refund.plan_status"
	RefundPlanEvent      Domain = "refund.plan_event"
)

// Domains returns every domain, in the order of the tables.
func Domains() []Domain {
	var out []Domain
	seen := map[Domain]bool{}
	for _, t := range labelTables {
		for _, e := range t {
			if !seen[e.d] {
				seen[e.d] = true
				out = append(out, e.d)
			}
		}
	}
	return out
}

// Codes returns the codes the catalog holds for domain d, in table order.
func Codes(d Domain) []string {
	var out []string
	for _, t := range labelTables {
		for _, e := range t {
			if e.d == d {
				out = append(out, e.code)
			}
		}
	}
	return out
}

// ProblemReason returns the staff text of an order.Problem's reason, the
// code name of package pkg, in language l: one of order's Reason codes, one
// of shipping's, or a reason only shipping's checks give; "pkg.name" when
// the catalogs do not know it (a backend's own check, say).
func ProblemReason(l Lang, pkg, name string) string {
	var ds []Domain
	switch pkg {
	case "order":
		ds = []Domain{OrderReason}
	case "shipping":
		ds = []Domain{ShippingReason, ShippingProblem}
	case "refund":
		ds = []Domain{RefundReason} // refund's checks report its Reason codes (rules R4, R6)
	}
	for _, d := range ds {
		if s, ok := Lookup(l, d, name); ok {
			return s
		}
	}
	if pkg == "" {
		return name
	}
	return pkg + "." + name
}

// labelTables are the label tables, one per package.
var labelTables = [][]label{orderLabels, shippingLabels, pricingLabels, notesLabels, refundLabels}

// defTables are the message tables: replies to buyers, lines for staff.
var defTables = [][]def{buyerDefs, staffDefs, decisionDefs, planDefs}
