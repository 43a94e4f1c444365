package dev.migrate.runner;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Revision;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Objects;

/**
 * One revision of the chain: what its {@code @Revision} says, and the class that states its changes.
 *
 * @param id the revision id
 * @param revises the down revision ids; empty for a base revision
 * @param message the message
 * @param type the migration class
 */
public record RevisionInfo(String id, List<String> revises, String message, Class<? extends Migration> type) {

  public RevisionInfo {
    Objects.requireNonNull(id, "id");
    revises = List.copyOf(revises);
  }

  /**
   * The revision a migration class declares.
   *
   * @throws MigrateException ({@link ErrorCode#REVISION_GRAPH}) if the class lacks {@code @Revision} or does not
   *     implement {@link Migration}
   */
  public static RevisionInfo of(Class<?> type) {
    Revision revision = type.getAnnotation(Revision.class);
    if (revision == null || !Migration.class.isAssignableFrom(type)) {
      throw new MigrateException(ErrorCode.REVISION_GRAPH, "Class " + type.getName() + " is listed as a revision but "
          + (revision == null ? "has no @Revision annotation" : "does not implement " + Migration.class.getName())
          + " (loaded from " + type.getClassLoader() + "; the runtime API must come from the same loader as the"
          + " runner's). Annotate it with @Revision and implement Migration, or rebuild with `mvn clean compile`.");
    }
    if (revision.id().isBlank()) {
      throw new MigrateException(ErrorCode.REVISION_GRAPH, type.getName() + ": @Revision(id) is empty; give it the"
          + " 12-hex-digit id it was generated with.");
    }
    return new RevisionInfo(revision.id(), List.of(revision.revises()), revision.message(),
        type.asSubclass(Migration.class));
  }

  /** A new instance of the migration class, made with its no-argument constructor. */
  public Migration newMigration() {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (InstantiationException | IllegalAccessException | NoSuchMethodException e) {
      throw new MigrateException(ErrorCode.REVISION_GRAPH, "Cannot instantiate revision " + id + " (" + type.getName()
          + "): it needs a public no-argument constructor and must not be abstract.", e);
    } catch (InvocationTargetException e) {
      throw new MigrateException(ErrorCode.MIGRATION_FAILED, "The constructor of revision " + id + " ("
          + type.getName() + ") threw " + e.getCause(), e.getCause());
    }
  }

  /** {@code id} abbreviated for messages: the first 12 characters. */
  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
