package com.acme.fullshop.insurance;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinColumns;
import jakarta.persistence.ManyToOne;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.annotations.CollectionId;
import org.hibernate.annotations.CollectionIdJdbcTypeCode;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A composite foreign key ({@code @JoinColumns}) to {@link Coverage}; notes in an id-bag ({@code @CollectionId}). */
@Entity
public class Claim {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(optional = false)
  @JoinColumns(value = {
      @JoinColumn(name = "policy_number", referencedColumnName = "policy_number"),
      @JoinColumn(name = "coverage_code", referencedColumnName = "coverage_code")
  }, foreignKey = @ForeignKey(name = "fk_claim_coverage"))
  private Coverage coverage;

  @Size(max = 500)
  private String summary;

  private LocalDateTime reportedAt;

  @JdbcTypeCode(SqlTypes.JSON)
  private java.util.Map<String, Object> assessment;

  @ElementCollection
  @CollectionTable(name = "claim_note", joinColumns = @JoinColumn(name = "claim_id"))
  @CollectionId(column = @Column(name = "note_id"), generator = "increment")
  @CollectionIdJdbcTypeCode(SqlTypes.BIGINT)
  @Column(name = "note", length = 1000)
  private List<String> notes;
}
