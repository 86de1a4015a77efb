package errcat

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"math"
	"testing"
	"time"
)

func TestAppendDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{1, "1ns"},
		{999, "999ns"},
		{1500 * time.Nanosecond, "1.5µs"},
		{250 * time.Millisecond, "250ms"},
		{1234567 * time.Nanosecond, "1.234567ms"},
		{time.Second, "1s"},
		{1500 * time.Millisecond, "1.5s"},
		{90 * time.Second, "1m30s"},
		{time.Hour, "1h"},
		{90 * time.Minute, "1h30m"},
		{time.Hour + time.Second, "1h1s"},
		{time.Hour + 500*time.Millisecond, "1h0.5s"},
		{72 * time.Hour, "72h"},
		{-90 * time.Minute, "-1h30m"},
		{math.MaxInt64, "2562047h47m16.854775807s"},
		{math.MinInt64, "-2562047h47m16.854775808s"},
	}
	for _, tt := range tests {
		got := string(appendDuration([]byte("in "), tt.d))
		if got != "in "+tt.want {
			t.Errorf("appendDuration(%d) = %q, want %q", int64(tt.d), got, "in "+tt.want)
		}
		back, err := time.ParseDuration(tt.want)
		if tt.d != math.MinInt64 && (err != nil || back != tt.d) {
			t.Errorf("time.ParseDuration(%q) = %v, %v; want %d", tt.want, back, err, int64(tt.d))
		}
	}
}

// TestDurationForPeople holds that a duration reads the same in a message, in a JSON
// param and in a log line of slog's JSON handler, and parses back as given.
func TestDurationForPeople(t *testing.T) {
	tmpl := MustParseTemplate("Try again in {0}.")
	args := []Value{Duration(72 * time.Hour)}
	if got, want := tmpl.Render(args), "Try again in 72h."; got != want {
		t.Errorf("Render = %q, want %q", got, want)
	}
	if got, want := string(tmpl.AppendJSON(nil, args)), "Try again in 72h."; got != want {
		t.Errorf("AppendJSON = %q, want %q", got, want)
	}
	if got, want := string(args[0].AppendJSON(nil)), `"72h"`; got != want {
		t.Errorf("Value.AppendJSON = %s, want %s", got, want)
	}
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, &slog.HandlerOptions{ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
		if a.Key == slog.TimeKey {
			return slog.Attr{}
		}
		return a
	}})).Info("x", slog.Attr{Key: "wait", Value: args[0].SlogValue()})
	var rec map[string]any
	if err := json.Unmarshal(buf.Bytes(), &rec); err != nil {
		t.Fatal(err)
	}
	if got := rec["wait"]; got != "72h" {
		t.Errorf("slog JSON logs the duration as %v (%T), want \"72h\"", got, got)
	}
	v, err := ParseValue(KindDuration, "1h30m")
	if err != nil || v.Duration() != 90*time.Minute {
		t.Errorf("ParseValue(duration, 1h30m) = %v, %v", v, err)
	}
}

func TestAppendDurationAllocs(t *testing.T) {
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = appendDuration(buf[:0], 90*time.Minute+1500*time.Millisecond) }); n != 0 {
		t.Errorf("appendDuration allocates %v times, want 0", n)
	}
}
