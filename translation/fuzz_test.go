package translation

import (
	"bytes"
	"testing"
	"testing/fstest"
)

// FuzzPO checks that ReadPO never panics and reads back what WritePO writes of any
// text.
func FuzzPO(f *testing.F) {
	f.Add("msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgctxt \"A|message\"\nmsgid \"a\"\nmsgstr \"b\\n\"\n\"c\"\n", "x\ny\t\"z\"\\")
	f.Add("#~ msgid \"a\"\n#, fuzzy\nmsgstr \"\\101\"", "{n, plural, one {#} other {#}}")
	f.Fuzz(func(t *testing.T, src, text string) {
		ReadPO("f.po", []byte(src))
		if text == "" || !validText(text) {
			return
		}
		var b bytes.Buffer
		WritePO(&b, Header{Locale: "de"}, []*Unit{{ID: "A", Field: "message", Source: text, Target: text}})
		got, err := ReadPO("f.po", b.Bytes())
		if err != nil || len(got.Texts) != 1 || got.Texts[0].Text != text {
			t.Fatalf("round trip of %q: %v\n%s", text, err, b.Bytes())
		}
	})
}

// FuzzXLIFF checks that ReadXLIFF never panics and reads back what WriteXLIFF writes.
func FuzzXLIFF(f *testing.F) {
	f.Add(`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="de"><file id="f"><unit id="u" name="A|message"><segment state="final"><source>a</source><target>b<cp hex="0001"/>c</target></segment></unit></file></xliff>`, "a & <b>\x01")
	f.Fuzz(func(t *testing.T, src, text string) {
		ReadXLIFF("f.xlf", []byte(src))
		if text == "" || !validText(text) {
			return
		}
		var b bytes.Buffer
		WriteXLIFF(&b, Header{Locale: "de", SourceLocale: "en"}, []*Unit{{ID: "A", Field: "message", Source: text, Target: text, State: Current}})
		got, err := ReadXLIFF("f.xlf", b.Bytes())
		if err != nil || len(got.Texts) != 1 || got.Texts[0].Text != text {
			t.Fatalf("round trip of %q: %v\n%s", text, err, b.Bytes())
		}
	})
}

// validText reports whether s is text a catalog can hold: valid UTF-8 without NUL.
func validText(s string) bool {
	return bytes.IndexByte([]byte(s), 0) < 0 && string([]rune(s)) == s
}

// FuzzMerge checks that whatever text passes Check is written into the translation
// file so that the catalog loads it back unchanged, beside the entries already there.
func FuzzMerge(f *testing.F) {
	f.Add("Ihre Karte wurde abgelehnt.")
	f.Add("a \"quoted\"\n\tline: # not a comment \\ \x7f \u0085 \ufeff")
	f.Fuzz(func(t *testing.T, text string) {
		if text == "" || !validText(text) {
			return
		}
		fsys := shop(t)
		c := load(t, fsys)
		file := &File{Locale: "de", Texts: []*Translated{{Key: "PAY-003|message", Text: text}, {Key: "PAY-003[expired]|message", Text: text}}}
		if len(Check(c, file)) > 0 {
			return
		}
		files, err := Merge(c, fsys, ".", file)
		if err != nil {
			t.Fatal(err)
		}
		fsys["errors.de.yaml"] = &fstest.MapFile{Data: files["errors.de.yaml"]}
		c = load(t, fsys)
		got := map[string]string{}
		for _, tr := range c.Translations {
			for _, e := range tr.Errors {
				got[e.ID] = e.Message
			}
		}
		if got["PAY-003"] != text || got["PAY-003[expired]"] != text || got["CART-001"] == "" {
			t.Fatalf("merged %q, loaded %q\n%s", text, got, files["errors.de.yaml"])
		}
	})
}
