package portal

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/errcat/errcat/catalog"
)

// WriteDir generates the site of the catalogs into dir. The site is written into a new
// directory beside dir and put in dir's place only once complete, so dir is never left
// half-written: on failure it is as it was. A dir that exists must be a directory that
// holds an earlier site (it has an index.html) or nothing.
func WriteDir(cats []*catalog.Catalog, opts Options, dir string) (Stats, error) {
	dir = filepath.Clean(dir)
	if err := checkTarget(dir); err != nil {
		return Stats{}, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-")
	if err != nil {
		return Stats{}, err
	}
	defer os.RemoveAll(tmp) // nothing left once renamed
	stats, err := Generate(cats, opts, &dirOutput{root: tmp, made: map[string]bool{}})
	if err == nil {
		err = replaceDir(tmp, dir)
	}
	if err != nil {
		return Stats{}, err
	}
	return stats, nil
}

// replaceDir puts the complete directory tmp in dir's place, removing what was there.
func replaceDir(tmp, dir string) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// checkTarget refuses to replace a file, or a directory that is not an earlier site.
func checkTarget(dir string) error {
	fi, err := os.Stat(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is a file; give a directory for the site", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		return fmt.Errorf("%s holds files that are not a site errcat wrote; give an empty or new directory", dir)
	}
	return nil
}

// dirOutput writes files under root, making directories as needed.
type dirOutput struct {
	root string
	mu   sync.Mutex
	made map[string]bool
}

func (o *dirOutput) WriteFile(name string, data []byte) error {
	path := filepath.Join(o.root, filepath.FromSlash(name))
	dir := filepath.Dir(path)
	o.mu.Lock()
	made := o.made[dir]
	o.mu.Unlock()
	if !made {
		// A page's directory is new and its parent usually exists: one mkdir, not
		// MkdirAll's stat per level.
		if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		o.mu.Lock()
		o.made[dir] = true
		o.mu.Unlock()
	}
	return os.WriteFile(path, data, 0o644)
}

// Files is a site held in memory: its files by slash-separated path. It is an
// [Output]; errcat serve serves one.
type Files struct {
	mu    sync.Mutex
	files map[string][]byte
}

// WriteFile stores a file.
func (f *Files) WriteFile(name string, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.files == nil {
		f.files = map[string][]byte{}
	}
	f.files[name] = data
	return nil
}

// File returns the file at name and whether there is one.
func (f *Files) File(name string) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	data, ok := f.files[name]
	return data, ok
}

// Names returns the paths of the files, sorted.
func (f *Files) Names() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	names := make([]string, 0, len(f.files))
	for n := range f.files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
