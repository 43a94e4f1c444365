package com.acme.fullshop.shop;

import com.acme.fullshop.common.BaseEntity;
import jakarta.persistence.ConstraintMode;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import org.hibernate.annotations.ColumnDefault;

/** Product stock per warehouse; the product reference deliberately has no foreign key constraint. */
@Entity
@Table(uniqueConstraints = @UniqueConstraint(columnNames = {"warehouse_id", "product_id"}))
public class StockItem extends BaseEntity {

  @ManyToOne
  @JoinColumn(name = "product_id", foreignKey = @ForeignKey(ConstraintMode.NO_CONSTRAINT))
  private Product product;

  @ColumnDefault("0")
  private int quantity;

  private Short reorderLevel;
}
