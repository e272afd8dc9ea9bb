namespace LineCrm.Segmentation.Members;

/// <summary>
/// The table's versions, and how a reader (a segment evaluation) reads one version throughout while the one
/// writer keeps writing: a sequence lock. A write makes the sequence odd while it runs and even again, one
/// version later, when it is done. A reader notes the even sequence, reads, and keeps what it read only if the
/// sequence is still the same afterwards; otherwise a write overlapped it and it reads again. A reader that had
/// to read again holds the writer off (the writer's next write waits) until it is done, so a stream of writes
/// cannot starve it.
/// </summary>
public sealed partial class MemberTable
{
    private readonly object _gate = new();
    private long _sequence;
    private int _heldBy;
    private int _writeDepth;

    /// <summary>Increases with every change, so a cached evaluation can tell that it is stale.</summary>
    /// <remarks>While a write is in progress this is still the version before it.</remarks>
    public long Version => Volatile.Read(ref _sequence) >> 1;

    /// <summary>
    /// Runs <paramref name="read"/> on one version of the table, again if a write overlapped it, and returns its
    /// result. An exception from <paramref name="read"/> is rethrown when no write overlapped it (it is then the
    /// answer for that version); otherwise it was caused by reading half of a write and the read is repeated.
    /// </summary>
    /// <typeparam name="TState">What the read needs, passed in so that a static lambda allocates nothing.</typeparam>
    /// <typeparam name="TResult">What the read returns.</typeparam>
    /// <param name="state">Passed to <paramref name="read"/>.</param>
    /// <param name="read">Reads the table; it receives the sequence (<see cref="ReadVersion"/>) it reads at.</param>
    internal TResult Read<TState, TResult>(TState state, Func<TState, long, TResult> read)
    {
        if (TryRead(state, read, out var result))
        {
            return result;
        }

        // A write overlapped: hold the writer off. At most the write in progress and one that had checked the gate
        // just before it was raised can still overlap; the write after that waits.
        Interlocked.Increment(ref _heldBy);
        try
        {
            while (!TryRead(state, read, out result))
            {
            }

            return result;
        }
        finally
        {
            if (Interlocked.Decrement(ref _heldBy) == 0)
            {
                lock (_gate)
                {
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    /// <summary>The sequence a reader starts at: even, waiting out a write in progress.</summary>
    internal long ReadVersion()
    {
        var spin = default(SpinWait);
        while (true)
        {
            var sequence = Volatile.Read(ref _sequence);
            if ((sequence & 1) == 0)
            {
                return sequence;
            }

            spin.SpinOnce();
        }
    }

    /// <summary>Whether no write started since <paramref name="sequence"/> was read, so everything read since belongs to that version.</summary>
    internal bool IsUnchangedSince(long sequence)
    {
        // The reads of the table before this point must not move after the read of the sequence.
        Interlocked.MemoryBarrier();
        return Volatile.Read(ref _sequence) == sequence;
    }

    /// <summary>Starts a write (the sequence becomes odd); dispose the result when the write is done.</summary>
    private Writing BeginWrite()
    {
        // A write may call another (the resolver reporting a merge): only the outermost one moves the sequence.
        if (_writeDepth++ > 0)
        {
            return new Writing(this);
        }

        if (Volatile.Read(ref _heldBy) != 0)
        {
            lock (_gate)
            {
                while (Volatile.Read(ref _heldBy) != 0)
                {
                    Monitor.Wait(_gate);
                }
            }
        }

        Interlocked.Increment(ref _sequence);
        return new Writing(this);
    }

    private bool TryRead<TState, TResult>(TState state, Func<TState, long, TResult> read, out TResult result)
    {
        var sequence = ReadVersion();
        try
        {
            result = read(state, sequence);
        }
        catch (Exception) when (!IsUnchangedSince(sequence))
        {
            result = default!;
            return false;
        }

        return IsUnchangedSince(sequence);
    }

    /// <summary>A write in progress; disposing it publishes the new version.</summary>
    private readonly struct Writing(MemberTable table) : IDisposable
    {
        public void Dispose()
        {
            if (--table._writeDepth == 0)
            {
                Volatile.Write(ref table._sequence, table._sequence + 1);
            }
        }
    }
}
