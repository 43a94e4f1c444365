package dev.migrate.runner;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The revision graph as a picture: Mermaid (renders in GitHub markdown) or Graphviz dot. Each
 * revision is a node labelled with its id, labels and message; an arrow runs from a down revision
 * to the revision that revises it, a dotted arrow from a dependency to its dependent. Heads are
 * drawn bold; revisions the database is at are marked {@code (current)}. Edges to revisions outside
 * the listed range are left out.
 */
public final class GraphPictures {

  private GraphPictures() {}

  /** A fenced {@code mermaid} block, parents at the top. */
  public static String mermaid(List<HistoryEntry> entries) {
    Set<String> shown = ids(entries);
    StringBuilder out = new StringBuilder("```mermaid\nflowchart TD\n");
    for (HistoryEntry e : reversed(entries)) {
      out.append("  r")
          .append(e.id())
          .append("[\"")
          .append(e.id())
          .append(labels(e))
          .append(e.current() ? " (current)" : "")
          .append("<br/>")
          .append(mermaidText(e.message()))
          .append("\"]\n");
    }
    for (HistoryEntry e : reversed(entries)) {
      for (String down : e.revises()) {
        if (shown.contains(down)) {
          out.append("  r").append(down).append(" --> r").append(e.id()).append('\n');
        }
      }
      for (String dependency : e.dependsOn()) {
        if (shown.contains(dependency)) {
          out.append("  r")
              .append(dependency)
              .append(" -.->|depends on| r")
              .append(e.id())
              .append('\n');
        }
      }
    }
    for (HistoryEntry e : entries) {
      if (e.head()) {
        out.append("  style r").append(e.id()).append(" stroke-width:3px\n");
      }
    }
    return out.append("```\n").toString();
  }

  /** A Graphviz {@code digraph}, parents at the top. */
  public static String dot(List<HistoryEntry> entries) {
    Set<String> shown = ids(entries);
    StringBuilder out = new StringBuilder("digraph revisions {\n  node [shape=box];\n");
    for (HistoryEntry e : reversed(entries)) {
      out.append("  \"")
          .append(e.id())
          .append("\" [label=\"")
          .append(e.id())
          .append(labels(e))
          .append(e.current() ? " (current)" : "")
          .append("\\n")
          .append(dotText(e.message()))
          .append('"')
          .append(e.head() ? ", penwidth=3" : "")
          .append("];\n");
    }
    for (HistoryEntry e : reversed(entries)) {
      for (String down : e.revises()) {
        if (shown.contains(down)) {
          out.append("  \"").append(down).append("\" -> \"").append(e.id()).append("\";\n");
        }
      }
      for (String dependency : e.dependsOn()) {
        if (shown.contains(dependency)) {
          out.append("  \"")
              .append(dependency)
              .append("\" -> \"")
              .append(e.id())
              .append("\" [style=dotted];\n");
        }
      }
    }
    return out.append("}\n").toString();
  }

  private static List<HistoryEntry> reversed(List<HistoryEntry> newestFirst) {
    List<HistoryEntry> list = new java.util.ArrayList<>(newestFirst);
    java.util.Collections.reverse(list);
    return list;
  }

  private static Set<String> ids(List<HistoryEntry> entries) {
    Set<String> ids = new HashSet<>();
    entries.forEach(e -> ids.add(e.id()));
    return ids;
  }

  private static String labels(HistoryEntry e) {
    return e.labels().isEmpty() ? "" : " (" + String.join(", ", e.labels()) + ")";
  }

  private static String mermaidText(String text) {
    return text.replace("\"", "#quot;").replaceAll("[\r\n]+", " ");
  }

  private static String dotText(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\r\n]+", " ");
  }
}
