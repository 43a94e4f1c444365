package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.table;
import static dev.migrate.runtime.Ddl.bigint;
import static dev.migrate.runtime.Ddl.column;
import static dev.migrate.runtime.Ddl.integer;
import static dev.migrate.runtime.Ddl.primaryKey;
import static dev.migrate.runtime.Ddl.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Sequence;
import dev.migrate.snapshot.Snapshot;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Id} and {@code @GeneratedValue}: identity columns and the sequences Hibernate 6 expects.
 */
class GeneratedIdTest {

  private static Snapshot compileOne(String simpleName, String body) {
    return snapshot(compile(entity(simpleName, body)));
  }

  @Test
  void identityColumnIsGeneratedByDefaultAndNoSequence() {
    Snapshot s =
        compileOne(
            "Item",
            """
        @Entity public class Item { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Integer id; }
        """);
    assertThat(table(s, "item").columns()).containsExactly(column("id", integer()).asIdentity());
    assertThat(table(s, "item").primaryKey()).isEqualTo(primaryKey("item_pkey", "id"));
    assertThat(s.database().sequences()).isEmpty();
  }

  @Test
  void plainIdIsNotNullWithoutGeneration() {
    Snapshot s = compileOne("Item", "@Entity public class Item { @Id private long id; }");
    assertThat(table(s, "item").columns()).containsExactly(column("id", bigint()).notNull());
    assertThat(s.database().sequences()).isEmpty();
  }

  /**
   * Hibernate 6.6 looks for the sequence in the default schema, not in the table's
   * (HibernateOracleTest).
   */
  @Test
  void sequenceWithoutGeneratorIsTheHibernateDefault() {
    Snapshot s =
        compileOne(
            "Item",
            """
        @Entity @Table(name = "items", schema = "shop")
        public class Item { @Id @GeneratedValue(strategy = GenerationType.SEQUENCE) private Long id; }
        """);
    assertThat(table(s, "items").columns()).containsExactly(column("id", bigint()).notNull());
    assertThat(s.database().sequences()).containsExactly(new Sequence(null, "items_seq", 1, 50));
  }

  @Test
  void autoOnANumberIsASequence() {
    Snapshot s =
        compileOne("Item", "@Entity public class Item { @Id @GeneratedValue private Long id; }");
    assertThat(s.database().sequences()).containsExactly(new Sequence(null, "item_seq", 1, 50));
  }

  @Test
  void autoOnAUuidNeedsNothingInTheDatabase() {
    Snapshot s =
        compileOne(
            "Item", "@Entity public class Item { @Id @GeneratedValue private java.util.UUID id; }");
    assertThat(table(s, "item").columns()).containsExactly(column("id", uuid()).notNull());
    assertThat(s.database().sequences()).isEmpty();
  }

  @Test
  void uuidStrategyNeedsNothingInTheDatabase() {
    Snapshot s =
        compileOne(
            "Item",
            """
        @Entity public class Item { @Id @GeneratedValue(strategy = GenerationType.UUID) private String id; }
        """);
    assertThat(s.database().sequences()).isEmpty();
  }

  @Test
  void explicitSequenceGeneratorOnTheField() {
    Snapshot s =
        compileOne(
            "Item",
            """
        @Entity @Table(schema = "shop")
        public class Item {
          @Id
          @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "item_gen")
          @SequenceGenerator(name = "item_gen", sequenceName = "ITEM_IDS", initialValue = 1000, allocationSize = 1)
          private Long id;
        }
        """);
    assertThat(s.database().sequences()).containsExactly(new Sequence(null, "item_ids", 1000, 1));
  }

  @Test
  void sequenceGeneratorOnTheClassWithItsOwnSchema() {
    Snapshot s =
        compileOne(
            "Item",
            """
        @Entity
        @SequenceGenerator(name = "gen", sequenceName = "\\"ItemIds\\"", schema = "seqs")
        public class Item { @Id @GeneratedValue(generator = "gen") private Long id; }
        """);
    assertThat(s.database().sequences()).containsExactly(new Sequence("seqs", "ItemIds", 1, 50));
  }

  @Test
  void sequenceGeneratorWithoutSequenceNameIsNamedAfterTheGenerator() {
    Snapshot s =
        compileOne(
            "Item",
            """
        @Entity
        public class Item {
          @Id @GeneratedValue(generator = "Item_Gen") @SequenceGenerator(name = "Item_Gen") private Long id;
        }
        """);
    assertThat(s.database().sequences()).containsExactly(new Sequence(null, "item_gen", 1, 50));
  }

  @Test
  void generatorNameWithoutAGeneratorIsTheSequenceName() {
    Snapshot s =
        compileOne(
            "Item",
            """
        @Entity
        public class Item {
          @Id @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ids") private Long id;
        }
        """);
    assertThat(s.database().sequences()).containsExactly(new Sequence(null, "ids", 1, 50));
  }

  @Test
  void generatorDeclaredOnAnotherEntityIsFound() {
    JavaFileObject a =
        entity(
            "A",
            """
        @Entity @SequenceGenerator(name = "shared", sequenceName = "shared_ids", allocationSize = 10)
        public class A { @Id @GeneratedValue(generator = "shared") private Long id; }
        """);
    JavaFileObject b =
        entity(
            "B",
            "@Entity public class B { @Id @GeneratedValue(generator = \"shared\") private Long id; }");
    Snapshot s = snapshot(compile(a, b));
    assertThat(s.database().sequences()).containsExactly(new Sequence(null, "shared_ids", 1, 10));
  }

  @Test
  void idOfAMappedSuperclassWithATypeVariable() {
    JavaFileObject base =
        Testing.source(
            "com.acme.Base",
            """
        package com.acme;
        import jakarta.persistence.*;
        @MappedSuperclass
        public abstract class Base<K> {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) protected K id;
          protected java.time.Instant created;
        }
        """);
    JavaFileObject item =
        entity("Item", "@Entity public class Item extends Base<Long> { private String name; }");
    Snapshot s = snapshot(compile(base, item));
    assertThat(table(s, "item").columns())
        .extracting(c -> c.name())
        .containsExactly("id", "created", "name");
    assertThat(table(s, "item").column("id")).contains(column("id", bigint()).asIdentity());
  }
}
