package javax.persistence;

/** Test stub of JPA 2.2's {@code javax.persistence.GenerationType}. */
public enum GenerationType { TABLE, SEQUENCE, IDENTITY, AUTO }
