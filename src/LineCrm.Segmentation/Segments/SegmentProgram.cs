using System.Numerics;
using System.Runtime.CompilerServices;
using LineCrm.Segmentation.Expressions.Compilation;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// A segment compiled for the member table. Over the whole table: the conjuncts that are column tests narrow a
/// bitset of candidates 64 persons at a time (SIMD), chunk by chunk on every core, and only the survivors run the
/// compiled code for the rest. For one person: one compiled delegate for the whole expression.
/// </summary>
/// <remarks>
/// Where the runtime cannot generate code (<see cref="RuntimeFeature.IsDynamicCodeSupported"/> is false, as
/// under NativeAOT) the expression trees are interpreted by .NET; the column tests stay vectorised. When a
/// member-independent part fails for this <c>now</c> (<c>days(10000000)</c>), the evaluation falls back to the
/// reference interpreter, which reports the error for each person exactly as the language says.
/// </remarks>
internal sealed class SegmentProgram
{
    private readonly SegmentSlots _slots;
    private readonly ColumnTest[] _columnTests;
    private readonly Lazy<Func<EvaluationFrame, int, bool>>? _rest;
    private readonly Lazy<Func<EvaluationFrame, int, bool>> _whole;
    private readonly ConditionalWeakTable<MemberTable, EvaluationFrame> _frames = [];

    // Weak, like the table of frames: a compiled segment usually lives as long as the application, and a strong
    // reference here would keep the last member table it evaluated (millions of rows) alive after its owner let
    // go of it.
    private readonly WeakReference<EvaluationFrame?> _lastFrame = new(null);

    private SegmentProgram(SegmentExpr root, SegmentSlots slots, ColumnTest[] columnTests, Lazy<Func<EvaluationFrame, int, bool>>? rest, Lazy<Func<EvaluationFrame, int, bool>> whole)
    {
        Root = root;
        _slots = slots;
        _columnTests = columnTests;
        _rest = rest;
        _whole = whole;
    }

    /// <summary>The expression this program runs.</summary>
    public SegmentExpr Root { get; }

    /// <summary>How many conjuncts run as vectorised column tests.</summary>
    public int ColumnTestCount => _columnTests.Length;

    /// <summary>Compiles <paramref name="root"/> (a bool expression).</summary>
    public static SegmentProgram Compile(SegmentExpr root)
    {
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
        var whole = Deferred(new SegmentCodeEmitter(slots).Lambda(root));
        var restDelegate = rest is null ? null : Deferred(new SegmentCodeEmitter(slots).Lambda(rest));
        return new SegmentProgram(root, slots, [.. columnTests], restDelegate, whole);
    }

    /// <summary>Evaluates the segment for every person in <paramref name="table"/>.</summary>
    public SegmentEvaluation EvaluateAll(MemberTable table, long now)
    {
        var frame = FrameFor(table, now);
        var rows = table.Columns.Rows;
        var words = Bits.WordsFor(rows);
        var included = new ulong[words];
        var errors = new ulong[words];
        Array.Copy(table.Columns.Live, included, Math.Min(words, table.Columns.Live.Length));
        if (frame.InvariantError is not null)
        {
            Interpret(table, now, included, errors);
        }
        else
        {
            WordChunks.For(words, (from, to) => RunChunk(frame, included, errors, from, to));
        }

        return new SegmentEvaluation(table, rows, included, errors);
    }

    /// <summary>Evaluates the segment for the person in <paramref name="row"/>.</summary>
    /// <exception cref="CelRuntimeError">The expression raised a CEL error for this person.</exception>
    public bool EvaluateOne(MemberTable table, int row, long now)
    {
        var frame = FrameFor(table, now);
        return frame.InvariantError is null
            ? _whole.Value(frame, row)
            : (bool)SegmentInterpreter.Evaluate(Root, table, row, now);
    }

    /// <summary>The compiled whole-expression delegate and its frame, for benchmarks of the person-by-person path.</summary>
    internal (Func<EvaluationFrame, int, bool> Delegate, EvaluationFrame Frame) PerMember(MemberTable table, long now) =>
        (_whole.Value, FrameFor(table, now));

    private static Lazy<Func<EvaluationFrame, int, bool>> Deferred(System.Linq.Expressions.Expression<Func<EvaluationFrame, int, bool>> lambda) =>
        new(() => lambda.Compile(preferInterpretation: !RuntimeFeature.IsDynamicCodeSupported), LazyThreadSafetyMode.ExecutionAndPublication);

    private EvaluationFrame FrameFor(MemberTable table, long now)
    {
        // One frame per table, rebound when the table or `now` changed. Evaluations of one program over one
        // table at the same time share it; binding is idempotent for equal (version, now). The last frame used
        // is remembered, so that evaluating one person after another skips the table lookup and the lock.
        if (!_lastFrame.TryGetTarget(out var frame) || frame is null || frame.Table != table)
        {
            frame = _frames.GetValue(table, t => new EvaluationFrame(t, _slots));
            _lastFrame.SetTarget(frame);
        }

        if (!frame.IsBoundTo(now))
        {
            lock (frame)
            {
                frame.Bind(now);
            }
        }

        return frame;
    }

    private void RunChunk(EvaluationFrame frame, ulong[] included, ulong[] errors, int from, int to)
    {
        foreach (var test in _columnTests)
        {
            test.Apply(frame, included, from, to);
        }

        if (_rest is null)
        {
            return;
        }

        var rest = _rest.Value;

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

    private void Interpret(MemberTable table, long now, ulong[] included, ulong[] errors)
    {
        for (var row = 0; row < table.Columns.Rows; row++)
        {
            if (!Bits.Get(included, row))
            {
                continue;
            }

            try
            {
                if (!(bool)SegmentInterpreter.Evaluate(Root, table, row, now))
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
}
