package notes

import "github.com/kefu-go/kefu/shipping"

// leftWarehouse reports whether a parcel at stage s has left the
// warehouse: outbound or any later stage with the courier, lost and
// damaged included (rules N3, S7). A printed waybill or picked goods can
// still stay.
func leftWarehouse(s shipping.Stage) bool { return s.IsValid() && s >= shipping.Outbound }
