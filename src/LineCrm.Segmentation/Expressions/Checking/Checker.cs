using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Expressions.Checking;

/// <summary>
/// The CEL type checker: resolves every name against the declarations (comprehension variables first, then
/// variables, longest dotted name first, then types), picks the overloads of every call by argument types, and
/// infers the type of every node. All problems are collected and thrown together as a
/// <see cref="CelCheckException"/> with line:column for each.
/// </summary>
internal sealed class Checker
{
    private readonly ParsedExpression _parsed;
    private readonly Declarations _declarations;
    private readonly ImmutableDictionary<int, CelType>.Builder _types = ImmutableDictionary.CreateBuilder<int, CelType>();
    private readonly ImmutableDictionary<int, Reference>.Builder _references = ImmutableDictionary.CreateBuilder<int, Reference>();
    private readonly List<CelCheckError> _errors = [];
    private readonly List<(string Name, CelType Type)> _locals = [];

    private Checker(ParsedExpression parsed, Declarations declarations)
    {
        _parsed = parsed;
        _declarations = declarations;
    }

    /// <summary>Type-checks <paramref name="parsed"/> against <paramref name="declarations"/>.</summary>
    public static CheckedExpression Check(ParsedExpression parsed, Declarations declarations)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(declarations);
        var checker = new Checker(parsed, declarations);
        checker.Visit(parsed.Root);
        if (checker._errors.Count > 0)
        {
            throw new CelCheckException([.. checker._errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        return new CheckedExpression(parsed, declarations, checker._types.ToImmutable(), checker._references.ToImmutable());
    }

    private CelType Visit(Expr node)
    {
        // The parser bounds the depth of the tree; this guards hosts that run on small stacks.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var type = node switch
        {
            LiteralExpr literal => LiteralType(literal.Kind),
            IdentExpr ident => VisitIdent(ident),
            SelectExpr select => VisitSelect(select),
            CallExpr call => VisitCall(call),
            ListExpr list => VisitList(list),
            MapExpr map => VisitMap(map),
            StructExpr create => VisitStruct(create),
            ComprehensionExpr comprehension => VisitComprehension(comprehension),
            BindExpr bind => VisitBind(bind),
            _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}."),
        };
        _types[node.Id] = type;
        return type;
    }

    private static CelType LiteralType(LiteralKind kind) => kind switch
    {
        LiteralKind.Int => CelType.Int,
        LiteralKind.Uint => CelType.Uint,
        LiteralKind.Double => CelType.Double,
        LiteralKind.String => CelType.String,
        LiteralKind.Bytes => CelType.Bytes,
        LiteralKind.Bool => CelType.Bool,
        _ => CelType.Null,
    };

    private CelType VisitIdent(IdentExpr ident)
    {
        if (TryResolveName(ident.Name, out var reference, out var type))
        {
            _references[ident.Id] = reference;
            return type;
        }

        return Error(ident, CelCheckErrorKind.UndeclaredReference, $"undeclared reference to '{ident.Name.TrimStart('.')}'");
    }

    private bool TryResolveName(string name, out Reference reference, out CelType type)
    {
        var rooted = name.StartsWith('.');
        if (rooted)
        {
            name = name[1..];
        }
        else
        {
            for (var i = _locals.Count - 1; i >= 0; i--)
            {
                if (_locals[i].Name == name)
                {
                    type = _locals[i].Type;
                    reference = new LocalReference(name, type);
                    return true;
                }
            }
        }

        if (_declarations.Variables.TryGetValue(name, out var variable))
        {
            type = variable;
            reference = new VariableReference(name, variable);
            return true;
        }

        var denoted = TypeNames.Denoted(name)
            ?? (_declarations.ObjectTypes.TryGetValue(name, out var objectType) ? objectType.AsType() : null);
        if (denoted is not null)
        {
            type = CelType.TypeOf(denoted);
            reference = new TypeReference(denoted);
            return true;
        }

        reference = null!;
        type = CelType.Error;
        return false;
    }

    private CelType VisitSelect(SelectExpr select)
    {
        // a.b.c may be the dotted variable a.b.c, or a.b with field c, or a with fields b and c: the longest
        // declared name wins, unless the first part is a comprehension variable (which shadows declarations).
        if (!select.TestOnly && SyntaxTree.QualifiedName(select) is { } qualified && !IsLocal(qualified)
            && TryResolveName(qualified, out var reference, out var resolved) && reference is not LocalReference)
        {
            _references[select.Id] = reference;
            return resolved;
        }

        var operand = Visit(select.Operand);
        var field = FieldType(select, operand);
        return select.TestOnly && field.Kind != CelTypeKind.Error ? CelType.Bool : field;
    }

    private CelType FieldType(SelectExpr select, CelType operand)
    {
        switch (operand.Kind)
        {
            case CelTypeKind.Optional:
                // Optional chaining: a field of an optional is an optional of the field (none stays none).
                var inner = FieldType(select, operand.OptionalValueType);
                return inner.Kind == CelTypeKind.Error ? inner : CelType.Optional(inner.Kind == CelTypeKind.Optional ? inner.OptionalValueType : inner);
            case CelTypeKind.Dyn or CelTypeKind.Error or CelTypeKind.TypeParam:
                return operand.Kind == CelTypeKind.Error ? CelType.Error : CelType.Dyn;
            case CelTypeKind.Map:
                // m.f is m['f']; with non-string keys it finds nothing at run time (no_such_key), as in cel-go.
                return operand.ValueType;
            case CelTypeKind.Object when operand.ObjectType is { } objectType:
                if (objectType.TryGetField(select.Field, out var fieldType))
                {
                    return fieldType;
                }

                return Error(select, CelCheckErrorKind.UndefinedField, $"type '{operand}' has no field '{select.Field}'");
            default:
                return Error(select, CelCheckErrorKind.UndefinedField, $"type '{operand}' does not support field selection");
        }
    }

    private bool IsLocal(string qualifiedName)
    {
        var first = qualifiedName.Split('.')[0];
        return !qualifiedName.StartsWith('.') && _locals.Exists(l => l.Name == first);
    }

    private CelType VisitCall(CallExpr call)
    {
        var argumentTypes = new List<CelType>(call.Args.Length + 1);
        if (call.Target is not null)
        {
            argumentTypes.Add(Visit(call.Target));
        }

        foreach (var argument in call.Args)
        {
            argumentTypes.Add(Visit(argument));
        }

        if (!_declarations.Functions.TryGetValue(call.Function, out var function))
        {
            return Error(call, CelCheckErrorKind.UndeclaredFunction, $"undeclared reference to function '{call.Function}'");
        }

        if (argumentTypes.Exists(t => t.Kind == CelTypeKind.Error))
        {
            return CelType.Error;
        }

        if (call.Function == Operators.OptionalSelect && OptionalFieldType(call, argumentTypes[0]) is { } fieldType)
        {
            _references[call.Id] = new CallReference(function, function.Overloads);
            return fieldType;
        }

        var isReceiver = call.Target is not null;
        var matches = ImmutableArray.CreateBuilder<FunctionOverload>();
        CelType? result = null;
        foreach (var overload in function.Overloads)
        {
            if (overload.IsReceiver != isReceiver || overload.Parameters.Length != argumentTypes.Count)
            {
                continue;
            }

            var unifier = new TypeUnifier();
            var fits = true;
            for (var i = 0; i < argumentTypes.Count && fits; i++)
            {
                fits = unifier.IsAssignable(overload.Parameters[i], argumentTypes[i]);
            }

            if (!fits)
            {
                continue;
            }

            matches.Add(overload);
            var overloadResult = unifier.Substitute(overload.Result);
            result = result is null || result.Equals(overloadResult) ? overloadResult : CelType.Dyn;
        }

        if (result is null)
        {
            var shown = isReceiver
                ? $"{argumentTypes[0]}.{call.Function}({string.Join(", ", argumentTypes.Skip(1))})"
                : $"({string.Join(", ", argumentTypes)})";
            return Error(call, CelCheckErrorKind.NoMatchingOverload,
                $"found no matching overload for '{Operators.Display(call.Function)}' applied to '{shown}'");
        }

        _references[call.Id] = new CallReference(function, matches.ToImmutable());
        return result;
    }

    /// <summary><c>o.?f</c> on an object type (or an optional of one): an optional of the field's type.</summary>
    private CelType? OptionalFieldType(CallExpr call, CelType operand)
    {
        var objectType = operand.Kind == CelTypeKind.Optional ? operand.OptionalValueType : operand;
        if (objectType is not { Kind: CelTypeKind.Object, ObjectType: { } declared } || call.Args[1] is not LiteralExpr { Value: string field })
        {
            return null;
        }

        return declared.TryGetField(field, out var type)
            ? CelType.Optional(type)
            : Error(call, CelCheckErrorKind.UndefinedField, $"type '{objectType}' has no field '{field}'");
    }

    private CelType VisitList(ListExpr list)
    {
        var elements = new List<CelType>(list.Elements.Length);
        for (var i = 0; i < list.Elements.Length; i++)
        {
            var type = Visit(list.Elements[i]);
            elements.Add(list.IsOptional(i) ? OptionalContent(list.Elements[i], type) : type);
        }

        return CelType.List(TypeUnifier.Join(elements));
    }

    /// <summary>The type inside an optional written <c>?x</c> in a list or map literal.</summary>
    private CelType OptionalContent(Expr node, CelType type) => type.Kind switch
    {
        CelTypeKind.Optional => type.OptionalValueType,
        CelTypeKind.Dyn or CelTypeKind.Error or CelTypeKind.TypeParam => type,
        _ => Error(node, CelCheckErrorKind.TypeMismatch, $"an optional entry (?x) needs an optional value, not {type}"),
    };

    private CelType VisitBind(BindExpr bind)
    {
        var init = Visit(bind.Init);
        _locals.Add((bind.Variable, init));
        try
        {
            return Visit(bind.Body);
        }
        finally
        {
            _locals.RemoveAt(_locals.Count - 1);
        }
    }

    private CelType VisitMap(MapExpr map)
    {
        var keys = new List<CelType>();
        var values = new List<CelType>();
        foreach (var entry in map.Entries)
        {
            // Keys of other types (double, null) type-check, as in cel-go, and fail at run time with
            // "unsupported key type".
            keys.Add(Visit(entry.Key));
            var value = Visit(entry.Value);
            values.Add(entry.Optional ? OptionalContent(entry.Value, value) : value);
        }

        return CelType.Map(TypeUnifier.Join(keys), TypeUnifier.Join(values));
    }

    private CelType VisitStruct(StructExpr create)
    {
        if (TypeNames.IsWrapper(create.TypeName))
        {
            // The protobuf wrapper types are the only messages CEL can build without protobuf: they unwrap to
            // their primitive value, or to the zero value when empty.
            foreach (var field in create.Fields)
            {
                Visit(field.Value);
                if (field.Field != "value")
                {
                    Error(create, CelCheckErrorKind.UndefinedField, $"type '{create.TypeName}' has no field '{field.Field}'");
                }
            }

            return CelType.Dyn;
        }

        if (!_declarations.ObjectTypes.TryGetValue(create.TypeName, out var objectType))
        {
            foreach (var field in create.Fields)
            {
                Visit(field.Value);
            }

            return Error(create, CelCheckErrorKind.UnknownType, $"unknown object type '{create.TypeName}'");
        }

        foreach (var field in create.Fields)
        {
            var actual = Visit(field.Value);
            if (!objectType.TryGetField(field.Field, out var expected))
            {
                Error(create, CelCheckErrorKind.UndefinedField, $"type '{objectType.Name}' has no field '{field.Field}'");
            }
            else if (!new TypeUnifier().IsAssignable(expected, actual))
            {
                Error(field.Value, CelCheckErrorKind.TypeMismatch,
                    $"field '{field.Field}' of '{objectType.Name}' is {expected}, not {actual}");
            }
        }

        return objectType.AsType();
    }

    private CelType VisitComprehension(ComprehensionExpr comprehension)
    {
        var range = Visit(comprehension.Range);
        if (comprehension.Variable2 is not null)
        {
            return VisitTwoVariableComprehension(comprehension, range);
        }

        var element = range.Kind switch
        {
            CelTypeKind.List => range.ElementType,
            CelTypeKind.Map => range.KeyType,
            CelTypeKind.Dyn or CelTypeKind.TypeParam => CelType.Dyn,
            CelTypeKind.Error => CelType.Error,
            _ => Error(comprehension.Range, CelCheckErrorKind.TypeMismatch,
                $"{MacroName(comprehension)}() needs a list or a map, not {range}"),
        };

        _locals.Add((comprehension.Variable, element));
        try
        {
            if (comprehension.Predicate is { } predicate)
            {
                var condition = Visit(predicate);
                if (!new TypeUnifier().IsAssignable(CelType.Bool, condition))
                {
                    Error(predicate, CelCheckErrorKind.TypeMismatch,
                        $"the condition of {MacroName(comprehension)}() must be bool, not {condition}");
                }
            }

            var transformed = comprehension.Transform is { } transform ? Visit(transform) : null;
            return comprehension.Kind switch
            {
                ComprehensionKind.Map => CelType.List(transformed ?? CelType.Dyn),
                ComprehensionKind.Filter => CelType.List(element),
                _ => CelType.Bool,
            };
        }
        finally
        {
            _locals.RemoveAt(_locals.Count - 1);
        }
    }

    /// <summary><c>range.all(i, v, p)</c> and the other forms over (index, element) or (key, value) pairs.</summary>
    private CelType VisitTwoVariableComprehension(ComprehensionExpr comprehension, CelType range)
    {
        var (first, second) = range.Kind switch
        {
            CelTypeKind.List => (CelType.Int, range.ElementType),
            CelTypeKind.Map => (range.KeyType, range.ValueType),
            CelTypeKind.Dyn or CelTypeKind.TypeParam => (CelType.Dyn, CelType.Dyn),
            CelTypeKind.Error => (CelType.Error, CelType.Error),
            _ => (Error(comprehension.Range, CelCheckErrorKind.TypeMismatch, $"{MacroName(comprehension)}() needs a list or a map, not {range}"), CelType.Error),
        };

        _locals.Add((comprehension.Variable, first));
        _locals.Add((comprehension.Variable2!, second));
        try
        {
            if (comprehension.Predicate is { } predicate)
            {
                var condition = Visit(predicate);
                if (!new TypeUnifier().IsAssignable(CelType.Bool, condition))
                {
                    Error(predicate, CelCheckErrorKind.TypeMismatch,
                        $"the condition of {MacroName(comprehension)}() must be bool, not {condition}");
                }
            }

            var transformed = comprehension.Transform is { } transform ? Visit(transform) : CelType.Dyn;
            switch (comprehension.Kind)
            {
                case ComprehensionKind.TransformList:
                    return CelType.List(transformed);
                case ComprehensionKind.TransformMap:
                    return CelType.Map(first, transformed);
                case ComprehensionKind.TransformMapEntry:
                    return transformed.Kind is CelTypeKind.Map or CelTypeKind.Dyn or CelTypeKind.Error
                        ? transformed
                        : Error(comprehension.Transform!, CelCheckErrorKind.TypeMismatch, $"transformMapEntry() needs a map for each entry, not {transformed}");
                default:
                    return CelType.Bool;
            }
        }
        finally
        {
            _locals.RemoveRange(_locals.Count - 2, 2);
        }
    }

    private static string MacroName(ComprehensionExpr comprehension) => comprehension.Kind switch
    {
        ComprehensionKind.All => "all",
        ComprehensionKind.Exists => "exists",
        ComprehensionKind.ExistsOne => comprehension.Variable2 is null ? "exists_one" : "existsOne",
        ComprehensionKind.Map => "map",
        ComprehensionKind.TransformList => "transformList",
        ComprehensionKind.TransformMap => "transformMap",
        ComprehensionKind.TransformMapEntry => "transformMapEntry",
        _ => "filter",
    };

    private CelType Error(Expr node, CelCheckErrorKind kind, string message)
    {
        var (line, column) = _parsed.Locate(node);
        _errors.Add(new CelCheckError(kind, message, line, column));
        return CelType.Error;
    }
}
