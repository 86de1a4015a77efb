//go:build linux && (amd64 || arm64)

package portal

import (
	"runtime"
	"syscall"
	"unsafe"
)

// sysRenameat2 is renameat2's system call number, which package syscall lacks.
var sysRenameat2 = map[string]uintptr{"amd64": 316, "arm64": 276}[runtime.GOARCH]

// exchange swaps the directories a and b in one step (renameat2 RENAME_EXCHANGE), so
// a reader of either path sees one or the other, never neither. It fails where the
// file system cannot.
func exchange(a, b string) error {
	const atFDCWD, renameExchange = -0x64, 2
	pa, err := syscall.BytePtrFromString(a)
	if err != nil {
		return err
	}
	pb, err := syscall.BytePtrFromString(b)
	if err != nil {
		return err
	}
	fd := atFDCWD
	_, _, errno := syscall.Syscall6(sysRenameat2, uintptr(fd), uintptr(unsafe.Pointer(pa)), uintptr(fd), uintptr(unsafe.Pointer(pb)), renameExchange, 0)
	if errno != 0 {
		return errno
	}
	return nil
}
