package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// writeOutput writes data to path, or to w when path is "" or "-". A file is written
// to a temporary file beside it and renamed over it, so that a failure never leaves a
// half-written file behind.
func writeOutput(w io.Writer, path string, data []byte) error {
	if path == "" || path == "-" {
		_, err := w.Write(data)
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return findingsErrorf("cannot create %s: %v", dir, err)
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return findingsErrorf("cannot write %s: %v", path, err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return findingsErrorf("cannot write %s: %v", path, err)
	}
	if err := tmp.Close(); err != nil {
		return findingsErrorf("cannot write %s: %v", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return findingsErrorf("cannot write %s: %v", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return findingsErrorf("cannot write %s: %v", path, fmt.Errorf("rename: %w", err))
	}
	return nil
}
