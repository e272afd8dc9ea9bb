namespace LineCrm.Segmentation.Expressions;

/// <summary>
/// Safety limits for expressions written by users, so that a hostile or careless expression cannot hang or
/// exhaust a server. Going past any of them raises <see cref="CelLimitExceededException"/> naming the limit.
/// </summary>
public sealed record CelLimits
{
    /// <summary>The defaults: generous for real segment rules, small enough to stop abuse.</summary>
    public static CelLimits Default { get; } = new();

    /// <summary>The longest expression text accepted, in UTF-16 characters. Default 100,000.</summary>
    public int MaxExpressionLength { get; init; } = 100_000;

    /// <summary>The most syntax-tree nodes an expression may have (each literal, name, operator, call). Default 10,000.</summary>
    public int MaxExpressionNodes { get; init; } = 10_000;

    /// <summary>
    /// The deepest nesting of the syntax tree: parentheses, calls, operators and selections inside each other.
    /// Default 100; the language definition requires at least 12 nested calls and 32 terms of one operator.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 100;

    /// <summary>
    /// The most comprehension iterations (<c>all</c>, <c>exists</c>, <c>exists_one</c>, <c>map</c>, <c>filter</c>)
    /// one evaluation may run, summed over all comprehensions, nested ones included. Default 1,000,000.
    /// </summary>
    public long MaxComprehensionIterations { get; init; } = 1_000_000;

    /// <summary>
    /// The most memory, in estimated bytes, that the strings, bytes, lists and maps one evaluation creates may
    /// take together (a string counts two bytes a character, a list eight bytes an element, a map entry
    /// forty-eight, plus a small header each). Values read from the data or written in the expression are not
    /// counted; what concatenation, conversions, list and map literals and <c>map</c>/<c>filter</c> build is.
    /// Default 16 MiB.
    /// </summary>
    public long MaxAllocationBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The longest regular expression <c>matches</c> accepts, in characters. Default 1,000.</summary>
    public int MaxRegexLength { get; init; } = 1_000;

    /// <summary>
    /// The largest automaton one regular expression may compile to, in instructions after its repetitions are
    /// unrolled (<c>(a|b){100}</c> is about 400), as RE2 bounds its program size. Checked before the pattern is
    /// compiled. Default 5,000.
    /// </summary>
    public int MaxRegexProgramSize { get; init; } = 5_000;

    /// <summary>
    /// The most automaton instructions (see <see cref="MaxRegexProgramSize"/>) one evaluation may compile, summed
    /// over the patterns it meets that are not compiled yet; patterns already cached cost nothing. Default 20,000.
    /// </summary>
    public long MaxRegexCompilationSize { get; init; } = 20_000;

    /// <summary>
    /// How long one <c>matches</c> call may run. Regular expressions run on a non-backtracking engine, so this is
    /// a second line of defence only. Default 1 second.
    /// </summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> when a limit is zero or negative.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxExpressionLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxExpressionNodes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxNestingDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxComprehensionIterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAllocationBytes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRegexLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRegexProgramSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRegexCompilationSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RegexTimeout, TimeSpan.Zero);
    }
}
