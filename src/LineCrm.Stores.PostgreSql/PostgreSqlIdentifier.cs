using System.Text.RegularExpressions;

namespace LineCrm.Stores.PostgreSql;

/// <summary>
/// The schema name, checked once: it is written into SQL text (PostgreSQL cannot take an identifier as a parameter),
/// so only plain lowercase identifiers are accepted, and they are quoted anyway.
/// </summary>
internal static partial class PostgreSqlIdentifier
{
    /// <summary>PostgreSQL cuts longer identifiers silently (NAMEDATALEN - 1), which would make two schemas one.</summary>
    public const int MaxLength = 63;

    /// <summary>Why <paramref name="schema"/> cannot be used, or null when it can.</summary>
    public static string? Problem(string? schema) =>
        string.IsNullOrEmpty(schema) ? "The schema must not be empty."
        : schema.Length > MaxLength ? $"The schema '{schema}' is {schema.Length} characters long; PostgreSQL's limit is {MaxLength}."
        : !Plain().IsMatch(schema) ? $"The schema '{schema}' must be a lowercase letter or underscore followed by lowercase letters, digits or underscores."
        : null;

    /// <summary>The schema, checked and quoted for SQL text.</summary>
    /// <exception cref="ArgumentException">The schema is not a plain lowercase identifier.</exception>
    public static string Quote(string schema, string paramName) =>
        Problem(schema) is { } problem ? throw new ArgumentException(problem, paramName) : $"\"{schema}\"";

    [GeneratedRegex("^[a-z_][a-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Plain();
}
