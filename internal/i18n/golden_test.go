package i18n_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/internal/i18n"
	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), got, "%s differs; if the change is meant, run go test -update", path)
}

// staffSample is a sample of codes, one or two of each package's kinds.
var staffSample = []texter{
	order.TeamLeader, order.Warehouse, order.AwaitingDispatch, order.Held, order.ConfirmReceipt,
	order.NeedsSF, order.TransitWarehouse, order.Oversold, order.SlowReviewShipDay, order.PaidLater,
	order.HongKong, order.Taiwan, order.CashOnDelivery, order.CODReorderOnline, order.NeedsApproval,
	order.PartDetail, order.RemedySubstitute,
	shipping.BelowThreshold, shipping.ExcludedRegion, shipping.SFOnly, shipping.FreightCollect,
	shipping.CutoffPassed, shipping.Outbound, shipping.PickedUp, shipping.Lost, shipping.StalledAtOrigin,
	shipping.ReshipAndApologise, shipping.WithinDays, shipping.RefundAndReorder, shipping.Intercept,
	pricing.ReasonBeyondAuthority, pricing.ReasonEraseDailyLimit, pricing.ReasonGiftPreferred,
	pricing.EraseChange, pricing.TopUpOrder, pricing.AgentFault,
	notes.KindHold, notes.FlagRed, notes.Overdue, notes.PhoneRequired, notes.Reship, notes.Urgently,
	notes.SMS, order.Evening, notes.RefundPostage,
	refund.SellerRefuseBuyer, refund.Returned, refund.AfterSale, refund.AgreeReturn, refund.FalseDispatch,
	refund.ReturnReceived, refund.DispatchReplacement, refund.Tmall, refund.OrderedWrongly, refund.Seller,
	refund.TwoShipped, refund.GetEvidence, refund.KindPerishable, refund.ConditionWornDamaged,
	refund.WindowClosed, refund.BargainedMistake, refund.CashBackOffer,
	refund.RouteReorder, refund.StepWarehouseAck, refund.StepDropped, refund.PlanCancelled, refund.PlanReorder,
	refund.AcknowledgementOverdue, refund.RefundOverdue, order.CODSignedIn, order.CODSignInRefused,
}

var at = time.Date(2026, 11, 12, 16, 0, 0, 0, time.FixedZone("CST", 8*3600))

// staffLines are the staff messages with values.
var staffLines = []i18n.Message{
	i18n.StaffShortfall{Shortfall: 1},
	i18n.StaffNeedsApproval{Approver: "team_leader"},
	i18n.StaffLatestDispatch{Latest: at},
	i18n.StaffWithinDays{Days: 3},
	i18n.StaffPayBefore{Cutoff: 16 * 3600},
	i18n.StaffOvercharge{Overcharge: 1000},
	i18n.StaffEraseCount{Used: 1, Limit: 3},
	i18n.StaffEraseCount{Used: 3, Limit: 3},
	i18n.StaffProblemOrders{Count: 1},
	i18n.StaffProblemOrders{Count: 12},
	i18n.NoteSendGift{},
	i18n.NoteRefundPostage{},
	// The headlines and parts of the decisions' staff lines.
	i18n.StaffShipsFree{},
	i18n.StaffNotFree{},
	i18n.StaffUnitsShort{Units: 1},
	i18n.StaffUnitsShort{Units: 2},
	i18n.StaffUndercharge{Undercharge: 1000},
	i18n.StaffNotOvercharged{},
	i18n.StaffFixSettings{Department: "运营"},
	i18n.StaffDispatchBy{Latest: at.AddDate(0, 0, 1)},
	i18n.StaffClaimOK{},
	i18n.StaffClaimRefused{},
	i18n.StaffHonestPromise{Wording: "最晚明天发货", Latest: at.AddDate(0, 0, 1)},
	i18n.StaffRemindNow{},
	i18n.StaffNoReminder{},
	i18n.StaffRemindFrom{From: 12 * 3600},
	i18n.StaffSince{Since: at},
	i18n.StaffToDo{Actions: []string{"Answer at once", "Chase the warehouse"}},
	i18n.StaffShopAtFault{},
	i18n.StaffShipWith{Carrier: "SF Express"},
	i18n.StaffNoCarrier{},
	i18n.StaffCarrierDifference{Difference: 500},
	i18n.StaffCollectPossible{},
	i18n.StaffConcession{Kind: "Price cut", Amount: 500},
	i18n.StaffLimit{Limit: 300},
	i18n.StaffBuyerOwes{Amount: 2000},
	i18n.StaffShopOwes{Amount: 550},
	i18n.StaffAwaitingConfirmation{},
	i18n.StaffConfirmed{},
	i18n.StaffSettled{},
	i18n.StaffTasks{},
	i18n.StaffNothingToDo{},
	i18n.StaffFirst{Items: []string{"Confirm which order", "SMS first"}},
	i18n.StaffSevenDayAllowed{},
	i18n.StaffSevenDayRefused{},
	i18n.StaffReturnWindow{Opens: at, Closes: at.AddDate(0, 0, 7)},
	i18n.StaffReturnPostage{},
	i18n.StaffLegs{Outbound: "Seller", Return: "Buyer"},
	i18n.StaffReplacementLeg{Payer: "Buyer"},
	i18n.StaffChoice{Number: 1, Outbound: "Buyer", Return: "Buyer"},
	i18n.StaffBestDiscount{},
	i18n.StaffRefundOutbound{Amount: 1000},
	i18n.StaffDeduct{Amount: 1000},
	i18n.StaffDeductReturnLeg{},
	i18n.StaffRefundAfterArrival{},
	i18n.StaffParcels{Count: 1},
	i18n.StaffParcels{Count: 2},
	i18n.StaffRefundOrder{Order: "T1002"},
	i18n.StaffAskEvidence{Department: "仓库"},
	i18n.StaffNotify{Roles: []string{"组长", "店长"}, By: at},
	i18n.StaffReplyOK{},
	i18n.StaffReplyRefused{},
	i18n.StaffMatch{Phrase: "好评返"},
	// Order's decisions, the digest and refund's plans (stage C).
	i18n.StaffIfDeclined{Action: "Close and re-order with online payment"},
	i18n.StaffConfirmBy{By: at},
	i18n.StaffSlowReviewDay{Day: 3},
	i18n.StaffDealWithBy{By: at},
	i18n.StaffContactDue{Round: "Evening", Channels: []string{"Chat", "SMS"}},
	i18n.StaffRoundsMissed{Count: 1},
	i18n.StaffRoundsMissed{Count: 5},
	i18n.StaffOversold{SKU: "PROMO-1", OnHand: 3, Demand: 6},
	i18n.StaffStockCovers{SKU: "PROMO-1", OnHand: 10, Demand: 6},
	i18n.StaffAllocated{Order: "T1002", Allocated: 1, Ordered: 2},
	i18n.StaffCompensation{Role: "store_manager"},
	i18n.StaffDigestHead{At: at, Orders: 1, Next: at.Add(2 * time.Hour)},
	i18n.StaffDigestHead{At: at, Orders: 12, Next: at.Add(2 * time.Hour)},
	i18n.StaffDigestGroup{Category: "Out of stock", Count: 2},
	i18n.StaffDigestColumns{},
	i18n.StaffAgeMins{Minutes: 30},
	i18n.StaffAgeMinutes{Hours: 2, Minutes: 20},
	i18n.StaffAgeDays{Days: 3, Hours: 4},
	i18n.StaffPlanOrders{Original: "T1001", Reorder: "T1002"},
	i18n.StaffPlanOriginal{Original: "T1001"},
	i18n.StaffStepsDone{Steps: []string{"Hold the original"}},
	i18n.StaffStepsPending{Steps: []string{"Finance acknowledges the refund", "Refund the original"}},
	i18n.StaffBypass{Event: "Buyer reordered", Skipped: []string{"Finance acknowledges the refund"}, At: at},
	i18n.StaffWho{Who: "Finance"},
	i18n.StaffStepReady{},
	i18n.StaffStepWaiting{},
	i18n.StaffAckBy{Due: at},
	i18n.StaffRefundAmount{Amount: 52000},
	i18n.StaffReplayed{},
}

// buyerReplies are every reply to a buyer with values filled in.
var buyerReplies = []i18n.Message{
	i18n.BelowThreshold{Shortfall: 1},
	i18n.BelowQuantity{Missing: 1},
	i18n.BelowQuantity{Missing: 2},
	i18n.ExcludedRegion{},
	i18n.ExcludedItem{},
	i18n.FreeShippingOff{},
	i18n.RegionMissing{},
	i18n.PostageFixed{Overcharge: 1000},
	i18n.PostageRefunded{Overcharge: 1000},
	i18n.PostageFixedCOD{Overcharge: 1000},
	i18n.PostageRefundAndReorder{},
	i18n.ShipsToday{},
	i18n.ShipsTomorrow{Latest: at.AddDate(0, 0, 1)},
	i18n.ShipsWithinDays{Days: 3, Latest: at.AddDate(0, 0, 3)},
	i18n.ShipsNextWorkingDay{Latest: at.AddDate(0, 0, 1)},
	i18n.ShipsAfterRestDay{Latest: at.AddDate(0, 0, 2)},
	i18n.NoDeliveryDate{},
	i18n.PayToShipToday{Cutoff: 16 * 3600},
	i18n.PayReminder{},
	i18n.ConfirmCOD{},
	i18n.ReorderOnline{},
	i18n.SFOnly{},
	i18n.AskCarrier{Carriers: []string{"圆通速递", "中通快递", "顺丰速运"}, Default: "圆通速递"},
	i18n.CarrierNotServing{Carrier: "中通快递"},
	i18n.OutOfArea{},
	i18n.CarrierPriceDifference{Carrier: "顺丰速运", Difference: 1200},
	i18n.FreightCollect{Estimate: 4500},
	i18n.TransitWarehouse{},
	i18n.ConfirmAddress{},
	i18n.TopUpGoods{Difference: 2000},
	i18n.TopUpPostage{Difference: 800},
	i18n.TopUpOther{Difference: 300},
	i18n.ShopRefundsDifference{Difference: 550},
	i18n.AskingApprover{Approver: "team_leader"},
	i18n.PromotionPriceEnded{},
	i18n.GiftInstead{},
	i18n.NoCashBack{},
	i18n.ParcelNotPaid{},
	i18n.ParcelNotDispatched{Latest: at.AddDate(0, 0, 1)},
	i18n.ParcelLateDispatch{},
	i18n.ParcelNoTracking{},
	i18n.ParcelOnTheWay{},
	i18n.ParcelStalledAtOrigin{},
	i18n.ParcelStalledAtDestination{},
	i18n.ParcelLost{},
	i18n.ParcelDamaged{},
	i18n.ParcelDelivered{},
	i18n.ParcelTradeClosed{},
	i18n.ReturnWhichOrder{},
	i18n.ReturnNotResellable{},
	i18n.ReturnWindowPassed{Deadline: time.Date(2026, 11, 20, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))},
	i18n.ReturnExcludedByLaw{},
	i18n.ReturnConfirmedAtPurchase{},
	i18n.ReturnPostageDeducted{},
	i18n.ExchangeReturnFirst{},
	i18n.OutOfStockOffer{},
	i18n.PrivacyOwnerOnly{},
	// The replies chosen from decisions.
	i18n.ShipsFree{},
	i18n.ShipsWithin{Days: 2, Latest: at.AddDate(0, 0, 2)},
	i18n.NoDeliveryDateShipsBy{Latest: at.AddDate(0, 0, 1)},
	i18n.CarrierChosen{Carrier: "圆通速递"},
	i18n.ParcelHeld{},
	i18n.NoMoreDiscount{},
	i18n.PostageInstead{Amount: 500},
	i18n.PriceCutGranted{Amount: 500},
	i18n.GiftGranted{},
	i18n.PostageWaived{Amount: 1000},
	i18n.ChangeErased{Amount: 50},
	i18n.TopUpReceived{Difference: 2000},
	i18n.DifferenceRefunded{Difference: 550},
	i18n.GiftReminder{},
	i18n.ReturnAccepted{},
	i18n.ReturnPostageOnUs{},
	i18n.ReturnPostageReturnLeg{},
	i18n.ReturnPostageBothLegs{},
	i18n.ReturnPostageChoices{},
	i18n.ReturnBelowFreeShipping{Amount: 1000},
	i18n.ExchangePostageBuyer{},
	// Order's decisions and refund's plans (stage C).
	i18n.OutOfStockPartial{Allocated: 1, Short: 1},
	i18n.OutOfStockPartial{Allocated: 2, Short: 3},
	i18n.OutOfStockOfferCOD{},
	i18n.ReorderPlaced{},
	i18n.OriginalRefunded{},
	i18n.CheckingShipment{},
	i18n.OrderRefunded{Order: "T2002", Amount: 5600},
	i18n.StatusAwaitingDispatchCOD{},
	i18n.StatusHeldCOD{},
	i18n.RefundOnItsWay{Amount: 2800},
	i18n.PromotionEndedGiftInstead{},
	i18n.PromotionEndedPostageInstead{Amount: 500},
}

// TestGoldenStaff pins a sample of staff texts and every staff line in
// the four languages.
func TestGoldenStaff(t *testing.T) {
	var b strings.Builder
	for _, l := range order.Langs() {
		fmt.Fprintf(&b, "== %s\n", l)
		for _, v := range staffSample {
			fmt.Fprintf(&b, "%T %s: %s\n", v, v, v.Text(l))
		}
		for _, m := range staffLines {
			fmt.Fprintf(&b, "%s: %s\n", m.Key(), i18n.Render(i18n.Lang(l), nil, m))
		}
	}
	golden(t, "staff.golden", b.String())
}

// TestGoldenBuyer pins every reply to a buyer in the four languages.
func TestGoldenBuyer(t *testing.T) {
	seen := map[string]bool{}
	for _, m := range append(slices.Clone(buyerReplies), staffLines...) {
		seen[m.Key()] = true
	}
	for _, m := range i18n.Messages() {
		assert.True(t, seen[m.Key()], "%s is missing from buyerReplies or staffLines", m.Key())
	}
	var b strings.Builder
	for _, l := range order.Langs() {
		fmt.Fprintf(&b, "== %s\n", l)
		for _, m := range buyerReplies {
			fmt.Fprintf(&b, "%s: %s\n", m.Key(), i18n.Render(i18n.Lang(l), nil, m))
		}
	}
	golden(t, "buyer.golden", b.String())
}
