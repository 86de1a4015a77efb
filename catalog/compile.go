package catalog

import (
	"log/slog"
	"strings"

	"github.com/errcat/errcat"
)

// GRPCForStatus returns the gRPC status name that conventionally matches an HTTP
// status, as gRPC's HTTP mapping and Google's AIP-193 pair them; "UNKNOWN" for a
// status without a match.
func GRPCForStatus(status int) string {
	switch status {
	case 200:
		return "OK"
	case 400, 406, 411, 413, 414, 415, 422, 431:
		return "INVALID_ARGUMENT"
	case 401:
		return "UNAUTHENTICATED"
	case 402, 403:
		return "PERMISSION_DENIED"
	case 404, 410:
		return "NOT_FOUND"
	case 405, 501:
		return "UNIMPLEMENTED"
	case 408, 504:
		return "DEADLINE_EXCEEDED"
	case 409:
		return "ABORTED"
	case 412, 428:
		return "FAILED_PRECONDITION"
	case 416:
		return "OUT_OF_RANGE"
	case 429:
		return "RESOURCE_EXHAUSTED"
	case 499:
		return "CANCELLED"
	case 500:
		return "INTERNAL"
	case 502, 503:
		return "UNAVAILABLE"
	}
	switch {
	case status >= 500:
		return "INTERNAL"
	case status >= 400:
		return "INVALID_ARGUMENT"
	}
	return "UNKNOWN"
}

// LevelForStatus returns the log level an error with an HTTP status gets when the
// catalog does not say: error for 5xx and unknown statuses (a server fault or a
// catalog gap someone should see), warn for 429, info for other client errors.
func LevelForStatus(status int) slog.Level {
	switch {
	case status == 0 || status >= 500:
		return slog.LevelError
	case status == 429:
		return slog.LevelWarn
	}
	return slog.LevelInfo
}

// GRPCCode returns the error's gRPC status name: as written, else derived from its
// status with [GRPCForStatus]; "" when it has neither.
func (e *Entry) GRPCCode() string {
	if e.GRPC != "" {
		return e.GRPC
	}
	if e.Status == 0 && e.Parent != nil {
		return e.Parent.GRPCCode()
	}
	if e.Status == 0 {
		return ""
	}
	return GRPCForStatus(e.Status)
}

// Level returns the error's log level: as written, else derived from its status.
func (e *Entry) Level() slog.Level {
	if e.LogLevel == "" && e.Parent != nil {
		if e.Status == 0 {
			return e.Parent.Level()
		}
		return LevelForStatus(e.Status)
	}
	switch e.LogLevel {
	case "debug":
		return slog.LevelDebug
	case "info":
		return slog.LevelInfo
	case "warn":
		return slog.LevelWarn
	case "error":
		return slog.LevelError
	}
	return LevelForStatus(e.Status)
}

// Locales returns the catalog's translation locales in the order they were loaded,
// once each, without the default locale.
func (c *Catalog) Locales() []string {
	var out []string
	for _, tr := range c.Translations {
		dup := false
		for _, l := range out {
			dup = dup || strings.EqualFold(l, tr.Locale)
		}
		if !dup {
			out = append(out, tr.Locale)
		}
	}
	return out
}

// SetSpec returns the runtime description of the catalog, from which
// [errcat.NewSet] builds the set and generators write Go code. Translations of codes
// the catalog does not define are left out.
func (c *Catalog) SetSpec() errcat.SetSpec {
	spec := errcat.SetSpec{
		Name: c.Name, Title: c.Title, Version: c.Version, DocsURL: c.DocsURL,
		DefaultLocale: c.DefaultLocale, NumericCodes: c.WireCode == "number",
		Locales: c.Locales(), Response: c.Response.Spec(),
	}
	tr := c.translationsByID()
	for _, e := range c.Errors {
		spec.Errors = append(spec.Errors, e.spec(tr))
	}
	return spec
}

func (e *Entry) spec(tr map[string]map[string]errcat.Texts) errcat.Spec {
	s := errcat.Spec{
		Code: e.Code, Name: e.Name, Key: e.Key, Status: e.Status, GRPC: e.GRPCCode(),
		Texts:      e.Texts,
		ReturnedBy: e.ReturnedBy, Category: e.Category, Retryable: e.Retryable,
		LogLevel: e.Level(), NotPublic: !e.IsPublic(), OmitMessage: e.OmitMessage, Translations: tr[e.ID()],
	}
	if e.Parent == nil || e.ParamsSet {
		s.Params = runtimeParams(e.Params)
	}
	if e.Deprecated != nil {
		s.Deprecated = &errcat.Deprecation{Since: e.Deprecated.Since, ReplacedBy: e.Deprecated.ReplacedBy, Note: e.Deprecated.Note}
	}
	for _, v := range e.Variants {
		s.Variants = append(s.Variants, v.spec(tr))
	}
	return s
}

// translationsByID indexes the translations: id → locale → texts.
func (c *Catalog) translationsByID() map[string]map[string]errcat.Texts {
	out := map[string]map[string]errcat.Texts{}
	for _, tr := range c.Translations {
		for _, t := range tr.Errors {
			if c.Lookup(t.ID) == nil {
				continue
			}
			if out[t.ID] == nil {
				out[t.ID] = map[string]errcat.Texts{}
			}
			out[t.ID][tr.Locale] = t.Texts
		}
	}
	return out
}
