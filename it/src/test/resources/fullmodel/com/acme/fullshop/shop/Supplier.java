package com.acme.fullshop.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;

/** Property access, inferred from {@code @Id} on a getter; one computed getter is {@code @Transient}. */
@Entity
public class Supplier {

  private Integer id;
  private String legalName;
  private String vatNumber;
  private boolean preferred;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Integer getId() {
    return id;
  }

  public void setId(Integer id) {
    this.id = id;
  }

  @Column(nullable = false, length = 150)
  public String getLegalName() {
    return legalName;
  }

  public void setLegalName(String legalName) {
    this.legalName = legalName;
  }

  @Column(name = "vat_no", length = 20, unique = true)
  public String getVatNumber() {
    return vatNumber;
  }

  public void setVatNumber(String vatNumber) {
    this.vatNumber = vatNumber;
  }

  public boolean isPreferred() {
    return preferred;
  }

  public void setPreferred(boolean preferred) {
    this.preferred = preferred;
  }

  @Transient
  public String getDisplayName() {
    return legalName + " (" + vatNumber + ")";
  }
}
