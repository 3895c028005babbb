package i18n_test

import (
	"path/filepath"
	"runtime"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// texter is an enum value with staff text.
type texter interface {
	String() string
	Text(order.Lang) string
}

// walked is every value of one enum, from its package's own list.
type walked struct {
	name   string
	domain i18n.Domain
	values []texter
}

func walk[V texter](name string, d i18n.Domain, vs []V) walked {
	w := walked{name: name, domain: d}
	for _, v := range vs {
		w.values = append(w.values, v)
	}
	return w
}

// walks lists every enum of every package that renders as staff text,
// each from the package's own list function (which walk the enum's
// numeric range), so a code added to an enum is walked without a change
// here. A new enum type must be added here (and to a lang.go).
func walks() []walked {
	return []walked{
		walk("order.AddressPart", i18n.OrderAddressPart, order.AddressPartValues()),
		walk("order.Payment", i18n.OrderPayment, order.Payments()),
		walk("order.Category", i18n.OrderCategory, order.Categories()),
		walk("order.CODAction", i18n.OrderCODAction, order.CODActions()),
		walk("order.Remedy", i18n.OrderRemedy, order.Remedies()),
		walk("order.Reason", i18n.OrderReason, order.Reasons()),
		walk("order.Region", i18n.OrderRegion, order.Regions()),
		walk("order.Role", i18n.OrderRole, order.Roles()),
		walk("order.Department", i18n.OrderDepartment, order.Departments()),
		walk("order.Status", i18n.OrderStatus, order.Statuses()),
		walk("order.Event", i18n.OrderEvent, order.Events()),
		walk("order.Verdict", i18n.OrderVerdict, order.Verdicts()),
		walk("order.Lang", i18n.OrderLang, order.Langs()),
		walk("order.CODStatus", i18n.OrderCODStatus, order.CODStatuses()),

		walk("shipping.Weekday", i18n.ShippingWeekday, shipping.Weekdays()),
		walk("shipping.Stage", i18n.ShippingStage, shipping.Stages()),
		walk("shipping.Stop", i18n.ShippingStop, shipping.Stops()),
		walk("shipping.Situation", i18n.ShippingSituation, shipping.Situations()),
		walk("shipping.Action", i18n.ShippingAction, shipping.Actions()),
		walk("shipping.Wording", i18n.ShippingWording, shipping.Wordings()),
		walk("shipping.Reason", i18n.ShippingReason, shipping.Reasons()),
		walk("shipping.Remedy", i18n.ShippingRemedy, shipping.Remedies()),
		walk("shipping.ProblemReasons", i18n.ShippingProblem, checkOnlyReasons()),
		walk("shipping.CarrierCodes", i18n.ShippingCarrier, carrierCodes()),

		walk("pricing.Kind", i18n.PricingKind, pricing.Kinds()),
		walk("pricing.Cause", i18n.PricingCause, pricing.Causes()),
		walk("pricing.Payer", i18n.PricingPayer, pricing.Payers()),
		walk("pricing.Settlement", i18n.PricingSettlement, pricing.Settlements()),
		walk("pricing.Reason", i18n.PricingReason, pricing.Reasons()),

		walk("notes.Urgency", i18n.NotesUrgency, notes.Urgencies()),
		walk("order.Channel", i18n.OrderChannel, order.ChannelValues()),
		walk("notes.Flag", i18n.NotesFlag, notes.Flags()),
		walk("notes.Kind", i18n.NotesKind, notes.Kinds()),
		walk("notes.PromiseKind", i18n.NotesPromiseKind, notes.PromiseKinds()),
		walk("notes.PromiseState", i18n.NotesPromiseState, notes.PromiseStates()),
		walk("notes.Reason", i18n.NotesReason, notes.Reasons()),
		walk("notes.Topic", i18n.NotesTopic, notes.Topics()),
		walk("order.Round", i18n.OrderRound, order.Rounds()),
		walk("notes.Task", i18n.NotesTask, notes.TaskValues()),
		walk("notes.Field", i18n.NotesField, notes.Fields()),

		walk("order.RefundStatus", i18n.RefundStatus, refund.Statuses()), // refund.Status is this type
		walk("refund.GoodStatus", i18n.RefundGoodStatus, refund.GoodStatuses()),
		walk("refund.Phase", i18n.RefundPhase, refund.Phases()),
		walk("refund.Event", i18n.RefundEvent, refund.Events()),
		walk("refund.Complaint", i18n.RefundComplaint, refund.Complaints()),
		walk("refund.ExchangeStatus", i18n.RefundExchangeStatus, refund.ExchangeStatuses()),
		walk("refund.ExchangeEvent", i18n.RefundExchangeEvent, refund.ExchangeEvents()),
		walk("refund.Marketplace", i18n.RefundMarketplace, refund.Marketplaces()),
		walk("refund.Cause", i18n.RefundCause, refund.Causes()),
		walk("refund.Payer", i18n.RefundPayer, refund.Payers()),
		walk("refund.Shipped", i18n.RefundShipped, refund.Findings()),
		walk("refund.FinanceAction", i18n.RefundFinance, refund.FinanceActions()),
		walk("refund.Kind", i18n.RefundKind, refund.Kinds()),
		walk("refund.Condition", i18n.RefundCondition, refund.Conditions()),
		walk("refund.Reason", i18n.RefundReason, refund.Reasons()),
		walk("refund.Route", i18n.RefundRoute, refund.Routes()),
		walk("refund.Step", i18n.RefundStep, refund.Steps()),
		walk("refund.StepStatus", i18n.RefundStepStatus, refund.StepStatuses()),
		walk("refund.PlanStatus", i18n.RefundPlanStatus, refund.PlanStatuses()),
		walk("refund.PlanEventKind", i18n.RefundPlanEvent, refund.PlanEventKinds()),
	}
}

// problemReason is a reason a problem-order check reports, rendered by
// order.Problem.Text.
type problemReason order.Code

func (r problemReason) String() string { return order.Code(r).Name() }
func (r problemReason) Text(l order.Lang) string {
	return order.Problem{Reason: order.Code(r)}.Text(l)
}

// carrierCode is a courier's code, rendered by shipping.CarrierName.
type carrierCode string

func (c carrierCode) String() string           { return string(c) }
func (c carrierCode) Text(l order.Lang) string { return shipping.CarrierName(string(c), l) }

// carrierCodes are the couriers shipping names in every language.
func carrierCodes() []carrierCode {
	var out []carrierCode
	for _, c := range shipping.CarrierCodes() {
		out = append(out, carrierCode(c))
	}
	return out
}

// TestDefaultCarriersHaveNames: the carriers of shipping's default
// policy are among those named in every language.
func TestDefaultCarriersHaveNames(t *testing.T) {
	for _, c := range shipping.DefaultPolicy().Carriers {
		assert.Contains(t, shipping.CarrierCodes(), c.Code)
	}
	assert.Equal(t, "順豐速運", shipping.CarrierName("sf", order.TraditionalChinese))
	assert.Equal(t, "kuaidi-9", shipping.CarrierName("kuaidi-9", order.English), "an unknown code prints as it is")
}

// checkOnlyReasons are the reasons shipping's checks report that are not
// shipping Reason codes (those are walked with shipping.Reason).
func checkOnlyReasons() []problemReason {
	var out []problemReason
	for _, s := range shipping.ProblemReasons() {
		if _, err := shipping.ParseReason(s.Name()); err != nil {
			out = append(out, problemReason(s))
		}
	}
	return out
}

// pending are catalog entries for codes no package has yet: platform
// states DOMAIN.md names that a package has not modelled. When one lands,
// the walk reaches it and the test asks for it to be struck from here.
var pending = map[string]bool{}

// landedWithoutText names packages that have landed on main before their
// codes have text; TestEveryCodeRenders cannot walk their enums until
// they do. Refund, the last, was struck in stage B of issue 14.
var landedWithoutText = map[string]bool{}

// pendingDomains are whole domains of a package that has not landed.
var pendingDomains = map[i18n.Domain]string{}

// TestEveryCodeRenders walks every code of every package and fails when
// a language lacks one: its Text must be the catalog's label, not the
// code given back.
func TestEveryCodeRenders(t *testing.T) {
	n := 0
	for _, w := range walks() {
		require.NotEmpty(t, w.values, "%s: the package's list is empty", w.name)
		for _, v := range w.values {
			for _, l := range order.Langs() {
				got := v.Text(l)
				want, ok := i18n.Lookup(i18n.Lang(l), w.domain, v.String())
				if !assert.True(t, ok, "%s %q has no %s text", w.name, v.String(), l) {
					continue
				}
				assert.Equal(t, want, got, "%s %q: Text(%s) is not the catalog's", w.name, v, l)
				assert.NotEqual(t, v.String(), got, "%s %q: Text(%s) gave the code back", w.name, v, l)
				assert.NotEmpty(t, got)
				n++
			}
		}
	}
	t.Logf("%d texts of %d enums", n, len(walks()))
}

// TestNoTextWithoutCode: every label in the catalog is a code some
// package has (a typo in a code is a missing text above and an orphan
// here), or pending.
func TestNoTextWithoutCode(t *testing.T) {
	have := map[i18n.Domain]map[string]bool{}
	for _, w := range walks() {
		if have[w.domain] == nil {
			have[w.domain] = map[string]bool{}
		}
		for _, v := range w.values {
			have[w.domain][v.String()] = true
		}
	}
	for _, d := range i18n.Domains() {
		if pkg, ok := pendingDomains[d]; ok {
			assert.Nil(t, have[d], "%s is walked now: strike it from pendingDomains", d)
			if !landedWithoutText[pkg] {
				assert.NoDirExists(t, repoPath(t, pkg),
					"package %s has landed: walk its enums here, give them Text in %s/lang.go and strike %s from pendingDomains", pkg, pkg, d)
			} else {
				assert.DirExists(t, repoPath(t, pkg), "strike %s from landedWithoutText", pkg)
			}
			continue
		}
		require.NotNil(t, have[d], "domain %s is not walked", d)
		for _, code := range i18n.Codes(d) {
			key := string(d) + "." + code
			if pending[key] {
				assert.False(t, have[d][code], "%s has landed: strike it from pending", key)
				continue
			}
			assert.True(t, have[d][code], "%s: the catalog has text for a code no package has", key)
		}
	}
}

// TestProblemReasonsRender: every reason a problem-order check reports
// renders, whether it is one of order's reasons, of shipping's checks or
// of refund's (rules R4, R6: the after-sales digest names them).
func TestProblemReasonsRender(t *testing.T) {
	for pkg, reasons := range problemCodes() {
		for _, r := range reasons {
			for _, l := range order.Langs() {
				got := order.Problem{Reason: r}.Text(l)
				assert.NotEqual(t, r.String(), got, "%s problem reason %q has no %s text", pkg, r, l)
				assert.NotEqual(t, r.Name(), got, "%s problem reason %q has no %s text", pkg, r, l)
			}
		}
	}
	assert.Equal(t, "acme.no_such_reason", order.Problem{Reason: order.MustCode("acme", "no_such_reason")}.Text(order.English), "unknown: the code")
	assert.Equal(t, "港澳台订单，店铺没有可派送的顺丰", order.Problem{Reason: order.MustCode("shipping", shipping.ProblemNoSFCarrier)}.Text(order.SimplifiedChinese))
	assert.Equal(t, refund.RefundOverdue.Text(order.TraditionalChinese), order.Problem{Reason: refund.RefundOverdue.Code()}.Text(order.TraditionalChinese), "refund's check reasons are its Reason codes")
}

// TestTextOfInvalidValues: a value out of range renders as its String,
// and an invalid language is simplified Chinese. Nothing panics.
func TestTextOfInvalidValues(t *testing.T) {
	assert.Equal(t, "Reason(200)", order.Reason(200).Text(order.English))
	assert.Equal(t, "Region(0)", order.RegionUnknown.Text(order.Spanish))
	assert.Equal(t, "Stage(99)", shipping.Stage(99).Text(order.TraditionalChinese))
	assert.Equal(t, "", pricing.NoCause.Text(order.English), "NoCause is no cause")
	assert.Equal(t, "组长", order.TeamLeader.Text(order.Lang(99)), "invalid language: simplified Chinese")
	assert.Equal(t, "Finance", notes.ToDepartment(order.Finance).Text(order.English))
	assert.Equal(t, "Gerente de la tienda", notes.ToRole(order.StoreManager).Text(order.Spanish))
	assert.Equal(t, "Kind(9)", refund.Kind(9).Text(order.English))
	assert.Equal(t, "RefundStatus(99)", refund.Status(99).Text(order.TraditionalChinese))
}

// TestListsWalkTheRange: the list functions added in the lang.go files
// hold every value up to the first one out of range, in order.
func TestListsWalkTheRange(t *testing.T) {
	for _, w := range walks() {
		codes := make([]string, len(w.values))
		for i, v := range w.values {
			codes[i] = v.String()
		}
		assert.Len(t, slices.Compact(slices.Clone(codes)), len(codes), "%s: a code twice", w.name)
	}
	assert.Equal(t, []order.Payment{order.Online, order.CashOnDelivery}, order.Payments(), "the zero value is a payment")
	assert.Equal(t, order.CODNoAction, order.CODActions()[0], "so is CODNoAction")
	assert.Equal(t, notes.FlagNone, notes.Flags()[0], "and FlagNone")
	assert.Len(t, shipping.Weekdays(), 7)
	assert.Equal(t, []pricing.Cause{pricing.Oversold, pricing.AgentFault}, pricing.Causes(), "NoCause is no cause")
	assert.Equal(t, refund.KindOrdinary, refund.Kinds()[0], "ordinary goods are the zero Kind, and a kind")
	assert.Equal(t, []refund.Payer{refund.Buyer, refund.Seller}, refund.Payers())
}

// repoPath returns the path of a top-level directory of the module.
func repoPath(t *testing.T, dir string) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	require.True(t, ok)
	return filepath.Join(filepath.Dir(file), "..", "..", dir)
}
