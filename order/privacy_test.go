package order_test

import (
	"bytes"
	"fmt"
	"log/slog"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/kefu-go/kefu/order"
)

// rule O7: an order's details go only to the buyer who placed it.
func TestMayDiscloseOnlyToTheOwnBuyer(t *testing.T) {
	o := order.MustNew(paidSpec())
	cases := []struct {
		reason string
		id     string
		want   bool
	}{
		{"the buyer", "buyer-42", true},
		{"the buyer, typed with full-width letters", "ｂｕｙｅｒ-42", true},
		{"another account", "buyer-43", false},
		{"the buyer's nickname is not the account", "小王", false},
		{"nobody", "", false},
		{"hostile: invalid UTF-8", "buyer-42\xff", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, o.MayDiscloseTo(c.id), c.reason)
	}
	assert.Equal(t, 6, order.LeakPenaltyPoints)
}

// rule O7: hand-offs and logs carry masked personal data.
func TestMasking(t *testing.T) {
	for in, want := range map[string]string{
		"13812345678":   "138****5678",
		"138 1234 5678": "138****5678",
		"+85291234567":  "+85****4567",
		"0571-8888666":  "057****8666",
		"0571-888866":   "05****66",
		"12345":         "****",
		"":              "",
		"not a phone":   "****",
	} {
		assert.Equal(t, want, order.MaskPhone(in), in)
	}
	for in, want := range map[string]string{"张三丰": "张**", "张三": "张*", "张": "*", "": "", "John": "J***", "\xff\xfe": "**"} {
		assert.Equal(t, want, order.MaskName(in), in)
	}
	for in, want := range map[string]string{
		"文三路12号3单元": "文三路****",
		"12号":       "****",
		"人民大道":      "人民****",
		"":          "",
	} {
		assert.Equal(t, want, order.MaskDetail(in), in)
	}
}

// rule O7: a structured log of an order never holds the phone number or
// the street.
func TestLogValueHidesPersonalData(t *testing.T) {
	var buf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&buf, nil))
	o := order.MustNew(paidSpec())
	log.Info("order", "order", o, "address", o.Address())
	out := buf.String()
	assert.NotContains(t, out, "13812345678")
	assert.NotContains(t, out, "文三路12号")
	assert.Contains(t, out, "138****5678")
	assert.Contains(t, out, "order.id=T1001")
	assert.Contains(t, out, "order.status=WAIT_SELLER_SEND_GOODS")

	// Printed with fmt, as a value or a pointer, it is masked too.
	for _, s := range []string{fmt.Sprint(o), fmt.Sprintf("%v", &o), fmt.Sprintf("%+v", o), fmt.Sprintln(&o)} {
		assert.NotContains(t, s, "13812345678")
		assert.NotContains(t, s, "文三路12号")
		assert.Contains(t, s, "T1001 WAIT_SELLER_SEND_GOODS")
		assert.Contains(t, s, "138****5678")
	}
}
