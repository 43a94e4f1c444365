package dev.migrate.dialect.postgres;

import static dev.migrate.runtime.Ddl.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.migrate.model.SqlType;
import org.junit.jupiter.api.Test;

class PostgresCastsWideningTest {

  private static void widening(SqlType from, SqlType to) {
    assertThat(PostgresCasts.isWidening(from, to)).as(from + " -> " + to).isTrue();
  }

  private static void narrowing(SqlType from, SqlType to) {
    assertThat(PostgresCasts.isWidening(from, to)).as(from + " -> " + to).isFalse();
  }

  @Test
  void characterTypes() {
    widening(varchar(255), varchar(255));
    widening(varchar(100), varchar(255));
    widening(varchar(100), text());
    widening(varchar(100), type("varchar"));
    widening(text(), type("varchar"));
    widening(character(3), varchar(3));
    widening(character(3), character(10));
    widening(type("char"), varchar(1));
    narrowing(varchar(255), varchar(100));
    narrowing(text(), varchar(4000));
    narrowing(type("varchar"), varchar(10));
    narrowing(varchar(3), character(3));
    narrowing(varchar(10), integer());
    narrowing(text(), uuid());
  }

  @Test
  void numericTypes() {
    widening(smallint(), integer());
    widening(integer(), bigint());
    widening(integer(), numeric(10, 0));
    widening(bigint(), numeric(38, 2));
    widening(bigint(), type("numeric"));
    widening(smallint(), real());
    widening(integer(), doublePrecision());
    widening(real(), doublePrecision());
    widening(numeric(10, 2), numeric(12, 2));
    widening(numeric(10, 2), numeric(12, 4));
    widening(numeric(10, 2), type("numeric"));
    narrowing(bigint(), integer());
    narrowing(bigint(), numeric(18, 0));
    narrowing(bigint(), doublePrecision());
    narrowing(integer(), real());
    narrowing(numeric(12, 4), numeric(12, 2));
    narrowing(numeric(12, 2), numeric(10, 2));
    narrowing(numeric(12, 2), numeric(13, 4));
    narrowing(type("numeric"), numeric(38, 10));
    narrowing(doublePrecision(), real());
    narrowing(numeric(10, 2), integer());
    narrowing(numeric(10, 2), doublePrecision());
    narrowing(integer(), text());
  }

  @Test
  void timeAndOtherTypes() {
    widening(timestamp(3), timestamp(6));
    widening(timestamp(6), timestamptz(6));
    widening(date(), timestamp(0));
    widening(time(0), type("timetz"));
    widening(jsonb(), type("json"));
    narrowing(timestamp(6), timestamp(3));
    narrowing(timestamptz(6), timestamp(6));
    narrowing(timestamp(6), date());
    narrowing(type("timetz"), time(6));
    narrowing(type("json"), jsonb());
    narrowing(bool(), integer());
    narrowing(type("citext"), text());
  }
}
