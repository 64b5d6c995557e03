package org.backmap.backmapping.decode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.zip.GZIPInputStream;
import org.backmap.md.cg.CgModelReader;
import org.backmap.md.cg.CgStructure;
import org.backmap.md.protein.PreparationOptions;
import org.backmap.md.protein.PreparedProtein;
import org.backmap.md.structure.ModelReader;
import org.backmap.md.structure.Structure;
import org.backmap.md.structure.StructureException;
import org.backmap.md.structure.StructureReader;
import org.backmap.md.system.SystemBuilder;
import org.backmap.md.templates.TemplateLibrary;
import org.backmap.md.trajectory.DcdReader;

/**
 * The CG frames of one protein to decode, read one at a time so that a long trajectory is decoded in the memory
 * of a batch:
 *
 * <ul>
 *   <li>a CG PDB file as {@code backmap cg} writes it (recognised by its {@value CgStructure#BEAD_NAME} bead
 *       atoms), one model or several, plain or gzip;
 *   <li>an all-atom PDB or mmCIF file, one model or several, each model prepared as {@link PreparedProtein} does
 *       (protonation, hydrogens) and mapped to CG;
 *   <li>a DCD trajectory with a topology file, CG or all-atom, whose atoms (in file order) the DCD frames move.
 * </ul>
 *
 * Every frame must hold the atoms of the first; errors name the file, the frame or model, the residue and atom.
 */
public final class CgFrames implements Iterator<CgStructure>, AutoCloseable {
  private interface Source extends AutoCloseable {
    CgStructure next(); // null at the end

    @Override
    void close();
  }

  private final Source source;
  private final long total;
  private CgStructure pending;
  private boolean ended;

  private CgFrames(Source source, long total) {
    this.source = source;
    this.total = total;
  }

  /** The given frames. */
  public static CgFrames of(List<CgStructure> frames) {
    Iterator<CgStructure> it = List.copyOf(frames).iterator();
    return new CgFrames(new Source() {
      @Override
      public CgStructure next() {
        return it.hasNext() ? it.next() : null;
      }

      @Override
      public void close() {}
    }, frames.size());
  }

  /**
   * Every frame of {@code input} after the first {@code skip} (see {@link #open}), in memory.
   *
   * @throws StructureException naming the file when no frame is left
   */
  public static List<CgStructure> readAll(Path input, Path topology, PreparationOptions preparation, int skip) throws IOException {
    List<CgStructure> frames = new java.util.ArrayList<>();
    try (CgFrames all = open(input, topology, preparation)) {
      for (int f = 0; all.hasNext(); f++) {
        CgStructure cg = all.next();
        if (f >= skip) {
          frames.add(cg);
        }
      }
    }
    if (frames.isEmpty()) {
      throw new StructureException(input.toString(), "holds no frame after the first " + skip);
    }
    return frames;
  }

  /**
   * The frames of {@code input}: a DCD file needs {@code topology} (a CG PDB or an all-atom PDB/mmCIF file with
   * the DCD's atoms in its order); any other input is a CG or all-atom structure file and {@code topology} must be
   * null. All-atom structures are prepared with {@code preparation}.
   *
   * @throws IllegalArgumentException when a DCD comes without topology, or a topology without a DCD
   * @throws StructureException naming the file when the input cannot be used (no atoms, atom counts that differ)
   */
  public static CgFrames open(Path input, Path topology, PreparationOptions preparation) throws IOException {
    TemplateLibrary library = preparation.library();
    String name = input.getFileName().toString();
    if (name.toLowerCase(Locale.ROOT).endsWith(".dcd")) {
      if (topology == null) {
        throw new IllegalArgumentException(name + ": a DCD trajectory needs a topology file (the structure whose atoms it moves)");
      }
      return dcd(input, topology, preparation);
    }
    if (topology != null) {
      throw new IllegalArgumentException("a topology file goes with a DCD trajectory, not with " + name);
    }
    if (isCgFile(input)) {
      CgModelReader models = new CgModelReader(input, library);
      long count = countModels(input);
      return new CgFrames(new Source() {
        @Override
        public CgStructure next() {
          return models.hasNext() ? models.next() : null;
        }

        @Override
        public void close() {
          models.close();
        }
      }, count);
    }
    long count = StructureReader.modelCount(input);
    ModelReader models = StructureReader.models(input);
    return new CgFrames(new Source() {
      @Override
      public CgStructure next() {
        return models.hasNext() ? PreparedProtein.of(models.next(), preparation).cg() : null;
      }

      @Override
      public void close() {
        models.close();
      }
    }, count);
  }

  private static CgFrames dcd(Path input, Path topology, PreparationOptions preparation) throws IOException {
    String name = input.getFileName().toString();
    String topName = topology.getFileName().toString();
    boolean cg = isCgFile(topology);
    CgStructure cgTop = cg ? CgStructure.read(topology, preparation.library()) : null;
    Structure aaTop = cg ? null : StructureReader.read(topology);
    int atoms = cg ? cgTop.particleCount() : aaTop.atomCount();
    DcdReader reader = new DcdReader(input);
    if (reader.atoms() != atoms) {
      reader.close();
      throw new StructureException(name, "has " + reader.atoms() + " atoms per frame but the topology " + topName + " has " + atoms
          + (cg ? " CG particles" : " atoms"));
    }
    if (reader.frames() == 0) {
      reader.close();
      throw new StructureException(name, "holds no frames");
    }
    double[] xyz = new double[3 * atoms];
    double[] nm = cg ? null : new double[3 * atoms];
    return new CgFrames(new Source() {
      @Override
      public CgStructure next() {
        if (!reader.hasNext()) {
          return null;
        }
        long k;
        try {
          k = reader.next(xyz);
        } catch (IOException e) {
          throw new UncheckedIOException(e.getMessage(), e);
        }
        String label = name + " frame " + (k + 1);
        if (cg) {
          return cgTop.withParticles(label, xyz);
        }
        for (int i = 0; i < xyz.length; i++) {
          nm[i] = xyz[i] / 10;
        }
        Structure s = SystemBuilder.withPositionsNm(aaTop, nm);
        return PreparedProtein.of(new Structure(label, s.chains(), List.of()), preparation).cg();
      }

      @Override
      public void close() {
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }, reader.frames());
  }

  /**
   * Whether {@code file} is a CG PDB file (plain or gzip): an ATOM record of its first model is a bead
   * ({@value CgStructure#BEAD_NAME}). mmCIF files are all-atom.
   */
  public static boolean isCgFile(Path file) throws IOException {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.contains(".cif") || !Files.isRegularFile(file)) {
      return false;
    }
    try (BufferedReader r = reader(file)) {
      for (String l = r.readLine(); l != null && !l.startsWith("ENDMDL"); l = r.readLine()) {
        if ((l.startsWith("ATOM") || l.startsWith("HETATM")) && l.length() >= 16 && l.substring(12, 16).trim().equals(CgStructure.BEAD_NAME)) {
          return true;
        }
      }
    }
    return false;
  }

  private static long countModels(Path file) throws IOException {
    long models = 0;
    try (BufferedReader r = reader(file)) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        if (l.startsWith("MODEL")) {
          models++;
        }
      }
    }
    return Math.max(1, models);
  }

  private static BufferedReader reader(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      in = new GZIPInputStream(in, 1 << 16);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16);
  }

  /** Number of frames the input declares (models or DCD frames); the frames read may be fewer if it is cut short. */
  public long declared() {
    return total;
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !ended) {
      pending = source.next();
      ended = pending == null;
    }
    return pending != null;
  }

  @Override
  public CgStructure next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more frames");
    }
    CgStructure s = pending;
    pending = null;
    return s;
  }

  @Override
  public void close() {
    source.close();
  }
}
