package main

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/kefu-go/kefu/order"
)

// The server starts on a fresh data directory, answers, and shuts down
// gracefully when its context ends; the secret it created is kept.
func TestServeAndShutdown(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("KEFU_SECRET", "")
	t.Setenv("KEFU_DB", "")
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- runServe(ctx, []string{"-addr", "127.0.0.1:0", "-data", dir}, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	}
	res, err := http.Get("http://" + addr + "/healthz")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, 200, res.StatusCode)
	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(20 * time.Second):
		t.Fatal("no graceful shutdown")
	}
	_, err = http.Get("http://" + addr + "/healthz")
	assert.Error(t, err, "the listener is closed")
	st, err := os.Stat(filepath.Join(dir, "secret.key"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), st.Mode().Perm())
	_, err = os.Stat(filepath.Join(dir, "kefu.db"))
	require.NoError(t, err)
}

func TestSecret(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("KEFU_SECRET", "")
	c := common{data: dir}
	a, err := c.secret()
	require.NoError(t, err)
	b, err := c.secret()
	require.NoError(t, err)
	assert.Equal(t, a, b, "created once, then read")
	t.Setenv("KEFU_SECRET", "abcd")
	_, err = c.secret()
	require.Error(t, err, "a short secret is refused")
}

// The batch triage prints the digest of the stored orders, and a progress
// line on long runs.
func TestTriageCommand(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("KEFU_SECRET", "")
	t.Setenv("KEFU_DB", "")
	ctx := context.Background()
	c := common{data: dir}
	d, s, err := c.open(ctx, nil)
	require.NoError(t, err)
	srv := httptest.NewServer(s.Handler())
	tok, err := s.StaffToken(order.Agent{ID: "kf-li", Role: order.InSales}, time.Hour)
	require.NoError(t, err)
	now := time.Now()
	for i := range 30 {
		body := loadOrder(fmt.Sprintf("T%02d", i), "WAIT_SELLER_SEND_GOODS", now)
		if i%10 == 0 { // every tenth order to a transit warehouse, a problem order (rule S4)
			body = strings.Replace(body, "文三路12号", "义乌中转仓", 1)
		}
		req, _ := http.NewRequest("POST", srv.URL+"/orders", strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer "+tok)
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		res.Body.Close()
		require.Equal(t, 201, res.StatusCode)
	}
	srv.Close()
	require.NoError(t, d.Close())

	defer func(n int) { progressFrom = n }(progressFrom)
	progressFrom = 10
	var out, errs bytes.Buffer
	require.NoError(t, triage([]string{"-data", dir, "-lang", "en"}, &out, &errs))
	assert.Contains(t, out.String(), "Problem orders at")
	assert.Contains(t, out.String(), "Courier transit warehouse: 3")
	assert.NotContains(t, out.String(), "transit_warehouse", "the digest in words, not codes")
	assert.Contains(t, errs.String(), "triage: read 30 of 30 open orders (100%)")
	assert.Contains(t, errs.String(), "30 orders checked")
}

// A small load run, to keep the command from rotting: it checks itself
// (nothing lost, nothing paid twice) and fails otherwise. On PostgreSQL
// too when KEFU_TEST_PG is set.
func TestLoadRun(t *testing.T) {
	args := []string{"-n", "40", "-c", "8", "-db", os.Getenv("KEFU_TEST_PG")}
	require.NoError(t, load(args))
}
