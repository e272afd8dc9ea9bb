using System.Diagnostics.CodeAnalysis;

namespace LineCrm.Identity;

/// <summary>
/// The kind of an <see cref="Identifier"/>: an open set with well-known members (<see cref="LineUser"/>,
/// <see cref="WebMember"/>, <see cref="StoreCard"/>, <see cref="EmailSha256"/>, <see cref="PhoneSha256"/>)
/// and custom types by name (<see cref="FromName"/>). Each type owns the rule that validates and normalises
/// its values, so every identifier in LineCrm is checked in exactly one place.
/// </summary>
/// <remarks>
/// Names are 1 to 64 characters of lowercase ASCII letters, digits, '_', '-' and '.', starting with a letter;
/// they are lowercased on the way in. Two types are equal when their names are equal (ordinal).
/// </remarks>
public readonly struct IdentifierType : IEquatable<IdentifierType>
{
    /// <summary>The longest value accepted for types whose values are opaque strings (member ids, card numbers).</summary>
    public const int MaxOpaqueValueLength = 256;

    private readonly string? _name;
    private readonly IdentifierValueRule _rule;

    private IdentifierType(string name, IdentifierValueRule rule)
    {
        _name = name;
        _rule = rule;
    }

    /// <summary>A LINE user id: <c>U</c> followed by 32 lowercase hexadecimal digits. Name: <c>line</c>.</summary>
    public static IdentifierType LineUser { get; } = new("line", IdentifierValueRule.LineUserId);

    /// <summary>A member id of the company's web shop or site (opaque, case preserved). Name: <c>web</c>.</summary>
    public static IdentifierType WebMember { get; } = new("web", IdentifierValueRule.Opaque);

    /// <summary>A physical store's membership or loyalty card number (opaque, case preserved). Name: <c>store</c>.</summary>
    public static IdentifierType StoreCard { get; } = new("store", IdentifierValueRule.Opaque);

    /// <summary>
    /// SHA-256 of a normalised e-mail address, as 64 lowercase hexadecimal digits. Name: <c>email_sha256</c>.
    /// Build one from a plain address with <see cref="Identifier.FromEmail"/>.
    /// </summary>
    public static IdentifierType EmailSha256 { get; } = new("email_sha256", IdentifierValueRule.Sha256Hex);

    /// <summary>
    /// SHA-256 of an E.164 phone number (<c>+</c> and digits), as 64 lowercase hexadecimal digits.
    /// Name: <c>phone_sha256</c>. Build one from a number with <see cref="Identifier.FromPhoneNumber"/>.
    /// </summary>
    public static IdentifierType PhoneSha256 { get; } = new("phone_sha256", IdentifierValueRule.Sha256Hex);

    /// <summary>The well-known types, in a fixed order.</summary>
    public static IReadOnlyList<IdentifierType> WellKnown { get; } = [LineUser, WebMember, StoreCard, EmailSha256, PhoneSha256];

    /// <summary>The type's name, as written in <c>type:value</c> text. Empty for <c>default(IdentifierType)</c>.</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Whether this is one of <see cref="WellKnown"/>.</summary>
    public bool IsWellKnown => _rule != IdentifierValueRule.Custom && _name is not null;

    /// <summary>Whether this is <c>default(IdentifierType)</c>, which names no type and accepts no value.</summary>
    public bool IsDefault => _name is null;

    /// <summary>
    /// The type with this name: a well-known type when the name is one of theirs, otherwise a custom type whose
    /// values are opaque strings (1 to 256 characters, no control characters, trimmed).
    /// </summary>
    /// <param name="name">The name, for example <c>line</c> or <c>loyalty_app</c>.</param>
    /// <exception cref="ArgumentException">The name is empty or not of the allowed form.</exception>
    public static IdentifierType FromName(string name)
    {
        var normalized = OpenSetName.Normalize(name, "identifier type", nameof(name));
        return TryGetWellKnown(normalized, out var known) ? known : new IdentifierType(normalized, IdentifierValueRule.Custom);
    }

    internal static bool TryFromName(ReadOnlySpan<char> name, out IdentifierType type)
    {
        foreach (var known in WellKnown)
        {
            if (name.SequenceEqual(known.Name))
            {
                type = known;
                return true;
            }
        }

        try
        {
            type = FromName(name.ToString());
            return true;
        }
        catch (ArgumentException)
        {
            type = default;
            return false;
        }
    }

    /// <summary>
    /// Validates a value of this type and returns its normal form: surrounding white space removed, hashes in
    /// lowercase. The same string instance is returned when it is already normal.
    /// </summary>
    /// <param name="value">The raw value.</param>
    /// <returns>The normalised value.</returns>
    /// <exception cref="ArgumentException">The value is empty, whitespace or not of this type's form; the message names the type and the value.</exception>
    public string NormalizeValue(string? value)
    {
        if (TryNormalizeValue(value, out var normalized, out var problem))
        {
            return normalized;
        }

        throw new ArgumentException(problem, nameof(value));
    }

    /// <summary>
    /// True when <paramref name="value"/> is a valid value of this type already in its normal form, so that
    /// <see cref="NormalizeValue"/> would return it unchanged. An API that takes ids verbatim (a LINE user id sent
    /// to LINE) checks with this: <c>IdentifierType.LineUser.IsNormalizedValue(userId)</c>.
    /// </summary>
    /// <param name="value">The value to check.</param>
    /// <returns>False for null, white space around it, upper-case hex digits, or any value not of this type's form.</returns>
    public bool IsNormalizedValue([NotNullWhen(true)] string? value) =>
        TryNormalizeValue(value, out var normalized, out _) && ReferenceEquals(normalized, value);

    internal bool TryNormalizeValue(string? value, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? problem)
    {
        normalized = null;
        if (_name is null)
        {
            problem = "default(IdentifierType) names no identifier type; use one of the well-known types or IdentifierType.FromName.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            problem = $"A {_name} identifier must not be empty or whitespace.";
            return false;
        }

        var trimmed = value.AsSpan().Trim();
        var rule = IdentifierValueRules.Check(_rule, trimmed);
        if (rule is not null)
        {
            problem = $"'{Shorten(value)}' is not a valid {_name} identifier: {rule}";
            return false;
        }

        normalized = _rule == IdentifierValueRule.Sha256Hex
            ? IdentifierValueRules.ToLowerHex(value, trimmed)
            : trimmed.Length == value.Length ? value : trimmed.ToString();
        problem = null;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(IdentifierType other) => string.Equals(_name, other._name, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is IdentifierType other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _name is null ? 0 : string.GetHashCode(_name, StringComparison.Ordinal);

    /// <summary>The type's name.</summary>
    public override string ToString() => Name;

    /// <summary>Whether two types have the same name.</summary>
    public static bool operator ==(IdentifierType left, IdentifierType right) => left.Equals(right);

    /// <summary>Whether two types have different names.</summary>
    public static bool operator !=(IdentifierType left, IdentifierType right) => !left.Equals(right);

    private static bool TryGetWellKnown(string name, out IdentifierType type)
    {
        foreach (var known in WellKnown)
        {
            if (known.Name == name)
            {
                type = known;
                return true;
            }
        }

        type = default;
        return false;
    }

    // Error messages quote the offending value; a megabyte of garbage should not become a megabyte of message.
    private static string Shorten(string value) => value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
}
