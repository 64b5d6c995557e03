#!/usr/bin/env python3
"""OpenMM 7.7 reference values for backmap's energy, minimizer and dynamics tests.

The system is AMBER14SB + GBn2 (``amber14/protein.ff14SB.xml`` + ``implicit/gbn2.xml``), no cutoff, no
constraints unless stated; energies in kJ/mol, forces in kJ/mol/nm. Output is one JSON object on stdout.

Modes:
  energy PDB            per-term energies (bond, angle, torsion, lj, coulomb, gb_polar, gb_surface, total) and
                        forces (Reference platform, float64)
  minimize PDB TOL MAX  LocalEnergyMinimizer (CPU platform) from the file's coordinates: start and final energies
  md PDB PS SEED        LangevinMiddleIntegrator 300 K, 1/ps, 2 fs, HBonds constrained, minimized start;
                        potential energy and kinetic temperature every 0.1 ps
  bench PDB REPS        seconds per energy+forces evaluation on the CPU platform (all threads)
  steps PDB N GAMMA IN  LangevinMiddleIntegrator at 0 K (no noise: every deterministic part of the step), friction
                        GAMMA/ps, 2 fs, HBonds constrained to 1e-10, Reference platform, from the positions and
                        velocities of the JSON file IN ({"positions": flat nm, "velocities": flat nm/ps}): positions
                        and velocities after N steps; and 'shift', what setVelocitiesToTemperature(300 K, seed 7)
                        with a LangevinMiddleIntegrator adds to the same draw with a zero time offset (flat nm/ps)
"""
import json
import sys
import time

import openmm as mm
import openmm.app as app
import openmm.unit as unit
from openmm.app.internal.customgbforces import GBSAGBn2Force

GROUPS = {'bond': 0, 'angle': 1, 'torsion': 2, 'lj': 3, 'coulomb': 4, 'gb_polar': 5, 'gb_total': 6}


def load(path):
    pdb = app.PDBFile(path)
    ff = app.ForceField('amber14/protein.ff14SB.xml', 'implicit/gbn2.xml')
    return pdb, ff


def full_system(pdb, ff, constraints=None):
    return ff.createSystem(pdb.topology, nonbondedMethod=app.NoCutoff, constraints=constraints,
                           rigidWater=False, removeCMMotion=False)


def split_system(pdb, ff):
    """The full system with each term in its own force group; the nonbonded force split into LJ and Coulomb."""
    system = full_system(pdb, ff)
    forces = list(system.getForces())
    for f in forces:
        if isinstance(f, mm.HarmonicBondForce):
            f.setForceGroup(GROUPS['bond'])
        elif isinstance(f, mm.HarmonicAngleForce):
            f.setForceGroup(GROUPS['angle'])
        elif isinstance(f, mm.PeriodicTorsionForce):
            f.setForceGroup(GROUPS['torsion'])
        elif isinstance(f, mm.CustomGBForce):
            f.setForceGroup(GROUPS['gb_total'])
        elif isinstance(f, mm.NonbondedForce):
            lj = mm.NonbondedForce(f)
            for i in range(lj.getNumParticles()):
                q, s, e = lj.getParticleParameters(i)
                lj.setParticleParameters(i, 0.0, s, e)
            for k in range(lj.getNumExceptions()):
                i, j, qq, s, e = lj.getExceptionParameters(k)
                lj.setExceptionParameters(k, i, j, 0.0, s, e)
            lj.setForceGroup(GROUPS['lj'])
            coul = mm.NonbondedForce(f)
            for i in range(coul.getNumParticles()):
                q, s, e = coul.getParticleParameters(i)
                coul.setParticleParameters(i, q, s, 0.0)
            for k in range(coul.getNumExceptions()):
                i, j, qq, s, e = coul.getExceptionParameters(k)
                coul.setExceptionParameters(k, i, j, qq, s, 0.0)
            coul.setForceGroup(GROUPS['coulomb'])
            system.addForce(lj)
            system.addForce(coul)
            charges = [f.getParticleParameters(i)[0] for i in range(f.getNumParticles())]
    for i, f in reversed(list(enumerate(system.getForces()))):
        if isinstance(f, mm.NonbondedForce) and f.getForceGroup() not in (GROUPS['lj'], GROUPS['coulomb']):
            system.removeForce(i)
    polar = GBSAGBn2Force(SA=None)
    for q, p in zip(charges, GBSAGBn2Force.getStandardParameters(pdb.topology)):
        polar.addParticle([q, p[0], p[1], p[2], p[3], p[4]])
    polar.finalize()
    polar.setForceGroup(GROUPS['gb_polar'])
    system.addForce(polar)
    return system


def reference_context(system, pdb):
    integrator = mm.VerletIntegrator(0.001)
    context = mm.Context(system, integrator, mm.Platform.getPlatformByName('Reference'))
    context.setPositions(pdb.positions)
    return context, integrator


def energy(path):
    pdb, ff = load(path)
    system = split_system(pdb, ff)
    context, _ = reference_context(system, pdb)
    out = {}
    for name, g in GROUPS.items():
        out[name] = context.getState(getEnergy=True, groups={g}).getPotentialEnergy().value_in_unit(unit.kilojoule_per_mole)
    out['gb_surface'] = out.pop('gb_total') - out['gb_polar']
    groups = {GROUPS[k] for k in ('bond', 'angle', 'torsion', 'lj', 'coulomb', 'gb_total')}
    state = context.getState(getEnergy=True, getForces=True, groups=groups)
    out['total'] = state.getPotentialEnergy().value_in_unit(unit.kilojoule_per_mole)
    out['forces'] = [list(v) for v in state.getForces(asNumpy=True).value_in_unit(unit.kilojoule_per_mole / unit.nanometer)]
    return out


def minimize(path, tolerance, max_iterations):
    pdb, ff = load(path)
    system = full_system(pdb, ff)
    integrator = mm.VerletIntegrator(0.001)
    context = mm.Context(system, integrator, mm.Platform.getPlatformByName('CPU'))
    context.setPositions(pdb.positions)
    start = context.getState(getEnergy=True).getPotentialEnergy().value_in_unit(unit.kilojoule_per_mole)
    mm.LocalEnergyMinimizer.minimize(context, tolerance, max_iterations)
    final = context.getState(getEnergy=True).getPotentialEnergy().value_in_unit(unit.kilojoule_per_mole)
    return {'start': start, 'final': final}


def md(path, picoseconds, seed):
    pdb, ff = load(path)
    system = full_system(pdb, ff, constraints=app.HBonds)
    integrator = mm.LangevinMiddleIntegrator(300 * unit.kelvin, 1 / unit.picosecond, 0.002 * unit.picoseconds)
    integrator.setRandomNumberSeed(seed)
    context = mm.Context(system, integrator, mm.Platform.getPlatformByName('CPU'))
    context.setPositions(pdb.positions)
    mm.LocalEnergyMinimizer.minimize(context, 10.0, 0)
    context.setVelocitiesToTemperature(300 * unit.kelvin, seed)
    dof = 3 * system.getNumParticles() - system.getNumConstraints()
    kb = unit.MOLAR_GAS_CONSTANT_R.value_in_unit(unit.kilojoule_per_mole / unit.kelvin)
    potential, temperature = [], []
    for _ in range(int(round(picoseconds * 10))):
        integrator.step(50)
        s = context.getState(getEnergy=True)
        potential.append(s.getPotentialEnergy().value_in_unit(unit.kilojoule_per_mole))
        temperature.append(2 * s.getKineticEnergy().value_in_unit(unit.kilojoule_per_mole) / (dof * kb))
    return {'potential': potential, 'temperature': temperature}


def steps(path, count, friction, state_path):
    import numpy as np
    pdb, ff = load(path)
    state = json.load(open(state_path))
    x = np.array(state['positions']).reshape(-1, 3)
    v = np.array(state['velocities']).reshape(-1, 3)
    system = full_system(pdb, ff, constraints=app.HBonds)
    integrator = mm.LangevinMiddleIntegrator(0.0, friction, 0.002)
    integrator.setConstraintTolerance(1e-10)
    context = mm.Context(system, integrator, mm.Platform.getPlatformByName('Reference'))
    context.setPositions(x)
    context.setVelocities(v)
    integrator.step(count)
    s = context.getState(getPositions=True, getVelocities=True)
    out = {'positions': [float(c) for c in s.getPositions(asNumpy=True).value_in_unit(unit.nanometer).flatten()],
           'velocities': [float(c) for c in s.getVelocities(asNumpy=True).value_in_unit(unit.nanometer / unit.picosecond).flatten()]}
    drawn = []
    for integ in (mm.LangevinMiddleIntegrator(300, 1, 0.002), mm.CustomIntegrator(0.002)):
        c = mm.Context(full_system(pdb, ff, constraints=app.HBonds), integ, mm.Platform.getPlatformByName('Reference'))
        c.setPositions(x)
        c.setVelocitiesToTemperature(300, 7)
        drawn.append(c.getState(getVelocities=True).getVelocities(asNumpy=True).value_in_unit(unit.nanometer / unit.picosecond))
    out['shift'] = [float(c) for c in (drawn[0] - drawn[1]).flatten()]
    return out


def bench(path, reps):
    pdb, ff = load(path)
    system = full_system(pdb, ff)
    integrator = mm.VerletIntegrator(0.001)
    context = mm.Context(system, integrator, mm.Platform.getPlatformByName('CPU'))
    context.setPositions(pdb.positions)
    for _ in range(max(3, reps // 10)):
        context.getState(getEnergy=True, getForces=True)
    t0 = time.perf_counter()
    for _ in range(reps):
        # Changing positions invalidates any cached state, as a new configuration would.
        context.setPositions(pdb.positions)
        context.getState(getEnergy=True, getForces=True)
    seconds = (time.perf_counter() - t0) / reps
    return {'atoms': system.getNumParticles(), 'seconds_per_eval': seconds,
            'threads': context.getPlatform().getPropertyValue(context, 'Threads')}


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == 'energy':
        out = energy(path)
    elif mode == 'minimize':
        out = minimize(path, float(sys.argv[3]), int(sys.argv[4]))
    elif mode == 'md':
        out = md(path, float(sys.argv[3]), int(sys.argv[4]))
    elif mode == 'steps':
        out = steps(path, int(sys.argv[3]), float(sys.argv[4]), sys.argv[5])
    elif mode == 'bench':
        out = bench(path, int(sys.argv[3]))
    else:
        raise SystemExit('unknown mode ' + mode)
    json.dump(out, sys.stdout)


if __name__ == '__main__':
    main()
