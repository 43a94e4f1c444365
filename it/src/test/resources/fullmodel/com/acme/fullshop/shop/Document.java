package com.acme.fullshop.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.TableGenerator;
import java.time.LocalDate;

/** {@code TABLE_PER_CLASS} with an abstract root (no table) and ids from a {@code @TableGenerator}. */
@Entity
@Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
public abstract class Document {

  @Id
  @GeneratedValue(strategy = GenerationType.TABLE, generator = "document_ids")
  @TableGenerator(name = "document_ids", table = "id_generator", pkColumnName = "gen_name",
      valueColumnName = "gen_value", pkColumnValue = "document", allocationSize = 10)
  private Long id;

  @Column(nullable = false, length = 30)
  private String number;

  private LocalDate issuedOn;
}
