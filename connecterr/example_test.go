package connecterr_test

import (
	"errors"
	"fmt"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/connecterr"
)

// A catalog error becomes a Connect error with the catalog's code and the
// google.rpc details; a client with the same catalog gets the same error back.
func ExampleError() {
	ce := connecterr.Error(common.UnableToLocate("project", "42"), nil)
	fmt.Println(ce.Code(), ce.Message())
	for _, d := range ce.Details() {
		fmt.Println(d.Type())
	}

	back := connecterr.FromError(ce, common.Set)
	fmt.Println(errors.Is(back, common.ErrUnableToLocate))
	// Output:
	// not_found Unable to locate project with id 42.
	// google.rpc.ErrorInfo
	// google.rpc.LocalizedMessage
	// google.rpc.Help
	// true
}
