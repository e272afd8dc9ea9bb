# Sourced (not run) by .ci/run, and by developers: starts a throwaway PostgreSQL 15 server on 127.0.0.1 for the store
# tests and exports LINECRM_POSTGRES, its connection string. The server lives in a fresh temporary folder and is
# stopped, and the folder removed, when the sourcing shell exits.
#
#   source .ci/postgres.sh && dotnet test tests/LineCrm.Stores.Tests
#
# Needs root (apt-get when PostgreSQL 15 is missing; the server itself runs as the postgres user, which initdb and
# pg_ctl require) or, as any other user, the Debian postgresql-15 package already installed.

linecrm_pg_bin=/usr/lib/postgresql/15/bin

if [ ! -x "$linecrm_pg_bin/initdb" ]; then
  # Only the binaries are wanted: Debian would otherwise create and start a default cluster on port 5432.
  mkdir -p /etc/postgresql-common
  grep -qs '^create_main_cluster' /etc/postgresql-common/createcluster.conf \
    || echo 'create_main_cluster = false' >>/etc/postgresql-common/createcluster.conf
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Options::=--force-confold postgresql-15 >/dev/null
fi

# PostgreSQL refuses to run as root: as root the server runs as the postgres user the Debian package creates.
if [ "$(id -u)" = 0 ]; then
  linecrm_pg_as() { runuser -u postgres -- "$@"; }
else
  linecrm_pg_as() { "$@"; }
fi

linecrm_pg_dir=$(mktemp -d /tmp/linecrm-pg.XXXXXX)
if [ "$(id -u)" = 0 ]; then chown postgres: "$linecrm_pg_dir"; fi
# A free port: the kernel picks one for a socket bound to port 0. Another process could take it before the server
# does; pg_ctl then fails loudly, which is a retry, not a wrong result.
linecrm_pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
linecrm_pg_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')

linecrm_pg_stop() {
  linecrm_pg_as "$linecrm_pg_bin/pg_ctl" -D "$linecrm_pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$linecrm_pg_dir"
}
trap linecrm_pg_stop EXIT

# fsync stays on (the default): the store tests' durability claims are about a real server's commits.
linecrm_pg_as "$linecrm_pg_bin/initdb" -D "$linecrm_pg_dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
linecrm_pg_as "$linecrm_pg_bin/pg_ctl" -D "$linecrm_pg_dir/data" -l "$linecrm_pg_dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -c port=$linecrm_pg_port -c unix_socket_directories=$linecrm_pg_dir -c max_connections=200" \
  start >/dev/null \
  || { cat "$linecrm_pg_dir/server.log" >&2; return 1 2>/dev/null || exit 1; }

# CREATEROLE: a test makes an application role of its own that may use, but not create, schemas.
linecrm_pg_as "$linecrm_pg_bin/psql" -h "$linecrm_pg_dir" -p "$linecrm_pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
  -c "CREATE ROLE linecrm LOGIN CREATEROLE PASSWORD '$linecrm_pg_password'" \
  -c "CREATE DATABASE linecrm OWNER linecrm" >/dev/null

export LINECRM_POSTGRES="Host=127.0.0.1;Port=$linecrm_pg_port;Username=linecrm;Password=$linecrm_pg_password;Database=linecrm"
echo "PostgreSQL $("$linecrm_pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$linecrm_pg_port (LINECRM_POSTGRES is set)"
