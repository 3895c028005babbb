package shipping

import (
	"encoding/json"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// money is an amount that encodes in JSON as text with exactly two
// decimals ("99.00"), as the platform carries money. An amount that is not
// a whole number of fen, or is out of range, does not encode: JSON never
// rounds money silently.
type money decimal.Decimal

func (m money) MarshalJSON() ([]byte, error) {
	d := decimal.Decimal(m)
	f, ok := yuan.Fen(d)
	if !ok {
		return nil, fieldErr("amount", yuan.Text(d), ErrInvalidAmount, "not a whole number of fen within range")
	}
	return append(yuan.AppendFormat(append(make([]byte, 0, 24), '"'), f), '"'), nil
}

// fenJSON is an amount in fen that encodes as text with two decimals.
type fenJSON int64

func (f fenJSON) MarshalJSON() ([]byte, error) {
	b := yuan.AppendFormat(append(make([]byte, 0, 24), '"'), int64(f))
	return append(b, '"'), nil
}

type freeRuleJSON struct {
	Off             bool            `json:"off,omitempty"`
	Threshold       money           `json:"threshold"`
	MinQuantity     int             `json:"min_quantity,omitempty"`
	RequireBoth     bool            `json:"require_both,omitempty"`
	ExcludedRegions []order.Region  `json:"excluded_regions"`
	ExcludedSKUs    []string        `json:"excluded_skus,omitempty"`
	Postage         money           `json:"postage"`
	RegionPostage   []RegionPostage `json:"region_postage,omitempty"`
}

// MarshalJSON encodes the rule with its amounts as text with two decimals.
func (r FreeShippingRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(freeRuleJSON{r.Off, money(r.Threshold), r.MinQuantity, r.RequireBoth,
		r.ExcludedRegions, r.ExcludedSKUs, money(r.Postage), r.RegionPostage})
}

type regionPostageJSON struct {
	Region  order.Region `json:"region"`
	Postage money        `json:"postage"`
}

// MarshalJSON encodes the region's postage as text with two decimals:
// {"region":"xinjiang","postage":"20.00"}.
func (r RegionPostage) MarshalJSON() ([]byte, error) {
	return json.Marshal(regionPostageJSON{r.Region, money(r.Postage)})
}

// UnmarshalJSON decodes a region's postage as a whole, strictly as
// [FreeShippingRule.UnmarshalJSON] does; on error r is unchanged.
func (r *RegionPostage) UnmarshalJSON(b []byte) error {
	var n RegionPostage
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "region":
			return regionElem(k, v, &n.Region)
		case "postage":
			return amount(k, v, &n.Postage)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*r = n
	return nil
}

// UnmarshalJSON decodes over r: fields absent from the JSON keep their
// value, so a file that sets only the threshold keeps the excluded
// regions of the rule it is decoded onto; a list it sets replaces the
// whole list. Decoding is strict: an unknown field is an error wrapping
// [ErrUnknownField] that names it, and an amount (a JSON string "99.00" or
// number) with more than two decimals, or not an amount, is an error
// wrapping [ErrInvalidAmount]. On error r is unchanged.
func (r *FreeShippingRule) UnmarshalJSON(b []byte) error {
	n := r.clone()
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "off":
			return leaf(k, v, &n.Off)
		case "threshold":
			return amount(k, v, &n.Threshold)
		case "min_quantity":
			return leaf(k, v, &n.MinQuantity)
		case "require_both":
			return leaf(k, v, &n.RequireBoth)
		case "excluded_regions":
			return decodeList(k, v, &n.ExcludedRegions, regionElem)
		case "excluded_skus":
			return decodeList(k, v, &n.ExcludedSKUs, leafElem)
		case "postage":
			return amount(k, v, &n.Postage)
		case "region_postage":
			return decodeList(k, v, &n.RegionPostage, nestedElem[RegionPostage])
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*r = n
	return nil
}

// maxRegionText bounds a region name in JSON: the longest name kefu knows
// ("新疆维吾尔自治区", "inner_mongolia" …) is far shorter. A longer text is
// refused before it is normalised.
const maxRegionText = 64

// regionElem decodes a region name, its length checked before it is
// normalised.
func regionElem(field string, raw []byte, v *order.Region) error {
	if len(raw) > maxRegionText+2 {
		return fieldErr(field, amountText(raw), ErrUnknownRegion, "longer than "+strconv.Itoa(maxRegionText)+" bytes")
	}
	return leaf(field, raw, v)
}

type carrierJSON struct {
	Code      string         `json:"code"`
	Name      string         `json:"name,omitempty"`
	Regions   []order.Region `json:"regions,omitempty"`
	Except    []order.Region `json:"except,omitempty"`
	Surcharge money          `json:"surcharge"`
	Collect   bool           `json:"freight_collect,omitempty"`
	Aliases   []string       `json:"aliases,omitempty"`
}

// MarshalJSON encodes the carrier with its surcharge as text with two
// decimals.
func (c Carrier) MarshalJSON() ([]byte, error) {
	return json.Marshal(carrierJSON{c.Code, c.Name, c.Regions, c.Except, money(c.Surcharge), c.Collect, c.Aliases})
}

// UnmarshalJSON decodes a carrier as a whole: it never mixes with what a
// list held at the same position before. Decoding is strict as for
// [FreeShippingRule.UnmarshalJSON]; on error c is unchanged.
func (c *Carrier) UnmarshalJSON(b []byte) error {
	var n Carrier
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "code":
			return leaf(k, v, &n.Code)
		case "name":
			return leaf(k, v, &n.Name)
		case "regions":
			return decodeList(k, v, &n.Regions, regionElem)
		case "except":
			return decodeList(k, v, &n.Except, regionElem)
		case "surcharge":
			return amount(k, v, &n.Surcharge)
		case "freight_collect":
			return leaf(k, v, &n.Collect)
		case "aliases":
			return decodeList(k, v, &n.Aliases, leafElem)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*c = n
	return nil
}

// UnmarshalJSON decodes a period as a whole ({"name":…, "start":…,
// "end":…}, times in RFC 3339), strictly: an unknown field is an error
// wrapping [ErrUnknownField], a malformed time one wrapping
// [ErrInvalidText]. On error p is unchanged.
func (p *Period) UnmarshalJSON(b []byte) error {
	var n Period
	if err := decodeObject("", b, n.member); err != nil {
		return err
	}
	*p = n
	return nil
}

// member decodes one member of a period's JSON object.
func (p *Period) member(k string, v []byte) error {
	switch k {
	case "name":
		return leaf(k, v, &p.Name)
	case "start":
		return timeField(k, v, &p.Start)
	case "end":
		return timeField(k, v, &p.End)
	}
	return errNoMember
}

// UnmarshalJSON decodes a promotion as a whole: its period's name, start
// and end, and its rule, strictly as [Period.UnmarshalJSON] and
// [FreeShippingRule.UnmarshalJSON] do. On error f is unchanged.
func (f *FreeShippingPromotion) UnmarshalJSON(b []byte) error {
	var n FreeShippingPromotion
	err := decodeObject("", b, func(k string, v []byte) error {
		if k == "rule" {
			return nested(k, v, &n.Rule)
		}
		return n.Period.member(k, v)
	})
	if err != nil {
		return err
	}
	*f = n
	return nil
}

// UnmarshalJSON decodes over t: limits absent from the JSON keep their
// value. Durations are Go's text ("48h"). Decoding is strict; on error t
// is unchanged.
func (t *TrackingLimits) UnmarshalJSON(b []byte) error {
	n := *t
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "no_tracking_after":
			return leaf(k, v, &n.NoTrackingAfter)
		case "stalled_origin_after":
			return leaf(k, v, &n.StalledOriginAfter)
		case "stalled_destination_after":
			return leaf(k, v, &n.StalledDestinationAfter)
		case "lost_after":
			return leaf(k, v, &n.LostAfter)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*t = n
	return nil
}

// UnmarshalJSON decodes over p: fields absent from the JSON keep their
// value, so decoding a shop's file onto [DefaultPolicy] overrides only
// what the file sets — within free_shipping and tracking too; a list the
// file sets (carriers, excluded regions, promotions …) replaces the whole
// list, its elements decoded afresh.
//
// Decoding is strict (issue 11): a field the policy does not have is an
// error wrapping [ErrUnknownField] that names it with its path
// ("free_shipping.postgae"); an amount is exact text or a JSON number with
// at most two decimals, read without rounding ([ErrInvalidAmount]); a value
// of the wrong JSON type wraps [ErrInvalidJSON] and names the field. On
// any error p is unchanged. UnmarshalJSON does not validate: call
// [Policy.Validate], which also bounds every list and text.
func (p *Policy) UnmarshalJSON(b []byte) error {
	n := p.clone()
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "zone":
			return leaf(k, v, &n.Zone)
		case "free_shipping":
			return nested(k, v, &n.Free)
		case "free_shipping_promotions":
			return decodeList(k, v, &n.FreePromotions, nestedElem[FreeShippingPromotion])
		case "carriers":
			return decodeList(k, v, &n.Carriers, nestedElem[Carrier])
		case "default_carrier":
			return leaf(k, v, &n.DefaultCarrier)
		case "sf_carrier":
			return leaf(k, v, &n.SFCarrier)
		case "transit_patterns":
			return decodeList(k, v, &n.TransitPatterns, leafElem)
		case "dispatch_cutoff":
			return leaf(k, v, &n.Cutoff)
		case "normal_window_days":
			return leaf(k, v, &n.NormalWindowDays)
		case "promotion_window_days":
			return leaf(k, v, &n.PromotionWindowDays)
		case "big_promotions":
			return decodeList(k, v, &n.BigPromotions, nestedElem[Period])
		case "non_working_days":
			return decodeList(k, v, &n.NonWorkingDays, leafElem)
		case "weekly_rest":
			return decodeList(k, v, &n.WeeklyRest, leafElem)
		case "reminder_lead":
			return leaf(k, v, &n.ReminderLead)
		case "working_days":
			return decodeList(k, v, &n.WorkingDays, leafElem)
		case "tracking":
			return nested(k, v, &n.Tracking)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*p = n
	return nil
}

// unmarshalName sets *v to the enum value named b in names; an unknown
// name is an error wrapping [ErrUnknownCode], and *v is left unchanged.
func unmarshalName[V ~uint8](v *V, b []byte, field string, names []string) error {
	i, ok := enum.Index(names, string(b))
	if !ok {
		return fieldErr(field, string(b), ErrUnknownCode, "")
	}
	*v = V(i)
	return nil
}

// maxCount bounds the counts a decision carries (units short, days): a
// stored decision with more is tampered with.
const maxCount = yuan.MaxQuantity

// countField decodes a count from 0 to maxCount.
func countField(field string, raw []byte, dst *int) error {
	var n int
	if err := leaf(field, raw, &n); err != nil {
		return err
	}
	if n < 0 || n > maxCount {
		return fieldErr(field, strconv.Itoa(n), ErrNegative, "must be 0 to "+strconv.Itoa(maxCount))
	}
	*dst = n
	return nil
}

type freeDecisionJSON struct {
	Verdict      order.Verdict `json:"verdict,omitzero"`
	Reasons      ReasonSet     `json:"reasons"`
	Promotion    int           `json:"promotion"`
	Shortfall    fenJSON       `json:"shortfall"`
	UnitsShort   int           `json:"units_short"`
	Charged      fenJSON       `json:"charged"`
	ShouldCharge fenJSON       `json:"should_charge"`
	Overcharge   fenJSON       `json:"overcharge"`
	Undercharge  fenJSON       `json:"undercharge"`
}

// MarshalJSON encodes the decision for a backend to store or send, with
// its verdict and reasons as snake_case names and its amounts as text with
// two decimals; overcharge and undercharge are derived from the others:
//
//	{"verdict":"refused","reasons":["below_threshold"],"promotion":-1,"shortfall":"0.01","units_short":0,"charged":"10.00","should_charge":"10.00","overcharge":"0.00","undercharge":"0.00"}
//
// The zero decision has no verdict and leaves it out.
func (d FreeShippingDecision) MarshalJSON() ([]byte, error) {
	return json.Marshal(freeDecisionJSON{d.Verdict(), d.Reasons(), d.Promotion(),
		fenJSON(d.shortfall), d.UnitsShort(), fenJSON(d.charged), fenJSON(d.shouldCharge),
		fenJSON(max(0, d.charged-d.shouldCharge)), fenJSON(max(0, d.shouldCharge-d.charged))})
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly: an unknown
// field is an error wrapping [ErrUnknownField]; an amount that is
// negative, has more than two decimals or is not an amount, one wrapping
// [ErrInvalidAmount]; a negative count, one wrapping [ErrNegative]; an
// unknown verdict or reason, [ErrUnknownCode] or [ErrUnknownReason], as
// is a shipping reason a free-shipping decision never gives (a carrier's,
// say).
// Overcharge and undercharge are derived again; when given they must
// match (a tampered amount is an error). An absent promotion is the
// everyday rule (-1). On error d is unchanged.
func (d *FreeShippingDecision) UnmarshalJSON(b []byte) error {
	var n FreeShippingDecision
	var (
		v       order.Verdict
		reasons ReasonSet
		promo   = -1
		units   int
	)
	var over, under *int64
	err := decodeObject("", b, func(k string, raw []byte) error {
		switch k {
		case "verdict":
			return leaf(k, raw, &v)
		case "reasons":
			if err := leaf(k, raw, &reasons); err != nil {
				return err
			}
			if other := reasons &^ freeReasons; !other.IsEmpty() {
				return fieldErr(k, other.String(), ErrUnknownReason, "not a free-shipping reason")
			}
			return nil
		case "promotion":
			if err := leaf(k, raw, &promo); err != nil {
				return err
			}
			if promo < -1 || promo >= maxPeriods {
				return fieldErr(k, strconv.Itoa(promo), ErrNegative, "-1 for the everyday rule, or a promotion's index")
			}
			return nil
		case "shortfall":
			return fenField(k, raw, &n.shortfall)
		case "units_short":
			return countField(k, raw, &units)
		case "charged":
			return fenField(k, raw, &n.charged)
		case "should_charge":
			return fenField(k, raw, &n.shouldCharge)
		case "overcharge":
			over = new(int64)
			return fenField(k, raw, over)
		case "undercharge":
			under = new(int64)
			return fenField(k, raw, under)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	if over != nil && *over != max(0, n.charged-n.shouldCharge) {
		return fieldErr("overcharge", yuan.Format(*over), ErrInvalidAmount, "does not match charged and should_charge")
	}
	if under != nil && *under != max(0, n.shouldCharge-n.charged) {
		return fieldErr("undercharge", yuan.Format(*under), ErrInvalidAmount, "does not match charged and should_charge")
	}
	n.head = packHead(v, reasons, promo, units)
	*d = n
	return nil
}

type carrierChoiceJSON struct {
	Carrier         string    `json:"carrier"`
	Reasons         ReasonSet `json:"reasons"`
	Collect         bool      `json:"freight_collect"`
	CollectPossible bool      `json:"collect_possible"`
	Difference      fenJSON   `json:"difference"`
}

// MarshalJSON encodes the choice with its reasons as snake_case names and
// the price difference as text with two decimals:
//
//	{"carrier":"sf","reasons":["sf_only","freight_collect"],"freight_collect":true,"collect_possible":false,"difference":"0.00"}
func (c CarrierChoice) MarshalJSON() ([]byte, error) {
	return json.Marshal(carrierChoiceJSON{c.Carrier, c.Reasons, c.Collect, c.CollectPossible, fenJSON(c.difference)})
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly: an unknown
// field, a negative difference, one with more than two decimals, or an
// unknown reason is an error, and c is left unchanged.
func (c *CarrierChoice) UnmarshalJSON(b []byte) error {
	var n CarrierChoice
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "carrier":
			return leaf(k, v, &n.Carrier)
		case "reasons":
			return leaf(k, v, &n.Reasons)
		case "freight_collect":
			return leaf(k, v, &n.Collect)
		case "collect_possible":
			return leaf(k, v, &n.CollectPossible)
		case "difference":
			return fenField(k, v, &n.difference)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*c = n
	return nil
}

type overchargeJSON struct {
	Overcharged bool                 `json:"overcharged"`
	Amount      fenJSON              `json:"amount"`
	Remedies    RemedySet            `json:"remedies"`
	FollowUp    order.Department     `json:"follow_up,omitzero"`
	Free        FreeShippingDecision `json:"free_shipping"`
	Payment     order.Payment        `json:"payment,omitzero"`
}

// MarshalJSON encodes the overcharge with the amount to give back as text
// with two decimals, its remedies as snake_case names, and the
// free-shipping decision behind it:
//
//	{"overcharged":true,"amount":"10.00","remedies":["fix_postage"],"follow_up":"operations","free_shipping":{…}}
//
// with "payment":"cod" for a cash-on-delivery order (left out
// for online payment).
func (c Overcharge) MarshalJSON() ([]byte, error) {
	return json.Marshal(overchargeJSON{c.Overcharged, fenJSON(max(0, c.Free.charged-c.Free.shouldCharge)),
		c.Remedies, c.FollowUp, c.Free, c.Payment})
}

// UnmarshalJSON decodes what MarshalJSON encodes, strictly; the amount is
// derived from the free-shipping decision again and, when given, must
// match it. On error c is left unchanged.
func (c *Overcharge) UnmarshalJSON(b []byte) error {
	var n Overcharge
	var amt *int64
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "overcharged":
			return leaf(k, v, &n.Overcharged)
		case "amount":
			amt = new(int64)
			return fenField(k, v, amt)
		case "remedies":
			return leaf(k, v, &n.Remedies)
		case "follow_up":
			return leaf(k, v, &n.FollowUp)
		case "free_shipping":
			return nested(k, v, &n.Free)
		case "payment":
			return leaf(k, v, &n.Payment)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	if want := max(0, n.Free.charged-n.Free.shouldCharge); amt != nil && *amt != want {
		return fieldErr("amount", yuan.Format(*amt), ErrInvalidAmount, "does not match free_shipping's overcharge "+yuan.Format(want))
	}
	*c = n
	return nil
}

// UnmarshalJSON decodes a promise as MarshalJSON encodes it ({"by":…,
// "wording":…, "days":…, "reasons":[…]}), strictly: an unknown field, an
// unknown wording or reason, a malformed time or a day count out of range
// is an error, and p is left unchanged. {} is the zero DispatchPromise.
func (p *DispatchPromise) UnmarshalJSON(b []byte) error {
	var n DispatchPromise
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "by":
			return timeField(k, v, &n.By)
		case "wording":
			return leaf(k, v, &n.Wording)
		case "days":
			return countField(k, v, &n.Days)
		case "reasons":
			return leaf(k, v, &n.Reasons)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*p = n
	return nil
}

// UnmarshalJSON decodes a claim as it encodes ({"wording":…, "days":…,
// "date":"2026-11-12", "delivery":true}), strictly: an unknown field, an
// unknown wording or a malformed date is an error, and c is left
// unchanged. [Policy.ReviewPromise] checks the claim itself.
func (c *PromiseClaim) UnmarshalJSON(b []byte) error {
	var n PromiseClaim
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "wording":
			return leaf(k, v, &n.Wording)
		case "days":
			return leaf(k, v, &n.Days)
		case "date":
			return leaf(k, v, &n.Date)
		case "delivery":
			return leaf(k, v, &n.Delivery)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*c = n
	return nil
}

// UnmarshalJSON decodes a review as it encodes, strictly; on error r is
// left unchanged.
func (r *PromiseReview) UnmarshalJSON(b []byte) error {
	var n PromiseReview
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "verdict":
			return leaf(k, v, &n.Verdict)
		case "reasons":
			return leaf(k, v, &n.Reasons)
		case "honest":
			return nested(k, v, &n.Honest)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*r = n
	return nil
}

// UnmarshalJSON decodes a reminder as it encodes, strictly; on error r is
// left unchanged.
func (r *Reminder) UnmarshalJSON(b []byte) error {
	var n Reminder
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "verdict":
			return leaf(k, v, &n.Verdict)
		case "reasons":
			return leaf(k, v, &n.Reasons)
		case "promise":
			return nested(k, v, &n.Promise)
		case "from":
			return timeField(k, v, &n.From)
		case "until":
			return timeField(k, v, &n.Until)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*r = n
	return nil
}

// UnmarshalJSON decodes a tracking event ({"at":…, "stage":…,
// "place":…}), strictly: an unknown field, an unknown stage, a malformed
// time, or an event without its time or stage ([ErrMissing]) is an error,
// and e is left unchanged.
func (e *TrackingEvent) UnmarshalJSON(b []byte) error {
	var n TrackingEvent
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "at":
			return timeField(k, v, &n.At)
		case "stage":
			return leaf(k, v, &n.Stage)
		case "place":
			return leaf(k, v, &n.Place)
		}
		return errNoMember
	})
	switch {
	case err != nil:
		return err
	case n.At.IsZero():
		return fieldErr("at", "", ErrMissing, "")
	case n.Stage == StageUnknown:
		return fieldErr("stage", "", ErrMissing, "")
	}
	*e = n
	return nil
}

// UnmarshalJSON decodes a report as it encodes, strictly: an unknown
// field or code, or a malformed time, is an error, and r is left
// unchanged.
func (r *ParcelReport) UnmarshalJSON(b []byte) error {
	var n ParcelReport
	err := decodeObject("", b, func(k string, v []byte) error {
		switch k {
		case "situation":
			return leaf(k, v, &n.Situation)
		case "actions":
			return leaf(k, v, &n.Actions)
		case "shop_at_fault":
			return leaf(k, v, &n.ShopAtFault)
		case "reasons":
			return leaf(k, v, &n.Reasons)
		case "stage":
			return leaf(k, v, &n.Stage)
		case "stop":
			return leaf(k, v, &n.Stop)
		case "promise":
			return nested(k, v, &n.Promise)
		case "since":
			return timeField(k, v, &n.Since)
		}
		return errNoMember
	})
	if err != nil {
		return err
	}
	*r = n
	return nil
}
