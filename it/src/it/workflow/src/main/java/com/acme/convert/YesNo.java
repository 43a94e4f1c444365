package com.acme.convert;

import jakarta.persistence.AttributeConverter;

/** A converter of the application's own: migrate:autogen runs it to get the column's check. */
public class YesNo implements AttributeConverter<Boolean, Character> {
  @Override
  public Character convertToDatabaseColumn(Boolean b) {
    return b == null ? null : b ? 'Y' : 'N';
  }

  @Override
  public Boolean convertToEntityAttribute(Character c) {
    return c == null ? null : c == 'Y';
  }
}
