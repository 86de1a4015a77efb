package frameworks

import (
	"errors"
	"fmt"
	"strconv"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/examples/petstore/apierr"
)

// Pet is the body POST /pets reads.
type Pet struct {
	Name string `json:"name"`
}

// Secret is what the database error behind GET /secret says: it must reach the log
// and never a client.
const Secret = `pq: password authentication failed for user "admin"`

// The routes every app serves, the same in each framework:
//
//	GET /pets/{id}   200 for id 1, else PET-404 (petNotFound)
//	POST /pets       201 with the pet read from a JSON body
//	OPTIONS /pets    204 (echo answers OPTIONS on every route; the others are told to)
//	GET /panic       panics
//	GET /secret      a catalog error whose cause holds Secret
//	GET /plain       an error of no catalog whose text holds Secret

// petNotFound returns the error of GET /pets/{id}, or nil for pet 1.
func petNotFound(id string) error {
	n, err := strconv.Atoi(id)
	if err != nil {
		n = -1
	}
	if n == 1 {
		return nil
	}
	return apierr.PetNotFound(n)
}

// plainError returns an error that is no catalog error, holding Secret: answered
// as an internal error, its text logged only.
func plainError() error {
	return fmt.Errorf("list pets: %s", Secret)
}

// secretError returns a catalog error wrapping a cause that holds Secret, as a
// repository's error would reach a handler.
func secretError() error {
	cause := fmt.Errorf("load pet 7: %w", errors.New(Secret))
	return fmt.Errorf("get pet: %w", apierr.ErrPetNotFound.Wrap(cause, errcat.Int(7)))
}
