package dev.migrate.processor;

import dev.migrate.model.EnumType;
import dev.migrate.model.Sequence;
import dev.migrate.processor.Members.Attribute;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * What the mapping steps build together while {@link ModelBuilder} runs: the table drafts by schema
 * and name, the sequences and PostgreSQL enum types declared so far, the collection mappings left
 * for after every entity's own columns, and how Hibernate spells each stored name. One per build;
 * not thread-safe.
 */
final class ModelDrafts {

  /** A sequence and the attribute that declared it first (for conflicts and name clashes). */
  record DeclaredSequence(Sequence sequence, Attribute attribute) {}

  private final Naming naming;

  /** The Hibernate line whose naming rules apply ({@link ModelBuilder#forHibernate}). */
  HibernateVersion hibernate = HibernateVersion.V6_6;

  private final Map<String, TableDraft> tables = new LinkedHashMap<>();
  private final Map<String, DeclaredSequence> sequences = new LinkedHashMap<>();
  private final Map<String, EnumType> enumTypes = new LinkedHashMap<>();
  private final List<Runnable> collections = new ArrayList<>();
  private final List<Runnable> inverseCollections = new ArrayList<>();

  /** The most recent Hibernate spelling of each stored name ({@link #physical}). */
  private final Map<String, String> spellings = new HashMap<>();

  ModelDrafts(Naming naming) {
    this.naming = naming;
  }

  /**
   * The draft of table {@code schema.name}, created on first use with {@code element} as its owner.
   */
  TableDraft table(String schema, String name, Element element, AnnotationMirror mirror) {
    return tables.computeIfAbsent(
        schema + "\u0000" + name,
        k -> {
          TableDraft t = new TableDraft(schema, name, element, mirror);
          t.spellingSource = spellings;
          return t;
        });
  }

  boolean hasTable(String schema, String name) {
    return tables.containsKey(schema + "\u0000" + name);
  }

  /** The drafts in the order they were first used. */
  List<TableDraft> tables() {
    return new ArrayList<>(tables.values());
  }

  /**
   * {@link Naming#physical}, remembering how Hibernate spells the name before PostgreSQL folds it,
   * for the order of primary key columns ({@link PrimaryKeyOrder}).
   */
  String physical(String written) {
    String stored = naming.physical(written, hibernate);
    spellings.put(stored, naming.spelling(written, hibernate));
    return stored;
  }

  /** {@link #physical} of an optional name (a schema, a constraint): {@code null} when blank. */
  String physicalOrNull(String written) {
    return written.isBlank() ? null : physical(written);
  }

  /**
   * Declares {@code sequence} for {@code attribute}; the same sequence declared again is one
   * sequence.
   *
   * @throws Problem {@link Message#SEQUENCE_CONFLICT} if a sequence of that name was declared with
   *     another start or increment
   */
  void declareSequence(Sequence sequence, Attribute attribute, AnnotationMirror generated) {
    String key = sequence.schema() + "\u0000" + sequence.name();
    DeclaredSequence first = sequences.putIfAbsent(key, new DeclaredSequence(sequence, attribute));
    if (first != null && !first.sequence().equals(sequence)) {
      throw new Problem(
          Message.SEQUENCE_CONFLICT,
          attribute.element(),
          generated,
          null,
          sequence.qualifiedName(),
          attribute.describe(),
          sequence.start(),
          sequence.increment(),
          first.attribute().describe(),
          first.sequence().start(),
          first.sequence().increment());
    }
  }

  /** The sequences in the order they were first declared. */
  List<DeclaredSequence> sequences() {
    return List.copyOf(sequences.values());
  }

  /** Declares the PostgreSQL enum type {@code type}, unless one of its name was declared before. */
  void declareEnumType(EnumType type) {
    enumTypes.putIfAbsent(type.name(), type);
  }

  List<EnumType> enumTypes() {
    return List.copyOf(enumTypes.values());
  }

  /**
   * Leaves {@code mapping} (a collection attribute's) for after every entity's own columns are
   * mapped. {@code inverse}: the collection is the inverse side of an association ({@code
   * mappedBy}), which Hibernate binds in a later turn ({@link #mapCollections}).
   */
  void deferCollection(Runnable mapping, boolean inverse) {
    if (inverse) {
      inverseCollections.add(mapping);
    } else {
      collections.add(mapping);
    }
  }

  /**
   * Runs the deferred collection mappings in the order Hibernate runs their second passes, which is
   * the order the columns they add to an existing table (a {@code @OneToMany @JoinColumn}'s join,
   * order and map key columns on the child's table) take there: Hibernate's {@code
   * CollectionBinder.scheduleSecondPass} puts the second pass of an owning collection (element
   * collections included) on top of the queue and appends that of an inverse one ({@code
   * InFlightMetadataCollector.addSecondPass(secondPass, !isMappedBy)}), so the owning collections
   * run in the reverse of their binding order (entities in {@link ModelBuilder#bindingOrder},
   * attributes in name order), then the inverse ones in binding order. The same in Hibernate
   * 6.6.33, 7.2.19 and 7.4.13 ({@code OracleRegressionTest}).
   */
  void mapCollections() {
    for (int i = collections.size() - 1; i >= 0; i--) {
      collections.get(i).run();
    }
    inverseCollections.forEach(Runnable::run);
  }
}
