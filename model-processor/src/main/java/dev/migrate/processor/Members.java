package dev.migrate.processor;

import static dev.migrate.processor.Annotations.enumConstant;
import static dev.migrate.processor.Annotations.hasJpa;
import static dev.migrate.processor.Annotations.jpa;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * The persistent attributes of a class, as Hibernate 6.6 finds them: with field access the
 * non-static, non-transient fields without {@code @Transient}; with property access the getters
 * ({@code getX()}, {@code isX()} for {@code boolean}) without {@code @Transient}; an
 * {@code @Access} on a member overrides the class's access type for that member (a getter with
 * {@code @Access(PROPERTY)} in a field-access class is mapped even though its field is
 * {@code @Transient}, JPA 3.1, 2.3.2). Hibernate binds the attributes of one class sorted by name,
 * which is also its column order.
 */
final class Members {

  /** JPA's access types. */
  enum Access {
    FIELD,
    PROPERTY
  }

  /**
   * A persistent attribute: a field or a getter of {@code declaring}, with its type as seen from
   * {@code owner} (type variables of generic superclasses resolved).
   */
  record Attribute(
      Element element, String name, TypeMirror type, TypeElement declaring, TypeElement owner) {

    /**
     * {@code Entity.field}, {@code Entity.getName()}, with {@code (in Owner)} for an inherited or
     * embedded one.
     */
    String describe() {
      String member =
          element.getKind() == ElementKind.METHOD
              ? element.getSimpleName() + "()"
              : element.getSimpleName().toString();
      String text = Annotations.simpleName(declaring) + "." + member;
      return declaring.equals(owner) ? text : text + " (in " + Annotations.simpleName(owner) + ")";
    }
  }

  private final Types types;

  Members(Types types) {
    this.types = types;
  }

  /** The access type the annotations of {@code level} decide on their own, or {@code null}. */
  static Access explicitAccess(Element element) {
    String access = enumConstant(jpa(element, "Access"), "value", null);
    return access == null ? null : Access.valueOf(access);
  }

  /**
   * The default access type of a hierarchy: {@code @Access} on the classes, else where {@code @Id}
   * or {@code @EmbeddedId} is placed (JPA 3.1, 2.3.1), else field access.
   */
  static Access inferAccess(List<TypeElement> levels) {
    for (TypeElement level : levels) {
      Access explicit = explicitAccess(level);
      if (explicit != null) {
        return explicit;
      }
    }
    for (TypeElement level : levels) {
      for (Element member : level.getEnclosedElements()) {
        if (hasJpa(member, "Id") || hasJpa(member, "EmbeddedId")) {
          return member.getKind() == ElementKind.METHOD ? Access.PROPERTY : Access.FIELD;
        }
      }
    }
    return Access.FIELD;
  }

  /** The attributes {@code level} declares, sorted by name, with types seen from {@code owner}. */
  List<Attribute> declared(TypeElement level, TypeElement owner, Access defaultAccess) {
    Access access = explicitAccess(level) != null ? explicitAccess(level) : defaultAccess;
    List<Attribute> result = new ArrayList<>();
    Set<String> names = new java.util.HashSet<>();
    for (VariableElement field : ElementFilter.fieldsIn(level.getEnclosedElements())) {
      if (field.getModifiers().contains(Modifier.STATIC)
          || field.getModifiers().contains(Modifier.TRANSIENT)
          || hasJpa(field, "Transient")) {
        continue;
      }
      Access own = explicitAccess(field);
      if (own == Access.FIELD || own == null && access == Access.FIELD) {
        result.add(
            new Attribute(
                field, field.getSimpleName().toString(), memberType(owner, field), level, owner));
        names.add(field.getSimpleName().toString());
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(level.getEnclosedElements())) {
      String property = propertyName(method);
      if (property == null
          || method.getModifiers().contains(Modifier.STATIC)
          || hasJpa(method, "Transient")
          || names.contains(property)) {
        continue;
      }
      Access own = explicitAccess(method);
      if (own == Access.PROPERTY || own == null && access == Access.PROPERTY) {
        // with an explicit @Access(PROPERTY) the field of the same name is @Transient on purpose
        // (JPA 3.1, 2.3.2:
        // "the corresponding field ... should be designated Transient"); Hibernate maps the getter
        // anyway
        if (own == null && hasField(level, property, "Transient")) {
          continue;
        }
        result.add(new Attribute(method, property, memberType(owner, method), level, owner));
      }
    }
    result.sort(Comparator.comparing(Attribute::name));
    return result;
  }

  private static boolean hasField(TypeElement level, String name, String jpaAnnotation) {
    for (VariableElement field : ElementFilter.fieldsIn(level.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name)
          && (hasJpa(field, jpaAnnotation) || field.getModifiers().contains(Modifier.TRANSIENT))) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code name} for {@code getName()} or {@code isName()} (boolean), as {@code java.beans}
   * decapitalises it.
   */
  static String propertyName(ExecutableElement method) {
    if (!method.getParameters().isEmpty() || method.getReturnType().getKind() == TypeKind.VOID) {
      return null;
    }
    String n = method.getSimpleName().toString();
    if (n.startsWith("get") && n.length() > 3) {
      return decapitalize(n.substring(3));
    }
    if (n.startsWith("is")
        && n.length() > 2
        && method.getReturnType().getKind() == TypeKind.BOOLEAN) {
      return decapitalize(n.substring(2));
    }
    return null;
  }

  /**
   * {@code java.beans.Introspector.decapitalize}: {@code Name} → {@code name}, {@code URL} stays
   * {@code URL}.
   */
  static String decapitalize(String name) {
    if (name.length() > 1
        && Character.isUpperCase(name.charAt(0))
        && Character.isUpperCase(name.charAt(1))) {
      return name;
    }
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private TypeMirror memberType(TypeElement owner, Element member) {
    TypeMirror type;
    try {
      TypeMirror asMember = types.asMemberOf((DeclaredType) owner.asType(), member);
      type =
          member.getKind() == ElementKind.METHOD
              ? ((javax.lang.model.type.ExecutableType) asMember).getReturnType()
              : asMember;
    } catch (IllegalArgumentException e) {
      type =
          member.getKind() == ElementKind.METHOD
              ? ((ExecutableElement) member).getReturnType()
              : member.asType();
    }
    return type.getKind() == TypeKind.TYPEVAR ? types.erasure(type) : type;
  }
}
