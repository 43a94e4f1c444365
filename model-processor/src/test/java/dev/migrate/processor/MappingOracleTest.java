package dev.migrate.processor;

import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.source;

import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each mapping feature against Hibernate 6.6 itself ({@link Oracle}): the same compiled entities, Hibernate's
 * metadata for PostgreSQL, the same tables, columns in the same order with the same types and nullability, keys,
 * checks, indexes, comments, defaults and sequences.
 */
class MappingOracleTest {

  static final JavaFileObject STATUS = source("com.acme.Status", "package com.acme; public enum Status { NEW, PAID }");

  static final JavaFileObject CONVERTER = source("com.acme.MoneyConverter", """
      package com.acme;
      @jakarta.persistence.Converter
      public class MoneyConverter implements jakarta.persistence.AttributeConverter<MoneyConverter.Money, Long> {
        public record Money(long cents) {}
        public Long convertToDatabaseColumn(Money m) { return m == null ? null : m.cents(); }
        public Money convertToEntityAttribute(Long c) { return c == null ? null : new Money(c); }
      }
      """);

  static final JavaFileObject BASICS = entity("Basics", """
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

  static final JavaFileObject ADDRESS = source("com.acme.Address", """
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
  static final JavaFileObject GEO = source("com.acme.Geo", """
      package com.acme;
      @jakarta.persistence.Embeddable
      public class Geo { private double lat; private Double lon; }
      """);
  static final JavaFileObject COUNTRY = entity("Country", """
      @Entity public class Country { @Id @Column(length = 2) private String code; }
      """);
  static final JavaFileObject AUDITED = source("com.acme.Audited", """
      package com.acme;
      import jakarta.persistence.*;
      @MappedSuperclass
      public abstract class Audited {
        @Id @GeneratedValue private Long id;
        private java.time.Instant createdAt;
        private String createdBy;
      }
      """);
  static final JavaFileObject CUSTOMER = entity("Customer", """
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

  static final JavaFileObject VEHICLE = entity("Vehicle", """
      @Entity
      public abstract class Vehicle {
        @Id @GeneratedValue private Long id;
        private String plate;
      }
      """);
  static final JavaFileObject CAR = entity("Car", """
      @Entity
      public class Car extends Vehicle {
        private int seats;
        @Column(nullable = false) private String model;
        @Basic(optional = false) private String vin;
        @ManyToOne(optional = false) private Country made;
        @ManyToOne private Country country;
      }
      """);
  static final JavaFileObject TRUCK = entity("Truck", """
      @Entity
      @DiscriminatorValue("T")
      public class Truck extends Vehicle { private Double load; }
      """);

  @Test
  void singleTableAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, COUNTRY, VEHICLE, CAR, TRUCK);
  }

  static final JavaFileObject PAYMENT = entity("Payment", """
      @Entity
      @Inheritance(strategy = InheritanceType.JOINED)
      @DiscriminatorColumn(name = "kind", discriminatorType = DiscriminatorType.INTEGER)
      public class Payment {
        @Id @GeneratedValue private Long id;
        private java.math.BigDecimal amount;
      }
      """);
  static final JavaFileObject CARD = entity("CardPayment", """
      @Entity
      @DiscriminatorValue("1")
      @PrimaryKeyJoinColumn(name = "payment_id")
      public class CardPayment extends Payment { private String cardNumber; }
      """);
  static final JavaFileObject WIRE = entity("WirePayment", """
      @Entity
      @DiscriminatorValue("2")
      @Table(name = "wire")
      public class WirePayment extends Payment { private String iban; @ManyToOne private CardPayment previous; }
      """);

  @Test
  void joinedAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, PAYMENT, CARD, WIRE);
  }

  static final JavaFileObject SHAPE = entity("Shape", """
      @Entity
      @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
      public abstract class Shape {
        @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id;
        private String color;
      }
      """);
  static final JavaFileObject CIRCLE = entity("Circle", """
      @Entity public class Circle extends Shape { private double radius; }
      """);
  static final JavaFileObject SQUARE = entity("Square", """
      @Entity public class Square extends Shape { private double side; @ManyToOne private Circle inner; }
      """);

  @Test
  void tablePerClassAgreesWithHibernate(@TempDir Path out) throws Exception {
    Oracle.assertSameSchema(out, false, SHAPE, CIRCLE, SQUARE);
  }
}
