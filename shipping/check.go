package shipping

import (
	"slices"
	"strings"
	"time"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/order"
)

// Problem reasons that the checks report in [order.Problem.Reason], as
// codes of package "shipping" (see [problemCode]), beyond the names of
// [Reason] codes they reuse (postage_overcharged, postage_undercharged,
// postage_missing, transit_warehouse, carrier_not_serving).
const (
	// ProblemNoCarrier: no carrier of the shop serves the region.
	ProblemNoCarrier = "no_carrier_serves_region"
	// ProblemNoSFCarrier: a Hong Kong, Macao or Taiwan order, and the shop
	// has no SF carrier that serves the region.
	ProblemNoSFCarrier = "no_sf_carrier"
)

// problemCode returns the [order.Code] of a shipping reason name, as a
// problem carries it ("shipping.no_sf_carrier"). The names are the
// package's own constants, so NewCode cannot fail; it does not allocate.
func problemCode(name string) order.Code {
	c, _ := order.NewCode("shipping", name)
	return c
}

// Check names, as [order.Check.Name] returns them.
const (
	CheckOutOfArea        = "shipping.out_of_area"
	CheckPostage          = "shipping.postage"
	CheckNeedsSF          = "shipping.needs_sf"
	CheckTransitWarehouse = "shipping.transit_warehouse"
	CheckCarrierRequest   = "shipping.carrier_request"
)

type checkKind uint8

const (
	kindOutOfArea checkKind = iota
	kindPostage
	kindNeedsSF
	kindTransit
	kindCarrierRequest
)

var checkNames = [...]string{CheckOutOfArea, CheckPostage, CheckNeedsSF, CheckTransitWarehouse, CheckCarrierRequest}

// check is one problem-order check over a private copy of a policy,
// prepared ([Prepared]) for the postage check, with the transit patterns
// compiled for the transit-warehouse check.
type check struct {
	kind    checkKind
	p       *Policy
	pp      *Prepared
	transit *transitMatcher
}

// Checks returns the problem-order checks of the shipping rules (rule O2),
// for [order]'s triage:
//
//   - [CheckOutOfArea] ([order.OutOfArea]): no carrier of the shop serves
//     the order's region (rule S4);
//   - [CheckPostage] ([order.PostageWrong]): postage charged on an order
//     that ships free, or other than its region's standard postage on one
//     that does not (rules S1, S2), for open orders ([FreeShippingDecision]'s
//     postage reasons);
//   - [CheckNeedsSF] ([order.NeedsSF]): a Hong Kong, Macao or Taiwan order
//     and the shop has no SF Express carrier serving the region (rule S3).
//     With one, nothing is to be done: [Policy.ChooseCarrier] chooses SF
//     for these regions whatever the default carrier, so an order going SF
//     is no problem order;
//   - [CheckTransitWarehouse] ([order.TransitWarehouse]): the address is a
//     courier transit warehouse (rule S4);
//   - [CheckCarrierRequest] ([order.UnsatisfiableMessage], reason
//     carrier_not_serving): the buyer's message asks for a carrier
//     ([Policy.RequestedCarrier]) that cannot deliver to the address —
//     it does not serve the region, or the region is Hong Kong, Macao or
//     Taiwan and the carrier is not SF Express (rules S3, S5).
//
// The address and carrier checks look at orders that have not left the
// warehouse. The checks keep their own copy of the policy, are safe for
// concurrent use, and do not allocate when they find nothing. An invalid
// policy is an error, as [Policy.Validate] reports it.
func (p Policy) Checks() ([]order.Check, error) {
	pp, err := Prepare(p)
	if err != nil {
		return nil, err
	}
	c := &pp.policy
	tm := newTransitMatcher(c.TransitPatterns)
	return []order.Check{
		check{kindOutOfArea, c, pp, nil}, check{kindPostage, c, pp, nil},
		check{kindNeedsSF, c, pp, nil}, check{kindTransit, c, pp, tm}, check{kindCarrierRequest, c, pp, nil},
	}, nil
}

// clone returns a deep copy of p, sharing no slice with it.
func (p Policy) clone() Policy {
	c := p
	c.Free = p.Free.clone()
	c.FreePromotions = slices.Clone(p.FreePromotions)
	for i := range c.FreePromotions {
		c.FreePromotions[i].Rule = c.FreePromotions[i].Rule.clone()
	}
	c.Carriers = slices.Clone(p.Carriers)
	for i := range c.Carriers {
		c.Carriers[i].Regions = slices.Clone(c.Carriers[i].Regions)
		c.Carriers[i].Except = slices.Clone(c.Carriers[i].Except)
		c.Carriers[i].Aliases = slices.Clone(c.Carriers[i].Aliases)
	}
	c.TransitPatterns = slices.Clone(p.TransitPatterns)
	c.BigPromotions = slices.Clone(p.BigPromotions)
	c.NonWorkingDays = slices.Clone(p.NonWorkingDays)
	c.WeeklyRest = slices.Clone(p.WeeklyRest)
	c.WorkingDays = slices.Clone(p.WorkingDays)
	return c
}

func (r FreeShippingRule) clone() FreeShippingRule {
	r.ExcludedRegions = slices.Clone(r.ExcludedRegions)
	r.ExcludedSKUs = slices.Clone(r.ExcludedSKUs)
	r.RegionPostage = slices.Clone(r.RegionPostage)
	return r
}

func (c check) Name() string { return checkNames[c.kind] }

// notShipped reports whether o is open and has not left the warehouse.
func notShipped(o *order.Order) bool {
	s := o.Status()
	return s.Open() && !s.Dispatched()
}

func (c check) Inspect(dst []order.Problem, o *order.Order, _ time.Time) []order.Problem {
	if o == nil || o.IsZero() {
		return dst
	}
	switch c.kind {
	case kindOutOfArea:
		if r := o.Region(); notShipped(o) && r.IsValid() && !c.p.served(r) {
			return append(dst, order.Problem{Category: order.OutOfArea, Reason: problemCode(ProblemNoCarrier)})
		}
	case kindPostage:
		if !o.Status().Open() {
			return dst
		}
		d := c.pp.FreeShipping(o)
		for _, r := range [...]Reason{PostageOvercharged, PostageUndercharged, PostageMissing} {
			if d.Reasons().Has(r) {
				return append(dst, order.Problem{Category: order.PostageWrong, Reason: problemCode(reasonNames[r])})
			}
		}
	case kindNeedsSF:
		// Rule S3: SF is chosen for these regions automatically
		// (ChooseCarrier); only a shop without SF for them has a problem.
		if r := o.Region(); r.HKMOTW() && notShipped(o) && !c.p.sfServes(r) {
			return append(dst, order.Problem{Category: order.NeedsSF, Reason: problemCode(ProblemNoSFCarrier)})
		}
	case kindTransit:
		if notShipped(o) {
			if k := o.AddressKey(); c.transit.in(k.Detail) || c.transit.in(k.Recipient) {
				return append(dst, order.Problem{Category: order.TransitWarehouse, Reason: problemCode(reasonNames[TransitWarehouseAddress])})
			}
		}
	case kindCarrierRequest:
		if msg, r := o.Message(), o.Region(); msg != "" && r.IsValid() && notShipped(o) {
			if code, ok := c.p.requested(msg); ok && !c.p.delivers(code, r) {
				return append(dst, order.Problem{Category: order.UnsatisfiableMessage, Reason: problemCode(reasonNames[CarrierNotServing])})
			}
		}
	}
	return dst
}

// sfServes reports whether the policy's SF carrier serves r.
func (p *Policy) sfServes(r order.Region) bool {
	if p.SFCarrier == "" {
		return false
	}
	for i := range p.Carriers {
		if p.Carriers[i].Code == p.SFCarrier {
			return p.Carriers[i].Serves(r)
		}
	}
	return false
}

// served reports whether some carrier may deliver to r: SF alone for Hong
// Kong, Macao and Taiwan (rule S3), any carrier elsewhere.
func (p *Policy) served(r order.Region) bool {
	if r.HKMOTW() {
		return p.sfServes(r)
	}
	for i := range p.Carriers {
		if p.Carriers[i].Serves(r) {
			return true
		}
	}
	return false
}

// Serves reports whether the shop can deliver to region r at all: some
// carrier serves it, and for Hong Kong, Macao and Taiwan that carrier is SF
// Express (rules S3, S4). An address outside is a problem order.
func (p Policy) Serves(r order.Region) bool { return p.served(r) }

// TransitWarehouse reports whether a looks like a courier transit
// warehouse rather than a delivery address (rule S4), and which of the
// policy's patterns matched. The recipient and the street detail are
// searched, after normalisation, so "圆通 中转仓" and "圆通中转仓" both
// match "中转仓". A recipient or detail longer than 1200 bytes — four
// times what order accepts — is no address and matches nothing; it is
// refused before it is normalised.
func (p Policy) TransitWarehouse(a order.Address) (pattern string, ok bool) {
	if len(a.Recipient) > maxAddressPartBytes || len(a.Detail) > maxAddressPartBytes {
		return "", false
	}
	r, _ := textnorm.Key(a.Recipient)
	d, _ := textnorm.Key(a.Detail)
	return p.transitKey(order.AddressKey{Recipient: r, Detail: d})
}

// maxAddressPartBytes bounds the address text [Policy.TransitWarehouse]
// normalises: four times order's 300 bytes of street detail.
const maxAddressPartBytes = 1200

func (p *Policy) transitKey(k order.AddressKey) (string, bool) {
	for _, pat := range p.TransitPatterns {
		if pat == "" {
			continue
		}
		if strings.Contains(k.Detail, pat) || strings.Contains(k.Recipient, pat) {
			return pat, true
		}
	}
	return "", false
}
