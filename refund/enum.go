package refund

import (
	"github.com/kefu-go/kefu/internal/enum"
)

// enumInfo describes one of the package's enums: its names table (index 0,
// the zero value, has no name unless zeroName is set), the type name for
// out-of-range values, the field an error names and the sentinel it wraps.
type enumInfo struct {
	names    []string
	typ      string
	field    string
	sentinel error
	zeroOK   bool // the zero value is meaningful and has names[0] as its text
}

func (e *enumInfo) name(i uint8) string {
	if i == 0 && !e.zeroOK {
		return enum.Name(nil, 0, e.typ)
	}
	return enum.Name(e.names, int(i), e.typ)
}

func (e *enumInfo) valid(i uint8) bool {
	return int(i) < len(e.names) && (i > 0 || e.zeroOK)
}

func (e *enumInfo) parse(s string) (uint8, error) {
	if e.zeroOK && s == e.names[0] && s != "" {
		return 0, nil
	}
	if i, ok := enum.Index(e.names, s); ok {
		return uint8(i), nil
	}
	return 0, fieldErr(e.field, s, e.sentinel, "")
}

func (e *enumInfo) marshal(i uint8) ([]byte, error) {
	if !e.valid(i) {
		return nil, fieldErr(e.field, e.name(i), e.sentinel, "")
	}
	return []byte(e.names[i]), nil
}

func (e *enumInfo) unmarshal(b []byte, dst *uint8) error {
	v, err := e.parse(string(b))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}
