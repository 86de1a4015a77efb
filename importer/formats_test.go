package importer

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
)

func TestCSV(t *testing.T) {
	d, err := CSV("shop", []byte("code,status,title,message,causes,colour\nE1,404,Order {0} missing,\"Order {0} was not found, sorry.\",Deleted | Never made,red\nE1,,,Order gone.,,\n,400,,no code,,\n"))
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, d)
	e := c.Lookup("E1")
	if e == nil || e.Status != 404 || e.Message != "Order {0} was not found, sorry." || len(e.Causes) != 2 || len(e.Params) != 1 || len(e.Variants) != 1 {
		t.Fatalf("E1 = %+v", e)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{`column "colour" is not mapped`, "E1 appears 2 times", "has no code: skipped"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	if n := strings.Count(notes, "is not mapped"); n != 1 {
		t.Errorf("%d notes of a column not mapped, want one:\n%s", n, notes)
	}
}

func TestProperties(t *testing.T) {
	d, err := Properties("shop", map[string][]byte{
		"messages.properties":    []byte("# Errors\nORDER-404=Order {0} was not found.\nORDER-404.title = Order missing\nORDER-409: Order {0} exists; it''s a duplicate of \\\n  {1}.\nBRACES=Use {{x}} literally {not a placeholder}\n"),
		"messages_vi.properties": []byte("ORDER-404=Kh\\u00f4ng t\\u00ecm th\\u1ea5y \\u0111\\u01a1n {0}.\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, d)
	if e := c.Lookup("ORDER-409"); e.Message != "Order {0} exists; it's a duplicate of {1}." || len(e.Params) != 2 {
		t.Errorf("ORDER-409 = %q %d params", e.Message, len(e.Params))
	}
	if e := c.Lookup("ORDER-404"); e.Title != "Order missing" {
		t.Errorf("ORDER-404 title %q", e.Title)
	}
	if got := c.Set().Lookup("BRACES").New().Message(""); got != "Use {{x}} literally {not a placeholder}" {
		t.Errorf("BRACES renders %q", got)
	}
	if got := c.Set().Lookup("ORDER-404").New().Message("vi"); got != "Không tìm thấy đơn {p0?}." {
		t.Errorf("vi renders %q", got)
	}
}

func TestJSON(t *testing.T) {
	d, err := JSON("api", []byte(`{"errors": [{"errorCode": 1001, "text": "Unknown user {0}", "http": 404}, {"text": "no code"}]}`),
		map[string]string{"code": "errorCode", "message": "text", "status": "http"})
	if err != nil {
		t.Fatal(err)
	}
	c := load(t, d)
	if e := c.Lookup("1001"); e == nil || e.Status != 404 || e.Message != "Unknown user {0}" {
		t.Fatalf("1001 = %+v", e)
	}
	if !strings.Contains(strings.Join(d.Notes, "\n"), "an object has no errorCode: skipped") {
		t.Errorf("notes: %v", d.Notes)
	}
}

func FuzzMarkdown(f *testing.F) {
	f.Add([]byte("| Code | Message |\n|---|---|\n| E1 | Hi {0} |\nE1\nMessage\nHello {0}.\nRoot Cause\n- x - y\n"))
	f.Add([]byte("AUTH-401\nAuthentication Failed\nDesc\nPossible Causes:\n  • a\nResolution:\nDo it.\n"))
	f.Add([]byte("Error Code Status Message Returned By\n1 500 Unexpected error. All Represents an error.\n107 Db error. Create, Read* You did it.\n* Reads are reads.\n"))
	f.Add([]byte("# T\n\n| Code | HTTP status | Message | Returned By | Example response |\n|---|---|---|---|---|\n| 1 | 400 | Bad | All data operations\\*, Login | `{\"response_status\":{\"messages\":[{\"status_code\":1,\"field\":\"a_b\",\"message\":\"Bad a_b\"}]}}` |\n\n\\* Data operations are CRUD.\n"))
	f.Add([]byte("### A-401\n\n**Failed**\n\nName `Failed` · HTTP 401 Unauthorized\n\nIt failed.\n\n#### Possible Causes:\n\n- a\n\n#### Returned By\n\nLogin†, All\n\n† Logins.\n"))
	f.Add([]byte("The format is:\n{\nmessage: 'x',\ncode: 1000,\n}\nCode | Description |\n---|---|\n1000 | Busy |\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, d := range []*Draft{Markdown("x", data), Text("x", data)} {
			if len(d.Errors) > 0 {
				load(t, d) // fails the test when the imported catalog has problems
			}
		}
	})
}

// FuzzStructured feeds arbitrary bytes to the CSV, properties and JSON importers: each
// must refuse them with an error or import a catalog that loads without problems.
// Properties are imported with a Vietnamese bundle, and with an English one beside
// the base file.
func FuzzStructured(f *testing.F) {
	f.Add([]byte("code,status,title,message,causes\nE1,404,Order {0} missing,\"Order {0} was not found.\",Deleted | Never made\n"))
	f.Add([]byte("E1=Order {0} was not found.\nE1.title=Order missing\n# comment\nE2 : it''s gone \\\n  for good\n"))
	f.Add([]byte(`{"errors": [{"errorCode": 1001, "text": "Unknown user {0}", "http": 404}, {"text": "no code"}]}`))
	f.Add([]byte(`[{"code": "E1", "message": "x {0} {1}", "status": "404"}]`))
	f.Add([]byte("a.cart=Holds {0,choice,0#none|1#one|1<{0,number,integer} items}; limit {1}.\nb.c=It''s {0,choice,1#{1}|2<{{0}} {x\n"))
	f.Add([]byte("a.b.Max.message = must be at most {value}\na.b.Min.message = ${x ? '{y}' : ''}{min} {0,number} {a.b.c}\nc.Max.message = {{x}} {max\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4<<10 {
			t.Skip()
		}
		for _, imp := range []func() (*Draft, error){
			func() (*Draft, error) { return CSV("x", data) },
			func() (*Draft, error) {
				return Properties("x", map[string][]byte{"messages.properties": data, "messages_vi.properties": data})
			},
			func() (*Draft, error) {
				// The English bundle holds the data's keys and more, with other texts.
				en := append([]byte("extra.Key.message = {other} text\n"), bytes.ReplaceAll(data, []byte("="), []byte("= en "))...)
				return Properties("x", map[string][]byte{"messages.properties": data, "messages_en.properties": en, "messages_de.properties": en})
			},
			func() (*Draft, error) {
				return JSON("x", data, map[string]string{"code": "errorCode", "message": "text", "status": "http"})
			},
			func() (*Draft, error) { return JSON("x", data, nil) },
		} {
			if d, err := imp(); err == nil && len(d.Errors) > 0 {
				load(t, d)
			}
		}
	})
}

// TestSkippedCodes: an entry with no code, or with one a catalog cannot hold, is left
// out with a note, so that the imported catalog still loads.
func TestSkippedCodes(t *testing.T) {
	long := "L" + strings.Repeat("0", 1024)
	d, err := Properties("shop", map[string][]byte{
		"messages.properties":    []byte("OK-1=Fine.\n[x]=Bracketed.\n:No key.\n" + long + "=Too long a key.\n"),
		"messages_vi.properties": []byte(long + "=Quá dài.\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	load(t, d)
	if len(d.Errors) != 1 || d.Errors[0].Code != "OK-1" {
		t.Errorf("imported %d entries, want only OK-1", len(d.Errors))
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{`"[x]": skipped: a catalog code cannot hold brackets, braces or white space; rename it in the source`,
		`an entry without a code was skipped (message "No key.")`,
		"skipped: the code is longer than 1024 bytes, the longest key a catalog file holds; shorten it in the source"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

// TestStatusOutOfRange: a number in a status column that is not an HTTP status is
// dropped with a note, not written into a catalog that would not load.
func TestStatusOutOfRange(t *testing.T) {
	d, err := CSV("shop", []byte("code,status,message\nE1,1,One.\nE2,404,Two.\nE2,700,Two again.\n"))
	if err != nil {
		t.Fatal(err)
	}
	load(t, d)
	if d.Errors[0].Status != 0 || d.Errors[1].Status != 404 || d.Errors[1].Variants[0].Status != 0 {
		t.Errorf("statuses %d, %d, %d; want 0, 404, 0", d.Errors[0].Status, d.Errors[1].Status, d.Errors[1].Variants[0].Status)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{"E1: status 1 in the source is not an HTTP status (100 to 599): dropped",
		"E2[0]: status 700 in the source is not an HTTP status (100 to 599): dropped"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
}

// TestPropertiesLatin1: a .properties file that is not UTF-8 is read as ISO-8859-1,
// as Java reads them, and the report says so; a code that is not UTF-8 in a source
// that should be is skipped, not written as U+FFFD twice.
func TestPropertiesLatin1(t *testing.T) {
	d, err := Properties("shop", map[string][]byte{
		"messages.properties":    []byte("E1=Caf\xe9 {0} is closed.\n"),
		"messages_fr.properties": []byte("E1=Le caf\xe9 {0} est ferm\xe9.\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	load(t, d)
	if got := d.Errors[0].Message; got != "Café {0} is closed." {
		t.Errorf("message %q", got)
	}
	if got := d.Translations["fr"][0].Message; got != "Le café {0} est fermé." {
		t.Errorf("translation %q", got)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{"messages.properties is not UTF-8: read as ISO-8859-1", "messages_fr.properties is not UTF-8"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}

	d, err = CSV("shop", []byte("code,message\n\xdf,One.\n\xf4,Two.\nOK,Three.\n"))
	if err != nil {
		t.Fatal(err)
	}
	load(t, d)
	if len(d.Errors) != 1 || d.Errors[0].Code != "OK" {
		t.Errorf("imported %d entries, want only OK", len(d.Errors))
	}
	if notes := strings.Join(d.Notes, "\n"); !strings.Contains(notes, `"\xdf": skipped: the code is not valid UTF-8`) {
		t.Errorf("notes lack the skipped code:\n%s", notes)
	}
}

// TestSkippedTranslations: a translation of a code a catalog cannot hold is left out
// of its file, with a note, as the code itself is.
func TestSkippedTranslations(t *testing.T) {
	d, err := Properties("shop", map[string][]byte{
		"messages.properties":    []byte("OK-1=Fine.\n"),
		"messages_vi.properties": []byte("OK-1=Tốt.\n[x]=Ngoặc.\n"),
	})
	if err != nil {
		t.Fatal(err)
	}
	load(t, d)
	if got := d.Translations["vi"]; len(got) != 1 || got[0].Code != "OK-1" {
		t.Errorf("vi translations %d, want only OK-1", len(got))
	}
	want := `vi translation of "[x]": skipped: a catalog code cannot hold brackets, braces or white space; rename it in the source`
	if notes := strings.Join(d.Notes, "\n"); !strings.Contains(notes, want) {
		t.Errorf("notes lack %q:\n%s", want, notes)
	}
}

// TestTableLongRow: a table row is split into message, operations and description
// at a bounded number of places, so that a long row costs memory in proportion to
// its length (every split of a row of 16,000 sentences took 1.5 GB).
func TestTableLongRow(t *testing.T) {
	data := []byte("Error Code Status Message Returned By\n107 500 " + strings.Repeat("Word. ", 16000) + "\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := Text("x", data)
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
		t.Errorf("a row of %d KiB allocated %d MiB, want under 32 MiB", len(data)>>10, alloc>>20)
	}
	if len(d.Errors) != 1 || d.Errors[0].Message != "Word." {
		t.Errorf("imported %d codes, want 107 with the message Word.", len(d.Errors))
	}
}
