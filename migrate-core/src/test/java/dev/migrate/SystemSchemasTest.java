package dev.migrate;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.model.Database;
import dev.migrate.schema.SchemaGroups;
import dev.migrate.schema.SchemaSelection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * System schemas are refused as target schema, selection or schema group, before any connection is
 * opened (the URL below points at a port nothing listens on).
 */
class SystemSchemasTest {

  private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nowhere";

  @Test
  void informationSchemaAsTargetSchemaIsRefusedBeforeConnecting() {
    assertThatThrownBy(
            () ->
                Migrate.configure()
                    .connection(new ConnectionSettings(NOWHERE, "app", "secret"))
                    .schema("information_schema")
                    .load())
        .isInstanceOf(MigrateException.class)
        .hasMessage(
            "Schema name 'information_schema' (from schema) is not valid: it is a system schema"
                + " of PostgreSQL or a name reserved for one: pg_catalog, pg_toast, information_schema and every name starting with pg_"
                + " belong to the server, and Migrate never creates or changes anything there."
                + " Name the application's schema instead, for example public.");
  }

  @Test
  void systemSchemasInASelectionOrAsASchemaGroupAreRefused() {
    assertThatThrownBy(() -> SchemaSelection.parse("tenant_1,pg_catalog", "-Dmigrate.schema"))
        .hasMessageStartingWith(
            "Schema name 'pg_catalog' (from -Dmigrate.schema) is not valid: it is a system schema");
    assertThatThrownBy(() -> SchemaSelection.parse("pg_toast", "-Dmigrate.schema"))
        .hasMessageStartingWith(
            "Schema name 'pg_toast' (from -Dmigrate.schema) is not valid: it is a system schema");
    Database model =
        new Database(
            List.of(table("t", column("id", bigint())).inSchema("information_schema")), List.of());
    assertThatThrownBy(() -> SchemaGroups.of(model, Map.of()))
        .hasMessageStartingWith(
            "Schema name 'information_schema' (from @Table(schema)) is not valid: it is a system"
                + " schema");
  }
}
