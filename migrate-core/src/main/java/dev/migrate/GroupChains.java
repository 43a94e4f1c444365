package dev.migrate;

import dev.migrate.diff.DiffResult;
import dev.migrate.model.Database;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Table;
import dev.migrate.ops.AddForeignKey;
import dev.migrate.ops.CreateTable;
import dev.migrate.ops.Op;
import dev.migrate.ops.OpVisitor;
import dev.migrate.runner.Direction;
import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.runner.RunResult;
import dev.migrate.runtime.Revision;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The independent chains of a schema-group project, one {@link Migrate} per {@link SchemaGroup}:
 * each runs in its group's schema (objects, {@code migrate_version}, {@code migrate_history} there)
 * with the migrations of {@code <migrationsPackage>.<alias>}.
 *
 * <p>A revision of one group may depend on revisions of others ({@code @Revision(dependsOn)},
 * Alembic's {@code depends_on}): autogenerate writes that link when a foreign key points into
 * another group, upgrade applies the other group up to the revision needed first, and downgrade
 * refuses to revert a revision that an applied revision of another group still needs.
 */
final class GroupChains {

  private final SchemaGroups groups;
  private final Map<SchemaGroup, Migrate> chains = new LinkedHashMap<>();
  private final Consumer<String> log;

  /**
   * @param groups the groups
   * @param load the facade of one group, for example {@code g ->
   *     config.schema(g.schema()).migrationsPackage(g.packageName(pkg)).load()}; called once per
   *     group
   * @param log receives what the chains do beyond their own revision lines (dependencies applied
   *     first)
   */
  GroupChains(SchemaGroups groups, Function<SchemaGroup, Migrate> load, Consumer<String> log) {
    this.groups = Objects.requireNonNull(groups, "groups");
    this.log = Objects.requireNonNull(log, "log");
    for (SchemaGroup group : groups.all()) {
      chains.put(group, load.apply(group));
    }
  }

  /** The groups. */
  public SchemaGroups groups() {
    return groups;
  }

  /** The facade of one group. */
  public Migrate chain(SchemaGroup group) {
    Migrate chain = chains.get(group);
    if (chain == null) {
      throw new IllegalArgumentException("not a group of this project: " + group);
    }
    return chain;
  }

  /**
   * Upgrades each selected group to {@code target}, groups that others depend on first. Before a
   * group runs, every revision of another group that one of its pending revisions depends on is
   * applied (that group is upgraded to exactly that revision, and logged so), whether or not that
   * group was selected.
   *
   * @return one result per group run, dependencies included, in the order they ran
   * @throws MigrateException as {@link Migrate#upgrade}, and ({@link ErrorCode#REVISION_GRAPH}) if
   *     a revision depends on an id that no group's migrations hold or the groups depend on each
   *     other in a cycle
   */
  public List<RunResult> upgrade(List<SchemaGroup> selected, String target) {
    List<RunResult> results = new ArrayList<>();
    for (SchemaGroup group : order(selected, true)) {
      Migrate chain = chain(group);
      RevisionGraph graph = chain.graph();
      List<String> heads = chain.current();
      for (RevisionInfo revision : graph.upgradePlan(heads, graph.resolve(target, heads), target)) {
        applyDependencies(group, revision, results, new LinkedHashSet<>());
      }
      results.add(chain.upgrade(target));
    }
    return results;
  }

  /**
   * Downgrades each selected group to {@code target}, groups that depend on others first.
   *
   * @throws MigrateException ({@link ErrorCode#TARGET}) naming the dependent group, its revision
   *     and the command to run first, when an applied revision of another group depends on a
   *     revision this would revert (nothing is reverted in that group); otherwise as {@link
   *     Migrate#downgrade}
   */
  public List<RunResult> downgrade(List<SchemaGroup> selected, String target) {
    return downgrade(selected, target, Migrate.DowngradeMode.KEEP_VALUES);
  }

  /**
   * As {@link #downgrade(List, String)}, each group's downgrade with {@code mode} (see {@link
   * Migrate#downgrade(String, Migrate.DowngradeMode)}).
   */
  public List<RunResult> downgrade(
      List<SchemaGroup> selected, String target, Migrate.DowngradeMode mode) {
    List<RunResult> results = new ArrayList<>();
    for (SchemaGroup group : order(selected, false)) {
      Migrate chain = chain(group);
      RevisionGraph graph = chain.graph();
      List<String> heads = chain.current();
      Set<String> reverted = new HashSet<>();
      for (RevisionInfo revision :
          graph.downgradePlan(heads, graph.resolve(target, heads), target)) {
        reverted.add(revision.id());
      }
      if (!reverted.isEmpty()) {
        checkNoDependents(group, reverted);
      }
      results.add(chain.downgrade(target, mode));
    }
    return results;
  }

  /** The revisions each selected group is at, in the order of {@code selected}. */
  public Map<SchemaGroup, List<String>> current(List<SchemaGroup> selected) {
    Map<SchemaGroup, List<String>> current = new LinkedHashMap<>();
    selected.forEach(g -> current.put(g, chain(g).current()));
    return current;
  }

  /**
   * Compares each selected group's part of {@code model} with its schema and writes one revision
   * per group that changed, all with {@code message}, in {@code <migrationsPackage>.<alias>}. Every
   * selected group must be at head; nothing is written unless all are. A group's first revision
   * carries its alias as branch label. A foreign key into another group makes the revision depend
   * on the revision of that group that creates the referenced table (written in this same run when
   * that group changed too).
   *
   * @return the result of every selected group, in the order of {@code selected}; unchanged groups
   *     have {@link AutogenResult#noChanges()}
   * @throws MigrateException as {@link Migrate#diff} and {@link Migrate#autogenerate(DiffResult,
   *     String, Path, String, List, List)}
   */
  public Map<SchemaGroup, AutogenResult> autogenerate(
      Database model,
      List<SchemaGroup> selected,
      String message,
      Path sourceRoot,
      String migrationsPackage) {
    Map<SchemaGroup, DiffResult> diffs = new LinkedHashMap<>();
    Map<SchemaGroup, List<Op>> changes = new LinkedHashMap<>();
    for (SchemaGroup group : selected) {
      DiffResult diff = chain(group).diff(SchemaGroups.part(model, group));
      diffs.put(group, diff);
      changes.put(group, diff.ops());
    }
    // Referenced groups are written first, so that their new revision ids are known to the groups
    // that need them.
    Map<SchemaGroup, Set<SchemaGroup>> needs = new LinkedHashMap<>();
    changes.forEach((group, ops) -> needs.put(group, new LinkedHashSet<>()));
    changes.forEach(
        (group, ops) ->
            referencedTables(group, ops)
                .forEach(
                    ref ->
                        ofSchema(ref.schema())
                            .filter(changes::containsKey)
                            .filter(target -> createdIn(changes.get(target), ref.table()))
                            .ifPresent(target -> needs.get(group).add(target))));
    Map<SchemaGroup, AutogenResult> written = new LinkedHashMap<>();
    for (SchemaGroup group : topological(needs, true)) {
      List<Op> ops = changes.get(group);
      Set<String> dependsOn = new LinkedHashSet<>();
      for (TableRef ref : referencedTables(group, ops)) {
        Optional<SchemaGroup> target = ofSchema(ref.schema());
        if (target.isEmpty()) {
          continue;
        }
        AutogenResult sameRun = written.get(target.get());
        if (sameRun != null && !sameRun.noChanges() && createdIn(sameRun.ops(), ref.table())) {
          dependsOn.add(sameRun.revisionId());
          continue;
        }
        Optional<String> creator = creatorOf(target.get(), ref.table());
        if (creator.isPresent()) {
          dependsOn.add(creator.get());
        } else {
          log.accept(
              "Schema group "
                  + group.alias()
                  + " references "
                  + ref.schema()
                  + "."
                  + ref.table()
                  + ", which no"
                  + " revision of group "
                  + target.get().alias()
                  + " creates: run autogen for "
                  + target.get().alias()
                  + " too (-Dmigrate.schema="
                  + target.get().alias()
                  + ","
                  + group.alias()
                  + ") so that upgrade can order them.");
        }
      }
      Migrate chain = chain(group);
      List<String> labels = chain.graph().isEmpty() ? List.of(group.alias()) : List.of();
      written.put(
          group,
          chain.autogenerate(
              diffs.get(group),
              message,
              sourceRoot,
              group.packageName(migrationsPackage),
              List.copyOf(dependsOn),
              labels));
    }
    Map<SchemaGroup, AutogenResult> results = new LinkedHashMap<>();
    selected.forEach(g -> results.put(g, written.get(g)));
    return results;
  }

  /**
   * Writes an empty revision on top of each selected group's head, in {@code
   * <migrationsPackage>.<alias>}; a group's first revision carries its alias as branch label. Needs
   * no database.
   */
  public Map<SchemaGroup, Path> revision(
      List<SchemaGroup> selected, String message, Path sourceRoot, String migrationsPackage) {
    Map<SchemaGroup, Path> files = new LinkedHashMap<>();
    for (SchemaGroup group : selected) {
      Migrate chain = chain(group);
      List<String> labels = chain.graph().isEmpty() ? List.of(group.alias()) : List.of();
      files.put(
          group,
          chain.revision(
              message,
              new RevisionOptions("head", false, labels, List.of()),
              sourceRoot,
              group.packageName(migrationsPackage)));
    }
    return files;
  }

  // -------------------------------------------------------------------------------------------
  // dependencies

  private void applyDependencies(
      SchemaGroup group, RevisionInfo revision, List<RunResult> results, Set<String> visiting) {
    if (!visiting.add(revision.id())) {
      throw new MigrateException(
          ErrorCode.REVISION_GRAPH,
          "Revisions depend on each other in a cycle through "
              + revision.id()
              + " ("
              + revision.type().getName()
              + "). Remove one of the dependsOn entries.");
    }
    for (String needed : dependsOn(revision)) {
      Located located = locate(needed, group, revision);
      if (located.group().equals(group)) {
        continue;
      }
      Migrate other = chain(located.group());
      List<String> heads = other.current();
      if (other.graph().ancestorsOrSelf(heads).contains(located.id())) {
        continue;
      }
      for (RevisionInfo before :
          other.graph().upgradePlan(heads, List.of(located.id()), located.id())) {
        applyDependencies(located.group(), before, results, visiting);
      }
      log.accept(
          "Schema group "
              + group.alias()
              + " revision "
              + revision.id()
              + " depends on revision "
              + located.id()
              + " of group "
              + located.group().alias()
              + ": upgrading "
              + located.group().alias()
              + " to it first");
      results.add(other.upgrade(located.id()));
    }
    visiting.remove(revision.id());
  }

  private void checkNoDependents(SchemaGroup group, Set<String> reverted) {
    for (Map.Entry<SchemaGroup, Migrate> entry : chains.entrySet()) {
      if (entry.getKey().equals(group)) {
        continue;
      }
      Migrate other = entry.getValue();
      for (String id : other.graph().sorted(other.graph().ancestorsOrSelf(other.current()))) {
        RevisionInfo applied = other.graph().get(id);
        for (String dependency : dependsOn(applied)) {
          String needed =
              reverted.stream().filter(r -> r.startsWith(dependency)).findFirst().orElse(null);
          if (needed != null) {
            String down =
                applied.revises().isEmpty() ? "base" : String.join(",", applied.revises());
            throw new MigrateException(
                ErrorCode.TARGET,
                "Cannot downgrade schema group "
                    + group.alias()
                    + " past revision "
                    + needed
                    + ": revision "
                    + applied.id()
                    + " of group "
                    + entry.getKey().alias()
                    + " ("
                    + applied.type().getSimpleName()
                    + ") is applied and depends on it. Downgrade "
                    + entry.getKey().alias()
                    + " first: mvn migrate:downgrade -Dmigrate.schema="
                    + entry.getKey().alias()
                    + " -Dmigrate.revision="
                    + down);
          }
        }
      }
    }
  }

  /** Where a dependency (a full or partial id, or a branch label) lives. */
  private record Located(SchemaGroup group, String id) {}

  private Located locate(String needed, SchemaGroup from, RevisionInfo revision) {
    for (Map.Entry<SchemaGroup, Migrate> entry : chains.entrySet()) {
      RevisionGraph graph = entry.getValue().graph();
      for (RevisionInfo r : graph.revisions()) {
        if (r.id().startsWith(needed) || r.branchLabels().contains(needed)) {
          return new Located(entry.getKey(), r.id());
        }
      }
    }
    throw new MigrateException(
        ErrorCode.REVISION_GRAPH,
        revision.describe()
            + " of schema group "
            + from.alias()
            + " depends on '"
            + needed
            + "', which is"
            + " in no group's migrations ("
            + groups
            + "). Restore that revision, or correct dependsOn.");
  }

  /**
   * What {@code revision} declares in {@code @Revision(dependsOn)}: a group's own graph keeps only
   * the dependencies inside the group (see {@link Configuration#migrationsPackage}), so the others
   * are read here.
   */
  private static List<String> dependsOn(RevisionInfo revision) {
    Revision annotation = revision.type().getAnnotation(Revision.class);
    return annotation == null ? List.of() : List.of(annotation.dependsOn());
  }

  /**
   * {@code selected} ordered so that a group comes after the groups its revisions depend on ({@code
   * upgrade}) or before them (downgrade); alias order otherwise.
   */
  private List<SchemaGroup> order(List<SchemaGroup> selected, boolean upgrade) {
    Map<SchemaGroup, Set<SchemaGroup>> needs = new LinkedHashMap<>();
    for (SchemaGroup group : selected) {
      Set<SchemaGroup> needed = new LinkedHashSet<>();
      for (RevisionInfo revision : chain(group).graph().revisions()) {
        for (String id : dependsOn(revision)) {
          chains.forEach(
              (other, chain) -> {
                if (!other.equals(group)
                    && selected.contains(other)
                    && chain.graph().revisions().stream().anyMatch(r -> r.id().startsWith(id))) {
                  needed.add(other);
                }
              });
        }
      }
      needs.put(group, needed);
    }
    return topological(needs, upgrade);
  }

  /**
   * Kahn's algorithm over {@code needs} (group to the groups it needs first), iterative; groups
   * caught in a cycle keep their given order at the end. Reversed when {@code needsFirst} is false.
   */
  private static List<SchemaGroup> topological(
      Map<SchemaGroup, Set<SchemaGroup>> needs, boolean needsFirst) {
    List<SchemaGroup> ordered = new ArrayList<>();
    Set<SchemaGroup> placed = new HashSet<>();
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Map.Entry<SchemaGroup, Set<SchemaGroup>> entry : needs.entrySet()) {
        if (!placed.contains(entry.getKey()) && placed.containsAll(entry.getValue())) {
          ordered.add(entry.getKey());
          placed.add(entry.getKey());
          progress = true;
        }
      }
    }
    needs.keySet().stream().filter(g -> !placed.contains(g)).forEach(ordered::add);
    if (!needsFirst) {
      Collections.reverse(ordered);
    }
    return ordered;
  }

  // -----------------------------------------------------------------------------------------
  // foreign keys

  private record TableRef(String schema, String table) {}

  /** The foreign keys an op adds: a new table's, or the one {@code addForeignKey} adds. */
  private static final OpVisitor.Partial<List<ForeignKey>> ADDED_FOREIGN_KEYS =
      new OpVisitor.Partial<>() {
        @Override
        public List<ForeignKey> otherwise(Op op) {
          return List.of();
        }

        @Override
        public List<ForeignKey> visitCreateTable(CreateTable op) {
          return op.table().foreignKeys();
        }

        @Override
        public List<ForeignKey> visitAddForeignKey(AddForeignKey op) {
          return List.of(op.foreignKey());
        }
      };

  /** The table an op creates, if it creates one. */
  private static final OpVisitor.Partial<Optional<Table>> CREATED_TABLE =
      new OpVisitor.Partial<>() {
        @Override
        public Optional<Table> otherwise(Op op) {
          return Optional.empty();
        }

        @Override
        public Optional<Table> visitCreateTable(CreateTable op) {
          return Optional.of(op.table());
        }
      };

  /** The tables of other schemas that {@code ops} reference by foreign key. */
  private static Set<TableRef> referencedTables(SchemaGroup group, List<Op> ops) {
    Set<TableRef> refs = new LinkedHashSet<>();
    for (Op op : ops) {
      for (ForeignKey key : op.accept(ADDED_FOREIGN_KEYS)) {
        if (key.referencedSchema() != null && !key.referencedSchema().equals(group.schema())) {
          refs.add(new TableRef(key.referencedSchema(), key.referencedTable()));
        }
      }
    }
    return refs;
  }

  private Optional<SchemaGroup> ofSchema(String schema) {
    return groups.ofSchema(schema);
  }

  private static boolean createdIn(List<Op> ops, String table) {
    return ops.stream()
        .map(op -> op.accept(CREATED_TABLE))
        .flatMap(Optional::stream)
        .anyMatch(created -> created.name().equals(table) && created.schema() == null);
  }

  /** The oldest revision of {@code group}'s chain whose upgrade creates {@code table}. */
  private Optional<String> creatorOf(SchemaGroup group, String table) {
    RevisionGraph graph = chain(group).graph();
    for (String id : graph.sorted(graph.ancestorsOrSelf(graph.heads()))) {
      List<Op> ops;
      try {
        ops = graph.get(id).ops(Direction.UPGRADE);
      } catch (RuntimeException e) {
        continue;
      }
      if (ops.stream()
          .map(op -> op.accept(CREATED_TABLE))
          .flatMap(Optional::stream)
          .anyMatch(
              created ->
                  created.name().equals(table)
                      && (created.schema() == null || created.schema().equals(group.schema())))) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }
}
