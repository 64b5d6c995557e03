#!/usr/bin/env bash
# Rebuilds the shipped residue models from the PDB corpus, every step resumable (rerun the script to continue):
#   prepare (hydrogens, minimisation) -> extract (training examples) -> train --all -> model-report -> ship.
# Usage: bin/rebuild-models.sh [CORPUS_DIR] [WORK_DIR]
#   CORPUS_DIR  training structures (default: ../shared/data/pdb/train beside the repository)
#   WORK_DIR    prepared structures, dataset, models and report (default: ~/backmap-work); several GB
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="${1:-$repo/../shared/data/pdb/train}"
work="${2:-$HOME/backmap-work}"
threads="${THREADS:-2}"
mkdir -p "$work"
bm="$repo/backmap"
"$bm" prepare -i "$corpus" -o "$work/prepared" --threads "$threads"
if [ ! -f "$work/dataset3/manifest.json" ]; then
  "$bm" extract -i "$work/prepared" -o "$work/dataset3" --threads "$threads" --seed 1
fi
"$bm" train --all --data "$work/dataset3" --out "$work/models" --jobs 2 --threads "$threads" --budget-examples 96000 \
  --checkpoint-minutes 5
"$bm" model-report --models "$work/models" --data "$work/dataset3" -o "$work/model-report" --threads "$threads"
"$repo/bin/ship-models.sh" "$work/models" "$work/model-report"
