package frameworks

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/errcat/errcat/examples/petstore/apierr"
	"github.com/errcat/errcat/httperr"
	"github.com/labstack/echo/v4"
)

// show sends method path to url with a fixed request id and prints the response's
// status, Allow header and body.
func show(url, method, path string) {
	req, _ := http.NewRequest(method, url+path, nil)
	req.Header.Set("X-Request-Id", "req-1")
	req.Header.Set("Accept-Language", "vi")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, resp.Header.Get("Allow"), strings.TrimSpace(string(body)))
}

// A chi router answers unknown routes and wrong methods with h (chiRouter: chi's
// NotFound and MethodNotAllowed, the allowed methods asked of the router), and
// runs inside h.Wrap, which answers panics and oversized bodies.
func Example_chi() {
	h := &httperr.Handler{MaxBodyBytes: 1 << 20, Logger: slog.New(slog.DiscardHandler)}
	r := chiRouter(h)
	r.Get("/pets/{id}", func(w http.ResponseWriter, req *http.Request) {
		httperr.Write(w, req, apierr.PetNotFound(7))
	})
	r.Post("/pets", func(w http.ResponseWriter, req *http.Request) {})
	srv := httptest.NewServer(h.Wrap(r))
	defer srv.Close()

	show(srv.URL, "GET", "/pets/7")
	show(srv.URL, "GET", "/nope")
	show(srv.URL, "PUT", "/pets")
	// Output:
	// 404  {"type":"https://petstore.example.com/errors/PET-404","title":"No pet has this id","status":404,"detail":"Cửa hàng không có thú cưng nào với id 7.","instance":"urn:errcat:request:req-1","code":"PET-404","params":{"id":7}}
	// 404  {"type":"https://errcat.dev/catalogs/common/errors/000029/","title":"API không tồn tại","status":404,"detail":"Không tìm thấy API '/nope' với phương thức HTTP 'GET'.","instance":"urn:errcat:request:req-1","code":"000029","params":{"path":"/nope","method":"GET"}}
	// 405 POST {"type":"https://errcat.dev/catalogs/common/errors/000031/","title":"API này không hỗ trợ phương thức HTTP đã dùng","status":405,"detail":"Phương thức HTTP 'PUT' không được hỗ trợ cho API này. Các phương thức được hỗ trợ: POST.","instance":"urn:errcat:request:req-1","code":"000031","params":{"method":"PUT","allowed":"POST"}}
}

// An echo instance answers every error with h through its HTTPErrorHandler
// (echoServer: echo's own ErrNotFound and ErrMethodNotAllowed become the catalog's
// unknown-route and wrong-method codes), and runs inside h.Wrap.
func Example_echo() {
	h := &httperr.Handler{MaxBodyBytes: 1 << 20, Logger: slog.New(slog.DiscardHandler)}
	e := echoServer(h)
	e.GET("/pets/:id", func(c echo.Context) error { return apierr.PetNotFound(7) })
	e.POST("/pets", func(c echo.Context) error { return nil })
	srv := httptest.NewServer(h.Wrap(e))
	defer srv.Close()

	show(srv.URL, "GET", "/pets/7")
	show(srv.URL, "GET", "/nope")
	show(srv.URL, "PUT", "/pets")
	// Output:
	// 404  {"type":"https://petstore.example.com/errors/PET-404","title":"No pet has this id","status":404,"detail":"Cửa hàng không có thú cưng nào với id 7.","instance":"urn:errcat:request:req-1","code":"PET-404","params":{"id":7}}
	// 404  {"type":"https://errcat.dev/catalogs/common/errors/000029/","title":"API không tồn tại","status":404,"detail":"Không tìm thấy API '/nope' với phương thức HTTP 'GET'.","instance":"urn:errcat:request:req-1","code":"000029","params":{"path":"/nope","method":"GET"}}
	// 405 OPTIONS, POST {"type":"https://errcat.dev/catalogs/common/errors/000031/","title":"API này không hỗ trợ phương thức HTTP đã dùng","status":405,"detail":"Phương thức HTTP 'PUT' không được hỗ trợ cho API này. Các phương thức được hỗ trợ: OPTIONS, POST.","instance":"urn:errcat:request:req-1","code":"000031","params":{"method":"PUT","allowed":"OPTIONS, POST"}}
}
