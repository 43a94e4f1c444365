package dev.migrate.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.migrate.dialect.Dialect;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.lint.Finding;
import dev.migrate.lint.Lint;
import dev.migrate.ops.EnumValueUse;
import dev.migrate.ops.Op;
import dev.migrate.runtime.Ddl;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;

/**
 * Writes a {@link MigrationSpec} as the source of a migration class, the file a user reviews and
 * commits:
 *
 * <pre>{@code
 * // header Javadoc: the message, the revision, "Detected:" and "Review:" lists
 * @Revision(id = "3f2a9c1d7b04", revises = "9b1e4c2a7d10", message = "add phone")
 * public class R20261121_153012_AddPhone implements Migration {
 *
 *   @Override
 *   public void upgrade(Operations op) {
 *     op.addColumn("customer", column("phone", varchar(255)));
 *   }
 *
 *   @Override
 *   public void downgrade(Operations op) {
 *     // DESTRUCTIVE: drops column customer.phone and its data
 *     op.dropColumn("customer", column("phone", varchar(255)));
 *   }
 * }
 * }</pre>
 *
 * <p>Each op is one statement ({@code op.<verb>(...)}, through {@code op.inSchema("s")} when the op
 * has a schema) whose arguments come from {@link Ddl}'s static factories, so that running it
 * against {@link Operations} rebuilds a record equal to the op. A destructive op ({@link
 * OpDescriptions#destructiveWarning}) has a {@code // DESTRUCTIVE:} comment above it. The header
 * lists what the upgrade changes ("Detected"), then what to check before committing ("Review": the
 * destructive upgrade ops, then the spec's notes). The output depends on the spec alone: no dates,
 * no generator version. A method without ops holds comments that show how to write one.
 *
 * <p>Thread-safe and stateless.
 */
public final class MigrationWriter {

  /** JavaPoet indents by this; continuation lines get two of them. */
  private static final String INDENT = "  ";

  /**
   * Where the text of a Javadoc list item starts, after {@code " * "}: under the text of {@code
   * <li>}.
   */
  private static final String LIST_ITEM = "      ";

  /**
   * The dialect asked which column type changes keep every value (for the {@code DESTRUCTIVE}
   * warnings).
   */
  private final Dialect dialect;

  /** A writer whose destructive warnings follow PostgreSQL, the reference dialect. */
  public MigrationWriter() {
    this(new PostgresDialect());
  }

  /**
   * A writer whose destructive warnings ask {@code dialect} which column type changes keep every
   * value.
   */
  public MigrationWriter(Dialect dialect) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
  }

  /** Renders {@code spec} as the source text of a Java file, ending with a newline. */
  public String render(MigrationSpec spec) {
    TypeSpec type =
        TypeSpec.classBuilder(spec.className())
            .addModifiers(Modifier.PUBLIC)
            .addSuperinterface(Migration.class)
            .addJavadoc("$L", header(spec))
            .addAnnotation(revisionAnnotation(spec))
            .addMethod(method("upgrade", spec.upgrade(), upgradeGuidance(spec), List.of()))
            .addMethod(
                method(
                    "downgrade",
                    spec.downgrade(),
                    downgradeGuidance(spec),
                    MigrationSpec.irreversible(spec.upgrade())))
            .build();
    String source =
        JavaFile.builder(spec.packageName(), type)
            .addStaticImport(Ddl.class, "*")
            .indent(INDENT)
            .skipJavaLangImports(true)
            .build()
            .toString();
    // JavaPoet starts the first member right below the class declaration; hand-written classes
    // leave a line.
    String declaration =
        "public class "
            + spec.className()
            + " implements "
            + Migration.class.getSimpleName()
            + " {\n";
    return layOut(source.replace(declaration, declaration + "\n"));
  }

  /**
   * JavaPoet's source with the annotation and each op statement laid out as google-java-format lays
   * them out ({@link GoogleStyle}); JavaPoet resolves the imports, and may have wrapped a statement
   * at its own places, which are joined again first. Statements start a line with {@code op.}
   * inside a method and end a line with {@code ;}.
   */
  private static String layOut(String source) {
    StringBuilder out = new StringBuilder();
    String bodyIndent = INDENT + INDENT;
    StringBuilder statement = null;
    for (String line : source.split("\n", -1)) {
      if (statement == null && line.startsWith("@" + Revision.class.getSimpleName() + "(")) {
        out.append(GoogleStyle.statement(line, 0)).append('\n');
      } else if (statement == null && !line.startsWith(bodyIndent + "op.")) {
        out.append(line).append('\n');
      } else {
        statement = statement == null ? new StringBuilder() : statement.append(' ');
        statement.append(line.strip());
        if (line.endsWith(";")) {
          String laidOut = GoogleStyle.statement(statement.toString(), bodyIndent.length());
          out.append(bodyIndent).append(laidOut.replace("\n", "\n" + bodyIndent)).append('\n');
          statement = null;
        }
      }
    }
    return out.substring(0, out.length() - 1);
  }

  /**
   * Writes {@code spec} under {@code sourceRoot} (for example {@code src/main/java}) into its
   * package directory, creating directories as needed, and returns the file written.
   *
   * @throws FileAlreadyExistsException if the class exists already: migrations are never
   *     overwritten (two revisions with the same message in the same second get the same {@link
   *     RevisionNames#className class name})
   * @throws IOException if the file cannot be written
   */
  public Path write(MigrationSpec spec, Path sourceRoot) throws IOException {
    Path directory =
        spec.packageName().isEmpty()
            ? sourceRoot
            : sourceRoot.resolve(spec.packageName().replace('.', '/'));
    Files.createDirectories(directory);
    Path file = directory.resolve(spec.className() + ".java");
    Files.writeString(
        file,
        render(spec),
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    return file;
  }

  // ------------------------------------------------------------------------------------------------ header

  private String header(MigrationSpec spec) {
    StringBuilder doc = new StringBuilder();
    paragraph(doc, spec.message().isBlank() ? "(no message)" : javadoc(spec.message().strip()));
    StringBuilder revision =
        new StringBuilder("<p>Revision ").append(javadoc(spec.revisionId())).append(", ");
    boolean noOps = spec.upgrade().isEmpty() && spec.downgrade().isEmpty();
    if (spec.revises().isEmpty()) {
      revision.append("the first of its chain.");
    } else if (spec.isMerge()) {
      revision.append("merges ").append(javadoc(enumerate(spec.revises()))).append('.');
    } else {
      revision.append("revises ").append(javadoc(spec.revises().get(0))).append('.');
    }
    if (!spec.branchLabels().isEmpty()) {
      revision
          .append(" Branch label ")
          .append(javadoc(enumerate(spec.branchLabels())))
          .append(": target it with {@code -Dmigrate.revision=")
          .append(javadoc(spec.branchLabels().get(0)))
          .append("@head}.");
    }
    if (!spec.dependsOn().isEmpty()) {
      revision
          .append(" Depends on ")
          .append(javadoc(enumerate(spec.dependsOn())))
          .append(", which the runner applies first.");
    }
    if (!noOps) {
      revision.append(" Generated by {@code mvn migrate:autogen}; review before committing.");
    } else if (spec.isMerge()) {
      revision.append(" It joins those branches and changes nothing unless you add ops.");
    } else {
      revision.append(" Write its upgrade and its downgrade below.");
    }
    paragraph(doc.append('\n'), revision.toString());

    if (!spec.upgrade().isEmpty()) {
      doc.append("\n<p>Detected:\n\n");
      list(
          doc,
          spec.upgrade().stream()
              .map(OpDescriptions::describe)
              .map(MigrationWriter::javadoc)
              .toList());
    }
    List<String> review = new ArrayList<>();
    for (Op op : spec.upgrade()) {
      OpDescriptions.destructiveWarning(op, dialect)
          .ifPresent(w -> review.add(javadoc(sentence(w))));
    }
    String early =
        ": PostgreSQL cannot use a new enum value before the transaction that added it commits, so the"
            + " runner commits the new values first and then runs the rest of the revision in one transaction";
    EnumValueUse.firstUse(spec.upgrade())
        .ifPresent(use -> review.add(javadoc(sentence(use + early))));
    EnumValueUse.firstUse(spec.downgrade())
        .ifPresent(use -> review.add(javadoc(sentence("downgrade: " + use + early))));
    spec.notes().forEach(note -> review.add(javadoc(note)));
    if (!review.isEmpty()) {
      doc.append("\n<p>Review:\n\n");
      list(doc, review);
    }
    List<Finding> findings = new Lint(dialect).findings(spec.upgrade());
    if (!findings.isEmpty()) {
      doc.append('\n');
      paragraph(
          doc,
          "<p>Hazards (safety lint, {@code mvn migrate:lint}; a table created in this revision has"
              + " none):");
      doc.append('\n');
      list(doc, findings.stream().map(f -> javadoc(f.describe())).toList());
    }
    if (outsideTransaction(spec)) {
      doc.append('\n');
      paragraph(
          doc,
          "<p>Runs outside a transaction ({@code transactional = false}): each statement commits on"
              + " its own, so that CREATE INDEX CONCURRENTLY can run and each VALIDATE CONSTRAINT"
              + " gets a transaction of its own; if a statement fails, the ones before it stay"
              + " applied.");
    }
    return doc.toString();
  }

  /** {@code text} filled to the line width of the class Javadoc, as google-java-format fills it. */
  private static void paragraph(StringBuilder doc, String text) {
    GoogleStyle.javadocParagraph(text, 0).forEach(line -> doc.append(line).append('\n'));
  }

  /**
   * An HTML list as google-java-format writes one: {@code <li>} items without their end tags,
   * continuation lines indented under the item's text.
   */
  private static void list(StringBuilder doc, List<String> items) {
    doc.append("<ul>\n");
    for (String item : items) {
      List<String> lines = GoogleStyle.javadocParagraph(item, LIST_ITEM.length());
      doc.append(INDENT).append("<li>").append(lines.get(0)).append('\n');
      lines
          .subList(1, lines.size())
          .forEach(line -> doc.append(LIST_ITEM).append(line).append('\n'));
    }
    doc.append("</ul>\n");
  }

  /** {@code "a"}, {@code "a and b"}, {@code "a, b and c"}. */
  private static String enumerate(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }

  /** {@code "drops column x and its data"} as {@code "Drops column x and its data."}. */
  private static String sentence(String phrase) {
    return phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1) + ".";
  }

  /**
   * {@code text} safe inside a Javadoc comment: HTML metacharacters as entities, no {@code *}{@code
   * /} that would end the comment, no {@code @} that would start a tag, no backslash that could
   * start a unicode escape.
   */
  static String javadoc(String text) {
    return text.replace("\r", "")
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("*/", "*&#47;")
        .replace("@", "&#64;")
        .replace("\\", "&#92;");
  }

  /**
   * {@code @Revision(id = "...", revises = ..., message = "...")} on one line. JavaPoet puts each
   * member of a multi-member annotation on its own line; the members are therefore passed as one
   * {@code value} code block, which JavaPoet writes inline.
   */
  private static AnnotationSpec revisionAnnotation(MigrationSpec spec) {
    CodeBlock.Builder members = CodeBlock.builder().add("id = $S", spec.revisionId());
    if (spec.revises().size() == 1) {
      members.add(", revises = $S", spec.revises().get(0));
    } else if (spec.revises().size() > 1) {
      members.add(
          ", revises = {$L}",
          CodeBlock.join(spec.revises().stream().map(r -> CodeBlock.of("$S", r)).toList(), ", "));
    }
    if (!spec.message().isEmpty()) {
      members.add(", message = $S", spec.message());
    }
    strings(members, "dependsOn", spec.dependsOn());
    strings(members, "branchLabels", spec.branchLabels());
    if (outsideTransaction(spec)) {
      members.add(", transactional = false");
    }
    return AnnotationSpec.builder(Revision.class).addMember("value", members.build()).build();
  }

  /** Whether an op of either method cannot run inside a transaction block. */
  private static boolean outsideTransaction(MigrationSpec spec) {
    return Stream.concat(spec.upgrade().stream(), spec.downgrade().stream())
        .anyMatch(op -> !op.runsInTransaction());
  }

  /** {@code , name = "a"} or {@code , name = {"a", "b"}}; nothing for an empty list. */
  private static void strings(CodeBlock.Builder members, String name, List<String> values) {
    if (values.size() == 1) {
      members.add(", $L = $S", name, values.get(0));
    } else if (values.size() > 1) {
      members.add(
          ", $L = {$L}",
          name,
          CodeBlock.join(values.stream().map(v -> CodeBlock.of("$S", v)).toList(), ", "));
    }
  }

  // ------------------------------------------------------------------------------------------------- body

  private MethodSpec method(
      String name, List<Op> ops, List<String> guidance, List<String> irreversible) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(name)
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .addParameter(Operations.class, "op");
    irreversible.forEach(reason -> comment(method, "IRREVERSIBLE: " + lineComment(reason)));
    if (ops.isEmpty() && irreversible.isEmpty()) {
      guidance.forEach(line -> method.addComment("$L", line));
    }
    for (Op op : ops) {
      Optional<String> warning = OpDescriptions.destructiveWarning(op, dialect);
      warning.ifPresent(w -> comment(method, "DESTRUCTIVE: " + lineComment(w)));
      method.addCode(OpCode.of(op));
    }
    return method.build();
  }

  /**
   * A {@code //} comment in a method body, over as many lines as google-java-format would give it.
   */
  private static void comment(MethodSpec.Builder method, String text) {
    GoogleStyle.lineComment(text, INDENT.length() * 2)
        .forEach(line -> method.addComment("$L", line.substring(3)));
  }

  /**
   * {@code text} safe in a {@code //} comment: on one line, and with no backslash that could start
   * a unicode escape (javac decodes those before it sees comments).
   */
  private static String lineComment(String text) {
    return text.replaceAll("[\r\n]+", " ").replace("\\", "\\\\");
  }

  private static List<String> upgradeGuidance(MigrationSpec spec) {
    if (spec.isMerge() && spec.downgrade().isEmpty()) {
      return List.of(
          "A merge changes nothing by itself; add ops here only if the merged branches conflict.");
    }
    return List.of(
        "Write this revision's changes here, one op call per change, for example:",
        "  op.addColumn(\"customer\", column(\"phone\", varchar(32)));",
        "  op.execute(\"UPDATE customer SET phone = '' WHERE phone IS NULL\");",
        "Ops on tables of another schema go through op.inSchema(\"billing\").");
  }

  private static List<String> downgradeGuidance(MigrationSpec spec) {
    if (spec.isMerge() && spec.upgrade().isEmpty()) {
      return List.of(
          "A merge changes nothing by itself; undo here what upgrade adds, if anything.");
    }
    return List.of(
        "Undo the upgrade here, in reverse order, for example:",
        "  op.dropColumn(\"customer\", column(\"phone\", varchar(32)));");
  }
}
