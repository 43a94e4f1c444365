package dev.migrate.runner;

import dev.migrate.ops.CanonicalOps;
import dev.migrate.ops.Op;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The checksum of a revision's upgrade ops, as {@code migrate_history.checksum} records it, in the
 * formats Migrate has written.
 *
 * <ul>
 *   <li><b>v2</b> (written now): {@code v2:} followed by the SHA-256 digest of the UTF-8 bytes of
 *       the ops' canonical text ({@link CanonicalOps}), in unpadded base64url (RFC 4648, section
 *       5): 46 characters, for example {@code v2:3q2-7wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA}. The
 *       canonical text is defined field by field, so a new Migrate or a new JDK changes no checksum
 *       of an unchanged revision. It fits the {@code varchar(64)} column of history tables created
 *       before it.
 *   <li><b>v1</b> (legacy, written before v2): 64 lowercase hex digits, the SHA-256 digest of each
 *       op's {@code Record.toString()} followed by {@code \n}. The JDK documents that text as
 *       unspecified, and a record component added to an op in a later Migrate changes it, which
 *       would flag every revision applied before as edited; that is why v2 replaced it.
 * </ul>
 *
 * <p>A recorded checksum is verified in the format it was written in ({@link #formatOf}: a {@code
 * v2:} prefix, or 64 hex digits for v1), so that databases upgraded by an earlier Migrate still
 * verify without a repair. A v1 checksum keeps verifying as long as the records of the revision's
 * ops keep their components; when it no longer does, {@code repair} records the v2 checksum.
 */
public final class Checksums {

  /** The prefix of the format written now. */
  public static final String PREFIX = CanonicalOps.FORMAT + ":";

  private static final Pattern V1 = Pattern.compile("[0-9a-f]{64}");

  /** The formats of a recorded checksum. */
  public enum Format {
    /** The legacy format: hex SHA-256 of the ops' {@code toString()}. */
    V1,
    /** {@code v2:} and base64url SHA-256 of the canonical text ({@link CanonicalOps}). */
    V2,
    /** A format this Migrate does not know (written by a later one, or by hand). */
    UNKNOWN
  }

  private Checksums() {}

  /** The checksum of {@code ops} in the format written now (v2). */
  public static String of(List<? extends Op> ops) {
    return PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(sha256(CanonicalOps.text(ops).getBytes(StandardCharsets.UTF_8)));
  }

  /** The checksum of {@code ops} in the legacy format v1 (see the class comment). */
  public static String legacy(List<? extends Op> ops) {
    StringBuilder text = new StringBuilder();
    for (Op op : ops) {
      text.append(op).append('\n');
    }
    return HexFormat.of().formatHex(sha256(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /** The format {@code recorded} was written in. */
  public static Format formatOf(String recorded) {
    if (recorded.startsWith(PREFIX)) {
      return Format.V2;
    }
    return V1.matcher(recorded).matches() ? Format.V1 : Format.UNKNOWN;
  }

  /**
   * The checksum of {@code ops} in the format of {@code recorded}, to compare with it; {@link #of}
   * for an unknown format.
   */
  public static String sameFormatAs(String recorded, List<? extends Op> ops) {
    return formatOf(recorded) == Format.V1 ? legacy(ops) : of(ops);
  }

  /** Whether {@code recorded} is the checksum of {@code ops}, in the format it was written in. */
  public static boolean matches(String recorded, List<? extends Op> ops) {
    return formatOf(recorded) != Format.UNKNOWN && recorded.equals(sameFormatAs(recorded, ops));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
