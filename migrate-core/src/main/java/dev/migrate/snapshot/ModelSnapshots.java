package dev.migrate.snapshot;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.model.Database;
import dev.migrate.model.EnumType;
import dev.migrate.model.Sequence;
import dev.migrate.model.Table;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The model of a module built from several snapshots: its own {@value Snapshot#RESOURCE} and every
 * one on its compile class path (a {@code domain} module's snapshot travels in its jar, or is its
 * class output in a reactor build). The union of their tables, sequences and enum types, by
 * qualified name.
 */
public final class ModelSnapshots {

  private ModelSnapshots() {}

  /**
   * One snapshot's model and where it was read.
   *
   * @param location the file or URL it was read from, for messages
   * @param database its model
   * @param capture how it was captured and what could not be ({@link Snapshot#capture()})
   * @param hibernate the Hibernate line it mirrors ({@link Snapshot#hibernate}), or {@code null}
   */
  public record Source(
      String location, Database database, Snapshot.Capture capture, String hibernate) {
    public Source {
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(database, "database");
      capture = capture == null ? Snapshot.Capture.UNKNOWN : capture;
    }

    /** A source of unknown capture (no problem recorded) that does not say its Hibernate line. */
    public Source(String location, Database database) {
      this(location, database, Snapshot.Capture.UNKNOWN, null);
    }

    /** A source that does not say which Hibernate line it mirrors. */
    public Source(String location, Database database, Snapshot.Capture capture) {
      this(location, database, capture, null);
    }

    /** The snapshot {@code snapshot}, read at {@code location}. */
    public static Source of(String location, Snapshot snapshot) {
      return new Source(location, snapshot.database(), snapshot.capture(), snapshot.hibernate());
    }
  }

  /**
   * The merged model and the snapshots it came from.
   *
   * @param database the union of the snapshots' models
   * @param locations where each snapshot was read, the module's own first
   * @param captures how each snapshot was captured, in the order of {@code locations}
   * @param hibernate the Hibernate lines the snapshots mirror ({@link Snapshot#hibernate}), each
   *     once, the module's own first; empty when none says
   * @param warnings what the goals log as warnings: each converter check that could not be resolved
   *     and is left out of {@code database} ({@link ConverterChecks})
   */
  public record Merged(
      Database database,
      List<String> locations,
      List<Snapshot.Capture> captures,
      List<String> hibernate,
      List<String> warnings) {
    public Merged {
      Objects.requireNonNull(database, "database");
      locations = List.copyOf(locations);
      captures = List.copyOf(captures);
      hibernate = hibernate.stream().filter(Objects::nonNull).distinct().toList();
      warnings = warnings == null ? List.of() : List.copyOf(warnings);
      if (captures.size() != locations.size()) {
        throw new IllegalArgumentException(
            captures.size() + " captures for " + locations.size() + " locations");
      }
    }

    /** A merged model without warnings. */
    public Merged(
        Database database,
        List<String> locations,
        List<Snapshot.Capture> captures,
        List<String> hibernate) {
      this(database, locations, captures, hibernate, List.of());
    }

    /** A merged model of snapshots of unknown capture (no problem recorded). */
    public Merged(Database database, List<String> locations) {
      this(
          database,
          locations,
          locations.stream().map(l -> Snapshot.Capture.UNKNOWN).toList(),
          List.of());
    }

    /**
     * One line saying which Hibernate the model mirrors, for the goals to log: {@code "Model
     * mirrors Hibernate 7.2"}; {@code null} when no snapshot says.
     */
    public String hibernateLine() {
      if (hibernate.isEmpty()) {
        return null;
      }
      return "Model mirrors Hibernate "
          + String.join(" and ", hibernate)
          + (hibernate.size() > 1
              ? " (the snapshots disagree: compile every module with the same -Amigrate.hibernate)"
              : " (-Amigrate.hibernate, by default the hibernate-core on the compile class path)");
    }

    /**
     * The Java members behind the tables and columns, as every snapshot recorded them, in the
     * snapshots' order; empty for snapshots written before they were recorded.
     */
    public List<Snapshot.Member> members() {
      return captures.stream().flatMap(c -> c.members().stream()).toList();
    }

    /** Every problem the processor recorded, in the snapshots' order. */
    public List<Snapshot.ModelProblem> problems() {
      return captures.stream().flatMap(c -> c.problems().stream()).toList();
    }

    /**
     * The naming each snapshot was captured with, for a log line: {@code "naming snake_case
     * (-Amigrate.naming=snake_case)"} for one snapshot; with several, each followed by {@code " in
     * <location>"}, one a line.
     */
    public String describeNaming() {
      if (captures.size() == 1) {
        return captures.get(0).describeNaming();
      }
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < captures.size(); i++) {
        text.append(i == 0 ? "" : "\n")
            .append(captures.get(i).describeNaming())
            .append(" in ")
            .append(locations.get(i));
      }
      return text.toString();
    }

    /**
     * This model, when the processor captured every mapping of every snapshot and the model has a
     * table, a sequence or an enum type: what a goal that compares the model with a database needs.
     *
     * @param goal what needs the model, for the message ({@code "migrate:autogen"})
     * @throws MigrateException ({@link ErrorCode#MODEL_INCOMPLETE}) when a snapshot records
     *     problems, listing each (element, table or column, the processor's warning) and the fix;
     *     ({@link ErrorCode#SNAPSHOT}) when it is empty ({@link #requireNonEmpty})
     */
    public Database requireComplete(String goal) {
      List<Snapshot.ModelProblem> problems = problems();
      if (!problems.isEmpty()) {
        throw new MigrateException(
            ErrorCode.MODEL_INCOMPLETE,
            "The model is incomplete: the model processor could not model "
                + (problems.size() == 1 ? "this mapping" : "these " + problems.size() + " mappings")
                + ", so "
                + goal
                + " would compare a model that lacks them with the database:\n"
                + Snapshot.ModelProblem.list(problems)
                + "\nMap each another way (the warning says how) or mark it @Transient, then run `mvn"
                + " compile "
                + goal
                + "` again. (-Amigrate.strict=true makes these compile errors.)");
      }
      return requireNonEmpty(goal);
    }

    /** Whether the model has no table, sequence or enum type. */
    public boolean isEmpty() {
      return database.tables().isEmpty()
          && database.sequences().isEmpty()
          && database.enumTypes().isEmpty();
    }

    /**
     * This model, when it has a table, a sequence or an enum type.
     *
     * @param goal what needs the model, for the message ({@code "migrate:autogen"})
     * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) when it is empty, naming every snapshot
     *     read and how to get the entities into one
     */
    public Database requireNonEmpty(String goal) {
      if (isEmpty()) {
        throw new MigrateException(
            ErrorCode.SNAPSHOT,
            "The model is empty: no entity in the snapshots "
                + goal
                + " read ("
                + String.join(", ", locations)
                + "). Entities in another module: add that module as a dependency of this one"
                + " and dev.migrate:model-processor to its annotationProcessorPaths, then run `mvn"
                + " -pl <this module> -am compile "
                + goal
                + "` (see the README, 'Multi-module projects').");
      }
      return database;
    }
  }

  /**
   * Reads the module's own snapshot under {@code classesDirectory} (waiting as {@link
   * SnapshotJson#readFromClassesDirectory(Path)} does) and every other {@value Snapshot#RESOURCE}
   * that {@code classPath} finds, resolves their converter checks with {@code classPath} ({@link
   * ConverterChecks}: one that cannot be resolved is left out, and {@link Merged#warnings()} says
   * so), and merges them.
   *
   * @param classesDirectory the module's class output directory
   * @param classPath a loader over the module's compile class path (its classes directory included,
   *     for the application's converters); its resources named {@value Snapshot#RESOURCE} other
   *     than the module's own are read too
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) if a snapshot is missing or unreadable,
   *     or if two snapshots define the same object differently; ({@link ErrorCode#IO}) if the class
   *     path cannot be read
   */
  public static Merged read(Path classesDirectory, ClassLoader classPath) {
    Path own = classesDirectory.resolve(Snapshot.RESOURCE).toAbsolutePath().normalize();
    List<Source> sources = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    sources.add(
        resolved(
            own.toString(),
            SnapshotJson.readFromClassesDirectory(classesDirectory),
            classPath,
            warnings));
    List<URL> urls;
    try {
      urls = Collections.list(classPath.getResources(Snapshot.RESOURCE));
    } catch (IOException e) {
      throw new MigrateException(
          ErrorCode.IO,
          "Cannot list the "
              + Snapshot.RESOURCE
              + " resources of the class path: "
              + e.getMessage(),
          e);
    }
    Set<String> seen = new LinkedHashSet<>();
    seen.add(own.toString());
    for (URL url : urls) {
      Path file = fileOf(url);
      if (file != null) {
        if (!seen.add(file.toString())) {
          continue;
        }
        // another module's class output, which a concurrent build may be recompiling
        Path classes = file.getParent().getParent().getParent();
        sources.add(
            resolved(
                file.toString(),
                SnapshotJson.readFromClassesDirectory(classes),
                classPath,
                warnings));
      } else if (seen.add(url.toString())) {
        try {
          sources.add(
              resolved(
                  url.toString(),
                  SnapshotJson.read(url.openStream(), url.toString()),
                  classPath,
                  warnings));
        } catch (IOException e) {
          throw new MigrateException(ErrorCode.IO, "Cannot read " + url + ": " + e.getMessage(), e);
        }
      }
    }
    return new Merged(
        merge(sources),
        sources.stream().map(Source::location).toList(),
        sources.stream().map(Source::capture).toList(),
        sources.stream().map(Source::hibernate).toList(),
        warnings);
  }

  /**
   * {@code snapshot} as a source, its converter checks resolved, the warnings into {@code into}.
   */
  private static Source resolved(
      String location, Snapshot snapshot, ClassLoader classPath, List<String> into) {
    ConverterChecks.Resolved resolved = ConverterChecks.resolve(snapshot, classPath);
    into.addAll(resolved.warnings());
    return new Source(location, resolved.database(), snapshot.capture(), snapshot.hibernate());
  }

  /**
   * The union of the sources' models. An object (table, sequence or enum type, by schema and name)
   * in several sources must be equal in each.
   *
   * @throws MigrateException ({@link ErrorCode#SNAPSHOT}) naming the object and both sources when
   *     two sources define it differently
   */
  public static Database merge(List<Source> sources) {
    if (sources.size() == 1) {
      return sources.get(0).database();
    }
    Map<String, Owned<Table>> tables = new LinkedHashMap<>();
    Map<String, Owned<Sequence>> sequences = new LinkedHashMap<>();
    Map<String, Owned<EnumType>> enumTypes = new LinkedHashMap<>();
    for (Source source : sources) {
      add(
          tables,
          source,
          source.database().tables(),
          t -> qualified(t.schema(), t.name()),
          "table");
      add(
          sequences,
          source,
          source.database().sequences(),
          s -> qualified(s.schema(), s.name()),
          "sequence");
      add(
          enumTypes,
          source,
          source.database().enumTypes(),
          e -> qualified(e.schema(), e.name()),
          "enum type");
    }
    return new Database(values(tables), values(sequences), values(enumTypes));
  }

  private record Owned<T>(T value, String location) {}

  private static <T> void add(
      Map<String, Owned<T>> into,
      Source source,
      List<T> values,
      Function<T, String> name,
      String kind) {
    for (T value : values) {
      String key = name.apply(value);
      Owned<T> before = into.putIfAbsent(key, new Owned<>(value, source.location()));
      if (before != null && !before.value().equals(value)) {
        throw new MigrateException(
            ErrorCode.SNAPSHOT,
            "The "
                + kind
                + " "
                + key
                + " is defined differently in "
                + before.location()
                + " and in "
                + source.location()
                + ": define it in one module only, then run `mvn clean compile`.");
      }
    }
  }

  private static <T> List<T> values(Map<String, Owned<T>> map) {
    return map.values().stream().map(Owned::value).toList();
  }

  private static String qualified(String schema, String name) {
    return schema == null ? name : schema + "." + name;
  }

  /** The file a {@code file:} URL names, normalized; {@code null} for other URLs. */
  private static Path fileOf(URL url) {
    if (!"file".equals(url.getProtocol())) {
      return null;
    }
    try {
      return Path.of(url.toURI()).toAbsolutePath().normalize();
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }
}
