package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.table;
import static dev.migrate.runtime.Ddl.bigint;
import static dev.migrate.runtime.Ddl.check;
import static dev.migrate.runtime.Ddl.column;
import static dev.migrate.runtime.Ddl.index;
import static dev.migrate.runtime.Ddl.primaryKey;
import static dev.migrate.runtime.Ddl.smallint;
import static dev.migrate.runtime.Ddl.unique;
import static dev.migrate.runtime.Ddl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import dev.migrate.snapshot.Snapshot;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Enum columns with their check constraints; how names are folded, quoted and chosen. */
class EnumAndNamingTest {

  static final JavaFileObject STATUS =
      Testing.source(
          "com.acme.Status",
          """
      package com.acme;
      public enum Status { NEW, PAID, SHIPPED; public boolean done() { return this == SHIPPED; } }
      """);

  @Test
  void enumStringIsVarcharWithAnInCheck() {
    Snapshot s =
        snapshot(
            compile(
                STATUS,
                entity(
                    "Ticket",
                    """
        @Entity
        public class Ticket {
          @Id private Long id;
          @Enumerated(EnumType.STRING) @Column(length = 16, nullable = false) private Status state;
          @Enumerated(EnumType.STRING) private Status order;
        }
        """)));
    Table ticket = table(s, "ticket");
    assertThat(ticket.columns())
        .contains(column("state", varchar(16)).notNull(), column("order", varchar(255)));
    assertThat(ticket.checkConstraints())
        .containsExactly(
            check("ticket_order_check", "\"order\" IN ('NEW', 'PAID', 'SHIPPED')"),
            check("ticket_state_check", "state IN ('NEW', 'PAID', 'SHIPPED')"));
  }

  @Test
  void enumOrdinalOrUnannotatedIsSmallintWithABetweenCheck() {
    Snapshot s =
        snapshot(
            compile(
                STATUS,
                entity(
                    "Ticket",
                    """
        @Entity
        public class Ticket {
          @Id private Long id;
          @Enumerated private Status first;
          @Enumerated(EnumType.ORDINAL) private Status second;
          @Column(name = "\\"Third\\"") private Status third;
        }
        """)));
    Table ticket = table(s, "ticket");
    assertThat(ticket.columns())
        .contains(
            column("first", smallint()), column("second", smallint()), column("Third", smallint()));
    assertThat(ticket.checkConstraints())
        .containsExactly(
            check("ticket_Third_check", "\"Third\" BETWEEN 0 AND 2"),
            check("ticket_first_check", "first BETWEEN 0 AND 2"),
            check("ticket_second_check", "second BETWEEN 0 AND 2"));
  }

  @Test
  void unquotedNamesFoldToLowerCaseAndQuotedNamesKeepTheirCase() {
    Snapshot s =
        snapshot(
            compile(
                entity(
                    "PurchaseOrder",
                    """
        @Entity
        @Table(schema = "Sales", indexes = @Index(name = "\\"IX_Placed\\"", columnList = "placedAt, \\"Total\\" ASC"))
        public class PurchaseOrder {
          @Id private Long id;
          private java.time.Instant placedAt;
          @Column(name = "`Total`") private Long total;
          @Column(name = "\\"Customer Name\\"", unique = true) private String customerName;
        }
        """),
                entity(
                    "LineItem",
                    """
        @Entity(name = "Line")
        @Table(uniqueConstraints = @UniqueConstraint(name = "UQ_LINE", columnNames = {"orderNo", "position"}))
        public class LineItem {
          @Id private Long id;
          private Integer orderNo;
          private Integer position;
        }
        """)));
    Table order = table(s, "purchaseorder");
    assertThat(order.schema()).isEqualTo("sales");
    assertThat(order.columns())
        .extracting(c -> c.name())
        .containsExactlyInAnyOrder("id", "placedat", "Total", "Customer Name");
    assertThat(order.primaryKey()).isEqualTo(primaryKey("purchaseorder_pkey", "id"));
    assertThat(order.indexes()).containsExactly(index("IX_Placed", "placedat", "Total"));
    assertThat(order.uniqueConstraints())
        .containsExactly(unique("purchaseorder_Customer Name_key", "Customer Name"));
    Table line = table(s, "line");
    assertThat(line.schema()).isNull();
    assertThat(line.uniqueConstraints()).containsExactly(unique("uq_line", "orderno", "position"));
  }

  @Test
  void unnamedIndexesAreNamedAsPostgresNamesThem() {
    Snapshot s =
        snapshot(
            compile(
                entity(
                    "Event",
                    """
        @Entity
        @Table(indexes = {@Index(columnList = "kind,at"), @Index(columnList = "code", unique = true)},
            uniqueConstraints = @UniqueConstraint(columnNames = {"kind", "code"}))
        public class Event {
          @Id private Long id; private String kind; private String code; private java.time.Instant at;
        }
        """)));
    Table event = table(s, "event");
    assertThat(event.indexes()).containsExactly(index("event_kind_at_idx", "kind", "at"));
    // a unique @Index is a unique constraint in Hibernate 6.6's DDL (MappingOracleTest)
    assertThat(event.uniqueConstraints())
        .containsExactly(
            unique("event_code_key", "code"), unique("event_kind_code_key", "kind", "code"));
  }

  @Test
  void snakeCaseOptionNamesAsSpringBootDoes() { // Hibernate's CamelCaseToUnderscoresNamingStrategy
    Snapshot s =
        snapshot(
            compile(
                List.of("-Amigrate.naming=snake_case"),
                entity(
                    "PurchaseOrder",
                    """
        @Entity
        @Table(indexes = @Index(columnList = "placedAt"))
        public class PurchaseOrder {
          @Id @GeneratedValue private Long id;
          private java.time.Instant placedAt;
          @Column(name = "\\"TotalAmount\\"") private Long totalAmount;
          private String sku2Code;
          @ManyToOne private PurchaseOrder parentOrder;
        }
        """)));
    Table order = table(s, "purchase_order");
    assertThat(order.columns())
        .extracting(c -> c.name())
        .containsExactlyInAnyOrder(
            "id", "placed_at", "total_amount", "sku2code", "parent_order_id");
    assertThat(order.indexes()).containsExactly(index("purchase_order_placed_at_idx", "placed_at"));
    assertThat(s.database().sequences())
        .containsExactly(new Sequence(null, "purchase_order_seq", 1, 50));
  }

  @Test
  void constraintNamesAreShortenedAsPostgresShortensThem() {
    // expected names as PostgreSQL 15 chose them for the same CREATE TABLE
    String table = "a".repeat(60);
    String column = "b".repeat(60);
    assertThat(Naming.objectName(table, List.of(column), "key"))
        .isEqualTo("a".repeat(29) + "_" + "b".repeat(29) + "_key");
    assertThat(Naming.objectName(table, List.of("c", "d"), "key"))
        .isEqualTo("a".repeat(55) + "_c_d_key");
    assertThat(Naming.objectName(table, List.of("e"), "check"))
        .isEqualTo("a".repeat(55) + "_e_check");
    assertThat(Naming.objectName(table, List.of("f"), "fkey"))
        .isEqualTo("a".repeat(56) + "_f_fkey");
    assertThat(Naming.objectName(table, List.of(), "pkey")).isEqualTo("a".repeat(58) + "_pkey");
    assertThat(Naming.objectName("Orders", List.of("Läuft"), "key")).isEqualTo("Orders_Läuft_key");
    assertThat(Naming.objectName("x", List.of("ä".repeat(40)), "key"))
        .isEqualTo("x_" + "ä".repeat(28) + "_key");
  }

  @Test
  void physicalNames() {
    assertThat(Naming.JPA.physical("firstName")).isEqualTo("firstname");
    assertThat(Naming.JPA.physical("\"firstName\"")).isEqualTo("firstName");
    assertThat(Naming.JPA.physical("`firstName`")).isEqualTo("firstName");
    assertThat(Naming.SNAKE_CASE.physical("firstName")).isEqualTo("first_name");
    assertThat(Naming.SNAKE_CASE.physical("\"FirstName\"")).isEqualTo("first_name");
    assertThat(Naming.SNAKE_CASE.physical("HTTPServer")).isEqualTo("httpserver");
    assertThat(Naming.SNAKE_CASE.physical("sku2Code")).isEqualTo("sku2code");
    assertThat(Naming.SNAKE_CASE.physical("address.zipCode")).isEqualTo("address_zip_code");
    assertThat(Naming.forOption(null)).isEqualTo(Naming.JPA);
    assertThat(Naming.forOption("SNAKE_CASE")).isEqualTo(Naming.SNAKE_CASE);
    assertThat(Naming.forOption("kebab")).isNull();
  }

  @Test
  void idColumnIsNotNullEvenWhenDeclaredNullable() {
    Snapshot s =
        snapshot(
            compile(
                entity(
                    "Tag",
                    "@Entity public class Tag { @Id @Column(nullable = true) private Long id; }")));
    assertThat(table(s, "tag").columns()).containsExactly(column("id", bigint()).notNull());
  }
}
