package translation

import (
	"io/fs"

	"github.com/errcat/errcat/catalog"
)

// Coverage is how much of a catalog a locale translates.
type Coverage struct {
	Locale string
	// Total counts the catalog's texts; Current, Changed and Missing those in each
	// state.
	Total, Current, Changed, Missing int
}

// Percent returns the share of texts translated and current, from 0 to 100; 100 for
// a catalog without texts.
func (c Coverage) Percent() float64 {
	if c.Total == 0 {
		return 100
	}
	return float64(c.Current) * 100 / float64(c.Total)
}

// Status returns the coverage of every locale c has translations for, and of the
// extra locales named, in that order, each once.
func Status(c *catalog.Catalog, fsys fs.FS, extra ...string) ([]Coverage, error) {
	var locales []string
	for _, l := range append(c.Locales(), extra...) {
		dup := false
		for _, m := range locales {
			dup = dup || SameLocale(l, m)
		}
		if !dup {
			locales = append(locales, l)
		}
	}
	var out []Coverage
	for _, l := range locales {
		units, err := Units(c, fsys, l)
		if err != nil {
			return nil, err
		}
		cv := Coverage{Locale: l, Total: len(units)}
		for _, u := range units {
			switch u.State {
			case Current:
				cv.Current++
			case Changed:
				cv.Changed++
			default:
				cv.Missing++
			}
		}
		out = append(out, cv)
	}
	return out, nil
}
