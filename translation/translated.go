package translation

import (
	"github.com/errcat/errcat/catalog"
	"github.com/errcat/errcat/lint"
)

// File is what a translator sent back: the translated texts of one locale.
type File struct {
	// Locale is the file's target language (XLIFF trgLang, PO Language).
	Locale string
	Texts  []*Translated
	// Pos is where the file names its locale.
	Pos catalog.Pos
}

// Translated is one translated text read from a file.
type Translated struct {
	// Key is the unit's key, ID|Field.
	Key  string
	Text string
	// Pos is where the text starts in the file read.
	Pos    catalog.Pos
	pieces []piece
}

// piece is where a part of a text that was written in several parts (PO's string
// lines, XLIFF's text runs) starts, in the text and in the file.
type piece struct {
	off int
	pos catalog.Pos
}

// PosAt returns the position in the file read of byte offset off of the text.
func (t *Translated) PosAt(off int) catalog.Pos {
	p := piece{pos: t.Pos}
	for _, q := range t.pieces {
		if q.off <= off {
			p = q
		}
	}
	return lint.TextPos(t.Text[p.off:], p.pos, off-p.off)
}
