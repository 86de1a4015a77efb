package portal

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"

	"github.com/errcat/errcat/catalog"
)

// SiteMarker is the file WriteDir leaves at the root of every site it writes. A
// directory that holds it was written by errcat and may be replaced by a new site.
const SiteMarker = ".errcat-site"

const markerText = "This directory is a site errcat docs build wrote; a new build replaces it whole.\n"

// WriteDir generates the site of the catalogs into dir. The site is written into
// .NAME.errcat-new beside dir (NAME being dir's name) and put in dir's place only
// once complete, so dir is never half-written: on failure it is as it was. Where the
// file system can exchange two directories in one step (Linux), there is no moment
// without a site; elsewhere dir is briefly .NAME.errcat-old, and a build killed in
// that moment is recovered by the next. The next build also removes what a killed
// one left beside dir. Two builds into one dir at the same time are not supported.
//
// A dir that exists must be a directory that is empty or holds SiteMarker, unless
// opts.Force: WriteDir never replaces files it did not write by mistake.
func WriteDir(cats []*catalog.Catalog, opts Options, dir string) (Stats, error) {
	dir = filepath.Clean(dir)
	tmp, old := siblings(dir)
	if err := recoverDir(dir, old); err != nil {
		return Stats{}, err
	}
	if err := checkTarget(dir, opts.Force); err != nil {
		return Stats{}, err
	}
	if err := os.RemoveAll(tmp); err != nil { // left by a killed build
		return Stats{}, err
	}
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return Stats{}, err
	}
	stats, err := Generate(cats, opts, &dirOutput{root: tmp, made: map[string]bool{}})
	if err == nil {
		err = os.WriteFile(filepath.Join(tmp, SiteMarker), []byte(markerText), 0o644)
		stats.Files++
		stats.Bytes += int64(len(markerText))
	}
	if err == nil {
		err = replaceDir(tmp, dir, old)
	}
	if err != nil {
		os.RemoveAll(tmp)
		return Stats{}, err
	}
	return stats, nil
}

// siblings are the directories beside dir that WriteDir writes the new site into and
// moves the old one to.
func siblings(dir string) (tmp, old string) {
	parent, name := filepath.Split(dir)
	return filepath.Join(parent, "."+name+".errcat-new"), filepath.Join(parent, "."+name+".errcat-old")
}

// recoverDir puts back the site a build killed between its two renames left at old,
// and removes an old site left once the new one was in place.
func recoverDir(dir, old string) error {
	if _, err := os.Stat(old); err != nil {
		return nil
	}
	if _, err := os.Lstat(dir); os.IsNotExist(err) {
		if _, err := os.Stat(filepath.Join(old, SiteMarker)); err == nil {
			return os.Rename(old, dir)
		}
	}
	return os.RemoveAll(old)
}

// replaceDir puts the complete directory tmp in dir's place and removes what was there.
func replaceDir(tmp, dir, old string) error {
	if _, err := os.Lstat(dir); os.IsNotExist(err) {
		return os.Rename(tmp, dir)
	}
	if err := exchange(tmp, dir); err == nil {
		return os.RemoveAll(tmp) // now the old site
	}
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.RemoveAll(old)
}

// checkTarget refuses to replace a file, or a directory that is neither empty nor a
// site WriteDir wrote, unless force.
func checkTarget(dir string, force bool) error {
	fi, err := os.Lstat(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("%s is not a directory; give a directory for the site", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 || force {
		return nil
	}
	if _, err := os.Stat(filepath.Join(dir, SiteMarker)); err != nil {
		return fmt.Errorf("%s holds files errcat did not write (it has no %s): give an empty or new directory, or --force to replace it whole", dir, SiteMarker)
	}
	return nil
}

// dirOutput writes files under root, making directories as needed.
type dirOutput struct {
	root string
	mu   sync.Mutex
	made map[string]bool // the directories made for files other than index.html
}

func (o *dirOutput) WriteFile(name string, data []byte) error {
	path := filepath.Join(o.root, filepath.FromSlash(name))
	dir := filepath.Dir(path)
	// The directory of an index.html, a page's own, holds no other file of the site
	// (only directories, whose parent it then is): it is made and not remembered, so
	// that the directories remembered are a few, not one per page.
	page := filepath.Base(path) == "index.html"
	made := false
	if !page {
		o.mu.Lock()
		made = o.made[dir]
		o.mu.Unlock()
	}
	if !made {
		// A page's directory is new and its parent usually exists: one mkdir, not
		// MkdirAll's stat per level.
		if err := os.Mkdir(dir, 0o755); err != nil && !os.IsExist(err) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		if !page {
			o.mu.Lock()
			o.made[dir] = true
			o.mu.Unlock()
		}
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
	f.files[name] = bytes.Clone(data)
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
