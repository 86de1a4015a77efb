// Package diff compares two versions of a catalog and classifies every change as
// breaking (a client or generated code that worked may fail) or compatible, and
// suggests the semantic-version bump the new version needs.
package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/errcat/errcat"
	"github.com/errcat/errcat/catalog"
)

// Change is one difference between the old and the new catalog.
type Change struct {
	// ID is the code or variant id ("000037[0]") the change is about; empty for the
	// catalog itself.
	ID string `json:"id"`
	// Kind is "added", "removed" or "changed".
	Kind string `json:"kind"`
	// Breaking reports whether clients or generated code may break.
	Breaking bool `json:"breaking"`
	// What says what changed, as "status 429 → 503".
	What string `json:"what"`
	// Pos is where the change is: in the new catalog, or in the old for a removal.
	Pos catalog.Pos `json:"-"`
	// Where is Pos as text, for JSON.
	Where string `json:"where,omitempty"`
}

// Report is the result of Compare.
type Report struct {
	Changes []Change `json:"changes"`
	// Bump is "major", "minor", "patch" or "none".
	Bump string `json:"bump"`
	// OldVersion and NewVersion are the catalogs' versions; Suggested is the version
	// OldVersion becomes with Bump, when OldVersion is semantic.
	OldVersion string `json:"old_version,omitempty"`
	NewVersion string `json:"new_version,omitempty"`
	Suggested  string `json:"suggested_version,omitempty"`
}

// Breaking reports whether any change is breaking.
func (r *Report) Breaking() bool {
	return slices.ContainsFunc(r.Changes, func(c Change) bool { return c.Breaking })
}

// Compare returns the changes from old to new, breaking ones first within each code.
func Compare(old, new *catalog.Catalog) *Report {
	r := &Report{OldVersion: old.Version, NewVersion: new.Version}
	add := func(c Change) {
		c.Where = c.Pos.String()
		r.Changes = append(r.Changes, c)
	}
	if old.Name != new.Name {
		add(Change{Kind: "changed", Breaking: true, What: fmt.Sprintf("catalog name %s → %s: the domain of every error changes", old.Name, new.Name), Pos: new.Pos["catalog"]})
	}
	if old.WireCode != new.WireCode {
		add(Change{Kind: "changed", Breaking: true, What: fmt.Sprintf("wire_code %s → %s: every body's code changes type", old.WireCode, new.WireCode), Pos: new.Pos["wire_code"]})
	}
	compareResponse(old, new, add)
	for _, o := range old.Errors {
		n := new.Lookup(o.Code)
		if n == nil {
			add(Change{ID: o.Code, Kind: "removed", Breaking: true, What: "code " + o.Code + " (" + o.Name + ") removed", Pos: o.PosOf("code")})
			continue
		}
		compareError(o, n, add)
		for _, ov := range o.Variants {
			nv := new.Lookup(ov.ID())
			if nv == nil {
				add(Change{ID: ov.ID(), Kind: "removed", Breaking: true, What: "variant " + ov.ID() + " removed: code that raises it by id breaks", Pos: ov.Pos})
				continue
			}
			compareError(ov, nv, add)
		}
		for _, nv := range n.Variants {
			if old.Lookup(nv.ID()) == nil {
				add(Change{ID: nv.ID(), Kind: "added", What: "variant " + nv.ID() + " added", Pos: nv.Pos})
			}
		}
	}
	for _, n := range new.Errors {
		if old.Lookup(n.Code) == nil {
			add(Change{ID: n.Code, Kind: "added", What: "code " + n.Code + " (" + n.Name + ") added", Pos: n.PosOf("code")})
		}
	}
	compareTranslations(old, new, add)
	r.Bump = bump(r.Changes)
	r.Suggested = next(old.Version, r.Bump)
	return r
}

// compareError compares one code (or variant) present in both catalogs.
func compareError(o, n *catalog.Entry, add func(Change)) {
	id := n.ID()
	changed := func(breaking bool, field, what string) {
		add(Change{ID: id, Kind: "changed", Breaking: breaking, What: what, Pos: n.PosOf(field)})
	}
	if o.Parent == nil && o.Name != n.Name {
		changed(true, "name", fmt.Sprintf("renamed %s → %s: generated identifiers change", o.Name, n.Name))
	}
	variant := o.Parent != nil // a variant is compared on what it sets itself
	if o.Status != n.Status {
		// Giving a status to a code that had none fixes it; changing one breaks clients.
		changed(o.Status != 0, "status", fmt.Sprintf("status %s → %s", statusText(o.Status), statusText(n.Status)))
	}
	if og, ng := o.GRPCCode(), n.GRPCCode(); og != ng && (!variant || o.GRPC != "" || n.GRPC != "" || o.Status != 0 || n.Status != 0) {
		changed(og != "", "grpc", fmt.Sprintf("gRPC status %s → %s", orNone(og), orNone(ng)))
	}
	if !variant || o.ParamsSet || n.ParamsSet {
		compareParams(o.EffectiveParams(), n.EffectiveParams(), changed)
	}
	for _, t := range []struct{ field, old, new string }{
		{"title", o.Title, n.Title}, {"message", o.Message, n.Message}, {"summary", o.Summary, n.Summary},
		{"description", o.Description, n.Description},
		{"causes", strings.Join(o.Causes, "\n"), strings.Join(n.Causes, "\n")},
		{"resolutions", strings.Join(o.Resolutions, "\n"), strings.Join(n.Resolutions, "\n")},
	} {
		if t.old != t.new {
			changed(false, t.field, t.field+" text changed")
		}
	}
	if o.IsPublic() != n.IsPublic() {
		changed(false, "public", fmt.Sprintf("public %v → %v", o.IsPublic(), n.IsPublic()))
	}
	if o.OmitMessage != n.OmitMessage {
		changed(true, "omit_message", fmt.Sprintf("omit_message %v → %v: the bodies' message member comes or goes", o.OmitMessage, n.OmitMessage))
	}
	if (o.Deprecated == nil) != (n.Deprecated == nil) {
		if n.Deprecated != nil {
			changed(false, "deprecated", "deprecated")
		} else {
			changed(false, "deprecated", "no longer deprecated")
		}
	}
	if !slices.Equal(o.ReturnedBy, n.ReturnedBy) {
		changed(false, "returned_by", "returned_by changed")
	}
}

// compareResponse reports changes of the declared wire shape: every one is
// breaking, as clients parse the bodies and statuses it fixes.
func compareResponse(old, new *catalog.Catalog, add func(Change)) {
	o, n := old.Response.Spec(), new.Response.Spec()
	for _, r := range []*errcat.ResponseSpec{&o, &n} {
		if r.Envelope == "" {
			r.Envelope = "problem" // what HTTP layers answer in when none is declared
		}
	}
	pos := func(field string) catalog.Pos {
		if new.Response != nil {
			return new.Response.PosOf(field)
		}
		return new.Pos["catalog"]
	}
	changed := func(field, what string) {
		add(Change{Kind: "changed", Breaking: true, What: what, Pos: pos(field)})
	}
	if o.Envelope != n.Envelope {
		changed("envelope", fmt.Sprintf("response envelope %s → %s: every error body changes shape", o.Envelope, n.Envelope))
	}
	if o.Status != n.Status {
		changed("status", fmt.Sprintf("response status %s → %s: the HTTP status of error responses changes", transportText(o.Status), transportText(n.Status)))
	}
	if o.BulkStatusCode != n.BulkStatusCode {
		changed("bulk.status_code", fmt.Sprintf("response bulk.status_code %s → %s", codeText(o.BulkStatusCode), codeText(n.BulkStatusCode)))
	}
	if o.OmitFieldMessage != n.OmitFieldMessage {
		changed("bulk.omit_field_message", fmt.Sprintf("response bulk.omit_field_message %v → %v: field entries' message member comes or goes", o.OmitFieldMessage, n.OmitFieldMessage))
	}
}

// transportText describes a declared transport status.
func transportText(s int) string {
	if s == 0 {
		return "(each code's own)"
	}
	return strconv.Itoa(s)
}

// codeText describes the bulk envelope's own code.
func codeText(c int) string {
	if c == 0 {
		return "(none)"
	}
	return strconv.Itoa(c)
}

// compareParams classifies param changes: a removed, retyped, renamed or moved param
// breaks positional constructors and {0}-style placeholders; params added after the
// old ones are compatible, since a param left out is allowed.
func compareParams(o, n []*catalog.Param, changed func(bool, string, string)) {
	for i, op := range o {
		j := slices.IndexFunc(n, func(p *catalog.Param) bool { return p.Name == op.Name })
		switch {
		case j < 0:
			changed(true, "params", "param "+op.Name+" removed")
		case n[j].TypeName() != op.TypeName():
			changed(true, "params", fmt.Sprintf("param %s retyped %s → %s", op.Name, op.TypeName(), n[j].TypeName()))
		case j != i:
			changed(true, "params", fmt.Sprintf("param %s moved from position %d to %d", op.Name, i, j))
		}
	}
	for j, np := range n {
		if !slices.ContainsFunc(o, func(p *catalog.Param) bool { return p.Name == np.Name }) {
			// A new param in the place of an old one was reported as a move above.
			changed(j < len(o), "params", "param "+np.Name+" added")
		}
	}
}

func compareTranslations(old, new *catalog.Catalog, add func(Change)) {
	oldLocales, newLocales := old.Locales(), new.Locales()
	for _, l := range newLocales {
		if !slices.ContainsFunc(oldLocales, func(x string) bool { return strings.EqualFold(x, l) }) {
			add(Change{Kind: "added", What: "translation into " + l + " added"})
		}
	}
	for _, l := range oldLocales {
		if !slices.ContainsFunc(newLocales, func(x string) bool { return strings.EqualFold(x, l) }) {
			add(Change{Kind: "removed", What: "translation into " + l + " removed: clients asking for it get the default locale"})
		}
	}
}

func statusText(s int) string {
	if s == 0 {
		return "none"
	}
	return strconv.Itoa(s)
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// bump is the semantic-version bump the changes need: major for a breaking one,
// minor for an addition, patch for any other change.
func bump(cs []Change) string {
	b := "none"
	for _, c := range cs {
		switch {
		case c.Breaking:
			return "major"
		case c.Kind == "added":
			b = "minor"
		case b == "none":
			b = "patch"
		}
	}
	return b
}

// next returns version bumped, or "" when version is not MAJOR.MINOR.PATCH.
func next(version, bump string) string {
	v := strings.TrimPrefix(version, "v")
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return ""
	}
	n := make([]int, 3)
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || x < 0 {
			return ""
		}
		n[i] = x
	}
	switch bump {
	case "major":
		n = []int{n[0] + 1, 0, 0}
	case "minor":
		n = []int{n[0], n[1] + 1, 0}
	case "patch":
		n[2]++
	}
	prefix := strings.TrimSuffix(version, v)
	return fmt.Sprintf("%s%d.%d.%d", prefix, n[0], n[1], n[2])
}
