package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.Migrate.StampMode;
import dev.migrate.check.CheckMode;
import dev.migrate.check.CheckResult;
import dev.migrate.dialect.postgres.PostgresDialect;
import dev.migrate.model.Database;
import dev.migrate.runner.SqlScriptTest;
import dev.migrate.runtime.Migration;
import dev.migrate.runtime.Operations;
import dev.migrate.runtime.Revision;
import dev.migrate.testing.PerTestDatabase;
import dev.migrate.testing.PostgresTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Branches, merges, stamp, offline SQL and the check through the facade, on a real PostgreSQL. The
 * revisions are {@link SqlScriptTest}'s: a base, two branches (add email, add name) and their
 * merge.
 */
@PostgresTest
class BranchesAndCheckTest extends PerTestDatabase {

  private static final List<Class<?>> BRANCHES =
      List.of(
          SqlScriptTest.CreateCustomer.class,
          SqlScriptTest.AddEmail.class,
          SqlScriptTest.AddName.class);
  private static final List<Class<?>> MERGED =
      List.of(
          SqlScriptTest.CreateCustomer.class,
          SqlScriptTest.AddEmail.class,
          SqlScriptTest.AddName.class,
          SqlScriptTest.Merge.class);

  /** The model the merged chain builds. */
  private static final Database MODEL =
      new Database(
          List.of(
              table(
                  "customer",
                  column("id", bigint()).notNull(),
                  column("email", varchar(255)),
                  column("name", text()),
                  primaryKey("customer_pkey", "id"))),
          List.of());

  private Migrate migrate(List<Class<?>> classes, String schema) {
    return db.configure().caller(Caller.MAVEN).schema(schema).migrations(classes).load();
  }

  @Test
  void twoBranchesThenAMergeAsAlembicDoesThem() throws SQLException {
    Migrate branches = migrate(BRANCHES, "public");
    assertThat(branches.graph().heads()).containsExactly("bbbbbbbbbbb2", "ccccccccccc3");
    assertThatThrownBy(() -> branches.upgrade("head"))
        .hasMessage(
            "Multiple heads are present: bbbbbbbbbbb2, ccccccccccc3; run `mvn migrate:merge -Dmessage=...`"
                + " or target one head (-Dmigrate.revision=<id> or <label>@head, or heads for all).");
    assertThat(branches.upgrade("bbbb").to()).isEqualTo("bbbbbbbbbbb2");
    assertThat(branches.upgrade("heads").revisions())
        .extracting(r -> r.id())
        .containsExactly("ccccccccccc3");
    assertThat(rows("SELECT version_num FROM migrate_version ORDER BY 1"))
        .containsExactly("bbbbbbbbbbb2", "ccccccccccc3");

    Migrate merged = migrate(MERGED, "public");
    assertThat(merged.upgrade("head").revisions())
        .extracting(r -> r.id())
        .containsExactly("ddddddddddd4");
    assertThat(rows("SELECT version_num FROM migrate_version")).containsExactly("ddddddddddd4");
    assertThat(merged.downgrade("-1").to()).isEqualTo("bbbbbbbbbbb2, ccccccccccc3");
    assertThat(merged.downgrade("ccccccccccc3-1").revisions())
        .extracting(r -> r.id())
        .containsExactly("ccccccccccc3");
    assertThat(rows("SELECT version_num FROM migrate_version")).containsExactly("bbbbbbbbbbb2");
    assertThat(columns("public")).containsExactly("id", "email");
  }

  @Test
  void theOfflineScriptBuildsWhatUpgradeBuildsAndStampAdoptsIt() throws SQLException {
    migrate(MERGED, "online").upgrade("head");
    String script = migrate(MERGED, "offline").upgradeSql("base:head");
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute(script);
    }
    PostgresDialect dialect = new PostgresDialect();
    try (Connection c = db.connect()) {
      assertThat(dialect.introspect(c, "offline", Set.of("migrate_version", "migrate_history")))
          .isEqualTo(dialect.introspect(c, "online", Set.of("migrate_version", "migrate_history")));
    }
    assertThat(rows("SELECT version_num FROM offline.migrate_version"))
        .isEqualTo(rows("SELECT version_num FROM online.migrate_version"));
    assertThat(
            rows(
                "SELECT revision || ' ' || direction || ' ' || checksum FROM offline.migrate_history ORDER BY id"))
        .isEqualTo(
            rows(
                "SELECT revision || ' ' || direction || ' ' || checksum FROM online.migrate_history"
                    + " ORDER BY id"));

    // a schema built without the version rows is adopted by stamp, after which nothing is pending
    execute("DELETE FROM offline.migrate_version");
    Migrate offline = migrate(MERGED, "offline");
    assertThat(offline.current()).isEmpty();
    assertThat(offline.stamp("head", StampMode.KEEP).to()).isEqualTo("ddddddddddd4");
    assertThat(offline.upgrade("head").revisions()).isEmpty();
    assertThat(rows("SELECT direction FROM offline.migrate_history ORDER BY id DESC LIMIT 1"))
        .containsExactly("stamp");

    // an unknown revision in the version table needs --purge
    execute("UPDATE offline.migrate_version SET version_num = 'feedfeedfeed'");
    assertThatThrownBy(() -> offline.stamp("head", StampMode.KEEP))
        .hasMessageContaining("is at revision feedfeedfeed, which is not among the migrations")
        .hasMessageContaining("mvn migrate:stamp -Dmigrate.revision=<rev> -Dmigrate.purge");
    assertThat(offline.stamp("bbbb", StampMode.PURGE).to()).isEqualTo("bbbbbbbbbbb2");
    assertThat(offline.current()).containsExactly("bbbbbbbbbbb2");
  }

  @Test
  void checkModesFindAMissingMigrationAndDrift() throws SQLException {
    Migrate merged = migrate(MERGED, "public");
    assertThat(merged.check(CheckMode.OFFLINE, MODEL).passed()).isTrue();
    assertThat(merged.check(CheckMode.REPLAY, MODEL).report())
        .isEqualTo("The model and the migrations agree (check mode replay).");
    assertThat(rows("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'migrate_check_%'"))
        .isEmpty();

    Database withPhone =
        new Database(
            List.of(
                table(
                    "customer",
                    column("id", bigint()).notNull(),
                    column("email", varchar(255)),
                    column("name", text()),
                    column("phone", varchar(32)),
                    primaryKey("customer_pkey", "id"))),
            List.of());
    for (CheckMode mode : List.of(CheckMode.OFFLINE, CheckMode.REPLAY)) {
      CheckResult result = merged.check(mode, withPhone);
      assertThat(result.passed()).isFalse();
      assertThat(result.report())
          .isEqualTo(
              "The model and the migrations disagree (check mode "
                  + mode
                  + "):\n"
                  + "  - customer.phone: column in the model, no migration adds it\n"
                  + "Fix: run `mvn migrate:autogen -Dmessage=...` to write the missing migration, review it and commit it"
                  + " with the entity change.");
    }

    assertThatThrownBy(() -> merged.check(CheckMode.LIVE, MODEL))
        .hasMessageContaining("The live check needs schema public");
    merged.upgrade("head");
    assertThat(merged.check(CheckMode.LIVE, MODEL).passed()).isTrue();

    // an applied revision edited since: its recorded checksum no longer matches
    execute(
        "UPDATE migrate_history SET checksum = repeat('0', 64) WHERE revision = 'bbbbbbbbbbb2'");
    CheckResult drift = merged.check(CheckMode.LIVE, MODEL);
    assertThat(drift.problems())
        .containsExactly(
            "revision bbbbbbbbbbb2 (dev/migrate/runner/SqlScriptTest.java) was"
                + " edited after it was applied to schema public (checksum applied 0000000000000000..., now "
                + dev.migrate.runner.RevisionInfo.of(SqlScriptTest.AddEmail.class)
                    .checksum()
                    .substring(0, 16)
                + "...):"
                + " revert the edit and put the change in a new revision (`mvn migrate:autogen`), or downgrade below it,"
                + " then upgrade again; if the edit is meant, accept it with `mvn migrate:repair"
                + " -Dmigrate.revision=bbbbbbbbbbb2`");
    assertThat(merged.check(CheckMode.REPLAY, MODEL).passed()).isFalse();

    // several heads fail the check too
    assertThat(migrate(BRANCHES, "other").check(CheckMode.OFFLINE, MODEL).problems())
        .first()
        .asString()
        .startsWith("Multiple heads are present: bbbbbbbbbbb2, ccccccccccc3;");
  }

  @Revision(id = "eeeeeeeeeee5", revises = "ddddddddddd4", message = "raw sql")
  public static class RawSql implements Migration {
    @Override
    public void upgrade(Operations op) {
      op.execute(
          "ALTER TABLE customer ADD COLUMN phone varchar(32)",
          "ALTER TABLE customer DROP COLUMN phone");
      op.execute("SELECT 1");
    }

    @Override
    public void downgrade(Operations op) {
      op.execute("ALTER TABLE customer DROP COLUMN phone");
    }
  }

  @Test
  void theOfflineCheckSaysWhichTablesRawSqlMakesUnknown() {
    List<Class<?>> classes = new ArrayList<>(MERGED);
    classes.add(RawSql.class);
    Database withPhone =
        new Database(
            List.of(
                table(
                    "customer",
                    column("id", bigint()).notNull(),
                    column("email", varchar(255)),
                    column("name", text()),
                    column("phone", varchar(32)),
                    primaryKey("customer_pkey", "id"))),
            List.of());
    Migrate migrate = Migrate.configure().caller(Caller.MAVEN).migrations(classes).load();
    CheckResult result = migrate.check(CheckMode.OFFLINE, withPhone);
    assertThat(result.passed()).isTrue();
    assertThat(result.notes())
        .containsExactly(
            "revision eeeeeeeeeee5 (dev/migrate/BranchesAndCheckTest.java) runs raw SQL that names no table of the"
                + " model; the offline check ignores it: SELECT 1",
            "customer: revision eeeeeeeeeee5 changes it with raw SQL (op.execute), so the offline check cannot know"
                + " its state and does not compare it; the replay check (-Dmigrate.check=replay) does");
    assertThat(migrate.upgradeSql("base:head"))
        .contains("ALTER TABLE customer ADD COLUMN phone varchar(32);");
    assertThatThrownBy(() -> migrate.upgradeSql("head"))
        .hasMessageContaining("-Dmigrate.revision=base:head");
    assertThatThrownBy(() -> migrate.downgradeSql("base"))
        .hasMessageStartingWith("downgrade -Dmigrate.sql needs both ends");
  }

  @Test
  void revisionMergeAndAutogenFollowTheHeads(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path src) throws java.io.IOException {
    Migrate branches = Migrate.configure().migrations(BRANCHES).load();
    assertThatThrownBy(() -> branches.revision("more", src, "m"))
        .hasMessageStartingWith("Multiple heads are present: bbbbbbbbbbb2, ccccccccccc3;");
    assertThatThrownBy(() -> branches.autogenerate(MODEL, "more", src, "m"))
        .hasMessageStartingWith("Multiple heads are present: bbbbbbbbbbb2, ccccccccccc3;");
    assertThatThrownBy(
            () ->
                branches.revision(
                    "x", new RevisionOptions("aaaa", false, List.of(), List.of()), src, "m"))
        .hasMessage(
            "Revision aaaaaaaaaaa1 is not a head revision (it is revised by bbbbbbbbbbb2,"
                + " ccccccccccc3); add -Dmigrate.splice to start a new branch from it.");

    String spliced =
        java.nio.file.Files.readString(
            branches.revision(
                "hotfix", new RevisionOptions("aaaa", true, List.of(), List.of()), src, "m"));
    assertThat(spliced).contains("revises = \"aaaaaaaaaaa1\"");
    String base =
        java.nio.file.Files.readString(
            branches.revision(
                "networking",
                new RevisionOptions("base", false, List.of("net"), List.of("cccc")),
                src,
                "m"));
    assertThat(base)
        .containsPattern(
            "@Revision\\(\\s*id = \"[0-9a-f]{12}\",\\s*message = \"networking\","
                + "\\s*dependsOn = \"ccccccccccc3\",\\s*branchLabels = \"net\"\\)");
    String merge = java.nio.file.Files.readString(branches.merge("merge", List.of(), src, "m"));
    assertThat(merge).contains("revises = {\"bbbbbbbbbbb2\", \"ccccccccccc3\"}");
    assertThatThrownBy(() -> branches.merge("merge", List.of("bbbb"), src, "m"))
        .hasMessage(
            "Nothing to merge: only bbbbbbbbbbb2 is named. A merge joins two or more heads (heads:"
                + " bbbbbbbbbbb2, ccccccccccc3).");
  }

  private void execute(String sql) throws SQLException {
    db.execute(sql);
  }

  private List<String> rows(String sql) throws SQLException {
    return db.rows(sql);
  }

  private List<String> columns(String schema) throws SQLException {
    return rows(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = '"
            + schema
            + "' AND table_name = 'customer' ORDER BY ordinal_position");
  }
}
