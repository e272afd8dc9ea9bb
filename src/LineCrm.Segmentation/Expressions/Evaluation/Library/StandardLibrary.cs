using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Syntax;
using static LineCrm.Segmentation.Expressions.Evaluation.Library.TimeFunctions;

namespace LineCrm.Segmentation.Expressions.Evaluation.Library;

/// <summary>
/// The standard functions and operators of the language definition, declared with their overloads (for the
/// checker) and .NET implementations (for the interpreter). <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c> and
/// indexing are declared here for type checking but evaluated by the interpreter itself, because they absorb
/// errors or accept several index types at run time.
/// </summary>
internal static class StandardLibrary
{
    private static readonly CelType I = CelType.Int;
    private static readonly CelType U = CelType.Uint;
    private static readonly CelType D = CelType.Double;
    private static readonly CelType S = CelType.String;
    private static readonly CelType By = CelType.Bytes;
    private static readonly CelType Bo = CelType.Bool;
    private static readonly CelType T = CelType.Timestamp;
    private static readonly CelType Du = CelType.Duration;
    private static readonly CelType A = CelType.Param("A");
    private static readonly CelType B = CelType.Param("B");
    private static readonly CelType ListA = CelType.List(A);
    private static readonly CelType MapAB = CelType.Map(A, B);

    /// <summary>The standard declarations.</summary>
    public static Declarations Create()
    {
        var builder = new Builder();
        Logic(builder);
        Comparisons(builder);
        Arithmetic(builder);
        Collections(builder);
        Strings(builder);
        Conversions(builder);
        Time(builder);
        return builder.Build();
    }

    private static void Logic(Builder b)
    {
        b.Global(Operators.LogicalAnd, "logical_and", [Bo, Bo], Bo, _ => throw Unreachable());
        b.Global(Operators.LogicalOr, "logical_or", [Bo, Bo], Bo, _ => throw Unreachable());
        b.Global(Operators.Conditional, "conditional", [Bo, A, A], A, _ => throw Unreachable());
        b.Global(Operators.LogicalNot, "logical_not", [Bo], Bo, a => !(bool)a[0]);
    }

    private static void Comparisons(Builder b)
    {
        b.Global(Operators.Equal, "equals", [A, A], Bo, a => CelEquality.Equal(a[0], a[1]));
        b.Global(Operators.NotEquals, "not_equals", [A, A], Bo, a => !CelEquality.Equal(a[0], a[1]));
        (CelType Left, CelType Right)[] pairs =
        [
            (Bo, Bo), (I, I), (U, U), (D, D), (S, S), (By, By), (T, T), (Du, Du),
            (I, U), (I, D), (U, I), (U, D), (D, I), (D, U),
        ];
        foreach (var function in new[] { Operators.Less, Operators.LessEquals, Operators.Greater, Operators.GreaterEquals })
        {
            foreach (var (left, right) in pairs)
            {
                b.Global(function, $"{function}_{left.Name}_{right.Name}", [left, right], Bo, a => CelEquality.Relation(function, a[0], a[1]));
            }
        }
    }

    private static void Arithmetic(Builder b)
    {
        b.Global(Operators.Add, "add_int64", [I, I], I, a => ArithmeticFunctions.AddInt((long)a[0], (long)a[1]));
        b.Global(Operators.Add, "add_uint64", [U, U], U, a => ArithmeticFunctions.AddUint((ulong)a[0], (ulong)a[1]));
        b.Global(Operators.Add, "add_double", [D, D], D, a => (double)a[0] + (double)a[1]);
        b.Global(Operators.Add, "add_string", [S, S], S, (a, budget) => ArithmeticFunctions.Concatenate((string)a[0], (string)a[1], budget));
        b.Global(Operators.Add, "add_bytes", [By, By], By, (a, budget) => ArithmeticFunctions.Concatenate((CelBytes)a[0], (CelBytes)a[1], budget));
        b.Global(Operators.Add, "add_list", [ListA, ListA], ListA, (a, budget) => ArithmeticFunctions.Concatenate((CelList)a[0], (CelList)a[1], budget));
        b.Global(Operators.Add, "add_timestamp_duration", [T, Du], T,
            a => ArithmeticFunctions.AddToTimestamp((CelTimestamp)a[0], ((CelDuration)a[1]).Nanoseconds));
        b.Global(Operators.Add, "add_duration_timestamp", [Du, T], T,
            a => ArithmeticFunctions.AddToTimestamp((CelTimestamp)a[1], ((CelDuration)a[0]).Nanoseconds));
        b.Global(Operators.Add, "add_duration_duration", [Du, Du], Du,
            a => ArithmeticFunctions.AddDurations((CelDuration)a[0], (CelDuration)a[1]));

        b.Global(Operators.Subtract, "subtract_int64", [I, I], I, a => ArithmeticFunctions.SubtractInt((long)a[0], (long)a[1]));
        b.Global(Operators.Subtract, "subtract_uint64", [U, U], U, a => ArithmeticFunctions.SubtractUint((ulong)a[0], (ulong)a[1]));
        b.Global(Operators.Subtract, "subtract_double", [D, D], D, a => (double)a[0] - (double)a[1]);
        b.Global(Operators.Subtract, "subtract_timestamp_timestamp", [T, T], Du,
            a => ArithmeticFunctions.SubtractTimestamps((CelTimestamp)a[0], (CelTimestamp)a[1]));
        b.Global(Operators.Subtract, "subtract_timestamp_duration", [T, Du], T,
            a => ArithmeticFunctions.AddToTimestamp((CelTimestamp)a[0], -(Int128)((CelDuration)a[1]).Nanoseconds));
        b.Global(Operators.Subtract, "subtract_duration_duration", [Du, Du], Du,
            a => ArithmeticFunctions.SubtractDurations((CelDuration)a[0], (CelDuration)a[1]));

        b.Global(Operators.Multiply, "multiply_int64", [I, I], I, a => ArithmeticFunctions.MultiplyInt((long)a[0], (long)a[1]));
        b.Global(Operators.Multiply, "multiply_uint64", [U, U], U, a => ArithmeticFunctions.MultiplyUint((ulong)a[0], (ulong)a[1]));
        b.Global(Operators.Multiply, "multiply_double", [D, D], D, a => (double)a[0] * (double)a[1]);
        b.Global(Operators.Divide, "divide_int64", [I, I], I, a => ArithmeticFunctions.DivideInt((long)a[0], (long)a[1]));
        b.Global(Operators.Divide, "divide_uint64", [U, U], U, a => ArithmeticFunctions.DivideUint((ulong)a[0], (ulong)a[1]));
        b.Global(Operators.Divide, "divide_double", [D, D], D, a => (double)a[0] / (double)a[1]);
        b.Global(Operators.Modulo, "modulo_int64", [I, I], I, a => ArithmeticFunctions.ModuloInt((long)a[0], (long)a[1]));
        b.Global(Operators.Modulo, "modulo_uint64", [U, U], U, a => ArithmeticFunctions.ModuloUint((ulong)a[0], (ulong)a[1]));
        b.Global(Operators.Negate, "negate_int64", [I], I, a => ArithmeticFunctions.NegateInt((long)a[0]));
        b.Global(Operators.Negate, "negate_double", [D], D, a => -(double)a[0]);
    }

    private static void Collections(Builder b)
    {
        b.Global(Operators.Index, "index_list", [ListA, I], A, a => CollectionFunctions.Index(a[0], a[1]));
        b.Global(Operators.Index, "index_map", [MapAB, A], B, a => CollectionFunctions.Index(a[0], a[1]));
        b.Global(Operators.In, "in_list", [A, ListA], Bo, a => CollectionFunctions.InList(a[0], (CelList)a[1]));
        b.Global(Operators.In, "in_map", [A, MapAB], Bo, a => CollectionFunctions.InMap(a[0], (CelMap)a[1]));
        foreach (var receiver in new[] { false, true })
        {
            var suffix = receiver ? "_receiver" : string.Empty;
            b.Add("size", "size_string" + suffix, [S], I, receiver, a => StringFunctions.CodePointCount((string)a[0]));
            b.Add("size", "size_bytes" + suffix, [By], I, receiver, a => (long)((CelBytes)a[0]).Length);
            b.Add("size", "size_list" + suffix, [ListA], I, receiver, a => (long)((CelList)a[0]).Count);
            b.Add("size", "size_map" + suffix, [MapAB], I, receiver, a => (long)((CelMap)a[0]).Count);
        }
    }

    private static void Strings(Builder b)
    {
        b.Receiver("contains", "contains_string", [S, S], Bo, a => StringFunctions.Contains((string)a[0], (string)a[1]));
        b.Receiver("startsWith", "starts_with_string", [S, S], Bo, a => StringFunctions.StartsWith((string)a[0], (string)a[1]));
        b.Receiver("endsWith", "ends_with_string", [S, S], Bo, a => StringFunctions.EndsWith((string)a[0], (string)a[1]));
        b.Receiver("matches", "matches_string", [S, S], Bo, (a, budget) => budget.Regexes.Matches((string)a[0], (string)a[1], budget));
        b.Global("matches", "matches", [S, S], Bo, (a, budget) => budget.Regexes.Matches((string)a[0], (string)a[1], budget));
    }

    private static void Conversions(Builder b)
    {
        b.Global("int", "int64_to_int64", [I], I, a => a[0]);
        b.Global("int", "uint64_to_int64", [U], I, a => ConversionFunctions.IntFromUint((ulong)a[0]));
        b.Global("int", "double_to_int64", [D], I, a => ConversionFunctions.IntFromDouble((double)a[0]));
        b.Global("int", "string_to_int64", [S], I, a => ConversionFunctions.IntFromString((string)a[0]));
        b.Global("int", "timestamp_to_int64", [T], I, a => ((CelTimestamp)a[0]).Seconds);

        b.Global("uint", "uint64_to_uint64", [U], U, a => a[0]);
        b.Global("uint", "int64_to_uint64", [I], U, a => ConversionFunctions.UintFromInt((long)a[0]));
        b.Global("uint", "double_to_uint64", [D], U, a => ConversionFunctions.UintFromDouble((double)a[0]));
        b.Global("uint", "string_to_uint64", [S], U, a => ConversionFunctions.UintFromString((string)a[0]));

        b.Global("double", "double_to_double", [D], D, a => a[0]);
        b.Global("double", "int64_to_double", [I], D, a => (double)(long)a[0]);
        b.Global("double", "uint64_to_double", [U], D, a => (double)(ulong)a[0]);
        b.Global("double", "string_to_double", [S], D, a => ConversionFunctions.DoubleFromString((string)a[0]));

        b.Global("string", "string_to_string", [S], S, a => a[0]);
        foreach (var (type, id) in new[] { (I, "int64"), (U, "uint64"), (D, "double"), (Bo, "bool"), (T, "timestamp"), (Du, "duration") })
        {
            b.Global("string", id + "_to_string", [type], S, a => ConversionFunctions.StringOf(a[0]));
        }

        b.Global("string", "bytes_to_string", [By], S, a => ConversionFunctions.StringFromBytes((CelBytes)a[0]));
        b.Global("bytes", "bytes_to_bytes", [By], By, a => a[0]);
        b.Global("bytes", "string_to_bytes", [S], By, a => ConversionFunctions.BytesFromString((string)a[0]));
        b.Global("bool", "bool_to_bool", [Bo], Bo, a => a[0]);
        b.Global("bool", "string_to_bool", [S], Bo, a => ConversionFunctions.BoolFromString((string)a[0]));
        b.Global("timestamp", "timestamp_to_timestamp", [T], T, a => a[0]);
        b.Global("timestamp", "string_to_timestamp", [S], T, a => TimeParsing.ParseTimestamp((string)a[0]));
        b.Global("timestamp", "int64_to_timestamp", [I], T, a => ConversionFunctions.TimestampFromInt((long)a[0]));
        b.Global("duration", "duration_to_duration", [Du], Du, a => a[0]);
        b.Global("duration", "string_to_duration", [S], Du, a => TimeParsing.ParseDuration((string)a[0]));
        b.Global("type", "type", [A], CelType.TypeOf(A), a => CelValueTypes.TypeOf(a[0]));
        b.Global("dyn", "to_dyn", [A], CelType.Dyn, a => a[0]);
    }

    private static void Time(Builder b)
    {
        (string Name, Field Field)[] timestampFields =
        [
            ("getFullYear", Field.FullYear), ("getMonth", Field.Month), ("getDate", Field.Date),
            ("getDayOfMonth", Field.DayOfMonth), ("getDayOfWeek", Field.DayOfWeek), ("getDayOfYear", Field.DayOfYear),
            ("getHours", Field.Hours), ("getMinutes", Field.Minutes), ("getSeconds", Field.Seconds),
            ("getMilliseconds", Field.Milliseconds),
        ];
        foreach (var (name, field) in timestampFields)
        {
            b.Receiver(name, $"timestamp_{name}", [T], I, a => Get((CelTimestamp)a[0], field, null));
            b.Receiver(name, $"timestamp_{name}_with_tz", [T, S], I, a => Get((CelTimestamp)a[0], field, (string)a[1]));
        }

        foreach (var (name, field) in new[] { ("getHours", Field.Hours), ("getMinutes", Field.Minutes), ("getSeconds", Field.Seconds), ("getMilliseconds", Field.Milliseconds) })
        {
            b.Receiver(name, $"duration_{name}", [Du], I, a => Get((CelDuration)a[0], field));
        }
    }

    private static InvalidOperationException Unreachable() =>
        new("The interpreter evaluates this operator itself; its declaration is for type checking only.");

    /// <summary>Collects overloads by function name.</summary>
    private sealed class Builder
    {
        private readonly Dictionary<string, List<FunctionOverload>> _functions = new(StringComparer.Ordinal);

        public void Global(string name, string id, CelType[] parameters, CelType result, CelFunctionImplementation implementation) =>
            Add(name, id, parameters, result, receiver: false, implementation);

        public void Receiver(string name, string id, CelType[] parameters, CelType result, CelFunctionImplementation implementation) =>
            Add(name, id, parameters, result, receiver: true, implementation);

        public void Global(string name, string id, CelType[] parameters, CelType result, CelBudgetedFunctionImplementation implementation) =>
            Add(name, FunctionOverload.Global(id, parameters, result, implementation));

        public void Receiver(string name, string id, CelType[] parameters, CelType result, CelBudgetedFunctionImplementation implementation) =>
            Add(name, FunctionOverload.Receiver(id, parameters, result, implementation));

        public void Add(string name, string id, CelType[] parameters, CelType result, bool receiver, CelFunctionImplementation implementation) =>
            Add(name, new FunctionOverload(id, [.. parameters], result, receiver, implementation));

        private void Add(string name, FunctionOverload overload)
        {
            if (!_functions.TryGetValue(name, out var overloads))
            {
                _functions[name] = overloads = [];
            }

            overloads.Add(overload);
        }

        public Declarations Build()
        {
            var declarations = Declarations.Empty;
            foreach (var (name, overloads) in _functions)
            {
                declarations = declarations.WithFunction(name, overloads);
            }

            return declarations;
        }
    }
}
