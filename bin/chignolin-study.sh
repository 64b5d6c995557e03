#!/usr/bin/env bash
# The chignolin reweighting study after the reference simulation (bin/chignolin-remd.sh): topology, CG flow, samples
# from three CG models decoded and weighed, and the comparison with the simulation. Every step is skipped when its
# output exists, so rerunning continues an interrupted study.
# Then the same with models trained on the simulation's frames (STUDY_DIR/traj-*), the restrained 300 K run (CG atoms
# held at the minimised structure, 5 ns, resumable) and the single-residue study from the minimised structure with
# both model sets, its torsions compared with the restrained run.
# Usage: bin/chignolin-study.sh [SAMPLES] [REMD_DIR] [STUDY_DIR] [MODELS]
#   SAMPLES    samples per CG model (default 10000)
#   REMD_DIR   folder of chignolin.dcd (default ~/backmap-work/remd)
#   STUDY_DIR  output folder (default ~/backmap-work/study)
#   MODELS     residue models: 'shipped' (default) or a models folder
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
samples="${1:-10000}"
remd="${2:-$HOME/backmap-work/remd}"
study="${3:-$HOME/backmap-work/study}"
models="${4:-shipped}"
threads="${THREADS:-2}"
pdb="$repo/../shared/data/pdb/chignolin/1UAO.pdb"
bm="$repo/backmap"
mkdir -p "$study"
# the trajectory as it stands (the simulation may still be running), the first 1 ns being equilibration
[ -f "$study/remd.dcd" ] || cp "$remd/chignolin.dcd" "$study/remd.dcd"
# the simulation's atoms in its order: the same preparation, no steps
[ -f "$study/topology.pdb" ] || "$bm" md -i "$pdb" -o "$study/topology" --ps 0.002 --report-ps 0.002 --pdb --threads 1 >/dev/null
# the CG flow on every second frame (2 ps apart; neighbouring frames are strongly correlated), at most 100 epochs, stopped
# 20 epochs after its best validation epoch
[ -f "$study/cg-flow/cg-flow.json" ] || "$bm" cg-flow -i "$study/remd.dcd" --topology "$study/topology.pdb" --skip 1000 --stride 2 \
  --patience 20 -o "$study/cg-flow" --threads "$threads"
run_set() { # PREFIX MODELS_ARGS...: three CG models x decoding, then the comparison with the simulation
  local prefix="$1"; shift
  for cg in cluster-population cluster-uniform flow; do
    out="$study/$prefix$cg.csv"
    [ -f "$out" ] && continue
    if [ "$cg" = flow ]; then
      "$bm" reweight --cg-model "flow:$study/cg-flow" -n "$samples" -o "$out" --json "$study/$prefix$cg.json" --reference "$pdb" \
        "$@" --threads "$threads"
    else
      "$bm" reweight -i "$study/remd.dcd" --topology "$study/topology.pdb" --skip 1000 --cg-model "$cg" -n "$samples" -o "$out" \
        --json "$study/$prefix$cg.json" --reference "$pdb" "$@" --threads "$threads"
    fi
  done
  "$bm" reweight-study --md "$study/remd.dcd" --topology "$study/topology.pdb" --skip 1000 --folded "$pdb" \
    --run "cluster-population=$study/${prefix}cluster-population.csv" --run "cluster-uniform=$study/${prefix}cluster-uniform.csv" \
    --run "flow=$study/${prefix}flow.csv" -o "$study/${prefix}report" --threads "$threads"
}
models_args=()
[ "$models" = shipped ] || models_args=(--models "$models")
run_set "" "${models_args[@]}"
# models trained on the simulation's frames
[ -d "$study/traj-frames" ] || "$bm" frames -i "$study/remd.dcd" --topology "$study/topology.pdb" --skip 1000 -o "$study/traj-frames"
[ -f "$study/traj-dataset/manifest.json" ] || "$bm" extract -i "$study/traj-frames" -o "$study/traj-dataset" --threads "$threads"
"$bm" train --all --data "$study/traj-dataset" --out "$study/traj-models" --budget-examples 40000 --threads "$threads"
[ -f "$study/traj-models/manifest.json" ] || "$bm" model-report --models "$study/traj-models" --data "$study/traj-dataset" \
  -o "$study/traj-model-report" --threads "$threads"
run_set traj- --models "$study/traj-models"
# the restrained run: CG atoms held (200,000 kJ/mol/nm^2) at the minimised structure, 1 fs steps, 5 ns
[ -f "$study/chignolin-min.pdb" ] || "$bm" minimize -i "$pdb" -o "$study/chignolin-min.pdb" --threads "$threads"
held="$study/restrained/chignolin"
if [ ! -f "$study/restrained/done" ]; then
  mkdir -p "$study/restrained"
  resume=(); [ -f "$held.chk" ] && resume=(--resume)
  "$bm" md -i "$study/chignolin-min.pdb" -o "$held" --ps 5000 --temperature 300 --restrain-cg 200000 --dt 0.001 --report-ps 1 \
    --friction 1 --precision mixed --seed 1 --threads 1 --checkpoint-minutes 5 "${resume[@]}"
  touch "$study/restrained/done"
fi
[ -f "$study/restrained/topology.pdb" ] || "$bm" md -i "$study/chignolin-min.pdb" -o "$study/restrained/topology" --ps 0.002 \
  --report-ps 0.002 --pdb --threads 1 >/dev/null
# one side chain at a time in the minimised structure, against the restrained run
residues() { # OUT.json FIGURE.png MODELS_ARGS...
  local out="$1" fig="$2"; shift 2
  [ -f "$out" ] || "$bm" reweight-residues -i "$study/chignolin-min.pdb" -n "$samples" -o "$out" --md "$held.dcd" \
    --topology "$study/restrained/topology.pdb" --figure "$fig" "$@" --threads "$threads"
}
residues "$study/residues.json" "$study/residues-chis.png" "${models_args[@]}"
residues "$study/traj-residues.json" "$study/traj-residues-chis.png" --models "$study/traj-models"
