# shellcheck shell=bash
# A private Virtuoso (Debian package virtuoso-opensource) for the push/query integration test.
#
# Sourced by .ci/run (under `set -euo pipefail`); also usable by hand:
#     source .ci/services/virtuoso.sh && .venv/bin/python -m pytest tests/test_push_virtuoso.py
#
# Starts `virtuoso-t` on free loopback ports with its own copy of the Debian ini and its own database in a
# temporary folder (nothing under /var/lib is touched), waits until /sparql answers, and exports
#   KG_TEST_VIRTUOSO_ENDPOINT         http://127.0.0.1:PORT/sparql       anonymous, read-only queries
#   KG_TEST_VIRTUOSO_UPDATE_ENDPOINT  http://127.0.0.1:PORT/sparql-auth  SPARQL Update, HTTP digest auth
#   KG_TEST_VIRTUOSO_GRAPH_STORE      http://127.0.0.1:PORT/sparql-graph-crud-auth  Graph Store Protocol
#   KG_TEST_VIRTUOSO_USER / KG_TEST_VIRTUOSO_PASSWORD   dba / dba (a throw-away instance)
# Writes go through the authenticated endpoints as dba, so no rights are granted to the anonymous SPARQL user.
# When Virtuoso cannot be started, KG_TEST_VIRTUOSO_ERROR says why and the test fails with that reason
# (instead of skipping). The server stops by itself when the shell that sourced this script exits.
# Never exits the calling shell: every failure path returns.

_kg_virtuoso_start() {
  local bin ini_src dir http_port sql_port pid i
  bin=$(command -v virtuoso-t || true)
  ini_src=/etc/virtuoso-opensource-7/virtuoso.ini
  if [ -z "$bin" ] || [ ! -r "$ini_src" ]; then
    export KG_TEST_VIRTUOSO_ERROR="virtuoso-t or $ini_src not found; install the Debian package virtuoso-opensource"
    return 0
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/kg-virtuoso.XXXXXX")
  read -r http_port sql_port < <(python3 - <<'PY'
import socket
socks = [socket.socket() for _ in range(2)]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(*(s.getsockname()[1] for s in socks))
PY
)
  # The Debian ini, with every file in $dir, loopback-only ports and the VAD/plugin paths left as they are.
  sed -e "s#/var/lib/virtuoso-opensource-7/db/#$dir/#g" \
      -e "s#^\(ServerPort *= *\)1111#\1127.0.0.1:$sql_port#" \
      -e "s#^\(ServerPort *= *\)8890#\1127.0.0.1:$http_port#" \
      -e "s#^\(DefaultHost *= *\)localhost:8890#\1localhost:$http_port#" \
      -e "s#^\(DirsAllowed *= *\)\.#\1., $dir#" \
      "$ini_src" > "$dir/virtuoso.ini"
  (cd "$dir" && exec "$bin" +foreground +configfile "$dir/virtuoso.ini" </dev/null >"$dir/stdout.log" 2>&1) &
  pid=$!
  # Stop the server when the sourcing shell goes away (no EXIT trap: other service scripts may own it).
  local parent=$$
  (trap '' HUP; while kill -0 "$parent" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do sleep 3; done
   kill "$pid" 2>/dev/null; sleep 5; kill -9 "$pid" 2>/dev/null; rm -rf "$dir") </dev/null >/dev/null 2>&1 &
  for i in $(seq 1 90); do
    if curl -fsS -o /dev/null --max-time 2 \
         "http://127.0.0.1:$http_port/sparql?query=ASK%7B%7D" -H 'Accept: application/sparql-results+json' \
         2>/dev/null; then
      export KG_TEST_VIRTUOSO_ENDPOINT="http://127.0.0.1:$http_port/sparql"
      export KG_TEST_VIRTUOSO_UPDATE_ENDPOINT="http://127.0.0.1:$http_port/sparql-auth"
      export KG_TEST_VIRTUOSO_GRAPH_STORE="http://127.0.0.1:$http_port/sparql-graph-crud-auth"
      export KG_TEST_VIRTUOSO_USER=dba KG_TEST_VIRTUOSO_PASSWORD=dba
      export KG_TEST_VIRTUOSO_DIR="$dir"
      unset KG_TEST_VIRTUOSO_ERROR
      echo "virtuoso: $KG_TEST_VIRTUOSO_ENDPOINT (pid $pid, files in $dir)" >&2
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 1
  done
  export KG_TEST_VIRTUOSO_ERROR="virtuoso did not answer on port $http_port; see $dir/virtuoso.log and $dir/stdout.log: $(tail -n 3 "$dir/virtuoso.log" 2>/dev/null | tr '\n' ' ')"
  echo "virtuoso: $KG_TEST_VIRTUOSO_ERROR" >&2
  kill "$pid" 2>/dev/null || true
  return 0
}
_kg_virtuoso_start || true
unset -f _kg_virtuoso_start
