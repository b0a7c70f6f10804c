#!/usr/bin/env bash
# Serve Dateline: nginx on DATELINE_BIND (default 127.0.0.1:8000) in front of gunicorn, which listens
# on a unix socket only nginx can reach. Both run in the foreground and stop together (Ctrl-C, SIGTERM,
# or either one exiting). deploy/nginx.conf says why nginx is there.
#
#   DATELINE_BIND           where clients connect (nginx)             [127.0.0.1:8000]
#   DATELINE_RATE_LIMIT     requests per second per client address, bursts of twice that; 0: no limit  [20]
#   DATELINE_RUN_DIR        this instance's files: nginx's config and temp files, gunicorn's socket and
#                           control socket, the workers' metrics        [a new private directory, removed at exit]
#   DATELINE_REQUEST_DEADLINE  seconds a request may spend on Elasticsearch [10]; nginx waits 10 s more
#   DATELINE_EXPORTS_PER_CLIENT, DATELINE_EXPORTS_TOTAL  exports streaming at once per client address
#                           and in all; 429 beyond [1, 2]; 0: no limit
#   DATELINE_EXPORT_SEND_TIMEOUT  seconds an export's reader may take nothing before it is cut [30]
#   DATELINE_CONNECTIONS_PER_CLIENT  connections at once per client address; 429 beyond [64]; 0: no limit
#   DATELINE_WEB_ACCOUNT    as root: the account gunicorn's workers run as (set-up makes it) [dateline-web]
#   DATELINE_TRUSTED_PROXIES  comma-separated addresses or CIDRs of proxies in front (a TLS terminator)
#                           whose X-Forwarded-For is believed                [none]
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'serve: %s\n' "$*" >&2; }

listen="${DATELINE_BIND:-127.0.0.1:8000}"
rate="${DATELINE_RATE_LIMIT:-20}"
deadline="${DATELINE_REQUEST_DEADLINE:-10}"
if [ -n "${DATELINE_RUN_DIR:-}" ]; then
    run="$DATELINE_RUN_DIR"
    mkdir -p "$run"
    own_run=""
else
    run=$(mktemp -d "${TMPDIR:-/tmp}/dateline-serve.XXXXXX")
    own_run=1
fi
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || {
    say "nginx is missing: run bash deploy/setup.sh (as root it installs it)"
    exit 1
}
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
mkdir -p "$run/nginx"
chmod 700 "$run" "$run/nginx"
# nginx's own error pages, where its workers can read them (a checkout may be private).
rm -rf "$run/errors"
cp -r deploy/errors "$run/errors"

user=""
web="${DATELINE_WEB_ACCOUNT:-dateline-web}"
if [ "$(id -u)" = 0 ]; then
    # gunicorn's workers run as $web (deploy/gunicorn.conf.py), nginx's as www-data, a member of
    # $web's group (set-up): that group, and nobody else, may enter the run directory and use
    # the socket.
    id "$web" >/dev/null 2>&1 && id -nG www-data | tr ' ' '\n' | grep -qx "$web" || {
        say "the account $web (or www-data's membership of its group) is missing: run bash deploy/setup.sh"
        exit 1
    }
    # The workers import and read the checkout after they drop root: a parent folder closed to
    # $web (a clone under `mktemp -d`, mode 700) is opened to it for passage only, nothing more.
    dir=$(pwd -P)
    while [ "$dir" != / ]; do
        if ! runuser -u "$web" -- test -x "$dir"; then
            setfacl -m "u:$web:x" "$dir" && say "let $web pass through $dir (to reach the checkout)"
        fi
        dir=$(dirname "$dir")
    done
    runuser -u "$web" -- test -r "$(pwd -P)/api/__init__.py" || {
        say "the account $web cannot read this checkout ($(pwd -P)): make it readable to $web"
        exit 1
    }
    user="user www-data www-data;"
    chgrp "$web" "$run"
    chmod 750 "$run"
    chown www-data "$run/nginx"
fi
per_client="${DATELINE_EXPORTS_PER_CLIENT:-1}"
total="${DATELINE_EXPORTS_TOTAL:-2}"
send_timeout="${DATELINE_EXPORT_SEND_TIMEOUT:-30}"
connections="${DATELINE_CONNECTIONS_PER_CLIENT:-64}"
limit_exports="" limit_conn="" real_ip=""
[ "$per_client" != 0 ] && limit_exports="limit_conn exports_per_client $per_client;"
[ "$total" != 0 ] && limit_exports="$limit_exports limit_conn exports_total $total;"
[ "$connections" != 0 ] && limit_conn="limit_conn connections $connections;"
if [ -n "${DATELINE_TRUSTED_PROXIES:-}" ]; then
    for proxy in ${DATELINE_TRUSTED_PROXIES//,/ }; do real_ip="$real_ip set_real_ip_from $proxy;"; done
    real_ip="$real_ip real_ip_header X-Forwarded-For; real_ip_recursive on;"
fi
limit_zone="" limit_req=""
if [ "$rate" != 0 ]; then
    limit_zone="limit_req_zone \$binary_remote_addr zone=perclient:10m rate=${rate}r/s;"
    limit_req="limit_req zone=perclient burst=$((rate * 2)) nodelay;"
fi
sed -e "s|@USER@|$user|" -e "s|@RUN@|$run|g" -e "s|@LISTEN@|$listen|" \
    -e "s|@LIMIT_ZONE@|$limit_zone|" -e "s|@LIMIT_REQ@|$limit_req|" \
    -e "s|@LIMIT_EXPORTS@|$limit_exports|" -e "s|@LIMIT_CONN@|$limit_conn|" -e "s|@REAL_IP@|$real_ip|" \
    -e "s|@READ_TIMEOUT@|$((deadline + 10))s|" -e "s|@ERRORS@|$run/errors|" \
    -e "s|@EXPORT_SEND_TIMEOUT@|${send_timeout}s|" \
    deploy/nginx.conf >"$run/nginx.conf"
"$nginx_bin" -t -q -e stderr -p "$run" -c "$run/nginx.conf"

pids=()
stop() {
    trap - EXIT INT TERM
    for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    [ -n "$own_run" ] && rm -rf "$run"
    say "stopped"
}
trap stop EXIT
trap 'exit 0' INT TERM

# gunicorn first: nginx answers 502 until its socket exists. The socket is its workers' account's
# and group's alone (umask 007), inside a run directory only that group may enter.
DATELINE_RUN_DIR="$run" DATELINE_WEB_ACCOUNT="$web" .venv/bin/gunicorn -c deploy/gunicorn.conf.py --umask 007 \
    --bind "unix:$run/gunicorn.sock" 'api:create_app()' &
pids+=($!)
"$nginx_bin" -e stderr -p "$run" -c "$run/nginx.conf" &
pids+=($!)
say "http://$listen/ (nginx, pid ${pids[1]}) -> gunicorn (pid ${pids[0]}, unix:$run/gunicorn.sock)"
wait -n "${pids[@]}"
say "a server exited; stopping the other"
