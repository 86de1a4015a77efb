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
	"time"

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
	if err := newHTTPServer(*addr, newServer(env, logger)).ListenAndServe(); err != nil {
		logger.Error("petstore stopped", "err", err)
		os.Exit(1)
	}
}

// handlerTimeout bounds each request inside the API (see newServer).
const handlerTimeout = 2 * time.Second

// newHTTPServer returns the server for h on addr, with every timeout set: a client
// that sends its headers or body slowly, or keeps an idle connection, is cut off
// rather than holding a connection (http.Server has no limit by default). Writing may
// take longer than the handler's own timeout, which answers with an error in time.
func newHTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      handlerTimeout + 10*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
