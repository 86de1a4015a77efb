package catalogtest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing/fstest"
)

// Layout is how [Sized] writes a catalog.
type Layout int

const (
	// YAMLIndented is block YAML, a line for each field of an entry.
	YAMLIndented Layout = iota
	// YAMLMinified is a block list of entries, each a flow mapping on one line.
	YAMLMinified
	// JSONIndented is JSON indented by two spaces, a line for each field.
	JSONIndented
	// JSONMinified is JSON without white space: each file is one line.
	JSONMinified
)

// String returns the layout's name, as benchmarks show it.
func (l Layout) String() string {
	return [...]string{"YAMLIndented", "YAMLMinified", "JSONIndented", "JSONMinified"}[l]
}

// SizedFileMax is the size from which [Sized] writes a catalog as several files, so
// that each stays well under catalog.MaxFileSize.
const SizedFileMax = 16 << 20

// Sized returns a file system with a catalog of about size bytes under dir, written
// in layout l: as many entries as fit (each with two params, texts, causes, a
// resolution, operations, and a variant for every tenth), split into files of at
// most SizedFileMax bytes, the first of which holds the header. It loads without
// problems.
func Sized(dir string, size int, l Layout) fstest.MapFS {
	fsys := fstest.MapFS{}
	ext := ".yaml"
	if l == JSONIndented || l == JSONMinified {
		ext = ".json"
	}
	var b bytes.Buffer
	file := 0
	flush := func(last bool) {
		if l == JSONIndented || l == JSONMinified {
			b.WriteString(map[bool]string{true: "\n  ]\n}\n", false: "]}"}[l == JSONIndented])
		}
		fsys[fmt.Sprintf("%s/errors-%03d%s", dir, file, ext)] = &fstest.MapFile{Data: bytes.Clone(b.Bytes())}
		b.Reset()
		file++
	}
	total := 0
	for i := 0; total+b.Len() < size; i++ {
		if b.Len() == 0 {
			writeStart(&b, l, file == 0)
		} else if l == JSONIndented || l == JSONMinified {
			b.WriteByte(',')
		}
		writeEntry(&b, l, i)
		if b.Len() >= SizedFileMax {
			total += b.Len()
			flush(false)
		}
	}
	if b.Len() > 0 {
		flush(true)
	}
	return fsys
}

// writeStart writes what comes before a file's first entry.
func writeStart(b *bytes.Buffer, l Layout, header bool) {
	const head = `"catalog": "synthetic", "version": "1.0.0", "code_pattern": "^E\\d{7}$", "operations": {"GetThing": "Get a thing", "PutThing": "Put a thing"}, `
	switch {
	case l == JSONIndented && header:
		b.WriteString("{\n  " + head + "\n  \"errors\": [")
	case l == JSONIndented:
		b.WriteString("{\n  \"errors\": [")
	case l == JSONMinified && header:
		b.WriteString(`{"catalog":"synthetic","version":"1.0.0","code_pattern":"^E\\d{7}$","operations":{"GetThing":"Get a thing","PutThing":"Put a thing"},"errors":[`)
	case l == JSONMinified:
		b.WriteString(`{"errors":[`)
	case header:
		b.WriteString("catalog: synthetic\nversion: 1.0.0\ncode_pattern: '^E\\d{7}$'\noperations:\n  GetThing: Get a thing\n  PutThing: Put a thing\nerrors:\n")
	default:
		b.WriteString("errors:\n")
	}
}

// writeEntry writes entry i of the catalog.
func writeEntry(b *bytes.Buffer, l Layout, i int) {
	status := statuses[i%len(statuses)]
	switch l {
	case YAMLIndented:
		fmt.Fprintf(b, `  - code: E%07d
    name: Synthetic%d
    status: %d
    title: Thing {kind} number %d failed for {id}
    message: The thing {0} with id {1} failed with error %d.
    params:
      - name: kind
        description: Kind of thing
      - name: id
        type: int
    description: A longer description of synthetic error %d, which happens when thing {kind} breaks.
    causes:
      - Cause one of %d for {id}.
      - Cause two of %d.
    resolutions:
      - Fix thing {0} and retry %d.
    returned_by:
      - GetThing
      - PutThing
`, i, i, status, i, i, i, i, i, i)
		if i%10 == 0 {
			fmt.Fprintf(b, "    variants:\n      - key: \"0\"\n        message: A thing failed (%d).\n", i)
		}
		return
	case YAMLMinified:
		b.WriteString("- ")
	case JSONIndented:
		var compact bytes.Buffer
		writeEntry(&compact, JSONMinified, i)
		b.WriteString("\n    ")
		if err := json.Indent(b, compact.Bytes(), "    ", "  "); err != nil {
			panic(err)
		}
		return
	}
	fmt.Fprintf(b, `{"code":"E%07d","name":"Synthetic%d","status":%d,"title":"Thing {kind} number %d failed for {id}","message":"The thing {0} with id {1} failed with error %d.","params":[{"name":"kind","description":"Kind of thing"},{"name":"id","type":"int"}],"description":"A longer description of synthetic error %d, which happens when thing {kind} breaks.","causes":["Cause one of %d for {id}.","Cause two of %d."],"resolutions":["Fix thing {0} and retry %d."],"returned_by":["GetThing","PutThing"]`,
		i, i, status, i, i, i, i, i, i)
	if i%10 == 0 {
		fmt.Fprintf(b, `,"variants":[{"key":"0","message":"A thing failed (%d)."}]`, i)
	}
	b.WriteByte('}')
	if l == YAMLMinified {
		b.WriteByte('\n')
	}
}
