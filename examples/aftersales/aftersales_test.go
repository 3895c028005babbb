package aftersales

import (
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

func replayed(t *testing.T) []form {
	t.Helper()
	forms, err := replay(io.Discard)
	require.NoError(t, err)
	return forms
}

// flagged lists the orders of a report in category c, by ID.
func flagged(r order.Report, c order.Category) []string {
	var ids []string
	for _, f := range r.Findings {
		if f.Categories.Has(c) {
			ids = append(ids, f.OrderID())
		}
	}
	return ids
}

// reasons lists the reasons order id has in category c.
func reasons(t *testing.T, r order.Report, id string, c order.Category) []string {
	t.Helper()
	f, ok := r.Find(id)
	require.True(t, ok, "%s is not on the form", id)
	var out []string
	for _, code := range f.Reasons(c) {
		out = append(out, code.String())
	}
	return out
}

// TestTheFormComesEveryTwoHours: rule O2 — after-sales receives the form
// every two hours (the default policy), from 10:00 to 18:00.
func TestTheFormComesEveryTwoHours(t *testing.T) {
	var got []string
	for _, f := range replayed(t) {
		got = append(got, f.digest.At.Format("15:04"))
		assert.Equal(t, 2*time.Hour, f.digest.Next.Sub(f.digest.At))
	}
	assert.Equal(t, []string{"10:00", "12:00", "14:00", "16:00", "18:00"}, got)
}

// TestTheMorningFormHasEveryKindOfProblem pins the 10:00 form: order's
// own checks (rules S4, O6, S6, S9), shipping's (S2, S4) and refund's
// after-sale check (R4) on one form.
func TestTheMorningFormHasEveryKindOfProblem(t *testing.T) {
	r := replayed(t)[0].report
	assert.Equal(t, []string{"T202611250001", "T202611250002"}, flagged(r, order.MultipleAddresses), "rule S4")
	assert.Equal(t, []string{"T202611250003"}, flagged(r, order.UnknownAddress), "rule O6")
	assert.Equal(t, []string{"T202611250010", "T202611250011"}, flagged(r, order.RepeatOrder), "rule O6")
	assert.Equal(t, []string{"T202611250006"}, flagged(r, order.UnsatisfiableMessage), "rule S6")
	assert.Equal(t, []string{"order.message_exact_date"}, reasons(t, r, "T202611250006", order.UnsatisfiableMessage))
	assert.Equal(t, []string{"T202611250004"}, flagged(r, order.CODUnconfirmed), "rule S9")
	assert.Equal(t, []string{"T202611250005"}, flagged(r, order.PostageWrong), "rule S2")
	assert.Equal(t, []string{"shipping.postage_overcharged"}, reasons(t, r, "T202611250005", order.PostageWrong))
	assert.Equal(t, []string{"T202611250007"}, flagged(r, order.TransitWarehouse), "rule S4")
	assert.Equal(t, []string{"T202611160020"}, flagged(r, order.AfterSalesPending), "rule R4")
	assert.Equal(t, []string{"refund.exchange_awaiting_return"}, reasons(t, r, "T202611160020", order.AfterSalesPending))
	assert.Equal(t, 12, r.Checked, "nine orders placed by 10:00 and the three finished trades refund's checks read")
}

// TestAHongKongOrderGoingSFIsNoProblem: rule S3 — with the default policy
// a Hong Kong order goes SF freight collect and is on no form.
func TestAHongKongOrderGoingSFIsNoProblem(t *testing.T) {
	for _, f := range replayed(t) {
		_, ok := f.report.Find("T202611250008")
		assert.False(t, ok, "form %s", f.digest.At.Format("15:04"))
	}
}

// TestTheLaterPayerIsOutOfStock: rules O3, O8 — one scarf in real stock,
// two buyers: the first payer ships, the later one is on the form.
func TestTheLaterPayerIsOutOfStock(t *testing.T) {
	r := replayed(t)[1].report
	assert.Equal(t, []string{"T202611250013"}, flagged(r, order.OutOfStock))
	assert.Equal(t, []string{"order.paid_later"}, reasons(t, r, "T202611250013", order.OutOfStock))
}

// TestAReturnNotRefundedWithinADayReachesTheForm: rule R6 — the jumper
// came back yesterday at 11:30; within 24 hours it is not a problem, at
// 12:00 it is, and once refunded it is gone.
func TestAReturnNotRefundedWithinADayReachesTheForm(t *testing.T) {
	forms := replayed(t)
	onForm := func(i int) bool { _, ok := forms[i].report.Find("T202611200088"); return ok }
	assert.False(t, onForm(0), "10:00: received less than a day ago")
	assert.True(t, onForm(1), "12:00: a day and half an hour")
	assert.True(t, onForm(2), "14:00: still not refunded")
	assert.False(t, onForm(3), "16:00: refunded at 15:05")
}

// TestAPromisedRefundPaidLateIsOverdueThenBroken: rule R6 with N3 — the
// refund promised for 13:00 is on the 14:00 form; paid at 14:40 it leaves
// the form and the promise counts as broken.
func TestAPromisedRefundPaidLateIsOverdueThenBroken(t *testing.T) {
	forms := replayed(t)
	assert.NotContains(t, flagged(forms[1].report, order.AfterSalesPending), "T202611210045", "12:00: not due yet")
	assert.Contains(t, flagged(forms[2].report, order.AfterSalesPending), "T202611210045", "14:00: overdue")
	assert.Equal(t, []string{"refund.refund_overdue"}, reasons(t, forms[2].report, "T202611210045", order.AfterSalesPending))
	assert.NotContains(t, flagged(forms[3].report, order.AfterSalesPending), "T202611210045", "16:00: paid")
	assert.Equal(t, notes.Broken, forms[3].promises[0].State(forms[3].digest.At, 0))
}

// TestTheDayEndsWithAnEmptyForm: rule O2 — every problem was dealt with
// between forms, so each form is shorter and the 18:00 form is empty.
func TestTheDayEndsWithAnEmptyForm(t *testing.T) {
	var counts []int
	for _, f := range replayed(t) {
		counts = append(counts, f.digest.Orders)
	}
	assert.Equal(t, []int{10, 7, 5, 1, 0}, counts)
}

// TestTheFormShowsNoPersonalData: rule O7 — the form names the buyer's
// account and region only.
func TestTheFormShowsNoPersonalData(t *testing.T) {
	var b bytes.Buffer
	require.NoError(t, Run(&b))
	for _, s := range []string{"王芳", "13800135678", "文三路", "中通中转仓"} {
		assert.NotContains(t, b.String(), s)
	}
	assert.Contains(t, b.String(), "换货久等买家退回", "refund's reasons in the team's language")
}

// rule O2 (issue 14): every form is kefu's own digest as the team reads
// it (Digest.Staff), categories and reasons in words — not a table the
// program builds — and each form says how many orders the triage checked,
// which the digest does not.
func TestFormsAreTheDigestsOwnText(t *testing.T) {
	var out bytes.Buffer
	forms, err := replay(&out)
	require.NoError(t, err)
	require.NotEmpty(t, forms)
	for _, f := range forms {
		for line := range strings.Lines(strings.TrimRight(f.digest.Staff(staff), "\n")) {
			assert.Contains(t, out.String(), strings.TrimRight("  "+line, " \n"))
		}
	}
	assert.Contains(t, out.String(), "the triage checked 12 orders")
	assert.NotContains(t, out.String(), "multiple_addresses", "categories in words, not codes")
}
