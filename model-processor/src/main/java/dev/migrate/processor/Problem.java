package dev.migrate.processor;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * A {@link Message} about one element, thrown to abandon the mapping of that element (a field, an
 * entity) and caught by the loop over elements, which reports it and goes on with the next one.
 * Never escapes the processor.
 */
final class Problem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final transient Message message;
  final transient Element element;
  final transient AnnotationMirror annotation;
  final transient AnnotationValue value;
  final transient Object[] args;

  /**
   * @param element where the compiler should point (the field or class)
   * @param annotation the annotation on {@code element} the message is about, or {@code null}
   * @param value the annotation value the message is about, or {@code null}
   */
  Problem(
      Message message,
      Element element,
      AnnotationMirror annotation,
      AnnotationValue value,
      Object... args) {
    super(message.name(), null, false, false);
    this.message = message;
    this.element = element;
    this.annotation = annotation;
    this.value = value;
    this.args = args.clone();
  }
}
