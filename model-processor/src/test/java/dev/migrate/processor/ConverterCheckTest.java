package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.source;
import static dev.migrate.processor.Testing.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Table;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.Snapshot.ConverterCheck.Literal;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The check constraints Hibernate derives from an {@code AttributeConverter}: written at once for
 * Hibernate's own {@code Boolean} converters, recorded as converter checks to resolve for the
 * application's (a {@code Boolean} domain on every line, an enum from 7.0 on); and auto-applied
 * converters, from the sources and from {@code -Amigrate.converters}. (That these are Hibernate's
 * answers is {@code HibernateVersionDifferencesTest} and {@code OracleRegressionTest} in {@code
 * it}.)
 */
class ConverterCheckTest {

  static final JavaFileObject STATUS =
      source("com.acme.Status", "package com.acme; public enum Status { ACTIVE, RETIRED }");

  static final JavaFileObject STATUS_CONVERTER =
      source(
          "com.acme.StatusConverter",
          """
          package com.acme;
          public class StatusConverter
              implements jakarta.persistence.AttributeConverter<Status, String> {
            public String convertToDatabaseColumn(Status s) { return s == null ? null : "s"; }
            public Status convertToEntityAttribute(String s) { return null; }
          }
          """);

  static final JavaFileObject CODE_CONVERTER =
      source(
          "com.acme.CodeConverter",
          """
          package com.acme;
          public class CodeConverter
              implements jakarta.persistence.AttributeConverter<Status, Integer> {
            public Integer convertToDatabaseColumn(Status s) { return 1; }
            public Status convertToEntityAttribute(Integer s) { return null; }
          }
          """);

  static final JavaFileObject BOOL_CONVERTER =
      source(
          "com.acme.Flags",
          """
          package com.acme;
          public class Flags {
            public static class Bool
                implements jakarta.persistence.AttributeConverter<Boolean, Character> {
              public Character convertToDatabaseColumn(Boolean b) { return null; }
              public Boolean convertToEntityAttribute(Character c) { return null; }
            }
          }
          """);

  static final JavaFileObject THING =
      entity(
          "Thing",
          """
          @Entity public class Thing {
            @Id Long id;
            @Convert(converter = StatusConverter.class) Status status;
            @Convert(converter = CodeConverter.class) Status code;
            @Convert(converter = Flags.Bool.class) boolean flag;
            @Convert(converter = org.hibernate.type.YesNoConverter.class) Boolean yn;
            @Convert(converter = org.hibernate.type.TrueFalseConverter.class) boolean tf;
            @Convert(converter = org.hibernate.type.NumericBooleanConverter.class) Boolean nb;
            @Convert(converter = StatusConverter.class) @ElementCollection java.util.Set<Status> tags;
          }
          """);

  private static Snapshot compiled(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(options);
    all.add("-Amigrate.naming=jpa");
    var c = compile(all, sources);
    assertThat(c.errors()).as(Testing.describe(c.diagnostics())).isEmpty();
    return snapshot(c);
  }

  private static List<String> checks(Table t) {
    return t.checkConstraints().stream().map(c -> c.name() + ": " + c.expression()).toList();
  }

  private static Snapshot.ConverterCheck check(
      String table,
      String column,
      String member,
      String converter,
      String domain,
      List<String> constants,
      Literal literal) {
    return new Snapshot.ConverterCheck(
        null,
        table,
        column,
        table + "_" + column + "_check",
        column,
        member,
        converter,
        domain,
        constants,
        literal);
  }

  @Test
  void hibernatesBooleanConvertersAreCheckedAtOnceAndTheApplicationsLater() {
    for (String line : List.of("6.6", "7.2")) {
      Snapshot s =
          compiled(
              List.of("-Amigrate.hibernate=" + line),
              STATUS,
              STATUS_CONVERTER,
              CODE_CONVERTER,
              BOOL_CONVERTER,
              THING);
      assertThat(checks(table(s, "thing")))
          .as(line)
          .containsExactly(
              "thing_nb_check: nb in (0,1)",
              "thing_tf_check: tf in ('F','T')",
              "thing_yn_check: yn in ('N','Y')");
      List<Snapshot.ConverterCheck> expected = new ArrayList<>();
      expected.add(
          check(
              "thing",
              "flag",
              "com.acme.Thing.flag",
              "com.acme.Flags$Bool",
              Snapshot.ConverterCheck.BOOLEAN,
              List.of(),
              Literal.STRING));
      if (line.equals("7.2")) {
        expected.add(
            check(
                "thing",
                "status",
                "com.acme.Thing.status",
                "com.acme.StatusConverter",
                "com.acme.Status",
                List.of("ACTIVE", "RETIRED"),
                Literal.STRING));
        expected.add(
            0,
            check(
                "thing",
                "code",
                "com.acme.Thing.code",
                "com.acme.CodeConverter",
                "com.acme.Status",
                List.of("ACTIVE", "RETIRED"),
                Literal.NUMBER));
        expected.add(
            check(
                "thing_tags",
                "tags",
                "com.acme.Thing.tags",
                "com.acme.StatusConverter",
                "com.acme.Status",
                List.of("ACTIVE", "RETIRED"),
                Literal.STRING));
      }
      assertThat(s.capture().converterChecks()).as(line).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void theSnapshotTextRecordsAConverterCheck() {
    JavaFileObject flagged =
        entity(
            "Flagged",
            "@Entity public class Flagged { @Id Long id; @Convert(converter = Flags.Bool.class) Boolean flag; }");
    var c =
        compile(
            List.of("-Amigrate.hibernate=6.6", "-Amigrate.naming=jpa"), BOOL_CONVERTER, flagged);
    String json = Testing.resource(c, Snapshot.RESOURCE);
    assertThat(json)
        .contains(
            """
                "converterChecks" : [ {
                  "table" : "flagged",
                  "column" : "flag",
                  "name" : "flagged_flag_check",
                  "columnSql" : "flag",
                  "member" : "com.acme.Flagged.flag",
                  "converter" : "com.acme.Flags$Bool",
                  "domain" : "java.lang.Boolean",
                  "literal" : "STRING"
                } ]
            """);
  }

  @Test
  void aQuotedColumnIsQuotedInTheCheckAndTheNameSkipsAnExistingCheck() {
    JavaFileObject odd =
        entity(
            "Odd",
            """
            @Entity public class Odd {
              @Id Long id;
              @Convert(converter = Flags.Bool.class) @Column(name = "\\"Flag\\"")
              @org.hibernate.annotations.Check(constraints = "\\"Flag\\" <> 'X'") Boolean flag;
            }
            """);
    Snapshot s = compiled(List.of("-Amigrate.hibernate=6.6"), BOOL_CONVERTER, odd);
    assertThat(s.capture().converterChecks())
        .containsExactly(
            new Snapshot.ConverterCheck(
                null,
                "odd",
                "Flag",
                "odd_Flag_check1",
                "\"Flag\"",
                "com.acme.Odd.flag",
                "com.acme.Flags$Bool",
                Snapshot.ConverterCheck.BOOLEAN,
                List.of(),
                Literal.STRING));
    assertThat(table(s, "odd").checkConstraints())
        .containsExactly(new CheckConstraint("odd_Flag_check", "\"Flag\" <> 'X'"));
  }

  // --- auto-apply ---

  static final JavaFileObject AUTO_STATUS =
      source(
          "com.acme.AutoStatus",
          """
          package com.acme;
          @jakarta.persistence.Converter(autoApply = true)
          public class AutoStatus implements jakarta.persistence.AttributeConverter<Status, String> {
            public String convertToDatabaseColumn(Status s) { return null; }
            public Status convertToEntityAttribute(String s) { return null; }
          }
          """);

  static final JavaFileObject AUTO_FLAG =
      source(
          "com.acme.AutoFlag",
          """
          package com.acme;
          @javax.persistence.Converter(autoApply = true)
          public class AutoFlag implements javax.persistence.AttributeConverter<Boolean, Integer> {
            public Integer convertToDatabaseColumn(Boolean b) { return null; }
            public Boolean convertToEntityAttribute(Integer i) { return null; }
          }
          """);

  static final JavaFileObject JAVAX =
      source(
          "javax.persistence.Converter",
          """
          package javax.persistence;
          public @interface Converter { boolean autoApply() default false; }
          """);

  static final JavaFileObject JAVAX_CONVERTER =
      source(
          "javax.persistence.AttributeConverter",
          """
          package javax.persistence;
          public interface AttributeConverter<X, Y> {
            Y convertToDatabaseColumn(X x); X convertToEntityAttribute(Y y);
          }
          """);

  static final JavaFileObject AUTO =
      entity(
          "Auto",
          """
          @Entity public class Auto {
            @Id Long id;
            Status plain;
            @Enumerated(EnumType.STRING) Status enumerated;
            @Convert(disableConversion = true) Status disabled;
            boolean active;
            @ElementCollection java.util.List<Status> history;
            @ElementCollection @Enumerated java.util.List<Status> ordinals;
          }
          """);

  @Test
  void autoAppliedConvertersShapeEveryMatchingBasicValue() {
    Snapshot s =
        compiled(
            List.of("-Amigrate.hibernate=7.2"),
            STATUS,
            AUTO_STATUS,
            AUTO_FLAG,
            JAVAX,
            JAVAX_CONVERTER,
            AUTO);
    assertThat(Oracle.describe(s.database()))
        .contains(
            """
            table auto
              id bigint not null
              active integer not null
              disabled smallint
              enumerated varchar(255)
              plain varchar(255)
              primary key [id]
              check disabledbetween0and1
              check enumeratedin'active','retired'
            table auto_history
              auto_id bigint not null
              history varchar(255)
              foreign key [auto_id] -> auto[id]
            table auto_ordinals
              auto_id bigint not null
              ordinals smallint
              check ordinalsbetween0and1
              foreign key [auto_id] -> auto[id]
            """);
    assertThat(s.capture().converterChecks())
        .extracting(c -> c.table() + "." + c.column() + " " + c.converter())
        .containsExactly(
            "auto.active com.acme.AutoFlag",
            "auto.plain com.acme.AutoStatus",
            "auto_history.history com.acme.AutoStatus");
  }

  @Test
  void withoutAutoApplyTheEnumKeepsHibernatesDefault() {
    JavaFileObject manual =
        source(
            "com.acme.AutoStatus",
            """
            package com.acme;
            @jakarta.persistence.Converter
            public class AutoStatus
                implements jakarta.persistence.AttributeConverter<Status, String> {
              public String convertToDatabaseColumn(Status s) { return null; }
              public Status convertToEntityAttribute(String s) { return null; }
            }
            """);
    JavaFileObject e = entity("Plain", "@Entity public class Plain { @Id Long id; Status plain; }");
    Snapshot s = compiled(List.of("-Amigrate.hibernate=7.2"), STATUS, manual, e);
    assertThat(Oracle.describe(s.database())).contains("  plain smallint\n");
    assertThat(s.capture().converterChecks()).isEmpty();
  }

  @Test
  void theOptionNamesConvertersFromJars() {
    JavaFileObject jar =
        source(
            "com.lib.Codes",
            """
            package com.lib;
            public class Codes {
              public static class StatusCode
                  implements jakarta.persistence.AttributeConverter<com.acme.Status, Long> {
                public Long convertToDatabaseColumn(com.acme.Status s) { return null; }
                public com.acme.Status convertToEntityAttribute(Long s) { return null; }
              }
            }
            """);
    JavaFileObject e =
        entity("Coded", "@Entity public class Coded { @Id Long id; Status status; }");
    Snapshot s =
        compiled(
            List.of("-Amigrate.hibernate=7.2", "-Amigrate.converters= com.lib.Codes$StatusCode ,"),
            STATUS,
            jar,
            e);
    assertThat(Oracle.describe(s.database())).contains("  status bigint\n");
    assertThat(s.capture().converterChecks())
        .extracting(Snapshot.ConverterCheck::literal, Snapshot.ConverterCheck::converter)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Literal.NUMBER, "com.lib.Codes$StatusCode"));
  }

  @Test
  void autoApplySkipsIdsVersionsAndTemporals() {
    JavaFileObject longs =
        source(
            "com.acme.LongText",
            """
            package com.acme;
            @jakarta.persistence.Converter(autoApply = true)
            public class LongText implements jakarta.persistence.AttributeConverter<Number, String> {
              public String convertToDatabaseColumn(Number n) { return null; }
              public Number convertToEntityAttribute(String s) { return null; }
            }
            """);
    JavaFileObject counter =
        entity(
            "Counter",
            """
            @Entity public class Counter {
              @Id Long id; @Version Long version; long count; Integer small;
              @Temporal(TemporalType.DATE) java.util.Date day; java.util.Date stamp;
            }
            """);
    JavaFileObject dates =
        source(
            "com.acme.DateText",
            """
            package com.acme;
            @jakarta.persistence.Converter(autoApply = true)
            public class DateText
                implements jakarta.persistence.AttributeConverter<java.util.Date, String> {
              public String convertToDatabaseColumn(java.util.Date d) { return null; }
              public java.util.Date convertToEntityAttribute(String s) { return null; }
            }
            """);
    Snapshot s = compiled(List.of("-Amigrate.hibernate=7.4"), longs, dates, counter);
    assertThat(Oracle.describe(s.database()))
        .contains(
            """
            table counter
              id bigint not null
              count varchar(255) not null
              day date
              small varchar(255)
              stamp varchar(255)
              version bigint not null
              primary key [id]
            """);
  }
}
