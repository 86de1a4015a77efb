// Package bench compares errcat's error path with other Go error libraries, side by
// side in one run. It is a module of its own so that errcat's module does not depend on
// the peers. See README.md for the command and the results.
package bench
