package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.ops.Op;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One revision of the graph: what its {@code @Revision} says, and the class that states its
 * changes.
 *
 * @param id the revision id
 * @param revises the down revision ids; empty for a base revision, two or more for a merge point
 * @param message the message
 * @param type the migration class
 * @param dependsOn revisions (ids, partial ids or branch labels) that must be applied first without
 *     being down revisions (Alembic's {@code depends_on}); empty for none
 * @param branchLabels the branch labels this revision declares; empty for none
 */
public record RevisionInfo(
    String id,
    List<String> revises,
    String message,
    Class<? extends Migration> type,
    List<String> dependsOn,
    List<String> branchLabels) {

  public RevisionInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    revises = List.copyOf(revises);
    message = message == null ? "" : message;
    dependsOn = List.copyOf(dependsOn);
    branchLabels = List.copyOf(branchLabels);
  }

  /** A revision without dependencies and branch labels. */
  public RevisionInfo(
      String id, List<String> revises, String message, Class<? extends Migration> type) {
    this(id, revises, message, type, List.of(), List.of());
  }

  /**
   * The revision a migration class declares.
   *
   * @throws MigrateException ({@link ErrorCode#REVISION_GRAPH}) if the class lacks
   *     {@code @Revision} or does not implement {@link Migration}
   */
  public static RevisionInfo of(Class<?> type) {
    Revision revision = type.getAnnotation(Revision.class);
    if (revision == null || !Migration.class.isAssignableFrom(type)) {
      throw new MigrateException(
          ErrorCode.REVISION_GRAPH,
          "Class "
              + type.getName()
              + " is listed as a revision but "
              + (revision == null
                  ? "has no @Revision annotation"
                  : "does not implement " + Migration.class.getName())
              + " (loaded from "
              + type.getClassLoader()
              + "; the runtime API must come from the same loader as the"
              + " runner's). Annotate it with @Revision and implement Migration, or rebuild with `mvn clean compile`.");
    }
    if (revision.id().isBlank()) {
      throw new MigrateException(
          ErrorCode.REVISION_GRAPH,
          type.getName()
              + ": @Revision(id) is empty; give it the"
              + " 12-hex-digit id it was generated with.");
    }
    return new RevisionInfo(
        revision.id(),
        List.of(revision.revises()),
        revision.message(),
        type.asSubclass(Migration.class),
        List.of(revision.dependsOn()),
        List.of(revision.branchLabels()));
  }

  /** How messages name the revision: {@code Revision <id> (<class name>)}. */
  public String describe() {
    return "Revision " + id + " (" + type.getName() + ")";
  }

  /** A new instance of the migration class, made with its no-argument constructor. */
  public Migration newMigration() {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException e) {
      throw new MigrateException(
          ErrorCode.REVISION_GRAPH,
          "Cannot instantiate revision "
              + id
              + " ("
              + type.getName()
              + "): it needs a public no-argument constructor and must not be abstract.",
          e);
    } catch (InvocationTargetException e) {
      throw new MigrateException(
          ErrorCode.MIGRATION_FAILED,
          "The constructor of revision " + id + " (" + type.getName() + ") threw " + e.getCause(),
          e.getCause());
    }
  }

  /**
   * The ops the revision states, recorded by running its {@code upgrade} or {@code downgrade}
   * method against a list; nothing is executed.
   *
   * @throws MigrateException ({@link ErrorCode#MIGRATION_FAILED}) if the method throws
   */
  public List<Op> ops(Direction direction) {
    List<Op> ops = new ArrayList<>();
    Migration migration = newMigration();
    Operations op = new Operations(ops::add);
    try {
      if (direction == Direction.UPGRADE) {
        migration.upgrade(op);
      } else {
        migration.downgrade(op);
      }
    } catch (RuntimeException e) {
      throw new MigrateException(
          ErrorCode.MIGRATION_FAILED,
          describe()
              + " threw in "
              + direction.label()
              + "(): "
              + e
              + ". Nothing was executed for it.",
          e);
    }
    return ops;
  }

  /**
   * The checksum recorded in {@code migrate_history}, in the format written now ({@link
   * Checksums#of}: {@code v2:} and the base64url SHA-256 of the canonical text of the upgrade ops,
   * 46 characters). It changes when, and only when, the revision's upgrade ops change.
   */
  public String checksum() {
    return checksum(ops(Direction.UPGRADE));
  }

  /** The checksum of {@code ops} in the format written now ({@link Checksums#of}). */
  public static String checksum(List<Op> ops) {
    return Checksums.of(ops);
  }

  /**
   * The source file of the migration class relative to its source root, for messages, for example
   * {@code com/acme/db/migrations/R20261121_153012_AddPhone.java}.
   */
  public String sourceFile() {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    return top.getName().replace('.', '/') + ".java";
  }

  /** {@code id} abbreviated for messages: the first 12 characters. */
  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
