// Command backend is a reference shop backend over kefu's rules: an HTTP
// JSON API for an agent console, storing every kefu state value in SQLite
// (the default: a file under -data, nothing to install) or PostgreSQL (-db
// postgres://…), in the transaction of the action it belongs to.
//
//	go -C examples/backend run .                    # serve on 127.0.0.1:8080, data in ./data
//	go -C examples/backend run . -db postgres://…   # the same on PostgreSQL
//	go -C examples/backend run . token -id laowang -role team_leader
//	go -C examples/backend run . token -buyer tb_8812
//	go -C examples/backend run . triage             # the problem-order digest of the stored orders
//	go -C examples/backend run . load               # a bounded load run on loopback
//
// See README.md for the API and the figures of the load run.
package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/kefu-go/kefu/examples/backend/internal/api"
	"github.com/kefu-go/kefu/examples/backend/internal/db"
	"github.com/kefu-go/kefu/order"
)

func main() {
	args := os.Args[1:]
	cmd := "serve"
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		cmd, args = args[0], args[1:]
	}
	var err error
	switch cmd {
	case "serve":
		err = serve(args)
	case "token":
		err = token(args)
	case "triage":
		err = triage(args, os.Stdout, os.Stderr)
	case "load":
		err = load(args)
	default:
		err = fmt.Errorf("unknown command %q: serve, token, triage or load", cmd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "backend:", err)
		os.Exit(1)
	}
}

// common are the flags every command shares.
type common struct {
	data string
	dsn  string
}

func (c *common) register(fs *flag.FlagSet) {
	fs.StringVar(&c.data, "data", "data", "directory of the SQLite database and the shop secret")
	fs.StringVar(&c.dsn, "db", os.Getenv("KEFU_DB"), "PostgreSQL URL (postgres://…); empty for SQLite under -data")
}

// secret returns the shop's secret: $KEFU_SECRET (hex, at least 32 bytes),
// else the file secret.key under the data directory, created with a random
// secret on first start. Every instance of one shop needs the same secret:
// instances on other machines set KEFU_SECRET.
func (c *common) secret() ([]byte, error) {
	if s := os.Getenv("KEFU_SECRET"); s != "" {
		b, err := hex.DecodeString(strings.TrimSpace(s))
		if err != nil || len(b) < 32 {
			return nil, errors.New("KEFU_SECRET must be at least 32 bytes in hex")
		}
		return b, nil
	}
	if err := os.MkdirAll(c.data, 0o700); err != nil {
		return nil, err
	}
	path := filepath.Join(c.data, "secret.key")
	if b, err := os.ReadFile(path); err == nil {
		s, err := hex.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(s) < 32 {
			return nil, fmt.Errorf("%s: not a secret of at least 32 bytes in hex", path)
		}
		return s, nil
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	s := make([]byte, 32)
	_, _ = rand.Read(s)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return c.secret() // another process made it first
	}
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(hex.EncodeToString(s) + "\n"); err != nil {
		f.Close()
		return nil, err
	}
	return s, f.Close()
}

func (c *common) open(ctx context.Context, log *slog.Logger) (*db.DB, *api.Server, error) {
	secret, err := c.secret()
	if err != nil {
		return nil, nil, err
	}
	d, err := db.Open(ctx, c.dsn, c.data)
	if err != nil {
		return nil, nil, err
	}
	return d, api.New(api.Config{DB: d, Secret: secret, Logger: log}), nil
}

func serve(args []string) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runServe(ctx, args, nil)
}

// runServe serves until ctx ends, then shuts down gracefully. ready, when
// not nil, receives the address once the server listens.
func runServe(ctx context.Context, args []string, ready chan<- string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var c common
	c.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}

	log := slog.New(slog.NewJSONHandler(os.Stderr, nil))
	d, s, err := c.open(ctx, log)
	if err != nil {
		return err
	}
	defer d.Close()

	srv := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	log.Info("serving", "addr", ln.Addr().String(), "db", d.Dialect().String(), "data", c.data)
	fmt.Fprintf(os.Stderr, "kefu backend on http://%s (%s). A staff token: go -C examples/backend run . token -id xiaomei -role pre_sales\n",
		ln.Addr(), d.Dialect())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	if ready != nil {
		ready <- ln.Addr().String()
	}
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	// Graceful shutdown: stop accepting, let requests in flight finish
	// (each is bounded by its own deadline), then close the database.
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return err
	}
	log.Info("stopped")
	return nil
}

func token(args []string) error {
	fs := flag.NewFlagSet("token", flag.ExitOnError)
	var c common
	c.register(fs)
	id := fs.String("id", "", "staff ID")
	name := fs.String("name", "", "staff name")
	role := fs.String("role", "", "customer-service role: pre_sales … store_manager")
	dept := fs.String("dept", "", "department, for staff outside customer service: finance, warehouse …")
	buyer := fs.String("buyer", "", "a buyer's platform account ID: a buyer token instead")
	ttl := fs.Duration("ttl", 8*time.Hour, "validity")
	_ = fs.Parse(args)
	secret, err := c.secret()
	if err != nil {
		return err
	}
	s := api.New(api.Config{Secret: secret})
	var t string
	switch {
	case *buyer != "":
		t, err = s.BuyerToken(*buyer, *ttl)
	case *dept != "":
		var d order.Department
		if err = d.UnmarshalText([]byte(*dept)); err == nil {
			t, err = s.ColleagueToken(*id, *name, d, *ttl)
		}
	default:
		var r order.Role
		if err = r.UnmarshalText([]byte(*role)); err == nil {
			t, err = s.StaffToken(order.Agent{ID: *id, Name: *name, Role: r}, *ttl)
		}
	}
	if err != nil {
		return err
	}
	fmt.Println(t)
	return nil
}

// progressFrom is the run length, in open orders, from which triage
// prints a progress line.
var progressFrom = 10000

// triage prints the problem-order digest of every open stored order and of
// the finished ones refund's after-sales checks flag (rules O2, R6) to
// stdout in the language -lang names, with a progress line on stderr at
// least every second while a long run reads the orders.
func triage(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("triage", flag.ContinueOnError)
	var c common
	c.register(fs)
	lang := fs.String("lang", "zh-CN", "the digest's language, as an Accept-Language value: zh-CN, zh-TW, en, es …")
	if err := fs.Parse(args); err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	d, s, err := c.open(ctx, slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn})))
	if err != nil {
		return err
	}
	defer d.Close()
	start := time.Now()
	var last time.Time
	progress := func(n, total int) {
		if total < progressFrom || (time.Since(last) < time.Second && n < total) {
			return // short runs need no progress line
		}
		last = time.Now()
		fmt.Fprintf(stderr, "triage: read %d of %d open orders (%.0f%%), %s\n", n, total, 100*float64(n)/float64(max(total, 1)), time.Since(start).Round(time.Millisecond))
	}
	dg, n, err := s.Digest(ctx, time.Now(), progress)
	if err != nil {
		return err
	}
	// The table as the after-sales team reads it (rule O2), in words.
	fmt.Fprint(stdout, dg.Staff(order.MatchLang(*lang, order.SimplifiedChinese)))
	fmt.Fprintf(stderr, "triage: %d orders checked (the open ones, and those after the sale that refund's checks flag), %d problem orders, in %s\n",
		n, dg.Orders, time.Since(start).Round(time.Millisecond))
	return nil
}
