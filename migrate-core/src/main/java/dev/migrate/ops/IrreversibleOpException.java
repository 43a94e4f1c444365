package dev.migrate.ops;

/** Thrown by {@link Op#reverse()} when an op cannot be undone, naming the op and the fix. */
public class IrreversibleOpException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public IrreversibleOpException(String message) {
    super(message);
  }
}
