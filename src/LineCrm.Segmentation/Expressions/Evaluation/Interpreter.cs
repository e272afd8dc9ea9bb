using System.Runtime.CompilerServices;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Expressions.Evaluation;

/// <summary>
/// The reference interpreter: walks a syntax tree and computes its CEL value. Runtime errors are values
/// (<see cref="CelError"/>) so that <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c> and the comprehension macros can absorb
/// them as the language definition says; the result of Evaluate may be one. Everything an evaluation spends
/// (iterations, the memory of the values it creates, regular-expression compilation) is charged to a
/// <see cref="CelCostBudget"/>; going past it throws <see cref="CelLimitExceededException"/> at once, with the
/// line and column of the node that went past. Runs checked expressions (using
/// the checker's resolutions) and unchecked ones (resolving names and overloads at run time).
/// </summary>
internal sealed class Interpreter
{
    private readonly ParsedExpression _parsed;
    private readonly Declarations _declarations;
    private readonly CheckedExpression? _checked;
    private readonly IActivation _activation;
    private readonly CelCostBudget _budget;
    private readonly List<(string Name, object Value)> _locals = [];

    private Interpreter(ParsedExpression parsed, Declarations declarations, CheckedExpression? checkedExpression, IActivation activation, CelCostBudget budget)
    {
        _parsed = parsed;
        _declarations = declarations;
        _checked = checkedExpression;
        _activation = activation;
        _budget = budget;
    }

    /// <summary>Evaluates a checked expression; the result is a CEL value or a <see cref="CelError"/>.</summary>
    public static object Evaluate(CheckedExpression expression, IActivation activation, CelLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(activation);
        var budget = new CelCostBudget(limits ?? CelLimits.Default, expression.Regexes);
        return new Interpreter(expression.Parsed, expression.Declarations, expression, activation, budget).Run();
    }

    /// <summary>Evaluates an expression that was not type-checked; names and overloads are resolved at run time.</summary>
    public static object Evaluate(ParsedExpression expression, Declarations declarations, IActivation activation, CelLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(declarations);
        ArgumentNullException.ThrowIfNull(activation);
        // An unchecked expression has no home for compiled patterns: they live as long as this evaluation.
        var budget = new CelCostBudget(limits ?? CelLimits.Default, new Library.RegexCache());
        return new Interpreter(expression, declarations, null, activation, budget).Run();
    }

    private object Run()
    {
        try
        {
            return Eval(_parsed.Root);
        }
        catch (InsufficientExecutionStackException)
        {
            throw new CelLimitExceededException(nameof(CelLimits.MaxNestingDepth), _budget.Limits.MaxNestingDepth, 0, 0);
        }
    }

    private object Eval(Expr node)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        object result;
        try
        {
            result = node switch
            {
                LiteralExpr literal => Literal(literal),
                IdentExpr ident => Ident(ident),
                SelectExpr select => Select(select),
                CallExpr call => Call(call),
                ListExpr list => List(list),
                MapExpr map => Map(map),
                StructExpr create => Struct(create),
                ComprehensionExpr comprehension => Comprehension(comprehension),
                BindExpr bind => Bind(bind),
                _ => throw new InvalidOperationException($"Unknown node {node.GetType().Name}."),
            };
        }
        catch (CelLimitExceededException e) when (e.Line == 0)
        {
            // The budget does not know where it is: the innermost node being evaluated is the place.
            var (line, column) = _parsed.Locate(node);
            throw new CelLimitExceededException(e.LimitName, e.Limit, line, column);
        }

        return result is CelError error ? error.At(node.Id) : result;
    }

    private static object Literal(LiteralExpr literal) => literal.Kind switch
    {
        LiteralKind.Null => CelNull.Value,
        LiteralKind.Bytes => new CelBytes((System.Collections.Immutable.ImmutableArray<byte>)literal.Value!),
        _ => literal.Value!,
    };

    private object Ident(IdentExpr ident)
    {
        if (_checked?.References.TryGetValue(ident.Id, out var reference) == true)
        {
            return Resolved(reference);
        }

        return TryResolve(ident.Name, out var value) ? value : CelError.UnknownVariable(ident.Name.TrimStart('.'));
    }

    private object Resolved(Reference reference) => reference switch
    {
        LocalReference local => Local(local.Name) ?? CelError.UnknownVariable(local.Name),
        VariableReference variable => _activation.TryResolve(variable.Name, out var value)
            ? value
            : CelError.UnknownVariable(variable.Name),
        TypeReference type => new CelTypeValue(type.Type.Name),
        _ => throw new InvalidOperationException("A call reference on a name."),
    };

    private object? Local(string name)
    {
        for (var i = _locals.Count - 1; i >= 0; i--)
        {
            if (_locals[i].Name == name)
            {
                return _locals[i].Value;
            }
        }

        return null;
    }

    /// <summary>Run-time name resolution for unchecked expressions: locals, variables, then type names.</summary>
    private bool TryResolve(string name, out object value)
    {
        var rooted = name.StartsWith('.');
        if (rooted)
        {
            name = name[1..];
        }
        else if (Local(name) is { } local)
        {
            value = local;
            return true;
        }

        if (_activation.TryResolve(name, out value))
        {
            return true;
        }

        var denoted = TypeNames.Denoted(name)
            ?? (_declarations.ObjectTypes.TryGetValue(name, out var objectType) ? objectType.AsType() : null);
        if (denoted is not null)
        {
            value = new CelTypeValue(denoted.Name);
            return true;
        }

        value = null!;
        return false;
    }

    private object Select(SelectExpr select)
    {
        if (_checked is not null)
        {
            if (_checked.References.TryGetValue(select.Id, out var reference))
            {
                return Resolved(reference);
            }
        }
        else if (!select.TestOnly && SyntaxTree.QualifiedName(select) is { } qualified && Local(qualified.Split('.')[0]) is null
            && TryResolve(qualified, out var resolved))
        {
            return resolved;
        }

        var operand = Eval(select.Operand);
        if (operand is CelError)
        {
            return operand;
        }

        switch (operand)
        {
            case CelOptional optional:
                // Optional chaining: none stays none (and has() of it is false); a value is selected optionally.
                if (select.TestOnly)
                {
                    return optional.HasValue && OptionalAccess.Select(optional.Value, select.Field) is CelOptional { HasValue: true };
                }

                return OptionalAccess.Select(optional, select.Field);
            case CelMap map:
                if (select.TestOnly)
                {
                    return map.TryGetValue(select.Field, out _);
                }

                return map.TryGetValue(select.Field, out var value) ? value : CelError.NoSuchKey(select.Field);
            case ICelObject obj:
                if (!obj.Type.TryGetField(select.Field, out var fieldType))
                {
                    return CelError.NoSuchField(select.Field);
                }

                var isSet = obj.TryGetField(select.Field, out var fieldValue);
                if (select.TestOnly)
                {
                    return isSet;
                }

                return isSet ? fieldValue : CelValueTypes.DefaultValue(fieldType);
            default:
                return CelError.InvalidArgument(
                    $"type '{CelValueTypes.TypeName(operand)}' does not support field selection (.{select.Field})");
        }
    }

    private object Call(CallExpr call)
    {
        switch (call.Function)
        {
            case Operators.LogicalAnd when call.Target is null && call.Args.Length == 2:
                return Logical(call, absorbing: false);
            case Operators.LogicalOr when call.Target is null && call.Args.Length == 2:
                return Logical(call, absorbing: true);
            case Operators.Conditional when call.Target is null && call.Args.Length == 3:
                return Conditional(call);
        }

        var count = call.Args.Length + (call.Target is null ? 0 : 1);
        var arguments = new object[count];
        var next = 0;
        if (call.Target is not null)
        {
            arguments[next++] = Eval(call.Target);
        }

        foreach (var argument in call.Args)
        {
            arguments[next++] = Eval(argument);
        }

        foreach (var argument in arguments)
        {
            if (argument is CelError)
            {
                return argument;
            }
        }

        if (call.Function == Operators.OptionalSelect && call.Target is null && count == 2 && arguments[1] is string field
            && _declarations.Functions.ContainsKey(Operators.OptionalSelect))
        {
            // Also on declared object types, which no generic overload can describe.
            return OptionalAccess.Select(arguments[0], field);
        }

        if (call.Function == Operators.Index && call.Target is null && count == 2)
        {
            return arguments[0] is CelOptional
                ? OptionalAccess.Index(arguments[0], arguments[1])
                : Library.CollectionFunctions.Index(arguments[0], arguments[1]);
        }

        return Dispatch(call, arguments);
    }

    private object Dispatch(CallExpr call, object[] arguments)
    {
        IEnumerable<FunctionOverload> candidates;
        if (_checked?.References.TryGetValue(call.Id, out var reference) == true && reference is CallReference resolved)
        {
            candidates = resolved.Overloads;
        }
        else if (_declarations.Functions.TryGetValue(call.Function, out var function))
        {
            candidates = function.Overloads;
        }
        else
        {
            return CelError.UnknownFunction(call.Function);
        }

        var isReceiver = call.Target is not null;
        foreach (var overload in candidates)
        {
            if (overload.IsReceiver != isReceiver || overload.Parameters.Length != arguments.Length || !overload.IsImplemented)
            {
                continue;
            }

            var fits = true;
            for (var i = 0; i < arguments.Length && fits; i++)
            {
                fits = CelValueTypes.Fits(arguments[i], overload.Parameters[i]);
            }

            if (fits)
            {
                return Invoke(call.Function, overload, arguments);
            }
        }

        return CelError.NoMatchingOverload(call.Function, arguments);
    }

    private object Invoke(string function, FunctionOverload overload, object[] arguments)
    {
        try
        {
            if (overload.BudgetedImplementation is { } budgeted)
            {
                return budgeted(arguments, _budget);
            }

            var result = overload.Implementation!(arguments);
            _budget.ChargeResult(result, arguments);
            return result;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidCastException
            or IndexOutOfRangeException or KeyNotFoundException or System.Security.SecurityException or IOException
            or UnauthorizedAccessException)
        {
            // A host function that throws instead of returning a CEL error: still a CEL error, never a crash
            // of the evaluation, and absorbable by || and && like any other.
            return CelError.InvalidArgument($"'{Operators.Display(function)}' failed: {e.Message}");
        }
    }

    private object Logical(CallExpr call, bool absorbing)
    {
        // absorbing is the value that decides the result: true for ||, false for &&. Either side deciding wins
        // over an error on the other side, in both orders, as the language definition requires.
        var left = Eval(call.Args[0]);
        if (left is bool l && l == absorbing)
        {
            return absorbing;
        }

        var right = Eval(call.Args[1]);
        if (right is bool r)
        {
            if (r == absorbing)
            {
                return absorbing;
            }

            if (left is bool)
            {
                return !absorbing;
            }
        }

        if (left is CelError)
        {
            return left;
        }

        return right is CelError ? right : CelError.NoMatchingOverload(call.Function, [left, right]);
    }

    private object Conditional(CallExpr call)
    {
        var condition = Eval(call.Args[0]);
        return condition switch
        {
            true => Eval(call.Args[1]),
            false => Eval(call.Args[2]),
            CelError => condition,
            _ => CelError.NoMatchingOverload(call.Function, [condition]),
        };
    }

    private object List(ListExpr list)
    {
        _budget.ChargeList(list.Elements.Length);
        var items = new List<object>(list.Elements.Length);
        for (var i = 0; i < list.Elements.Length; i++)
        {
            var item = Eval(list.Elements[i]);
            if (item is CelError)
            {
                return item;
            }

            if (!list.IsOptional(i))
            {
                items.Add(item);
            }
            else if (item is CelOptional optional)
            {
                if (optional.HasValue)
                {
                    items.Add(optional.Value);
                }
            }
            else
            {
                return CelError.NoMatchingOverload("optional list element", [item]);
            }
        }

        return new CelList(items);
    }

    private object Map(MapExpr map)
    {
        _budget.ChargeMap(map.Entries.Length);
        var entries = new List<KeyValuePair<object, object>>(map.Entries.Length);
        foreach (var entry in map.Entries)
        {
            var key = Eval(entry.Key);
            if (key is CelError)
            {
                return key;
            }

            var value = Eval(entry.Value);
            if (value is CelError)
            {
                return value;
            }

            if (entry.Optional)
            {
                if (value is not CelOptional optional)
                {
                    return CelError.NoMatchingOverload("optional map entry", [value]);
                }

                if (!optional.HasValue)
                {
                    continue;
                }

                value = optional.Value;
            }

            entries.Add(new(key, value));
        }

        return CelMap.Create(entries);
    }

    private object Struct(StructExpr create)
    {
        _budget.ChargeMap(create.Fields.Length);
        var fields = new List<KeyValuePair<string, object>>(create.Fields.Length);
        foreach (var field in create.Fields)
        {
            var value = Eval(field.Value);
            if (value is CelError)
            {
                return value;
            }

            fields.Add(new(field.Field, value));
        }

        if (TypeNames.IsWrapper(create.TypeName))
        {
            return WrapperValues.Create(create.TypeName, fields);
        }

        if (!_declarations.ObjectTypes.TryGetValue(create.TypeName, out var objectType))
        {
            return CelError.InvalidArgument($"unknown object type '{create.TypeName}'");
        }

        foreach (var (name, value) in fields)
        {
            if (!objectType.TryGetField(name, out var type))
            {
                return CelError.NoSuchField(name);
            }

            if (!CelValueTypes.Fits(value, type))
            {
                return CelError.InvalidArgument($"field '{name}' of '{objectType.Name}' is {type}, not {CelValueTypes.TypeName(value)}");
            }
        }

        return new CelObject(objectType, fields);
    }

    private object Bind(BindExpr bind)
    {
        var value = Eval(bind.Init);
        if (value is CelError)
        {
            return value;
        }

        _locals.Add((bind.Variable, value));
        try
        {
            return Eval(bind.Body);
        }
        finally
        {
            _locals.RemoveAt(_locals.Count - 1);
        }
    }

    private object Comprehension(ComprehensionExpr comprehension)
    {
        var range = Eval(comprehension.Range);
        Range entries;
        switch (range)
        {
            case CelError:
                return range;
            case CelList list:
                entries = new Range(list.Items, null);
                break;
            case CelMap map:
                entries = new Range(map.Keys, map);
                break;
            default:
                return CelError.NoMatchingOverload(comprehension.Kind.ToString().ToLowerInvariant(), [range]);
        }

        return comprehension.Kind switch
        {
            ComprehensionKind.All => Quantifier(comprehension, entries, decisive: false),
            ComprehensionKind.Exists => Quantifier(comprehension, entries, decisive: true),
            ComprehensionKind.ExistsOne => ExistsOne(comprehension, entries),
            ComprehensionKind.TransformList or ComprehensionKind.TransformMap or ComprehensionKind.TransformMapEntry => Transform(comprehension, entries),
            _ => Collect(comprehension, entries),
        };
    }

    /// <summary>all (decisive false) and exists (decisive true): a decisive result wins over errors elsewhere.</summary>
    private object Quantifier(ComprehensionExpr comprehension, Range entries, bool decisive)
    {
        CelError? firstError = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var result = Iterate(comprehension, entries, i, comprehension.Predicate!);
            if (result is bool b)
            {
                if (b == decisive)
                {
                    return decisive;
                }
            }
            else
            {
                firstError ??= result as CelError ?? CelError.NoMatchingOverload(Operators.LogicalAnd, [result]);
            }
        }

        return firstError is null ? !decisive : firstError;
    }

    private object ExistsOne(ComprehensionExpr comprehension, Range entries)
    {
        var count = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var result = Iterate(comprehension, entries, i, comprehension.Predicate!);
            switch (result)
            {
                case true:
                    count++;
                    break;
                case false:
                    break;
                case CelError:
                    return result;
                default:
                    return CelError.NoMatchingOverload("exists_one", [result]);
            }
        }

        return count == 1;
    }

    /// <summary>filter and map: every element is evaluated and any error is the result.</summary>
    private object Collect(ComprehensionExpr comprehension, Range entries)
    {
        var output = new List<object>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (Keep(comprehension, entries, i) is { } keep)
            {
                if (keep is not true)
                {
                    return keep is false ? CelError.NoMatchingOverload(comprehension.Kind.ToString().ToLowerInvariant(), [keep]) : keep;
                }

                continue;
            }

            if (comprehension.Transform is { } transform)
            {
                var mapped = Iterate(comprehension, entries, i, transform, countIteration: comprehension.Predicate is null);
                if (mapped is CelError)
                {
                    return mapped;
                }

                output.Add(mapped);
            }
            else
            {
                output.Add(entries.Items[i]);
            }
        }

        // Charged as it grew would be finer; its length is bounded by the iterations already charged.
        _budget.ChargeList(output.Count);
        return new CelList(output);
    }

    /// <summary>transformList, transformMap and transformMapEntry: every kept entry is transformed; any error is the result.</summary>
    private object Transform(ComprehensionExpr comprehension, Range entries)
    {
        var list = new List<object>();
        var pairs = new List<KeyValuePair<object, object>>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (Keep(comprehension, entries, i) is { } keep)
            {
                if (keep is not true)
                {
                    return keep is false ? CelError.NoMatchingOverload(comprehension.Kind.ToString(), [keep]) : keep;
                }

                continue;
            }

            var value = Iterate(comprehension, entries, i, comprehension.Transform!, countIteration: comprehension.Predicate is null);
            switch (comprehension.Kind, value)
            {
                case (_, CelError):
                    return value;
                case (ComprehensionKind.TransformList, _):
                    list.Add(value);
                    break;
                case (ComprehensionKind.TransformMap, _):
                    pairs.Add(new(entries.First(i), value));
                    break;
                case (_, CelMap entry):
                    pairs.AddRange(entry.Keys.Select(k => new KeyValuePair<object, object>(k, entry[k])));
                    break;
                default:
                    return CelError.NoMatchingOverload("transformMapEntry", [value]);
            }
        }

        return comprehension.Kind == ComprehensionKind.TransformList ? new CelList(list) : CelMap.Create(pairs);
    }

    /// <summary>Null when the entry passes the predicate (or there is none); true to skip it; else the error.</summary>
    private object? Keep(ComprehensionExpr comprehension, Range entries, int i)
    {
        if (comprehension.Predicate is not { } predicate)
        {
            return null;
        }

        var keep = Iterate(comprehension, entries, i, predicate);
        return keep switch
        {
            true => null,
            false => true,
            CelError => keep,
            _ => false,
        };
    }

    private object Iterate(ComprehensionExpr comprehension, Range entries, int i, Expr body, bool countIteration = true)
    {
        if (countIteration)
        {
            _budget.ChargeIterations();
        }

        var two = comprehension.Variable2 is not null;
        _locals.Add((comprehension.Variable, two ? entries.First(i) : entries.Items[i]));
        if (two)
        {
            _locals.Add((comprehension.Variable2!, entries.Second(i)));
        }

        try
        {
            return Eval(body);
        }
        finally
        {
            _locals.RemoveRange(_locals.Count - (two ? 2 : 1), two ? 2 : 1);
        }
    }

    /// <summary>What a comprehension iterates: a list's elements, or a map's keys (with the map for its values).</summary>
    private readonly record struct Range(IReadOnlyList<object> Items, CelMap? Map)
    {
        public int Count => Items.Count;

        /// <summary>The first variable of the two-variable forms: the list index, or the map key.</summary>
        public object First(int i) => Map is null ? (long)i : Items[i];

        /// <summary>The second variable: the list element, or the map value.</summary>
        public object Second(int i) => Map is null ? Items[i] : Map[Items[i]];
    }
}
