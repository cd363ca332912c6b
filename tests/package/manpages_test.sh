#!/usr/bin/env bash
# The manuals are generated from the programs' --help (help2man, at build time); this shows they
# did not drift: every word of today's --help appears in the installed manual, in order
# (help2man reflows paragraphs and turns "Usage:" into SYNOPSIS, so the words are compared).
#   manpages_test.sh BUILD_DIR
set -euo pipefail
build=$(realpath "$1")
export LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE= QT_QPA_PLATFORM=offscreen
# an empty configuration, as the build uses: a language saved by the dashboard would win
XDG_CONFIG_HOME=$(mktemp -d /tmp/mvdash-man.XXXXXX); export XDG_CONFIG_HOME
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT
words() { tr -s ' \t\n' '\n\n\n' | sed '/^$/d; s/:$//' | tr '[:upper:]' '[:lower:]'; } # headings: OPTIONS
status=0
for program in mvdash-admin mvdash; do
    page="$build/packaging/$program.1.gz"
    [ -f "$page" ] || { echo "FAIL: $page was not generated"; exit 1; }
    # ASCII, one very long line per paragraph: no hyphenation, no typographic quotes
    zcat "$page" | groff -man -Tascii -P-cbou -rLL=2000n 2>/dev/null | words >"$build/$program.man.words"
    "$build/app/$program" --help 2>/dev/null | sed 1d | words >"$build/$program.help.words" # "Usage:" line: SYNOPSIS
    missing=$(awk 'NR == FNR { man[n++] = $0; next }
                   { while (i < n && man[i] != $0) i++
                     if (i == n) { print "word " FNR ": " $0; exit } i++ }' \
                  "$build/$program.man.words" "$build/$program.help.words")
    if [ -n "$missing" ]; then
        echo "FAIL: man $program lacks --help's $missing (rebuild: the manual is generated from --help)"
        status=1
    else
        echo "ok: man $program has all $(wc -l <"$build/$program.help.words") words of its --help, in order"
    fi
done
exit $status
