package dev.migrate.snapshot;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.MigrateException;
import dev.migrate.model.Database;
import dev.migrate.model.ReferentialAction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotJsonTest {

  private static Snapshot sample() {
    var customer = table("customer",
        column("id", bigint()).asIdentity(),
        column("email", varchar(255)).notNull(),
        column("balance", numeric(38, 2)),
        column("created", timestamptz(6)).withDefault("now()"),
        primaryKey("customer_pkey", "id"),
        unique("customer_email_key", "email"),
        check("customer_balance_check", "balance >= 0"),
        index("idx_customer_created", "created"));
    var order = table("orders",
        column("id", bigint()).notNull(),
        column("customer_id", bigint()),
        primaryKey("orders_pkey", "id"),
        foreignKey("orders_customer_id_fkey", "customer_id").references("customer", "id")
            .withActions(ReferentialAction.CASCADE, null));
    return new Snapshot(1, new Database(List.of(order, customer), List.of(sequence("orders_seq", 1, 50))),
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

  @Test
  void rejectsAnotherFormatVersion() {
    String json = SnapshotJson.write(sample()).replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
    assertThatThrownBy(() -> SnapshotJson.read(json, "model.json"))
        .isInstanceOf(MigrateException.class)
        .hasMessageContaining("model.json has format version 99")
        .hasMessageContaining("mvn clean compile");
  }
}
