package dev.migrate;

import dev.migrate.codegen.MigrationSpec;
import dev.migrate.codegen.MigrationWriter;
import dev.migrate.codegen.RevisionNames;
import dev.migrate.runner.RevisionGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The command behind {@link Migrate#revision} and {@link Migrate#merge}: new migration classes
 * written by hand rules (what they revise, their labels and dependencies), not by a comparison.
 * Needs no database.
 */
final class RevisionFiles {

  private final RevisionGraph graph;
  private final Clock clock;

  RevisionFiles(RevisionGraph graph, Clock clock) {
    this.graph = graph;
    this.clock = clock;
  }

  /** See {@link Migrate#revision(String, RevisionOptions, Path, String)}. */
  Path revision(String message, RevisionOptions options, Path sourceRoot, String packageName) {
    List<String> revises =
        options.head().equals("head") ? head() : graph.resolve(options.head(), List.of());
    for (String id : revises) {
      if (!graph.children(id).isEmpty() && !options.splice()) {
        throw new MigrateException(
            ErrorCode.TARGET,
            "Revision "
                + id
                + " is not a head revision (it is revised by "
                + String.join(", ", graph.children(id))
                + "); add -Dmigrate.splice to start a new branch from it.");
      }
    }
    List<String> dependsOn = new ArrayList<>();
    for (String d : options.dependsOn()) {
      dependsOn.add(graph.find(d).id());
    }
    for (String label : options.branchLabels()) {
      if (graph.branchesByLabel().containsKey(label)) {
        throw new MigrateException(
            ErrorCode.REVISION_GRAPH,
            "Branch label '"
                + label
                + "' is declared already, by "
                + graph.find(label).id()
                + " ("
                + graph.find(label).sourceFile()
                + "). Choose another label.");
      }
    }
    MigrationSpec spec =
        emptySpec(packageName, message, revises).withBranch(options.branchLabels(), dependsOn);
    return write(spec, sourceRoot);
  }

  /** See {@link Migrate#merge}. */
  Path merge(String message, List<String> revisions, Path sourceRoot, String packageName) {
    List<String> ids = new ArrayList<>();
    for (String target : revisions.isEmpty() ? List.of("heads") : revisions) {
      for (String id : graph.resolve(target, List.of())) {
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    if (ids.size() < 2) {
      throw new MigrateException(
          ErrorCode.TARGET,
          "Nothing to merge: "
              + (ids.isEmpty() ? "there are no revisions" : "only " + ids.get(0) + " is named")
              + ". A merge joins two or more heads"
              + (graph.heads().size() > 1
                  ? " (heads: " + String.join(", ", graph.heads()) + ")"
                  : "")
              + ".");
    }
    MigrationSpec spec = emptySpec(packageName, message, graph.sorted(ids));
    return write(spec, sourceRoot);
  }

  private List<String> head() {
    return graph.head().map(r -> List.of(r.id())).orElse(List.of());
  }

  /** An empty migration class with a new id and a class name from {@code message} and the clock. */
  private MigrationSpec emptySpec(String packageName, String message, List<String> revises) {
    return MigrationSpec.empty(
        packageName,
        RevisionNames.className(message, now()),
        RevisionNames.newRevisionId(),
        revises,
        message);
  }

  private LocalDateTime now() {
    return LocalDateTime.now(clock);
  }

  /**
   * Writes {@code spec} under {@code sourceRoot}.
   *
   * @throws MigrateException ({@link ErrorCode#IO}) if the file cannot be written
   */
  static Path write(MigrationSpec spec, Path sourceRoot) {
    try {
      return new MigrationWriter().write(spec, sourceRoot);
    } catch (IOException e) {
      throw new MigrateException(
          ErrorCode.IO,
          "Cannot write migration "
              + spec.className()
              + " under "
              + sourceRoot
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
