package org.backmap.base.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;

class WorkerPoolsTest {

  @Test
  void onePoolPerParallelism() {
    ForkJoinPool two = WorkerPools.shared(2);
    assertSame(two, WorkerPools.shared(2));
    assertNotSame(two, WorkerPools.shared(3));
    assertEquals(2, two.getParallelism());
    assertThrows(IllegalArgumentException.class, () -> WorkerPools.shared(0));
  }

  @Test
  void workersAreNamedDaemons() {
    Thread worker = WorkerPools.shared(2).submit(Thread::currentThread).join();
    assertTrue(worker.isDaemon());
    assertTrue(worker.getName().matches("backmap-2-worker-\\d+"), worker.getName());
  }
}
