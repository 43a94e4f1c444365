package dev.migrate.runner;

import dev.migrate.dialect.VersionStore.RecordedChecksum;
import dev.migrate.ops.CanonicalOps;
import dev.migrate.ops.Op;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Which applied revisions were edited since they were applied (Flyway's {@code validate}): for
 * every revision the version table's heads include (itself or as an ancestor) that the code still
 * has, the checksum of its upgrade ops now is compared with the one of its last successful history
 * row, in the format that row was written in ({@link Checksums}). Revisions without such a row
 * (ancestors of a stamped head, rows without checksum) and revisions whose last row is a downgrade
 * are not compared. Pure: the caller reads the rows.
 */
public final class ChecksumValidation {

  /** How many characters of each side a changed op shows around its first difference. */
  private static final int BEFORE = 40;

  private static final int AFTER = 80;

  private ChecksumValidation() {}

  /**
   * The applied revisions of {@code graph}, as {@code heads} name them, whose checksum differs from
   * {@code recorded}'s, parents first.
   *
   * @param recorded the last successful history row of each revision ({@link
   *     dev.migrate.dialect.VersionStore#recordedChecksums})
   */
  public static List<EditedRevision> edited(
      RevisionGraph graph, Collection<String> heads, Map<String, RecordedChecksum> recorded) {
    List<String> known = heads.stream().filter(graph::contains).toList();
    List<EditedRevision> edited = new ArrayList<>();
    for (String id : graph.sorted(graph.ancestorsOrSelf(known))) {
      RecordedChecksum row = recorded.get(id);
      if (row == null || row.checksum() == null || row.direction().equals("downgrade")) {
        continue;
      }
      RevisionInfo revision = graph.get(id);
      List<Op> ops = revision.ops(Direction.UPGRADE);
      if (!Checksums.matches(row.checksum(), ops)) {
        edited.add(
            new EditedRevision(
                id,
                revision.type().getName(),
                revision.sourceFile(),
                row.checksum(),
                Checksums.of(ops),
                change(row, ops)));
      }
    }
    return edited;
  }

  /** What changed between the recorded ops and {@code ops}, in words. */
  static String change(RecordedChecksum row, List<Op> ops) {
    if (Checksums.formatOf(row.checksum()) == Checksums.Format.UNKNOWN) {
      return "the recorded checksum "
          + row.checksum()
          + " is in a format this Migrate does not know (written by a later Migrate, or by hand)";
    }
    if (row.ops() == null) {
      return "its ops now ("
          + ops.size()
          + ") differ from those applied, which were not recorded (applied by an earlier Migrate or"
          + " an offline script)";
    }
    List<String> before = row.ops().lines().toList();
    List<String> now = ops.stream().map(CanonicalOps::line).toList();
    int i = 0;
    while (i < before.size() && i < now.size() && before.get(i).equals(now.get(i))) {
      i++;
    }
    if (i == before.size() && i == now.size()) {
      return "its ops read the same as those applied, but the checksum differs (recorded in "
          + Checksums.formatOf(row.checksum())
          + ")";
    }
    if (i == before.size()) {
      return (now.size() - i)
          + " op(s) added after op "
          + i
          + " of "
          + before.size()
          + ", first "
          + excerpt(now.get(i), 0);
    }
    if (i == now.size()) {
      return (before.size() - i)
          + " op(s) removed after op "
          + i
          + ", first "
          + excerpt(before.get(i), 0);
    }
    String was = before.get(i);
    String is = now.get(i);
    int at = 0;
    while (at < was.length() && at < is.length() && was.charAt(at) == is.charAt(at)) {
      at++;
    }
    return "op "
        + (i + 1)
        + " of "
        + now.size()
        + " changed from "
        + excerpt(was, at)
        + " to "
        + excerpt(is, at)
        + (before.size() == now.size()
            ? ""
            : " (" + before.size() + " op(s) applied, " + now.size() + " now)");
  }

  /** {@code line} around character {@code at}, with {@code ...} where it is cut. */
  private static String excerpt(String line, int at) {
    int start = Math.max(0, at - BEFORE);
    int end = Math.min(line.length(), at + AFTER);
    return (start > 0 ? "..." : "")
        + line.substring(start, end)
        + (end < line.length() ? "..." : "");
  }
}
