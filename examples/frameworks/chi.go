package frameworks

import (
	"net/http"
	"strings"

	"github.com/errcat/errcat/httperr"
	"github.com/go-chi/chi/v5"
)

// chiRouter returns a chi router whose unknown routes and wrong methods h answers;
// serve it inside h.Wrap, which answers panics and oversized bodies. Leave out
// chi's middleware.Recoverer: Wrap answers panics in the catalog's terms.
func chiRouter(h *httperr.Handler) *chi.Mux {
	r := chi.NewRouter()
	r.NotFound(h.NotFound)
	r.MethodNotAllowed(func(w http.ResponseWriter, req *http.Request) {
		// chi tells a custom handler nothing of the allowed methods: ask the router.
		var allow []string
		for _, m := range chiMethods {
			if r.Match(chi.NewRouteContext(), m, req.URL.Path) {
				allow = append(allow, m)
			}
		}
		w.Header().Set("Allow", strings.Join(allow, ", "))
		h.MethodNotAllowed(w, req)
	})
	return r
}

// chiMethods are the methods chi routes, sorted as a ServeMux sorts Allow.
var chiMethods = []string{"CONNECT", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "TRACE"}

// newChi returns the API on chi.
func newChi(h *httperr.Handler) http.Handler {
	r := chiRouter(h)
	r.Get("/pets/{id}", func(w http.ResponseWriter, req *http.Request) {
		if err := petNotFound(chi.URLParam(req, "id")); err != nil {
			httperr.Write(w, req, err)
			return
		}
		writeJSON(w, http.StatusOK, Pet{Name: "Rex"})
	})
	r.Post("/pets", func(w http.ResponseWriter, req *http.Request) {
		var p Pet
		if err := httperr.DecodeJSON(w, req, &p); err != nil {
			httperr.Write(w, req, err)
			return
		}
		writeJSON(w, http.StatusCreated, p)
	})
	r.Options("/pets", func(w http.ResponseWriter, req *http.Request) { w.WriteHeader(http.StatusNoContent) })
	r.Get("/panic", func(http.ResponseWriter, *http.Request) { panic("nil map") })
	r.Get("/secret", func(w http.ResponseWriter, req *http.Request) { httperr.Write(w, req, secretError()) })
	r.Get("/plain", func(w http.ResponseWriter, req *http.Request) { httperr.Write(w, req, plainError()) })
	return h.Wrap(r)
}
