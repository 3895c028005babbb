package refund

import (
	"github.com/shopspring/decimal"

	"encoding/json"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/shipping"
)

// Bounds on a decoded plan: a route holds at most seven steps, and a plan
// that changed route twice keeps the dropped ones, so 16 is ample; every
// bypass completes a step or reports the one departure of the original,
// so there are fewer than steps.
const (
	maxPlanJSON     = 64 << 10
	maxPlanSteps    = 16
	maxPlanBypasses = 16
)

// planJSON is the JSON form of a Plan.
type planJSON struct {
	ID             string          `json:"id"`
	Route          Route           `json:"route"`
	Status         PlanStatus      `json:"status"`
	Original       string          `json:"original"`
	Reorder        string          `json:"reorder,omitempty"`
	Buyer          string          `json:"buyer"`
	Owner          order.Agent     `json:"owner"`
	Overcharge     json.RawMessage `json:"overcharge"`
	Reasons        ReasonSet       `json:"reasons"`
	Steps          []stepJSON      `json:"steps"`
	Stages         stagesJSON      `json:"stages"`
	Bypasses       []Bypass        `json:"bypasses,omitempty"`
	Reconciliation *Reconciliation `json:"reconciliation,omitempty"`
	Version        int64           `json:"version"`
	Opened         time.Time       `json:"opened"`
	Modified       time.Time       `json:"modified"`
	Completed      time.Time       `json:"completed,omitzero"`
}

// stepJSON is a step in a plan's JSON, as StepState.MarshalJSON writes
// it: its refunded amount is money as text with two decimals, read back by
// parseMoneyText, as the plan's overcharge is — a JSON number (the
// stored form is always text), a sign, an exponent, a third decimal or an
// amount past what kefu holds is refused, never rounded (rule R7).
type stepJSON struct {
	plainStep
	Refunded json.RawMessage `json:"refunded,omitempty"`
}

type plainStep StepState

func stepsJSON(steps []StepState) ([]stepJSON, error) {
	out := make([]stepJSON, len(steps))
	for i, st := range steps {
		out[i].plainStep = plainStep(st)
		if !st.Refunded.IsZero() {
			f, ok := yuan.Fen(st.Refunded)
			if !ok {
				return nil, fieldErr("steps["+strconv.Itoa(i)+"].refunded", st.Refunded.String(), ErrInvalidAmount, "at most two decimals")
			}
			out[i].Refunded, _ = money(f).MarshalJSON()
		}
	}
	return out, nil
}

// state is the step s holds, its refunded amount read as money.
func (s stepJSON) state(field string) (StepState, error) {
	st := StepState(s.plainStep)
	st.Refunded = decimal.Decimal{}
	if len(s.Refunded) > 0 {
		f, err := parseMoneyText(field+".refunded", s.Refunded)
		if err != nil {
			return st, err
		}
		st.Refunded = yuan.Dec(f)
	}
	return st, nil
}

type stagesJSON struct {
	Original shipping.Stage `json:"original,omitzero"`
	Reorder  shipping.Stage `json:"reorder,omitzero"`
}

// MarshalJSON encodes the plan for storage: its route and status, its
// orders and owner, the overcharge as text with two decimals, every step
// with its state and latest hand-off, the parcels' furthest stages, the
// bypasses, the evidence weighed, its version and times:
//
//	{"id":"RR-1","route":"refund_and_reorder","status":"open","original":"T1001","buyer":"tb_8812",
//	 "owner":{…},"overcharge":"8.00","reasons":["difference_unavailable"],
//	 "steps":[{"step":"hold_original","state":"done","since":"…","at":"…","by":"kf-b"},…],
//	 "stages":{"original":"printed"},"version":2,"opened":"…","modified":"…"}
//
// The zero Plan is an error.
func (p Plan) MarshalJSON() ([]byte, error) {
	if p.IsZero() {
		return nil, fieldErr("plan", "", ErrMissing, "the zero Plan has no JSON form")
	}
	over, _ := money(p.overcharge).MarshalJSON()
	steps, err := stepsJSON(p.steps)
	if err != nil {
		return nil, err
	}
	w := planJSON{ID: p.id, Route: p.route, Status: p.status, Original: p.original, Reorder: p.reorder,
		Buyer: p.buyer, Owner: p.owner, Overcharge: over, Reasons: p.reasons, Steps: steps,
		Stages: stagesJSON{p.stages[0], p.stages[1]}, Bypasses: p.bypasses, Version: p.version,
		Opened: p.opened, Modified: p.modified, Completed: p.completed}
	if rec, ok := p.Reconciliation(); ok {
		w.Reconciliation = &rec
	}
	return json.Marshal(w)
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly — an unknown
// field is [ErrUnknownField], a document longer than 64 kB is refused
// before it is read — and checks the plan as a whole: IDs and the owner
// under the identity rule; the steps exactly those of its route (the
// interception of an original refunded and gone aside) and those an
// earlier route did or dropped, each once in the route, with
// times in order; a done hand-off step acknowledged, by its department,
// about the plan's orders; a new order once the reorder is done; a status
// that agrees with the steps; a version of at least 1. A plan that does
// not add up is an [*Error] naming the field, wrapping [ErrInconsistent]
// (or the sentinel of the malformed value). Every amount — the
// overcharge, a step's refunded — is money text as MarshalJSON writes it
// ("8.00"): a bare JSON number is [ErrInvalidAmount]. On error p is
// unchanged.
func (p *Plan) UnmarshalJSON(b []byte) error {
	var w planJSON
	if err := decodeJSON("", b, &w, maxPlanJSON); err != nil {
		return err
	}
	n, err := w.plan()
	if err != nil {
		return err
	}
	*p = n
	return nil
}

func (w *planJSON) plan() (Plan, error) {
	var p Plan
	var err error
	bad := func(field, value, why string) error { return fieldErr(field, value, ErrInconsistent, why) }
	if p.id, err = planID(w.ID); err != nil {
		return Plan{}, err
	}
	if !w.Route.IsValid() {
		return Plan{}, fieldErr("route", w.Route.String(), ErrUnknownCode, "")
	}
	if !w.Status.IsValid() {
		return Plan{}, fieldErr("status", w.Status.String(), ErrUnknownStatus, "")
	}
	p.route, p.status, p.reasons = w.Route, w.Status, w.Reasons
	if p.original, err = identifier("original", w.Original); err != nil {
		return Plan{}, err
	}
	if w.Reorder != "" {
		if p.reorder, err = identifier("reorder", w.Reorder); err != nil {
			return Plan{}, err
		}
		if p.reorder == p.original {
			return Plan{}, bad("reorder", w.Reorder, "the original is not its own re-order")
		}
	}
	if p.buyer, err = identifier("buyer", w.Buyer); err != nil {
		return Plan{}, err
	}
	if p.owner, err = w.Owner.Normalize(); err != nil {
		return Plan{}, err
	}
	if p.overcharge, err = parseMoneyText("overcharge", w.Overcharge); err != nil {
		return Plan{}, err
	}
	if p.overcharge == 0 {
		return Plan{}, fieldErr("overcharge", "0.00", ErrInvalidAmount, "a plan puts an overcharge right")
	}
	if w.Version < 1 {
		return Plan{}, fieldErr("version", strconv.FormatInt(w.Version, 10), ErrInvalidQuantity, "versions start at 1")
	}
	p.version = w.Version
	for _, t := range [...]struct {
		name string
		v    time.Time
	}{{"opened", w.Opened}, {"modified", w.Modified}} {
		if err := planTime(t.name, t.v); err != nil {
			return Plan{}, err
		}
	}
	if err := optionalTime("completed", w.Completed); err != nil {
		return Plan{}, err
	}
	p.opened, p.modified, p.completed = w.Opened, w.Modified, w.Completed
	if p.modified.Before(p.opened) {
		return Plan{}, bad("modified", p.modified.Format(time.RFC3339), "before opened")
	}
	switch {
	case p.status == PlanOpen && !p.completed.IsZero():
		return Plan{}, bad("completed", p.completed.Format(time.RFC3339), "an open plan is not completed")
	case p.status != PlanOpen && !p.completed.Equal(p.modified):
		return Plan{}, bad("completed", p.completed.Format(time.RFC3339), "a plan done or cancelled completed at its last change")
	}
	for i, s := range [...]shipping.Stage{w.Stages.Original, w.Stages.Reorder} {
		if s != shipping.StageUnknown && !s.IsValid() {
			return Plan{}, fieldErr("stages", s.String(), ErrUnknownCode, "")
		}
		p.stages[i] = s
	}
	if p.reorder == "" && p.stages[1] != shipping.StageUnknown {
		return Plan{}, bad("stages.reorder", p.stages[1].String(), "no new order yet")
	}
	steps := make([]StepState, len(w.Steps))
	for i, s := range w.Steps {
		if steps[i], err = s.state("steps[" + strconv.Itoa(i) + "]"); err != nil {
			return Plan{}, err
		}
	}
	if err := p.checkSteps(steps); err != nil {
		return Plan{}, err
	}
	if err := p.checkBypasses(w.Bypasses); err != nil {
		return Plan{}, err
	}
	if r := w.Reconciliation; r != nil {
		if err := p.checkReconciliation(*r); err != nil {
			return Plan{}, err
		}
		p.rec = *r
	}
	if i := p.moneyStep(); i >= 0 && p.steps[i].Step == StepSettle && p.steps[i].State == StepDone &&
		p.steps[i].OrderID != p.rec.Refund {
		return Plan{}, bad("steps["+strconv.Itoa(i)+"].order_id", p.steps[i].OrderID, "not the order the evidence names")
	}
	if g, ok := p.Step(StepGatherEvidence); ok && g.State == StepDone && (p.rec.Outcome == ShippedUnknown ||
		p.rec.Outcome == Inconclusive || p.rec.Refund == "") {
		return Plan{}, bad("reconciliation", "", "the evidence step is done on conclusive evidence")
	}
	return p, nil
}

// checkSteps checks the steps read for p and makes them p's: steps is a
// slice decoded for it, which p keeps.
func (p *Plan) checkSteps(steps []StepState) error {
	if len(steps) == 0 || len(steps) > maxPlanSteps {
		return fieldErr("steps", strconv.Itoa(len(steps)), ErrInvalidQuantity, "1 to "+strconv.Itoa(maxPlanSteps)+" steps")
	}
	p.steps = steps
	var live StepSet
	pending := 0
	for i, st := range steps {
		field := "steps[" + strconv.Itoa(i) + "]"
		bad := func(f, value, why string) error { return fieldErr(field+f, value, ErrInconsistent, why) }
		switch {
		case !st.Step.IsValid():
			return fieldErr(field+".step", st.Step.String(), ErrUnknownCode, "")
		case !st.State.IsValid():
			return fieldErr(field+".state", st.State.String(), ErrUnknownStatus, "")
		}
		if err := planTime(field+".since", st.Since); err != nil {
			return err
		}
		if err := optionalTime(field+".at", st.At); err != nil {
			return err
		}
		switch {
		case st.Since.Before(p.opened) || st.Since.After(p.modified):
			return bad(".since", st.Since.Format(time.RFC3339), "outside the plan's life")
		case st.State == StepPending && !st.At.IsZero():
			return bad(".at", st.At.Format(time.RFC3339), "a pending step is not done")
		case st.State != StepPending && (st.At.Before(st.Since) || st.At.After(p.modified)):
			return bad(".at", st.At.Format(time.RFC3339), "between since and the plan's last change")
		case st.State == StepPending:
			pending++
		}
		if st.State != StepDropped {
			if live.Has(st.Step) {
				return bad(".step", st.Step.String(), "twice in the route")
			}
			live = live.With(st.Step)
		}
		if st.By != "" {
			by, err := identifier(field+".by", st.By)
			if err != nil {
				return err
			}
			st.By = by
		}
		if err := p.checkStepEvidence(field, &st); err != nil {
			return err
		}
		p.steps[i] = st
	}
	want := StepSet(0)
	for _, s := range p.route.steps() {
		want = want.With(s)
	}
	if p.route == RouteReorder && live.Has(StepIntercept) {
		want = want.With(StepIntercept)
	}
	// The route's steps are all there; a step of an earlier route is kept
	// only once done (the others were dropped when the route changed).
	if live&want != want {
		return fieldErr("steps", live.String(), ErrInconsistent, "the "+p.route.String()+" route's steps are "+want.String())
	}
	for i, st := range p.steps {
		if st.State == StepPending && !want.Has(st.Step) {
			return fieldErr("steps["+strconv.Itoa(i)+"].step", st.Step.String(), ErrInconsistent,
				"pending, and not a step of the "+p.route.String()+" route")
		}
	}
	switch {
	case p.status == PlanDone && pending > 0, p.status == PlanOpen && pending == 0:
		return fieldErr("status", p.status.String(), ErrInconsistent, strconv.Itoa(pending)+" steps pending")
	case p.status == PlanCancelled && pending > 0:
		return fieldErr("status", p.status.String(), ErrInconsistent, "a cancelled plan dropped its pending steps")
	}
	if i := p.find(StepPlaceReorder); (i >= 0 && p.steps[i].State == StepDone) != (p.reorder != "") && p.route == RouteReorder {
		return fieldErr("reorder", p.reorder, ErrInconsistent, "a new order exactly once place_reorder is done")
	}
	if p.route == RouteReconcile && p.reorder == "" {
		return fieldErr("reorder", "", ErrMissing, "a reconciliation is of two orders")
	}
	return nil
}

// checkStepEvidence checks what a step holds: the hand-off of a hand-off
// step, the order a money step refunded.
func (p *Plan) checkStepEvidence(field string, st *StepState) error {
	h := st.HandOff
	dep := st.Step.department()
	if h.ID != "" {
		n, err := notes.NormalizeHandOff(h)
		if err != nil {
			return err
		}
		switch {
		case dep == order.DepartmentUnknown || n.To.Department != dep:
			return fieldErr(field+".hand_off.to", n.To.String(), ErrInconsistent, "not the department of "+st.Step.String())
		case dep == order.Operations && n.OrderID != "" && n.OrderID != p.original && n.OrderID != p.reorder,
			dep != order.Operations && n.OrderID != p.original:
			return fieldErr(field+".hand_off.order_id", n.OrderID, ErrInconsistent, "not an order of the plan")
		}
		st.HandOff = n
	}
	if dep != order.DepartmentUnknown && st.State == StepDone && !st.HandOff.Acknowledged() {
		return fieldErr(field+".hand_off", st.HandOff.ID, ErrInconsistent, "a hand-off step is done once acknowledged (rule N2)")
	}
	if !st.Refunded.IsZero() {
		f, ok := yuan.Fen(st.Refunded)
		switch {
		case !st.Step.money() || st.State != StepDone:
			return fieldErr(field+".refunded", st.Refunded.String(), ErrInconsistent, "only a money step done holds what it refunded")
		case !ok:
			return fieldErr(field+".refunded", st.Refunded.String(), ErrInvalidAmount, "at most two decimals")
		case f < 0:
			return fieldErr(field+".refunded", st.Refunded.String(), ErrInvalidAmount, "must not be negative")
		}
		st.Refunded = yuan.Dec(f)
	}
	switch {
	case st.OrderID != "" && (!st.Step.money() || st.State != StepDone):
		return fieldErr(field+".order_id", st.OrderID, ErrInconsistent, "only a money step done names the order it refunded")
	case st.Step.money() && st.State == StepDone:
		want := p.original
		if st.Step == StepSettle {
			want = st.OrderID // checked against the evidence once it is read
		}
		if st.OrderID == "" || st.OrderID != want && st.OrderID != p.reorder {
			return fieldErr(field+".order_id", st.OrderID, ErrInconsistent, "the order refunded, "+want)
		}
	}
	return nil
}

func (p *Plan) checkBypasses(bs []Bypass) error {
	if len(bs) > maxPlanBypasses {
		return fieldErr("bypasses", strconv.Itoa(len(bs)), ErrInvalidQuantity, "at most "+strconv.Itoa(maxPlanBypasses))
	}
	for i, b := range bs {
		field := "bypasses[" + strconv.Itoa(i) + "]"
		switch {
		case !b.Event.IsValid():
			return fieldErr(field+".event", b.Event.String(), ErrUnknownEvent, "")
		case b.Step != StepUnknown && !b.Step.IsValid():
			return fieldErr(field+".step", b.Step.String(), ErrUnknownCode, "")
		case b.Skipped.IsEmpty():
			return fieldErr(field+".skipped", "", ErrMissing, "a bypass skipped a step")
		case b.At.Before(p.opened) || b.At.After(p.modified):
			return fieldErr(field+".at", b.At.Format(time.RFC3339), ErrInconsistent, "outside the plan's life")
		}
		if err := planTime(field+".at", b.At); err != nil {
			return err
		}
		for s := range b.Skipped.All() {
			if !s.IsValid() {
				return fieldErr(field+".skipped", s.String(), ErrUnknownCode, "")
			}
		}
	}
	p.bypasses = bs
	return nil
}

func (p *Plan) checkReconciliation(r Reconciliation) error {
	switch {
	case !r.Outcome.IsValid() || !r.Finance.IsValid():
		return fieldErr("reconciliation.outcome", r.Outcome.String(), ErrUnknownCode, "")
	case p.reorder == "":
		return fieldErr("reconciliation", "", ErrInconsistent, "evidence is weighed once there are two orders")
	case r.Refund != "" && r.Refund != p.original && r.Refund != p.reorder:
		return fieldErr("reconciliation.refund", r.Refund, ErrInconsistent, "not an order of the plan")
	}
	return nil
}

// MarshalJSON encodes the step as its fields do, with Refunded as money
// text of two decimals ("8.00", as every amount kefu encodes), left out
// while zero.
func (s StepState) MarshalJSON() ([]byte, error) {
	type plain StepState
	w := struct {
		plain
		Refunded *money `json:"refunded,omitempty"`
	}{plain: plain(s)}
	if !s.Refunded.IsZero() {
		f, ok := yuan.Fen(s.Refunded)
		if !ok {
			return nil, fieldErr("refunded", s.Refunded.String(), ErrInvalidAmount, "at most two decimals")
		}
		m := money(f)
		w.Refunded = &m
	}
	return json.Marshal(w)
}
