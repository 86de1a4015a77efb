package catalog

import (
	"errors"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/errcat/errcat"
)

// Catalog is a loaded catalog: the merged content of its files with the position of
// every node, for tools (lint, diff, generators, docs). Its runtime form is
// [Catalog.Set].
type Catalog struct {
	Name          string
	Title         string
	Description   string
	Version       string
	DocsURL       string
	DefaultLocale string
	CodePattern   string
	// WireCode is "string" or "number": how codes are written in JSON bodies.
	WireCode string
	// Response is the wire shape the catalog declares; nil when it declares none.
	Response     *Response
	Operations   []*Operation
	Ranges       []*Range
	Errors       []*Entry
	Translations []*Translation
	// Files lists the files the catalog was loaded from, in load order.
	Files []string
	// Pos holds the positions of the catalog's header fields, by field name.
	Pos map[string]Pos

	codeRE  *regexp.Regexp
	byID    map[string]*Entry
	ok      bool // loaded without problems
	setOnce sync.Once
	set     *errcat.Set
	setErr  error
}

// Operation is an API operation that returns errors ("Returned By"), or a group of
// operations described by a note, such as "All data operations*" with its footnote.
type Operation struct {
	ID          string
	Title       string
	Description string
	// Group reports whether the operation stands for a group of operations.
	Group bool
	Pos   Pos
}

// Range is a range of numeric codes that belongs to one area, such as 2000–2999 for
// users.
type Range struct {
	From, To    int
	Title       string
	Description string
	Pos         Pos
}

// Entry is one code, or one variant of a code, as the catalog files define it.
type Entry struct {
	Code string
	Name string
	// Key is the variant key; empty for a code.
	Key string
	// Status is the HTTP status; 0 when the catalog gives none.
	Status int
	// GRPC is the gRPC status name as written; see [Error.GRPCCode] for the derived one.
	GRPC string
	// Texts are the title, message, summary, description, causes and resolutions
	// in the catalog's default locale.
	errcat.Texts
	Params []*Param
	// ParamsSet reports whether a variant declares params of its own.
	ParamsSet  bool
	ReturnedBy []string
	Category   string
	Retryable  bool
	// LogLevel is "debug", "info", "warn" or "error"; empty means derived from status.
	LogLevel string
	Public   *bool
	// OmitMessage reports whether response bodies leave the message out where their
	// envelope allows (the bulk envelope's entries), while the texts stay public.
	// Only a code sets it; its variants follow it.
	OmitMessage bool
	Deprecated  *Deprecation
	Variants    []*Entry
	Examples    []*Example
	// Parent is the code a variant belongs to; nil for a code.
	Parent *Entry
	// Pos is the position of the error's mapping.
	Pos Pos

	pos fieldPositions
}

// Param is a declared template parameter.
type Param struct {
	Name        string
	Type        string
	Description string
	Example     string
	// Sensitive reports whether the value must stay out of logs and telemetry (see
	// errcat.Param.Sensitive).
	Sensitive bool
	Pos       Pos
}

// Deprecation marks a code deprecated.
type Deprecation struct {
	Since      string
	ReplacedBy string
	Note       string
	Pos        Pos
}

// Example is an example occurrence of an error, for documentation and envelope
// examples: parameter values and the field it concerns.
type Example struct {
	Description string
	Field       string
	// Params maps parameter names to example values, as text.
	Params map[string]string
	Pos    Pos
}

// Translation is one locale's texts, from one translation file.
type Translation struct {
	Locale string
	File   string
	// Errors are the translated texts by code or variant id ("000037[0]"), in file
	// order.
	Errors []*TranslatedEntry
	Pos    Pos
}

// TranslatedEntry is the texts of one code (or variant) in a translation.
type TranslatedEntry struct {
	ID string
	// Texts are the translated texts; an empty one falls back to the default locale's.
	errcat.Texts
	Pos Pos

	pos fieldPositions
}

// PosOf returns the position of a field of the error, such as "status", "message" or
// "causes[1]"; the error's own position when the field is absent.
func (e *Entry) PosOf(field string) Pos {
	return e.pos.of(field, e.Pos)
}

// PosOf returns the position of a field of the translated texts, or their position.
func (t *TranslatedEntry) PosOf(field string) Pos {
	return t.pos.of(field, t.Pos)
}

// ID returns the code, or code[key] for a variant.
func (e *Entry) ID() string {
	if e.Parent != nil {
		return e.Parent.Code + "[" + e.Key + "]"
	}
	return e.Code
}

// IsPublic reports whether clients see the error's own texts (public is true or unset).
func (e *Entry) IsPublic() bool { return e.Public == nil || *e.Public }

// Set returns the runtime form of the catalog, or nil when it had load problems. It is
// compiled on the first call (tools that only read the catalog, such as lint, never
// pay for it) and shared afterwards; Set is safe for concurrent use.
func (c *Catalog) Set() *errcat.Set {
	s, _ := c.Compile()
	return s
}

// Compile is [Catalog.Set] with the reason when there is no set: the catalog had load
// problems, or compiling failed, which the loader's checks are meant to rule out.
func (c *Catalog) Compile() (*errcat.Set, error) {
	if !c.ok {
		return nil, errors.New("catalog " + c.Name + " has load problems")
	}
	c.setOnce.Do(func() { c.set, c.setErr = errcat.NewSet(c.SetSpec()) })
	return c.set, c.setErr
}

// Lookup returns the error with code or variant id ("000037[0]"), or nil.
func (c *Catalog) Lookup(id string) *Entry {
	if c.byID != nil {
		return c.byID[id]
	}
	for _, e := range c.Errors {
		if e.Code == id {
			return e
		}
		for _, v := range e.Variants {
			if v.ID() == id {
				return v
			}
		}
	}
	return nil
}

// Operation returns the operation with id, or nil.
func (c *Catalog) Operation(id string) *Operation {
	for _, o := range c.Operations {
		if o.ID == id {
			return o
		}
	}
	return nil
}

// index builds the id index Lookup uses; the first definition of an id wins.
func (c *Catalog) index() {
	c.byID = make(map[string]*Entry, len(c.Errors))
	for _, e := range c.Errors {
		if _, dup := c.byID[e.Code]; !dup {
			c.byID[e.Code] = e
		}
		for _, v := range e.Variants {
			if _, dup := c.byID[v.ID()]; !dup {
				c.byID[v.ID()] = v
			}
		}
	}
}

// fieldPositions records where the fields of one error (or translation, or response
// declaration) are. A catalog of 50,000 codes in five locales has over a million of
// them, so each is three 32-bit numbers, the field named by its index in fieldNames
// and, for an item of a list field ("causes[1]"), the item's index.
type fieldPositions []fieldPos

type fieldPos struct {
	key       uint32 // field index << 24 | item index + 1, or 0 for the field itself
	line, col int32
}

// fieldNames are the fields whose positions are recorded; fieldIndex inverts it.
var (
	fieldNames = func() []string {
		names := slices.Concat(errorFields, variantFields, textFields,
			[]string{"deprecated.replaced_by", "bulk", "envelope", "status", "bulk.omit_field_message", "bulk.status_code"})
		slices.Sort(names)
		return slices.Compact(names)
	}()
	fieldIndex = func() map[string]uint32 {
		m := make(map[string]uint32, len(fieldNames))
		for i, n := range fieldNames {
			m[n] = uint32(i)
		}
		return m
	}()
)

// maxItem is the largest list index a fieldPos can hold; it is far above what a
// list of one entry may hold (MaxTokens).
const maxItem = 1<<24 - 2

// fieldKey returns the key of field, such as "status" or "causes[2]", and reports
// whether field is one whose position can be recorded.
func fieldKey(field string) (uint32, bool) {
	name, item := field, 0
	if f, rest, ok := strings.Cut(field, "["); ok && strings.HasSuffix(rest, "]") {
		i, err := strconv.Atoi(rest[:len(rest)-1])
		if err != nil || i < 0 || i > maxItem {
			return 0, false
		}
		name, item = f, i+1
	}
	id, ok := fieldIndex[name]
	return id<<24 | uint32(item), ok
}

// set records the position of field; a field that is not in fieldNames is not
// recorded, and its position is its owner's.
func (ps *fieldPositions) set(field string, p Pos) {
	if k, ok := fieldKey(field); ok {
		*ps = append(*ps, fieldPos{key: k, line: int32(p.Line), col: int32(p.Col)})
	}
}

// find reports whether field was recorded, with its line and column.
func (ps fieldPositions) find(field string) (fieldPos, bool) {
	k, ok := fieldKey(field)
	if !ok {
		return fieldPos{}, false
	}
	for i := len(ps) - 1; i >= 0; i-- {
		if ps[i].key == k {
			return ps[i], true
		}
	}
	return fieldPos{}, false
}

// of returns the position of field, or def (whose file it shares) when absent.
func (ps fieldPositions) of(field string, def Pos) Pos {
	if p, ok := ps.find(field); ok {
		return Pos{File: def.File, Line: int(p.line), Col: int(p.col)}
	}
	return def
}

// EffectiveParams returns the params the error's templates are bound to: its own, or,
// for a variant that declares none, its code's.
func (e *Entry) EffectiveParams() []*Param { return e.params() }

// TypeName returns the param's type as the format names it: as written, or "string".
func (p *Param) TypeName() string {
	if p.Type == "" {
		return "string"
	}
	return p.Type
}
