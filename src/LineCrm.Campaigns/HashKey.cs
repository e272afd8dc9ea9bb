using System.Buffers;

namespace LineCrm.Campaigns;

/// <summary>
/// The one rule for text that goes into an assignment hash (campaign ids, control-group salts): ASCII letters,
/// digits, '-', '_' and '.', so that its UTF-8 is the same everywhere and it never holds the ':' that separates the
/// hash's parts.
/// </summary>
internal static class HashKey
{
    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.");

    public static string Validate(string value, int maxLength, string what, string parameterName)
    {
        if (value.Length == 0 || value.Length > maxLength)
        {
            throw new ArgumentException($"A {what} is 1 to {maxLength} characters long; got {value.Length}.", parameterName);
        }

        var bad = value.AsSpan().IndexOfAnyExcept(Allowed);
        if (bad >= 0)
        {
            throw new ArgumentException(
                $"A {what} may hold only ASCII letters, digits, '-', '_' and '.'; '{value}' has '{value[bad]}' at index {bad}.",
                parameterName);
        }

        return value;
    }
}
