package com.acme.library;

import com.acme.library.model.Book;
import com.acme.library.model.BookRepository;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the application serves: the books of an author, oldest first. */
@Service
public class Catalogue {

  private final BookRepository books;

  public Catalogue(BookRepository books) {
    this.books = books;
  }

  @Transactional(readOnly = true)
  public List<Book> booksBy(String author) {
    return books.findByAuthorNameOrderByPublishedOn(author);
  }
}
