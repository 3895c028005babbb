package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden with the programs' current output")

// TestPrograms builds and runs every example program and compares its
// output with testdata/<name>.golden, so the examples cannot rot. After an
// intended change, refresh the files with
//
//	go test ./examples -run TestPrograms -update
func TestPrograms(t *testing.T) {
	names, err := programs(".")
	require.NoError(t, err)
	require.NotEmpty(t, names, "no example programs found")

	// go test puts its own GOROOT/bin first on the PATH.
	goTool, err := exec.LookPath("go")
	require.NoError(t, err, "the go command is needed to build the examples")
	bin := t.TempDir()
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			exe := filepath.Join(bin, name)
			out, err := exec.Command(goTool, "build", "-o", exe, "./"+name).CombinedOutput()
			require.NoError(t, err, "build %s:\n%s", name, out)

			var stdout, stderr bytes.Buffer
			cmd := exec.Command(exe)
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			require.NoError(t, cmd.Run(), "run %s:\n%s", name, stderr.String())

			golden := filepath.Join("testdata", name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, stdout.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "every example program needs a golden file; create it with -update")
			assert.Equal(t, string(want), stdout.String(), "output of %s differs from %s", name, golden)
		})
	}
}

// TestProgramsSkipsOwnModules checks that the runner leaves out programs
// that build in their own module and directories that are not programs.
func TestProgramsSkipsOwnModules(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a/main.go", "b/main.go", "b/go.mod", "c/README.md", "testdata/x/main.go"} {
		p := filepath.Join(dir, f)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, nil, 0o644))
	}
	names, err := programs(dir)
	require.NoError(t, err)
	assert.Equal(t, []string{"a"}, names)
}

func TestRunAllRejectsUnknownProgram(t *testing.T) {
	err := runAll(".", []string{"no-such-example"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no-such-example")
}
