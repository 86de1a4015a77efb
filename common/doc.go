// Package common is errcat's built-in catalog as Go code: the general-purpose codes
// 000001–000052 with their HTTP statuses, one typed constructor and one
// sentinel per code. It imports only the errcat runtime and the standard library.
//
//	err := common.UnableToLocate("project", id).WithCause(sqlErr)
//	errors.Is(err, common.ErrUnableToLocate) // true
//
// The httperr package raises these codes for framework failures (unknown route, wrong
// method, body too large, …) unless told to use others.
package common

//go:generate go run ../cmd/errcat gen go ./source -o common.go --package common
