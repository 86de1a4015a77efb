package plural_test

import (
	"fmt"

	"github.com/errcat/errcat/internal/plural"
)

func Example() {
	for _, n := range []string{"1", "2", "5", "21", "1.5"} {
		op, _ := plural.ParseOperands(n)
		fmt.Println(n, plural.Cardinal("en").Select(op), plural.Cardinal("pl").Select(op), plural.Cardinal("ru").Select(op))
	}
	fmt.Println(plural.Ordinal("en-GB").Select(plural.OperandsInt(23)))
	fmt.Println(plural.Cardinal("ar").Categories())
	// Output:
	// 1 one one one
	// 2 other few few
	// 5 other many many
	// 21 other many one
	// 1.5 other other other
	// few
	// zero one two few many other
}
