package icu_test

import (
	"fmt"
	"time"

	"github.com/errcat/errcat/internal/icu"
)

func Example() {
	m, err := icu.Parse("{count, plural, =0 {No files} one {# file} other {# files}} in {dir}.")
	if err != nil {
		panic(err)
	}
	for _, n := range []int64{0, 1, 2} {
		args := icu.Args{Values: []icu.Value{icu.Int(n), icu.String("/tmp")}, Names: []string{"count", "dir"}}
		fmt.Println(string(icu.Append(nil, m, "en", args)))
	}
	// Output:
	// No files in /tmp.
	// 1 file in /tmp.
	// 2 files in /tmp.
}

func ExampleParse_error() {
	_, err := icu.Parse("{count, plural, one {# file}}")
	fmt.Println(err)
	// Output:
	// offset 0: plural needs an "other" arm: add other {…} for the values no other arm matches
}

func ExampleCheckLocale() {
	m, _ := icu.Parse("{n, plural, one {# plik} other {# pliku}}")
	for _, e := range icu.CheckLocale(m, "pl") {
		fmt.Println(e)
	}
	// Output:
	// offset 0: plural of n has no "few" arm, which pl uses: add few {…}
	// offset 0: plural of n has no "many" arm, which pl uses: add many {…}
}

func Example_formats() {
	m, err := icu.Parse("{n, number} items, {wait, duration}, since {when, date, long}")
	if err != nil {
		panic(err)
	}
	when := time.Date(2026, 3, 4, 15, 6, 7, 0, time.UTC)
	args := icu.Args{
		Values: []icu.Value{icu.Int(1234567), icu.Duration(2*time.Hour + 5*time.Minute), icu.Time(when)},
		Names:  []string{"n", "wait", "when"},
	}
	for _, locale := range []string{"en", "de", "vi", "hi", "ja"} {
		fmt.Println(string(icu.Append(nil, m, locale, args)))
	}
	// Output:
	// 1,234,567 items, 2 hours 5 minutes, since March 4, 2026
	// 1.234.567 items, 2 Stunden, 5 Minuten, since 4. März 2026
	// 1.234.567 items, 2 giờ 5 phút, since 4 tháng 3, 2026
	// 12,34,567 items, 2 घंटे 5 मिनट, since 4 मार्च 2026
	// 1,234,567 items, 2 時間5 分, since 2026年3月4日
}
