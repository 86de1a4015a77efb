package portal

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The static site's search index is split so that the browser loads only what a
// query needs. Under each index's directory (search/ beside the index page):
//
//	t-KEY.js   the terms that begin with KEY, the hex of their first two characters'
//	           UTF-8 (a term of one character is its own key), with the entries
//	           holding each: errcatSearch.terms("KEY", [[term, [posting…]]…])
//	r-N.js     the rows to list of entries N*rowChunk to N*rowChunk+rowChunk-1:
//	           errcatSearch.rows(N, [[id, title, status, category, href, catalog]…])
//	words.js   the words typos are corrected to (see Index.near), sorted, loaded
//	           only when a query finds nothing: errcatSearch.words([word…])
//
// A posting is (entry - previous entry)<<2 | class, class ranking as in Index. A word
// of a query needs one terms file: its key's. A search lists at most 50 rows, so it
// loads at most 50 row files, and a few in practice: hits come in catalog order.
const rowChunk = 128

// searchDir is where the search files of an index page in dir are.
const searchDir = "search/"

// termKey is the key of the terms file holding the terms word begins: the first two
// characters of word, or word itself if shorter.
func termKey(word string) string {
	n := 0
	for i := range word {
		if n == 2 {
			return word[:i]
		}
		n++
	}
	return word
}

// termsFileName is the name of the terms file of key, relative to searchDir.
func termsFileName(key string) string { return "t-" + hex.EncodeToString([]byte(key)) + ".js" }

// searchFiles calls f with the name (relative to searchDir) of each search file of
// ix.
func (ix *Index) searchFiles(f func(name string)) {
	for i := 0; i < len(ix.terms); {
		key := termKey(ix.terms[i])
		f(termsFileName(key))
		for i < len(ix.terms) && termKey(ix.terms[i]) == key {
			i++
		}
	}
	for n := 0; n*rowChunk < len(ix.Entries); n++ {
		f("r-" + strconv.Itoa(n) + ".js")
	}
	f(wordsFile)
}

// wordsFile is the name of the search file of the words typos are corrected to.
const wordsFile = "words.js"

// termKeys lists the keys of ix's terms files, in hex, separated by spaces.
func (ix *Index) termKeys() string {
	var b strings.Builder
	ix.searchFiles(func(name string) {
		if key, ok := strings.CutPrefix(name, "t-"); ok {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(strings.TrimSuffix(key, ".js"))
		}
	})
	return b.String()
}

// searchFile returns the search file name (relative to searchDir) of ix, and whether
// there is one. Links in rows lead from the page at dir of each entry's catalog
// (dirs by catalog name; "" for an index of one catalog).
func (ix *Index) searchFile(name string, dirs map[string]string) ([]byte, bool) {
	var b bytes.Buffer
	switch {
	case strings.HasPrefix(name, "t-") && strings.HasSuffix(name, ".js"):
		raw, err := hex.DecodeString(name[2 : len(name)-3])
		key := string(raw)
		if err != nil || key == "" || !utf8.ValidString(key) || termKey(key) != key || hex.EncodeToString(raw) != name[2:len(name)-3] {
			return nil, false
		}
		lo := sort.SearchStrings(ix.terms, key)
		if lo == len(ix.terms) || termKey(ix.terms[lo]) != key {
			return nil, false
		}
		b.WriteString("errcatSearch.terms(")
		appendJSON(&b, key)
		b.WriteString(",[")
		for t := lo; t < len(ix.terms) && termKey(ix.terms[t]) == key; t++ {
			if t > lo {
				b.WriteByte(',')
			}
			b.WriteByte('[')
			appendJSON(&b, ix.terms[t])
			b.WriteString(",[")
			prev := int32(0)
			for i, p := range ix.posts[t] {
				if i > 0 {
					b.WriteByte(',')
				}
				e := p >> 2
				b.WriteString(strconv.Itoa(int((e-prev)<<2 | p&3)))
				prev = e
			}
			b.WriteString("]]")
		}
		b.WriteString("]);\n")
	case strings.HasPrefix(name, "r-") && strings.HasSuffix(name, ".js"):
		n, err := strconv.Atoi(name[2 : len(name)-3])
		if err != nil || n < 0 || n*rowChunk >= len(ix.Entries) || "r-"+strconv.Itoa(n)+".js" != name {
			return nil, false
		}
		b.WriteString("errcatSearch.rows(" + strconv.Itoa(n) + ",[")
		for i, e := range ix.Entries[n*rowChunk : min(len(ix.Entries), (n+1)*rowChunk)] {
			if i > 0 {
				b.WriteByte(',')
			}
			status := ""
			if e.Status != 0 {
				status = strconv.Itoa(e.Status)
			}
			row := []string{e.ID, e.Title, status, e.Category, dirs[e.Catalog] + e.Href}
			if dirs != nil {
				row = append(row, e.Catalog)
			}
			appendJSON(&b, row)
		}
		b.WriteString("]);\n")
	case name == wordsFile:
		ix.vocabOnce.Do(ix.buildVocab)
		b.WriteString("errcatSearch.words(")
		appendJSON(&b, ix.vocab)
		b.WriteString(");\n")
	default:
		return nil, false
	}
	return b.Bytes(), true
}

// appendJSON writes v as JSON; encoding/json escapes <, > and &, so a script holds no
// markup.
func appendJSON(b *bytes.Buffer, v any) {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // strings only
	}
	b.Write(data)
}
