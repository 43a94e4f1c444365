package dev.migrate.processor;

import dev.migrate.model.Database;
import dev.migrate.snapshot.Snapshot;
import dev.migrate.snapshot.SnapshotJson;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Captures the entity model at compile time: writes {@value Snapshot#RESOURCE} (the {@link
 * Snapshot}: the {@link Database} model derived from the {@code @Entity} classes, their names, and
 * an index of the {@code @Revision} classes) and {@value Snapshot#REVISIONS_RESOURCE} (the revision
 * class names, one a line) to the class output.
 *
 * <p>What it reads: {@code jakarta.persistence} and {@code javax.persistence} annotations, by name
 * (no JPA on the processor path needed), with field or property access, through mapped
 * superclasses, embeddables, inheritance and collections (see {@link ModelBuilder}); Hibernate's
 * and Bean Validation's DDL-shaping annotations, by name; and {@code dev.migrate.runtime.Revision};
 * Migrate's own {@code dev.migrate.annotations}. Types and names follow Hibernate on PostgreSQL
 * ({@link TypeMapping}, {@link Naming}), in the release line {@link HibernateVersion} says.
 * Options: {@code -Amigrate.naming=jpa|snake_case} ({@link Naming#OPTION}; by default Spring Boot's
 * naming when its JPA auto-configuration is on the compile class path, {@link Naming#choose}),
 * {@code -Amigrate.beanValidation=ddl|none} ({@link #BEAN_VALIDATION_OPTION}), {@code
 * -Amigrate.hibernate=6.6|7.2|7.4} ({@link HibernateVersion#OPTION}), {@code -Amigrate.strict=true}
 * ({@link Reporter#STRICT_OPTION}) and {@code -Amigrate.converters=<binary names>} ({@link
 * Converters#OPTION}: auto-applied converters from jars; those of the sources,
 * {@code @Converter(autoApply = true)}, are found in the rounds).
 *
 * <p>Collects class names over all rounds and writes once, when processing is over (as AutoService
 * does). A partial recompile (an IDE or an incremental build compiling only some sources) keeps the
 * entities and revisions of the previous snapshot in the class output whose classes still resolve
 * and still carry their annotation; the whole model is then derived again from those classes, so a
 * removed entity disappears and an unchanged one is read from its class file.
 *
 * <p>Never throws and claims no annotation: problems are reported on the element with {@link
 * Message}s, all of them in one compilation. A mapping it cannot model is a warning and a problem
 * recorded in the snapshot ({@link Snapshot.Capture#problems()}), so the application's compile
 * stays green while autogen and check refuse the incomplete model; the snapshot is not written when
 * there was an error (a contradiction Hibernate refuses too, or any error under {@code
 * -Amigrate.strict=true}).
 */
public final class ModelProcessor extends AbstractProcessor {

  private static final List<String> ENTITY_ANNOTATIONS =
      List.of("jakarta.persistence.Entity", "javax.persistence.Entity");
  private static final String REVISION_ANNOTATION = "dev.migrate.runtime.Revision";
  private static final String TABLE_ANNOTATION = "dev.migrate.annotations.Table";
  private static final List<String> CONVERTER_ANNOTATIONS =
      List.of("jakarta.persistence.Converter", "javax.persistence.Converter");

  /**
   * The option that decides whether Bean Validation constraints shape columns: {@code ddl} or
   * {@code none}.
   */
  static final String BEAN_VALIDATION_OPTION = "migrate.beanValidation";

  private final Set<String> entityNames = new TreeSet<>();
  private final Set<String> revisionNames = new TreeSet<>();
  private final Set<String> tableNames = new TreeSet<>();
  private final Set<String> converterNames = new TreeSet<>();
  private Reporter reporter;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    String strict = processingEnv.getOptions().get(Reporter.STRICT_OPTION);
    reporter =
        new Reporter(
            processingEnv.getMessager(), strict != null && strict.trim().equalsIgnoreCase("true"));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(
        Naming.OPTION,
        BEAN_VALIDATION_OPTION,
        HibernateVersion.OPTION,
        Reporter.STRICT_OPTION,
        Converters.OPTION);
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      collect(round);
      if (round.processingOver()) {
        finish(round);
      }
    } catch (RuntimeException | LinkageError e) {
      reporter.internal(null, e);
    }
    return false;
  }

  /**
   * Remembers the names of this round's entity, table and revision classes (top-level and nested);
   * elements are looked up again at the end. One pass over the classes' own annotations: none of
   * the annotations looked for is {@code @Inherited}, and {@code
   * RoundEnvironment.getElementsAnnotatedWith} would scan every member once per annotation.
   */
  private void collect(RoundEnvironment round) {
    for (TypeElement type : ElementFilter.typesIn(round.getRootElements())) {
      collect(type);
    }
  }

  private void collect(TypeElement type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String annotation = Annotations.qualifiedName(mirror);
      Set<String> names =
          ENTITY_ANNOTATIONS.contains(annotation)
              ? entityNames
              : annotation.equals(TABLE_ANNOTATION)
                  ? tableNames
                  : annotation.equals(REVISION_ANNOTATION) ? revisionNames : null;
      if (names != null) {
        names.add(processingEnv.getElementUtils().getBinaryName(type).toString());
      }
      if (CONVERTER_ANNOTATIONS.contains(annotation)
          && Annotations.bool(mirror, "autoApply", false)) {
        converterNames.add(processingEnv.getElementUtils().getBinaryName(type).toString());
      }
    }
    for (TypeElement nested : ElementFilter.typesIn(type.getEnclosedElements())) {
      collect(nested);
    }
  }

  private void finish(RoundEnvironment round) {
    Naming.Choice choice =
        Naming.choose(
            processingEnv.getOptions().get(Naming.OPTION),
            name -> processingEnv.getElementUtils().getTypeElement(name) != null);
    if (choice == null) {
      reporter.report(
          Message.UNKNOWN_NAMING_OPTION,
          null,
          null,
          null,
          processingEnv.getOptions().get(Naming.OPTION));
      return;
    }
    Boolean beanValidation = beanValidation();
    if (beanValidation == null) {
      reporter.report(
          Message.UNKNOWN_BEAN_VALIDATION_OPTION,
          null,
          null,
          null,
          processingEnv.getOptions().get(BEAN_VALIDATION_OPTION));
      return;
    }
    HibernateVersion hibernate = hibernateVersion();
    if (hibernate == null) {
      reporter.report(
          Message.UNKNOWN_HIBERNATE_OPTION,
          null,
          null,
          null,
          processingEnv.getOptions().get(HibernateVersion.OPTION));
      return;
    }
    Optional<SnapshotJson.ClassNames> previous = readPrevious();
    Set<String> entityCandidates = new TreeSet<>(entityNames);
    Set<String> revisionCandidates = new TreeSet<>(revisionNames);
    Set<String> tableCandidates = new TreeSet<>(tableNames);
    previous.ifPresent(
        p -> {
          entityCandidates.addAll(p.entities());
          tableCandidates.addAll(p.entities());
          revisionCandidates.addAll(p.revisions());
          // the auto-applied converters of the sources are listed with the entities
          converterNames.addAll(p.entities());
        });

    List<TypeElement> entities = new ArrayList<>();
    for (String name : entityCandidates) {
      TypeElement type = resolve(name);
      if (type != null
          && ENTITY_ANNOTATIONS.stream().anyMatch(a -> Annotations.find(type, a) != null)) {
        entities.add(type);
      }
    }
    List<TypeElement> tables = new ArrayList<>();
    for (String name : tableCandidates) {
      TypeElement type = resolve(name);
      if (type != null
          && Annotations.find(type, TABLE_ANNOTATION) != null
          && ENTITY_ANNOTATIONS.stream().noneMatch(a -> Annotations.find(type, a) != null)) {
        tables.add(type);
      }
    }
    Database database;
    List<Snapshot.Member> members = List.of();
    List<Snapshot.ConverterCheck> converterChecks = List.of();
    List<TypeElement> converters = new ArrayList<>();
    try {
      ModelBuilder builder =
          new ModelBuilder(
                  processingEnv.getElementUtils(),
                  processingEnv.getTypeUtils(),
                  reporter,
                  choice.naming(),
                  beanValidation,
                  TypeMapping.POSTGRES)
              .forHibernate(hibernate);
      if (!autoApplied(builder.converters(), converters)) {
        return;
      }
      database = builder.build(entities, tables);
      members = builder.capturedMembers();
      converterChecks = builder.converterChecks();
    } catch (RuntimeException | LinkageError e) {
      // a bug in Migrate: the snapshot is written, empty and incomplete, so the goals refuse
      reporter.internal(null, e);
      database = Database.empty();
    }
    List<Snapshot.RevisionEntry> revisions = revisions(revisionCandidates);

    if (reporter.errorRaised() || round.errorRaised()) {
      return;
    }
    Elements elements = processingEnv.getElementUtils();
    List<String> classes = new ArrayList<>();
    entities.forEach(t -> classes.add(elements.getBinaryName(t).toString()));
    tables.forEach(t -> classes.add(elements.getBinaryName(t).toString()));
    converters.forEach(t -> classes.add(elements.getBinaryName(t).toString()));
    Snapshot snapshot =
        new Snapshot(
            Snapshot.FORMAT_VERSION,
            new Snapshot.Capture(
                choice.naming().optionValue(),
                choice.reason(),
                reporter.problems(),
                members,
                converterChecks),
            database,
            classes,
            revisions,
            hibernate.label());
    StringBuilder index = new StringBuilder();
    snapshot.revisions().forEach(r -> index.append(r.className()).append('\n'));
    // the index first: a reader that finds model.json finds this compilation's index beside it
    write(
        Snapshot.REVISIONS_RESOURCE,
        out -> out.write(index.toString().getBytes(StandardCharsets.UTF_8)));
    write(Snapshot.RESOURCE, out -> SnapshotJson.write(snapshot, out));
  }

  /**
   * Registers the auto-applied converters: the {@code @Converter(autoApply = true)} classes of this
   * compilation's sources and of the previous snapshot's class list (a partial recompile), then
   * those {@code -Amigrate.converters} names (binary names, separated by commas: converters from
   * jars, whose annotations the processor does not scan). Reports an option entry that is not a
   * converter on the compile class path.
   *
   * @param fromSources receives the annotated converters found, for the snapshot's class list
   * @return whether every option entry was found
   */
  private boolean autoApplied(Converters converters, List<TypeElement> fromSources) {
    for (String name : converterNames) {
      TypeElement type = resolve(name);
      if (type != null
          && converters.isConverter(type.asType())
          && CONVERTER_ANNOTATIONS.stream()
              .anyMatch(a -> Annotations.bool(Annotations.find(type, a), "autoApply", false))) {
        converters.autoApply(type);
        fromSources.add(type);
      }
    }
    String option = processingEnv.getOptions().get(Converters.OPTION);
    boolean found = true;
    if (option != null) {
      for (String entry : option.split(",")) {
        String name = entry.strip();
        if (name.isEmpty()) {
          continue;
        }
        TypeElement type = resolve(name);
        if (type == null || !converters.isConverter(type.asType())) {
          reporter.report(Message.UNKNOWN_CONVERTER_OPTION, null, null, null, name);
          found = false;
        } else {
          converters.autoApply(type);
        }
      }
    }
    return found;
  }

  /**
   * {@code -Amigrate.hibernate}: the line it names; by default the hibernate-core on the compile
   * class path's ({@link HibernateVersion#onClassPath}). {@code null} for an unknown value.
   */
  private HibernateVersion hibernateVersion() {
    String option = processingEnv.getOptions().get(HibernateVersion.OPTION);
    if (option == null || option.isBlank()) {
      return HibernateVersion.onClassPath(processingEnv.getElementUtils());
    }
    return HibernateVersion.forOption(option);
  }

  /**
   * {@code -Amigrate.beanValidation}: {@code ddl} or {@code none}; by default {@code ddl} when Bean
   * Validation's constraints ({@code jakarta.validation} or {@code javax.validation}) are on the
   * compile class path, as Hibernate applies them to DDL when a validator is present. {@code null}
   * for an unknown value.
   */
  private Boolean beanValidation() {
    String option = processingEnv.getOptions().get(BEAN_VALIDATION_OPTION);
    if (option == null || option.isBlank()) {
      Elements elements = processingEnv.getElementUtils();
      return elements.getTypeElement("jakarta.validation.constraints.NotNull") != null
          || elements.getTypeElement("javax.validation.constraints.NotNull") != null;
    }
    switch (option.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "ddl":
        return true;
      case "none":
        return false;
      default:
        return null;
    }
  }

  /**
   * Revision entries for the classes that still carry {@code @Revision}; reports ids used twice.
   */
  private List<Snapshot.RevisionEntry> revisions(Set<String> candidates) {
    Elements elements = processingEnv.getElementUtils();
    List<Snapshot.RevisionEntry> entries = new ArrayList<>();
    Map<String, String> byId = new HashMap<>();
    for (String name : candidates) {
      TypeElement type = resolve(name);
      AnnotationMirror revision = type == null ? null : Annotations.find(type, REVISION_ANNOTATION);
      if (revision == null) {
        continue;
      }
      try {
        String id = Annotations.string(revision, "id", "");
        String className = elements.getBinaryName(type).toString();
        String first = byId.putIfAbsent(id, className);
        if (first != null) {
          reporter.report(
              Message.DUPLICATE_REVISION_ID,
              type,
              revision,
              Annotations.value(revision, "id"),
              className,
              id,
              first);
          continue;
        }
        entries.add(
            new Snapshot.RevisionEntry(
                className,
                id,
                Annotations.strings(revision, "revises"),
                Annotations.string(revision, "message", "")));
      } catch (RuntimeException e) {
        reporter.internal(type, e);
      }
    }
    return entries;
  }

  /** The class with binary name {@code name}, or {@code null} when it no longer exists. */
  private TypeElement resolve(String name) {
    Elements elements = processingEnv.getElementUtils();
    for (String candidate : new String[] {name.replace('$', '.'), name}) {
      try {
        TypeElement type = elements.getTypeElement(candidate);
        if (type != null && elements.getBinaryName(type).contentEquals(name)) {
          return type;
        }
      } catch (RuntimeException e) {
        // javac's CompletionFailure for a broken class file: treat the class as gone
      }
    }
    return null;
  }

  /**
   * The class names of the snapshot a previous compilation left in the class output, if there is
   * one that can be read; its model is not read, the classes are (again).
   */
  private Optional<SnapshotJson.ClassNames> readPrevious() {
    Filer filer = processingEnv.getFiler();
    FileObject file;
    try {
      file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", Snapshot.RESOURCE);
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // no class output location, or nothing there
    }
    byte[] bytes;
    try (InputStream in = file.openInputStream()) {
      bytes = in.readAllBytes();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // no previous snapshot: a first or a clean build
    }
    try {
      return Optional.of(
          SnapshotJson.readClassNames(
              new String(bytes, StandardCharsets.UTF_8), Snapshot.RESOURCE));
    } catch (RuntimeException e) {
      reporter.report(
          Message.PREVIOUS_SNAPSHOT_UNREADABLE,
          null,
          null,
          null,
          Snapshot.RESOURCE,
          firstLine(e.getMessage()));
      return Optional.empty();
    }
  }

  /**
   * Writes {@code resource} into the class output, atomically where the output is a directory: the
   * bytes go to a temporary file beside the resource, which is then moved over it ({@link
   * StandardCopyOption#ATOMIC_MOVE}), so that a goal reading the class output while this
   * compilation runs (another {@code mvn} process) sees the previous file or the new one, never a
   * missing, empty or partial one. The place is the one the {@link Filer} gives; where it is not a
   * file (an in-memory file manager), the bytes go through the Filer. A failure is reported ({@link
   * Message#SNAPSHOT_WRITE_FAILED}).
   */
  private void write(String resource, Content content) {
    try {
      FileObject file =
          processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", resource);
      Path target = localPath(file);
      if (target == null) {
        try (OutputStream out = new BufferedOutputStream(file.openOutputStream(), 1 << 16)) {
          content.writeTo(out);
        }
        return;
      }
      writeAtomically(target, content);
    } catch (IOException | RuntimeException e) {
      reporter.report(Message.SNAPSHOT_WRITE_FAILED, null, null, null, resource, String.valueOf(e));
    }
  }

  /** The file behind {@code file}, or {@code null} when it is not on the default file system. */
  private static Path localPath(FileObject file) {
    try {
      URI uri = file.toUri();
      return "file".equalsIgnoreCase(uri.getScheme()) ? Path.of(uri) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Writes {@code target} through a temporary file in its directory and an atomic move; on a file
   * system without atomic moves, a plain replacing move. The temporary file is created as javac
   * creates class files, with the permissions the umask gives ({@code Files.createTempFile} would
   * make it readable by its owner alone, and other users of the build output could not read it).
   */
  static void writeAtomically(Path target, Content content) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary =
        directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out =
          new BufferedOutputStream(
              Files.newOutputStream(
                  temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
              1 << 16)) {
        content.writeTo(out);
      }
      try {
        Files.move(
            temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** The bytes of a resource, written to a stream. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "no details";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }
}
