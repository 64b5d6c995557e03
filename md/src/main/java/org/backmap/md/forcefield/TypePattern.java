package org.backmap.md.forcefield;

import org.backmap.md.templates.AtomType;

/**
 * An atom pattern of a force-field parameter: a type name ({@code type1="protein-CT"}), an atom class
 * ({@code class1="CT"}) or the wildcard (an empty name), which matches every type.
 *
 * @param value the type or class name, empty for the wildcard
 * @param byClass whether {@code value} names an atom class
 */
public record TypePattern(String value, boolean byClass) {

  /** Whether this pattern matches every atom type. */
  public boolean isWildcard() {
    return value.isEmpty();
  }

  /** Whether {@code type} matches. */
  public boolean matches(AtomType type) {
    return value.isEmpty() || (byClass ? type.atomClass().equals(value) : type.name().equals(value));
  }
}
