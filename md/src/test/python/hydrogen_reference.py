#!/usr/bin/env python3
"""OpenMM 7.7 / pdbfixer reference atom sets for backmap's hydrogen-completion tests.

Usage: hydrogen_reference.py PDB VARIANTS_JSON
  PDB            heavy-atom structure written by backmap
  VARIANTS_JSON  a JSON list with one entry per residue: a histidine variant ("HID", "HIE", "HIP") or null

Prints one JSON object: {"residues": [{"chain", "number", "name", "atoms": [...]}, ...],
"missing": [{"chain", "number", "atoms": [...]}, ...]}. "residues" holds the atom names after pdbfixer adds
missing terminal OXT atoms and Modeller.addHydrogens(pH=7) adds hydrogens; an N-terminal "H" (OpenMM's name when H2/H3 are present) is reported as "H1", the
ff14SB name. "missing" holds the heavy atoms pdbfixer's findMissingAtoms reports, terminal OXT included.
"""
import json
import sys

import openmm.app as app
import pdbfixer


def main():
    path, variants_path = sys.argv[1], sys.argv[2]
    with open(variants_path) as f:
        variants = json.load(f)
    fixer = pdbfixer.PDBFixer(filename=path)
    fixer.findMissingResidues()
    fixer.missingResidues = {}
    fixer.findMissingAtoms()
    missing = []
    for residue, atoms in fixer.missingAtoms.items():
        missing.append({'chain': residue.chain.id, 'number': int(residue.id), 'atoms': sorted(a.name for a in atoms)})
    for residue, atoms in fixer.missingTerminals.items():
        missing.append({'chain': residue.chain.id, 'number': int(residue.id), 'atoms': sorted(atoms)})
    # Add only the missing terminal OXT (as backmap's completion does), then the hydrogens.
    fixer.missingAtoms = {}
    fixer.addMissingAtoms()
    modeller = app.Modeller(fixer.topology, fixer.positions)
    modeller.addHydrogens(pH=7.0, variants=variants)
    residues = []
    for residue in modeller.topology.residues():
        names = [atom.name for atom in residue.atoms()]
        if 'H' in names and ('H2' in names or 'H3' in names):
            names = ['H1' if n == 'H' else n for n in names]
        residues.append({'chain': residue.chain.id, 'number': int(residue.id), 'name': residue.name,
                         'atoms': sorted(names)})
    print(json.dumps({'residues': residues, 'missing': missing}))


if __name__ == '__main__':
    main()
