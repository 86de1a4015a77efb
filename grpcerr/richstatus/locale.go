package richstatus

import (
	"runtime"
	"strings"
	"sync"
	"weak"

	"github.com/errcat/errcat"
	"golang.org/x/text/language"
)

// matchers caches a language matcher per set, keyed weakly as reasons are.
var matchers sync.Map // weak.Pointer[errcat.Set] → *setMatcher

type setMatcher struct {
	m       language.Matcher
	locales []string
}

// NegotiateLocale returns the locale of set that an Accept-Language value prefers,
// with BCP 47 matching ("vi-VN" finds "vi"; "zh-Hant" is not "zh-Hans"), and the
// set's default locale when none matches or the value does not parse. It returns ""
// for a nil set.
func NegotiateLocale(set *errcat.Set, acceptLanguage string) string {
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
