package frameworks

import (
	"encoding/json"
	"net/http"

	"github.com/errcat/errcat/httperr"
)

// newServeMux returns the API on net/http's ServeMux inside h.Wrap: the reference
// every framework is held to.
func newServeMux(h *httperr.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		if err := petNotFound(r.PathValue("id")); err != nil {
			httperr.Write(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, Pet{Name: "Rex"})
	})
	mux.HandleFunc("POST /pets", func(w http.ResponseWriter, r *http.Request) {
		var p Pet
		if err := httperr.DecodeJSON(w, r, &p); err != nil {
			httperr.Write(w, r, err)
			return
		}
		writeJSON(w, http.StatusCreated, p)
	})
	mux.HandleFunc("OPTIONS /pets", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	mux.HandleFunc("GET /panic", func(http.ResponseWriter, *http.Request) { panic("nil map") })
	mux.HandleFunc("GET /secret", func(w http.ResponseWriter, r *http.Request) { httperr.Write(w, r, secretError()) })
	mux.HandleFunc("GET /plain", func(w http.ResponseWriter, r *http.Request) { httperr.Write(w, r, plainError()) })
	return h.Wrap(mux)
}

// writeJSON writes v as a JSON response with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
