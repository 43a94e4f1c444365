package com.acme.fullshop.shop;

import com.acme.fullshop.common.AuditedEntity;
import com.acme.fullshop.common.LabelsConverter;
import com.acme.fullshop.common.Money;
import com.acme.fullshop.common.MoneyConverter;
import jakarta.persistence.Access;
import jakarta.persistence.AccessType;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.UniqueConstraint;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.annotations.Check;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;

/**
 * Indexes (named, unnamed, unique, ascending and descending), a multi-column unique constraint, a property-access
 * attribute in a field-access entity, converters, {@code @Lob} text, both kinds of many-to-many and three kinds of
 * element collection (ordered list, string map, enum-keyed map).
 */
@Entity
@Access(AccessType.FIELD)
@Table(name = "product",
    indexes = {
        @Index(name = "ix_product_name", columnList = "name"),
        @Index(columnList = "listed_at DESC, sku ASC"),
        @Index(name = "ux_product_slug", columnList = "slug", unique = true)
    },
    uniqueConstraints = @UniqueConstraint(name = "uq_product_supplier_code", columnNames = {"supplier_id", "supplier_code"}))
@AttributeOverride(name = "createdAt", column = @Column(name = "listed_at", nullable = false, updatable = false))
@Check(name = "product_price_positive", constraints = "list_price >= 0")
public class Product extends AuditedEntity {

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 80)
  private String slug;

  @Transient
  private String sku;

  @Column(name = "supplier_code", length = 40)
  private String supplierCode;

  @ManyToOne(optional = false)
  @JoinColumn(name = "supplier_id")
  private Supplier supplier;

  @Column(name = "list_price", precision = 12, scale = 2)
  private BigDecimal listPrice;

  @Digits(integer = 3, fraction = 1)
  private BigDecimal vatRate;

  @Convert(converter = MoneyConverter.class)
  private Money deposit;

  @Convert(converter = LabelsConverter.class)
  @Column(length = 500)
  private List<String> labels;

  @Lob
  private String description;

  @Comment("Weight in grams")
  @ColumnDefault("0")
  @Check(constraints = "weight >= 0")
  private int weight;

  @ManyToMany
  @JoinTable(name = "product_category",
      joinColumns = @JoinColumn(name = "product_id"),
      inverseJoinColumns = @JoinColumn(name = "category_id", foreignKey = @ForeignKey(name = "fk_product_category_category")))
  private Set<Category> categories;

  @ManyToMany
  private Set<Tag> tags;

  @ElementCollection
  @CollectionTable(name = "product_image", joinColumns = @JoinColumn(name = "product_id"))
  @OrderColumn(name = "position")
  @Column(name = "url", length = 500)
  private List<String> imageUrls;

  @ElementCollection
  @CollectionTable(name = "product_attribute", joinColumns = @JoinColumn(name = "product_id"))
  @MapKeyColumn(name = "attr_name", length = 100)
  @Column(name = "attr_value")
  private Map<String, String> attributes;

  @ElementCollection
  @CollectionTable(name = "product_price", joinColumns = @JoinColumn(name = "product_id"))
  @MapKeyEnumerated(EnumType.STRING)
  @MapKeyColumn(name = "channel", length = 20)
  @Column(name = "price", precision = 12, scale = 2)
  private Map<SalesChannel, BigDecimal> prices;

  /** Property access for this one attribute: the getter upper-cases, the field is transient. */
  @Access(AccessType.PROPERTY)
  @Column(name = "sku", nullable = false, length = 32)
  public String getSku() {
    return sku == null ? null : sku.toUpperCase();
  }

  public void setSku(String sku) {
    this.sku = sku;
  }
}
