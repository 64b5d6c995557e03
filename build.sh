#!/usr/bin/env bash
# Runs Maven with a JDK >= 25, found automatically. Usage: ./build.sh [maven arguments], e.g. ./build.sh verify
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
. "$here/bin/find-jdk.sh"
backmap_find_jdk
cd "$here"
exec mvn -B "$@"
