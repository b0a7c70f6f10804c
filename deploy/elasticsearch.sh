#!/usr/bin/env bash
# Obtain, configure, start and stop the local Elasticsearch node Dateline runs on, or a local cluster.
#
#   deploy/elasticsearch.sh start    download (once), configure and start the node; reuse a running one
#   deploy/elasticsearch.sh stop     stop the node this script started
#   deploy/elasticsearch.sh status   say whether the node answers
#   deploy/elasticsearch.sh roles    rewrite the users' roles (limited to DATELINE_ES_INDEX_PATTERNS) on the
#                                    nodes this script keeps; a running node applies them within seconds
#   deploy/elasticsearch.sh env      print `export DATELINE_ES_URL=… DATELINE_ES_USERNAME=… DATELINE_ES_PASSWORD=…`
#                                    for tools that read only the environment: eval "$(bash deploy/elasticsearch.sh env)"
#
# With `--nodes N` each command acts on a local cluster of N nodes instead, beside the single node
# (both can run at once): the same distribution and users, node K on HTTP port DATELINE_CLUSTER_PORT+K-1
# (9201…) and transport port DATELINE_CLUSTER_TRANSPORT_PORT+K-1 (9301…), its config, data and logs in
# DATELINE_CLUSTER_HOME/node-K (default $DATELINE_ES_HOME/cluster), a heap of DATELINE_CLUSTER_HEAP (512m).
# `start --nodes N` starts the nodes that are not running (so it also brings back one that stopped or
# was killed) and waits until all N have joined; `env --nodes N` gives every node's URL, comma-separated,
# and the cluster's own backup folder (DATELINE_BACKUP_DIR).
#
# The node runs with security on: anonymous requests are refused. Set-up makes two users in the file realm, with
# random passwords kept in files readable only by the user who runs this script (0600): `dateline` (role
# dateline_writer: the archive's indices, `dateline-*` by default, cluster monitoring and snapshots) for the
# commands, and `dateline_reader` (read only, the same indices) for the web API. Dateline finds those files by itself (search/config.py). The node's config, data
# and logs are private to the account that runs it.
#
# With DATELINE_ES_URL set, every command uses that cluster instead: nothing is downloaded or started.
# The distribution is the official integ-test zip from Maven Central (no bundled JDK, no analysis-common),
# fetched with Maven so the ordinary client and its local repository cache it between runs.
set -euo pipefail

ES_VERSION="${DATELINE_ES_VERSION:-9.2.0}"
ES_PORT="${DATELINE_ES_PORT:-9200}"
ES_TRANSPORT_PORT="${DATELINE_ES_TRANSPORT_PORT:-9300}"
ES_HEAP="${DATELINE_ES_HEAP:-2g}"
ES_USER="${DATELINE_ES_USER_ACCOUNT:-dateline-es}"
if [ "$(id -u)" = 0 ]; then
    DEFAULT_HOME=/var/lib/dateline/elasticsearch
else
    DEFAULT_HOME="${XDG_DATA_HOME:-$HOME/.local/share}/dateline/elasticsearch"
fi
ES_BASE="${DATELINE_ES_HOME:-$DEFAULT_HOME}"
ES_DIST="$ES_BASE/elasticsearch-$ES_VERSION"
ES_DATA="$ES_BASE/data"
ES_LOGS="$ES_BASE/logs"
PID_FILE="$ES_BASE/elasticsearch.pid"
# Backups (search/config.py backup_dir): the node's snapshot repository (`path.repo`) is
# $BACKUP_DIR/elasticsearch, private to the node's account; `dateline snapshot` copies the archive
# store to $BACKUP_DIR/archive beside it.
BACKUP_DIR="${DATELINE_BACKUP_DIR:-$(dirname "$ES_BASE")/backups}"
# Read by search/config.py (local_credentials): keep the names in step.
WRITER_FILE="$ES_BASE/dateline.credentials"
READER_FILE="$ES_BASE/dateline-reader.credentials"
LOCAL_URL="http://127.0.0.1:$ES_PORT"
NODES=""  # empty: the single node; a number: a local cluster of that many nodes (--nodes)
CLUSTER_HOME="${DATELINE_CLUSTER_HOME:-$ES_BASE/cluster}"
CLUSTER_PORT="${DATELINE_CLUSTER_PORT:-9201}"
CLUSTER_TRANSPORT_PORT="${DATELINE_CLUSTER_TRANSPORT_PORT:-9301}"
CLUSTER_HEAP="${DATELINE_CLUSTER_HEAP:-512m}"
# The cluster's own backups (`env --nodes N` gives them as DATELINE_BACKUP_DIR): its snapshot
# repository is $CLUSTER_BACKUP_DIR/elasticsearch. One repository is written by one cluster only.
CLUSTER_BACKUP_DIR="$CLUSTER_HOME/backups"
# The archive's indices and aliases: all the two users may touch (comma-separated patterns).
INDEX_PATTERNS="${DATELINE_ES_INDEX_PATTERNS:-dateline-*}"

say() { printf 'elasticsearch: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

credential() {  # credential FILE KEY: one value of a credentials file
    sed -n "s/^$2=//p" "$1" 2>/dev/null
}

es_curl() {
    # curl as the `dateline` user once set-up has made it; the password goes through stdin, not argv.
    local user=""
    [ -r "$WRITER_FILE" ] &&
        user="$(credential "$WRITER_FILE" DATELINE_ES_USERNAME):$(credential "$WRITER_FILE" DATELINE_ES_PASSWORD)"
    printf 'user = "%s"\n' "$user" | curl -K - "$@"
}

answers() {
    es_curl -fsS --max-time 2 "$1/_cluster/health" 2>/dev/null | grep -q '"cluster_name"'
}

open_to_anyone() {  # the node answers a request without credentials: its security is off
    [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1/_cluster/health")" = 200 ]
}

java_major() {
    # `java -version` prints e.g. 'openjdk version "21.0.5"' or '"1.8.0_392"' on stderr.
    local v
    v=$("$1" -version 2>&1 | sed -n 's/.*version "\([0-9][0-9.]*\).*/\1/p' | head -n1)
    [ -n "$v" ] || { echo 0; return; }
    case "$v" in 1.*) echo "${v#1.}" | cut -d. -f1 ;; *) echo "${v%%.*}" ;; esac
}

find_java() {
    local candidates=() c seen=""
    [ -n "${ES_JAVA_HOME:-}" ] && candidates+=("$ES_JAVA_HOME")
    [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
    for c in /usr/lib/jvm/* /opt/java/* /opt/jdk*; do [ -d "$c" ] && candidates+=("$c"); done
    for c in "${candidates[@]}"; do
        if [ -x "$c/bin/java" ]; then
            local major
            major=$(java_major "$c/bin/java")
            seen="$seen $c(java $major)"
            if [ "$major" -ge 21 ]; then
                echo "$c"
                return
            fi
        fi
    done
    die "Elasticsearch $ES_VERSION needs Java 21 or newer; none found (looked at:${seen:- nothing}). Install a JDK 21+ under /usr/lib/jvm or set ES_JAVA_HOME."
}

need_packages() {
    # Install missing Debian packages when we may (root); otherwise name them.
    local missing=() cmd pkg
    for pair in "$@"; do
        cmd="${pair%%:*}"; pkg="${pair#*:}"
        if [[ "$cmd" == /* ]]; then [ -e "$cmd" ] || missing+=("$pkg")
        else command -v "$cmd" >/dev/null 2>&1 || missing+=("$pkg"); fi
    done
    [ ${#missing[@]} -eq 0 ] && return
    [ "$(id -u)" = 0 ] || die "missing packages: ${missing[*]} (install them, or run as root)"
    say "installing ${missing[*]}"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

fetch_distribution() {
    [ -x "$ES_DIST/bin/elasticsearch" ] && return
    need_packages mvn:maven unzip:unzip
    mkdir -p "$ES_BASE"
    local zip="$ES_BASE/elasticsearch-$ES_VERSION.zip"
    if [ ! -s "$zip" ]; then
        say "downloading Elasticsearch $ES_VERSION from Maven Central"
        mvn -q -B dependency:copy \
            "-Dartifact=org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ES_VERSION:zip" \
            "-DoutputDirectory=$ES_BASE" >"$ES_BASE/mvn.log" 2>&1 \
            || die "mvn could not fetch the distribution; see $ES_BASE/mvn.log"
    fi
    rm -rf "$ES_DIST.partial"
    mkdir -p "$ES_DIST.partial"
    unzip -q "$zip" -d "$ES_DIST.partial"
    mv "$ES_DIST.partial/elasticsearch-$ES_VERSION" "$ES_DIST"
    rm -rf "$ES_DIST.partial"
}

configure() {  # configure CONF HEAP: what every node's config holds besides elasticsearch.yml
    local conf="$1" heap="$2"
    # Hunspell gives stemming without analysis-common (see search/mapping.py); every node analyzes.
    need_packages /usr/share/hunspell/en_US.dic:hunspell-en-us
    mkdir -p "$conf/hunspell/en_US" "$conf/jvm.options.d"
    cp /usr/share/hunspell/en_US.aff /usr/share/hunspell/en_US.dic "$conf/hunspell/en_US/"
    printf -- '-Xms%s\n-Xmx%s\n' "$heap" "$heap" >"$conf/jvm.options.d/dateline.options"
    write_roles "$conf"
}

write_roles() {  # write_roles CONF: the two roles, limited to the archive's indices (INDEX_PATTERNS)
    # The node reads roles.yml again within seconds of a change (resource.reload.interval.high).
    local names="" pattern patterns
    IFS=, read -ra patterns <<<"$INDEX_PATTERNS"
    for pattern in "${patterns[@]}"; do names+="\"$pattern\", "; done
    names="[${names%, }]"
    cat >"$1/roles.yml.partial" <<EOF
# Written by deploy/elasticsearch.sh (\`roles\` rewrites it on a running node). Every index privilege
# covers the archive's indices and aliases only ($INDEX_PATTERNS, DATELINE_ES_INDEX_PATTERNS): the
# commands' user builds, moves and deletes those and nothing else; the API's user reads them.
# Cluster-wide, the writer analyzes text without an index (its stemmer probe) and takes and restores
# snapshots (\`dateline snapshot\`: repository and snapshot actions, nothing else).
dateline_writer:
  cluster: [monitor, "cluster:admin/analyze", "cluster:admin/snapshot/*", "cluster:admin/repository/*"]
  indices:
    - names: $names
      privileges: [all]
dateline_reader:
  cluster: [monitor]
  indices:
    - names: $names
      privileges: [read, view_index_metadata, monitor]
EOF
    mv "$1/roles.yml.partial" "$1/roles.yml"
}

apply_roles() {  # the roles as this script writes them, into every node's config it keeps
    local conf
    elsewhere && die "DATELINE_ES_URL names a cluster this script does not run: give its roles there"
    for conf in "$ES_DIST/config" "$CLUSTER_HOME"/node-*/config; do
        [ -d "$conf" ] || continue
        write_roles "$conf"
        if [ "$(id -u)" = 0 ]; then chown "$ES_USER:" "$conf/roles.yml"; fi
        say "roles written to $conf/roles.yml (the node reads them within seconds)"
    done
}

security_yml() {  # the part of elasticsearch.yml every node shares, single or in the cluster
    cat <<'EOF'
# Security on: every request needs a user (file realm, written below). TLS is not needed on loopback:
# the transport TLS bootstrap check applies only to a node that binds a non-loopback address.
# A remote cluster has its own certificates (DATELINE_ES_CA_CERTS).
xpack.security.enabled: true
xpack.security.http.ssl.enabled: false
xpack.security.transport.ssl.enabled: false
# Shared disks run full; the watermarks would otherwise make indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
}

configure_single() {
    mkdir -p "$ES_DATA" "$ES_LOGS" "$BACKUP_DIR/elasticsearch"
    configure "$ES_DIST/config" "$ES_HEAP"
    {
        cat <<EOF
# Written by deploy/elasticsearch.sh; edits are overwritten at the next start.
cluster.name: dateline
node.name: dateline-local
path.data: $ES_DATA
path.logs: $ES_LOGS
network.host: 127.0.0.1
http.port: $ES_PORT
discovery.type: single-node
transport.port: $ES_TRANSPORT_PORT
# Where snapshots may be written (shared-filesystem repositories): \`dateline snapshot\`.
path.repo: ["$BACKUP_DIR/elasticsearch"]
EOF
        security_yml
    } >"$ES_DIST/config/elasticsearch.yml"
}

new_credentials() {  # new_credentials FILE USER: a random password, made once and kept
    [ -s "$1" ] && return
    local password
    password=$(head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
    (umask 077 && printf '# Written by deploy/elasticsearch.sh for %s\nDATELINE_ES_USERNAME=%s\nDATELINE_ES_PASSWORD=%s\n' \
        "$LOCAL_URL" "$2" "$password" >"$1")
}

make_users() {  # make_users JAVA_HOME CONF LOGS
    # The file realm's users, made afresh at every start from the credentials files.
    local java_home="$1" conf="$2" logs="$3" file user role
    new_credentials "$WRITER_FILE" dateline
    new_credentials "$READER_FILE" dateline_reader
    chmod 600 "$WRITER_FILE" "$READER_FILE"
    : >"$conf/users"
    : >"$conf/users_roles"
    for pair in "$WRITER_FILE:dateline_writer" "$READER_FILE:dateline_reader"; do
        file="${pair%%:*}"; role="${pair#*:}"
        user=$(credential "$file" DATELINE_ES_USERNAME)
        # The tool asks for the password twice, on stdin.
        credential "$file" DATELINE_ES_PASSWORD | sed p |
            ES_JAVA_HOME="$java_home" ES_PATH_CONF="$conf" \
                "$ES_DIST/bin/elasticsearch-users" useradd "$user" -r "$role" >"$logs/users.out" 2>&1 ||
            { cat "$logs/users.out" >&2; die "could not add the Elasticsearch user $user"; }
    done
}

own() {  # own HOME TREE...: as root, the node's account owns HOME (not what else it holds) and the TREEs
    # Elasticsearch refuses to run as root: a dedicated system account owns and runs the nodes.
    [ "$(id -u)" = 0 ] || return 0
    id "$ES_USER" >/dev/null 2>&1 || useradd --system --home-dir "$ES_BASE" --shell /usr/sbin/nologin "$ES_USER"
    local home="$1" d
    shift
    # The node owns its files; the credentials files beside them stay root's alone.
    chown "$ES_USER:" "$home"
    chown -R "$ES_USER:" "$@"
    d="$home"
    while [ "$d" != / ]; do
        d=$(dirname "$d")
        [ "$(stat -c %U "$d")" = "$ES_USER" ] || chmod o+x "$d" 2>/dev/null || true
    done
}

run_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u "$ES_USER" -- "$@"; else "$@"; fi
}

node_home() { printf '%s/node-%s' "$CLUSTER_HOME" "$1"; }
node_url() { printf 'http://127.0.0.1:%s' "$((CLUSTER_PORT + $1 - 1))"; }

cluster_urls() {  # every node's URL, comma-separated, as DATELINE_ES_URL takes them
    local n urls=()
    for n in $(seq 1 "$NODES"); do urls+=("$(node_url "$n")"); done
    (IFS=,; echo "${urls[*]}")
}

served_urls() {  # what this command serves: the single node, or the cluster's nodes
    if [ -n "$NODES" ]; then cluster_urls; else echo "$LOCAL_URL"; fi
}

elsewhere() {
    # DATELINE_ES_URL names a cluster this script does not run (not merely what `env` printed).
    [ -n "${DATELINE_ES_URL:-}" ] && [ "$DATELINE_ES_URL" != "$(served_urls)" ]
}

running_pid() {  # running_pid PIDFILE: the pid it names, if that process lives
    local pid
    pid=$(cat "$1" 2>/dev/null) && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

start_single() {
    if open_to_anyone "$LOCAL_URL"; then
        [ -f "$PID_FILE" ] || die "a node without security answers on $LOCAL_URL and this script did not start it; stop it or choose another DATELINE_ES_PORT"
        say "the node on $LOCAL_URL runs with security off (an older set-up): restarting it with security on"
        stop_pid "$PID_FILE"
    elif answers "$LOCAL_URL"; then
        say "reusing the node already answering on $LOCAL_URL"
        return
    fi
    local java_home began
    java_home=$(find_java)
    fetch_distribution
    configure_single
    make_users "$java_home" "$ES_DIST/config" "$ES_LOGS"
    own "$ES_BASE" "$ES_DIST" "$ES_DATA" "$ES_LOGS" "$BACKUP_DIR/elasticsearch"
    # Data, logs, snapshots and config (the users' password hashes) are private to the node's account.
    chmod 700 "$ES_BASE" "$ES_DATA" "$ES_LOGS" "$ES_DIST/config" "$BACKUP_DIR/elasticsearch"
    say "starting Elasticsearch $ES_VERSION with $java_home (log: $ES_LOGS/dateline.log)"
    began=$(date +%s)
    run_as_owner env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$ES_DIST/config" \
        "$ES_DIST/bin/elasticsearch" -d -p "$PID_FILE" >"$ES_LOGS/startup.out" 2>&1 \
        || { cat "$ES_LOGS/startup.out" >&2; die "Elasticsearch did not start; see $ES_LOGS/dateline.log"; }
    for _ in $(seq 1 180); do
        if es_curl -fsS --max-time 2 "$LOCAL_URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
            say "up on $LOCAL_URL after $(( $(date +%s) - began ))s"
            return
        fi
        if [ -f "$PID_FILE" ] && ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
            tail -n 30 "$ES_LOGS/dateline.log" >&2 || true
            die "Elasticsearch exited during start-up; see $ES_LOGS/dateline.log"
        fi
        sleep 1
    done
    die "Elasticsearch did not answer on $LOCAL_URL within 180s; see $ES_LOGS/dateline.log"
}

configure_cluster_node() {  # configure_cluster_node K: node K's own config, data and logs
    local n="$1" home i seeds=() masters=()
    home=$(node_home "$n")
    mkdir -p "$home/config" "$home/data" "$home/logs"
    # The distribution's JVM and logging defaults; the single node's config folder stays its own.
    cp "$ES_DIST/config/jvm.options" "$ES_DIST/config/log4j2.properties" "$home/config/"
    configure "$home/config" "$CLUSTER_HEAP"
    for i in $(seq 1 "$NODES"); do
        seeds+=("127.0.0.1:$((CLUSTER_TRANSPORT_PORT + i - 1))")
        masters+=("dateline-node-$i")
    done
    {
        cat <<EOF
# Written by deploy/elasticsearch.sh; edits are overwritten at the next start.
cluster.name: dateline-cluster
node.name: dateline-node-$n
path.data: $home/data
path.logs: $home/logs
network.host: 127.0.0.1
http.port: $((CLUSTER_PORT + n - 1))
transport.port: $((CLUSTER_TRANSPORT_PORT + n - 1))
discovery.seed_hosts: [$(IFS=,; echo "${seeds[*]}")]
# Snapshots: the cluster's own repository, and the single node's, which the cluster may register
# read-only to restore what the single node backed up (docs/operations.md, "Moving an archive").
path.repo: ["$CLUSTER_BACKUP_DIR/elasticsearch", "$BACKUP_DIR/elasticsearch"]
EOF
        # Nodes with no data yet bootstrap the cluster together (its first start); a node with data
        # rejoins the cluster it belongs to, and must not be able to bootstrap another.
        # https://www.elastic.co/docs/deploy-manage/distributed-architecture/discovery-cluster-formation/modules-discovery-bootstrap-cluster
        if [ -z "$(ls -A "$home/data")" ]; then
            echo "cluster.initial_master_nodes: [$(IFS=,; echo "${masters[*]}")]"
        fi
        security_yml
    } >"$home/config/elasticsearch.yml"
}

cluster_ready() {  # every node has joined and every primary shard is assigned, as any node sees it
    local n
    for n in $(seq 1 "$NODES"); do
        es_curl -fsS --max-time 3 \
            "$(node_url "$n")/_cluster/health?wait_for_nodes=$NODES&wait_for_status=yellow&timeout=1s" \
            >/dev/null 2>&1 && return 0
    done
    return 1
}

start_cluster() {
    local n i java_home began first pending=() launches=()
    for n in $(seq 1 "$NODES"); do
        running_pid "$(node_home "$n")/elasticsearch.pid" >/dev/null || pending+=("$n")
    done
    if [ ${#pending[@]} -eq 0 ]; then
        say "reusing the $NODES nodes already running on $(cluster_urls)"
    else
        java_home=$(find_java)
        fetch_distribution
        for n in "${pending[@]}"; do configure_cluster_node "$n"; done
        # One set of users for every node: the single node's, with the same passwords.
        first=$(node_home "${pending[0]}")
        make_users "$java_home" "$first/config" "$first/logs"
        for n in "${pending[@]:1}"; do
            cp "$first/config/users" "$first/config/users_roles" "$(node_home "$n")/config/"
        done
        mkdir -p "$CLUSTER_HOME" "$CLUSTER_BACKUP_DIR/elasticsearch" "$BACKUP_DIR/elasticsearch"
        own "$ES_BASE" "$ES_DIST" "$BACKUP_DIR/elasticsearch"
        for n in "${pending[@]}"; do own "$CLUSTER_HOME" "$(node_home "$n")"; done
        own "$CLUSTER_HOME" "$CLUSTER_BACKUP_DIR/elasticsearch"
        chmod 700 "$ES_BASE" "$CLUSTER_HOME" "$CLUSTER_BACKUP_DIR/elasticsearch" "$BACKUP_DIR/elasticsearch"
        for n in "${pending[@]}"; do
            chmod 700 "$(node_home "$n")" "$(node_home "$n")"/{config,data,logs}
        done
        say "starting node(s) ${pending[*]} of $NODES with $java_home (logs: $CLUSTER_HOME/node-K/logs/dateline-cluster.log)"
        began=$(date +%s)
        # Together: a node's start waits until it has found a master, which takes a majority of the nodes.
        for n in "${pending[@]}"; do
            run_as_owner env ES_JAVA_HOME="$java_home" ES_PATH_CONF="$(node_home "$n")/config" \
                "$ES_DIST/bin/elasticsearch" -d -p "$(node_home "$n")/elasticsearch.pid" \
                >"$(node_home "$n")/logs/startup.out" 2>&1 &
            launches+=("$!")
        done
        for i in "${!launches[@]}"; do
            n="${pending[$i]}"
            wait "${launches[$i]}" || {
                cat "$(node_home "$n")/logs/startup.out" >&2
                die "node $n did not start; see $(node_home "$n")/logs/dateline-cluster.log"
            }
        done
    fi
    for _ in $(seq 1 180); do
        if cluster_ready; then
            say "$NODES nodes up on $(cluster_urls)${began:+ after $(( $(date +%s) - began ))s}"
            return
        fi
        sleep 1
    done
    die "the $NODES nodes did not form a cluster within 180s; see $CLUSTER_HOME/node-*/logs/dateline-cluster.log (a cluster that never formed can be removed with its folder)"
}

start() {
    if elsewhere; then
        say "DATELINE_ES_URL is set: using that cluster, nothing to start"
        return
    fi
    need_packages curl:curl
    if [ -n "$NODES" ]; then start_cluster; else start_single; fi
}

stop_pid() {  # stop_pid PIDFILE: stop the node it names, gracefully
    local pid
    pid=$(cat "$1" 2>/dev/null) || { say "no node started by this script ($1)"; return; }
    if kill "$pid" 2>/dev/null; then
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
        kill -0 "$pid" 2>/dev/null && die "Elasticsearch (pid $pid) did not stop within 60s"
    fi
    rm -f "$1"
    say "stopped ($1)"
}

stop() {
    if elsewhere; then
        say "DATELINE_ES_URL is set: not stopping a cluster this script did not start"
        return
    fi
    if [ -z "$NODES" ]; then
        stop_pid "$PID_FILE"
        return
    fi
    local n stopping=() failed=0
    for n in $(seq 1 "$NODES"); do stop_pid "$(node_home "$n")/elasticsearch.pid" & stopping+=("$!"); done
    for n in "${stopping[@]}"; do wait "$n" || failed=1; done
    return "$failed"
}

status() {
    if elsewhere; then
        say "using DATELINE_ES_URL (ask with the dateline client for details)"
        return
    fi
    if [ -z "$NODES" ]; then
        answers "$LOCAL_URL" || { say "not answering on $LOCAL_URL"; return 1; }
        say "answering on $LOCAL_URL"
        return
    fi
    local n pid down=0
    for n in $(seq 1 "$NODES"); do
        if pid=$(running_pid "$(node_home "$n")/elasticsearch.pid"); then
            say "node $n: running (pid $pid) on $(node_url "$n")"
        else
            say "node $n: not running"
            down=1
        fi
    done
    if cluster_ready; then
        say "cluster: all $NODES nodes joined"
    else
        say "cluster: not formed, or not all primary shards assigned"
        down=1
    fi
    return "$down"
}

print_env() {
    # For tools that read only the environment (the search evaluation, one's own scripts).
    if elsewhere; then
        say "DATELINE_ES_URL is set: the environment already says where and how to connect"
        return
    fi
    [ -r "$WRITER_FILE" ] || die "no credentials in $WRITER_FILE: run \`bash deploy/elasticsearch.sh start\` first"
    printf 'export DATELINE_ES_URL=%s\n' "$(served_urls)"
    printf 'export DATELINE_ES_USERNAME=%s\n' "$(credential "$WRITER_FILE" DATELINE_ES_USERNAME)"
    printf 'export DATELINE_ES_PASSWORD=%s\n' "$(credential "$WRITER_FILE" DATELINE_ES_PASSWORD)"
    if [ -n "$NODES" ]; then printf 'export DATELINE_BACKUP_DIR=%s\n' "$CLUSTER_BACKUP_DIR"; fi
}

usage() { echo "usage: $0 start|stop|status|env|roles [--nodes N]   (N from 1 to 9: a local cluster)" >&2; exit 2; }

command="${1:-}"
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) [[ "${2:-}" =~ ^[1-9]$ ]] || usage; NODES="$2"; shift 2 ;;
        *) usage ;;
    esac
done
case "$command" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    env) print_env ;;
    roles) apply_roles ;;
    *) usage ;;
esac
