namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Gives each distinct name (a store, a channel, a campaign) a small number, so that columns hold numbers and
/// group-bys index arrays instead of hashing strings. Code <see cref="None"/> (-1) means "no value".
/// </summary>
internal sealed class NameCodes
{
    /// <summary>The code of a missing value.</summary>
    public const int None = -1;

    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>The names, indexed by code.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The code of <paramref name="name"/>, adding it when new; <see cref="None"/> for null.</summary>
    public int GetOrAdd(string? name)
    {
        if (name is null)
        {
            return None;
        }

        if (!_codes.TryGetValue(name, out var code))
        {
            code = _names.Count;
            _codes.Add(name, code);
            _names.Add(name);
        }

        return code;
    }
}
