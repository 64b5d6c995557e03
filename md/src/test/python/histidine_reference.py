"""Histidine variants chosen by OpenMM's Modeller.addHydrogens, as a reference for backmap's protonation.

For each PDB file (plain or .gz): pdbfixer reads it, drops heterogens and waters (backmap's reader drops them
too), adds missing heavy atoms (a C-terminal OXT included) only when some are missing (missing residues are not built, so chain order and
numbering stay), every hydrogen is deleted, and Modeller.addHydrogens(ForceField('amber14/protein.ff14SB.xml'),
pH=7.0) picks the variants. Prints one JSON object: {"openmm": version, "pH": 7.0, "histidines": [{"file",
"chain", "number", "insertionCode", "variant", "addedHeavyAtoms"}, ...]}.

Regenerate the stored reference (from the repository root):

    /usr/bin/python3 md/src/test/python/histidine_reference.py \
        md/src/test/resources/pdb/corpus/*.pdb md/src/test/resources/energy/*.pdb \
        md/src/test/resources/pdb/protonation/*.pdb.gz \
        > md/src/test/resources/protonation/histidines-openmm.json
"""
import gzip
import json
import os
import sys
import tempfile

import openmm
from openmm.app import ForceField, Modeller, element
from pdbfixer import PDBFixer


def plain_copy(path):
    """pdbfixer reads plain files only: a .gz input is decompressed into a temporary file."""
    if not path.endswith('.gz'):
        return path, None
    handle, tmp = tempfile.mkstemp(suffix='.pdb')
    with os.fdopen(handle, 'wb') as out, gzip.open(path, 'rb') as src:
        out.write(src.read())
    return tmp, tmp


def resource_name(path):
    """The path below src/test/resources (e.g. pdb/corpus/T0902.pdb), so equal file names in two folders differ."""
    norm = os.path.abspath(path).replace(os.sep, '/')
    marker = '/src/test/resources/'
    return norm.split(marker, 1)[1] if marker in norm else os.path.basename(path)


def histidines(path, forcefield):
    readable, tmp = plain_copy(path)
    try:
        fixer = PDBFixer(filename=readable)
    finally:
        if tmp:
            os.remove(tmp)
    if not any(r.name == 'HIS' for r in fixer.topology.residues()):
        return []  # nothing to compare; some corpus files are not complete proteins
    fixer.removeHeterogens(keepWater=False)
    fixer.findMissingResidues()
    fixer.missingResidues = {}
    fixer.findMissingAtoms()
    added = sum(len(atoms) for atoms in fixer.missingAtoms.values()) + sum(
        len(atoms) for atoms in fixer.missingTerminals.values())
    if added:
        fixer.addMissingAtoms()
    modeller = Modeller(fixer.topology, fixer.positions)
    modeller.delete([a for a in modeller.topology.atoms() if a.element == element.hydrogen])
    residues = list(modeller.topology.residues())
    variants = modeller.addHydrogens(forcefield, pH=7.0)
    out = []
    for residue, variant in zip(residues, variants):
        if residue.name == 'HIS':
            out.append({'file': resource_name(path), 'chain': residue.chain.id, 'number': int(residue.id),
                        'insertionCode': residue.insertionCode.strip(), 'variant': variant,
                        'addedHeavyAtoms': added})
    return out


def main(paths):
    forcefield = ForceField('amber14/protein.ff14SB.xml')
    found = []
    for path in paths:
        found.extend(histidines(path, forcefield))
    json.dump({'openmm': openmm.__version__, 'pH': 7.0, 'histidines': found}, sys.stdout, indent=1)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
