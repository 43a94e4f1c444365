package com.acme.fullshop.shop;

import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.validation.constraints.NotNull;

/** A bank transfer; {@code @NotNull} in a single-table subclass does not make the column not null. */
@Entity
@DiscriminatorValue("BANK")
public class BankTransferPayment extends Payment {

  @NotNull
  @Column(length = 34)
  private String iban;

  @Column(length = 11)
  private String bic;
}
