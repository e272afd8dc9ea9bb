using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// Compiles <c>matches</c> patterns once per environment (bounded, so user patterns cannot grow it without end)
/// on .NET's non-backtracking engine, whose matching time is linear in the input; the timeout of
/// <see cref="CelLimits.RegexTimeout"/> is a second line of defence.
/// </summary>
internal sealed class RegexCache(CelLimits limits)
{
    private const int Capacity = 512;
    private readonly ConcurrentDictionary<string, object> _compiled = new(StringComparer.Ordinal);

    public object Matches(string input, string pattern)
    {
        var compiled = _compiled.TryGetValue(pattern, out var cached) ? cached : Compile(pattern);
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
            throw new CelLimitExceededException(nameof(CelLimits.RegexTimeout), (long)limits.RegexTimeout.TotalMilliseconds, 0, 0);
        }
    }

    private object Compile(string pattern)
    {
        object result;
        if (pattern.Length > limits.MaxRegexLength)
        {
            throw new CelLimitExceededException(nameof(CelLimits.MaxRegexLength), limits.MaxRegexLength, 0, 0);
        }

        var translated = Re2Translator.Translate(pattern, out var problem);
        if (translated is null)
        {
            result = $"invalid regular expression '{pattern}': {problem}";
        }
        else
        {
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
