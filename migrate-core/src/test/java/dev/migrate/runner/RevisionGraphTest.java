package dev.migrate.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.runtime.Migration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  private static RevisionInfo rev(String id, String... revises) {
    return new RevisionInfo(id, List.of(revises), "m " + id, Migration.class);
  }

  private static final RevisionGraph GRAPH = RevisionGraph.of(List.of(
      rev("c3c3c3c3c3c3", "a1b2a1b2a1b2"), rev("a1b2a1b2a1b2"), rev("a1f0a1f0a1f0", "c3c3c3c3c3c3")));

  @Test
  void ordersTheChainFromBaseToHead() {
    assertThat(GRAPH.chain()).extracting(RevisionInfo::id)
        .containsExactly("a1b2a1b2a1b2", "c3c3c3c3c3c3", "a1f0a1f0a1f0");
    assertThat(GRAPH.head()).map(RevisionInfo::id).contains("a1f0a1f0a1f0");
  }

  @Test
  void resolvesAlembicTargets() {
    assertThat(GRAPH.resolve("head", -1)).isEqualTo(2);
    assertThat(GRAPH.resolve("base", 2)).isEqualTo(-1);
    assertThat(GRAPH.resolve("+2", -1)).isEqualTo(1);
    assertThat(GRAPH.resolve("-1", 2)).isEqualTo(1);
    assertThat(GRAPH.resolve("head-2", 0)).isEqualTo(0);
    assertThat(GRAPH.resolve("c3", -1)).isEqualTo(1);
    assertThat(GRAPH.resolve("a1f0a1f0a1f0", -1)).isEqualTo(2);
  }

  @Test
  void namesAmbiguousUnknownAndOutOfRangeTargets() {
    assertThatThrownBy(() -> GRAPH.resolve("a1", -1)).isInstanceOf(MigrateException.class)
        .hasMessage("Revision 'a1' is ambiguous: a1b2a1b2a1b2, a1f0a1f0a1f0. Give more characters of the id.");
    assertThatThrownBy(() -> GRAPH.resolve("9z", -1))
        .hasMessageStartingWith("Revision '9z' not found.");
    assertThatThrownBy(() -> GRAPH.resolve("+4", -1))
        .hasMessageContaining("Target '+4' is out of range: the chain has 3 revision(s)");
    assertThatThrownBy(() -> GRAPH.resolve("-x", 1))
        .hasMessageContaining("Target '-x' is not a revision: use head, base, +N, -N, head-N");
  }

  @Test
  void rejectsBrokenGraphsNamingTheRevisions() {
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("a"))))
        .hasMessageContaining("Revision id a is used by both");
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "zzz"))))
        .hasMessageContaining("Revision b (dev.migrate.runtime.Migration) revises 'zzz', which is not in the chain");
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "a"), rev("c", "a"))))
        .hasMessageContaining("Multiple heads are present: revisions b (dev.migrate.runtime.Migration) and c");
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a", "b"), rev("b", "a"))))
        .hasMessageContaining("form a cycle");
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b"))))
        .satisfies(e -> assertThat(((MigrateException) e).code()).isEqualTo(ErrorCode.REVISION_GRAPH))
        .hasMessageContaining("Multiple bases are present");
  }
}
