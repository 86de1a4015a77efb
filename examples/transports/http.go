package main

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/errcat/errcat/examples/petstore/apierr"
	"github.com/errcat/errcat/httperr"
)

// handlerTimeout bounds each HTTP request inside the API.
const handlerTimeout = 2 * time.Second

// newHTTPHandler returns the HTTP side of the process: the petstore's JSON API
// inside an httperr.Handler (problem+json errors), and the Connect handlers of a
// beside it, each transport with its own error layer.
func newHTTPHandler(a *api, logger *slog.Logger) http.Handler {
	rest := http.NewServeMux()
	rest.HandleFunc("GET /pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		id, err := strconv.Atoi(r.PathValue("id"))
		if err != nil || id < 0 {
			httperr.Write(w, r, apierr.InvalidPetID(r.PathValue("id")).WithCause(err))
			return
		}
		p, err := a.s.get(id)
		if err != nil {
			httperr.Write(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, p)
	})
	rest.HandleFunc("POST /pets", func(w http.ResponseWriter, r *http.Request) {
		var p Pet
		if err := httperr.DecodeJSON(w, r, &p); err != nil {
			httperr.Write(w, r, err)
			return
		}
		p, err := a.s.create(p)
		if err != nil {
			httperr.Write(w, r, err)
			return
		}
		writeJSON(w, http.StatusCreated, p)
	})
	rest.HandleFunc("POST /debug/panic", func(http.ResponseWriter, *http.Request) { panic(errPanic) })
	h := &httperr.Handler{
		Logger:       logger,
		MaxBodyBytes: 1 << 10,
		Timeout:      handlerTimeout,
		ContentTypes: []string{"application/json"},
	}
	mux := http.NewServeMux()
	mountConnect(mux, a, logger)
	mux.Handle("/", h.Wrap(rest))
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
