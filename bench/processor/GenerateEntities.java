import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes N JPA entities (default 1,000) into a source directory, for measuring the model processor's share of javac
 * time. Each entity extends a mapped superclass, has 10 basic attributes (strings, numbers, time, an enum, a
 * BigDecimal with precision), an embedded value, a many-to-one to the previous entity, an element collection, a
 * unique constraint and an index: roughly what a real model's entity carries.
 *
 * <p>Usage: {@code java GenerateEntities.java <source dir> [count]}
 */
public class GenerateEntities {

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    Path pkg = root.resolve("com/acme/bench");
    Files.createDirectories(pkg);
    Files.writeString(pkg.resolve("Base.java"), """
        package com.acme.bench;
        import jakarta.persistence.*;
        @MappedSuperclass
        public abstract class Base {
          @Id @GeneratedValue(strategy = GenerationType.IDENTITY) protected Long id;
          @Version protected Integer version;
          protected java.time.Instant createdAt;
        }
        """);
    Files.writeString(pkg.resolve("Status.java"),
        "package com.acme.bench;\npublic enum Status { NEW, ACTIVE, SUSPENDED, CLOSED }\n");
    Files.writeString(pkg.resolve("Address.java"), """
        package com.acme.bench;
        import jakarta.persistence.*;
        @Embeddable
        public class Address { private String street; @Column(length = 10) private String zip; private String city; }
        """);
    for (int i = 1; i <= count; i++) {
      String name = String.format("Entity%04d", i);
      String previous = i == 1 ? null : String.format("Entity%04d", i - 1);
      String text = """
          package com.acme.bench;
          import jakarta.persistence.*;
          @Entity
          @Table(uniqueConstraints = @UniqueConstraint(columnNames = {"code"}),
              indexes = @Index(columnList = "name, createdAt DESC"))
          public class %1$s extends Base {
            @Column(nullable = false, length = 80) private String name;
            private String code;
            private String description;
            private int quantity;
            private Long counter;
            @Column(precision = 12, scale = 2) private java.math.BigDecimal amount;
            private java.time.LocalDate day;
            private java.time.OffsetDateTime updatedAt;
            @Enumerated(EnumType.STRING) private Status status;
            private boolean active;
            @Embedded private Address address;
            @ElementCollection private java.util.Set<String> tags;
          %2$s}
          """.formatted(name, previous == null ? "" : "  @ManyToOne private " + previous + " previous;\n");
      Files.writeString(pkg.resolve(name + ".java"), text);
    }
  }
}
