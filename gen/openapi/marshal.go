package openapi

import (
	"bytes"
	"encoding/json"
)

// marshalDocument returns doc as json.MarshalIndent(doc, "", "  ") writes it, with a
// newline, marshaling the entries of its components in parallel.
func marshalDocument(doc obj) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("{\n")
	keys := sortedKeys(doc)
	for i, k := range keys {
		writeKey(&b, "  ", k)
		if comps, ok := doc[k].(obj); ok && k == "components" {
			if err := writeComponents(&b, comps); err != nil {
				return nil, err
			}
		} else {
			v, err := json.MarshalIndent(doc[k], "  ", "  ")
			if err != nil {
				return nil, err
			}
			b.Write(v)
		}
		if i < len(keys)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("}\n")
	return b.Bytes(), nil
}

// writeComponents writes the components object comps at depth 1 of a document.
func writeComponents(b *bytes.Buffer, comps obj) error {
	const prefix = "      " // an entry of a section of the components
	sections := sortedKeys(comps)
	b.WriteString("{\n")
	for i, s := range sections {
		writeKey(b, "    ", s)
		section, _ := comps[s].(obj)
		names := sortedKeys(section)
		values := make([][]byte, len(names))
		var jobs []func() error
		for start := 0; start < len(names); start += chunk {
			jobs = append(jobs, func() error {
				for j := start; j < min(start+chunk, len(names)); j++ {
					v, err := json.MarshalIndent(section[names[j]], prefix, "  ")
					if err != nil {
						return err
					}
					values[j] = v
				}
				return nil
			})
		}
		if err := runAll(jobs); err != nil {
			return err
		}
		if len(names) == 0 {
			b.WriteString("{}")
		} else {
			b.WriteString("{\n")
			for j, name := range names {
				writeKey(b, prefix, name)
				b.Write(values[j])
				if j < len(names)-1 {
					b.WriteByte(',')
				}
				b.WriteByte('\n')
			}
			b.WriteString("    }")
		}
		if i < len(sections)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("  }")
	return nil
}

// writeKey writes an object's key as encoding/json does, indented, and ": ".
func writeKey(b *bytes.Buffer, indent, key string) {
	k, _ := json.Marshal(key)
	b.WriteString(indent)
	b.Write(k)
	b.WriteString(": ")
}
