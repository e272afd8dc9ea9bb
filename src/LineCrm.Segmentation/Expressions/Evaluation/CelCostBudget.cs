using LineCrm.Segmentation.Expressions.Evaluation.Library;

namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>
/// What one evaluation may still spend under its <see cref="CelLimits"/>: comprehension iterations, memory for
/// the strings, bytes, lists and maps it creates, and regular-expression compilation. The interpreter charges
/// its own work (iterations, list and map literals, <c>map</c> and <c>filter</c> results) and the result of every
/// function that does not charge for itself; a function whose output can be much larger than its inputs
/// (<c>replace</c>, <c>join</c>, <c>format</c>, concatenation) is declared with a
/// <see cref="Checking.CelBudgetedFunctionImplementation"/> and charges <em>before</em> it allocates, so a single
/// call cannot take the memory the limit is there to protect.
/// </summary>
/// <remarks>
/// Every <c>Charge...</c> method throws <see cref="CelLimitExceededException"/> naming the limit when the charge
/// does not fit, and charges nothing then; the interpreter adds the line and column of the call. One instance
/// serves one evaluation on one thread.
/// </remarks>
internal sealed class CelCostBudget
{
    /// <summary>Estimated bytes of the header of any string, bytes, list or map.</summary>
    public const long HeaderBytes = 24;

    /// <summary>Estimated bytes a string takes for each UTF-16 character.</summary>
    public const long BytesPerChar = 2;

    /// <summary>Estimated bytes a list takes for each element (a reference).</summary>
    public const long BytesPerListElement = 8;

    /// <summary>Estimated bytes a map takes for each entry (key, value, hash bucket).</summary>
    public const long BytesPerMapEntry = 48;

    private long _iterations;
    private long _allocatedBytes;
    private long _regexCompilation;

    /// <summary>A full budget for one evaluation.</summary>
    /// <param name="limits">The limits to charge against.</param>
    /// <param name="regexes">The compiled patterns this evaluation may use and add to (its expression's own cache).</param>
    public CelCostBudget(CelLimits limits, RegexCache regexes)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(regexes);
        Limits = limits;
        Regexes = regexes;
    }

    /// <summary>The limits charged against.</summary>
    public CelLimits Limits { get; }

    /// <summary>The regular expressions of the expression being evaluated; <c>matches</c> compiles into it.</summary>
    public RegexCache Regexes { get; }

    /// <summary>Comprehension iterations run so far.</summary>
    public long Iterations => _iterations;

    /// <summary>Estimated bytes created so far.</summary>
    public long AllocatedBytes => _allocatedBytes;

    /// <summary>Regular-expression instructions compiled so far.</summary>
    public long RegexCompilation => _regexCompilation;

    /// <summary>Charges <paramref name="count"/> comprehension iterations (<see cref="CelLimits.MaxComprehensionIterations"/>).</summary>
    public void ChargeIterations(long count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count > Limits.MaxComprehensionIterations - _iterations)
        {
            throw Exceeded(nameof(CelLimits.MaxComprehensionIterations), Limits.MaxComprehensionIterations);
        }

        _iterations += count;
    }

    /// <summary>Charges a new string of <paramref name="length"/> UTF-16 characters, before it is built.</summary>
    public void ChargeString(long length) => Allocate(length, BytesPerChar);

    /// <summary>Charges <paramref name="count"/> new strings of <paramref name="totalLength"/> UTF-16 characters in all, before they are built.</summary>
    public void ChargeStrings(long count, long totalLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegative(totalLength);
        var room = Limits.MaxAllocationBytes - _allocatedBytes;

        // By division, as in Allocate, so that huge counts cannot overflow.
        if (count > room / HeaderBytes || totalLength > (room - (count * HeaderBytes)) / BytesPerChar)
        {
            throw Exceeded(nameof(CelLimits.MaxAllocationBytes), Limits.MaxAllocationBytes);
        }

        _allocatedBytes += (count * HeaderBytes) + (totalLength * BytesPerChar);
    }

    /// <summary>Charges a new bytes value of <paramref name="length"/> bytes, before it is built.</summary>
    public void ChargeBytes(long length) => Allocate(length, 1);

    /// <summary>Charges a new list of <paramref name="count"/> elements, before it is built.</summary>
    public void ChargeList(long count) => Allocate(count, BytesPerListElement);

    /// <summary>Charges a new map of <paramref name="count"/> entries, before it is built.</summary>
    public void ChargeMap(long count) => Allocate(count, BytesPerMapEntry);

    /// <summary>
    /// Charges a value a function returned, when it is a string, bytes, list or map that is not one of the
    /// function's <paramref name="arguments"/> (returning an argument creates nothing).
    /// </summary>
    public void ChargeResult(object result, ReadOnlySpan<object> arguments)
    {
        foreach (var argument in arguments)
        {
            if (ReferenceEquals(result, argument))
            {
                return;
            }
        }

        switch (result)
        {
            case string s:
                ChargeString(s.Length);
                break;
            case CelBytes b:
                ChargeBytes(b.Length);
                break;
            case CelList l:
                ChargeList(l.Count);
                break;
            case CelMap m:
                ChargeMap(m.Count);
                break;
        }
    }

    /// <summary>
    /// Charges compiling a regular expression of <paramref name="programSize"/> instructions: refused past
    /// <see cref="CelLimits.MaxRegexProgramSize"/> for the one pattern or <see cref="CelLimits.MaxRegexCompilationSize"/>
    /// for the evaluation.
    /// </summary>
    public void ChargeRegexCompilation(long programSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(programSize);
        if (programSize > Limits.MaxRegexProgramSize)
        {
            throw Exceeded(nameof(CelLimits.MaxRegexProgramSize), Limits.MaxRegexProgramSize);
        }

        if (programSize > Limits.MaxRegexCompilationSize - _regexCompilation)
        {
            throw Exceeded(nameof(CelLimits.MaxRegexCompilationSize), Limits.MaxRegexCompilationSize);
        }

        _regexCompilation += programSize;
    }

    private void Allocate(long units, long bytesPerUnit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(units);
        var room = Limits.MaxAllocationBytes - _allocatedBytes - HeaderBytes;

        // Compared by division so that a huge count cannot overflow the multiplication.
        if (room < 0 || units > room / bytesPerUnit)
        {
            throw Exceeded(nameof(CelLimits.MaxAllocationBytes), Limits.MaxAllocationBytes);
        }

        _allocatedBytes += HeaderBytes + (units * bytesPerUnit);
    }

    private static CelLimitExceededException Exceeded(string limit, long value) => new(limit, value, 0, 0);
}
