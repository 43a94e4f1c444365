package dev.migrate.it.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified-style diff of two lists of lines ({@code --- a}, {@code +++ b}, {@code @@ -l,n +l,n @@}
 * hunks with {@code context} unchanged lines around each change), computed from a longest common
 * subsequence. Meant for test failure messages over a few thousand lines: time and memory are
 * {@code O(a.size() * b.size())}.
 */
public final class LineDiff {

  private LineDiff() {}

  /** The diff from {@code a} to {@code b}, or the empty string when they are equal. */
  public static String unified(
      String aName, List<String> a, String bName, List<String> b, int context) {
    if (a.equals(b)) {
      return "";
    }
    List<Edit> edits = edits(a, b);
    StringBuilder out =
        new StringBuilder("--- ").append(aName).append("\n+++ ").append(bName).append('\n');
    int i = 0;
    while (i < edits.size()) {
      if (edits.get(i).kind == ' ') {
        i++;
        continue;
      }
      int start = Math.max(0, i - context);
      int end = i;
      // extend the hunk while the next change is within 2 * context unchanged lines
      while (true) {
        while (end < edits.size() && edits.get(end).kind != ' ') {
          end++;
        }
        int next = end;
        while (next < edits.size() && edits.get(next).kind == ' ') {
          next++;
        }
        if (next < edits.size() && next - end <= 2 * context) {
          end = next;
        } else {
          end = Math.min(edits.size(), end + context);
          break;
        }
      }
      int aStart = edits.get(start).aLine;
      int bStart = edits.get(start).bLine;
      int aCount = 0;
      int bCount = 0;
      StringBuilder body = new StringBuilder();
      for (Edit e : edits.subList(start, end)) {
        body.append(e.kind).append(e.text).append('\n');
        aCount += e.kind == '+' ? 0 : 1;
        bCount += e.kind == '-' ? 0 : 1;
      }
      out.append("@@ -")
          .append(aStart + 1)
          .append(',')
          .append(aCount)
          .append(" +")
          .append(bStart + 1)
          .append(',')
          .append(bCount)
          .append(" @@\n")
          .append(body);
      i = end;
    }
    return out.toString();
  }

  private record Edit(char kind, String text, int aLine, int bLine) {}

  private static List<Edit> edits(List<String> a, List<String> b) {
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] =
            a.get(i).equals(b.get(j))
                ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        edits.add(new Edit(' ', a.get(i), i++, j++));
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        edits.add(new Edit('-', a.get(i), i++, j));
      } else {
        edits.add(new Edit('+', b.get(j), i, j++));
      }
    }
    return edits;
  }
}
