package langtag

import (
	"testing"

	_ "github.com/errcat/errcat/internal/golden" // accepts -update, as every test binary does
)

func TestParse(t *testing.T) {
	for in, want := range map[string]string{
		"en":              "en",
		"EN_us":           "en-US",
		"pt-BR":           "pt-BR",
		"zh-hant-tw":      "zh-Hant-TW",
		"sr_latn":         "sr-Latn",
		"es-419":          "es-419",
		"zh-yue-HK":       "yue-HK",
		"de-CH-1996":      "de-CH",
		"en-US-x-private": "en-US",
		"ca-valencia":     "ca",
		"ast":             "ast",
	} {
		tg, ok := Parse(in)
		if got := string(tg.AppendKey(nil, true, true)); !ok || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, bad := range []string{"", "e", "english", "1a", "-en", "e1"} {
		if _, ok := Parse(bad); ok {
			t.Errorf("Parse(%q) ok; want no language", bad)
		}
	}
}

func TestKeysAndChanges(t *testing.T) {
	tg, _ := Parse("zh_tw")
	var buf [16]byte
	if got := string(tg.AppendKey(buf[:0], true, true)); got != "zh-TW" {
		t.Errorf("AppendKey = %q", got)
	}
	tg.SetScript("hant")
	tg.SetScript("Hantx") // not a script: ignored
	for _, tc := range []struct {
		script, region bool
		want           string
	}{{true, true, "zh-Hant-TW"}, {false, true, "zh-TW"}, {true, false, "zh-Hant"}, {false, false, "zh"}} {
		if got := string(tg.AppendKey(buf[:0], tc.script, tc.region)); got != tc.want {
			t.Errorf("AppendKey(%v, %v) = %q, want %q", tc.script, tc.region, got, tc.want)
		}
	}
	sh, _ := Parse("sh-RS")
	u, _ := Parse("sr-Latn")
	sh.Fill(u)
	if got := string(sh.AppendKey(buf[:0], true, true)); got != "sr-Latn-RS" {
		t.Errorf("Fill = %q, want sr-Latn-RS", got)
	}
	if n := testing.AllocsPerRun(100, func() {
		t, _ := Parse("zh-Hant-TW")
		t.AppendKey(buf[:0], true, true)
	}); n != 0 {
		t.Errorf("Parse and AppendKey allocate %v times", n)
	}
}

// FuzzParse holds that any string parses without a panic into a tag whose key reads
// back as the same tag.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"en", "zh-Hant-TW", "es_419", "zh-yue", "x-private", "de-CH-1996"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, ok := Parse(s)
		if !ok {
			return
		}
		key := string(tg.AppendKey(nil, true, true))
		back, ok := Parse(key)
		if !ok || back != tg {
			t.Fatalf("Parse(%q) = %+v, key %q reads back as %+v", s, tg, key, back)
		}
	})
}
