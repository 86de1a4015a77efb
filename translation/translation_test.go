package translation

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/internal/golden"
	"github.com/errcat/errcat/internal/testenv"
)

var revised = time.Date(2026, 1, 2, 3, 4, 0, 0, time.UTC)

// load loads a catalog from fsys; load problems are not these tests' subject, the
// texts load with them.
func load(t *testing.T, fsys fstest.MapFS) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(fsys, ".")
	var probs catalog.Problems
	if err != nil && !errors.As(err, &probs) {
		t.Fatal(err)
	}
	return c
}

// shop copies testdata/shop into memory, so that tests can edit it.
func shop(t *testing.T) fstest.MapFS { return dirFS(t, "shop") }

// dirFS copies the catalog testdata/dir into memory.
func dirFS(t *testing.T, dir string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	des, err := os.ReadDir(filepath.Join("testdata", dir))
	if err != nil {
		t.Fatal(err)
	}
	for _, de := range des {
		data, err := os.ReadFile(filepath.Join("testdata", dir, de.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys[de.Name()] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func export(t *testing.T, c *catalog.Catalog, fsys fstest.MapFS, locale, format string, all bool) []byte {
	t.Helper()
	units, err := Units(c, fsys, locale)
	if err != nil {
		t.Fatal(err)
	}
	if !all {
		units = Pending(units)
	}
	h := Header{Catalog: c.Name, Version: c.Version, SourceLocale: c.DefaultLocale, Locale: locale, Revised: revised}
	var b bytes.Buffer
	if format == "po" {
		err = WritePO(&b, h, units)
	} else {
		err = WriteXLIFF(&b, h, units)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExportGolden compares what the shop catalog exports for German.
func TestExportGolden(t *testing.T) {
	fsys := shop(t)
	c := load(t, fsys)
	for _, format := range []string{"po", "xliff"} {
		golden.Check(t, filepath.Join("testdata", "shop-de."+format), export(t, c, fsys, "de", format, false))
	}
}

// TestMsgfmt checks exported PO files with msgfmt --check, missing and changed texts
// and control characters included.
func TestMsgfmt(t *testing.T) {
	msgfmt, err := exec.LookPath("msgfmt")
	if err != nil {
		testenv.Missing(t, "msgfmt not installed (Debian package gettext)")
	}
	fsys := shop(t)
	fsys["errors.yaml"].Data = bytes.Replace(fsys["errors.yaml"].Data, []byte("Your card was declined."), []byte(`"Your card was\tdeclined \\ \u0001 \"now\".\nTry again."`), 1)
	c := load(t, fsys)
	var changed bytes.Buffer
	WritePO(&changed, Header{Catalog: "x", Locale: "de", Revised: revised}, []*Unit{
		{ID: "A", Field: "message", Source: "Two\nlines {0}", Target: "Zwei\nZeilen {0}", State: Changed, Params: []*catalog.Param{{Name: "n", Type: "int"}}},
	})
	for _, locale := range []string{"de", "fr", "ja", "changed"} {
		file := filepath.Join(t.TempDir(), locale+".po")
		data := changed.Bytes()
		if locale != "changed" {
			data = export(t, c, fsys, locale, "po", true)
		}
		os.WriteFile(file, data, 0o644)
		out, err := exec.Command(msgfmt, "--check", "-o", os.DevNull, file).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("msgfmt --check %s: %v\n%s", locale, err, out)
		}
	}
}

// TestXLIFFSchema validates exported XLIFF against the XLIFF 2.0 core schema.
func TestXLIFFSchema(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		testenv.Missing(t, "xmllint not installed (Debian package libxml2-utils)")
	}
	fsys := shop(t)
	fsys["errors.yaml"].Data = bytes.Replace(fsys["errors.yaml"].Data, []byte("Your card was declined."), []byte(`"Your card <was> & \u0001 declined."`), 1)
	c := load(t, fsys)
	var changed bytes.Buffer
	WriteXLIFF(&changed, Header{Catalog: "x", SourceLocale: "en", Locale: "de"}, []*Unit{
		{ID: "A", Field: "message", Source: "Two\nlines", Target: "Zwei\nZeilen", State: Changed, Description: "d"},
	})
	for _, tc := range []struct {
		locale string
		all    bool
	}{{"de", false}, {"de", true}, {"fr", true}, {"ja", false}, {"changed", false}, {"none", false}} {
		file := filepath.Join(t.TempDir(), tc.locale+".xlf")
		var data []byte
		switch tc.locale {
		case "changed":
			data = changed.Bytes()
		case "none":
			var b bytes.Buffer
			WriteXLIFF(&b, Header{Catalog: "x", SourceLocale: "en", Locale: "de"}, nil)
			data = b.Bytes()
		default:
			data = export(t, c, fsys, tc.locale, "xliff", tc.all)
		}
		os.WriteFile(file, data, 0o644)
		out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("testdata", "schema", "xliff_core_2.0.xsd"), file).CombinedOutput()
		if err != nil {
			t.Errorf("xmllint %s: %v\n%s", tc.locale, err, out)
		}
	}
}

// translate fills every unit of an exported file as a translator's tool would.
func translate(t *testing.T, format string, data []byte) []byte {
	t.Helper()
	s := string(data)
	if format == "po" {
		var out []string
		var id string
		for _, l := range strings.Split(s, "\n") {
			if strings.HasPrefix(l, "msgid ") {
				id = strings.TrimPrefix(l, "msgid ")
			}
			if l == `msgstr ""` && id != `""` {
				l = "msgstr " + strings.Replace(id, `"`, `"DE `, 1)
			}
			out = append(out, l)
		}
		return []byte(strings.Join(out, "\n"))
	}
	s = strings.ReplaceAll(s, "<segment>", `<segment state="translated">`)
	var out []string
	for _, l := range strings.Split(s, "\n") {
		out = append(out, l)
		if src, ok := strings.CutPrefix(strings.TrimSpace(l), "<source>"); ok {
			out = append(out, "        <target>DE "+src[:len(src)-len("</source>")]+"</target>")
		}
	}
	return []byte(strings.Join(out, "\n"))
}

// TestRoundTrip exports what German needs, translates it, imports it and exports
// again: nothing is left. Then a source text changes, and only it comes back.
func TestRoundTrip(t *testing.T) {
	for _, format := range []string{"po", "xliff"} {
		t.Run(format, func(t *testing.T) {
			fsys := shop(t)
			c := load(t, fsys)
			f := read(t, format, translate(t, format, export(t, c, fsys, "de", format, false)))
			if len(f.Texts) != 4 {
				t.Fatalf("read %d texts, want 4", len(f.Texts))
			}
			files, err := Merge(c, fsys, ".", f)
			if err != nil {
				t.Fatal(err)
			}
			for name, data := range files {
				fsys[name] = &fstest.MapFile{Data: data}
			}
			golden.Check(t, filepath.Join("testdata", "shop-de-merged-"+format+".yaml"), fsys["errors.de.yaml"].Data)
			c = load(t, fsys)
			if units, _ := Units(c, fsys, "de"); len(Pending(units)) != 0 {
				t.Errorf("pending after import: %d, want 0", len(Pending(units)))
			}
			fsys["errors.yaml"].Data = bytes.Replace(fsys["errors.yaml"].Data, []byte("Another account uses this name."), []byte("Another account already uses this name."), 1)
			c = load(t, fsys)
			units, _ := Units(c, fsys, "de")
			p := Pending(units)
			if len(p) != 1 || p[0].Key() != "USER-002|description" || p[0].State != Changed || p[0].Target != "DE Another account uses this name." {
				t.Errorf("pending after a change: %+v, want USER-002|description changed", p)
			}
		})
	}
}

func read(t *testing.T, format string, data []byte) *File {
	t.Helper()
	var f *File
	var err error
	if format == "po" {
		f, err = ReadPO("de.po", data)
	} else {
		f, err = ReadXLIFF("de.xlf", data)
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	return f
}

// TestHeldOutRoundTrip exports every translated text of two multi-language catalogs
// (one with plurals, selectordinals and selects in six locales) with its translation,
// imports it back and does so again: the texts do not change, and the second round
// trip leaves the files as the first wrote them.
func TestHeldOutRoundTrip(t *testing.T) {
	for _, dir := range []string{"shop", "validation"} {
		for _, format := range []string{"po", "xliff"} {
			orig := load(t, dirFS(t, dir))
			for _, locale := range orig.Locales() {
				t.Run(dir+"/"+format+"/"+locale, func(t *testing.T) {
					heldOut(t, dirFS(t, dir), format, locale)
				})
			}
		}
	}
}

func heldOut(t *testing.T, fsys fstest.MapFS, format, locale string) {
	before := load(t, fsys)
	roundTrip := func(c *catalog.Catalog) map[string][]byte {
		units, err := Units(c, fsys, locale)
		if err != nil {
			t.Fatal(err)
		}
		var cur []*Unit
		for _, u := range units {
			if u.State == Current {
				cur = append(cur, u)
			}
		}
		var b bytes.Buffer
		h := Header{Catalog: c.Name, SourceLocale: c.DefaultLocale, Locale: locale}
		if format == "po" {
			WritePO(&b, h, cur)
		} else {
			WriteXLIFF(&b, h, cur)
		}
		files, err := Merge(c, fsys, ".", read(t, format, b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	first := roundTrip(before)
	if len(first) != 1 {
		t.Fatalf("first round trip wrote %d files, want 1", len(first))
	}
	for name, data := range first {
		fsys[name] = &fstest.MapFile{Data: data}
	}
	after := load(t, fsys)
	for name, data := range roundTrip(after) {
		if string(data) != string(first[name]) {
			t.Errorf("second round trip changed %s:\n%s\nwant:\n%s", name, data, first[name])
		}
	}
	for i, tr := range before.Translations {
		for j, e := range tr.Errors {
			if a := after.Translations[i].Errors[j]; a.ID != e.ID || !equalTexts(a, e) {
				t.Errorf("%s changed in the round trip: %+v, want %+v", e.ID, a.Texts, e.Texts)
			}
		}
	}
}

func equalTexts(a, b *catalog.TranslatedEntry) bool {
	return a.Title == b.Title && a.Message == b.Message && a.Description == b.Description &&
		strings.Join(a.Causes, "\x00") == strings.Join(b.Causes, "\x00") && strings.Join(a.Resolutions, "\x00") == strings.Join(b.Resolutions, "\x00")
}

// TestImportProblems reports, at their place in the PO file, what lint would reject.
func TestImportProblems(t *testing.T) {
	fsys := shop(t)
	fsys["errors.yaml"].Data = bytes.Replace(fsys["errors.yaml"].Data, []byte(`"Your cart holds {count} items; the limit is {limit}."`),
		[]byte(`"Your cart holds {count, plural, one {# item} other {# items}}; the limit is {limit}."`), 1)
	c := load(t, fsys)
	po := `msgid ""
msgstr ""
"Language: ru\n"

msgctxt "CART-001|message"
msgid "x"
msgstr "В корзине {count, plural, one {# товар} other {# товаров}}; "
"предел {limit}."

msgctxt "CART-001|title"
msgid "x"
msgstr "Корзина {limit}"

msgctxt "USER-002|message"
msgid "x"
msgstr "Имя {name занято."

msgctxt "NOPE-1|message"
msgid "x"
msgstr "Нет"
`
	f, err := ReadPO("ru.po", []byte(po))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Merge(c, fsys, ".", f)
	want := `ru.po:7:19: CART-001|message: plural of count has no "few" arm, which ru uses: add few {…}
ru.po:7:19: CART-001|message: plural of count has no "many" arm, which ru uses: add many {…}
ru.po:12:9: CART-001|title: the translation uses {limit} but the source text uses no placeholder: keep every placeholder and add none
ru.po:16:19: USER-002|message: unexpected 'з' in placeholder: write {name}, {name, type} or {name, type, style}, or write '{{' for a literal brace
ru.po:20:9: catalog shop has no code "NOPE-1": export again to get the texts it has`
	if err == nil || err.Error() != want {
		t.Errorf("Merge error:\n%v\nwant:\n%s", err, want)
	}
}

// TestImportLocale refuses a file whose locale is not a language tag, which would
// otherwise name the translation file to create.
func TestImportLocale(t *testing.T) {
	fsys := shop(t)
	c := load(t, fsys)
	for _, locale := range []string{"../../etc/x", "en", ""} {
		f := &File{Locale: locale, Pos: catalog.Pos{File: "x.po", Line: 3, Col: 2}}
		if _, err := Merge(c, fsys, ".", f); err == nil {
			t.Errorf("Merge with locale %q: no error", locale)
		}
	}
}

// TestReadErrors checks the positions and messages of malformed files.
func TestReadErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"x.po", "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgctxt \"A|message\"\nmsgid \"a\"\nmsgid_plural \"b\"\n", "x.po:6:1: msgid_plural: errcat keeps a plural in one text as ICU arms, {n, plural, one {…} other {…}}; translate the arms inside msgstr"},
		{"x.po", "msgid \"\"\nmsgstr \"Language: de\\n\"\nmsgctxt \"A|message\"\nmsgid \"a\"\nmsgstr \"b\\q\"\n", "x.po:5:10: unknown escape \\q"},
		{"x.po", "msgid \"\"\nmsgstr \"\"\n", "x.po: no Language in the header entry: add \"Language: xx\\n\""},
		{"x.xlf", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="u" name="A|message"><segment><source>a</source><target>b<ph id="1"/></target></segment></unit></file></xliff>`, "x.xlf:1:185: <ph> inside a target: errcat texts are plain; write placeholders as {name}"},
		{"x.xlf", `<!DOCTYPE x [<!ENTITY a "b">]><xliff/>`, "x.xlf:1:31: <!DOCTYPE>: XLIFF files need no DTD; remove it"},
		{"x.xlf", `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="1.2">`, `x.xlf:1:68: XLIFF version "1.2": errcat reads XLIFF 2`},
	}
	for _, tt := range tests {
		var err error
		if strings.HasSuffix(tt.name, ".po") {
			_, err = ReadPO(tt.name, []byte(tt.src))
		} else {
			_, err = ReadXLIFF(tt.name, []byte(tt.src))
		}
		if err == nil || err.Error() != tt.want {
			t.Errorf("read %q:\n got %v\nwant %s", tt.src, err, tt.want)
		}
	}
}
