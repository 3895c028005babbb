package refund

import (
	"github.com/kefu-go/kefu/order"
)

// This file holds the vocabulary of a refund-and-reorder [Plan]: its
// routes, steps, step states, status, events, and who must act.

// Route is the way a [Plan] puts a postage overcharge right (rules S2, R1,
// R2). The zero value is no route.
type Route uint8

// Routes.
const (
	RouteUnknown Route = iota
	// RouteDifference: refund the postage overcharged, then operations
	// fixes the free-shipping settings ("refund_difference"). The way the
	// shop prefers: nothing ships twice.
	RouteDifference
	// RouteReorder: the buyer refunds the order and orders again
	// (退款重拍, "refund_and_reorder"), safe only when the original is
	// held before outbound, finance has acknowledged the refund and the
	// warehouse has seen the hold (rule R1).
	RouteReorder
	// RouteReconcile: the original left the warehouse although the buyer
	// ordered again: a suspected double shipment, settled evidence first
	// (rule R2, "reconcile").
	RouteReconcile
	numRoutes
)

var routeInfo = enumInfo{names: []string{"", "refund_difference", "refund_and_reorder", "reconcile"},
	typ: "Route", field: "route", sentinel: ErrUnknownCode}

// String returns the snake_case name, or "Route(N)" out of range.
func (r Route) String() string { return routeInfo.name(uint8(r)) }

// IsValid reports whether r is a known route.
func (r Route) IsValid() bool { return routeInfo.valid(uint8(r)) }

// MarshalText returns the snake_case name; an invalid route is an error.
func (r Route) MarshalText() ([]byte, error) { return routeInfo.marshal(uint8(r)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownCode].
func (r *Route) UnmarshalText(b []byte) error { return routeInfo.unmarshal(b, (*uint8)(r)) }

// steps returns the steps of route r, in order.
func (r Route) steps() []Step {
	switch r {
	case RouteDifference:
		return []Step{StepRefundDifference, StepFixSettings}
	case RouteReorder:
		return []Step{StepHoldOriginal, StepFinanceAck, StepWarehouseAck, StepPlaceReorder, StepRefundOriginal, StepFixSettings}
	case RouteReconcile:
		return []Step{StepGatherEvidence, StepSettle, StepFixSettings}
	}
	return nil
}

// Step is one step of a [Plan]. The zero value is no step.
type Step uint8

// Steps.
const (
	StepUnknown Step = iota
	// StepRefundDifference: finance refunds the postage overcharged
	// through the ledger ("refund_difference", rule S2).
	StepRefundDifference
	// StepHoldOriginal: the original is held back from dispatch before
	// outbound — [order.Held] with the hold note of [notes.ApplyHold]
	// ("hold_original", rule R1).
	StepHoldOriginal
	// StepFinanceAck: finance has acknowledged the refund of the original:
	// a hand-off to finance, acknowledged ("finance_ack", rules R1, N2).
	StepFinanceAck
	// StepWarehouseAck: the warehouse has seen the hold: a hand-off to the
	// warehouse, acknowledged ("warehouse_ack", rules R1, N2).
	StepWarehouseAck
	// StepPlaceReorder: the buyer has placed and paid the new order
	// ("place_reorder", rule R1).
	StepPlaceReorder
	// StepRefundOriginal: finance refunds the original through the ledger
	// ("refund_original", rule R1) — only after every step before it.
	StepRefundOriginal
	// StepGatherEvidence: the warehouse shows the outbound records and
	// the waybill weights, and [Policy.Reconcile] weighs them
	// ("gather_evidence", rule R2).
	StepGatherEvidence
	// StepSettle: finance refunds the order the evidence names, through
	// the ledger ("settle_refund", rule R2) — only once the evidence is in.
	StepSettle
	// StepIntercept: the courier intercepts an original that left after
	// it was refunded: a hand-off to the courier, acknowledged
	// ("intercept_original", rule S7).
	StepIntercept
	// StepFixSettings: operations fixes the shop's free-shipping settings
	// so that it does not happen again: a hand-off to operations,
	// acknowledged ("fix_settings", rule S2). It may come at any time.
	StepFixSettings
	numSteps
)

var stepInfo = enumInfo{names: []string{"", "refund_difference", "hold_original", "finance_ack", "warehouse_ack",
	"place_reorder", "refund_original", "gather_evidence", "settle_refund", "intercept_original", "fix_settings"},
	typ: "Step", field: "step", sentinel: ErrUnknownCode}

// String returns the snake_case name, or "Step(N)" out of range.
func (s Step) String() string { return stepInfo.name(uint8(s)) }

// IsValid reports whether s is a known step.
func (s Step) IsValid() bool { return stepInfo.valid(uint8(s)) }

// MarshalText returns the snake_case name; an invalid step is an error.
func (s Step) MarshalText() ([]byte, error) { return stepInfo.marshal(uint8(s)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownCode].
func (s *Step) UnmarshalText(b []byte) error { return stepInfo.unmarshal(b, (*uint8)(s)) }

// StepSet is a set of [Step]s ([order.Set]): a JSON list of names.
type StepSet = order.Set[Step]

// needs returns the steps s waits for, those before it in its route that
// guard it: a step is ready once each of them that the plan holds (and
// did not drop) is done.
func (s Step) needs() StepSet {
	switch s {
	case StepFinanceAck, StepWarehouseAck:
		return order.SetOf(StepHoldOriginal)
	case StepPlaceReorder:
		return order.SetOf(StepHoldOriginal, StepFinanceAck, StepWarehouseAck)
	case StepRefundOriginal:
		return order.SetOf(StepHoldOriginal, StepFinanceAck, StepWarehouseAck, StepPlaceReorder)
	case StepSettle:
		return order.SetOf(StepGatherEvidence)
	}
	return 0
}

// department returns the department whose acknowledged hand-off completes
// s, or DepartmentUnknown for a step that is not a hand-off.
func (s Step) department() order.Department {
	switch s {
	case StepFinanceAck:
		return order.Finance
	case StepWarehouseAck:
		return order.Warehouse
	case StepIntercept:
		return order.Courier
	case StepFixSettings:
		return order.Operations
	}
	return order.DepartmentUnknown
}

// money reports whether s pays money through the ledger.
func (s Step) money() bool {
	return s == StepRefundDifference || s == StepRefundOriginal || s == StepSettle
}

// StepStatus is where one step of a plan stands. The zero value is no
// status.
type StepStatus uint8

// Step statuses.
const (
	StepStatusUnknown StepStatus = iota
	// StepPending: not done yet ("pending").
	StepPending
	// StepDone: done ("done").
	StepDone
	// StepDropped: no longer needed: the plan changed route, or was
	// cancelled, before it was done ("dropped").
	StepDropped
	numStepStatuses
)

var stepStatusInfo = enumInfo{names: []string{"", "pending", "done", "dropped"},
	typ: "StepStatus", field: "state", sentinel: ErrUnknownStatus}

// String returns the snake_case name, or "StepStatus(N)" out of range.
func (s StepStatus) String() string { return stepStatusInfo.name(uint8(s)) }

// IsValid reports whether s is a known status.
func (s StepStatus) IsValid() bool { return stepStatusInfo.valid(uint8(s)) }

// MarshalText returns the snake_case name; an invalid status is an error.
func (s StepStatus) MarshalText() ([]byte, error) { return stepStatusInfo.marshal(uint8(s)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownStatus].
func (s *StepStatus) UnmarshalText(b []byte) error {
	return stepStatusInfo.unmarshal(b, (*uint8)(s))
}

// PlanStatus is where a whole plan stands. The zero value is no status.
type PlanStatus uint8

// Plan statuses.
const (
	PlanStatusUnknown PlanStatus = iota
	// PlanOpen: steps remain ("open").
	PlanOpen
	// PlanDone: every step of its route is done ("done"). Final.
	PlanDone
	// PlanCancelled: called off before any money moved ("cancelled").
	// Final.
	PlanCancelled
	numPlanStatuses
)

var planStatusInfo = enumInfo{names: []string{"", "open", "done", "cancelled"},
	typ: "PlanStatus", field: "status", sentinel: ErrUnknownStatus}

// String returns the snake_case name, or "PlanStatus(N)" out of range.
func (s PlanStatus) String() string { return planStatusInfo.name(uint8(s)) }

// IsValid reports whether s is a known status.
func (s PlanStatus) IsValid() bool { return planStatusInfo.valid(uint8(s)) }

// MarshalText returns the snake_case name; an invalid status is an error.
func (s PlanStatus) MarshalText() ([]byte, error) { return planStatusInfo.marshal(uint8(s)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownStatus].
func (s *PlanStatus) UnmarshalText(b []byte) error {
	return planStatusInfo.unmarshal(b, (*uint8)(s))
}

// PlanEventKind is what a [PlanEvent] reports. The zero value is no
// event.
type PlanEventKind uint8

// Plan events.
const (
	PlanEventUnknown PlanEventKind = iota
	// PlanHold: the original was held ("hold"; [StepHoldOriginal]).
	PlanHold
	// PlanHandOff: a hand-off was sent, or acknowledged ("hand_off"): to
	// finance, the warehouse, the courier or operations.
	PlanHandOff
	// PlanReorder: the buyer placed the new order ("reorder").
	PlanReorder
	// PlanParcel: how far the parcel of the original or the new order has
	// got ("parcel"; rule S7). Never refused for its timing: it is a fact.
	PlanParcel
	// PlanEvidence: the warehouse's evidence was weighed ("evidence";
	// [Policy.Reconcile], rule R2).
	PlanEvidence
	// PlanCancel: the plan is called off before any money moved
	// ("cancel").
	PlanCancel
	numPlanEvents
)

var planEventInfo = enumInfo{names: []string{"", "hold", "hand_off", "reorder", "parcel", "evidence", "cancel"},
	typ: "PlanEventKind", field: "event", sentinel: ErrUnknownEvent}

// String returns the snake_case name, or "PlanEventKind(N)" out of range.
func (k PlanEventKind) String() string { return planEventInfo.name(uint8(k)) }

// IsValid reports whether k is a known event.
func (k PlanEventKind) IsValid() bool { return planEventInfo.valid(uint8(k)) }

// MarshalText returns the snake_case name; an invalid event is an error.
func (k PlanEventKind) MarshalText() ([]byte, error) { return planEventInfo.marshal(uint8(k)) }

// UnmarshalText accepts the snake_case names; other text is an error
// wrapping [ErrUnknownEvent].
func (k *PlanEventKind) UnmarshalText(b []byte) error {
	return planEventInfo.unmarshal(b, (*uint8)(k))
}

// Actor is who must act on a step: a customer-service role, a department
// (finance, warehouse, courier, operations; rule A2), or the buyer.
// Exactly one is set.
type Actor struct {
	Role       order.Role       `json:"role,omitzero"`
	Department order.Department `json:"department,omitzero"`
	Buyer      bool             `json:"buyer,omitempty"`
}

// String returns the role's or department's name, or "buyer".
func (a Actor) String() string {
	switch {
	case a.Buyer:
		return "buyer"
	case a.Department != order.DepartmentUnknown:
		return a.Department.String()
	}
	return a.Role.String()
}
