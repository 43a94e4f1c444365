package dev.migrate.diff;

import java.util.Optional;

/**
 * The Java members the model's tables and columns come from, so that the diff's hints name what the
 * user annotates ({@code com.acme.Customer.birthDate}) rather than only the column. Tables are
 * named as the diff sees the target model: {@code schema} is {@code null} for a table in the schema
 * the chain runs in.
 */
public interface MemberNames {

  /** No member known: the hints name tables and columns only. */
  MemberNames NONE =
      new MemberNames() {
        @Override
        public Optional<String> ofTable(String schema, String table) {
          return Optional.empty();
        }

        @Override
        public Optional<String> ofColumn(String schema, String table, String column) {
          return Optional.empty();
        }
      };

  /**
   * The entity class mapped to the table ({@code com.acme.Customer}), if known.
   *
   * @param schema the table's schema, {@code null} for the schema the chain runs in
   */
  Optional<String> ofTable(String schema, String table);

  /**
   * The field or getter mapped to the column ({@code com.acme.Customer.birthDate}), if known.
   *
   * @param schema the table's schema, {@code null} for the schema the chain runs in
   */
  Optional<String> ofColumn(String schema, String table, String column);
}
