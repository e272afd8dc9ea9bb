using System.Runtime.InteropServices;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// Interns the strings of one column family (channels, stores, categories, tags...) as dense ids, so columns
/// hold 4-byte ids instead of references and an equality test against a constant is one integer comparison.
/// </summary>
internal sealed class StringPool
{
    /// <summary>The id that stands for "no value" in id columns.</summary>
    public const int None = -1;

    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _values = [];

    /// <summary>How many distinct strings are interned.</summary>
    public int Count => _values.Count;

    /// <summary>The strings, by id.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The string with this id.</summary>
    public string this[int id] => _values[id];

    /// <summary>The id of <paramref name="value"/>, interning it when it is new.</summary>
    public int Intern(string value)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_ids, value, out var exists);
        if (!exists)
        {
            id = _values.Count;
            _values.Add(value);
        }

        return id;
    }

    /// <summary>Fills an empty pool with <paramref name="values"/>, which get ids 0, 1, ...; false on a duplicate.</summary>
    public bool TryLoad(IReadOnlyList<string> values)
    {
        if (_values.Count != 0)
        {
            throw new InvalidOperationException("Only an empty pool can be loaded.");
        }

        foreach (var value in values)
        {
            if (!_ids.TryAdd(value, _values.Count))
            {
                _ids.Clear();
                _values.Clear();
                return false;
            }

            _values.Add(value);
        }

        return true;
    }

    /// <summary>The id of <paramref name="value"/>, or <see cref="None"/> when it is null.</summary>
    public int InternOptional(string? value) => value is null ? None : Intern(value);

    /// <summary>The id of <paramref name="value"/>, or <see cref="None"/> when it was never interned.</summary>
    public int Find(string value) => _ids.TryGetValue(value, out var id) ? id : None;

    /// <summary>The string of an id column entry, or null for <see cref="None"/>.</summary>
    public string? Optional(int id) => id == None ? null : _values[id];
}
