#!/usr/bin/env bash
# Build Paiban's freely licensed CMYK output profiles (ICC v2, class prtr) with Argyll CMS `colprof`
# from the characterisation data in Debian's icc-profiles-free package (Zlib licence).
#
#   tools/build_icc.sh [OUTDIR]          (default: assets/icc)
#
# Needs: argyll (colprof), icc-profiles-free (/usr/share/color/icc/FOGRA39L.ti3, TR002.ti3).
# Takes about 20-30 s per profile on one core. The outputs are committed, so this only runs when the
# recipe changes.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-assets/icc}
DATA=${ICC_DATA:-/usr/share/color/icc}
command -v colprof >/dev/null || { echo "build_icc: colprof not found (apt-get install argyll)" >&2; exit 2; }
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

build() {   # build NAME TI3 TAC BLACK_LIMIT DESCRIPTION
  local name=$1 ti3=$2 tac=$3 klim=$4 desc=$5
  cp "$DATA/$ti3.ti3" "$TMP/$name.ti3"
  # -qm medium quality, -kr ramped black generation (GCR), -l total ink limit, -L black ink limit,
  # -ax (default) A2B/B2A tables; ICC v2 is colprof's default.
  ( cd "$TMP" && colprof -qm -kr -l"$tac" -L"$klim" \
      -A "Paiban" -M "$ti3 characterisation" \
      -D "$desc" -C "Built by Paiban from $ti3.ti3 (icc-profiles-free, Zlib licence); no rights reserved" \
      "$name" >/dev/null )
  cp "$TMP/$name.icc" "$OUT/$name.icc"
  echo "built $OUT/$name.icc ($(stat -c %s "$OUT/$name.icc") bytes)"
}

build paiban-newsprint-tr002 TR002 260 100 "Paiban Newsprint (SNAP TR002, TAC 260%)"
build paiban-coated-fogra39 FOGRA39L 330 100 "Paiban Coated (FOGRA39, TAC 330%)"
