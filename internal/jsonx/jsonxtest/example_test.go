package jsonxtest_test

import (
	"encoding/json"
	"fmt"

	"github.com/kefu-go/kefu/internal/jsonx/jsonxtest"
)

// What encoding/json would do with each of Repairs("T") if nothing
// refused it: every one becomes text with U+FFFD in it.
func ExampleRepairs() {
	for _, r := range jsonxtest.Repairs("T") {
		var s string
		_ = json.Unmarshal([]byte(`"`+r+`"`), &s)
		fmt.Printf("%+q\n", s)
	}
	// Output:
	// "T\ufffd"
	// "T\ufffd"
	// "T\ufffd"
	// "T\ufffd"
	// "\ufffdA"
	// "\ufffd\ufffd"
	// "\ufffd\ufffd\ufffd"
}
