package org.backmap.base.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files, the one way input files, datasets and models are identified. */
public final class Sha256 {
  private Sha256() {}

  /**
   * SHA-256 of a file's bytes, lower-case hex, read as a stream (memory does not grow with the file).
   *
   * @throws IOException naming the file when it cannot be read
   */
  public static String of(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new IOException("cannot read " + file, e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
