package errcat

import "fmt"

// inlineArgs is how many parameter values an Error stores without a second allocation:
// two, which most codes have at most, keep an Error at 64 bytes, one cache line.
const inlineArgs = 2

// extraArgs is how many values errorExtra holds without a third allocation.
const extraArgs = 6

// Error is an error of a catalogued code: the [Definition], the parameter values, the
// wrapped cause and, for validation and bulk failures, per-field details.
//
// Create one with [Definition.New] or [Definition.Wrap]. The methods that add details
// ([Error.AddField]) change the receiver and are meant for building the error before it
// is returned; once it is shared, an Error is read-only and safe for concurrent use.
type Error struct {
	def    *Definition
	cause  error
	extra  *errorExtra // nil unless the error has more than inlineArgs values or field details
	inline [inlineArgs]Value
}

// errorExtra is what few errors have, kept out of Error so that the common one is a
// single small allocation (64 bytes).
type errorExtra struct {
	args   []Value // every value, when more than inlineArgs were given; in buf up to extraArgs
	fields []FieldError
	buf    [extraArgs]Value
}

// FieldError is one per-field detail of an [Error]: the field it concerns (a name or
// a JSON pointer such as "/items/0/name") and the error of that field.
type FieldError struct {
	Field string
	Err   *Error
}

// newError returns an Error of d wrapping cause with args.
func newError(d *Definition, cause error, args []Value) *Error {
	d.load()
	if len(args) == inlineArgs { // the usual case, stored as the Error is allocated
		return &Error{def: d, cause: cause, inline: [inlineArgs]Value{args[0], args[1]}}
	}
	e := &Error{def: d, cause: cause}
	e.setArgs(args)
	return e
}

// setArgs keeps args, up to the last one given (trailing zero Values mean "not given"
// as much as absent ones do).
func (e *Error) setArgs(args []Value) {
	for len(args) > 0 && args[len(args)-1].IsZero() {
		args = args[:len(args)-1]
	}
	if len(args) <= inlineArgs {
		copy(e.inline[:], args)
		return
	}
	x := &errorExtra{}
	if len(args) <= extraArgs {
		x.args = x.buf[:len(args):len(args)]
		copy(x.args, args)
	} else {
		x.args = append([]Value(nil), args...)
	}
	e.extra = x
}

// args returns the values given, up to the last one that is not zero.
func (e *Error) args() []Value {
	if e.extra != nil && e.extra.args != nil {
		return e.extra.args
	}
	n := inlineArgs
	for n > 0 && e.inline[n-1].IsZero() {
		n--
	}
	return e.inline[:n:n]
}

// Definition returns the definition the error was created from.
func (e *Error) Definition() *Definition { return e.def }

// Code returns the error's wire code.
func (e *Error) Code() string { return e.def.code }

// Status returns the HTTP status of the error's code, or 0 when the catalog gives none.
func (e *Error) Status() int { return e.shown().status }

// Args returns the parameter values in the order of the definition's params, up to
// the last one given: zero Values at the end, which mean "not given", are left out.
// The slice must not be modified.
func (e *Error) Args() []Value { return e.args() }

// Arg returns the value of the parameter named name, or the zero Value.
func (e *Error) Arg(name string) Value {
	args := e.args()
	for i, p := range e.def.params {
		if p.Name == name && i < len(args) {
			return args[i]
		}
	}
	return Value{}
}

// Fields returns the per-field details. The slice must not be modified.
func (e *Error) Fields() []FieldError {
	if e.extra == nil {
		return nil
	}
	return e.extra.fields
}

// AddField appends a per-field detail and returns e. It changes e; call it while
// building the error, before the error is shared.
func (e *Error) AddField(field string, err *Error) *Error {
	if e.extra == nil {
		e.extra = &errorExtra{}
	}
	e.extra.fields = append(e.extra.fields, FieldError{Field: field, Err: err})
	return e
}

// WithCause records cause as the error's cause and returns e, for errors made by
// generated constructors: common.UnableToLocate("project", id).WithCause(err). It
// changes e; call it while building the error, before the error is shared.
func (e *Error) WithCause(cause error) *Error {
	e.cause = cause
	return e
}

// Cause returns the wrapped cause, or nil.
func (e *Error) Cause() error { return e.cause }

// Unwrap returns the wrapped cause, so that [errors.Is] and [errors.As] see through
// the error to what caused it.
func (e *Error) Unwrap() error { return e.cause }

// Is reports whether target stands for the same code: an *Error or a *Definition with
// the same code, from a set of the same name when both have one. [errors.Is] calls it.
func (e *Error) Is(target error) bool {
	var d *Definition
	switch t := target.(type) {
	case *Error:
		d = t.def
	case *Definition:
		d = t
	default:
		return false
	}
	if d == e.def {
		return true
	}
	if d == nil || d.code != e.def.code {
		return false
	}
	a, b := e.def.set, d.set
	return a == nil || b == nil || a.name == "" || b.name == "" || a.name == b.name
}

// shown returns the definition whose texts describe e: e's own when its message has
// every value it needs, else the first variant whose message has, else e's own.
// This is how 000037 raised without a field name reads as 000037[0].
func (e *Error) shown() *Definition {
	if len(e.def.variants) == 0 { // the usual case, inlined
		return e.def
	}
	return e.shownVariant()
}

// shownVariant is shown for a code with variants.
func (e *Error) shownVariant() *Definition {
	d := e.def
	if d.locs.Load().own[0].message.satisfied(e.args()) {
		return d
	}
	for _, v := range d.variants {
		if v.locs.Load().asVariant[0].message.satisfied(e.args()) {
			return v
		}
	}
	return d
}

// texts returns the title and message e renders with in locale: those of the shown
// definition, with its fallbacks already applied.
func (e *Error) texts(locale string) *shownTexts {
	d := e.shown()
	i := 0
	if l := d.set.locales; len(l) > 1 && locale != l[0] {
		i = d.set.localeIndex(locale)
	}
	lt := d.locs.Load()
	if i >= len(lt.own) || lt.own[i].message == nil {
		lt = d.translate(i)
	}
	if d != e.def {
		return &lt.asVariant[i]
	}
	return &lt.own[i]
}

// Texts returns the title and message templates the error renders with in locale:
// those of [Error.Variant], with the fallbacks the set applies (another locale's text,
// the message where there is no title), their placeholders numbered as [Error.Args]
// is. Envelopes that compile a body once per code and locale start from them.
func (e *Error) Texts(locale string) (title, message Template) {
	t := e.texts(locale)
	return *t.title, *t.message
}

// Variant returns the definition whose texts the error renders with: its own, or the
// variant chosen because a parameter its own message needs was not given.
func (e *Error) Variant() *Definition { return e.shown() }

// AppendMessage appends the message in locale (falling back along the locale chain to
// the catalog's default locale) to dst and returns the extended buffer.
func (e *Error) AppendMessage(dst []byte, locale string) []byte {
	return e.texts(locale).message.Append(dst, e.args())
}

// AppendMessageJSON is [Error.AppendMessage] for JSON bodies: it appends the message
// escaped as the contents of a JSON string, without the quotes (see
// [Template.AppendJSON]).
func (e *Error) AppendMessageJSON(dst []byte, locale string) []byte {
	return e.texts(locale).message.AppendJSON(dst, e.args())
}

// Message returns the message rendered in locale.
func (e *Error) Message(locale string) string {
	return string(e.AppendMessage(make([]byte, 0, 96), locale))
}

// AppendTitle appends the title in locale to dst; a code without a title uses its
// message.
func (e *Error) AppendTitle(dst []byte, locale string) []byte {
	return e.texts(locale).title.Append(dst, e.args())
}

// AppendTitleJSON is [Error.AppendTitle] for JSON bodies: it appends the title escaped
// as the contents of a JSON string, without the quotes (see [Template.AppendJSON]).
func (e *Error) AppendTitleJSON(dst []byte, locale string) []byte {
	return e.texts(locale).title.AppendJSON(dst, e.args())
}

// Title returns the title rendered in locale.
func (e *Error) Title(locale string) string {
	return string(e.AppendTitle(make([]byte, 0, 64), locale))
}

// Error returns the code and, when the definition is public, ": " and the message in
// the default locale: "000012: Unable to locate project with id 42.", with
// [Redacted] for the value of a sensitive param (see [Param.Sensitive]). It never holds
// the cause, so that a framework which writes Error() to a client shows only what the
// catalog lets clients see. The cause reaches logs through [Error.LogValue] (slog),
// [Error.Unwrap] and the %+v verb, which [Error.Format] writes with the whole chain.
func (e *Error) Error() string {
	return string(e.appendError(make([]byte, 0, 96)))
}

// appendError appends the text Error returns.
func (e *Error) appendError(b []byte) []byte {
	b = append(b, e.def.code...)
	if e.shown().Public() {
		b = append(b, ": "...)
		b = e.appendLogMessage(b)
	}
	return b
}

// sensitive reports whether the i-th value is of a sensitive param.
func (e *Error) sensitive(i int) bool {
	return i < len(e.def.params) && e.def.params[i].Sensitive
}

// appendLogMessage appends the message in the default locale for logs: each
// sensitive param's value is [Redacted].
func (e *Error) appendLogMessage(b []byte) []byte {
	args := e.args()
	var buf [inlineArgs + extraArgs]Value
	var redacted []Value
	for i, v := range args {
		if !v.IsZero() && e.sensitive(i) {
			if redacted == nil {
				redacted = append(buf[:0], args...)
			}
			redacted[i] = String(Redacted)
		}
	}
	if redacted == nil {
		return e.AppendMessage(b, "")
	}
	return e.texts("").message.Append(b, redacted)
}

// Format implements [fmt.Formatter]. The verbs %s, %v and %q write what [Error.Error]
// returns. %+v writes, for logs and developers, the code, the message whether public
// or not (sensitive params redacted, as in Error), and each cause after ": ", a sentence's final period dropped before the
// join: "000012: Unable to locate project with id 42: sql: no rows in result set".
func (e *Error) Format(f fmt.State, verb rune) {
	switch {
	case verb == 'v' && f.Flag('+'):
		f.Write(e.appendChain(make([]byte, 0, 128)))
	case verb == 'q':
		fmt.Fprintf(f, "%q", e.Error())
	case verb == 's' || verb == 'v':
		f.Write(e.appendError(make([]byte, 0, 96)))
	default:
		fmt.Fprintf(f, "%%!%c(*errcat.Error=%s)", verb, e.Error())
	}
}

// appendChain appends the code, the message and every cause, as %+v writes them.
func (e *Error) appendChain(b []byte) []byte {
	b = append(b, e.def.code...)
	b = append(b, ": "...)
	b = e.appendLogMessage(b)
	if e.cause == nil {
		return b
	}
	if n := len(b); n > 0 && b[n-1] == '.' {
		b = b[:n-1]
	}
	b = append(b, ": "...)
	if c, ok := e.cause.(*Error); ok {
		return c.appendChain(b)
	}
	return fmt.Appendf(b, "%+v", e.cause)
}
