#!/usr/bin/env python3
"""Energy + forces, backmap (JMH, EnergyBenchmark.energyAndForces, DOUBLE and MIXED pair loops) against OpenMM
7.7's CPU platform on the same structures.

Run from the repository root after `./build.sh -pl benchmarks -am package -DskipTests`, with JAVA_HOME
pointing at a JDK 25 (as `bin/find-jdk.sh` finds it):
    python3 benchmarks/openmm_energy_bench.py [--threads 2] [--quick] [--openmm-seconds 10]
Both sides use AMBER14SB + GBn2 (ACE surface term), no cutoff, the same thread count. OpenMM is timed as
setPositions + getState(energy, forces) per evaluation, so cached results are never reused. The machine's load
average is printed before and after, since a shared machine slows both sides.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

STRUCTURES = ['1UAO', 'lysozyme-implicit']
PRECISIONS = ['DOUBLE', 'MIXED']
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
                   'EnergyBenchmark.energyAndForces', '-p', 'threads=%d' % threads, '-rf', 'json', '-rff', out]
        if quick:
            command += ['-wi', '2', '-i', '3']
        subprocess.run(command, check=True)
        with open(out) as f:
            results = json.load(f)
    return {(r['params']['structure'], r['params']['precision']): r['primaryMetric']['score'] / 1000.0 for r in results}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--threads', type=int, default=2)
    parser.add_argument('--jar', default='benchmarks/target/benchmarks.jar')
    parser.add_argument('--quick', action='store_true', help='2 warm-up and 3 measurement iterations')
    parser.add_argument('--openmm-seconds', type=float, default=10.0, help='how long to time OpenMM per structure')
    args = parser.parse_args()
    print('load average before: %.2f %.2f %.2f' % os.getloadavg())
    ours = backmap_seconds(args.threads, args.jar, args.quick)
    print('%-20s %-8s %12s %12s %8s' % ('structure', 'precision', 'backmap ms', 'OpenMM ms', 'speedup'))
    for name in STRUCTURES:
        theirs = openmm_seconds(os.path.join(DIR, name + '.pdb'), args.threads, args.openmm_seconds)
        for precision in PRECISIONS:
            mine = ours[(name, precision)]
            print('%-20s %-8s %12.3f %12.3f %8.2f' % (name, precision, 1000 * mine, 1000 * theirs, theirs / mine))
    print('load average after: %.2f %.2f %.2f' % os.getloadavg())
    sys.stdout.flush()


if __name__ == '__main__':
    main()
