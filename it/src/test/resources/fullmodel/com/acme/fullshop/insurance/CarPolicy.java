package com.acme.fullshop.insurance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.PrimaryKeyJoinColumn;

/** {@code JOINED} subclass with a renamed key column: its primary key is a foreign key to {@link Policy}. */
@Entity
@PrimaryKeyJoinColumn(name = "policy_id")
public class CarPolicy extends Policy {

  @Column(nullable = false, length = 12)
  private String plate;

  private Integer yearBuilt;
}
