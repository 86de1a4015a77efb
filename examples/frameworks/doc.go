// Package frameworks shows errcat's HTTP layer in the web frameworks people use:
// chi and echo by a recipe of a few lines each (chi.go, echo.go), gin, fiber and
// huma through the adapter modules ginerr, fibererr and humaerr. Each file builds
// the same small API the way doc/frameworks.md documents it, and the tests hold
// every framework's failures to the bytes net/http's ServeMux with
// httperr.Handler.Wrap answers with.
package frameworks
