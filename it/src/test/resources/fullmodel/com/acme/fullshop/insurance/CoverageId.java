package com.acme.fullshop.insurance;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.Objects;

/** The {@code @EmbeddedId} of {@link Coverage}. */
@Embeddable
public class CoverageId implements Serializable {

  @Column(name = "policy_number", length = 20)
  private String policyNumber;

  @Column(name = "coverage_code", length = 10)
  private String code;

  @Override
  public boolean equals(Object o) {
    return o instanceof CoverageId other && Objects.equals(policyNumber, other.policyNumber)
        && Objects.equals(code, other.code);
  }

  @Override
  public int hashCode() {
    return Objects.hash(policyNumber, code);
  }
}
