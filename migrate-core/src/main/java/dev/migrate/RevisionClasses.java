package dev.migrate;

import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.snapshot.ClassOutputReads;
import dev.migrate.snapshot.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The migration classes of a configuration: those given by name, and those listed in every {@code
 * META-INF/migrate/revisions} resource (written by the model processor) of the given class loaders.
 */
final class RevisionClasses {

  private final Set<Class<?>> classes;

  private RevisionClasses(Set<Class<?>> classes) {
    this.classes = classes;
  }

  /**
   * {@code given} and the classes the loaders' revision indexes list, loaded with their loader.
   *
   * @throws MigrateException {@link ErrorCode#REVISION_GRAPH} if an index lists a class that does
   *     not exist, {@link ErrorCode#IO} if an index cannot be read
   */
  static RevisionClasses scan(List<Class<?>> given, List<ClassLoader> loaders) {
    return scan(given, loaders, ClassOutputReads.WAIT);
  }

  /**
   * {@link #scan(List, List)}, trying again for at most {@code wait} while an index or a class it
   * lists cannot be read: another build may be recompiling a class output on the class path
   * (maven-compiler-plugin deletes what the previous compilation created, javac writes it again),
   * so a missing index beside a {@code META-INF/migrate} directory, a listed class that is missing
   * or truncated, or an index that vanished while being read is never taken for fewer revisions.
   *
   * @throws MigrateException {@link ErrorCode#REVISION_GRAPH} if, after the wait, an index is still
   *     missing or lists a class that cannot be loaded; {@link ErrorCode#IO} if an index cannot be
   *     read
   */
  static RevisionClasses scan(List<Class<?>> given, List<ClassLoader> loaders, Duration wait) {
    try {
      return ClassOutputReads.retrying(
          wait,
          () -> {
            Set<Class<?>> classes = new LinkedHashSet<>(given);
            for (ClassLoader loader : loaders) {
              classes.addAll(listedRevisions(loader));
            }
            return new RevisionClasses(classes);
          });
    } catch (ClassOutputReads.NotReady e) {
      throw new MigrateException(
          e.getCause() instanceof IOException ? ErrorCode.IO : ErrorCode.REVISION_GRAPH,
          e.getMessage(),
          e.getCause());
    }
  }

  /**
   * These classes keeping those declared in {@code rootPackage} or one of its sub-packages (the
   * schema groups' packages); each other class is left out with one line to {@code info} ({@code
   * Ignoring revision com.other.R1 (a1b2c3): outside migrationsPackage com.acme.db.migrations}).
   * When none is kept while some were left out, one line to {@code warning} names the package and
   * where the revisions are.
   *
   * @param rootPackage the migrations package, for example {@code com.acme.db.migrations}
   */
  RevisionClasses within(String rootPackage, Consumer<String> info, Consumer<String> warning) {
    Set<Class<?>> kept = new LinkedHashSet<>();
    Set<String> elsewhere = new TreeSet<>();
    for (Class<?> c : classes) {
      String pkg = c.getPackageName();
      if (pkg.equals(rootPackage) || pkg.startsWith(rootPackage + ".")) {
        kept.add(c);
      } else {
        elsewhere.add(pkg);
        info.accept(
            "Ignoring revision "
                + c.getName()
                + " ("
                + RevisionInfo.of(c).id()
                + "): outside migrationsPackage "
                + rootPackage);
      }
    }
    if (kept.isEmpty() && !elsewhere.isEmpty()) {
      warning.accept(
          "migrationsPackage "
              + rootPackage
              + " holds no revision, but "
              + String.join(", ", elsewhere)
              + (elsewhere.size() == 1 ? " holds" : " hold")
              + " some: is <migrationsPackage> misspelt? New revisions are written into "
              + rootPackage
              + ".");
    }
    return new RevisionClasses(kept);
  }

  /**
   * The graph of every class ({@code migrationsPackage} {@code null}), or of the classes declared
   * in exactly {@code migrationsPackage} (not its sub-packages), keeping only the dependencies
   * inside that chain.
   *
   * @throws MigrateException ({@link ErrorCode#REVISION_GRAPH}) if the revisions do not form a
   *     valid graph
   */
  RevisionGraph graph(String migrationsPackage) {
    if (migrationsPackage == null) {
      return RevisionGraph.of(classes.stream().map(RevisionInfo::of).toList());
    }
    return RevisionGraph.of(
        withinChain(
            classes.stream()
                .filter(c -> c.getPackageName().equals(migrationsPackage))
                .map(RevisionInfo::of)
                .toList()));
  }

  /**
   * {@code revisions} keeping only the dependencies ({@code dependsOn}) that name one of them (an
   * id, an id prefix or a branch label): a chain limited to one package (a schema group) depends on
   * other groups' revisions, which {@link GroupChains} applies and checks, not this chain's graph.
   */
  private static List<RevisionInfo> withinChain(List<RevisionInfo> revisions) {
    return revisions.stream()
        .map(
            r ->
                new RevisionInfo(
                    r.id(),
                    r.revises(),
                    r.message(),
                    r.type(),
                    r.dependsOn().stream()
                        .filter(
                            d ->
                                revisions.stream()
                                    .anyMatch(
                                        o -> o.id().startsWith(d) || o.branchLabels().contains(d)))
                        .toList(),
                    r.branchLabels()))
        .toList();
  }

  /**
   * The classes every revision index of {@code loader} lists.
   *
   * @throws ClassOutputReads.NotReady if a class output directory has a {@code META-INF/migrate}
   *     directory but no index (a compilation is rewriting it), an index cannot be read, or a class
   *     it lists cannot be loaded
   */
  private static List<Class<?>> listedRevisions(ClassLoader loader)
      throws ClassOutputReads.NotReady {
    List<Class<?>> classes = new ArrayList<>();
    requireIndexes(loader);
    Enumeration<URL> resources;
    try {
      resources = loader.getResources(Snapshot.REVISIONS_RESOURCE);
    } catch (IOException e) {
      throw new ClassOutputReads.NotReady(
          "Cannot read " + Snapshot.REVISIONS_RESOURCE + ": " + e.getMessage(), e);
    }
    while (resources.hasMoreElements()) {
      URL url = resources.nextElement();
      List<String> names = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          String name = line.strip();
          if (!name.isEmpty()) {
            names.add(name);
          }
        }
      } catch (IOException e) {
        throw new ClassOutputReads.NotReady(
            "Cannot read " + url + ": " + e + ". Rebuild it with `mvn clean compile`.", e);
      }
      for (String name : names) {
        try {
          classes.add(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
          // missing while javac rewrites the class output, or truncated (ClassFormatError)
          throw new ClassOutputReads.NotReady(
              url
                  + " lists the migration class "
                  + name
                  + ", which "
                  + (e instanceof ClassNotFoundException
                      ? "does not exist"
                      : "cannot be loaded (" + e + ")")
                  + ". Rebuild with `mvn clean compile`.",
              e instanceof ClassNotFoundException ? e : null);
        }
      }
    }
    return classes;
  }

  /**
   * Fails when a class output directory of {@code loader} has a {@code META-INF/migrate} directory
   * (the model processor wrote there) but no revision index: maven-compiler-plugin deletes the
   * files of the previous compilation, not their directories, so this is a recompilation in
   * progress, not a project without revisions.
   */
  private static void requireIndexes(ClassLoader loader) throws ClassOutputReads.NotReady {
    Enumeration<URL> directories;
    try {
      directories = loader.getResources(INDEX_DIRECTORY);
    } catch (IOException e) {
      return; // the index lookup that follows reports it
    }
    while (directories.hasMoreElements()) {
      URL url = directories.nextElement();
      if (!"file".equals(url.getProtocol())) {
        continue;
      }
      Path directory;
      try {
        directory = Path.of(url.toURI());
      } catch (URISyntaxException | RuntimeException e) {
        continue;
      }
      Path index = directory.resolve(INDEX_FILE);
      if (Files.isDirectory(directory) && !Files.isRegularFile(index)) {
        throw new ClassOutputReads.NotReady(
            "The revision index "
                + index
                + " is missing although "
                + directory
                + " exists (a compilation was rewriting it, or it was deleted)."
                + " Rebuild it with `mvn clean compile`.",
            null);
      }
    }
  }

  /** The directory of {@link Snapshot#REVISIONS_RESOURCE}, and its file name. */
  private static final String INDEX_DIRECTORY =
      Snapshot.REVISIONS_RESOURCE.substring(0, Snapshot.REVISIONS_RESOURCE.lastIndexOf('/'));

  private static final String INDEX_FILE =
      Snapshot.REVISIONS_RESOURCE.substring(Snapshot.REVISIONS_RESOURCE.lastIndexOf('/') + 1);
}
