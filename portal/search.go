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

	locale string // of the texts
	// ops are the titles of the operations that return the code; everyOp the titles
	// of every operation of the catalog, when the code is returned by all of them.
	ops, everyOp []string
}

// Index is a search index over the codes of one or more catalogs in one locale. The
// site's search box, the server's /api/errors?q= and errcat explain --search share
// its rules, so all three find the same codes:
//
//   - a code's terms are the words of its code, name, texts (title, message, summary,
//     description, causes, resolutions), HTTP status, category and the titles of
//     the operations that return it, split at white space, in lower case; and what follows each punctuation inside a word ("404"
//     and "found" of "pet-404" and "not_found", "1234)." of "(1234).");
//   - the query is split into words at white space, case is ignored;
//   - a code matches when each word begins one of its terms; a word of one
//     character must be a whole term;
//   - codes whose code begins with a word come first, then those with a word in
//     their title, then the others, then codes that match only through the
//     operations of a code every operation returns, each in catalog order (a code
//     scores per word its best place, code 0, title 1, other text 2, every
//     operation 3; lower sums rank first).
//
// Matching term beginnings rather than any part of the text lets the static site
// split its index by a term's first two characters, so the browser loads only the
// part a query needs. Search adds a fuzzy fallback for queries nothing matches,
// which the site's script repeats from the words file (see [Index.near]). An Index is safe for concurrent searches.
type Index struct {
	Entries []*Entry

	// terms are the distinct terms of the entries, sorted; posts[i] lists the
	// entries holding terms[i] in catalog order, each as index<<2 | class, where
	// class is classID, classTitle or classText.
	terms []string
	posts [][]int32

	vocabOnce  sync.Once
	vocab      []string
	vocabRunes [][]rune // vocab's words as runes, for distance
}

// Where a term occurs in an entry, which ranks it: its code, its title, elsewhere
// (its other texts, the operations that return it), and the operations of a code
// that every operation returns.
const (
	classID = iota
	classTitle
	classText
	classEveryOp
)

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
	ix.buildTerms()
	return ix
}

func newEntry(v *catalogView, d *errcat.Definition, locale string) *Entry {
	r := v.row(d, locale)
	e := &Entry{
		Catalog: v.Name, ID: d.ID(), Name: d.Name(), Status: d.Status(), Category: d.Category(),
		Title: r.Title, Summary: r.Summary, Href: r.Href, Def: d, locale: locale,
	}
	for _, op := range r.ReturnedBy {
		if !op.All {
			e.ops = append(e.ops, op.Title)
			continue
		}
		for _, o := range v.c.Operations {
			e.everyOp = append(e.everyOp, cmpOr(o.Title, o.ID))
		}
	}
	return e
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// termsOf calls f with the terms of text: its words in lower case, and what follows
// each run of punctuation inside a word.
func termsOf(text string, f func(term string)) {
	for _, w := range strings.Fields(strings.ToLower(text)) {
		f(w)
		inWord := true
		for i, r := range w {
			alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
			if alnum && !inWord && i > 0 {
				f(w[i:])
			}
			inWord = alnum
		}
	}
}

// buildTerms fills terms and posts from the entries.
func (ix *Index) buildTerms() {
	at := map[string]int{}
	best := map[int]int32{} // term → best class in the current entry
	for i, e := range ix.Entries {
		clear(best)
		e.terms(func(t string, class int32) {
			k := termIndex(ix, at, t)
			if c, ok := best[k]; !ok || class < c {
				best[k] = class
			}
		})
		for k, c := range best {
			ix.posts[k] = append(ix.posts[k], int32(i)<<2|c)
		}
	}
	// Sort the terms, carrying their postings; each posting list is in entry order
	// already, as entries were added in order.
	order := make([]int, len(ix.terms))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return ix.terms[order[a]] < ix.terms[order[b]] })
	terms := make([]string, len(order))
	posts := make([][]int32, len(order))
	for i, k := range order {
		terms[i], posts[i] = ix.terms[k], ix.posts[k]
	}
	ix.terms, ix.posts = terms, posts
}

func termIndex(ix *Index, at map[string]int, t string) int {
	k, ok := at[t]
	if !ok {
		k = len(ix.terms)
		at[t] = k
		ix.terms = append(ix.terms, t)
		ix.posts = append(ix.posts, nil)
	}
	return k
}

// terms calls f with each term of e and the class it ranks in (a term may come more
// than once): the whole code, the terms of the title, those of the other texts.
func (e *Entry) terms(f func(term string, class int32)) {
	f(strings.ToLower(e.ID), classID)
	termsOf(e.Title, func(t string) { f(t, classTitle) })
	for _, text := range searchTexts(e) {
		termsOf(text, func(t string) { f(t, classText) })
	}
	for _, text := range e.ops {
		termsOf(text, func(t string) { f(t, classText) })
	}
	for _, text := range e.everyOp {
		termsOf(text, func(t string) { f(t, classEveryOp) })
	}
}

// searchTexts are the texts of e whose terms rank as text: everything but its title.
func searchTexts(e *Entry) []string {
	d := e.Def
	loc := e.locale
	out := []string{e.ID, e.Name, plain(d.Message(loc)), plain(d.Summary(loc)), plain(d.Description(loc)), d.Category()}
	for _, t := range d.Causes(loc) {
		out = append(out, plain(t))
	}
	for _, t := range d.Resolutions(loc) {
		out = append(out, plain(t))
	}
	if d.Status() != 0 {
		out = append(out, strconv.Itoa(d.Status()))
	}
	return out
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
// within both), and a word's typo fallback tries at most maxNear words. Each word
// costs a binary search of the terms and a pass over the entries holding them.
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

// termRange is the range of ix.terms that word w matches: those it begins, or for a
// word of one character the term equal to it.
func (ix *Index) termRange(w string) (lo, hi int) {
	lo = sort.SearchStrings(ix.terms, w)
	if utf8.RuneCountInString(w) == 1 {
		if lo < len(ix.terms) && ix.terms[lo] == w {
			return lo, lo + 1
		}
		return lo, lo
	}
	hi = lo
	for hi < len(ix.terms) && strings.HasPrefix(ix.terms[hi], w) {
		hi++
	}
	return lo, hi
}

// match returns the entries that hold, for each position, one of its words, ranked.
func (ix *Index) match(alts [][]string) []*Entry {
	const none = 0xff
	n := len(ix.Entries)
	best := make([]uint8, n) // the current word's best class per entry
	score := make([]int32, n)
	count := make([]uint8, n) // how many words matched so far
	var touched []int32
	for k, words := range alts {
		touched = touched[:0]
		for i := range best {
			best[i] = none
		}
		for _, w := range words {
			lo, hi := ix.termRange(w)
			for t := lo; t < hi; t++ {
				for _, p := range ix.posts[t] {
					e, c := p>>2, uint8(p&3)
					if int(count[e]) != k {
						continue
					}
					if best[e] == none {
						touched = append(touched, e)
					}
					best[e] = min(best[e], c)
				}
			}
		}
		for _, e := range touched {
			count[e]++
			score[e] += int32(best[e])
		}
	}
	// A counting sort by score keeps catalog order within a score.
	at := make([]int, classEveryOp*len(alts)+2) // scores are at most classEveryOp per word
	hits := 0
	for e := range n {
		if int(count[e]) == len(alts) {
			at[score[e]+1]++
			hits++
		}
	}
	for i := 1; i < len(at); i++ {
		at[i] += at[i-1]
	}
	out := make([]*Entry, hits)
	for e := range n {
		if int(count[e]) == len(alts) {
			out[at[score[e]]] = ix.Entries[e]
			at[score[e]]++
		}
	}
	return out
}

// near returns the words of the index within one typo of w (two for words of seven
// letters or more), at most maxNear of them; none for words shorter than four
// letters. Words with digits (numbers, codes) are not guessed at.
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
	for _, t := range ix.terms {
		for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			// Numbers and codes are not typed from memory: only words are guessed at,
			// which keeps the list as long as the catalogs' vocabulary, not their size.
			if len(w) >= 3 && !seen[w] && !strings.ContainsFunc(w, unicode.IsDigit) {
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
