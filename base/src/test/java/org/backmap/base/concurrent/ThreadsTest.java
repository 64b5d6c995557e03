package org.backmap.base.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ThreadsTest {
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(Threads.PROPERTY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(Threads.PROPERTY);
    } else {
      System.setProperty(Threads.PROPERTY, saved);
    }
  }

  @Test
  void propertyIsReadAtEveryCall() {
    System.clearProperty(Threads.PROPERTY);
    assertEquals(Runtime.getRuntime().availableProcessors(), Threads.defaultCount());
    System.setProperty(Threads.PROPERTY, "3");
    assertEquals(3, Threads.defaultCount());
    System.setProperty(Threads.PROPERTY, "5");
    assertEquals(5, Threads.defaultCount());
  }

  @Test
  void invalidPropertyNamesIt() {
    for (String bad : new String[] {"0", "-2", "many", ""}) {
      System.setProperty(Threads.PROPERTY, bad);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Threads::defaultCount);
      assertTrue(e.getMessage().contains(Threads.PROPERTY), e.getMessage());
    }
  }
}
