package dev.migrate.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.Column;
import dev.migrate.model.Sequence;
import dev.migrate.model.SqlType;
import dev.migrate.ops.AddColumn;
import dev.migrate.ops.CreateSequence;
import dev.migrate.ops.ExecuteSql;
import dev.migrate.ops.RenameTable;
import org.junit.jupiter.api.Test;

class ModelCheckTableOfTest {

  @Test
  void namesTheTableOfEveryTableOpRenamesIncluded() {
    Column phone = Column.of("phone", SqlType.of("text"));
    assertThat(ModelCheck.tableOf(new AddColumn(null, "customer", phone))).contains("customer");
    assertThat(ModelCheck.tableOf(new AddColumn("billing", "invoice", phone)))
        .contains("billing.invoice");
    assertThat(ModelCheck.tableOf(new RenameTable("billing", "invoice", "bill")))
        .contains("billing.invoice");
  }

  @Test
  void namesNoTableForOtherOps() {
    assertThat(ModelCheck.tableOf(new CreateSequence(Sequence.of("seq", 1)))).isEmpty();
    assertThat(ModelCheck.tableOf(new ExecuteSql("SELECT 1", null))).isEmpty();
  }

  @Test
  void statesTheMissingColumnInASentence() {
    Column phone = Column.of("phone", SqlType.of("text"));
    assertThat(ModelCheck.sentence(new AddColumn("billing", "invoice", phone)))
        .isEqualTo("billing.invoice.phone: column in the model, no migration adds it");
  }
}
