#!/usr/bin/env bash
# Builds the Debian packages, checks what they declare, installs them into a clean tree and
# runs the installed programs from there, then removes the tree.
#   install_test.sh BUILD_DIR SOURCE_DIR
#
# Why an extracted tree and not a chroot: a chroot of a bare Debian 12 needs debootstrap and
# a few hundred MB from the mirror at every run. Instead the test proves the same property —
# the packages run with nothing but what they declare — from the dynamic loader's own record:
# every shared object the installed programs load (LD_DEBUG=libs, plugins included: the
# PostgreSQL driver, the platform plugin) must belong to a package in the closure of their
# declared Depends. `apt-get install --simulate` shows the Depends resolve on Debian 12.
set -euo pipefail
build=$(realpath "$1"); src=$(realpath "$2")
work=$(mktemp -d /tmp/mvdash-package.XXXXXX)
chmod 755 "$work" # the test server runs as postgres: it must reach its directory in here
cluster=""
cleanup() {
    if [ -n "$cluster" ] && [ -f "$cluster/data/postmaster.pid" ]; then
        runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl stop -D "$cluster/data" -m immediate >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "== $*"; }

step "building the packages"
cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1 ||
    { cat "$work/cpack.log"; fail "cpack"; }
gui=$(ls "$work"/out/mvdash_*.deb); admin=$(ls "$work"/out/mvdash-admin_*.deb)
for deb in "$gui" "$admin"; do
    echo "$(basename "$deb"): $(dpkg-deb -f "$deb" Depends)"
done

step "declared dependencies"
# the package names a Depends field lists (exact names: libqt6sql6 is not libqt6sql6-psql)
depends_of() { dpkg-deb -f "$1" Depends | tr ',|' '\n\n' | sed 's/(.*)//; s/ //g' | grep -v '^$'; }
admin_depends=$(depends_of "$admin")
gui_depends=$(depends_of "$gui")
for p in libqt6core6 libqt6sql6 libqt6sql6-psql libspdlog1.10-fmt9 libpq5; do
    grep -qx "$p" <<<"$admin_depends" || fail "mvdash-admin does not depend on $p"
done
for p in libqt6widgets6 libqt6charts6 libqt6gui6; do
    if grep -qx "$p" <<<"$admin_depends"; then fail "mvdash-admin pulls in $p (no widgets for the CLI)"; fi
done
for p in libqt6widgets6 libqt6charts6 libqt6sql6-psql; do
    grep -qx "$p" <<<"$gui_depends" || fail "mvdash does not depend on $p"
done
# each package's own synopsis (CPack would put the project's summary first)
# (outputs are read whole before they are searched: with pipefail, `grep -q` or `head` ending a
# pipe early kills the writer with SIGPIPE and fails the pipe on a busy machine)
synopsis=$(dpkg-deb -f "$admin" Description); synopsis=${synopsis%%$'\n'*}
[[ $synopsis == "Command-line administration"* ]] || fail "mvdash-admin's synopsis: $synopsis"
synopsis=$(dpkg-deb -f "$gui" Description); synopsis=${synopsis%%$'\n'*}
[[ $synopsis == "Dashboard for the materialized views"* ]] || fail "mvdash's synopsis: $synopsis"
LC_ALL=C apt-get install --simulate --no-install-recommends "$gui" "$admin" >"$work/simulate.log" 2>&1 ||
    { cat "$work/simulate.log"; fail "the packages' dependencies do not resolve on this system"; }

step "lintian"
# Debian's own checks, the informational and pedantic tags included (hardening flags, sections
# of the programs, the copyright and changelog files): nothing to report
# One exception: spelling-error-in-binary for a "word" that no source file of ours holds. That is
# machine code that happens to read as a word once lintian drops brackets (")lO(n.(" as "lOn",
# a misspelled "long"): it comes and goes with any change of the code. A misspelling in one of
# our own texts is in the sources, and still fails.
lintian --tag-display-limit 0 --display-info --pedantic "$gui" "$admin" >"$work/lintian.log" 2>&1 ||
    { cat "$work/lintian.log"; fail "lintian did not run"; }
problems=()
while IFS= read -r line; do
    [[ $line =~ ^[EWIPX]:\  ]] || continue
    if [[ $line =~ spelling-error-in-binary\ ([^ ]+)\  ]] &&
        ! grep -rqwF -- "${BASH_REMATCH[1]}" "$src/app" "$src/ui" "$src/models" "$src/sql" "$src/resources"; then
        echo "(not ours, machine code read as a word: $line)"
        continue
    fi
    problems+=("$line")
done <"$work/lintian.log"
if [ ${#problems[@]} -gt 0 ]; then
    printf '%s\n' "${problems[@]}"; fail "lintian"
fi

step "installing into a clean tree"
root="$work/root"
dpkg-deb -x "$gui" "$root"; dpkg-deb -x "$admin" "$root"
for f in usr/bin/mvdash usr/bin/mvdash-admin \
         usr/share/man/man1/mvdash.1.gz usr/share/man/man1/mvdash-admin.1.gz \
         usr/share/bash-completion/completions/mvdash-admin \
         usr/share/applications/org.mvdash.Dashboard.desktop \
         usr/share/metainfo/org.mvdash.Dashboard.metainfo.xml \
         usr/share/icons/hicolor/scalable/apps/mvdash.svg \
         usr/share/icons/hicolor/48x48/apps/mvdash.png \
         usr/share/doc/mvdash-admin/examples/deployment-follower.yaml \
         usr/share/doc/mvdash/copyright usr/share/doc/mvdash-admin/copyright \
         usr/share/doc/mvdash/changelog.gz usr/share/doc/mvdash-admin/changelog.gz; do
    [ -e "$root/$f" ] || fail "$f is not in the packages"
done
if dpkg-deb -c "$admin" >"$work/admin-files.txt" && grep -q "usr/share/applications" "$work/admin-files.txt"; then
    fail "the desktop entry is in mvdash-admin"
fi
desktop-file-validate "$root/usr/share/applications/org.mvdash.Dashboard.desktop"
appstreamcli validate --no-net --explain "$root/usr/share/metainfo/org.mvdash.Dashboard.metainfo.xml" >"$work/appstream.log" 2>&1 ||
    { cat "$work/appstream.log"; fail "appstreamcli validate"; }
page=$(MANWIDTH=80 man -l "$root/usr/share/man/man1/mvdash-admin.1.gz" 2>/dev/null)
grep -q "doctor" <<<"$page" ||
    fail "man mvdash-admin does not render"

# the packages' closure: the declared Depends and, recursively, theirs
closure() {
    local names
    names=$(dpkg-deb -f "$1" Depends | tr ',|' '\n\n' | sed 's/(.*)//; s/:any//; s/ //g' | grep -v '^$' |
        while read -r name; do # a virtual package (libspdlog1.10-fmt9): the installed providers
            status=$(dpkg-query -W -f='${Status}' "$name" 2>/dev/null || true)
            if [[ $status == *"ok installed"* ]]; then echo "$name"; else
                dpkg-query -W -f='${Package} ${Provides}\n' |
                    awk -v n="$name" '{ for (i = 2; i <= NF; i++) { sub(/[(,].*/, "", $i); if ($i == n) print $1 } }'
            fi
        done)
    # shellcheck disable=SC2086
    apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
        --no-replaces --no-enhances $names 2>/dev/null |
        sed -n 's/^\([a-z0-9][^ <>]*\)$/\1/p; s/^ *\(Pre\)\?Depends: \([^ <>]*\)$/\2/p
                s/^    \([a-z0-9][^ <>:]*\)$/\1/p' | sort -u # the last: providers of a virtual package
}
# loaded shared objects (LD_DEBUG=libs reports each initialised object, dlopen()ed ones too)
check_loaded() { # NAME PACKAGE.deb LOG
    local allowed obj pkg bad=0
    allowed=$(closure "$2")
    for obj in $(sed -n 's/.*calling init: \(\/.*\)$/\1/p' "$3" | sort -u); do
        case $obj in "$root"/*) continue ;; esac
        pkg=""
        for candidate in "$obj" "$(realpath "$obj")" "${obj#/usr}" "/usr${obj}"; do
            pkg=$(dpkg -S "$candidate" 2>/dev/null | sed -n '1s/:.*//p') && [ -n "$pkg" ] && break
        done
        [ -n "$pkg" ] || { echo "  $obj: no package owns it"; bad=1; continue; }
        grep -qx "$pkg" <<<"$allowed" || { echo "  $obj: from $pkg, not a declared dependency of $(basename "$1")"; bad=1; }
    done
    [ $bad -eq 0 ] || fail "$(basename "$1") loads libraries it does not declare"
    echo "  $(basename "$1"): $(sed -n 's/.*calling init: \(\/.*\)$/\1/p' "$3" | sort -u | wc -l) shared objects, all from declared dependencies"
}

export QT_QPA_PLATFORM=offscreen LC_ALL=C.UTF-8 LANG=C.UTF-8 XDG_RUNTIME_DIR="$work/runtime"
mkdir -m 700 "$work/runtime"
step "the installed programs"
version=$(LD_DEBUG=libs "$root/usr/bin/mvdash-admin" --version 2>"$work/ld-admin-version.log")
echo "  $version"
grep -q "^mvdash-admin [0-9]" <<<"$version" || fail "mvdash-admin --version: $version"
gui_version=$("$root/usr/bin/mvdash" --version)
grep -q "^mvdash [0-9]" <<<"$gui_version" || fail "mvdash --version: $gui_version"
help_ru=$("$root/usr/bin/mvdash-admin" --lang ru --help)
grep -q "Команды" <<<"$help_ru" || fail "mvdash-admin --lang ru --help is not in Russian"

step "against a test server"
cluster="$work/cluster"
dsn=$("$root/usr/bin/mvdash-admin" demo --events 20000 --dir "$cluster" 2>"$work/demo.log" | sed -n 1p) ||
    { cat "$work/demo.log"; fail "mvdash-admin demo"; }
admin_run() { "$root/usr/bin/mvdash-admin" --dsn "$dsn" "$@"; }
admin_run migrate >/dev/null
admin_run seed --events 5000 --seed 7 >/dev/null
LD_DEBUG=libs "$root/usr/bin/mvdash-admin" --dsn "$dsn" refresh >/dev/null 2>"$work/ld-admin.log"
admin_run verify >"$work/verify.log" || { cat "$work/verify.log"; fail "verify"; }
tail -n1 "$work/verify.log"
LD_DEBUG=libs "$root/usr/bin/mvdash" --dsn "$dsn" --screenshot "$work/shots" >/dev/null 2>"$work/ld-gui.log" ||
    { grep -v "calling\|^ *[0-9]*:" "$work/ld-gui.log" | tail; fail "mvdash --screenshot"; }
shots=$(find "$work/shots" -name '*.png' -size +10k | wc -l)
[ "$shots" -ge 5 ] || fail "mvdash --screenshot wrote $shots pictures"
echo "  mvdash --screenshot: $shots pictures"

step "bash completion (the installed script, against the test server)"
# the connection the libpq way, as a user would have it configured
for kv in $dsn; do # dbname='mvdash_demo' host='/tmp/...' user='postgres'
    value=${kv#*=}; value=${value//\'/}
    case $kv in
        host=*) export PGHOST=$value ;; port=*) export PGPORT=$value ;;
        dbname=*) export PGDATABASE=$value ;; user=*) export PGUSER=$value ;;
    esac
done
complete_line() { # the words bash offers at the end of the command line $1
    PATH="$root/usr/bin:$PATH" bash -c '
        source /usr/share/bash-completion/bash_completion
        source "$0"
        COMP_LINE=$1; COMP_POINT=${#COMP_LINE}
        # the words as readline hands them over: split at blanks and at the word breaks : and =,
        # which stand as words of their own (--dsn=postgresql://h -> --dsn = postgresql : //h)
        COMP_WORDS=()
        for part in $COMP_LINE; do
            while IFS= read -r w; do [ -n "$w" ] && COMP_WORDS+=("$w"); done \
                < <(sed "s/\\([:=]\\)/\\n\\1\\n/g" <<<"$part")
        done
        [[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
        COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
        _mvdash_admin mvdash-admin "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
        printf "%s\n" "${COMPREPLY[@]}"' "$root/usr/share/bash-completion/completions/mvdash-admin" "$1"
}
expect_completion() { # LINE WORD...
    local offered; offered=$(complete_line "$1")
    shift
    for w in "$@"; do
        grep -qx -- "$w" <<<"$offered" || fail "completing '$line' does not offer $w (offered: $(echo $offered))"
    done
}
line="mvdash-admin re"; expect_completion "$line" refresh rebuild revoke-tenant
line="mvdash-admin --js"; expect_completion "$line" --json
line="mvdash-admin migrate --read-models "; expect_completion "$line" live matview
line="mvdash-admin tenant-view "; expect_completion "$line" create drop
line="mvdash-admin refresh pay"; expect_completion "$line" payments_view
line="mvdash-admin tenant-view create "; expect_completion "$line" bets_view user_activity_view
# a DSN on the line (a URI: it has the word breaks : and =), no PG* variables
# (no & in it: bash breaks words there too)
uri="postgresql://$PGUSER@/$PGDATABASE?host=$PGHOST"
line="mvdash-admin --dsn=$uri refresh pay"
(unset PGHOST PGDATABASE PGUSER; expect_completion "$line" payments_view)
line="mvdash-admin --dsn $uri refresh pay"
(unset PGHOST PGDATABASE PGUSER; expect_completion "$line" payments_view)
echo "  subcommands, options, modes and the server's view names"
check_loaded "$admin" "$admin" "$work/ld-admin.log"
check_loaded "$gui" "$gui" "$work/ld-gui.log"

step "removing"
rm -rf "$root"
echo "PASS: both packages install, declare what they load, and run from the installed files"
