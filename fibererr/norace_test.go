//go:build !race

package fibererr_test

const raceEnabled = false
