package dev.migrate.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.dialect.postgres.PostgresDialect;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code -Dmigrate.schema} parsing, patterns and the schema-name rule; no database. */
class SchemaSelectionTest {

  @Test
  void listsAreTrimmedAndDeduplicated() {
    SchemaSelection selection = SchemaSelection.parse(" user, message ,,user ", "-Dmigrate.schema");
    assertThat(selection.items()).containsExactly("user", "message");
    assertThat(selection.isSingle()).isFalse();
    assertThat(SchemaSelection.parse("tenant-1", "-Dmigrate.schema").isSingle()).isTrue();
    assertThat(SchemaSelection.parse("tenant_*", "-Dmigrate.schema").isSingle()).isFalse();
  }

  @Test
  void patternsMatchExistingSchemasButNeverSystemOnes() {
    List<String> existing =
        List.of(
            "public",
            "tenant_2",
            "tenant_10",
            "tenant_1",
            "pg_catalog",
            "information_schema",
            "tenantx");
    assertThat(SchemaSelection.parse("tenant_*", "-Dmigrate.schema").resolve(existing, "db"))
        .containsExactly("tenant_1", "tenant_10", "tenant_2");
    assertThat(SchemaSelection.parse("tenant_?", "-Dmigrate.schema").resolve(existing, "db"))
        .containsExactly("tenant_1", "tenant_2");
    assertThat(SchemaSelection.parse("*", "-Dmigrate.schema").resolve(existing, "db"))
        .containsExactly("public", "tenant_1", "tenant_10", "tenant_2", "tenantx");
    // a dot in a schema name is not a pattern character: tenant.x is simply invalid
    assertThatThrownBy(() -> SchemaSelection.parse("tenant.*", "-Dmigrate.schema"))
        .hasMessageContaining("is not valid");
  }

  @Test
  void emptySelectionSaysWhatToType() {
    assertThatThrownBy(() -> SchemaSelection.parse(" , ", "-Dmigrate.schema"))
        .hasMessage(
            "-Dmigrate.schema is empty: name a schema, for example -Dmigrate.schema=dev, -Dmigrate.schema=user,message or"
                + " -Dmigrate.schema=tenant_*");
  }

  @Test
  void validNamesAreQuotedWhenTheyNeedIt() {
    assertThat(
            List.of(
                "dev", "tenant-1", "Prod", "user", "select", "tenant_01", "ünïcode", "a$b", "1st"))
        .allMatch(SchemaNames::isValid);
    assertThat(
            List.of("dev", "tenant-1", "Prod", "user", "select").stream()
                .map(PostgresDialect::quoteIdentifier))
        .containsExactly("dev", "\"tenant-1\"", "\"Prod\"", "\"user\"", "\"select\"");
  }

  @Test
  void invalidNamesAreRefusedWithTheRule() {
    assertThat(
            List.of(
                "",
                "a b",
                "a\"b",
                "a;b",
                "a.b",
                "-x",
                "$x",
                "pg_x",
                "pg_catalog",
                "pg_toast",
                "information_schema",
                "a\nb",
                "x".repeat(64),
                "é".repeat(32)))
        .noneMatch(SchemaNames::isValid);
    assertThatThrownBy(() -> SchemaNames.requireValid("drop;table", "-Dmigrate.schema"))
        .hasMessage(
            "Schema name 'drop;table' (from -Dmigrate.schema) is not valid: only letters, digits, '_', '-' and '$'"
                + " are allowed, starting with a letter, a digit or '_'. Names that need quoting, such as tenant-1, Prod"
                + " or user, are fine: Migrate quotes them.");
    assertThatThrownBy(() -> SchemaNames.requireValid("pg_temp", "MIGRATE_SCHEMA"))
        .hasMessageStartingWith(
            "Schema name 'pg_temp' (from MIGRATE_SCHEMA) is not valid: it is a system schema");
    assertThatThrownBy(() -> SchemaNames.requireValid("a\u0000b", "-Dmigrate.schema"))
        .hasMessageContaining("'a\\u0000b'");
  }

  @Test
  void settingsReadThePrefixedPropertyOnly() {
    Map<String, String> noEnvironment = Map.of();
    assertThat(SchemaSelection.fromSettings(Map.of("schema", "elsewhere"), noEnvironment, null))
        .isEmpty();
    assertThat(
            SchemaSelection.fromSettings(
                Map.of("schema", "elsewhere", "revision", "1.0.0"), noEnvironment, "dev"))
        .contains(new SchemaSelection(List.of("dev")));
    assertThat(
            SchemaSelection.fromSettings(
                Map.of("migrate.schema", "tenant_*", "schema", "elsewhere"),
                Map.of("MIGRATE_SCHEMA", "prod"),
                "dev"))
        .isEqualTo(Optional.of(new SchemaSelection(List.of("tenant_*"))));
    assertThatThrownBy(
            () ->
                SchemaSelection.fromSettings(Map.of("migrate.schema", "a.b"), noEnvironment, null))
        .hasMessageContaining("(from -Dmigrate.schema)");
  }
}
