#!/usr/bin/env bash
# Rebuilds the shipped residue models from the PDB corpus, every step resumable (rerun the script to continue):
#   prepare (hydrogens, minimisation) -> extract (training examples) -> train --all -> fine-tune the common types
#   (train --init, learning rate 5e-4, two queues of one thread) -> model-report -> ship.
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
# fine-tuning: more epochs at a lower rate, most for the types whose torsions fitted worst
fine_tune() { # TYPE:EPOCHS ...
  for te in "$@"; do
    "$bm" train --residue "${te%%:*}" --data "$work/dataset3" --out "$work/fine-tuned" --init "$work/models" \
      --learning-rate 5e-4 --epochs "${te##*:}" --threads 1 --checkpoint-minutes 5
  done
}
fine_tune THR:8 MET:8 CYX:8 CYS:16 ILE:3 LEU:3 LYS:3 &
queue_a=$!
fine_tune TRP:8 HID:8 ALA:3 ARG:3 ASN:3 ASP:3 GLN:3 GLU:3 HIE:8 PHE:3 PRO:3 SER:3 TYR:3 VAL:3 &
queue_b=$!
wait "$queue_a"
wait "$queue_b"
# the shipped set: every trained model, the fine-tuned ones in place of their starting points
if [ ! -d "$work/shipped" ]; then
  rm -rf "$work/shipped.tmp" && mkdir -p "$work/shipped.tmp"
  for dir in "$work"/models/*/ "$work"/fine-tuned/*/; do
    [ -f "$dir/model.json" ] || continue
    type="$(basename "$dir")"
    rm -rf "$work/shipped.tmp/$type" && mkdir -p "$work/shipped.tmp/$type"
    cp "$dir/model.json" "$dir"/model.*.bin "$dir/training-log.json" "$work/shipped.tmp/$type/"
  done
  mv "$work/shipped.tmp" "$work/shipped"
fi
"$bm" model-report --models "$work/shipped" --data "$work/dataset3" -o "$work/model-report" --threads "$threads"
"$repo/bin/ship-models.sh" "$work/shipped" "$work/model-report"
