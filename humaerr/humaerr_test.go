package humaerr_test

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humago"
	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/httperr"
	"github.com/errcat/errcat/humaerr"
)

type item struct {
	SKU string `json:"sku" minLength:"3"`
}

type orderInput struct {
	Body struct {
		Name  string `json:"name"`
		Items []item `json:"items,omitempty"`
	}
}

type search struct {
	Limit int `query:"limit" maximum:"10"`
}

type orderID struct {
	ID string `path:"id"`
}

// newAPI returns a huma API over a ServeMux, set up by humaerr.Config, with routes
// that fail in each way the tests ask about.
func newAPI() (http.Handler, huma.API) {
	h := &httperr.Handler{MaxBodyBytes: 1 << 10, Logger: slog.New(slog.DiscardHandler)}
	mux := http.NewServeMux()
	api := humago.New(mux, humaerr.Config(h, huma.DefaultConfig("Orders", "1.0.0")))
	huma.Post(api, "/orders", func(context.Context, *orderInput) (*struct{}, error) { return nil, nil })
	huma.Get(api, "/search", func(context.Context, *search) (*struct{}, error) { return nil, nil })
	huma.Get(api, "/orders/{id}", func(_ context.Context, in *orderID) (*struct{}, error) {
		switch in.ID {
		case "huma404":
			return nil, huma.Error404NotFound("no order " + in.ID)
		case "wrapped":
			return nil, huma.Error409Conflict("conflict", common.UnableToLocate("order", "7"))
		case "plain":
			return nil, errors.New("dial tcp 10.0.0.7:5432: connection refused")
		}
		return nil, common.UnableToLocate("order", in.ID)
	})
	return h.Wrap(mux), api
}

const problems = "https://errcat.dev/catalogs/common/errors/"

func TestErrors(t *testing.T) {
	srv, _ := newAPI()
	tests := []struct {
		name, method, path, body, accept string
		status                           int
		want                             string
	}{
		{"catalog error", "GET", "/orders/7", "", "", 404,
			`{"type":"` + problems + `000012/","title":"Object not found with provided ID","status":404,"detail":"Unable to locate order with id 7.","instance":"urn:errcat:request:req-1","code":"000012","params":{"kind":"order","id":"7"}}`},
		{"catalog error in a huma error", "GET", "/orders/wrapped", "", "", 404,
			`{"type":"` + problems + `000012/","title":"Object not found with provided ID","status":404,"detail":"Unable to locate order with id 7.","instance":"urn:errcat:request:req-1","code":"000012","params":{"kind":"order","id":"7"}}`},
		{"huma.Error404NotFound", "GET", "/orders/huma404", "", "", 404,
			`{"type":"` + problems + `000002/","title":"Resource Not Found","status":404,"detail":"Resource Not Found","instance":"urn:errcat:request:req-1","code":"000002"}`},
		{"plain error", "GET", "/orders/plain", "", "", 500,
			`{"type":"` + problems + `000001/","title":"Internal Server Error","status":500,"detail":"Internal Server Error","instance":"urn:errcat:request:req-1","code":"000001"}`},
		{"not acceptable", "GET", "/orders/7", "", "text/html", 406,
			`{"type":"` + problems + `000033/","title":"Unsupported media type in Accept header","status":406,"detail":"The media type(s) in your Accept header are not supported. Supported media types: application/problem+json, application/json.","instance":"urn:errcat:request:req-1","code":"000033","params":{"supported":"application/problem+json, application/json"}}`},
		{"huma.Error404NotFound, not acceptable", "GET", "/orders/huma404", "", "text/html", 404,
			`{"type":"` + problems + `000002/","title":"Resource Not Found","status":404,"detail":"Resource Not Found","instance":"urn:errcat:request:req-1","code":"000002"}`},
		{"validation", "POST", "/orders", `{"items":[{"sku":"ab"}]}`, "", 400,
			`{"type":"` + problems + `000003/","title":"Invalid Request","status":400,"detail":"Invalid Request","instance":"urn:errcat:request:req-1","code":"000003","errors":[{"pointer":"/items/0/sku","code":"000039","detail":"The value of the field 'items.0.sku' is invalid or does not exist."},{"pointer":"/name","code":"000038","detail":"Field 'name' is required and cannot be left blank."}]}`},
		{"parameter", "GET", "/search?limit=50", "", "", 400,
			`{"type":"` + problems + `000003/","title":"Invalid Request","status":400,"detail":"Invalid Request","instance":"urn:errcat:request:req-1","code":"000003","errors":[{"pointer":"/query/limit","code":"000039","detail":"The value of the field 'query.limit' is invalid or does not exist."}]}`},
		{"not JSON", "POST", "/orders", `{"name":`, "", 400,
			`{"type":"` + problems + `000003/","title":"Invalid Request","status":400,"detail":"Invalid Request","instance":"urn:errcat:request:req-1","code":"000003"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
			req.Header.Set("X-Request-Id", "req-1")
			if tt.accept != "" {
				req.Header.Set("Accept", tt.accept)
			}
			if tt.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			w := httptest.NewRecorder()
			srv.ServeHTTP(w, req)
			body, _ := io.ReadAll(w.Result().Body)
			if w.Code != tt.status || string(body) != tt.want {
				t.Errorf("got %d %s\nwant %d %s", w.Code, body, tt.status, tt.want)
			}
			for k, want := range map[string]string{"Content-Type": "application/problem+json", "Link": "",
				"Vary": "Accept, Accept-Language", "X-Content-Type-Options": "nosniff", "X-Request-Id": "req-1"} {
				if got := w.Header().Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
		})
	}
}

// TestErrorText: what a framework or log line prints of an Error is the catalog
// error's text, never the cause.
func TestErrorText(t *testing.T) {
	err := huma.NewError(500, "boom", errors.New("password=hunter2"))
	if got, want := err.Error(), "000001: Internal Server Error"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// TestOpenAPIErrorSchema: operations' error responses refer to errcat's problem
// schema, which the document defines.
func TestOpenAPIErrorSchema(t *testing.T) {
	_, api := newAPI()
	doc, err := json.Marshal(api.OpenAPI())
	if err != nil {
		t.Fatal(err)
	}
	var spec struct {
		Paths map[string]map[string]struct {
			Responses map[string]struct {
				Content map[string]struct {
					Schema struct {
						Ref string `json:"$ref"`
					} `json:"schema"`
				} `json:"content"`
			} `json:"responses"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]struct {
				Required   []string                   `json:"required"`
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"schemas"`
		} `json:"components"`
	}
	if err := json.Unmarshal(doc, &spec); err != nil {
		t.Fatal(err)
	}
	for path, ops := range spec.Paths {
		for method, op := range ops {
			resp, ok := op.Responses["default"]
			if !ok {
				t.Errorf("%s %s: no default response", method, path)
				continue
			}
			got := resp.Content["application/problem+json"].Schema.Ref
			if got != "#/components/schemas/ProblemDetails" {
				t.Errorf("%s %s: default error schema %q, want the ProblemDetails reference", method, path, got)
			}
		}
	}
	pd, ok := spec.Components.Schemas["ProblemDetails"]
	if !ok {
		t.Fatal("no ProblemDetails schema")
	}
	if got := strings.Join(pd.Required, ","); got != "type,title,status,code" {
		t.Errorf("required = %s", got)
	}
	for _, p := range []string{"type", "title", "status", "detail", "instance", "code", "params", "errors"} {
		if _, ok := pd.Properties[p]; !ok {
			t.Errorf("ProblemDetails lacks %q", p)
		}
	}
	if _, ok := spec.Components.Schemas["ErrorModel"]; ok {
		t.Error("huma's ErrorModel is still in the document")
	}
}
