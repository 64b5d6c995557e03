#!/usr/bin/env bash
# Temperature replica exchange of chignolin, the reference all-atom ensemble of the reweighting study:
# AMBER14SB + GBn2, no cutoff, H-bonds constrained, Langevin 2 fs / 1 ps^-1, 6 replicas 300..450 K (geometric),
# exchanges every 1 ps, frames every 1 ps (the first 1 ns is equilibration). Resumable: rerun to continue.
# Usage: bin/chignolin-remd.sh [PS] [WORK_DIR]   (default 11000 ps = 1 ns equilibration + 10 ns production)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ps="${1:-11000}"
work="${2:-$HOME/backmap-work/remd}"
mkdir -p "$work"
args=(md -i "$repo/../shared/data/pdb/chignolin/1UAO.pdb" -o "$work/chignolin" --ps "$ps" --replicas 6 --temperature 300
  --max-temperature 450 --exchange-ps 1 --report-ps 1 --dt 0.002 --friction 1 --precision mixed --seed 1
  --threads "${THREADS:-2}" --checkpoint-minutes 5)
if [ -f "$work/chignolin.chk" ]; then
  exec "$repo/backmap" "${args[@]}" --resume
else
  exec "$repo/backmap" "${args[@]}"
fi
