package org.backmap.md.structure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names one residue of a structure: chain identifier, author sequence number and insertion code, written
 * {@code A:57} or {@code A:57A}.
 *
 * @param chain chain identifier
 * @param number author sequence number
 * @param insertionCode insertion code, a space when none
 */
public record ResidueKey(String chain, int number, char insertionCode) {
  private static final Pattern FORMAT = Pattern.compile("(.*):(-?\\d+)([A-Za-z]?)");

  public ResidueKey {
    if (chain == null) {
      throw new IllegalArgumentException("a residue key needs a chain identifier");
    }
  }

  /** The key of residue {@code r} in chain {@code chainId}. */
  public static ResidueKey of(String chainId, Residue r) {
    return new ResidueKey(chainId, r.number(), r.insertionCode());
  }

  /**
   * Parses {@code chain:number[insertion code]}, e.g. {@code A:57}, {@code A:57A}, {@code B:-3}.
   *
   * @throws IllegalArgumentException naming the text when it has another form
   */
  public static ResidueKey parse(String text) {
    Matcher m = FORMAT.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("residue key '" + text + "' is not chain:number[insertion code], e.g. A:57 or A:57A");
    }
    String ins = m.group(3);
    return new ResidueKey(m.group(1), Integer.parseInt(m.group(2)), ins.isEmpty() ? ' ' : ins.charAt(0));
  }

  /** E.g. {@code A:57} or {@code A:57A}, the form {@link #parse} reads. */
  @Override
  public String toString() {
    return chain + ":" + number + (insertionCode == ' ' ? "" : String.valueOf(insertionCode));
  }
}
