// Package catalog reads errcat catalogs: the YAML or JSON files that define every
// error an API can return, and their translations, one file per locale. [Load]
// merges the files into a [Catalog] and reports every problem as
// "file:line:col: message"; the other tools (lint, diff, the generators, the portal)
// read what it returns.
//
// # Limits
//
// Catalogs are data from people, not code that errcat trusts, and a server may load
// them while it runs. Every file is held to limits before a parser builds anything
// from it, so that loading costs time and memory in proportion to the size of the
// files, whatever their shape:
//
//   - [MaxFileSize]: 64 MiB a file; a larger one is not read past the limit.
//   - [MaxNesting]: 32 levels of mappings and lists; a catalog needs 8.
//   - [MaxTokens]: 100,000 tokens (values, punctuation, comments) in one YAML
//     document, and values in one entry of a JSON file's errors or the rest of
//     that file. A YAML file whose errors are a block list (or, for a translation,
//     a block mapping) is read a few hundred entries at a time, each part counted
//     on its own, and a JSON file an entry at a time, so the limit bounds what a
//     parser holds at once, not the size of a catalog. A YAML file that holds JSON
//     (flow style, as tools that write JSON write it) is read as JSON.
//   - [MaxKeyLength]: 1,024 bytes a key.
//   - Aliases: a YAML file's aliases may make the decoder read at most twice as
//     many values as the file has tokens, and 10,000 more.
//   - [MaxProblems]: 1,000 problems reported for the decoding of a file.
//
// A file over a limit gets one problem that names the limit and the place where it
// was reached, and contributes nothing to the catalog. Within the limits, loading a
// file of 1 MiB allocates under 256 MiB, and the time grows linearly with the size
// of a file whether it is indented or written on one line. The YAML parser also runs
// under a deadline, as a guard against a fault of its own; within the limits it
// finishes long before it.
package catalog
