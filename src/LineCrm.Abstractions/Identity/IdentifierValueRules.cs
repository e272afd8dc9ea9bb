namespace LineCrm.Identity;

/// <summary>How the values of an identifier type are checked.</summary>
internal enum IdentifierValueRule
{
    /// <summary>Opaque text of a custom type: 1 to 256 characters, no control characters.</summary>
    Custom,

    /// <summary>Opaque text of a well-known type: the same rule as <see cref="Custom"/>.</summary>
    Opaque,

    /// <summary><c>U</c> and 32 lowercase hexadecimal digits.</summary>
    LineUserId,

    /// <summary>64 hexadecimal digits, normalised to lowercase.</summary>
    Sha256Hex,
}

/// <summary>The checks behind <see cref="IdentifierValueRule"/>; each returns null when the value is fine, or what is wrong.</summary>
internal static class IdentifierValueRules
{
    public const int LineUserIdLength = 33;
    public const int Sha256HexLength = 64;

    public static string? Check(IdentifierValueRule rule, ReadOnlySpan<char> trimmed) => rule switch
    {
        IdentifierValueRule.LineUserId => CheckLineUserId(trimmed),
        IdentifierValueRule.Sha256Hex => CheckSha256Hex(trimmed),
        _ => CheckOpaque(trimmed),
    };

    /// <summary>Lowercases the hex digits; returns <paramref name="original"/> itself when it is already normal.</summary>
    public static string ToLowerHex(string original, ReadOnlySpan<char> trimmed)
    {
        if (trimmed.Length == original.Length && !trimmed.ContainsAnyInRange('A', 'F'))
        {
            return original;
        }

        return string.Create(trimmed.Length, trimmed.ToString(), static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.ToLowerInvariant(source[i]);
            }
        });
    }

    private static string? CheckLineUserId(ReadOnlySpan<char> value)
    {
        if (value.Length != LineUserIdLength || value[0] != 'U' || !IsLowerHex(value[1..]))
        {
            return "a LINE user id is 'U' followed by 32 lowercase hexadecimal digits (^U[0-9a-f]{32}$).";
        }

        return null;
    }

    private static string? CheckSha256Hex(ReadOnlySpan<char> value)
    {
        if (value.Length != Sha256HexLength || value.ContainsAnyExcept(HexDigits))
        {
            return "a SHA-256 hash is 64 hexadecimal digits.";
        }

        return null;
    }

    private static string? CheckOpaque(ReadOnlySpan<char> value)
    {
        if (value.Length > IdentifierType.MaxOpaqueValueLength)
        {
            return $"it is {value.Length} characters long and the limit is {IdentifierType.MaxOpaqueValueLength}.";
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return "it contains a control character.";
            }
        }

        return null;
    }

    private static bool IsLowerHex(ReadOnlySpan<char> value) => !value.ContainsAnyExcept(LowerHexDigits);

    private static readonly System.Buffers.SearchValues<char> HexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits =
        System.Buffers.SearchValues.Create("0123456789abcdef");
}
