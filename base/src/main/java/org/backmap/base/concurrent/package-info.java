/**
 * The concurrency policy of the project.
 *
 * <ul>
 *   <li>A thread count is an explicit value passed to whatever computes in parallel (a constructor or factory
 *       argument, or {@code Parallel.setThreads} for the tensor kernels).</li>
 *   <li>{@link org.backmap.base.concurrent.Threads#defaultCount()} is only the default where no count is given:
 *       the system property {@code backmap.threads}, read at call time, else all available processors.</li>
 *   <li>Parallel work runs on {@link org.backmap.base.concurrent.WorkerPools#shared(int)}: one pool per
 *       parallelism for the whole process, with daemon threads, never shut down. Nothing else creates pools or
 *       threads, so building many objects that compute in parallel costs no threads.</li>
 * </ul>
 */
package org.backmap.base.concurrent;
