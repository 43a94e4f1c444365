package dev.migrate.it.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void equalListsHaveNoDiff() {
    assertThat(LineDiff.unified("a", List.of("x", "y"), "b", List.of("x", "y"), 3)).isEmpty();
  }

  @Test
  void oneChangedLineWithContext() {
    List<String> a = List.of("1", "2", "3", "4", "5", "6", "7");
    List<String> b = List.of("1", "2", "3", "four", "5", "6", "7");
    assertThat(LineDiff.unified("old", a, "new", b, 2))
        .isEqualTo(
            """
        --- old
        +++ new
        @@ -2,5 +2,5 @@
         2
         3
        -4
        +four
         5
         6
        """);
  }

  @Test
  void distantChangesMakeTwoHunksAndNearOnesOne() {
    List<String> a = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i");
    List<String> b = List.of("a", "c", "d", "e", "f", "g", "h", "i", "j");
    assertThat(LineDiff.unified("x", a, "y", b, 1))
        .isEqualTo(
            """
        --- x
        +++ y
        @@ -1,3 +1,2 @@
         a
        -b
         c
        @@ -9,1 +8,2 @@
         i
        +j
        """);
    assertThat(LineDiff.unified("x", a, "y", b, 4))
        .contains("@@ -1,9 +1,9 @@")
        .doesNotContain("@@ -9");
  }
}
