package com.acme.fullshop.common;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;

/** A list stored as one comma-separated {@code String} column. */
@Converter
public class LabelsConverter implements AttributeConverter<List<String>, String> {

  @Override
  public String convertToDatabaseColumn(List<String> labels) {
    return labels == null ? null : String.join(",", labels);
  }

  @Override
  public List<String> convertToEntityAttribute(String text) {
    return text == null ? null : Arrays.asList(text.split(","));
  }
}
