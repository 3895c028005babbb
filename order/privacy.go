package order

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kefu-go/kefu/internal/textnorm"
)

// LeakPenaltyPoints is what the platform deducts from a shop that discloses
// an order's details to someone other than its buyer (rule O7).
const LeakPenaltyPoints = 6

// MayDiscloseTo reports whether the order's details may be disclosed to the
// platform account buyerID (rule O7): only to the buyer who placed the
// order. The comparison is of canonical IDs ([CanonicalID]); an empty ID,
// or one the identity rule refuses (an invisible or direction character),
// never matches. A friend asking on the buyer's behalf, or the same
// nickname on another account, is refused.
func (o *Order) MayDiscloseTo(buyerID string) bool {
	id, p := textnorm.ID(buyerID)
	return p == textnorm.IDOK && id == o.buyer.ID
}

// MaskPhone hides the middle of a phone number for hand-offs and logs (rule
// O7): an 11-digit mobile number keeps its first 3 and last 4 digits
// ("138****5678"); shorter numbers keep 2 and 2; very short ones are fully
// hidden. A leading '+' and the digits after it count as the prefix.
// Anything that is not a phone number, or longer than 128 bytes, is
// hidden entirely.
func MaskPhone(phone string) string {
	if tooLong(phone, maxPhoneBytes) {
		return "****"
	}
	d, ok := textnorm.Digits(phone)
	if !ok {
		return "****"
	}
	switch n := len(d); {
	case n == 0:
		return ""
	case n >= 11:
		return d[:3] + "****" + d[n-4:]
	case n >= 7:
		return d[:2] + "****" + d[n-2:]
	default:
		return "****"
	}
}

// MaskName keeps the first character of a name and hides the rest, one '*'
// per character: "张三丰" → "张**". A one-character name becomes "*".
func MaskName(name string) string {
	n := utf8.RuneCountInString(name)
	if n == 0 {
		return ""
	}
	if n == 1 {
		return "*"
	}
	r, size := utf8.DecodeRuneInString(name)
	if r == utf8.RuneError && size <= 1 {
		return strings.Repeat("*", n)
	}
	return name[:size] + strings.Repeat("*", n-1)
}

// MaskDetail hides the house number and everything after it in a street
// detail: the text up to the first digit is kept ("文三路12号3单元" →
// "文三路****"). A detail without digits keeps its first half.
func MaskDetail(detail string) string {
	if detail == "" {
		return ""
	}
	if i := strings.IndexFunc(detail, unicode.IsDigit); i >= 0 {
		return detail[:i] + "****"
	}
	runes := []rune(detail)
	return string(runes[:len(runes)/2]) + "****"
}
