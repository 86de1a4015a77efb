// Package apierr is the petstore's error catalog as Go code, generated from
// ../errors by errcat gen go.
package apierr

//go:generate go run ../../../cmd/errcat gen go ../errors -o errors.go --package apierr
