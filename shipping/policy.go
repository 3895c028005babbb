package shipping

import (
	"cmp"
	"slices"
	"strconv"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/textnorm"
	"github.com/kefu-go/kefu/internal/tz"
	"github.com/kefu-go/kefu/internal/yuan"
	"github.com/kefu-go/kefu/order"
)

// Policy is a shop's shipping policy: free-shipping rules, carriers,
// dispatch windows and tracking limits. It is plain data with JSON tags, so
// a shop keeps it in a file; [DefaultPolicy] returns the defaults of
// DOMAIN.md and [Policy.Validate] checks one.
//
// Methods take the Policy by value and never modify it. Their results are
// only meaningful for a policy that passes [Policy.Validate]; an invalid
// policy never makes them panic.
type Policy struct {
	// Zone is where calendar days and the cutoff are counted: "" is
	// China Standard Time (+08:00); an offset "+08:00" or a zone name
	// "Asia/Shanghai" (which needs the tz database) also work.
	Zone string `json:"zone,omitempty"`

	// Free holds the everyday free-shipping rules (rule S1).
	Free FreeShippingRule `json:"free_shipping"`
	// FreePromotions replace Free while they run. They must not overlap.
	FreePromotions []FreeShippingPromotion `json:"free_shipping_promotions,omitempty"`

	// Carriers are the couriers the shop ships with, in the order the
	// shop prefers them (rule S5).
	Carriers []Carrier `json:"carriers"`
	// DefaultCarrier is the code of the carrier used when the buyer states
	// no preference (rule S5) — except for Hong Kong, Macao and Taiwan,
	// which always go with SFCarrier whatever the default is (rule S3,
	// [Policy.ChooseCarrier]).
	DefaultCarrier string `json:"default_carrier"`
	// SFCarrier is the code of SF Express, the only carrier for Hong Kong,
	// Macao and Taiwan (rule S3). It may be empty when the shop has no SF
	// account: such orders are then out of area.
	SFCarrier string `json:"sf_carrier,omitempty"`

	// TransitPatterns are texts that mark a courier transit warehouse
	// (中转仓) in an address (rule S4). They are matched against the
	// address's comparison key, so they must be written as
	// [textnorm]'s keys are: no spaces, lower case (Validate says how).
	TransitPatterns []string `json:"transit_patterns"`

	// Cutoff is the daily dispatch cutoff: an order paid by then on a
	// working day ships that day; later, it rolls to the next working day
	// (rules S6, S10). "24:00" is the end of the day: a payment up to the
	// day's last second (23:59:59) ships that day, also where the clocks
	// skip midnight.
	Cutoff order.Clock `json:"dispatch_cutoff"`
	// NormalWindowDays is the normal dispatch window in working days,
	// counting the day the order starts (its paid day, or the next working
	// day after the cutoff): 1 means it ships that day, so no order waits
	// past the next day — the buyer's bottom line (rule S6).
	NormalWindowDays int `json:"normal_window_days"`
	// PromotionWindowDays is the dispatch window during a big promotion:
	// "within 3 days" (rule S6).
	PromotionWindowDays int `json:"promotion_window_days"`
	// BigPromotions are the big-promotion periods (大促, e.g. Double 11).
	// An order paid during one, or rolled past the cutoff onto a day of
	// one, gets the promotion's window. They must not overlap.
	BigPromotions []Period `json:"big_promotions,omitempty"`
	// NonWorkingDays are days the warehouse does not dispatch, such as
	// public holidays; at most 1000.
	NonWorkingDays []Date `json:"non_working_days,omitempty"`
	// WeeklyRest are days of the week the warehouse does not dispatch
	// (none by default: many shops dispatch every day).
	WeeklyRest []Weekday `json:"weekly_rest,omitempty"`
	// ReminderLead is how long before the daily cutoff payment reminders
	// go out: "the cutoff is near — pay now and it ships today" (rule
	// S10; seed 003 sends them in the afternoon). Zero: at any time of a
	// working day before the cutoff. At most 24 hours.
	ReminderLead order.Duration `json:"reminder_lead,omitempty"`
	// WorkingDays are days worked although they fall on a weekly rest day
	// (调休, make-up working days); at most 1000.
	WorkingDays []Date `json:"working_days,omitempty"`

	// Tracking holds the limits that classify a parcel's tracking (rule S8).
	Tracking TrackingLimits `json:"tracking"`
}

// FreeShippingRule is when an order ships free (包邮条件, rule S1). An
// order qualifies when it reaches the amount threshold or the quantity
// threshold (both, with RequireBoth), is not bound for an excluded region
// and holds no excluded SKU. A threshold of zero is no threshold; with
// neither, every order outside the exclusions ships free.
type FreeShippingRule struct {
	// Off: no free shipping at all while this rule applies.
	Off bool `json:"off,omitempty"`
	// Threshold applies to the goods amount actually paid: after
	// discounts, before postage ([order.Order.NetGoods]).
	Threshold decimal.Decimal `json:"threshold"`
	// MinQuantity is the number of units (gifts excluded); 0 is none.
	MinQuantity int `json:"min_quantity,omitempty"`
	// RequireBoth: with both thresholds set, an order must reach both,
	// rather than either.
	RequireBoth bool `json:"require_both,omitempty"`
	// ExcludedRegions never ship free.
	ExcludedRegions []order.Region `json:"excluded_regions"`
	// ExcludedSKUs are items that never ship free: an order holding one
	// pays postage. SKUs are written in canonical form ([order.NormalizeSKU]).
	ExcludedSKUs []string `json:"excluded_skus,omitempty"`
	// Postage is the standard postage of an order that does not ship
	// free, where RegionPostage does not set another. Zero means the shop
	// prices postage order by order, and kefu takes what was charged as
	// right.
	Postage decimal.Decimal `json:"postage"`
	// RegionPostage sets the standard postage of regions that cost more
	// (or less) to ship to than Postage, as a shop's postage template does
	// (运费模板): remote Xinjiang and Tibet, say. A zero Postage here, too,
	// means the region's postage is priced order by order.
	RegionPostage []RegionPostage `json:"region_postage,omitempty"`
}

// RegionPostage is the standard postage of one region (rule S2).
type RegionPostage struct {
	Region  order.Region    `json:"region"`
	Postage decimal.Decimal `json:"postage"`
}

// postageFor returns the standard postage to region r in fen.
func (r *FreeShippingRule) postageFor(reg order.Region) int64 {
	for i := range r.RegionPostage {
		if r.RegionPostage[i].Region == reg {
			f, _ := yuan.Fen(r.RegionPostage[i].Postage)
			return f
		}
	}
	f, _ := yuan.Fen(r.Postage)
	return f
}

// FreeShippingPromotion replaces the everyday free-shipping rule while it
// runs, judged by when the order was placed (the time its postage was set).
type FreeShippingPromotion struct {
	Period
	Rule FreeShippingRule `json:"rule"`
}

// Carrier is a courier the shop ships with.
type Carrier struct {
	// Code identifies the carrier: lower-case letters, digits, '-' and
	// '_' ("sf", "yto").
	Code string `json:"code"`
	// Name is how agents and buyers call it ("顺丰速运").
	Name string `json:"name,omitempty"`
	// Regions the carrier serves; empty means every mainland region.
	Regions []order.Region `json:"regions,omitempty"`
	// Except removes regions from Regions (or from the mainland).
	Except []order.Region `json:"except,omitempty"`
	// Surcharge is the price difference a buyer pays to ship with this
	// carrier rather than the default (补差价, rule P6); zero for none.
	Surcharge decimal.Decimal `json:"surcharge"`
	// Collect: the carrier accepts freight collect (到付, rule P6).
	Collect bool `json:"freight_collect,omitempty"`
	// Aliases are how buyers name the carrier in an order message ("顺丰",
	// "sf"), for [Policy.RequestedCarrier]. They are matched against the
	// normalised message, so they are written as [textnorm]'s keys are —
	// no spaces, lower case — and each names one carrier only. A Latin
	// alias only matches a whole word: "sf" is not found in "transfer".
	Aliases []string `json:"aliases,omitempty"`
}

// Serves reports whether c delivers to region r.
func (c Carrier) Serves(r order.Region) bool {
	if !r.IsValid() || slices.Contains(c.Except, r) {
		return false
	}
	if len(c.Regions) == 0 {
		return r.Mainland()
	}
	return slices.Contains(c.Regions, r)
}

// TrackingLimits classify a parcel's tracking (rule S8). They are kefu's
// defaults, not the sources': shops tune them, and the sources only say
// that delays are answered at once.
type TrackingLimits struct {
	// NoTrackingAfter: a dispatched parcel with no courier scan after this
	// long is "dispatched without tracking".
	NoTrackingAfter order.Duration `json:"no_tracking_after"`
	// StalledOriginAfter: a parcel scanned but not moved on from the
	// origin after this long is stalled at the origin.
	StalledOriginAfter order.Duration `json:"stalled_origin_after"`
	// StalledDestinationAfter: a parcel that reached the destination city
	// and is not delivered after this long is stalled there.
	StalledDestinationAfter order.Duration `json:"stalled_destination_after"`
	// LostAfter: a parcel with no tracking update after this long is
	// treated as lost.
	LostAfter order.Duration `json:"lost_after"`
}

// Default policy values that DOMAIN.md does not fix; see [DefaultPolicy].
const (
	defaultCutoff = order.Clock(16 * 3600)
	hour          = order.Duration(time.Hour)
)

// DefaultPolicy returns the defaults of DOMAIN.md: free shipping from
// 99.00 of goods actually paid, except to Xinjiang, Tibet, Hong Kong,
// Macao, Taiwan and abroad (rule S1); YTO as the default carrier, ZTO as a
// second, and SF Express, which alone serves Hong Kong, Macao and Taiwan
// and is chosen for them automatically (rules S3, S5), each with the names
// buyers write in messages ("顺丰", "sf"); a next-day dispatch window,
// 3 days during big promotions (rule S6).
//
// Values the sources leave to the shop are kefu's choices, picked so that
// a shop can run the defaults as they are and a triage flags only real
// problems (issue 11 #7): a standard postage of 10.00 on the mainland and
// 20.00 to Xinjiang and Tibet for an order that does not ship free (a
// common express template; Hong Kong, Macao and Taiwan go SF freight
// collect, so what they were charged up front stands), a 16:00 cutoff,
// payment reminders in the 4 hours before it (the afternoon), no
// surcharges, no big-promotion periods, no non-working days, and tracking
// limits of 24 hours without a scan, 48 hours stalled at either end, and
// 7 days without an update for a lost parcel.
func DefaultPolicy() Policy {
	return Policy{
		Free: FreeShippingRule{
			Threshold:       decimal.New(9900, -2),
			ExcludedRegions: []order.Region{order.Xinjiang, order.Tibet, order.HongKong, order.Macao, order.Taiwan, order.Abroad},
			Postage:         decimal.New(1000, -2),
			RegionPostage: []RegionPostage{
				{Region: order.Xinjiang, Postage: decimal.New(2000, -2)},
				{Region: order.Tibet, Postage: decimal.New(2000, -2)},
			},
		},
		Carriers: []Carrier{
			{Code: "yto", Name: "圆通速递", Surcharge: decimal.New(0, -2), Aliases: []string{"圆通", "圓通", "yto"}},
			{Code: "zto", Name: "中通快递", Surcharge: decimal.New(0, -2), Aliases: []string{"中通", "zto"}},
			{Code: "sf", Name: "顺丰速运", Regions: sfRegions(), Surcharge: decimal.New(0, -2), Collect: true,
				Aliases: []string{"顺丰", "順豐", "sf"}},
		},
		DefaultCarrier: "yto",
		SFCarrier:      "sf",
		TransitPatterns: []string{
			"中转仓", "转运仓", "中转站", "转运站", "中转中心", "转运中心", "集散中心", "分拨中心", "集运仓",
			"中轉倉", "轉運倉", "中轉站", "轉運站", "中轉中心", "轉運中心", "分撥中心", "集運倉",
		},
		Cutoff:              defaultCutoff,
		NormalWindowDays:    1,
		PromotionWindowDays: 3,
		ReminderLead:        4 * hour,
		Tracking: TrackingLimits{
			NoTrackingAfter:         24 * hour,
			StalledOriginAfter:      48 * hour,
			StalledDestinationAfter: 48 * hour,
			LostAfter:               7 * 24 * hour,
		},
	}
}

func sfRegions() []order.Region {
	var rs []order.Region
	for _, r := range order.Regions() {
		if r.Mainland() || r.HKMOTW() {
			rs = append(rs, r)
		}
	}
	return rs
}

// location resolves the policy's time zone; a name longer than
// maxZoneBytes is refused before any look-up.
func (p Policy) location() (*time.Location, error) {
	if len(p.Zone) > maxZoneBytes {
		return nil, fieldErr("zone", p.Zone, ErrInvalidZone, "longer than "+strconv.Itoa(maxZoneBytes)+" bytes")
	}
	loc, err := tz.Location(p.Zone)
	if err != nil {
		return nil, fieldErr("zone", p.Zone, ErrInvalidZone, "")
	}
	return loc, nil
}

// Location returns the policy's time zone; see [Policy.Zone].
func (p Policy) Location() (*time.Location, error) { return p.location() }

// Carrier returns the carrier with the given code.
func (p Policy) Carrier(code string) (Carrier, bool) {
	for _, c := range p.Carriers {
		if c.Code == code {
			return c, true
		}
	}
	return Carrier{}, false
}

// maxWindowDays bounds dispatch windows: a month is already no promise.
const maxWindowDays = 31

// Bounds of a policy, so that validating one and every rule that reads it
// cost time in proportion to a realistic shop, whatever a file holds
// (issue 10). Text is measured in bytes before it is normalised; a longer
// text or list is refused by [Policy.Validate] without being read further.
const (
	maxZoneBytes    = 64   // a zone name ("America/Argentina/ComodRivadavia" is 32)
	maxCarriers     = 64   // carriers of a shop
	maxAliases      = 32   // names of one carrier
	maxAliasBytes   = 64   // one carrier name as buyers write it
	maxNameBytes    = 200  // a carrier's or a period's display name
	maxPatterns     = 1000 // transit-warehouse patterns
	maxPatternBytes = 200  // one pattern
	maxSKUs         = 1000 // excluded SKUs of one rule
	maxSKUBytes     = 64   // one SKU, as order allows
	maxRegionList   = 64   // regions of one list (kefu knows fewer)
	maxPeriods      = 1000 // periods of one list (big or free-shipping promotions)
)

// Validate checks the policy and returns the first problem as an [*Error]
// naming the field ("carriers[2].regions[0]") and wrapping a sentinel:
// [ErrInvalidAmount] for a negative amount or one with more than two
// decimals, [ErrNegative] for a count or window out of range,
// [ErrUnknownRegion], [ErrInvalidSKU], [ErrUnknownCarrier],
// [ErrInvalidCarrier], [ErrDuplicate], [ErrInvertedPeriod],
// [ErrOverlappingPeriods], [ErrInvalidText], [ErrInvalidZone] or
// [ErrMissing]. Every such error also matches [ErrInvalidPolicy].
func (p Policy) Validate() error { return policyErr(p.validate()) }

func (p Policy) validate() error {
	if _, err := p.location(); err != nil {
		return err
	}
	if err := p.Free.validate("free_shipping"); err != nil {
		return err
	}
	if len(p.FreePromotions) > maxPeriods {
		return fieldErr("free_shipping_promotions", strconv.Itoa(len(p.FreePromotions))+" promotions", ErrNegative, "at most "+strconv.Itoa(maxPeriods))
	}
	periods := make([]Period, len(p.FreePromotions))
	for i, fp := range p.FreePromotions {
		f := "free_shipping_promotions[" + strconv.Itoa(i) + "]"
		if err := fp.Rule.validate(f + ".rule"); err != nil {
			return err
		}
		periods[i] = fp.Period
	}
	if err := validatePeriods("free_shipping_promotions", periods); err != nil {
		return err
	}
	if err := p.validateCarriers(); err != nil {
		return err
	}
	if len(p.TransitPatterns) > maxPatterns {
		return fieldErr("transit_patterns", strconv.Itoa(len(p.TransitPatterns))+" patterns", ErrNegative, "at most "+strconv.Itoa(maxPatterns))
	}
	seen := make(map[string]struct{}, len(p.TransitPatterns))
	for i, s := range p.TransitPatterns {
		f := "transit_patterns[" + strconv.Itoa(i) + "]"
		if err := checkKey(f, s, maxPatternBytes, "an empty pattern matches every address"); err != nil {
			return err
		}
		if _, dup := seen[s]; dup {
			return fieldErr(f, s, ErrDuplicate, "")
		}
		seen[s] = struct{}{}
	}
	if !p.Cutoff.IsValid() {
		return fieldErr("dispatch_cutoff", p.Cutoff.String(), ErrMissing, `set a time such as "16:00"`)
	}
	if p.NormalWindowDays < 1 || p.NormalWindowDays > maxWindowDays {
		return fieldErr("normal_window_days", strconv.Itoa(p.NormalWindowDays), ErrNegative, "must be 1 to "+strconv.Itoa(maxWindowDays))
	}
	if p.PromotionWindowDays < p.NormalWindowDays || p.PromotionWindowDays > maxWindowDays {
		return fieldErr("promotion_window_days", strconv.Itoa(p.PromotionWindowDays), ErrNegative,
			"must be normal_window_days to "+strconv.Itoa(maxWindowDays))
	}
	if p.ReminderLead < 0 || p.ReminderLead > 24*hour {
		return fieldErr("reminder_lead", time.Duration(p.ReminderLead).String(), ErrNegative, "must be 0 to 24h")
	}
	if err := validatePeriods("big_promotions", p.BigPromotions); err != nil {
		return err
	}
	if err := checkDates("non_working_days", p.NonWorkingDays); err != nil {
		return err
	}
	if err := checkDates("working_days", p.WorkingDays); err != nil {
		return err
	}
	off := make(map[Date]struct{}, len(p.NonWorkingDays))
	for _, d := range p.NonWorkingDays {
		off[d] = struct{}{}
	}
	for i, d := range p.WorkingDays {
		if _, dup := off[d]; dup {
			return fieldErr("working_days["+strconv.Itoa(i)+"]", d.String(), ErrDuplicate, "also a non-working day")
		}
	}
	for i, d := range p.WeeklyRest {
		f := "weekly_rest[" + strconv.Itoa(i) + "]"
		if !d.IsValid() {
			return fieldErr(f, d.String(), ErrInvalidText, "")
		}
		if slices.Contains(p.WeeklyRest[:i], d) {
			return fieldErr(f, d.String(), ErrDuplicate, "")
		}
	}
	if len(p.WeeklyRest) >= 7 {
		return fieldErr("weekly_rest", "", ErrNegative, "a warehouse works on some day of the week")
	}
	return p.Tracking.validate()
}

// checkKey checks that s is a non-empty text of at most maxBytes bytes
// written as its comparison key ([textnorm.Key]); empty says why an empty
// one is refused. The length is checked before s is normalised.
func checkKey(field, s string, maxBytes int, empty string) error {
	if len(s) > maxBytes {
		return fieldErr(field, s, ErrInvalidText, "longer than "+strconv.Itoa(maxBytes)+" bytes")
	}
	k, ok := textnorm.Key(s)
	switch {
	case !ok:
		return fieldErr(field, s, ErrInvalidText, "not valid UTF-8")
	case k == "":
		return fieldErr(field, s, ErrMissing, empty)
	case k != s:
		return fieldErr(field, s, ErrInvalidText, "write it as "+strconv.Quote(k))
	}
	return nil
}

// maxDates bounds the lists of non-working and make-up working days: a
// shop lists its holidays for a few years (about 30 a year), and every
// promise scans the list for each day it looks at.
const maxDates = 1000

func checkDates(field string, ds []Date) error {
	if len(ds) > maxDates {
		return fieldErr(field, strconv.Itoa(len(ds))+" days", ErrNegative, "at most "+strconv.Itoa(maxDates))
	}
	seen := make(map[Date]struct{}, len(ds))
	for i, d := range ds {
		f := field + "[" + strconv.Itoa(i) + "]"
		if !d.IsValid() {
			return fieldErr(f, strconv.Itoa(d.Year)+"-"+strconv.Itoa(int(d.Month))+"-"+strconv.Itoa(d.Day), ErrInvalidText, "no such day")
		}
		if _, dup := seen[d]; dup {
			return fieldErr(f, d.String(), ErrDuplicate, "")
		}
		seen[d] = struct{}{}
	}
	return nil
}

func (r FreeShippingRule) validate(field string) error {
	if err := checkMoney(field+".threshold", r.Threshold); err != nil {
		return err
	}
	if err := checkMoney(field+".postage", r.Postage); err != nil {
		return err
	}
	if r.MinQuantity < 0 || r.MinQuantity > yuan.MaxQuantity {
		return fieldErr(field+".min_quantity", strconv.Itoa(r.MinQuantity), ErrNegative, "must be 0 to "+strconv.Itoa(yuan.MaxQuantity))
	}
	if err := checkRegions(field+".excluded_regions", r.ExcludedRegions); err != nil {
		return err
	}
	if len(r.RegionPostage) > maxRegionList {
		return fieldErr(field+".region_postage", strconv.Itoa(len(r.RegionPostage))+" regions", ErrNegative, "at most "+strconv.Itoa(maxRegionList))
	}
	for i, rp := range r.RegionPostage {
		f := field + ".region_postage[" + strconv.Itoa(i) + "]"
		if !rp.Region.IsValid() {
			return fieldErr(f+".region", rp.Region.String(), ErrUnknownRegion, "")
		}
		for _, q := range r.RegionPostage[:i] { // at most 64: no map needed
			if q.Region == rp.Region {
				return fieldErr(f+".region", rp.Region.String(), ErrDuplicate, "")
			}
		}
		if err := checkMoney(f+".postage", rp.Postage); err != nil {
			return err
		}
	}
	if len(r.ExcludedSKUs) > maxSKUs {
		return fieldErr(field+".excluded_skus", strconv.Itoa(len(r.ExcludedSKUs))+" SKUs", ErrNegative, "at most "+strconv.Itoa(maxSKUs))
	}
	seen := make(map[string]struct{}, len(r.ExcludedSKUs))
	for i, s := range r.ExcludedSKUs {
		f := field + ".excluded_skus[" + strconv.Itoa(i) + "]"
		if len(s) > maxSKUBytes {
			// A canonical SKU is at most this long: refused before it is
			// normalised.
			return fieldErr(f, s, ErrInvalidSKU, "longer than "+strconv.Itoa(maxSKUBytes)+" bytes")
		}
		n, err := order.NormalizeSKU(s)
		if err != nil {
			return fieldErr(f, s, ErrInvalidSKU, "")
		}
		if n != s {
			return fieldErr(f, s, ErrInvalidSKU, "write it as "+strconv.Quote(n))
		}
		if _, dup := seen[s]; dup {
			return fieldErr(f, s, ErrDuplicate, "")
		}
		seen[s] = struct{}{}
	}
	return nil
}

func checkMoney(field string, d decimal.Decimal) error {
	fen, ok := yuan.Fen(d)
	switch {
	case !ok && d.Exponent() < -2 && d.NumDigits() <= 18:
		return fieldErr(field, yuan.Text(d), ErrInvalidAmount, "more than two decimals")
	case !ok:
		return fieldErr(field, yuan.Text(d), ErrInvalidAmount, "out of range")
	case fen < 0:
		return fieldErr(field, yuan.Text(d), ErrInvalidAmount, "must not be negative")
	}
	return nil
}

func checkRegions(field string, rs []order.Region) error {
	if len(rs) > maxRegionList {
		return fieldErr(field, strconv.Itoa(len(rs))+" regions", ErrNegative, "at most "+strconv.Itoa(maxRegionList))
	}
	for i, r := range rs {
		f := field + "[" + strconv.Itoa(i) + "]"
		if !r.IsValid() {
			return fieldErr(f, r.String(), ErrUnknownRegion, "")
		}
		if slices.Contains(rs[:i], r) {
			return fieldErr(f, r.String(), ErrDuplicate, "")
		}
	}
	return nil
}

// validatePeriods checks that the list holds at most maxPeriods periods,
// that each is set and ends after it starts, and that none overlaps
// another. Overlaps are found by sorting and sweeping — O(n log n), not
// every pair — and reported on the later of the two in list order.
func validatePeriods(field string, ps []Period) error {
	if len(ps) > maxPeriods {
		return fieldErr(field, strconv.Itoa(len(ps))+" periods", ErrNegative, "at most "+strconv.Itoa(maxPeriods))
	}
	for i, p := range ps {
		f := field + "[" + strconv.Itoa(i) + "]"
		if p.Start.IsZero() {
			return fieldErr(f+".start", "", ErrMissing, "")
		}
		if p.End.IsZero() {
			return fieldErr(f+".end", "", ErrMissing, "")
		}
		if !p.End.After(p.Start) {
			return fieldErr(f+".end", p.End.Format(time.RFC3339), ErrInvertedPeriod, "starts "+p.Start.Format(time.RFC3339))
		}
		if len(p.Name) > maxNameBytes {
			return fieldErr(f+".name", p.Name, ErrInvalidText, "longer than "+strconv.Itoa(maxNameBytes)+" bytes")
		}
		if !utf8.ValidString(p.Name) {
			return fieldErr(f+".name", p.Name, ErrInvalidText, "not valid UTF-8")
		}
	}
	if len(ps) < 2 {
		return nil
	}
	// Sweep in order of start: a period overlaps an earlier-starting one
	// exactly when it starts before the latest end seen so far.
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int {
		if c := ps[a].Start.Compare(ps[b].Start); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	reach := idx[0] // the period with the latest end so far
	for _, i := range idx[1:] {
		if ps[i].Start.Before(ps[reach].End) {
			a, b := min(i, reach), max(i, reach)
			return fieldErr(field+"["+strconv.Itoa(b)+"]", ps[b].Name, ErrOverlappingPeriods,
				"overlaps "+field+"["+strconv.Itoa(a)+"]")
		}
		if ps[i].End.After(ps[reach].End) {
			reach = i
		}
	}
	return nil
}

func (p Policy) validateCarriers() error {
	if len(p.Carriers) == 0 {
		return fieldErr("carriers", "", ErrMissing, "a shop ships with at least one carrier")
	}
	if len(p.Carriers) > maxCarriers {
		return fieldErr("carriers", strconv.Itoa(len(p.Carriers))+" carriers", ErrNegative, "at most "+strconv.Itoa(maxCarriers))
	}
	aliases := make(map[string]string) // alias → carrier code
	if p.DefaultCarrier == "" {
		return fieldErr("default_carrier", "", ErrMissing, "")
	}
	if _, ok := p.Carrier(p.DefaultCarrier); !ok {
		return fieldErr("default_carrier", p.DefaultCarrier, ErrUnknownCarrier, "not among carriers")
	}
	if p.SFCarrier != "" {
		if _, ok := p.Carrier(p.SFCarrier); !ok {
			return fieldErr("sf_carrier", p.SFCarrier, ErrUnknownCarrier, "not among carriers")
		}
	}
	for i, c := range p.Carriers {
		f := "carriers[" + strconv.Itoa(i) + "]"
		if !validCode(c.Code) {
			return fieldErr(f+".code", c.Code, ErrInvalidText, "use lower-case letters, digits, '-' and '_'")
		}
		for j := range i {
			if p.Carriers[j].Code == c.Code {
				return fieldErr(f+".code", c.Code, ErrDuplicate, "")
			}
		}
		if len(c.Name) > maxNameBytes {
			return fieldErr(f+".name", c.Name, ErrInvalidText, "longer than "+strconv.Itoa(maxNameBytes)+" bytes")
		}
		if !utf8.ValidString(c.Name) {
			return fieldErr(f+".name", c.Name, ErrInvalidText, "not valid UTF-8")
		}
		if err := checkRegions(f+".regions", c.Regions); err != nil {
			return err
		}
		if err := checkRegions(f+".except", c.Except); err != nil {
			return err
		}
		if err := checkMoney(f+".surcharge", c.Surcharge); err != nil {
			return err
		}
		if len(c.Aliases) > maxAliases {
			return fieldErr(f+".aliases", strconv.Itoa(len(c.Aliases))+" aliases", ErrNegative, "at most "+strconv.Itoa(maxAliases))
		}
		for k, a := range c.Aliases {
			fa := f + ".aliases[" + strconv.Itoa(k) + "]"
			if err := checkKey(fa, a, maxAliasBytes, "an empty alias names every carrier"); err != nil {
				return err
			}
			switch other, dup := aliases[a]; {
			case dup && other == c.Code:
				return fieldErr(fa, a, ErrDuplicate, "")
			case dup:
				return fieldErr(fa, a, ErrDuplicate, "also names "+strconv.Quote(other))
			}
			aliases[a] = c.Code
		}
		// Rule S3: only SF Express serves Hong Kong, Macao and Taiwan.
		if c.Code != p.SFCarrier {
			for k, r := range c.Regions {
				if r.HKMOTW() {
					return fieldErr(f+".regions["+strconv.Itoa(k)+"]", r.String(), ErrInvalidCarrier,
						"only the SF carrier ships to Hong Kong, Macao and Taiwan (rule S3)")
				}
			}
		}
	}
	return nil
}

func validCode(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
			return false
		}
	}
	return true
}

func (t TrackingLimits) validate() error {
	for _, l := range [...]struct {
		name string
		d    order.Duration
	}{
		{"tracking.no_tracking_after", t.NoTrackingAfter},
		{"tracking.stalled_origin_after", t.StalledOriginAfter},
		{"tracking.stalled_destination_after", t.StalledDestinationAfter},
		{"tracking.lost_after", t.LostAfter},
	} {
		if l.d <= 0 {
			return fieldErr(l.name, time.Duration(l.d).String(), ErrNegative, "must be positive")
		}
	}
	if t.LostAfter < t.StalledOriginAfter || t.LostAfter < t.StalledDestinationAfter || t.LostAfter < t.NoTrackingAfter {
		return fieldErr("tracking.lost_after", time.Duration(t.LostAfter).String(), ErrNegative,
			"must not be shorter than the no-tracking and stall limits")
	}
	return nil
}
