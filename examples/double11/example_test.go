package double11_test

import (
	"fmt"
	"time"

	"github.com/kefu-go/kefu/examples/double11"
	"github.com/kefu-go/kefu/order"
)

// The shop's November policy: the Double 11 period loosens the front
// line's gifts and erases, and only for the period (rule A4).
func ExamplePolicy() {
	p := double11.Policy()
	fmt.Println(p.Validate())
	for _, pd := range p.Periods {
		fmt.Println(pd.Name, pd.Start.Format(time.DateOnly), "to", pd.End.Format(time.DateOnly))
		fmt.Println("  in-sales gift alone:", pd.Limits.For(order.InSales).Gift.StringFixed(2), "erases a day:", pd.Limits.EraseTimesPerDay)
	}
	fmt.Println("otherwise: in-sales gift alone:", p.Limits.For(order.InSales).Gift.StringFixed(2), "erases a day:", p.Limits.EraseTimesPerDay)
	// Output:
	// <nil>
	// 双11 2026-11-01 to 2026-11-12
	//   in-sales gift alone: 15.00 erases a day: 5
	// otherwise: in-sales gift alone: 0.00 erases a day: 3
}
