package main

import (
	"slices"
	"strings"
	"sync"

	"github.com/errcat/errcat/common"
	"github.com/errcat/errcat/examples/petstore/apierr"
)

// Pet is a pet of the store.
type Pet struct {
	ID      int    `json:"id"`
	Name    string `json:"name" errcat:"required"`
	Species string `json:"species" errcat:"required"`
}

// store is the petstore's state and rules, shared by every transport: each method
// returns the catalog error the call is answered with, whichever transport carries
// it. It is safe for concurrent use.
type store struct {
	mu     sync.Mutex
	pets   map[int]Pet
	nextID int
}

var species = []string{"cat", "dog", "fish"}

func newStore() *store {
	return &store{pets: map[int]Pet{1: {1, "Rex", "dog"}, 2: {2, "Tom", "cat"}}, nextID: 3}
}

// get returns the pet with id id, or PetNotFound.
func (s *store) get(id int) (Pet, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.pets[id]
	if !ok {
		return Pet{}, apierr.PetNotFound(id)
	}
	return p, nil
}

// create adds p under a new id and returns it: InvalidRequest with a FieldRequired
// per missing field, UnknownSpecies or PetNameTaken when p cannot be added.
func (s *store) create(p Pet) (Pet, error) {
	if err := validate(p); err != nil {
		return Pet{}, err
	}
	if !slices.Contains(species, p.Species) {
		return Pet{}, apierr.UnknownSpecies(p.Species, strings.Join(species, ", "))
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, q := range s.pets {
		if strings.EqualFold(q.Name, p.Name) {
			return Pet{}, apierr.PetNameTaken(p.Name)
		}
	}
	p.ID = s.nextID
	s.nextID++
	s.pets[p.ID] = p
	return p, nil
}

// validate reports the required fields p lacks, as httperr.DecodeJSON reports them
// for a JSON body: InvalidRequest with a FieldRequired per field, by JSON pointer.
func validate(p Pet) error {
	e := common.InvalidRequest()
	for _, f := range []struct{ name, value string }{{"name", p.Name}, {"species", p.Species}} {
		if f.value == "" {
			e.AddField("/"+f.name, common.FieldRequired(f.name))
		}
	}
	if len(e.Fields()) == 0 {
		return nil
	}
	return e
}

// errPanic is the value the panic route panics with: a secret that no transport may
// send to the client.
const errPanic = "the database password is hunter2"
