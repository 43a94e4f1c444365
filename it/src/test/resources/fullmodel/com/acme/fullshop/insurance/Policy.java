package com.acme.fullshop.insurance;

import com.acme.fullshop.shop.Customer;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.Comment;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** {@code JOINED} root; ids from an explicit sequence with schema, start and increment; a named enum type. */
@Entity
@Inheritance(strategy = InheritanceType.JOINED)
@Comment("Insurance policies sold with products")
public class Policy {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "policy_ids")
  @SequenceGenerator(name = "policy_ids", sequenceName = "policy_number_seq", schema = "public",
      initialValue = 1000, allocationSize = 20)
  private Long id;

  @Version
  private Integer revision;

  @Column(nullable = false, unique = true, length = 20)
  private String policyNumber;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.NAMED_ENUM)
  @Column(nullable = false)
  private PolicyStatus status;

  @ManyToOne(optional = false)
  @JoinColumn(name = "holder_id")
  private Customer holder;

  private LocalDate startsOn;

  private LocalDate endsOn;

  @Column(precision = 10, scale = 2)
  private BigDecimal premium;

  @ElementCollection
  private List<Beneficiary> beneficiaries;
}
