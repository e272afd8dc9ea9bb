using System.Collections.Immutable;

namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>
/// An object type declared by the host: a name and named, typed fields, for example a <c>Book</c> with
/// <c>published: google.protobuf.Timestamp</c>, <c>price: double</c> and <c>title: string</c>. Expressions select its
/// fields (<c>b.price</c>) and test them (<c>has(b.title)</c>); values come from the host as
/// <see cref="Evaluation.ICelObject"/>. The engine knows nothing else about it.
/// </summary>
internal sealed class CelObjectType
{
    private readonly ImmutableDictionary<string, CelType> _fields;

    /// <summary>Declares <paramref name="name"/> (a simple or dotted name) with its fields.</summary>
    public CelObjectType(string name, IEnumerable<KeyValuePair<string, CelType>> fields)
    {
        DeclarationNames.Validate(name, nameof(name));
        var builder = ImmutableDictionary.CreateBuilder<string, CelType>(StringComparer.Ordinal);
        foreach (var (field, type) in fields)
        {
            DeclarationNames.ValidateField(field, nameof(fields));
            ArgumentNullException.ThrowIfNull(type);
            if (!builder.TryAdd(field, type))
            {
                throw new ArgumentException($"Object type '{name}' declares field '{field}' twice.", nameof(fields));
            }
        }

        Name = name;
        _fields = builder.ToImmutable();
        FieldNames = [.. fields.Select(f => f.Key)];
    }

    public string Name { get; }

    /// <summary>The fields in declaration order.</summary>
    public ImmutableArray<string> FieldNames { get; }

    /// <summary>The type of <paramref name="field"/>, or false when the object type has no such field.</summary>
    public bool TryGetField(string field, out CelType type) => _fields.TryGetValue(field, out type!);

    /// <summary>This object type as a <see cref="CelType"/>, for variable and function declarations.</summary>
    public CelType AsType() => CelType.Object(this);

    public override string ToString() => Name;
}
