package org.backmap.md.templates;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ff14SB residue template: atoms in template order, intra-residue bonds and the atoms that bond to
 * neighbouring residues. Terminal variants are separate templates ({@code NALA}, {@code CALA}).
 */
public final class ResidueTemplate {
  private final String name;
  private final List<TemplateAtom> atoms;
  private final Map<String, Integer> index = new HashMap<>();
  private final List<int[]> bonds;
  private final int[][] neighbours;
  private final Set<String> externalBonds;

  ResidueTemplate(String name, List<TemplateAtom> atoms, List<int[]> bonds, Set<String> externalBonds) {
    this.name = name;
    this.atoms = List.copyOf(atoms);
    for (int i = 0; i < atoms.size(); i++) {
      index.put(atoms.get(i).name(), i);
    }
    this.bonds = List.copyOf(bonds);
    List<List<Integer>> nb = new ArrayList<>();
    for (int i = 0; i < atoms.size(); i++) {
      nb.add(new ArrayList<>());
    }
    for (int[] b : bonds) {
      nb.get(b[0]).add(b[1]);
      nb.get(b[1]).add(b[0]);
    }
    neighbours = new int[atoms.size()][];
    for (int i = 0; i < atoms.size(); i++) {
      neighbours[i] = nb.get(i).stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    this.externalBonds = new TreeSet<>(externalBonds);
  }

  /** Template name, e.g. {@code HIE}, {@code NALA}, {@code CGLY}. */
  public String name() {
    return name;
  }

  /** Atoms in template order. */
  public List<TemplateAtom> atoms() {
    return atoms;
  }

  /** Number of atoms. */
  public int size() {
    return atoms.size();
  }

  /** Atom {@code i}. */
  public TemplateAtom atom(int i) {
    return atoms.get(i);
  }

  /** Index of the atom called {@code atomName}, or -1. */
  public int indexOf(String atomName) {
    return index.getOrDefault(atomName, -1);
  }

  /** Whether the template has an atom called {@code atomName}. */
  public boolean has(String atomName) {
    return index.containsKey(atomName);
  }

  /** Intra-residue bonds as pairs of atom indices. */
  public List<int[]> bonds() {
    return bonds;
  }

  /** Indices of the atoms bonded to atom {@code i} within the residue, ascending. */
  public int[] neighbours(int i) {
    return neighbours[i].clone();
  }

  /** Names of the atoms with a bond to another residue (e.g. {@code N}, {@code C}; {@code SG} in CYX). */
  public Set<String> externalBonds() {
    return externalBonds;
  }

  /** Whether this is an N-terminal (NH3+) template. */
  public boolean isNTerminal() {
    return has("H2") && has("H3") && has("CA");
  }

  /** Whether this is a C-terminal (COO-) template. */
  public boolean isCTerminal() {
    return has("OXT");
  }

  /** Whether this template is a capping group (ACE, NME, NHE) rather than an amino acid. */
  public boolean isCap() {
    return !has("CA");
  }

  /** The template's amino acid without terminal prefix, e.g. {@code ALA} for {@code NALA} and {@code CALA}. */
  public String residueName() {
    return name.length() == 4 && (isNTerminal() || isCTerminal()) ? name.substring(1) : name;
  }

  @Override
  public String toString() {
    return name;
  }
}
