#!/bin/sh
# Times errcat gen openapi on synthetic catalogs of 1,000, 10,000 and 50,000 codes with
# 5 translations: wall and CPU seconds and peak memory, one line a size. Run it on a
# quiet machine; from the repository root:
#
#	sh bench/openapi.sh [SIZES...]
set -eu
sizes=${*:-1000 10000 50000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
go build -o "$dir/errcat" ./cmd/errcat
printf '%-8s %10s %10s %10s %12s %12s\n' codes wall_s user_s sys_s max_rss_MiB doc_MB
for n in $sizes; do
  go run ./internal/tools/synthetic -o "$dir/c$n" -codes "$n" -locales 5 > /dev/null
  /usr/bin/time -f '%e %U %S %M' -o "$dir/time" "$dir/errcat" gen openapi "$dir/c$n/big" -o "$dir/doc$n.json"
  read -r wall user sys rss < "$dir/time"
  printf '%-8s %10s %10s %10s %12d %12d\n' "$n" "$wall" "$user" "$sys" $((rss / 1024)) $(($(wc -c < "$dir/doc$n.json") / 1000000))
done
