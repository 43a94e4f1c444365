package dev.migrate.processor;

import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mapping feature against Hibernate 6.6 itself ({@link Oracle}): the same compiled entities,
 * Hibernate's metadata for PostgreSQL, the same tables, columns in the same order with the same
 * types and nullability, keys, checks, indexes, comments, defaults and sequences.
 */
class MappingOracleTest {

  static final JavaFileObject STATUS =
      source("com.acme.Status", "package com.acme; public enum Status { NEW, PAID }");

  static final JavaFileObject CONVERTER =
      source(
          "com.acme.MoneyConverter",
          """
      package com.acme;
      @jakarta.persistence.Converter
      public class MoneyConverter implements jakarta.persistence.AttributeConverter<MoneyConverter.Money, Long> {
        public record Money(long cents) {}
        public Long convertToDatabaseColumn(Money m) { return m == null ? null : m.cents(); }
        public Money convertToEntityAttribute(Long c) { return c == null ? null : new Money(c); }
      }
      """);

  static final JavaFileObject BASICS =
      entity(
          "Basics",
          """
      import org.hibernate.annotations.ColumnDefault;
      import org.hibernate.annotations.Comment;
      import org.hibernate.annotations.JdbcTypeCode;
      import org.hibernate.annotations.Nationalized;
      import org.hibernate.type.SqlTypes;
      @Entity
      @Table(indexes = {@Index(columnList = "created DESC, code"), @Index(name = "by_code", columnList = "code ASC",
          unique = true)})
      @Comment("all the basics")
      @org.hibernate.annotations.Check(constraints = "amount >= 0")
      public class Basics {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
        @Version private Integer version;
        @Lob private String body;
        @Lob private byte[] blob;
        @Convert(converter = MoneyConverter.class) private MoneyConverter.Money price;
        @ColumnDefault("0") private Integer amount;
        @Comment("the code") private String code;
        @org.hibernate.annotations.Check(constraints = "qty > 0") private Integer qty;
        @JdbcTypeCode(SqlTypes.JSON) private String payload;
        @JdbcTypeCode(SqlTypes.JSON) private java.util.Map<String, Object> attributes;
        @Nationalized private String title;
        @Temporal(TemporalType.TIMESTAMP) private java.util.Date created;
        @Enumerated(EnumType.STRING) @Column(length = 20) private Status status;
        @Column(columnDefinition = "text") private String notes;
        @Basic(optional = false) private String required;
      }
      """);

  @Test
  void basicAttributesAgreeWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, STATUS, CONVERTER, BASICS);
  }

  static final JavaFileObject ADDRESS =
      source(
          "com.acme.Address",
          """
      package com.acme;
      import jakarta.persistence.*;
      @Embeddable
      public class Address {
        private String street;
        @Column(name = "zip", length = 10) private String postalCode;
        @Embedded private Geo geo;
        @ManyToOne private Country country;
      }
      """);
  static final JavaFileObject GEO =
      source(
          "com.acme.Geo",
          """
      package com.acme;
      @jakarta.persistence.Embeddable
      public class Geo { private double lat; private Double lon; }
      """);
  static final JavaFileObject COUNTRY =
      entity(
          "Country",
          """
      @Entity public class Country { @Id @Column(length = 2) private String code; }
      """);
  static final JavaFileObject AUDITED =
      source(
          "com.acme.Audited",
          """
      package com.acme;
      import jakarta.persistence.*;
      @MappedSuperclass
      public abstract class Audited {
        @Id @GeneratedValue private Long id;
        private java.time.Instant createdAt;
        private String createdBy;
      }
      """);
  static final JavaFileObject CUSTOMER =
      entity(
          "Customer",
          """
      @Entity
      @AttributeOverride(name = "createdBy", column = @Column(name = "author", length = 80))
      public class Customer extends Audited {
        private String name;
        @Embedded private Address home;
        @Embedded
        @AttributeOverrides({
          @AttributeOverride(name = "street", column = @Column(name = "work_street")),
          @AttributeOverride(name = "postalCode", column = @Column(name = "work_zip")),
          @AttributeOverride(name = "geo.lat", column = @Column(name = "work_lat")),
          @AttributeOverride(name = "geo.lon", column = @Column(name = "work_lon"))
        })
        @AssociationOverride(name = "country", joinColumns = @JoinColumn(name = "work_country"))
        private Address work;
      }
      """);

  @Test
  void embeddablesAndMappedSuperclassesAgreeWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, ADDRESS, GEO, COUNTRY, AUDITED, CUSTOMER);
  }

  @Test
  void embeddablesAgreeWithHibernateInSnakeCase(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, true, ADDRESS, GEO, COUNTRY, AUDITED, CUSTOMER);
  }

  static final JavaFileObject VEHICLE =
      entity(
          "Vehicle",
          """
      @Entity
      public abstract class Vehicle {
        @Id @GeneratedValue private Long id;
        private String plate;
      }
      """);
  static final JavaFileObject CAR =
      entity(
          "Car",
          """
      @Entity
      public class Car extends Vehicle {
        private int seats;
        @Column(nullable = false) private String model;
        @Basic(optional = false) private String vin;
        @ManyToOne(optional = false) private Country made;
        @ManyToOne private Country country;
      }
      """);
  static final JavaFileObject TRUCK =
      entity(
          "Truck",
          """
      @Entity
      @DiscriminatorValue("T")
      public class Truck extends Vehicle { private Double load; }
      """);

  @Test
  void singleTableAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, COUNTRY, VEHICLE, CAR, TRUCK);
  }

  static final JavaFileObject PAYMENT =
      entity(
          "Payment",
          """
      @Entity
      @Inheritance(strategy = InheritanceType.JOINED)
      @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
      public class Payment {
        @Id @GeneratedValue private Long id;
        private java.math.BigDecimal amount;
      }
      """);
  static final JavaFileObject CARD =
      entity(
          "CardPayment",
          """
      @Entity
      @DiscriminatorValue("1")
      @PrimaryKeyJoinColumn(name = "payment_id")
      public class CardPayment extends Payment { private String cardNumber; }
      """);
  static final JavaFileObject WIRE =
      entity(
          "WirePayment",
          """
      @Entity
      @DiscriminatorValue("2")
      @Table(name = "wire")
      public class WirePayment extends Payment { private String iban; @ManyToOne private CardPayment previous; }
      """);

  @Test
  void joinedAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, PAYMENT, CARD, WIRE);
  }

  static final JavaFileObject SHAPE =
      entity(
          "Shape",
          """
      @Entity
      @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
      public abstract class Shape {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
        private String color;
      }
      """);
  static final JavaFileObject CIRCLE =
      entity(
          "Circle",
          """
      @Entity public class Circle extends Shape { private double radius; }
      """);
  static final JavaFileObject SQUARE =
      entity(
          "Square",
          """
      @Entity public class Square extends Shape { private double side; @ManyToOne private Circle inner; }
      """);

  @Test
  void tablePerClassAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, SHAPE, CIRCLE, SQUARE);
  }

  static final JavaFileObject TAG =
      entity(
          "Tag",
          """
      @Entity public class Tag { @Id @GeneratedValue private Long id; private String label; }
      """);
  static final JavaFileObject AUTHOR =
      entity(
          "Author",
          """
      @Entity
      public class Author {
        @Id @GeneratedValue private Long id;
        @ManyToMany(mappedBy = "authors") private java.util.Set<Post> posts;
      }
      """);
  static final JavaFileObject POST =
      entity(
          "Post",
          """
      @Entity
      public class Post {
        @Id @GeneratedValue private Long id;
        @ManyToMany private java.util.Set<Tag> tags;
        @ManyToMany private java.util.Set<Author> authors;
        @ManyToMany
        @JoinTable(name = "post_reviewer", joinColumns = @JoinColumn(name = "post"),
            inverseJoinColumns = @JoinColumn(name = "reviewer"))
        @OrderColumn
        private java.util.List<Author> reviewers;
        @OneToMany private java.util.List<Comment> related;
        @OneToMany @JoinColumn(name = "post_id") @OrderColumn(name = "position") private java.util.List<Comment> comments;
        @ElementCollection private java.util.Set<String> keywords;
        @ElementCollection @CollectionTable(name = "post_visits") @Column(name = "day")
        private java.util.List<java.time.LocalDate> visits;
        @ElementCollection @Enumerated(EnumType.STRING) private java.util.Set<Status> statuses;
        @ElementCollection @MapKeyColumn(name = "lang") @Column(name = "text", length = 1000)
        private java.util.Map<String, String> translations;
        @ElementCollection @MapKeyEnumerated(EnumType.STRING) private java.util.Map<Status, Integer> counts;
        @ElementCollection private java.util.Set<Geo> places;
        @ElementCollection @OrderColumn private java.util.List<Geo> route;
      }
      """);
  static final JavaFileObject COMMENT =
      entity(
          "Comment",
          """
      @Entity public class Comment { @Id @GeneratedValue private Long id; private String text; }
      """);

  @Test
  void collectionsAgreeWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, STATUS, GEO, TAG, AUTHOR, POST, COMMENT);
  }

  @Test
  void collectionsAgreeWithHibernateInSnakeCase(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, true, STATUS, GEO, TAG, AUTHOR, POST, COMMENT);
  }

  static final JavaFileObject ORDER_KEY =
      source(
          "com.acme.OrderKey",
          """
      package com.acme;
      @jakarta.persistence.Embeddable
      public class OrderKey implements java.io.Serializable { private String region; private long number; }
      """);
  static final JavaFileObject PURCHASE =
      entity(
          "Purchase",
          """
      @Entity
      public class Purchase {
        @EmbeddedId private OrderKey key;
        private String note;
      }
      """);
  static final JavaFileObject LINE =
      entity(
          "Line",
          """
      @Entity
      @IdClass(Line.Key.class)
      public class Line {
        @Id @ManyToOne private Purchase purchase;
        @Id private int position;
        private int quantity;
        public static class Key implements java.io.Serializable { OrderKey purchase; int position; }
      }
      """);
  static final JavaFileObject USER =
      entity(
          "Account",
          """
      @Entity public class Account { @Id @GeneratedValue private Long id; }
      """);
  static final JavaFileObject PROFILE =
      entity(
          "Profile",
          """
      @Entity
      public class Profile {
        @Id private Long id;
        @OneToOne @MapsId private Account account;
        private String bio;
      }
      """);
  static final JavaFileObject SHIPMENT =
      entity(
          "Shipment",
          """
      @Entity
      public class Shipment {
        @Id private Long id;
        @ManyToOne
        @JoinColumns({@JoinColumn(name = "p_region", referencedColumnName = "region"),
                      @JoinColumn(name = "p_number", referencedColumnName = "number")})
        private Purchase purchase;
        @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) private Account account;
        @OneToOne private Profile profile;
      }
      """);

  @Test
  void compositeAndDerivedIdsAgreeWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, ORDER_KEY, PURCHASE, LINE, USER, PROFILE, SHIPMENT);
  }

  static final JavaFileObject GENERATED =
      entity(
          "Ticket",
          """
      @Entity
      @SecondaryTable(name = "ticket_detail")
      public class Ticket {
        @Id @GeneratedValue(strategy = GenerationType.TABLE) private Long id;
        private String title;
        @Column(table = "ticket_detail", length = 2000) private String description;
      }
      """);
  static final JavaFileObject COUNTED =
      entity(
          "Counted",
          """
      @Entity
      @SecondaryTable(name = "counted_extra", pkJoinColumns = @PrimaryKeyJoinColumn(name = "counted_id"))
      public class Counted {
        @Id @GeneratedValue(generator = "counter")
        @TableGenerator(name = "counter", table = "id_gen", pkColumnName = "gen_name", valueColumnName = "gen_value")
        private Long id;
        @Column(table = "counted_extra") private Integer extra;
      }
      """);

  @Test
  void tableGeneratorsAndSecondaryTablesAgreeWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, GENERATED, COUNTED);
  }

  static final JavaFileObject PROPERTY_ACCESS =
      entity(
          "Person",
          """
      @Entity
      public class Person {
        private Long id;
        private String fullName;
        private boolean active;
        private String cache;
        @Id @GeneratedValue public Long getId() { return id; }
        public void setId(Long id) { this.id = id; }
        @Column(length = 100) public String getFullName() { return fullName; }
        public void setFullName(String n) { fullName = n; }
        public boolean isActive() { return active; }
        public void setActive(boolean a) { active = a; }
        @Transient public String getCache() { return cache; }
        public void setCache(String c) { cache = c; }
      }
      """);

  @Test
  void propertyAccessAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, PROPERTY_ACCESS);
  }

  static final JavaFileObject VALIDATED =
      entity(
          "Signup",
          """
      import jakarta.validation.constraints.*;
      @Entity
      public class Signup {
        @Id @GeneratedValue private Long id;
        @NotNull private String email;
        @NotBlank @Size(max = 40) private String name;
        @NotEmpty private String code;
        @Size(min = 2, max = 500) private String bio;
        @Digits(integer = 6, fraction = 2) private java.math.BigDecimal price;
        @Min(1) @Max(10) private Integer rating;
        @NotNull @ManyToOne private Signup referrer;
      }
      """);

  @Test
  void beanValidationAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, VALIDATED);
  }

  static final JavaFileObject NAMED_ENUM =
      entity(
          "Order",
          """
      @Entity
      @Table(name = "orders")
      public class Order {
        @Id @GeneratedValue private Long id;
        @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ENUM)
        @Enumerated(EnumType.STRING)
        private Status status;
      }
      """);

  @Test
  void namedEnumAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, STATUS, NAMED_ENUM);
  }

  static final JavaFileObject POLICY_STATUS =
      source(
          "com.acme.PolicyStatus",
          "package com.acme; public enum PolicyStatus { QUOTED, ACTIVE, LAPSED, CANCELLED }");
  static final JavaFileObject POLICY =
      entity(
          "Policy",
          """
      @Entity
      public class Policy {
        @Id @GeneratedValue private Long id;
        @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.NAMED_ENUM)
        @Enumerated(EnumType.STRING)
        private PolicyStatus policyStatus;
      }
      """);

  /**
   * The type keeps the class's simple name, unchanged by snake_case, and its labels come sorted by
   * name.
   */
  @Test
  void namedEnumTypeNameAndLabelOrderAgreeWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(
        Files.createDirectories(out.resolve("jpa")), false, POLICY_STATUS, POLICY);
    Oracle.assertSameSchema(
        Files.createDirectories(out.resolve("snake")), true, POLICY_STATUS, POLICY);
  }

  static final JavaFileObject PROPERTY_IN_FIELD_ACCESS =
      entity(
          "Product",
          """
      @Entity
      @Access(AccessType.FIELD)
      @Table(indexes = @Index(columnList = "sku"))
      public class Product {
        @Id @GeneratedValue private Long id;
        @Transient private String sku;
        @Access(AccessType.PROPERTY)
        @Column(name = "sku", nullable = false, length = 32)
        public String getSku() { return sku == null ? null : sku.toUpperCase(); }
        public void setSku(String sku) { this.sku = sku; }
        public String getIgnored() { return "not a property with field access"; }
      }
      """);

  /**
   * JPA 3.1, 2.3.2: an {@code @Access(PROPERTY)} getter in a field-access entity is mapped, its
   * field transient.
   */
  @Test
  void propertyAccessGetterInFieldAccessEntityAgreesWithHibernate(@TempDir Path out)
      throws Exception {
    Oracle.assertSameSchema(out, false, PROPERTY_IN_FIELD_ACCESS);
  }

  static final JavaFileObject ID_BAG =
      entity(
          "Claim",
          """
      import org.hibernate.annotations.CollectionId;
      import org.hibernate.annotations.CollectionIdJdbcTypeCode;
      import org.hibernate.type.SqlTypes;
      @Entity
      public class Claim {
        @Id @GeneratedValue private Long id;
        @ElementCollection
        @CollectionId(column = @Column(name = "note_id"), generator = "increment")
        @CollectionIdJdbcTypeCode(SqlTypes.BIGINT)
        private java.util.List<String> notes;
        @ElementCollection
        @CollectionId(column = @Column(name = "ref_id"), generator = "sequence")
        @CollectionIdJdbcTypeCode(SqlTypes.INTEGER)
        private java.util.List<String> references;
        @ElementCollection
        @CollectionId(column = @Column(name = "photo_id"), generator = "photo_ids")
        @SequenceGenerator(name = "photo_ids", sequenceName = "claim_photo_seq", allocationSize = 5)
        @CollectionIdJdbcTypeCode(SqlTypes.SMALLINT)
        private java.util.List<String> photos;
      }
      """);

  /**
   * An id-bag's identifier column is the collection table's whole primary key; its generator's
   * sequence ({@code sequence}: {@code <collection table>_SEQ}; a named {@code @SequenceGenerator})
   * exists.
   */
  @Test
  void collectionIdAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(Files.createDirectories(out.resolve("jpa")), false, ID_BAG);
    Oracle.assertSameSchema(Files.createDirectories(out.resolve("snake")), true, ID_BAG);
  }

  static final JavaFileObject KEYS =
      entity(
          "Shelf",
          """
      @Entity
      public class Shelf {
        @EmbeddedId private ShelfId id;
        @ManyToMany private java.util.Set<Shelf> neighbours;
        @ManyToMany private java.util.Set<Bin> bins;
        @ElementCollection @OrderColumn private java.util.List<String> labels;
        @ElementCollection private java.util.Map<Short, String> slots;
        @Embeddable public static class ShelfId implements java.io.Serializable {
          @Column(length = 10) private String aisle;
          private Long number;
          private boolean upper;
        }
      }
      """);
  static final JavaFileObject BIN =
      entity(
          "Bin",
          """
      @Entity
      public class Bin {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id;
        @ManyToOne private Shelf shelf;
      }
      """);

  /**
   * Keys of several columns in the order Hibernate's export creates them (size, then name as
   * Hibernate spells it), and foreign keys to them following that order.
   */
  @Test
  void primaryKeyColumnOrderAgreesWithHibernatesExport(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(Files.createDirectories(out.resolve("jpa")), false, KEYS, BIN);
    Oracle.assertSameSchema(Files.createDirectories(out.resolve("snake")), true, KEYS, BIN);
  }

  static final JavaFileObject KIND =
      source("com.acme.Kind", "package com.acme; public enum Kind { B, A }");
  static final JavaFileObject KEYED_AUTHOR =
      entity(
          "Writer",
          """
      @Entity
      @IdClass(Writer.Key.class)
      public class Writer {
        @Id @Column(length = 20) private String country;
        @Id private Integer number;
        @ManyToMany(mappedBy = "authors") private java.util.Set<Book> books;
        public record Key(String country, Integer number) implements java.io.Serializable {}
      }
      """);
  static final JavaFileObject BOOK =
      entity(
          "Book",
          """
      @Entity
      public class Book {
        @Id @GeneratedValue(strategy = GenerationType.UUID) private java.util.UUID id;
        @ManyToMany @OrderColumn private java.util.List<Writer> authors;
        @ManyToOne
        @JoinColumns({
          @JoinColumn(name = "ed_number", referencedColumnName = "number"),
          @JoinColumn(name = "ed_country", referencedColumnName = "country")})
        private Writer editor;
        @OneToMany private java.util.List<Chapter> chapters;
        @ElementCollection @Enumerated(EnumType.STRING) private java.util.Set<Kind> kinds;
        @ElementCollection @MapKeyColumn(name = "lang") private java.util.Map<String, Chapter.Note> notes;
        @OneToMany @JoinTable(name = "book_slot") @MapKeyColumn(name = "slot")
        private java.util.Map<Integer, Chapter> bySlot;
        @ManyToMany private java.util.Set<Book> related;
      }
      """);
  static final JavaFileObject CHAPTER =
      entity(
          "Chapter",
          """
      @Entity
      public class Chapter {
        @Id private Long id;
        private short pages;
        @Embeddable public static class Note { private String text; @Column(nullable = false) private boolean done; }
      }
      """);

  /**
   * Composite keys referenced by join columns and join tables, ordered lists, sets and maps of each
   * kind.
   */
  @Test
  void keysOfAssociationsAndCollectionsAgreeWithHibernatesExport(@TempDir Path out)
      throws Exception {
    Oracle.assertSameSchema(
        Files.createDirectories(out.resolve("jpa")), false, KIND, KEYED_AUTHOR, BOOK, CHAPTER);
    Oracle.assertSameSchema(
        Files.createDirectories(out.resolve("snake")), true, KIND, KEYED_AUTHOR, BOOK, CHAPTER);
  }

  static final JavaFileObject PARTY =
      entity(
          "Party",
          """
      @Entity
      @Inheritance(strategy = InheritanceType.JOINED)
      public class Party {
        @EmbeddedId private PartyId id;
        @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 50) private String name;
        @Embeddable public static class PartyId implements java.io.Serializable {
          private java.util.UUID tenant; private Long seq; @Column(length = 3) private String kind;
        }
        @Embeddable public static class Contact {
          @jakarta.validation.constraints.Size(max = 30) private String phone;
          @jakarta.validation.constraints.NotNull private String email;
        }
      }
      """);
  static final JavaFileObject PERSON =
      entity(
          "Person",
          """
      @Entity
      @SecondaryTable(name = "person_extra")
      public class Person extends Party {
        @Column(table = "person_extra") private String bio;
        @jakarta.validation.Valid @Embedded private Party.Contact contact;
      }
      """);
  static final JavaFileObject KEYED_VEHICLE =
      entity(
          "Machine",
          """
      @Entity
      @DiscriminatorColumn(name = "kind", length = 10)
      public abstract class Machine {
        @Id @GeneratedValue private Long id;
        @ManyToMany private java.util.Set<Party> owners;
      }
      """);
  static final JavaFileObject KEYED_CAR =
      entity(
          "Lorry",
          """
      @Entity
      public class Lorry extends Machine {
        @jakarta.validation.constraints.NotNull private Integer seats;
        @jakarta.validation.constraints.NotNull @ManyToOne private Party dealer;
      }
      """);

  /**
   * A composite key through a joined subclass and its secondary table, and into a join table; Bean
   * Validation in a subclass's {@code @Valid} embeddable and in a single-table subclass.
   */
  @Test
  void keysAndValidationInHierarchiesAgreeWithHibernatesExport(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(
        Files.createDirectories(out.resolve("jpa")),
        false,
        PARTY,
        PERSON,
        KEYED_VEHICLE,
        KEYED_CAR);
    Oracle.assertSameSchema(
        Files.createDirectories(out.resolve("snake")),
        true,
        PARTY,
        PERSON,
        KEYED_VEHICLE,
        KEYED_CAR);
  }

  static final JavaFileObject UNIQUE_ON_KEY =
      entity(
          "Slot",
          """
      @Entity
      @IdClass(Slot.Key.class)
      @Table(uniqueConstraints = @UniqueConstraint(columnNames = {"row", "code"}))
      public class Slot {
        @Id @Column(length = 8) private String code;
        @Id private Long row;
        private String label;
        public record Key(String code, Long row) implements java.io.Serializable {}
      }
      """);

  /**
   * A unique constraint on exactly the key's columns is dropped and gives the key its column order.
   */
  @Test
  void uniqueConstraintOnThePrimaryKeyOrdersItAsHibernateDoes(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, UNIQUE_ON_KEY);
  }

  static final JavaFileObject POSTAL =
      source(
          "com.acme.Postal",
          """
      package com.acme;
      import jakarta.validation.constraints.*;
      @jakarta.persistence.Embeddable
      public class Postal {
        @Size(max = 120) private String street;
        @NotNull @Size(max = 10) private String zip;
        @jakarta.validation.Valid @jakarta.persistence.Embedded private Geo geo;
        @NotNull @jakarta.persistence.ManyToOne private Region region;
      }
      """);
  static final JavaFileObject REGION =
      entity(
          "Region",
          """
      @Entity
      public class Region { @Id private String code; }
      """);
  static final JavaFileObject VALIDATED_GEO =
      source(
          "com.acme.Geo",
          """
      package com.acme;
      @jakarta.persistence.Embeddable
      public class Geo { @jakarta.validation.constraints.NotNull private Double lat;
        @jakarta.validation.constraints.Digits(integer = 3, fraction = 6) private java.math.BigDecimal lon; }
      """);
  static final JavaFileObject ADDRESSED =
      entity(
          "Addressed",
          """
      import jakarta.validation.Valid;
      import jakarta.validation.constraints.NotNull;
      @Entity
      public class Addressed {
        @Id @GeneratedValue private Long id;
        @Embedded private Postal plain;
        @Valid @Embedded
        @AttributeOverride(name = "street", column = @Column(name = "v_street"))
        @AttributeOverride(name = "zip", column = @Column(name = "v_zip"))
        @AttributeOverride(name = "geo.lat", column = @Column(name = "v_lat"))
        @AttributeOverride(name = "geo.lon", column = @Column(name = "v_lon"))
        @AssociationOverride(name = "region", joinColumns = @JoinColumn(name = "v_region"))
        private Postal valid;
        @Valid @NotNull @Embedded
        @AttributeOverride(name = "street", column = @Column(name = "n_street"))
        @AttributeOverride(name = "zip", column = @Column(name = "n_zip"))
        @AttributeOverride(name = "geo.lat", column = @Column(name = "n_lat"))
        @AttributeOverride(name = "geo.lon", column = @Column(name = "n_lon"))
        @AssociationOverride(name = "region", joinColumns = @JoinColumn(name = "n_region"))
        private Postal validNotNull;
      }
      """);

  /**
   * Bean Validation inside an embeddable: ignored unless the embedded attribute is {@code @Valid};
   * its {@code @NotNull} only when the embedded attribute is {@code @NotNull} too
   * (TypeSafeActivator.applyDDL).
   */
  @Test
  void beanValidationInEmbeddablesAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, POSTAL, VALIDATED_GEO, REGION, ADDRESSED);
  }

  static final JavaFileObject VALIDATED_COLLECTIONS =
      entity(
          "Survey",
          """
      import jakarta.validation.Valid;
      import jakarta.validation.constraints.*;
      @Entity
      public class Survey {
        @Id @GeneratedValue private Long id;
        @NotNull @Size(max = 20) @ElementCollection private java.util.List<String> answers;
        @NotEmpty @Valid @ElementCollection private java.util.Set<Postal> places;
      }
      """);

  /**
   * Bean Validation on a collection attribute constrains the collection, not its table's columns.
   */
  @Test
  void beanValidationOnCollectionsAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, POSTAL, VALIDATED_GEO, REGION, VALIDATED_COLLECTIONS);
  }

  static final JavaFileObject COLOR =
      source("com.acme.Color", "package com.acme; public enum Color { RED, GREEN }");

  /**
   * Every basic type Hibernate 6.6 maps natively on PostgreSQL beyond the common ones (issue 15):
   * java.time's and java.util's value types, arrays and basic collections of basic types and enums
   * (not {@code Byte[]} and {@code Character[]}, which Hibernate refuses by default: {@link
   * #hibernateRefusesAWrapperArrayByDefault}), sized by {@code @Column}.
   */
  static final JavaFileObject MORE_TYPES =
      entity(
          "Gadget",
          """
      import java.util.*;
      import org.hibernate.annotations.JdbcTypeCode;
      import org.hibernate.type.SqlTypes;
      @Entity
      public class Gadget {
        @Id @GeneratedValue private Long id;
        private java.time.Duration duration;
        @Column(precision = 10) private java.time.Duration shortDuration;
        private java.time.OffsetTime offsetTime;
        private java.time.Year year;
        private java.time.ZoneId zoneId;
        private java.time.ZoneOffset zoneOffset;
        @Column(length = 10) private java.time.ZoneOffset longZoneOffset;
        private Locale locale;
        private TimeZone timeZone;
        private Currency currency;
        private java.net.URL url;
        private Class<?> type;
        private java.net.InetAddress address;
        private String[] strings;
        @Column(length = 40) private String[] codes;
        @Column(nullable = false) private Integer[] integers;
        private int[] ints;
        private long[] longs;
        private Short[] shorts;
        private boolean[] flags;
        private double[] doubles;
        private Float[] floats;
        private java.math.BigDecimal[] amounts;
        private UUID[] tokens;
        private java.time.LocalDate[] days;
        private java.time.Instant[] instants;
        private Color[] colors;
        @Enumerated(EnumType.STRING) private Color[] colorNames;
        @Enumerated(EnumType.STRING) private List<Color> colorList;
        @JdbcTypeCode(SqlTypes.ARRAY) private List<String> names;
        @JdbcTypeCode(SqlTypes.ARRAY) private Set<Integer> numbers;
        private List<Long> plainList;
        @Column(length = 20) private Set<String> labels;
      }
      """);

  @Test
  void moreBasicTypesAndArraysAgreeWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, COLOR, MORE_TYPES);
  }

  static final JavaFileObject WRAPPER_ARRAY =
      entity(
          "Blob",
          """
      @Entity
      public class Blob {
        @Id @GeneratedValue private Long id;
        private Byte[] boxed;
      }
      """);

  /**
   * Why {@code Byte[]} is an unmodelled mapping ({@link Message#WRAPPER_ARRAY}): with its default
   * settings Hibernate 6.6.33 refuses to start (its metadata alone says {@code smallint array},
   * what {@code ALLOW} gives).
   */
  @Test
  void hibernateRefusesAWrapperArrayByDefault(@TempDir Path out) throws Exception {
    DiskCompiler.Result result = DiskCompiler.compile(out, List.of("-proc:none"), WRAPPER_ARRAY);
    assertThat(result.success()).as(result.toString()).isTrue();
    assertThatThrownBy(() -> Oracle.hibernate(out, List.of("com.acme.Blob"), false))
        .isInstanceOf(org.hibernate.MappingException.class)
        .hasMessageContaining("wrapper type Byte[]/Character[]");
  }

  /**
   * Hibernate's own JavaType classes (issue 15): on an id-bag's identifier
   * ({@code @CollectionIdJavaType}) and on a basic attribute ({@code @JavaType}).
   */
  static final JavaFileObject JAVA_TYPES =
      entity(
          "Dossier",
          """
      import org.hibernate.annotations.CollectionId;
      import org.hibernate.annotations.CollectionIdJavaType;
      import org.hibernate.annotations.JavaType;
      import org.hibernate.type.descriptor.java.*;
      @Entity
      public class Dossier {
        @Id @GeneratedValue private Long id;
        @JavaType(UUIDJavaType.class) private java.util.UUID token;
        @JavaType(LongJavaType.class) private Long counter;
        @JavaType(StringJavaType.class) @Column(length = 30) private String code;
        @ElementCollection
        @CollectionId(column = @Column(name = "tag_id"), generator = "increment")
        @CollectionIdJavaType(IntegerJavaType.class)
        private java.util.List<String> tags;
        @ElementCollection
        @CollectionId(column = @Column(name = "note_id"), generator = "sequence")
        @CollectionIdJavaType(LongJavaType.class)
        private java.util.List<String> notes;
        @ElementCollection
        @CollectionId(column = @Column(name = "mark_id"), generator = "increment")
        @CollectionIdJavaType(ShortJavaType.class)
        private java.util.List<String> marks;
      }
      """);

  @Test
  void hibernatesJavaTypeClassesAgreeWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(Files.createDirectories(out.resolve("jpa")), false, JAVA_TYPES);
    Oracle.assertSameSchema(Files.createDirectories(out.resolve("snake")), true, JAVA_TYPES);
  }
}
