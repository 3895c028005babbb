package refund

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/yuan"
)

// Batch is a run of refunds to agree to in one batch call: the fees
// fees[Start:End] of the slice given to [Policy.SplitBatch].
type Batch struct {
	Start, End int
	total      int64
}

// Len returns the number of refunds in the batch.
func (b Batch) Len() int { return b.End - b.Start }

// Total returns the sum of the batch's fees.
func (b Batch) Total() decimal.Decimal { return yuan.Dec(b.total) }

// SplitBatch splits refunds to agree to in batch — their fees
// (refund_fee), in the order given — into consecutive batches that each
// stay within the policy's batch cap: at most Batch.MaxRefunds refunds and
// Batch.MaxAmount yuan per call (the platform's caps are 20 and 6,000.00 on
// Taobao, 30 and 10,000.00 on Tmall). A fee above the amount cap cannot be
// agreed to in any batch: it is refused with [ErrBatchLimit], naming it
// ("fees[3]"), to be agreed to on its own; a fee of 0, negative or with
// more than two decimals is [ErrInvalidAmount]. It runs in linear time.
func (p Policy) SplitBatch(fees []decimal.Decimal) ([]Batch, error) {
	r, err := p.compile()
	if err != nil {
		return nil, err
	}
	out := make([]Batch, 0, int64(len(fees))/r.batchN+1)
	cur := Batch{}
	for i, d := range fees {
		field := "fees[" + strconv.Itoa(i) + "]"
		f, err := fen(field, d)
		if err != nil {
			return nil, err
		}
		switch {
		case f == 0:
			return nil, fieldErr(field, yuan.Text(d), ErrInvalidAmount, "a refund of 0 is not a refund")
		case f > r.batchFen:
			return nil, fieldErr(field, yuan.Text(d), ErrBatchLimit,
				"above "+yuan.Format(r.batchFen)+" per call: agree to it on its own")
		}
		if cur.Len() > 0 && (int64(cur.Len()) == r.batchN || cur.total+f > r.batchFen) {
			out = append(out, cur)
			cur = Batch{Start: i, End: i}
		}
		cur.End, cur.total = i+1, cur.total+f
	}
	if cur.Len() > 0 {
		out = append(out, cur)
	}
	return out, nil
}
