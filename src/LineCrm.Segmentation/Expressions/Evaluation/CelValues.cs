using System.Collections.Immutable;
using System.Text;
using LineCrm.Segmentation.Expressions.Checking;

namespace LineCrm.Segmentation.Expressions.Evaluation;

// CEL runtime values are plain .NET objects: long (int), ulong (uint), double, bool, string, and the types
// below for the rest. Keeping the primitives unwrapped lets host functions and the compiler of the next layer
// use them directly.

/// <summary>The CEL <c>null</c> value.</summary>
internal sealed class CelNull
{
    private CelNull()
    {
    }

    public static CelNull Value { get; } = new();

    public override string ToString() => "null";
}

/// <summary>A CEL <c>bytes</c> value: an immutable byte sequence that compares by content, unsigned.</summary>
internal sealed class CelBytes : IEquatable<CelBytes>, IComparable<CelBytes>
{
    public CelBytes(ImmutableArray<byte> bytes) => Bytes = bytes.IsDefault ? [] : bytes;

    public static CelBytes Empty { get; } = new([]);

    public ImmutableArray<byte> Bytes { get; }

    public int Length => Bytes.Length;

    public bool Equals(CelBytes? other) => other is not null && Bytes.AsSpan().SequenceEqual(other.Bytes.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as CelBytes);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Bytes.AsSpan());
        return hash.ToHashCode();
    }

    public int CompareTo(CelBytes? other) => other is null ? 1 : Bytes.AsSpan().SequenceCompareTo(other.Bytes.AsSpan());

    public override string ToString() => "b\"" + Convert.ToHexString(Bytes.AsSpan()) + "\"";
}

/// <summary>A CEL type value, the result of <c>type(x)</c> and of names such as <c>int</c>.</summary>
/// <param name="Name">The type's name: <c>int</c>, <c>list</c>, <c>map</c>, <c>type</c>, an object type's name.</param>
internal sealed record CelTypeValue(string Name)
{
    public static CelTypeValue Int { get; } = new("int");

    public static CelTypeValue Uint { get; } = new("uint");

    public static CelTypeValue Double { get; } = new("double");

    public static CelTypeValue Bool { get; } = new("bool");

    public static CelTypeValue String { get; } = new("string");

    public static CelTypeValue Bytes { get; } = new("bytes");

    public static CelTypeValue List { get; } = new("list");

    public static CelTypeValue Map { get; } = new("map");

    public static CelTypeValue Null { get; } = new("null_type");

    public static CelTypeValue Type { get; } = new("type");

    public static CelTypeValue Timestamp { get; } = new("google.protobuf.Timestamp");

    public static CelTypeValue Duration { get; } = new("google.protobuf.Duration");

    public override string ToString() => Name;
}

/// <summary>A CEL list value; its elements are CEL values.</summary>
internal sealed class CelList(IReadOnlyList<object> items)
{
    public static CelList Empty { get; } = new([]);

    public IReadOnlyList<object> Items { get; } = items;

    public int Count => Items.Count;

    public override string ToString() => "[" + string.Join(", ", Items.Select(CelValueFormatter.Format)) + "]";
}

/// <summary>
/// A CEL map value. Keys are int, uint, bool or string; int and uint keys that are numerically equal are the
/// same key (and a double lookup key that is a whole number finds them), as the language definition requires.
/// Iteration follows insertion order.
/// </summary>
internal sealed class CelMap
{
    private readonly Dictionary<object, object> _entries;
    private readonly List<object> _keys;

    private CelMap(Dictionary<object, object> entries, List<object> keys)
    {
        _entries = entries;
        _keys = keys;
    }

    public static CelMap Empty { get; } = new(new(CelKeyComparer.Instance), []);

    public int Count => _keys.Count;

    public IReadOnlyList<object> Keys => _keys;

    /// <summary>Builds a map, or returns the error for a repeated key or a key of a type maps cannot have.</summary>
    public static object Create(IEnumerable<KeyValuePair<object, object>> entries)
    {
        var dictionary = new Dictionary<object, object>(CelKeyComparer.Instance);
        var keys = new List<object>();
        foreach (var (key, value) in entries)
        {
            if (!IsValidKey(key))
            {
                return CelError.UnsupportedKeyType(key);
            }

            if (!dictionary.TryAdd(key, value))
            {
                return CelError.RepeatedKey(key);
            }

            keys.Add(key);
        }

        return new CelMap(dictionary, keys);
    }

    public static bool IsValidKey(object key) => key is long or ulong or bool or string;

    public bool TryGetValue(object key, out object value)
    {
        if (key is double d)
        {
            // A whole double finds an int or uint key; any other double finds nothing (maps have no double keys).
            if (CelNumbers.TryDoubleToLong(d, out var asLong))
            {
                return _entries.TryGetValue(asLong, out value!);
            }

            if (CelNumbers.TryDoubleToUlong(d, out var asUlong))
            {
                return _entries.TryGetValue(asUlong, out value!);
            }

            value = null!;
            return false;
        }

        if (!IsValidKey(key))
        {
            value = null!;
            return false;
        }

        return _entries.TryGetValue(key, out value!);
    }

    public object this[object key] => _entries[key];

    public override string ToString() =>
        "{" + string.Join(", ", _keys.Select(k => CelValueFormatter.Format(k) + ": " + CelValueFormatter.Format(_entries[k]))) + "}";
}

/// <summary>Map key equality: int and uint keys with the same number are equal; otherwise by value.</summary>
internal sealed class CelKeyComparer : IEqualityComparer<object>
{
    public static CelKeyComparer Instance { get; } = new();

    public new bool Equals(object? x, object? y) => (x, y) switch
    {
        (long a, ulong b) => a >= 0 && (ulong)a == b,
        (ulong a, long b) => b >= 0 && (ulong)b == a,
        _ => object.Equals(x, y),
    };

    public int GetHashCode(object obj) => obj switch
    {
        ulong u when u <= long.MaxValue => ((long)u).GetHashCode(),
        _ => obj.GetHashCode(),
    };
}

/// <summary>
/// A CEL runtime error as a value, so that <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c> and the comprehension macros
/// can absorb it as the language definition says. <see cref="Kind"/> is the CEL error kind.
/// </summary>
internal sealed class CelError(string kind, string message)
{
    public string Kind { get; } = kind;

    public string Message { get; } = message;

    /// <summary>The id of the node that raised it (0 until the interpreter stamps it), for line:column.</summary>
    public int NodeId { get; private set; }

    public CelError At(int nodeId)
    {
        if (NodeId == 0)
        {
            NodeId = nodeId;
        }

        return this;
    }

    public static CelError NoMatchingOverload(string function, ReadOnlySpan<object> arguments)
    {
        var types = new StringBuilder();
        foreach (var argument in arguments)
        {
            types.Append(types.Length > 0 ? ", " : string.Empty).Append(CelValueTypes.TypeName(argument));
        }

        return new("no_matching_overload", $"no matching overload for '{Syntax.Operators.Display(function)}' applied to ({types})");
    }

    public static CelError NoSuchKey(object key) => new("no_such_key", $"no such key: {CelValueFormatter.Format(key)}");

    public static CelError NoSuchField(string field) => new("no_such_field", $"no such field: '{field}'");

    public static CelError UnsupportedKeyType(object key) =>
        new("invalid_argument", $"unsupported key type: {CelValueTypes.TypeName(key)}");

    public static CelError RepeatedKey(object key) =>
        new("invalid_argument", $"Failed with repeated key: {CelValueFormatter.Format(key)}");

    public static CelError DivisionByZero() => new("division_by_zero", "divide by zero");

    public static CelError ModulusByZero() => new("division_by_zero", "modulus by zero");

    public static CelError Overflow(string operation) => new("overflow", $"{operation} overflows (range error)");

    public static CelError Range(string what) => new("range", $"{what} is out of range");

    public static CelError Conversion(string what) => new("invalid_argument", $"type conversion error: {what}");

    public static CelError InvalidArgument(string what) => new("invalid_argument", what);

    public static CelError UnknownVariable(string name) => new("unknown_variable", $"undeclared reference to '{name}'");

    public static CelError UnknownFunction(string name) => new("no_matching_overload", $"unknown function '{name}'");

    public override string ToString() => $"{Kind}: {Message}";
}

/// <summary>A value of a host-declared object type: its type and its fields as CEL values.</summary>
internal interface ICelObject
{
    CelObjectType Type { get; }

    /// <summary>The field's value when it is set; false when it is unset (then it reads as its type's default).</summary>
    bool TryGetField(string field, out object value);
}

/// <summary>A simple <see cref="ICelObject"/> over a dictionary of field values (already CEL values).</summary>
internal sealed class CelObject : ICelObject, IEquatable<CelObject>
{
    private readonly ImmutableDictionary<string, object> _fields;

    public CelObject(CelObjectType type, IEnumerable<KeyValuePair<string, object>> fields)
    {
        Type = type;
        var builder = ImmutableDictionary.CreateBuilder<string, object>(StringComparer.Ordinal);
        foreach (var (name, value) in fields)
        {
            if (!type.TryGetField(name, out _))
            {
                throw new ArgumentException($"Object type '{type.Name}' has no field '{name}'.", nameof(fields));
            }

            builder[name] = value;
        }

        _fields = builder.ToImmutable();
    }

    public CelObjectType Type { get; }

    public bool TryGetField(string field, out object value) => _fields.TryGetValue(field, out value!);

    public bool Equals(CelObject? other) =>
        other is not null
        && ReferenceEquals(Type, other.Type)
        && _fields.Count == other._fields.Count
        && _fields.All(f => other._fields.TryGetValue(f.Key, out var v) && CelEquality.Equal(f.Value, v));

    public override bool Equals(object? obj) => Equals(obj as CelObject);

    public override int GetHashCode() => HashCode.Combine(Type.Name, _fields.Count);

    public override string ToString() =>
        Type.Name + "{" + string.Join(", ", _fields.Select(f => f.Key + ": " + CelValueFormatter.Format(f.Value))) + "}";
}
