package dev.migrate.maven;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.migrate.Current;
import dev.migrate.History;
import dev.migrate.Outcome;
import dev.migrate.Results;
import dev.migrate.check.CheckResult;
import dev.migrate.runner.AppliedRevision;
import dev.migrate.runner.HistoryEntry;
import dev.migrate.runner.RunResult;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The JSON documents of {@code -Dmigrate.format=json}, one per goal run, on one line of standard
 * output:
 *
 * <pre>{"goal":"current","outcome":"ok","schemas":[{"schema":"public","group":null,...}]}</pre>
 *
 * <p>{@code outcome} is {@code ok}, {@code failed} (the check found problems) or {@code error} (the
 * goal failed; {@code message} says why). {@code schemas} holds one object per schema the goal ran
 * in, with {@code schema} and {@code group} (the schema group's alias, or {@code null}) and the
 * goal's fields. The README lists the fields of each goal.
 */
final class JsonOutput {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonOutput() {}

  /** The document of {@code goal} over {@code results}, each value rendered by {@code fields}. */
  static <T> Map<String, Object> of(
      String goal, String outcome, Results<T> results, Function<T, Map<String, Object>> fields) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("goal", goal);
    document.put("outcome", outcome);
    document.put("schemas", results.outcomes().stream().map(o -> schema(o, fields)).toList());
    return document;
  }

  /** The document of a goal that failed. */
  static Map<String, Object> error(String goal, String message) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("goal", goal);
    document.put("outcome", "error");
    document.put("message", message);
    return document;
  }

  /** Writes {@code document} on one line of standard output. */
  static void print(Map<String, Object> document) {
    try {
      PrintStream out = System.out;
      out.println(MAPPER.writeValueAsString(document));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render the JSON document: " + e.getMessage(), e);
    }
  }

  /** {@code revisions}: the revisions in the version table; {@code heads}: the graph's heads. */
  static Map<String, Object> current(Current current) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("revisions", current.revisions());
    fields.put("heads", current.heads());
    fields.put("unknown", current.unknown());
    return fields;
  }

  /** {@code revisions}: newest first, each as {@link #entry}; {@code runs}: with verbose. */
  static Map<String, Object> history(History history) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("revisions", history.revisions().stream().map(JsonOutput::entry).toList());
    fields.put(
        "runs",
        history.runs().stream()
            .map(
                row -> {
                  Map<String, Object> run = new LinkedHashMap<>();
                  run.put("revision", row.revision());
                  run.put("direction", row.direction());
                  run.put("appliedAt", row.appliedAt());
                  run.put("appliedBy", row.appliedBy());
                  run.put("durationMillis", row.durationMillis());
                  run.put("success", row.success());
                  return run;
                })
            .toList());
    return fields;
  }

  /** One revision: id, revises, dependsOn, labels, message and its marks. */
  static Map<String, Object> entry(HistoryEntry e) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("id", e.id());
    fields.put("revises", e.revises());
    fields.put("dependsOn", e.dependsOn());
    fields.put("labels", e.labels());
    fields.put("message", e.message());
    fields.put("head", e.head());
    fields.put("current", e.current());
    fields.put("branchPoint", e.branchPoint());
    fields.put("mergePoint", e.mergePoint());
    fields.put("sourceFile", e.sourceFile());
    return fields;
  }

  /** {@code passed}, {@code mode}, {@code problems}, {@code notes} and {@code fix}. */
  static Map<String, Object> check(CheckResult result) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("passed", result.passed());
    fields.put("mode", result.mode().name().toLowerCase(java.util.Locale.ROOT));
    fields.put("problems", result.problems());
    fields.put("notes", result.notes());
    fields.put("fix", result.passed() ? null : result.fix());
    return fields;
  }

  /** {@code from} and {@code to} ({@code null} for base), the revisions run, the duration. */
  static Map<String, Object> run(RunResult result) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("from", result.from());
    fields.put("to", result.to());
    fields.put(
        "revisions",
        result.revisions().stream()
            .map(
                (AppliedRevision r) -> {
                  Map<String, Object> revision = new LinkedHashMap<>();
                  revision.put("id", r.id());
                  revision.put("message", r.message());
                  revision.put("statements", r.statements());
                  revision.put("durationMillis", r.durationMillis());
                  return revision;
                })
            .toList());
    fields.put("durationMillis", result.durationMillis());
    return fields;
  }

  private static <T> Map<String, Object> schema(
      Outcome<T> outcome, Function<T, Map<String, Object>> fields) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("schema", outcome.schema());
    schema.put("group", outcome.group().map(g -> g.alias()).orElse(null));
    schema.putAll(fields.apply(outcome.value()));
    return schema;
  }

  /** A document of one schema, for a goal that works on one chain ({@code heads}). */
  static Map<String, Object> single(String goal, String schema, Map<String, Object> fields) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("schema", schema);
    entry.put("group", null);
    entry.putAll(fields);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("goal", goal);
    document.put("outcome", "ok");
    document.put("schemas", List.of(entry));
    return document;
  }
}
