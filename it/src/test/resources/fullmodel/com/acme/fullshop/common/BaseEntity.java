package com.acme.fullshop.common;

import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * Root of a two-level {@code @MappedSuperclass} hierarchy. {@code AUTO} on a {@code Long}: Hibernate 6 uses one
 * sequence per entity, {@code <Entity>_SEQ}, increment 50.
 */
@MappedSuperclass
public abstract class BaseEntity {

  @Id
  @GeneratedValue(strategy = GenerationType.AUTO)
  private Long id;

  @Version
  private Long version;

  public Long getId() {
    return id;
  }
}
