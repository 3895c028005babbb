package order

import (
	"log/slog"
	"strings"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/textnorm"
)

// Address is a delivery address. It is a plain value type; [NormalizeAddress]
// and [ParseAddress] return its canonical form, which is what an [Order]
// holds.
//
// In canonical form every part is normalised text (full-width digits and
// letters folded, NFKC, single spaces), Phone holds only digits (with an
// optional leading '+'), and Region agrees with Province. For addresses
// abroad, Province is "海外" and the country goes in City.
//
// The zero Address is empty: valid, but not [Address.Complete].
type Address struct {
	Recipient string `json:"recipient"`
	Phone     string `json:"phone"`
	Province  string `json:"province"`
	City      string `json:"city"`
	District  string `json:"district,omitempty"`
	Detail    string `json:"detail"` // street, building, house number
	Region    Region `json:"region"`
}

// AddressPart names one part of an [Address].
type AddressPart uint8

// Address parts, as [Address.Missing] reports them.
const (
	PartRecipient AddressPart = iota + 1
	PartPhone
	PartRegion // province, or the region it maps to
	PartCity
	PartDistrict
	PartDetail
)

var partNames = []string{"", "recipient", "phone", "region", "city", "district", "detail"}

// String returns the part's snake_case name, or "AddressPart(N)" out of
// range.
func (p AddressPart) String() string { return enum.Name(partNames, int(p), "AddressPart") }

// IsValid reports whether p is a known part.
func (p AddressPart) IsValid() bool { return p >= PartRecipient && p <= PartDetail }

// MarshalText returns the snake_case name; an invalid part is an error
// wrapping [ErrUnknownCode].
func (p AddressPart) MarshalText() ([]byte, error) {
	if !p.IsValid() {
		return nil, fieldErr("address_part", p.String(), ErrUnknownCode, "")
	}
	return []byte(partNames[p]), nil
}

// UnmarshalText accepts the snake_case names; anything else is an error
// wrapping [ErrUnknownCode].
func (p *AddressPart) UnmarshalText(b []byte) error {
	i, ok := enum.Index(partNames, string(b))
	if !ok {
		return fieldErr("address_part", string(b), ErrUnknownCode, "")
	}
	*p = AddressPart(i)
	return nil
}

// AddressParts is a set of [AddressPart]s, as [Address.Missing] reports
// them. The zero value is empty; its JSON is a list of names
// (["phone","detail"]).
type AddressParts = Set[AddressPart]

// Maximum sizes of address parts, in bytes of normalised UTF-8; as given,
// each may be four times longer ([rawFactor]), and the text form
// [ParseAddress] reads at most maxAddressText bytes.
const (
	maxNameBytes   = 90  // recipient, province, city, district
	maxDetailBytes = 300 // street detail
	maxPhoneBytes  = 32  // a phone number with its separators
	maxAddressText = rawFactor * (4*maxNameBytes + maxDetailBytes + maxPhoneBytes + 5)
)

// NormalizeAddress returns the canonical form of a: every part normalised,
// the phone reduced to digits, and the region derived from the province
// (or the province filled in from the region). It is an error wrapping
// [ErrInvalidText] for invalid UTF-8, [ErrInvalidPhone] for a phone that is
// not a phone number, [ErrUnknownRegion] for a province kefu does not know,
// and [ErrInvalidAddress] for a region that contradicts the province or a
// part too long: a recipient, province, city or district above 90 bytes
// once normalised, a detail above 300, and — before any normalisation —
// any part four times that long as given, or a phone above 128 bytes. A
// missing part is not an error: see [Address.Complete].
//
// NormalizeAddress(NormalizeAddress(a)) == NormalizeAddress(a).
func NormalizeAddress(a Address) (Address, error) {
	var out Address
	var err error
	if out.Recipient, err = addrText("address.recipient", a.Recipient, maxNameBytes, false); err != nil {
		return Address{}, err
	}
	if out.Province, err = addrText("address.province", a.Province, maxNameBytes, false); err != nil {
		return Address{}, err
	}
	if out.City, err = addrText("address.city", a.City, maxNameBytes, false); err != nil {
		return Address{}, err
	}
	if out.District, err = addrText("address.district", a.District, maxNameBytes, false); err != nil {
		return Address{}, err
	}
	if out.Detail, err = addrText("address.detail", a.Detail, maxDetailBytes, true); err != nil {
		return Address{}, err
	}
	if out.Phone, err = normalizePhone(a.Phone); err != nil {
		return Address{}, err
	}
	if a.Region != RegionUnknown && !a.Region.IsValid() {
		return Address{}, fieldErr("address.region", a.Region.String(), ErrUnknownRegion, "")
	}
	out.Region = a.Region
	if out.Province != "" {
		r, err := ParseRegion(out.Province)
		if err != nil {
			return Address{}, fieldErr("address.province", a.Province, ErrUnknownRegion, "")
		}
		if out.Region != RegionUnknown && out.Region != r {
			return Address{}, fieldErr("address.region", out.Region.String(), ErrInvalidAddress,
				"province "+quote(out.Province)+" is in "+r.String())
		}
		out.Region = r
	} else if out.Region != RegionUnknown {
		out.Province = out.Region.Chinese()
	}
	return out, nil
}

// normalizeKeyed returns NormalizeAddress(a) and the Key of the result,
// which [New] keeps both of: in one pass over each part when a is already
// canonical text of the plain alphabet ([plainAddress]), the platform's
// usual address, and by the general path otherwise, with the same result
// either way (FuzzNormalizeKeyed holds them together).
func normalizeKeyed(a Address) (Address, AddressKey, error) {
	if k, ok := plainAddress(&a); ok {
		return a, k, nil
	}
	n, err := NormalizeAddress(a)
	if err != nil {
		return Address{}, AddressKey{}, err
	}
	return n, n.Key(), nil
}

// plainAddress reports whether a is already what [NormalizeAddress]
// returns and every check of it passes, looking once at each byte: every
// part plain ([textnorm.PlainKey]: its own normal form) within its bound
// and without a comma outside the detail, the phone empty or 5 to 20
// ASCII digits after an optional '+', and the province a name kefu
// knows that agrees with a.Region. It then sets a.Region from the
// province, as NormalizeAddress does, and returns the address's key.
// When it says no, nothing is decided: the general path checks a and
// reports any error.
func plainAddress(a *Address) (AddressKey, bool) {
	var k AddressKey
	var ok bool
	if k.Recipient, ok = plainPart(a.Recipient, maxNameBytes, false); !ok {
		return AddressKey{}, false
	}
	if k.City, ok = plainPart(a.City, maxNameBytes, false); !ok {
		return AddressKey{}, false
	}
	if k.District, ok = plainPart(a.District, maxNameBytes, false); !ok {
		return AddressKey{}, false
	}
	if k.Detail, ok = plainPart(a.Detail, maxDetailBytes, true); !ok {
		return AddressKey{}, false
	}
	if !plainPhone(a.Phone) {
		return AddressKey{}, false
	}
	k.Phone = a.Phone
	if a.Province == "" {
		return AddressKey{}, false // the region fills the province in, or is unknown: the general path
	}
	p, ok := plainPart(a.Province, maxNameBytes, false)
	if !ok {
		return AddressKey{}, false
	}
	r, ok := regionLookup[p]
	if !ok || a.Region != RegionUnknown && a.Region != r {
		return AddressKey{}, false
	}
	a.Region, k.Region = r, r
	return k, true
}

// plainPart returns the key of an address part that is its own normal
// form within maxBytes (and holds no comma unless commaOK), and false for
// any other, which the general path ([addrText]) then looks at.
func plainPart(s string, maxBytes int, commaOK bool) (string, bool) {
	if len(s) > maxBytes {
		return "", false
	}
	k, comma, ok := textnorm.PlainKey(s)
	if !ok || comma && !commaOK {
		return "", false
	}
	return k, true
}

// plainPhone reports whether s is a phone [normalizePhone] returns as it
// is: empty, or 5 to 20 ASCII digits after an optional '+'.
func plainPhone(s string) bool {
	if s == "" {
		return true
	}
	d := strings.TrimPrefix(s, "+")
	if len(d) < 5 || len(d) > 20 {
		return false
	}
	for i := 0; i < len(d); i++ {
		if d[i] < '0' || d[i] > '9' {
			return false
		}
	}
	return true
}

func quote(s string) string { return `"` + s + `"` }

// addrText normalises one part; only the detail may contain a comma, since
// the canonical text form separates parts with commas.
func addrText(field, s string, maxBytes int, commaOK bool) (string, error) {
	if tooLong(s, maxBytes) {
		return "", fieldErr(field, s, ErrInvalidAddress, "too long")
	}
	n, ok := textnorm.Line(s)
	if !ok {
		return "", fieldErr(field, s, ErrInvalidText, "not valid UTF-8")
	}
	if len(n) > maxBytes {
		return "", fieldErr(field, s, ErrInvalidAddress, "too long")
	}
	if !commaOK && strings.IndexByte(n, ',') >= 0 {
		return "", fieldErr(field, s, ErrInvalidAddress, "a comma separates address parts")
	}
	return n, nil
}

// normalizePhone keeps digits and a leading '+'; a phone has 5 to 20 digits.
func normalizePhone(s string) (string, error) {
	if tooLong(s, maxPhoneBytes) {
		return "", fieldErr("address.phone", s, ErrInvalidPhone, "too long")
	}
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	d, ok := textnorm.Digits(s)
	n := len(strings.TrimPrefix(d, "+"))
	if !ok || n < 5 || n > 20 {
		return "", fieldErr("address.phone", s, ErrInvalidPhone, "")
	}
	return d, nil
}

// ParseAddress parses the canonical text form written by [Address.String]:
// six comma-separated parts, "recipient,phone,province,city,district,detail".
// Full-width commas count as commas; parts may be empty; the detail may
// itself contain commas. The result is normalised as by [NormalizeAddress].
// A text that does not have six parts is an error wrapping
// [ErrInvalidAddress], and so is one longer than 2,788 bytes (four times
// the longest canonical address), refused before it is normalised.
func ParseAddress(s string) (Address, error) {
	if len(s) > maxAddressText {
		return Address{}, fieldErr("address", s, ErrInvalidAddress, "too long")
	}
	n, ok := textnorm.Line(s)
	if !ok {
		return Address{}, fieldErr("address", s, ErrInvalidText, "not valid UTF-8")
	}
	parts := strings.SplitN(n, ",", 6)
	if len(parts) != 6 {
		return Address{}, fieldErr("address", s, ErrInvalidAddress,
			"want recipient,phone,province,city,district,detail")
	}
	return NormalizeAddress(Address{
		Recipient: parts[0], Phone: parts[1], Province: parts[2],
		City: parts[3], District: parts[4], Detail: parts[5],
	})
}

// String returns the canonical text form, six comma-separated parts:
//
//	张三,13812345678,浙江省,杭州市,西湖区,文三路12号
//
// [ParseAddress] reads it back to an equal Address when a is canonical. It
// holds the full phone number and street: for logs and hand-offs use
// [Address.Masked].
func (a Address) String() string {
	return strings.Join([]string{a.Recipient, a.Phone, a.Province, a.City, a.District, a.Detail}, ",")
}

// Missing returns the parts a delivery needs that a lacks: recipient,
// phone, region, city and detail everywhere, and the district on the
// mainland (Hong Kong, Macao, Taiwan and abroad have no districts in the
// platform's sense).
func (a Address) Missing() AddressParts {
	var m AddressParts
	if a.Recipient == "" {
		m = m.With(PartRecipient)
	}
	if a.Phone == "" {
		m = m.With(PartPhone)
	}
	if !a.Region.IsValid() {
		m = m.With(PartRegion)
	}
	if a.City == "" {
		m = m.With(PartCity)
	}
	if a.District == "" && (a.Region.Mainland() || !a.Region.IsValid()) {
		m = m.With(PartDistrict)
	}
	if a.Detail == "" {
		m = m.With(PartDetail)
	}
	return m
}

// Complete reports whether a has every part a delivery needs (see
// [Address.Missing]). An order with an incomplete address is a problem
// order (rule O2, S4), and a note that changes an address must carry a
// complete one (rule N1).
func (a Address) Complete() bool { return a.Missing() == 0 }

// CheckComplete returns nil when a is complete, and otherwise an [*Error]
// wrapping [ErrIncompleteAddress] whose Detail lists the missing parts.
func (a Address) CheckComplete() error {
	m := a.Missing()
	if m == 0 {
		return nil
	}
	return fieldErr("address", a.String(), ErrIncompleteAddress, "missing "+strings.Join(m.Strings(), ", "))
}

// AddressKey is the comparable form of an [Address]: two addresses are the
// same delivery when their keys are equal. Spaces are dropped and case is
// folded, so "文三路 12号 Room B" and "文三路１２号room b" compare equal. Use it
// as a map key to group orders by address.
type AddressKey struct {
	Recipient, Phone string
	Region           Region
	City, District   string
	Detail           string
}

// Key returns a's comparable form. a should be canonical (as an [Order]'s
// address is); Key normalises each part again, so that it is also right
// for an address built by hand.
func (a Address) Key() AddressKey {
	k := func(s string) string { v, _ := textnorm.Key(s); return v }
	phone, _ := textnorm.Digits(a.Phone)
	return AddressKey{
		Recipient: k(a.Recipient),
		Phone:     phone,
		Region:    a.Region,
		City:      k(a.City),
		District:  k(a.District),
		Detail:    k(a.Detail),
	}
}

// Masked returns a rendering of a safe for hand-offs and logs (rule O7):
// the recipient's given name, the middle of the phone number and the house
// number are hidden.
//
//	张*,138****5678,浙江省,杭州市,西湖区,文三路****
func (a Address) Masked() string {
	return strings.Join([]string{MaskName(a.Recipient), MaskPhone(a.Phone), a.Province, a.City, a.District, MaskDetail(a.Detail)}, ",")
}

// LogValue renders the address masked, so that a structured logger never
// writes the full phone number or street by accident.
func (a Address) LogValue() slog.Value { return slog.StringValue(a.Masked()) }
