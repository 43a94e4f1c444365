package dev.migrate.processor;

import dev.migrate.snapshot.Snapshot.ModelProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Prints {@link Message}s through the compiler's {@link Messager}, pointing at the element (and,
 * when given, the annotation and the annotation value) so that IDEs and {@code javac} show the
 * offending source line; remembers whether an error was printed, and records every {@link
 * Message.Severity#UNMODELLED} message as a {@link ModelProblem} for the snapshot, with the table
 * and column being mapped when it was raised.
 *
 * <p>An unmodelled mapping is a warning, so that the application's compile never breaks because of
 * Migrate (issue 15); under {@code -Amigrate.strict=true} ({@link #STRICT_OPTION}) it is an error.
 */
final class Reporter {

  /** The option that makes unmodelled mappings compile errors: {@code true} or {@code false}. */
  static final String STRICT_OPTION = "migrate.strict";

  /** Appended to the warning of an unmodelled mapping (not to the recorded problem). */
  static final String INCOMPLETE =
      " The model snapshot is incomplete until then: migrate:autogen and migrate:check refuse to"
          + " run (-Amigrate.strict=true makes this an error).";

  /** What is being mapped: the subject of a problem raised now. */
  private record Where(String element, String table, String column) {}

  private final Messager messager;
  private final boolean strict;
  private final List<ModelProblem> problems = new ArrayList<>();
  private Function<Members.Attribute, String> columnOf = a -> null;
  private Where where;
  private boolean errorRaised;

  Reporter(Messager messager, boolean strict) {
    this.messager = messager;
    this.strict = strict;
  }

  /**
   * How to name the column of an attribute whose mapping failed ({@code null} when it is not one
   * column), for the recorded problem.
   */
  void columnNames(Function<Members.Attribute, String> columnOf) {
    this.columnOf = columnOf;
  }

  /**
   * Prints {@code message}; {@code element}, {@code annotation} and {@code value} may each be
   * {@code null}.
   */
  void report(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    Diagnostic.Kind kind = message.kind(strict);
    if (kind == Diagnostic.Kind.ERROR) {
      errorRaised = true;
    }
    String text = message.format(args);
    String printed = text;
    if (message.severity() == Message.Severity.UNMODELLED) {
      Where subject = where != null ? where : new Where(describe(element), null, null);
      problems.add(new ModelProblem(subject.element(), subject.table(), subject.column(), text));
      if (!strict) {
        printed = text + INCOMPLETE;
      }
    }
    if (element == null) {
      messager.printMessage(kind, printed);
    } else if (annotation == null) {
      messager.printMessage(kind, printed, element);
    } else if (value == null) {
      messager.printMessage(kind, printed, element, annotation);
    } else {
      messager.printMessage(kind, printed, element, annotation, value);
    }
  }

  /** Prints a problem caught while mapping an element. */
  void report(Problem problem) {
    report(problem.message, problem.element, problem.annotation, problem.value, problem.args);
  }

  /**
   * Prints an unexpected exception as {@link Message#INTERNAL_ERROR} on {@code element} (may be
   * {@code null}).
   */
  void internal(Element element, Throwable failure) {
    String subject = element == null ? "the compilation" : element.toString();
    report(Message.INTERNAL_ERROR, element, null, null, subject, String.valueOf(failure));
  }

  /**
   * Runs {@code work}, reporting a {@link Problem} it throws, or any other runtime exception as an
   * internal error on {@code element}, so that the next element is mapped.
   */
  void guard(Element element, Runnable work) {
    Where before = where;
    where = before != null ? before : new Where(describe(element), null, null);
    try {
      work.run();
    } catch (Problem p) {
      report(p);
    } catch (RuntimeException e) {
      internal(element, e);
    } finally {
      where = before;
    }
  }

  /**
   * {@link #guard} for one attribute mapped into {@code table}: a failure also marks the table
   * ({@link TableDraft#failed}), so that constraints naming the attribute's columns are not
   * reported again. A problem is recorded against the attribute, {@code table} and the attribute's
   * column.
   */
  void guardMember(TableDraft table, Members.Attribute attribute, Runnable work) {
    Where before = where;
    where =
        new Where(
            Annotations.text(attribute.owner().getQualifiedName())
                + "."
                + attribute.element().getSimpleName(),
            table.schema == null ? table.name : table.schema + "." + table.name,
            columnOf.apply(attribute));
    try {
      work.run();
    } catch (Problem p) {
      report(p);
      table.failed = true;
    } catch (RuntimeException ex) {
      internal(attribute.element(), ex);
      table.failed = true;
    } finally {
      where = before;
    }
  }

  /** Whether an error (not a warning) was printed. */
  boolean errorRaised() {
    return errorRaised;
  }

  /** The unmodelled mappings reported so far, in order. */
  List<ModelProblem> problems() {
    return List.copyOf(problems);
  }

  /**
   * {@code com.acme.Customer} for a class, {@code com.acme.Customer.tags} for a field or method,
   * {@code null} for none.
   */
  private static String describe(Element element) {
    if (element == null) {
      return null;
    }
    if (element instanceof TypeElement type) {
      return Annotations.text(type.getQualifiedName());
    }
    Element enclosing = element.getEnclosingElement();
    if (enclosing instanceof TypeElement type
        && (element.getKind().isField() || element.getKind() == ElementKind.METHOD)) {
      return Annotations.text(type.getQualifiedName()) + "." + element.getSimpleName();
    }
    return element.toString();
  }
}
