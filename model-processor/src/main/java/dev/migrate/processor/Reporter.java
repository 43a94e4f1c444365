package dev.migrate.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Prints {@link Message}s through the compiler's {@link Messager}, pointing at the element (and,
 * when given, the annotation and the annotation value) so that IDEs and {@code javac} show the
 * offending source line, and remembers whether an error was printed.
 */
final class Reporter {

  private final Messager messager;
  private boolean errorRaised;

  Reporter(Messager messager) {
    this.messager = messager;
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
    if (message.kind() == Diagnostic.Kind.ERROR) {
      errorRaised = true;
    }
    String text = message.format(args);
    if (element == null) {
      messager.printMessage(message.kind(), text);
    } else if (annotation == null) {
      messager.printMessage(message.kind(), text, element);
    } else if (value == null) {
      messager.printMessage(message.kind(), text, element, annotation);
    } else {
      messager.printMessage(message.kind(), text, element, annotation, value);
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
    String where = element == null ? "the compilation" : element.toString();
    report(Message.INTERNAL_ERROR, element, null, null, where, String.valueOf(failure));
  }

  /**
   * Runs {@code work}, reporting a {@link Problem} it throws, or any other runtime exception as an
   * internal error on {@code element}, so that the next element is mapped.
   */
  void guard(Element element, Runnable work) {
    try {
      work.run();
    } catch (Problem p) {
      report(p);
    } catch (RuntimeException e) {
      internal(element, e);
    }
  }

  /**
   * {@link #guard} for one attribute mapped into {@code table}: a failure also marks the table
   * ({@link TableDraft#failed}), so that constraints naming the attribute's columns are not
   * reported again.
   */
  void guardMember(TableDraft table, Members.Attribute attribute, Runnable work) {
    try {
      work.run();
    } catch (Problem p) {
      report(p);
      table.failed = true;
    } catch (RuntimeException ex) {
      internal(attribute.element(), ex);
      table.failed = true;
    }
  }

  /** Whether an error (not a warning) was printed. */
  boolean errorRaised() {
    return errorRaised;
  }
}
