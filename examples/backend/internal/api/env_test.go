package api_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/examples/backend/internal/api"
	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
	"github.com/kefu-go/kefu/refund"
)

var cst = time.FixedZone("CST", 8*60*60)

// clock is the backend's clock in tests: fixed, moved by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// syncBuffer collects the servers' logs.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// env is one shop: one backend instance on SQLite, or two on one
// PostgreSQL database, behind httptest servers, sharing a secret and a
// clock.
type env struct {
	t       *testing.T
	dialect db.Dialect
	dir     string // SQLite's data directory
	dsn     string
	secret  []byte
	clock   *clock
	logs    *syncBuffer
	apis    []*api.Server
	dbs     []*db.DB
	urls    []string
	client  *http.Client
	n       int // round robin over instances
	mu      sync.Mutex
	// refund is the shop's refund policy, when not kefu's default: set it
	// and restart to change it.
	refund *refund.Policy
}

var testStart = time.Date(2026, 11, 10, 10, 0, 0, 0, cst) // a Tuesday, before the 16:00 cutoff

func newSecret() []byte {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return b
}

// sqliteEnv starts one instance on a fresh SQLite database.
func sqliteEnv(t *testing.T) *env {
	t.Helper()
	e := &env{t: t, dialect: db.SQLite, dir: t.TempDir(), secret: newSecret(),
		clock: &clock{t: testStart}, logs: &syncBuffer{}, client: &http.Client{Timeout: 30 * time.Second}}
	e.start(1)
	return e
}

// pgEnv starts two instances on one PostgreSQL database, in a schema of
// its own, when KEFU_TEST_PG names a server; the test is skipped otherwise.
func pgEnv(t *testing.T) *env {
	t.Helper()
	base := os.Getenv("KEFU_TEST_PG")
	if base == "" {
		t.Skip("KEFU_TEST_PG is not set: no PostgreSQL server to test against")
	}
	schema := "t_" + hex.EncodeToString(newSecret()[:6])
	admin, err := db.Open(context.Background(), base, "")
	require.NoError(t, err)
	require.NoError(t, admin.Exec(context.Background(), "CREATE SCHEMA "+schema))
	t.Cleanup(func() {
		_ = admin.Exec(context.Background(), "DROP SCHEMA "+schema+" CASCADE")
		admin.Close()
	})
	u, err := url.Parse(base)
	require.NoError(t, err)
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	e := &env{t: t, dialect: db.Postgres, dsn: u.String(), secret: newSecret(),
		clock: &clock{t: testStart}, logs: &syncBuffer{}, client: &http.Client{Timeout: 30 * time.Second}}
	e.start(2)
	return e
}

func (e *env) start(instances int) {
	e.t.Helper()
	for range instances {
		d, err := db.Open(context.Background(), e.dsn, e.dir)
		require.NoError(e.t, err)
		cfg := api.Config{DB: d, Secret: e.secret, Now: e.clock.Now, Lang: order.SimplifiedChinese,
			Logger: slog.New(slog.NewJSONHandler(e.logs, nil))}
		if e.refund != nil {
			cfg.Refund = *e.refund
		}
		s := api.New(cfg)
		srv := httptest.NewServer(s.Handler())
		e.apis, e.dbs, e.urls = append(e.apis, s), append(e.dbs, d), append(e.urls, srv.URL)
		e.t.Cleanup(func() {
			srv.Close()
			d.Close()
		})
	}
}

// restart stops the instances and starts them again on the same database:
// what survives is what was stored.
func (e *env) restart() {
	e.t.Helper()
	for _, d := range e.dbs {
		require.NoError(e.t, d.Close())
	}
	n := len(e.dbs)
	e.apis, e.dbs, e.urls = nil, nil, nil
	e.start(n)
}

// staff returns a staff token.
func (e *env) staff(id string, r order.Role) string {
	e.t.Helper()
	tok, err := e.apis[0].StaffToken(order.Agent{ID: id, Name: id, Role: r}, 8*time.Hour)
	require.NoError(e.t, err)
	return tok
}

func (e *env) colleague(id string, d order.Department) string {
	e.t.Helper()
	tok, err := e.apis[0].ColleagueToken(id, id, d, 8*time.Hour)
	require.NoError(e.t, err)
	return tok
}

func (e *env) buyer(id string) string {
	e.t.Helper()
	tok, err := e.apis[0].BuyerToken(id, 8*time.Hour)
	require.NoError(e.t, err)
	return tok
}

// resp is an answer: its status and its JSON.
type resp struct {
	Status int
	Body   []byte
	Header http.Header
}

func (r resp) JSON() map[string]any {
	var m map[string]any
	_ = json.Unmarshal(r.Body, &m)
	return m
}

// get returns the value at a dotted path of the answer's JSON.
func (r resp) get(path string) any {
	var v any = r.JSON()
	for p := range strings.SplitSeq(path, ".") {
		switch x := v.(type) {
		case map[string]any:
			v = x[p]
		case []any:
			var i int
			fmt.Sscan(p, &i)
			if i < 0 || i >= len(x) {
				return nil
			}
			v = x[i]
		default:
			return nil
		}
	}
	return v
}

func (r resp) str(path string) string {
	s, _ := r.get(path).(string)
	return s
}

// call sends a request to the next instance (round robin) and reads the
// answer. hdr holds header pairs.
func (e *env) call(method, path, token, body string, hdr ...string) resp {
	e.mu.Lock()
	base := e.urls[e.n%len(e.urls)]
	e.n++
	e.mu.Unlock()
	return e.callAt(base, method, path, token, body, hdr...)
}

func (e *env) callAt(base, method, path, token, body string, hdr ...string) resp {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, base+path, rd)
	if err != nil {
		panic(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := e.client.Do(req)
	if err != nil {
		return resp{Status: -1, Body: []byte(err.Error())}
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return resp{Status: res.StatusCode, Body: b, Header: res.Header}
}

// must asserts the status and returns the answer.
func (e *env) must(status int, r resp) resp {
	e.t.Helper()
	require.Equal(e.t, status, r.Status, "answer: %s", r.Body)
	return r
}

// orderJSON is a kefu order.Spec: one line of qty units at price, postage,
// status and times as given.
func orderJSON(id, buyer, sku string, qty int, price, postage, status string, created, paid time.Time) string {
	paidAt := ""
	if !paid.IsZero() {
		paidAt = `,"paid_at":"` + paid.Format(time.RFC3339) + `"`
	}
	return fmt.Sprintf(`{"id":%q,"buyer":{"id":%q,"nick":"小鹿"},
		"lines":[{"sku":%q,"title":"羊毛围巾","quantity":%d,"unit_price":%q,"weight_grams":300}],
		"address":{"recipient":"王芳","phone":"13800135678","province":"浙江省","city":"杭州市","district":"西湖区","detail":"文三路12号"},
		"payment":"online","postage":%q,"discount":"0.00","status":%q,"created_at":%q%s}`,
		id, buyer, sku, qty, price, postage, status, created.Format(time.RFC3339), paidAt)
}

// unpaid returns an unpaid order of 128.50 + 10.00 postage.
func unpaid(id string) string {
	return orderJSON(id, "tb_8812", "LX-2201", 2, "64.25", "10.00", "WAIT_BUYER_PAY", testStart.Add(-time.Hour), time.Time{})
}

// paid returns a paid order of qty × price, no postage.
func paid(id string, qty int, price string) string {
	return orderJSON(id, "tb_8812", "LX-2201", qty, price, "0.00", "WAIT_SELLER_SEND_GOODS",
		testStart.Add(-2*time.Hour), testStart.Add(-time.Hour))
}
