// Package grpcerr carries catalog errors over gRPC as rich statuses.
//
// A server answers an *errcat.Error with a status whose code is the catalog's gRPC
// code (or the one its HTTP status maps to) and whose details are the
// google.rpc.ErrorInfo, LocalizedMessage, BadRequest, Help, RetryInfo and RequestInfo
// messages that [richstatus.Encode] describes, written in wire form by
// [richstatus.AppendEncoded]. [Server]'s interceptors do that for every
// call, answer panics and errors that are not catalog errors with the internal error
// code, and log each error once. On the client, [UnaryClientInterceptor] and
// [StreamClientInterceptor] turn a received status back into an *errcat.Error of the
// caller's sets, so that errors.Is(err, apierr.ErrPetNotFound) holds across the call.
//
// Locales are negotiated from the "accept-language" metadata, and calls are
// identified by the "x-request-id" metadata, as package httperr does with the
// matching HTTP headers.
package grpcerr
