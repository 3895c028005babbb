package notes

import "github.com/kefu-go/kefu/internal/enum"

// This file is notes' only view of how far a parcel has got. Package
// shipping is gaining its own Stage (warehouse: cut, printed, picked,
// outbound; then the courier's stages), numbered as the constants below.
// When it lands, the switch is one line (plus the import) —
// ParcelStage's definition below becomes
//
//	type ParcelStage = shipping.Stage
//
// and the rest of this file (parcelStage and its methods) can go. Nothing
// else in notes names a stage beyond ParcelStage, the Stage… constants
// and leftWarehouse.

// ParcelStage is how far a parcel has got in the warehouse (rule S7): the
// order is cut (截单), the waybill printed (打单), the goods picked (拣货),
// and the parcel outbound (出库). Outbound stands for every later stage:
// once outbound, only the courier can stop it. The zero value is no
// stage. A ParcelStage has String, IsValid, MarshalText and UnmarshalText
// with the snake_case names "cut", "printed", "picked" and "outbound".
type ParcelStage = parcelStage

// Parcel stages, in order, numbered as package shipping numbers its
// warehouse stages.
const (
	StageUnknown  ParcelStage = 0
	StageCut      ParcelStage = 1
	StagePrinted  ParcelStage = 2
	StagePicked   ParcelStage = 3
	StageOutbound ParcelStage = 4
)

// leftWarehouse reports whether a parcel at stage s has left the
// warehouse: outbound or any later stage (rules N3, S7). A printed
// waybill or picked goods can still stay.
func leftWarehouse(s ParcelStage) bool { return s >= StageOutbound }

// parcelStage is notes' stand-in for shipping's stage type; see the top
// of this file.
type parcelStage uint8

var stageNames = []string{"", "cut", "printed", "picked", "outbound"}

// String returns the snake_case name.
func (s parcelStage) String() string { return enum.Name(stageNames, int(s), "ParcelStage") }

// IsValid reports whether s is a known stage.
func (s parcelStage) IsValid() bool { return s > 0 && int(s) < len(stageNames) }

// MarshalText returns the snake_case name.
func (s parcelStage) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fieldErr("stage", s.String(), ErrUnknownEnum, "")
	}
	return []byte(stageNames[s]), nil
}

// UnmarshalText accepts the snake_case names.
func (s *parcelStage) UnmarshalText(b []byte) error {
	i, ok := enum.Index(stageNames, string(b))
	if !ok {
		return fieldErr("stage", string(b), ErrUnknownEnum, "")
	}
	*s = parcelStage(i)
	return nil
}
