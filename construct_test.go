package errcat

import (
	"testing"
	"time"
)

func TestNewN(t *testing.T) {
	s := MustNewSet(SetSpec{Errors: []Spec{{
		Code: "K", Texts: Texts{Message: "{s} {i} {f} {b} {t} {d}"},
		Params: []Param{{Name: "s"}, {Name: "i", Kind: KindInt}, {Name: "f", Kind: KindFloat}, {Name: "b", Kind: KindBool}, {Name: "t", Kind: KindTime}, {Name: "d", Kind: KindDuration}},
	}}})
	d := s.Lookup("K")
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tt := range []struct {
		err  *Error
		want string
	}{
		{New1(d, "x"), "x {i?} {f?} {b?} {t?} {d?}"},
		{New2(d, "x", 7), "x 7 {f?} {b?} {t?} {d?}"},
		{New3(d, "x", 7, 2.5), "x 7 2.5 {b?} {t?} {d?}"},
		{New4(d, "x", 7, 2.5, true), "x 7 2.5 true {t?} {d?}"},
		{d.New(String("x"), Int(7), Float(2.5), Bool(true), Time(at), Duration(time.Second)), "x 7 2.5 true 2026-01-02T03:04:05Z 1s"},
	} {
		if got := tt.err.Message(""); got != tt.want {
			t.Errorf("Message = %q, want %q", got, tt.want)
		}
	}
	for _, tt := range []struct{ got, want Value }{
		{argValue(at), Time(at)}, {argValue(time.Second), Duration(time.Second)}, {argValue(false), Bool(false)},
	} {
		if !tt.got.Equal(tt.want) {
			t.Errorf("argValue = %v, want %v", tt.got, tt.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { New2(d, "x", 7) }); n != 1 {
		t.Errorf("New2 allocates %v times, want 1 (the Error)", n)
	}
}
