package org.backmap.md.dataset;

import java.util.HashMap;
import java.util.Map;
import org.backmap.md.templates.TemplateLibrary;

/**
 * Class labels of environment particles: the ff14SB atom types in sorted order (0..33) for atoms, followed by
 * the ff14SB residue templates in sorted order (34..111, terminal variants included) for beads.
 */
public final class ParticleClasses {
  private final Map<String, Integer> typeIndex = new HashMap<>();
  private final Map<String, Integer> templateIndex = new HashMap<>();
  private final int count;

  /** The classes of {@code library}. */
  public ParticleClasses(TemplateLibrary library) {
    for (String t : library.atomTypeNames()) {
      typeIndex.put(t, typeIndex.size());
    }
    for (String t : library.templateNames()) {
      templateIndex.put(t, typeIndex.size() + templateIndex.size());
    }
    count = typeIndex.size() + templateIndex.size();
  }

  /** Number of classes (112 for ff14SB). */
  public int count() {
    return count;
  }

  /** Class of an atom of this atom type. */
  public int ofAtomType(String atomTypeName) {
    Integer i = typeIndex.get(atomTypeName);
    if (i == null) {
      throw new IllegalArgumentException("unknown atom type " + atomTypeName);
    }
    return i;
  }

  /** Class of a bead of this residue template. */
  public int ofBead(String templateName) {
    Integer i = templateIndex.get(templateName);
    if (i == null) {
      throw new IllegalArgumentException("unknown template " + templateName);
    }
    return i;
  }
}
