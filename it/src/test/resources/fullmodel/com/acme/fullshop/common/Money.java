package com.acme.fullshop.common;

/** An amount in cents; stored through {@link MoneyConverter} as a {@code bigint}. */
public record Money(long cents) {}
