package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.groups.GroupTables;
import dev.migrate.model.Database;
import dev.migrate.model.Table;
import dev.migrate.schema.SchemaGroup;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaSelection;
import dev.migrate.testing.MigrationSources;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema groups end to end on a real PostgreSQL: autogen per group, depends_on across groups,
 * upgrade order.
 */
@PostgresTest
class GroupChainsTest extends PerTestDatabase {

  private static final String PACKAGE = "com.acme.db.migrations";
  private static final Map<String, String> ALIASES =
      Map.of("user", "rfx_user", "policy", "rfx_policy", "message", "rfx_message");

  private static final Table ACCOUNT = GroupTables.ACCOUNT;
  private static final Table POLICY =
      table(
              "policy",
              column("id", bigint()).asIdentity(),
              column("name", varchar(255)),
              primaryKey("policy_pkey", "id"))
          .inSchema("rfx_policy");
  private static final Table MESSAGE = GroupTables.MESSAGE;

  @TempDir Path work;

  private GroupChains chains(Database model, List<String> log) throws Exception {
    Path classes = work.resolve("classes");
    ClassLoader loader = MigrationSources.loader(classes);
    SchemaGroups groups = SchemaGroups.of(model, ALIASES);
    return new GroupChains(
        groups,
        g ->
            db.configure()
                .schema(g.schema())
                .migrationsPackage(g.packageName(PACKAGE))
                .classLoader(loader)
                .log(log::add)
                .load(),
        log::add);
  }

  @Test
  void eachGroupGetsItsOwnRevisionAndTheForeignKeyBecomesADependency() throws Exception {
    Database model = new Database(List.of(ACCOUNT, POLICY, MESSAGE), List.of(), List.of());
    Path sources = work.resolve("src");
    List<String> log = new ArrayList<>();
    GroupChains chains = chains(model, log);
    assertThat(chains.groups().all())
        .extracting(SchemaGroup::alias)
        .containsExactly("message", "policy", "user");

    Map<SchemaGroup, AutogenResult> written =
        chains.autogenerate(model, chains.groups().all(), "init", sources, PACKAGE);
    SchemaGroup message =
        chains.groups().select(SchemaSelection.parse("message", "-Dmigrate.schema")).get(0);
    SchemaGroup user =
        chains.groups().select(SchemaSelection.parse("rfx_user", "-Dmigrate.schema")).get(0);
    SchemaGroup policy =
        chains.groups().select(SchemaSelection.parse("policy", "-Dmigrate.schema")).get(0);
    String userRevision = written.get(user).revisionId();
    Path messageFile = written.get(message).file().orElseThrow();
    assertThat(messageFile.toString()).contains("com/acme/db/migrations/message/R");
    String messageSource = Files.readString(messageFile);
    assertThat(messageSource)
        .contains("package com.acme.db.migrations.message;")
        .contains("dependsOn = \"" + userRevision + "\", branchLabels = \"message\")")
        .contains("op.createTable(\n        table(\n            \"message\",")
        .doesNotContain("\"account\", column(\"email\"")
        .doesNotContain("\"policy\"");
    assertThat(Files.readString(written.get(user).file().orElseThrow()))
        .contains("branchLabels = \"user\")")
        .doesNotContain("dependsOn")
        .doesNotContain("\"message\"");
    MigrationSources.compile(sources, work.resolve("classes"));

    // upgrading only message applies the user revision it depends on first; policy stays at base
    chains = chains(model, log);
    chains.upgrade(List.of(message), "head");
    assertThat(log)
        .contains(
            "Schema group message revision "
                + written.get(message).revisionId()
                + " depends on revision "
                + userRevision
                + " of group user: upgrading user to it first");
    assertThat(chains.current(chains.groups().all()))
        .containsExactly(
            Map.entry(message, List.of(written.get(message).revisionId())),
            Map.entry(policy, List.of()),
            Map.entry(user, List.of(userRevision)));
    assertThat(
            rows(
                "SELECT table_schema || '.' || table_name FROM information_schema.tables"
                    + " WHERE table_schema LIKE 'rfx_%' ORDER BY 1"))
        .containsExactly(
            "rfx_message.message",
            "rfx_message.migrate_history",
            "rfx_message.migrate_version",
            "rfx_user.account",
            "rfx_user.migrate_history",
            "rfx_user.migrate_version");

    // user cannot go below what message needs; downgrading all groups orders message first
    GroupChains loaded = chains;
    assertThatThrownBy(() -> loaded.downgrade(List.of(user), "base"))
        .hasMessageContaining("Cannot downgrade schema group user past revision " + userRevision)
        .hasMessageContaining(
            "Downgrade message first: mvn migrate:downgrade -Dmigrate.schema=message -Dmigrate.revision=base");
    chains.upgrade(chains.groups().all(), "head");
    assertThat(
            chains.autogenerate(model, chains.groups().all(), "again", sources, PACKAGE).values())
        .allMatch(AutogenResult::noChanges);
    chains.downgrade(chains.groups().all(), "base");
    assertThat(
            rows(
                "SELECT count(*) FROM information_schema.tables WHERE table_schema LIKE 'rfx_%'"
                    + " AND table_name NOT LIKE 'migrate_%'"))
        .containsExactly("0");
  }

  @Test
  void autogenForOneGroupWritesOnlyThatGroup() throws Exception {
    Database model = new Database(List.of(ACCOUNT, POLICY, MESSAGE), List.of(), List.of());
    Path sources = work.resolve("src");
    GroupChains chains = chains(model, new ArrayList<>());
    List<SchemaGroup> policy =
        chains.groups().select(SchemaSelection.parse("policy", "-Dmigrate.schema"));
    Map<SchemaGroup, AutogenResult> written =
        chains.autogenerate(model, policy, "policies", sources, PACKAGE);
    assertThat(written).hasSize(1);
    try (Stream<Path> files = Files.walk(sources)) {
      assertThat(
              files
                  .filter(Files::isRegularFile)
                  .map(p -> sources.relativize(p).getParent().toString()))
          .containsExactly("com/acme/db/migrations/policy");
    }
  }

  @Test
  void unknownGroupNamesTheKnownOnes() {
    SchemaGroups groups =
        SchemaGroups.of(
            new Database(List.of(ACCOUNT, POLICY, MESSAGE), List.of(), List.of()),
            Map.of("user", "rfx_user"));
    assertThat(groups.all())
        .extracting(SchemaGroup::toString)
        .containsExactly("rfx_message", "rfx_policy", "user (rfx_user)");
    assertThatThrownBy(
            () -> groups.select(SchemaSelection.parse("user,billing", "-Dmigrate.schema")))
        .hasMessage(
            "Unknown schema group 'billing'. Known groups: rfx_message, rfx_policy, user (rfx_user)."
                + " Select them with -Dmigrate.schema=<alias>[,<alias>...], or leave -Dmigrate.schema out for all.");
  }

  @Test
  void aModelMixingSchemaAndNoSchemaIsRefused() {
    Table plain = table("audit", column("id", bigint()).notNull());
    assertThatThrownBy(
            () ->
                SchemaGroups.of(
                    new Database(List.of(ACCOUNT, plain), List.of(), List.of()), Map.of()))
        .hasMessageContaining("these have no schema: table audit");
    assertThat(
            SchemaGroups.of(new Database(List.of(plain), List.of(), List.of()), Map.of()).isEmpty())
        .isTrue();
  }

  private List<String> rows(String query) throws SQLException {
    return db.rows(query);
  }
}
