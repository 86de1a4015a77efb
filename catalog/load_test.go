package catalog

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/golden"
)

// TestLoadCases loads each testdata/load/<case>/input and compares the problems it
// reports (or "ok") with the case's want.txt.
func TestLoadCases(t *testing.T) {
	cases, err := filepath.Glob("testdata/load/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range cases {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			_, err := Load(os.DirFS(dir), "input")
			got := "ok\n"
			if err != nil {
				var probs Problems
				if !errors.As(err, &probs) {
					t.Fatalf("Load error of type %T, want Problems: %v", err, err)
				}
				got = probs.Error() + "\n"
			}
			golden.Check(t, filepath.Join(dir, "want.txt"), []byte(got))
		})
	}
}

func TestLoadMerged(t *testing.T) {
	c, err := Load(os.DirFS("testdata/load/ok-merged"), "input")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(c.Files, " "), "input/catalog.yaml input/errors/errors.vi.json input/errors/orders.yaml"; got != want {
		t.Errorf("Files = %q, want %q", got, want)
	}
	if c.Name != "shop" || c.Version != "2.1.0" || c.WireCode != "string" || c.DefaultLocale != "en" {
		t.Errorf("header = %q %q %q %q", c.Name, c.Version, c.WireCode, c.DefaultLocale)
	}
	if len(c.Operations) != 2 || c.Operation("ListItems").Description != "Every read of the item list." {
		t.Errorf("operations = %+v", c.Operations)
	}
	if len(c.Ranges) != 1 || c.Ranges[0].From != 100 || c.Ranges[0].To != 199 {
		t.Errorf("ranges = %+v", c.Ranges)
	}
	e := c.Lookup("SHOP-100")
	if got, want := e.PosOf("message").String(), "input/errors/orders.yaml:6:15"; got != want {
		t.Errorf("PosOf(message) = %s, want %s", got, want)
	}
	if e.Deprecated == nil || e.Deprecated.ReplacedBy != "SHOP-101" || e.Examples[0].Params["wait"] != "72h" || e.Examples[0].Field != "/items/0" {
		t.Errorf("deprecated/examples = %+v %+v", e.Deprecated, e.Examples)
	}
	s := c.Set()
	d := s.Lookup("SHOP-100")
	err2 := d.New(errcat.String("socks"), errcat.Duration(72*time.Hour))
	if got, want := err2.Message("en"), "Item socks is out of stock; {restock} in 72h."; got != want {
		t.Errorf("Message = %q, want %q", got, want)
	}
	if got, want := err2.Message("vi"), "Sản phẩm socks đã hết hàng."; got != want {
		t.Errorf("Message(vi) = %q, want %q", got, want)
	}
	if got, want := d.GRPC(), "ABORTED"; got != want {
		t.Errorf("derived GRPC = %q, want %q", got, want)
	}
	u := s.Lookup("SHOP-101")
	if u.GRPC() != "FAILED_PRECONDITION" || u.LogLevel().String() != "WARN" || u.Public() || !u.Retryable() || u.Category() != "stock" {
		t.Errorf("SHOP-101 = grpc %s level %s public %v retryable %v", u.GRPC(), u.LogLevel(), u.Public(), u.Retryable())
	}
	if got := d.DocsURL(); got != "https://docs.example.com/errors/SHOP-100" {
		t.Errorf("DocsURL = %q", got)
	}
}

func TestFind(t *testing.T) {
	got, err := Find(os.DirFS("testdata"), "load/...")
	if err != nil {
		t.Fatal(err)
	}
	want := "load/across-files/input load/anchors/input load/empty/input load/fields/input load/header-conflict/input load/json/input load/json-kinds/input load/ok-merged/input load/response/input load/response-json/input load/response-none/input load/response-ok/input load/syntax/input load/translations/input"
	if strings.Join(got, " ") != want {
		t.Errorf("Find = %q\nwant %q", strings.Join(got, " "), want)
	}
	if _, err := Find(os.DirFS("."), "model.go/..."); err == nil {
		t.Error("Find of a file with /... succeeded, want an error")
	}
}

func TestLoadFilesPaths(t *testing.T) {
	_, err := LoadFiles("testdata/load/fields/input/errors.yaml", "testdata/no-such-dir")
	if err == nil || !strings.Contains(err.Error(), "testdata/load/fields/input/errors.yaml:7:5: unknown field") ||
		!strings.Contains(err.Error(), "testdata/no-such-dir: cannot open catalog: no such file or directory") {
		t.Errorf("LoadFiles error =\n%v", err)
	}
}

// TestSetConcurrent checks that the runtime set, compiled on first use, is one set
// whoever asks first, and that a catalog with problems has none and says why.
func TestSetConcurrent(t *testing.T) {
	c, err := Load(os.DirFS("testdata/load/ok-merged"), "input")
	if err != nil {
		t.Fatal(err)
	}
	sets := make(chan *errcat.Set, 8)
	for range 8 {
		go func() { sets <- c.Set() }()
	}
	first := <-sets
	for range 7 {
		if s := <-sets; s != first || s == nil {
			t.Fatal("concurrent Set calls returned different or nil sets")
		}
	}
	bad, _ := Load(os.DirFS("testdata/load/fields"), "input")
	if s, err := bad.Compile(); s != nil || err == nil || !strings.Contains(err.Error(), "has load problems") {
		t.Errorf("Compile of a catalog with problems = %v, %v", s, err)
	}
}

func TestCodeSyntaxOK(t *testing.T) {
	for code, want := range map[string]bool{"000012": true, "PET-404": true, "E.1_x": true, "a b": false, "x[0]": false, "{x}": false, "a\r": false, "a\tb": false} {
		if got := CodeSyntaxOK(code); got != want {
			t.Errorf("CodeSyntaxOK(%q) = %v, want %v", code, got, want)
		}
	}
}

// TestLoadResponse holds the declared wire shape from the file to the runtime set.
func TestLoadResponse(t *testing.T) {
	c, err := Load(os.DirFS("testdata/load/response-ok"), "input")
	if err != nil {
		t.Fatal(err)
	}
	want := errcat.ResponseSpec{Envelope: "bulk", Status: 200, BulkStatusCode: 4000, OmitFieldMessage: true}
	if got := c.Response.Spec(); got != want {
		t.Errorf("Response.Spec() = %+v, want %+v", got, want)
	}
	if got := c.Set().Response(); got != want {
		t.Errorf("Set().Response() = %+v, want %+v", got, want)
	}
	if got, want := c.Response.PosOf("bulk.status_code").String(), "input/errors.yaml:7:18"; got != want {
		t.Errorf("PosOf(bulk.status_code) = %s, want %s", got, want)
	}
	if c.FixedStatus() != 200 {
		t.Errorf("FixedStatus() = %d, want 200", c.FixedStatus())
	}
	if d := c.Set().Lookup("4013"); !d.OmitMessage() || !d.Public() {
		t.Errorf("4013: OmitMessage() = %v, Public() = %v; want true, true", d.OmitMessage(), d.Public())
	}
}
