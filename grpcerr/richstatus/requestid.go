package richstatus

import (
	"crypto/rand"
	"encoding/hex"
)

// RequestID returns given when it is safe to echo (1 to 128 letters, digits and
// ._:-, as httperr accepts an X-Request-ID), else a new random id of 24 hex digits,
// so that every error answered has an id for the client to quote and the log to
// record.
func RequestID(given string) string {
	if validRequestID(given) {
		return given
	}
	var b [12]byte
	rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func validRequestID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !(isLower(c) || isUpper(c) || isDigit(c) || c == '.' || c == '_' || c == ':' || c == '-') {
			return false
		}
	}
	return true
}
