package dev.migrate.snapshot;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Resolves a snapshot's {@linkplain Snapshot.ConverterCheck converter checks}: runs each
 * application converter as Hibernate does at boot and adds the check constraint it gives to the
 * column's table. The values can only come from the converter's code, which the model processor
 * cannot run (the converter may be compiled in the same compilation), so they are computed where
 * the model is read with the application's class loader (the Maven goals, the Spring Boot starter).
 *
 * <p>Hibernate's rule, read in hibernate-core 6.6.33 and 7.2.19:
 *
 * <ul>
 *   <li>The converter is created with its no-argument constructor, made accessible ({@code
 *       FallbackBeanInstanceProducer.produceBeanInstance}: no bean container).
 *   <li>{@code Boolean} ({@code BooleanJavaType.getCheckCondition}, both lines): the values of
 *       {@code false}, {@code true}, then of {@code null} when the converter gives one for it (a
 *       converter that throws for {@code null} makes Hibernate fail at start-up); a character
 *       column renders each {@code toString()} quoted, an integral one its {@code longValue()}
 *       ({@code Dialect.getCheckCondition(String, String[])} and {@code (String, Long[])});
 *       duplicates are kept.
 *   <li>An enum ({@code EnumJavaType.getCheckCondition}, 7.0 on; 6.6 returns {@code null} for a
 *       converted enum): the value of each constant, collected in a {@code HashSet} sized by {@code
 *       CollectionHelper.setOfSize} (so duplicates collapse and the order is the set's iteration
 *       order), rendered by {@code Dialect.getCheckCondition(String, Collection, JdbcType)}: a
 *       character value quoted with {@code '} doubled, a number as it prints.
 *   <li>A {@code null} value is left out of the list and adds {@code or <column> is null}.
 * </ul>
 *
 * <p>Hibernate renders the constraint {@code check ((...))} in 7.x; the model holds the expression
 * without outer parentheses, as it does for Hibernate's other column checks.
 *
 * <p>A check that cannot be resolved (the class or the enum is not found, the converter has no
 * no-argument constructor or throws for {@code false}, {@code true} or a constant, a value is
 * neither a number nor text for the column's kind) is left out of the model, and a warning says so:
 * it never fails the read, as a missing check loses no data.
 */
public final class ConverterChecks {

  private ConverterChecks() {}

  /**
   * A model with its converter checks resolved.
   *
   * @param database the model, with each resolved check added to its column's table
   * @param warnings one line per check left out: the entity member, the converter, the reason and
   *     the consequence
   */
  public record Resolved(Database database, List<String> warnings) {
    public Resolved {
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * {@code snapshot}'s model with the checks of {@link Snapshot.Capture#converterChecks()} resolved
   * through {@code loader}.
   *
   * @param loader a loader that sees the application's classes (the converters, the enums) and the
   *     JPA API they implement
   */
  public static Resolved resolve(Snapshot snapshot, ClassLoader loader) {
    return resolve(snapshot.database(), snapshot.capture().converterChecks(), loader);
  }

  /**
   * {@code database} with each of {@code checks} added to its table as a {@link CheckConstraint}
   * named {@link Snapshot.ConverterCheck#name()}; a check whose table is not in the model, or whose
   * expression the table has already, is skipped.
   *
   * @param loader a loader that sees the converters and the enums they convert
   */
  public static Resolved resolve(
      Database database, List<Snapshot.ConverterCheck> checks, ClassLoader loader) {
    if (checks.isEmpty()) {
      return new Resolved(database, List.of());
    }
    Map<String, List<CheckConstraint>> added = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    for (Snapshot.ConverterCheck check : checks) {
      String expression;
      try {
        expression = expression(check, loader);
      } catch (Unresolved e) {
        warnings.add(warning(check, e.getMessage()));
        continue;
      }
      added
          .computeIfAbsent(check.qualifiedTable(), k -> new ArrayList<>())
          .add(new CheckConstraint(check.name(), expression));
    }
    if (added.isEmpty()) {
      return new Resolved(database, warnings);
    }
    List<Table> tables = new ArrayList<>();
    for (Table t : database.tables()) {
      List<CheckConstraint> more = added.get(t.qualifiedName());
      if (more == null) {
        tables.add(t);
        continue;
      }
      List<CheckConstraint> all = new ArrayList<>(t.checkConstraints());
      for (CheckConstraint c : more) {
        if (all.stream().noneMatch(x -> x.expression().equals(c.expression()))) {
          all.add(c);
        }
      }
      tables.add(
          new Table(
              t.schema(),
              t.name(),
              t.columns(),
              t.primaryKey(),
              t.uniqueConstraints(),
              all,
              t.indexes(),
              t.foreignKeys(),
              t.comment(),
              t.renamedFrom()));
    }
    return new Resolved(new Database(tables, database.sequences(), database.enumTypes()), warnings);
  }

  /**
   * The check's expression, {@code <column> in (<value>,...)} with {@code or <column> is null} when
   * a value is {@code null}, as Hibernate builds it.
   *
   * @throws Unresolved saying why it cannot be computed
   */
  static String expression(Snapshot.ConverterCheck check, ClassLoader loader) throws Unresolved {
    Method convert = converter(check, loader);
    Object converter = instance(check, loader);
    List<Object> values = new ArrayList<>();
    if (check.domain().equals(Snapshot.ConverterCheck.BOOLEAN)) {
      values.add(call(convert, converter, false, "false"));
      values.add(call(convert, converter, true, "true"));
      // BooleanJavaType.getPossibleStringValues: the value of null too, when there is one; it
      // ignores a NullPointerException, but the converter's arrives wrapped in a
      // PersistenceException (JpaAttributeConverterImpl, AttributeConverterBean), so Hibernate
      // fails to start (checked on 6.6.33 and 7.2.19)
      Object forNull =
          call(
              convert,
              converter,
              null,
              "null",
              ", which makes Hibernate fail at start-up (\"Error attempting to apply"
                  + " AttributeConverter\"): return null for null");
      if (forNull != null) {
        values.add(forNull);
      }
    } else {
      Object[] constants = enumConstants(check, loader);
      // EnumJavaType.valueSet: CollectionHelper.setOfSize(n), a HashSet, in its iteration order
      Set<Object> set = new HashSet<>(Math.max((int) (constants.length / 0.75f) + 1, 16), 0.75f);
      for (Object constant : constants) {
        set.add(call(convert, converter, constant, ((Enum<?>) constant).name()));
      }
      values.addAll(set);
    }
    String column = check.columnSql();
    boolean nullable = false;
    List<String> literals = new ArrayList<>();
    for (Object v : values) {
      if (v == null) {
        nullable = true;
      } else {
        literals.add(literal(check, v));
      }
    }
    return column
        + " in ("
        + String.join(",", literals)
        + ")"
        + (nullable ? " or " + column + " is null" : "");
  }

  private static String literal(Snapshot.ConverterCheck check, Object value) throws Unresolved {
    return switch (check.literal()) {
      case STRING -> {
        if (!(value instanceof CharSequence) && !(value instanceof Character)) {
          throw new Unresolved(
              "it gives a " + value.getClass().getName() + " for a character column");
        }
        yield "'" + value.toString().replace("'", "''") + "'";
      }
      case NUMBER -> {
        if (!(value instanceof Long
            || value instanceof Integer
            || value instanceof Short
            || value instanceof Byte)) {
          throw new Unresolved(
              "it gives a " + value.getClass().getName() + " for an integral column");
        }
        yield value.toString();
      }
    };
  }

  private static Method converter(Snapshot.ConverterCheck check, ClassLoader loader)
      throws Unresolved {
    Class<?> type = load(check.converter(), loader, "converter class");
    for (Method m : type.getMethods()) {
      if (m.getName().equals("convertToDatabaseColumn")
          && m.getParameterCount() == 1
          && !m.getParameterTypes()[0].isPrimitive()) {
        if (m.getParameterTypes()[0] == Object.class || m.isBridge()) {
          m.setAccessible(true);
          return m;
        }
      }
    }
    for (Method m : type.getMethods()) {
      if (m.getName().equals("convertToDatabaseColumn") && m.getParameterCount() == 1) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new Unresolved("it has no public convertToDatabaseColumn(X) method");
  }

  private static Object instance(Snapshot.ConverterCheck check, ClassLoader loader)
      throws Unresolved {
    Class<?> type = load(check.converter(), loader, "converter class");
    Constructor<?> constructor;
    try {
      constructor = type.getDeclaredConstructor();
    } catch (NoSuchMethodException e) {
      throw new Unresolved(
          "it has no no-argument constructor (Hibernate creates converters with it when no bean"
              + " container does)");
    }
    try {
      constructor.setAccessible(true);
      return constructor.newInstance();
    } catch (InvocationTargetException e) {
      throw new Unresolved("its constructor threw " + e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new Unresolved("it cannot be created: " + e);
    }
  }

  private static Object call(Method convert, Object converter, Object value, String what)
      throws Unresolved {
    return call(convert, converter, value, what, "");
  }

  private static Object call(
      Method convert, Object converter, Object value, String what, String consequence)
      throws Unresolved {
    try {
      return convert.invoke(converter, value);
    } catch (InvocationTargetException e) {
      throw new Unresolved(
          "convertToDatabaseColumn(" + what + ") threw " + e.getCause() + consequence);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new Unresolved("convertToDatabaseColumn(" + what + ") cannot be called: " + e);
    }
  }

  private static Object[] enumConstants(Snapshot.ConverterCheck check, ClassLoader loader)
      throws Unresolved {
    Class<?> type = load(check.domain(), loader, "enum");
    Object[] constants = type.getEnumConstants();
    if (constants == null) {
      throw new Unresolved(check.domain() + " is not an enum");
    }
    List<String> names = new ArrayList<>();
    for (Object c : constants) {
      names.add(((Enum<?>) c).name());
    }
    if (!check.constants().isEmpty() && !names.equals(check.constants())) {
      throw new Unresolved(
          "the enum "
              + check.domain()
              + " has constants "
              + names
              + " on the class path but "
              + check.constants()
              + " in the snapshot (recompile with `mvn clean compile`)");
    }
    return constants;
  }

  private static Class<?> load(String name, ClassLoader loader, String what) throws Unresolved {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new Unresolved("the " + what + " " + name + " is not on the class path");
    } catch (LinkageError | RuntimeException e) {
      throw new Unresolved("the " + what + " " + name + " cannot be loaded: " + e);
    }
  }

  private static String warning(Snapshot.ConverterCheck check, String reason) {
    return "Converter check left out: "
        + (check.member() == null ? "" : check.member() + " (")
        + "table "
        + check.qualifiedTable()
        + ", column "
        + check.column()
        + (check.member() == null ? "" : ")")
        + " is converted by "
        + check.converter()
        + ", but "
        + reason
        + ". Hibernate's ddl-auto=create would add check ("
        + check.columnSql()
        + " in (<the converter's value of "
        + (check.domain().equals(Snapshot.ConverterCheck.BOOLEAN)
            ? "false and true"
            : check.constants().isEmpty()
                ? "each constant"
                : check.constants().stream().collect(Collectors.joining(", ")))
        + ">)); Migrate leaves it out of the model (a missing check loses no data).";
  }

  /** Why a converter check cannot be resolved. */
  static final class Unresolved extends Exception {
    private static final long serialVersionUID = 1L;

    Unresolved(String message) {
      super(message, null, false, false);
    }
  }
}
