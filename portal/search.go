package portal

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

// Entry is one code or variant in a search index.
type Entry struct {
	// Catalog is the name of the catalog that defines the code.
	Catalog string
	// ID is the code, or code[key] for a variant.
	ID       string
	Name     string
	Title    string
	Summary  string
	Status   int
	Category string
	// Href is the link to the code's page (the variant's section) relative to the
	// catalog's directory of the index's locale: "errors/000012/".
	Href string
	// Def is the definition the entry stands for.
	Def *errcat.Definition

	id, title, hay string // lower case, for matching
}

// Index is a search index over the codes of one or more catalogs in one locale. The
// site's search box, the server's /api/errors?q= and errcat explain --search share
// its rules, so all three find the same codes:
//
//   - the query is split into words at white space, case is ignored;
//   - a code matches when every word occurs in it: in its code or name, a text
//     (title, message, summary, description, causes, resolutions), its HTTP status or
//     its category;
//   - codes whose code starts with a word come first, then those whose title holds
//     it, then the others, each in catalog order.
//
// Search (in Go only) adds a fuzzy fallback for queries nothing matches.
type Index struct {
	Entries []*Entry

	vocabOnce  sync.Once
	vocab      []string
	vocabRunes [][]rune // vocab's words as runes, for distance
}

// NewIndex returns the search index of the catalogs in locale (each catalog's default
// locale when empty; a locale a catalog lacks falls back as the runtime does).
func NewIndex(locale string, cats ...*catalog.Catalog) (*Index, error) {
	views := make([]*catalogView, len(cats))
	for i, c := range cats {
		v, err := newCatalogView(c, len(cats) > 1)
		if err != nil {
			return nil, err
		}
		views[i] = v
	}
	return newIndex(views, locale), nil
}

func newIndex(views []*catalogView, locale string) *Index {
	ix := &Index{}
	for _, v := range views {
		loc := v.matchLocale(locale)
		for _, d := range v.defs {
			ix.Entries = append(ix.Entries, newEntry(v, d, loc))
			for _, vd := range d.Variants() {
				ix.Entries = append(ix.Entries, newEntry(v, vd, loc))
			}
		}
	}
	return ix
}

func newEntry(v *catalogView, d *errcat.Definition, locale string) *Entry {
	r := v.row(d, locale)
	e := &Entry{
		Catalog: v.Name, ID: d.ID(), Name: d.Name(), Status: d.Status(), Category: d.Category(),
		Title: r.Title, Summary: r.Summary, Href: r.Href, Def: d,
	}
	var b strings.Builder
	for _, s := range []string{d.ID(), d.Name(), plain(d.Title(locale)), plain(d.Message(locale)), plain(d.Summary(locale)), plain(d.Description(locale))} {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	for _, t := range d.Causes(locale) {
		b.WriteString(plain(t))
		b.WriteByte('\n')
	}
	for _, t := range d.Resolutions(locale) {
		b.WriteString(plain(t))
		b.WriteByte('\n')
	}
	b.WriteString(d.Category())
	if d.Status() != 0 {
		b.WriteByte('\n')
		b.WriteString(strconv.Itoa(d.Status()))
	}
	e.hay = strings.ToLower(b.String())
	e.id = strings.ToLower(e.ID)
	e.title = strings.ToLower(e.Title)
	return e
}

// Result is the outcome of a search.
type Result struct {
	// Hits are the matching entries, best first.
	Hits []*Entry
	// Fuzzy reports that nothing matched the query as written and Hits match the
	// words of Suggestions instead.
	Fuzzy bool
	// Suggestions are the words searched for instead of those of the query that
	// nothing matched, when Fuzzy.
	Suggestions []string
}

// Search returns the entries that match query, by the rules of [Index]. When nothing
// matches, it tries again with each unmatched word replaced by the words of the
// catalogs within one or two typos of it ("lcoate" finds "locate"), and says so.
//
// A query's cost is bounded: only its first [MaxQueryBytes] bytes and, of those, its
// first [MaxQueryWords] words are searched for ([CheckQuery] says whether a query is
// within both), and a word's typo fallback tries at most maxNear words.
func (ix *Index) Search(query string) Result {
	words := queryWords(query)
	if len(words) == 0 {
		return Result{Hits: slices.Clone(ix.Entries)}
	}
	alts := make([][]string, len(words))
	for i, w := range words {
		alts[i] = []string{w}
	}
	if hits := ix.match(alts); len(hits) > 0 {
		return Result{Hits: hits}
	}
	var suggestions []string
	for i, w := range words {
		if len(ix.match(alts[i:i+1])) > 0 {
			continue // this word matches on its own
		}
		near := ix.near(w)
		if len(near) == 0 {
			return Result{}
		}
		alts[i] = near
		suggestions = append(suggestions, near...)
	}
	return Result{Hits: ix.match(alts), Fuzzy: true, Suggestions: suggestions}
}

// Bounds of a query: see [Index.Search].
const (
	MaxQueryBytes = 256
	MaxQueryWords = 8
	maxNear       = 8
)

// CheckQuery returns an error saying what to shorten when query is over
// [MaxQueryBytes] or [MaxQueryWords], so that a caller can refuse it rather than
// search its start.
func CheckQuery(query string) error {
	if len(query) > MaxQueryBytes {
		return fmt.Errorf("a search is at most %d bytes; this one has %d", MaxQueryBytes, len(query))
	}
	if n := len(strings.Fields(query)); n > MaxQueryWords {
		return fmt.Errorf("a search is at most %d words; this one has %d", MaxQueryWords, n)
	}
	return nil
}

// queryWords is the words of the bounded start of query, in lower case.
func queryWords(query string) []string {
	if len(query) > MaxQueryBytes {
		i := MaxQueryBytes
		for i > 0 && !utf8.RuneStart(query[i]) {
			i--
		}
		query = query[:i]
	}
	words := strings.Fields(strings.ToLower(query))
	return words[:min(len(words), MaxQueryWords)]
}

// match returns the entries that hold, for each position, one of its words, ranked.
func (ix *Index) match(alts [][]string) []*Entry {
	type scored struct {
		e     *Entry
		score int
	}
	var hits []scored
	for _, e := range ix.Entries {
		total := 0
		ok := true
		for _, words := range alts {
			best := -1
			for _, w := range words {
				switch {
				case strings.HasPrefix(e.id, w):
					best = 0
				case strings.Contains(e.title, w):
					if best < 0 || best > 1 {
						best = 1
					}
				case strings.Contains(e.hay, w):
					if best < 0 {
						best = 2
					}
				}
			}
			if best < 0 {
				ok = false
				break
			}
			total += best
		}
		if ok {
			hits = append(hits, scored{e, total})
		}
	}
	sort.SliceStable(hits, func(i, j int) bool { return hits[i].score < hits[j].score })
	out := make([]*Entry, len(hits))
	for i, h := range hits {
		out[i] = h.e
	}
	return out
}

// near returns the words of the index within one typo of w (two for words of seven
// letters or more); none for words shorter than four letters.
func (ix *Index) near(w string) []string {
	rw := []rune(w)
	typos := 1
	switch n := len(rw); {
	case n < 4:
		return nil
	case n >= 7:
		typos = 2
	}
	ix.vocabOnce.Do(ix.buildVocab)
	var out []string
	var rows [3][]int // scratch for distance, grown once
	for i, rv := range ix.vocabRunes {
		if d := len(rv) - len(rw); d > typos || -d > typos {
			continue
		}
		if distance(rw, rv, typos, &rows) <= typos {
			out = append(out, ix.vocab[i])
			if len(out) == maxNear {
				break
			}
		}
	}
	return out
}

func (ix *Index) buildVocab() {
	seen := map[string]bool{}
	for _, e := range ix.Entries {
		for _, w := range strings.FieldsFunc(e.hay, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(w) >= 3 && !seen[w] {
				seen[w] = true
				ix.vocab = append(ix.vocab, w)
			}
		}
	}
	sort.Strings(ix.vocab)
	ix.vocabRunes = make([][]rune, len(ix.vocab))
	for i, w := range ix.vocab {
		ix.vocabRunes[i] = []rune(w)
	}
}

// distance is the optimal string alignment distance of a and b (edits, where swapping
// two neighbours is one edit), or limit+1 once it is known to exceed limit.
func distance(ra, rb []rune, limit int, rows *[3][]int) int {
	for k := range rows {
		if cap(rows[k]) < len(rb)+1 {
			rows[k] = make([]int, len(rb)+1)
		}
		rows[k] = rows[k][:len(rb)+1]
	}
	prev2, prev, cur := rows[0], rows[1], rows[2]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			low = min(low, cur[j])
		}
		if low > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
