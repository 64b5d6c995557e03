#!/usr/bin/env python3
"""Energy + forces, backmap (JMH, EnergyBenchmark) against OpenMM 7.7's CPU platform on the same structures.

Run from the repository root after `./build.sh -pl benchmarks -am package -DskipTests`, with JAVA_HOME
pointing at a JDK 25 (as `bin/find-jdk.sh` finds it):
    python3 benchmarks/openmm_energy_bench.py [--threads 2] [--quick]
Both sides use AMBER14SB + GBn2 (ACE surface term), no cutoff, the same thread count. OpenMM is timed as
setPositions + getState(energy, forces) per evaluation, so cached results are never reused.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

STRUCTURES = ['1UAO', 'lysozyme-implicit']
DIR = 'md/src/test/resources/energy'


def openmm_seconds(path, threads, seconds=10.0):
    import openmm as mm
    import openmm.app as app
    pdb = app.PDBFile(path)
    ff = app.ForceField('amber14/protein.ff14SB.xml', 'implicit/gbn2.xml')
    system = ff.createSystem(pdb.topology, nonbondedMethod=app.NoCutoff, constraints=None, removeCMMotion=False)
    platform = mm.Platform.getPlatformByName('CPU')
    context = mm.Context(system, mm.VerletIntegrator(0.001), platform, {'Threads': str(threads)})
    context.setPositions(pdb.positions)
    for _ in range(3):
        context.getState(getEnergy=True, getForces=True)
    reps, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds or reps < 3:
        context.setPositions(pdb.positions)
        context.getState(getEnergy=True, getForces=True)
        reps += 1
    return (time.perf_counter() - t0) / reps


def backmap_seconds(threads, jar, quick):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'jmh.json')
        java = os.path.join(os.environ['JAVA_HOME'], 'bin', 'java') if 'JAVA_HOME' in os.environ else 'java'
        command = [java, '--add-modules', 'jdk.incubator.vector', '-jar', jar,
                   'EnergyBenchmark', '-p', 'threads=%d' % threads, '-rf', 'json', '-rff', out]
        if quick:
            command += ['-wi', '2', '-i', '3']
        subprocess.run(command, check=True)
        with open(out) as f:
            results = json.load(f)
    return {r['params']['structure']: r['primaryMetric']['score'] / 1000.0 for r in results}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--jar', default='benchmarks/target/benchmarks.jar')
    parser.add_argument('--quick', action='store_true', help='2 warm-up and 3 measurement iterations')
    args = parser.parse_args()
    ours = backmap_seconds(args.threads, args.jar, args.quick)
    print('%-20s %12s %12s %8s' % ('structure', 'backmap ms', 'OpenMM ms', 'speedup'))
    for name in STRUCTURES:
        theirs = openmm_seconds(os.path.join(DIR, name + '.pdb'), args.threads)
        print('%-20s %12.3f %12.3f %8.2f' % (name, 1000 * ours[name], 1000 * theirs, theirs / ours[name]))
    sys.stdout.flush()


if __name__ == '__main__':
    main()
