package ginerr_test

import (
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/ginerr"
	"github.com/errcat/errcat/httperr"
	"github.com/gin-gonic/gin"
)

type item struct {
	SKU string `json:"sku" binding:"min=3"`
}

type order struct {
	Name  string `json:"name" binding:"required"`
	Items []item `json:"items" binding:"dive"`
}

// newEngine returns a gin engine set up by Register, with routes that fail in each
// way the tests ask about.
func newEngine(h *httperr.Handler) *gin.Engine {
	gin.SetMode(gin.ReleaseMode)
	r := gin.New()
	ginerr.Register(r, h)
	r.POST("/orders", func(c *gin.Context) {
		var o order
		if err := c.ShouldBindJSON(&o); err != nil {
			c.Error(err)
			return
		}
		c.Status(http.StatusCreated)
	})
	r.GET("/orders", func(c *gin.Context) {
		c.Error(errors.New("first"))
		c.Error(common.UnableToLocate("order", "7"))
	})
	r.GET("/half", func(c *gin.Context) {
		c.String(http.StatusOK, "partial")
		c.Writer.Flush()
		panic("after the header")
	})
	r.GET("/panic", func(*gin.Context) { panic("secret panic value") })
	return r
}

func serve(r http.Handler, method, path, body string) (*http.Response, string) {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	req.Header.Set("X-Request-Id", "req-1")
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	w := httptest.NewRecorder()
	r.ServeHTTP(w, req)
	b, _ := io.ReadAll(w.Result().Body)
	return w.Result(), string(b)
}

func TestRegisterAnswersFailures(t *testing.T) {
	h := &httperr.Handler{Logger: slog.New(slog.DiscardHandler)}
	r := newEngine(h)
	tests := []struct {
		name, method, path, body string
		status                   int
		allow, want              string
	}{
		{"validation", "POST", "/orders", `{"items":[{"sku":"ab"},{"sku":"abc"}]}`, 400, "",
			`{"type":"https://errcat.dev/catalogs/common/errors/000003/","title":"Invalid Request","status":400,"detail":"Invalid Request","instance":"urn:errcat:request:req-1","code":"000003","errors":[{"pointer":"/name","code":"000038","detail":"Field 'name' is required and cannot be left blank."},{"pointer":"/items/0/sku","code":"000039","detail":"The value of the field 'items.0.sku' is invalid or does not exist."}]}`},
		{"bad JSON", "POST", "/orders", `{"name":`, 400, "",
			`{"type":"https://errcat.dev/catalogs/common/errors/000003/","title":"Invalid Request","status":400,"detail":"Invalid Request","instance":"urn:errcat:request:req-1","code":"000003"}`},
		{"last c.Error", "GET", "/orders", "", 404, "",
			`{"type":"https://errcat.dev/catalogs/common/errors/000012/","title":"Object not found with provided ID","status":404,"detail":"Unable to locate order with id 7.","instance":"urn:errcat:request:req-1","code":"000012","params":{"kind":"order","id":"7"}}`},
		{"unknown route", "GET", "/nope", "", 404, "",
			`{"type":"https://errcat.dev/catalogs/common/errors/000029/","title":"API endpoint does not exist","status":404,"detail":"API endpoint '/nope' with HTTP method 'GET' was not found.","instance":"urn:errcat:request:req-1","code":"000029","params":{"path":"/nope","method":"GET"}}`},
		{"wrong method", "DELETE", "/orders", "", 405, "GET, POST",
			`{"type":"https://errcat.dev/catalogs/common/errors/000031/","title":"HTTP method not supported for this endpoint","status":405,"detail":"The HTTP method 'DELETE' is not supported for this endpoint. Supported methods: GET, POST.","instance":"urn:errcat:request:req-1","code":"000031","params":{"method":"DELETE","allowed":"GET, POST"}}`},
		{"panic", "GET", "/panic", "", 500, "",
			`{"type":"https://errcat.dev/catalogs/common/errors/000001/","title":"Internal Server Error","status":500,"detail":"Internal Server Error","instance":"urn:errcat:request:req-1","code":"000001"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp, body := serve(r, tt.method, tt.path, tt.body)
			if resp.StatusCode != tt.status || body != tt.want {
				t.Errorf("got %d %s\nwant %d %s", resp.StatusCode, body, tt.status, tt.want)
			}
			if got := resp.Header.Get("Allow"); got != tt.allow {
				t.Errorf("Allow = %q, want %q", got, tt.allow)
			}
			if got := resp.Header.Get("Content-Type"); got != "application/problem+json" {
				t.Errorf("Content-Type = %q", got)
			}
		})
	}
}

// TestRecoveryAfterWrite: a panic once the response has begun can only abort it, as
// net/http does.
func TestRecoveryAfterWrite(t *testing.T) {
	r := newEngine(&httperr.Handler{Logger: slog.New(slog.DiscardHandler)})
	defer func() {
		if v := recover(); v != http.ErrAbortHandler {
			t.Errorf("recovered %v, want http.ErrAbortHandler", v)
		}
	}()
	serve(r, "GET", "/half", "")
	t.Error("no panic")
}
