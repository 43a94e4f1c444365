package dev.migrate.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.snapshot.Snapshot.ConverterCheck.Literal;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConverterChecks} against real converter classes, compiled here against a copy of JPA's
 * {@code AttributeConverter}: the expressions Hibernate 7.2.19 wrote for the same converters
 * ({@code HibernateVersionDifferencesTest.enumConverterChecks} in {@code it}), and a warning, not a
 * failure, for each converter that cannot be run.
 */
class ConverterChecksTest {

  @TempDir static Path classes;

  private static URLClassLoader loader;

  private static final Map<String, String> SOURCES =
      Map.ofEntries(
          Map.entry(
              "jakarta.persistence.AttributeConverter",
              "public interface AttributeConverter<X, Y> {"
                  + " Y convertToDatabaseColumn(X x); X convertToEntityAttribute(Y y); }"),
          Map.entry("com.acme.Status", "public enum Status { ACTIVE, RETIRED }"),
          Map.entry(
              "com.acme.Prio",
              "public enum Prio { LOW(1), HIGH(5); final int code;"
                  + " Prio(int code) { this.code = code; } }"),
          Map.entry(
              "com.acme.StatusConverter",
              converter("Status", "String", "s == null ? null : s.name().toLowerCase()")),
          Map.entry("com.acme.PrioConverter", converter("Prio", "Integer", "s.code")),
          Map.entry(
              "com.acme.CharConverter", converter("Status", "Character", "s.name().charAt(0)")),
          Map.entry(
              "com.acme.NullConverter",
              converter("Status", "String", "s == Status.ACTIVE ? \"x'y\" : null")),
          Map.entry("com.acme.SameConverter", converter("Status", "String", "\"same\"")),
          Map.entry(
              "com.acme.BoolConverter",
              converter("Boolean", "Character", "s == null ? null : s ? 'T' : 'F'")),
          Map.entry(
              "com.acme.UnknownConverter",
              converter("Boolean", "String", "s == null ? \"U\" : s ? \"T\" : \"F\"")),
          Map.entry(
              "com.acme.LongConverter",
              converter("Boolean", "Long", "s == null ? null : s ? 1L : 0L")),
          Map.entry("com.acme.ThrowsOnNull", converter("Boolean", "Character", "s ? 'T' : 'F'")),
          Map.entry(
              "com.acme.Money",
              converter("Boolean", "java.math.BigDecimal", "java.math.BigDecimal.ONE")),
          Map.entry(
              "com.acme.NeedsArgument",
              "public class NeedsArgument implements jakarta.persistence.AttributeConverter<Boolean,"
                  + " String> { NeedsArgument(int i) {}"
                  + " public String convertToDatabaseColumn(Boolean b) { return \"b\"; }"
                  + " public Boolean convertToEntityAttribute(String s) { return null; } }"),
          Map.entry(
              "com.acme.Hidden",
              "class Hidden implements jakarta.persistence.AttributeConverter<Status, String> {"
                  + " private Hidden() {}"
                  + " public String convertToDatabaseColumn(Status s) { return \"h\"; }"
                  + " public Status convertToEntityAttribute(String s) { return null; } }"));

  private static String converter(String domain, String database, String body) {
    return "public class CLASS implements jakarta.persistence.AttributeConverter<"
        + domain
        + ", "
        + database
        + "> { public "
        + database
        + " convertToDatabaseColumn("
        + domain
        + " s) { return "
        + body
        + "; } public "
        + domain
        + " convertToEntityAttribute("
        + database
        + " d) { return null; } }";
  }

  @BeforeAll
  static void compile() throws Exception {
    Path src = Files.createDirectories(classes.resolve("src"));
    List<String> files = new ArrayList<>();
    for (Map.Entry<String, String> e : SOURCES.entrySet()) {
      String name = e.getKey();
      String simple = name.substring(name.lastIndexOf('.') + 1);
      Path file = src.resolve(name.replace('.', File.separatorChar) + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "package "
              + name.substring(0, name.lastIndexOf('.'))
              + ";\n"
              + e.getValue().replace("CLASS", simple));
      files.add(file.toString());
    }
    Path out = Files.createDirectories(classes.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-proc:none"));
    args.addAll(files);
    assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
    loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, null);
  }

  private static Snapshot.ConverterCheck check(String column, String converter, Literal literal) {
    boolean bool = !converter.startsWith("com.acme.Status") && !isEnumConverter(converter);
    return new Snapshot.ConverterCheck(
        null,
        "thing",
        column,
        "thing_" + column + "_check",
        column,
        "com.acme.Thing." + column,
        converter,
        bool ? Snapshot.ConverterCheck.BOOLEAN : enumOf(converter),
        bool ? List.of() : constantsOf(converter),
        literal);
  }

  private static boolean isEnumConverter(String converter) {
    return List.of(
            "com.acme.PrioConverter",
            "com.acme.CharConverter",
            "com.acme.NullConverter",
            "com.acme.SameConverter",
            "com.acme.Hidden",
            "com.acme.Gone")
        .contains(converter);
  }

  private static String enumOf(String converter) {
    return converter.equals("com.acme.PrioConverter") ? "com.acme.Prio" : "com.acme.Status";
  }

  private static List<String> constantsOf(String converter) {
    return converter.equals("com.acme.PrioConverter")
        ? List.of("LOW", "HIGH")
        : List.of("ACTIVE", "RETIRED");
  }

  private static String expression(Snapshot.ConverterCheck check) throws Exception {
    return ConverterChecks.expression(check, loader);
  }

  private static String reason(Snapshot.ConverterCheck check) {
    try {
      return "resolved: " + ConverterChecks.expression(check, loader);
    } catch (ConverterChecks.Unresolved e) {
      return e.getMessage();
    }
  }

  @Test
  void enumsGetTheValueOfEachConstantAsHibernate7WritesThem() throws Exception {
    assertThat(expression(check("status", "com.acme.StatusConverter", Literal.STRING)))
        .isEqualTo("status in ('active','retired')");
    assertThat(expression(check("prio", "com.acme.PrioConverter", Literal.NUMBER)))
        .isEqualTo("prio in (1,5)");
    assertThat(expression(check("initial", "com.acme.CharConverter", Literal.STRING)))
        .isEqualTo("initial in ('A','R')");
    assertThat(expression(check("odd", "com.acme.NullConverter", Literal.STRING)))
        .isEqualTo("odd in ('x''y') or odd is null");
    assertThat(expression(check("same", "com.acme.SameConverter", Literal.STRING)))
        .isEqualTo("same in ('same')");
  }

  @Test
  void booleansGetFalseTrueAndTheValueOfNull() throws Exception {
    assertThat(expression(check("flag", "com.acme.BoolConverter", Literal.STRING)))
        .isEqualTo("flag in ('F','T')");
    assertThat(expression(check("tri", "com.acme.UnknownConverter", Literal.STRING)))
        .isEqualTo("tri in ('F','T','U')");
    assertThat(expression(check("n", "com.acme.LongConverter", Literal.NUMBER)))
        .isEqualTo("n in (0,1)");
  }

  @Test
  void aConverterThatCannotRunSaysWhy() {
    assertThat(reason(check("a", "com.acme.ThrowsOnNull", Literal.STRING)))
        .startsWith("convertToDatabaseColumn(null) threw java.lang.NullPointerException")
        .endsWith(
            ", which makes Hibernate fail at start-up (\"Error attempting to apply"
                + " AttributeConverter\"): return null for null");
    assertThat(reason(check("b", "com.acme.Money", Literal.NUMBER)))
        .isEqualTo("it gives a java.math.BigDecimal for an integral column");
    assertThat(reason(check("c", "com.acme.NeedsArgument", Literal.STRING)))
        .isEqualTo(
            "it has no no-argument constructor (Hibernate creates converters with it when no bean"
                + " container does)");
    assertThat(reason(check("d", "com.acme.Gone", Literal.STRING)))
        .isEqualTo("the converter class com.acme.Gone is not on the class path");
    // a private constructor of a package-private class: Hibernate makes it accessible too
    assertThat(reason(check("e", "com.acme.Hidden", Literal.STRING)))
        .isEqualTo("resolved: e in ('h')");
    Snapshot.ConverterCheck stale =
        new Snapshot.ConverterCheck(
            null,
            "thing",
            "f",
            "thing_f_check",
            "f",
            null,
            "com.acme.StatusConverter",
            "com.acme.Status",
            List.of("ACTIVE"),
            Literal.STRING);
    assertThat(reason(stale))
        .isEqualTo(
            "the enum com.acme.Status has constants [ACTIVE, RETIRED] on the class path but"
                + " [ACTIVE] in the snapshot (recompile with `mvn clean compile`)");
  }

  @Test
  void resolvedChecksJoinTheirTableAndTheOthersBecomeWarnings() {
    Table thing =
        new Table(
            null,
            "thing",
            List.of(
                new Column("id", SqlType.bigint(), false, null, null),
                new Column("Status", SqlType.varchar(255), true, null, null),
                new Column("flag", SqlType.character(1), true, null, null)),
            new PrimaryKey("thing_pkey", List.of("id")),
            List.of(),
            List.of(new CheckConstraint("thing_id_check", "id > 0")),
            List.of(),
            List.of());
    Table other =
        new Table(
            null,
            "other",
            List.of(new Column("id", SqlType.bigint(), false, null, null)),
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of());
    Database database = new Database(List.of(thing, other), List.of(), List.of());
    Snapshot.ConverterCheck status =
        new Snapshot.ConverterCheck(
            null,
            "thing",
            "Status",
            "thing_Status_check",
            "\"Status\"",
            "com.acme.Thing.status",
            "com.acme.StatusConverter",
            "com.acme.Status",
            List.of("ACTIVE", "RETIRED"),
            Literal.STRING);
    Snapshot.ConverterCheck flag = check("flag", "com.acme.ThrowsOnNull", Literal.STRING);
    Snapshot snapshot =
        new Snapshot(
            Snapshot.FORMAT_VERSION,
            new Snapshot.Capture("jpa", null, List.of(), List.of(), List.of(status, flag)),
            database,
            List.of("com.acme.Thing"),
            List.of(),
            "7.2");

    ConverterChecks.Resolved resolved = ConverterChecks.resolve(snapshot, loader);

    assertThat(resolved.database().table(null, "thing").orElseThrow().checkConstraints())
        .containsExactly(
            new CheckConstraint("thing_Status_check", "\"Status\" in ('active','retired')"),
            new CheckConstraint("thing_id_check", "id > 0"));
    assertThat(resolved.database().table(null, "other").orElseThrow()).isEqualTo(other);
    assertThat(resolved.warnings())
        .singleElement()
        .isEqualTo(
            "Converter check left out: com.acme.Thing.flag (table thing, column flag) is converted"
                + " by com.acme.ThrowsOnNull, but convertToDatabaseColumn(null) threw "
                + npe()
                + ", which makes Hibernate fail at start-up (\"Error attempting to apply"
                + " AttributeConverter\"): return null for null. Hibernate's ddl-auto=create would"
                + " add check (flag in (<the converter's value of false and true>)); Migrate leaves"
                + " it out of the model (a missing check loses no data).");
  }

  /** The NullPointerException {@code ThrowsOnNull} throws, as its message prints. */
  private static String npe() {
    try {
      ConverterChecks.expression(check("x", "com.acme.ThrowsOnNull", Literal.STRING), loader);
      throw new AssertionError("no exception");
    } catch (ConverterChecks.Unresolved e) {
      String m = e.getMessage();
      return m.substring(
          "convertToDatabaseColumn(null) threw ".length(), m.indexOf(", which makes Hibernate"));
    }
  }
}
