package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/shopspring/decimal"

	"github.com/kefu-go/kefu/examples/backend/internal/api"
	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

// load is a bounded load run on loopback: it starts the backend in this
// process on 127.0.0.1 (one instance on SQLite in a temporary directory;
// two on PostgreSQL, in a schema of their own, when -db or $KEFU_DB names
// a server), sends a fixed number of requests and stops by itself. It
// reports requests per second and the p50 and p99 latencies of reviews,
// approvals, redemptions (each token redeemed twice at once) and partial
// refunds (asking half again what was paid), then checks the database:
// every approval spent once, every price cut made once, no refund above
// what was paid, nothing the answers reported missing from the tables.
func load(args []string) error {
	fs := flag.NewFlagSet("load", flag.ExitOnError)
	n := fs.Int("n", 1000, "orders (one review, approval and redemption each)")
	c := fs.Int("c", 16, "concurrent clients")
	dsn := fs.String("db", os.Getenv("KEFU_DB"), "PostgreSQL URL to run against too")
	_ = fs.Parse(args)
	if *n < 1 || *c < 1 {
		return errors.New("load: -n and -c must be at least 1")
	}
	fmt.Printf("kefu backend load run: %d orders, %d concurrent clients, loopback\n", *n, *c)
	dir, err := os.MkdirTemp("", "kefu-load-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := loadRun("sqlite", "", dir, 1, *n, *c); err != nil {
		return err
	}
	if *dsn != "" {
		schema := "load_" + randHex(6)
		ctx := context.Background()
		admin, err := db.Open(ctx, *dsn, "")
		if err != nil {
			return err
		}
		defer admin.Close()
		if err := admin.Exec(ctx, "CREATE SCHEMA "+schema); err != nil {
			return err
		}
		defer admin.Exec(ctx, "DROP SCHEMA "+schema+" CASCADE")
		u, err := url.Parse(*dsn)
		if err != nil {
			return err
		}
		q := u.Query()
		q.Set("search_path", schema)
		u.RawQuery = q.Encode()
		if err := loadRun("postgres", u.String(), dir, 2, *n, *c); err != nil {
			return err
		}
	}
	return nil
}

func randHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// loadEnv is the backend instances of one run and a client for them.
type loadEnv struct {
	urls   []string
	dbs    []*db.DB
	client *http.Client
	next   atomic.Int64
}

func loadRun(name, dsn, dir string, instances, n, c int) error {
	ctx := context.Background()
	secret := []byte(randHex(32))
	e := &loadEnv{client: &http.Client{Timeout: time.Minute, Transport: &http.Transport{MaxIdleConnsPerHost: 2 * c}}}
	var servers []*http.Server
	var first *api.Server
	for range instances {
		d, err := db.Open(ctx, dsn, dir)
		if err != nil {
			return err
		}
		defer d.Close()
		s := api.New(api.Config{DB: d, Secret: secret, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
		if first == nil {
			first = s
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return err
		}
		srv := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 5 * time.Second}
		go srv.Serve(ln)
		servers = append(servers, srv)
		e.urls, e.dbs = append(e.urls, "http://"+ln.Addr().String()), append(e.dbs, d)
	}
	defer func() {
		for _, s := range servers {
			_ = s.Shutdown(context.Background())
		}
	}()
	agent, _ := first.StaffToken(order.Agent{ID: "xiaomei", Name: "小美", Role: order.PreSales}, time.Hour)
	leader, _ := first.StaffToken(order.Agent{ID: "laowang", Name: "老王", Role: order.TeamLeader}, time.Hour)
	after, _ := first.StaffToken(order.Agent{ID: "kf-wang", Name: "王五", Role: order.AfterSales}, time.Hour)

	fmt.Printf("\n%s (%d instance%s)\n\n", name, instances, map[bool]string{true: "s"}[instances > 1])
	fmt.Println("| step | requests | req/s | p50 | p99 |")
	fmt.Println("|---|---:|---:|---:|---:|")

	now := time.Now()
	orders := make([]string, n)
	_, err := e.phase("create order", n, c, func(i int) (int, []byte) {
		orders[i] = fmt.Sprintf("L%06d", i)
		return e.post("/orders", agent, loadOrder(orders[i], "WAIT_BUYER_PAY", now), "")
	}, 201)
	if err != nil {
		return err
	}
	requests := make([]string, n)
	cut := func(i int) string { return `{"order_id":"` + orders[i] + `","kind":"price_cut","amount":"5.00"}` }
	_, err = e.phase("review", n, c, func(i int) (int, []byte) {
		st, b := e.post("/reviews", agent, cut(i), "")
		var out struct {
			RequestID string `json:"request_id"`
		}
		_ = json.Unmarshal(b, &out)
		requests[i] = out.RequestID
		return st, b
	}, 200)
	if err != nil {
		return err
	}
	tokens := make([]string, n)
	_, err = e.phase("approve", n, c, func(i int) (int, []byte) {
		st, b := e.post("/reviews/"+requests[i]+"/approve", leader, "", "")
		var out struct {
			Token string `json:"token"`
		}
		_ = json.Unmarshal(b, &out)
		tokens[i] = out.Token
		return st, b
	}, 200)
	if err != nil {
		return err
	}
	// Every token twice, the two sends side by side: one gives, one is 409.
	got, err := e.phase("redeem (each token twice)", 2*n, c, func(i int) (int, []byte) {
		return e.post("/concessions", agent, cut(i/2), tokens[i/2])
	}, 200, 409)
	if err != nil {
		return err
	}
	if got[200] != n || got[409] != n {
		return fmt.Errorf("load: redemptions: %d given and %d refused as used, want %d each", got[200], got[409], n)
	}

	// Partial refunds: paid orders of 100.00, 50 payouts of 3.00 each (150.00).
	const perOrder, refundOrders = 50, 20
	paidIDs := make([]string, refundOrders)
	for i := range paidIDs {
		paidIDs[i] = fmt.Sprintf("P%04d", i)
		if st, b := e.post("/orders", agent, loadOrder(paidIDs[i], "WAIT_SELLER_SEND_GOODS", now), ""); st != 201 {
			return fmt.Errorf("load: paid order: %d %s", st, b)
		}
	}
	var paidMu sync.Mutex
	paidTotal := decimal.Zero
	paidKeys := map[string]bool{}
	got, err = e.phase("partial refund (150% asked)", perOrder*refundOrders, c, func(i int) (int, []byte) {
		st, b := e.post("/orders/"+paidIDs[i%refundOrders]+"/payouts", after,
			fmt.Sprintf(`{"key":"rf-%d","sku":"LX-2201","goods":"3.00"}`, i), "")
		if st == 200 {
			var out struct {
				Receipt struct {
					Key      string `json:"key"`
					Amount   string `json:"amount"`
					Replayed bool   `json:"replayed"`
				} `json:"receipt"`
			}
			_ = json.Unmarshal(b, &out)
			paidMu.Lock()
			if paidKeys[out.Receipt.Key] {
				st = -2 // paid twice
			}
			paidKeys[out.Receipt.Key] = true
			paidTotal = paidTotal.Add(decimal.RequireFromString(out.Receipt.Amount))
			paidMu.Unlock()
		}
		return st, b
	}, 200, 422)
	if err != nil {
		return err
	}
	if got[200] != 33*refundOrders {
		return fmt.Errorf("load: %d payouts paid, want %d (33 of 3.00 fit in 100.00 per order)", got[200], 33*refundOrders)
	}
	return e.check(ctx, n, refundOrders, paidTotal)
}

// check reads the database back: nothing lost, nothing paid twice.
func (e *loadEnv) check(ctx context.Context, n, refundOrders int, paidTotal decimal.Decimal) error {
	var spent, given, cutOnce, overRefunded, ledgers int
	refunded := decimal.Zero
	err := e.dbs[0].Read(ctx, func(tx *db.Tx) error {
		for q, v := range map[string]*int{
			"SELECT COUNT(*) FROM spent_approvals":                                  &spent,
			"SELECT COUNT(*) FROM concessions WHERE kind = 'price_cut'":             &given,
			"SELECT COUNT(*) FROM order_usage WHERE price_changes = 1":              &cutOnce,
			"SELECT COUNT(DISTINCT order_id) FROM ledgers WHERE order_id LIKE 'P%'": &ledgers,
		} {
			if err := tx.QueryRow(ctx, q).Scan(v); err != nil {
				return err
			}
		}
		rows, err := tx.Query(ctx, "SELECT body FROM ledgers WHERE order_id LIKE 'P%'")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var b string
			if err := rows.Scan(&b); err != nil {
				return err
			}
			var l refund.Ledger
			if err := l.UnmarshalJSON([]byte(b)); err != nil {
				return err
			}
			sum := l.Refunded()
			if sum.GreaterThan(l.Paid()) {
				overRefunded++
			}
			refunded = refunded.Add(sum)
		}
		return rows.Err()
	})
	if err != nil {
		return err
	}
	fmt.Printf("\nchecks: %d approvals spent once (want %d), %d price cuts given (want %d), %d orders cut once (want %d),\n",
		spent, n, given, n, cutOnce, n)
	fmt.Printf("        refunds paid %s as answered and %s in the ledgers (want %s), %d ledgers above what was paid (want 0)\n",
		paidTotal.StringFixed(2), refunded.StringFixed(2), decimal.NewFromInt(int64(99*refundOrders)).StringFixed(2), overRefunded)
	want := decimal.NewFromInt(int64(99 * refundOrders))
	if spent != n || given != n || cutOnce != n || overRefunded != 0 || ledgers != refundOrders ||
		!refunded.Equal(want) || !paidTotal.Equal(want) {
		return errors.New("load: the database does not add up: something was lost or paid twice")
	}
	fmt.Println("        ok: nothing lost, nothing paid twice")
	return nil
}

func loadOrder(id, status string, now time.Time) string {
	created := now.Add(-time.Hour).Format(time.RFC3339)
	paid := ""
	if status != "WAIT_BUYER_PAY" {
		paid = `,"paid_at":"` + now.Add(-30*time.Minute).Format(time.RFC3339) + `"`
	}
	return `{"id":"` + id + `","buyer":{"id":"tb_` + id + `"},"lines":[{"sku":"LX-2201","quantity":10,"unit_price":"10.00"}],` +
		`"address":{"recipient":"王芳","phone":"13800135678","province":"浙江省","city":"杭州市","district":"西湖区","detail":"文三路12号"},` +
		`"postage":"0.00","discount":"0.00","status":"` + status + `","created_at":"` + created + `"` + paid + `}`
}

func (e *loadEnv) post(path, token, body, approval string) (int, []byte) {
	base := e.urls[int(e.next.Add(1))%len(e.urls)]
	req, _ := http.NewRequest("POST", base+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+token)
	if approval != "" {
		req.Header.Set("Kefu-Approval", approval)
	}
	res, err := e.client.Do(req)
	if err != nil {
		return -1, []byte(err.Error())
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

// phase sends total requests, c at a time, and prints the figures. An
// answer with a status other than those allowed fails the run.
func (e *loadEnv) phase(name string, total, c int, f func(i int) (int, []byte), allowed ...int) (map[int]int, error) {
	lat := make([]time.Duration, total)
	statuses := make([]int, total)
	var bad atomic.Value
	var wg sync.WaitGroup
	var next atomic.Int64
	start := time.Now()
	for range c {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= total {
					return
				}
				t := time.Now()
				st, b := f(i)
				lat[i], statuses[i] = time.Since(t), st
				if !slices.Contains(allowed, st) {
					bad.CompareAndSwap(nil, fmt.Sprintf("%s: answer %d: %s", name, st, bytes.TrimSpace(b)))
				}
			}
		})
	}
	wg.Wait()
	took := time.Since(start)
	if msg := bad.Load(); msg != nil {
		return nil, errors.New("load: " + msg.(string))
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	fmt.Printf("| %s | %d | %.0f | %s | %s |\n", name, total, float64(total)/took.Seconds(),
		pct(0.50).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond))
	got := map[int]int{}
	for _, st := range statuses {
		got[st]++
	}
	return got, nil
}
