package com.acme.fullshop.common;

import com.acme.fullshop.shop.Country;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An embeddable with a nested embeddable and an association, so that both kinds of override apply to it. Its Bean
 * Validation constraints shape the columns only where the embedding attribute is {@code @Valid} (and, for
 * {@code @NotNull}, {@code @NotNull} too), as Hibernate applies them.
 */
@Embeddable
public class Address {

  @Size(max = 120)
  private String street;

  @NotNull
  @Column(length = 80)
  private String city;

  @Column(name = "postal_code", length = 16)
  private String postalCode;

  @Embedded
  private GeoPoint geo;

  @ManyToOne
  @JoinColumn(name = "country_code")
  private Country country;
}
