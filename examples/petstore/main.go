// Command petstore is a small API that shows errcat's HTTP layer: its own catalog
// with a Vietnamese translation, generated constructors, every envelope, and the
// framework failures errcat answers for it.
//
//	go run ./examples/petstore --envelope problem --addr :8081
//	curl -s localhost:8081/pets/99 -H 'Accept-Language: vi'
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"os"

	"github.com/errcat/errcat/httperr"
)

func main() {
	addr := flag.String("addr", ":8081", "address to listen on")
	envelope := flag.String("envelope", "problem", "error envelope: problem, simple, bulk or google")
	flag.Parse()
	env := httperr.EnvelopeByName(*envelope)
	if env == nil {
		fmt.Fprintf(os.Stderr, "petstore: --envelope %q: want problem, simple, bulk or google\n", *envelope)
		os.Exit(2)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	logger.Info("petstore listening", "addr", *addr, "envelope", env.Name())
	if err := http.ListenAndServe(*addr, newServer(env, logger)); err != nil {
		logger.Error("petstore stopped", "err", err)
		os.Exit(1)
	}
}
