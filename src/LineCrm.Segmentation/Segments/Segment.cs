using LineCrm.Identity;
using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Runtime;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments.Runtime;

namespace LineCrm.Segmentation.Segments;

/// <summary>
/// A segment: a CEL expression over a member's facts, such as
/// <c>!blocked &amp;&amp; lastClickAt &gt; now - days(365) &amp;&amp; purchases.exists(p, p.channel == "store")</c>,
/// parsed, type-checked and compiled once, then evaluated over a whole <see cref="MemberTable"/> or for one person.
/// </summary>
/// <remarks>
/// <para>The variables, fields and helpers a segment can use are listed in <c>docs/segments.md</c>.</para>
/// <para>
/// A segment compiles to typed code over the table's columns. The few constructs the compiler does not cover
/// (<see cref="InterpretedBecause"/> says which) run on the reference CEL interpreter instead, with the same
/// results, more slowly. A person for whom the expression raises a CEL error (a missing attribute, an
/// overflow) is not in the segment and is reported in <see cref="SegmentResult.Failed"/>.
/// </para>
/// <para>Instances are immutable and may be shared between threads.</para>
/// </remarks>
public sealed class Segment
{
    private readonly CelEnvironment _environment;
    private readonly CheckedExpression _checked;
    private readonly SegmentProgram? _program;

    private Segment(string expression, FactSchema schema, CelEnvironment environment, CheckedExpression checkedExpression, SegmentProgram? program, string? interpretedBecause)
    {
        Expression = expression;
        Schema = schema;
        _environment = environment;
        _checked = checkedExpression;
        _program = program;
        InterpretedBecause = interpretedBecause;
    }

    /// <summary>The expression's text.</summary>
    public string Expression { get; }

    /// <summary>The facts the segment was checked against; it evaluates over tables with the same custom facts.</summary>
    public FactSchema Schema { get; }

    /// <summary>Whether the segment runs as compiled code (true for everything but the rare constructs the compiler leaves to the interpreter).</summary>
    public bool IsCompiled => _program is not null;

    /// <summary>Why the segment is interpreted rather than compiled, or null when it is compiled.</summary>
    public string? InterpretedBecause { get; }

    /// <summary>Parses, type-checks and compiles a segment expression.</summary>
    /// <param name="expression">The CEL expression; it must be a bool.</param>
    /// <param name="limits">Size, depth and iteration limits; <see cref="CelLimits.Default"/> when null.</param>
    /// <returns>The compiled segment.</returns>
    /// <exception cref="CelSyntaxException">The text is not CEL; the message gives line:column.</exception>
    /// <exception cref="CelCheckException">The expression does not type-check against the member schema, or is not a bool.</exception>
    /// <exception cref="CelLimitExceededException">The expression is longer or deeper than the limits allow.</exception>
    public static Segment Compile(string expression, CelLimits? limits = null) => Compile(expression, FactSchema.Default, limits, alwaysCountIterations: false);

    /// <summary>Parses, type-checks and compiles a segment expression over the facts of <paramref name="schema"/>, custom ones included.</summary>
    /// <param name="expression">The CEL expression; it must be a bool.</param>
    /// <param name="schema">The facts the expression may read: the schema of the tables it will run over (<see cref="MemberTable.Schema"/>).</param>
    /// <param name="limits">Size, depth and iteration limits; <see cref="CelLimits.Default"/> when null.</param>
    /// <returns>The compiled segment.</returns>
    /// <exception cref="CelSyntaxException">The text is not CEL; the message gives line:column.</exception>
    /// <exception cref="CelCheckException">The expression does not type-check against the schema, or is not a bool.</exception>
    /// <exception cref="CelLimitExceededException">The expression is longer or deeper than the limits allow.</exception>
    public static Segment Compile(string expression, FactSchema schema, CelLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return Compile(expression, schema, limits, alwaysCountIterations: false);
    }

    /// <summary>Compiles with the iteration-counting code forced on, for the benchmark that prices it.</summary>
    internal static Segment Compile(string expression, CelLimits? limits, bool alwaysCountIterations) =>
        Compile(expression, FactSchema.Default, limits, alwaysCountIterations);

    private static Segment Compile(string expression, FactSchema schema, CelLimits? limits, bool alwaysCountIterations)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var environment = !schema.HasCustomFacts
            ? limits is null ? MemberSchema.Environment : MemberSchema.Create(limits)
            : MemberSchema.Create(limits ?? CelLimits.Default, schema);
        var checkedExpression = environment.Compile(expression);
        if (checkedExpression.ResultType.Kind != CelTypeKind.Bool)
        {
            throw new CelCheckException([new CelCheckError(
                CelCheckErrorKind.TypeMismatch,
                $"A segment must be a bool expression; this one is a {checkedExpression.ResultType}.",
                1,
                1)]);
        }

        SegmentProgram? program;
        string? unsupported;
        try
        {
            var lowered = SegmentLowering.TryLower(checkedExpression, schema, out unsupported);
            program = lowered is null ? null : SegmentProgram.Compile(lowered, environment.Limits, alwaysCountIterations);
        }
        catch (InsufficientExecutionStackException)
        {
            // A tree this thread can check but not compile: the same limit the parser would have named.
            throw new CelLimitExceededException(nameof(CelLimits.MaxNestingDepth), environment.Limits.MaxNestingDepth, 0, 0);
        }

        return new Segment(expression, schema, environment, checkedExpression, program, unsupported);
    }

    /// <summary>Evaluates the segment for every person in <paramref name="table"/>.</summary>
    /// <param name="table">The members.</param>
    /// <param name="now">The value of <c>now</c>, usually <c>timeProvider.GetUtcNow()</c>.</param>
    /// <returns>Who is in, and who could not be evaluated.</returns>
    public SegmentResult Evaluate(MemberTable table, DateTimeOffset now) => Evaluate(table, now, null, CancellationToken.None);

    /// <summary>Evaluates the segment for every person in <paramref name="table"/>, on at most the cores <paramref name="options"/> allows.</summary>
    /// <param name="table">The members.</param>
    /// <param name="now">The value of <c>now</c>, usually <c>timeProvider.GetUtcNow()</c>.</param>
    /// <param name="options">The degree of parallelism; every core when null.</param>
    /// <param name="cancellationToken">Checked between chunks of 65,536 persons.</param>
    /// <returns>Who is in, and who could not be evaluated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The segment reads custom facts the table's schema does not declare the same way.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    public SegmentResult Evaluate(MemberTable table, DateTimeOffset now, ComputeOptions? options, CancellationToken cancellationToken = default)
    {
        CheckSchema(table);
        var parallelism = Parallelism.From(options, cancellationToken);

        // One version throughout: evaluated again if the table's writer changed it meanwhile.
        var evaluation = table.Read(
            (Segment: this, Table: table, Now: now, Parallelism: parallelism),
            static (s, version) => s.Segment._program is { } program
                ? program.EvaluateAll(s.Table, version, s.Now.UtcTicks, s.Parallelism)
                : s.Segment.Interpret(s.Table, s.Now, s.Parallelism));
        return new SegmentResult(
            new MemberSet(table, evaluation.Rows, evaluation.Included),
            new MemberSet(table, evaluation.Rows, evaluation.Errors));
    }

    /// <summary>Whether one person is in the segment: for events that arrive one at a time.</summary>
    /// <param name="table">The members.</param>
    /// <param name="person">The person.</param>
    /// <param name="now">The value of <c>now</c>.</param>
    /// <returns>Whether the person is in the segment.</returns>
    /// <exception cref="ArgumentException">The person is not in the table.</exception>
    /// <exception cref="CelEvaluationException">The expression raised a CEL error for this person.</exception>
    public bool Includes(MemberTable table, PersonId person, DateTimeOffset now)
    {
        CheckSchema(table);
        return table.Read((Segment: this, Table: table, Person: person, Now: now), static (s, version) => s.Segment.IncludesAt(s.Table, version, s.Person, s.Now));
    }

    /// <summary>The expression's text.</summary>
    public override string ToString() => Expression;

    /// <summary>The compiled program, for benchmarks and tests; null when interpreted.</summary>
    internal SegmentProgram? Program => _program;

    /// <summary>The checked expression, for tests that compare with the reference interpreter.</summary>
    internal CheckedExpression Checked => _checked;

    // Custom facts are read by column position, so the table must lay them out as the segment's schema does.
    private void CheckSchema(MemberTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (Schema.HasCustomFacts && !Schema.DeclaresSameFactsAs(table.Schema))
        {
            throw new ArgumentException(
                "The segment was compiled for a schema whose custom facts the table does not declare in the same order; compile it with the table's Schema.",
                nameof(table));
        }
    }

    private bool IncludesAt(MemberTable table, long version, PersonId person, DateTimeOffset now)
    {
        var row = table.RowOf(person);
        if (row < 0)
        {
            throw new ArgumentException($"{person} is not in the member table.", nameof(person));
        }

        if (_program is null)
        {
            return (bool)_environment.Evaluate(_checked, new MemberActivation(table, row, now));
        }

        try
        {
            return _program.EvaluateOne(table, row, version, now.UtcTicks);
        }
        catch (CelRuntimeError error)
        {
            throw new CelEvaluationException(error.Kind, error.Message, 0, 0);
        }
    }

    private SegmentEvaluation Interpret(MemberTable table, DateTimeOffset now, Parallelism parallelism)
    {
        var rows = table.Columns.Rows;
        var included = new ulong[Bits.WordsFor(rows)];
        var errors = new ulong[included.Length];
        for (var row = 0; row < rows; row++)
        {
            if ((row & ((WordChunks.WordsPerChunk << 6) - 1)) == 0)
            {
                parallelism.ThrowIfCancellationRequested();
            }

            if (!table.Columns.IsLive(row))
            {
                continue;
            }

            try
            {
                if ((bool)_environment.Evaluate(_checked, new MemberActivation(table, row, now)))
                {
                    included[row >> 6] |= 1UL << row;
                }
            }
            catch (CelEvaluationException)
            {
                errors[row >> 6] |= 1UL << row;
            }
        }

        return new SegmentEvaluation(table, rows, included, errors);
    }
}
