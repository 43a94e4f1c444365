package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.source;
import static dev.migrate.processor.Testing.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Column;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Identity;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.snapshot.Snapshot;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Migrate's own annotations: tables without JPA, and what JPA cannot say on JPA entities. */
class MigrateAnnotationsTest {

  static final JavaFileObject CUSTOMER =
      source(
          "com.acme.Customer",
          """
      package com.acme;
      import dev.migrate.annotations.*;
      @Table(name = "customers", comment = "who buys")
      @Index(keys = "(lower(email))", unique = true, where = "deleted IS NULL", name = "customers_email_uq")
      @Index(keys = {"tags"}, method = "gin")
      @RenamedFrom("clients")
      public class Customer {
        @Id(identity = true) private long id;
        @Column(length = 120, nullable = false, comment = "login") @RenamedFrom("mail") private String email;
        @Column(type = "text[]") private String[] tags;
        @Column(defaultValue = "false") private boolean deleted;
        private transient String cache;
        private static int counter;
      }
      """);
  static final JavaFileObject ORDER =
      source(
          "com.acme.Order",
          """
      package com.acme;
      import dev.migrate.annotations.*;
      @Table(name = "orders", indexes = @Index(keys = {"customer", "placed DESC"}, include = "total"))
      public class Order {
        @Id private long id;
        @ForeignKey(target = Customer.class, onDelete = ForeignKey.Action.CASCADE, deferrable = true)
        private long customer;
        private java.time.OffsetDateTime placed;
        @Column(precision = 12, scale = 2) private java.math.BigDecimal total;
      }
      """);

  @Test
  void tablesWithoutJpa() {
    Snapshot s = snapshot(compile(CUSTOMER, ORDER));
    Table customers = table(s, "customers");
    assertThat(customers.comment()).isEqualTo("who buys");
    assertThat(customers.renamedFrom()).containsExactly("clients");
    assertThat(customers.columns())
        .containsExactly(
            new Column("id", SqlType.bigint(), false, null, Identity.BY_DEFAULT),
            new Column("email", SqlType.varchar(120), false, null, null, "login", List.of("mail")),
            new Column("tags", SqlType.of("text[]"), true, null, null),
            new Column("deleted", SqlType.bool(), false, "false", null));
    assertThat(customers.primaryKey()).isEqualTo(new PrimaryKey("customers_pkey", List.of("id")));
    assertThat(customers.indexes())
        .containsExactly(
            new Index(
                "customers_email_uq",
                List.of(IndexKey.expression("lower(email)")),
                true,
                "btree",
                List.of(),
                "deleted IS NULL"),
            new Index(
                "customers_tags_idx",
                List.of(IndexKey.column("tags")),
                false,
                "gin",
                List.of(),
                null));

    Table orders = table(s, "orders");
    assertThat(orders.columns())
        .extracting(Column::type)
        .containsExactly(
            SqlType.bigint(), SqlType.bigint(), SqlType.timestamptz(6), SqlType.numeric(12, 2));
    assertThat(orders.foreignKeys())
        .containsExactly(
            new ForeignKey(
                "orders_customer_fkey",
                List.of("customer"),
                null,
                "customers",
                List.of("id"),
                ReferentialAction.CASCADE,
                null,
                true,
                false));
    assertThat(orders.indexes())
        .containsExactly(
            new Index(
                "orders_customer_placed_idx",
                List.of(IndexKey.column("customer"), IndexKey.descending("placed")),
                false,
                "btree",
                List.of("total"),
                null));
    assertThat(s.entities()).containsExactly("com.acme.Customer", "com.acme.Order");
  }

  @Test
  void renamesAndIndexesOnJpaEntities() {
    JavaFileObject person =
        entity(
            "Person",
            """
        import dev.migrate.annotations.RenamedFrom;
        @Entity
        @RenamedFrom({"people", "persons"})
        @dev.migrate.annotations.Index(keys = "(lower(name))", where = "name IS NOT NULL")
        public class Person {
          @Id private Long id;
          @RenamedFrom("full_name") private String name;
        }
        """);
    Table t = table(snapshot(compile(person)), "person");
    assertThat(t.renamedFrom()).containsExactly("people", "persons");
    assertThat(t.column("name").orElseThrow().renamedFrom()).containsExactly("full_name");
    assertThat(t.indexes())
        .containsExactly(
            new Index(
                "person_expr_idx",
                List.of(IndexKey.expression("lower(name)")),
                false,
                "btree",
                List.of(),
                "name IS NOT NULL"));
  }

  @Test
  void beanValidationCanBeTurnedOff() {
    JavaFileObject signup =
        entity(
            "Signup",
            """
        @Entity
        public class Signup {
          @Id private Long id;
          @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.Size(max = 40) private String name;
        }
        """);
    Column on = table(snapshot(compile(signup)), "signup").column("name").orElseThrow();
    Column off =
        table(snapshot(compile(List.of("-Amigrate.beanValidation=none"), signup)), "signup")
            .column("name")
            .orElseThrow();
    assertThat(on).isEqualTo(new Column("name", SqlType.varchar(40), false, null, null));
    assertThat(off).isEqualTo(new Column("name", SqlType.varchar(255), true, null, null));
  }
}
