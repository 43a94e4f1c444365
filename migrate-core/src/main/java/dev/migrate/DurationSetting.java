package dev.migrate;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A duration setting as users type it ({@code -Dmigrate.lockTimeout=5s}): a whole number and one of
 * PostgreSQL's time units, {@code ms}, {@code s}, {@code min} or {@code h} ({@code 500ms}, {@code
 * 5s}, {@code 2min}), as in {@code SET lock_timeout = '5s'}; {@code 0} alone for zero.
 *
 * <p>A number without a unit is refused rather than guessed: PostgreSQL reads a bare number as
 * milliseconds, while {@code -Dmigrate.lockTimeout} of earlier Migrate versions meant seconds.
 */
public final class DurationSetting {

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h)");

  private DurationSetting() {}

  /**
   * Parses {@code text}.
   *
   * @param source the setting, for messages, for example {@code -Dmigrate.lockTimeout}
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) naming the setting, the value and
   *     the accepted forms when {@code text} is not one of them
   */
  public static Duration parse(String text, String source) {
    String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = FORM.matcher(value);
    if (!m.matches()) {
      boolean bare = value.matches("\\d+");
      throw new MigrateException(
          ErrorCode.CONFIGURATION,
          source
              + "="
              + text
              + (bare ? " has no unit" : " is not a duration")
              + ": write a whole number and a unit, ms, s, min or h, for example "
              + (bare ? value + "s or " + value + "ms" : "500ms, 5s or 2min")
              + ".");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "min" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    };
  }
}
