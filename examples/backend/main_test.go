package main

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// A small load run, to keep the command from rotting: it checks itself
// (nothing lost, nothing paid twice) and fails otherwise. On PostgreSQL
// too when KEFU_TEST_PG is set.
func TestLoadRun(t *testing.T) {
	args := []string{"-n", "40", "-c", "8", "-db", os.Getenv("KEFU_TEST_PG")}
	require.NoError(t, load(args))
}
