package dev.migrate.snapshot;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.migrate.MigrateException;
import dev.migrate.model.CheckConstraint;
import dev.migrate.model.Column;
import dev.migrate.model.Database;
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
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

  private static Snapshot sample() {
    var customer =
        table(
            "customer",
            column("id", bigint()).asIdentity(),
            column("email", varchar(255)).notNull(),
            column("balance", numeric(38, 2)),
            column("created", timestamptz(6)).withDefault("now()"),
            primaryKey("customer_pkey", "id"),
            unique("customer_email_key", "email"),
            check("customer_balance_check", "balance >= 0"),
            index("idx_customer_created", "created"));
    var order =
        table(
            "orders",
            column("id", bigint()).notNull(),
            column("customer_id", bigint()),
            primaryKey("orders_pkey", "id"),
            foreignKey("orders_customer_id_fkey", "customer_id")
                .references("customer", "id")
                .withActions(ReferentialAction.CASCADE, null));
    return new Snapshot(
        1,
        new Database(List.of(order, customer), List.of(sequence("orders_seq", 1, 50))),
        List.of("com.acme.Order", "com.acme.Customer"),
        List.of(new Snapshot.RevisionEntry("com.acme.db.R1", "3f2a9c1d7b04", List.of(), "init")));
  }

  @Test
  void roundTripsEqualByValue() {
    Snapshot snapshot = sample();
    String json = SnapshotJson.write(snapshot);
    assertThat(SnapshotJson.read(json, "test")).isEqualTo(snapshot);
    assertThat(SnapshotJson.write(SnapshotJson.read(json, "test"))).isEqualTo(json);
  }

  @Test
  void writesCanonicalSortedJsonWithoutNulls() {
    String json = SnapshotJson.write(sample());
    assertThat(json).doesNotContain(": null");
    assertThat(json.indexOf("\"customer\"")).isLessThan(json.indexOf("\"orders\""));
    assertThat(json.indexOf("com.acme.Customer")).isLessThan(json.indexOf("com.acme.Order"));
    assertThat(json).contains("\"identity\" : \"BY_DEFAULT\"").endsWith("}\n");
  }

  /**
   * How snapshots were written before {@link SnapshotJson} used the streaming generator: Jackson's
   * {@code ObjectMapper} on the record fields. The streaming writer must give the same bytes.
   */
  private static final ObjectMapper DATA_BINDING =
      JsonMapper.builder()
          .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
          .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .addMixIn(Column.class, RenamedFromLeftOutWhenEmpty.class)
          .addMixIn(Table.class, RenamedFromLeftOutWhenEmpty.class)
          .addMixIn(Index.class, IncludeLeftOutWhenEmpty.class)
          .addMixIn(Database.class, EnumTypesLeftOutWhenEmpty.class)
          .addMixIn(Snapshot.Capture.class, ProblemsLeftOutWhenEmpty.class)
          .addMixIn(Snapshot.ConverterCheck.class, ConstantsLeftOutWhenEmpty.class)
          .build();

  private abstract static class ProblemsLeftOutWhenEmpty {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<Snapshot.ModelProblem> problems;

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<Snapshot.Member> members;

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<Snapshot.ConverterCheck> converterChecks;
  }

  private abstract static class ConstantsLeftOutWhenEmpty {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> constants;
  }

  private abstract static class RenamedFromLeftOutWhenEmpty {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> renamedFrom;
  }

  private abstract static class IncludeLeftOutWhenEmpty {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> include;
  }

  private abstract static class EnumTypesLeftOutWhenEmpty {
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<EnumType> enumTypes;
  }

  /**
   * Every record of the model with every component set, and again with every optional one absent or
   * empty.
   */
  private static Snapshot everything() {
    Column full =
        new Column(
            "t\u00e9xt \"quoted\"",
            SqlType.varchar(40),
            false,
            "'a\\b'::text",
            Identity.ALWAYS,
            "line one\nline two \u2713",
            List.of("old_name", "older_name"));
    Column bare =
        new Column("plain", new SqlType("numeric", null, 10, 0), true, null, null, null, List.of());
    Index index =
        new Index(
            "ix_full",
            List.of(new IndexKey("plain", null, true), new IndexKey(null, "lower(x)", false)),
            true,
            "btree",
            List.of("plain"),
            "plain > 0");
    Index bareIndex =
        new Index(
            "ix_bare", List.of(new IndexKey("plain", null, false)), false, null, List.of(), null);
    ForeignKey fk =
        new ForeignKey(
            "fk_full",
            List.of("plain"),
            "other",
            "target",
            List.of("id"),
            ReferentialAction.SET_NULL,
            ReferentialAction.CASCADE,
            true,
            true);
    Table table =
        new Table(
            "app",
            "everything",
            List.of(full, bare),
            new PrimaryKey("everything_pkey", List.of("plain")),
            List.of(new UniqueConstraint("uk", List.of("plain"))),
            List.of(new CheckConstraint("ck", "plain <> 0")),
            List.of(index, bareIndex),
            List.of(fk),
            "a table",
            List.of("old_table"));
    Table bareTable =
        new Table(
            null,
            "bare",
            List.of(bare),
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            null,
            List.of());
    Sequence sequence =
        new Sequence("app", "seq_full", 1, 50, 1L, 9_223_372_036_854_775_807L, "everything.plain");
    Sequence bareSequence = new Sequence(null, "seq_bare", -5, -1, null, null, null);
    Database database =
        new Database(
            List.of(table, bareTable),
            List.of(sequence, bareSequence),
            List.of(
                new EnumType("app", "mood", List.of("sad", "happy")),
                new EnumType(null, "empty", List.of())));
    return new Snapshot(
        1,
        database,
        List.of("com.acme.B", "com.acme.A"),
        List.of(
            new Snapshot.RevisionEntry("com.acme.db.R2", "bbb", List.of("aaa", "ccc"), ""),
            new Snapshot.RevisionEntry("com.acme.db.R1", "aaa", List.of(), "first \"one\"")));
  }

  @Test
  void recordsTheHibernateLineAsAnOptionalField() {
    Snapshot with =
        new Snapshot(1, new Database(List.of(), List.of(), List.of()), List.of(), List.of(), "7.2");
    String json = SnapshotJson.write(with);
    assertThat(json).endsWith("  \"revisions\" : [ ],\n  \"hibernate\" : \"7.2\"\n}\n");
    assertThat(SnapshotJson.read(json, "test")).isEqualTo(with);
    Snapshot without = SnapshotJson.read(json.replace(",\n  \"hibernate\" : \"7.2\"", ""), "test");
    assertThat(without.hibernate()).isNull();
    assertThat(SnapshotJson.write(without)).doesNotContain("hibernate");
  }

  @Test
  void recordsTheMembersAsAnOptionalField() {
    Snapshot with =
        new Snapshot(
            Snapshot.FORMAT_VERSION,
            new Snapshot.Capture(
                "snake_case",
                null,
                List.of(),
                List.of(
                    new Snapshot.Member("customer", null, "com.acme.Customer"),
                    new Snapshot.Member("customer", "birth_date", "com.acme.Customer.birthDate"))),
            new Database(List.of(), List.of(), List.of()),
            List.of(),
            List.of());
    String json = SnapshotJson.write(with);
    String members =
        ",\n    \"members\" : [ {\n      \"table\" : \"customer\",\n"
            + "      \"member\" : \"com.acme.Customer\"\n    }, {\n"
            + "      \"table\" : \"customer\",\n      \"column\" : \"birth_date\",\n"
            + "      \"member\" : \"com.acme.Customer.birthDate\"\n    } ]";
    assertThat(json).contains(members);
    assertThat(SnapshotJson.read(json, "test")).isEqualTo(with);
    Snapshot older = SnapshotJson.read(json.replace(members, ""), "test");
    assertThat(older.capture().members()).isEmpty();
    assertThat(older.capture().naming()).isEqualTo("snake_case");
    assertThat(SnapshotJson.write(older)).doesNotContain("members");
  }

  @Test
  void writesTheBytesJacksonDataBindingWrites() throws Exception {
    for (Snapshot snapshot :
        List.of(
            sample(),
            everything(),
            new Snapshot(1, new Database(List.of(), List.of(), List.of()), List.of(), List.of()),
            new Snapshot(
                Snapshot.FORMAT_VERSION,
                new Snapshot.Capture(
                    "snake_case",
                    "because",
                    List.of(
                        new Snapshot.ModelProblem("com.acme.A.b", "a", "b", "no mapping"),
                        new Snapshot.ModelProblem(null, null, null, "failed")),
                    List.of(
                        new Snapshot.Member("a", null, "com.acme.A"),
                        new Snapshot.Member("a", "b", "com.acme.A.b")),
                    List.of(
                        new Snapshot.ConverterCheck(
                            "s",
                            "a",
                            "b",
                            "a_b_check",
                            "b",
                            "com.acme.A.b",
                            "com.acme.A$BoolConverter",
                            Snapshot.ConverterCheck.BOOLEAN,
                            List.of(),
                            Snapshot.ConverterCheck.Literal.STRING),
                        new Snapshot.ConverterCheck(
                            null,
                            "a",
                            "\"C\"",
                            "a_C_check",
                            "\"C\"",
                            null,
                            "com.acme.StatusConverter",
                            "com.acme.Status",
                            List.of("ACTIVE", "RETIRED"),
                            Snapshot.ConverterCheck.Literal.NUMBER))),
                new Database(List.of(), List.of(), List.of()),
                List.of("com.acme.A"),
                List.of()))) {
      assertThat(SnapshotJson.write(snapshot))
          .isEqualTo(DATA_BINDING.writeValueAsString(snapshot) + "\n");
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      SnapshotJson.write(snapshot, bytes);
      assertThat(bytes.toByteArray())
          .isEqualTo(
              (DATA_BINDING.writeValueAsString(snapshot) + "\n")
                  .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(SnapshotJson.read(SnapshotJson.write(snapshot), "test")).isEqualTo(snapshot);
    }
    assertThat(SnapshotJson.write(everything()))
        .contains("\"renamedFrom\" : [ \"old_name\", \"older_name\" ]")
        .contains("\"maxValue\" : 9223372036854775807")
        .contains("t\u00e9xt \\\"quoted\\\"");
  }

  @Test
  void readsTheClassNamesWithoutTheModel() {
    SnapshotJson.ClassNames names =
        SnapshotJson.readClassNames(SnapshotJson.write(everything()), "test");
    assertThat(names.entities()).containsExactly("com.acme.A", "com.acme.B");
    assertThat(names.revisions()).containsExactly("com.acme.db.R1", "com.acme.db.R2");
  }

  @Test
  void readsTheClassNamesOfTextInAnotherLayoutToo() {
    String compact =
        "{\"formatVersion\":1,\"database\":{\"tables\":[{\"name\":\"t\",\"entities\":[\"x\"]}]},"
            + "\"entities\":[\"com.acme.A\"],\"revisions\":[{\"className\":\"com.acme.db.R1\",\"id\":\"a\"}]}";
    SnapshotJson.ClassNames names = SnapshotJson.readClassNames(compact, "test");
    assertThat(names.entities()).containsExactly("com.acme.A");
    assertThat(names.revisions()).containsExactly("com.acme.db.R1");
    String moved =
        SnapshotJson.write(sample())
            .replace("\"formatVersion\" : 1,\n", "")
            .replace("\n  \"entities\"", "\n  \"formatVersion\" : 99,\n  \"entities\"");
    assertThatThrownBy(() -> SnapshotJson.readClassNames(moved, "model.json"))
        .hasMessageContaining("model.json has format version 99");
  }

  @Test
  void readingTheClassNamesRejectsBrokenTextAndAnotherFormatVersion() {
    String json = SnapshotJson.write(sample());
    assertThatThrownBy(
            () -> SnapshotJson.readClassNames(json.substring(0, json.length() / 2), "model.json"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("Cannot read the model snapshot model.json");
    assertThatThrownBy(() -> SnapshotJson.readClassNames("[]", "model.json"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("Cannot read the model snapshot model.json");
    assertThatThrownBy(
            () ->
                SnapshotJson.readClassNames(
                    json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"), "model.json"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("model.json has format version 99");
  }

  @Test
  void rejectsAnotherFormatVersion() {
    String json =
        SnapshotJson.write(sample()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
    assertThatThrownBy(() -> SnapshotJson.read(json, "model.json"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("model.json has format version 99")
        .hasMessageContaining("mvn clean compile");
  }
}
