package icu

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"", "(0:0)"},
		{"plain text, can't stop", `(0:22 Text[0:22]"plain text, can't stop")`},
		{"Unable to locate {0} with id {id}.",
			`(0:34 Text[0:17]"Unable to locate " Arg[17:20]{0 #0 @18} Text[20:29]" with id " Arg[29:33]{id #-1 @30} Text[33:34]".")`},
		{"{{0}} is '{0}' #1", `(0:17 Text[0:10]"{0} is '" Arg[10:13]{0 #0 @11} Text[13:17]"' #1")`},
		{"{ 12 }}}", `(0:8 Arg[0:6]{12 #12 @2} Text[6:8]"}")`},
		{"{007}", `(0:5 Arg[0:5]{007 #7 @1})`},
		{"{size, number} {size,number,integer} {when, date, short} {when, time}",
			`(0:69 Format[0:14]{size #-1 @1} number "" Text[14:15]" " Format[15:36]{size #-1 @16} number "integer" Text[36:37]" " Format[37:56]{when #-1 @38} date "short" Text[56:57]" " Format[57:69]{when #-1 @58} time "")`},
		{"{n, plural, =0 {none} one {# item} other {# items}}",
			`(0:51 Choice[0:51]{n #-1 @1} plural offset=0 [=0[12:21]=0 (16:20 Text[16:20]"none") one[22:34]:one (27:33 Pound[27:28] Text[28:33]" item") other[35:50]:other (42:49 Pound[42:43] Text[43:49]" items")])`},
		{"{0, plural, offset:1 =1 {{host}} other {{host} and # more}}",
			`(0:59 Choice[0:59]{0 #0 @1} plural offset=1 [=1[21:32]=1 (25:31 Arg[25:31]{host #-1 @26}) other[33:58]:other (40:57 Arg[40:46]{host #-1 @41} Text[46:51]" and " Pound[51:52] Text[52:57]" more")])`},
		{"{n, selectordinal, one {#st} other {#th ##}}",
			`(0:44 Choice[0:44]{n #-1 @1} selectordinal offset=0 [one[19:28]:one (24:27 Pound[24:25] Text[25:27]"st") other[29:43]:other (36:42 Pound[36:37] Text[37:42]"th #")])`},
		{"{role, select, admin {Ask {n, plural, one {# admin #} other {#}}.} other {Ask #.}}",
			`(0:82 Choice[0:82]{role #-1 @1} select offset=0 [admin[15:66] (22:65 Text[22:26]"Ask " Choice[26:64]{n #-1 @27} plural offset=0 [one[38:53]:one (43:52 Pound[43:44] Text[44:51]" admin " Pound[51:52]) other[54:63]:other (61:62 Pound[61:62])] Text[64:65]".") other[67:81] (74:80 Text[74:80]"Ask #.")])`},
	} {
		m, err := Parse(tc.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.src, err)
			continue
		}
		if got := dump(m); got != tc.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"a } b", `offset 2: unmatched '}': write '}}' for a literal brace`},
		{"a {0", `offset 2: unclosed '{': close the placeholder with '}', or write '{{' for a literal brace`},
		{"{}", `offset 0: empty placeholder '{}': name an argument, as in {0} or {id}, or write '{{' for a literal brace`},
		{"{0 1}", `offset 3: unexpected '1' in placeholder: write {name}, {name, type} or {name, type, style}, or write '{{' for a literal brace`},
		{"{name занято}", `offset 6: unexpected 'з' in placeholder: write {name}, {name, type} or {name, type, style}, or write '{{' for a literal brace`},
		{"{0x7}", `offset 1: invalid argument index "0x7": an index is a number, as in {0}; a name starts with a letter or '_'`},
		{"{99999}", `offset 1: argument index {99999} is too large`},
		{"{a-b}", `offset 1: invalid argument name "a-b": a name is letters, digits and '_', as in {file_name}`},
		{"{n, nmber}", `offset 4: unknown argument type "nmber": use number, date, time, duration, plural, selectordinal or select`},
		{"{n,}", `offset 3: missing argument type after ',': write number, date, time, duration, plural, selectordinal or select`},
		{"{n, number, ::currency/EUR}", `offset 12: unknown number style "::currency/EUR": use integer, or no style`},
		{"{t, date, yyyy}", `offset 10: unknown date style "yyyy": use short, medium, long or full`},
		{"{n, plural}", `offset 0: plural needs arms: write {n, plural, … other {…}}`},
		{"{n, plural, one {# item}}", `offset 0: plural needs an "other" arm: add other {…} for the values no other arm matches`},
		{"{n, plural, ones {#} other {#}}", `offset 12: unknown plural category "ones": use zero, one, two, few, many, other or =N`},
		{"{n, plural, one {#} one {#} other {#}}", `offset 20: duplicate arm "one": remove one of them`},
		{"{n, plural, =1 {#} =01 {#} other {#}}", `offset 19: duplicate arm "=01": remove one of them`},
		{"{n, plural, =x {#} other {#}}", `offset 12: invalid exact value "=x": write =N with a whole number N, as =0`},
		{"{n, plural, offset:-1 other {#}}", `offset 12: invalid offset "-1": write offset:N with a whole number N, as offset:1`},
		{"{n, plural, one #}", `offset 16: expected '{' after selector "one": write one {message}`},
		{"{n, plural, one {#", `offset 16: unclosed arm "one": close its message with '}'`},
		{"{n, plural, other {#} ", `offset 0: unclosed plural: close it with '}' after its last arm`},
		{"{n, plural, other {#} ,}", `offset 22: expected a selector or '}': write an arm as key {message}, or close the plural with '}'`},
		{"{g, select, =1 {a} other {b}}", `offset 12: a select arm cannot be an exact value: write a keyword such as male or admin`},
		{"{g, select, other {a {{b}} }}", `offset 22: unexpected '{' in placeholder: write {name}, {name, type} or {name, type, style} (in a plural or select arm braces are always syntax: move a literal brace out of the arm)`},
		{strings.Repeat("{n, select, other {", MaxDepth+1) + strings.Repeat("}}", MaxDepth+1),
			`offset 152: choices nested more than 8 deep: split the message`},
		{strings.Repeat("a", MaxSize+1), `offset 65536: message is longer than 65536 bytes: shorten it`},
	} {
		_, err := Parse(tc.src)
		got := "<nil>"
		if err != nil {
			got = err.Error()
		}
		if got != tc.want {
			t.Errorf("Parse(%.40q)\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestExistingTemplates checks that templates in errcat's placeholder syntax parse to
// the text and placeholders they always meant.
func TestExistingTemplates(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"Unable to locate {0} with id {1}.", "Unable to locate <0> with id <1>."},
		{"Field '{field}' can't be empty", "Field '<field>' can't be empty"},
		{"Use {{}} or {{0}} # {0}", "Use {} or {0} # <0>"},
		{"{{{0}}}", "{<0>}"},
		{"{007}", "<007>"}, // index 7, as errcat's templates read it
	} {
		m, err := Parse(tc.src)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.src, err)
		}
		var b strings.Builder
		for _, n := range m.Nodes {
			switch n := n.(type) {
			case *Text:
				b.WriteString(n.Value)
			case *Arg:
				b.WriteString("<" + n.Name + ">")
			default:
				t.Errorf("Parse(%q): unexpected %T", tc.src, n)
			}
		}
		if got := b.String(); got != tc.want {
			t.Errorf("Parse(%q) = %q, want %q", tc.src, got, tc.want)
		}
	}
}
