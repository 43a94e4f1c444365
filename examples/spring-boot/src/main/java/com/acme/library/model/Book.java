package com.acme.library.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.LocalDate;

@Entity
public class Book {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String title;

  private String authorName;

  private LocalDate publishedOn;

  protected Book() {}

  public Book(String title, String authorName, LocalDate publishedOn) {
    this.title = title;
    this.authorName = authorName;
    this.publishedOn = publishedOn;
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getAuthorName() {
    return authorName;
  }

  public LocalDate getPublishedOn() {
    return publishedOn;
  }
}
