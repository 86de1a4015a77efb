// Package connecterr carries catalog errors over Connect (connectrpc.com/connect) with
// the same code and google.rpc details as package grpcerr sends over gRPC, so that a
// Connect client, a gRPC client and a browser speaking the Connect protocol over
// HTTP/JSON all read the same error.
//
// [Server.Interceptor] answers handler errors and panics; [ClientInterceptor] turns a
// received error back into an *errcat.Error of the caller's sets. [Error] and
// [FromError] are the two conversions, for code that does not use interceptors.
//
// Locales are negotiated from the Accept-Language header, and calls are identified
// by the X-Request-ID header, as package httperr does.
package connecterr
