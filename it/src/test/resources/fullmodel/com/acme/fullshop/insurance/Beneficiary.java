package com.acme.fullshop.insurance;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;

/** An embeddable in an element collection with an implicit collection table name. */
@Embeddable
public class Beneficiary {

  @Column(nullable = false, length = 120)
  private String fullName;

  @Column(precision = 5, scale = 2)
  private BigDecimal sharePercent;
}
