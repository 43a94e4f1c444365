package dev.migrate.processor;

import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.tools.JavaFileObject;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.MetadataBuilder;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.registry.BootstrapServiceRegistry;
import org.hibernate.boot.registry.BootstrapServiceRegistryBuilder;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.mapping.Column;
import org.hibernate.mapping.PersistentClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The oracle: for the same compiled entities, Hibernate 6.6's own metadata (with {@code
 * PostgreSQLDialect}, no database) must name the same tables, columns and sequences, with the same
 * types and nullability, as the snapshot. Types are compared after {@link
 * TypeMapping#parseDefinition} reads Hibernate's DDL spelling.
 */
class HibernateOracleTest {

  /**
   * Keeps Hibernate's start-up log (and its note that the dialect need not be set) out of the build
   * output.
   */
  private static final java.util.logging.Logger HIBERNATE_LOG =
      java.util.logging.Logger.getLogger("org.hibernate");

  static {
    HIBERNATE_LOG.setLevel(java.util.logging.Level.SEVERE);
  }

  static final JavaFileObject STATUS =
      source("com.acme.Status", "package com.acme; public enum Status { NEW, PAID }");

  static final JavaFileObject EVERYTHING =
      entity(
          "Everything",
          """
      @Entity
      @Table(schema = "shop", uniqueConstraints = @UniqueConstraint(columnNames = {"pl", "pi"}))
      public class Everything {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
        private long pl; private int pi; private short ps; private byte pb; private boolean pbool;
        private double pd; private float pf; private char pc;
        private Long wl; private Integer wi; private Short ws; private Byte wb; private Boolean wbool;
        private Double wd; private Float wf; private Character wc;
        private String firstName;
        @Column(length = 40) private String s40;
        @Column(length = 10485761) private String huge;
        private char[] chars;
        private java.math.BigDecimal bd;
        @Column(precision = 10) private java.math.BigDecimal bd10;
        @Column(precision = 10, scale = 4) private java.math.BigDecimal bd104;
        @Column(scale = 4) private java.math.BigDecimal scaleOnly;
        private java.math.BigInteger bi;
        @Column(precision = 6) private Double dp6;
        @Column(precision = 8) private Float fp8;
        private byte[] bytes;
        private java.util.UUID uuid;
        private java.time.LocalDate localDate;
        private java.sql.Date sqlDate;
        private java.time.LocalTime localTime;
        private java.sql.Time sqlTime;
        private java.time.LocalDateTime localDateTime;
        private java.sql.Timestamp sqlTimestamp;
        private java.util.Date utilDate;
        @Temporal(TemporalType.DATE) private java.util.Date dateOnly;
        @Temporal(TemporalType.TIME) private java.util.Calendar timeOnly;
        private java.util.Calendar calendar;
        private java.time.OffsetDateTime offsetDateTime;
        private java.time.ZonedDateTime zonedDateTime;
        @Column(precision = 3) private java.time.Instant instant;
        @Enumerated(EnumType.STRING) private Status byName;
        @Enumerated(EnumType.STRING) @Column(length = 10) private Status byShortName;
        private Status byOrdinal;
        @Column(nullable = false) private String required;
        @Basic(optional = false) private String basicRequired;
        @Column(name = "\\"Quoted\\"") private String quoted;
        @Column(unique = true) private String code;
        @ManyToOne private Country country;
        @ManyToOne(optional = false)
        @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.CASCADE)
        private Country homeCountry;
        @ManyToOne @JoinColumn(name = "fav", nullable = false) private Country favourite;
        @OneToOne private Passport passport;
        @Transient private String ignored;
        private transient String alsoIgnored;
      }
      """);

  static final JavaFileObject COUNTRY =
      entity(
          "Country",
          """
      @Entity public class Country { @Id @Column(length = 2) private String isoCode; }
      """);

  static final JavaFileObject PASSPORT =
      entity(
          "Passport",
          """
      @Entity
      public class Passport {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
        @OneToOne(mappedBy = "passport") private Everything holder;
      }
      """);

  static final JavaFileObject SEQUENCES =
      entity(
          "Numbered",
          """
      @Entity
      @Table(schema = "counting")
      public class Numbered {
        @Id @GeneratedValue(generator = "g")
        @SequenceGenerator(name = "g", sequenceName = "NUMBERED_IDS", initialValue = 5, allocationSize = 3)
        private Long id;
      }
      """);

  static final JavaFileObject GENERATOR_WITHOUT_SEQUENCE_NAME =
      entity(
          "Stamped",
          """
      @Entity
      @Table(name = "stamps")
      public class Stamped {
        @Id @GeneratedValue(generator = "Stamp_Gen") @SequenceGenerator(name = "Stamp_Gen") private Long id;
        private java.util.UUID uuid;
      }
      """);

  static final JavaFileObject AUTO =
      entity(
          "AutoIds",
          """
      @Entity
      public class AutoIds { @Id @GeneratedValue private Long id; }
      """);

  static final JavaFileObject SCHEMA_GENERATOR =
      entity(
          "Filed",
          """
      @Entity
      @Table(schema = "archive")
      @SequenceGenerator(name = "filed", sequenceName = "filed_ids", schema = "Archive")
      public class Filed { @Id @GeneratedValue(generator = "filed") private Long id; }
      """);

  static final JavaFileObject QUOTED =
      entity(
          "Quoted",
          """
      @Entity
      @Table(name = "\\"OrderLines\\"")
      public class Quoted {
        @Id @GeneratedValue private Long id;
        @Version private Long version;
        @Column(name = "`LineNo`", unique = true) private Integer lineNo;
      }
      """);

  static final JavaFileObject UUIDS =
      entity(
          "UuidIds",
          """
      @Entity
      public class UuidIds { @Id @GeneratedValue private java.util.UUID id; }
      """);

  static final JavaFileObject CAMEL =
      entity(
          "PurchaseOrder",
          """
      @Entity
      public class PurchaseOrder {
        @Id @GeneratedValue private Long id;
        private java.time.Instant placedAt;
        private String sku2Code;
        @Column(name = "\\"TotalAmount\\"") private Long totalAmount;
        @ManyToOne private PurchaseOrder parentOrder;
      }
      """);

  @Test
  void typesNamesNullabilityAndSequencesAgreeWithHibernate(@TempDir Path out) throws Exception {
    assertAgreesWithHibernate(
        out,
        false,
        STATUS,
        EVERYTHING,
        COUNTRY,
        PASSPORT,
        SEQUENCES,
        GENERATOR_WITHOUT_SEQUENCE_NAME,
        AUTO,
        SCHEMA_GENERATOR,
        QUOTED,
        UUIDS,
        CAMEL);
  }

  @Test
  void generatorNameWithoutADeclaredGeneratorAgreesWithHibernate(@TempDir Path out)
      throws Exception {
    JavaFileObject labelled =
        entity(
            "Labelled",
            """
        @Entity
        public class Labelled {
          @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "label_ids") private Long id;
        }
        """);
    assertAgreesWithHibernate(out, false, labelled);
  }

  @Test
  void snakeCaseAgreesWithCamelCaseToUnderscoresNamingStrategy(@TempDir Path out) throws Exception {
    assertAgreesWithHibernate(out, true, CAMEL, COUNTRY);
  }

  private static void assertAgreesWithHibernate(
      Path out, boolean snakeCase, JavaFileObject... sources) throws Exception {
    DiskCompiler.Result result =
        DiskCompiler.compile(
            out, snakeCase ? List.of("-Amigrate.naming=snake_case") : List.of(), sources);
    assertThat(result.success()).as(result.toString()).isTrue();
    Snapshot snapshot = SnapshotJson.readFromClassesDirectory(out);

    Map<String, String> migrate = new TreeMap<>();
    for (dev.migrate.model.Table t : snapshot.database().tables()) {
      for (dev.migrate.model.Column c : t.columns()) {
        migrate.put(t.qualifiedName() + "." + c.name(), describe(c.type(), c.nullable()));
      }
    }
    Set<String> migrateKeys = new TreeSet<>();
    for (dev.migrate.model.Table t : snapshot.database().tables()) {
      t.uniqueConstraints()
          .forEach(u -> migrateKeys.add("unique " + t.qualifiedName() + u.columns()));
      t.foreignKeys()
          .forEach(
              f ->
                  migrateKeys.add(
                      "foreign key "
                          + t.qualifiedName()
                          + f.columns()
                          + " -> "
                          + (f.referencedSchema() == null ? "" : f.referencedSchema() + ".")
                          + f.referencedTable()
                          + f.referencedColumns()
                          + " on delete "
                          + f.onDelete()));
    }
    Set<Sequence> migrateSequences =
        new TreeSet<>(java.util.Comparator.comparing(Sequence::qualifiedName));
    migrateSequences.addAll(snapshot.database().sequences());

    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {out.toUri().toURL()}, HibernateOracleTest.class.getClassLoader())) {
      BootstrapServiceRegistry bootstrap =
          new BootstrapServiceRegistryBuilder().applyClassLoader(loader).build();
      StandardServiceRegistry registry =
          new StandardServiceRegistryBuilder(bootstrap)
              .applySetting("hibernate.dialect", "org.hibernate.dialect.PostgreSQLDialect")
              .applySetting("hibernate.boot.allow_jdbc_metadata_access", "false")
              .build();
      try {
        MetadataSources metadataSources = new MetadataSources(registry);
        for (String entity : snapshot.entities()) {
          metadataSources.addAnnotatedClass(loader.loadClass(entity));
        }
        MetadataBuilder builder = metadataSources.getMetadataBuilder();
        if (snakeCase) {
          builder.applyPhysicalNamingStrategy(new CamelCaseToUnderscoresNamingStrategy());
        }
        Metadata metadata = builder.build();

        Map<String, String> hibernate = new TreeMap<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
          org.hibernate.mapping.Table t = entity.getTable();
          String table = qualified(t);
          for (Column c : t.getColumns()) {
            hibernate.put(
                table + "." + stored(c.getName(), c.isQuoted()),
                describe(TypeMapping.parseDefinition(c.getSqlType(metadata)), c.isNullable()));
          }
        }
        Set<String> hibernateKeys = new TreeSet<>();
        for (PersistentClass entity : metadata.getEntityBindings()) {
          org.hibernate.mapping.Table t = entity.getTable();
          String table = qualified(t);
          for (org.hibernate.mapping.UniqueKey u : t.getUniqueKeys().values()) {
            hibernateKeys.add("unique " + table + names(u.getColumns()));
          }
          for (Column c : t.getColumns()) {
            if (c.isUnique()) {
              hibernateKeys.add("unique " + table + names(List.of(c)));
            }
          }
          for (org.hibernate.mapping.ForeignKey f : t.getForeignKeys().values()) {
            org.hibernate.mapping.Table target = f.getReferencedTable();
            List<Column> referenced =
                f.getReferencedColumns().isEmpty()
                    ? target.getPrimaryKey().getColumns()
                    : f.getReferencedColumns();
            hibernateKeys.add(
                "foreign key "
                    + table
                    + names(f.getColumns())
                    + " -> "
                    + qualified(target)
                    + names(referenced)
                    + " on delete "
                    + (f.getOnDeleteAction() == null ? "NO_ACTION" : f.getOnDeleteAction().name()));
          }
        }
        Set<Sequence> hibernateSequences =
            new TreeSet<>(java.util.Comparator.comparing(Sequence::qualifiedName));
        for (Namespace namespace : metadata.getDatabase().getNamespaces()) {
          Identifier schema = namespace.getName().getSchema();
          for (org.hibernate.boot.model.relational.Sequence s : namespace.getSequences()) {
            Identifier name = s.getName().getSequenceName();
            hibernateSequences.add(
                new Sequence(
                    schema == null ? null : stored(schema.getText(), schema.isQuoted()),
                    stored(name.getText(), name.isQuoted()),
                    s.getInitialValue(),
                    s.getIncrementSize()));
          }
        }

        assertThat(migrate).as("columns: table.column -> type, nullability").isEqualTo(hibernate);
        assertThat(migrateSequences).as("sequences").containsExactlyElementsOf(hibernateSequences);
        assertThat(migrateKeys).as("unique constraints and foreign keys").isEqualTo(hibernateKeys);
      } finally {
        StandardServiceRegistryBuilder.destroy(registry);
      }
    }
  }

  private static String qualified(org.hibernate.mapping.Table t) {
    return (t.getSchema() == null ? "" : stored(t.getSchema(), t.isSchemaQuoted()) + ".")
        + stored(t.getName(), t.isQuoted());
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(c -> stored(c.getName(), c.isQuoted())).toList();
  }

  /** The name PostgreSQL stores: unquoted names fold to lower case. */
  private static String stored(String name, boolean quoted) {
    return quoted ? name : name.toLowerCase(Locale.ROOT);
  }

  private static String describe(SqlType type, boolean nullable) {
    return type + (nullable ? "" : " not null");
  }
}
