package com.acme.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Every Java type of the first mapping slice, so that Hibernate's validator checks each column type. */
@Entity
@Table(name = "type_zoo")
public class TypeZoo {

  public enum Colour { RED, GREEN, BLUE }

  @Id
  private UUID id;

  private String text;
  @Column(length = 40) private String shortText;
  private Long boxedLong;
  private long primitiveLong;
  private Integer boxedInt;
  private int primitiveInt;
  private Short boxedShort;
  private short primitiveShort;
  private Boolean boxedBoolean;
  private boolean primitiveBoolean;
  private Double boxedDouble;
  private double primitiveDouble;
  private Float boxedFloat;
  private BigDecimal amount;
  @Column(precision = 10, scale = 4) private BigDecimal rate;
  private BigInteger big;
  private LocalDate day;
  private LocalTime clock;
  private LocalDateTime localStamp;
  private OffsetDateTime offsetStamp;
  private Instant instant;
  private ZonedDateTime zoned;
  private byte[] payload;
  @Enumerated(EnumType.STRING) private Colour namedColour;
  @Enumerated(EnumType.ORDINAL) private Colour ordinalColour;
  @OneToOne private Customer owner;
  @Transient private String notStored;
  private transient String alsoNotStored;
}
