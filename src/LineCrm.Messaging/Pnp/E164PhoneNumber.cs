using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace LineCrm.Messaging.Pnp;

/// <summary>
/// A phone number in E.164 form (<c>+</c>, country code, number: at most 15 digits, no spaces or hyphens), the form
/// LINE notification messages (PNP) take. LINE never receives the number itself, only <see cref="Sha256Hex"/>.
/// </summary>
public readonly record struct E164PhoneNumber
{
    /// <summary>The most digits an E.164 number has.</summary>
    public const int MaxDigits = 15;

    private E164PhoneNumber(string value) => Value = value;

    /// <summary>The number, for example <c>+818000001234</c>.</summary>
    public string Value { get; }

    /// <summary>Reads a number that is already in E.164 form.</summary>
    /// <param name="value">For example <c>+818000001234</c>.</param>
    /// <exception cref="ArgumentException">Not E.164; the message says what is wrong and where.</exception>
    public static E164PhoneNumber Parse(string value) =>
        Problem(value) is { } problem ? throw new ArgumentException($"phone number {problem}.", nameof(value)) : new E164PhoneNumber(value);

    /// <summary>Reads a number that is already in E.164 form, without throwing.</summary>
    /// <param name="value">The text.</param>
    /// <param name="number">The number, when valid.</param>
    public static bool TryParse([NotNullWhen(true)] string? value, out E164PhoneNumber number)
    {
        number = Problem(value) is null ? new E164PhoneNumber(value!) : default;
        return number.Value is not null;
    }

    /// <summary>The SHA-256 of the number's UTF-8 text, in lowercase hex: what LINE's <c>to</c> takes.</summary>
    public string Sha256Hex() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Value ?? string.Empty)));

    /// <summary>The number with all but its last two digits hidden, safe for logs.</summary>
    public override string ToString() =>
        Value is null ? string.Empty : string.Concat(Value.AsSpan(0, 3), new string('*', Value.Length - 5), Value.AsSpan(Value.Length - 2));

    private static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "is empty";
        }

        if (value[0] != '+')
        {
            return $"must start with '+' and the country code; it starts with '{value[0]}'";
        }

        var digits = value.Length - 1;
        for (var i = 1; i < value.Length; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return $"may hold only digits after '+'; '{value[i]}' at position {i + 1} is not (no spaces or hyphens in E.164)";
            }
        }

        if (digits is < 8 or > MaxDigits)
        {
            return $"must have 8 to {MaxDigits} digits; it has {digits}";
        }

        return value[1] == '0' ? "has a country code starting with 0, which E.164 does not allow" : null;
    }
}
