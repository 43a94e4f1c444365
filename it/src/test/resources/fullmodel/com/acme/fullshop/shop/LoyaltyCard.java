package com.acme.fullshop.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;
import org.hibernate.annotations.ColumnDefault;

/** Target of a unique one-to-one foreign key; identity primary key. */
@Entity
public class LoyaltyCard {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, length = 19)
  private String cardNumber;

  @ColumnDefault("0")
  private int points;

  @ColumnDefault("true")
  private Boolean active;

  private LocalDate validUntil;
}
