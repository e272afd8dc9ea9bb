namespace LineCrm;

/// <summary>
/// The one rule for names in LineCrm's open sets (identifier types, channels, interaction kinds, link sources):
/// 1 to 64 characters of lowercase ASCII letters, digits, '_', '-' and '.', starting with a letter.
/// Names are lowercased first, so "Store" and "store" are the same member.
/// </summary>
internal static class OpenSetName
{
    public const int MaxLength = 64;

    public static string Normalize(string? name, string setName, string paramName)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"A {setName} name must not be empty or whitespace.", paramName);
        }

        var trimmed = name.Trim();
        var normalized = IsLowercase(trimmed) ? trimmed : trimmed.ToLowerInvariant();
        if (normalized.Length > MaxLength || !IsValid(normalized))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid {setName} name: use 1 to {MaxLength} characters of a-z, 0-9, '_', '-' and '.', starting with a letter.",
                paramName);
        }

        return normalized;
    }

    private static bool IsLowercase(string value)
    {
        foreach (var c in value)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValid(string value)
    {
        if (!char.IsAsciiLetterLower(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
