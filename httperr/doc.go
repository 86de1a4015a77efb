// Package httperr renders catalog errors as HTTP response bodies in standard envelopes:
// RFC 9457 problem+json ([Problem]), the {code, message, data} shape ([Simple]), a bulk
// envelope with one message per field error ([Bulk]) and Google's AIP-193 error
// ([Google]). Users add their own shapes by implementing [Envelope].
//
// Bodies are built by appending into a caller's buffer, with no reflection: writing an
// error costs about what writing its message does. An error whose definition is not
// public is written with only the generic text of its status, and no params.
package httperr
