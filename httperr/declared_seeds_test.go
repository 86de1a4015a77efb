package httperr_test

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/internal/seeddoc"
)

// serveExamples returns a Handler-wrapped server that answers /CODE with the
// catalog's example error of CODE, and the catalog.
func serveExamples(t *testing.T, dir string) (http.Handler, *catalog.Catalog) {
	t.Helper()
	c, err := catalog.LoadFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	h := &httperr.Handler{Logger: slog.New(slog.DiscardHandler)}
	return h.Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		d := c.Set().Lookup(strings.TrimPrefix(r.URL.Path, "/"))
		if d == nil {
			t.Fatalf("no code %s", r.URL.Path)
		}
		e, err := c.Example(d)
		if err != nil {
			t.Fatal(err)
		}
		httperr.Write(w, r, e)
	})), c
}

// bulkDocumentMistakes are the published example bodies that are not what the
// documented envelope writes, and the body each means: 4002's has a stray 4 after
// "failed", and 4001's and 4007's leave out the envelope's status_code that every
// other example has. The example catalog's comments list the same mistakes.
var bulkDocumentMistakes = map[string][2]string{
	"4001": {`{"response_status":{"messages"`, `{"response_status":{"status_code":4000,"messages"`},
	"4002": {`"status":"failed"4}`, `"status":"failed"}`},
	"4007": {`{"response_status":{"messages"`, `{"response_status":{"status_code":4000,"messages"`},
}

// TestDeclaredBulkCatalogReproducesDocument: a zero Handler serving the bulk example
// catalog's examples answers each of the document's 17 example responses with its
// status and its body (white space removed), the catalog's declaration alone
// choosing the envelope, its code 4000, the field entries' and 4013/4015/4017's
// missing messages.
func TestDeclaredBulkCatalogReproducesDocument(t *testing.T) {
	doc := seeddoc.Read(t, seeddoc.Bulk)
	rows := regexp.MustCompile(`(?m)^.*? \| (\d{4}) \| (\d{3}) \| (\{.*\}) \|\s*$`).FindAllStringSubmatch(doc, -1)
	if len(rows) != 17 {
		t.Fatalf("read %d example responses from the document, want 17", len(rows))
	}
	srv, _ := serveExamples(t, "../examples/seeds/004-bulk")
	for _, r := range rows {
		code, want := r[1], seeddoc.SquashJSON(r[3])
		status, _ := strconv.Atoi(r[2])
		if m, ok := bulkDocumentMistakes[code]; ok {
			want = strings.Replace(want, m[0], m[1], 1)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+code, nil))
		if rec.Code != status || rec.Body.String() != want || rec.Header().Get("Content-Type") != "application/json" {
			t.Errorf("%s: got %d %s %s\nwant %d application/json %s", code, rec.Code, rec.Header().Get("Content-Type"), rec.Body, status, want)
		}
	}
}

// TestDeclaredIdentityCatalog: a zero Handler serving the {message, code, data}
// example catalog answers every one of its codes with the declared transport status
// 200 and the body the document's table gives.
func TestDeclaredIdentityCatalog(t *testing.T) {
	doc := seeddoc.Read(t, seeddoc.Identity)
	rows := regexp.MustCompile(`(?m)^(\d{4}) \| (.*?) \|\s*$`).FindAllStringSubmatch(doc, -1)
	if len(rows) != 99 {
		t.Fatalf("read %d codes from the document, want 99", len(rows))
	}
	srv, c := serveExamples(t, "../examples/seeds/003-identity")
	if n := len(c.Set().Definitions()); n != len(rows) {
		t.Errorf("the catalog has %d codes, the document %d", n, len(rows))
	}
	for _, r := range rows {
		code, message := r[1], strings.TrimSpace(r[2])
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/"+code, nil))
		want := `{"message":"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(message) + `","code":` + code + `,"data":null}`
		if rec.Code != 200 || rec.Body.String() != want || rec.Header().Get("Content-Type") != "application/json" {
			t.Errorf("%s: got %d %s %s\nwant 200 application/json %s", code, rec.Code, rec.Header().Get("Content-Type"), rec.Body, want)
		}
	}
}
