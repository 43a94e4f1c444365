package dev.migrate.processor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * How names written in (or implied by) the entity classes become the names PostgreSQL stores.
 *
 * <p>A name is first turned into a physical name by the naming strategy Hibernate is configured
 * with ({@link #JPA}, Hibernate's default, or {@link #SNAKE_CASE}, Spring Boot's default); then, as
 * PostgreSQL does, an unquoted name is folded to lower case and a quoted one is kept as written
 * (PostgreSQL docs, 4.1.1 Identifiers and Key Words). A name is quoted when an annotation writes it
 * in double quotes or backticks, for example {@code @Table(name = "\"Order\"")}; the quotes are not
 * part of the stored name.
 *
 * <p>Names of constraints and indexes that the entities leave unnamed are the names PostgreSQL
 * itself would choose ({@link #objectName}), so a migration and a hand-written {@code CREATE TABLE}
 * agree.
 */
enum Naming {

  /**
   * Hibernate's default: the logical name is the physical name ({@code
   * PhysicalNamingStrategyStandardImpl}); a field {@code firstName} becomes the unquoted {@code
   * firstName}, which PostgreSQL stores as {@code firstname}.
   */
  JPA("jpa"),

  /**
   * Spring Boot's default, Hibernate's {@code CamelCaseToUnderscoresNamingStrategy}: dots become
   * underscores, an underscore goes between a lower-case letter and an upper-case letter followed
   * by a lower-case letter, and the result is lower case, quoted or not ({@code firstName} becomes
   * {@code first_name}, {@code sku2Code} stays {@code sku2code}).
   */
  SNAKE_CASE("snake_case");

  /**
   * The annotation processor option that selects the strategy: {@code
   * -Amigrate.naming=jpa|snake_case}.
   */
  static final String OPTION = "migrate.naming";

  /** PostgreSQL's {@code NAMEDATALEN - 1}: the longest identifier, in bytes. */
  static final int MAX_IDENTIFIER_BYTES = 63;

  private final String optionValue;

  Naming(String optionValue) {
    this.optionValue = optionValue;
  }

  /**
   * Spring Boot's JPA auto-configuration, whose presence on the compile class path makes {@link
   * #SNAKE_CASE} the default: Boot 2 and 3 in {@code spring-boot-autoconfigure}, Boot 4 in {@code
   * spring-boot-hibernate} (checked in the 3.5.7 and 4.0.7 jars). Spring Boot configures {@code
   * CamelCaseToUnderscoresNamingStrategy} there ({@code HibernateProperties}).
   */
  static final List<String> SPRING_BOOT_JPA =
      List.of(
          "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration",
          "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration");

  /**
   * The naming in force and why, as the snapshot records it.
   *
   * @param naming the strategy
   * @param reason why: the option, or what was found on the compile class path
   */
  record Choice(Naming naming, String reason) {}

  /**
   * The naming for a compilation: {@code option} ({@code -Amigrate.naming}) when given; else {@link
   * #SNAKE_CASE} when Spring Boot's JPA auto-configuration ({@link #SPRING_BOOT_JPA}) is on the
   * compile class path, as the application will run with Spring Boot's naming; else {@link #JPA},
   * Hibernate's default. {@code null} for an unknown option value.
   *
   * @param onClassPath whether a class of that qualified name is on the compile class path
   */
  static Choice choose(String option, Predicate<String> onClassPath) {
    if (option != null && !option.isBlank()) {
      Naming naming = forOption(option);
      return naming == null ? null : new Choice(naming, "-A" + OPTION + "=" + naming.optionValue);
    }
    for (String autoConfiguration : SPRING_BOOT_JPA) {
      if (onClassPath.test(autoConfiguration)) {
        return new Choice(
            SNAKE_CASE,
            "Spring Boot's "
                + autoConfiguration.substring(autoConfiguration.lastIndexOf('.') + 1)
                + " is on the compile class path; -A"
                + OPTION
                + "=jpa overrides");
      }
    }
    return new Choice(
        JPA,
        "Hibernate's default: no Spring Boot JPA auto-configuration on the compile class path; -A"
            + OPTION
            + "=snake_case overrides");
  }

  /** The option value that selects this strategy ({@code jpa}, {@code snake_case}). */
  String optionValue() {
    return optionValue;
  }

  /**
   * The strategy for an option value ({@code null} means the default, {@link #JPA}), or {@code
   * null} if unknown.
   */
  static Naming forOption(String value) {
    if (value == null || value.isBlank()) {
      return JPA;
    }
    for (Naming naming : values()) {
      if (naming.optionValue.equalsIgnoreCase(value.trim())) {
        return naming;
      }
    }
    return null;
  }

  /**
   * The stored name for {@code written}, a name as an annotation writes it (possibly in double
   * quotes or backticks) or as Hibernate derives it (a field name, an entity name), under Hibernate
   * 6.6's rules.
   */
  String physical(String written) {
    return physical(written, HibernateVersion.V6_6);
  }

  /**
   * The stored name for {@code written} under the rules of {@code hibernate}: a name is quoted when
   * written in quotes or when Hibernate quotes it itself ({@link #autoQuoted}); the naming strategy
   * applies; an unquoted result is folded to lower case.
   */
  String physical(String written, HibernateVersion hibernate) {
    String text = written.trim();
    boolean quoted = isQuoted(text);
    if (quoted) {
      text = text.substring(1, text.length() - 1);
    } else {
      quoted = autoQuoted(text, hibernate);
    }
    if (this == SNAKE_CASE) {
      return quoted && hibernate.snakeCaseOfDigitsAndQuotes() ? text : snakeCase(text, hibernate);
    }
    return quoted ? text : text.toLowerCase(Locale.ROOT);
  }

  private static boolean isQuoted(String text) {
    return text.length() >= 2
        && (text.startsWith("\"") && text.endsWith("\"")
            || text.startsWith("`") && text.endsWith("`"));
  }

  /**
   * Whether Hibernate quotes an unquoted name itself ({@code Identifier.toIdentifier}): when it
   * starts with a character other than a letter or {@code _}, or holds one other than a letter, a
   * digit or {@code _}; {@code $} counts as legal from 7.0 on ({@link
   * HibernateVersion#quotesDollarNames}).
   */
  static boolean autoQuoted(String text, HibernateVersion hibernate) {
    if (text.isEmpty()) {
      return false;
    }
    char first = text.charAt(0);
    if (!Character.isLetter(first) && first != '_') {
      return true;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)
          && c != '_'
          && c != '.' // an attribute path, which the naming strategies join with '_'
          && (c != '$' || hibernate.quotesDollarNames())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The name as Hibernate holds it ({@code Column.getName()}): the physical name before PostgreSQL
   * folds it, quotes removed, so {@code Product_id} for the implicit join column that PostgreSQL
   * stores as {@code product_id}.
   */
  String spelling(String written) {
    return spelling(written, HibernateVersion.V6_6);
  }

  /** {@link #spelling(String)} under the rules of {@code hibernate}. */
  String spelling(String written, HibernateVersion hibernate) {
    String text = written.trim();
    boolean quoted = isQuoted(text);
    if (quoted) {
      text = text.substring(1, text.length() - 1);
    } else {
      quoted = autoQuoted(text, hibernate);
    }
    if (this == SNAKE_CASE) {
      return quoted && hibernate.snakeCaseOfDigitsAndQuotes() ? text : snakeCase(text, hibernate);
    }
    return text;
  }

  /**
   * Hibernate's {@code CamelCaseToUnderscoresNamingStrategy.apply}: in 6.6 an underscore goes
   * between a lower-case letter and an upper-case letter followed by a lower-case one; from 7.0 on
   * ({@code PhysicalNamingStrategySnakeCaseImpl}) a digit counts as a lower-case letter on both
   * sides.
   */
  private static String snakeCase(String text, HibernateVersion hibernate) {
    boolean digits = hibernate.snakeCaseOfDigitsAndQuotes();
    StringBuilder b = new StringBuilder(text.replace('.', '_'));
    for (int i = 1; i < b.length() - 1; i++) {
      char before = b.charAt(i - 1);
      char current = b.charAt(i);
      char after = b.charAt(i + 1);
      if ((Character.isLowerCase(before) || digits && Character.isDigit(before))
          && Character.isUpperCase(current)
          && (Character.isLowerCase(after) || digits && Character.isDigit(after))) {
        b.insert(i++, '_');
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * The name PostgreSQL gives an unnamed constraint or index: {@code <name1>_<name2>_<label>},
   * where the two names are shortened, the longer one first, until the whole fits in 63 bytes. This
   * is {@code makeObjectName} in PostgreSQL's {@code src/backend/commands/indexcmds.c}; {@code
   * name2} for several columns is their names joined by {@code _} ({@code
   * ChooseIndexNameAddition}).
   *
   * @param name1 the table name
   * @param columns the column names; empty for a primary key, which is named {@code <table>_pkey}
   * @param label {@code pkey}, {@code key}, {@code fkey}, {@code check} or {@code idx}
   */
  static String objectName(String name1, List<String> columns, String label) {
    String name2 = columns.isEmpty() ? null : String.join("_", columns);
    byte[] bytes1 = name1.getBytes(StandardCharsets.UTF_8);
    byte[] bytes2 = name2 == null ? new byte[0] : name2.getBytes(StandardCharsets.UTF_8);
    int overhead = label.length() + 1 + (name2 == null ? 0 : 1);
    int available = MAX_IDENTIFIER_BYTES - overhead;
    int chars1 = bytes1.length;
    int chars2 = bytes2.length;
    while (chars1 + chars2 > available) {
      if (chars1 > chars2) {
        chars1--;
      } else {
        chars2--;
      }
    }
    StringBuilder b = new StringBuilder(clip(name1, chars1));
    if (name2 != null) {
      b.append('_').append(clip(name2, chars2));
    }
    return b.append('_').append(label).toString();
  }

  /**
   * The longest prefix of {@code s} whose UTF-8 form has at most {@code maxBytes} bytes
   * (PostgreSQL's mbcliplen).
   */
  private static String clip(String s, int maxBytes) {
    if (s.length() * 3 <= maxBytes || s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return s; // fits whole: the usual case
    }
    int bytes = 0;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int len = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + len > maxBytes) {
        break;
      }
      bytes += len;
      i += Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
