package icu_test

import (
	"fmt"

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
