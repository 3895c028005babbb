// Command examples runs kefu's example programs, each a real situation
// replayed end to end. They are the documentation that runs:
//
//	go run ./examples             # every program, in name order
//	go run ./examples lifecycle   # just one
//
// Each program lives in its own directory under examples/ and can also be
// run alone (go run ./examples/lifecycle). A program that needs modules
// beyond kefu's own has its own go.mod; the runner skips those, since they
// build in their own module. `go test ./examples` runs every program and
// compares its output with testdata/<name>.golden.
package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
)

func main() {
	dir, err := examplesDir()
	if err == nil {
		err = runAll(dir, os.Args[1:])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "examples:", err)
		os.Exit(1)
	}
}

func runAll(dir string, only []string) error {
	names, err := programs(dir)
	if err != nil {
		return err
	}
	for _, n := range only {
		if !slices.Contains(names, n) {
			return fmt.Errorf("no example program %q (have %v)", n, names)
		}
	}
	for _, n := range names {
		if len(only) > 0 && !slices.Contains(only, n) {
			continue
		}
		fmt.Printf("=== %s\n", n)
		cmd := exec.Command("go", "run", "./"+n)
		cmd.Dir = dir
		cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		fmt.Println()
	}
	return nil
}

// programs lists the example programs in dir: the subdirectories with a
// main.go and no go.mod of their own, sorted by name.
func programs(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" {
			continue
		}
		sub := filepath.Join(dir, e.Name())
		if !exists(filepath.Join(sub, "main.go")) || exists(filepath.Join(sub, "go.mod")) {
			continue
		}
		names = append(names, e.Name())
	}
	return names, nil // os.ReadDir sorts by name
}

// examplesDir finds the examples directory: next to this source file when
// run with `go run`, else ./examples or the working directory itself.
func examplesDir() (string, error) {
	if _, file, _, ok := runtime.Caller(0); ok && exists(file) {
		return filepath.Dir(file), nil
	}
	for _, d := range []string{"examples", "."} {
		if exists(filepath.Join(d, "lifecycle", "main.go")) {
			return d, nil
		}
	}
	return "", errors.New("cannot find the examples directory; run from the repository root")
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}
