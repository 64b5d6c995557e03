package org.backmap.flows.distributions;

import java.util.random.RandomGenerator;
import org.backmap.autodiff.Shapes;
import org.backmap.autodiff.Tensor;

/**
 * Von Mises distributions on the circle {@code (-pi, pi]}:
 * {@code log p(x) = kappa cos(x - mu) - log(2 pi) - log I0(kappa)}. The density is periodic, so a value outside
 * the interval is scored as its representative inside. {@code log I0} and its derivative {@code I1/I0} come from
 * {@link Bessel} and stay finite for {@code kappa} from 1e-6 to 1e4.
 */
public final class VonMises implements Distribution {

  private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

  private final Tensor loc;
  private final Tensor concentration;

  /** Elementwise von Mises with mean direction {@code loc} and concentration {@code kappa >= 0} (broadcast). */
  public VonMises(Tensor loc, Tensor concentration) {
    this.loc = loc;
    this.concentration = concentration;
  }

  /** {@code log I0(kappa)}, differentiable (derivative {@code I1(kappa)/I0(kappa)}). */
  public static Tensor logI0(Tensor kappa) {
    return kappa.map("logI0", Bessel::logI0, Bessel::i1OverI0);
  }

  @Override
  public Tensor logProb(Tensor value) {
    return concentration.mul(value.sub(loc).cos()).sub(LOG_TWO_PI).sub(logI0(concentration));
  }

  /** Exact draws by Best and Fisher's (1979) wrapped-Cauchy rejection sampler; not differentiable. */
  @Override
  public Tensor sample(RandomGenerator rng) {
    int[] shape = sampleShape();
    Tensor mu = loc.detach().expand(shape);
    Tensor kappa = concentration.detach().expand(shape);
    Tensor out = Tensor.zeros(loc.dtype(), shape);
    for (int i = 0; i < out.size(); i++) {
      out.setFlat(i, Angles.wrap(mu.getFlat(i) + sampleCentered(kappa.getFlat(i), rng)));
    }
    return out;
  }

  /** One draw from a von Mises with mean 0 and concentration {@code kappa}. */
  static double sampleCentered(double kappa, RandomGenerator rng) {
    if (kappa < 1e-12) {
      return Math.PI * (2 * rng.nextDouble() - 1); // the density is uniform to 1e-12
    }
    // tau - sqrt(2 tau), with tau = 1 + s and s = sqrt(1 + 4 kappa^2), rewritten without cancellation at small kappa
    double s = Math.sqrt(1 + 4 * kappa * kappa);
    double tau = 1 + s;
    double tauMinusTwo = 4 * kappa * kappa / (s + 1);
    double rho = tau * tauMinusTwo / (tau + Math.sqrt(2 * tau)) / (2 * kappa);
    double r = (1 + rho * rho) / (2 * rho);
    while (true) {
      double z = Math.cos(Math.PI * rng.nextDouble());
      double f = (1 + r * z) / (r + z);
      double c = kappa * (r - f);
      double u2 = rng.nextDouble();
      if (c * (2 - c) - u2 > 0 || Math.log(c / u2) + 1 - c >= 0) {
        double theta = Math.acos(Math.max(-1, Math.min(1, f)));
        return rng.nextDouble() < 0.5 ? -theta : theta;
      }
    }
  }

  @Override
  public int[] sampleShape() {
    return Shapes.broadcast(loc.shape(), concentration.shape());
  }
}
