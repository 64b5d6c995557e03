#!/usr/bin/env bash
# Evaluates decoding on the held-out CASP12 test proteins, every step resumable (rerun the script to continue):
#   link the targets without disulfides -> prepare them as the training data -> evaluate (decode, metrics, energies).
# Usage: bin/evaluate-test-set.sh [TEST_DIR] [WORK_DIR] [extra options of 'backmap evaluate', e.g. --models DIR]
#   TEST_DIR  the test structures (default: ../shared/data/pdb/test beside the repository)
#   WORK_DIR  prepared structures, decoded structures and the report (default: ~/backmap-work/casp12)
# The summary is WORK_DIR/evaluation/summary.md (table), summary.json, clash.png and energy.png.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
test_dir="${1:-$repo/../shared/data/pdb/test}"
work="${2:-$HOME/backmap-work/casp12}"
shift $(( $# < 2 ? $# : 2 ))
threads="${THREADS:-2}"
bm="$repo/backmap"
mkdir -p "$work/in"
# the 4 targets with disulfides are left out, as the reference system did
for f in "$test_dir"/*.pdb; do
  name="$(basename "$f" .pdb)"; target="${name##*#}"
  case "$target" in T0897|T0941|T0947|T0892) continue ;; esac
  ln -sf "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")" "$work/in/$target.pdb"
done
"$bm" prepare -i "$work/in" -o "$work/prepared" --threads "$threads"
"$bm" evaluate -i "$work/prepared" -o "$work/evaluation" -n 100 --relax-samples 5 --threads "$threads" --seed 1 "$@"
