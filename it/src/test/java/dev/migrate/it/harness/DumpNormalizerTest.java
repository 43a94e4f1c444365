package dev.migrate.it.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DumpNormalizerTest {

  private static final String DUMP =
      """
      --
      -- PostgreSQL database dump
      --

      \\restrict abc123

      -- Dumped from database version 15.20
      SET statement_timeout = 0;
      SET client_encoding = 'UTF8';
      SELECT pg_catalog.set_config('search_path', '', false);

      --
      -- Name: colour; Type: TYPE; Schema: public; Owner: -
      --

      CREATE TYPE public.colour AS ENUM (
          'BLUE',
          'RED'
      );

      ALTER TYPE public.colour OWNER TO postgres;

      CREATE TABLE public.customer (
          name character varying(80) NOT NULL,
          id bigint NOT NULL,
          tier smallint DEFAULT 0,
          note character varying(20) DEFAULT 'a, b'::character varying,
          CONSTRAINT customer_tier_check CHECK (((tier >= 0) AND (tier <= 2)))
      );

      COMMENT ON TABLE public.customer IS 'People';

      CREATE SEQUENCE public.customer_seq
          START WITH 1
          INCREMENT BY 50
          NO MINVALUE
          NO MAXVALUE
          CACHE 1;

      ALTER TABLE ONLY public.customer
          ADD CONSTRAINT customer_pkey PRIMARY KEY (id);

      ALTER TABLE ONLY public.customer
          ADD CONSTRAINT "UKmixed" UNIQUE (name);

      CREATE INDEX ix_customer_name ON public.customer USING btree (name DESC);

      CREATE UNIQUE INDEX ux_customer_tier ON public.customer USING btree (tier);

      ALTER TABLE ONLY public.purchase
          ADD CONSTRAINT fk_purchase_customer FOREIGN KEY (customer_id) REFERENCES public.customer(id);

      \\unrestrict abc123
      """;

  @Test
  void dropsNoiseCollapsesWhitespaceReplacesNamesAndSorts() {
    assertThat(DumpNormalizer.normalize(DUMP))
        .containsExactly(
            "ALTER TABLE ONLY public.customer ADD CONSTRAINT <key> UNIQUE (name);",
            "ALTER TABLE ONLY public.customer ADD CONSTRAINT <pkey> PRIMARY KEY (id);",
            "ALTER TABLE ONLY public.purchase ADD CONSTRAINT <fkey> FOREIGN KEY (customer_id) "
                + "REFERENCES public.customer(id);",
            "COMMENT ON TABLE public.customer IS 'People';",
            "CREATE INDEX <idx> ON public.customer USING btree (name DESC);",
            "CREATE SEQUENCE public.customer_seq START WITH 1 INCREMENT BY 50 NO MINVALUE NO MAXVALUE CACHE 1;",
            "CREATE TABLE public.customer (",
            "    CONSTRAINT <check> CHECK (((tier >= 0) AND (tier <= 2))),",
            "    id bigint NOT NULL,",
            "    name character varying(80) NOT NULL,",
            "    note character varying(20) DEFAULT 'a, b'::character varying,",
            "    tier smallint DEFAULT 0",
            ");",
            "CREATE TYPE public.colour AS ENUM ( 'BLUE', 'RED' );",
            "CREATE UNIQUE INDEX <unique idx> ON public.customer USING btree (tier);");
  }

  @Test
  void twoDumpsThatDifferOnlyInNamesAndColumnOrderAreEqual() {
    String renamed =
        DUMP.replace("customer_pkey", "pk_customer")
            .replace("\"UKmixed\"", "customer_name_key")
            .replace("ix_customer_name", "customer_name_idx")
            .replace("customer_tier_check", "ck_tier")
            .replace(
                "    name character varying(80) NOT NULL,\n    id bigint NOT NULL,",
                "    id bigint NOT NULL,\n    name character varying(80) NOT NULL,");
    assertThat(renamed).isNotEqualTo(DUMP);
    assertThat(DumpNormalizer.normalize(renamed)).isEqualTo(DumpNormalizer.normalize(DUMP));
  }

  @Test
  void keepsEveryOtherDifference() {
    assertThat(DumpNormalizer.normalize(DUMP.replace("DEFAULT 0", "DEFAULT 1")))
        .isNotEqualTo(DumpNormalizer.normalize(DUMP));
    assertThat(DumpNormalizer.normalize(DUMP.replace("(name DESC)", "(name)")))
        .isNotEqualTo(DumpNormalizer.normalize(DUMP));
    assertThat(DumpNormalizer.normalize(DUMP.replace("'People'", "'Persons'")))
        .isNotEqualTo(DumpNormalizer.normalize(DUMP));
    assertThat(DumpNormalizer.normalize(DUMP.replace("CREATE UNIQUE INDEX", "CREATE INDEX")))
        .isNotEqualTo(DumpNormalizer.normalize(DUMP));
  }

  @Test
  void dropsOnlyTheCastsBetweenVarcharAndAnEnumTypeOfTheDump() {
    String casts =
        """
        CREATE CAST (character varying AS public.colour) WITH INOUT AS IMPLICIT;

        CREATE CAST (public.colour AS character varying) WITH INOUT AS IMPLICIT;

        CREATE CAST (character varying AS public.other) WITH INOUT AS IMPLICIT;
        """;
    List<String> normalized = DumpNormalizer.normalize(DUMP + casts);
    assertThat(normalized)
        .doesNotContain(
            "CREATE CAST (character varying AS public.colour) WITH INOUT AS IMPLICIT;",
            "CREATE CAST (public.colour AS character varying) WITH INOUT AS IMPLICIT;");
    assertThat(normalized)
        .contains("CREATE CAST (character varying AS public.other) WITH INOUT AS IMPLICIT;");
  }

  @Test
  void splitsTableElementsOnlyAtTopLevelCommas() {
    assertThat(DumpNormalizer.splitTopLevel("a numeric(9,6), b text DEFAULT 'x,y', \"c,d\" int"))
        .isEqualTo(List.of("a numeric(9,6)", "b text DEFAULT 'x,y'", "\"c,d\" int"));
  }

  @Test
  void aDumpCutInsideAStatementIsAnError() {
    assertThatThrownBy(() -> DumpNormalizer.normalize("CREATE TABLE public.t (\n    id bigint"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dump ends inside a statement: CREATE TABLE public.t ( id bigint");
  }
}
