package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.table;
import static dev.migrate.runtime.Ddl.bigint;
import static dev.migrate.runtime.Ddl.column;
import static dev.migrate.runtime.Ddl.foreignKey;
import static dev.migrate.runtime.Ddl.unique;
import static dev.migrate.runtime.Ddl.varchar;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Table;
import dev.migrate.snapshot.Snapshot;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code @ManyToOne} and {@code @OneToOne} join columns and foreign keys; collections. */
class RelationshipTest {

  static final JavaFileObject CUSTOMER =
      entity(
          "Customer",
          """
      @Entity @Table(schema = "crm")
      public class Customer { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id; }
      """);

  static final JavaFileObject COUNTRY =
      entity(
          "Country",
          """
      @Entity public class Country { @Id @Column(name = "iso_code", length = 2) private String code; }
      """);

  @Test
  void manyToOneTakesTheTypeOfTheTargetKeyWithoutItsIdentity() {
    Snapshot s =
        snapshot(
            compile(
                CUSTOMER,
                COUNTRY,
                entity(
                    "Invoice",
                    """
        @Entity
        public class Invoice {
          @Id private Long id;
          @ManyToOne private Customer customer;
          @ManyToOne(optional = false) private Country billingCountry;
        }
        """)));
    Table invoice = table(s, "invoice");
    assertThat(invoice.columns())
        .containsExactlyInAnyOrder(
            column("id", bigint()).notNull(),
            column("customer_id", bigint()),
            column("billingcountry_iso_code", varchar(2)).notNull());
    assertThat(invoice.foreignKeys())
        .containsExactly(
            foreignKey("invoice_billingcountry_iso_code_fkey", "billingcountry_iso_code")
                .references("country", "iso_code"),
            foreignKey("invoice_customer_id_fkey", "customer_id")
                .referencesInSchema("crm", "customer", "id"));
    assertThat(invoice.uniqueConstraints()).isEmpty();
  }

  @Test
  void joinColumnNamesNullabilityUniquenessAndForeignKey() {
    Snapshot s =
        snapshot(
            compile(
                CUSTOMER,
                COUNTRY,
                entity(
                    "Invoice",
                    """
        @Entity
        public class Invoice {
          @Id private Long id;
          @ManyToOne
          @JoinColumn(name = "buyer", nullable = false, unique = true, referencedColumnName = "id",
              foreignKey = @ForeignKey(name = "FK_INVOICE_BUYER"))
          private Customer customer;
          @ManyToOne @JoinColumn(foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT)) private Country country;
        }
        """)));
    Table invoice = table(s, "invoice");
    assertThat(invoice.columns())
        .contains(column("buyer", bigint()).notNull(), column("country_iso_code", varchar(2)));
    assertThat(invoice.uniqueConstraints()).containsExactly(unique("invoice_buyer_key", "buyer"));
    assertThat(invoice.foreignKeys())
        .containsExactly(
            foreignKey("fk_invoice_buyer", "buyer").referencesInSchema("crm", "customer", "id"));
  }

  @Test
  void oneToOneIsUniqueAndItsInverseSideHasNoColumn() {
    Snapshot s =
        snapshot(
            compile(
                entity(
                    "Person",
                    """
        @Entity
        public class Person {
          @Id private Long id;
          @OneToOne private Passport passport;
        }
        """),
                entity(
                    "Passport",
                    """
        @Entity
        public class Passport {
          @Id private Long id;
          @OneToOne(mappedBy = "passport") private Person holder;
        }
        """)));
    assertThat(table(s, "person").uniqueConstraints())
        .containsExactly(unique("person_passport_id_key", "passport_id"));
    assertThat(table(s, "passport").columns()).containsExactly(column("id", bigint()).notNull());
  }

  @Test
  void selfReferenceAndHibernateOnDelete() {
    Snapshot s =
        snapshot(
            compile(
                entity(
                    "Employee",
                    """
        @Entity
        public class Employee {
          @Id private Long id;
          @ManyToOne
          @org.hibernate.annotations.OnDelete(action = org.hibernate.annotations.OnDeleteAction.SET_NULL)
          private Employee manager;
        }
        """)));
    assertThat(table(s, "employee").foreignKeys())
        .containsExactly(
            foreignKey("employee_manager_id_fkey", "manager_id")
                .references("employee", "id")
                .withActions(ReferentialAction.SET_NULL, null));
  }

  @Test
  void readOnlyDuplicateOfAJoinColumnIsOneColumn() {
    Snapshot s =
        snapshot(
            compile(
                CUSTOMER,
                entity(
                    "Invoice",
                    """
        @Entity
        public class Invoice {
          @Id private Long id;
          @Column(name = "customer_id", insertable = false, updatable = false) private Long customerId;
          @ManyToOne private Customer customer;
        }
        """)));
    assertThat(table(s, "invoice").columns())
        .containsExactlyInAnyOrder(
            column("id", bigint()).notNull(), column("customer_id", bigint()));
  }

  @Test
  void inverseCollectionsAreSkippedSilently() {
    Compilation c =
        compile(
            CUSTOMER,
            entity(
                "Invoice",
                """
        @Entity
        public class Invoice {
          @Id private Long id;
          @ManyToOne private Customer customer;
          @OneToMany(mappedBy = "invoice") private java.util.List<Line> lines;
        }
        """),
            entity(
                "Line",
                """
        @Entity
        public class Line { @Id private Long id; @ManyToOne private Invoice invoice; }
        """));
    assertThat(c.warnings()).isEmpty();
    assertThat(table(snapshot(c), "invoice").columns())
        .extracting(col -> col.name())
        .containsExactly("id", "customer_id");
  }

  @Test
  void targetOnlyOnTheClassPathIsReadFromItsClassFile(@TempDir Path dir) throws Exception {
    Compilation first = compile(CUSTOMER);
    Path classes = dir.resolve("classes");
    for (JavaFileObject file : first.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        Path target = classes.resolve(file.toUri().getPath().replaceFirst("^.*/CLASS_OUTPUT/", ""));
        Files.createDirectories(target.getParent());
        try (var in = file.openInputStream()) {
          Files.copy(in, target);
        }
      }
    }
    List<File> classpath = new java.util.ArrayList<>();
    classpath.add(classes.toFile());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      classpath.add(new File(entry));
    }
    Compilation second =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new ModelProcessor())
            .withClasspath(classpath)
            .compile(
                entity(
                    "Invoice",
                    "@Entity public class Invoice { @Id private Long id; @ManyToOne private Customer customer; }"));
    Snapshot s = snapshot(second);
    assertThat(s.entities()).containsExactly("com.acme.Invoice");
    assertThat(table(s, "invoice").columns()).contains(column("customer_id", bigint()));
    assertThat(table(s, "invoice").foreignKeys())
        .containsExactly(
            foreignKey("invoice_customer_id_fkey", "customer_id")
                .referencesInSchema("crm", "customer", "id"));
  }
}
