package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.resource;
import static dev.migrate.processor.Testing.snapshot;
import static dev.migrate.processor.Testing.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.migrate.model.Database;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.Snapshot.RevisionEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every {@code @Revision} class is indexed in the snapshot and in the plain revisions list. */
class RevisionIndexTest {

  @Test
  void indexesRevisionsByBinaryClassNameSorted() {
    Compilation c =
        compile(
            source(
                "com.acme.db.R2",
                """
            package com.acme.db;
            import dev.migrate.runtime.Revision;
            @Revision(id = "bbbbbbbbbbbb", revises = "aaaaaaaaaaaa", message = "add phone")
            public class R2 {}
            """),
            source(
                "com.acme.db.R1",
                """
            package com.acme.db;
            @dev.migrate.runtime.Revision(id = "aaaaaaaaaaaa")
            public class R1 {}
            """),
            source(
                "com.acme.db.Merges",
                """
            package com.acme.db;
            import dev.migrate.runtime.Revision;
            public class Merges {
              @Revision(id = "cccccccccccc", revises = {"bbbbbbbbbbbb", "dddddddddddd"}, message = "merge")
              public static class M1 {}
            }
            """));
    Snapshot s = snapshot(c);
    assertThat(s)
        .isEqualTo(
            new Snapshot(
                Snapshot.FORMAT_VERSION,
                JPA_NAMING,
                Database.empty(),
                List.of(),
                List.of(
                    new RevisionEntry(
                        "com.acme.db.Merges$M1",
                        "cccccccccccc",
                        List.of("bbbbbbbbbbbb", "dddddddddddd"),
                        "merge"),
                    new RevisionEntry("com.acme.db.R1", "aaaaaaaaaaaa", List.of(), ""),
                    new RevisionEntry(
                        "com.acme.db.R2", "bbbbbbbbbbbb", List.of("aaaaaaaaaaaa"), "add phone")),
                "6.6"));
    assertThat(resource(c, Snapshot.REVISIONS_RESOURCE))
        .isEqualTo("com.acme.db.Merges$M1\ncom.acme.db.R1\ncom.acme.db.R2\n");
  }

  /** What a compilation without Spring Boot and without options records. */
  private static final Snapshot.Capture JPA_NAMING =
      new Snapshot.Capture(
          "jpa",
          "Hibernate's default: no Spring Boot JPA auto-configuration on the compile class path;"
              + " -Amigrate.naming=snake_case overrides",
          List.of());

  @Test
  void compilationWithoutEntitiesOrRevisionsWritesAnEmptySnapshot() {
    Compilation c = compile(source("com.acme.Util", "package com.acme; public class Util {}"));
    assertThat(snapshot(c))
        .isEqualTo(
            new Snapshot(
                Snapshot.FORMAT_VERSION,
                JPA_NAMING,
                Database.empty(),
                List.of(),
                List.of(),
                "6.6"));
    assertThat(resource(c, Snapshot.REVISIONS_RESOURCE)).isEmpty();
  }
}
