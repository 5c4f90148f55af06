#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster (Debian's postgresql 15) in a temporary
# directory, listening on 127.0.0.1 on a free port, and prints shell lines for
#   eval "$(bash .ci/postgres.sh)"
# that set MASAR_TEST_POSTGRES (the DSN the store tests use) and MASAR_PG_STOP
# (a command that stops the cluster and removes its directory). Everything
# else goes to standard error.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
if [ ! -x "$bin/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "postgres.sh: $bin/initdb is missing; install Debian's postgresql package" >&2
    exit 1
  fi
  echo "postgres.sh: installing postgresql" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >&2
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/masar-pg.XXXXXX")
chmod 755 "$dir"

# initdb refuses to run as root: run the cluster as the postgres system user.
as_owner() { "$@"; }
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
  chown postgres "$dir"
  as_owner() { runuser -u postgres -- "$@"; }
fi

# A free port: the first of a few random candidates that nothing answers on.
port=
for _ in $(seq 1 50); do
  candidate=$((20000 + RANDOM % 40000))
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then
    port=$candidate
    break
  fi
done
[ -n "$port" ] || { echo "postgres.sh: no free port found" >&2; exit 1; }

as_owner "$bin/initdb" -D "$dir/data" -U masar --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: the cluster is thrown away, and tests run faster without it.
as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2 ||
  { cat "$dir/server.log" >&2; exit 1; }
"$bin/createdb" -h 127.0.0.1 -p "$port" -U masar masar >&2

stop="$bin/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1; rm -rf $dir"
if [ "$(id -u)" -eq 0 ]; then
  stop="runuser -u postgres -- $bin/pg_ctl -D $dir/data -m immediate stop >/dev/null 2>&1; rm -rf $dir"
fi
printf 'export MASAR_TEST_POSTGRES=%q\n' "postgres://masar@127.0.0.1:$port/masar?sslmode=disable"
printf 'export MASAR_PG_STOP=%q\n' "$stop"
echo "postgres.sh: PostgreSQL on 127.0.0.1:$port, data in $dir" >&2
