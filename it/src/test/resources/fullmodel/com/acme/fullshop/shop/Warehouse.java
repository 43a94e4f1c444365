package com.acme.fullshop.shop;

import com.acme.fullshop.common.Address;
import com.acme.fullshop.common.BaseEntity;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AssociationOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * A unidirectional one-to-many with {@code @JoinColumn}: the foreign key sits on {@link StockItem}. The address is
 * {@code @Valid @NotNull}, so Bean Validation inside it shapes its columns ({@code @Size} on {@code street}), unlike
 * on {@link Customer}'s addresses.
 */
@Entity
public class Warehouse extends BaseEntity {

  @Column(nullable = false, length = 60)
  private String name;

  @Valid
  @NotNull
  @Embedded
  @AssociationOverrides(@AssociationOverride(name = "country",
      joinColumns = @JoinColumn(name = "country_iso", foreignKey = @ForeignKey(name = "fk_warehouse_country"))))
  private Address location;

  @OneToMany
  @JoinColumn(name = "warehouse_id", foreignKey = @ForeignKey(name = "fk_stock_item_warehouse"))
  private List<StockItem> items;
}
