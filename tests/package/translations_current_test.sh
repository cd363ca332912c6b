#!/usr/bin/env bash
# Every translatable text in the sources is in the catalogs: lupdate run on a copy of them finds
# nothing new (a text added with tr() but not collected would show in English in Russian).
#   translations_current_test.sh SOURCE_DIR
set -euo pipefail
src=$(realpath "$1")
work=$(mktemp -d /tmp/mvdash-ts.XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$src"/resources/translations "$work/"
cp "$src/scripts/update-translations" "$work/" # (the same lupdate options as the maintainers')
cd "$src"
for lang in ru en; do
    pluralonly=""; [ $lang = en ] && pluralonly=-pluralonly
    timeout 120 /usr/lib/qt6/bin/lupdate -locations none -no-obsolete -extensions cpp,h $pluralonly app ui models \
        -ts "$work/translations/mvdash_$lang.ts" >"$work/lupdate-$lang.log" 2>&1
    new=$(grep -c 'type="unfinished"' "$work/translations/mvdash_$lang.ts" || true)
    if [ "$new" -ne 0 ]; then
        echo "FAIL: $new texts of the sources are not translated in mvdash_$lang.ts:"
        grep -B3 'type="unfinished"' "$work/translations/mvdash_$lang.ts" | sed -n 's/.*<source>\(.*\)<\/source>/  \1/p' | head -20
        echo "run scripts/update-translations and translate them"
        exit 1
    fi
    echo "ok: mvdash_$lang.ts has every text of the sources"
done
