package javax.persistence;

/** Test stub of JPA 2.2's {@code javax.persistence.EnumType}. */
public enum EnumType { ORDINAL, STRING }
