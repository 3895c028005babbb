package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden with the programs' current output")

// TestPrograms runs every example program and compares its output with
// testdata/<name>.golden, so the examples cannot rot. After an intended
// change, refresh the files with
//
//	go test ./examples -run TestPrograms -update
func TestPrograms(t *testing.T) {
	require.NotEmpty(t, programs, "no example programs listed")
	for _, p := range programs {
		t.Run(p.name, func(t *testing.T) {
			var out bytes.Buffer
			require.NoError(t, p.run(&out), "run %s", p.name)
			golden := filepath.Join("testdata", p.name+".golden")
			if *update {
				require.NoError(t, os.WriteFile(golden, out.Bytes(), 0o644))
				return
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "every example program needs a golden file; create it with -update")
			assert.Equal(t, string(want), out.String(), "output of %s differs from %s", p.name, golden)
		})
	}
}

// TestProgramsAreDeterministic runs every program twice: a program whose
// output depends on map order, the wall clock or the machine would make
// its golden file flaky.
func TestProgramsAreDeterministic(t *testing.T) {
	for _, p := range programs {
		var a, b bytes.Buffer
		require.NoError(t, p.run(&a))
		require.NoError(t, p.run(&b))
		assert.Equal(t, a.String(), b.String(), "%s printed different output on a second run", p.name)
	}
}

// TestEveryProgramIsListed checks that each package directory under
// examples/ (but the backend, a module of its own, and testdata) is in the
// runner's list, and that every listed program has a golden file and no
// golden file is left over: a program cannot be added and forgotten.
func TestEveryProgramIsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, p := range programs {
		assert.False(t, listed[p.name], "%s listed twice", p.name)
		listed[p.name] = true
		assert.Regexp(t, regexp.MustCompile(`^[a-z0-9]+$`), p.name)
		assert.NotEmpty(t, p.summary, "%s has no summary line", p.name)
	}
	entries, err := os.ReadDir(".")
	require.NoError(t, err)
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "testdata" {
			continue
		}
		if _, err := os.Stat(filepath.Join(e.Name(), "go.mod")); err == nil {
			continue // its own module
		}
		assert.True(t, listed[e.Name()], "examples/%s is not in the runner's programs list", e.Name())
	}
	goldens, err := filepath.Glob(filepath.Join("testdata", "*.golden"))
	require.NoError(t, err)
	for _, g := range goldens {
		name := filepath.Base(g)
		name = name[:len(name)-len(".golden")]
		assert.True(t, listed[name], "%s has no program", g)
	}
}

func TestRunAllRunsTheNamedProgramsOnly(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, runAll(&out, []string{programs[0].name}))
	assert.Equal(t, 1, bytes.Count(out.Bytes(), []byte("=== ")), "one program, one heading")
	assert.True(t, bytes.HasPrefix(out.Bytes(), []byte("=== "+programs[0].name+"\n")))
}

func TestRunAllRejectsUnknownProgram(t *testing.T) {
	var out bytes.Buffer
	err := runAll(&out, []string{"no-such-example"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "no-such-example")
	assert.Contains(t, err.Error(), programs[0].name, "the error lists the programs there are")
	assert.Empty(t, out.String(), "nothing runs when a name is unknown")
}

func TestListDescribesEveryProgram(t *testing.T) {
	var out bytes.Buffer
	require.NoError(t, runAll(&out, []string{"-list"}))
	for _, p := range programs {
		assert.Contains(t, out.String(), p.name)
		assert.Contains(t, out.String(), p.summary)
	}
}

// TestREADMEListsEveryProgram checks the repository README's list of
// situations: one line per program, in the runner's order, with the
// runner's summary, so the list cannot drift from what runs.
func TestREADMEListsEveryProgram(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "README.md"))
	require.NoError(t, err)
	m := regexp.MustCompile(`(?s)<!-- programs:[^\n]*-->\n(.*?)<!-- end programs -->`).FindSubmatch(readme)
	require.NotNil(t, m, "README.md has no programs list")
	var want bytes.Buffer
	for _, p := range programs {
		want.WriteString("- `" + p.name + "` — " + p.summary + "\n")
	}
	assert.Equal(t, want.String(), string(m[1]), "README's programs list (write it from the runner's list)")
}
