using System.Collections.Immutable;

namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>
/// Everything an expression may refer to: variables with their types, object types, and functions with their
/// overloads. Nothing else is reachable from an expression. Immutable: each <c>With...</c> returns a new set.
/// </summary>
internal sealed class Declarations
{
    private Declarations(
        ImmutableDictionary<string, CelType> variables,
        ImmutableDictionary<string, CelObjectType> objectTypes,
        ImmutableDictionary<string, FunctionDeclaration> functions)
    {
        Variables = variables;
        ObjectTypes = objectTypes;
        Functions = functions;
    }

    /// <summary>No declarations at all (not even the standard functions).</summary>
    public static Declarations Empty { get; } = new(
        ImmutableDictionary.Create<string, CelType>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, CelObjectType>(StringComparer.Ordinal),
        ImmutableDictionary.Create<string, FunctionDeclaration>(StringComparer.Ordinal));

    public ImmutableDictionary<string, CelType> Variables { get; }

    public ImmutableDictionary<string, CelObjectType> ObjectTypes { get; }

    public ImmutableDictionary<string, FunctionDeclaration> Functions { get; }

    /// <summary>Declares (or redeclares) a variable; dotted names such as <c>a.b</c> are allowed.</summary>
    public Declarations WithVariable(string name, CelType type)
    {
        DeclarationNames.Validate(name, nameof(name));
        ArgumentNullException.ThrowIfNull(type);
        return new(Variables.SetItem(name, type), ObjectTypes, Functions);
    }

    /// <summary>Declares an object type, so its name denotes it and its fields can be selected.</summary>
    public Declarations WithObjectType(CelObjectType objectType)
    {
        ArgumentNullException.ThrowIfNull(objectType);
        if (ObjectTypes.TryGetValue(objectType.Name, out var existing) && !ReferenceEquals(existing, objectType))
        {
            throw new ArgumentException($"Object type '{objectType.Name}' is already declared.", nameof(objectType));
        }

        return new(Variables, ObjectTypes.SetItem(objectType.Name, objectType), Functions);
    }

    /// <summary>Declares a function, or adds overloads to a declared one.</summary>
    public Declarations WithFunction(string name, IEnumerable<FunctionOverload> overloads)
    {
        if (!Syntax.Operators.IsOperator(name))
        {
            DeclarationNames.Validate(name, nameof(name));
        }

        ArgumentNullException.ThrowIfNull(overloads);
        var list = overloads.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException($"Function '{name}' needs at least one overload.", nameof(overloads));
        }

        foreach (var overload in list.Where(o => o.IsReceiver && o.Parameters.Length == 0))
        {
            throw new ArgumentException($"Receiver overload '{overload.Id}' needs the receiver as its first parameter.", nameof(overloads));
        }

        var declaration = Functions.TryGetValue(name, out var existing)
            ? existing.With(list)
            : new FunctionDeclaration(name, []).With(list);
        return new(Variables, ObjectTypes, Functions.SetItem(name, declaration));
    }
}
