package dev.migrate.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migrate.ErrorCode;
import dev.migrate.MigrateException;
import dev.migrate.runtime.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RevisionGraphTest {

  private static RevisionInfo rev(String id, String... revises) {
    return new RevisionInfo(id, List.of(revises), "m " + id, Migration.class);
  }

  private static RevisionInfo labelled(String id, String label, String... revises) {
    return new RevisionInfo(
        id, List.of(revises), "m " + id, Migration.class, List.of(), List.of(label));
  }

  private static RevisionInfo depending(String id, List<String> dependsOn, String... revises) {
    return new RevisionInfo(id, List.of(revises), "m " + id, Migration.class, dependsOn, List.of());
  }

  private static List<String> ids(List<RevisionInfo> revisions) {
    return revisions.stream().map(RevisionInfo::id).toList();
  }

  private static MigrateException error(Runnable r) {
    try {
      r.run();
    } catch (MigrateException e) {
      return e;
    }
    throw new AssertionError("expected a MigrateException");
  }

  // ---- a linear chain

  private static final RevisionGraph LINEAR =
      RevisionGraph.of(
          List.of(
              rev("c3c3c3c3c3c3", "a1b2a1b2a1b2"),
              rev("a1b2a1b2a1b2"),
              rev("a1f0a1f0a1f0", "c3c3c3c3c3c3")));

  @Test
  void ordersALinearChainFromBaseToHead() {
    assertThat(ids(LINEAR.revisions()))
        .containsExactly("a1b2a1b2a1b2", "c3c3c3c3c3c3", "a1f0a1f0a1f0");
    assertThat(LINEAR.head()).map(RevisionInfo::id).contains("a1f0a1f0a1f0");
    assertThat(LINEAR.heads()).containsExactly("a1f0a1f0a1f0");
    assertThat(LINEAR.bases()).containsExactly("a1b2a1b2a1b2");
  }

  @Test
  void resolvesEveryTargetFormOnALinearChain() {
    List<String> atBase = List.of();
    List<String> atMiddle = List.of("c3c3c3c3c3c3");
    assertThat(LINEAR.resolve("head", atBase)).containsExactly("a1f0a1f0a1f0");
    assertThat(LINEAR.resolve("heads", atBase)).containsExactly("a1f0a1f0a1f0");
    assertThat(LINEAR.resolve("base", atMiddle)).isEmpty();
    assertThat(LINEAR.resolve("+2", atBase)).containsExactly("c3c3c3c3c3c3");
    assertThat(LINEAR.resolve("+1", atMiddle)).containsExactly("a1f0a1f0a1f0");
    assertThat(LINEAR.resolve("-1", atMiddle)).containsExactly("a1b2a1b2a1b2");
    assertThat(LINEAR.resolve("-2", atMiddle)).isEmpty();
    assertThat(LINEAR.resolve("head-2", atBase)).containsExactly("a1b2a1b2a1b2");
    assertThat(LINEAR.resolve("head-0", atBase)).containsExactly("a1f0a1f0a1f0");
    assertThat(LINEAR.resolve("c3", atBase)).containsExactly("c3c3c3c3c3c3");
    assertThat(LINEAR.resolve("a1f0a1f0a1f0", atBase)).containsExactly("a1f0a1f0a1f0");
    assertThat(LINEAR.resolve("a1b2+1", atBase)).containsExactly("c3c3c3c3c3c3");
    assertThat(LINEAR.resolve("a1f0-2", atBase)).containsExactly("a1b2a1b2a1b2");
    assertThat(LINEAR.resolve(" head ", atBase)).containsExactly("a1f0a1f0a1f0");
  }

  @Test
  void namesAmbiguousUnknownMalformedAndOutOfRangeTargets() {
    assertThatThrownBy(() -> LINEAR.resolve("a1", List.of()))
        .isInstanceOf(MigrateException.class)
        .hasMessage(
            "Revision 'a1' is ambiguous: a1b2a1b2a1b2, a1f0a1f0a1f0. Give more characters of the id.");
    assertThatThrownBy(() -> LINEAR.resolve("9z", List.of()))
        .hasMessage("Revision '9z' not found. Run `mvn migrate:history` to list the revisions.");
    assertThatThrownBy(() -> LINEAR.resolve("+4", List.of()))
        .hasMessage("Target '+4' is out of range: a1f0a1f0a1f0 is a head, 1 step(s) short.");
    assertThatThrownBy(() -> LINEAR.resolve("-3", List.of("c3c3c3c3c3c3")))
        .hasMessage("Target '-3' is out of range: a1b2a1b2a1b2 is a base, 1 step(s) short.");
    assertThatThrownBy(() -> LINEAR.resolve("-1", List.of()))
        .hasMessage(
            "Target '-1' is out of range: the database is at base, there is nothing below it.");
    assertThatThrownBy(() -> LINEAR.resolve("head-x", List.of()))
        .hasMessage(
            "Target 'head-x' is not a revision: use head, heads, base, +N, -N, head-N, a full or partial"
                + " revision id, <rev>+N, <rev>-N, or <label>@head.");
    assertThatThrownBy(() -> LINEAR.resolve("", List.of()))
        .hasMessageStartingWith("Target '' is not a revision");
    assertThat(error(() -> LINEAR.resolve("9z", List.of())).code()).isEqualTo(ErrorCode.TARGET);
  }

  @Test
  void plansAnUpgradeAndADowngradeOnALinearChain() {
    assertThat(ids(LINEAR.upgradePlan(List.of(), List.of("c3c3c3c3c3c3"), "c3")))
        .containsExactly("a1b2a1b2a1b2", "c3c3c3c3c3c3");
    assertThat(ids(LINEAR.downgradePlan(List.of("a1f0a1f0a1f0"), List.of(), "base")))
        .containsExactly("a1f0a1f0a1f0", "c3c3c3c3c3c3", "a1b2a1b2a1b2");
    assertThat(LINEAR.upgradePlan(List.of("a1f0a1f0a1f0"), List.of("a1f0a1f0a1f0"), "head"))
        .isEmpty();
    assertThatThrownBy(
            () -> LINEAR.upgradePlan(List.of("a1f0a1f0a1f0"), List.of("a1b2a1b2a1b2"), "a1b2"))
        .hasMessage(
            "Target 'a1b2' (a1b2a1b2a1b2) is behind the current revision a1f0a1f0a1f0. Use"
                + " `mvn migrate:downgrade -Dmigrate.revision=a1b2` to go back.");
    assertThatThrownBy(
            () -> LINEAR.downgradePlan(List.of("a1b2a1b2a1b2"), List.of("a1f0a1f0a1f0"), "head"))
        .hasMessage(
            "Target 'head' (a1f0a1f0a1f0) is ahead of the current revision a1b2a1b2a1b2. Use"
                + " `mvn migrate:upgrade -Dmigrate.revision=head` to go forward.");
  }

  // ---- branches, a merge point, labels, a second base with a dependency

  /*
   *            ┌─ b1 ── b2 ─┐
   *   a0 ──────┤            ├── m0 ── y0 (depends on x1)
   *            └─ c1 ── c2 ─┘                 (c1 declares "shop")
   *   x0 ── x1                                (x0 declares "net")
   */
  private static final RevisionGraph BRANCHED =
      RevisionGraph.of(
          List.of(
              depending("dddddddd0000", List.of("net"), "eeeeeeee0000"),
              rev("eeeeeeee0000", "bbbbbbbb0002", "cccccccc0002"),
              rev("bbbbbbbb0002", "bbbbbbbb0001"),
              rev("bbbbbbbb0001", "aaaaaaaa0000"),
              labelled("cccccccc0001", "shop", "aaaaaaaa0000"),
              rev("cccccccc0002", "cccccccc0001"),
              rev("aaaaaaaa0000"),
              labelled("ffffffff0000", "net"),
              rev("ffffffff0001", "ffffffff0000")));

  @Test
  void findsHeadsBasesBranchPointsMergePointsAndLabels() {
    assertThat(BRANCHED.heads()).containsExactly("dddddddd0000", "ffffffff0001");
    assertThat(BRANCHED.bases()).containsExactly("aaaaaaaa0000", "ffffffff0000");
    assertThat(BRANCHED.branchPoints()).containsExactly("aaaaaaaa0000");
    assertThat(BRANCHED.isMergePoint("eeeeeeee0000")).isTrue();
    assertThat(BRANCHED.dependencies("dddddddd0000")).containsExactly("ffffffff0000");
    assertThat(BRANCHED.labels("cccccccc0002")).containsExactly("shop");
    assertThat(BRANCHED.labels("eeeeeeee0000")).containsExactly("shop"); // descendants carry it
    assertThat(BRANCHED.labels("aaaaaaaa0000")).isEmpty(); // not past the branch point
    assertThat(BRANCHED.labels("ffffffff0001")).containsExactly("net");
    assertThat(BRANCHED.find("shop").id()).isEqualTo("cccccccc0001");
    // parents before children; each branch finished before the next starts
    assertThat(ids(BRANCHED.revisions()))
        .containsExactly(
            "aaaaaaaa0000",
            "bbbbbbbb0001",
            "bbbbbbbb0002",
            "cccccccc0001",
            "cccccccc0002",
            "eeeeeeee0000",
            "ffffffff0000",
            "dddddddd0000",
            "ffffffff0001");
  }

  @Test
  void headRefusesSeveralHeadsAndSaysToMerge() {
    MigrateException e = error(() -> BRANCHED.resolve("head", List.of()));
    assertThat(e.code()).isEqualTo(ErrorCode.TARGET);
    assertThat(e)
        .hasMessage(
            "Multiple heads are present: dddddddd0000, ffffffff0001; run `mvn migrate:merge"
                + " -Dmessage=...` or target one head (-Dmigrate.revision=<id> or <label>@head, or heads for all).");
    assertThat(error(() -> BRANCHED.head()).code()).isEqualTo(ErrorCode.REVISION_GRAPH);
  }

  @Test
  void resolvesBranchTargets() {
    assertThat(BRANCHED.resolve("heads", List.of()))
        .containsExactly("dddddddd0000", "ffffffff0001");
    assertThat(BRANCHED.resolve("net@head", List.of())).containsExactly("ffffffff0001");
    assertThat(BRANCHED.resolve("shop@head", List.of())).containsExactly("dddddddd0000");
    assertThat(BRANCHED.resolve("net@heads", List.of())).containsExactly("ffffffff0001");
    assertThat(BRANCHED.resolve("net@head-1", List.of())).containsExactly("ffffffff0000");
    assertThat(BRANCHED.resolve("net@+1", List.of())).containsExactly("ffffffff0000");
    assertThat(BRANCHED.resolve("net@+1", List.of("ffffffff0000", "cccccccc0001")))
        .containsExactly("ffffffff0001");
    assertThat(BRANCHED.resolve("shop@-1", List.of("cccccccc0002", "ffffffff0000")))
        .containsExactly("cccccccc0001");
    assertThat(BRANCHED.resolve("ffffffff0000@head", List.of())).containsExactly("ffffffff0001");
    assertThat(BRANCHED.resolve("shop", List.of())).containsExactly("cccccccc0001");
    // one step below a merge point: both of its down revisions
    assertThat(BRANCHED.resolve("eeeeeeee0000-1", List.of()))
        .containsExactly("bbbbbbbb0002", "cccccccc0002");
    assertThat(BRANCHED.resolve("-1", List.of("eeeeeeee0000")))
        .containsExactly("bbbbbbbb0002", "cccccccc0002");
  }

  @Test
  void refusesAmbiguousRelativeTargetsNamingTheRevisions() {
    assertThatThrownBy(() -> BRANCHED.resolve("aaaa+1", List.of()))
        .hasMessage(
            "Relative target 'aaaa+1' is ambiguous: aaaaaaaa0000 is a branch point (bbbbbbbb0001,"
                + " cccccccc0001). Name the branch: <label>@+N, or a revision id.");
    assertThatThrownBy(() -> BRANCHED.resolve("+1", List.of()))
        .hasMessage(
            "Relative target '+1' is ambiguous: there are several bases (aaaaaaaa0000, ffffffff0000)."
                + " Name the branch: <label>@+N, or a revision id.");
    assertThatThrownBy(() -> BRANCHED.resolve("eeee-2", List.of()))
        .hasMessage(
            "Relative target 'eeee-2' is ambiguous: eeeeeeee0000 is a merge point of bbbbbbbb0002,"
                + " cccccccc0002. Name a revision below it: <rev>-N.");
    assertThatThrownBy(() -> BRANCHED.resolve("-1", List.of("bbbbbbbb0002", "cccccccc0002")))
        .hasMessage(
            "Relative target '-1' is ambiguous: the database is at several heads (bbbbbbbb0002,"
                + " cccccccc0002). Name the branch: <rev>-1 or <label>@-1.");
    assertThatThrownBy(() -> BRANCHED.resolve("nope@head", List.of()))
        .hasMessageStartingWith(
            "Revision 'nope' not found. Run `mvn migrate:history` to list the revisions"
                + " (branch labels: net, shop).");
  }

  @Test
  void upgradesOneBranchAndLeavesTheOtherAlone() {
    // database at a0 and x0; upgrading the shop branch only
    List<String> current = List.of("aaaaaaaa0000", "ffffffff0000");
    assertThat(ids(BRANCHED.upgradePlan(current, BRANCHED.resolve("cccccccc0002", current), "c2")))
        .containsExactly("cccccccc0001", "cccccccc0002");
    // upgrading to heads applies both branches, the merge, the dependency's branch and the
    // dependent
    assertThat(ids(BRANCHED.upgradePlan(List.of(), BRANCHED.heads(), "heads")))
        .containsExactly(
            "aaaaaaaa0000",
            "bbbbbbbb0001",
            "bbbbbbbb0002",
            "cccccccc0001",
            "cccccccc0002",
            "eeeeeeee0000",
            "ffffffff0000",
            "dddddddd0000",
            "ffffffff0001");
    // y0 needs x0 (dependsOn), but not x1
    assertThat(ids(BRANCHED.upgradePlan(List.of("eeeeeeee0000"), List.of("dddddddd0000"), "dddd")))
        .containsExactly("ffffffff0000", "dddddddd0000");
  }

  @Test
  void downgradesOnlyWhatDescendsFromTheTarget() {
    List<String> all = List.of("dddddddd0000", "ffffffff0001");
    assertThat(ids(BRANCHED.downgradePlan(all, List.of("bbbbbbbb0002", "cccccccc0002"), "eeee-1")))
        .containsExactly("dddddddd0000", "eeeeeeee0000");
    assertThat(ids(BRANCHED.downgradePlan(all, List.of("ffffffff0000"), "net@-1")))
        .containsExactly("ffffffff0001"); // y0 depends on x0, which stays
    assertThat(ids(BRANCHED.downgradePlan(all, List.of(), "base"))).hasSize(9);
    // a relative step reverts its own branch only; an absolute target reverts every branch above it
    List<String> both = List.of("bbbbbbbb0001", "cccccccc0001");
    assertThat(ids(BRANCHED.downgradePlan(both, BRANCHED.resolve("shop@-1", both), "shop@-1")))
        .containsExactly("cccccccc0001");
    assertThat(
            ids(
                BRANCHED.downgradePlan(
                    both, BRANCHED.resolve("bbbbbbbb0001-1", both), "bbbbbbbb0001-1")))
        .containsExactly("bbbbbbbb0001");
    assertThat(ids(BRANCHED.downgradePlan(both, List.of("aaaaaaaa0000"), "aaaa")))
        .containsExactly("cccccccc0001", "bbbbbbbb0001");
    // reverting x0 takes y0 with it, which depends on it
    assertThat(
            ids(BRANCHED.downgradePlan(List.of("dddddddd0000"), List.of("eeeeeeee0000"), "eeee")))
        .containsExactly("dddddddd0000");
  }

  @Test
  void keepsOneVersionRowPerBranchAsAlembicDoes() {
    List<String> heads = List.of();
    List<List<String>> rows = new ArrayList<>();
    for (RevisionInfo r : BRANCHED.upgradePlan(heads, BRANCHED.heads(), "heads")) {
      heads = BRANCHED.headsAfter(heads, r, Direction.UPGRADE);
      rows.add(heads);
    }
    assertThat(rows)
        .containsExactly(
            List.of("aaaaaaaa0000"),
            List.of("bbbbbbbb0001"),
            List.of("bbbbbbbb0002"),
            List.of("bbbbbbbb0002", "cccccccc0001"), // a new branch adds a row
            List.of("bbbbbbbb0002", "cccccccc0002"),
            List.of("eeeeeeee0000"), // the merge collapses them
            List.of("eeeeeeee0000", "ffffffff0000"), // a second base adds a row
            List.of("dddddddd0000"), // the dependency is built on: its row goes
            List.of("dddddddd0000", "ffffffff0001"));
    // reverting the merge point restores both rows
    assertThat(
            BRANCHED.headsAfter(
                List.of("eeeeeeee0000"), BRANCHED.get("eeeeeeee0000"), Direction.DOWNGRADE))
        .containsExactly("bbbbbbbb0002", "cccccccc0002");
    // reverting one side of a branch point leaves the other side's row alone
    assertThat(
            BRANCHED.headsAfter(
                List.of("bbbbbbbb0001", "cccccccc0001"),
                BRANCHED.get("cccccccc0001"),
                Direction.DOWNGRADE))
        .containsExactly("bbbbbbbb0001");
    // reverting y0 restores x0's row: nothing else builds on it
    assertThat(
            BRANCHED.headsAfter(
                List.of("dddddddd0000"), BRANCHED.get("dddddddd0000"), Direction.DOWNGRADE))
        .containsExactly("eeeeeeee0000", "ffffffff0000");
  }

  @Test
  void listsARangeNewestFirst() {
    assertThat(ids(BRANCHED.range(List.of("cccccccc0001"), List.of("eeeeeeee0000"))))
        .containsExactly("eeeeeeee0000", "cccccccc0002", "cccccccc0001");
    assertThat(ids(BRANCHED.range(List.of(), List.of("bbbbbbbb0001"))))
        .containsExactly("bbbbbbbb0001", "aaaaaaaa0000");
    assertThat(BRANCHED.range(List.of(), List.of())).hasSize(9);
  }

  @Test
  void collectsAncestorsAndDescendantsThroughDependencies() {
    assertThat(BRANCHED.ancestorsOrSelf(List.of("dddddddd0000")))
        .contains("ffffffff0000")
        .doesNotContain("ffffffff0001");
    assertThat(BRANCHED.descendantsOrSelf(List.of("ffffffff0000")))
        .isEqualTo(Set.of("ffffffff0000", "ffffffff0001", "dddddddd0000"));
  }

  // ---- broken graphs

  @Test
  void rejectsBrokenGraphsNamingTheRevisionsAndTheirFiles() {
    String file = "dev/migrate/runtime/Migration.java";
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("a"))))
        .hasMessage(
            "Revision id a is used by both "
                + file
                + " and "
                + file
                + ". Give one of them a new id (any 12"
                + " hex digits) and fix the revises of its successors.");
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), rev("b", "zzz"))))
        .hasMessage(
            "Revision b ("
                + file
                + ") revises 'zzz', which is not among the migrations. Restore the"
                + " migration class of zzz, or correct `revises` in "
                + file
                + ".");
    assertThatThrownBy(
            () -> RevisionGraph.of(List.of(rev("a", "b"), rev("b", "a"), rev("c"), rev("d", "a"))))
        .hasMessage(
            "The revisions a ("
                + file
                + "), b ("
                + file
                + "), d ("
                + file
                + ") form a cycle (or descend"
                + " from one): following `revises` and `dependsOn` from them leads back to them. Correct `revises` or"
                + " `dependsOn` in those classes.");
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), depending("b", List.of("q"), "a"))))
        .hasMessage(
            "Revision b ("
                + file
                + ") depends on 'q', which is neither a revision nor a branch label."
                + " Correct `dependsOn` in "
                + file
                + ".");
    assertThatThrownBy(() -> RevisionGraph.of(List.of(labelled("a", "x"), labelled("b", "x", "a"))))
        .hasMessage(
            "Branch label 'x' is declared by both a ("
                + file
                + ") and b ("
                + file
                + "). A label names one"
                + " branch: rename one of them.");
    assertThatThrownBy(() -> RevisionGraph.of(List.of(rev("a"), depending("b", List.of("b"), "a"))))
        .hasMessageStartingWith("Revision b (" + file + ") depends on itself.");
    assertThat(error(() -> RevisionGraph.of(List.of(rev("a", "b"), rev("b", "a")))).code())
        .isEqualTo(ErrorCode.REVISION_GRAPH);
  }

  @Test
  void handlesALongChainWithoutRecursion() {
    List<RevisionInfo> revisions = new ArrayList<>();
    revisions.add(rev(String.format("%012x", 0)));
    for (int i = 1; i < 100_000; i++) {
      revisions.add(rev(String.format("%012x", i), String.format("%012x", i - 1)));
    }
    RevisionGraph graph = RevisionGraph.of(revisions);
    assertThat(graph.heads()).containsExactly(String.format("%012x", 99_999));
    assertThat(graph.resolve("head-99999", List.of())).containsExactly(String.format("%012x", 0));
    assertThat(graph.upgradePlan(List.of(), graph.heads(), "head")).hasSize(100_000);
  }
}
