package refund

import (
	"slices"
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// Plan is how a shop puts a postage overcharge right after payment (rules
// S2, R1, R2; seed 000): a value that advances with events, refuses the
// shop's own steps out of order, and always says what still blocks it and
// who must act ([Plan.Blockers]). [PlanOvercharge] makes one.
//
// # Routes
//
// The shop prefers to refund the difference ([RouteDifference]): finance
// refunds the postage overcharged, and operations fixes the free-shipping
// settings. Only when the difference cannot be refunded on its own, and
// the parcel has not left, does the buyer refund and order again
// ([RouteReorder], 退款重拍) — the flow of seed 000 case 1, safe only when
// its guards hold, in this order:
//
//  1. the original is held before outbound ([StepHoldOriginal]: the
//     order's status is [order.Held], with the hold note of
//     [notes.ApplyHold]);
//  2. finance has acknowledged the refund and the warehouse has seen the
//     hold ([StepFinanceAck], [StepWarehouseAck]: hand-offs of package
//     notes, counted once acknowledged; an urgent one to a colleague who
//     is away goes by phone, rule N2) — the two in either order;
//  3. the buyer has placed and paid the new order ([StepPlaceReorder]);
//  4. finance refunds the original through its [Ledger]
//     ([StepRefundOriginal], [Plan.Refund]), with idempotency keys, so a
//     retry never pays twice.
//
// Operations fixes the settings ([StepFixSettings]) at any time.
//
// If the original's parcel is reported at or past outbound
// ([shipping.Outbound]) before it is refunded, the plan switches: with no
// new order yet, back to refunding the difference (the parcel left, so
// the difference can be refunded); with one, to [RouteReconcile] — a
// suspected double shipment, settled evidence first (rule R2): the
// warehouse's outbound records and waybill weights ([StepGatherEvidence],
// weighed by [Policy.Reconcile]), then finance refunds the order the
// evidence names ([StepSettle]), then operations. An original that leaves
// after it was refunded adds [StepIntercept]: only the courier can stop it
// now (rule S7).
//
// # Events, order and bypasses
//
// [Plan.Apply] applies a [PlanEvent] and returns the next plan. A step
// reported before the steps that guard it — finance told before the
// original was held, the new order before finance and the warehouse
// acknowledged — is refused ([ErrInvalidTransition], class conflict,
// naming the first step missing) and the plan is unchanged: nothing is
// half-applied. What happened outside the shop's control is recorded all
// the same when the event says it was observed ([PlanEvent.Observed]: the
// buyer reordered on their own, the warehouse shipped): the plan then keeps
// a [Bypass] naming each guard skipped and when — the step that case 1
// skipped. A parcel event is always a fact.
//
// # Storage
//
// A Plan is an immutable value with a version, like [Refund]: every
// event names the version it was decided on, and each applied event
// increments it, so a backend stores plans with compare-and-set. Its JSON
// form is strict, bounded and checked as a whole when decoded. The zero
// Plan is not a plan; [Plan.IsZero] reports it.
type Plan struct {
	id         string
	route      Route
	status     PlanStatus
	original   string
	reorder    string
	buyer      string
	owner      order.Agent
	overcharge int64 // fen
	reasons    ReasonSet
	steps      []StepState
	stages     [2]shipping.Stage // furthest reported: the original, the new order
	bypasses   []Bypass
	rec        Reconciliation // the evidence weighed, once there is some
	version    int64
	opened     time.Time
	modified   time.Time
	completed  time.Time
}

// StepState is one step of a plan and where it stands.
type StepState struct {
	Step  Step       `json:"step"`
	State StepStatus `json:"state"`
	// Since is when the step was planned.
	Since time.Time `json:"since"`
	// At is when it was done or dropped; zero while pending.
	At time.Time `json:"at,omitzero"`
	// By is who completed it: the hold note's author, the colleague who
	// acknowledged the hand-off.
	By string `json:"by,omitempty"`
	// HandOff is the latest hand-off of a hand-off step, acknowledged or
	// not yet.
	HandOff notes.HandOff `json:"hand_off,omitzero"`
	// OrderID is the order a money step refunded.
	OrderID string `json:"order_id,omitempty"`
	// Refunded is what a money step paid on OrderID, goods and postage,
	// in yuan; zero until it is done (rules R1, R2: what the buyer is
	// told was refunded).
	Refunded decimal.Decimal `json:"refunded,omitzero"`
}

// Bypass records an event that came before the steps that guard it: what
// it completed (StepUnknown for a parcel that left the warehouse), the
// guards still open then, and when.
type Bypass struct {
	Event   PlanEventKind `json:"event"`
	Step    Step          `json:"step,omitzero"`
	Skipped StepSet       `json:"skipped"`
	At      time.Time     `json:"at"`
}

// Blocker is a step that still blocks a plan: who must act, why, and
// since when (see [Plan.Blockers]).
type Blocker struct {
	Step Step `json:"step"`
	// Ready: the steps that guard it are done; it can be acted on now.
	Ready bool  `json:"ready"`
	Who   Actor `json:"who"`
	// Reasons say what is missing ([AwaitingHold], [AwaitingHandOff],
	// [AwaitingAcknowledgement], [CallRequired], [AcknowledgementOverdue],
	// [AwaitingReorder], [AwaitingRefund], [AwaitingEvidence] and the
	// reconciliation's own, [AwaitingReturn], [RefundedOriginalLeft]).
	Reasons ReasonSet `json:"reasons"`
	// Since is when it became ready (or was planned, if it is not ready).
	Since time.Time `json:"since"`
	// Due is when a hand-off sent for it is to be acknowledged.
	Due time.Time `json:"due,omitzero"`
}

// maxPlanID bounds a plan's ID so that the payout keys made from it
// ([Plan.Payouts]: the ID, a dot and up to five more bytes) keep within
// the 64 bytes of an ID.
const maxPlanID = 48

// PlanRequest asks [PlanOvercharge] for a plan.
type PlanRequest struct {
	// ID names the plan (the backend's); at most 48 bytes, under kefu's
	// identity rule. The plan's payout keys are made from it.
	ID string
	// Order is the original order, paid.
	Order *order.Order
	// Overcharge is shipping's finding on it:
	// [shipping.Policy.PostageOvercharge].
	Overcharge shipping.Overcharge
	// Stage is the furthest stage the original's parcel is known to have
	// reached; StageUnknown when nothing is known.
	Stage shipping.Stage
	// CannotRefundDifference: the postage difference cannot be refunded
	// on its own now — the shop's way of refunding takes only whole
	// orders before dispatch, say, or the buyer will not wait for it.
	// Only then does the plan refund and reorder.
	CannotRefundDifference bool
	// Owner is the agent who runs the plan (the hold is theirs to apply).
	Owner order.Agent
	At    time.Time
}

// PlanOvercharge plans how to put a postage overcharge right (rules S2,
// R1): it prefers to refund the difference ([RouteDifference]) and
// refunds and reorders ([RouteReorder]) only when the request says the
// difference cannot be refunded on its own and shipping's remedies allow
// it — the order paid and not dispatched, and its parcel not at or past
// outbound. A plan that wanted to reorder but finds the parcel gone
// refunds the difference, with [ParcelLeft] among its reasons.
//
// Errors: a malformed ID ([ErrMissing], [ErrInvalidText], longer than 48
// bytes); a nil or zero order ([ErrMissing]); an order not paid, or
// closed — before payment the postage is fixed, not refunded
// ([ErrNotRefundable]); an overcharge that is none, or not of this order
// (its postage charged is not the order's: [ErrInconsistent]); an owner
// who fails [order.Agent.Normalize]; an unknown stage ([ErrUnknownCode]);
// no time, or one before the order was placed ([ErrMissing],
// [ErrInconsistent]).
func PlanOvercharge(r PlanRequest) (Plan, error) {
	id, err := planID(r.ID)
	if err != nil {
		return Plan{}, err
	}
	o := r.Order
	if o == nil || o.IsZero() {
		return Plan{}, fieldErr("order", "", ErrMissing, "")
	}
	if st := o.Status(); !st.Paid() || !st.Open() && st != order.Finished {
		return Plan{}, fieldErr("order.status", st.String(), ErrNotRefundable,
			"before payment the postage is fixed, not refunded (rule S2); a closed order has nothing to refund")
	}
	c := r.Overcharge
	charged, _ := yuan.Fen(c.Free.Charged())
	postage := orderfen.Of(o).Postage
	amount, _ := yuan.Fen(c.Amount())
	switch {
	case !c.Overcharged || amount <= 0:
		return Plan{}, fieldErr("overcharge", yuan.Text(c.Amount()), ErrInconsistent, "nothing was overcharged: nothing to plan")
	case charged != postage || amount > postage:
		return Plan{}, fieldErr("overcharge", yuan.Text(c.Amount()), ErrInconsistent,
			"not the overcharge of order "+o.ID()+", which was charged "+yuan.Format(postage))
	}
	owner, err := r.Owner.Normalize()
	if err != nil {
		return Plan{}, err
	}
	if r.Stage != shipping.StageUnknown && !r.Stage.IsValid() {
		return Plan{}, fieldErr("stage", r.Stage.String(), ErrUnknownCode, "")
	}
	if err := planTime("at", r.At); err != nil {
		return Plan{}, err
	}
	if r.At.Before(o.CreatedAt()) {
		return Plan{}, fieldErr("at", r.At.Format(time.RFC3339), ErrInconsistent, "before the order was placed")
	}
	p := Plan{id: id, status: PlanOpen, original: o.ID(), buyer: o.Buyer().ID, owner: owner, overcharge: amount,
		version: 1, opened: r.At, modified: r.At, route: RouteDifference}
	p.stages[0] = r.Stage
	if r.CannotRefundDifference {
		p.reasons = p.reasons.With(DifferenceUnavailable)
		left := o.Status().Dispatched() || leftWarehouse(r.Stage)
		switch {
		case left:
			p.reasons = p.reasons.With(ParcelLeft)
		case c.Remedies.Has(shipping.RefundAndReorder):
			p.route = RouteReorder
		}
	}
	for _, s := range p.route.steps() {
		p.steps = append(p.steps, StepState{Step: s, State: StepPending, Since: r.At})
	}
	return p, nil
}

// planID checks a plan's ID: kefu's identity rule, and at most 48 bytes.
func planID(s string) (string, error) {
	id, err := identifier("id", s)
	if err != nil {
		return "", err
	}
	if len(id) > maxPlanID {
		return "", fieldErr("id", s, ErrInvalidText, "a plan ID has at most "+strconv.Itoa(maxPlanID)+" bytes")
	}
	return id, nil
}

// planTime checks a required time: set, in the years 1 to 9999.
func planTime(field string, t time.Time) error {
	if t.IsZero() {
		return fieldErr(field, "", ErrMissing, "")
	}
	return optionalTime(field, t)
}

// leftWarehouse reports whether a parcel at s has left the warehouse.
func leftWarehouse(s shipping.Stage) bool { return s.IsValid() && s >= shipping.Outbound }

// PlanEvent is something that happened to a plan, for [Plan.Apply]. Set
// the fields its Kind uses; the others are ignored.
type PlanEvent struct {
	Kind PlanEventKind
	// Version is the plan version the event was decided on.
	Version int64
	// At is when the plan learns of it: not before the plan's last change.
	At time.Time
	// Observed: the event already happened outside the shop's control —
	// the buyer reordered on their own, a colleague was told before the
	// hold — and is recorded even before the steps that guard it, with a
	// [Bypass] naming them. Without it such an event is refused.
	Observed bool

	// Order is the held original ([PlanHold]: its status is
	// [order.Held]) or the new order ([PlanReorder]).
	Order *order.Order
	// Note is the hold note [notes.ApplyHold] made ([PlanHold]).
	Note notes.Note
	// HandOff is a hand-off sent or acknowledged ([PlanHandOff]): to
	// finance or the warehouse about the original, to the courier to
	// intercept it, or to operations.
	HandOff notes.HandOff
	// OrderID and Stage say how far the parcel of the original or of the
	// new order has got ([PlanParcel]).
	OrderID string
	Stage   shipping.Stage
	// Reconciliation is [Policy.Reconcile] on [Plan.Evidence] filled with
	// the warehouse's records ([PlanEvidence]).
	Reconciliation Reconciliation
}

// IsZero reports whether p is the zero Plan.
func (p Plan) IsZero() bool { return p.id == "" }

// ID returns the plan's ID.
func (p Plan) ID() string { return p.id }

// Route returns the plan's current route.
func (p Plan) Route() Route { return p.route }

// Status returns where the plan stands.
func (p Plan) Status() PlanStatus { return p.status }

// OriginalID returns the ID of the overcharged order.
func (p Plan) OriginalID() string { return p.original }

// ReorderID returns the ID of the new order; "" until the buyer placed it.
func (p Plan) ReorderID() string { return p.reorder }

// BuyerID returns the buyer's ID.
func (p Plan) BuyerID() string { return p.buyer }

// Owner returns the agent who runs the plan, canonical.
func (p Plan) Owner() order.Agent { return p.owner }

// Overcharge returns the postage overcharged, in yuan.
func (p Plan) Overcharge() decimal.Decimal { return yuan.Dec(p.overcharge) }

// Reasons returns why the plan took its route: [DifferenceUnavailable],
// [ParcelLeft], [RefundedOriginalLeft].
func (p Plan) Reasons() ReasonSet { return p.reasons }

// Version returns the plan's version: 1 when made, one more after every
// event applied.
func (p Plan) Version() int64 { return p.version }

// OpenedAt returns when the plan was made.
func (p Plan) OpenedAt() time.Time { return p.opened }

// ModifiedAt returns when the plan last changed.
func (p Plan) ModifiedAt() time.Time { return p.modified }

// CompletedAt returns when the plan was done or cancelled; zero while it
// is open.
func (p Plan) CompletedAt() time.Time { return p.completed }

// Steps returns every step the plan holds, in order: those of its route,
// and those dropped when it changed route.
func (p Plan) Steps() []StepState { return slices.Clone(p.steps) }

// Step returns the state of step s — in the plan's route, or done on an
// earlier one; dropped steps aside — and whether the plan has it.
func (p Plan) Step(s Step) (StepState, bool) {
	if i := p.find(s); i >= 0 {
		return p.steps[i], true
	}
	return StepState{}, false
}

// Bypasses returns the events that came before the steps guarding them,
// oldest first: which guards were skipped, and when.
func (p Plan) Bypasses() []Bypass { return slices.Clone(p.bypasses) }

// Skipped returns every guard a [Bypass] skipped.
func (p Plan) Skipped() StepSet {
	var s StepSet
	for _, b := range p.bypasses {
		s |= b.Skipped
	}
	return s
}

// Stage returns the furthest stage reported for the parcel of order id:
// the original or the new order; StageUnknown otherwise.
func (p Plan) Stage(id string) shipping.Stage {
	switch {
	case id == "":
	case id == p.original:
		return p.stages[0]
	case id == p.reorder:
		return p.stages[1]
	}
	return shipping.StageUnknown
}

// Shipped returns the orders of the plan whose parcels were reported at or
// past outbound: the original first. Both, in a refund-and-reorder, is
// the double shipment of seed 000.
func (p Plan) Shipped() []string {
	var out []string
	if leftWarehouse(p.stages[0]) {
		out = append(out, p.original)
	}
	if p.reorder != "" && leftWarehouse(p.stages[1]) {
		out = append(out, p.reorder)
	}
	return out
}

// Reconciliation returns the evidence the plan weighed ([PlanEvidence]),
// and whether there is any.
func (p Plan) Reconciliation() (Reconciliation, bool) {
	return p.rec, p.rec.Outcome != ShippedUnknown
}

// Evidence returns the [Evidence] of the plan's suspected double shipment
// to fill in with the warehouse's outbound records and waybill weights:
// its two orders, the original first. The new order is "" until placed.
func (p Plan) Evidence() Evidence { return Evidence{Orders: [2]string{p.original, p.reorder}} }

// find returns the index of step s in the route (not dropped), or -1.
func (p *Plan) find(s Step) int {
	for i := range p.steps {
		if p.steps[i].Step == s && p.steps[i].State != StepDropped {
			return i
		}
	}
	return -1
}

// open returns the steps of needs that the plan holds and has not done.
func (p *Plan) open(needs StepSet) StepSet {
	var out StepSet
	for i := range p.steps {
		if st := p.steps[i]; needs.Has(st.Step) && st.State == StepPending {
			out = out.With(st.Step)
		}
	}
	return out
}

// clone returns a copy of p whose slices the caller may change.
func (p Plan) clone() Plan {
	p.steps = slices.Clone(p.steps)
	p.bypasses = slices.Clone(p.bypasses)
	return p
}

// Apply applies e and returns the next plan, its version incremented; p
// is unchanged. It refuses, with p as it was:
//
//   - an unknown event ([ErrUnknownEvent]); a stale version
//     ([ErrStaleVersion]); no time, or one before the plan's last change
//     ([ErrMissing], [ErrInconsistent]);
//   - an event on a plan done or cancelled, for a step the route does not
//     hold or has done, or before the steps that guard it without
//     [PlanEvent.Observed] ([ErrInvalidTransition], class conflict, the
//     [*TransitionError] naming the first step missing);
//   - evidence that does not show what the step needs
//     ([ErrInconsistent]): a hold of another order, of an order not held,
//     or with a note that is not a hold; a hand-off to someone no step
//     waits for, or about another order; a new order of another buyer,
//     the original itself, or not paid; a parcel of an order not in the
//     plan; a reconciliation of other orders; and the errors of
//     [notes.NormalizeNote] and [notes.NormalizeHandOff] for a malformed
//     note or hand-off.
func (p Plan) Apply(e PlanEvent) (Plan, error) {
	if p.IsZero() {
		return Plan{}, fieldErr("plan", "", ErrMissing, "the zero Plan")
	}
	if !e.Kind.IsValid() {
		return p, fieldErr("event", e.Kind.String(), ErrUnknownEvent, "")
	}
	if e.Version != p.version {
		return p, fieldErr("version", strconv.FormatInt(e.Version, 10), ErrStaleVersion,
			"the plan is at version "+strconv.FormatInt(p.version, 10))
	}
	if p.status != PlanOpen {
		return p, transitionErr(p.status.String(), e.Kind.String(), "the plan is "+p.status.String())
	}
	if err := planTime("at", e.At); err != nil {
		return p, err
	}
	if e.At.Before(p.modified) {
		return p, fieldErr("at", e.At.Format(time.RFC3339), ErrInconsistent,
			"before the plan's last change at "+p.modified.Format(time.RFC3339))
	}
	n := p.clone()
	var err error
	switch e.Kind {
	case PlanHold:
		err = n.hold(e)
	case PlanHandOff:
		err = n.handOff(e)
	case PlanReorder:
		err = n.placeReorder(e)
	case PlanParcel:
		err = n.parcel(e)
	case PlanEvidence:
		err = n.evidence(e)
	case PlanCancel:
		err = n.cancel(e)
	}
	if err != nil {
		return p, err
	}
	n.advance(e.At)
	return n, nil
}

// advance closes an applied change at at.
func (p *Plan) advance(at time.Time) {
	p.version++
	p.modified = at
	if p.status == PlanOpen && p.open(allSteps) == 0 {
		p.status, p.completed = PlanDone, at
	}
}

// allSteps holds every step.
const allSteps = StepSet(1<<numSteps - 2)

// ready finds step s pending in the route and checks that the steps
// guarding it are done; with observed, guards still open are recorded as
// a bypass instead of refusing the event.
func (p *Plan) ready(s Step, e PlanEvent) (int, error) {
	i := p.find(s)
	switch {
	case i < 0:
		return -1, transitionErr(p.route.String(), e.Kind.String(), "the "+p.route.String()+" route has no step "+s.String())
	case p.steps[i].State == StepDone:
		return -1, transitionErr(s.String(), e.Kind.String(), s.String()+" is done already")
	}
	if missing := p.open(s.needs()); missing != 0 {
		if !e.Observed {
			first, _ := first(missing)
			return -1, transitionErr(first.String(), e.Kind.String(),
				s.String()+" waits for "+missing.String()+" (rule R1)")
		}
		p.bypasses = append(p.bypasses, Bypass{Event: e.Kind, Step: s, Skipped: missing, At: e.At})
	}
	return i, nil
}

// first returns the first step of a set.
func first(s StepSet) (Step, bool) {
	for st := range s.All() {
		return st, true
	}
	return StepUnknown, false
}

// done marks step i done at at.
func (p *Plan) done(i int, at time.Time, by string) {
	p.steps[i].State, p.steps[i].At, p.steps[i].By = StepDone, at, by
}

func (p *Plan) hold(e PlanEvent) error {
	o := e.Order
	switch {
	case o == nil || o.IsZero():
		return fieldErr("order", "", ErrMissing, "the held original")
	case o.ID() != p.original:
		return fieldErr("order", o.ID(), ErrInconsistent, "the plan holds order "+p.original)
	case o.Status() != order.Held:
		return fieldErr("order.status", o.Status().String(), ErrInconsistent,
			"a held order is PAID_FORBID_CONSIGN: hold it with notes.ApplyHold")
	}
	n, err := notes.NormalizeNote(e.Note)
	if err != nil {
		return err
	}
	if n.Kind != notes.KindHold || n.Release {
		return fieldErr("note.kind", n.Kind.String(), ErrInconsistent, "not a hold note: the warehouse reads the memo")
	}
	if n.At.After(e.At) {
		return fieldErr("note.at", n.At.Format(time.RFC3339), ErrInconsistent, "after the event")
	}
	i, err := p.ready(StepHoldOriginal, e)
	if err != nil {
		return err
	}
	p.done(i, e.At, n.Author.ID)
	return nil
}

func (p *Plan) handOff(e PlanEvent) error {
	h, err := notes.NormalizeHandOff(e.HandOff)
	if err != nil {
		return err
	}
	var s Step
	switch h.To.Department {
	case order.Finance:
		s = StepFinanceAck
	case order.Warehouse:
		s = StepWarehouseAck
	case order.Courier:
		s = StepIntercept
	case order.Operations:
		s = StepFixSettings
	default:
		return fieldErr("hand_off.to", h.To.String(), ErrInconsistent, "no step of the plan waits for it")
	}
	switch {
	case s == StepFixSettings && h.OrderID != "" && h.OrderID != p.original && h.OrderID != p.reorder:
		return fieldErr("hand_off.order_id", h.OrderID, ErrInconsistent, "not an order of the plan")
	case s != StepFixSettings && h.OrderID != p.original:
		return fieldErr("hand_off.order_id", h.OrderID, ErrInconsistent, "the hand-off is about the original, "+p.original)
	case h.SentAt.After(e.At) || h.Acknowledged() && h.AckedAt.After(e.At):
		return fieldErr("hand_off.sent_at", h.SentAt.Format(time.RFC3339), ErrInconsistent, "after the event")
	}
	i, err := p.ready(s, e)
	if err != nil {
		return err
	}
	p.steps[i].HandOff = h
	if h.Acknowledged() {
		// Rule N2: a hand-off counts once a person has it.
		p.done(i, e.At, h.AckedBy)
	}
	return nil
}

func (p *Plan) placeReorder(e PlanEvent) error {
	o := e.Order
	switch {
	case o == nil || o.IsZero():
		return fieldErr("order", "", ErrMissing, "the new order")
	case o.ID() == p.original:
		return fieldErr("order", o.ID(), ErrInconsistent, "the original is not its own re-order")
	case o.Buyer().ID != p.buyer:
		return fieldErr("order.buyer", o.Buyer().ID, ErrInconsistent, "the plan's buyer is "+p.buyer)
	case !o.Status().Paid() || !o.Status().Open():
		return fieldErr("order.status", o.Status().String(), ErrInconsistent, "a new order is placed and paid, and open")
	case o.CreatedAt().After(e.At):
		return fieldErr("order.created", o.CreatedAt().Format(time.RFC3339), ErrInconsistent, "after the event")
	}
	i, err := p.ready(StepPlaceReorder, e)
	if err != nil {
		return err
	}
	p.reorder = o.ID()
	p.done(i, e.At, "")
	return nil
}

func (p *Plan) parcel(e PlanEvent) error {
	id, err := identifier("order_id", e.OrderID)
	if err != nil {
		return err
	}
	if !e.Stage.IsValid() {
		return fieldErr("stage", e.Stage.String(), ErrUnknownCode, "")
	}
	k := 0
	switch id {
	case p.original:
	case p.reorder:
		k = 1
	default:
		return fieldErr("order_id", e.OrderID, ErrInconsistent, "not an order of the plan")
	}
	was := p.stages[k]
	p.stages[k] = max(was, e.Stage)
	if k == 1 || leftWarehouse(was) || !leftWarehouse(e.Stage) || p.route != RouteReorder {
		return nil
	}
	// The original left the warehouse (rules R1, R2, S7).
	if i := p.find(StepRefundOriginal); i >= 0 && p.steps[i].State == StepDone {
		if p.find(StepIntercept) < 0 {
			p.reasons = p.reasons.With(RefundedOriginalLeft)
			p.insert(StepIntercept, e.At)
		}
		return nil
	}
	if skipped := p.open(order.SetOf(StepHoldOriginal, StepWarehouseAck)); skipped != 0 {
		p.bypasses = append(p.bypasses, Bypass{Event: PlanParcel, Skipped: skipped, At: e.At})
	}
	p.reasons = p.reasons.With(ParcelLeft)
	if p.reorder == "" {
		p.switchTo(RouteDifference, e.At)
	} else {
		p.switchTo(RouteReconcile, e.At)
	}
	return nil
}

// insert adds step s, pending, before the fix of the settings.
func (p *Plan) insert(s Step, at time.Time) {
	st := StepState{Step: s, State: StepPending, Since: at}
	if i := p.find(StepFixSettings); i >= 0 {
		p.steps = slices.Insert(p.steps, i, st)
		return
	}
	p.steps = append(p.steps, st)
}

// switchTo moves the plan to route r at at: its pending steps are
// dropped, except the fix of the settings, which every route ends with.
func (p *Plan) switchTo(r Route, at time.Time) {
	var fix *StepState
	kept := p.steps[:0:0]
	for _, st := range p.steps {
		switch {
		case st.Step == StepFixSettings && st.State != StepDropped:
			f := st
			fix = &f
			continue
		case st.State == StepPending:
			st.State, st.At = StepDropped, at
		}
		kept = append(kept, st)
	}
	for _, s := range r.steps() {
		if s == StepFixSettings && fix != nil {
			kept = append(kept, *fix)
			continue
		}
		kept = append(kept, StepState{Step: s, State: StepPending, Since: at})
	}
	p.steps, p.route = kept, r
}

func (p *Plan) evidence(e PlanEvent) error {
	r := e.Reconciliation
	switch {
	case !r.Outcome.IsValid() || !r.Finance.IsValid():
		return fieldErr("reconciliation.outcome", r.Outcome.String(), ErrUnknownCode, "the result of Policy.Reconcile")
	case r.Outcome == Inconclusive && r.Finance != GetEvidence,
		r.Outcome == OneShipped && r.Finance != RefundOne,
		r.Outcome == TwoShipped && r.Finance != RefundAfterReturn:
		return fieldErr("reconciliation.finance", r.Finance.String(), ErrInconsistent, "not what "+r.Outcome.String()+" asks of finance")
	case r.Refund != "" && r.Refund != p.original && r.Refund != p.reorder:
		return fieldErr("reconciliation.refund", r.Refund, ErrInconsistent, "not an order of the plan")
	}
	i, err := p.ready(StepGatherEvidence, e)
	if err != nil {
		return err
	}
	p.rec = r
	// Evidence before money (rule R2): only a finding that names the
	// order to refund completes the step.
	if r.Outcome != Inconclusive && r.Refund != "" {
		p.done(i, e.At, "")
	}
	return nil
}

func (p *Plan) cancel(e PlanEvent) error {
	for _, st := range p.steps {
		if st.Step.money() && st.State == StepDone {
			return transitionErr(st.Step.String(), e.Kind.String(), "money was refunded already: the plan goes on")
		}
	}
	for i := range p.steps {
		if p.steps[i].State == StepPending {
			p.steps[i].State, p.steps[i].At = StepDropped, e.At
		}
	}
	p.status, p.completed = PlanCancelled, e.At
	return nil
}

// moneyStep returns the index of the plan's money step, or -1.
func (p *Plan) moneyStep() int {
	for i := range p.steps {
		if p.steps[i].Step.money() && p.steps[i].State != StepDropped {
			return i
		}
	}
	return -1
}

// target returns the order a money step refunds.
func (p *Plan) target(s Step) string {
	if s == StepSettle {
		return p.rec.Refund
	}
	return p.original
}

// Payouts returns the payouts of the plan's money step on l, the ledger
// of the order it refunds, paid at at, each with the version it will be
// paid on if they are paid in order: for [StepRefundDifference] the
// postage overcharged; for [StepRefundOriginal] and [StepSettle]
// everything that remains of each line and of the postage — as returned
// goods when both orders shipped, so the goods must be back first
// ([RefundAfterReturn]). Each has a key made from the plan's ID ("P1.d",
// "P1.o0" … "P1.op", "P1.s0" … "P1.sp"), and a key l already paid is
// given again as it was paid, so paying them again is a replay: a retry
// after a crash never pays twice. Review each with
// [Policy.ReviewRefund] where the shop's approvals apply; [Plan.Refund]
// pays them.
//
// Errors: a plan with no money step, or one not ready
// ([ErrInvalidTransition]); a ledger of another order ([ErrInconsistent]).
func (p Plan) Payouts(l Ledger, at time.Time) ([]Payout, error) {
	if p.IsZero() || l.IsZero() {
		return nil, fieldErr("plan", "", ErrMissing, "")
	}
	i := p.moneyStep()
	if i < 0 {
		return nil, transitionErr(p.route.String(), "refund", "the route has no refund")
	}
	st := p.steps[i]
	want := p.target(st.Step)
	if want == "" || st.State == StepPending && p.open(st.Step.needs()) != 0 {
		first, _ := first(p.open(st.Step.needs()))
		return nil, transitionErr(first.String(), "refund", st.Step.String()+" waits for "+p.open(st.Step.needs()).String())
	}
	if st.State == StepDone {
		want = st.OrderID
	}
	if l.OrderID() != want {
		return nil, fieldErr("ledger.order_id", l.OrderID(), ErrInconsistent, st.Step.String()+" refunds order "+want)
	}
	var out []Payout
	v := l.Version()
	add := func(key string, fresh func() (Payout, bool)) {
		if r, ok := l.Receipt(key); ok {
			out = append(out, Payout{Key: key, Version: r.Version - 1, SKU: r.SKU, Units: r.Units,
				Returned: r.Returned, Goods: r.Goods(), Postage: r.Postage(), At: r.At})
			return
		}
		if po, ok := fresh(); ok {
			po.Key, po.Version, po.At = key, v, at
			v++
			out = append(out, po)
		}
	}
	if st.Step == StepRefundDifference {
		add(p.id+".d", func() (Payout, bool) { return Payout{Postage: yuan.Dec(p.overcharge)}, true })
		return out, nil
	}
	prefix := p.id + ".o"
	if st.Step == StepSettle {
		prefix = p.id + ".s"
	}
	returned := st.Step == StepSettle && p.rec.Finance == RefundAfterReturn
	for j := range l.NumLines() {
		ls := l.Line(j)
		add(prefix+strconv.Itoa(j), func() (Payout, bool) {
			units := ls.Quantity - ls.RefundedUnits
			if !ls.Remaining.IsPositive() {
				return Payout{}, false
			}
			return Payout{SKU: ls.SKU, Units: units, Returned: returned && units > 0, Goods: ls.Remaining}, true
		})
	}
	add(prefix+"p", func() (Payout, bool) {
		left := l.PostageRemaining()
		return Payout{Postage: left}, left.IsPositive()
	})
	return out, nil
}

// Refund pays the plan's money step through l, the ledger of the order it
// refunds ([Plan.Payouts], at at), and returns the next plan with the
// step done, the next ledger and the receipts. Every payout passes or
// none is paid: on error the plan and the ledger are returned as they
// were, and the error is the ledger's ([ErrOverRefund], [ErrNotReturned]
// while the goods are not back …) or the plan's: a stale version
// ([ErrStaleVersion]), a step not ready or a plan not open
// ([ErrInvalidTransition]), a ledger of another order
// ([ErrInconsistent]), a time before the plan's last change.
//
// Refund is idempotent: once the step is done, calling it again — with
// any version — replays the same payouts on the ledger that holds them
// and returns the plan and the ledger unchanged, every receipt Replayed.
func (p Plan) Refund(l Ledger, version int64, at time.Time) (Plan, Ledger, []Receipt, error) {
	ps, err := p.Payouts(l, at)
	if err != nil {
		return p, l, nil, err
	}
	i := p.moneyStep()
	replay := p.steps[i].State == StepDone
	if !replay {
		switch {
		case version != p.version:
			return p, l, nil, fieldErr("version", strconv.FormatInt(version, 10), ErrStaleVersion,
				"the plan is at version "+strconv.FormatInt(p.version, 10))
		case p.status != PlanOpen:
			return p, l, nil, transitionErr(p.status.String(), "refund", "the plan is "+p.status.String())
		}
		if err := planTime("at", at); err != nil {
			return p, l, nil, err
		}
		if at.Before(p.modified) {
			return p, l, nil, fieldErr("at", at.Format(time.RFC3339), ErrInconsistent,
				"before the plan's last change at "+p.modified.Format(time.RFC3339))
		}
	}
	next := l
	rs := make([]Receipt, 0, len(ps))
	var paid int64
	for _, po := range ps {
		po.Version = next.Version()
		n, r, err := next.Pay(po)
		if err != nil {
			return p, l, nil, err
		}
		if replay && !r.Replayed {
			// A done step whose ledger lacks its payouts: not the ledger
			// it was paid on.
			return p, l, nil, fieldErr("ledger", l.OrderID(), ErrInconsistent, "the plan refunded this step on another ledger")
		}
		next = n
		rs = append(rs, r)
		paid += r.goods + r.postage
	}
	if replay {
		return p, l, rs, nil
	}
	n := p.clone()
	n.done(i, at, "")
	n.steps[i].OrderID, n.steps[i].Refunded = l.OrderID(), yuan.Dec(paid)
	n.advance(at)
	return n, next, rs, nil
}

// Blockers returns what still blocks the plan at now: every step of its
// route not done, in order, with who must act and why. A step is Ready
// once the steps that guard it are done. A hand-off step says whether a
// hand-off was sent, whether it needs a call (an urgent one to a
// colleague who is away went by chat alone, rule N2) and whether it is
// past its due time. A plan done or cancelled has none.
func (p Plan) Blockers(now time.Time) []Blocker {
	if p.status != PlanOpen {
		return nil
	}
	var out []Blocker
	for _, st := range p.steps {
		if st.State != StepPending {
			continue
		}
		b := Blocker{Step: st.Step, Ready: p.open(st.Step.needs()) == 0, Since: st.Since}
		for _, o := range p.steps {
			if st.Step.needs().Has(o.Step) && o.State == StepDone && o.At.After(b.Since) {
				b.Since = o.At
			}
		}
		if d := st.Step.department(); d != order.DepartmentUnknown {
			b.Who = Actor{Department: d}
			h := st.HandOff
			switch {
			case h.ID == "":
				b.Reasons = b.Reasons.With(AwaitingHandOff)
			default:
				b.Reasons, b.Due = b.Reasons.With(AwaitingAcknowledgement), h.Due
				if h.PhoneRequired() {
					b.Reasons = b.Reasons.With(CallRequired)
				}
				if now.After(h.Due) {
					b.Reasons = b.Reasons.With(AcknowledgementOverdue)
				}
			}
		}
		switch st.Step {
		case StepHoldOriginal:
			b.Who, b.Reasons = Actor{Role: p.owner.Role}, b.Reasons.With(AwaitingHold)
		case StepPlaceReorder:
			b.Who, b.Reasons = Actor{Buyer: true}, b.Reasons.With(AwaitingReorder)
		case StepRefundDifference, StepRefundOriginal:
			b.Who, b.Reasons = Actor{Department: order.Finance}, b.Reasons.With(AwaitingRefund)
		case StepGatherEvidence:
			b.Who, b.Reasons = Actor{Department: order.Warehouse}, b.Reasons.With(AwaitingEvidence)|p.rec.Reasons
		case StepSettle:
			b.Who, b.Reasons = Actor{Department: order.Finance}, b.Reasons.With(AwaitingRefund)
			if p.rec.Finance == RefundAfterReturn {
				b.Reasons = b.Reasons.With(AwaitingReturn)
			}
		case StepIntercept:
			b.Reasons = b.Reasons.With(RefundedOriginalLeft)
		}
		out = append(out, b)
	}
	return out
}
