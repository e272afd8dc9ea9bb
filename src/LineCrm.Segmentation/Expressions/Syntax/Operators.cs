namespace LineCrm.Segmentation.Expressions.Syntax;

/// <summary>The function names operators are parsed into (the names cel-go uses), and the macro names.</summary>
internal static class Operators
{
    public const string Conditional = "_?_:_";
    public const string LogicalAnd = "_&&_";
    public const string LogicalOr = "_||_";
    public const string LogicalNot = "!_";
    public const string Negate = "-_";
    public const string Equal = "_==_";
    public const string NotEquals = "_!=_";
    public const string Less = "_<_";
    public const string LessEquals = "_<=_";
    public const string Greater = "_>_";
    public const string GreaterEquals = "_>=_";
    public const string In = "@in";
    public const string Add = "_+_";
    public const string Subtract = "_-_";
    public const string Multiply = "_*_";
    public const string Divide = "_/_";
    public const string Modulo = "_%_";
    public const string Index = "_[_]";

    /// <summary><c>a.?b</c>: an optional of field or key b (the optional values extension).</summary>
    public const string OptionalSelect = "_?._";

    /// <summary><c>a[?b]</c>: an optional of element or key b (the optional values extension).</summary>
    public const string OptionalIndex = "_[?_]";

    public const string Has = "has";

    private static readonly HashSet<string> All =
    [
        Conditional, LogicalAnd, LogicalOr, LogicalNot, Negate, Equal, NotEquals, Less, LessEquals, Greater,
        GreaterEquals, In, Add, Subtract, Multiply, Divide, Modulo, Index, OptionalSelect, OptionalIndex,
    ];

    /// <summary>True for the function names operators are parsed into.</summary>
    public static bool IsOperator(string name) => All.Contains(name);

    /// <summary>The operator's symbol for messages (<c>_+_</c> is shown as <c>+</c>).</summary>
    public static string Display(string function) => function switch
    {
        Conditional => "?:",
        LogicalAnd => "&&",
        LogicalOr => "||",
        LogicalNot => "!",
        Negate => "-",
        Equal => "==",
        NotEquals => "!=",
        Less => "<",
        LessEquals => "<=",
        Greater => ">",
        GreaterEquals => ">=",
        In => "in",
        Add => "+",
        Subtract => "-",
        Multiply => "*",
        Divide => "/",
        Modulo => "%",
        Index => "[]",
        OptionalSelect => ".?",
        OptionalIndex => "[?]",
        _ => function,
    };
}
