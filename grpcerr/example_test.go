package grpcerr_test

import (
	"errors"
	"fmt"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/grpcerr"
	"github.com/errcat/errcat/grpcerr/richstatus"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
)

// A catalog error becomes a status with the catalog's gRPC code and its details; a
// client with the same catalog gets the same error back.
func ExampleStatus() {
	err := common.UnableToLocate("project", "42")
	s := grpcerr.Status(err, &richstatus.Context{RequestID: "req-42"})
	fmt.Println(s.Code(), s.Message())
	for _, d := range s.Details() {
		if info, ok := d.(*errdetails.ErrorInfo); ok {
			fmt.Println(info.Reason, info.Domain, info.Metadata["kind"], info.Metadata["id"])
		}
	}

	back := grpcerr.FromStatus(s, common.Set)
	fmt.Println(errors.Is(back, common.ErrUnableToLocate), back.Code(), back.Arg("id"))
	var remote *grpcerr.Remote
	if errors.As(back, &remote) {
		fmt.Println(remote.RequestID)
	}
	// Output:
	// NotFound Unable to locate project with id 42.
	// UNABLE_TO_LOCATE common project 42
	// true 000012 42
	// req-42
}
