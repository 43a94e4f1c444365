package com.acme.fullshop.insurance;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import java.math.BigDecimal;

/** Composite key through {@code @EmbeddedId}. */
@Entity
public class Coverage {

  @EmbeddedId
  private CoverageId id;

  @Column(name = "limit_amount", precision = 12, scale = 2)
  private BigDecimal limitAmount;

  private BigDecimal deductible;
}
