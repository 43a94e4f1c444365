package com.acme.fullshop.shop;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;

/**
 * A card payment. Hibernate 6.6 keeps an explicit {@code @Column(nullable = false)} of a single-table subclass as
 * {@code NOT NULL} in the shared table (only Bean Validation's {@code @NotNull} is left out there).
 */
@Entity
@DiscriminatorValue("CARD")
public class CardPayment extends Payment {

  @Column(length = 4, nullable = false)
  private String cardLast4;

  @Column(length = 20)
  private String cardBrand;
}
