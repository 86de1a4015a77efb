package httperr

import (
	"mime"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/errcat/errcat"
	"golang.org/x/text/language"
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

// matchers caches a language matcher per set, keyed weakly so that a set the program
// drops (a catalog errcat serve reloads) is collected, and its entry with it.
var matchers sync.Map // weak.Pointer[errcat.Set] → *setMatcher

type setMatcher struct {
	m       language.Matcher
	locales []string
}

// negotiateLocale returns the locale of set that an Accept-Language header prefers,
// using BCP 47 matching (so "vi-VN" finds "vi" and "zh-Hant" is not "zh-Hans"), and
// the set's default locale when none matches.
func negotiateLocale(set *errcat.Set, acceptLanguage string) string {
	if set == nil {
		return ""
	}
	locales := set.Locales()
	if acceptLanguage == "" || len(locales) == 1 {
		return locales[0]
	}
	key := weak.Make(set)
	sm, ok := matchers.Load(key)
	if !ok {
		tags := make([]language.Tag, len(locales))
		for i, l := range locales {
			tags[i] = language.Make(strings.ReplaceAll(l, "_", "-"))
		}
		var loaded bool
		if sm, loaded = matchers.LoadOrStore(key, &setMatcher{m: language.NewMatcher(tags), locales: locales}); !loaded {
			runtime.AddCleanup(set, func(k weak.Pointer[errcat.Set]) { matchers.Delete(k) }, key)
		}
	}
	m := sm.(*setMatcher)
	tags, _, err := language.ParseAcceptLanguage(acceptLanguage)
	if err != nil || len(tags) == 0 {
		return locales[0]
	}
	_, i, conf := m.m.Match(tags...)
	if conf == language.No {
		return locales[0]
	}
	return m.locales[i]
}
