package com.acme.fullshop.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Shares its primary key with the customer ({@code @MapsId}); preferences as {@code jsonb}. */
@Entity
public class CustomerProfile {

  @Id
  private Long id;

  @MapsId
  @OneToOne
  @JoinColumn(name = "customer_id")
  private Customer customer;

  @JdbcTypeCode(SqlTypes.JSON)
  private java.util.Map<String, Object> preferences;

  @JdbcTypeCode(SqlTypes.JSON)
  private String rawSettings;
}
