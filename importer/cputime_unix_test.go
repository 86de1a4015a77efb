//go:build unix

package importer

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used, in user and system mode:
// unlike wall time, it does not grow when other processes share the machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
