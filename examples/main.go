// Command examples runs kefu's example programs, each a real situation
// replayed end to end through kefu's public API. They are the documentation
// that runs:
//
//	go run ./examples             # every program, in the order listed below
//	go run ./examples oversold    # just one (several names: those)
//	go run ./examples -list       # the programs, one line each
//
// Each program is a package under examples/ with a Run(io.Writer) error
// that writes what the agent would see; this command runs them all in one
// process, so they build once. `go test ./examples` compares each
// program's output with testdata/<name>.golden. A program that needs
// modules beyond kefu's own (examples/backend) has its own go.mod and is
// run from its directory.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/kefu-go/kefu/examples/aftersales"
	"github.com/kefu-go/kefu/examples/double11"
	"github.com/kefu-go/kefu/examples/lifecycle"
	"github.com/kefu-go/kefu/examples/overcharge"
	"github.com/kefu-go/kefu/examples/oversold"
	"github.com/kefu-go/kefu/examples/parcel"
	"github.com/kefu-go/kefu/examples/promises"
	"github.com/kefu-go/kefu/examples/returns"
)

// program is one situation: its name on the command line, one line of what
// it shows, and the replay.
type program struct {
	name    string
	summary string
	run     func(io.Writer) error
}

// programs lists every example program in the order they run.
var programs = []program{
	{"lifecycle", "an order's trade lifecycle: paid, held for the address, a refused dispatch, a masked hand-off (O1, O6, O7)", lifecycle.Run},
	{"overcharge", "two cases, one overcharge: the refund-and-reorder that shipped twice and the evidence-first reconciliation (S2, R1, N2, R2)", overcharge.Run},
	{"double11", "a Double 11 morning: gifts before price cuts, the team leader's approvals used once, the promotion's loosened limits, a missed promotion price refused (A1, A3, A4, P1–P4)", double11.Run},
	{"oversold", "a promotion item oversold at midnight: who ships, who is refunded or switched, the stock set to zero, the compensations to the store manager (O3, O8, N2, P5, P6, R7)", oversold.Run},
	{"aftersales", "the after-sales form: a mixed day of orders through the triage with shipping's and refund's checks, the form every two hours as the team fixes what it can (O2, S2, S4, S9, O3, R4, R6)", aftersales.Run},
	{"promises", "a week of promises: claims checked before they are said, promises made and refused, reminders before the cutoff, slow reviews morning and evening, the third-day must-ship, promises kept and broken (S6, S10, N3, N4, O5)", promises.Run},
	{"parcel", "where is my parcel? a buyer chasing it through every situation, answered at once in four languages; lost → reship and apologise (S7, S8, N3)", parcel.Run},
	{"returns", "returns and exchanges: a seven-day return, a washed item refused, an exchange waiting on its return, a Hong Kong return, the bargained free-shipping item (R3, R4, R5, S3)", returns.Run},
}

func main() {
	if err := runAll(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "examples:", err)
		os.Exit(1)
	}
}

// runAll runs the programs named in args (all of them when there is none)
// and writes their output to w, each under a "=== name" heading.
func runAll(w io.Writer, args []string) error {
	if len(args) == 1 && (args[0] == "-list" || args[0] == "--list") {
		for _, p := range programs {
			fmt.Fprintf(w, "%-12s %s\n", p.name, p.summary)
		}
		return nil
	}
	chosen, err := choose(args)
	if err != nil {
		return err
	}
	for i, p := range chosen {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "=== %s\n", p.name)
		if err := p.run(w); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return nil
}

// choose returns the programs named, in the order given, or every program
// when names is empty; an unknown name is an error that lists the known ones.
func choose(names []string) ([]program, error) {
	if len(names) == 0 {
		return programs, nil
	}
	var out []program
	for _, n := range names {
		p, ok := find(n)
		if !ok {
			known := make([]string, len(programs))
			for i, p := range programs {
				known[i] = p.name
			}
			return nil, fmt.Errorf("no example program %q (have %v; -list describes them)", n, known)
		}
		out = append(out, p)
	}
	return out, nil
}

func find(name string) (program, bool) {
	for _, p := range programs {
		if p.name == name {
			return p, true
		}
	}
	return program{}, false
}
