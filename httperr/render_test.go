package httperr

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/common"
)

// twoLocales is a catalog in en and vi in which only E1 is translated.
var twoLocales = errcat.MustNewSet(errcat.SetSpec{Name: "two", Locales: []string{"vi"}, Errors: []errcat.Spec{
	{Code: "E1", Name: "Gone", Status: 404, Texts: errcat.Texts{Message: "Gone."}, Translations: map[string]errcat.Texts{"vi": {Message: "Đã mất."}}},
	{Code: "E2", Name: "Late", Status: 503, Texts: errcat.Texts{Message: "Late."}},
	{Code: "E3", Name: "NotFound", Status: 404, Texts: errcat.Texts{Message: "No route {0} for {1}."}, Params: []errcat.Param{{Name: "path"}, {Name: "method"}}},
	{Code: "E4", Name: "BadMethod", Status: 405, Texts: errcat.Texts{Message: "{0} not allowed."}, Params: []errcat.Param{{Name: "method"}, {Name: "allowed"}}},
}})

// TestContentLanguageIsRendered: Content-Language names the locale the texts are in,
// the default one for a code without a translation.
func TestContentLanguageIsRendered(t *testing.T) {
	h := &Handler{Logger: slogDiscard()}
	for _, tt := range []struct {
		err        *errcat.Error
		lang, want string
		text       string
	}{
		{twoLocales.Lookup("E1").New(), "vi", "vi", "Đã mất."},
		{twoLocales.Lookup("E2").New(), "vi", "en", "Late."},
		{twoLocales.Lookup("E1").New(), "fr, vi;q=0.5", "vi", "Đã mất."},
		{twoLocales.Lookup("E1").New(), "de", "en", "Gone."},
		{common.TooManyRequests(), "ko", "en", "Too many requests"},
		{common.TooManyRequests(), "vi", "vi", "Quá nhiều yêu cầu"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("Accept-Language", tt.lang)
		w := httptest.NewRecorder()
		h.Write(w, r, tt.err)
		if got := w.Header().Get("Content-Language"); got != tt.want || !strings.Contains(w.Body.String(), tt.text) {
			t.Errorf("%s for %q: Content-Language %q, body %s; want %q over %q", tt.err.Code(), tt.lang, got, w.Body, tt.want, tt.text)
		}
	}
}

func TestNegotiateLocaleMatching(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "x", Locales: []string{"vi", "pt-BR", "zh-Hans", "en-US"}, Errors: []errcat.Spec{{Code: "1", Texts: errcat.Texts{Message: "m"}}}})
	for header, want := range map[string]string{
		"zh-Hant": "en", "zh-TW": "en", "zh-CN": "zh-Hans", "zh": "zh-Hans", "en-GB": "en", "en-US": "en-US", "PT_br": "pt-BR",
		"vi;q=0.2, pt;q=0.9": "pt-BR", "*": "en", "vi;q=0": "en", "x" + strings.Repeat("-abcdefgh", 20) + ", vi": "vi",
		strings.Repeat("de,", 40) + "vi": "en", // only the first 16 ranges are read
	} {
		if got := NegotiateLocale(set, header); got != want {
			t.Errorf("NegotiateLocale(%.40q) = %q, want %q", header, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { NegotiateLocale(set, "fr-CA, pt;q=0.8, vi;q=0.5") }); n != 0 {
		t.Errorf("NegotiateLocale allocates %v times, want 0", n)
	}
}

// TestNotFoundIsBounded: a long path is echoed cut, in the body and the log.
func TestNotFoundIsBounded(t *testing.T) {
	logs := &syncBuffer{}
	h := &Handler{Logger: newJSONLogger(logs)}
	srv := httptest.NewServer(h.Wrap(http.NewServeMux()))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/" + strings.Repeat("a", 1<<20))
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	fmt.Fprint(&body, readAll(t, resp))
	if resp.StatusCode != 404 && resp.StatusCode != 431 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if resp.StatusCode == 404 && (body.Len() > 2048 || !strings.Contains(body.String(), "aaa…")) {
		t.Errorf("404 body of %d bytes: %.300s", body.Len(), body.String())
	}
	if n := len(logs.String()); n > 4096 {
		t.Errorf("log of %d bytes for one 404", n)
	}
	w := httptest.NewRecorder()
	r := httptest.NewRequest("GET", "/", nil)
	r.URL.Path = "/" + strings.Repeat("é", 1<<19)
	h.Wrap(http.NewServeMux()).ServeHTTP(w, r)
	if w.Code != 404 || w.Body.Len() > 2048 || !json.Valid(w.Body.Bytes()) || !strings.Contains(w.Body.String(), "éé…") {
		t.Errorf("404 of %d bytes: %.300s", w.Body.Len(), w.Body)
	}
}

// TestNotFoundHonoursCodes: the not-found and method-not-allowed handlers routers
// are given answer with the remapped codes, and the latter with Allow.
func TestNotFoundHonoursCodes(t *testing.T) {
	h := &Handler{Logger: slogDiscard(), Codes: Codes{NotFound: twoLocales.Lookup("E3"), MethodNotAllowed: twoLocales.Lookup("E4")}}
	w := httptest.NewRecorder()
	h.NotFound(w, httptest.NewRequest("GET", "/x", nil))
	if w.Code != 404 || !strings.Contains(w.Body.String(), `"code":"E3"`) || !strings.Contains(w.Body.String(), "No route /x for GET.") {
		t.Errorf("NotFound: %d %s", w.Code, w.Body)
	}
	w = httptest.NewRecorder()
	w.Header().Set("Allow", "GET, HEAD")
	h.MethodNotAllowed(w, httptest.NewRequest("PUT", "/x", nil))
	if w.Code != 405 || !strings.Contains(w.Body.String(), `"code":"E4"`) || w.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("MethodNotAllowed: %d %v %s", w.Code, w.Header(), w.Body)
	}
	resp := h.Render(nil, Request{Method: "PUT"}, h.MethodNotAllowedError("PUT", "GET, POST"))
	if resp.Status != 405 || resp.Allow != "GET, POST" {
		t.Errorf("Render of MethodNotAllowedError: %d Allow %q", resp.Status, resp.Allow)
	}
	// The mux's own 404 and 405 take the remapped codes too.
	mux := http.NewServeMux()
	mux.HandleFunc("GET /x", func(http.ResponseWriter, *http.Request) {})
	for _, c := range []struct{ method, code, allow string }{{"GET", "E3", ""}, {"PUT", "E4", "GET, HEAD"}} {
		w := httptest.NewRecorder()
		path := "/x"
		if c.code == "E3" {
			path = "/y"
		}
		h.Wrap(mux).ServeHTTP(w, httptest.NewRequest(c.method, path, nil))
		if !strings.Contains(w.Body.String(), `"code":"`+c.code+`"`) || w.Header().Get("Allow") != c.allow {
			t.Errorf("mux %s %s: %v %s", c.method, path, w.Header(), w.Body)
		}
	}
}

// TestRenderIsWrite: Render makes the status, headers and body Write sends, for every
// envelope, Accept and Accept-Language.
func TestRenderIsWrite(t *testing.T) {
	errs := []error{
		common.UnableToLocate("item", "7"),
		RetryAfter(common.TooManyRequests(), 2500e6),
		twoLocales.Lookup("E1").New(),
		errors.New("db password=s3cr3t"),
		&http.MaxBytesError{Limit: 10},
	}
	for _, env := range Envelopes {
		h := &Handler{Envelope: env, Logger: slogDiscard()}
		h2 := &Handler{Envelope: env, Logger: slogDiscard(), Codes: Codes{MethodNotAllowed: twoLocales.Lookup("E4")}}
		for _, err := range append(errs, h2.MethodNotAllowedError("PUT", "GET")) {
			for _, hdr := range [][2]string{{"", ""}, {"application/json", "vi"}, {"text/html", "de"}} {
				r := httptest.NewRequest("PUT", "/p", nil)
				r.Header.Set("Accept", hdr[0])
				r.Header.Set("Accept-Language", hdr[1])
				r.Header.Set("X-Request-ID", "r-1")
				w := httptest.NewRecorder()
				h2.Write(w, r, err)
				resp := h2.Render(nil, RequestOf(r), err)
				got := http.Header{}
				resp.Headers(func(k, v string) { got[k] = []string{v} })
				if resp.Status != w.Code || string(resp.Body) != w.Body.String() || fmt.Sprint(got) != fmt.Sprint(w.Header()) {
					t.Errorf("%s %v %q:\nRender %d %v %s\nWrite  %d %v %s", env.Name(), err, hdr, resp.Status, got, resp.Body, w.Code, w.Header(), w.Body)
				}
			}
		}
		_ = h
	}
}

// TestRenderAllocs: rendering into a caller's buffer allocates nothing.
func TestRenderAllocs(t *testing.T) {
	h := &Handler{Logger: slogDiscard()}
	err := common.UnableToLocate("item", "7")
	req := Request{Method: "GET", Path: "/items/7", AcceptLanguage: "vi", RequestID: "r-1"}
	buf := make([]byte, 0, 1024)
	if n := testing.AllocsPerRun(100, func() { buf = h.Render(buf[:0], req, err).Body }); n != 0 {
		t.Errorf("Render allocates %v times, want 0", n)
	}
}

type coded struct{ code int }

func (c coded) Error() string   { return fmt.Sprintf("framework says %d: secret=hunter2", c.code) }
func (c coded) StatusCode() int { return c.code }

type hStatus struct{ s int }

func (h hStatus) Error() string  { return "secret=hunter2" }
func (h hStatus) GetStatus() int { return h.s }

type plainStatus int

func (p plainStatus) Error() string { return "secret=hunter2" }
func (p plainStatus) Status() int   { return int(p) }

// TestClassify: errors carrying a 4xx status map to the catalog's codes for it, and
// nothing of their own text reaches the body.
func TestClassify(t *testing.T) {
	var syn *json.SyntaxError
	_ = json.Unmarshal([]byte(`{`), &struct{}{})
	synErr := json.Unmarshal([]byte(`{"a" 1}`), &struct{}{})
	errors.As(synErr, &syn)
	typErr := json.Unmarshal([]byte(`{"a": "x"}`), &struct {
		A int `json:"a"`
	}{})
	byStatus := &Handler{Logger: slogDiscard(), Codes: Codes{ByStatus: map[int]*errcat.Definition{409: common.ErrValueAlreadyExists}}}
	for _, tt := range []struct {
		h      *Handler
		err    error
		code   string
		status int
	}{
		{nil, coded{404}, "000002", 404},
		{nil, fmt.Errorf("bind: %w", coded{400}), "000003", 400},
		{nil, coded{415}, "000052", 415},
		{nil, coded{429}, "000013", 429},
		{nil, coded{418}, "000003", 400},
		{nil, coded{502}, "000001", 500},
		{nil, hStatus{405}, "000031", 405},
		{nil, plainStatus(413), "000024", 413},
		{nil, errors.Join(errors.New("x"), coded{404}), "000002", 404},
		{nil, &http.MaxBytesError{Limit: 5}, "000024", 413},
		{nil, synErr, "000003", 400},
		{nil, typErr, "000011", 400},
		{byStatus, coded{409}, "000037", 409},
		{nil, errors.New("secret=hunter2"), "000001", 500},
	} {
		h := tt.h
		if h == nil {
			h = &Handler{Logger: slogDiscard()}
		}
		e := h.Classify(tt.err)
		if e.Code() != tt.code || e.Status() != tt.status || !errors.Is(e, tt.err) {
			t.Errorf("Classify(%v) = %v (%d), want %s (%d)", tt.err, e, e.Status(), tt.code, tt.status)
		}
		resp := h.Render(nil, Request{}, tt.err)
		if strings.Contains(string(resp.Body), "hunter2") || strings.Contains(string(resp.Body), "framework says") {
			t.Errorf("body of %v leaks its text: %s", tt.err, resp.Body)
		}
	}
}

func newJSONLogger(w io.Writer) *slog.Logger { return slog.New(slog.NewJSONHandler(w, nil)) }

func readAll(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestProblemTitleIsStable: the problem title does not change from occurrence to
// occurrence (RFC 9457 §3.1.3), in the client's locale: the title when it names no
// param, else the summary, else the title with its placeholders named.
func TestProblemTitleIsStable(t *testing.T) {
	set := errcat.MustNewSet(errcat.SetSpec{Name: "t", Locales: []string{"vi"}, Errors: []errcat.Spec{
		{Code: "T1", Name: "Plain", Status: 409, Texts: errcat.Texts{Title: "Conflict here", Message: "Conflict on {0}."}, Params: []errcat.Param{{Name: "what"}}},
		{Code: "T2", Name: "Summed", Status: 404, Texts: errcat.Texts{Title: "No {0}", Summary: "Thing missing", Message: "No {0}."}, Params: []errcat.Param{{Name: "thing"}},
			Translations: map[string]errcat.Texts{"vi": {Title: "Không có {0}", Summary: "Thiếu", Message: "Không có {0}."}}},
		{Code: "T3", Name: "Named", Status: 400, Texts: errcat.Texts{Title: "Bad {0} in {field}", Message: "Bad."}, Params: []errcat.Param{{Name: "field"}}},
	}})
	h := &Handler{Logger: slogDiscard()}
	for _, tt := range []struct {
		code, lang, want string
	}{
		{"T1", "", "Conflict here"}, {"T2", "", "Thing missing"}, {"T2", "vi", "Thiếu"}, {"T3", "", "Bad {field} in {field}"},
	} {
		for i, v := range []string{"a", "b", "c"} { // the third write is from a compiled frame
			resp := h.Render(nil, Request{AcceptLanguage: tt.lang, RequestID: "r"}, set.Lookup(tt.code).New(errcat.String(v)))
			var body struct{ Title, Detail string }
			if err := json.Unmarshal(resp.Body, &body); err != nil || body.Title != tt.want {
				t.Errorf("%s %q, occurrence %d: title %q, want %q (%s)", tt.code, tt.lang, i, body.Title, tt.want, resp.Body)
			}
		}
	}
}
