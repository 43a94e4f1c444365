package dev.migrate.diff;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a {@link SchemaDiff} needs to know beyond the two models.
 *
 * @param existingSchemas the schemas that exist in the database; a model object in another schema
 *     gets a {@code CREATE SCHEMA} first. {@code null} means "unknown": every schema is taken to
 *     exist (the pure, database-less default)
 * @param excludeTables glob patterns ({@code *} any characters, {@code ?} one) of tables left out
 *     of the comparison entirely, on both sides; a pattern matches the table name or its {@code
 *     schema.name}
 * @param owned the objects this chain's revisions created, the only ones an upgrade may drop when
 *     the model lacks them; {@code null} means every object may be dropped (comparing two models,
 *     not a model and a database)
 * @param members the Java members behind the target model's tables and columns, named in the rename
 *     hints; {@link MemberNames#NONE} (also for {@code null}) when unknown
 */
public record DiffOptions(
    Set<String> existingSchemas,
    List<String> excludeTables,
    ChainObjects owned,
    MemberNames members) {

  public DiffOptions {
    existingSchemas = existingSchemas == null ? null : Set.copyOf(existingSchemas);
    excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
    members = members == null ? MemberNames.NONE : members;
  }

  /** Options without the Java members behind the model ({@link MemberNames#NONE}). */
  public DiffOptions(Set<String> existingSchemas, List<String> excludeTables, ChainObjects owned) {
    this(existingSchemas, excludeTables, owned, MemberNames.NONE);
  }

  /** Every schema exists, no table is excluded, every object may be dropped. */
  public static DiffOptions defaults() {
    return new DiffOptions(null, List.of(), null);
  }

  /** These options with the schemas that exist in the database. */
  public DiffOptions withExistingSchemas(Set<String> existingSchemas) {
    return new DiffOptions(existingSchemas, excludeTables, owned, members);
  }

  /** These options with the exclusion patterns given. */
  public DiffOptions withExcludeTables(List<String> excludeTables) {
    return new DiffOptions(existingSchemas, excludeTables, owned, members);
  }

  /** These options with the objects the chain owns. */
  public DiffOptions withOwned(ChainObjects owned) {
    return new DiffOptions(existingSchemas, excludeTables, owned, members);
  }

  /** These options with the Java members behind the target model, for the rename hints. */
  public DiffOptions withMembers(MemberNames members) {
    return new DiffOptions(existingSchemas, excludeTables, owned, members);
  }

  /**
   * Whether the table {@code name} in {@code schema} ({@code null}: the target schema) matches a
   * pattern.
   */
  public boolean excluded(String schema, String name) {
    for (String glob : excludeTables) {
      Pattern pattern = glob(glob);
      if (pattern.matcher(name).matches()
          || schema != null && pattern.matcher(schema + "." + name).matches()) {
        return true;
      }
    }
    return false;
  }

  private static Pattern glob(String glob) {
    Objects.requireNonNull(glob, "excludeTables pattern");
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
