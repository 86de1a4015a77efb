package cli

import "testing"

func TestPrintable(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"plain text", "plain text"},
		{"Không tìm thấy dự án 42 — «ok»", "Không tìm thấy dự án 42 — «ok»"},
		{"one\ntwo", `one\ntwo`},
		{"a\r\nb\tc", `a\r\nb\tc`},
		{"\x1b[2Jcleared", `\x1b[2Jcleared`},
		{"del\x7f", `del\x7f`},
		{"c1\u0085", `c1\u0085`},
		{"line\u2028sep\u2029", `line\u2028sep\u2029`},
		{"rtl\u202eevil\u2066x\u2069\u200e\u200f", `rtl\u202eevil\u2066x\u2069\u200e\u200f`},
		{"bad\xffutf8\xc3", `bad\xffutf8\xc3`},
		{`back\slash`, `back\slash`},
	}
	for _, tt := range tests {
		if got := printable(tt.in); got != tt.want {
			t.Errorf("printable(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
