package catalog

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of a catalog file and of a translation
// file, for editors that complete and check catalogs as they are written. It states
// the format's shape; [Load] checks the rest (placeholders, duplicates, patterns).
//
//go:embed schema.json
var Schema []byte
