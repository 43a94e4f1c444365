package dev.migrate.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.EnumType;
import dev.migrate.model.ForeignKey;
import dev.migrate.model.Identity;
import dev.migrate.model.Index;
import dev.migrate.model.IndexKey;
import dev.migrate.model.PrimaryKey;
import dev.migrate.model.ReferentialAction;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.model.Table;
import dev.migrate.model.UniqueConstraint;
import dev.migrate.runner.Checksums;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the canonical text of format v2 ({@link CanonicalOps}) and the checksum over it ({@link
 * Checksums}): an op of every kind, with every field set somewhere, against the exact text and
 * hash. A change that alters either breaks every checksum recorded in databases; it needs a new
 * format, not a new expectation here.
 */
class CanonicalOpsTest {

  private static final Column PHONE =
      new Column(
          "phone", SqlType.varchar(32), true, null, null, "mobile \"or\" landline", List.of("tel"));
  private static final Column ID =
      new Column("id", SqlType.bigint(), false, null, Identity.BY_DEFAULT);
  private static final Column PRICE = new Column("price", SqlType.numeric(12, 2), false, "0", null);
  private static final ForeignKey FK =
      new ForeignKey(
          "fk_order_customer",
          List.of("customer_id"),
          "shop",
          "customer",
          List.of("id"),
          ReferentialAction.CASCADE,
          ReferentialAction.NO_ACTION,
          true,
          true);
  private static final Index INDEX =
      new Index(
          "ix_customer_name",
          List.of(new IndexKey("name", null, true), new IndexKey(null, "lower(email)", false)),
          true,
          "btree",
          List.of("phone"),
          "deleted_at IS NULL");
  private static final Table CUSTOMER =
      new Table(
          "shop",
          "customer",
          List.of(ID, PHONE),
          new PrimaryKey("customer_pkey", List.of("id")),
          List.of(new UniqueConstraint("uq_customer_phone", List.of("phone"))),
          List.of(new CheckConstraint("ck_phone", "phone <> ''")),
          List.of(INDEX),
          List.of(),
          "customers\nof the shop",
          List.of("client"));
  private static final Sequence SEQ =
      new Sequence("shop", "order_seq", 1, 50, 1L, 1000L, "order.id");
  private static final EnumType STATUS = new EnumType(null, "status", List.of("new", "paid"));

  /** One op of each kind, keyed by kind. */
  private static final Map<String, Op> OPS = new LinkedHashMap<>();

  static {
    OPS.put("createTable", new CreateTable(CUSTOMER));
    OPS.put(
        "dropTable",
        new DropTable(
            new Table(
                null,
                "note",
                List.of(Column.of("body", SqlType.text())),
                null,
                List.of(),
                List.of(),
                List.of(),
                List.of())));
    OPS.put("addColumn", new AddColumn(null, "customer", PHONE));
    OPS.put("dropColumn", new DropColumn("shop", "customer", PRICE));
    OPS.put("alterColumn", new AlterColumn(null, "customer", PHONE, PHONE.notNull()));
    OPS.put(
        "addPrimaryKey",
        new AddPrimaryKey(null, "customer", new PrimaryKey("customer_pkey", List.of("id"))));
    OPS.put(
        "dropPrimaryKey",
        new DropPrimaryKey(null, "customer", new PrimaryKey("pk2", List.of("id", "tenant"))));
    OPS.put(
        "addUniqueConstraint",
        new AddUniqueConstraint(null, "customer", new UniqueConstraint("uq_a", List.of("a", "b"))));
    OPS.put(
        "dropUniqueConstraint",
        new DropUniqueConstraint(null, "customer", new UniqueConstraint("uq_a", List.of("a"))));
    OPS.put(
        "addCheckConstraint",
        new AddCheckConstraint(null, "customer", new CheckConstraint("ck_a", "a > 0")));
    OPS.put(
        "dropCheckConstraint",
        new DropCheckConstraint(null, "customer", new CheckConstraint("ck_a", "a > 0")));
    OPS.put("createIndex", new CreateIndex(null, "customer", INDEX, true));
    OPS.put(
        "dropIndex", new DropIndex(null, "customer", Index.on("ix_a", List.of("a"), false), false));
    OPS.put("addForeignKey", new AddForeignKey(null, "order", FK));
    OPS.put("validateConstraint", new ValidateConstraint(null, "order", "order_customer_fk"));
    OPS.put("dropForeignKey", new DropForeignKey(null, "order", FK.withDeferrable(false, false)));
    OPS.put("createSequence", new CreateSequence(SEQ));
    OPS.put("dropSequence", new DropSequence(new Sequence(null, "s", 1, 1)));
    OPS.put(
        "alterSequence",
        new AlterSequence(new Sequence(null, "s", 1, 1), new Sequence(null, "s", 1, 10)));
    OPS.put(
        "executeSql", new ExecuteSql("UPDATE customer SET name = 'a\\b'\n\tWHERE id = 1", null));
    OPS.put("setTableComment", new SetTableComment(null, "customer", null, "people"));
    OPS.put("renameTable", new RenameTable("shop", "client", "customer"));
    OPS.put("renameColumn", new RenameColumn(null, "customer", "tel", "phone"));
    OPS.put("createSchema", new CreateSchema("shop"));
    OPS.put("dropSchema", new DropSchema("shop"));
    OPS.put("createEnumType", new CreateEnumType(STATUS));
    OPS.put("dropEnumType", new DropEnumType(new EnumType("shop", "status", List.of("x"))));
    OPS.put("addEnumValue", new AddEnumValue(null, "status", "shipped", null, "paid"));
    OPS.put("dropEnumValue", new DropEnumValue("shop", "status", "new", "paid", null));
  }

  @Test
  void everyKindOfOpIsPinned() {
    assertThat(OPS.keySet())
        .as("one op of every kind of OpVisitor")
        .hasSize(OpVisitor.class.getDeclaredMethods().length);
    OPS.forEach(
        (kind, op) -> assertThat(CanonicalOps.line(op)).startsWith("{\"op\":\"" + kind + "\""));
  }

  @Test
  void canonicalTextOfEveryKind() {
    assertThat(CanonicalOps.text(List.copyOf(OPS.values()))).isEqualTo(EXPECTED_TEXT);
  }

  @Test
  void checksumFormatV2() {
    String checksum = Checksums.of(List.copyOf(OPS.values()));
    assertThat(checksum).isEqualTo(EXPECTED_CHECKSUM).hasSize(46);
    assertThat(Checksums.formatOf(checksum)).isEqualTo(Checksums.Format.V2);
    assertThat(Checksums.matches(checksum, List.copyOf(OPS.values()))).isTrue();
    assertThat(Checksums.of(List.of())).isEqualTo("v2:47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU");
  }

  @Test
  void legacyFormatV1StillVerifies() {
    // the checksum Migrate 0.1 wrote for these ops: SHA-256 hex of each op's toString() and '\n'
    List<Op> ops =
        List.of(new AddColumn(null, "customer", Column.of("phone", SqlType.varchar(32))));
    // AddColumn[schema=null, table=customer, column=Column[name=phone, type=varchar(32),
    // nullable=true, defaultValue=null, identity=null, comment=null, renamedFrom=[]]]
    String v1 = "439e3bf8e723fe8a491e64ad5d3918644b2fd139c53abba97e690b253ca1c475";
    assertThat(Checksums.legacy(ops)).isEqualTo(v1);
    assertThat(Checksums.formatOf(v1)).isEqualTo(Checksums.Format.V1);
    assertThat(Checksums.matches(v1, ops)).isTrue();
    assertThat(Checksums.matches(v1, List.of())).isFalse();
    assertThat(Checksums.matches("v3:abc", ops)).isFalse();
    assertThat(Checksums.formatOf("v3:abc")).isEqualTo(Checksums.Format.UNKNOWN);
  }

  @Test
  void defaultsAreLeftOutSoThatANewFieldKeepsOldChecksums() {
    assertThat(
            CanonicalOps.line(
                new CreateIndex(null, "t", Index.on("ix", List.of("a"), false), false)))
        .isEqualTo(
            "{\"op\":\"createIndex\",\"table\":\"t\",\"index\":{\"name\":\"ix\",\"keys\":[{\"column\":\"a\"}],\"method\":\"btree\"}}");
  }

  /**
   * The record components each writer of {@link CanonicalOps} knows. A new component fails here:
   * write it in {@link CanonicalOps} (left out at its "as before" value, so that recorded checksums
   * stay valid) and add it to this list.
   */
  @Test
  void everyRecordComponentIsWrittenOrLeftOutOnPurpose() {
    Map<Class<?>, String> known = new LinkedHashMap<>();
    known.put(
        Table.class,
        "schema name columns primaryKey uniqueConstraints checkConstraints indexes foreignKeys comment renamedFrom");
    known.put(Column.class, "name type nullable defaultValue identity comment renamedFrom");
    known.put(SqlType.class, "name length precision scale");
    known.put(PrimaryKey.class, "name columns");
    known.put(UniqueConstraint.class, "name columns");
    known.put(CheckConstraint.class, "name expression");
    known.put(Index.class, "name keys unique method include where");
    known.put(IndexKey.class, "column expression descending");
    known.put(
        ForeignKey.class,
        "name columns referencedSchema referencedTable referencedColumns onDelete onUpdate deferrable initiallyDeferred");
    known.put(Sequence.class, "schema name start increment minValue maxValue ownedBy");
    known.put(EnumType.class, "schema name values");
    known.put(CreateTable.class, "table");
    known.put(DropTable.class, "table");
    known.put(AddColumn.class, "schema table column");
    known.put(DropColumn.class, "schema table column");
    known.put(AlterColumn.class, "schema table from to notNullThroughCheck");
    known.put(AddPrimaryKey.class, "schema table primaryKey");
    known.put(DropPrimaryKey.class, "schema table primaryKey");
    known.put(AddUniqueConstraint.class, "schema table constraint");
    known.put(DropUniqueConstraint.class, "schema table constraint");
    known.put(AddCheckConstraint.class, "schema table constraint notValid");
    known.put(DropCheckConstraint.class, "schema table constraint");
    known.put(CreateIndex.class, "schema table index concurrently");
    known.put(DropIndex.class, "schema table index concurrently");
    known.put(AddForeignKey.class, "schema table foreignKey notValid");
    known.put(ValidateConstraint.class, "schema table name");
    known.put(DropForeignKey.class, "schema table foreignKey");
    known.put(CreateSequence.class, "sequence");
    known.put(DropSequence.class, "sequence");
    known.put(AlterSequence.class, "from to");
    known.put(ExecuteSql.class, "sql reverseSql");
    known.put(SetTableComment.class, "schema table from to");
    known.put(RenameTable.class, "schema from to");
    known.put(RenameColumn.class, "schema table from to");
    known.put(CreateSchema.class, "name");
    known.put(DropSchema.class, "name");
    known.put(CreateEnumType.class, "type");
    known.put(DropEnumType.class, "type");
    known.put(AddEnumValue.class, "schema type value before after");
    known.put(DropEnumValue.class, "schema type value before after");
    assertThat(OPS.values()).allSatisfy(op -> assertThat(known).containsKey(op.getClass()));
    known.forEach(
        (type, names) -> assertThat(components(type)).as(type.getSimpleName()).isEqualTo(names));
  }

  private static String components(Class<?> record) {
    return String.join(
        " ", Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList());
  }

  private static final String EXPECTED_TEXT =
      """
      {"op":"createTable","table":{"schema":"shop","name":"customer","columns":[{"name":"id","type":{"name":"bigint"},"identity":"BY_DEFAULT"},{"name":"phone","type":{"name":"varchar","length":32},"nullable":true,"comment":"mobile \\"or\\" landline"}],"primaryKey":{"name":"customer_pkey","columns":["id"]},"uniqueConstraints":[{"name":"uq_customer_phone","columns":["phone"]}],"checkConstraints":[{"name":"ck_phone","expression":"phone <> ''"}],"indexes":[{"name":"ix_customer_name","keys":[{"column":"name","descending":true},{"expression":"lower(email)"}],"unique":true,"method":"btree","include":["phone"],"where":"deleted_at IS NULL"}],"comment":"customers\\nof the shop"}}
      {"op":"dropTable","table":{"name":"note","columns":[{"name":"body","type":{"name":"text"},"nullable":true}]}}
      {"op":"addColumn","table":"customer","column":{"name":"phone","type":{"name":"varchar","length":32},"nullable":true,"comment":"mobile \\"or\\" landline"}}
      {"op":"dropColumn","schema":"shop","table":"customer","column":{"name":"price","type":{"name":"numeric","precision":12,"scale":2},"default":"0"}}
      {"op":"alterColumn","table":"customer","from":{"name":"phone","type":{"name":"varchar","length":32},"nullable":true,"comment":"mobile \\"or\\" landline"},"to":{"name":"phone","type":{"name":"varchar","length":32},"comment":"mobile \\"or\\" landline"}}
      {"op":"addPrimaryKey","table":"customer","primaryKey":{"name":"customer_pkey","columns":["id"]}}
      {"op":"dropPrimaryKey","table":"customer","primaryKey":{"name":"pk2","columns":["id","tenant"]}}
      {"op":"addUniqueConstraint","table":"customer","constraint":{"name":"uq_a","columns":["a","b"]}}
      {"op":"dropUniqueConstraint","table":"customer","constraint":{"name":"uq_a","columns":["a"]}}
      {"op":"addCheckConstraint","table":"customer","constraint":{"name":"ck_a","expression":"a > 0"}}
      {"op":"dropCheckConstraint","table":"customer","constraint":{"name":"ck_a","expression":"a > 0"}}
      {"op":"createIndex","table":"customer","index":{"name":"ix_customer_name","keys":[{"column":"name","descending":true},{"expression":"lower(email)"}],"unique":true,"method":"btree","include":["phone"],"where":"deleted_at IS NULL"},"concurrently":true}
      {"op":"dropIndex","table":"customer","index":{"name":"ix_a","keys":[{"column":"a"}],"method":"btree"}}
      {"op":"addForeignKey","table":"order","foreignKey":{"name":"fk_order_customer","columns":["customer_id"],"referencedSchema":"shop","referencedTable":"customer","referencedColumns":["id"],"onDelete":"CASCADE","onUpdate":"NO_ACTION","deferrable":true,"initiallyDeferred":true}}
      {"op":"validateConstraint","table":"order","name":"order_customer_fk"}
      {"op":"dropForeignKey","table":"order","foreignKey":{"name":"fk_order_customer","columns":["customer_id"],"referencedSchema":"shop","referencedTable":"customer","referencedColumns":["id"],"onDelete":"CASCADE","onUpdate":"NO_ACTION"}}
      {"op":"createSequence","sequence":{"schema":"shop","name":"order_seq","start":1,"increment":50,"minValue":1,"maxValue":1000,"ownedBy":"order.id"}}
      {"op":"dropSequence","sequence":{"name":"s","start":1,"increment":1}}
      {"op":"alterSequence","from":{"name":"s","start":1,"increment":1},"to":{"name":"s","start":1,"increment":10}}
      {"op":"executeSql","sql":"UPDATE customer SET name = 'a\\\\b'\\n\\tWHERE id = 1"}
      {"op":"setTableComment","table":"customer","to":"people"}
      {"op":"renameTable","schema":"shop","from":"client","to":"customer"}
      {"op":"renameColumn","table":"customer","from":"tel","to":"phone"}
      {"op":"createSchema","name":"shop"}
      {"op":"dropSchema","name":"shop"}
      {"op":"createEnumType","type":{"name":"status","values":["new","paid"]}}
      {"op":"dropEnumType","type":{"schema":"shop","name":"status","values":["x"]}}
      {"op":"addEnumValue","type":"status","value":"shipped","after":"paid"}
      {"op":"dropEnumValue","schema":"shop","type":"status","value":"new","before":"paid"}
      """;

  private static final String EXPECTED_CHECKSUM = "v2:fe3h2E0nuD3OmEPZQ09iM2oPS3x1hhX7KA7fLaTnVQ0";
}
