package docs

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/httperr"
)

// exampleRetryAfter is the Retry-After the examples of retryable codes show.
const exampleRetryAfter = 30 * time.Second

// Response is a response a server using httperr writes for an error: its status,
// headers and body, in one envelope and locale.
type Response struct {
	Envelope    string
	Status      int
	ContentType string
	// Header holds the headers beside Content-Type, in the order shown.
	Header [][2]string
	// Body is the body exactly as written (compact JSON).
	Body []byte
}

// Render returns the response httperr writes for e in env and locale, with
// Retry-After when retryAfter is positive.
func Render(e *errcat.Error, env httperr.Envelope, locale string, retryAfter time.Duration) Response {
	ctx := httperr.Context{Locale: locale, RetryAfter: retryAfter}
	if set := e.Definition().Set(); set != nil {
		ctx.Locale = set.MatchLocale(locale)
	}
	r := Response{
		Envelope:    env.Name(),
		Status:      e.Status(),
		ContentType: env.ContentType(),
		Body:        env.AppendBody(nil, e, &ctx),
	}
	if r.Status == 0 {
		r.Status = http.StatusInternalServerError
	}
	if set := e.Definition().Set(); set != nil && len(set.Locales()) > 1 {
		r.Header = append(r.Header, [2]string{"Content-Language", ctx.Locale})
	}
	if retryAfter > 0 {
		r.Header = append(r.Header, [2]string{"Retry-After", strconv.Itoa(int((retryAfter + time.Second - 1) / time.Second))})
	}
	return r
}

// Text is the response as a reader sees it: status line, headers, a blank line and
// the body indented.
func (r Response) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "HTTP/1.1 %d %s\nContent-Type: %s\n", r.Status, http.StatusText(r.Status), r.ContentType)
	for _, h := range r.Header {
		b.WriteString(h[0] + ": " + h[1] + "\n")
	}
	b.WriteByte('\n')
	var out bytes.Buffer
	if json.Indent(&out, r.Body, "", "  ") != nil {
		b.Write(r.Body) // not JSON: a user's envelope may write anything
	} else {
		b.Write(out.Bytes())
	}
	return b.String()
}

// ParseParams turns NAME=VALUE (or INDEX=VALUE, {0} being 0) strings into values in
// d's parameter order, each parsed by its parameter's type; parameters left out stay
// missing. The error says which parameter is wrong and what d has.
func ParseParams(d *errcat.Definition, params []string) ([]errcat.Value, error) {
	ps := d.Params()
	values := make([]errcat.Value, len(ps))
	for _, f := range params {
		name, text, ok := strings.Cut(f, "=")
		if !ok {
			return nil, fmt.Errorf("%q: want NAME=VALUE, such as id=42", f)
		}
		i := -1
		if n, err := strconv.Atoi(name); err == nil {
			i = n
		} else {
			for j, p := range ps {
				if p.Name == name {
					i = j
				}
			}
		}
		if i < 0 || i >= len(ps) {
			return nil, fmt.Errorf("%q: %s has no parameter %s; it has %s", f, d.ID(), name, paramList(ps))
		}
		v, err := errcat.ParseValue(ps[i].Kind, text)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		values[i] = v
	}
	return values, nil
}

func paramList(ps []errcat.Param) string {
	if len(ps) == 0 {
		return "none"
	}
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "{%d} %s (%s)", i, p.Name, p.Kind)
	}
	return b.String()
}
