package com.acme.fullshop.shop;

import com.acme.fullshop.common.Address;
import com.acme.fullshop.common.AuditedEntity;
import jakarta.persistence.AssociationOverride;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Transient;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Date;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.hibernate.annotations.ColumnDefault;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.SortNatural;

/**
 * The customer: a {@code @SecondaryTable}, two embedded addresses (the second with every column and its
 * association overridden), an element collection, a natural sorted set, Bean Validation constraints, a legacy
 * {@code @Temporal} date and an ordinal enum.
 */
@Entity
@Table(name = "customer")
@SecondaryTable(name = "customer_details", pkJoinColumns = @PrimaryKeyJoinColumn(name = "customer_id"))
@Comment("People who buy from the shop")
public class Customer extends AuditedEntity {

  public enum Tier { BRONZE, SILVER, GOLD }

  @NotBlank
  @Size(max = 80)
  private String firstName;

  @NotNull
  @Size(max = 80)
  private String lastName;

  @NotEmpty
  @Column(unique = true, length = 320)
  private String email;

  @Enumerated(EnumType.ORDINAL)
  @ColumnDefault("0")
  private Tier tier;

  @Temporal(TemporalType.DATE)
  private Date birthDate;

  @Basic(fetch = FetchType.LAZY)
  @Comment("Free text, kept out of the main table")
  @Column(table = "customer_details", length = 2000)
  private String notes;

  @Lob
  @Column(table = "customer_details")
  private byte[] portrait;

  @Embedded
  private Address billingAddress;

  @Embedded
  @AttributeOverrides({
      @AttributeOverride(name = "street", column = @Column(name = "ship_street", length = 120)),
      @AttributeOverride(name = "city", column = @Column(name = "ship_city", length = 80)),
      @AttributeOverride(name = "postalCode", column = @Column(name = "ship_postal_code", length = 16)),
      @AttributeOverride(name = "geo.latitude", column = @Column(name = "ship_lat", precision = 9, scale = 6)),
      @AttributeOverride(name = "geo.longitude", column = @Column(name = "ship_lon", precision = 9, scale = 6))
  })
  @AssociationOverride(name = "country", joinColumns = @JoinColumn(name = "ship_country_code"))
  private Address shippingAddress;

  @OneToOne
  @JoinColumn(name = "loyalty_card_id", foreignKey = @ForeignKey(name = "fk_customer_loyalty_card"))
  private LoyaltyCard loyaltyCard;

  @ElementCollection
  @CollectionTable(name = "customer_phone", joinColumns = @JoinColumn(name = "customer_id"))
  @Column(name = "phone", length = 32, nullable = false)
  private Set<String> phones;

  @ElementCollection
  @SortNatural
  private SortedSet<String> interests = new TreeSet<>();

  @Transient
  private String displayName;

  private transient int visitsThisSession;
}
