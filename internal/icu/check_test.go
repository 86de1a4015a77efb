package icu

import (
	"fmt"
	"strings"
	"testing"
)

func TestUses(t *testing.T) {
	m := mustParse(t, "{0} {n, plural, one {{who} #} other {{when, date, short}}} {role, select, other {{0, number}}}")
	var got []string
	for _, u := range m.Uses() {
		got = append(got, fmt.Sprintf("%s#%d:%s@%d", u.Name, u.Index, u.Type, u.Offset))
	}
	want := "0#0:@0 n#-1:plural@4 who#-1:@21 when#-1:date@37 role#-1:select@59 0#0:number@81"
	if strings.Join(got, " ") != want {
		t.Errorf("Uses() = %s\nwant %s", strings.Join(got, " "), want)
	}
}

func TestChoices(t *testing.T) {
	m := mustParse(t, "{n, plural, =0 {a} one {b} many {c} other {{g, select, f {x} other {y}}}}")
	cs := m.Choices()
	if len(cs) != 2 {
		t.Fatalf("Choices() returns %d choices, want 2", len(cs))
	}
	if got := cs[0].Categories().String(); got != "one many other" {
		t.Errorf("plural Categories() = %q, want %q", got, "one many other")
	}
	if got := cs[1].Categories().String(); got != "" {
		t.Errorf("select Categories() = %q, want none", got)
	}
	var keys []string
	for _, c := range cs {
		for _, a := range c.Arms {
			keys = append(keys, a.Key)
		}
	}
	if got := strings.Join(keys, " "); got != "=0 one many other f other" {
		t.Errorf("arms %q", got)
	}
}

func TestCheckLocale(t *testing.T) {
	for _, tc := range []struct{ locale, src, want string }{
		{"en", "{n, plural, one {#} other {#}}", ""},
		{"ru", "{n, plural, one {#} other {#}}",
			`offset 0: plural of n has no "few" arm, which ru uses: add few {…}|` +
				`offset 0: plural of n has no "many" arm, which ru uses: add many {…}`},
		{"ja", "{n, plural, =1 {a} one {#} other {#}}",
			`offset 19: plural arm "one" is never chosen in ja, which uses other: remove it`},
		{"en", "{n, selectordinal, one {#st} other {#th}}",
			`offset 0: selectordinal of n has no "two" arm, which en uses: add two {…}|` +
				`offset 0: selectordinal of n has no "few" arm, which en uses: add few {…}`},
		{"en", "{g, select, one {#} other {#}}", ""},
	} {
		var got []string
		for _, e := range CheckLocale(mustParse(t, tc.src), tc.locale) {
			got = append(got, e.Error())
		}
		if g := strings.Join(got, "|"); g != tc.want {
			t.Errorf("CheckLocale(%q, %s):\n got %s\nwant %s", tc.src, tc.locale, g, tc.want)
		}
	}
}
