using System.Globalization;

namespace LineCrm.Messaging.Messages.Validation;

/// <summary>
/// Throws the <see cref="ArgumentException"/> for a documented LINE limit: it names the field (a JSON path such as
/// <c>messages[2].quickReply.items</c>), the limit and the value found, and the parameter name is the path.
/// </summary>
internal static class LineLimits
{
    public static void Count<T>(IReadOnlyCollection<T>? items, string path, int min, int max)
    {
        var count = items?.Count ?? 0;
        if (count < min || count > max)
        {
            throw Violation(path, $"must have {min} to {max} items", $"has {count}");
        }
    }

    public static void MaxCount<T>(IReadOnlyCollection<T>? items, string path, int max)
    {
        if (items is not null && items.Count > max)
        {
            throw Violation(path, $"must have at most {max} items", $"has {items.Count}");
        }
    }

    public static void Length(string? value, string path, int min, int max)
    {
        if (value is null)
        {
            if (min > 0)
            {
                throw Violation(path, $"is required ({min} to {max} characters)", "is missing");
            }

            return;
        }

        if (value.Length < min || value.Length > max)
        {
            throw Violation(path, $"must be {min} to {max} characters", $"is {value.Length.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    public static void MaxLength(string? value, string path, int max)
    {
        if (value is not null && value.Length > max)
        {
            throw Violation(path, $"must be at most {max} characters", $"is {value.Length.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    public static void Range(long? value, string path, long min, long max)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw Violation(path, $"must be between {min} and {max}", $"is {v}");
        }
    }

    public static void Required(object? value, string path)
    {
        if (value is null)
        {
            throw Violation(path, "is required", "is missing");
        }
    }

    public static ArgumentException Violation(string path, string rule, string found) =>
        new($"{path} {rule}; it {found}.", path);
}
