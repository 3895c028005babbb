package perftest

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/pricing"
	"github.com/kefu-go/kefu/shipping"
)

// Fixture is a generated JSON-lines file of orders, each line an object
// {"order": {…}, "concession": {…}}: the order as the platform sends it
// ([order.Spec]'s JSON, amounts as text with two decimals) and one
// concession an agent asks to give on it.
type Fixture struct {
	// Data is the file: one object per line, each ending in '\n'.
	Data []byte
	// Lines are the lines of Data, without their '\n'.
	Lines [][]byte
	// Edge[i] reports whether line i holds an amount at a threshold: net
	// goods at the free-shipping threshold or a cent either side of it
	// (rule S1), or a concession at a role's limit — gift, postage, price
	// cut amount or share, the exact change to erase — or a cent above
	// it (rules A3, P3).
	Edge []bool
	// Now is a time after every order of the fixture was placed, for the
	// triage.
	Now time.Time
}

// cst is China Standard Time, the fixture's zone.
var cst = time.FixedZone("CST", 8*60*60)

// The fixture's catalogue, people and places.
var (
	skuPrefixes = [...]string{"TEA", "CUP", "LX", "BAG", "SCF", "PEN"}
	priceFen    = [...]int64{990, 1990, 2900, 3990, 4950, 5900, 6425, 8800, 9900, 12800, 16800, 1999, 2550, 7500}
	titles      = [...]string{"龙井 250g", "碧螺春", "羊毛围巾", "保温杯", "帆布包", "钢笔", "红茶礼盒", "真丝丝巾"}
	giftTitles  = [...]string{"品茗杯", "试用装", "钥匙扣", "明信片", "茶包"}
	nicks       = [...]string{"小王", "小李", "阿珍", "大刘", "lily", "tea_lover", "小鹿", "老周"}
	recipients  = [...]string{"张三", "李四", "王芳", "赵敏", "陈晨", "刘洋", "Chan Tai Man", "林美玲"}
	cities      = [...]string{"杭州市", "苏州市", "南京市", "广州市", "深圳市", "成都市", "武汉市", "宁波市"}
	districts   = [...]string{"西湖区", "吴中区", "鼓楼区", "天河区", "南山区", "武侯区", "江汉区", "鄞州区"}
	streets     = [...]string{"文三路", "东山镇", "中山路", "天河路", "科技园", "人民南路", "解放大道", "中山东路"}
	messages    = [...]string{"请尽快发货", "能指定日期送到吗", "可以返现吗"}
	agents      = [...][2]string{order.PreSales: {"xiaomei", "小美"}, order.InSales: {"zhang3", "张三丰"},
		order.AfterSales: {"li4", "李思"}, order.ReviewHandling: {"wang5", "王武"},
		order.TeamLeader: {"laowang", "老王"}, order.StoreManager: {"dianzhang", "店长"}}
)

// provinces are the provinces of the fixture's addresses with their
// weights: mostly the big mainland ones, a few of the regions that never
// ship free (rule S1) and of Hong Kong, Macao and Taiwan (rule S3).
var provinces = [...]struct {
	r order.Region
	w int
}{
	{order.Zhejiang, 150}, {order.Jiangsu, 120}, {order.Shanghai, 100}, {order.Guangdong, 150},
	{order.Beijing, 80}, {order.Sichuan, 60}, {order.Hubei, 50}, {order.Shandong, 60},
	{order.Henan, 40}, {order.Fujian, 40}, {order.Anhui, 30}, {order.Hunan, 30},
	{order.Xinjiang, 20}, {order.Tibet, 10}, {order.HongKong, 10}, {order.Macao, 5},
	{order.Taiwan, 5}, {order.Abroad, 5},
}

// Fixture JSON, as the platform writes it.
type (
	genLine struct {
		SKU       string `json:"sku"`
		Title     string `json:"title,omitempty"`
		Quantity  int    `json:"quantity"`
		UnitPrice string `json:"unit_price"`
		Gift      bool   `json:"gift,omitempty"`
	}
	genAddress struct {
		Recipient string `json:"recipient"`
		Phone     string `json:"phone"`
		Province  string `json:"province"`
		City      string `json:"city"`
		District  string `json:"district,omitempty"`
		Detail    string `json:"detail"`
	}
	genBuyer struct {
		ID   string `json:"id"`
		Nick string `json:"nick,omitempty"`
	}
	genOrder struct {
		ID           string     `json:"id"`
		Buyer        genBuyer   `json:"buyer"`
		Lines        []genLine  `json:"lines"`
		Address      genAddress `json:"address"`
		Payment      string     `json:"payment"`
		Message      string     `json:"buyer_message,omitempty"`
		Postage      string     `json:"postage"`
		Discount     string     `json:"discount"`
		Status       string     `json:"status"`
		CreatedAt    time.Time  `json:"created_at"`
		PaidAt       time.Time  `json:"paid_at,omitzero"`
		DispatchedAt time.Time  `json:"dispatched_at,omitzero"`
		ReceivedAt   time.Time  `json:"received_at,omitzero"`
		ClosedAt     time.Time  `json:"closed_at,omitzero"`
	}
	genAgent struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Role string `json:"role"`
	}
	genUsage struct {
		Day          string `json:"day,omitempty"`
		Erases       int    `json:"erases"`
		PriceChanges int    `json:"price_changes"`
	}
	genConcession struct {
		Agent  genAgent  `json:"agent"`
		Kind   string    `json:"kind"`
		Amount string    `json:"amount"`
		At     time.Time `json:"at"`
		Usage  genUsage  `json:"usage"`
	}
	genEnvelope struct {
		Order      genOrder      `json:"order"`
		Concession genConcession `json:"concession"`
	}
)

// yuanText renders fen as "128.50".
func yuanText(f int64) string {
	c := f % 100
	return strconv.FormatInt(f/100, 10) + "." + string(rune('0'+c/10)) + string(rune('0'+c%10))
}

// generator holds the defaults the edges are placed at.
type generator struct {
	rng       *rand.Rand
	threshold int64 // fen, rule S1
	excluded  [regionCount]bool
	limits    pricing.Limits
	weights   int
}

// Generate returns a fixture of n orders (at most 10 million) made from
// seed: the same n and seed give the same bytes. Its mix, per hundred
// orders: 1–3 lines (goods, sometimes a gift); about 5 with net goods at
// the default free-shipping threshold or a cent either side and 5 with a
// concession at the requester's limit or a cent above (the Edge lines);
// 72 awaiting dispatch, 15 awaiting payment, the rest dispatched,
// finished or closed; 1 cash on delivery; about 4 to regions that never
// ship free and 2 to Hong Kong, Macao or Taiwan; 1 without a province, 1
// without a phone and 1 to a courier transit warehouse; buyers with
// several orders (some to another address, some for the same SKU); a few
// messages asking for a date or cash back.
func Generate(n int, seed uint64) Fixture {
	n = max(0, min(n, 10_000_000))
	g := generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	sp := shipping.DefaultPolicy()
	g.threshold, _ = fen(sp.Free.Threshold)
	for _, r := range sp.Free.ExcludedRegions {
		g.excluded[r] = true
	}
	g.limits = pricing.DefaultPolicy().Limits
	for _, p := range provinces {
		g.weights += p.w
	}
	start := time.Date(2026, 11, 10, 0, 0, 0, 0, cst)
	f := Fixture{Data: make([]byte, 0, n*700), Lines: make([][]byte, 0, n), Edge: make([]bool, 0, n),
		Now: start.Add(36 * time.Hour)}
	buyers := n*7/10 + 1
	for i := range n {
		e, edge := g.line(i, buyers, start)
		b, err := json.Marshal(e)
		if err != nil {
			panic(err) // the generator's own types always encode
		}
		f.Data = append(append(f.Data, b...), '\n')
		f.Edge = append(f.Edge, edge)
	}
	// Slice the lines only once Data no longer grows.
	for rest := f.Data; len(rest) > 0; {
		k := 0
		for rest[k] != '\n' {
			k++
		}
		f.Lines = append(f.Lines, rest[:k:k])
		rest = rest[k+1:]
	}
	return f
}

func (g *generator) pct(p int) bool { return g.rng.IntN(100) < p }

// address returns buyer b's address; the same buyer mostly writes the
// same one.
func (g *generator) address(b int) (genAddress, order.Region) {
	w := (b*2654435761 + 12345) % g.weights
	var r order.Region
	for _, p := range provinces {
		if w < p.w {
			r = p.r
			break
		}
		w -= p.w
	}
	k := b % len(cities)
	a := genAddress{Recipient: recipients[b%len(recipients)], Phone: "13" + strconv.Itoa(800000000+b%100000000),
		Province: r.Chinese(), City: cities[k], District: districts[k],
		Detail: streets[(b/7)%len(streets)] + strconv.Itoa(1+b%300) + "号"}
	switch r {
	case order.HongKong, order.Macao, order.Taiwan:
		a.Phone, a.City, a.District = "852"+strconv.Itoa(51000000+b%1000000), r.Chinese(), ""
	case order.Abroad:
		a.Phone, a.City, a.District = "1"+strconv.Itoa(4155550000+b%10000), "美国", ""
	}
	return a, r
}

func (g *generator) line(i, buyers int, start time.Time) (genEnvelope, bool) {
	rng := g.rng
	b := rng.IntN(buyers)
	var o genOrder
	o.ID = "T" + strconv.Itoa(202611100000000+i)
	o.Buyer = genBuyer{ID: "tb_" + strconv.Itoa(100000+b), Nick: nicks[b%len(nicks)]}
	addr, region := g.address(b)
	switch r := rng.IntN(100); {
	case r < 2:
		addr.Detail = streets[rng.IntN(len(streets))] + strconv.Itoa(300+rng.IntN(300)) + "号" // moved
	case r < 3:
		addr.Phone = ""
	case r < 4:
		addr.Province, region = "", order.RegionUnknown
	case r < 5 && region.Mainland():
		addr.Detail = "稠州北路中转仓" + strconv.Itoa(1+rng.IntN(9)) + "号" // a courier transit warehouse (rule S4)
	}
	o.Address = addr
	o.Payment = "online"

	// Lines: the edges have net goods at the threshold or a cent either
	// side; the others one or two goods lines from the catalogue.
	var goods, discount int64
	freeEdge := g.pct(5)
	if freeEdge {
		discount = [...]int64{0, 500, 1000}[rng.IntN(3)]
		price := g.threshold + int64(rng.IntN(3)-1) + discount
		o.Lines = append(o.Lines, genLine{SKU: "TEA-" + strconv.Itoa(100+rng.IntN(40)), Title: titles[0], Quantity: 1,
			UnitPrice: yuanText(price)})
		goods = price
	} else {
		k := rng.IntN(60)
		for j := range 1 + rng.IntN(2) {
			k = (k + j*17) % 60 // a second line is another SKU
			q := 1
			if r := rng.IntN(10); r >= 9 {
				q = 3
			} else if r >= 7 {
				q = 2
			}
			p := priceFen[k%len(priceFen)]
			o.Lines = append(o.Lines, genLine{SKU: skuPrefixes[k%len(skuPrefixes)] + "-" + strconv.Itoa(1000+k*7),
				Title: titles[k%len(titles)], Quantity: q, UnitPrice: yuanText(p)})
			goods += p * int64(q)
		}
		switch r := rng.IntN(10); {
		case r == 8 && goods >= 500:
			discount = 500
		case r == 9 && goods >= 1000:
			discount = 1000
		}
	}
	if g.pct(40) {
		k := rng.IntN(len(giftTitles))
		o.Lines = append(o.Lines, genLine{SKU: "GIFT-0" + strconv.Itoa(k+1), Title: giftTitles[k], Quantity: 1,
			UnitPrice: "0.00", Gift: true})
	}
	net := goods - discount
	var postage int64
	free := net >= g.threshold && region.IsValid() && !g.excluded[region]
	switch {
	case free && g.pct(5):
		postage = 1000 // charged although it ships free (rule S2)
	case free, region.HKMOTW():
	default:
		std := int64(1000) // the default policy's standard postage (rule S2)
		if region == order.Xinjiang || region == order.Tibet {
			std = 2000 // remote regions cost more in the default policy
		}
		postage = [...]int64{std, std, std, std, std, std, std, std, std - 200, 0}[rng.IntN(10)]
	}
	o.Postage, o.Discount = yuanText(postage), yuanText(discount)
	if g.pct(10) {
		o.Message = messages[[...]int{0, 0, 0, 0, 0, 0, 0, 1, 1, 2}[rng.IntN(10)]]
	}

	// Status and times.
	created := start.Add(time.Duration(rng.Int64N(35*3600)) * time.Second)
	o.CreatedAt = created
	paidAt := created.Add(5 * time.Minute)
	switch r := rng.IntN(100); {
	case r < 72:
		o.Status, o.PaidAt = "WAIT_SELLER_SEND_GOODS", paidAt
		if r == 0 {
			o.Payment, o.PaidAt = "cod", time.Time{} // cash on delivery, not yet confirmed (rule S9)
		}
	case r < 87:
		o.Status = "WAIT_BUYER_PAY"
	case r < 93:
		o.Status, o.PaidAt, o.DispatchedAt = "WAIT_BUYER_CONFIRM_GOODS", paidAt, paidAt.Add(2*time.Hour)
	case r < 96:
		o.Status, o.PaidAt, o.DispatchedAt = "TRADE_FINISHED", paidAt, paidAt.Add(2*time.Hour)
		o.ReceivedAt = paidAt.Add(3 * time.Hour)
	case r < 98:
		o.Status, o.PaidAt, o.ClosedAt = "TRADE_CLOSED", paidAt, paidAt.Add(30*time.Minute)
	default:
		o.Status, o.ClosedAt = "TRADE_CLOSED_BY_TAOBAO", created.Add(time.Hour)
	}

	c, concessionEdge := g.concession(net+postage, postage, created.Add(30*time.Minute))
	return genEnvelope{Order: o, Concession: c}, freeEdge || concessionEdge
}

// concession returns a concession on an order of paid fen due with
// postage fen of postage, asked at at; edge reports whether its amount
// sits at the requester's limit or a cent above it.
func (g *generator) concession(paid, postage int64, at time.Time) (genConcession, bool) {
	rng := g.rng
	var role order.Role
	switch r := rng.IntN(100); {
	case r < 30:
		role = order.PreSales
	case r < 50:
		role = order.InSales
	case r < 70:
		role = order.AfterSales
	case r < 75:
		role = order.ReviewHandling
	case r < 95:
		role = order.TeamLeader
	default:
		role = order.StoreManager
	}
	kind := pricing.Gift
	switch r := rng.IntN(100); {
	case r < 30:
	case r < 50:
		kind = pricing.Postage
	case r < 85:
		kind = pricing.PriceCut
	default:
		kind = pricing.EraseChange
	}
	change := paid % 100
	if kind == pricing.Postage && postage == 0 || kind == pricing.EraseChange && change == 0 {
		kind = pricing.Gift
	}
	a := g.limits.For(role)
	edge := g.pct(5)
	var amt int64
	if edge {
		var limit int64
		switch kind {
		case pricing.Gift:
			limit, _ = fen(a.Gift)
		case pricing.Postage:
			limit, _ = fen(a.Postage)
			limit = min(limit, postage)
		case pricing.PriceCut:
			limit, _ = fen(a.PriceCut)
			bp, _ := fen(a.PriceCutPercent)
			limit = min(limit, paid*bp/10000)
		case pricing.EraseChange:
			limit = change
		}
		amt = limit + int64(rng.IntN(2))
		if kind == pricing.Postage && amt > postage {
			amt = limit
		}
	} else {
		amt = [...]int64{100, 300, 500, 800, 1000, 1000, 1500, 2000, 3000, 5000, 8800}[rng.IntN(11)]
		switch kind {
		case pricing.Postage:
			amt = min(amt, postage)
		case pricing.EraseChange:
			amt = change
			if g.pct(5) {
				amt += 100 // not the change below the yuan (rule P3)
			}
		}
	}
	amt = max(1, min(amt, paid))
	u := genUsage{}
	if g.pct(10) {
		u.PriceChanges = 1
	}
	switch r := rng.IntN(100); {
	case r < 70:
	case r < 85:
		u.Erases = 1 + rng.IntN(2)
	default:
		u.Erases = 3
	}
	if u.Erases > 0 {
		day := at
		if g.pct(30) {
			day = at.Add(-24 * time.Hour)
		}
		u.Day = day.Format("2006-01-02")
	}
	ag := agents[role]
	return genConcession{Agent: genAgent{ID: ag[0], Name: ag[1], Role: role.String()}, Kind: kind.String(),
		Amount: yuanText(amt), At: at, Usage: u}, edge
}
