package pricing

import (
	"strconv"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/orderfen"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Review decides whether r.Agent may grant the concession r alone, needs
// an approval, or may not grant it at all, given the agent's usage au and
// the order's usage ou so far. It implements:
//
//   - rule A3: an amount beyond the requester's [Authority] needs the
//     approval of the lowest role above the requester, and at or above
//     [Policy.Approver], that holds it ([Decision.Approver]); beyond every
//     role's it is refused;
//   - rule A4: during a [Period] its limits apply instead, and a
//     decision they decided names it ([ReasonPeriodLimits],
//     [Decision.Period]): its verdict came from them, or a reason of
//     theirs or the suggestion did; a refusal no limit had a part in —
//     a closed order, a concession larger than the order or its postage,
//     change that is not small change, a promotion price outside its
//     window with nothing offered instead — does not;
//   - rule P1: the price of a [Promotion] outside its window is refused;
//   - rule P2: when a kind the shop prefers (by default a gift, then
//     postage) of the same value is one the requester may give alone —
//     within their authority, and neither routed above them nor flagged
//     by rule P4 — [Decision.Suggest] names it;
//   - rule P3: erased change must be exactly the change below the yuan
//     ([Erasable]) and within the policy's share of the order, or it is
//     refused; a role without erase authority, or an agent who erased as
//     many times today (in the policy's zone) as allowed, needs approval;
//   - rule P4: a second price change on the order, or one after payment,
//     is flagged and cannot be made alone;
//   - rule P5: a compensation ([CompensateOversell], [NewCompensation])
//     goes to the role of its [Cause.Route] or above, and is not an order
//     price change.
//
// What nobody may grant is a decision with [order.Refused], never an
// error: a closed order ([ReasonOrderClosed]), a concession larger than
// the order's amount due ([ReasonExceedsOrder]), a postage concession on
// an order that ships free ([ReasonShipsFree]) or larger than its postage
// ([ReasonExceedsPostage]). Flags that call for someone above (rules P3's
// daily count, P4) are left as warnings on an [order.Allowed] decision
// when the requester is the store manager, whom nobody is above.
//
// The agent's ID is read by kefu's identity rule ([order.CanonicalID]):
// "ｘｉａｏｍｅｉ" is "xiaomei", and an ID with an invisible or direction
// character is refused. The order's amount due ([order.Order.Paid]) is
// "the order" for shares. Review does not allocate for canonical ASCII
// IDs, and reads the policy's zone only when an agent's erase count
// reaches the daily limit.
//
// An error means the request, the usage or the policy is malformed: an
// [*Error] wrapping [ErrMissing], [ErrInvalidText], [ErrInvalidTime],
// [ErrUnknownRole], [ErrUnknownKind], [ErrUnknownCause],
// [ErrInvalidAmount], [ErrInvalidState], [ErrInvalidPromotion] or
// [ErrInvalidPolicy]; the decision is then zero.
//
// Review converts the few amounts of the policy it reads to fen on every
// call; a backend that reviews often prepares the policy once with
// [Prepare] and calls [Prepared.Review], which decides the same.
func (p Policy) Review(r Request, au AgentUsage, ou OrderUsage) (Decision, error) {
	return p.review(&r, au, ou)
}

// review is Review; it leaves *r with its agent in canonical form, for
// Approve and Redeem. It reads the policy's limits as decimals, converting
// to fen the few amounts the request needs; [Prepared.Review] reads them
// converted once.
func (p *Policy) review(r *Request, au AgentUsage, ou OrderUsage) (Decision, error) {
	c, err := checkRequest(r, &au, &ou)
	if err != nil {
		return Decision{}, err
	}
	lim, period := p.limitsAt(r.At)
	return p.decide(r, &c, limitsView{dec: lim}, period, nil, &au, &ou)
}

// decide is the review of the checked request r (rules A3, A4, P1–P5)
// with the limits lim in force, those of the named period ("" for the
// policy's own), in the zone loc (nil: the policy's, resolved only when
// the erase count needs the calendar).
func (p *Policy) decide(r *Request, c *checked, lim limitsView, period string, loc *time.Location, au *AgentUsage, ou *OrderUsage) (Decision, error) {
	amt, base, postage := c.amt, c.base, c.postage
	d := Decision{Kind: r.Kind, amount: amt}
	role := r.Agent.Role
	var buf fenAuthority // the plain path's authorities, converted on use

	// Refusals no role can lift.
	if c.status == order.Closed || c.status == order.ClosedUnpaid {
		d.Verdict, d.Reasons = order.Refused, d.Reasons.With(ReasonOrderClosed)
		return d, nil
	}
	var beyond Reason
	switch {
	case amt > base:
		beyond = ReasonExceedsOrder
	case r.Kind == Postage && postage == 0:
		beyond = ReasonShipsFree
	case r.Kind == Postage && amt > postage:
		beyond = ReasonExceedsPostage
	}
	if beyond != ReasonUnknown {
		a, ok := lim.authority(&buf, role, r.Kind)
		if !ok {
			return Decision{}, p.policyErr()
		}
		_, limit, _ := covers(a, r.Kind, amt, base, postage)
		d.Verdict, d.Reasons, d.limit = order.Refused, d.Reasons.With(beyond), min(limit, base)
		return d, nil
	}
	refused := false
	if r.Promotion != nil && !r.Promotion.Active(r.At) {
		// Rule P1: the platform sets promotion windows; nobody in the shop
		// gives the price outside one.
		refused = true
		d.Reasons = d.Reasons.With(ReasonOutsidePromotion)
	}
	escalate := false
	var eraseCap int64
	if r.Kind == EraseChange {
		// Rule P3: only the change below the yuan, within the share.
		if amt != base%100 {
			refused = true
			d.Reasons = d.Reasons.With(ReasonNotSmallChange)
		}
		bp, ok := lim.eraseBP()
		if !ok {
			return Decision{}, p.policyErr()
		}
		eraseCap = min(base%100, yuan.Percent(base, bp))
		if amt > yuan.Percent(base, bp) {
			refused = true
			d.Reasons = d.Reasons.With(ReasonEraseOverShare)
		}
		// The count is of the agent's day in the policy's zone; a count
		// below the limit is below it whatever the day.
		n, times := au.Erases, lim.eraseTimes()
		if n >= times {
			// Only now is the calendar read: a zone name such as
			// "Asia/Shanghai" is loaded from the tz database.
			if loc == nil {
				var err error
				if loc, err = p.location(); err != nil {
					return Decision{}, err
				}
			}
			var today [dayLen]byte
			appendDay(&today, r.At.In(loc))
			if string(today[:]) != au.Day {
				n = 0
			}
		}
		if n >= times {
			escalate = true
			d.Reasons = d.Reasons.With(ReasonEraseDailyLimit)
		}
	}
	// Rule P4 flags any price change on this order: this one, and a
	// suggested postage concession instead (rule P2). Once the order no
	// longer awaits the buyer's payment (paid, or a card payment or
	// pre-authorised contract pending), a price change comes after payment.
	afterPayment := !c.status.AwaitsPayment()
	priceFlagged := r.Cause == NoCause && (ou.PriceChanges > 0 || afterPayment) && role != order.StoreManager
	if r.Cause == NoCause && r.Kind.ChangesPrice() {
		// Rule P4: change the price in one go, before payment.
		if ou.PriceChanges > 0 {
			escalate = true
			d.Reasons = d.Reasons.With(ReasonRepeatPriceChange)
		}
		if afterPayment {
			escalate = true
			d.Reasons = d.Reasons.With(ReasonAfterPayment)
		}
	}
	route := r.Cause.Route()
	switch r.Cause {
	case Oversold:
		d.Reasons = d.Reasons.With(ReasonOversold)
	case AgentFault:
		d.Reasons = d.Reasons.With(ReasonAgentFault)
	}
	if route > role {
		escalate = true
	}

	a, ok := lim.authority(&buf, role, r.Kind)
	if !ok {
		return Decision{}, p.policyErr()
	}
	own, limit, why := covers(a, r.Kind, amt, base, postage)
	d.limit = limit
	if r.Kind == EraseChange && own {
		d.limit = eraseCap
	}
	d.Reasons |= why

	if !refused {
		switch {
		case own && (!escalate || role == order.StoreManager):
			d.Verdict = order.Allowed
		default:
			d.Verdict = order.Refused
			for up := max(role+1, route, p.Approver); up <= order.StoreManager; up++ {
				a, ok := lim.authority(&buf, up, r.Kind)
				if !ok {
					return Decision{}, p.policyErr()
				}
				if yes, _, _ := covers(a, r.Kind, amt, base, postage); yes {
					d.Verdict, d.Approver = order.NeedsApproval, up
					break
				}
			}
			if d.Verdict == order.Refused {
				d.Reasons = d.Reasons.With(ReasonBeyondEveryRole)
			}
		}
	} else {
		d.Verdict = order.Refused
	}

	// Rule P2: point to a preferred kind of the same value that the
	// requester may give alone: within their own authority, and needing
	// nobody above for another reason — a compensation routed above them
	// (rule P5), or a postage concession flagged like any price change
	// (rule P4).
	for _, k := range p.Preference {
		if k == r.Kind || r.Kind == EraseChange || route > role {
			break
		}
		if k != Gift && (k != Postage || priceFlagged) {
			continue
		}
		if k == Postage && postage < 0 {
			postage = orderfen.Of(r.Order).Postage
		}
		a, ok := lim.authority(&buf, role, k)
		if !ok {
			continue
		}
		if yes, _, _ := covers(a, k, amt, base, postage); yes {
			d.Suggest = k
			if k == Gift {
				d.Reasons = d.Reasons.With(ReasonGiftPreferred)
			} else {
				d.Reasons = d.Reasons.With(ReasonPostagePreferred)
			}
			break
		}
	}
	// Rule A4: the period is named when its limits decided the review —
	// the verdict came from them, or a limit's reason or the suggestion
	// did — not on a refusal no limit had a part in.
	if period != "" && (!refused || d.Suggest != KindUnknown || !(d.Reasons & periodDecided).IsEmpty()) {
		d.Reasons, d.Period = d.Reasons.With(ReasonPeriodLimits), period
	}
	return d, nil
}

// periodDecided are the reasons a period's limits give: with one of them,
// even a refusal was decided by the limits (rule A4).
const periodDecided = ReasonSet(1<<ReasonBeyondAuthority | 1<<ReasonOverShare | 1<<ReasonEraseNotAllowed |
	1<<ReasonEraseOverShare | 1<<ReasonEraseDailyLimit)

// covers reports whether authority a covers amt of kind k on an order of
// base fen with postage fen of postage; limit is a's cap for k on this
// order and why the reasons when it does not cover.
func covers(a *fenAuthority, k Kind, amt, base, postage int64) (yes bool, limit int64, why ReasonSet) {
	switch k {
	case Gift:
		limit = a.gift
	case Postage:
		limit = min(a.postage, postage)
	case PriceCut:
		share := yuan.Percent(base, a.cutBP)
		if amt > share && amt <= a.cut {
			why = why.With(ReasonOverShare)
		}
		limit = min(a.cut, share)
	case EraseChange:
		if !a.erase {
			return false, 0, why.With(ReasonEraseNotAllowed)
		}
		return true, base % 100, 0 // decide narrows it to the share
	}
	if amt > limit {
		return false, limit, why.With(ReasonBeyondAuthority)
	}
	return true, limit, 0
}

// policyErr explains a policy value Review could not use.
func (p *Policy) policyErr() error {
	if err := p.Validate(); err != nil {
		return err
	}
	return fieldErr("policy", "", ErrInvalidPolicy, "")
}

// checked is what checkRequest found: the amount, the order's amount due
// and its postage in fen, and its status. The postage is -1 unless the
// request is for postage: each conversion to fen costs about 8 ns, a
// tenth of a review, so Review reads it only when it needs it.
type checked struct {
	amt, base, postage int64
	status             order.Status
}

// checkRequest checks r, au and ou; it puts r's agent and the usage keys
// in canonical form.
func checkRequest(r *Request, au *AgentUsage, ou *OrderUsage) (checked, error) {
	var c checked
	if !canonicalAgent(&r.Agent) {
		a, err := canonAgent("agent", r.Agent)
		if err != nil {
			return c, err
		}
		r.Agent = a
	}
	switch {
	case r.Order == nil:
		return c, fieldErr("order", "", ErrMissing, "build it with order.New")
	case !r.Kind.IsValid():
		return c, fieldErr("kind", r.Kind.String(), ErrUnknownKind, "")
	case !r.Kind.Concession():
		return c, fieldErr("kind", r.Kind.String(), ErrUnknownKind, "not a concession: package refund reviews refunds")
	case r.Cause != NoCause && !r.Cause.IsValid():
		return c, fieldErr("cause", r.Cause.String(), ErrUnknownCause, "")
	case r.At.IsZero():
		return c, fieldErr("at", "", ErrMissing, "a review happens at a time")
	case !inYears(r.At):
		return c, timeErr("at", r.At)
	}
	c.base = orderfen.Of(r.Order).Paid
	if c.base == 0 && r.Order.IsZero() {
		return c, fieldErr("order", "", ErrMissing, "build it with order.New")
	}
	var err error
	if c.amt, err = positive("amount", r.Amount); err != nil {
		return c, err
	}
	c.postage = -1
	if r.Kind == Postage {
		c.postage = orderfen.Of(r.Order).Postage
	}
	if err := au.canon(r.Agent.ID); err != nil {
		return c, err
	}
	if err := ou.canon(r.Order.ID()); err != nil {
		return c, err
	}
	c.status = r.Order.Status()
	if pr := r.Promotion; pr != nil {
		if err := pr.Validate(); err != nil {
			return c, err
		}
		if _, ok := r.Order.LineBySKU(pr.SKU); !ok {
			return c, fieldErr("promotion.sku", pr.SKU, ErrInvalidPromotion, "not on order "+r.Order.ID())
		}
	}
	return c, nil
}

// inYears reports whether t falls in the years 1 to 9999, the range a
// calendar day ("2006-01-02") and a token's expiry hold.
func inYears(t time.Time) bool {
	// Seconds since 1970 of 0001-01-01 and 10000-01-01, UTC: cheaper than
	// computing the year.
	u := t.Unix()
	return u >= -62135596800 && u < 253402300800
}

func timeErr(field string, t time.Time) error {
	return fieldErr(field, strconv.Itoa(t.UTC().Year()), ErrInvalidTime, "a year from 1 to 9999")
}

// positive checks a concession amount: more than zero, at most two
// decimals, in range; it returns it in fen.
func positive(field string, d decimal.Decimal) (int64, error) {
	fen, ok := yuan.Fen(d)
	switch {
	case !ok && d.Exponent() < -2 && d.NumDigits() <= 18:
		return 0, fieldErr(field, yuan.Text(d), ErrInvalidAmount, "more than two decimals")
	case !ok:
		return 0, fieldErr(field, yuan.Text(d), ErrInvalidAmount, "out of range")
	case fen <= 0:
		return 0, fieldErr(field, yuan.Text(d), ErrInvalidAmount, "must be more than zero")
	}
	return fen, nil
}

// Record returns the usage after the concession r was actually given —
// alone or with an approval: for erased change, the agent's erase count
// for r's day goes up (starting again on a new day); for a kind that
// changes the price, compensations aside, the order's price changes go
// up. A state that changed comes back with its key (the agent's or the
// order's canonical ID) and its Version one higher; one the concession
// does not touch comes back as it was, and needs no write.
//
// The backend writes each changed state to its own row in the transaction
// that records the concession — under the row locks it took before
// Review, or with compare-and-set on Version (see [AgentUsage]). The
// inputs are never modified; a malformed request or usage is an error, as
// for [Policy.Review], and the usage is returned unchanged.
func (p Policy) Record(r Request, au AgentUsage, ou OrderUsage) (AgentUsage, OrderUsage, error) {
	na, no := au, ou
	if _, err := checkRequest(&r, &na, &no); err != nil {
		return au, ou, err
	}
	loc, err := p.location()
	if err != nil {
		return au, ou, err
	}
	if r.Kind == EraseChange {
		var today [dayLen]byte
		appendDay(&today, r.At.In(loc))
		if string(today[:]) != na.Day {
			na.Day, na.Erases = string(today[:]), 0
		}
		na.AgentID = r.Agent.ID
		na.Erases++
		na.Version++
	} else {
		na = au
	}
	if r.Cause == NoCause && r.Kind.ChangesPrice() {
		no.OrderID = r.Order.ID()
		no.PriceChanges++
		no.Version++
	} else {
		no = ou
	}
	return na, no, nil
}

// Erasable returns the change below the yuan of an amount due — what rule
// P3 lets an agent erase: 128.50 → 0.50, 99.00 → 0.00. It is an error
// wrapping [ErrInvalidAmount] for an amount that is negative or has more
// than two decimals.
func Erasable(due decimal.Decimal) (decimal.Decimal, error) {
	fen, ok := yuan.Fen(due)
	if !ok || fen < 0 {
		return decimal.Decimal{}, fieldErr("due", yuan.Text(due), ErrInvalidAmount, "at least 0 with at most two decimals")
	}
	return yuan.Dec(fen % 100), nil
}

// NewCompensation returns the concession request for compensating the
// buyer of order o for an [AgentFault] (rule P5): a supervisor (the team
// leader) apologises and grants it. Review it with [Policy.Review] like
// any other request.
//
// An [Oversold] compensation is owed only to a buyer left short of a
// promotion item, which the oversell plan knows: build it with
// [CompensateOversell]; here it is an error wrapping [ErrNotCompensable].
// Other errors: [ErrUnknownCause] for a cause that is not a compensation
// cause, and those of Review for a malformed request.
func NewCompensation(cause Cause, a order.Agent, o *order.Order, k Kind, amount decimal.Decimal, at time.Time) (Request, error) {
	switch cause {
	case AgentFault:
	case Oversold:
		return Request{}, fieldErr("cause", cause.String(), ErrNotCompensable,
			"an oversold compensation comes from an order.Oversell allocation: use CompensateOversell")
	default:
		return Request{}, fieldErr("cause", cause.String(), ErrUnknownCause, "oversold or agent_fault")
	}
	return compensation(cause, a, o, k, amount, at)
}

// CompensateOversell returns the request for compensating a buyer whose
// order an oversell left short of a promotion item (rules P5, O3): al is
// one of the Allocations of the [order.OversellPlan] that [order.Oversell]
// made, and must have RequestCompensation set — the order was left short
// and the item was sold in a promotion. The request goes to the store
// manager ([Cause.Route]); review it with [Policy.Review] like any other.
// The order package produces the allocation and never imports pricing.
//
// An allocation that owes no compensation (served in full, not a
// promotion item, or a cash-on-delivery order the buyer never confirmed,
// who paid nothing: rule S9) is an error wrapping [ErrNotCompensable]; one without
// an order wraps [ErrMissing]; the other errors are those of Review for a
// malformed request.
func CompensateOversell(al order.Allocation, a order.Agent, k Kind, amount decimal.Decimal, at time.Time) (Request, error) {
	switch {
	case al.Order == nil:
		return Request{}, fieldErr("allocation.order", "", ErrMissing, "an allocation of an order.OversellPlan")
	case al.Full():
		return Request{}, fieldErr("allocation.order", al.Order.ID(), ErrNotCompensable, "served in full")
	case !al.RequestCompensation && al.Reasons.Has(order.CODUnconfirmedReason):
		return Request{}, fieldErr("allocation.order", al.Order.ID(), ErrNotCompensable,
			"cash on delivery not confirmed: the buyer paid nothing (rules P5, S9)")
	case !al.RequestCompensation:
		return Request{}, fieldErr("allocation.order", al.Order.ID(), ErrNotCompensable,
			"left short of an item that was not sold in a promotion: refund or substitute (rule O3)")
	}
	return compensation(Oversold, a, al.Order, k, amount, at)
}

func compensation(cause Cause, a order.Agent, o *order.Order, k Kind, amount decimal.Decimal, at time.Time) (Request, error) {
	r := Request{Agent: a, Order: o, Kind: k, Amount: amount, At: at, Cause: cause}
	var au AgentUsage
	var ou OrderUsage
	if _, err := checkRequest(&r, &au, &ou); err != nil {
		return Request{}, err
	}
	return r, nil
}
