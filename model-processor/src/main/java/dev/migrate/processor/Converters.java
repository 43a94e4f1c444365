package dev.migrate.processor;

import dev.migrate.snapshot.Snapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The {@code AttributeConverter}s of a compilation, as Hibernate applies them: the two types of a
 * converter, the auto-applied converters ({@code @Converter(autoApply = true)} in the sources, and
 * those {@code -Amigrate.converters} names), and the check constraints a converted column gets.
 *
 * <p>Auto-apply ({@code AttributeConverterManager.findAutoApplyConverterForAttribute}, {@code
 * ConverterHelper.typesMatch}, hibernate-core 6.6.33 and 7.2.19; 7.4.13 compares generic types with
 * {@code GenericAssignability}, the same for a domain type without type arguments): a converter
 * applies to a basic value (an attribute, a collection's element, a map's key) whose Java type,
 * primitives boxed, is its domain type {@code X} or a subtype; not to an {@code @Id} or
 * {@code @Version} attribute nor to one annotated {@code @Enumerated} or {@code @Temporal}
 * ({@code @MapKeyEnumerated}, {@code @MapKeyTemporal} for a key; JPA 3.2 section 3.9, {@code
 * PropertyBinder.autoApplyConverters}, {@code BasicValueBinder.applyJpaConverter}), and not where
 * {@code @Convert(disableConversion = true)} says so. Two matches make Hibernate refuse to start
 * ("Multiple auto-apply converters matched").
 */
final class Converters {

  /** The annotation processor option: {@code -Amigrate.converters=com.acme.MoneyConverter,...}. */
  static final String OPTION = "migrate.converters";

  /**
   * Hibernate's own converters from {@code Boolean}, with their {@code false} and {@code true}
   * values as SQL literals: fixed, so their check needs no class loading ({@code YesNoConverter},
   * {@code TrueFalseConverter}: {@code CharBooleanConverter}; {@code NumericBooleanConverter}; each
   * gives {@code null} for {@code null}).
   */
  private static final Map<String, String> HIBERNATE_BOOLEAN =
      Map.of(
          "org.hibernate.type.YesNoConverter", "'N','Y'",
          "org.hibernate.type.TrueFalseConverter", "'F','T'",
          "org.hibernate.type.NumericBooleanConverter", "0,1");

  private final Types types;
  private final List<TypeElement> autoApplied = new ArrayList<>();

  Converters(Types types) {
    this.types = types;
  }

  /** Registers {@code converter} as auto-applied. */
  void autoApply(TypeElement converter) {
    if (!autoApplied.contains(converter)) {
      autoApplied.add(converter);
    }
  }

  /**
   * The auto-applied converters whose domain type matches {@code valueType}, in registration order.
   */
  List<TypeElement> autoAppliedTo(TypeMirror valueType) {
    TypeMirror boxed =
        valueType.getKind().isPrimitive()
            ? types.boxedClass((javax.lang.model.type.PrimitiveType) valueType).asType()
            : valueType;
    if (boxed.getKind() != TypeKind.DECLARED && boxed.getKind() != TypeKind.ARRAY) {
      return List.of();
    }
    List<TypeElement> matches = new ArrayList<>();
    for (TypeElement converter : autoApplied) {
      TypeMirror domain = domainType(converter.asType());
      if (domain == null) {
        continue;
      }
      boolean match =
          boxed.getKind() == TypeKind.ARRAY
              ? types.isSameType(types.erasure(domain), types.erasure(boxed))
              : types.isAssignable(types.erasure(boxed), types.erasure(domain))
                  && (((DeclaredType) domain).getTypeArguments().isEmpty()
                      || types.isSameType(domain, boxed));
      if (match) {
        matches.add(converter);
      }
    }
    return matches;
  }

  /** The {@code X} of the {@code AttributeConverter<X, Y>} {@code converter} implements. */
  TypeMirror domainType(TypeMirror converter) {
    return typeArgument(converter, 0);
  }

  /** The {@code Y} of the {@code AttributeConverter<X, Y>} {@code converter} implements. */
  TypeMirror databaseType(TypeMirror converter) {
    return typeArgument(converter, 1);
  }

  /** Whether {@code type} implements {@code AttributeConverter} (jakarta or javax). */
  boolean isConverter(TypeMirror type) {
    return attributeConverter(type) != null;
  }

  private TypeMirror typeArgument(TypeMirror converter, int index) {
    DeclaredType t = attributeConverter(converter);
    if (t == null) {
      return null;
    }
    List<? extends TypeMirror> args = t.getTypeArguments();
    return args.size() == 2 && args.get(index).getKind() == TypeKind.DECLARED
        ? args.get(index)
        : null;
  }

  private DeclaredType attributeConverter(TypeMirror converter) {
    List<TypeMirror> queue = new ArrayList<>();
    queue.add(converter);
    for (int i = 0; i < queue.size() && i < 50; i++) {
      TypeMirror t = queue.get(i);
      if (t.getKind() != TypeKind.DECLARED) {
        continue;
      }
      TypeElement element = (TypeElement) ((DeclaredType) t).asElement();
      String n = element.getQualifiedName().toString();
      if (n.equals("jakarta.persistence.AttributeConverter")
          || n.equals("javax.persistence.AttributeConverter")) {
        return (DeclaredType) t;
      }
      queue.addAll(types.directSupertypes(t));
    }
    return null;
  }

  /**
   * The values of one of Hibernate's own {@code Boolean} converters, {@code 'N','Y'}, or {@code
   * null} for another class.
   */
  static String hibernateBooleanValues(String converterName) {
    return HIBERNATE_BOOLEAN.get(converterName);
  }

  /**
   * How the values of a converter to {@code databaseType} appear in a check, when Hibernate checks
   * a column of that type at all: character ({@code String}, {@code Character}: {@code VARCHAR},
   * {@code CHAR}) and integral ({@code Long}, {@code Integer}, {@code Short}, {@code Byte}) JDBC
   * types only ({@code SqlTypes.isCharacterType}, {@code isIntegral}); {@code null} for the others.
   * A {@code @JdbcTypeCode} decides instead when there is one.
   */
  static Snapshot.ConverterCheck.Literal literal(TypeMirror databaseType, Integer jdbcTypeCode) {
    if (jdbcTypeCode != null) {
      return switch (jdbcTypeCode) {
        case 1, 12, -1, -15, -9, -16 -> Snapshot.ConverterCheck.Literal.STRING;
        case 4, -5, 5, -6 -> Snapshot.ConverterCheck.Literal.NUMBER;
        default -> null;
      };
    }
    if (databaseType == null || databaseType.getKind() != TypeKind.DECLARED) {
      return null;
    }
    return switch (((TypeElement) ((DeclaredType) databaseType).asElement())
        .getQualifiedName()
        .toString()) {
      case "java.lang.String", "java.lang.Character" -> Snapshot.ConverterCheck.Literal.STRING;
      case "java.lang.Long", "java.lang.Integer", "java.lang.Short", "java.lang.Byte" ->
          Snapshot.ConverterCheck.Literal.NUMBER;
      default -> null;
    };
  }

  /** The enum {@code type} names, or {@code null}. */
  TypeElement enumType(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    Element element = types.asElement(type);
    return element.getKind() == ElementKind.ENUM ? (TypeElement) element : null;
  }

  /** Whether {@code type} is {@code java.lang.Boolean}. */
  static boolean isBoolean(TypeMirror type) {
    return type != null
        && type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.Boolean");
  }
}
