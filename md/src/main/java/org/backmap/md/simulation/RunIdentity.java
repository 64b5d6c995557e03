package org.backmap.md.simulation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SequencedMap;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.system.ForceFieldSystem;

/**
 * What makes two runs the same run: the system (atoms, masses, charges, start positions, as a SHA-256
 * fingerprint) and the settings that decide the trajectory, including whether a PDB trajectory is written.
 *
 * @param system the system fingerprint
 * @param settings {@code name -> value} of the trajectory-defining settings
 */
record RunIdentity(String system, SequencedMap<String, String> settings) {

  static RunIdentity of(PreparedProtein protein, SimulationSettings settings, TrajectoryFiles files) {
    SequencedMap<String, String> s = settings.trajectoryDefining();
    s.put("pdb", Boolean.toString(files.pdb() != null));
    return new RunIdentity(fingerprint(protein), s);
  }

  private static String fingerprint(PreparedProtein protein) {
    ForceFieldSystem system = protein.system();
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      int n = system.atomCount();
      double[] charges = system.nonbonded().charges();
      double[] x = protein.positionsNm();
      ByteBuffer b = ByteBuffer.allocate(8 * (2 + 5 * n));
      b.putLong(n).putLong(system.constraints().length().length);
      for (int i = 0; i < n; i++) {
        b.putDouble(system.masses()[i]).putDouble(charges[i]);
        b.putDouble(x[3 * i]).putDouble(x[3 * i + 1]).putDouble(x[3 * i + 2]);
        sha.update(system.atomLabel(i).getBytes(StandardCharsets.UTF_8));
      }
      sha.update(b.array());
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Throws unless {@code checkpoint} was written by this run, naming what differs. */
  void requireSameAs(RestartCheckpoint checkpoint, Path file, String source) {
    if (!checkpoint.system().equals(system)) {
      throw new RestartException(file + " was written for another system than " + source + " (other atoms or start positions)");
    }
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String then = checkpoint.settings().get(e.getKey());
      if (!e.getValue().equals(then)) {
        throw new RestartException(file + " was written with " + e.getKey() + "=" + (then == null ? "(unset)" : then)
            + ", this run has " + e.getKey() + "=" + e.getValue());
      }
    }
    if (!checkpoint.settings().keySet().equals(settings.keySet())) {
      throw new RestartException(file + " was written with other settings: " + checkpoint.settings());
    }
  }
}
