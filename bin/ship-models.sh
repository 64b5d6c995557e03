#!/usr/bin/env bash
# Copies trained models (model.json + weights + training log of every type, the models manifest) and the model
# report into the resources of the backmapping module, from where they ship in the jar.
# Usage: bin/ship-models.sh MODELS_DIR REPORT_DIR
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
models="$1"
report="$2"
dest="$repo/backmapping/src/main/resources/org/backmap/backmapping/models"
[ -f "$models/manifest.json" ] || { echo "ship-models: $models/manifest.json is missing (run backmap model-report first)" >&2; exit 1; }
find "$dest" -mindepth 1 -maxdepth 1 ! -name README.md -exec rm -rf {} + 2>/dev/null || true
mkdir -p "$dest"
cp "$models/manifest.json" "$dest/"
for dir in "$models"/*/; do
  type="$(basename "$dir")"
  [ -f "$dir/model.json" ] || continue
  mkdir -p "$dest/$type"
  cp "$dir/model.json" "$dir"/model.*.bin "$dest/$type/"
  [ -f "$dir/training-log.json" ] && cp "$dir/training-log.json" "$dest/$type/"
done
mkdir -p "$dest/report"
cp "$report/model-report.json" "$report/model-report.md" "$dest/report/"
[ -d "$report/plots" ] && cp -r "$report/plots" "$dest/report/"
size=$(du -sb "$dest" | cut -f1)
echo "shipped $(ls -d "$dest"/*/model.json | wc -l) models, $((size / 1024)) KiB in $dest"
if [ "$size" -gt $((40 * 1024 * 1024)) ]; then
  echo "ship-models: $size bytes exceeds the 40 MB budget" >&2
  exit 1
fi
