#!/bin/sh
# Run a built bundle the way an office PC does (`make selftest-bundle`, CI):
#   - from a copy nobody may write to, as an ordinary user (CI runs as root, who may write
#     anywhere, so the programs are started as "nobody" when we are root);
#   - offscreen (no display here);
#   - with HOME, the XDG folders and TMPDIR in a scratch folder, so the per-user log and the
#     throw-away vault land there and are checked for.
# Fails when a self-test step fails, when posko-admin cannot make and verify a vault, or when
# anything was written inside the bundle folder ("nothing next to the executable").
set -eu

bundle=${1:-dist/posko}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
chmod 755 "$work"
cp -a "$bundle" "$work/posko"
chmod -R a-w "$work/posko"
home="$work/home"
mkdir -p "$home/tmp" "$home/run"
chmod 700 "$home/run"

as_user=""
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    chown -R nobody "$home"
    as_user="setpriv --reuid=nobody --regid=$(id -g nobody) --clear-groups"
fi

run() {
    env HOME="$home" XDG_DATA_HOME="$home/data" XDG_STATE_HOME="$home/state" \
        XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" \
        XDG_RUNTIME_DIR="$home/run" TMPDIR="$home/tmp" QT_QPA_PLATFORM=offscreen \
        POSKO_KDF_PROFILE=floor $as_user "$@"
}

stamp="$work/stamp"
touch "$stamp"
started=$(date +%s%N)
status=0
run "$work/posko/posko" --self-test --self-test-report "$home/report.txt" || status=$?
echo "self-test: exit $status, $((($(date +%s%N) - started) / 1000000)) ms including start-up"

# The admin CLI from the same folder: a new vault, then its full check.
password="uji bundel posko admin"
printf '%s\n' "$password" | run "$work/posko/posko-admin" --data-dir "$home/data/cli" \
    init --user koordinator --password-stdin >/dev/null
printf '%s\n' "$password" | run "$work/posko/posko-admin" --data-dir "$home/data/cli" \
    verify --user koordinator --password-stdin
echo "posko-admin: init and verify OK"

test -f "$home/state/PoskoPPKS/log/posko.log" || { echo "no log in the per-user folder"; exit 1; }
written=$(find "$work/posko" "$bundle" -newer "$stamp")
if [ -n "$written" ]; then
    echo "written inside the bundle folder:"
    echo "$written"
    exit 1
fi
echo "nothing written inside the bundle folder"

passed=$(grep -c '^OK ' "$home/report.txt" || true)
failed=$(grep -c '^GAGAL ' "$home/report.txt" || true)
echo "self-test: $passed passed, $failed failed"
exit "$status"
