package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/common/source"
	"github.com/errcat/errcat/portal"
	"github.com/spf13/cobra"
)

func newServe() *cobra.Command {
	var addr, title, envelope string
	var interval time.Duration
	var cacheMiB int
	cmd := &cobra.Command{
		Use:   "serve [PATH...]",
		Short: "Serve the documentation portal of catalogs, rebuilt when they change",
		Long: `serve serves the documentation site of each catalog PATH (a catalog file, a
directory of them, or dir/... for every catalog below dir) from memory, with a JSON API:

  GET /api/errors?q=WORDS[&locale=L][&catalog=C][&limit=N]
  GET /api/errors/{code}[?locale=L][&catalog=C]
  GET /api/errors/{code}/render?envelope=problem|simple|bulk|google&locale=L&param=NAME=VALUE

The render API and the pages answer in the envelope the catalog declares (its response
field, with its options and transport status; problem when none) unless --envelope or
the query names another.

It listens at once and answers 503 until the catalogs have loaded. Pages are rendered
when first asked for and the latest kept in a bounded cache. It rebuilds the site when
a catalog file changes (once the files are stable); a catalog with problems leaves the
last good site served with the problems shown on its pages, paths relative to PATH.
Without PATH it serves the built-in common catalog. At start-up there is no good site
yet: a path that cannot be read exits 2 before listening, and a catalog with problems
exits 1 once its first load ends.`,
		Example: `  errcat serve
  errcat serve ./errors --addr :8080`,
		RunE: func(cmd *cobra.Command, a []string) error {
			env, err := envelopeFlag(envelope)
			if err != nil {
				return usageErrorf("serve: %v", err)
			}
			if cacheMiB < 1 {
				return usageErrorf("serve: --cache %d: give at least 1 (MiB)", cacheMiB)
			}
			stderr := cmd.ErrOrStderr()
			if len(a) > 0 {
				if _, err := findCatalogs(a); err != nil {
					return err
				}
			}
			load := func() ([]*catalog.Catalog, error) { return loadForServe(a) }
			logger := slog.New(slog.NewTextHandler(stderr, nil))
			srv := portal.StartServer(load, portal.Options{Title: title, Roots: a, Envelope: env, CacheBytes: cacheMiB << 20}, logger)
			return listenAndServe(cmd.Context(), stderr, srv, addr, a, interval)
		},
	}
	cmd.Flags().StringVar(&addr, "addr", "localhost:8080", "address to listen on, such as :8080 for every interface")
	cmd.Flags().StringVar(&title, "title", "", `title of a site of several catalogs (default "Error catalogs")`)
	cmd.Flags().DurationVar(&interval, "watch-interval", 500*time.Millisecond, "how often to look for changed catalog files")
	cmd.Flags().StringVar(&envelope, "envelope", "", "envelope of the example response on each page: "+envelopeNames()+" (default: each catalog's declared envelope, else problem)")
	cmd.Flags().IntVar(&cacheMiB, "cache", 64, "MiB of rendered pages kept in memory")
	return cmd
}

// listenAndServe serves srv at addr until an interrupt, watching paths for changes.
// A first load with problems leaves no good site to keep: it prints them and stops
// with a finding.
func listenAndServe(ctx context.Context, stderr io.Writer, srv *portal.Server, addr string, paths []string, interval time.Duration) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return findingsErrorf("serve: %v", err)
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	if len(paths) > 0 {
		go srv.Watch(ctx, paths, interval)
	}
	hs := &http.Server{Handler: served(srv), ReadHeaderTimeout: 10 * time.Second}
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(shut)
	}()
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	// A first load with problems leaves no good site to keep: stop.
	select {
	case <-srv.Ready():
	case <-ctx.Done():
	}
	if p := srv.Problems(); p != "" {
		for _, line := range strings.Split(p, "\n") {
			fmt.Fprintln(stderr, printable(line))
		}
		stop()
		<-served
		return findingsErrorf("serve: no site to serve: fix the problems above (once serving, a catalog with problems keeps the last good site up)")
	}
	fmt.Fprintf(stderr, "errcat: serving the docs portal at http://%s/ (Ctrl-C stops)\n", displayAddr(ln.Addr()))
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return findingsErrorf("serve: %v", err)
	}
	return nil
}

// served is what errcat serve answers with: the portal, gzipped for clients that
// accept it.
func served(srv *portal.Server) http.Handler { return portal.Gzip(srv) }

// loadForServe loads each catalog the paths name; without paths, the built-in common
// catalog.
func loadForServe(paths []string) ([]*catalog.Catalog, error) {
	if len(paths) == 0 {
		c, err := source.Load()
		if err != nil {
			return nil, err
		}
		return []*catalog.Catalog{c}, nil
	}
	return loadEach(paths)
}

// displayAddr is the address to open in a browser: localhost for every interface.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}
