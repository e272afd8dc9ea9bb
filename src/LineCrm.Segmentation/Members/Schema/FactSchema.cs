using System.Collections.Frozen;
using System.Collections.Immutable;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// The facts a member table keeps and a segment can read, each declared once with its CEL name and type. The
/// built-in facts come with <see cref="Default"/>; add your own with <see cref="WithScalar"/> (one value per
/// person) and <see cref="WithList"/> (a list of records per person). The table's columns, the segment checker,
/// the compiled code and both interpreters are all driven by the declarations: a custom fact is a declaration,
/// not a change to the package.
/// </summary>
/// <example>
/// <code>
/// var schema = FactSchema.Default
///     .WithScalar("loyaltyPoints", FactType.Int, "points on the loyalty card")
///     .WithList("pageViews", "PageView", [new FactField("at", FactType.Timestamp), new FactField("productId", FactType.String)]);
/// var table = new MemberTable(new IdentifierKeyedPersonResolver(), schema);
/// var segment = Segment.Compile("loyaltyPoints >= 500 &amp;&amp; pageViews.exists(v, v.productId == 'sku-1')", schema);
/// </code>
/// </example>
/// <remarks>Instances are immutable: each <c>With...</c> returns a new schema.</remarks>
public sealed class FactSchema
{
    private static readonly FrozenSet<string> Reserved = FrozenSet.Create(
        StringComparer.Ordinal,
    [
        "true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if", "import",
        "let", "loop", "package", "namespace", "return", "var", "void", "while",
        "now", "days", "cel", "math", "strings", "optional", "has", "size", "int", "uint", "double", "string", "bytes",
        "bool", "timestamp", "duration", "list", "map", "type", "dyn",
    ]);

    private readonly ImmutableArray<CustomScalar> _scalars;
    private readonly ImmutableArray<CustomList> _lists;

    private FactSchema(ImmutableArray<FactDeclaration> facts, ImmutableArray<CustomScalar> scalars, ImmutableArray<CustomList> lists)
    {
        (Facts, _scalars, _lists) = (facts, scalars, lists);
    }

    /// <summary>The built-in facts and nothing else: what <c>new MemberTable()</c> and <c>Segment.Compile</c> use.</summary>
    public static FactSchema Default { get; } = new(BuiltInFacts.All, [], []);

    /// <summary>Every fact, the built-in ones first, then yours in the order declared.</summary>
    public ImmutableArray<FactDeclaration> Facts { get; }

    /// <summary>Whether the schema declares facts of its own beyond the built-in ones.</summary>
    public bool HasCustomFacts => !_scalars.IsEmpty || !_lists.IsEmpty;

    /// <summary>The custom scalar facts with their storage.</summary>
    internal ImmutableArray<CustomScalar> Scalars => _scalars;

    /// <summary>The custom list facts with their storage.</summary>
    internal ImmutableArray<CustomList> Lists => _lists;

    /// <summary>Declares a fact with one value per person, such as <c>loyaltyPoints</c>.</summary>
    /// <param name="name">The CEL name: a letter or underscore, then letters, digits or underscores; not a name already declared or reserved.</param>
    /// <param name="type">The value's type. A person without a value reads as the type's zero (see <see cref="FactType"/>).</param>
    /// <param name="description">What the fact means, for the docs and tools.</param>
    /// <returns>A new schema with the fact.</returns>
    /// <exception cref="ArgumentException">The name is not an identifier, is reserved or is declared already.</exception>
    public FactSchema WithScalar(string name, FactType type, string description = "")
    {
        CheckNewName(name, nameof(name));
        CheckType(type, nameof(type));
        ArgumentNullException.ThrowIfNull(description);
        var storage = StorageOf(type);
        var slot = _scalars.Count(s => s.Storage == storage);
        var declaration = new ScalarFactDeclaration(name, type, description);
        return new FactSchema(Facts.Add(declaration), _scalars.Add(new CustomScalar(declaration, storage, slot, _scalars.Length)), _lists);
    }

    /// <summary>Declares a fact that is a list of records per person, such as <c>pageViews</c>.</summary>
    /// <param name="name">The CEL name of the list (rules as for <see cref="WithScalar"/>).</param>
    /// <param name="recordType">The CEL object type of one record (<c>PageView</c>): an identifier, not <c>Purchase</c>, <c>Interaction</c> or another list's.</param>
    /// <param name="fields">The fields of a record: at least one, at most 64, names unique. A record appended without a field reads its type's zero.</param>
    /// <param name="description">What the list means, for the docs and tools.</param>
    /// <returns>A new schema with the list.</returns>
    /// <exception cref="ArgumentException">A name is not an identifier, is reserved or is declared already, or the fields are empty or repeat a name.</exception>
    public FactSchema WithList(string name, string recordType, IEnumerable<FactField> fields, string description = "")
    {
        CheckNewName(name, nameof(name));
        CheckIdentifier(recordType, nameof(recordType));
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(description);
        if (recordType is "Purchase" or "Interaction" || _lists.Any(l => l.Declaration.RecordType == recordType))
        {
            throw new ArgumentException($"The record type '{recordType}' is declared already.", nameof(recordType));
        }

        var declared = fields.ToImmutableArray();
        if (declared.IsEmpty || declared.Length > CustomList.MaxFields)
        {
            throw new ArgumentException($"A record has 1 to {CustomList.MaxFields} fields; '{name}' declares {declared.Length}.", nameof(fields));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in declared)
        {
            ArgumentNullException.ThrowIfNull(field, nameof(fields));
            CheckIdentifier(field.Name, nameof(fields));
            CheckType(field.Type, nameof(fields));
            if (!seen.Add(field.Name))
            {
                throw new ArgumentException($"The record type '{recordType}' declares the field '{field.Name}' twice.", nameof(fields));
            }
        }

        var declaration = new ListFactDeclaration(name, recordType, declared, description);
        return new FactSchema(Facts.Add(declaration), _scalars, _lists.Add(new CustomList(declaration, _lists.Length)));
    }

    /// <summary>The declaration named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The CEL name.</param>
    /// <returns>The declaration, or null when the schema has no such fact.</returns>
    public FactDeclaration? Find(string name) => Facts.FirstOrDefault(f => f.Name == name);

    /// <summary>Whether both schemas declare the same custom facts, in the same order (so their columns line up).</summary>
    /// <param name="other">The other schema.</param>
    /// <returns>Whether the custom declarations are equal.</returns>
    public bool DeclaresSameFactsAs(FactSchema other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other)
            || (_scalars.Select(s => s.Declaration).SequenceEqual(other._scalars.Select(s => s.Declaration))
                && _lists.Select(l => l.Declaration).SequenceEqual(other._lists.Select(l => l.Declaration)));
    }

    internal CustomScalar? FindScalar(string name) => _scalars.FirstOrDefault(s => s.Declaration.Name == name);

    internal CustomList? FindList(string name) => _lists.FirstOrDefault(l => l.Declaration.Name == name);

    /// <summary>The CEL spelling of a fact type.</summary>
    internal static string CelName(FactType type) => type switch
    {
        FactType.Bool => "bool",
        FactType.Int => "int",
        FactType.Double => "double",
        FactType.String => "string",
        _ => "timestamp",
    };

    internal static FactStorage StorageOf(FactType type) => type switch
    {
        FactType.Bool => FactStorage.Bool,
        FactType.Double => FactStorage.Double,
        FactType.String => FactStorage.String,
        _ => FactStorage.Long,
    };

    private void CheckNewName(string name, string parameter)
    {
        CheckIdentifier(name, parameter);
        if (Find(name) is not null)
        {
            throw new ArgumentException($"The fact '{name}' is declared already.", parameter);
        }
    }

    private static void CheckType(FactType type, string parameter)
    {
        if (!Enum.IsDefined(type))
        {
            throw new ArgumentOutOfRangeException(parameter, type, "Not a fact type.");
        }
    }

    private static void CheckIdentifier(string name, string parameter)
    {
        ArgumentNullException.ThrowIfNull(name, parameter);
        var valid = name.Length is > 0 and <= 64
            && (char.IsAsciiLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!valid)
        {
            throw new ArgumentException($"'{name}' is not a CEL identifier of at most 64 characters (a letter or '_', then letters, digits or '_').", parameter);
        }

        if (Reserved.Contains(name))
        {
            throw new ArgumentException($"'{name}' is a reserved word or a name the segment language declares itself.", parameter);
        }
    }
}
