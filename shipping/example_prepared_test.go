package shipping_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/kefu-go/kefu/shipping"
)

// A backend prepares the shop's policy once, when it loads it, and asks
// the prepared form on its hot path (rules S1, S2): the same decisions as
// the Policy, from tables in fen.
func ExamplePrepare() {
	p := shipping.DefaultPolicy()
	// The shop's file, decoded over the defaults: free shipping from 88.00
	// of goods actually paid, 8.00 of postage (Xinjiang keeps its 20.00).
	if err := json.Unmarshal([]byte(`{"free_shipping":{"threshold":"88.00","postage":"8.00","excluded_regions":["xinjiang"]}}`), &p); err != nil {
		fmt.Println(err)
		return
	}
	ship, err := shipping.Prepare(p)
	if err != nil {
		fmt.Println(err)
		return
	}
	created := time.Date(2026, 11, 2, 10, 0, 0, 0, exampleCST)
	for _, o := range []struct{ price, postage, province string }{
		{"87.99", "8.00", "浙江省"}, {"88.00", "8.00", "浙江省"}, {"300.00", "0.00", "新疆"},
	} {
		ord := exampleOrder(o.price, o.postage, o.province, created)
		d := ship.FreeShipping(&ord)
		fmt.Println(o.price, d.Eligible(), d.Reasons(), "should charge", d.ShouldCharge().StringFixed(2))
	}
	// Output:
	// 87.99 false [below_threshold] should charge 8.00
	// 88.00 true [postage_overcharged] should charge 0.00
	// 300.00 false [excluded_region postage_undercharged] should charge 20.00
}

// Prepare refuses an invalid policy with the error [shipping.Policy.Validate]
// gives, naming the field.
func ExamplePrepare_invalid() {
	p := shipping.DefaultPolicy()
	p.Free.Threshold = p.Free.Threshold.Neg()
	_, err := shipping.Prepare(p)
	fmt.Println(err)
	// Output:
	// shipping: free_shipping.threshold "-99.00": invalid amount: must not be negative
}
