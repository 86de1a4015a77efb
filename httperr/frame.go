package httperr

import (
	"net/http"
	"sync/atomic"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/internal/jsontext"
)

// A frame is an envelope's body for one code in one locale, compiled the second time
// the code is written in that locale and kept in an [errcat.Memo]: everything the code
// and the locale fix (docs URL, status, code, the literal text of title and message,
// the params' names) is written out as JSON once, in runs between which only the
// error's values are appended. Writing a body is then a few copies rather than a walk
// through the definition, its texts and the envelope's members. The first time, the
// body is written member by member: what is written once (a docs page) does not pay
// for compiling.
//
// A frame is used when every parameter of the code was given, so that the texts are
// the code's own and no value is missing; otherwise the envelope writes the body
// member by member. TestFramesMatch holds the two ways to the same bytes for every
// code of the example catalogs.
type frame struct {
	head []frameStep // the body up to where the instance goes
	tail []frameStep // after the instance, up to where field errors go
}

// frameSlot keeps a code's frame in one locale once it is compiled.
type frameSlot struct {
	seen  atomic.Bool // written once already
	frame atomic.Pointer[frame]
}

func newFrameSlot(*errcat.Error, string) *frameSlot { return new(frameSlot) }

// frameStep is a literal run followed by one of the error's values.
type frameStep struct {
	lit  string // JSON, written as it is
	arg  int    // the value written after lit, or noArg after the last run
	json bool   // the value as a JSON value (a params member), else as text in a JSON string
}

const noArg = -1

// framed returns the frame of err in locale, made by compile the second time its code
// is written in locale, and err's values; or nil, the first time and when not every
// parameter was given.
func framed(m *errcat.Memo[frameSlot], err *errcat.Error, locale string, compile func(*errcat.Error, string) *frame) (*frame, []errcat.Value) {
	d := err.Definition()
	args := err.Args()
	if len(args) != len(d.Params()) || err.Variant() != d {
		return nil, nil
	}
	for i := range args {
		if args[i].IsZero() {
			return nil, nil
		}
	}
	slot := m.Get(err, locale, newFrameSlot)
	if f := slot.frame.Load(); f != nil {
		if f == byMember {
			return nil, nil
		}
		return f, args
	}
	if !slot.seen.Swap(true) {
		return nil, nil
	}
	if title, message := err.Texts(locale); !title.Plain() || !message.Plain() {
		// A plural, select or format chooses its words by value: no frame holds them.
		slot.frame.Store(byMember)
		return nil, nil
	}
	f := compile(err, locale) // goroutines racing here store equal frames
	slot.frame.Store(f)
	return f, args
}

// byMember is the frame of a code whose texts in a locale are not plain
// ([errcat.Template.Plain]): its bodies are always written member by member.
var byMember = new(frame)

// appendSteps appends steps with args between them. Every step but the last (the
// literal run that ends the part) has a value.
func appendSteps(dst []byte, steps []frameStep, args []errcat.Value) []byte {
	last := len(steps) - 1
	for i := range steps[:last] {
		s := &steps[i]
		dst = append(dst, s.lit...)
		if s.json {
			dst = args[s.arg].AppendJSON(dst)
		} else {
			dst = args[s.arg].AppendTextJSON(dst)
		}
	}
	return append(dst, steps[last].lit...)
}

// frameBuilder compiles a frame's steps.
type frameBuilder struct {
	nargs int // the code's parameters: placeholders beyond them are missing values
	steps []frameStep
	lit   []byte
}

// add appends literal JSON.
func (b *frameBuilder) add(s ...string) {
	for _, x := range s {
		b.lit = append(b.lit, x...)
	}
}

// value ends a run with value i, as text in a JSON string or, when json is set, as a
// JSON value.
func (b *frameBuilder) value(i int, json bool) {
	b.steps = append(b.steps, frameStep{lit: string(b.lit), arg: i, json: json})
	b.lit = b.lit[:0]
}

// text appends t as the contents of a JSON string, as [errcat.Template.AppendJSON]
// writes it: literal text escaped, placeholders as values, and the marker {name?}
// for a placeholder of no parameter.
func (b *frameBuilder) text(t errcat.Template) {
	for _, p := range t.Parts() {
		switch {
		case p.Param < 0:
			b.lit = jsontext.AppendEscaped(b.lit, p.Text)
		case p.Param >= b.nargs:
			b.add("{", p.Text, "?}")
		default:
			b.value(p.Param, false)
		}
	}
}

// shown appends t as [shown.appendText] writes it, without the quotes: t when the
// error is public, else the text of its status.
func (b *frameBuilder) shown(sh shown, t errcat.Template) {
	if sh.public {
		b.text(t)
	} else {
		b.add(http.StatusText(sh.status))
	}
}

// params appends the error's params as a JSON object: every value is given.
func (b *frameBuilder) params(d *errcat.Definition) {
	for i, p := range d.Params() {
		if i == 0 {
			b.add("{")
		} else {
			b.add(",")
		}
		b.lit = jsontext.AppendString(b.lit, p.Name)
		b.add(":")
		b.value(i, true)
	}
	b.add("}")
}

// cut returns the steps so far, the literal run left ending them, and starts anew.
func (b *frameBuilder) cut() []frameStep {
	steps := append(b.steps, frameStep{lit: string(b.lit), arg: noArg})
	b.steps, b.lit = nil, b.lit[:0]
	return steps
}
