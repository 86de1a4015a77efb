package importer

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

// TestPropertiesBundle imports a bundle laid out as bean validation's messages are:
// dotted keys, named placeholders, Expression Language, a sibling for the default
// locale and translations. Each key is one code named after its last words, named
// placeholders are params in the catalog and its translations, and expressions stay
// literal text with a note.
func TestPropertiesBundle(t *testing.T) {
	files := map[string][]byte{}
	paths, _ := filepath.Glob("testdata/properties/validation/*.properties")
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		files[p] = data
	}
	d, err := Properties("validation", files)
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, d)
	if len(c.Errors) != 22 {
		t.Errorf("%d codes, want one for each of the 22 keys", len(c.Errors))
	}
	set := c.Set()
	for _, tt := range []struct {
		code, name, locale string
		args               []errcat.Value
		want               string
	}{
		{"jakarta.validation.constraints.Max.message", "Max", "", []errcat.Value{errcat.Int(10)}, "must be less than or equal to 10"},
		{"jakarta.validation.constraints.Size.message", "ConstraintsSize", "de", []errcat.Value{errcat.Int(1), errcat.Int(5)}, "Größe muss zwischen 1 und 5 sein"},
		{"jakarta.validation.constraints.Size.message", "ConstraintsSize", "pt-BR", []errcat.Value{errcat.Int(1), errcat.Int(5)}, "tamanho deve ser entre 1 e 5"},
		{"user.name.Size.message", "NameSize", "", []errcat.Value{errcat.Int(2), errcat.Int(9)}, "the name must have 2 to 9 characters"},
		{"jakarta.validation.constraints.DecimalMax.message", "DecimalMax", "de", []errcat.Value{errcat.String("4.5")}, "muss kleiner ${inclusive == true ? 'oder gleich ' : ''}4.5 sein"},
		{"org.hibernate.validator.constraints.Mod10Check.message", "Mod10Check", "", nil, "the check digit for ${validatedValue} is invalid, Modulo 10 checksum failed"},
		{"jakarta.validation.constraints.Digits.message", "Digits", "", []errcat.Value{errcat.Int(3), errcat.Int(2)}, "numeric value out of bounds (<3 digits>.<2 digits> expected)"},
		{"jakarta.validation.constraints.NotNull.message", "NotNull", "fr", nil, "ne doit pas être nul"},
	} {
		def := set.Lookup(tt.code)
		if def == nil {
			t.Errorf("%s: no such code", tt.code)
			continue
		}
		if got := c.Lookup(tt.code).Name; got != tt.name {
			t.Errorf("%s: name %q, want %q", tt.code, got, tt.name)
		}
		if got := def.New(tt.args...).Message(tt.locale); got != tt.want {
			t.Errorf("%s in %q renders\n%q\nwant\n%q", tt.code, tt.locale, got, tt.want)
		}
	}
	if e := c.Lookup("jakarta.validation.constraints.Size.message"); !slices.EqualFunc(e.Params, []string{"min", "max"}, func(p *catalog.Param, n string) bool { return p.Name == n }) {
		t.Errorf("Size params %v, want min, max", e.Params)
	}
	if _, ok := d.Translations["en"]; ok {
		t.Error("the default locale's file became a translation")
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{
		"jakarta.validation.constraints.DecimalMax.message: an Expression Language expression ${…} is kept as literal text",
		"org.hibernate.validator.constraints.Mod10Check.message: an Expression Language expression ${…} is kept as literal text",
	} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if n := strings.Count(notes, "DecimalMax.message: an Expression"); n != 1 {
		t.Errorf("the expression of DecimalMax is noted %d times, want once", n)
	}
}

// TestPropertiesDefaultLocale: a bundle for the catalog's own locale adds the codes
// the base file lacks and reports texts that differ from it, rather than becoming a
// translation the catalog refuses.
func TestPropertiesDefaultLocale(t *testing.T) {
	d, err := Properties("shop", map[string][]byte{
		"messages.properties":    []byte("a.b.Gone.message=It is gone.\na.b.Late.message=Too late.\n"),
		"messages_en.properties": []byte("a.b.Gone.message=It has gone.\nc.New.message=Brand new {what}.\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, d)
	if e := c.Lookup("c.New.message"); e == nil || e.Name != "New" || e.Message != "Brand new {what}." {
		t.Errorf("c.New.message = %+v", e)
	}
	if e := c.Lookup("a.b.Gone.message"); e.Message != "It is gone." {
		t.Errorf("a.b.Gone.message = %q, want the base file's text", e.Message)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{"messages_en.properties: 1 codes the base file lacks were added from it", "messages_en.properties: 1 texts differ from the base file's"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}
