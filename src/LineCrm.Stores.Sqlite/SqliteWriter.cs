using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace LineCrm.Stores.Sqlite;

/// <summary>
/// The one connection that writes, and its group commit: write calls queue here, and a single loop runs every call
/// waiting (up to a limit) inside one transaction, each in a savepoint of its own when it shares the commit, then
/// commits once. A call whose work throws is rolled back to its savepoint alone and gets the error; the others commit.
/// A call returns only when the commit that holds its writes is durable.
/// </summary>
/// <remarks>
/// SQLite has one writer at a time per file, so queueing the writers in process costs nothing that the file lock
/// would not, and sharing the commit turns a fsync per call into a fsync per batch.
/// </remarks>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<IWrite> _queue = Channel.CreateUnbounded<IWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteConnection _connection;
    private readonly SqliteWrite _write;
    private readonly int _maxCallsPerCommit;
    private readonly Task _loop;

    public SqliteWriter(SqliteConnection connection, int maxCallsPerCommit)
    {
        _connection = connection;
        _write = new SqliteWrite(connection);
        _maxCallsPerCommit = maxCallsPerCommit;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Runs <paramref name="work"/> in the next commit; completes when that commit is durable.</summary>
    /// <remarks>Cancelling before the work starts withdraws it; once it runs, it commits or fails with its batch.</remarks>
    public Task<T> WriteAsync<T>(Func<SqliteWrite, T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var write = new Write<T>(work, cancellationToken);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(nameof(SqliteStore), "The SQLite store is disposed.");
        }

        return write.Task;
    }

    private async Task RunAsync()
    {
        var batch = new List<IWrite>(_maxCallsPerCommit);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < _maxCallsPerCommit && _queue.Reader.TryRead(out var write))
            {
                if (write.TryStart())
                {
                    batch.Add(write);
                }
            }

            if (batch.Count > 0)
            {
                Commit(batch);
            }
        }
    }

    private void Commit(List<IWrite> batch)
    {
        SqliteTransaction? transaction = null;
        try
        {
            transaction = _connection.BeginTransaction(deferred: false);
            _write.Transaction = transaction;
            if (batch.Count == 1)
            {
                // Alone in its commit: no savepoint needed, its failure is the transaction's.
                batch[0].Run(_write);
            }
            else
            {
                foreach (var write in batch)
                {
                    RunInSavepoint(write);
                }
            }

            transaction.Commit();
            foreach (var write in batch)
            {
                write.Succeed();
            }
        }
        catch (Exception e)
        {
            // The commit itself failed (disk full, I/O error), or the one call in it did: nothing of it is written.
            TryRollback(transaction);
            foreach (var write in batch)
            {
                write.Fail(e);
            }
        }
        finally
        {
            transaction?.Dispose();
        }
    }

    private void RunInSavepoint(IWrite write)
    {
        _write.Execute("SAVEPOINT call");
        try
        {
            write.Run(_write);
            _write.Execute("RELEASE call");
        }
        catch (Exception e) when (e is not SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_FULL or SQLitePCL.raw.SQLITE_IOERR })
        {
            _write.Execute("ROLLBACK TO call");
            _write.Execute("RELEASE call");
            write.Fail(e);
        }
    }

    private static void TryRollback(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (SqliteException)
        {
            // SQLite already rolled the transaction back on the error that brought us here.
        }
        catch (InvalidOperationException)
        {
            // The transaction had completed before the error.
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _write.DisposeCommands();
    }

    private interface IWrite
    {
        bool TryStart();

        void Run(SqliteWrite write);

        void Succeed();

        void Fail(Exception error);
    }

    private sealed class Write<T> : IWrite
    {
        private const int Queued = 0;
        private const int Started = 1;
        private const int Withdrawn = 2;

        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Func<SqliteWrite, T> _work;
        private readonly CancellationTokenRegistration _registration;
        private int _state;
        private T? _result;
        private bool _failed;

        public Write(Func<SqliteWrite, T> work, CancellationToken cancellationToken)
        {
            _work = work;
            _registration = cancellationToken.Register(() =>
            {
                if (Interlocked.CompareExchange(ref _state, Withdrawn, Queued) == Queued)
                {
                    _completion.TrySetCanceled(cancellationToken);
                }
            });
        }

        public Task<T> Task => _completion.Task;

        public bool TryStart()
        {
            var started = Interlocked.CompareExchange(ref _state, Started, Queued) == Queued;
            _registration.Dispose();
            return started;
        }

        public void Run(SqliteWrite write) => _result = _work(write);

        public void Succeed()
        {
            if (!_failed)
            {
                _completion.TrySetResult(_result!);
            }
        }

        public void Fail(Exception error)
        {
            _failed = true;
            _completion.TrySetException(error);
        }
    }
}
