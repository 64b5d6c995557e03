package org.backmap.nn.train;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** The trainer's progress display: a terminal progress bar, log lines, or nothing. */
interface Progress extends AutoCloseable {

  /** One training batch done, with the running mean loss of the current epoch. */
  void batchDone(int epoch, double runningLoss);

  /** One epoch done. */
  void epochDone(EpochResult result, int epochs);

  @Override
  void close();

  /** The display for {@code mode}, covering {@code totalBatches} training batches. */
  static Progress open(ProgressMode mode, long totalBatches) {
    ProgressMode resolved = mode;
    if (mode == ProgressMode.AUTO) {
      resolved = System.console() != null && System.console().isTerminal() ? ProgressMode.BAR : ProgressMode.LOG;
    }
    return switch (resolved) {
      case BAR -> new Bar(new ProgressBarBuilder().setTaskName("train").setInitialMax(totalBatches).build());
      case LOG -> new Log(System.err);
      default -> new Silent();
    };
  }

  /** A me.tongfei progress bar over all training batches. */
  final class Bar implements Progress {
    private final ProgressBar bar;
    private String lastEpoch = "";

    Bar(ProgressBar bar) {
      this.bar = bar;
    }

    @Override
    public void batchDone(int epoch, double runningLoss) {
      bar.step();
      bar.setExtraMessage(String.format(Locale.ROOT, "epoch %d loss %.4g %s", epoch, runningLoss, lastEpoch));
    }

    @Override
    public void epochDone(EpochResult r, int epochs) {
      lastEpoch = String.format(Locale.ROOT, "| val %.4g", r.validationLoss());
    }

    @Override
    public void close() {
      bar.close();
    }
  }

  /** One line per epoch. */
  final class Log implements Progress {
    private final PrintStream out;

    Log(PrintStream out) {
      this.out = out;
    }

    @Override
    public void batchDone(int epoch, double runningLoss) {}

    @Override
    public void epochDone(EpochResult r, int epochs) {
      out.println(String.format(Locale.ROOT, "epoch %d/%d: train loss %.6g, validation loss %.6g%s", r.epoch(),
          epochs, r.trainLoss(), r.validationLoss(), r.improved() ? " (best)" : ""));
    }

    @Override
    public void close() {}
  }

  /** No output. */
  final class Silent implements Progress {
    @Override
    public void batchDone(int epoch, double runningLoss) {}

    @Override
    public void epochDone(EpochResult r, int epochs) {}

    @Override
    public void close() {}
  }
}
