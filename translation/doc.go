// Package translation moves a catalog's texts to translators and back: it lists what
// a locale still needs ([Units]), writes it as XLIFF 2.0 or gettext PO for
// translation tools ([WriteXLIFF], [WritePO]), reads their work back ([ReadXLIFF],
// [ReadPO]) and merges it into the locale's translation file ([Merge]), keeping that
// file's comments and order.
//
// # Units
//
// A unit is one text of one code or variant: its title, message, summary,
// description, or one of its causes or resolutions. Its key is the code (or variant
// id) and the field joined by "|", as "000012|message" or "000037[0]|causes[1]";
// XLIFF carries it in a unit's name, PO in msgctxt. Texts keep errcat's ICU
// MessageFormat syntax: a plural stays whole in one text, as Crowdin, Weblate and
// Lokalise exchange ICU messages, so PO files use no msgid_plural and their header
// gives no Plural-Forms (CLDR's categories, which the translator writes as plural
// arms, are not gettext's numbered forms).
//
// # What changed
//
// Merge records, in a comment above each entry of the translation file, a short hash
// of the default-locale text each field was translated from:
//
//	# source: message=3f2a9c1e title=0b1c2d3e
//	"000012":
//	  title: …
//
// A translated field whose recorded hash differs from its text's today is Changed and
// exported again, with its translation as the target to revise: PO marks it fuzzy,
// XLIFF leaves its segment in the initial state. A field without a recorded hash, as
// in a file written by hand, counts as current. Reading back skips what is still
// fuzzy or initial, so that a translation nobody revised never passes for a current
// one.
//
// # Limits
//
// Readers take at most [MaxFileSize] bytes and report problems as
// "file:line:col: message" at the translated text; they never panic.
package translation
