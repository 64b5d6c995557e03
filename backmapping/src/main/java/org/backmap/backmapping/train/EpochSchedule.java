package org.backmap.backmapping.train;

import org.backmap.md.dataset.ResidueType;

/**
 * How many epochs each residue type is trained for: the reference's schedule, capped so that no type sees more
 * than {@code budgetExamples} training examples in all, nor more than {@code maxEpochs} epochs. The reference gave
 * types with few examples many epochs (HIE 300, ASH 2,000); the caps keep the whole set of types within a fixed
 * budget of compute.
 *
 * @param budgetExamples most training examples one type sees over all its epochs (at least 1)
 * @param maxEpochs most epochs of one type (at least 1)
 */
public record EpochSchedule(long budgetExamples, int maxEpochs) {

  /** Validates. */
  public EpochSchedule {
    if (budgetExamples < 1 || maxEpochs < 1) {
      throw new IllegalArgumentException("invalid epoch schedule: budget " + budgetExamples + " examples, at most " + maxEpochs + " epochs");
    }
  }

  /** 160,000 examples and 300 epochs per type. */
  public static EpochSchedule defaults() {
    return new EpochSchedule(160_000, 300);
  }

  /**
   * The reference's epochs: 20 by default; ARG PHE TYR 40; ASP GLU HID LYS LYN MET PRO 30; CYS CYX CYM TRP 100; HIE
   * 300; ASH GLH HIP 2,000; the unconditional GLY, Nterm and NPRO 10. (CYX, CYM and LYN, which the reference did not
   * model, take the epochs of their parent type.)
   */
  public static int referenceEpochs(String type) {
    if (ResidueType.UNCONDITIONAL.contains(type)) {
      return 10;
    }
    return switch (type) {
      case "ARG", "PHE", "TYR" -> 40;
      case "ASP", "GLU", "HID", "LYS", "LYN", "MET", "PRO" -> 30;
      case "CYS", "CYX", "CYM", "TRP" -> 100;
      case "HIE" -> 300;
      case "ASH", "GLH", "HIP" -> 2000;
      default -> 20;
    };
  }

  /** The epochs of {@code type} when each epoch takes {@code examplesPerEpoch} training examples. */
  public int epochs(String type, long examplesPerEpoch) {
    long byBudget = (budgetExamples + Math.max(1, examplesPerEpoch) - 1) / Math.max(1, examplesPerEpoch);
    return (int) Math.max(1, Math.min(referenceEpochs(type), Math.min(maxEpochs, byBudget)));
  }
}
