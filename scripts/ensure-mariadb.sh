#!/usr/bin/env bash
# Makes sure a MariaDB/MySQL server answers on 127.0.0.1:3306 for the MySQL test run, and
# prints the C360_TEST_MYSQL_DSN to use on stdout (everything else goes to stderr).
# - already up and root without a password works over TCP: mysql://root@127.0.0.1:3306/test
# - installed but down: start it (start-stop-daemon, as on the CI machines)
# - not installed: apt-get install mariadb-server, start it
# - root only through the unix socket (fresh Debian install, error 1698): create a TCP user
#   c360test@127.0.0.1 through the socket and use it instead.
set -euo pipefail
log() { echo "ensure-mariadb: $*" >&2; }

HOST=127.0.0.1 PORT=3306
ping_tcp() { mysqladmin --protocol=tcp -h"$HOST" -P"$PORT" -u"$1" ${2:+-p"$2"} ping >/dev/null 2>&1; }
query_tcp() { mysql --protocol=tcp -h"$HOST" -P"$PORT" -u"$1" ${2:+-p"$2"} -e "$3" >/dev/null 2>&1; }

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ] && ! command -v mysqld >/dev/null 2>&1; then
  log "MariaDB is not installed: installing mariadb-server"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq mariadb-server mariadb-client >&2
fi

up() { mysqladmin --protocol=tcp -h"$HOST" -P"$PORT" ping 2>&1 | grep -qiE "alive|denied"; }
if ! up; then
  log "starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld 2>/dev/null || true
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd >&2 || true
  for _ in $(seq 1 60); do up && break; sleep 0.5; done
  up || { log "MariaDB did not come up on $HOST:$PORT"; exit 1; }
fi

if query_tcp root "" "SELECT 1"; then
  mysql --protocol=tcp -h"$HOST" -P"$PORT" -uroot -e "CREATE DATABASE IF NOT EXISTS test" >&2
  echo "mysql://root@$HOST:$PORT/test"
  exit 0
fi

log "root cannot log in over TCP without a password: creating user c360test through the socket"
PW=c360test-pw
mysql -uroot -e "CREATE USER IF NOT EXISTS 'c360test'@'127.0.0.1' IDENTIFIED BY '$PW';
  GRANT ALL PRIVILEGES ON *.* TO 'c360test'@'127.0.0.1'; CREATE DATABASE IF NOT EXISTS test; FLUSH PRIVILEGES;" >&2
query_tcp c360test "$PW" "SELECT 1" || { log "cannot log in as c360test"; exit 1; }
echo "mysql://c360test:$PW@$HOST:$PORT/test"
