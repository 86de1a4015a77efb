// Package richstatus converts catalog errors to and from the google.rpc error model
// that gRPC and Connect share: a status code, a message and typed details from
// google.golang.org/genproto/googleapis/rpc/errdetails. It knows no transport; the
// grpcerr and connecterr adapters put its results on the wire.
//
// It depends on the protobuf runtime and the errdetails messages only, so that an
// adapter for another transport can use it without compiling gRPC.
package richstatus

import (
	"net/http"

	"github.com/errcat/errcat"
)

// The google.rpc.Code values, as gRPC's codes and Connect's codes number them.
const (
	OK                 uint32 = 0
	Canceled           uint32 = 1
	Unknown            uint32 = 2
	InvalidArgument    uint32 = 3
	DeadlineExceeded   uint32 = 4
	NotFound           uint32 = 5
	AlreadyExists      uint32 = 6
	PermissionDenied   uint32 = 7
	ResourceExhausted  uint32 = 8
	FailedPrecondition uint32 = 9
	Aborted            uint32 = 10
	OutOfRange         uint32 = 11
	Unimplemented      uint32 = 12
	Internal           uint32 = 13
	Unavailable        uint32 = 14
	DataLoss           uint32 = 15
	Unauthenticated    uint32 = 16
)

// codeNames are the google.rpc.Code names, as catalogs spell them, by number.
var codeNames = [...]string{
	"OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
	"ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
	"ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
	"UNAUTHENTICATED",
}

// CodeByName returns the number of a google.rpc.Code name such as "NOT_FOUND" and
// reports whether name is one.
func CodeByName(name string) (uint32, bool) {
	for i, n := range codeNames {
		if n == name {
			return uint32(i), true
		}
	}
	return Unknown, false
}

// CodeName returns the name of code, such as "NOT_FOUND", or "UNKNOWN" for a number
// outside google.rpc.Code.
func CodeName(code uint32) string {
	if int(code) < len(codeNames) {
		return codeNames[code]
	}
	return "UNKNOWN"
}

// Code returns the code errors of d are answered with: the catalog's gRPC code when it
// names a valid one, else the code [CodeForStatus] derives from d's HTTP status, with
// a definition without a status taken as 500, as HTTP answers it.
func Code(d *errcat.Definition) uint32 {
	if g := d.GRPC(); g != "" {
		if c, ok := CodeByName(g); ok {
			return c
		}
	}
	s := d.Status()
	if s == 0 {
		s = http.StatusInternalServerError
	}
	return CodeForStatus(s)
}

// CodeForStatus returns the code that conventionally matches an HTTP status, as
// gRPC's HTTP mapping and Google's AIP-193 pair them; the catalog loader derives a
// code's gRPC status the same way. Other 4xx statuses are INVALID_ARGUMENT, other
// 5xx statuses INTERNAL, anything else UNKNOWN.
func CodeForStatus(status int) uint32 {
	switch status {
	case 200:
		return OK
	case 400, 406, 411, 413, 414, 415, 422, 431:
		return InvalidArgument
	case 401:
		return Unauthenticated
	case 402, 403:
		return PermissionDenied
	case 404, 410:
		return NotFound
	case 405, 501:
		return Unimplemented
	case 408, 504:
		return DeadlineExceeded
	case 409:
		return Aborted
	case 412, 428:
		return FailedPrecondition
	case 416:
		return OutOfRange
	case 429:
		return ResourceExhausted
	case 499:
		return Canceled
	case 500:
		return Internal
	case 502, 503:
		return Unavailable
	}
	switch {
	case status >= 500:
		return Internal
	case status >= 400:
		return InvalidArgument
	}
	return Unknown
}

// StatusForCode returns the HTTP status google.rpc.Code documents for code: what a
// client gives an error whose code its catalogs do not define.
func StatusForCode(code uint32) int {
	switch code {
	case OK:
		return 200
	case Canceled:
		return 499
	case InvalidArgument, FailedPrecondition, OutOfRange:
		return 400
	case DeadlineExceeded:
		return 504
	case NotFound:
		return 404
	case AlreadyExists, Aborted:
		return 409
	case PermissionDenied:
		return 403
	case ResourceExhausted:
		return 429
	case Unimplemented:
		return 501
	case Unavailable:
		return 503
	case Unauthenticated:
		return 401
	}
	return 500
}
