package com.acme.fullshop.shop;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.annotations.Nationalized;

/** A natural string key, a nationalized name and a {@code columnDefinition}. */
@Entity
public class Country {

  @Id
  @Column(length = 2)
  private String code;

  @Nationalized
  @Basic(optional = false)
  private String name;

  @Column(length = 3)
  private String iso3;

  @Column(columnDefinition = "text")
  private String officialName;
}
