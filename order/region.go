package order

import (
	"strings"

	"github.com/kefu-go/kefu/internal/enum"
	"github.com/kefu-go/kefu/internal/textnorm"
)

// Region is where an address lies, at the level shop rules key on: each
// province-level division of the mainland, Hong Kong, Macao, Taiwan, and
// abroad. The zero value, [RegionUnknown], means the address does not say.
//
// Its text form is a stable snake_case name ("zhejiang", "hong_kong");
// [ParseRegion] also accepts ISO 3166-2 codes ("CN-ZJ") and Chinese names
// ("浙江", "浙江省", "臺灣").
type Region uint8

// Regions, in the order of the national administrative division codes.
const (
	RegionUnknown Region = iota
	Beijing
	Tianjin
	Hebei
	Shanxi
	InnerMongolia
	Liaoning
	Jilin
	Heilongjiang
	Shanghai
	Jiangsu
	Zhejiang
	Anhui
	Fujian
	Jiangxi
	Shandong
	Henan
	Hubei
	Hunan
	Guangdong
	Guangxi
	Hainan
	Chongqing
	Sichuan
	Guizhou
	Yunnan
	Tibet
	Shaanxi
	Gansu
	Qinghai
	Ningxia
	Xinjiang
	HongKong
	Macao
	Taiwan
	Abroad
	numRegions
)

type regionInfo struct {
	name    string   // stable snake_case text form
	iso     string   // ISO 3166-2 code
	zh      string   // full Simplified Chinese name, as addresses write it
	aliases []string // short and Traditional names
}

var regions = [numRegions]regionInfo{
	RegionUnknown: {},
	Beijing:       {"beijing", "CN-BJ", "北京市", []string{"北京"}},
	Tianjin:       {"tianjin", "CN-TJ", "天津市", []string{"天津"}},
	Hebei:         {"hebei", "CN-HE", "河北省", []string{"河北"}},
	Shanxi:        {"shanxi", "CN-SX", "山西省", []string{"山西"}},
	InnerMongolia: {"inner_mongolia", "CN-NM", "内蒙古自治区", []string{"内蒙古", "內蒙古", "內蒙古自治區"}},
	Liaoning:      {"liaoning", "CN-LN", "辽宁省", []string{"辽宁", "遼寧", "遼寧省"}},
	Jilin:         {"jilin", "CN-JL", "吉林省", []string{"吉林"}},
	Heilongjiang:  {"heilongjiang", "CN-HL", "黑龙江省", []string{"黑龙江", "黑龍江", "黑龍江省"}},
	Shanghai:      {"shanghai", "CN-SH", "上海市", []string{"上海"}},
	Jiangsu:       {"jiangsu", "CN-JS", "江苏省", []string{"江苏", "江蘇", "江蘇省"}},
	Zhejiang:      {"zhejiang", "CN-ZJ", "浙江省", []string{"浙江"}},
	Anhui:         {"anhui", "CN-AH", "安徽省", []string{"安徽"}},
	Fujian:        {"fujian", "CN-FJ", "福建省", []string{"福建"}},
	Jiangxi:       {"jiangxi", "CN-JX", "江西省", []string{"江西"}},
	Shandong:      {"shandong", "CN-SD", "山东省", []string{"山东", "山東", "山東省"}},
	Henan:         {"henan", "CN-HA", "河南省", []string{"河南"}},
	Hubei:         {"hubei", "CN-HB", "湖北省", []string{"湖北"}},
	Hunan:         {"hunan", "CN-HN", "湖南省", []string{"湖南"}},
	Guangdong:     {"guangdong", "CN-GD", "广东省", []string{"广东", "廣東", "廣東省"}},
	Guangxi:       {"guangxi", "CN-GX", "广西壮族自治区", []string{"广西", "廣西", "广西自治区", "廣西壯族自治區"}},
	Hainan:        {"hainan", "CN-HI", "海南省", []string{"海南"}},
	Chongqing:     {"chongqing", "CN-CQ", "重庆市", []string{"重庆", "重慶", "重慶市"}},
	Sichuan:       {"sichuan", "CN-SC", "四川省", []string{"四川"}},
	Guizhou:       {"guizhou", "CN-GZ", "贵州省", []string{"贵州", "貴州", "貴州省"}},
	Yunnan:        {"yunnan", "CN-YN", "云南省", []string{"云南", "雲南", "雲南省"}},
	Tibet:         {"tibet", "CN-XZ", "西藏自治区", []string{"西藏", "西藏自治區"}},
	Shaanxi:       {"shaanxi", "CN-SN", "陕西省", []string{"陕西", "陝西", "陝西省"}},
	Gansu:         {"gansu", "CN-GS", "甘肃省", []string{"甘肃", "甘肅", "甘肅省"}},
	Qinghai:       {"qinghai", "CN-QH", "青海省", []string{"青海"}},
	Ningxia:       {"ningxia", "CN-NX", "宁夏回族自治区", []string{"宁夏", "寧夏", "寧夏回族自治區"}},
	Xinjiang:      {"xinjiang", "CN-XJ", "新疆维吾尔自治区", []string{"新疆", "新疆維吾爾自治區"}},
	HongKong:      {"hong_kong", "CN-HK", "香港特别行政区", []string{"香港", "香港特別行政區"}},
	Macao:         {"macao", "CN-MO", "澳门特别行政区", []string{"澳门", "澳門", "澳門特別行政區", "macau"}},
	Taiwan:        {"taiwan", "CN-TW", "台湾", []string{"台湾省", "臺灣", "台灣", "臺灣省", "台灣省"}},
	Abroad:        {"abroad", "", "海外", []string{"国外", "境外", "國外"}},
}

// regionNames is the names table for String and text encoding.
var regionNames = func() []string {
	n := make([]string, numRegions)
	for i, r := range regions {
		n[i] = r.name
	}
	return n
}()

// regionLookup maps every accepted spelling, case-folded, to its region.
// It is built once and only read afterwards.
var regionLookup = func() map[string]Region {
	m := make(map[string]Region, int(numRegions)*5)
	for i := Region(1); i < numRegions; i++ {
		r := regions[i]
		m[r.name] = i
		m[strings.ReplaceAll(r.name, "_", "")] = i
		if r.iso != "" {
			m[strings.ToLower(r.iso)] = i
		}
		m[r.zh] = i
		for _, a := range r.aliases {
			m[strings.ToLower(a)] = i
		}
	}
	return m
}()

// Regions returns every known region, in order, without [RegionUnknown].
func Regions() []Region {
	out := make([]Region, 0, numRegions-1)
	for r := Region(1); r < numRegions; r++ {
		out = append(out, r)
	}
	return out
}

// ParseRegion returns the region named by s: a snake_case name
// ("inner_mongolia"), an ISO 3166-2 code ("CN-NM"), or a Chinese name in
// Simplified or Traditional script, with or without its suffix ("内蒙古",
// "內蒙古自治區"). Case, width and surrounding space do not matter. An
// unknown name is an error wrapping [ErrUnknownRegion]; so is text longer
// than 360 bytes, refused before it is normalised.
func ParseRegion(s string) (Region, error) {
	if tooLong(s, maxNameBytes) {
		return RegionUnknown, fieldErr("region", s, ErrUnknownRegion, "too long")
	}
	k, ok := textnorm.Key(s)
	if !ok {
		return RegionUnknown, fieldErr("region", s, ErrInvalidText, "")
	}
	if r, ok := regionLookup[k]; ok {
		return r, nil
	}
	return RegionUnknown, fieldErr("region", s, ErrUnknownRegion, "")
}

// String returns the region's snake_case name, or "Region(N)" for a value
// out of range. [RegionUnknown] prints as "Region(0)".
func (r Region) String() string { return enum.Name(regionNames, int(r), "Region") }

// IsValid reports whether r is a known region (not [RegionUnknown]).
func (r Region) IsValid() bool { return r > RegionUnknown && r < numRegions }

// ISO returns the region's ISO 3166-2 subdivision code ("CN-ZJ"); it is
// empty for [Abroad] and invalid regions.
func (r Region) ISO() string {
	if !r.IsValid() {
		return ""
	}
	return regions[r].iso
}

// Chinese returns the region's full Simplified Chinese name as an address
// writes it ("浙江省", "香港特别行政区", "海外"); empty for invalid regions.
func (r Region) Chinese() string {
	if !r.IsValid() {
		return ""
	}
	return regions[r].zh
}

// Mainland reports whether r is a province-level division of the mainland:
// not Hong Kong, Macao, Taiwan or abroad.
func (r Region) Mainland() bool { return r >= Beijing && r <= Xinjiang }

// HKMOTW reports whether r is Hong Kong, Macao or Taiwan, where shops ship
// only with SF Express (rule S3).
func (r Region) HKMOTW() bool { return r == HongKong || r == Macao || r == Taiwan }

// MarshalText returns the snake_case name; an invalid region is an error,
// so an unknown value is never persisted. [RegionUnknown] encodes as "".
func (r Region) MarshalText() ([]byte, error) {
	if r == RegionUnknown {
		return []byte{}, nil
	}
	if !r.IsValid() {
		return nil, fieldErr("region", r.String(), ErrUnknownRegion, "")
	}
	return []byte(regions[r].name), nil
}

// UnmarshalText accepts what [ParseRegion] accepts; "" is [RegionUnknown].
func (r *Region) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = RegionUnknown
		return nil
	}
	v, err := ParseRegion(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
