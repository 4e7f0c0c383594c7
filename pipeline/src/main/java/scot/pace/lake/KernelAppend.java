package scot.pace.lake;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionCommitResult;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends a few rows to an existing Delta table in a local lake with Delta Kernel (the Delta
 * project's library for engines other than Spark, which delta-spark itself depends on), without a
 * Spark job: how a run logs itself, so that a night with nothing new needs no Spark for it. The
 * rows come as JSON objects in the table's own schema.
 */
final class KernelAppend {
  private static final org.apache.logging.log4j.Logger LOG =
      org.apache.logging.log4j.LogManager.getLogger(KernelAppend.class);

  private KernelAppend() {}

  /** The append was not made and nothing was committed: the caller can make it another way. */
  static final class NotAppended extends Exception {
    NotAppended(String reason, Throwable cause) {
      super(reason, cause);
    }
  }

  /**
   * Appends {@code jsonRows} to {@code table} of {@code lake} in one commit, when the table exists
   * with exactly the columns {@code columns}, and gives the version committed.
   *
   * @throws NotAppended when the lake is not local, the table is missing, its columns differ, or
   *     Kernel cannot write it; nothing was committed then
   */
  static long append(Lake lake, String table, String[] columns, List<String> jsonRows) throws NotAppended {
    if (lake.localRoot().isEmpty() || lake.latestVersion(table).isEmpty()) {
      throw new NotAppended("not a table of a local lake yet", null);
    }
    Engine engine = DefaultEngine.create(new org.apache.hadoop.conf.Configuration());
    Transaction transaction;
    Row state;
    List<Row> actions = new ArrayList<>();
    try {
      Table delta = Table.forPath(engine, lake.localRoot().get().resolve(table).toString());
      Snapshot snapshot = delta.getLatestSnapshot(engine);
      if (!snapshot.getSchema().fieldNames().equals(Arrays.asList(columns))) {
        throw new NotAppended(table + " has the columns " + snapshot.getSchema().fieldNames(), null);
      }
      transaction = delta.createTransactionBuilder(engine, "pace", Operation.WRITE).build(engine);
      state = transaction.getTransactionState(engine);
      ColumnarBatch batch = engine.getJsonHandler().parseJson(strings(jsonRows), transaction.getSchema(engine),
          Optional.empty());
      CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(engine, state,
          iterator(List.of(new FilteredColumnarBatch(batch, Optional.empty())).iterator()), Map.of());
      DataWriteContext context = Transaction.getWriteContext(engine, state, Map.of());
      CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
          .writeParquetFiles(context.getTargetDirectory(), physical, context.getStatisticsColumns());
      try (CloseableIterator<Row> generated = Transaction.generateAppendActions(engine, state, files, context)) {
        generated.forEachRemaining(actions::add);
      }
    } catch (NotAppended e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      // Before the commit: at most a data file no commit names, which VACUUM removes.
      throw new NotAppended("Delta Kernel could not prepare the append to " + table + ": " + e.getMessage(), e);
    }
    TransactionCommitResult result;
    try {
      result = transaction.commit(engine, CloseableIterable.inMemoryIterable(iterator(actions.iterator())));
    } catch (io.delta.kernel.exceptions.ConcurrentWriteException e) {
      throw new NotAppended("another writer changed " + table + " meanwhile", e);
    }
    for (PostCommitHook hook : result.getPostCommitHooks()) {
      try {
        hook.threadSafeInvoke(engine); // a checkpoint or checksum: the commit stands without it
      } catch (IOException | RuntimeException e) {
        LOG.warn("after appending to " + table + ": " + hook.getType() + " not written: " + e.getMessage());
      }
    }
    return result.getVersion();
  }

  private static ColumnVector strings(List<String> values) {
    return new ColumnVector() {
      @Override
      public DataType getDataType() {
        return StringType.STRING;
      }

      @Override
      public int getSize() {
        return values.size();
      }

      @Override
      public void close() {}

      @Override
      public boolean isNullAt(int rowId) {
        return values.get(rowId) == null;
      }

      @Override
      public String getString(int rowId) {
        return values.get(rowId);
      }
    };
  }

  private static <T> CloseableIterator<T> iterator(Iterator<T> items) {
    return new CloseableIterator<>() {
      @Override
      public boolean hasNext() {
        return items.hasNext();
      }

      @Override
      public T next() {
        return items.next();
      }

      @Override
      public void close() {}
    };
  }
}
