package dev.migrate.codegen;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;

/**
 * Names of new revisions: the revision id and the migration class name.
 *
 * <p>Class names are {@code R} + the creation time to the second + the message in UpperCamelCase,
 * for example {@code R20261121_153012_AddPhone} for "add phone" at 2026-11-21 15:30:12. The time
 * has a fixed width, so the classes of a package sort by creation in any file listing, also when
 * several are created in the same minute, and two revisions only share a name when they have the
 * same message and were created in the same second (the {@link MigrationWriter#write writer} then
 * refuses to overwrite the first). Seconds are always present: a name that had them only on a
 * collision would sort before the earlier class of the same minute.
 */
public final class RevisionNames {

  /** How long the message part of a class name may get; longer messages keep their first words. */
  public static final int MAX_SLUG_LENGTH = 60;

  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  /** Letters that Unicode decomposition does not reduce to ASCII, spelled the usual way. */
  private static final Map<Character, String> TRANSLITERATIONS =
      Map.of(
          'ß', "ss", 'æ', "ae", 'Æ', "Ae", 'ø', "o", 'Ø', "O", 'œ', "oe", 'Œ', "Oe", 'ł', "l", 'Ł',
          "L", 'đ', "d");

  private static final SecureRandom RANDOM = new SecureRandom();

  private RevisionNames() {}

  /**
   * A new random revision id: 12 lower-case hex digits (48 random bits), like Alembic's {@code
   * uuid4().hex[-12:]}, for example {@code "3f2a9c1d7b04"}.
   */
  public static String newRevisionId() {
    byte[] bytes = new byte[6];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /**
   * The class name of a migration with {@code message} created at {@code createdAt}: {@code
   * R20261121_153012_AddPhone}, or {@code R20261121_153012} when the message has no letters or
   * digits. Always a valid Java identifier.
   *
   * @param message the message as typed; {@code null} or blank for none
   * @param createdAt the creation time, as the clock of the machine that runs autogen shows it
   */
  public static String className(String message, LocalDateTime createdAt) {
    String name = "R" + TIMESTAMP.format(createdAt);
    String slug = slug(message);
    return slug.isEmpty() ? name : name + "_" + slug;
  }

  /**
   * The message as an UpperCamelCase run of ASCII letters and digits: words split at anything else,
   * each word's first letter upper-cased and the rest kept as typed ({@code "add phone_number"} →
   * {@code AddPhoneNumber}, {@code "Add HTTP URL"} → {@code AddHTTPURL}), accents dropped ({@code
   * "café"} → {@code Cafe}), other scripts left out. Whole words up to {@link #MAX_SLUG_LENGTH}
   * characters; a first word longer than that is cut. Empty for a {@code null} message or one
   * without letters or digits.
   */
  public static String slug(String message) {
    if (message == null) {
      return "";
    }
    StringBuilder ascii = new StringBuilder();
    String decomposed = Normalizer.normalize(message, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    for (char c : decomposed.toCharArray()) {
      ascii.append(TRANSLITERATIONS.getOrDefault(c, String.valueOf(c)));
    }
    StringBuilder slug = new StringBuilder();
    for (String word : ascii.toString().split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) {
        continue;
      }
      String camel = Character.toUpperCase(word.charAt(0)) + word.substring(1);
      if (slug.length() + camel.length() > MAX_SLUG_LENGTH) {
        if (slug.length() == 0) {
          slug.append(camel, 0, MAX_SLUG_LENGTH);
        }
        break;
      }
      slug.append(camel);
    }
    return slug.toString();
  }
}
