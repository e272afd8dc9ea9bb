using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LineCrm.Identity;

/// <summary>
/// One identifier of a person: a type and a validated, normalised value, written as <c>type:value</c>
/// (for example <c>line:U4af4980629a1b2c3d4e5f60718293a4b</c> or <c>store:CARD-0042</c>).
/// </summary>
/// <remarks>
/// Values are checked by their <see cref="IdentifierType"/> when an identifier is made, so an
/// <see cref="Identifier"/> that exists is valid. Equality is ordinal on type and value and allocates nothing.
/// </remarks>
public readonly struct Identifier : IEquatable<Identifier>, ISpanParsable<Identifier>, ISpanFormattable
{
    /// <summary>The character between type and value in the text form.</summary>
    public const char Separator = ':';

    private readonly string? _value;

    /// <summary>Makes an identifier, validating and normalising the value by the type's rule.</summary>
    /// <param name="type">The identifier type.</param>
    /// <param name="value">The raw value; surrounding white space is removed, hashes are lowercased.</param>
    /// <exception cref="ArgumentException">The value is not valid for the type; the message names both.</exception>
    public Identifier(IdentifierType type, string value)
    {
        Type = type;
        _value = type.NormalizeValue(value);
    }

    private Identifier(IdentifierType type, string normalizedValue, bool _)
    {
        Type = type;
        _value = normalizedValue;
    }

    /// <summary>The identifier's type.</summary>
    public IdentifierType Type { get; }

    /// <summary>The normalised value. Empty for <c>default(Identifier)</c>.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Whether this is <c>default(Identifier)</c>, which identifies nobody.</summary>
    public bool IsDefault => _value is null;

    /// <summary>A LINE user id (<c>U</c> and 32 lowercase hex digits).</summary>
    /// <exception cref="ArgumentException">The id is not of that form.</exception>
    public static Identifier LineUser(string userId) => new(IdentifierType.LineUser, userId);

    /// <summary>A web-shop or site member id.</summary>
    /// <exception cref="ArgumentException">The id is empty, too long or contains control characters.</exception>
    public static Identifier WebMember(string memberId) => new(IdentifierType.WebMember, memberId);

    /// <summary>A store membership card number.</summary>
    /// <exception cref="ArgumentException">The number is empty, too long or contains control characters.</exception>
    public static Identifier StoreCard(string cardNumber) => new(IdentifierType.StoreCard, cardNumber);

    /// <summary>
    /// The <see cref="IdentifierType.EmailSha256"/> identifier of a plain e-mail address: the address is trimmed
    /// and lowercased (invariant culture), then hashed with SHA-256 over its UTF-8 bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The address is empty or has no '@' between a local part and a domain.</exception>
    public static Identifier FromEmail(string email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            throw new ArgumentException("An e-mail address must not be empty or whitespace.", nameof(email));
        }

        var normalized = email.Trim().ToLowerInvariant();
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != normalized.LastIndexOf('@') || at == normalized.Length - 1 || normalized.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"'{email}' is not an e-mail address (local-part@domain, no spaces).", nameof(email));
        }

        return new Identifier(IdentifierType.EmailSha256, Sha256Hex(normalized), true);
    }

    /// <summary>
    /// The <see cref="IdentifierType.PhoneSha256"/> identifier of a phone number in E.164 form (<c>+</c>, a country
    /// code and at most 15 digits in all, for example <c>+819012345678</c>), hashed with SHA-256 over its ASCII bytes.
    /// </summary>
    /// <exception cref="ArgumentException">The number is not in E.164 form.</exception>
    public static Identifier FromPhoneNumber(string e164)
    {
        var trimmed = e164?.Trim();
        if (trimmed is null || trimmed.Length < 3 || trimmed.Length > 16 || trimmed[0] != '+' || trimmed[1] == '0'
            || trimmed.AsSpan(1).ContainsAnyExceptInRange('0', '9'))
        {
            throw new ArgumentException($"'{e164}' is not an E.164 phone number ('+', a country code, at most 15 digits, no spaces).", nameof(e164));
        }

        return new Identifier(IdentifierType.PhoneSha256, Sha256Hex(trimmed), true);
    }

    /// <summary>Parses <c>type:value</c>; the type is the text before the first ':'.</summary>
    /// <param name="s">The text.</param>
    /// <param name="provider">Ignored; identifiers are culture-invariant.</param>
    /// <exception cref="FormatException">The text has no ':', an invalid type name, or a value the type rejects; the message names the type and the value.</exception>
    public static Identifier Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses <c>type:value</c>; the type is the text before the first ':'.</summary>
    /// <exception cref="FormatException">The text is not a valid identifier.</exception>
    public static Identifier Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
    {
        if (TryParse(s, out var result, out var problem))
        {
            return result;
        }

        throw new FormatException(problem);
    }

    /// <summary>Tries to parse <c>type:value</c>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Identifier result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse <c>type:value</c>.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Identifier result)
        => TryParse(s, out result, out _);

    private static bool TryParse(ReadOnlySpan<char> s, out Identifier result, [NotNullWhen(false)] out string? problem)
    {
        result = default;
        var separator = s.IndexOf(Separator);
        if (separator < 0)
        {
            problem = $"'{Shorten(s)}' is not an identifier: expected 'type:value', for example 'line:U0123...' or 'store:CARD-1'.";
            return false;
        }

        if (!IdentifierType.TryFromName(s[..separator], out var type))
        {
            problem = $"'{Shorten(s[..separator])}' is not a valid identifier type name (in '{Shorten(s)}').";
            return false;
        }

        if (!type.TryNormalizeValue(s[(separator + 1)..].ToString(), out var value, out problem))
        {
            return false;
        }

        result = new Identifier(type, value, true);
        return true;
    }

    /// <summary>The text form, <c>type:value</c>.</summary>
    public override string ToString() => IsDefault ? string.Empty : string.Concat(Type.Name, ":", _value);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (IsDefault)
        {
            charsWritten = 0;
            return true;
        }

        var name = Type.Name;
        var length = name.Length + 1 + _value!.Length;
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }

        name.CopyTo(destination);
        destination[name.Length] = Separator;
        _value.CopyTo(destination[(name.Length + 1)..]);
        charsWritten = length;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(Identifier other) => Type == other.Type && string.Equals(_value, other._value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Identifier other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Type, _value is null ? 0 : string.GetHashCode(_value, StringComparison.Ordinal));

    /// <summary>Whether two identifiers have the same type and value.</summary>
    public static bool operator ==(Identifier left, Identifier right) => left.Equals(right);

    /// <summary>Whether two identifiers differ in type or value.</summary>
    public static bool operator !=(Identifier left, Identifier right) => !left.Equals(right);

    private static string Sha256Hex(string text)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToHexStringLower(hash);
    }

    private static string Shorten(ReadOnlySpan<char> value)
        => value.Length <= 80 ? value.ToString() : string.Concat(value[..77], "...");
}
