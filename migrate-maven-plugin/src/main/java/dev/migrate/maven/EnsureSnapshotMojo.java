package dev.migrate.maven;

import dev.migrate.snapshot.ClassOutputReads;
import dev.migrate.snapshot.Snapshot;
import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * Internal: runs inside the {@code compile} that the other goals fork (the {@code migrate}
 * lifecycle overlay in {@code META-INF/maven/lifecycle.xml}), before the compiler, and makes sure
 * that compile produces the model snapshot. Not meant to be called on its own.
 *
 * <p>A project compiled before {@code model-processor} was added to its {@code
 * annotationProcessorPaths} has class files and no {@code META-INF/migrate/model.json};
 * maven-compiler-plugin sees no changed source ("Nothing to compile") and never runs the processor,
 * so every goal would fail until {@code mvn clean}. In that state this goal deletes the class files
 * of the module's own sources: a source whose class file is missing is stale, the one rule every
 * compiler mode honours (incremental or not, any plugin version), so the forked compile recompiles
 * the module with the processor. maven-compiler-plugin has no documented switch that forces a
 * recompilation; deleting its private state ({@code target/maven-status/.../inputFiles.lst}) would
 * depend on its layout and on incremental compilation being on, and touching sources would change
 * the user's files.
 *
 * <p>It does nothing when the snapshot exists, when the processor is not configured (the goal then
 * fails saying how to add it), when no class of the module's sources exists (the compiler compiles
 * them anyway), or when the snapshot appears within {@link ClassOutputReads#WAIT} (another build
 * was recompiling the module).
 */
@Mojo(
    name = "ensure-snapshot",
    requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class EnsureSnapshotMojo extends AbstractMojo {

  private static final String PROCESSOR_GROUP = "dev.migrate";
  private static final String PROCESSOR_ARTIFACT = "model-processor";

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** The class output directory the compiler writes and the processor writes the snapshot into. */
  @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
  private File classesDirectory;

  /** maven-compiler-plugin's {@code proc}: {@code none} means the processor does not run. */
  @Parameter(property = "maven.compiler.proc")
  private String proc;

  @Override
  public void execute() throws MojoExecutionException {
    Path classes = classesDirectory.toPath();
    Path snapshot = classes.resolve(Snapshot.RESOURCE);
    if (Files.exists(snapshot) || !processorConfigured() || "none".equals(proc)) {
      return;
    }
    List<Path> compiled = compiledClassesOfSources(classes);
    if (compiled.isEmpty()) {
      return;
    }
    try {
      ClassOutputReads.retrying(
          ClassOutputReads.WAIT,
          () -> {
            if (!Files.exists(snapshot)) {
              throw new ClassOutputReads.NotReady("no snapshot", null);
            }
            return snapshot;
          });
      return; // another build was recompiling the module, and has written it
    } catch (ClassOutputReads.NotReady e) {
      // still none: compiled before the processor was added
    }
    for (Path file : compiled) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new MojoExecutionException(
            "Cannot delete "
                + file
                + " to have the module recompiled with model-processor: "
                + e.getMessage()
                + ". Run `mvn clean compile`.",
            e);
      }
    }
    getLog()
        .info(
            "No model snapshot at "
                + snapshot
                + " although "
                + classes
                + " holds compiled classes (compiled before model-processor was added):"
                + " deleted the "
                + compiled.size()
                + " class files of the module's sources so that the compiler recompiles them"
                + " with the processor.");
  }

  /**
   * The class files of the module's own sources ({@code a/b/C.java} gives {@code a/b/C.class} and
   * {@code a/b/C$*.class}) that exist in {@code classes}.
   */
  private List<Path> compiledClassesOfSources(Path classes) throws MojoExecutionException {
    List<Path> compiled = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      Path sources = Path.of(root);
      if (!Files.isDirectory(sources)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(sources)) {
        for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Path relative = sources.relativize(source);
          String name = relative.getFileName().toString();
          String simple = name.substring(0, name.length() - ".java".length());
          Path directory =
              relative.getParent() == null ? classes : classes.resolve(relative.getParent());
          if (!Files.isDirectory(directory)) {
            continue;
          }
          try (DirectoryStream<Path> outputs =
              Files.newDirectoryStream(directory, glob(simple) + "{.class,$*.class}")) {
            outputs.forEach(compiled::add);
          }
        }
      } catch (IOException e) {
        throw new MojoExecutionException(
            "Cannot list the sources under " + sources + ": " + e.getMessage(), e);
      }
    }
    return compiled;
  }

  /** {@code name} with the glob's special characters escaped. */
  private static String glob(String name) {
    return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
  }

  /**
   * Whether javac runs model-processor in this project: it is in maven-compiler-plugin's {@code
   * annotationProcessorPaths} (the plugin's or an execution's), or on the compile class path, where
   * javac discovers it; and {@code <proc>} is not {@code none}.
   */
  private boolean processorConfigured() {
    boolean configured =
        project.getArtifacts().stream()
            .anyMatch(
                a ->
                    PROCESSOR_GROUP.equals(a.getGroupId())
                        && PROCESSOR_ARTIFACT.equals(a.getArtifactId()));
    Plugin compiler =
        project.getBuild().getPluginsAsMap().get("org.apache.maven.plugins:maven-compiler-plugin");
    if (compiler == null) {
      return configured;
    }
    List<Object> configurations = new ArrayList<>();
    configurations.add(compiler.getConfiguration());
    for (PluginExecution execution : compiler.getExecutions()) {
      configurations.add(execution.getConfiguration());
    }
    for (Object configuration : configurations) {
      if (!(configuration instanceof Xpp3Dom dom)) {
        continue;
      }
      Xpp3Dom procOption = dom.getChild("proc");
      if (procOption != null && "none".equals(procOption.getValue())) {
        return false;
      }
      Xpp3Dom paths = dom.getChild("annotationProcessorPaths");
      for (Xpp3Dom path : paths == null ? new Xpp3Dom[0] : paths.getChildren()) {
        Xpp3Dom artifact = path.getChild("artifactId");
        configured |= artifact != null && PROCESSOR_ARTIFACT.equals(artifact.getValue());
      }
    }
    return configured;
  }
}
