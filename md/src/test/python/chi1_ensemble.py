#!/usr/bin/env python3
"""Does `backmap md` sample the same trajectory ensemble as OpenMM 7.7? GLU5 chi1 of chignolin, engine against engine.

Both engines start from the same minimised structure with the same settings (LangevinMiddleIntegrator, 300 K,
1/ps, 2 fs, bonds to hydrogen constrained, AMBER14SB + GBn2, no cutoff, no centre-of-mass motion removal,
Maxwell-Boltzmann start velocities from the seed) and run many short independent trajectories, one per seed.
Every 0.1 ps the script records chi1 = N-CA-CB-CG of GLU 5, the potential energy and the kinetic temperature.

Rotamers: trans |chi1| >= 120 deg, g+ 0 < chi1 < 120, g- -120 < chi1 <= 0. The first exit time is the first
recorded time with chi1 outside trans (censored at the trajectory length when it never leaves).

Compared, with trajectories as the independent units:
  - first exit times: log-rank test (censored), two-sample Kolmogorov-Smirnov on min(exit, length), the
    Kaplan-Meier survival curves, and exit rates (exits per ns spent in trans before the first exit) with the
    95 % interval of their ratio;
  - trans / g+ / g- fractions of all frames: mean over trajectories, bootstrap standard error (2000 resamples of
    trajectories), and a permutation test of the engine labels (5000 relabellings) on the statistic
    sum_states (p_backmap - p_openmm)^2;
  - per-trajectory means of chi1 (taken in 0..360 deg, trans near 180) and its spread, over all frames and over the
    frames in trans, the potential energy and the kinetic temperature (after the first tenth): permutation test of
    the engine labels on the difference of means.

Usage (one command, resumable: finished trajectories are kept and skipped):
  /usr/bin/python3 md/src/test/python/chi1_ensemble.py all START.pdb DIR [--n 20] [--first 1] [--ps 200] [--plot PNG]
Pieces:
  run-openmm PDB PS SEED OUT.json       one OpenMM trajectory (CPU platform, 1 thread)
  run-backmap PDB PS SEED OUT.json      one backmap trajectory (./backmap md --no-minimize --threads 1; $BACKMAP
                                        replaces ./backmap)
  compare DIR [--plot PNG] [--markdown] statistics over DIR/{backmap,openmm}-SEED.json (and the README table)
The start structure: ./backmap minimize -i md/src/test/resources/energy/1UAO.pdb -o START.pdb --threads 1
"""
import argparse
import json
import math
import os
import random
import struct
import subprocess
import sys
import tempfile
import time

import numpy as np

KB = 1.380649e-23 * 6.02214076e23 / 1000  # kJ/mol/K
REPORT_STEPS = 50  # 0.1 ps at 2 fs
DT = 0.002
STATES = ('trans', 'g+', 'g-')


def chi1_atoms(pdb_path, residue=5, name='GLU'):
    """Zero-based indices of N, CA, CB, CG of the residue, in file order (both engines keep it)."""
    index, found = 0, {}
    with open(pdb_path) as f:
        for line in f:
            if line.startswith(('ATOM', 'HETATM')):
                if int(line[22:26]) == residue and line[17:20] == name:
                    found[line[12:16].strip()] = index
                index += 1
    return [found[a] for a in ('N', 'CA', 'CB', 'CG')]


def dihedral(p0, p1, p2, p3):
    """Dihedral angles (degrees) of arrays of points, shape (frames, 3)."""
    b0, b1, b2 = p0 - p1, p2 - p1, p3 - p2
    b1n = b1 / np.linalg.norm(b1, axis=1, keepdims=True)
    v = b0 - np.sum(b0 * b1n, axis=1, keepdims=True) * b1n
    w = b2 - np.sum(b2 * b1n, axis=1, keepdims=True) * b1n
    x = np.sum(v * w, axis=1)
    y = np.sum(np.cross(b1n, v) * w, axis=1)
    return np.degrees(np.arctan2(y, x))


def write_json(out, data):
    tmp = out + '.tmp'
    with open(tmp, 'w') as f:
        json.dump(data, f)
    os.replace(tmp, out)


def run_openmm(pdb_path, ps, seed, out):
    import openmm as mm
    import openmm.app as app
    import openmm.unit as unit
    pdb = app.PDBFile(pdb_path)
    ff = app.ForceField('amber14/protein.ff14SB.xml', 'implicit/gbn2.xml')
    system = ff.createSystem(pdb.topology, nonbondedMethod=app.NoCutoff, constraints=app.HBonds, rigidWater=False,
                             removeCMMotion=False)
    integrator = mm.LangevinMiddleIntegrator(300 * unit.kelvin, 1 / unit.picosecond, DT * unit.picoseconds)
    integrator.setRandomNumberSeed(seed)
    context = mm.Context(system, integrator, mm.Platform.getPlatformByName('CPU'), {'Threads': '1'})
    context.setPositions(pdb.positions)
    context.applyConstraints(1e-8)
    context.setVelocitiesToTemperature(300 * unit.kelvin, seed)
    dof = 3 * system.getNumParticles() - system.getNumConstraints()
    atoms = chi1_atoms(pdb_path)
    chi, potential, temperature = [], [], []
    t0 = time.time()
    for _ in range(int(round(ps / (REPORT_STEPS * DT)))):
        integrator.step(REPORT_STEPS)
        s = context.getState(getEnergy=True, getPositions=True)
        x = s.getPositions(asNumpy=True).value_in_unit(unit.nanometer)[atoms]
        chi.append(float(dihedral(*[x[i:i + 1] for i in range(4)])[0]))
        potential.append(s.getPotentialEnergy().value_in_unit(unit.kilojoule_per_mole))
        temperature.append(2 * s.getKineticEnergy().value_in_unit(unit.kilojoule_per_mole) / (dof * KB))
    write_json(out, {'engine': 'openmm', 'seed': seed, 'ps': ps, 'chi1': chi, 'potential': potential,
                     'temperature': temperature, 'seconds': time.time() - t0})


def read_dcd(path):
    """Frames (frames, atoms, 3) in Angstrom of a CHARMM DCD without unit cell, as backmap's DcdWriter writes."""
    data = open(path, 'rb').read()
    pos, records = 0, []
    while pos < len(data):
        (n,) = struct.unpack_from('<i', data, pos)
        records.append(data[pos + 4:pos + 4 + n])
        (m,) = struct.unpack_from('<i', data, pos + 4 + n)
        assert m == n, 'broken DCD record'
        pos += 8 + n
    (natom,) = struct.unpack('<i', records[2])
    coords = [np.frombuffer(r, dtype='<f4') for r in records[3:]]
    assert len(coords) % 3 == 0 and all(len(c) == natom for c in coords)
    return np.array(coords, dtype=float).reshape(-1, 3, natom).transpose(0, 2, 1)


def run_backmap(pdb_path, ps, seed, out, backmap='./backmap'):
    atoms = chi1_atoms(pdb_path)
    with tempfile.TemporaryDirectory() as tmp:
        prefix = os.path.join(tmp, 'run')
        t0 = time.time()
        # $BACKMAP (a command line, e.g. "java -jar /some/backmap.jar") replaces ./backmap, so a run can use a fixed jar
        command = os.environ['BACKMAP'].split() if os.environ.get('BACKMAP') else [backmap]
        subprocess.run(command + ['md', '-i', pdb_path, '-o', prefix, '--no-minimize', '--ps', str(ps), '--report-ps',
                        str(REPORT_STEPS * DT), '--seed', str(seed), '--threads', '1', '--checkpoint-minutes', '1000'],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        seconds = time.time() - t0
        frames = read_dcd(prefix + '.dcd')
        start = np.array([[float(l[30:38]), float(l[38:46]), float(l[46:54])] for l in open(pdb_path)
                          if l.startswith(('ATOM', 'HETATM'))])
        # atom order check: after 0.1 ps atoms have moved a fraction of an A (a fast hydrogen up to about 2 A); a
        # permuted order would put most of them several A away
        moved = np.median(np.linalg.norm(frames[0] - start, axis=1))
        assert moved < 0.5, 'DCD atom order differs from the PDB (median displacement %.2f A in 0.1 ps)' % moved
        x = frames[:, atoms, :]
        chi = dihedral(x[:, 0], x[:, 1], x[:, 2], x[:, 3])
        rows = [l.strip().split(',') for l in open(prefix + '.csv')]
        head = rows[0]
        table = [dict(zip(head, r)) for r in rows[1:]]
    write_json(out, {'engine': 'backmap', 'seed': seed, 'ps': ps, 'chi1': [float(c) for c in chi],
                     'potential': [float(r['potential']) for r in table],
                     'temperature': [float(r['kinetic_temperature_K']) for r in table], 'seconds': seconds})


def trans_only(chi):
    """chi1 (0..360 deg) of the frames in trans: the shape of the trans well, whatever the rare exits do."""
    c = np.mod(np.asarray(chi), 360)
    return c[rotamer(chi) == 0]


def rotamer(chi):
    chi = np.asarray(chi)
    return np.where(np.abs(chi) >= 120, 0, np.where(chi > 0, 1, 2))


def first_exit(chi, frame_ps):
    """(time of the first frame outside trans, True) or (trajectory length, False) when it never leaves."""
    states = rotamer(chi)
    out = np.nonzero(states != 0)[0]
    if len(out):
        return (out[0] + 1) * frame_ps, True
    return len(chi) * frame_ps, False


def logrank(times_a, events_a, times_b, events_b):
    """Two-sample log-rank test: (chi-square with 1 dof, p-value)."""
    t = np.concatenate([times_a, times_b])
    e = np.concatenate([events_a, events_b]).astype(bool)
    g = np.concatenate([np.zeros(len(times_a)), np.ones(len(times_b))])
    o_minus_e, var = 0.0, 0.0
    for time_ in np.unique(t[e]):
        at_risk = t >= time_
        n, n_a = at_risk.sum(), (at_risk & (g == 0)).sum()
        d = (e & (t == time_)).sum()
        d_a = (e & (t == time_) & (g == 0)).sum()
        o_minus_e += d_a - d * n_a / n
        if n > 1:
            var += d * (n_a / n) * (1 - n_a / n) * (n - d) / (n - 1)
    stat = o_minus_e ** 2 / var if var > 0 else 0.0
    return stat, math.erfc(math.sqrt(stat / 2))  # chi-square(1) tail


def ks_2samp(a, b):
    """Two-sample Kolmogorov-Smirnov: (D, asymptotic p-value with the Stephens small-sample correction)."""
    a, b = np.sort(a), np.sort(b)
    grid = np.concatenate([a, b])
    d = np.max(np.abs(np.searchsorted(a, grid, side='right') / len(a) - np.searchsorted(b, grid, side='right') / len(b)))
    en = math.sqrt(len(a) * len(b) / (len(a) + len(b)))
    lam = (en + 0.12 + 0.11 / en) * d
    p = 2 * sum((-1) ** (k - 1) * math.exp(-2 * k * k * lam * lam) for k in range(1, 101))
    return d, min(1.0, max(0.0, p))


def kaplan_meier(times, events, grid):
    s, surv = 1.0, []
    times, events = np.asarray(times), np.asarray(events, bool)
    steps = {}
    for time_ in np.unique(times[events]):
        n = (times >= time_).sum()
        d = ((times == time_) & events).sum()
        s *= 1 - d / n
        steps[time_] = s
    keys = sorted(steps)
    for g in grid:
        v = 1.0
        for k in keys:
            if k <= g:
                v = steps[k]
        surv.append(v)
    return np.array(surv)


def fractions(chis):
    """(trajectories, 3) fractions of frames in trans, g+, g-."""
    return np.array([[np.mean(rotamer(c) == s) for s in range(3)] for c in chis])


def load(directory, engine):
    runs = []
    for name in sorted(os.listdir(directory)):
        if name.startswith(engine + '-') and name.endswith('.json'):
            runs.append(json.load(open(os.path.join(directory, name))))
    return runs


def permutation_p(a, b, rng, permutations=5000):
    """Two-sided permutation p-value of |mean(a) - mean(b)| over relabellings of the pooled values."""
    observed = abs(a.mean() - b.mean())
    pooled = np.concatenate([a, b])
    count = 0
    for _ in range(permutations):
        idx = rng.permutation(len(pooled))
        if abs(pooled[idx[:len(a)]].mean() - pooled[idx[len(a):]].mean()) >= observed - 1e-12:
            count += 1
    return (count + 1) / (permutations + 1)


def table(r):
    """The comparison as a markdown table (the one in md/README.md)."""
    b, o, t = r['backmap'], r['openmm'], r['tests']

    def pm(name, key, scale=1, digits=3):
        v = r[name][key]
        return '%.*f +/- %.*f' % (digits, v[0] * scale, digits, v[1] * scale)

    rows = [('trajectories x length', '%d x %g ps' % (b['trajectories'], b['ps_each']),
             '%d x %g ps' % (o['trajectories'], o['ps_each']), ''),
            ('left trans (first exits)', '%d' % b['exited'], '%d' % o['exited'], ''),
            ('exit rate (1/ns in trans)', '%.2f' % b['exit_rate_per_ns'], '%.2f' % o['exit_rate_per_ns'],
             'log-rank p = %.2f; KS on min(exit, end) p = %.2f' % (t['logrank_p'], t['ks_p']))]
    if 'exit_rate_ratio_backmap_over_openmm' in r:
        q = r['exit_rate_ratio_backmap_over_openmm']
        rows.append(('exit-rate ratio backmap/OpenMM', '%.2f (95 %% interval %.2f to %.2f)' % tuple(q), '', ''))
    for s in STATES:
        rows.append(('fraction %s' % s, '%.4f +/- %.4f' % (b['fractions'][s], b['fractions_se'][s]),
                     '%.4f +/- %.4f' % (o['fractions'][s], o['fractions_se'][s]),
                     'permutation p = %.2f (all three)' % t['population_permutation_p'] if s == 'trans' else ''))
    for key, label, digits in (('chi1_mean', 'mean chi1, all frames (deg)', 1), ('chi1_trans_mean', 'mean chi1 in trans (deg)', 2),
                               ('chi1_trans_sd', 'sd of chi1 in trans (deg)', 2), ('potential', 'potential energy (kJ/mol)', 1),
                               ('temperature', 'kinetic temperature (K)', 2)):
        rows.append((label, pm('backmap', 'per_trajectory_' + key, digits=digits), pm('openmm', 'per_trajectory_' + key, digits=digits),
                     'permutation p = %.2f' % t[key + '_permutation_p']))
    lines = ['| quantity | backmap | OpenMM 7.7 | test |', '| --- | --- | --- | --- |']
    lines += ['| %s | %s | %s | %s |' % row for row in rows]
    return '\n'.join(lines)


def compare(directory, plot=None, seed=12345, markdown=False):
    rng = np.random.default_rng(seed)
    result, engines = {}, {}
    for engine in ('backmap', 'openmm'):
        runs = load(directory, engine)
        if not runs:
            raise SystemExit('no %s trajectories in %s' % (engine, directory))
        frame_ps = runs[0]['ps'] / len(runs[0]['chi1'])
        exits = [first_exit(r['chi1'], frame_ps) for r in runs]
        frac = fractions([r['chi1'] for r in runs])
        boot = np.array([frac[rng.integers(0, len(frac), len(frac))].mean(axis=0) for _ in range(2000)])
        temps = np.array([np.mean(r['temperature'][len(r['temperature']) // 10:]) for r in runs])
        pots = np.array([np.mean(r['potential'][len(r['potential']) // 10:]) for r in runs])
        times = np.array([e[0] for e in exits])
        events = np.array([e[1] for e in exits])
        engines[engine] = dict(runs=runs, times=times, events=events, frac=frac)
        # mean first exit with bootstrap SE (censored ones count at the trajectory length: a lower bound)
        boot_exit = np.array([times[rng.integers(0, len(times), len(times))].mean() for _ in range(2000)])
        result[engine] = {
            'trajectories': len(runs), 'ps_each': runs[0]['ps'], 'exited': int(events.sum()),
            'median_exit_ps': float(np.median(times)), 'mean_exit_ps': float(times.mean()),
            'mean_exit_se': float(boot_exit.std(ddof=1)),
            'fractions': {s: float(frac[:, i].mean()) for i, s in enumerate(STATES)},
            'fractions_se': {s: float(boot[:, i].std(ddof=1)) for i, s in enumerate(STATES)},
            'temperature_K': float(temps.mean()), 'temperature_se': float(temps.std(ddof=1) / math.sqrt(len(temps))),
            'potential': float(pots.mean()), 'potential_se': float(pots.std(ddof=1) / math.sqrt(len(pots))),
            'seconds_each': float(np.mean([r['seconds'] for r in runs])),
        }
    b, o = engines['backmap'], engines['openmm']
    lr, lr_p = logrank(b['times'], b['events'], o['times'], o['events'])
    # exit rates (events per ps in trans, exponential model) and the 95 % interval of their ratio: what size of
    # difference the data could have detected
    for name, e in (('backmap', b), ('openmm', o)):
        result[name]['exit_rate_per_ns'] = float(1000 * e['events'].sum() / e['times'].sum())
    eb, eo = b['events'].sum(), o['events'].sum()
    if eb > 0 and eo > 0:
        ratio = (eb / b['times'].sum()) / (eo / o['times'].sum())
        half = 1.96 * math.sqrt(1 / eb + 1 / eo)
        result['exit_rate_ratio_backmap_over_openmm'] = [float(ratio), float(ratio * math.exp(-half)), float(ratio * math.exp(half))]
    d, ks_p = ks_2samp(b['times'], o['times'])

    def population_stat(fb, fo):
        # plain squared distance of the mean fractions: a studentised one is unstable when most trajectories
        # never leave trans (zero variances); the permutation distribution supplies the scale
        return float(np.sum((fb.mean(axis=0) - fo.mean(axis=0)) ** 2))

    observed = population_stat(b['frac'], o['frac'])
    pooled = np.concatenate([b['frac'], o['frac']])
    count, permutations = 0, 5000
    for _ in range(permutations):
        idx = rng.permutation(len(pooled))
        if population_stat(pooled[idx[:len(b['frac'])]], pooled[idx[len(b['frac']):]]) >= observed:
            count += 1
    result['tests'] = {'logrank_chi2': lr, 'logrank_p': lr_p, 'ks_D': d, 'ks_p': ks_p,
                       'population_stat': observed, 'population_permutation_p': (count + 1) / (permutations + 1)}
    # continuous per-trajectory observables: mean chi1 (0..360, trans near 180), mean potential energy and
    # kinetic temperature after the first tenth; permutation test on the difference of the engines' means
    for key, values in (('chi1_mean', lambda r: np.mean(np.mod(r['chi1'], 360))),
                        ('chi1_sd', lambda r: np.std(np.mod(r['chi1'], 360))),
                        ('chi1_trans_mean', lambda r: np.mean(trans_only(r['chi1']))),
                        ('chi1_trans_sd', lambda r: np.std(trans_only(r['chi1']))),
                        ('potential', lambda r: np.mean(r['potential'][len(r['potential']) // 10:])),
                        ('temperature', lambda r: np.mean(r['temperature'][len(r['temperature']) // 10:]))):
        vb = np.array([values(r) for r in b['runs']])
        vo = np.array([values(r) for r in o['runs']])
        for name, v in (('backmap', vb), ('openmm', vo)):
            result[name]['per_trajectory_' + key] = [float(v.mean()), float(v.std(ddof=1) / math.sqrt(len(v)))]
        result['tests'][key + '_permutation_p'] = permutation_p(vb, vo, rng)
    print(json.dumps(result, indent=1))
    if markdown:
        print(table(result))
    if plot:
        draw(engines, result, plot)
    return result


def draw(engines, result, path):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    fig, (ax1, ax2, ax3) = plt.subplots(1, 3, figsize=(12, 3.4), dpi=80)
    length = max(r['ps'] for e in engines.values() for r in e['runs'])
    grid = np.linspace(0, length, 400)
    colours = {'backmap': 'tab:blue', 'openmm': 'tab:orange'}
    for name, e in engines.items():
        ax1.step(grid, kaplan_meier(e['times'], e['events'], grid), where='post', color=colours[name],
                 label='%s (%d traj.)' % (name, len(e['runs'])))
    ax1.set_xlabel('time (ps)')
    ax1.set_ylabel('P(GLU5 chi1 still trans)')
    ax1.set_title('first exit from trans: log-rank p = %.2f' % result['tests']['logrank_p'], fontsize=9)
    ax1.legend(fontsize=8)
    width = 0.38
    for k, name in enumerate(('backmap', 'openmm')):
        r = result[name]
        ax2.bar(np.arange(3) + (k - 0.5) * width, [r['fractions'][s] for s in STATES], width,
                yerr=[r['fractions_se'][s] for s in STATES], color=colours[name], label=name, capsize=3)
    ax2.set_xticks(np.arange(3))
    ax2.set_xticklabels(STATES)
    ax2.set_ylabel('fraction of frames')
    ax2.set_title('chi1 populations: permutation p = %.2f' % result['tests']['population_permutation_p'], fontsize=9)
    ax2.legend(fontsize=8)
    edges = np.linspace(0, 360, 73)
    for name, e in engines.items():
        pooled = np.mod(np.concatenate([r['chi1'] for r in e['runs']]), 360)
        ax3.hist(pooled, bins=edges, density=True, histtype='step', color=colours[name], label=name)
    ax3.set_yscale('log')
    ax3.set_xlabel('GLU5 chi1 (deg, 0-360)')
    ax3.set_ylabel('density (all frames)')
    ax3.set_title('mean chi1 per trajectory: permutation p = %.2f' % result['tests']['chi1_mean_permutation_p'], fontsize=9)
    ax3.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest='mode', required=True)
    for mode in ('run-openmm', 'run-backmap'):
        s = sub.add_parser(mode)
        s.add_argument('pdb')
        s.add_argument('ps', type=float)
        s.add_argument('seed', type=int)
        s.add_argument('out')
    s = sub.add_parser('compare')
    s.add_argument('dir')
    s.add_argument('--plot')
    s.add_argument('--markdown', action='store_true', help='also print the README table')
    s = sub.add_parser('all')
    s.add_argument('pdb')
    s.add_argument('dir')
    s.add_argument('--n', type=int, default=20)
    s.add_argument('--first', type=int, default=1, help='first seed (several processes can share DIR)')
    s.add_argument('--ps', type=float, default=200)
    s.add_argument('--plot')
    s.add_argument('--engines', default='backmap,openmm')
    a = p.parse_args()
    if a.mode == 'run-openmm':
        run_openmm(a.pdb, a.ps, a.seed, a.out)
    elif a.mode == 'run-backmap':
        run_backmap(a.pdb, a.ps, a.seed, a.out)
    elif a.mode == 'compare':
        compare(a.dir, a.plot, markdown=a.markdown)
    else:
        os.makedirs(a.dir, exist_ok=True)
        for seed in range(a.first, a.first + a.n):
            for engine in a.engines.split(','):
                out = os.path.join(a.dir, '%s-%d.json' % (engine, seed))
                if not os.path.exists(out):
                    (run_openmm if engine == 'openmm' else run_backmap)(a.pdb, a.ps, seed, out)
                    print('%s seed %d done' % (engine, seed), file=sys.stderr, flush=True)
        compare(a.dir, a.plot, markdown=True)


if __name__ == '__main__':
    main()
