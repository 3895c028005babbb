// Package lifecycle replays an order's trade lifecycle (rule O1): a buyer
// pays, the shop holds the order while the address is confirmed (rule O6),
// an agent tries to dispatch it while it is held and is refused, and the
// warehouse gets a hand-off line with the buyer's data masked (rule O7).
//
//	go run ./examples lifecycle
package lifecycle

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/order"
)

// Run replays the situation and writes what the agent would see to w.
func Run(w io.Writer) error {
	cst := time.FixedZone("CST", 8*60*60)
	at := time.Date(2026, 11, 11, 0, 3, 0, 0, cst)

	// The platform sends the order as the buyer typed it: full-width
	// digits, a spaced phone number.
	o, err := order.New(order.Spec{
		ID:    "T20261111000123",
		Buyer: order.Buyer{ID: "tb_8812", Nick: "小鹿"},
		Lines: []order.Line{
			{SKU: "LX-2201", Title: "羊毛围巾 灰色", Quantity: 2, UnitPrice: decimal.RequireFromString("64.25")},
			{SKU: "GIFT-07", Title: "试用装", Quantity: 1, UnitPrice: decimal.Zero, Gift: true},
		},
		Address: order.Address{
			Recipient: "王芳", Phone: "138 0013 5678",
			Province: "浙江省", City: "杭州市", District: "西湖区", Detail: "文三路１２号３幢",
		},
		Discount:  decimal.RequireFromString("10.00"),
		Status:    order.AwaitingPayment,
		CreatedAt: at,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s created: %d units, goods %s, paid %s, address %q\n",
		o.ID(), o.Units(), o.Goods().StringFixed(2), o.Paid().StringFixed(2), o.Address().Detail)

	steps := []struct {
		event order.Event
		after time.Duration
		why   string
	}{
		{order.Pay, 2 * time.Minute, "buyer pays"},
		{order.Hold, 5 * time.Minute, "agent holds it: the buyer asked to change the building number"},
		{order.Dispatch, 20 * time.Minute, "warehouse tries to dispatch the held order"},
		{order.Release, 40 * time.Minute, "address confirmed with the buyer, hold lifted"},
		{order.Dispatch, 26 * time.Hour, "dispatched"},
		{order.ConfirmReceipt, 4 * 24 * time.Hour, "buyer confirms receipt"},
	}
	for _, s := range steps {
		next, err := o.Apply(s.event, at.Add(s.after))
		var te *order.TransitionError
		switch {
		case errors.As(err, &te):
			fmt.Fprintf(w, "  %-16s refused: %v\n", s.event, err)
			fmt.Fprintf(w, "  %-16s legal now: %v\n", "", o.Events())
			continue
		case err != nil:
			return err
		}
		fmt.Fprintf(w, "  %-16s %s -> %s  (%s)\n", s.event, o.Status(), next.Status(), s.why)
		o = next
	}

	// The console shows the trade state in the shop's language, from
	// kefu's catalogs.
	fmt.Fprintln(w, "status on the console:", o.StatusText(order.SimplifiedChinese), "/",
		o.StatusText(order.TraditionalChinese), "/", o.StatusText(order.English), "/", o.StatusText(order.Spanish))

	// A hand-off or a log line never carries the buyer's full phone
	// number or street detail.
	var buf strings.Builder
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	logger.Info("handoff to warehouse", "order", o)
	fmt.Fprint(w, "log: ", buf.String())
	fmt.Fprintln(w, "masked address:", o.Address().Masked())
	fmt.Fprintln(w, "may tb_8812 see it?", o.MayDiscloseTo("tb_8812"), "— may tb_0001?", o.MayDiscloseTo("tb_0001"))
	return nil
}
