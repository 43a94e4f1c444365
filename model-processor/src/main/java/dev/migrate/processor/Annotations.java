package dev.migrate.processor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Name;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;

/**
 * Reads annotations by name through {@link AnnotationMirror}s, so that the processor needs neither
 * JPA nor Hibernate at compile time and reads {@code jakarta.persistence} and {@code
 * javax.persistence} alike.
 *
 * <p>Only explicitly written values are read from a mirror; a value that was not written yields the
 * default passed by the caller, which is the default of the annotation's specification (JPA 3.1).
 * That keeps the processor working when an annotation's own class is not on the class path of the
 * compilation.
 */
final class Annotations {

  /** The package of Hibernate's annotations, which the processor reads by name. */
  static final String HIBERNATE = "org.hibernate.annotations.";

  /**
   * The package of Migrate's own annotations ({@code @Table}, {@code @Index}, {@code @RenamedFrom},
   * ...).
   */
  static final String MIGRATE = "dev.migrate.annotations.";

  /** The persistence API packages, newest first. */
  private static final List<String> JPA_PACKAGES =
      List.of("jakarta.persistence.", "javax.persistence.");

  /**
   * The text of names already decoded. javac keeps a {@link Name} as bytes and decodes them on
   * every {@code toString()} and {@code contentEquals()}, and the processor asks for the names of
   * the same few annotation types and members for every attribute of every entity. The keys are
   * weak: names go with javac's name table.
   */
  private static final Map<Name, String> NAMES = Collections.synchronizedMap(new WeakHashMap<>());

  private Annotations() {}

  /** {@code name.toString()}, decoded once. */
  static String text(Name name) {
    String text = NAMES.get(name);
    if (text == null) {
      text = name.toString();
      NAMES.put(name, text);
    }
    return text;
  }

  /**
   * The JPA annotation {@code simpleName} (for example {@code "Column"}) on {@code element}, or
   * {@code null}.
   */
  static AnnotationMirror jpa(Element element, String simpleName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (simpleName.equals(jpaSimpleName(qualifiedName(mirror)))) {
        return mirror;
      }
    }
    return null;
  }

  /**
   * Simple names of the annotation types seen, by qualified name; the empty string for one not in
   * JPA.
   */
  private static final Map<String, String> JPA_SIMPLE_NAMES = new ConcurrentHashMap<>();

  /**
   * {@code "Column"} for {@code jakarta.persistence.Column} or {@code javax.persistence.Column},
   * else {@code ""}.
   */
  private static String jpaSimpleName(String qualifiedName) {
    return JPA_SIMPLE_NAMES.computeIfAbsent(
        qualifiedName,
        name -> {
          for (String pkg : JPA_PACKAGES) {
            if (name.startsWith(pkg) && name.indexOf('.', pkg.length()) < 0) {
              return name.substring(pkg.length());
            }
          }
          return "";
        });
  }

  /** Whether the JPA annotation {@code simpleName} is on {@code element}. */
  static boolean hasJpa(Element element, String simpleName) {
    return jpa(element, simpleName) != null;
  }

  /**
   * The annotation with the fully qualified name {@code qualifiedName} on {@code element}, or
   * {@code null}.
   */
  static AnnotationMirror find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(qualifiedName)) {
        return mirror;
      }
    }
    return null;
  }

  /** The fully qualified name of the annotation's type. */
  static String qualifiedName(AnnotationMirror mirror) {
    return text(((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName());
  }

  /**
   * The explicitly written value of {@code member}, or {@code null} when it was left to its
   * default.
   */
  static AnnotationValue value(AnnotationMirror mirror, String member) {
    if (mirror == null) {
      return null;
    }
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (text(e.getKey().getSimpleName()).equals(member)) {
        return e.getValue();
      }
    }
    return null;
  }

  /** Whether {@code member} was written explicitly. */
  static boolean isSet(AnnotationMirror mirror, String member) {
    return value(mirror, member) != null;
  }

  static String string(AnnotationMirror mirror, String member, String defaultValue) {
    AnnotationValue v = value(mirror, member);
    return v != null && v.getValue() instanceof String s ? s : defaultValue;
  }

  static boolean bool(AnnotationMirror mirror, String member, boolean defaultValue) {
    AnnotationValue v = value(mirror, member);
    return v != null && v.getValue() instanceof Boolean b ? b : defaultValue;
  }

  static long longValue(AnnotationMirror mirror, String member, long defaultValue) {
    AnnotationValue v = value(mirror, member);
    return v != null && v.getValue() instanceof Number n ? n.longValue() : defaultValue;
  }

  /** The first annotation among {@code qualifiedNames} on {@code element}, or {@code null}. */
  static AnnotationMirror findAny(Element element, List<String> qualifiedNames) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedNames.contains(qualifiedName(mirror))) {
        return mirror;
      }
    }
    return null;
  }

  /**
   * The JPA annotation {@code simpleName} and the items of its container {@code simpleName + "s"},
   * in order.
   */
  static List<AnnotationMirror> jpaRepeated(Element element, String simpleName) {
    List<AnnotationMirror> result = new ArrayList<>();
    AnnotationMirror single = jpa(element, simpleName);
    if (single != null) {
      result.add(single);
    }
    result.addAll(annotations(jpa(element, simpleName + "s"), "value"));
    return result;
  }

  static int integer(AnnotationMirror mirror, String member, int defaultValue) {
    AnnotationValue v = value(mirror, member);
    return v != null && v.getValue() instanceof Integer i ? i : defaultValue;
  }

  /**
   * The simple name of the enum constant written for {@code member}, for example {@code
   * "IDENTITY"}.
   */
  static String enumConstant(AnnotationMirror mirror, String member, String defaultValue) {
    AnnotationValue v = value(mirror, member);
    return v != null && v.getValue() instanceof VariableElement c
        ? c.getSimpleName().toString()
        : defaultValue;
  }

  /** The class written for {@code member}, or {@code null}. */
  static TypeMirror type(AnnotationMirror mirror, String member) {
    AnnotationValue v = value(mirror, member);
    return v != null && v.getValue() instanceof TypeMirror t ? t : null;
  }

  /** The nested annotation written for {@code member}, or {@code null}. */
  static AnnotationMirror annotation(AnnotationMirror mirror, String member) {
    AnnotationValue v = value(mirror, member);
    return v != null && v.getValue() instanceof AnnotationMirror a ? a : null;
  }

  /** The annotations of an array member, in source order; empty when not written. */
  static List<AnnotationMirror> annotations(AnnotationMirror mirror, String member) {
    return items(mirror, member, AnnotationMirror.class);
  }

  /** The strings of an array member, in source order; empty when not written. */
  static List<String> strings(AnnotationMirror mirror, String member) {
    return items(mirror, member, String.class);
  }

  /** The items of an array member that are of {@code type}, in source order. */
  private static <T> List<T> items(AnnotationMirror mirror, String member, Class<T> type) {
    List<T> result = new ArrayList<>();
    for (AnnotationValue v : values(mirror, member)) {
      if (type.isInstance(v.getValue())) {
        result.add(type.cast(v.getValue()));
      }
    }
    return result;
  }

  private static List<AnnotationValue> values(AnnotationMirror mirror, String member) {
    AnnotationValue v = value(mirror, member);
    if (v == null) {
      return List.of();
    }
    if (v.getValue() instanceof List<?> list) {
      List<AnnotationValue> result = new ArrayList<>();
      for (Object item : list) {
        if (item instanceof AnnotationValue av) {
          result.add(av);
        }
      }
      return result;
    }
    return List.of(v);
  }

  /**
   * The first of the JPA annotations {@code simpleNames} present on {@code element}, or {@code
   * null}.
   */
  static AnnotationMirror firstJpa(Element element, String... simpleNames) {
    for (String name : simpleNames) {
      AnnotationMirror mirror = jpa(element, name);
      if (mirror != null) {
        return mirror;
      }
    }
    return null;
  }

  /** The simple name of {@code mirror}'s annotation type: {@code ManyToOne}. */
  static String annotationName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The class name without its package, nesting kept: {@code Customer}, {@code Shop.Order}. */
  static String simpleName(TypeElement type) {
    String qualified = text(type.getQualifiedName());
    Element enclosing = type.getEnclosingElement();
    while (enclosing != null && enclosing.getKind() != ElementKind.PACKAGE) {
      enclosing = enclosing.getEnclosingElement();
    }
    if (enclosing == null) {
      return qualified;
    }
    String pkg = text(((PackageElement) enclosing).getQualifiedName());
    return pkg.isEmpty() || !qualified.startsWith(pkg + ".")
        ? qualified
        : qualified.substring(pkg.length() + 1);
  }
}
