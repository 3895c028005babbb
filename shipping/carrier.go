package shipping

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// CarrierChoice is the carrier an order ships with (rules S3, S5, P6). It
// is a plain value; the zero value chooses no carrier.
type CarrierChoice struct {
	// Carrier is the chosen carrier's code; "" when no carrier serves the
	// region (OutOfArea).
	Carrier string
	// Reasons say how it was chosen: PreferredCarrier, DefaultCarrier or
	// FallbackCarrier; CarrierNotServing when the buyer's preference was
	// refused; SFOnly for Hong Kong, Macao and Taiwan; OutOfArea; and
	// PriceDifference and FreightCollect for what the buyer pays.
	Reasons ReasonSet
	// Collect: the parcel goes freight collect (到付): the buyer pays the
	// carrier on delivery. Hong Kong, Macao and Taiwan parcels always do
	// (rule P6).
	Collect bool
	// CollectPossible: instead of settling the price difference, the buyer
	// may have the parcel sent freight collect.
	CollectPossible bool

	difference int64 // fen
}

// OK reports whether a carrier was chosen.
func (c CarrierChoice) OK() bool { return c.Carrier != "" }

// Difference returns the price difference (补差价) the buyer is told and
// settles, confirmed before the transfer (rule P6): the chosen carrier's
// surcharge over the shop's default. For Hong Kong, Macao and Taiwan it is
// the amount the buyer is told before the parcel goes freight collect.
func (c CarrierChoice) Difference() decimal.Decimal { return yuan.Dec(c.difference) }

// ChooseCarrier chooses the carrier for an order to region r, given the
// code of the carrier the buyer prefers ("" for none) — as the buyer said
// when asked, or as [Policy.RequestedCarrier] finds it in the order
// message.
//
//   - Hong Kong, Macao and Taiwan ship only with SF Express, whatever the
//     buyer prefers; the buyer cannot refuse it, is told the amount, and
//     the parcel goes freight collect (rules S3, P6). Without an SF
//     carrier serving the region the order is out of area.
//   - Elsewhere the buyer's preferred carrier is used when it serves the
//     region; a carrier that does not is refused (CarrierNotServing) and
//     the choice falls back as if the buyer had not said (rule S5).
//   - Without a usable preference the shop's default carrier is used; if
//     it does not serve the region, the first listed carrier that does
//     (FallbackCarrier); if none does, no carrier (OutOfArea, rule S4).
//   - A carrier other than the default with a surcharge costs the buyer
//     the difference (PriceDifference); if the carrier takes freight
//     collect, that is offered instead (CollectPossible).
//
// An invalid region ([order.RegionUnknown] included) is an error wrapping
// [ErrUnknownRegion]; a preferred code the policy does not list, one
// wrapping [ErrUnknownCarrier].
func (p Policy) ChooseCarrier(r order.Region, preferred string) (CarrierChoice, error) {
	if !r.IsValid() {
		return CarrierChoice{}, fieldErr("region", r.String(), ErrUnknownRegion, "the address names no known region")
	}
	var pref *Carrier
	if preferred != "" {
		c, ok := p.Carrier(preferred)
		if !ok {
			return CarrierChoice{}, fieldErr("carrier", preferred, ErrUnknownCarrier, "not among the shop's carriers")
		}
		pref = &c
	}
	var ch CarrierChoice
	if r.HKMOTW() {
		// Rule S3: SF only; rule P6: the buyer is told the amount and the
		// parcel goes SF freight collect.
		ch.Reasons = ch.Reasons.With(SFOnly)
		sf, ok := p.Carrier(p.SFCarrier)
		if p.SFCarrier == "" || !ok || !sf.Serves(r) {
			ch.Reasons = ch.Reasons.With(OutOfArea)
			return ch, nil
		}
		if pref != nil && pref.Code == sf.Code {
			ch.Reasons = ch.Reasons.With(PreferredCarrier)
		}
		ch.Carrier, ch.Collect = sf.Code, true
		ch.Reasons = ch.Reasons.With(FreightCollect)
		ch.setDifference(sf)
		return ch, nil
	}

	if pref != nil {
		if pref.Serves(r) {
			ch.Carrier = pref.Code
			ch.Reasons = ch.Reasons.With(PreferredCarrier)
			if pref.Code != p.DefaultCarrier {
				ch.setDifference(*pref)
				ch.CollectPossible = ch.difference > 0 && pref.Collect
			}
			return ch, nil
		}
		ch.Reasons = ch.Reasons.With(CarrierNotServing)
	}
	if def, ok := p.Carrier(p.DefaultCarrier); ok && def.Serves(r) {
		ch.Carrier = def.Code
		ch.Reasons = ch.Reasons.With(DefaultCarrier)
		return ch, nil
	}
	for _, c := range p.Carriers {
		if c.Serves(r) {
			ch.Carrier = c.Code
			ch.Reasons = ch.Reasons.With(FallbackCarrier)
			ch.setDifference(c)
			ch.CollectPossible = ch.difference > 0 && c.Collect
			return ch, nil
		}
	}
	ch.Reasons = ch.Reasons.With(OutOfArea)
	return ch, nil
}

func (ch *CarrierChoice) setDifference(c Carrier) {
	if f, ok := yuan.Fen(c.Surcharge); ok && f > 0 {
		ch.difference = f
		ch.Reasons = ch.Reasons.With(PriceDifference)
	}
}

// CarriersFor returns the codes of the carriers that may deliver to r, in
// the policy's order: the ones to offer a buyer who is asked which carrier
// they prefer (rule S5). For Hong Kong, Macao and Taiwan it is SF alone
// (rule S3); none means the region is out of area. An invalid region is an
// error wrapping [ErrUnknownRegion].
func (p Policy) CarriersFor(r order.Region) ([]string, error) {
	if !r.IsValid() {
		return nil, fieldErr("region", r.String(), ErrUnknownRegion, "the address names no known region")
	}
	var out []string
	for _, c := range p.Carriers {
		if c.Serves(r) && (!r.HKMOTW() || c.Code == p.SFCarrier) {
			out = append(out, c.Code)
		}
	}
	return out, nil
}

// RequestedCarrier returns the code of the carrier the buyer names in an
// order message (买家留言), by the carriers' [Carrier.Aliases]: the
// buyer's stated preference, to pass to [Policy.ChooseCarrier] (rule S5).
// It reports none when the message names no carrier, names several, or
// holds a negation ("不要发顺丰", "顺丰不到就发圆通"; polite phrases such as
// "不好意思" and "非常感谢" are none): then the agent asks the buyer which
// carrier they prefer. Invalid UTF-8 names none, and so does a message
// longer than 4096 bytes — no order message is (order keeps at most 1000
// bytes), and it is refused before it is normalised.
func (p Policy) RequestedCarrier(message string) (code string, ok bool) {
	if len(message) > maxMessageBytes {
		return "", false
	}
	msg, valid := textnorm.Line(message)
	if !valid {
		return "", false
	}
	return p.requested(msg)
}

// maxMessageBytes bounds the buyer message [Policy.RequestedCarrier]
// reads, before normalising it: four times order's 1000 bytes, for text
// that width folding and NFKC shorten.
const maxMessageBytes = 4096

// negations are characters that, anywhere in a message naming a carrier,
// may turn the request around ("不要", "别", "勿", "没有"): the agent asks,
// unless they only start a polite or approving phrase.
const negations = "不别別勿没沒非"

var harmlessPhrases = [...]string{"不好意思", "非常", "没问题", "沒問題", "不客气", "不客氣", "不错", "不錯"}

// negated reports whether msg holds a negation outside harmlessPhrases.
func negated(msg string) bool {
	for i, r := range msg {
		if !strings.ContainsRune(negations, r) {
			continue
		}
		harmless := false
		for _, h := range harmlessPhrases {
			if strings.HasPrefix(msg[i:], h) {
				harmless = true
				break
			}
		}
		if !harmless {
			return true
		}
	}
	return false
}

// requested is [Policy.RequestedCarrier] for a message already normalised
// by [textnorm.Line]. It does not allocate.
func (p *Policy) requested(msg string) (string, bool) {
	var code string
	for i := range p.Carriers {
		c := &p.Carriers[i]
		for _, a := range c.Aliases {
			if a == "" || !mentions(msg, a) {
				continue
			}
			if code != "" && code != c.Code {
				return "", false
			}
			code = c.Code
			break
		}
	}
	if code == "" || negated(msg) {
		return "", false
	}
	return code, true
}

// mentions reports whether msg contains alias a: as text for a Chinese
// alias, and as a whole Latin word, in any case, for an ASCII one.
func mentions(msg, a string) bool {
	for i := 0; i < len(a); i++ {
		if a[i] >= utf8.RuneSelf {
			return strings.Contains(msg, a)
		}
	}
	// Text of len(a) bytes that holds a rune beyond ASCII (two bytes or
	// more) has fewer runes than a, so strings.EqualFold cannot find it
	// equal to a: the alias is compared byte by byte, ignoring ASCII
	// case, where the first byte matches.
	a0 := lowerASCIIByte(a[0])
	for i := 0; i+len(a) <= len(msg); i++ {
		if lowerASCIIByte(msg[i]) != a0 || !equalFoldASCII(msg[i+1:i+len(a)], a[1:]) {
			continue
		}
		if !latinLetterAt(msg, i-1) && !latinLetterAt(msg, i+len(a)) {
			return true
		}
	}
	return false
}

func lowerASCIIByte(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFoldASCII reports whether s equals the ASCII a ignoring ASCII case.
func equalFoldASCII(s, a string) bool {
	for j := 0; j < len(a); j++ {
		if lowerASCIIByte(s[j]) != lowerASCIIByte(a[j]) {
			return false
		}
	}
	return true
}

func latinLetterAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	c := s[i] | 0x20
	return c >= 'a' && c <= 'z'
}

// delivers reports whether the carrier with the given code may deliver to
// r: it serves r, and for Hong Kong, Macao and Taiwan it is SF (rule S3).
func (p *Policy) delivers(code string, r order.Region) bool {
	for i := range p.Carriers {
		if c := &p.Carriers[i]; c.Code == code {
			return c.Serves(r) && (!r.HKMOTW() || code == p.SFCarrier)
		}
	}
	return false
}
