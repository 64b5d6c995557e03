#!/usr/bin/env python3
"""Prepares the all-atom structures the energy tests use (run once; the outputs are committed).

For each input PDB: first model, heavy atoms completed and hydrogens added at pH 7 by pdbfixer
(OpenMM 7.7 / pdbfixer 1.8), waters and heterogens removed, no missing loops modelled. The result is
written with OpenMM's PDBFile, so atom order and names are those OpenMM itself reads back.

Usage: prepare_energy_structures.py CORPUS_DIR OUT_DIR NAME...
"""
import os
import sys

import openmm.app as app
from pdbfixer import PDBFixer


def prepare(src, dst):
    fixer = PDBFixer(filename=src)
    fixer.removeHeterogens(keepWater=False)
    fixer.findMissingResidues()
    fixer.missingResidues = {}
    fixer.findNonstandardResidues()
    fixer.replaceNonstandardResidues()
    fixer.findMissingAtoms()
    fixer.addMissingAtoms(seed=0)
    fixer.addMissingHydrogens(7.0)
    tmp = dst + '.tmp'
    with open(tmp, 'w') as out:
        app.PDBFile.writeFile(fixer.topology, fixer.positions, out, keepIds=True)
    os.replace(tmp, dst)
    print('%s: %d atoms' % (os.path.basename(dst), fixer.topology.getNumAtoms()))


def main():
    corpus, out = sys.argv[1], sys.argv[2]
    for name in sys.argv[3:]:
        prepare(os.path.join(corpus, name + '.pdb'), os.path.join(out, name + '.pdb'))


if __name__ == '__main__':
    main()
