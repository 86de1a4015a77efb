// Package icu parses and renders message templates in the subset of ICU MessageFormat
// that error messages need, with errcat's own escapes:
//
//	Unable to locate {0} with id {id}.
//	{count, plural, =0 {No files} one {# file} other {# files}} were deleted.
//	{count, plural, offset:1 =0 {nobody} =1 {{host}} one {{host} and # other} other {{host} and # others}}
//	{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} attempt
//	{role, select, admin {Ask another admin.} other {Ask an admin.}}
//	{size, number} bytes, {size, number, integer} rounded; {when, date, short} {when, time, short}
//
// A placeholder names its argument by index ({0}) or by name ({id}, an identifier of
// ASCII letters, digits and '_' that does not start with a digit). Spaces may surround
// the parts between braces. The argument types are:
//
//   - number, with the optional style integer (rounded half to even);
//   - date and time, with the optional style short, medium, long or full;
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
// Parsing checks everything above and reports the first problem as an [*Error] with the
// byte offset where it is and what to write instead. A parsed [Message] is an AST whose
// every node records its byte span in the source. Rendering ([Append]) picks plural
// forms with the CLDR rules of package plural and does not allocate for text,
// placeholders and plurals of integers.
package icu
