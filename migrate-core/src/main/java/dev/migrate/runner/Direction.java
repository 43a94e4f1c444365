package dev.migrate.runner;

import java.util.Locale;

/** Which way revisions run: applied ({@code upgrade}) or reverted ({@code downgrade}). */
public enum Direction {

  /** Apply revisions: each revision's {@code upgrade} method. */
  UPGRADE,
  /** Revert revisions: each revision's {@code downgrade} method. */
  DOWNGRADE;

  /**
   * The direction as logs, history rows and scripts write it: {@code upgrade} or {@code downgrade}.
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
