using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// The compiled <c>matches</c> patterns of one expression, on .NET's non-backtracking engine, whose matching time
/// is linear in the input; the timeout of <see cref="CelLimits.RegexTimeout"/> is a second line of defence.
/// Before a pattern is compiled its automaton's size is estimated (<see cref="Re2ProgramSize"/>) and charged to
/// the evaluation's budget, so neither one huge pattern nor many distinct ones can stall an evaluation.
/// Each checked expression owns one, so one segment with many patterns cannot slow down the others.
/// </summary>
internal sealed class RegexCache
{
    /// <summary>The most patterns kept; past it, new patterns are compiled (and charged) on every use.</summary>
    public const int Capacity = 512;

    private readonly ConcurrentDictionary<string, object> _compiled = new(StringComparer.Ordinal);

    /// <summary>How many patterns (or their errors) are cached.</summary>
    public int Count => _compiled.Count;

    public object Matches(string input, string pattern, CelCostBudget budget)
    {
        var compiled = _compiled.TryGetValue(pattern, out var cached) ? cached : Compile(pattern, budget);
        if (compiled is not Regex regex)
        {
            // A fresh error each time: errors carry the position of the node that raised them.
            return CelError.InvalidArgument((string)compiled);
        }

        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            throw new CelLimitExceededException(nameof(CelLimits.RegexTimeout), (long)budget.Limits.RegexTimeout.TotalMilliseconds, 0, 0);
        }
    }

    private object Compile(string pattern, CelCostBudget budget)
    {
        var limits = budget.Limits;
        if (pattern.Length > limits.MaxRegexLength)
        {
            throw new CelLimitExceededException(nameof(CelLimits.MaxRegexLength), limits.MaxRegexLength, 0, 0);
        }

        object result;
        var translated = Re2Translator.Translate(pattern, out var problem);
        if (translated is null)
        {
            result = $"invalid regular expression '{pattern}': {problem}";
        }
        else
        {
            // Charged only for valid patterns, and before the engine builds anything.
            budget.ChargeRegexCompilation(Re2ProgramSize.Estimate(pattern));
            try
            {
                result = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, limits.RegexTimeout);
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException)
            {
                result = $"invalid regular expression '{pattern}': {e.Message}";
            }
        }

        if (_compiled.Count < Capacity)
        {
            _compiled.TryAdd(pattern, result);
        }

        return result;
    }
}
