package jsonx_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/kefu-go/kefu/internal/jsonx"
)

// FuzzRepaired checks Repaired against a slow reference: a JSON string
// that encoding/json decodes is clean exactly when its bytes are valid
// UTF-8 and re-encoding the decoded text and decoding again gives the same
// text with no U+FFFD that the input did not spell (rules O7, S4, A3).
func FuzzRepaired(f *testing.F) {
	for _, s := range []string{`"a"`, "\"T\xff\"", `"\ud800"`, `"\udc00"`, `"\ud83d\ude00"`, `"\\ud800"`, `"\ud800\u0041"`, "\"\xed\xa0\x80\"", `"�"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		off, bad := jsonx.Repaired(b)
		if bad && (off < 0 || off > len(b)) {
			t.Fatalf("offset %d outside %d bytes", off, len(b))
		}
		if (jsonx.Check(b) != nil) != bad { // and Check, naming the field, never panics
			t.Fatalf("Check(%q) and Repaired disagree", b)
		}
		var s string
		if json.Unmarshal(b, &s) != nil {
			return
		}
		// Reference: decode with the repair forbidden by hand.
		want := !utf8.Valid(b) || loneSurrogate(b)
		if bad != want {
			t.Fatalf("Repaired(%q) = %v, reference %v", b, bad, want)
		}
	})
}

// loneSurrogate decodes the JSON string b escape by escape, slowly.
func loneSurrogate(b []byte) bool {
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' {
			continue
		}
		i++
		if b[i] != 'u' {
			continue
		}
		var r rune
		var s string
		_ = json.Unmarshal([]byte(`"`+string(b[i-1:i+5])+`"`), &s)
		r, _ = utf8.DecodeRuneInString(s)
		if r == utf8.RuneError && !strings.EqualFold(string(b[i+1:i+5]), "fffd") {
			// a surrogate alone; a high one may still pair
			var pair string
			if i+11 <= len(b) && json.Unmarshal([]byte(`"`+string(b[i-1:i+11])+`"`), &pair) == nil {
				if p, n := utf8.DecodeRuneInString(pair); p != utf8.RuneError && n == len(pair) {
					i += 10
					continue
				}
			}
			return true
		}
		i += 4
	}
	return false
}
