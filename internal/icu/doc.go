// Package icu parses and renders message templates in the subset of ICU MessageFormat
// that error messages need, with errcat's own escapes:
//
//	Unable to locate {0} with id {id}.
//	{count, plural, =0 {No files} one {# file} other {# files}} were deleted.
//	{count, plural, offset:1 =0 {nobody} =1 {{host}} one {{host} and # other} other {{host} and # others}}
//	{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt
//	{role, select, admin {Ask another admin.} other {Ask an admin.}}
//	{size, number} bytes, {size, number, integer} rounded; {when, date, short} {when, time, short}
//	Retry in {wait, duration}.
//
// A placeholder names its argument by index ({0}) or by name ({id}, an identifier of
// ASCII letters, digits and '_' that does not start with a digit). Spaces may surround
// the parts between braces. The argument types are:
//
//   - number, with the optional style integer (rounded half to even);
//   - date and time, with the optional style short, medium (the default), long or full;
//   - duration, with no style;
//   - plural and selectordinal: an optional offset:N, then arms whose selectors are
//     =N (an exact value, compared before the offset) or a CLDR category (zero, one,
//     two, few, many, other), each followed by a message in braces;
//   - select: arms whose selectors are keywords of ASCII letters, digits, '_' and '-'.
//
// Every plural, selectordinal and select must have an "other" arm, and no selector may
// appear twice. Arms may hold any message, nested choices included, up to [MaxDepth]
// levels. In the arms of a plural or selectordinal, # stands for the number less the
// offset (not in the arms of a select nested there, as in ICU).
//
// Quoting follows errcat's templates rather than ICU's apostrophes, so that every
// template written for errcat keeps its meaning:
//
//   - Outside choices, "{{" and "}}" are literal braces, as in every errcat template.
//     Inside the arms of a choice braces are always syntax, as in ICU: "{" opens a
//     placeholder ("one {{host} left}") and "}" ends the arm ("other {# items}}"
//     ends the arm and the plural). An arm cannot hold a literal brace.
//   - "##" is a literal "#" in the arms of a plural or selectordinal; elsewhere # is
//     ordinary text.
//   - An apostrophe is always ordinary text: "can't" and "'{0}'" read as they do today.
//     ICU's apostrophe quoting ('{' for a literal brace, a doubled apostrophe for
//     one) is not supported; tools that exchange ICU messages convert at the boundary.
//
// Formats write values in the forms of the locale a message is rendered for, from the
// CLDR tables of package cldr; a plain placeholder ({n}) writes the value's text, the
// same in every locale. For 1234567.5, 2026-03-04T15:06:07Z and 2h5m:
//
//	                      en                         de                       fr
//	{n, number}, #        1,234,567.5                1.234.567,5              1 234 567,5
//	{n, number, integer}  1,234,568                  1.234.568                1 234 568
//	{t, date, short}      3/4/26                     04.03.26                 04/03/2026
//	{t, date}             Mar 4, 2026                04.03.2026               4 mars 2026
//	{t, date, full}       Wednesday, March 4, 2026   Mittwoch, 4. März 2026   mercredi 4 mars 2026
//	{t, time, short}      3:06 PM                    15:06                    15:06
//	{t, time, long}       3:06:07 PM GMT             15:06:07 GMT             15:06:07 UTC
//	{d, duration}         2 hours 5 minutes          2 Stunden, 5 Minuten     2 heures 5 minutes
//	{n} {t} {d}           1234567.5 2026-03-04T15:06:07Z 2h5m, in every locale
//
// Numbers keep the fraction digits their value has; # in the arms of a plural is
// written as {n, number} writes it, as in ICU. Dates and times are in the time's own
// location (UTC for a time made in UTC), and long and full times name the offset in
// the locale's GMT format ("GMT+5:30", "GMT+05:30") rather than a zone name.
// Durations are written in days of 24 hours, hours, minutes and seconds, each in the
// unit pattern of its number's plural category, joined by the locale's list pattern;
// see [Append] for the rest.
//
// Parsing checks everything above and reports the first problem as an [*Error] with the
// byte offset where it is and what to write instead. A parsed [Message] is an AST whose
// every node records its byte span in the source. Rendering ([Append]) picks plural
// forms with the CLDR rules of package plural, formats values with the CLDR data of
// package cldr, and does not allocate for text, placeholders, plurals of integers,
// numbers of integers and decimals, dates and durations.
package icu
