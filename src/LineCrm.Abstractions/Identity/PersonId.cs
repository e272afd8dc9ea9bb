using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace LineCrm.Identity;

/// <summary>
/// The id of one person: everything known to belong to one customer (a LINE user id, a web member id, store
/// cards) resolves to one <see cref="PersonId"/>. Ids are positive numbers handed out by the identity graph and
/// written as <c>P</c> and the number, for example <c>P42</c>.
/// </summary>
public readonly struct PersonId : IEquatable<PersonId>, IComparable<PersonId>, ISpanParsable<PersonId>, ISpanFormattable
{
    /// <summary>The prefix of the text form.</summary>
    public const char Prefix = 'P';

    /// <summary>Makes a person id.</summary>
    /// <param name="value">A positive number.</param>
    /// <exception cref="ArgumentOutOfRangeException">The number is zero or negative.</exception>
    public PersonId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    /// <summary>The number. Zero only for <c>default(PersonId)</c>, which is nobody.</summary>
    public long Value { get; }

    /// <summary>Whether this is <c>default(PersonId)</c>.</summary>
    public bool IsDefault => Value == 0;

    /// <summary>Parses <c>P</c> followed by a positive decimal number.</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static PersonId Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan(), provider);
    }

    /// <summary>Parses <c>P</c> followed by a positive decimal number.</summary>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static PersonId Parse(ReadOnlySpan<char> s, IFormatProvider? provider)
        => TryParse(s, provider, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a person id: expected 'P' followed by a positive number, for example 'P42'.");

    /// <summary>Tries to parse <c>P</c> followed by a positive decimal number.</summary>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out PersonId result)
        => TryParse(s.AsSpan(), provider, out result);

    /// <summary>Tries to parse <c>P</c> followed by a positive decimal number.</summary>
    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out PersonId result)
    {
        result = default;
        if (s.Length < 2 || s[0] != Prefix || s[1] == '0' || s[1..].ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        if (!long.TryParse(s[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        result = new PersonId(value);
        return true;
    }

    /// <summary>The text form, <c>P</c> and the number.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Value}");

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (destination.IsEmpty)
        {
            charsWritten = 0;
            return false;
        }

        destination[0] = Prefix;
        var ok = Value.TryFormat(destination[1..], out var digits, default, CultureInfo.InvariantCulture);
        charsWritten = ok ? digits + 1 : 0;
        return ok;
    }

    /// <inheritdoc />
    public bool Equals(PersonId other) => Value == other.Value;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is PersonId other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(PersonId other) => Value.CompareTo(other.Value);

    /// <summary>Whether two ids are equal.</summary>
    public static bool operator ==(PersonId left, PersonId right) => left.Equals(right);

    /// <summary>Whether two ids differ.</summary>
    public static bool operator !=(PersonId left, PersonId right) => !left.Equals(right);

    /// <summary>Whether the left id was handed out before the right one.</summary>
    public static bool operator <(PersonId left, PersonId right) => left.Value < right.Value;

    /// <summary>Whether the left id was handed out after the right one.</summary>
    public static bool operator >(PersonId left, PersonId right) => left.Value > right.Value;

    /// <summary>Whether the left id was handed out no later than the right one.</summary>
    public static bool operator <=(PersonId left, PersonId right) => left.Value <= right.Value;

    /// <summary>Whether the left id was handed out no earlier than the right one.</summary>
    public static bool operator >=(PersonId left, PersonId right) => left.Value >= right.Value;
}
