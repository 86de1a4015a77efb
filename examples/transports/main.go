package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	httpAddr := flag.String("http", "localhost:8081", "address of the HTTP JSON API and the Connect handlers")
	grpcAddr := flag.String("grpc", "localhost:9090", "address of the gRPC server")
	flag.Parse()
	logger := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *httpAddr, *grpcAddr, logger); err != nil {
		logger.Error("petstore stopped", "err", err)
		os.Exit(1)
	}
}

// run serves one store over HTTP and Connect on httpAddr and over gRPC on grpcAddr
// until ctx is done or a server fails.
func run(ctx context.Context, httpAddr, grpcAddr string, logger *slog.Logger) error {
	hl, err := net.Listen("tcp", httpAddr)
	if err != nil {
		return err
	}
	gl, err := net.Listen("tcp", grpcAddr)
	if err != nil {
		hl.Close()
		return err
	}
	a := &api{s: newStore()}
	hs := newHTTPServer(newHTTPHandler(a, logger))
	gs := newGRPCServer(a, logger)
	logger.Info("petstore listening", "http", hl.Addr().String(), "grpc", gl.Addr().String())
	failed := make(chan error, 2)
	go func() { failed <- hs.Serve(hl) }()
	go func() { failed <- gs.Serve(gl) }()
	select {
	case err = <-failed:
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	hs.Shutdown(shutdown)
	gs.GracefulStop()
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	return err
}

// newHTTPServer returns the server for h with every timeout set, so that a slow or
// idle client cannot hold a connection.
func newHTTPServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      handlerTimeout + 10*time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}
