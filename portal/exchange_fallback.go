//go:build !linux || !(amd64 || arm64)

package portal

import "errors"

// exchange swaps two directories in one step where the system can; here it cannot.
func exchange(a, b string) error { return errors.ErrUnsupported }
