// Package httperr renders catalog errors as HTTP response bodies in standard envelopes:
// RFC 9457 problem+json ([Problem]), the {code, message, data} shape ([Simple]), a bulk
// envelope with one message per field error ([Bulk]) and Google's AIP-193 error
// ([Google]). Users add their own shapes by implementing [Envelope].
//
// Bodies are built by appending into a caller's buffer, with no reflection. Problem and
// Simple compile the body of each code and locale once, the second time they write it,
// and keep it in an [errcat.Memo]: writing an error all of whose values were given is
// then a few copies, the values between literal JSON. An error missing a value (and so
// perhaps shown as a variant) is written member by member, to the same bytes. An error
// whose definition is not public is written with only the generic text of its status,
// and no params.
//
// [Handler.Write] answers a request with an error through its http.ResponseWriter;
// [Handler.Render] makes the same status, headers and body for servers that have none,
// with the negotiation exported as [Handler.NegotiateContentType], [NegotiateLocale]
// and [ResponseLocale]. [Handler.Classify] turns the errors of frameworks and binders
// that carry a 4xx status into catalog codes, and [Handler.NotFound] and
// [Handler.MethodNotAllowed] are handlers for a router's unknown routes and wrong
// methods. An error's cause is never sent: it reaches the log, once per response.
//
// A catalog may declare its wire shape ([errcat.Set.Response]): the envelope its API
// answers in, with its options, and one HTTP status for every error. A Handler with no
// Envelope writes each error in the envelope its catalog declares ([Declared]); a
// declared status is the response's status whatever the envelope, while the body keeps
// the code's own where the envelope has a member for it. [Handler.Status] tells the
// status without rendering, and [Codes.WithDefaults] and [JSONPointer] serve adapters
// for other frameworks.
package httperr
