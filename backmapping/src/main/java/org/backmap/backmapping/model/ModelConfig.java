package org.backmap.backmapping.model;

import java.util.List;
import org.backmap.autodiff.DType;
import org.backmap.flows.FlowConfig;
import org.backmap.gaattention.VectorAttentionConfig;
import org.backmap.md.dataset.ExampleExtractor;
import org.backmap.md.dataset.ParticleClasses;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.nn.Activation;

/**
 * Architecture of one {@link ResidueModel}; a plain record, stored in the model file so that a model is rebuilt
 * from its file alone.
 *
 * @param type residue type
 * @param preset the preset it came from ({@link Preset#id()})
 * @param torsions per BAT dimension: true for torsions ({@link BatLayout})
 * @param conditional whether the density depends on an environment (false for GLY, Nterm, NPRO)
 * @param particles environment particles read, nearest first (at most {@value ExampleExtractor#ENVIRONMENT_SIZE})
 * @param classes particle classes
 * @param width encoder width E
 * @param attentionBlocks encoder blocks before pooling
 * @param contextHidden units of the dense ReLU layer from the description to the base parameters
 * @param flowBlocks masked autoregressive spline blocks (orders forward, random, reverse, ...)
 * @param bins spline bins on {@code [-pi, pi]}
 * @param madeHidden units of the MADE's one hidden layer (tanh)
 * @param flowOnTorsionsOnly if true, the splines act on the torsions only and bonds and angles follow the base
 * @param seed seed of the encoder's initial weights (the flow's weights and random order use seed 42)
 * @param beadFrame if true, the flow's context is the description followed by the bead's position in the frame of
 *     the group's three Z-matrix roots ({@link Environments#frame()}); model files written before this field read
 *     false
 */
public record ModelConfig(String type, String preset, List<Boolean> torsions, boolean conditional, int particles,
    int classes, int width, int attentionBlocks, int contextHidden, int flowBlocks, int bins, int madeHidden,
    boolean flowOnTorsionsOnly, long seed, boolean beadFrame) {

  /** Scale from the dataset's Angstrom to the encoder's input unit (nm), keeping {@code r . r} of order 1. */
  public static final double ENVIRONMENT_SCALE = 0.1;
  /** Location and spread of the fixed base of the unconditional models: N(0, 0.5) and von Mises(0, 1). */
  public static final double UNCONDITIONAL_SIGMA = 0.5;
  /** Concentration of the fixed von Mises base of the unconditional models. */
  public static final double UNCONDITIONAL_KAPPA = 1.0;

  /** Validates sizes. */
  public ModelConfig {
    torsions = List.copyOf(torsions);
    if (torsions.isEmpty() || particles < 1 || particles > ExampleExtractor.ENVIRONMENT_SIZE || classes < 1
        || width < 1 || attentionBlocks < 0 || contextHidden < 1 || flowBlocks < 0 || bins < 2 || madeHidden < 1) {
      throw new IllegalArgumentException("invalid model configuration: " + this);
    }
  }

  /** The configuration of {@code preset} for {@code type}. */
  public static ModelConfig of(Preset preset, String type, long seed) {
    BatLayout layout = BatLayout.of(type);
    boolean conditional = !org.backmap.md.dataset.ResidueType.UNCONDITIONAL.contains(type);
    int classes = new ParticleClasses(TemplateLibrary.ff14SB()).count();
    return switch (preset) {
      case REFERENCE -> new ModelConfig(type, preset.id(), layout.torsionMask(), conditional,
          ExampleExtractor.ENVIRONMENT_SIZE, classes, 10 * Math.max(1, layout.sideChainHeavyAtoms()), 2, 100, 3, 20,
          100, false, seed, false);
      // a fixed base cannot model bonds and angles alone, so unconditional types keep the splines on everything;
      // the bead's position in the roots' frame pins the torsions down, which the pooled description alone did not
      case DEFAULT -> new ModelConfig(type, preset.id(), layout.torsionMask(), conditional, 32, classes, 16, 1, 100,
          2, 8, 100, conditional, seed, conditional);
    };
  }

  /** Width of the flow's context: 0 for unconditional types. */
  public int contextDims() {
    return conditional ? width + (beadFrame ? Environments.FRAME_DIMS : 0) : 0;
  }

  /** Length of the BAT vector. */
  public int dims() {
    return torsions.size();
  }

  /** The environment encoder's architecture (float32). */
  public VectorAttentionConfig encoderConfig() {
    return new VectorAttentionConfig(width, classes, attentionBlocks, DType.F32);
  }

  /**
   * The flow's architecture (float32): context = the description (E), plus the bead's frame coordinates (3) with
   * {@link #beadFrame()}, for conditional types, none otherwise; base parameters through one dense ReLU layer of
   * {@link #contextHidden()}.
   */
  public FlowConfig flowConfig() {
    return new FlowConfig(torsions, contextDims(), madeHidden, 1, bins, flowBlocks, Math.PI,
        flowOnTorsionsOnly, List.of(contextHidden), FlowConfig.DEFAULT_SEED, DType.F32, Activation.TANH);
  }
}
