package com.acme.shop.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.Date;
import java.util.UUID;

/**
 * One attribute of every Java type the model processor maps ({@code TypeMapping}), with the size variants that change
 * the column type, so that Hibernate's validator and schema export judge each column type.
 */
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
  private char[] characters;
  private byte primitiveByte;
  private Byte boxedByte;
  private char primitiveChar;
  private Character boxedChar;
  private float primitiveFloat;
  @Column(precision = 5) private Float shortFloat;
  @Column(precision = 10) private Float longFloat;
  @Column(precision = 15) private Double preciseDouble;
  @Column(precision = 20) private BigInteger boundedBig;
  @Column(length = 20_000_000) private String huge;
  private java.sql.Date sqlDate;
  private java.sql.Time sqlTime;
  private java.sql.Timestamp sqlTimestamp;
  private Date legacyDefault;
  @Temporal(TemporalType.DATE) private Date legacyDate;
  @Temporal(TemporalType.TIME) private Date legacyTime;
  @Temporal(TemporalType.TIMESTAMP) private Date legacyTimestamp;
  private Calendar calendarDefault;
  @Temporal(TemporalType.DATE) private Calendar calendarDate;
  @Enumerated(EnumType.STRING) private Colour namedColour;
  @Enumerated(EnumType.ORDINAL) private Colour ordinalColour;
  @Enumerated(EnumType.STRING) @Column(length = 10) private Colour shortNamedColour;
  private Colour defaultColour;
  // issue 15: the other basic types Hibernate maps natively on PostgreSQL, arrays and basic collections
  private java.time.Duration duration;
  private java.time.OffsetTime offsetClock;
  private java.time.Year year;
  private java.time.ZoneId zoneId;
  private java.time.ZoneOffset zoneOffset;
  private java.util.Locale locale;
  private java.util.TimeZone timeZone;
  private java.util.Currency currency;
  private java.net.URL url;
  private Class<?> type;
  private java.net.InetAddress address;
  private String[] strings;
  @Column(length = 40) private String[] codes;
  private Integer[] boxedInts;
  private int[] ints;
  private long[] longs;
  private Short[] boxedShorts;
  private boolean[] flags;
  private double[] doubles;
  private BigDecimal[] amounts;
  private UUID[] tokens;
  private LocalDate[] days;
  private Colour[] ordinalColours;
  @Enumerated(EnumType.STRING) private Colour[] namedColours;
  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY) private java.util.List<String> tags;
  @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY) private java.util.Set<Integer> numbers;
  @org.hibernate.annotations.JavaType(org.hibernate.type.descriptor.java.LongJavaType.class) private Long counter;
  @OneToOne private Customer owner;
  @Transient private String notStored;
  private transient String alsoNotStored;
}
