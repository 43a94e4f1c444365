package dev.migrate;

/**
 * A problem Migrate reports to its user: what went wrong, naming the thing (entity and member,
 * table, revision id, schema, SQL statement), and the next step. {@link #code()} says which kind of
 * problem it is, so that callers (the Maven goals) can tell a problem the user must fix from a
 * broken environment.
 */
public class MigrateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;

  public MigrateException(ErrorCode code, String message) {
    super(message);
    this.code = code;
  }

  public MigrateException(ErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** The kind of problem. */
  public ErrorCode code() {
    return code;
  }
}
