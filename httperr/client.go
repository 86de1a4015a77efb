package httperr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/errcat/errcat"
)

// Remote is the cause of an error decoded from a response: what the response said
// besides the error itself. Find it with errors.As.
type Remote struct {
	// StatusCode is the response's HTTP status.
	StatusCode int
	// Envelope names the envelope the body was in: problem, simple, bulk or google.
	Envelope string
	// RetryAfter is the delay the Retry-After header (or RetryInfo) asked for.
	RetryAfter time.Duration
	// RequestID is the response's X-Request-ID, or the problem's instance.
	RequestID string
	// Message is the message as the server rendered it.
	Message string
}

// Error describes the response.
func (r *Remote) Error() string {
	s := "remote " + r.Envelope + " error, HTTP " + strconv.Itoa(r.StatusCode)
	if r.RequestID != "" {
		s += ", request " + r.RequestID
	}
	return s
}

// maxErrorBody bounds what Decode reads of a body.
const maxErrorBody = 1 << 20

// Decode reads resp's body and returns the error it carries, in any of errcat's
// envelopes, as an *errcat.Error. When a set in sets has the code (and, for the
// Google envelope, the domain), the error is of that set's definition, with its
// params typed by the definition, so that errors.Is(err, apierr.ErrOutOfStock) holds
// on the client as on the server; otherwise it is of a definition made from the body,
// whose message is the server's text. Field errors come back as fields. The error's
// cause is a *Remote with the status, retry-after and request id. Decode closes the
// body. It returns an error when the body is not an errcat envelope.
func Decode(resp *http.Response, sets ...*errcat.Set) (*errcat.Error, error) {
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	if err != nil {
		return nil, fmt.Errorf("httperr: reading the error body: %w", err)
	}
	var w wire
	if err := w.parse(body); err != nil {
		return nil, fmt.Errorf("httperr: HTTP %d: %w", resp.StatusCode, err)
	}
	remote := &Remote{StatusCode: resp.StatusCode, Envelope: w.envelope, RequestID: resp.Header.Get("X-Request-ID"), Message: w.message}
	if remote.RequestID == "" {
		remote.RequestID = strings.TrimPrefix(w.instance, requestURN)
	}
	if s := resp.Header.Get("Retry-After"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n >= 0 {
			remote.RetryAfter = time.Duration(n) * time.Second
		} else if t, err := http.ParseTime(s); err == nil {
			remote.RetryAfter = time.Until(t).Round(time.Second)
		}
	} else if w.retryAfter > 0 {
		remote.RetryAfter = w.retryAfter
	}
	e := build(w.code, w.domain, w.status(resp.StatusCode), w.title, w.message, w.params, sets)
	for _, f := range w.fields {
		e.AddField(f.field, build(f.code, w.domain, 0, "", f.message, nil, sets))
	}
	return e.WithCause(remote), nil
}

// build makes the error of code: of a known set's definition when there is one, else
// of a definition made from the texts.
func build(code, domain string, status int, title, message string, params map[string]any, sets []*errcat.Set) *errcat.Error {
	for _, s := range sets {
		if domain != "" && s.Name() != domain {
			continue
		}
		if d := s.Lookup(code); d != nil {
			args := make([]errcat.Value, len(d.Params()))
			complete := true
			for i, p := range d.Params() {
				args[i] = paramValue(p.Kind, params[p.Name])
				complete = complete && !args[i].IsZero()
			}
			if complete || message == "" {
				return d.New(args...)
			}
			// The envelope carries no params (simple, bulk): keep the code's identity
			// (errors.Is compares code and catalog name) and the server's text.
			domain, status = s.Name(), d.Status()
			break
		}
	}
	set, err := errcat.NewSet(errcat.SetSpec{Name: domain, Errors: []errcat.Spec{{
		Code: code, Name: "Remote", Status: status,
		Texts: errcat.Texts{Title: literal(title), Message: literal(message)},
	}}})
	if err != nil {
		// An empty message or code: the body said too little for a definition.
		set = errcat.MustNewSet(errcat.SetSpec{Name: domain, Errors: []errcat.Spec{{Code: "unknown", Status: status, Texts: errcat.Texts{Message: "(no message)"}}}})
		return set.Lookup("unknown").New()
	}
	return set.Lookup(code).New()
}

// literal escapes text as a template that renders as itself.
func literal(text string) string {
	return strings.NewReplacer("{", "{{", "}", "}}").Replace(text)
}

// paramValue converts a JSON param to a value of kind; the zero Value when it does not
// fit.
func paramValue(k errcat.Kind, v any) errcat.Value {
	switch t := v.(type) {
	case nil:
		return errcat.Value{}
	case string:
		val, err := errcat.ParseValue(k, t)
		if err != nil {
			return errcat.String(t)
		}
		return val
	case json.Number:
		val, err := errcat.ParseValue(k, t.String())
		if err != nil {
			return errcat.String(t.String())
		}
		return val
	case bool:
		return errcat.Bool(t)
	}
	return errcat.String(fmt.Sprint(v))
}

// wire is what Decode reads of a body, whatever its envelope.
type wire struct {
	envelope, code, domain, title, message, instance string
	httpStatus                                       int
	params                                           map[string]any
	fields                                           []wireField
	retryAfter                                       time.Duration
}

type wireField struct{ field, code, message string }

func (w *wire) status(fallback int) int {
	if w.httpStatus != 0 {
		return w.httpStatus
	}
	return fallback
}

// parse recognises the envelope of body and reads it.
func (w *wire) parse(body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil {
		return errors.New("the body is not a JSON object")
	}
	str := func(v any) string {
		switch t := v.(type) {
		case string:
			return t
		case json.Number:
			return t.String()
		}
		return ""
	}
	num := func(v any) int {
		n, _ := strconv.Atoi(str(v))
		return n
	}
	obj := func(v any) map[string]any { o, _ := v.(map[string]any); return o }
	list := func(v any) []any { l, _ := v.([]any); return l }
	switch {
	case obj(m["response_status"]) != nil:
		w.envelope = "bulk"
		msgs := list(obj(m["response_status"])["messages"])
		if len(msgs) == 0 {
			return errors.New("bulk body has no messages")
		}
		first := obj(msgs[0])
		w.code, w.message = str(first["status_code"]), str(first["message"])
		if len(msgs) > 1 || str(first["field"]) != "" {
			for _, x := range msgs {
				f := obj(x)
				w.fields = append(w.fields, wireField{field: str(f["field"]), code: str(f["status_code"]), message: str(f["message"])})
			}
		}
	case obj(m["error"]) != nil:
		w.envelope = "google"
		e := obj(m["error"])
		w.message, w.httpStatus = str(e["message"]), num(e["code"])
		for _, x := range list(e["details"]) {
			d := obj(x)
			switch strings.TrimPrefix(str(d["@type"]), "type.googleapis.com/google.rpc.") {
			case "ErrorInfo":
				w.code, w.domain, w.params = str(d["reason"]), str(d["domain"]), obj(d["metadata"])
			case "BadRequest":
				for _, v := range list(d["fieldViolations"]) {
					f := obj(v)
					w.fields = append(w.fields, wireField{field: str(f["field"]), message: str(f["description"])})
				}
			case "RetryInfo":
				w.retryAfter, _ = time.ParseDuration(str(d["retryDelay"]))
			}
		}
	case m["type"] != nil && m["title"] != nil:
		w.envelope = "problem"
		w.code, w.title, w.message, w.instance = str(m["code"]), str(m["title"]), str(m["detail"]), str(m["instance"])
		w.httpStatus, w.params = num(m["status"]), obj(m["params"])
		for _, x := range list(m["errors"]) {
			f := obj(x)
			w.fields = append(w.fields, wireField{field: str(f["pointer"]), code: str(f["code"]), message: str(f["detail"])})
		}
	case m["code"] != nil && m["message"] != nil:
		w.envelope = "simple"
		w.code, w.message = str(m["code"]), str(m["message"])
		for _, x := range list(obj(m["data"])["errors"]) {
			f := obj(x)
			w.fields = append(w.fields, wireField{field: str(f["field"]), code: str(f["code"]), message: str(f["message"])})
		}
	default:
		return errors.New("the body is in none of errcat's envelopes")
	}
	if w.code == "" {
		return errors.New("the " + w.envelope + " body has no code")
	}
	return nil
}
