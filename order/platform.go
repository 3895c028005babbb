package order

// StatusSet is a set of trade states, as the platform's listing filters
// select them ([ParseStatusFilter]). It is a [Set]: JSON is a list of the
// platform's state names.
type StatusSet = Set[Status]

// The platform's listing filters: queries over trade states, not states.
const (
	filterAllWaitPay = "ALL_WAIT_PAY"
	filterAllClosed  = "ALL_CLOSED"
)

// ParseStatusFilter returns the states a listing filter of the platform
// selects: ALL_WAIT_PAY is [AwaitingPayment] and [NoPaymentTrade] (the
// states that [Status.AwaitsPayment]), ALL_CLOSED is [Closed] and
// [ClosedUnpaid], and a state's own name ("WAIT_BUYER_PAY") selects that
// state alone. Anything else is an error wrapping [ErrUnknownStatus]. A
// filter is never the state of an order: [ParseStatus] refuses it.
func ParseStatusFilter(s string) (StatusSet, error) {
	switch s {
	case filterAllWaitPay:
		return SetOf(AwaitingPayment, NoPaymentTrade), nil
	case filterAllClosed:
		return SetOf(Closed, ClosedUnpaid), nil
	}
	st, err := ParseStatus(s)
	if err != nil {
		return 0, err
	}
	return SetOf(st), nil
}

// filterDetail explains why a listing filter's name is not a state; it is
// empty for any other name.
func filterDetail(s string) string {
	switch s {
	case filterAllWaitPay:
		return "ALL_WAIT_PAY is a listing filter (WAIT_BUYER_PAY, TRADE_NO_CREATE_PAY), not a trade state"
	case filterAllClosed:
		return "ALL_CLOSED is a listing filter (TRADE_CLOSED, TRADE_CLOSED_BY_TAOBAO), not a trade state"
	}
	return ""
}
