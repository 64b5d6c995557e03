#!/usr/bin/env python3
"""Clash rate per residue type over an evaluation folder (`backmap evaluate -o DIR`): for the first N models of
every DIR/*/decoded.pdb, the fraction of residues of each type with a side-chain atom (anything but N, CA, C, O, OXT,
H, H1-H3, HA, HA2, HA3) within 1.2 A of an atom of another residue, all residues pooled; and whether the clashing
side chain touches only residues before it in the sequence (decoded earlier) or only residues after it.

Usage: python3 clash_by_type.py EVALUATION_DIR [N=20]   (needs numpy)
"""
import collections
import glob
import sys

import numpy as np

BACKBONE = {'N', 'CA', 'C', 'O', 'OXT', 'H', 'H1', 'H2', 'H3', 'HA', 'HA2', 'HA3'}


def models(path):
    atoms = []
    for line in open(path):
        if line.startswith(('ATOM', 'HETATM')):
            atoms.append(((line[21], int(line[22:26]), line[26]), line[17:20].strip(), line[12:16].strip(),
                          (float(line[30:38]), float(line[38:46]), float(line[46:54]))))
        elif line.startswith('ENDMDL'):
            yield atoms
            atoms = []
    if atoms:
        yield atoms


def main(folder, n):
    total, clashing, earlier, later = (collections.Counter() for _ in range(4))
    for path in sorted(glob.glob(folder + '/*/decoded.pdb')):
        for k, model in enumerate(models(path)):
            if k >= n:
                break
            x = np.array([a[3] for a in model])
            index = {r: i for i, r in enumerate(dict.fromkeys(a[0] for a in model))}
            res = np.array([index[a[0]] for a in model])
            names = {index[a[0]]: a[1] for a in model}
            side = np.nonzero([a[2] not in BACKBONE for a in model])[0]
            d2 = ((x[side, None, :] - x[None, :, :]) ** 2).sum(-1)
            close = (d2 < 1.2 ** 2) & (res[side][:, None] != res[None, :])
            sides = collections.defaultdict(set)
            for i, j in zip(*np.nonzero(close)):
                sides[res[side[i]]].add('later' if res[j] > res[side[i]] else 'earlier')
            for r, name in names.items():
                total[name] += 1
            for r, s in sides.items():
                clashing[names[r]] += 1
                earlier[names[r]] += s == {'earlier'}
                later[names[r]] += s == {'later'}
    all_clashing = sum(clashing.values())
    print('all residues: %.2f %% clashing (%d of %d)' % (100 * all_clashing / sum(total.values()), all_clashing,
                                                         sum(total.values())))
    print('type  clashing/residues  rate  share  only-earlier  only-later')
    for name, c in clashing.most_common():
        print('%-4s %7d/%7d %5.1f %% %5.1f %% %6.1f %% %6.1f %%' % (name, c, total[name], 100 * c / total[name],
              100 * c / all_clashing, 100 * earlier[name] / c, 100 * later[name] / c))


if __name__ == '__main__':
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 20)
