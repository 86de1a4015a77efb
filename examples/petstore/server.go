package main

import (
	"encoding/json"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/errcat/errcat/examples/petstore/apierr"
	"github.com/errcat/errcat/httperr"
)

// Pet is a pet of the store.
type Pet struct {
	ID      int    `json:"id"`
	Name    string `json:"name" errcat:"required"`
	Species string `json:"species" errcat:"required"`
}

// store is the petstore's state, safe for concurrent use.
type store struct {
	mu     sync.Mutex
	pets   map[int]Pet
	nextID int
	closed bool
}

var species = []string{"cat", "dog", "fish"}

// newServer returns the petstore API: its routes inside an httperr.Handler that
// writes every error in env and logs to logger.
func newServer(env httperr.Envelope, logger *slog.Logger) http.Handler {
	s := &store{pets: map[int]Pet{1: {1, "Rex", "dog"}, 2: {2, "Tom", "cat"}}, nextID: 3}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /pets", s.list)
	mux.HandleFunc("GET /pets/{id}", s.get)
	mux.HandleFunc("POST /pets", s.create)
	mux.HandleFunc("DELETE /pets/{id}", s.delete)
	mux.HandleFunc("POST /admin/close", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.closed = true
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	})
	h := &httperr.Handler{
		Envelope:     env,
		Logger:       logger,
		MaxBodyBytes: 1 << 10,
		Timeout:      handlerTimeout,
		ContentTypes: []string{"application/json"},
		Maintenance: func(r *http.Request) (time.Duration, bool) {
			s.mu.Lock()
			defer s.mu.Unlock()
			return time.Hour, s.closed && !strings.HasPrefix(r.URL.Path, "/admin/")
		},
	}
	return h.Wrap(mux)
}

func (s *store) list(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	pets := make([]Pet, 0, len(s.pets))
	for _, p := range s.pets {
		pets = append(pets, p)
	}
	s.mu.Unlock()
	slices.SortFunc(pets, func(a, b Pet) int { return a.ID - b.ID })
	writeJSON(w, http.StatusOK, pets)
}

// petID returns the path's pet id, or the error a malformed one is answered with: an
// id the client did not send is never reported back as missing.
func petID(r *http.Request) (int, error) {
	n, err := strconv.Atoi(r.PathValue("id"))
	if err != nil || n < 0 {
		return 0, apierr.InvalidPetID(r.PathValue("id")).WithCause(err)
	}
	return n, nil
}

func (s *store) get(w http.ResponseWriter, r *http.Request) {
	id, err := petID(r)
	if err != nil {
		httperr.Write(w, r, err)
		return
	}
	s.mu.Lock()
	p, ok := s.pets[id]
	s.mu.Unlock()
	if !ok {
		httperr.Write(w, r, apierr.PetNotFound(id))
		return
	}
	writeJSON(w, http.StatusOK, p)
}

func (s *store) create(w http.ResponseWriter, r *http.Request) {
	var p Pet
	if err := httperr.DecodeJSON(w, r, &p); err != nil {
		httperr.Write(w, r, err)
		return
	}
	if !slices.Contains(species, p.Species) {
		httperr.Write(w, r, apierr.UnknownSpecies(p.Species, strings.Join(species, ", ")))
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, q := range s.pets {
		if strings.EqualFold(q.Name, p.Name) {
			httperr.Write(w, r, apierr.PetNameTaken(p.Name))
			return
		}
	}
	p.ID = s.nextID
	s.nextID++
	s.pets[p.ID] = p
	writeJSON(w, http.StatusCreated, p)
}

func (s *store) delete(w http.ResponseWriter, r *http.Request) {
	id, err := petID(r)
	if err != nil {
		httperr.Write(w, r, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.pets[id]; !ok {
		httperr.Write(w, r, apierr.PetNotFound(id))
		return
	}
	delete(s.pets, id)
	w.WriteHeader(http.StatusNoContent)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
