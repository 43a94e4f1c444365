package dev.migrate;

import dev.migrate.runner.RevisionGraph;
import dev.migrate.runner.RevisionInfo;
import dev.migrate.snapshot.Snapshot;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
    Set<Class<?>> classes = new LinkedHashSet<>(given);
    for (ClassLoader loader : loaders) {
      classes.addAll(listedRevisions(loader));
    }
    return new RevisionClasses(classes);
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

  private static List<Class<?>> listedRevisions(ClassLoader loader) {
    List<Class<?>> classes = new ArrayList<>();
    try {
      Enumeration<URL> resources = loader.getResources(Snapshot.REVISIONS_RESOURCE);
      while (resources.hasMoreElements()) {
        URL url = resources.nextElement();
        try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
          for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String name = line.strip();
            if (name.isEmpty()) {
              continue;
            }
            try {
              classes.add(Class.forName(name, false, loader));
            } catch (ClassNotFoundException e) {
              throw new MigrateException(
                  ErrorCode.REVISION_GRAPH,
                  url
                      + " lists the migration class "
                      + name
                      + ", which does not exist. Rebuild with `mvn clean compile`.",
                  e);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new MigrateException(
          ErrorCode.IO, "Cannot read " + Snapshot.REVISIONS_RESOURCE + ": " + e.getMessage(), e);
    }
    return classes;
  }
}
