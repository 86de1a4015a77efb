package fibererr_test

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/fibererr"
	"github.com/errcat/errcat/httperr"
	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"
)

type pet struct {
	Name string `json:"name"`
	Age  int    `json:"age"`
}

func newApp(h *httperr.Handler) *fiber.App {
	app := fiber.New(fibererr.Config(h, fiber.Config{DisableStartupMessage: true}))
	app.Use(fibererr.Recover())
	app.Post("/pets", func(c *fiber.Ctx) error {
		var p pet
		if err := c.BodyParser(&p); err != nil {
			return err
		}
		return c.SendStatus(fiber.StatusCreated)
	})
	app.Get("/pets", func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	app.Get("/teapot", func(c *fiber.Ctx) error { return fmt.Errorf("brew: %w", fiber.ErrTooManyRequests) })
	app.Get("/pets/:id", func(c *fiber.Ctx) error { return common.UnableToLocate("pet", c.Params("id")) })
	app.Get("/panic", func(*fiber.Ctx) error { panic("secret panic value") })
	return app
}

const problems = "https://errcat.dev/catalogs/common/errors/"

func TestErrorHandler(t *testing.T) {
	h := &httperr.Handler{MaxBodyBytes: 32, Logger: slog.New(slog.DiscardHandler)}
	app := newApp(h)
	tests := []struct {
		name, method, path, body string
		status                   int
		allow, want              string
	}{
		{"catalog error", "GET", "/pets/7", "", 404, "",
			`{"type":"` + problems + `000012/","title":"Object not found with provided ID","status":404,"detail":"Unable to locate pet with id 7.","instance":"urn:errcat:request:req-1","code":"000012","params":{"kind":"pet","id":"7"}}`},
		{"bad JSON", "POST", "/pets", `{"name":`, 400, "",
			`{"type":"` + problems + `000003/","title":"Invalid Request","status":400,"detail":"Invalid Request","instance":"urn:errcat:request:req-1","code":"000003"}`},
		{"wrong JSON type", "POST", "/pets", `{"age":"x"}`, 400, "",
			`{"type":"` + problems + `000011/","title":"JSON field has incorrect data type","status":400,"detail":"The JSON data format is invalid. Please ensure that the age field is of type integer.","instance":"urn:errcat:request:req-1","code":"000011","params":{"field":"age","type":"integer"}}`},
		{"unknown route", "GET", "/nope", "", 404, "",
			`{"type":"` + problems + `000029/","title":"API endpoint does not exist","status":404,"detail":"API endpoint '/nope' with HTTP method 'GET' was not found.","instance":"urn:errcat:request:req-1","code":"000029","params":{"path":"/nope","method":"GET"}}`},
		{"fiber.ErrNotFound from a handler", "GET", "/pets", "", 404, "",
			`{"type":"` + problems + `000002/","title":"Resource Not Found","status":404,"detail":"Resource Not Found","instance":"urn:errcat:request:req-1","code":"000002"}`},
		{"wrapped fiber.Error", "GET", "/teapot", "", 429, "",
			`{"type":"` + problems + `000013/","title":"Too many requests","status":429,"detail":"Too many requests. Please try again later.","instance":"urn:errcat:request:req-1","code":"000013"}`},
		{"wrong method", "DELETE", "/pets", "", 405, "GET, HEAD, POST",
			`{"type":"` + problems + `000031/","title":"HTTP method not supported for this endpoint","status":405,"detail":"The HTTP method 'DELETE' is not supported for this endpoint. Supported methods: GET, HEAD, POST.","instance":"urn:errcat:request:req-1","code":"000031","params":{"method":"DELETE","allowed":"GET, HEAD, POST"}}`},
		{"panic", "GET", "/panic", "", 500, "",
			`{"type":"` + problems + `000001/","title":"Internal Server Error","status":500,"detail":"Internal Server Error","instance":"urn:errcat:request:req-1","code":"000001"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.path, strings.NewReader(tt.body))
			req.Header.Set("X-Request-Id", "req-1")
			if tt.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			resp, err := app.Test(req)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tt.status || string(b) != tt.want {
				t.Errorf("got %d %s\nwant %d %s", resp.StatusCode, b, tt.status, tt.want)
			}
			for k, want := range map[string]string{"Allow": tt.allow, "Content-Type": "application/problem+json",
				"Vary": "Accept, Accept-Language", "X-Content-Type-Options": "nosniff", "X-Request-Id": "req-1"} {
				if got := resp.Header.Get(k); got != want {
					t.Errorf("%s = %q, want %q", k, got, want)
				}
			}
		})
	}
}

// TestBodyLimit sends a body over the limit to a real server: fasthttp refuses it
// before any handler runs, and the error handler answers.
func TestBodyLimit(t *testing.T) {
	app := newApp(&httperr.Handler{MaxBodyBytes: 32, Logger: slog.New(slog.DiscardHandler)})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go app.Listener(ln)
	defer app.Shutdown()
	var req fasthttp.Request
	var resp fasthttp.Response
	req.SetRequestURI("http://" + ln.Addr().String() + "/pets")
	req.Header.SetMethod("POST")
	req.Header.SetContentType("application/json")
	req.Header.Set("X-Request-Id", "req-1")
	req.SetBodyString(`{"name":"` + strings.Repeat("x", 64) + `"}`)
	if err := fasthttp.Do(&req, &resp); err != nil {
		t.Fatal(err)
	}
	want := `{"type":"` + problems + `000024/","title":"Request payload is too large","status":413,"detail":"The request payload is too large. The limit is 32 bytes.","instance":"urn:errcat:request:req-1","code":"000024","params":{"detail":"The limit is 32 bytes"}}`
	if resp.StatusCode() != 413 || string(resp.Body()) != want {
		t.Errorf("got %d %s\nwant 413 %s", resp.StatusCode(), resp.Body(), want)
	}
}

// TestBodyLimitOfFiber: with no limit of h's, fiber's own is the one named.
func TestBodyLimitOfFiber(t *testing.T) {
	h := &httperr.Handler{Logger: slog.New(slog.DiscardHandler)}
	app := fiber.New(fibererr.Config(h, fiber.Config{BodyLimit: 16}))
	var ctx fasthttp.RequestCtx
	var req fasthttp.Request
	ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}, nil)
	ctx.Request.Header.Set("X-Request-Id", "req-1")
	app.Config().ErrorHandler(app.AcquireCtx(&ctx), fiber.ErrRequestEntityTooLarge)
	want := `{"type":"` + problems + `000024/","title":"Request payload is too large","status":413,"detail":"The request payload is too large. The limit is 16 bytes.","instance":"urn:errcat:request:req-1","code":"000024","params":{"detail":"The limit is 16 bytes"}}`
	if ctx.Response.StatusCode() != 413 || string(ctx.Response.Body()) != want {
		t.Errorf("got %d %s\nwant 413 %s", ctx.Response.StatusCode(), ctx.Response.Body(), want)
	}
}

// TestErrorHandlerAllocs holds the error path to what the error and its request id
// cost: fiber's context, response and the pooled body buffer are reused, and no
// net/http value is made.
func TestErrorHandlerAllocs(t *testing.T) {
	handler := newApp(&httperr.Handler{Logger: slog.New(slog.DiscardHandler)}).Handler()
	var ctx fasthttp.RequestCtx
	var req fasthttp.Request
	ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}, nil)
	serve := func() {
		ctx.Request.Reset()
		ctx.Response.Reset()
		ctx.Request.SetRequestURI("/pets/7")
		ctx.Request.Header.Set("X-Request-Id", "req-1")
		handler(&ctx)
	}
	serve()
	if ctx.Response.StatusCode() != 404 {
		t.Fatalf("status %d, want 404", ctx.Response.StatusCode())
	}
	if raceEnabled {
		t.Skip("allocation counts mean nothing under the race detector")
	}
	// common.UnableToLocate makes one allocation; ctx.Params one string.
	if n := testing.AllocsPerRun(100, serve); n > 2 {
		t.Errorf("%v allocations per error, want at most 2", n)
	}
}
