package com.acme.fullshop.shop;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;

/** {@code SINGLE_TABLE}: one table, a discriminator column, subclass columns nullable. */
@Entity
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "payment_type", discriminatorType = DiscriminatorType.STRING, length = 20)
public abstract class Payment {

  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private java.util.UUID id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "order_id")
  private PurchaseOrder order;

  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal amount;

  private Instant receivedAt;
}
