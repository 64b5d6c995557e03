package org.backmap.backmapping.report;

/**
 * A residue type with a model or with validation data that was not evaluated.
 *
 * @param type the type
 * @param reason why, e.g. {@code no validation examples in DATASET_DIR}
 */
public record SkippedType(String type, String reason) {}
