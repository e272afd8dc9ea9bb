namespace LineCrm.Messaging.Audiences;

/// <summary>LINE's documented limits for audience uploads, checked before anything is sent.</summary>
public static class AudienceLimits
{
    /// <summary>Ids per JSON upload request.</summary>
    public const int JsonIdsPerRequest = 10_000;

    /// <summary>Ids per file upload.</summary>
    public const int FileIdsPerRequest = 1_500_000;

    /// <summary>Characters in an audience's name.</summary>
    public const int DescriptionLength = 120;

    /// <summary>Audiences per page when listing.</summary>
    public const int MaxPageSize = 40;

    internal static void CheckDescription(string description, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description, paramName);
        if (description.Length > DescriptionLength)
        {
            throw new ArgumentException(
                $"description: an audience name is at most {DescriptionLength} characters, got {description.Length}.", paramName);
        }
    }

    internal static void CheckCount(int count, int limit, string field, string paramName)
    {
        if (count > limit)
        {
            throw new ArgumentException($"{field}: at most {limit:N0} ids per request, got {count:N0}.", paramName);
        }
    }
}
