package com.acme.fullshop.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import org.hibernate.annotations.Check;

/** Composite key through {@code @IdClass}; the order reference reuses the key column read-only. */
@Entity
@IdClass(OrderLineId.class)
@Check(constraints = "quantity > 0")
public class OrderLine {

  @Id
  @Column(name = "order_id")
  private Long orderId;

  @Id
  @Column(name = "line_no")
  private int lineNo;

  @ManyToOne
  @JoinColumn(name = "order_id", insertable = false, updatable = false)
  private PurchaseOrder order;

  @ManyToOne
  @JoinColumn(name = "product_id", nullable = false)
  private Product product;

  private int quantity;

  @Digits(integer = 8, fraction = 2)
  @Column(name = "unit_price")
  private BigDecimal unitPrice;
}
