package shipping

import (
	"encoding/json"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/order"
)

// money is an amount that encodes in JSON as text with exactly two
// decimals ("99.00"), as the platform carries money, and decodes whatever
// decimal accepts; Validate then rejects more than two decimals.
type money decimal.Decimal

func (m money) MarshalJSON() ([]byte, error) {
	return []byte(`"` + decimal.Decimal(m).StringFixed(2) + `"`), nil
}

func (m *money) UnmarshalJSON(b []byte) error { return (*decimal.Decimal)(m).UnmarshalJSON(b) }

type freeRuleJSON struct {
	Off             bool           `json:"off,omitempty"`
	Threshold       money          `json:"threshold"`
	MinQuantity     int            `json:"min_quantity,omitempty"`
	RequireBoth     bool           `json:"require_both,omitempty"`
	ExcludedRegions []order.Region `json:"excluded_regions"`
	ExcludedSKUs    []string       `json:"excluded_skus,omitempty"`
	Postage         money          `json:"postage"`
}

// MarshalJSON encodes the rule with its amounts as text with two decimals.
func (r FreeShippingRule) MarshalJSON() ([]byte, error) {
	return json.Marshal(freeRuleJSON{r.Off, money(r.Threshold), r.MinQuantity, r.RequireBoth,
		r.ExcludedRegions, r.ExcludedSKUs, money(r.Postage)})
}

// UnmarshalJSON decodes the rule; amounts may be JSON strings or numbers.
func (r *FreeShippingRule) UnmarshalJSON(b []byte) error {
	var w freeRuleJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*r = FreeShippingRule{w.Off, decimal.Decimal(w.Threshold), w.MinQuantity, w.RequireBoth,
		w.ExcludedRegions, w.ExcludedSKUs, decimal.Decimal(w.Postage)}
	return nil
}

type carrierJSON struct {
	Code      string         `json:"code"`
	Name      string         `json:"name,omitempty"`
	Regions   []order.Region `json:"regions,omitempty"`
	Except    []order.Region `json:"except,omitempty"`
	Surcharge money          `json:"surcharge"`
	Collect   bool           `json:"freight_collect,omitempty"`
}

// MarshalJSON encodes the carrier with its surcharge as text with two
// decimals.
func (c Carrier) MarshalJSON() ([]byte, error) {
	return json.Marshal(carrierJSON{c.Code, c.Name, c.Regions, c.Except, money(c.Surcharge), c.Collect})
}

// UnmarshalJSON decodes a carrier; the surcharge may be a JSON string or
// number.
func (c *Carrier) UnmarshalJSON(b []byte) error {
	var w carrierJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Carrier{w.Code, w.Name, w.Regions, w.Except, decimal.Decimal(w.Surcharge), w.Collect}
	return nil
}

// setFromNames builds a set from snake_case names with the names table of
// its enum; an unknown name is an error wrapping err.
func setFromNames(b []byte, field string, names []string, err error) (uint64, error) {
	var list []string
	if e := json.Unmarshal(b, &list); e != nil {
		return 0, e
	}
	var set uint64
	for _, s := range list {
		i, ok := enum.Index(names, s)
		if !ok || i >= 64 {
			return 0, fieldErr(field, s, err, "")
		}
		set |= 1 << i
	}
	return set, nil
}

// MarshalJSON encodes the set as a JSON array of snake_case names, so that
// stored decisions never depend on the codes' numbers.
func (s ReasonSet) MarshalJSON() ([]byte, error) { return json.Marshal(s.Strings()) }

// UnmarshalJSON decodes an array of names; an unknown one is an error
// wrapping [ErrUnknownReason], and s is left unchanged.
func (s *ReasonSet) UnmarshalJSON(b []byte) error {
	v, err := setFromNames(b, "reason", reasonNames, ErrUnknownReason)
	if err != nil {
		return err
	}
	*s = ReasonSet(v)
	return nil
}

// MarshalJSON encodes the set as a JSON array of snake_case names.
func (s ActionSet) MarshalJSON() ([]byte, error) {
	return json.Marshal(enum.Strings[Action](uint64(s)))
}

// UnmarshalJSON decodes an array of names; an unknown one is an error
// wrapping [ErrUnknownStage], and s is left unchanged.
func (s *ActionSet) UnmarshalJSON(b []byte) error {
	v, err := setFromNames(b, "action", actionNames, ErrUnknownStage)
	if err != nil {
		return err
	}
	*s = ActionSet(v)
	return nil
}

// MarshalJSON encodes the set as a JSON array of snake_case names.
func (s RemedySet) MarshalJSON() ([]byte, error) {
	return json.Marshal(enum.Strings[Remedy](uint64(s)))
}

// UnmarshalJSON decodes an array of names; an unknown one is an error
// wrapping [ErrUnknownStage], and s is left unchanged.
func (s *RemedySet) UnmarshalJSON(b []byte) error {
	v, err := setFromNames(b, "remedy", remedyNames, ErrUnknownStage)
	if err != nil {
		return err
	}
	*s = RemedySet(v)
	return nil
}
