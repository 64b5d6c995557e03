#!/usr/bin/env bash
# Rebuilds the shipped residue models from the PDB corpus, every step resumable (rerun the script to continue):
#   prepare (hydrogens, minimisation) -> extract (training examples) -> train --all -> fine-tune the common types
#   in two stages (train --init, learning rates 5e-4 then 2e-4, two queues of one thread; ARG trained again from
#   random weights before its second stage) -> model-report -> ship.
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
# The split is a seeded shuffle of the sorted file names, drawn when 1,885 structures were readable; 4 more are
# readable today and are left out so that the same names give the same training/validation split.
if [ ! -f "$work/dataset3/manifest.json" ]; then
  rm -rf "$work/prepared-split" && mkdir -p "$work/prepared-split"
  shopt -s nullglob
  for f in "$work"/prepared/*.pdb "$work"/prepared/*.cif; do
    case "$(basename "$f")" in 1m5x.*|1s40.*|4lup.*|8lyz.*) continue ;; esac
    ln -s "$f" "$work/prepared-split/$(basename "$f")"
  done
  "$bm" extract -i "$work/prepared-split" -o "$work/dataset3" --threads "$threads" --seed 1
fi
"$bm" train --all --data "$work/dataset3" --out "$work/models" --jobs 2 --threads "$threads" --budget-examples 96000 \
  --checkpoint-minutes 5
# Fine-tuning in two stages, each from the models before it, the starting weights kept unless an epoch beats their
# validation NLL: more epochs at a lower rate, most for the types whose torsions fitted worst (two queues of one
# thread side by side).
fine_tune() { # OUT INIT LEARNING_RATE TYPE:EPOCHS ...
  local out=$1 init=$2 lr=$3; shift 3
  for te in "$@"; do
    "$bm" train --residue "${te%%:*}" --data "$work/dataset3" --out "$out" --init "$init" \
      --learning-rate "$lr" --epochs "${te##*:}" --threads 1 --checkpoint-minutes 5
  done
}
merge() { # DEST SOURCE_DIR ...: every model of the sources, later sources replacing earlier ones
  local dest=$1; shift
  [ -d "$dest" ] && return 0
  rm -rf "$dest.tmp" && mkdir -p "$dest.tmp"
  for src in "$@"; do
    for dir in "$src"/*/; do
      [ -f "$dir/model.json" ] || continue
      type="$(basename "$dir")"
      rm -rf "$dest.tmp/$type" && mkdir -p "$dest.tmp/$type"
      cp "$dir/model.json" "$dir"/model.*.bin "$dir/training-log.json" "$dest.tmp/$type/"
    done
  done
  mv "$dest.tmp" "$dest"
}
fine_tune "$work/fine-tuned" "$work/models" 5e-4 THR:8 MET:8 CYX:8 CYS:16 ILE:3 LEU:3 LYS:3 &
queue_a=$!
fine_tune "$work/fine-tuned" "$work/models" 5e-4 TRP:8 HID:8 ALA:3 ARG:3 ASN:3 ASP:3 GLN:3 GLU:3 HIE:8 PHE:3 PRO:3 \
  SER:3 TYR:3 VAL:3 &
queue_b=$!
wait "$queue_a"
wait "$queue_b"
merge "$work/stage1" "$work/models" "$work/fine-tuned"
fine_tune "$work/fine-tuned-2" "$work/stage1" 2e-4 THR:30 CYS:30 CYX:25 LEU:10 ILE:8 LYS:8 VAL:8 SER:8 ASN:8 &
queue_a=$!
{
  # ARG's first model ignored its environment (environment gain 2.8 nats, chi1 the same in every environment):
  # trained again from random weights with another seed, then fine-tuned like the others
  "$bm" train --residue ARG --data "$work/dataset3" --out "$work/arg-seed2" --seed 2 --epochs 60 --threads 1 \
    --checkpoint-minutes 5
  "$bm" train --residue ARG --data "$work/dataset3" --out "$work/fine-tuned-2" --init "$work/arg-seed2" --seed 2 \
    --learning-rate 2e-4 --epochs 20 --threads 1 --checkpoint-minutes 5
  fine_tune "$work/fine-tuned-2" "$work/stage1" 2e-4 TRP:30 MET:30 PHE:12 TYR:12 HID:10 GLU:8 GLN:8 ASP:8
} &
queue_b=$!
wait "$queue_a"
wait "$queue_b"
# the shipped set: every trained model, the fine-tuned ones in place of their starting points
merge "$work/shipped" "$work/stage1" "$work/fine-tuned-2"
"$bm" model-report --models "$work/shipped" --data "$work/dataset3" -o "$work/model-report" --threads "$threads"
"$repo/bin/ship-models.sh" "$work/shipped" "$work/model-report"
