#!/bin/sh
# graphs/build.sh PROGRAM OUT_DIR - rebuilds every system of graphs/ from its fact tables
# into OUT_DIR (graphs/ itself to update the committed files; `make graphs`).
#
#   england-2012, -2013, -2022   graphs/build-england.py derives the organisations and
#                                links from graphs/facts/*.csv (provenance in
#                                graphs/facts/SOURCES.md) as a CSV pair and a base file;
#   wirral, calderdale, somerset graphs/sites/NAME/ holds the pair and base directly,
#   (2012 and 2013)              each row citing its sources;
#
# and `PROGRAM import` makes each system from its pair and base, checking it as it
# would any file.  The same fact tables give the same bytes.
set -eu
prog=$1
out=$2
here=$(dirname "$0")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/accgraph-graphs.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
python3 "$here/build-england.py" "$here/facts" "$tmp"
import_system() { # NAME DIR
	"$prog" import --base "$2/base.json" "$2/organisations.csv" "$2/links.csv" -o "$out/$1.json"
}
for name in england-2012 england-2013 england-2022; do
	import_system "$name" "$tmp/$name"
done
for dir in "$here"/sites/*/; do
	dir=${dir%/}
	import_system "${dir##*/}" "$dir"
done
