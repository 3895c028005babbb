package notes_test

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
)

// TestSentinelsAreOrders proves notes shares order's sentinels, so one
// errors.Is test covers every package.
func TestSentinelsAreOrders(t *testing.T) {
	assert.Same(t, order.ErrMissing, notes.ErrMissing)
	assert.Same(t, order.ErrInvalidText, notes.ErrInvalidText)

	h := financeHandOff()
	h.ID = ""
	_, _, err := notes.DefaultPolicy().SendHandOff(h)
	require.Error(t, err)
	assert.True(t, errors.Is(err, order.ErrMissing), "missing field matches order.ErrMissing: %v", err)

	_, err = notes.NewMemo("\xc3", 0)
	assert.True(t, errors.Is(err, order.ErrInvalidText), "bad text matches order.ErrInvalidText: %v", err)
}

// TestErrorMessageClipsValue proves a hostile 300-byte value is quoted
// in the message cut to 120 bytes with "…", while Value keeps it whole.
func TestErrorMessageClipsValue(t *testing.T) {
	v := strings.Repeat("\x01", 300)
	e := &notes.Error{Pkg: "notes", Field: "field", Value: v, Err: notes.ErrMissing}
	want := "notes: field " + strconv.Quote(strings.Repeat("\x01", 120)+"…") + ": required"
	assert.Equal(t, want, e.Error())
	assert.Less(t, len(e.Error()), 520, "was 1,232 bytes before clipping")
	assert.Equal(t, v, e.Value)
	short := &notes.Error{Pkg: "notes", Field: "field", Value: "-1", Err: notes.ErrMissing}
	assert.Equal(t, `notes: field "-1": required`, short.Error())
}

// TestSentinelClasses pins the class table of the package doc: each
// sentinel maps to one HTTP status a transport answers with (ErrDuplicate
// is a malformed list, ErrPromiseExists the state moved on; a promise or
// reply that is not there is not found; doing it oneself is forbidden).
func TestSentinelClasses(t *testing.T) {
	for status, errs := range map[int][]error{
		422: {notes.ErrSyntax, notes.ErrInvalidText, notes.ErrMissing, notes.ErrUnknownFlag, notes.ErrUnknownKind,
			notes.ErrInvalidDetail, notes.ErrMemoTooLong, notes.ErrInvalidTime, notes.ErrDueInPast,
			notes.ErrUnknownEnum, notes.ErrUnknownReason, notes.ErrDuplicate, notes.ErrInvalidPolicy},
		404: {notes.ErrUnknownPromise, notes.ErrUnknownReply},
		409: {notes.ErrAlreadyAcknowledged, notes.ErrAlreadySettled, notes.ErrPromiseExists},
		403: {notes.ErrNotAllowed},
	} {
		for _, e := range errs {
			assert.Equal(t, status, order.HTTPStatus(&notes.Error{Pkg: "notes", Field: "f", Err: e}), e.Error())
		}
	}
}
