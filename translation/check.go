package translation

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/icu"
	"github.com/errcat/errcat/lint"
)

// localeRE is what the catalog format accepts as a locale; it also keeps the name of
// a new translation file inside its folder.
var localeRE = regexp.MustCompile(`^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$`)

// Check reports, at their place in the file read, the texts of f that lint would
// reject in a translation into f.Locale: a key the catalog does not have, a text
// that is not ICU MessageFormat, placeholders other than the source text's, and
// plural arms that do not fit the locale's CLDR rules.
func Check(c *catalog.Catalog, f *File) catalog.Problems {
	var out catalog.Problems
	add := func(p catalog.Pos, msg string) { out = append(out, catalog.Problem{Pos: p, Msg: msg}) }
	if !localeRE.MatchString(f.Locale) {
		add(f.Pos, "locale "+strconv.Quote(f.Locale)+" is not a language tag such as vi or pt-BR")
		return out
	}
	if strings.EqualFold(f.Locale, c.DefaultLocale) {
		add(f.Pos, "locale "+f.Locale+" is the catalog's default locale: its texts belong in the catalog itself")
		return out
	}
	for _, t := range f.Texts {
		id, field, _ := SplitKey(t.Key)
		e := c.Lookup(id)
		if e == nil {
			add(t.Pos, "catalog "+c.Name+" has no code "+strconv.Quote(id)+": export again to get the texts it has")
			continue
		}
		src := lint.Field(&e.Texts, field)
		if src == "" {
			add(t.Pos, id+" has no "+field+" to translate: export again to get the texts it has")
			continue
		}
		m, err := icu.Parse(t.Text)
		if err != nil {
			ie, _ := err.(*icu.Error)
			if ie == nil {
				ie = &icu.Error{Msg: err.Error()}
			}
			add(t.PosAt(ie.Offset), t.Key+": "+ie.Msg)
			continue
		}
		params := e.EffectiveParams()
		got, _ := lint.Arguments(t.Text, params)
		if want, ok := lint.Arguments(src, params); ok && !slices.Equal(got, want) {
			add(t.Pos, t.Key+": the translation uses "+braces(got)+" but the source text uses "+braces(want)+": keep every placeholder and add none")
		}
		for _, ce := range icu.CheckLocale(m, f.Locale) {
			add(t.PosAt(ce.Offset), t.Key+": "+ce.Msg)
		}
	}
	return out
}

func braces(names []string) string {
	if len(names) == 0 {
		return "no placeholder"
	}
	return "{" + strings.Join(names, "}, {") + "}"
}
