package httperr

import (
	"mime"
	"strconv"
	"strings"
)

// mediaRange is one entry of an Accept header.
type mediaRange struct {
	typ, sub string
	q        float64
}

// parseAccept returns the media ranges of an Accept header in header order, q=0 ones
// included (they exclude what they match). Malformed entries are skipped, as RFC 9110
// lets a server do.
func parseAccept(h string) []mediaRange {
	var out []mediaRange
	for _, part := range strings.Split(h, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		mt, params, err := mime.ParseMediaType(part)
		if err != nil {
			continue
		}
		typ, sub, ok := strings.Cut(mt, "/")
		if !ok {
			continue
		}
		q := 1.0
		if s, ok := params["q"]; ok {
			if q, err = strconv.ParseFloat(s, 64); err != nil || q < 0 || q > 1 {
				continue
			}
		}
		out = append(out, mediaRange{typ: typ, sub: sub, q: q})
	}
	return out
}

// negotiate returns the first of offers (in the server's order of preference) that
// accept rates highest, and reports whether any is acceptable. An empty Accept header
// accepts anything.
func negotiate(accept string, offers []string) (string, bool) {
	if accept == "" || strings.TrimSpace(accept) == "" {
		return offers[0], true
	}
	ranges := parseAccept(accept)
	best, bestQ := "", 0.0
	for _, offer := range offers {
		typ, sub, _ := strings.Cut(offer, "/")
		// The most specific matching range sets the offer's quality.
		q, spec := 0.0, -1
		for _, r := range ranges {
			s := -1
			switch {
			case r.typ == typ && r.sub == sub:
				s = 2
			case r.typ == typ && r.sub == "*":
				s = 1
			case r.typ == "*" && r.sub == "*":
				s = 0
			}
			if s > spec {
				q, spec = r.q, s
			}
		}
		// Strictly greater: of offers rated alike, the server's preferred one wins.
		if spec >= 0 && q > bestQ {
			best, bestQ = offer, q
		}
	}
	return best, best != ""
}
