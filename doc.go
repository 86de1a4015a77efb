// Package errcat is the runtime of errcat: typed, catalogued errors for Go APIs.
//
// A catalog (see the catalog package and doc/format.md) defines every error an API
// returns. At run time it is compiled into a [Set] of [Definition] values; a definition
// constructs [Error] values that carry the definition, typed parameter values, a
// wrapped cause and optional per-field details:
//
//	err := notFound.New(errcat.String("project"), errcat.Int(42))
//	err.Message("vi") // rendered in Vietnamese, falling back to the catalog's default locale
//
// Errors work with [errors.Is] (two errors are the same when their codes match, through
// any wrapping) and [errors.As], log themselves through [log/slog], and render their
// title and message in a caller's locale. Constructing an error does no formatting and
// no map allocation: messages are rendered only when they are asked for.
//
// An error's cause is for logs, never for clients: [Error.Error] is the code and, for a
// public code, its message, so a framework that writes Error() to a client shows no
// cause; [Error.LogValue] and the %+v verb carry the whole chain.
//
// This package imports only the standard library, so a service that raises catalog
// errors compiles no third-party code. HTTP rendering lives in the httperr package.
package errcat
