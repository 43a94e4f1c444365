package com.acme.fullshop.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/** A concrete {@code TABLE_PER_CLASS} subclass: a table with the root's columns and its own. */
@Entity
public class Invoice extends Document {

  @ManyToOne
  @JoinColumn(name = "order_id")
  private PurchaseOrder order;

  private BigDecimal amountDue;
}
