namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// A general funnel: N ordered steps, each a predicate over events, within a conversion window measured from the
/// first step's event.
/// </summary>
/// <remarks>
/// <para>For each person, every event that matches step 1 starts an attempt. An attempt reaches step k when
/// events matching steps 2..k happen no later than the window after the attempt's start: in
/// <see cref="FunnelOrder.Strict"/> order each at or after the previous step's event and later in the input than it
/// (events with equal times keep their input order); in <see cref="FunnelOrder.Relaxed"/> order in any order after
/// the start. One event completes at most one step of an attempt. A person counts at the deepest step any of
/// their attempts reaches.</para>
/// <para>Time to convert is measured for persons who reach the last step, from the start of their earliest
/// attempt that gets there to the event completing its last step. The breakdown value is taken from the start
/// event of the person's earliest deepest attempt.</para>
/// <para>The cost is one sort of the events by person and time, then for each person at most (their step-1
/// events) x (their events) checks.</para>
/// </remarks>
/// <typeparam name="TEvent">The event type.</typeparam>
public sealed class Funnel<TEvent>
{
    // The token is checked when these bits of a count are all zero: every 65,536 events or persons.
    private const int CheckEvery = (1 << 16) - 1;

    private readonly FunnelStep<TEvent>[] _steps;

    /// <summary>Defines a funnel.</summary>
    /// <param name="steps">At least one step, in order.</param>
    /// <param name="window">How long after the first step the others may happen; positive or zero.</param>
    /// <param name="order">Whether the steps after the first must follow one another.</param>
    /// <exception cref="ArgumentException">No steps, or a negative window.</exception>
    public Funnel(IEnumerable<FunnelStep<TEvent>> steps, TimeSpan window, FunnelOrder order = FunnelOrder.Strict)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _steps = [.. steps];
        if (_steps.Length == 0)
        {
            throw new ArgumentException("A funnel needs at least one step.", nameof(steps));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.Zero);
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Unknown funnel order.");
        }

        Window = window;
        Order = order;
    }

    /// <summary>The conversion window.</summary>
    public TimeSpan Window { get; }

    /// <summary>The step order.</summary>
    public FunnelOrder Order { get; }

    /// <summary>The step names.</summary>
    public IReadOnlyList<string> StepNames => [.. _steps.Select(s => s.Name)];

    /// <summary>Counts persons through the steps.</summary>
    /// <typeparam name="TPerson">What identifies a person.</typeparam>
    /// <param name="events">The events, in any order.</param>
    /// <param name="person">Who an event belongs to.</param>
    /// <param name="at">When an event happened.</param>
    /// <param name="breakdown">The dimension value of an event (used on first-step events), or null for no breakdown.</param>
    public FunnelReport Compute<TPerson>(IEnumerable<TEvent> events, Func<TEvent, TPerson> person, Func<TEvent, DateTimeOffset> at,
        Func<TEvent, string?>? breakdown = null)
        where TPerson : notnull
        => Compute(events, person, at, breakdown, null, CancellationToken.None);

    /// <summary>Counts persons through the steps, stopping when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <typeparam name="TPerson">What identifies a person.</typeparam>
    /// <param name="events">The events, in any order.</param>
    /// <param name="person">Who an event belongs to.</param>
    /// <param name="at">When an event happened.</param>
    /// <param name="breakdown">The dimension value of an event (used on first-step events), or null for no breakdown.</param>
    /// <param name="options">Validated like every long call's; the general funnel runs on the calling thread (the callbacks are the caller's code), so a degree above 1 changes nothing.</param>
    /// <param name="cancellationToken">Checked every 65,536 events and every 65,536 persons.</param>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public FunnelReport Compute<TPerson>(IEnumerable<TEvent> events, Func<TEvent, TPerson> person, Func<TEvent, DateTimeOffset> at,
        Func<TEvent, string?>? breakdown, ComputeOptions? options, CancellationToken cancellationToken = default)
        where TPerson : notnull
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(at);
        var parallelism = Parallelism.From(options, cancellationToken);

        var persons = new PersonIndex<TPerson>();
        var rows = new List<EventRow>();
        var list = new List<TEvent>();
        foreach (var e in events)
        {
            if ((list.Count & CheckEvery) == 0)
            {
                parallelism.ThrowIfCancellationRequested();
            }

            rows.Add(new EventRow(persons.GetOrAdd(person(e)), at(e).UtcTicks, list.Count, StepMask(e)));
            list.Add(e);
        }

        var sorted = rows.ToArray();
        parallelism.ThrowIfCancellationRequested();
        Array.Sort(sorted);
        parallelism.ThrowIfCancellationRequested();

        var total = new Tally(_steps.Length);
        var groups = new SortedDictionary<string, Tally>(StringComparer.Ordinal);
        var seen = 0;
        for (var from = 0; from < sorted.Length;)
        {
            if ((seen++ & CheckEvery) == 0)
            {
                parallelism.ThrowIfCancellationRequested();
            }

            var to = from;
            while (to < sorted.Length && sorted[to].Person == sorted[from].Person)
            {
                to++;
            }

            var best = BestAttempt(sorted.AsSpan(from, to - from));
            if (best.Depth > 0)
            {
                total.Add(best);
                if (breakdown is not null)
                {
                    var key = breakdown(list[sorted[from + best.Start].Index]) ?? MembershipFunnelReport.NoValue;
                    if (!groups.TryGetValue(key, out var tally))
                    {
                        tally = new Tally(_steps.Length);
                        groups.Add(key, tally);
                    }

                    tally.Add(best);
                }
            }

            from = to;
        }

        return new FunnelReport(StepNames, total.Result(), [.. groups.Select(g => KeyValuePair.Create(g.Key, g.Value.Result()))]);
    }

    private ulong StepMask(TEvent e)
    {
        if (_steps.Length > 64)
        {
            throw new InvalidOperationException("A funnel has at most 64 steps.");
        }

        ulong mask = 0;
        for (var s = 0; s < _steps.Length; s++)
        {
            if (_steps[s].Matches(e))
            {
                mask |= 1UL << s;
            }
        }

        return mask;
    }

    private Attempt BestAttempt(ReadOnlySpan<EventRow> events)
    {
        var best = default(Attempt);
        for (var i = 0; i < events.Length; i++)
        {
            if ((events[i].Steps & 1UL) == 0)
            {
                continue;
            }

            var attempt = Order == FunnelOrder.Strict ? StrictFrom(events, i) : RelaxedFrom(events, i);
            if (attempt.Depth > best.Depth)
            {
                best = attempt;
                if (best.Depth == _steps.Length)
                {
                    break; // the earliest attempt that reaches the last step
                }
            }
        }

        return best;
    }

    // Greedy: take the earliest event for each next step; any later choice could only reach fewer steps.
    private Attempt StrictFrom(ReadOnlySpan<EventRow> events, int start)
    {
        var deadline = events[start].Ticks + Window.Ticks;
        var depth = 1;
        var lastTicks = events[start].Ticks;
        for (var j = start + 1; j < events.Length && depth < _steps.Length && events[j].Ticks <= deadline; j++)
        {
            if ((events[j].Steps & (1UL << depth)) != 0)
            {
                depth++;
                lastTicks = events[j].Ticks;
            }
        }

        return new Attempt(depth, start, lastTicks - events[start].Ticks);
    }

    // Any order after the start: steps 2..k are reached when distinct events in the window can be assigned to
    // them, a bipartite matching (steps to events) found exactly with augmenting paths. The time to convert is
    // the earliest moment by which the deepest prefix is matchable.
    private Attempt RelaxedFrom(ReadOnlySpan<EventRow> events, int start)
    {
        var deadline = events[start].Ticks + Window.Ticks;
        var end = start + 1;
        while (end < events.Length && events[end].Ticks <= deadline)
        {
            end++;
        }

        var window = events[(start + 1)..end].ToArray();
        var depth = MatchableDepth(window, window.Length);
        if (depth == 1)
        {
            return new Attempt(1, start, 0);
        }

        var prefix = depth - 1; // at least one window event per matched step
        while (MatchableDepth(window, prefix) < depth)
        {
            prefix++;
        }

        return new Attempt(depth, start, window[prefix - 1].Ticks - events[start].Ticks);
    }

    private int MatchableDepth(EventRow[] window, int length)
    {
        var owner = new int[length];
        Array.Fill(owner, -1);
        var depth = 1;
        for (var step = 1; step < _steps.Length; step++)
        {
            if (!Augment(window, length, owner, step, new bool[length]))
            {
                break;
            }

            depth++;
        }

        return depth;
    }

    private static bool Augment(EventRow[] window, int length, int[] owner, int step, bool[] seen)
    {
        for (var j = 0; j < length; j++)
        {
            if (seen[j] || (window[j].Steps & (1UL << step)) == 0)
            {
                continue;
            }

            seen[j] = true;
            if (owner[j] < 0 || Augment(window, length, owner, owner[j], seen))
            {
                owner[j] = step;
                return true;
            }
        }

        return false;
    }

    private readonly record struct Attempt(int Depth, int Start, long DurationTicks);

    private readonly record struct EventRow(int Person, long Ticks, int Index, ulong Steps) : IComparable<EventRow>
    {
        public int CompareTo(EventRow other)
        {
            var c = Person.CompareTo(other.Person);
            if (c == 0)
            {
                c = Ticks.CompareTo(other.Ticks);
            }

            return c != 0 ? c : Index.CompareTo(other.Index);
        }
    }

    private sealed class Tally(int steps)
    {
        private readonly long[] _counts = new long[steps];
        private readonly List<long> _durations = [];

        public void Add(Attempt attempt)
        {
            for (var s = 0; s < attempt.Depth; s++)
            {
                _counts[s]++;
            }

            if (attempt.Depth == _counts.Length)
            {
                _durations.Add(attempt.DurationTicks);
            }
        }

        public FunnelResult Result()
        {
            if (_durations.Count == 0)
            {
                return new FunnelResult([.. _counts], null, null);
            }

            _durations.Sort();
            var rank = Math.Max(1, ((50L * _durations.Count) + 99) / 100);
            var median = TimeSpan.FromTicks(_durations[(int)rank - 1]);
            var mean = TimeSpan.FromTicks((long)_durations.Average(d => (double)d));
            return new FunnelResult([.. _counts], median, mean);
        }
    }
}
