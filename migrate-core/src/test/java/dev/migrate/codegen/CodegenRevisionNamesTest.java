package dev.migrate.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;
import org.junit.jupiter.api.Test;

class CodegenRevisionNamesTest {

  private static final LocalDateTime AT = LocalDateTime.of(2026, 11, 21, 15, 30, 12);

  @Test
  void revisionIdIsTwelveLowerCaseHexDigits() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = RevisionNames.newRevisionId();
      assertThat(id).matches("[0-9a-f]{12}");
      ids.add(id);
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  void classNameIsTimestampToTheSecondThenUpperCamelMessage() {
    assertThat(RevisionNames.className("add phone", AT)).isEqualTo("R20261121_153012_AddPhone");
    assertThat(RevisionNames.className("add_phone-number, again!", AT))
        .isEqualTo("R20261121_153012_AddPhoneNumberAgain");
    assertThat(RevisionNames.className("Add HTTP URL v2", AT))
        .isEqualTo("R20261121_153012_AddHTTPURLV2");
    assertThat(RevisionNames.className("2fa secrets", AT)).isEqualTo("R20261121_153012_2faSecrets");
  }

  @Test
  void blankOrSymbolOnlyMessageGivesTheTimestampAlone() {
    assertThat(RevisionNames.className("", AT)).isEqualTo("R20261121_153012");
    assertThat(RevisionNames.className("   ", AT)).isEqualTo("R20261121_153012");
    assertThat(RevisionNames.className(null, AT)).isEqualTo("R20261121_153012");
    assertThat(RevisionNames.className("--- !!! ---", AT)).isEqualTo("R20261121_153012");
  }

  @Test
  void nonAsciiLettersAreTransliteratedOrDropped() {
    assertThat(RevisionNames.slug("café naïve Größe")).isEqualTo("CafeNaiveGrosse");
    assertThat(RevisionNames.slug("añadir teléfono")).isEqualTo("AnadirTelefono");
    assertThat(RevisionNames.slug("добавить phone 电话")).isEqualTo("Phone");
    assertThat(RevisionNames.slug("Œuvre łódź")).isEqualTo("OeuvreLodz");
  }

  @Test
  void slugKeepsWholeWordsUpToTheCap() {
    String message =
        "rename the customer email column to contact address and add a unique index on it";
    String slug = RevisionNames.slug(message);
    assertThat(slug)
        .hasSizeLessThanOrEqualTo(RevisionNames.MAX_SLUG_LENGTH)
        .isEqualTo("RenameTheCustomerEmailColumnToContactAddressAndAddAUnique");
    assertThat(RevisionNames.slug("x".repeat(100))).isEqualTo("X" + "x".repeat(59));
  }

  @Test
  void classNamesAreJavaIdentifiers() {
    for (String message :
        List.of(
            "add phone", "", "class", "int", "2fa", "ü", "a.b", "$x", "null", "x".repeat(200))) {
      String name = RevisionNames.className(message, AT);
      assertThat(SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name))
          .as(name)
          .isTrue();
      assertThat(name).matches("R\\d{8}_\\d{6}(_[A-Za-z0-9]+)?");
    }
  }

  @Test
  void classesOfTheSameMinuteSortByCreationAndDoNotCollide() {
    String first = RevisionNames.className("zap legacy tables", AT.withSecond(5));
    String second = RevisionNames.className("add phone", AT.withSecond(40));
    String third = RevisionNames.className("add phone", AT.withSecond(41));
    String nextMinute = RevisionNames.className("", AT.plusMinutes(1).withSecond(0));
    assertThat(Stream.of(nextMinute, third, first, second).sorted())
        .containsExactly(first, second, third, nextMinute);
    assertThat(Stream.of(nextMinute, third, first, second).sorted(String.CASE_INSENSITIVE_ORDER))
        .containsExactly(first, second, third, nextMinute);
    assertThat(second).isNotEqualTo(third);
  }
}
