using LineCrm.Identity;

namespace LineCrm.Events;

/// <summary>The argument checks shared by the event records; each message names the field and the value.</summary>
internal static class Guard
{
    public const int MaxTextLength = 256;

    public static string NotBlank(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{field} must not be empty or whitespace.", field);
        }

        if (value.Length > MaxTextLength)
        {
            throw new ArgumentException($"{field} is {value.Length} characters long; the limit is {MaxTextLength}.", field);
        }

        return value;
    }

    public static string? OptionalNotBlank(string? value, string field) => value is null ? null : NotBlank(value, field);

    public static Identifier Set(Identifier value, string field)
    {
        if (value.IsDefault)
        {
            throw new ArgumentException($"{field} must be an identifier, not default(Identifier).", field);
        }

        return value;
    }

    public static T NotNull<T>(T? value, string field)
        where T : class
        => value ?? throw new ArgumentNullException(field, $"{field} must not be null.");

    public static string Currency(string? value, string field)
    {
        if (value is null || value.Length != 3 || !value.All(char.IsAsciiLetter))
        {
            throw new ArgumentException($"{field} must be a three-letter ISO 4217 code such as JPY, TWD or THB; got '{value}'.", field);
        }

        return value.ToUpperInvariant();
    }
}
