package dev.migrate.lint;

import java.util.List;

/**
 * The safety lint of one revision.
 *
 * @param revision the revision id
 * @param message the revision's message
 * @param sourceFile the migration class's source file relative to its source root
 * @param findings what its upgrade ops hit, in op order
 */
public record RevisionLint(
    String revision, String message, String sourceFile, List<Finding> findings) {

  public RevisionLint {
    findings = List.copyOf(findings);
  }
}
