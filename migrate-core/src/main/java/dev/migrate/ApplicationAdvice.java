package dev.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the next step that a message names as a Maven goal ({@code `mvn migrate:history`}) into
 * the facade call that does the same ({@code `Migrate#history()`}), for {@link Caller#APPLICATION}.
 * The core's messages are written once, in the goals' words; this class is the one place that knows
 * how each goal and its properties map onto the facade, so an application is never told to run
 * {@code mvn}.
 */
final class ApplicationAdvice {

  private ApplicationAdvice() {}

  /**
   * A property's value: {@code ...}, or up to a blank, a quote, a bracket or a comma, never ending
   * in a period.
   */
  private static final String VALUE = "(?:\\.\\.\\.|<[^>]*>|[^\\s`),]*[^\\s`),.])";

  /** A goal with its {@code -D} properties, with or without backquotes around it. */
  private static final Pattern GOAL =
      Pattern.compile("`?mvn migrate:([a-z-]+)((?: -D[\\w.]+(?:=" + VALUE + ")?)*)`?");

  private static final Pattern PROPERTY = Pattern.compile(" -D([\\w.]+)(?:=(" + VALUE + "))?");

  /** A property outside a goal: {@code -Dmigrate.revision=<id>}, {@code -Dmigrate.schema=dev}. */
  private static final Pattern LONE_PROPERTY =
      Pattern.compile("-Dmigrate\\.(revision|schema)=(" + VALUE + ")");

  /** Each goal's facade verb and the arguments it takes when the goal names none. */
  private static final Map<String, String> VERBS =
      Map.ofEntries(
          Map.entry("upgrade", "upgrade(%s)"),
          Map.entry("downgrade", "downgrade(%s)"),
          Map.entry("stamp", "stamp(%s, %s)"),
          Map.entry("history", "history()"),
          Map.entry("current", "current()"),
          Map.entry("heads", "heads(RevisionMarks.CURRENT)"),
          Map.entry("merge", "merge(message, List.of(), sourceRoot, packageName)"),
          Map.entry("autogen", "autogenerate(model, message, sourceRoot, packageName)"),
          Map.entry("revision", "revision(message, sourceRoot, packageName)"),
          Map.entry("check", "check(CheckMode.REPLAY, model)"),
          Map.entry("reset", "reset(ResetMode.KEEP_ROWS)"),
          Map.entry("repair", "repair(%s)"),
          Map.entry("baseline", "baseline(message, sourceRoot, packageName)"),
          Map.entry("lint", "lint(null)"));

  /**
   * {@code e} with its Maven advice in facade calls, or {@code e} itself when it names no goal or
   * is a subclass (a run or fan-out failure, whose type callers rely on).
   */
  static MigrateException rewrite(MigrateException e) {
    String message = e.getMessage();
    if (e.getClass() != MigrateException.class
        || message == null
        || !(message.contains("mvn migrate:") || message.contains("-Dmigrate."))) {
      return e;
    }
    String rewritten = rewrite(message);
    if (rewritten.equals(message)) {
      return e;
    }
    MigrateException advised = new MigrateException(e.code(), rewritten, e.getCause());
    advised.setStackTrace(e.getStackTrace());
    return advised;
  }

  /** {@code message} with every goal and lone property in facade terms. */
  static String rewrite(String message) {
    Matcher goals = GOAL.matcher(message);
    StringBuilder out = new StringBuilder();
    while (goals.find()) {
      String call = call(goals.group(1), goals.group(2));
      goals.appendReplacement(
          out, Matcher.quoteReplacement(call == null ? goals.group() : "`" + call + "`"));
    }
    goals.appendTail(out);
    Matcher lone = LONE_PROPERTY.matcher(out.toString());
    StringBuilder result = new StringBuilder();
    while (lone.find()) {
      String value = lone.group(2);
      lone.appendReplacement(
          result,
          Matcher.quoteReplacement(
              lone.group(1).equals("revision")
                  ? "target " + value
                  : "Configuration#schema(\"" + value + "\")"));
    }
    lone.appendTail(result);
    return result.toString();
  }

  /** The facade call for {@code goal} with {@code properties}, or null for a goal it lacks. */
  private static String call(String goal, String properties) {
    String verb = VERBS.get(goal);
    if (verb == null) {
      return null;
    }
    String revision = null;
    String schema = null;
    boolean purge = false;
    Matcher property = PROPERTY.matcher(properties);
    while (property.find()) {
      switch (property.group(1)) {
        case "migrate.revision" -> revision = property.group(2);
        case "migrate.schema" -> schema = property.group(2);
        case "migrate.purge" -> purge = true;
        default -> {
          // -Dmessage and the like are the verb's named arguments already
        }
      }
    }
    List<String> arguments = new ArrayList<>();
    switch (goal) {
      case "upgrade" -> arguments.add(quoted(revision, "head"));
      case "downgrade" -> arguments.add(quoted(revision, "-1"));
      case "repair" -> arguments.add(revision == null ? "null" : quoted(revision, null));
      case "stamp" -> {
        arguments.add(quoted(revision, "head"));
        arguments.add(purge ? "StampMode.PURGE" : "StampMode.KEEP");
      }
      default -> {
        // the verb's text has its arguments
      }
    }
    String text = String.format(verb, arguments.toArray());
    return (schema == null ? "Migrate#" : "Migrate#inSchema(\"" + schema + "\").") + text;
  }

  private static String quoted(String value, String otherwise) {
    return "\"" + (value == null ? otherwise : value) + "\"";
  }
}
