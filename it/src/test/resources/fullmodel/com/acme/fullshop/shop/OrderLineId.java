package com.acme.fullshop.shop;

import java.io.Serializable;
import java.util.Objects;

/** The {@code @IdClass} of {@link OrderLine}. */
public class OrderLineId implements Serializable {

  private Long orderId;
  private int lineNo;

  public OrderLineId() {}

  @Override
  public boolean equals(Object o) {
    return o instanceof OrderLineId other && Objects.equals(orderId, other.orderId) && lineNo == other.lineNo;
  }

  @Override
  public int hashCode() {
    return Objects.hash(orderId, lineNo);
  }
}
