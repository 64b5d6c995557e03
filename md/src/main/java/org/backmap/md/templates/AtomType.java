package org.backmap.md.templates;

import org.backmap.md.structure.Element;

/**
 * An ff14SB atom type.
 *
 * @param name type name, e.g. {@code protein-CT}
 * @param atomClass AMBER atom class, e.g. {@code CT}
 * @param element element
 * @param mass force-field mass (Da)
 */
public record AtomType(String name, String atomClass, Element element, double mass) {}
