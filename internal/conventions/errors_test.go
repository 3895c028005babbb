package conventions_test

import (
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/notes"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/refund"
	"github.com/kefu-go/kefu/shipping"
)

// classes are the four error classes a transport maps in one switch.
var classes = map[string]error{
	"invalid input": order.ErrInvalidInput,
	"not found":     order.ErrNotFound,
	"conflict":      order.ErrConflict,
	"forbidden":     order.ErrForbidden,
}

// sentinels lists every exported error variable of every package by
// "pkg.Name". TestSentinelListIsComplete fails when a package declares one
// that is missing here.
var sentinels = map[string]error{}

func add(pkg string, m map[string]error) {
	for k, v := range m {
		sentinels[pkg+"."+k] = v
	}
}

func init() {
	add("order", map[string]error{
		"ErrInvalidInput": order.ErrInvalidInput, "ErrNotFound": order.ErrNotFound,
		"ErrConflict": order.ErrConflict, "ErrForbidden": order.ErrForbidden,
		"ErrInvalidText": order.ErrInvalidText, "ErrMissing": order.ErrMissing,
		"ErrInvalidSKU": order.ErrInvalidSKU, "ErrInvalidQuantity": order.ErrInvalidQuantity,
		"ErrInvalidAmount": order.ErrInvalidAmount, "ErrDuplicateLine": order.ErrDuplicateLine,
		"ErrTotalsMismatch": order.ErrTotalsMismatch, "ErrUnknownRegion": order.ErrUnknownRegion,
		"ErrInvalidAddress": order.ErrInvalidAddress, "ErrIncompleteAddress": order.ErrIncompleteAddress,
		"ErrInvalidPhone": order.ErrInvalidPhone, "ErrUnknownStatus": order.ErrUnknownStatus,
		"ErrUnknownEvent": order.ErrUnknownEvent, "ErrUnknownPayment": order.ErrUnknownPayment,
		"ErrUnknownRole": order.ErrUnknownRole, "ErrUnknownDepartment": order.ErrUnknownDepartment,
		"ErrUnknownCode": order.ErrUnknownCode, "ErrUnknownCategory": order.ErrUnknownCategory,
		"ErrInvalidTransition": order.ErrInvalidTransition, "ErrInconsistent": order.ErrInconsistent,
		"ErrUnknownSKU": order.ErrUnknownSKU, "ErrInvalidJSON": order.ErrInvalidJSON,
		"ErrUnknownField": order.ErrUnknownField, "ErrInvalidPolicy": order.ErrInvalidPolicy,
		"ErrNilOrder": order.ErrNilOrder, "ErrDuplicateOrder": order.ErrDuplicateOrder,
		"ErrUnknownReason": order.ErrUnknownReason, "ErrNotPending": order.ErrNotPending,
		"ErrInvalidTime": order.ErrInvalidTime,
	})
	add("shipping", map[string]error{
		"ErrInvalidAmount": shipping.ErrInvalidAmount, "ErrUnknownRegion": shipping.ErrUnknownRegion,
		"ErrInvalidSKU": shipping.ErrInvalidSKU, "ErrMissing": shipping.ErrMissing,
		"ErrNegative": shipping.ErrNegative, "ErrUnknownCarrier": shipping.ErrUnknownCarrier,
		"ErrDuplicate": shipping.ErrDuplicate, "ErrInvertedPeriod": shipping.ErrInvertedPeriod,
		"ErrOverlappingPeriods": shipping.ErrOverlappingPeriods, "ErrInvalidCarrier": shipping.ErrInvalidCarrier,
		"ErrInvalidText": shipping.ErrInvalidText, "ErrInvalidZone": shipping.ErrInvalidZone,
		"ErrTrackingOrder": shipping.ErrTrackingOrder, "ErrTimeOrder": shipping.ErrTimeOrder,
		"ErrUnknownStage": shipping.ErrUnknownStage, "ErrUnknownCode": shipping.ErrUnknownCode,
		"ErrInvalidPolicy": shipping.ErrInvalidPolicy, "ErrUnknownReason": shipping.ErrUnknownReason,
		"ErrInvalidJSON": shipping.ErrInvalidJSON, "ErrUnknownField": shipping.ErrUnknownField,
	})
	add("pricing", map[string]error{
		"ErrMissing": pricing.ErrMissing, "ErrInvalidAmount": pricing.ErrInvalidAmount,
		"ErrUnknownRole": pricing.ErrUnknownRole, "ErrInvalidText": pricing.ErrInvalidText,
		"ErrInvalidJSON": pricing.ErrInvalidJSON, "ErrUnknownField": pricing.ErrUnknownField,
		"ErrUnknownReason": pricing.ErrUnknownReason, "ErrInvalidTime": pricing.ErrInvalidTime,
		"ErrUnknownKind": pricing.ErrUnknownKind, "ErrUnknownCause": pricing.ErrUnknownCause,
		"ErrNotCompensable": pricing.ErrNotCompensable, "ErrUnknownPayer": pricing.ErrUnknownPayer,
		"ErrInvalidState": pricing.ErrInvalidState, "ErrInvalidPolicy": pricing.ErrInvalidPolicy,
		"ErrInvalidPromotion": pricing.ErrInvalidPromotion, "ErrOrderMismatch": pricing.ErrOrderMismatch,
		"ErrMalformedToken": pricing.ErrMalformedToken, "ErrBadSignature": pricing.ErrBadSignature,
		"ErrWeakKey": pricing.ErrWeakKey, "ErrSelfApproval": pricing.ErrSelfApproval,
		"ErrApproverRank": pricing.ErrApproverRank, "ErrApproverAuthority": pricing.ErrApproverAuthority,
		"ErrWrongOrder": pricing.ErrWrongOrder, "ErrWrongKind": pricing.ErrWrongKind,
		"ErrWrongRequester": pricing.ErrWrongRequester, "ErrAmountExceeded": pricing.ErrAmountExceeded,
		"ErrExpired": pricing.ErrExpired, "ErrInvalidExpiry": pricing.ErrInvalidExpiry,
		"ErrUsed": pricing.ErrUsed, "ErrUnknownSettlement": pricing.ErrUnknownSettlement,
		"ErrConfirmed": pricing.ErrConfirmed, "ErrNotConfirmed": pricing.ErrNotConfirmed,
		"ErrTransferred": pricing.ErrTransferred,
	})
	add("notes", map[string]error{
		"ErrSyntax": notes.ErrSyntax, "ErrInvalidText": notes.ErrInvalidText,
		"ErrMissing": notes.ErrMissing, "ErrUnknownFlag": notes.ErrUnknownFlag,
		"ErrUnknownKind": notes.ErrUnknownKind, "ErrInvalidDetail": notes.ErrInvalidDetail,
		"ErrMemoTooLong": notes.ErrMemoTooLong, "ErrInvalidTime": notes.ErrInvalidTime,
		"ErrDueInPast": notes.ErrDueInPast, "ErrUnknownEnum": notes.ErrUnknownEnum,
		"ErrUnknownReason": notes.ErrUnknownReason, "ErrAlreadyAcknowledged": notes.ErrAlreadyAcknowledged,
		"ErrAlreadySettled": notes.ErrAlreadySettled, "ErrDuplicate": notes.ErrDuplicate,
		"ErrPromiseExists": notes.ErrPromiseExists, "ErrUnknownPromise": notes.ErrUnknownPromise,
		"ErrUnknownReply": notes.ErrUnknownReply, "ErrNotAllowed": notes.ErrNotAllowed,
		"ErrInvalidPolicy": notes.ErrInvalidPolicy,
	})
	add("refund", map[string]error{
		"ErrMissing": refund.ErrMissing, "ErrInvalidText": refund.ErrInvalidText,
		"ErrInvalidAmount": refund.ErrInvalidAmount, "ErrInvalidSKU": refund.ErrInvalidSKU,
		"ErrTotalsMismatch": refund.ErrTotalsMismatch, "ErrInvalidQuantity": refund.ErrInvalidQuantity,
		"ErrUnknownStatus": refund.ErrUnknownStatus, "ErrUnknownEvent": refund.ErrUnknownEvent,
		"ErrUnknownCode": refund.ErrUnknownCode, "ErrUnknownReason": refund.ErrUnknownReason,
		"ErrInvalidJSON": refund.ErrInvalidJSON, "ErrUnknownField": refund.ErrUnknownField,
		"ErrInvalidPolicy": refund.ErrInvalidPolicy, "ErrInconsistent": refund.ErrInconsistent,
		"ErrInvalidTransition": refund.ErrInvalidTransition, "ErrStaleVersion": refund.ErrStaleVersion,
		"ErrKeyReused": refund.ErrKeyReused, "ErrOverRefund": refund.ErrOverRefund,
		"ErrOverQuantity": refund.ErrOverQuantity, "ErrNotReturned": refund.ErrNotReturned,
		"ErrNotReceived": refund.ErrNotReceived, "ErrUnknownLine": refund.ErrUnknownLine,
		"ErrNotRefundable": refund.ErrNotRefundable, "ErrLedgerFull": refund.ErrLedgerFull,
		"ErrInvalidLedger": refund.ErrInvalidLedger, "ErrBatchLimit": refund.ErrBatchLimit,
		"ErrLedgerExists": refund.ErrLedgerExists, "ErrNoLedger": refund.ErrNoLedger,
	})
}

// packages are the library's packages whose sentinels the list covers.
var packages = []string{"order", "shipping", "pricing", "notes", "refund"}

// TestSentinelListIsComplete parses every package's source and fails when
// it declares an exported Err… variable the list above lacks, so that the
// class test below cannot miss one.
func TestSentinelListIsComplete(t *testing.T) {
	root := filepath.Join("..", "..")
	var declared []string
	for _, pkg := range packages {
		files, err := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		require.NoError(t, err)
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			af, err := parser.ParseFile(token.NewFileSet(), f, src, 0)
			require.NoError(t, err)
			for _, d := range af.Decls {
				g, ok := d.(*ast.GenDecl)
				if !ok || g.Tok != token.VAR {
					continue
				}
				for _, s := range g.Specs {
					for _, n := range s.(*ast.ValueSpec).Names {
						if strings.HasPrefix(n.Name, "Err") && ast.IsExported(n.Name) {
							declared = append(declared, pkg+"."+n.Name)
						}
					}
				}
			}
		}
	}
	sort.Strings(declared)
	var missing []string
	for _, name := range declared {
		if _, ok := sentinels[name]; !ok {
			missing = append(missing, name)
		}
	}
	assert.Empty(t, missing, "sentinels the conventions test does not list")
	assert.Len(t, sentinels, len(declared), "the list names a sentinel no package declares")
}

// TestEverySentinelHasOneClass proves every error kefu exports — wrapped as
// the packages return them — matches exactly one of the four classes, so a
// transport maps errors in one switch.
func TestEverySentinelHasOneClass(t *testing.T) {
	for name, s := range sentinels {
		wrapped := &order.Error{Pkg: "x", Field: "f", Err: s}
		var in []string
		for cname, c := range classes {
			if errors.Is(wrapped, c) {
				in = append(in, cname)
			}
		}
		assert.Len(t, in, 1, "%s is in classes %v", name, in)
		assert.NotEqual(t, 500, order.HTTPStatus(wrapped), name)
	}
}
