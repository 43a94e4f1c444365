package com.acme.fullshop.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** A second {@code TABLE_PER_CLASS} subclass. */
@Entity
public class CreditNote extends Document {

  @ManyToOne
  @JoinColumn(name = "invoice_id")
  private Invoice invoice;

  private BigDecimal amountCredited;

  private String reason;
}
