package com.acme.fullshop.common;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Nested inside {@link Address}. */
@Embeddable
public class GeoPoint {

  @Column(precision = 9, scale = 6)
  private java.math.BigDecimal latitude;

  @Column(precision = 9, scale = 6)
  private java.math.BigDecimal longitude;
}
