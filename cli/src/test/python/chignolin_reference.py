#!/usr/bin/env python3
"""Writes the stored OpenMM 7.7 reference energies of the cli tests' chignolin file.

Run from the repository root:
  python3 cli/src/test/python/chignolin_reference.py > cli/src/test/resources/chignolin/1UAO-openmm-energy.json
It calls md's reference script (AMBER14SB + GBn2, no cutoff, Reference platform) and keeps the per-term energies
and the RMS force.
"""
import json
import math
import subprocess
import sys

PDB = 'cli/src/test/resources/chignolin/1UAO.pdb'
out = subprocess.run([sys.executable, 'md/src/test/python/openmm_reference.py', 'energy', PDB],
                     check=True, capture_output=True, text=True).stdout
ref = json.loads(out)
forces = [c for f in ref.pop('forces') for c in f]
ref['rms_force'] = math.sqrt(sum(f * f for f in forces) / len(forces))
ref['generated_by'] = 'cli/src/test/python/chignolin_reference.py (OpenMM 7.7, Reference platform) from ' + PDB
json.dump(ref, sys.stdout, indent=2)
print()
