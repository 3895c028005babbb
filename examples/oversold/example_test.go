package oversold_test

import (
	"fmt"
	"strings"

	"github.com/kefu-go/kefu/examples/oversold"
)

// Who ships: the lines of the oversell plan in the replay, by payment
// time (rule O3).
func ExampleRun() {
	var out strings.Builder
	if err := oversold.Run(&out); err != nil {
		fmt.Println(err)
		return
	}
	for line := range strings.Lines(out.String()) {
		if who, _, ok := strings.Cut(line, " ship"); ok {
			fmt.Println(strings.TrimSpace(who), "ship")
		}
	}
	// Output:
	// T20261111000011 小周: 2 of 2 ship
	// T20261111000012 小吴: 1 of 1 ship
	// T20261111000014 小王: 2 of 3 ship
	// T20261111000015 小刘: 0 of 1 ship
	// T20261111000016 小孙: 0 of 1 ship
	// T20261111000013 小郑: 0 of 1 ship
}
