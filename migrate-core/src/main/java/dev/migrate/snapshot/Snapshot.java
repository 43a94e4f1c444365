package dev.migrate.snapshot;

import dev.migrate.model.Database;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the model processor captured at compile time, stored as {@code META-INF/migrate/model.json}
 * in the class output: the model, the entity classes it came from (so that a partial recompile can
 * be merged with the previous snapshot), and an index of the {@code @Revision} classes compiled.
 *
 * @param formatVersion the snapshot format; readers reject versions they do not know ({@link
 *     #FORMAT_VERSION})
 * @param database the model, tables without a schema belong to the schema the chain runs in
 * @param entities fully qualified names of the entity classes, sorted
 * @param revisions the revision classes, sorted by class name
 * @param hibernate the Hibernate ORM release line whose schema the model mirrors ({@code 6.6},
 *     {@code 7.2}, {@code 7.4}: the processor's {@code -Amigrate.hibernate}, or the hibernate-core
 *     it found on the compile class path); {@code null} in snapshots written before it was recorded
 *     (an optional field: format version 1 readers ignore it)
 */
public record Snapshot(
    int formatVersion,
    Database database,
    List<String> entities,
    List<RevisionEntry> revisions,
    String hibernate) {

  /** The format this version of Migrate writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Where the processor writes the snapshot, relative to the class output directory. */
  public static final String RESOURCE = "META-INF/migrate/model.json";

  /**
   * Where the processor writes the plain list of revision classes (one fully qualified class name a
   * line), for applications that run migrations without a JSON library.
   */
  public static final String REVISIONS_RESOURCE = "META-INF/migrate/revisions";

  public Snapshot {
    Objects.requireNonNull(database, "database");
    entities = entities.stream().sorted().distinct().toList();
    revisions = revisions.stream().sorted(Comparator.comparing(RevisionEntry::className)).toList();
  }

  /** A snapshot that does not say which Hibernate line it mirrors. */
  public Snapshot(
      int formatVersion, Database database, List<String> entities, List<RevisionEntry> revisions) {
    this(formatVersion, database, entities, revisions, null);
  }

  /**
   * One compiled {@code @Revision} class.
   *
   * @param className the fully qualified (binary) class name
   * @param id the revision id
   * @param revises the down revision ids
   * @param message the message
   */
  public record RevisionEntry(String className, String id, List<String> revises, String message) {
    public RevisionEntry {
      revises = List.copyOf(revises);
    }
  }
}
