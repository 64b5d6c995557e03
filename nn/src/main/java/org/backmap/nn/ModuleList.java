package org.backmap.nn;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** An ordered list of child modules registered under the names {@code 0, 1, 2, ...}. */
public final class ModuleList<M extends Module> extends Module implements Iterable<M> {

  private final List<M> modules = new ArrayList<>();

  /** Appends {@code module} under the next index; returns it. */
  public M add(M module) {
    modules.add(addModule(Integer.toString(modules.size()), module));
    return module;
  }

  /** The module at {@code index}. */
  public M get(int index) {
    return modules.get(index);
  }

  /** Number of modules. */
  public int size() {
    return modules.size();
  }

  @Override
  public Iterator<M> iterator() {
    return Collections.unmodifiableList(modules).iterator();
  }
}
