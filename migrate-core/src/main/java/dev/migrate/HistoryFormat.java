package dev.migrate;

import dev.migrate.runner.GraphPictures;
import dev.migrate.runner.HistoryEntry;
import java.util.List;
import java.util.Locale;

/** How {@code migrate:history} prints the revisions. */
public enum HistoryFormat {

  /** One log line per revision, in Alembic's format. */
  TEXT,
  /** A fenced Mermaid block GitHub renders. */
  MERMAID,
  /** Graphviz. */
  DOT,
  /** One JSON document on standard output, for CI (the Maven plugin renders it). */
  JSON;

  /**
   * The format {@code text} names ({@code text}, {@code mermaid}, {@code dot} or {@code json}, as
   * {@code -Dmigrate.format} takes it).
   *
   * @throws MigrateException ({@link ErrorCode#CONFIGURATION}) for any other text
   */
  public static HistoryFormat parse(String text) {
    for (HistoryFormat format : values()) {
      if (format.name().toLowerCase(Locale.ROOT).equals(text)) {
        return format;
      }
    }
    throw new MigrateException(
        ErrorCode.CONFIGURATION,
        "Unknown -Dmigrate.format=" + text + ": use text, mermaid, dot or json.");
  }

  /**
   * Whether the format is a picture (written to a file or standard output) rather than log lines.
   */
  public boolean isPicture() {
    return this == MERMAID || this == DOT;
  }

  /**
   * The picture of {@code entries}.
   *
   * @throws IllegalStateException for {@link #TEXT} and {@link #JSON}, which are not pictures
   */
  public String picture(List<HistoryEntry> entries) {
    return switch (this) {
      case MERMAID -> GraphPictures.mermaid(entries);
      case DOT -> GraphPictures.dot(entries);
      case TEXT, JSON ->
          throw new IllegalStateException(
              name().toLowerCase(Locale.ROOT) + " is printed by the shell, not as a picture");
    };
  }
}
