package portal

import (
	"log/slog"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/httperr"
)

// TestServerRenderDeclared: the render API answers in the envelope the catalog
// declares, with its options and its transport status, when neither the query nor
// the server names one; the query naming the declared envelope keeps its options,
// another envelope is httperr's as it is, and a server's envelope overrides.
func TestServerRenderDeclared(t *testing.T) {
	bulk := "/api/errors/4013/render?catalog=bulk"
	identity := "/api/errors/2004/render?catalog=identity"
	for _, tt := range []struct {
		env          httperr.Envelope
		path, status string
		body         string
	}{
		{nil, bulk, "415", `{"response_status":{"status_code":4000,"messages":[{"status_code":4013,"type":"failed"}],"status":"failed"}}`},
		{nil, bulk + "&envelope=bulk", "415", `{"response_status":{"status_code":4000,"messages":[{"status_code":4013,"type":"failed"}],"status":"failed"}}`},
		{nil, bulk + "&envelope=simple", "415", `{"message":"Unsupported Content Type","code":4013,"data":null}`},
		{httperr.Simple, bulk, "415", `{"message":"Unsupported Content Type","code":4013,"data":null}`},
		{nil, identity, "200", `{"message":"User does not exist","code":2004,"data":null}`},
		{nil, identity + "&envelope=bulk", "200", `{"response_status":{"messages":[{"status_code":2004,"type":"failed","message":"User does not exist"}],"status":"failed"}}`},
	} {
		cats := []*catalog.Catalog{loadSeed(t, "../examples/seeds/004-bulk"), loadSeed(t, "../examples/seeds/003-identity")}
		s := NewServer(func() ([]*catalog.Catalog, error) { return cats, nil }, Options{Envelope: tt.env}, slog.New(slog.DiscardHandler))
		ts := httptest.NewServer(s)
		resp, body := get(t, ts.URL+tt.path)
		ts.Close()
		if resp.StatusCode != 200 || resp.Header.Get("Errcat-Status") != tt.status || body != tt.body {
			t.Errorf("%v %s: got %d Errcat-Status %s %s\nwant 200 %s %s", tt.env, tt.path, resp.StatusCode, resp.Header.Get("Errcat-Status"), body, tt.status, tt.body)
		}
	}
}

// TestPageShowsDeclaredFirst: with no envelope configured, a code's page opens on
// its catalog's declared envelope and lists the others after it.
func TestPageShowsDeclaredFirst(t *testing.T) {
	cats := []*catalog.Catalog{loadSeed(t, "../examples/seeds/004-bulk")}
	s, err := newSite(cats, Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := s.Catalogs[0]
	p := v.codePage(v.set.Lookup("4013"), v.DefaultLocale, "../../", nil, v.handler)
	if len(p.Responses) != 1 || p.Responses[0].Envelope != "bulk" || !p.Responses[0].Open ||
		!strings.Contains(p.Responses[0].Text, `"status_code": 4000`) || strings.Contains(p.Responses[0].Text, `"message"`) || !strings.HasPrefix(p.Responses[0].Text, "HTTP/1.1 415 ") {
		t.Errorf("responses %+v", p.Responses)
	}
	if got := strings.Join(p.OtherEnvelopes, " "); got != "problem simple google" {
		t.Errorf("other envelopes %q", got)
	}
}

func loadSeed(t *testing.T, dir string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.LoadFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
