using System.Collections;

namespace LineCrm.Segmentation.Identity;

/// <summary>
/// The audit log: the most recent <see cref="Capacity"/> refusals, oldest first, in a ring that drops the oldest
/// when a new one arrives at capacity, and a count of those dropped. The ring grows as refusals arrive, so a large
/// capacity costs nothing until it is used.
/// </summary>
internal sealed class RefusalLog : IReadOnlyList<IdentityRefusal>
{
    /// <summary>The capacity of a new graph's log.</summary>
    public const int DefaultCapacity = 10_000;

    private IdentityRefusal[] _ring = [];
    private int _head;
    private int _count;
    private int _capacity = DefaultCapacity;

    /// <summary>How many refusals are kept at most (0: none).</summary>
    public int Capacity
    {
        get => _capacity;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            var keep = Math.Min(_count, value);
            Dropped += _count - keep;
            var kept = new IdentityRefusal[keep];
            for (var i = 0; i < keep; i++)
            {
                kept[i] = this[_count - keep + i];
            }

            _ring = kept;
            _head = 0;
            _count = keep;
            _capacity = value;
        }
    }

    /// <summary>How many refusals were dropped to keep within <see cref="Capacity"/> since the log was made or last cleared.</summary>
    public long Dropped { get; private set; }

    public int Count => _count;

    public IdentityRefusal this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _count);
            var at = _head + index;
            return _ring[at < _ring.Length ? at : at - _ring.Length];
        }
    }

    /// <summary>Keeps a refusal, dropping the oldest when the log is full.</summary>
    public void Add(IdentityRefusal refusal)
    {
        if (_capacity == 0)
        {
            Dropped++;
            return;
        }

        if (_count == _capacity)
        {
            _ring[_head] = refusal;
            _head = _head + 1 == _ring.Length ? 0 : _head + 1;
            Dropped++;
            return;
        }

        if (_count == _ring.Length)
        {
            // Not full yet, so the ring is in order from 0 (it only wraps once at capacity).
            Array.Resize(ref _ring, (int)Math.Min(_capacity, Math.Max(4, _ring.Length * 2L)));
        }

        _ring[_count++] = refusal;
    }

    /// <summary>Adds to the count of those dropped (a snapshot's count).</summary>
    public void AddDropped(long count) => Dropped += count;

    /// <summary>Removes the refusals <paramref name="match"/> picks (a person forgotten), keeping the others in order.</summary>
    /// <returns>How many were removed; they are not counted as dropped.</returns>
    public int RemoveWhere(Func<IdentityRefusal, bool> match)
    {
        var kept = this.Where(refusal => !match(refusal)).ToArray();
        var removed = _count - kept.Length;
        if (removed > 0)
        {
            _ring = kept;
            _head = 0;
            _count = kept.Length;
        }

        return removed;
    }

    /// <summary>Empties the log and its count of those dropped.</summary>
    public void Clear()
    {
        _ring = [];
        _head = 0;
        _count = 0;
        Dropped = 0;
    }

    public IEnumerator<IdentityRefusal> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
