package com.acme.fullshop.common;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;
import java.time.LocalDateTime;

/** Second level of the {@code @MappedSuperclass} hierarchy: audit columns, some renamed by entities. */
@MappedSuperclass
public abstract class AuditedEntity extends BaseEntity {

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  @Column(length = 64, insertable = false)
  private String updatedBy;
}
