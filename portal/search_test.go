package portal

import (
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/catalog/catalogtest"
)

func ids(r Result) string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return strings.Join(out, " ")
}

func TestSearch(t *testing.T) {
	ix, err := NewIndex("", commonCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ query, want string }{
		{"locate", "000012"},
		{"LOCATE", "000012"},
		{"00001", "000010 000011 000012 000013 000014 000015 000016 000017 000018 000019"}, // code prefixes
		{"found", "000002 000029 000012 000039[0]"},                                        // a word after punctuation: not_found
		{"0000 429", "000013 000043 000051"},                                               // code prefix and a status
		{"not_found", "000002 000012 000029"},                                              // a category
		{"billing disabled", "000025 000045 000046"},                                       // every word, anywhere
		{"value already", "000037 000037[0]"},                                              // the title first, then catalog order
		{"zzqxv", ""},                                                                      // nothing, and nothing near
		{"password", ""},
	} {
		if got := ids(ix.Search(tc.query)); got != tc.want {
			t.Errorf("Search(%q) = %q; want %q", tc.query, got, tc.want)
		}
	}
	if n := len(ix.Search("").Hits); n != 54 {
		t.Errorf("an empty query finds %d; want all 54 codes and variants", n)
	}
}

func TestSearchFuzzy(t *testing.T) {
	ix, err := NewIndex("", commonCatalog(t))
	if err != nil {
		t.Fatal(err)
	}
	r := ix.Search("lcoate")
	if !r.Fuzzy || ids(r) != "000012" || strings.Join(r.Suggestions, ",") != "locate" {
		t.Errorf("Search(lcoate) = %+v, %q", r.Suggestions, ids(r))
	}
	r = ix.Search("unable locaet")
	if !r.Fuzzy || ids(r) != "000012" {
		t.Errorf("Search(unable locaet) = %q fuzzy=%v", ids(r), r.Fuzzy)
	}
	if r := ix.Search("lo"); r.Fuzzy {
		t.Error("short words are not guessed at")
	}
}

func TestSearchVariantsAndLocales(t *testing.T) {
	c := catalogtest.Load(t, "../examples/petstore/errors")
	vi, err := NewIndex("vi", c)
	if err != nil {
		t.Fatal(err)
	}
	if got := ids(vi.Search("thú cưng")); !strings.Contains(got, "PET-404") {
		t.Errorf("vi search for a Vietnamese word: %q", got)
	}
	more := []*catalog.Catalog{commonCatalog(t), c}
	both, err := NewIndex("", more...)
	if err != nil {
		t.Fatal(err)
	}
	r := both.Search("pet-4")
	if ids(r) != "PET-400 PET-404 PET-409 PET-422" || r.Hits[0].Catalog != "petstore" {
		t.Errorf("across catalogs: %q", ids(r))
	}
}

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"locate", "locate", 0}, {"lcoate", "locate", 1}, {"locat", "locate", 1},
		{"lokate", "locate", 1}, {"xxxxxx", "locate", 3}, {"", "ab", 2},
	} {
		var rows [3][]int
		if got := distance([]rune(tc.a), []rune(tc.b), 2, &rows); got != min(tc.want, 3) {
			t.Errorf("distance(%q, %q) = %d; want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
