package jsontext

import (
	"encoding/json"
	"strings"
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

var cases = []string{
	"", "plain", "Unable to locate project with id 42.", `quote " and \ backslash`,
	"<script>alert(1)</script> & more", "tab\tnew\nline\rcr\bbs\fff\x00\x1f\x7f",
	"café — naïve", "line\u2028sep\u2029para", "bad \xff utf8 \xc3", "12345678<",
	"1234567\x01", strings.Repeat("abcdefgh", 8) + "\"", "\u00b5s",
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range cases {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestPlainPrefix(t *testing.T) {
	for s, want := range map[string]int{"": 0, "plain": 5, "a<b": 1, "café": 3, "\x00": 0, "ok\n": 2} {
		if got := PlainPrefix(s); got != want {
			t.Errorf("PlainPrefix(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestPlainPrefixEveryByte puts every byte value at every position of a word.
func TestPlainPrefixEveryByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		for j := 0; j < 16; j++ {
			p := []byte("abcdefghabcdefghab")
			p[j] = byte(c)
			want := j
			if plain[c] {
				want = len(p)
			}
			if got := PlainPrefix(string(p)); got != want {
				t.Errorf("PlainPrefix(%q) = %d, want %d", p, got, want)
			}
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range cases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	})
}

func BenchmarkAppendString(b *testing.B) {
	buf := make([]byte, 0, 256)
	for b.Loop() {
		buf = AppendString(buf[:0], "https://errcat.dev/catalogs/common/errors/000012/")
	}
}
