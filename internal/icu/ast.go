package icu

import "github.com/errcat/errcat/internal/plural"

// Span is the byte range [Pos, End) of a node in the message's source.
type Span struct {
	Pos, End int
}

// Bounds returns s itself, so that every node embedding a Span reports it as a [Node].
func (s Span) Bounds() Span { return s }

// Node is one piece of a message: [*Text], [*Arg], [*Pound], [*Format] or [*Choice].
type Node interface {
	Bounds() Span
	node()
}

// Message is a parsed message: a sequence of nodes. The message of an arm spans the
// text between the arm's braces. A Message is not modified by rendering and is safe
// for concurrent use once [Message.Bind] (if used) has returned.
type Message struct {
	Span
	Nodes []Node
}

// Text is literal text. Value is the text with escapes resolved ("{{" is "{").
type Text struct {
	Span
	Value string

	json string // Value escaped for a JSON string, set by Parse; Value when it needs none
}

// Ref names the argument of a placeholder.
type Ref struct {
	// Name is the name as written: an index ("0") or an identifier ("count").
	Name string
	// Index is the argument's index: the number a positional name gives, the index
	// [Message.Bind] found for an identifier, else -1.
	Index int
	// NamePos is the byte offset of Name in the source.
	NamePos int
}

// Arg is a placeholder without a type, {name}: the argument's text.
type Arg struct {
	Span
	Ref
}

// Pound is a # in an arm of a plural or selectordinal: the number less the offset.
type Pound struct {
	Span
}

// FormatType is the type of a formatted argument.
type FormatType uint8

// The types of formatted arguments.
const (
	FormatNumber   FormatType = iota + 1 // {n, number}
	FormatDate                           // {t, date}
	FormatTime                           // {t, time}
	FormatDuration                       // {d, duration}
)

var formatTypes = [...]string{FormatNumber: "number", FormatDate: "date", FormatTime: "time", FormatDuration: "duration"}

// String returns the type's keyword, as written in a message.
func (t FormatType) String() string {
	if int(t) < len(formatTypes) && t > 0 {
		return formatTypes[t]
	}
	return "format?"
}

// Format is a formatted argument, {name, type} or {name, type, style}. Style is
// empty (the default), "integer" for numbers, or "short", "medium", "long" or "full"
// for dates and times; a duration has no style.
type Format struct {
	Span
	Ref
	Type  FormatType
	Style string
}

// ChoiceType is the type of a choice among arms.
type ChoiceType uint8

// The types of choices.
const (
	ChoicePlural        ChoiceType = iota + 1 // {n, plural, …}: cardinal plural categories
	ChoiceSelectOrdinal                       // {n, selectordinal, …}: ordinal categories
	ChoiceSelect                              // {k, select, …}: keywords
)

var choiceTypes = [...]string{ChoicePlural: "plural", ChoiceSelectOrdinal: "selectordinal", ChoiceSelect: "select"}

// String returns the type's keyword, as written in a message.
func (t ChoiceType) String() string {
	if int(t) < len(choiceTypes) && t > 0 {
		return choiceTypes[t]
	}
	return "choice?"
}

// Choice is a plural, selectordinal or select: one of its arms is rendered, chosen by
// the argument's value. Arms are in source order; exactly one has the key "other".
// Parse indexes the arms for rendering: change a parsed Choice's arms only by parsing
// anew.
type Choice struct {
	Span
	Ref
	Type   ChoiceType
	Offset int64 // plural and selectordinal: subtracted before choosing a category
	Arms   []*Arm

	// Set by Parse for rendering: the arm of each category (the "other" arm for a
	// category without one), and whether any arm is an exact value.
	byCategory [plural.Many + 1]*Arm
	hasExact   bool
}

// Arm is one selector and its message. Key is the selector as written ("=0", "one",
// "admin"). For plural and selectordinal, Exact reports whether the key is an exact
// value, =Value; otherwise Category is the key's category.
type Arm struct {
	Span
	Key      string
	Exact    bool
	Value    int64
	Category plural.Category
	Message  *Message
}

func (*Text) node()   {}
func (*Arg) node()    {}
func (*Pound) node()  {}
func (*Format) node() {}
func (*Choice) node() {}

// Walk calls fn for every node of m in source order, depth first: a choice before the
// nodes of its arms. It does not descend into a choice for which fn returns false.
func Walk(m *Message, fn func(Node) bool) {
	for _, n := range m.Nodes {
		if !fn(n) {
			continue
		}
		if c, ok := n.(*Choice); ok {
			for _, a := range c.Arms {
				Walk(a.Message, fn)
			}
		}
	}
}
