package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.Snapshot.Member;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The snapshot records the Java member behind each entity table and each identifier and basic
 * column, for autogen's rename hints ({@code annotate com.acme.Customer.birthDate (column
 * birth_date) with @RenamedFrom(...)}).
 */
class CapturedMembersTest {

  @Test
  void recordsTheClassOfEachTableAndTheMemberOfEachBasicColumn() {
    JavaFileObject customer =
        entity(
            "Customer",
            """
        @Entity
        @Table(schema = "sales")
        public class Customer {
          @Id private Long id;
          private java.time.LocalDate birthDate;
          @Column(name = "mail") private String email;
        }
        """);
    JavaFileObject order =
        entity(
            "Order",
            """
        @Entity
        @Table(name = "orders")
        @Access(AccessType.PROPERTY)
        public class Order {
          private long id;
          private Customer customer;
          @Id public long getId() { return id; }
          public void setId(long id) { this.id = id; }
          @ManyToOne public Customer getCustomer() { return customer; }
          public void setCustomer(Customer customer) { this.customer = customer; }
        }
        """);
    Snapshot snapshot = snapshot(compile(List.of("-Amigrate.naming=snake_case"), customer, order));
    assertThat(snapshot.capture().members())
        .containsExactly(
            new Member("sales.customer", null, "com.acme.Customer"),
            new Member("sales.customer", "id", "com.acme.Customer.id"),
            new Member("sales.customer", "birth_date", "com.acme.Customer.birthDate"),
            new Member("sales.customer", "mail", "com.acme.Customer.email"),
            new Member("orders", null, "com.acme.Order"),
            new Member("orders", "id", "com.acme.Order.getId"));
  }
}
