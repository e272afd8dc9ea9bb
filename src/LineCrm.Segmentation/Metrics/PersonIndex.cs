using LineCrm.Identity;

namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// Numbers persons densely (0, 1, 2, ...) in the order they are first seen, so that per-person facts live in
/// arrays indexed by that number.
/// </summary>
/// <typeparam name="TKey">What identifies a person: a <see cref="PersonId"/>, or an <see cref="Identifier"/> before identity resolution.</typeparam>
public sealed class PersonIndex<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, int> _numbers = [];
    private readonly List<TKey> _keys = [];

    /// <summary>How many persons have a number.</summary>
    public int Count => _keys.Count;

    /// <summary>The keys, indexed by number.</summary>
    public IReadOnlyList<TKey> Keys => _keys;

    /// <summary>The number of <paramref name="key"/>, giving it the next number when it is new.</summary>
    public int GetOrAdd(TKey key)
    {
        if (!_numbers.TryGetValue(key, out var number))
        {
            number = _keys.Count;
            _numbers.Add(key, number);
            _keys.Add(key);
        }

        return number;
    }

    /// <summary>The number of <paramref name="key"/>, if it has one.</summary>
    public bool TryGetNumber(TKey key, out int number) => _numbers.TryGetValue(key, out number);
}
