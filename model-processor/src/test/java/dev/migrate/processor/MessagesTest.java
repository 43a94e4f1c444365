package dev.migrate.processor;

import static dev.migrate.processor.Testing.assertSingleError;
import static dev.migrate.processor.Testing.assertSingleWarning;
import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.compileStrict;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.lineOf;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.source;
import static dev.migrate.processor.Testing.table;
import static dev.migrate.runtime.Ddl.column;
import static dev.migrate.runtime.Ddl.numeric;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.migrate.snapshot.Snapshot;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per {@link Message}, named after the constant in camel case: the exact text, and that it
 * points at the element (the source line of the annotation or field) the problem is about.
 */
class MessagesTest {

  @Test
  void everyMessageHasItsOwnTest() {
    Set<String> tests =
        Arrays.stream(MessagesTest.class.getDeclaredMethods())
            .filter(m -> m.isAnnotationPresent(Test.class))
            .map(Method::getName)
            .collect(Collectors.toSet());
    List<String> untested =
        Arrays.stream(Message.values())
            .map(MessagesTest::testName)
            .filter(name -> !tests.contains(name))
            .toList();
    assertThat(untested).as("messages without a test named after them").isEmpty();
  }

  private static String testName(Message message) {
    String[] words = message.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder b = new StringBuilder(words[0]);
    for (int i = 1; i < words.length; i++) {
      b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
    }
    return b.toString();
  }

  // --- the entity as a whole ---

  @Test
  void entityWithoutId() {
    JavaFileObject note =
        entity(
            "Note",
            """
        @Entity
        public class Note {
          private String text;
        }
        """);
    assertSingleError(
        compile(note),
        "@Entity Note has no @Id field: every entity needs a primary key. Annotate its key field with @Id.",
        note,
        "@Entity");
  }

  @Test
  void migrateTableOnEntity() {
    JavaFileObject note =
        entity(
            "Note",
            """
        @Entity
        @dev.migrate.annotations.Table(name = "notes")
        public class Note { @Id private Long id; }
        """);
    assertSingleError(
        compile(note),
        "@Entity Note also carries Migrate's @dev.migrate.annotations.Table, which"
            + " describes tables without JPA. Remove it and use JPA's @Table (and Migrate's @Index for what JPA's cannot"
            + " say).",
        note,
        "@dev.migrate.annotations.Table");
  }

  @Test
  void columnConflict() {
    JavaFileObject article =
        entity(
            "Article",
            """
        @Entity @Table(name = "item") public class Article { @Id private Long id; private String code; }
        """);
    JavaFileObject item =
        entity(
            "Item",
            """
        @Entity
        public class Item {
          @Id private Long id;
          private Integer code;
        }
        """);
    assertSingleError(
        compileStrict(article, item),
        "Item.code maps column code of table item as integer, but Article.code"
            + " maps the same column as varchar(255): entities that share a table must agree on its columns. Make the two"
            + " mappings the same, or give one another @Column(name = ...).",
        item,
        "Integer code");
  }

  @Test
  void unknownSecondaryTable() {
    JavaFileObject person =
        entity(
            "Person",
            """
        @Entity
        public class Person {
          @Id private Long id;
          @Column(table = "details")
          private String bio;
        }
        """);
    assertSingleError(
        compile(person),
        "@Column(table = \"details\") on Person.bio: Person declares no"
            + " @SecondaryTable named details. Add @SecondaryTable(name = \"details\") to Person or remove `table`.",
        person,
        "@Column(table");
  }

  @Test
  void unknownColumn() {
    JavaFileObject person =
        entity(
            "Person",
            """
        @Entity
        @Table(indexes = {
            @Index(columnList = "firstName")
        })
        public class Person {
          @Id private Long id;
          @Column(name = "first_name") private String firstName;
        }
        """);
    assertSingleError(
        compile(person),
        "The @Index on Person names column firstname, which table person does not"
            + " have (its columns: id, first_name). Use the column name, not the field name, as the naming strategy"
            + " produces it.",
        person,
        "@Index(columnList");
  }

  @Test
  void emptyColumnList() {
    JavaFileObject person =
        entity(
            "Person",
            """
        @Entity
        @Table(indexes = {
            @Index(columnList = " , ")
        })
        public class Person { @Id private Long id; }
        """);
    assertSingleError(
        compileStrict(person),
        "@Index(columnList = \" , \") on Person lists no column: an index needs at"
            + " least one. List the columns, for example columnList = \"email, created\".",
        person,
        "@Index(");
  }

  @Test
  void nameConflict() {
    JavaFileObject a =
        entity(
            "A",
            """
        @Entity @Table(indexes = @Index(name = "idx_created", columnList = "created"))
        public class A { @Id private Long id; private java.time.Instant created; }
        """);
    JavaFileObject b =
        entity(
            "B",
            """
        @Entity
        @Table(indexes = @Index(name = "idx_created", columnList = "created"))
        public class B { @Id private Long id; private java.time.Instant created; }
        """);
    assertSingleError(
        compileStrict(a, b),
        "The index name idx_created in the target schema is used by both an index of"
            + " table a and an index of table b: PostgreSQL keeps table, sequence, index, primary key and unique constraint names in one"
            + " namespace per schema, and constraint names once per table. Give one of them another name.",
        b,
        "@Table");
  }

  // --- fields ---

  @Test
  void unmappedType() {
    JavaFileObject person =
        entity(
            "Person",
            """
        @Entity
        public class Person {
          @Id private Long id;
          private java.util.Locale.Builder builder;
        }
        """);
    assertSingleError(
        compileStrict(person),
        "Person.builder has type java.util.Locale.Builder, which has no column mapping:"
            + " use String, a number type (long, int, short, byte, double, float, BigDecimal, BigInteger), boolean, char,"
            + " an enum, UUID, byte[], a java.time type, java.util.Date, an array or List/Set of one of these, an"
            + " @Embeddable, or give it an @Convert(converter"
            + " = ...) with an AttributeConverter, a @JdbcTypeCode or an @Column(columnDefinition = ...); or mark it"
            + " @Transient. (Hibernate would serialize a Serializable type into bytea; Migrate asks instead.)",
        person,
        "builder;");
  }

  @Test
  void typeClassNotModelled() {
    JavaFileObject text =
        source(
            "com.acme.CodedText",
            """
            package com.acme;
            public class CodedText extends org.hibernate.type.descriptor.jdbc.VarcharJdbcType {
              @Override public int getJdbcTypeCode() { return java.sql.Types.NVARCHAR; }
            }
            """);
    JavaFileObject person =
        entity(
            "Person",
            """
        @Entity
        public class Person {
          @Id private Long id;
          @org.hibernate.annotations.JdbcType(CodedText.class)
          private String name;
        }
        """);
    assertSingleError(
        compileStrict(person, text),
        "@JdbcType(com.acme.CodedText.class) on Person.name: com.acme.CodedText overrides getJdbcTypeCode,"
            + " so its JDBC type is decided by code. Migrate cannot run a class's code at compile time, so it"
            + " cannot tell the column type. Name the JDBC type with @JdbcTypeCode(SqlTypes.VARCHAR) (or the"
            + " SqlTypes constant the class uses), or give the column type with @Column(columnDefinition ="
            + " \"...\").",
        person,
        "JdbcType(CodedText");
  }

  @Test
  void wrapperArray() {
    JavaFileObject file =
        entity(
            "File",
            """
        @Entity
        public class File {
          @Id private Long id;
          private Byte[] content;
        }
        """);
    assertSingleError(
        compileStrict(file),
        "File.content has type java.lang.Byte[], which Hibernate refuses at start-up unless the application"
            + " sets hibernate.type.wrapper_array_handling, and maps as smallint array under ALLOW (and PICK) but as"
            + " bytea under LEGACY, a setting the processor cannot see. Use byte[], or state the column type with"
            + " @Column(columnDefinition = \"smallint array\") (or \"bytea\").",
        file,
        "content;");
  }

  @Test
  void collectionIdWithAnUnknownGenerator() {
    JavaFileObject claim =
        entity(
            "Claim",
            """
        @Entity
        public class Claim {
          @Id private Long id;
          @ElementCollection
          @org.hibernate.annotations.CollectionId(column = @Column(name = "note_id"), generator = "native")
          @org.hibernate.annotations.CollectionIdJdbcTypeCode(org.hibernate.type.SqlTypes.BIGINT)
          private java.util.List<String> notes;
        }
        """);
    assertSingleError(
        compileStrict(claim),
        "@CollectionId(generator = \"native\") on Claim.notes is not supported yet."
            + " Use generator = \"increment\", \"sequence\" or the name of a @SequenceGenerator.",
        claim,
        "CollectionId(");
  }

  @Test
  void collectionIdWithoutType() {
    JavaFileObject claim =
        entity(
            "Claim",
            """
        @Entity
        public class Claim {
          @Id private Long id;
          @ElementCollection
          @org.hibernate.annotations.CollectionId(column = @Column(name = "note_id"), generator = "increment")
          private java.util.List<String> notes;
        }
        """);
    assertSingleError(
        compileStrict(claim),
        "@CollectionId without @CollectionIdJdbcTypeCode or one of Hibernate's JavaType classes on Claim.notes"
            + " is not supported yet. Give the id-bag's identifier its type with"
            + " @CollectionIdJdbcTypeCode(SqlTypes.BIGINT), INTEGER or SMALLINT, or"
            + " @CollectionIdJavaType(LongJavaType.class), IntegerJavaType or ShortJavaType.",
        claim,
        "CollectionId(");
  }

  @Test
  void converterWithoutDatabaseType() {
    JavaFileObject person =
        entity(
            "Person",
            """
        @Entity
        public class Person {
          @Id private Long id;
          @Convert(converter = Object.class)
          private String code;
        }
        """);
    assertSingleError(
        compileStrict(person),
        "@Convert on Person.code: java.lang.Object does not implement"
            + " AttributeConverter<X, Y> with a class for Y, so the column type is unknown. Name a converter class that"
            + " implements AttributeConverter<EntityType, DatabaseType>.",
        person,
        "@Convert");
  }

  @Test
  void userTypeNotModelled() {
    JavaFileObject json =
        source(
            "com.acme.JsonType",
            """
            package com.acme;
            import java.io.Serializable;
            import java.sql.*;
            import org.hibernate.engine.spi.SharedSessionContractImplementor;
            public class JsonType implements org.hibernate.usertype.UserType<Object> {
              public int getSqlType() { return org.hibernate.type.SqlTypes.JSON; }
              public Class<Object> returnedClass() { return Object.class; }
              public boolean equals(Object a, Object b) { return java.util.Objects.equals(a, b); }
              public int hashCode(Object a) { return java.util.Objects.hashCode(a); }
              public Object nullSafeGet(ResultSet rs, int p, SharedSessionContractImplementor s,
                  Object o) throws SQLException { return rs.getObject(p); }
              public void nullSafeSet(PreparedStatement st, Object v, int i,
                  SharedSessionContractImplementor s) throws SQLException { st.setObject(i, v); }
              public Object deepCopy(Object v) { return v; }
              public boolean isMutable() { return false; }
              public Serializable disassemble(Object v) { return (Serializable) v; }
              public Object assemble(Serializable c, Object o) { return c; }
            }
            """);
    JavaFileObject document =
        entity(
            "Document",
            """
        @Entity
        public class Document {
          @Id private Long id;
          @org.hibernate.annotations.Type(JsonType.class) private java.util.Map<String, Object> data;
          @org.hibernate.annotations.Type(JsonType.class)
          @Column(columnDefinition = "jsonb")
          private java.util.Map<String, Object> defined;
        }
        """);
    Compilation c = compileStrict(document, json);
    assertSingleError(
        c,
        "@Type(com.acme.JsonType.class) on Document.data: Hibernate types the column by the UserType's"
            + " getSqlType(), code that Migrate cannot run at compile time, so it cannot tell the column"
            + " type (Hibernate ignores @JdbcTypeCode and @JdbcType next to @Type). State the column type"
            + " with @Column(columnDefinition = \"jsonb\") (the type the UserType stands for; @MapKeyColumn"
            + " for a map key), which Hibernate uses as well.",
        document,
        "Type(JsonType.class) private");
  }

  @Test
  void compositeTypeNotModelled() {
    JavaFileObject offer =
        entity(
            "Offer",
            """
        @Entity
        public class Offer {
          @Id private Long id;
          @org.hibernate.annotations.CompositeType(Offer.MoneyType.class) private Money price;
          public static class Money { java.math.BigDecimal amount; String currency; }
          public abstract static class MoneyType
              implements org.hibernate.usertype.CompositeUserType<Money> {}
        }
        """);
    assertSingleError(
        compileStrict(offer),
        "@CompositeType(com.acme.Offer.MoneyType.class) on Offer.price: Hibernate maps the columns of the"
            + " class the CompositeUserType's embeddable() returns, code that Migrate cannot run at compile"
            + " time, so it cannot tell the columns. Map the value as an @Embeddable (with"
            + " @EmbeddableInstantiator if it needs one to be built), whose fields Migrate reads.",
        offer,
        "CompositeType(Offer");
  }

  @Test
  void converterWithEnumerated() {
    JavaFileObject gauge =
        entity(
            "Gauge",
            """
        @Entity
        public class Gauge {
          @Id private Long id;
          @Convert(converter = Gauge.LevelCode.class)
          @Enumerated(EnumType.STRING)
          private Level level;
          public enum Level { LOW, HIGH }
          @Converter
          public static class LevelCode implements AttributeConverter<Level, String> {
            public String convertToDatabaseColumn(Level l) { return null; }
            public Level convertToEntityAttribute(String s) { return null; }
          }
        }
        """);
    assertSingleError(
        compile(List.of("-Amigrate.hibernate=7.2"), gauge),
        "@Convert(converter = com.acme.Gauge.LevelCode.class) on Gauge.level, which is also @Enumerated:"
            + " Hibernate 7 refuses to start (\"'AttributeConverter' not allowed for attribute annotated"
            + " '@jakarta.persistence.Enumerated'\"). Remove @Enumerated to store the converter's values, or"
            + " remove @Convert to store the enum as @Enumerated says.",
        gauge,
        "@Convert(");
  }

  @Test
  void converterIgnoredWithEnumerated() {
    JavaFileObject gauge =
        entity(
            "Gauge",
            """
        @Entity
        public class Gauge {
          @Id private Long id;
          @Convert(converter = Gauge.LevelCode.class)
          @Enumerated(EnumType.STRING)
          private Level level;
          public enum Level { LOW, HIGH }
          @Converter
          public static class LevelCode implements AttributeConverter<Level, String> {
            public String convertToDatabaseColumn(Level l) { return null; }
            public Level convertToEntityAttribute(String s) { return null; }
          }
        }
        """);
    Compilation c = compile(List.of("-Amigrate.hibernate=6.6"), gauge);
    assertSingleWarning(
        c,
        "@Convert(converter = com.acme.Gauge.LevelCode.class) on Gauge.level is ignored: Hibernate maps the"
            + " value as @Enumerated says and never calls the converter (Hibernate 7 refuses this on a basic"
            + " attribute). Remove @Convert, or remove @Enumerated to store the converter's values.",
        gauge,
        "@Convert(");
    assertThat(table(snapshot(c), "gauge").checkConstraints())
        .extracting(dev.migrate.model.CheckConstraint::expression)
        .containsExactly("level IN ('LOW', 'HIGH')");
  }

  @Test
  void ambiguousAutoApply() {
    JavaFileObject converters =
        source(
            "com.acme.Money",
            """
            package com.acme;
            import jakarta.persistence.*;
            public class Money {
              @Converter(autoApply = true)
              public static class AsText implements AttributeConverter<Number, String> {
                public String convertToDatabaseColumn(Number n) { return null; }
                public Number convertToEntityAttribute(String s) { return null; }
              }
              @Converter(autoApply = true)
              public static class AsCents implements AttributeConverter<Long, Long> {
                public Long convertToDatabaseColumn(Long n) { return null; }
                public Long convertToEntityAttribute(Long s) { return null; }
              }
            }
            """);
    JavaFileObject invoice =
        entity(
            "Invoice",
            """
            @Entity
            public class Invoice {
              @Id private Long id;
              private long total;
            }
            """);
    assertSingleError(
        compile(converters, invoice),
        "Invoice.total of type long matches several auto-applied converters"
            + " [com.acme.Money.AsCents, com.acme.Money.AsText]: Hibernate refuses to start"
            + " (\"Multiple auto-apply converters matched\"). Name one with @Convert(converter ="
            + " ...), or @Convert(disableConversion = true) for none.",
        invoice,
        "long total");
  }

  @Test
  void embeddedNotAClass() {
    JavaFileObject person =
        entity(
            "Person",
            """
        @Entity
        public class Person {
          @Id private Long id;
          @Embedded
          private int[] codes;
        }
        """);
    assertSingleError(
        compile(person),
        "@Embedded on Person.codes of type int[]: only a class can be embedded."
            + " Annotate a class with @Embeddable and use it as the type.",
        person,
        "codes;");
  }

  @Test
  void lengthNotPositive() {
    JavaFileObject customer =
        entity(
            "Customer",
            """
        @Entity
        public class Customer {
          @Id private Long id;
          @Column(length = 0)
          private String email;
        }
        """);
    assertSingleError(
        compileStrict(customer),
        "@Column(length = 0) on Customer.email: length must be positive. Remove"
            + " `length` to use the default 255.",
        customer,
        "@Column(length = 0)");
  }

  @Test
  void precisionLessThanScale() {
    JavaFileObject rate =
        entity(
            "Rate",
            """
        @Entity
        public class Rate {
          @Id private Long id;
          @Column(precision = 4, scale = 6)
          private java.math.BigDecimal value;
        }
        """);
    assertSingleError(
        compileStrict(rate),
        "@Column(precision = 4, scale = 6) on Rate.value: precision (all digits) must be"
            + " at least scale (digits after the point). Raise precision to at least 6 or lower scale.",
        rate,
        "@Column(");
  }

  @Test
  void scaleWithoutPrecision() {
    JavaFileObject rate =
        entity(
            "Rate",
            """
        @Entity
        public class Rate {
          @Id private Long id;
          @Column(scale = 4)
          private java.math.BigDecimal value;
        }
        """);
    Compilation c = compile(rate);
    assertSingleWarning(
        c,
        "@Column(scale = 4) on Rate.value has no precision: Hibernate 6 ignores scale unless"
            + " precision is set, so the column is numeric(38,2). Add precision (for example precision = 38) to get"
            + " scale 4.",
        rate,
        "@Column(");
    assertThat(table(snapshot(c), "rate").columns()).contains(column("value", numeric(38, 2)));
  }

  @Test
  void duplicateColumn() {
    JavaFileObject customer =
        entity(
            "Customer",
            """
        @Entity
        public class Customer {
          @Id private Long id;
          private String email;
          @Column(name = "EMAIL") private String mail;
        }
        """);
    assertSingleError(
        compile(customer),
        "Customer.mail maps to column email of table customer, which Customer.email"
            + " maps to as well. Give one of them another @Column(name = ...), or make one read-only with"
            + " insertable = false, updatable = false.",
        customer,
        "String mail");
  }

  @Test
  void enumeratedOnNonEnum() {
    JavaFileObject item =
        entity(
            "Item",
            """
        @Entity
        public class Item {
          @Id private Long id;
          @Enumerated(EnumType.STRING)
          private String kind;
        }
        """);
    assertSingleError(
        compile(item),
        "@Enumerated on Item.kind, whose type java.lang.String is not an enum:"
            + " @Enumerated applies to enum fields only. Remove it or change the field's type.",
        item,
        "@Enumerated");
  }

  @Test
  void enumWithoutConstants() {
    JavaFileObject nothing = source("com.acme.Nothing", "package com.acme; public enum Nothing {}");
    JavaFileObject item =
        entity(
            "Item",
            """
        @Entity
        public class Item {
          @Id private Long id;
          private Nothing kind;
        }
        """);
    assertSingleError(
        compileStrict(nothing, item),
        "Item.kind has the enum type com.acme.Nothing, which declares no"
            + " constants, so no value could ever be stored. Add constants to com.acme.Nothing or mark the field"
            + " @Transient.",
        item,
        "Nothing kind");
  }

  @Test
  void mappingNotSupported() {
    JavaFileObject tag = entity("Tag", "@Entity public class Tag { @Id private Long id; }");
    JavaFileObject doc =
        entity(
            "Doc",
            """
        @Entity
        public class Doc {
          @Id private Long id;
          @ElementCollection
          private java.util.Map<Tag, String> labels;
        }
        """);
    assertSingleError(
        compileStrict(tag, doc),
        "A map keyed by an entity or embeddable on Doc.labels is not supported yet."
            + " Key the map by a basic type (String, a number, an enum) with @MapKeyColumn.",
        doc,
        "labels;");
  }

  @Test
  void generatorNotSupported() {
    JavaFileObject item =
        entity(
            "Item",
            """
        @Entity
        public class Item {
          @Id
          @GeneratedValue(generator = "custom")
          @org.hibernate.annotations.GenericGenerator(name = "custom", type = org.hibernate.id.IncrementGenerator.class)
          private Long id;
        }
        """);
    assertSingleError(
        compileStrict(item),
        "@GeneratedValue(generator = \"custom\", a @GenericGenerator) on Item.id:"
            + " Hibernate's own generators are not captured, since what they need in the database is up to their code."
            + " Use strategy = SEQUENCE, IDENTITY, TABLE or UUID (with @SequenceGenerator/@TableGenerator).",
        item,
        "@GeneratedValue");
  }

  @Test
  void generationTypeMismatch() {
    JavaFileObject item =
        entity(
            "Item",
            """
        @Entity
        public class Item {
          @Id
          @GeneratedValue(strategy = GenerationType.IDENTITY)
          private String id;
        }
        """);
    assertSingleError(
        compileStrict(item),
        "@GeneratedValue(strategy = IDENTITY) on Item.id of type java.lang.String: this"
            + " strategy generates smallint, integer or bigint values: use long, int or short (or a wrapper). Change the"
            + " field's type or the strategy.",
        item,
        "@GeneratedValue");
  }

  @Test
  void allocationSizeNotPositive() {
    JavaFileObject item =
        entity(
            "Item",
            """
        @Entity
        public class Item {
          @Id
          @GeneratedValue(generator = "gen")
          @SequenceGenerator(name = "gen", allocationSize = 0)
          private Long id;
        }
        """);
    assertSingleError(
        compileStrict(item),
        "@SequenceGenerator(name = \"gen\", allocationSize = 0) used by Item.id:"
            + " allocationSize is the sequence's increment and must be positive. Remove it to use the default 50.",
        item,
        "@GeneratedValue");
  }

  @Test
  void sequenceConflict() {
    JavaFileObject a =
        entity(
            "A",
            """
        @Entity
        public class A {
          @Id @GeneratedValue(generator = "a") @SequenceGenerator(name = "a", sequenceName = "ids", allocationSize = 1)
          private Long id;
        }
        """);
    JavaFileObject b =
        entity(
            "B",
            """
        @Entity
        public class B {
          @Id
          @GeneratedValue(generator = "b") @SequenceGenerator(name = "b", sequenceName = "ids")
          private Long id;
        }
        """);
    assertSingleError(
        compile(a, b),
        "B.id uses sequence ids with initialValue 1 and allocationSize 50, but A.id"
            + " declares it with initialValue 1 and allocationSize 1: one sequence has one definition. Use the same"
            + " @SequenceGenerator values, or another sequenceName.",
        b,
        "@GeneratedValue");
  }

  // --- relationships ---

  @Test
  void targetNotEntity() {
    JavaFileObject address =
        source("com.acme.Address", "package com.acme; public class Address {}");
    JavaFileObject shop =
        entity(
            "Shop",
            """
        @Entity
        public class Shop {
          @Id private Long id;
          @ManyToOne
          private Address address;
        }
        """);
    assertSingleError(
        compile(address, shop),
        "@ManyToOne on Shop.address refers to com.acme.Address, which is not an"
            + " @Entity. Annotate com.acme.Address with @Entity, or map the field as a plain column without @ManyToOne.",
        shop,
        "@ManyToOne");
  }

  @Test
  void referencedColumnNotPrimaryKey() {
    JavaFileObject customer =
        entity(
            "Customer",
            """
        @Entity public class Customer { @Id private Long id; @Column(unique = true) private String email; }
        """);
    JavaFileObject order =
        entity(
            "Order",
            """
        @Entity
        @Table(name = "orders")
        public class Order {
          @Id private Long id;
          @ManyToOne
          @JoinColumn(referencedColumnName = "email")
          private Customer customer;
        }
        """);
    assertSingleError(
        compileStrict(customer, order),
        "@JoinColumn(referencedColumnName = \"email\") on Order.customer:"
            + " joining to a column other than the primary key of Customer (id) is not supported yet. Remove"
            + " referencedColumnName to join to the primary key.",
        order,
        "@JoinColumn");
  }

  @Test
  void manyToManyInverseOrderColumn() {
    JavaFileObject post =
        entity(
            "Post",
            """
        @Entity
        public class Post {
          @Id private Long id;
          @ManyToMany private java.util.List<Tag> tags;
        }
        """);
    JavaFileObject tag =
        entity(
            "Tag",
            """
        @Entity
        public class Tag {
          @Id private Long id;
          @ManyToMany(mappedBy = "tags")
          @OrderColumn
          private java.util.List<Post> posts;
        }
        """);
    assertSingleError(
        compile(post, tag),
        "@OrderColumn on Tag.posts, the inverse side of a @ManyToMany(mappedBy = \"tags\"): Hibernate"
            + " refuses it at start-up (\"the unowned side of a bidirectional '@ManyToMany' may not have an"
            + " '@OrderColumn'\"), because the owning side's join table holds the rows. Move @OrderColumn to"
            + " the owning side, Post.tags, or remove it.",
        tag,
        "@OrderColumn");
  }

  @Test
  void relationshipNotSupported() {
    JavaFileObject tag = entity("Tag", "@Entity public class Tag { @Id private Long id; }");
    JavaFileObject post =
        entity(
            "Post",
            """
        @Entity
        public class Post {
          @Id private Long id;
          @ManyToOne
          @JoinTable(name = "post_tag")
          private Tag tag;
        }
        """);
    assertSingleError(
        compileStrict(tag, post),
        "@ManyToOne with @JoinTable on Post.tag is not supported yet. Map it with a"
            + " join column (the default).",
        post,
        "@JoinTable");
  }

  @Test
  void joinColumnCount() {
    JavaFileObject line =
        entity(
            "Line",
            """
        @Entity
        @IdClass(Line.Key.class)
        public class Line {
          @Id private Long orderId;
          @Id private Integer position;
          public static class Key implements java.io.Serializable { Long orderId; Integer position; }
        }
        """);
    JavaFileObject note =
        entity(
            "Note",
            """
        @Entity
        public class Note {
          @Id private Long id;
          @ManyToOne
          @JoinColumn(name = "line_order")
          private Line line;
        }
        """);
    assertSingleError(
        compile(line, note),
        "Note.line has 1 join column(s), but Line has 2 primary key column(s)"
            + " (orderid, position): a foreign key pairs each key column with one join column. Write one @JoinColumn per"
            + " key column in @JoinColumns, or none.",
        note,
        "@JoinColumn");
  }

  @Test
  void mapsIdWithoutAssociation() {
    JavaFileObject detail =
        entity(
            "Detail",
            """
        @Entity
        public class Detail {
          @Id private Long id;
          @MapsId
          private Long other;
        }
        """);
    assertSingleError(
        compile(detail),
        "@MapsId on Detail.other, which is not a @ManyToOne or @OneToOne: @MapsId"
            + " marks the association whose foreign key is the primary key. Move it to that association.",
        detail,
        "@MapsId");
  }

  @Test
  void collectionElementUnknown() {
    JavaFileObject post =
        entity(
            "Post",
            """
        @Entity
        public class Post {
          @Id private Long id;
          @SuppressWarnings("rawtypes")
          @ElementCollection
          private java.util.Set tags;
        }
        """);
    assertSingleError(
        compile(post),
        "@ElementCollection on Post.tags of type java.util.Set: the element type is"
            + " unknown, so the collection's columns are too. Declare it as a parameterized Collection, Set, List or Map"
            + " (for example Set<String>), or set targetEntity / targetClass.",
        post,
        "@ElementCollection");
  }

  @Test
  void duplicateRevisionId() {
    JavaFileObject r1 =
        source(
            "com.acme.db.R1",
            """
        package com.acme.db;
        @dev.migrate.runtime.Revision(id = "aaaaaaaaaaaa") public class R1 {}
        """);
    JavaFileObject r2 =
        source(
            "com.acme.db.R2",
            """
        package com.acme.db;
        @dev.migrate.runtime.Revision(
            id = "aaaaaaaaaaaa",
            revises = "aaaaaaaaaaaa")
        public class R2 {}
        """);
    assertSingleError(
        compile(r1, r2),
        "@Revision(id = \"aaaaaaaaaaaa\") on com.acme.db.R2: com.acme.db.R1 has the"
            + " same id, and revision ids must be unique in the chain. Give one of them a fresh id (mvn migrate:revision"
            + " writes one).",
        r2,
        "id = ");
  }

  // --- the processor itself ---

  @Test
  void unknownNamingOption() {
    Compilation c =
        compile(
            List.of("-Amigrate.naming=kebab"),
            entity("Tag", "@Entity public class Tag { @Id Long id; }"));
    assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
    assertThat(c.errors()).hasSize(1);
    assertThat(c.errors().get(0).getMessage(Locale.ROOT))
        .isEqualTo(
            "-Amigrate.naming=kebab: unknown naming"
                + " strategy. Use jpa (JPA default names, the default) or snake_case (Spring Boot's"
                + " CamelCaseToUnderscoresNamingStrategy).");
    assertThat(c.errors().get(0).getSource()).isNull();
  }

  @Test
  void unknownHibernateOption() {
    JavaFileObject note = entity("Note", "@Entity public class Note { @Id private Long id; }");
    Compilation c = compile(List.of("-Amigrate.hibernate=7"), note);
    assertThat(c.errors())
        .extracting(d -> d.getMessage(Locale.ROOT))
        .containsExactly(
            "-Amigrate.hibernate=7: unknown Hibernate version. Use 6.6 (Spring Boot 3.x), 7.2 (Spring Boot"
                + " 4.0) or 7.4, or leave it out to mirror the hibernate-core on the compile class path (7.2"
                + " without one).");
  }

  @Test
  void unknownConverterOption() {
    JavaFileObject note = entity("Note", "@Entity public class Note { @Id private Long id; }");
    Compilation c = compile(List.of("-Amigrate.converters=com.acme.Note,com.acme.Gone"), note);
    assertThat(c.errors())
        .extracting(d -> d.getMessage(Locale.ROOT))
        .containsExactly(
            "-Amigrate.converters names com.acme.Note, which is not an AttributeConverter on the"
                + " compile class path. List the binary names of the auto-applied converters that"
                + " come from jars, separated by commas.",
            "-Amigrate.converters names com.acme.Gone, which is not an AttributeConverter on the"
                + " compile class path. List the binary names of the auto-applied converters that"
                + " come from jars, separated by commas.");
  }

  @Test
  void unknownBeanValidationOption() {
    JavaFileObject note = entity("Note", "@Entity public class Note { @Id private Long id; }");
    Compilation c = compile(List.of("-Amigrate.beanValidation=strict"), note);
    assertThat(c.errors())
        .extracting(d -> d.getMessage(Locale.ROOT))
        .containsExactly(
            "-Amigrate.beanValidation=strict: unknown value. Use ddl (Bean Validation constraints shape columns, as"
                + " Hibernate applies them when a validator is present) or none.");
  }

  @Test
  void plainTableWithoutId() {
    JavaFileObject log =
        source(
            "com.acme.Log",
            """
        package com.acme;
        @dev.migrate.annotations.Table
        public class Log { private String line; }
        """);
    assertSingleWarning(
        compile(log),
        "@dev.migrate.annotations.Table Log has no @Id field, so its table has no"
            + " primary key. Annotate its key field(s) with @dev.migrate.annotations.Id, or ignore this if the table needs"
            + " none.",
        log,
        "@dev.migrate.annotations.Table");
  }

  @Test
  void foreignKeyTargetNotTable() {
    JavaFileObject log =
        source(
            "com.acme.Log",
            """
        package com.acme;
        import dev.migrate.annotations.*;
        @Table
        public class Log {
          @Id private long id;
          @ForeignKey(target = String.class)
          private long owner;
        }
        """);
    assertSingleError(
        compile(log),
        "@ForeignKey(target = java.lang.String.class) on Log.owner: java.lang.String is"
            + " not a @dev.migrate.annotations.Table class with one @Id field. Refer to such a class.",
        log,
        "@ForeignKey");
  }

  @Test
  void previousSnapshotUnreadable(@TempDir Path out) throws Exception {
    Files.createDirectories(out.resolve("META-INF/migrate"));
    Files.writeString(out.resolve(Snapshot.RESOURCE), "{ not json");
    DiskCompiler.Result result =
        DiskCompiler.compile(
            out, List.of(), entity("Tag", "@Entity public class Tag { @Id Long id; }"));
    assertThat(result.success()).as(result.toString()).isTrue();
    assertThat(result.messages(Diagnostic.Kind.WARNING))
        .hasSize(1)
        .first()
        .asString()
        .startsWith(
            "Cannot read the previous META-INF/migrate/model.json in the class output (Cannot read the model"
                + " snapshot META-INF/migrate/model.json: ")
        .endsWith(
            "): entities that were not compiled this time are left out of the new snapshot. Run a full build"
                + " (mvn clean compile) to capture all of them.");
    assertThat(Files.readString(out.resolve(Snapshot.RESOURCE))).contains("\"com.acme.Tag\"");
  }

  @Test
  void snapshotWriteFailed(@TempDir Path out) throws Exception {
    Files.createDirectories(out.resolve(Snapshot.RESOURCE)); // a directory where the file should go
    DiskCompiler.Result result =
        DiskCompiler.compile(
            out, List.of(), entity("Tag", "@Entity public class Tag { @Id Long id; }"));
    assertThat(result.success()).isFalse();
    assertThat(result.messages(Diagnostic.Kind.ERROR))
        .hasSize(1)
        .first()
        .asString()
        .startsWith("Cannot write META-INF/migrate/model.json to the class output: ")
        .endsWith(". Check that the output directory is writable and run the build again.");
  }

  @Test
  void internalError() {
    JavaFileObject tag =
        entity(
            "Tag",
            """
        @Entity
        public class Tag { @Id Long id; }
        """);
    Compilation c =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new FailingProcessor())
            .compile(tag);
    assertThat(c.status()).isEqualTo(Compilation.Status.SUCCESS);
    assertThat(c.errors()).isEmpty();
    assertThat(c.warnings()).hasSize(1);
    Diagnostic<? extends JavaFileObject> warning = c.warnings().get(0);
    assertThat(warning.getMessage(Locale.ROOT))
        .isEqualTo(
            "Migrate's model processor failed on com.acme.Tag:"
                + " java.lang.IllegalStateException: boom. This is a bug in Migrate: please report it with the class source."
                + Reporter.INCOMPLETE);
    assertThat(warning.getLineNumber()).isEqualTo(lineOf(tag, "public class Tag"));
  }

  /**
   * Reports an unexpected exception on each root class the way the processor does when one escapes
   * a mapping.
   */
  private static final class FailingProcessor extends AbstractProcessor {
    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      Reporter reporter = new Reporter(processingEnv.getMessager(), false);
      for (Element e : round.getRootElements()) {
        reporter.internal(e, new IllegalStateException("boom"));
      }
      return false;
    }
  }
}
