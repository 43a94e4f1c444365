package dev.migrate.processor;

import static dev.migrate.processor.Testing.compile;
import static dev.migrate.processor.Testing.entity;
import static dev.migrate.processor.Testing.resource;
import static dev.migrate.processor.Testing.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.snapshot.Snapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The whole snapshot of a small model, compared byte for byte with {@code golden/shop-model.json}.
 * To accept a deliberate change, run with {@code -Dmigrate.golden.update=true} and review the diff
 * of the golden file.
 */
class GoldenSnapshotTest {

  static final JavaFileObject CUSTOMER =
      entity(
          "Customer",
          """
      @Entity
      @Table(indexes = @Index(columnList = "created"), uniqueConstraints = @UniqueConstraint(columnNames = "email"))
      public class Customer {
        @Id @GeneratedValue(strategy = GenerationType.IDENTITY) private Long id;
        @Column(nullable = false, length = 320) private String email;
        private String firstName;
        private java.time.OffsetDateTime created;
        @Enumerated(EnumType.STRING) private Tier tier;

        public enum Tier { FREE, PRO }
      }
      """);

  static final JavaFileObject ORDER =
      entity(
          "Order",
          """
      @Entity
      @Table(name = "orders")
      public class Order {
        @Id @GeneratedValue private long id;
        @ManyToOne(optional = false) private Customer customer;
        @Column(precision = 12, scale = 2) private java.math.BigDecimal total;
        private Status status;
        private transient String note;
        @Transient private String display;
        private static final int LIMIT = 3;
      }
      """);

  static final JavaFileObject STATUS =
      source(
          "com.acme.Status",
          """
      package com.acme;
      public enum Status { NEW, PAID, SHIPPED }
      """);

  static final JavaFileObject REVISION =
      source(
          "com.acme.db.R20261121_1530_Init",
          """
      package com.acme.db;
      import dev.migrate.runtime.Revision;
      @Revision(id = "3f2a9c1d7b04", message = "init")
      public class R20261121_1530_Init {}
      """);

  @Test
  void snapshotMatchesTheGoldenFile() throws IOException {
    String json = resource(compile(ORDER, CUSTOMER, STATUS, REVISION), Snapshot.RESOURCE);
    Path golden = Path.of("src/test/resources/golden/shop-model.json");
    if (Boolean.getBoolean("migrate.golden.update")) {
      Files.writeString(golden, json);
    }
    assertThat(json).isEqualTo(golden("golden/shop-model.json"));
  }

  @Test
  void sameSourcesGiveTheSameBytesInAnyOrder() {
    String first = resource(compile(ORDER, CUSTOMER, STATUS, REVISION), Snapshot.RESOURCE);
    String second = resource(compile(REVISION, STATUS, CUSTOMER, ORDER), Snapshot.RESOURCE);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void revisionsIndexListsClassNamesOneALine() {
    assertThat(resource(compile(ORDER, CUSTOMER, STATUS, REVISION), Snapshot.REVISIONS_RESOURCE))
        .isEqualTo("com.acme.db.R20261121_1530_Init\n");
  }

  private static String golden(String resource) throws IOException {
    try (InputStream in = GoldenSnapshotTest.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
