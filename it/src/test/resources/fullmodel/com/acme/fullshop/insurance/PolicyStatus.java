package com.acme.fullshop.insurance;

/** Stored as a PostgreSQL enum type ({@code SqlTypes.NAMED_ENUM}). */
public enum PolicyStatus { QUOTED, ACTIVE, LAPSED, CANCELLED }
