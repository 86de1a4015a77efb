#!/usr/bin/env bash
# Measures what the CLDR plural tables add to a binary: tiny programs that use
# internal/plural, internal/icu, and golang.org/x/text/feature/plural for comparison,
# against one that uses none of them; and the runtime's templates without and with
# internal/icu, which shares most of its dependencies (time, strconv) with the runtime. The programs live in a temporary overlay, not in the
# tree. Sizes are of stripped binaries (-ldflags=-s -w), in bytes.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prog() { # name, imports, body
  mkdir -p "$tmp/$1"
  printf 'package main\n\nimport (\n\t"os"\n%s)\n\nfunc main() {\n\tn := len(os.Args)\n%s\n}\n' "$2" "$3" > "$tmp/$1/main.go"
}
prog base '' $'\tos.Exit(n)'
prog plural $'\t"github.com/errcat/errcat/internal/plural"\n' \
  $'\tc := plural.Cardinal(os.Args[0]).Select(plural.OperandsInt(int64(n)))\n\to := plural.Ordinal(os.Args[0]).Select(plural.OperandsInt(int64(n)))\n\tos.Exit(int(c + o))'
prog icu $'\t"github.com/errcat/errcat/internal/icu"\n' \
  $'\tm, _ := icu.Parse(os.Args[1])\n\tos.Stdout.Write(icu.Append(nil, m, os.Args[0], icu.Args{Values: []icu.Value{icu.Int(int64(n))}}))'
prog runtime $'\t"github.com/errcat/errcat"\n' \
  $'\tt, _ := errcat.ParseTemplate(os.Args[1])\n\tos.Stdout.Write(t.Append(nil, []errcat.Value{errcat.Int(int64(n))}))'
prog runtime+icu $'\t"github.com/errcat/errcat"\n\t"github.com/errcat/errcat/internal/icu"\n' \
  $'\tt, _ := errcat.ParseTemplate(os.Args[1])\n\tos.Stdout.Write(t.Append(nil, []errcat.Value{errcat.Int(int64(n))}))\n\tm, _ := icu.Parse(os.Args[1])\n\tos.Stdout.Write(icu.Append(nil, m, os.Args[0], icu.Args{Values: []icu.Value{icu.Int(int64(n))}}))'
prog xtext $'\t"golang.org/x/text/feature/plural"\n\t"golang.org/x/text/language"\n' \
  $'\tt := language.Make(os.Args[0])\n\tc := plural.Cardinal.MatchPlural(t, n, 0, 0, 0, 0)\n\to := plural.Ordinal.MatchPlural(t, n, 0, 0, 0, 0)\n\tos.Exit(int(c) + int(o))'
printf '{"Replace": {' > "$tmp/overlay.json"
sep=
for p in base plural icu runtime runtime+icu xtext; do
  printf '%s"%s": "%s"' "$sep" "$PWD/internal/sizecheck/$p/main.go" "$tmp/$p/main.go" >> "$tmp/overlay.json"
  sep=,
done
printf '}}\n' >> "$tmp/overlay.json"
base=
for p in base plural icu runtime runtime+icu xtext; do
  go build -overlay "$tmp/overlay.json" -trimpath -ldflags='-s -w' -o "$tmp/$p.bin" "./internal/sizecheck/$p"
  size=$(stat -c %s "$tmp/$p.bin")
  [ -z "$base" ] && base=$size
  echo "$p: $size bytes (+$((size - base)))"
done
