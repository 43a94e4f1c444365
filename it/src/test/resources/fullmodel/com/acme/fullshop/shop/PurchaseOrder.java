package com.acme.fullshop.shop;

import com.acme.fullshop.common.AuditedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.annotations.ColumnDefault;

/** An order: a required many-to-one, string enums with and without a length, a defaulted currency. */
@Entity
@Table(name = "purchase_order", indexes = @Index(name = "ix_order_customer_placed", columnList = "customer_id, placed_at DESC"))
public class PurchaseOrder extends AuditedEntity {

  public enum Status { DRAFT, PLACED, PAID, SHIPPED, CANCELLED }

  @NotNull
  @ManyToOne
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @Enumerated(EnumType.STRING)
  private Status status;

  @Enumerated(EnumType.STRING)
  @Column(length = 20)
  private SalesChannel channel;

  @Column(name = "placed_at")
  private OffsetDateTime placedAt;

  @Column(nullable = false, precision = 14, scale = 2)
  private BigDecimal total;

  @Column(length = 3, nullable = false)
  @ColumnDefault("'EUR'")
  private String currency;

  @OneToMany(mappedBy = "order")
  private List<OrderLine> lines;
}
