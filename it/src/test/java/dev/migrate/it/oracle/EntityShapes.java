package dev.migrate.it.oracle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Entity shapes for the differential oracle, as Java source: a root entity (field or property
 * access, optionally a hierarchy of one subclass with each inheritance strategy), basic attributes
 * of every mapped Java type, primitive and boxed, with and without {@code @Column} and its
 * attributes, Bean Validation ({@code @NotNull}, {@code @Size}), an embeddable, associations
 * ({@code @ManyToOne}, {@code @OneToOne}, {@code @ManyToMany} join tables), element collections,
 * attributes with {@code @JdbcType} or {@code @JdbcTypeCode}, abstract {@code TABLE_PER_CLASS}
 * roots and associations from another entity to a {@code TABLE_PER_CLASS} root ({@link Extras}),
 * and attributes mapped through converters ({@link #withConverted}); separately, {@code @OneToMany}
 * collections that add columns to their child's table ({@link #oneToManyJoinColumns}). Each shape's
 * classes carry its number, so that several shapes compile together.
 *
 * <p>Known differences are left out of the generator, each with its counterexample: see {@link
 * #KNOWN_DIFFERENCES}.
 */
final class EntityShapes {

  /**
   * What the generator does not make, because Migrate does not mirror it (yet), with the smallest
   * counterexample. Empty: the last two (the column order of a {@code TABLE_PER_CLASS} subclass's
   * table, a {@code TABLE_PER_CLASS} root's element collection) are mirrored now and are tests in
   * {@code OracleRegressionTest}.
   */
  static final List<String> KNOWN_DIFFERENCES = List.of();

  private EntityShapes() {}

  /** A basic attribute: its Java type and the annotations that shape its column. */
  record Basic(String name, String type, String annotations) {}

  /** One shape: the sources of its classes by qualified name. */
  record Shape(int number, Map<String, String> sources, String summary) {}

  private static final List<String> TYPES =
      List.of(
          "String",
          "Integer",
          "int",
          "Long",
          "long",
          "Short",
          "short",
          "Boolean",
          "boolean",
          "Double",
          "double",
          "Float",
          "float",
          "Character",
          "java.math.BigDecimal",
          "java.math.BigInteger",
          "java.time.LocalDate",
          "java.time.LocalTime",
          "java.time.LocalDateTime",
          "java.time.OffsetDateTime",
          "java.time.Instant",
          "java.util.UUID",
          "byte[]",
          "ENUM");

  private static final List<String> NAMES =
      List.of(
          "amount", "firstName", "sha256Hash", "code", "createdAt", "x2", "oauth2Token", "level");

  static Arbitrary<Basic> basic(int index) {
    Arbitrary<String> type = Arbitraries.of(TYPES);
    Arbitrary<String> name = Arbitraries.of(NAMES).map(n -> n + index);
    Arbitrary<Integer> column = Arbitraries.integers().between(0, 6);
    Arbitrary<Boolean> notNull = Arbitraries.of(false, false, true);
    return Combinators.combine(type, name, column, notNull)
        .as((t, n, c, nn) -> new Basic(n, t, annotations(t, n, c, nn)));
  }

  private static String annotations(String type, String name, int column, boolean notNull) {
    StringBuilder a = new StringBuilder();
    boolean string = type.equals("String");
    boolean decimal = type.equals("java.math.BigDecimal") || type.equals("java.math.BigInteger");
    switch (column) {
      case 1 -> a.append("@Column(nullable = false) ");
      case 2 -> a.append("@Column(unique = true) ");
      case 3 ->
          a.append(string ? "@Column(length = 40) " : "@Column(name = \"renamed_" + name + "\") ");
      case 4 ->
          a.append(decimal ? "@Column(precision = 10, scale = 3) " : "@Basic(optional = false) ");
      case 5 -> a.append(string ? "@jakarta.validation.constraints.Size(max = 20) " : "");
      default -> {}
    }
    if (notNull) {
      a.append("@jakarta.validation.constraints.NotNull ");
    }
    if (type.equals("ENUM")) {
      a.append(column % 2 == 0 ? "@Enumerated(EnumType.STRING) " : "");
    }
    return a.toString();
  }

  static Arbitrary<Shape> shapes(int number) {
    Arbitrary<List<Basic>> basics =
        Combinators.combine(
                basic(0).list().ofMinSize(1).ofMaxSize(3),
                basic(3).list().ofMinSize(0).ofMaxSize(3))
            .as(
                (a, b) -> {
                  List<Basic> all = new ArrayList<>(a);
                  all.addAll(b);
                  return distinctNames(all);
                });
    Arbitrary<String> inheritance =
        Arbitraries.of("NONE", "SINGLE_TABLE", "JOINED", "TABLE_PER_CLASS");
    Arbitrary<Boolean> property = Arbitraries.of(false, true);
    Arbitrary<Integer> association = Arbitraries.integers().between(0, 5);
    Arbitrary<Integer> collection = Arbitraries.integers().between(0, 3);
    Arbitrary<Boolean> embedded = Arbitraries.of(false, true);
    Arbitrary<List<Basic>> subBasics = basic(6).list().ofMinSize(1).ofMaxSize(2);
    return Combinators.combine(
            basics,
            inheritance,
            property,
            association,
            collection,
            embedded,
            subBasics,
            typeExtras())
        .as(
            (b, i, p, a, c, e, s, x) -> {
              List<Basic> all = new ArrayList<>(b);
              all.addAll(x.typed());
              return source(number, distinctNames(all), i, p, a, c, e, distinctNames(s), x);
            })
        .flatMap(shape -> converted().map(c -> withConverted(shape, c)));
  }

  // --- @OneToMany collections whose columns go on the child's table ---

  private static final List<String> OWNER_NAMES = List.of("Zoo", "Aviary", "Kennel", "Barn");

  private static final List<String> COLLECTION_NAMES =
      List.of("zeta", "alpha", "middle", "beta", "omega", "kappa");

  /**
   * One child entity and one or two owner entities (class names in random order, so their binding
   * order varies) with up to three collections each of the child, declared in random name order,
   * each one of: 0 a set with {@code @JoinColumn}, 1 a list with {@code @JoinColumn} and
   * {@code @OrderColumn}, 2 a map with {@code @JoinColumn} and a key column, 3 the inverse side of
   * the child's {@code @ManyToOne} as a list with {@code @OrderColumn}, 4 none: all add columns to
   * the child's table, in the order Hibernate runs the collections' second passes.
   */
  static Arbitrary<Shape> oneToManyJoinColumns(int number) {
    return Combinators.combine(
            Arbitraries.shuffle(OWNER_NAMES),
            Arbitraries.integers().between(1, 2),
            Arbitraries.shuffle(COLLECTION_NAMES),
            Arbitraries.integers().between(0, 4).list().ofSize(6))
        .as(
            (owners, count, names, kinds) ->
                oneToManyJoinColumns(number, owners.subList(0, count), names, kinds));
  }

  private static Shape oneToManyJoinColumns(
      int n, List<String> owners, List<String> names, List<Integer> kinds) {
    String pkg = "com.acme.j" + n;
    String header = "package " + pkg + ";\nimport jakarta.persistence.*;\n";
    String child = "Child" + n;
    Map<String, String> sources = new LinkedHashMap<>();
    StringBuilder childBody = new StringBuilder("  @Id Long id; String label;\n");
    StringBuilder summary = new StringBuilder("one-to-many join columns " + n + ":");
    for (int o = 0; o < owners.size(); o++) {
      String owner = owners.get(o) + n;
      StringBuilder body = new StringBuilder("  @Id Long id; String title;\n");
      for (int j = 0; j < 3; j++) {
        String name = names.get(o * 3 + j);
        int kind = kinds.get(o * 3 + j);
        summary.append(' ').append(owner).append('.').append(name).append('=').append(kind);
        switch (kind) {
          case 0 ->
              body.append("  @OneToMany @JoinColumn java.util.Set<")
                  .append(child)
                  .append("> ")
                  .append(name)
                  .append(";\n");
          case 1 ->
              body.append("  @OneToMany @JoinColumn @OrderColumn java.util.List<")
                  .append(child)
                  .append("> ")
                  .append(name)
                  .append(";\n");
          case 2 ->
              body.append("  @OneToMany @JoinColumn @MapKeyColumn java.util.Map<String, ")
                  .append(child)
                  .append("> ")
                  .append(name)
                  .append(";\n");
          case 3 -> {
            body.append("  @OneToMany(mappedBy = \"")
                .append(name)
                .append("Owner\") @OrderColumn java.util.List<")
                .append(child)
                .append("> ")
                .append(name)
                .append(";\n");
            childBody
                .append("  @ManyToOne ")
                .append(owner)
                .append(' ')
                .append(name)
                .append("Owner;\n");
          }
          default -> {}
        }
      }
      sources.put(
          pkg + "." + owner, header + "@Entity public class " + owner + " {\n" + body + "}\n");
    }
    sources.put(
        pkg + "." + child, header + "@Entity public class " + child + " {\n" + childBody + "}\n");
    return new Shape(n, sources, summary.toString());
  }

  // --- JDBC types, abstract TABLE_PER_CLASS roots, associations to a TABLE_PER_CLASS root ---

  /**
   * What the generator adds to a shape beyond its basic attributes and hierarchy.
   *
   * @param typed attributes with {@code @JdbcType} or {@code @JdbcTypeCode} ({@link #typed})
   * @param abstractRoot whether a {@code TABLE_PER_CLASS} root is abstract (so it has no table)
   * @param rootReference how a holder entity refers to a {@code TABLE_PER_CLASS} root: 0 not at
   *     all, 1 {@code @ManyToOne}, 2 {@code @OneToOne}, 3 {@code @ManyToMany}, 4 the root's own
   *     {@code @ManyToMany} to the holder
   */
  record Extras(List<Basic> typed, boolean abstractRoot, int rootReference) {}

  static Arbitrary<Extras> typeExtras() {
    return Combinators.combine(
            typed(9).list().ofMinSize(0).ofMaxSize(3),
            Arbitraries.of(false, true),
            Arbitraries.integers().between(0, 4))
        .as(Extras::new);
  }

  private static final String JDBC_TYPE = "@org.hibernate.annotations.JdbcType(";
  private static final String JDBC = "org.hibernate.type.descriptor.jdbc.";
  private static final String CODE = "@org.hibernate.annotations.JdbcTypeCode(";
  private static final String SQL_TYPES = "org.hibernate.type.SqlTypes.";

  /**
   * A JDBC type and a Java type it is used with: each pair is one {@code OracleRegressionTest}
   * checks on 6.6 and 7.2 ({@code jdbcTypeClassesOfHibernate}, {@code jdbcTypeCodes}).
   */
  private static final List<String[]> TYPED =
      List.of(
          new String[] {JDBC_TYPE + JDBC + "VarcharJdbcType.class) ", "Integer"},
          new String[] {JDBC_TYPE + JDBC + "VarcharJdbcType.class) ", "java.util.UUID"},
          new String[] {JDBC_TYPE + JDBC + "VarcharJdbcType.class) ", "String"},
          new String[] {JDBC_TYPE + JDBC + "CharJdbcType.class) ", "String"},
          new String[] {JDBC_TYPE + JDBC + "NumericJdbcType.class) ", "Long"},
          new String[] {JDBC_TYPE + JDBC + "NumericJdbcType.class) ", "Double"},
          new String[] {JDBC_TYPE + JDBC + "BigIntJdbcType.class) ", "Integer"},
          new String[] {JDBC_TYPE + JDBC + "SmallIntJdbcType.class) ", "Integer"},
          new String[] {JDBC_TYPE + JDBC + "LongVarcharJdbcType.class) ", "String"},
          new String[] {
            JDBC_TYPE + JDBC + "TimestampWithTimeZoneJdbcType.class) ", "java.time.LocalDateTime"
          },
          new String[] {
            JDBC_TYPE + JDBC + "TimeWithTimeZoneJdbcType.class) ", "java.time.OffsetTime"
          },
          new String[] {JDBC_TYPE + JDBC + "InstantJdbcType.class) ", "java.time.Instant"},
          new String[] {JDBC_TYPE + JDBC + "UUIDJdbcType.class) ", "String"},
          new String[] {JDBC_TYPE + JDBC + "RealJdbcType.class) ", "Double"},
          new String[] {CODE + SQL_TYPES + "VARCHAR) ", "Long"},
          new String[] {CODE + SQL_TYPES + "CHAR) ", "java.util.UUID"},
          new String[] {CODE + SQL_TYPES + "NUMERIC) ", "Integer"},
          new String[] {CODE + SQL_TYPES + "LONG32VARCHAR) ", "String"},
          new String[] {CODE + SQL_TYPES + "JSON) ", "String"},
          new String[] {CODE + SQL_TYPES + "SQLXML) ", "String"},
          new String[] {CODE + SQL_TYPES + "INET) ", "String"},
          new String[] {CODE + SQL_TYPES + "TIMESTAMP_UTC) ", "java.time.Instant"},
          new String[] {CODE + SQL_TYPES + "CLOB) ", "String"});

  /**
   * A basic attribute with {@code @JdbcType} or {@code @JdbcTypeCode}, and the {@code @Column}
   * variants of {@link #basic}.
   */
  static Arbitrary<Basic> typed(int index) {
    Arbitrary<String[]> pair = Arbitraries.of(TYPED);
    Arbitrary<String> name = Arbitraries.of(NAMES).map(n -> n + index);
    Arbitrary<Integer> column = Arbitraries.integers().between(0, 6);
    Arbitrary<Boolean> notNull = Arbitraries.of(false, false, true);
    return Combinators.combine(pair, name, column, notNull)
        .as((p, n, c, nn) -> new Basic(n, p[1], p[0] + annotations(p[1], n, c, nn)));
  }

  /**
   * The holder entity that refers to a {@code TABLE_PER_CLASS} root as {@code
   * extras.rootReference()} says, or {@code null}.
   */
  private static String rootHolder(String pkg, int n, String root, Extras extras) {
    String member =
        switch (extras.rootReference()) {
          case 1 -> "@ManyToOne " + root + " root;";
          case 2 -> "@OneToOne " + root + " root;";
          case 3 -> "@ManyToMany java.util.Set<" + root + "> roots;";
          default -> null;
        };
    if (extras.rootReference() == 0 || extras.rootReference() == 4) {
      return extras.rootReference() == 4
          ? "package "
              + pkg
              + ";\nimport jakarta.persistence.*;\n"
              + "@Entity public class Holder"
              + n
              + " { @Id Long id; }\n"
          : null;
    }
    return "package "
        + pkg
        + ";\nimport jakarta.persistence.*;\n"
        + "@Entity public class Holder"
        + n
        + " { @Id Long id; "
        + member
        + " }\n";
  }

  // --- attributes mapped through converters (kept apart from the rest of the generator) ---

  /**
   * The converted attributes of a shape's root.
   *
   * @param bool 0: none; a {@code Boolean} through Hibernate's 1: {@code YesNoConverter}, 2: {@code
   *     TrueFalseConverter}, 3: {@code NumericBooleanConverter}; through a generated converter to
   *     4: {@code Character}, 5: {@code String} (with a value for {@code null}), 6: {@code Integer}
   * @param primitive whether that attribute is a {@code boolean}
   * @param enumKind 0: none; the shape's {@code Kind} enum through a generated converter to 1:
   *     {@code String}, 2: {@code Integer}
   * @param autoApply whether an auto-applied converter (an enum {@code Mood} to {@code String})
   *     converts an attribute and an element collection
   */
  record Converted(int bool, boolean primitive, int enumKind, boolean autoApply) {}

  static Arbitrary<Converted> converted() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 6),
            Arbitraries.of(false, true),
            Arbitraries.integers().between(0, 2),
            Arbitraries.of(false, true))
        .as(Converted::new);
  }

  /**
   * {@code shape} with the attributes of {@code c} added to its root (fields; with property access,
   * annotated getters and setters), and the converter classes they use.
   */
  static Shape withConverted(Shape shape, Converted c) {
    int n = shape.number();
    String pkg = "com.acme.s" + n;
    String header = "package " + pkg + ";\nimport jakarta.persistence.*;\n";
    List<String[]> members = new ArrayList<>(); // annotation, type, name
    Map<String, String> sources = new LinkedHashMap<>(shape.sources());
    String bool = c.primitive() ? "boolean" : "Boolean";
    switch (c.bool()) {
      case 1, 2, 3 -> {
        String converter =
            List.of("YesNoConverter", "TrueFalseConverter", "NumericBooleanConverter")
                .get(c.bool() - 1);
        members.add(
            new String[] {
              "@Convert(converter = org.hibernate.type." + converter + ".class)", bool, "flag"
            });
      }
      case 4, 5, 6 -> {
        String[] forms =
            switch (c.bool()) {
              case 4 -> new String[] {"Character", "'1'", "'0'", "null"};
              case 5 -> new String[] {"String", "\"on\"", "\"off\"", "\"unknown\""};
              default -> new String[] {"Integer", "7", "3", "null"};
            };
        sources.put(
            pkg + ".Flag" + n,
            header
                + "public class Flag"
                + n
                + " implements AttributeConverter<Boolean, "
                + forms[0]
                + "> {\n  public "
                + forms[0]
                + " convertToDatabaseColumn(Boolean b) { return b == null ? "
                + forms[3]
                + " : b ? "
                + forms[1]
                + " : "
                + forms[2]
                + "; }\n  public Boolean convertToEntityAttribute("
                + forms[0]
                + " v) { return v == null ? null : v.equals("
                + forms[1]
                + "); }\n}\n");
        members.add(new String[] {"@Convert(converter = Flag" + n + ".class)", bool, "flag"});
      }
      default -> {}
    }
    if (c.enumKind() > 0) {
      boolean text = c.enumKind() == 1;
      String database = text ? "String" : "Integer";
      sources.put(
          pkg + ".KindCode" + n,
          header
              + "public class KindCode"
              + n
              + " implements AttributeConverter<Kind"
              + n
              + ", "
              + database
              + "> {\n  public "
              + database
              + " convertToDatabaseColumn(Kind"
              + n
              + " k) { return k == null ? null : "
              + (text ? "k.name().toLowerCase() + \"'s\"" : "k.ordinal() * 10 + 1")
              + "; }\n  public Kind"
              + n
              + " convertToEntityAttribute("
              + database
              + " v) { return null; }\n}\n");
      members.add(
          new String[] {"@Convert(converter = KindCode" + n + ".class)", "Kind" + n, "kind"});
    }
    if (c.autoApply()) {
      sources.put(
          pkg + ".Mood" + n, "package " + pkg + ";\npublic enum Mood" + n + " { HAPPY, SAD }\n");
      sources.put(
          pkg + ".MoodCode" + n,
          header
              + "@Converter(autoApply = true) public class MoodCode"
              + n
              + " implements AttributeConverter<Mood"
              + n
              + ", String> {\n  public String convertToDatabaseColumn(Mood"
              + n
              + " m) { return m == null ? null : m.name().substring(0, 1); }\n  public Mood"
              + n
              + " convertToEntityAttribute(String v) { return null; }\n}\n");
      members.add(new String[] {"", "Mood" + n, "mood"});
      members.add(new String[] {"@ElementCollection", "java.util.Set<Mood" + n + ">", "moods"});
    }
    if (members.isEmpty()) {
      return shape;
    }
    String rootName = pkg + ".Root" + n;
    String root = sources.get(rootName);
    // "public class Root<n> {" or, for an abstract TABLE_PER_CLASS root, "public abstract class"
    String opening = "class Root" + n + " {\n";
    int at = root.indexOf(opening);
    if (at < 0) {
      throw new IllegalStateException("no declaration of Root" + n + " in:\n" + root);
    }
    at += opening.length();
    StringBuilder added = new StringBuilder();
    appendMembers(added, members, shape.summary().contains("property access"));
    sources.put(rootName, root.substring(0, at) + added + root.substring(at));
    return new Shape(n, sources, shape.summary() + ", converted " + c);
  }

  private static List<Basic> distinctNames(List<Basic> basics) {
    Map<String, Basic> byName = new LinkedHashMap<>();
    basics.forEach(b -> byName.putIfAbsent(b.name(), b));
    return List.copyOf(byName.values());
  }

  private static Shape source(
      int n,
      List<Basic> basics,
      String inheritance,
      boolean property,
      int association,
      int collection,
      boolean embedded,
      List<Basic> subBasics,
      Extras extras) {
    String pkg = "com.acme.s" + n;
    String root = "Root" + n;
    String target = "Target" + n;
    Map<String, String> sources = new LinkedHashMap<>();
    String header = "package " + pkg + ";\nimport jakarta.persistence.*;\n";
    sources.put(pkg + ".Kind" + n, "package " + pkg + ";\npublic enum Kind" + n + " { A, B, C }\n");
    sources.put(
        pkg + "." + target,
        header + "@Entity public class " + target + " { @Id Long id; String label; }\n");
    StringBuilder body = new StringBuilder();
    List<String[]> members = new ArrayList<>(); // annotations, type, name
    members.add(new String[] {"@Id @GeneratedValue", "Long", "id"});
    for (Basic b : basics) {
      String type = b.type().equals("ENUM") ? "Kind" + n : b.type();
      members.add(new String[] {b.annotations(), type, b.name()});
    }
    switch (association) {
      case 1 -> members.add(new String[] {"@ManyToOne", target, "target"});
      case 2 -> members.add(new String[] {"@ManyToOne(optional = false)", target, "owner"});
      case 3 -> members.add(new String[] {"@OneToOne", target, "partner"});
      case 4 ->
          members.add(new String[] {"@ManyToMany", "java.util.Set<" + target + ">", "targets"});
      default -> {}
    }
    switch (collection) {
      case 1 -> members.add(new String[] {"@ElementCollection", "java.util.Set<String>", "tags"});
      case 2 ->
          members.add(
              new String[] {
                "@ElementCollection @OrderColumn", "java.util.List<Integer>", "scores"
              });
      default -> {}
    }
    if (embedded) {
      sources.put(
          pkg + ".Address" + n,
          header
              + "@Embeddable public class Address"
              + n
              + " { String street; int houseNumber; @Column(length = 10) String zipCode; }\n");
      members.add(new String[] {"@Embedded", "Address" + n, "address"});
    }
    boolean tablePerClass = inheritance.equals("TABLE_PER_CLASS");
    if (tablePerClass && extras.rootReference() > 0) {
      sources.put(pkg + ".Holder" + n, rootHolder(pkg, n, root, extras));
      if (extras.rootReference() == 4) {
        members.add(new String[] {"@ManyToMany", "java.util.Set<Holder" + n + ">", "holders"});
      }
    }
    boolean abstractRoot = tablePerClass && extras.abstractRoot();
    String strategy =
        inheritance.equals("NONE")
            ? ""
            : "@Inheritance(strategy = InheritanceType." + inheritance + ") ";
    body.append("@Entity ")
        .append(strategy)
        .append(abstractRoot ? "public abstract class " : "public class ")
        .append(root)
        .append(" {\n");
    appendMembers(body, members, property);
    body.append("}\n");
    sources.put(pkg + "." + root, header + body);
    if (!inheritance.equals("NONE")) {
      List<String[]> sub = new ArrayList<>();
      for (Basic b : subBasics) {
        String type = b.type().equals("ENUM") ? "Kind" + n : b.type();
        sub.add(new String[] {b.annotations(), type, b.name()});
      }
      StringBuilder s = new StringBuilder("@Entity public class Sub" + n + " extends " + root);
      s.append(" {\n");
      appendMembers(s, sub, property);
      s.append("}\n");
      sources.put(pkg + ".Sub" + n, header + s);
    }
    String summary =
        "shape "
            + n
            + ": "
            + (property ? "property" : "field")
            + " access, inheritance "
            + inheritance
            + (abstractRoot ? " (abstract root)" : "")
            + (tablePerClass && extras.rootReference() > 0
                ? ", root referenced (" + extras.rootReference() + ")"
                : "");
    return new Shape(n, sources, summary);
  }

  private static void appendMembers(StringBuilder b, List<String[]> members, boolean property) {
    for (String[] m : members) {
      b.append("  ").append(property ? "" : m[0] + " ").append(m[1]).append(' ').append(m[2]);
      b.append(";\n");
    }
    if (property) {
      for (String[] m : members) {
        String name = m[2];
        String capital = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        String getter = (m[1].equals("boolean") ? "is" : "get") + capital;
        b.append("  ")
            .append(m[0])
            .append(" public ")
            .append(m[1])
            .append(' ')
            .append(getter)
            .append("() { return ")
            .append(name)
            .append("; }\n");
        b.append("  public void set")
            .append(capital)
            .append('(')
            .append(m[1])
            .append(" v) { this.")
            .append(name)
            .append(" = v; }\n");
      }
    }
  }
}
