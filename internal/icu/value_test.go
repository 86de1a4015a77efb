package icu

import (
	"testing"
	"time"
)

func TestValueConstructors(t *testing.T) {
	when := time.Date(2026, 3, 4, 15, 6, 7, 500_000_000, time.FixedZone("", 7*3600))
	utc := when.UTC()
	m := mustParse(t, "{0}|{1}|{2, time, long}|{3}|{3, date, full}|{4}|{5}")
	args := Args{Values: []Value{
		JSONSafeString("plain"), String(`"q"`), TimeOf(&when), UnixNano(utc.UnixNano()), Time(utc),
		Duration(-(72*time.Hour + 1500*time.Microsecond)),
	}}
	want := "plain|\"q\"|3:06:07\u202fPM GMT+7|2026-03-04T08:06:07.5Z|Wednesday, March 4, 2026|2026-03-04T08:06:07.5Z|-72h0.0015s"
	if got := string(Append(nil, m, "en", args)); got != want {
		t.Errorf("Append:\n got %s\nwant %s", got, want)
	}
	wantJSON := "plain|\\\"q\\\"|3:06:07\u202fPM GMT+7|2026-03-04T08:06:07.5Z|Wednesday, March 4, 2026|2026-03-04T08:06:07.5Z|-72h0.0015s"
	if got := string(AppendJSON(nil, m, "en", args)); got != wantJSON {
		t.Errorf("AppendJSON:\n got %s\nwant %s", got, wantJSON)
	}
	rules := RulesOf("ru")
	pm := mustParse(t, "{0, plural, one {# one} few {# few} many {# many} other {# other}}")
	for n, w := range map[int64]string{1: "1 one", 3: "3 few", 11: "11 many", 121: "121 one"} {
		if got := string(AppendRules(nil, pm, &rules, Args{Values: []Value{Int(n)}})); got != w {
			t.Errorf("AppendRules(ru, %d) = %q, want %q", n, got, w)
		}
	}
}
