using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments.Runtime;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// A segment compiled for the member table. Over the whole table: the conjuncts that are column tests narrow a
/// bitset of candidates 64 persons at a time (SIMD), chunk by chunk on every core, and only the survivors run the
/// compiled code for the rest. For one person: one compiled delegate for the whole expression.
/// </summary>
/// <remarks>
/// <para>
/// Comprehensions are bounded by <see cref="CelLimits.MaxComprehensionIterations"/> per person, as in the
/// reference interpreter, without slowing down the common case: when a table is bound, the static estimate
/// (<see cref="SegmentCost"/>) of its worst person decides whether plain code runs or code that counts each
/// person's iterations and throws <see cref="CelLimitExceededException"/> past the cap.
/// </para>
/// <para>
/// Where the runtime cannot generate code (<see cref="RuntimeFeature.IsDynamicCodeSupported"/> is false, as
/// under NativeAOT) the expression trees are interpreted by .NET; the column tests stay vectorised. When a
/// member-independent part fails for this <c>now</c> (<c>days(10000000)</c>), the evaluation falls back to the
/// reference interpreter, which reports the error for each person exactly as the language says.
/// </para>
/// </remarks>
internal sealed class SegmentProgram
{
    private readonly SegmentSlots _slots;
    private readonly CelLimits _limits;
    private readonly bool _hasLoops;
    private readonly bool _alwaysCount;
    private readonly ColumnTest[] _columnTests;
    private readonly Lazy<Func<EvaluationFrame, int, bool>>? _rest;
    private readonly Lazy<Func<EvaluationFrame, int, bool>> _whole;
    private readonly Lazy<Func<EvaluationFrame, int, bool>>? _restCapped;
    private readonly Lazy<Func<EvaluationFrame, int, bool>>? _wholeCapped;
    private readonly ConditionalWeakTable<MemberTable, StrongBox<EvaluationFrame?>> _frames = [];

    // Weak, like the table of frames: a compiled segment usually lives as long as the application, and a strong
    // reference here would keep the last member table it evaluated (millions of rows) alive after its owner let
    // go of it.
    private readonly WeakReference<EvaluationFrame?> _lastFrame = new(null);

    private SegmentProgram(SegmentExpr root, SegmentSlots slots, CelLimits limits, ColumnTest[] columnTests, Code plain, Code? capped, bool alwaysCount)
    {
        _alwaysCount = alwaysCount;
        Root = root;
        _slots = slots;
        _limits = limits;
        _hasLoops = capped is not null;
        _columnTests = columnTests;
        (_whole, _rest) = plain;
        (_wholeCapped, _restCapped) = capped ?? default;
    }

    /// <summary>The expression this program runs.</summary>
    public SegmentExpr Root { get; }

    /// <summary>How many conjuncts run as vectorised column tests.</summary>
    public int ColumnTestCount => _columnTests.Length;

    /// <summary>Compiles <paramref name="root"/> (a bool expression) to run within <paramref name="limits"/>.</summary>
    /// <param name="root">The expression.</param>
    /// <param name="limits">The limits; the defaults when null.</param>
    /// <param name="alwaysCountIterations">Run the counting code even where the estimate proves it unneeded: for the benchmark that prices counting.</param>
    public static SegmentProgram Compile(SegmentExpr root, CelLimits? limits = null, bool alwaysCountIterations = false)
    {
        limits ??= CelLimits.Default;
        if (root.Type != SegmentType.Bool)
        {
            throw new ArgumentException($"A segment is a bool expression; this one is {root.Type}.", nameof(root));
        }

        var slots = new SegmentSlots();
        var columnTests = new List<ColumnTest>();
        SegmentExpr? rest = null;
        foreach (var conjunct in SegmentAnalysis.Conjuncts(root))
        {
            if (ColumnTest.For(conjunct, slots) is { } test)
            {
                columnTests.Add(test);
            }
            else
            {
                rest = rest is null ? conjunct : new AndExpr(rest, conjunct);
            }
        }

        // The expression trees are built now (so anything the emitter cannot handle fails here), but turned into
        // code on first use: generating IL costs far more than parsing and checking (about 0.4 ms a delegate
        // against 0.07 ms for the rest), and most segments only ever run one of the two paths.
        // A segment without comprehensions cannot go past the iteration cap, so it gets no counting variant.
        var bytes = limits.MaxAllocationBytes;
        var plain = Emit(root, rest, new SegmentCodeEmitter(slots, null, bytes), new SegmentCodeEmitter(slots, null, bytes));
        var capped = SegmentCost.HasLoops(root)
            ? Emit(root, rest, new SegmentCodeEmitter(slots, limits.MaxComprehensionIterations, bytes), new SegmentCodeEmitter(slots, limits.MaxComprehensionIterations, bytes))
            : (Code?)null;
        return new SegmentProgram(root, slots, limits, [.. columnTests], plain, capped, alwaysCountIterations);
    }

    private static Code Emit(SegmentExpr root, SegmentExpr? rest, SegmentCodeEmitter forWhole, SegmentCodeEmitter forRest) =>
        new(Deferred(forWhole.Lambda(root)), rest is null ? null : Deferred(forRest.Lambda(rest)));

    /// <summary>Evaluates the segment for every person in <paramref name="table"/>, which nothing writes meanwhile.</summary>
    public SegmentEvaluation EvaluateAll(MemberTable table, long now) => EvaluateAll(table, table.ReadVersion(), now, Parallelism.Default);

    /// <summary>Evaluates the segment for the person in <paramref name="row"/> of <paramref name="table"/>, which nothing writes meanwhile.</summary>
    /// <exception cref="CelRuntimeError">The expression raised a CEL error for this person.</exception>
    public bool EvaluateOne(MemberTable table, int row, long now) => EvaluateOne(table, row, table.ReadVersion(), now);

    /// <summary>Evaluates the segment for every person in <paramref name="table"/> at <paramref name="version"/> (<see cref="MemberTable.ReadVersion"/>, read just before).</summary>
    /// <param name="table">The members.</param>
    /// <param name="version">The table version read just before.</param>
    /// <param name="now">The value of <c>now</c>, in UTC ticks.</param>
    /// <param name="parallelism">How many cores, and the token checked between chunks of 65,536 rows.</param>
    public SegmentEvaluation EvaluateAll(MemberTable table, long version, long now, Parallelism parallelism)
    {
        var frame = FrameFor(table, version, now);
        var rows = table.Columns.Rows;
        var words = Bits.WordsFor(rows);
        var included = new ulong[words];
        var errors = new ulong[words];
        Array.Copy(table.Columns.Live, included, Math.Min(words, table.Columns.Live.Length));
        if (frame.InvariantError is not null)
        {
            Interpret(table, now, included, errors, parallelism);
        }
        else
        {
            var rest = frame.NeedsIterationCap ? _restCapped : _rest;
            try
            {
                WordChunks.For(words, (from, to) => RunChunk(frame, rest, included, errors, from, to), parallelism);
            }
            catch (AggregateException e) when (e.InnerExceptions.OfType<CelLimitExceededException>().FirstOrDefault() is { } limit)
            {
                // A person past the iteration cap stops the whole evaluation, as it does in the interpreter.
                ExceptionDispatchInfo.Throw(limit);
            }
        }

        return new SegmentEvaluation(table, rows, included, errors);
    }

    /// <summary>Evaluates the segment for the person in <paramref name="row"/> of <paramref name="table"/> at <paramref name="version"/>.</summary>
    /// <exception cref="CelRuntimeError">The expression raised a CEL error for this person.</exception>
    public bool EvaluateOne(MemberTable table, int row, long version, long now)
    {
        var frame = FrameFor(table, version, now);
        if (frame.InvariantError is not null)
        {
            return (bool)SegmentInterpreter.Evaluate(Root, table, row, now, _limits);
        }

        return frame.NeedsIterationCap ? _wholeCapped!.Value(frame, row) : _whole.Value(frame, row);
    }

    /// <summary>Whether the worst person of <paramref name="table"/> can go past the iteration cap, by the static estimate.</summary>
    internal bool NeedsIterationCap(MemberTable table) =>
        _hasLoops && (_alwaysCount || SegmentCost.WorstCaseIterations(Root, LongestLists(table)) > _limits.MaxComprehensionIterations);

    /// <summary>The compiled whole-expression delegate and its frame, for benchmarks of the person-by-person path.</summary>
    internal (Func<EvaluationFrame, int, bool> Delegate, EvaluationFrame Frame) PerMember(MemberTable table, long now)
    {
        var frame = FrameFor(table, table.ReadVersion(), now);
        return (frame.NeedsIterationCap ? _wholeCapped!.Value : _whole.Value, frame);
    }

    private static CollectionSizes LongestLists(MemberTable table)
    {
        return new(
            Longest(table.Purchases.Counts),
            Longest(table.Interactions.Counts),
            Longest(table.Purchases.CategoryCount),
            table.Custom.Lists.Select(l => Longest(l.Counts)).DefaultIfEmpty(0).Max());

        static long Longest(int[] counts) => counts.Length == 0 ? 0 : counts.Max();
    }

    private static Lazy<Func<EvaluationFrame, int, bool>> Deferred(System.Linq.Expressions.Expression<Func<EvaluationFrame, int, bool>> lambda) =>
        new(() => lambda.Compile(preferInterpretation: !RuntimeFeature.IsDynamicCodeSupported), LazyThreadSafetyMode.ExecutionAndPublication);

    private EvaluationFrame FrameFor(MemberTable table, long version, long now)
    {
        // A frame is never changed once made, so evaluations at the same time at different `now`s (or versions)
        // each read their own. The last frame made or used is remembered, so that evaluating one person after
        // another at the same (version, now) takes neither the table lookup nor an allocation; per table, the
        // latest frame is kept, and one for a new `now` of the same version shares its table-bound part.
        if (_lastFrame.TryGetTarget(out var last) && last is not null && last.IsFor(table, version, now))
        {
            return last;
        }

        var slot = _frames.GetValue(table, static _ => new StrongBox<EvaluationFrame?>());
        var latest = Volatile.Read(ref slot.Value);
        if (latest is null || !latest.IsFor(table, version, now))
        {
            latest = latest is not null && latest.Version == version
                ? latest.At(now)
                : EvaluationFrame.Bind(table, version, _slots, NeedsIterationCap, now);
            Volatile.Write(ref slot.Value, latest);
        }

        _lastFrame.SetTarget(latest);
        return latest;
    }

    private void RunChunk(EvaluationFrame frame, Lazy<Func<EvaluationFrame, int, bool>>? restCode, ulong[] included, ulong[] errors, int from, int to)
    {
        foreach (var test in _columnTests)
        {
            test.Apply(frame, included, from, to);
        }

        if (restCode is null)
        {
            return;
        }

        var rest = restCode.Value;

        for (var w = from; w < to; w++)
        {
            var candidates = included[w];
            var kept = candidates;
            while (candidates != 0)
            {
                var bit = BitOperations.TrailingZeroCount(candidates);
                candidates &= candidates - 1;
                try
                {
                    if (!rest(frame, (w << 6) + bit))
                    {
                        kept &= ~(1UL << bit);
                    }
                }
                catch (CelRuntimeError)
                {
                    kept &= ~(1UL << bit);
                    errors[w] |= 1UL << bit;
                }
            }

            included[w] = kept;
        }
    }

    private void Interpret(MemberTable table, long now, ulong[] included, ulong[] errors, Parallelism parallelism)
    {
        for (var row = 0; row < table.Columns.Rows; row++)
        {
            if ((row & ((WordChunks.WordsPerChunk << 6) - 1)) == 0)
            {
                parallelism.ThrowIfCancellationRequested();
            }

            if (!Bits.Get(included, row))
            {
                continue;
            }

            try
            {
                if (!(bool)SegmentInterpreter.Evaluate(Root, table, row, now, _limits))
                {
                    included[row >> 6] &= ~(1UL << row);
                }
            }
            catch (CelRuntimeError)
            {
                included[row >> 6] &= ~(1UL << row);
                errors[row >> 6] |= 1UL << row;
            }
        }
    }

    /// <summary>The delegates of one variant: for one person, and for the conjuncts left after the column tests.</summary>
    private readonly record struct Code(Lazy<Func<EvaluationFrame, int, bool>> Whole, Lazy<Func<EvaluationFrame, int, bool>>? Rest);
}
