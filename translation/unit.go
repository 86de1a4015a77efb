package translation

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"
)

// MaxFileSize bounds what the readers accept of one file.
const MaxFileSize = 32 << 20

// State says where a text of a locale stands.
type State int

// The states of a text.
const (
	// Missing: the locale has no translation of the text.
	Missing State = iota
	// Changed: the text changed since it was translated.
	Changed
	// Current: the translation is of the text as it is.
	Current
)

// String returns "missing", "changed" or "current".
func (s State) String() string {
	switch s {
	case Missing:
		return "missing"
	case Changed:
		return "changed"
	}
	return "current"
}

// Unit is one text of one code or variant and its translation into a locale.
type Unit struct {
	// ID is the code or variant id ("000037[0]"); Field the text's field ("message",
	// "causes[1]").
	ID, Field string
	// Source is the text in the catalog's default locale; Target its translation, ""
	// when there is none.
	Source, Target string
	State          State
	// Description is the code's description, for the translator's context.
	Description string
	Params      []*catalog.Param
}

// Key returns the unit's key, ID|Field.
func (u *Unit) Key() string { return u.ID + "|" + u.Field }

// SplitKey splits a key into its id and field, and reports whether key is one.
func SplitKey(key string) (id, field string, ok bool) {
	i := strings.LastIndexByte(key, '|')
	if i <= 0 || i == len(key)-1 {
		return "", "", false
	}
	return key[:i], key[i+1:], true
}

// Hash returns the short hash of a source text that Merge records.
func Hash(src string) string {
	h := sha256.Sum256([]byte(src))
	return hex.EncodeToString(h[:4])
}

// Units returns every text of c with its state in locale, in catalog order (codes,
// then each code's variants; fields in the format's order). fsys holds the catalog's
// files under the names the catalog was loaded with, for the recorded hashes; a nil
// fsys records none, so every translated text counts as current.
func Units(c *catalog.Catalog, fsys fs.FS, locale string) ([]*Unit, error) {
	targets := map[string]*catalog.TranslatedEntry{}
	hashes := map[string]map[string]string{}
	for _, tr := range c.Translations {
		if !SameLocale(tr.Locale, locale) {
			continue
		}
		var lines []string
		if fsys != nil {
			data, err := fs.ReadFile(fsys, tr.File)
			if err != nil {
				return nil, err
			}
			lines = strings.Split(string(data), "\n")
		}
		for _, t := range tr.Errors {
			if _, dup := targets[t.ID]; dup {
				continue
			}
			targets[t.ID] = t
			if t.Pos.Line >= 2 && t.Pos.Line-2 < len(lines) {
				hashes[t.ID] = parseSourceComment(lines[t.Pos.Line-2])
			}
		}
	}
	var out []*Unit
	each(c, func(e *catalog.Entry) {
		desc := e.Description
		if desc == "" && e.Parent != nil {
			desc = e.Parent.Description
		}
		t := targets[e.ID()]
		fields(&e.Texts, func(field, src string) {
			u := &Unit{ID: e.ID(), Field: field, Source: src, Description: desc, Params: e.EffectiveParams()}
			if t != nil {
				u.Target = lint.Field(&t.Texts, field)
			}
			switch h, ok := hashes[u.ID][field]; {
			case u.Target == "":
				u.State = Missing
			case ok && h != Hash(src):
				u.State = Changed
			default:
				u.State = Current
			}
			out = append(out, u)
		})
	})
	return out, nil
}

// Pending returns the units that need a translator: missing and changed.
func Pending(units []*Unit) []*Unit {
	var out []*Unit
	for _, u := range units {
		if u.State != Current {
			out = append(out, u)
		}
	}
	return out
}

// each calls f for every code and its variants, in catalog order.
func each(c *catalog.Catalog, f func(e *catalog.Entry)) {
	for _, e := range c.Errors {
		f(e)
		for _, v := range e.Variants {
			f(v)
		}
	}
}

// fields calls f for every non-empty text of t, in the format's order.
func fields(t *errcat.Texts, f func(field, src string)) {
	one := func(field, s string) {
		if s != "" {
			f(field, s)
		}
	}
	one("title", t.Title)
	one("message", t.Message)
	one("summary", t.Summary)
	one("description", t.Description)
	for i, s := range t.Causes {
		one(indexed("causes", i), s)
	}
	for i, s := range t.Resolutions {
		one(indexed("resolutions", i), s)
	}
}

func indexed(name string, i int) string {
	return name + "[" + strconv.Itoa(i) + "]"
}

// SameLocale reports whether a and b name the same locale, ignoring case and reading
// "_" as "-", as the runtime matches them.
func SameLocale(a, b string) bool {
	return strings.EqualFold(strings.ReplaceAll(a, "_", "-"), strings.ReplaceAll(b, "_", "-"))
}

const sourceComment = "# source:"

// parseSourceComment reads "# source: field=hash …"; nil when line is not one.
func parseSourceComment(line string) map[string]string {
	s := strings.TrimSpace(line)
	if !strings.HasPrefix(s, sourceComment) {
		return nil
	}
	out := map[string]string{}
	for _, kv := range strings.Fields(s[len(sourceComment):]) {
		if k, v, ok := strings.Cut(kv, "="); ok {
			out[k] = v
		}
	}
	return out
}
