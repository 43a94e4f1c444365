package com.acme.fullshop.insurance;

import com.acme.fullshop.common.Address;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;

/** {@code JOINED} subclass with the default key column name. */
@Entity
public class HomePolicy extends Policy {

  @Embedded
  private Address insuredAddress;

  private Double floorArea;
}
