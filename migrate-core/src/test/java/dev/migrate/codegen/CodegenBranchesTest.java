package dev.migrate.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Revision templates with branch labels and dependencies ({@code migrate:revision
 * -Dmigrate.branchLabel -Dmigrate.dependsOn}).
 */
class CodegenBranchesTest {

  @Test
  void aLabelledBaseThatDependsOnAnotherBranch() {
    MigrationSpec spec =
        MigrationSpec.empty(
                "com.acme.db.migrations",
                "R20261121_153012_Networking",
                "4c5d6e7f8091",
                List.of(),
                "networking")
            .withBranch(List.of("net"), List.of("3f2a9c1d7b04", "9b1e4c2a7d10"));
    assertThat(new MigrationWriter().render(spec))
        .isEqualTo(
            """
        package com.acme.db.migrations;

        import static dev.migrate.runtime.Ddl.*;

        import dev.migrate.runtime.Migration;
        import dev.migrate.runtime.Operations;
        import dev.migrate.runtime.Revision;

        /**
         * networking
         *
         * <p>Revision 4c5d6e7f8091, the first of its chain. Branch label net: target it with {@code
         * -Dmigrate.revision=net@head}. Depends on 3f2a9c1d7b04 and 9b1e4c2a7d10, which the runner applies
         * first. Write its upgrade and its downgrade below.
         */
        @Revision(
            id = "4c5d6e7f8091",
            message = "networking",
            dependsOn = {"3f2a9c1d7b04", "9b1e4c2a7d10"},
            branchLabels = "net")
        public class R20261121_153012_Networking implements Migration {

          @Override
          public void upgrade(Operations op) {
            // Write this revision's changes here, one op call per change, for example:
            //   op.addColumn("customer", column("phone", varchar(32)));
            //   op.execute("UPDATE customer SET phone = '' WHERE phone IS NULL");
            // Ops on tables of another schema go through op.inSchema("billing").
          }

          @Override
          public void downgrade(Operations op) {
            // Undo the upgrade here, in reverse order, for example:
            //   op.dropColumn("customer", column("phone", varchar(32)));
          }
        }
        """);
  }
}
