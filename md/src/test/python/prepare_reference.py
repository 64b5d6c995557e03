#!/usr/bin/env python3
"""The reference method of `backmap prepare`, for its test: PDBFixer, then AMBER14SB in vacuum minimised by
OpenMM 7.7's LocalEnergyMinimizer (tolerance 10 kJ/mol/nm, at most 1,000 iterations).

Per input (`structures`): first model, heterogens and waters removed, no missing loops modelled, nonstandard
residues replaced, missing heavy atoms added (seed 0), hydrogens at pH 7. The system is
amber14/protein.ff14SB.xml in vacuum (no implicit solvent, no constraints), minimised twice: without cutoff
(`nocutoff_*`, the reference method) and with CutoffNonPeriodic at 1.0 nm (`cutoff_*`, reaction field with
OpenMM's default dielectric 78.3), each energy in its own form (kJ/mol).

Per prepared structure (`prepared`, files ending in -prepared.pdb, written by backmap prepare): the potential energy
as it is, without cutoff and with CutoffNonPeriodic at 1.0 nm, which the Java energy must reproduce.

Usage (from md/): python3 src/test/python/prepare_reference.py src/test/resources/pdb/prepare/*.gz \
    src/test/resources/pdb/prepare/*-prepared.pdb > src/test/resources/pdb/prepare/openmm-minimized.json
"""
import gzip
import io
import json
import os
import sys

import openmm
import openmm.app as app
import openmm.unit as unit
from pdbfixer import PDBFixer


def fixer_for(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt') as f:
        text = f.read()
    if '.cif' in os.path.basename(path):
        return PDBFixer(pdbxfile=io.StringIO(text))
    return PDBFixer(pdbfile=io.StringIO(text))


FORCEFIELD = app.ForceField('amber14/protein.ff14SB.xml')
KJ = unit.kilojoule_per_mole


def context_for(topology, positions, cutoff):
    if cutoff:
        system = FORCEFIELD.createSystem(topology, nonbondedMethod=app.CutoffNonPeriodic, nonbondedCutoff=1.0 * unit.nanometer,
                                         constraints=None, rigidWater=False)
    else:
        system = FORCEFIELD.createSystem(topology, nonbondedMethod=app.NoCutoff, constraints=None, rigidWater=False)
    context = openmm.Context(system, openmm.VerletIntegrator(0.001), openmm.Platform.getPlatformByName('Reference'))
    context.setPositions(positions)
    return system, context


def energy(context):
    return context.getState(getEnergy=True).getPotentialEnergy().value_in_unit(KJ)


def minimized(path):
    fixer = fixer_for(path)
    fixer.removeHeterogens(keepWater=False)
    fixer.findMissingResidues()
    fixer.missingResidues = {}
    fixer.findNonstandardResidues()
    fixer.replaceNonstandardResidues()
    fixer.findMissingAtoms()
    fixer.addMissingAtoms(seed=0)
    fixer.addMissingHydrogens(7.0)
    out = {}
    for name, cutoff in (('nocutoff', False), ('cutoff', True)):
        system, context = context_for(fixer.topology, fixer.positions, cutoff)
        out['atoms'] = system.getNumParticles()
        out[name + '_before'] = energy(context)
        openmm.LocalEnergyMinimizer.minimize(context, 10.0, 1000)
        out[name + '_minimized'] = energy(context)
    return out


def as_it_is(path):
    pdb = app.PDBFile(path)
    out = {}
    for name, cutoff in (('nocutoff', False), ('cutoff', True)):
        system, context = context_for(pdb.topology, pdb.positions, cutoff)
        out['atoms'] = system.getNumParticles()
        out[name] = energy(context)
    return out


def main(paths):
    out = {'openmm': openmm.__version__, 'method': 'pdbfixer pH 7; amber14/protein.ff14SB.xml; vacuum, NoCutoff or '
           'CutoffNonPeriodic 1.0 nm; LocalEnergyMinimizer tolerance 10 kJ/mol/nm, maxIterations 1000',
           'structures': {}, 'prepared': {}}
    for p in paths:
        if p.endswith('-prepared.pdb'):
            out['prepared'][os.path.basename(p)] = as_it_is(p)
        else:
            out['structures'][os.path.basename(p)] = minimized(p)
    json.dump(out, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write('\n')


if __name__ == '__main__':
    main(sys.argv[1:])
