package dev.migrate.processor;

import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Table;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compilation of some sources only (an IDE, an incremental build) keeps the entities and
 * revisions of the previous snapshot whose classes are still there, and drops those that are gone.
 */
class PartialRecompileTest {

  static final JavaFileObject AUTHOR =
      entity(
          "Author",
          """
      @Entity public class Author { @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id; }
      """);
  static final JavaFileObject BOOK =
      entity(
          "Book",
          """
      @Entity public class Book { @Id private Long id; @ManyToOne private Author author; private String title; }
      """);
  static final JavaFileObject BOOK_WITH_ISBN =
      entity(
          "Book",
          """
      @Entity public class Book { @Id private Long id; @ManyToOne private Author author; private String isbn; }
      """);
  static final JavaFileObject R1 =
      source(
          "com.acme.db.R1",
          """
      package com.acme.db;
      @dev.migrate.runtime.Revision(id = "aaaaaaaaaaaa") public class R1 {}
      """);
  static final JavaFileObject R2 =
      source(
          "com.acme.db.R2",
          """
      package com.acme.db;
      @dev.migrate.runtime.Revision(id = "bbbbbbbbbbbb", revises = "aaaaaaaaaaaa") public class R2 {}
      """);

  private static Snapshot compile(Path out, JavaFileObject... sources) throws Exception {
    DiskCompiler.Result result = DiskCompiler.compile(out, List.of(), sources);
    assertThat(result.success()).as(result.toString()).isTrue();
    return SnapshotJson.readFromClassesDirectory(out);
  }

  private static List<String> tables(Snapshot snapshot) {
    return snapshot.database().tables().stream().map(Table::name).toList();
  }

  @Test
  void keepsEntitiesThatWereNotRecompiledAndDropsDeletedOnes(@TempDir Path out) throws Exception {
    Snapshot full = compile(out, AUTHOR, BOOK, R1, R2);
    assertThat(full.entities()).containsExactly("com.acme.Author", "com.acme.Book");
    assertThat(tables(full)).containsExactly("author", "book");

    Snapshot partial = compile(out, BOOK_WITH_ISBN, R2);
    assertThat(partial.entities()).containsExactly("com.acme.Author", "com.acme.Book");
    assertThat(partial.revisions())
        .extracting(Snapshot.RevisionEntry::className)
        .containsExactly("com.acme.db.R1", "com.acme.db.R2");
    assertThat(partial.database().table(null, "book").orElseThrow().column("isbn")).isPresent();
    assertThat(partial.database().table(null, "book").orElseThrow().column("title")).isEmpty();
    assertThat(partial.database().table(null, "author"))
        .isEqualTo(full.database().table(null, "author"));
    assertThat(Files.readString(out.resolve(Snapshot.REVISIONS_RESOURCE)))
        .isEqualTo("com.acme.db.R1\ncom.acme.db.R2\n");

    Files.delete(out.resolve("com/acme/db/R1.class"));
    Snapshot withoutR1 = compile(out, BOOK_WITH_ISBN);
    assertThat(withoutR1.revisions())
        .extracting(Snapshot.RevisionEntry::className)
        .containsExactly("com.acme.db.R2");
    assertThat(withoutR1.entities()).containsExactly("com.acme.Author", "com.acme.Book");

    Files.delete(out.resolve("com/acme/Author.class"));
    Snapshot withoutAuthor =
        compile(out, entity("Book", "@Entity public class Book { @Id private Long id; }"));
    assertThat(withoutAuthor.entities()).containsExactly("com.acme.Book");
    assertThat(tables(withoutAuthor)).containsExactly("book");
  }

  @Test
  void classNoLongerAnnotatedIsDropped(@TempDir Path out) throws Exception {
    compile(out, AUTHOR, BOOK);
    Snapshot after =
        compile(
            out,
            entity("Author", "public class Author { private Long id; }"),
            entity("Book", "@Entity public class Book { @Id private Long id; }"));
    assertThat(after.entities()).containsExactly("com.acme.Book");
  }

  @Test
  void previousEntitiesAreModelledEvenWhenNothingIsRecompiledButAnotherClass(@TempDir Path out)
      throws Exception {
    Snapshot full = compile(out, AUTHOR, BOOK);
    Snapshot other =
        compile(out, source("com.acme.Util", "package com.acme; public class Util {}"));
    assertThat(other).isEqualTo(full);
  }

  @Test
  void errorWritesNoSnapshot(@TempDir Path out) {
    DiskCompiler.Result result =
        DiskCompiler.compile(
            out,
            List.of(),
            AUTHOR,
            entity("Note", "@Entity public class Note { private String text; }"));
    assertThat(result.success()).isFalse();
    assertThat(out.resolve(Snapshot.RESOURCE)).doesNotExist();
    assertThat(out.resolve(Snapshot.REVISIONS_RESOURCE)).doesNotExist();
  }

  static final JavaFileObject BASE =
      source(
          "com.acme.Base",
          """
      package com.acme;
      import jakarta.persistence.*;
      @MappedSuperclass
      public abstract class Base { @Id @GeneratedValue private Long id; private java.time.Instant created; }
      """);
  static final JavaFileObject MONEY =
      source(
          "com.acme.Money",
          """
      package com.acme;
      @jakarta.persistence.Embeddable
      public class Money { private java.math.BigDecimal amount; @jakarta.persistence.Column(length = 3) private String currency; }
      """);
  static final JavaFileObject ANIMAL =
      entity(
          "Animal",
          """
      @Entity public class Animal extends Base { private String name; }
      """);
  static final JavaFileObject DOG =
      entity(
          "Dog",
          """
      @Entity public class Dog extends Animal { @Embedded private Money price; @ElementCollection private java.util.Set<String> tricks; }
      """);

  @Test
  void entityRecompiledAloneStillSeesItsSuperclassesEmbeddablesAndHierarchy(@TempDir Path out)
      throws Exception {
    Snapshot full = compile(out, BASE, MONEY, ANIMAL, DOG);
    assertThat(tables(full)).containsExactly("animal", "dog_tricks");
    Snapshot partial =
        compile(
            out,
            entity(
                "Dog",
                """
        @Entity public class Dog extends Animal { @Embedded private Money price; @ElementCollection private java.util.Set<String> tricks; }
        """));
    assertThat(partial).isEqualTo(full);
    assertThat(partial.database().table(null, "animal").orElseThrow().columns())
        .extracting(c -> c.name())
        .containsExactly("dtype", "id", "created", "name", "amount", "currency");

    Files.delete(out.resolve("com/acme/Dog.class"));
    Snapshot withoutDog =
        compile(
            out,
            entity("Animal", "@Entity public class Animal extends Base { private String name; }"));
    assertThat(tables(withoutDog)).containsExactly("animal");
    assertThat(withoutDog.database().table(null, "animal").orElseThrow().columns())
        .extracting(c -> c.name())
        .containsExactly("id", "created", "name");
  }

  /**
   * An auto-applied converter that is not recompiled still applies: the snapshot lists it with the
   * entities, and the next compile reads it from its class file.
   */
  @Test
  void keepsAutoAppliedConvertersThatWereNotRecompiled(@TempDir Path out) throws Exception {
    JavaFileObject status =
        source("com.acme.Status", "package com.acme; public enum Status { ACTIVE, RETIRED }");
    JavaFileObject converter =
        source(
            "com.acme.StatusText",
            """
            package com.acme;
            @jakarta.persistence.Converter(autoApply = true)
            public class StatusText implements jakarta.persistence.AttributeConverter<Status, String> {
              public String convertToDatabaseColumn(Status s) { return null; }
              public Status convertToEntityAttribute(String s) { return null; }
            }
            """);
    JavaFileObject account =
        entity("Account", "@Entity public class Account { @Id Long id; Status status; }");
    JavaFileObject accountWithName =
        entity(
            "Account", "@Entity public class Account { @Id Long id; Status status; String name; }");
    Snapshot full = compile(out, status, converter, account);
    assertThat(full.entities()).containsExactly("com.acme.Account", "com.acme.StatusText");
    Snapshot partial = compile(out, accountWithName);
    assertThat(partial.entities()).containsExactly("com.acme.Account", "com.acme.StatusText");
    assertThat(
            partial.database().table(null, "account").orElseThrow().column("status").orElseThrow())
        .isEqualTo(
            full.database().table(null, "account").orElseThrow().column("status").orElseThrow());
    assertThat(
            partial
                .database()
                .table(null, "account")
                .orElseThrow()
                .column("status")
                .orElseThrow()
                .type()
                .name())
        .isEqualTo("varchar");
  }
}
