package perftest

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/shipping"
)

// This file is the baseline: the rules as a shop's Go team writes them by
// hand, without kefu. It is deliberately plain — no normalisation of
// text, no bounds beyond what the rules need, errors without detail —
// because that is what kefu is measured against. Only the policy
// constructors (NewFenRule, NewDecRule, NewDecLimits) and the region
// table read kefu, once, to take the same numbers as kefu's defaults.

// errBadOrder and errBadRequest are the baselines' plain errors.
var (
	errBadOrder   = errors.New("perftest: bad order")
	errBadRequest = errors.New("perftest: bad request")
)

// Region codes number regions as [order.Region] does; 0 is "the address
// names no province".
type region = uint8

// regionCount bounds the region tables.
const regionCount = 64

// provinceCodes maps a province as an address writes it to its region
// code: the hand-written table a backend keeps. It holds the full
// Chinese names ("浙江省", "香港特别行政区", "海外"), which is what the
// platform sends and what the fixture holds.
var provinceCodes = func() map[string]region {
	m := make(map[string]region)
	for _, r := range order.Regions() {
		m[r.Chinese()] = region(r)
	}
	return m
}()

// freightCollect marks Hong Kong, Macao and Taiwan, whose parcels go SF
// freight collect (rules S3, P6).
var freightCollect = func() (t [regionCount]bool) {
	for _, r := range order.Regions() {
		t[r] = r.HKMOTW()
	}
	return t
}()

// Order status as the baseline keeps it: the platform's name read into
// three facts the rules ask for.
type status struct {
	known, paid, closed bool
}

// parseStatus reads the platform's trade-state names.
func parseStatus(s string) status {
	switch s {
	case "WAIT_BUYER_PAY":
		return status{known: true}
	case "WAIT_SELLER_SEND_GOODS", "PAID_FORBID_CONSIGN", "SELLER_CONSIGNED_PART",
		"WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED", "TRADE_FINISHED":
		return status{known: true, paid: true}
	case "TRADE_CLOSED":
		return status{known: true, paid: true, closed: true}
	case "TRADE_CLOSED_BY_TAOBAO":
		return status{known: true, closed: true}
	}
	return status{}
}

// HandLine is an order line as the baseline decodes it.
type HandLine struct {
	SKU         string          `json:"sku"`
	Title       string          `json:"title"`
	Quantity    int             `json:"quantity"`
	UnitPrice   decimal.Decimal `json:"unit_price"`
	WeightGrams int             `json:"weight_grams"`
	Gift        bool            `json:"gift"`
}

// HandAddress is a delivery address as the baseline decodes it.
type HandAddress struct {
	Recipient string `json:"recipient"`
	Phone     string `json:"phone"`
	Province  string `json:"province"`
	City      string `json:"city"`
	District  string `json:"district"`
	Detail    string `json:"detail"`
}

// HandSpec is an order as the baseline decodes it from the platform's
// JSON: the fields of [order.Spec] that the fixture carries, amounts as
// decimals through decimal's own JSON decoder.
type HandSpec struct {
	ID    string `json:"id"`
	Buyer struct {
		ID   string `json:"id"`
		Nick string `json:"nick"`
	} `json:"buyer"`
	Lines        []HandLine      `json:"lines"`
	Address      HandAddress     `json:"address"`
	Payment      string          `json:"payment"`
	Message      string          `json:"buyer_message"`
	Postage      decimal.Decimal `json:"postage"`
	Discount     decimal.Decimal `json:"discount"`
	Status       string          `json:"status"`
	CreatedAt    time.Time       `json:"created_at"`
	PaidAt       time.Time       `json:"paid_at"`
	DispatchedAt time.Time       `json:"dispatched_at"`
	ReceivedAt   time.Time       `json:"received_at"`
	ClosedAt     time.Time       `json:"closed_at"`
}

// HandSpecOf returns s as the baseline's input, for benchmarks that give
// both sides the same order.
func HandSpecOf(s order.Spec) HandSpec {
	h := HandSpec{ID: s.ID, Payment: s.Payment.String(), Message: s.Message, Postage: s.Postage,
		Discount: s.Discount, Status: s.Status.String(), CreatedAt: s.CreatedAt, PaidAt: s.PaidAt,
		DispatchedAt: s.DispatchedAt, ReceivedAt: s.ReceivedAt, ClosedAt: s.ClosedAt}
	h.Buyer.ID, h.Buyer.Nick = s.Buyer.ID, s.Buyer.Nick
	for _, l := range s.Lines {
		h.Lines = append(h.Lines, HandLine{l.SKU, l.Title, l.Quantity, l.UnitPrice, l.WeightGrams, l.Gift})
	}
	a := s.Address
	h.Address = HandAddress{a.Recipient, a.Phone, a.Province, a.City, a.District, a.Detail}
	return h
}

// DecOrder is an order built by [BuildDec]: amounts in shopspring
// decimals. It shares the lines and text of its spec.
type DecOrder struct {
	ID, BuyerID                         string
	Lines                               []HandLine
	Address                             HandAddress
	Region                              region
	Goods, Postage, Discount, Net, Paid decimal.Decimal
	Units                               int
	Status                              status
}

// FenOrder is an order built by [BuildFen]: amounts in int64 fen.
type FenOrder struct {
	ID, BuyerID                         string
	Lines                               []HandLine
	Address                             HandAddress
	Region                              region
	Goods, Postage, Discount, Net, Paid int64
	Units                               int
	Status                              status
}

// maxQuantity bounds a line's quantity, as kefu does.
const maxQuantity = 1_000_000

// checkSpec is what both builders check before any arithmetic: IDs,
// lines, quantities and SKUs, the region and the status.
func checkSpec(s *HandSpec) (region, status, error) {
	if s.ID == "" || s.Buyer.ID == "" || len(s.Lines) == 0 {
		return 0, status{}, errBadOrder
	}
	for i, l := range s.Lines {
		if l.SKU == "" || l.Quantity < 1 || l.Quantity > maxQuantity {
			return 0, status{}, errBadOrder
		}
		for _, m := range s.Lines[:i] {
			if m.SKU == l.SKU {
				return 0, status{}, errBadOrder
			}
		}
	}
	var code region
	if s.Address.Province != "" {
		var ok bool
		if code, ok = provinceCodes[s.Address.Province]; !ok {
			return 0, status{}, errBadOrder
		}
	}
	st := parseStatus(s.Status)
	if !st.known {
		return 0, status{}, errBadOrder
	}
	return code, st, nil
}

// money reports whether d is an amount a shop accepts: not negative, at
// most two decimals (by its exponent: "1.500" is refused here, which
// kefu accepts and the fixture never holds).
func money(d decimal.Decimal) bool { return d.Sign() >= 0 && d.Exponent() >= -2 }

// BuildDec builds an order from s in shopspring decimals: goods is the sum
// of price × quantity, net goods is goods − discount, paid is net +
// postage; the discount must not exceed the goods.
func BuildDec(s *HandSpec) (DecOrder, error) {
	code, st, err := checkSpec(s)
	if err != nil {
		return DecOrder{}, err
	}
	goods := decimal.Zero
	units := 0
	for _, l := range s.Lines {
		if !money(l.UnitPrice) || l.Gift && !l.UnitPrice.IsZero() {
			return DecOrder{}, errBadOrder
		}
		goods = goods.Add(l.UnitPrice.Mul(decimal.NewFromInt(int64(l.Quantity))))
		if !l.Gift {
			units += l.Quantity
		}
	}
	if !money(s.Postage) || !money(s.Discount) || s.Discount.GreaterThan(goods) {
		return DecOrder{}, errBadOrder
	}
	net := goods.Sub(s.Discount)
	return DecOrder{ID: s.ID, BuyerID: s.Buyer.ID, Lines: s.Lines, Address: s.Address, Region: code,
		Goods: goods, Postage: s.Postage, Discount: s.Discount, Net: net, Paid: net.Add(s.Postage),
		Units: units, Status: st}, nil
}

// fen returns d in fen from its coefficient and exponent; ok is false
// for more than two decimals. Like most hand-written code it does not
// check for overflow: shop amounts are small.
func fen(d decimal.Decimal) (int64, bool) {
	e := d.Exponent()
	if e < -2 || e > 12 {
		return 0, false
	}
	c := d.CoefficientInt64()
	for ; e > -2; e-- {
		c *= 10
	}
	return c, true
}

// BuildFen builds an order from s in int64 fen, with the same checks as
// [BuildDec].
func BuildFen(s *HandSpec) (FenOrder, error) {
	code, st, err := checkSpec(s)
	if err != nil {
		return FenOrder{}, err
	}
	var goods int64
	units := 0
	for _, l := range s.Lines {
		p, ok := fen(l.UnitPrice)
		if !ok || p < 0 || l.Gift && p != 0 {
			return FenOrder{}, errBadOrder
		}
		goods += p * int64(l.Quantity)
		if !l.Gift {
			units += l.Quantity
		}
	}
	postage, ok1 := fen(s.Postage)
	discount, ok2 := fen(s.Discount)
	if !ok1 || !ok2 || postage < 0 || discount < 0 || discount > goods {
		return FenOrder{}, errBadOrder
	}
	net := goods - discount
	return FenOrder{ID: s.ID, BuyerID: s.Buyer.ID, Lines: s.Lines, Address: s.Address, Region: code,
		Goods: goods, Postage: postage, Discount: discount, Net: net, Paid: net + postage,
		Units: units, Status: st}, nil
}

// FenRule is the everyday free-shipping rule in fen (rule S1): a
// threshold on the goods amount actually paid, excluded regions, and the
// standard postage of an order that does not ship free, per region (0:
// what was charged stands), and the regions the shop's carriers serve (an
// order elsewhere, or with no region, keeps what it was charged).
type FenRule struct {
	Threshold int64
	Postage   [regionCount]int64
	Excluded  [regionCount]bool
	Served    [regionCount]bool
}

// DecRule is [FenRule] in shopspring decimals.
type DecRule struct {
	Threshold decimal.Decimal
	Postage   [regionCount]decimal.Decimal
	Excluded  [regionCount]bool
	Served    [regionCount]bool
}

// FenFree is a free-shipping decision in fen.
type FenFree struct {
	Eligible                bool
	Shortfall, ShouldCharge int64
}

// DecFree is a free-shipping decision in decimals.
type DecFree struct {
	Eligible                bool
	Shortfall, ShouldCharge decimal.Decimal
}

// supportedFree checks that p's free shipping is what the baselines
// implement: the everyday rule only (no promotions), an amount threshold
// (or none), no quantity threshold, no excluded SKUs.
func supportedFree(p shipping.Policy) error {
	r := p.Free
	switch {
	case len(p.FreePromotions) > 0:
		return errors.New("perftest: free-shipping promotions are not in the baseline")
	case r.Off || r.MinQuantity != 0 || r.RequireBoth:
		return errors.New("perftest: only an amount threshold is in the baseline")
	case len(r.ExcludedSKUs) > 0:
		return errors.New("perftest: excluded SKUs are not in the baseline")
	}
	return nil
}

// NewFenRule takes the free-shipping numbers of p, or says which feature
// of p the baseline lacks.
func NewFenRule(p shipping.Policy) (FenRule, error) {
	if err := supportedFree(p); err != nil {
		return FenRule{}, err
	}
	t, ok := fen(p.Free.Threshold)
	if !ok {
		return FenRule{}, errors.New("perftest: policy amounts")
	}
	r := FenRule{Threshold: t}
	d, err := NewDecRule(p)
	if err != nil {
		return FenRule{}, err
	}
	for i := range d.Postage {
		if r.Postage[i], ok = fen(d.Postage[i]); !ok {
			return FenRule{}, errors.New("perftest: policy amounts")
		}
	}
	r.Excluded, r.Served = d.Excluded, d.Served
	return r, nil
}

// NewDecRule is [NewFenRule] in decimals.
func NewDecRule(p shipping.Policy) (DecRule, error) {
	if err := supportedFree(p); err != nil {
		return DecRule{}, err
	}
	r := DecRule{Threshold: p.Free.Threshold}
	for i := range r.Postage {
		r.Postage[i] = p.Free.Postage
		r.Served[i] = i > 0 && p.Serves(order.Region(i))
	}
	for _, rp := range p.Free.RegionPostage {
		r.Postage[rp.Region] = rp.Postage
	}
	for _, x := range p.Free.ExcludedRegions {
		r.Excluded[x] = true
	}
	return r, nil
}

// Decide is free shipping written plainly in fen (rules S1, S2, S3): an
// order ships free when its net goods reach the threshold and its region
// is known and not excluded; short of the threshold it says by how much;
// it should be charged what was charged when no carrier serves its region
// (or it has none), nothing when free, what was charged when it goes SF
// freight collect (Hong Kong, Macao, Taiwan) or the shop states no
// standard postage, and the region's standard postage otherwise.
func (r *FenRule) Decide(o *FenOrder) FenFree {
	var d FenFree
	met := o.Net >= r.Threshold
	d.Eligible = met && o.Region != 0 && !r.Excluded[o.Region]
	if !met {
		d.Shortfall = r.Threshold - o.Net
	}
	switch {
	case !r.Served[o.Region]:
		d.ShouldCharge = o.Postage
	case d.Eligible:
	case freightCollect[o.Region], r.Postage[o.Region] == 0:
		d.ShouldCharge = o.Postage
	default:
		d.ShouldCharge = r.Postage[o.Region]
	}
	return d
}

// Decide is [FenRule.Decide] in shopspring decimals.
func (r *DecRule) Decide(o *DecOrder) DecFree {
	var d DecFree
	met := !o.Net.LessThan(r.Threshold)
	d.Eligible = met && o.Region != 0 && !r.Excluded[o.Region]
	if !met {
		d.Shortfall = r.Threshold.Sub(o.Net)
	}
	switch {
	case !r.Served[o.Region]:
		d.ShouldCharge = o.Postage
	case d.Eligible:
	case freightCollect[o.Region], r.Postage[o.Region].IsZero():
		d.ShouldCharge = o.Postage
	default:
		d.ShouldCharge = r.Postage[o.Region]
	}
	return d
}

// Roles, kinds and verdicts as the baseline numbers them (the same order
// as kefu's, so tests can compare by name).
const (
	PreSales uint8 = iota + 1
	InSales
	AfterSales
	ReviewHandling
	TeamLeader
	StoreManager
)

const (
	Gift uint8 = iota + 1
	Postage
	PriceCut
	EraseChange
)

const (
	Allowed uint8 = iota + 1
	NeedsApproval
	Refused
)

var (
	roleNames    = [...]string{"", "pre_sales", "in_sales", "after_sales", "review_handling", "team_leader", "store_manager"}
	kindNames    = [...]string{"", "gift", "postage", "price_cut", "erase_change"}
	verdictNames = [...]string{"", "allowed", "needs_approval", "refused"}
)

// RoleName, KindName and VerdictName return the snake_case names the
// baseline's codes stand for ("" for none).
func RoleName(r uint8) string    { return roleNames[r] }
func KindName(k uint8) string    { return kindNames[k] }
func VerdictName(v uint8) string { return verdictNames[v] }

// ParseRole and ParseKind read the names; 0 for an unknown one.
func ParseRole(s string) uint8 { return uint8(max(0, slices.Index(roleNames[:], s))) }
func ParseKind(s string) uint8 { return uint8(max(0, slices.Index(kindNames[:], s))) }

// DecAuthority is what one role may grant alone: gift, postage and price
// cut amounts, the price cut's share of the order as a fraction (0.10),
// and whether it may erase change.
type DecAuthority struct {
	Gift, Postage, PriceCut, CutShare decimal.Decimal
	Erase                             bool
}

// DecLimits are the concession limits of the baseline in decimals.
type DecLimits struct {
	Roles [StoreManager + 1]DecAuthority
	// EraseShare caps erased change as a fraction of the order (0.01);
	// EraseTimes is how often an agent may erase change a day.
	EraseShare decimal.Decimal
	EraseTimes int
	// Approver is the lowest role that approves.
	Approver uint8
	// Zone is where days are counted.
	Zone *time.Location
}

// HandRequest is a concession request to the baseline.
type HandRequest struct {
	Role, Kind uint8
	Amount     decimal.Decimal
	At         time.Time
	// Day and Erases are the agent's erase count and its day
	// ("2006-01-02"); PriceChanges the order's price changes so far.
	Day                  string
	Erases, PriceChanges int
}

// HandDecision is the baseline's answer: the verdict, the approver a
// NeedsApproval goes to, and the kind of concession suggested instead
// (rule P2), 0 for none.
type HandDecision struct {
	Verdict, Approver, Suggest uint8
}

// NewDecLimits takes the limits of p, or says which feature of p the
// baseline lacks: periods (rule A4), a preference other than gift,
// postage, price cut, or a zone other than China Standard Time.
func NewDecLimits(p pricing.Policy) (DecLimits, error) {
	switch {
	case len(p.Periods) > 0:
		return DecLimits{}, errors.New("perftest: periods are not in the baseline")
	case !slices.Equal(p.Preference, []pricing.Kind{pricing.Gift, pricing.Postage, pricing.PriceCut}):
		return DecLimits{}, errors.New("perftest: the baseline prefers gift, postage, price cut")
	case p.Zone != "" && p.Zone != "+08:00":
		return DecLimits{}, fmt.Errorf("perftest: zone %q is not in the baseline", p.Zone)
	}
	l := DecLimits{EraseShare: p.Limits.ErasePercent.Shift(-2), EraseTimes: p.Limits.EraseTimesPerDay,
		Approver: uint8(p.Approver), Zone: time.FixedZone("CST", 8*60*60)}
	for _, r := range order.Roles() {
		a := p.Limits.For(r)
		l.Roles[r] = DecAuthority{Gift: a.Gift, Postage: a.Postage, PriceCut: a.PriceCut,
			CutShare: a.PriceCutPercent.Shift(-2), Erase: a.EraseChange}
	}
	return l, nil
}

// covers reports whether role r may grant amt of kind k alone on o.
func (l *DecLimits) covers(r, k uint8, amt decimal.Decimal, o *DecOrder) bool {
	a := &l.Roles[r]
	switch k {
	case Gift:
		return amt.LessThanOrEqual(a.Gift)
	case Postage:
		return amt.LessThanOrEqual(a.Postage) && amt.LessThanOrEqual(o.Postage)
	case PriceCut:
		// An amount in fen is within the share exactly when it is within
		// the share rounded down to the fen: no rounding needed.
		return amt.LessThanOrEqual(a.PriceCut) && amt.LessThanOrEqual(o.Paid.Mul(a.CutShare))
	case EraseChange:
		return a.Erase
	}
	return false
}

// Review is the concession-approval rules written plainly in shopspring
// decimals, for the policies [NewDecLimits] accepts:
//
//   - a closed trade is refused;
//   - erased change must be exactly the change below the yuan and within
//     the erase share, or it is refused; at the daily count it needs
//     approval (rule P3);
//   - a price change (postage, price cut, erase) on a paid order or a
//     second one needs approval (rule P4), except for the store manager;
//   - an amount within the requester's authority is allowed, else it goes
//     to the lowest role above the requester, at or above the approver,
//     whose authority covers it, else it is refused (rule A3);
//   - a gift, or a postage concession where rule P4 does not flag it,
//     of the same value within the requester's authority is suggested
//     instead of a postage concession or a price cut (rule P2).
//
// A malformed request is an error: unknown role or kind, an amount that
// is not positive or has more than two decimals. A closed order, or an
// amount above the amount due (or, for postage, the postage), is refused.
func (l *DecLimits) Review(o *DecOrder, q *HandRequest) (HandDecision, error) {
	if q.Role < PreSales || q.Role > StoreManager || q.Kind < Gift || q.Kind > EraseChange ||
		q.Amount.Sign() <= 0 || q.Amount.Exponent() < -2 || q.Erases < 0 || q.PriceChanges < 0 {
		return HandDecision{}, errBadRequest
	}
	if o.Status.closed || q.Amount.GreaterThan(o.Paid) || q.Kind == Postage && q.Amount.GreaterThan(o.Postage) {
		return HandDecision{Verdict: Refused}, nil
	}
	refused, escalate := false, false
	if q.Kind == EraseChange {
		change := o.Paid.Sub(o.Paid.Floor())
		if !q.Amount.Equal(change) || q.Amount.GreaterThan(o.Paid.Mul(l.EraseShare)) {
			refused = true
		}
		// The count is of the agent's day: on another day it starts again.
		n := q.Erases
		if n >= l.EraseTimes && q.At.In(l.Zone).Format("2006-01-02") != q.Day {
			n = 0
		}
		if n >= l.EraseTimes {
			escalate = true
		}
	}
	flagged := (q.PriceChanges > 0 || o.Status.paid) && q.Role != StoreManager
	if q.Kind != Gift && (q.PriceChanges > 0 || o.Status.paid) {
		escalate = true
	}
	var d HandDecision
	switch {
	case refused:
		d.Verdict = Refused
	case l.covers(q.Role, q.Kind, q.Amount, o) && (!escalate || q.Role == StoreManager):
		d.Verdict = Allowed
	default:
		d.Verdict = Refused
		for a := max(q.Role+1, l.Approver); a <= StoreManager; a++ {
			if l.covers(a, q.Kind, q.Amount, o) {
				d.Verdict, d.Approver = NeedsApproval, a
				break
			}
		}
	}
	if q.Kind == Postage || q.Kind == PriceCut {
		if l.covers(q.Role, Gift, q.Amount, o) {
			d.Suggest = Gift
		} else if q.Kind == PriceCut && !flagged && l.covers(q.Role, Postage, q.Amount, o) {
			d.Suggest = Postage
		}
	}
	return d, nil
}

// HandConcession is the concession request of a fixture line as the
// baseline decodes it.
type HandConcession struct {
	Agent struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Role string `json:"role"`
	} `json:"agent"`
	Kind   string          `json:"kind"`
	Amount decimal.Decimal `json:"amount"`
	At     time.Time       `json:"at"`
	Usage  struct {
		Day          string `json:"day"`
		Erases       int    `json:"erases"`
		PriceChanges int    `json:"price_changes"`
	} `json:"usage"`
}

// HandEnvelope is one fixture line as the baseline decodes it.
type HandEnvelope struct {
	Order      HandSpec       `json:"order"`
	Concession HandConcession `json:"concession"`
}

// DecodeHand decodes one fixture line with encoding/json, as a backend
// without kefu would.
func DecodeHand(line []byte, e *HandEnvelope) error { return json.Unmarshal(line, e) }

// Request returns the concession as a request to [DecLimits.Review].
func (c *HandConcession) Request() HandRequest {
	return HandRequest{Role: ParseRole(c.Agent.Role), Kind: ParseKind(c.Kind), Amount: c.Amount, At: c.At,
		Day: c.Usage.Day, Erases: c.Usage.Erases, PriceChanges: c.Usage.PriceChanges}
}
