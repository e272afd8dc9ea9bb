using System.Collections.Immutable;
using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Evaluation.Library;
using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Expressions;

/// <summary>
/// The front door of the CEL engine: the standard library plus what the host declares (variables, object
/// types, functions with .NET implementations, macros), the libraries it enabled (<see cref="WithLibrary"/>),
/// and the limits. It parses, checks and evaluates, turning runtime errors into
/// <see cref="CelEvaluationException"/>. Immutable: each <c>With...</c> returns a new environment, so one
/// environment can serve many threads.
/// </summary>
internal sealed class CelEnvironment
{
    private readonly ImmutableDictionary<string, CelMacro> _macros;
    private readonly ParserOptions _parserOptions;

    private CelEnvironment(Declarations declarations, CelLimits limits, ImmutableDictionary<string, CelMacro> macros, ImmutableSortedSet<string> libraries)
    {
        Declarations = declarations;
        Limits = limits;
        _macros = macros;
        Libraries = libraries;
        _parserOptions = new ParserOptions(macros, declarations.Functions.ContainsKey);
    }

    /// <summary>The declarations expressions are checked against and run with.</summary>
    public Declarations Declarations { get; }

    public CelLimits Limits { get; }

    /// <summary>The names of the libraries enabled with <see cref="WithLibrary"/>.</summary>
    public ImmutableSortedSet<string> Libraries { get; }

    /// <summary>The macros libraries and the host added (beyond the core ones the parser always knows).</summary>
    public IEnumerable<CelMacro> Macros => _macros.Values;

    /// <summary>An environment with the standard library only.</summary>
    public static CelEnvironment Create(CelLimits? limits = null)
    {
        limits ??= CelLimits.Default;
        limits.Validate();
        return new(StandardLibrary.Create(), limits, ImmutableDictionary<string, CelMacro>.Empty, []);
    }

    public CelEnvironment WithVariable(string name, CelType type) => With(Declarations.WithVariable(name, type));

    public CelEnvironment WithObjectType(CelObjectType objectType) => With(Declarations.WithObjectType(objectType));

    public CelEnvironment WithFunction(string name, params IEnumerable<FunctionOverload> overloads) =>
        With(Declarations.WithFunction(name, overloads));

    /// <summary>Adds a macro: calls that match its name, receiver-ness and argument count are expanded when parsed.</summary>
    public CelEnvironment WithMacro(CelMacro macro)
    {
        ArgumentNullException.ThrowIfNull(macro);
        ArgumentException.ThrowIfNullOrEmpty(macro.Name, nameof(macro));
        if (_macros.ContainsKey(macro.Key))
        {
            throw new ArgumentException($"A macro '{macro.Name}' with {macro.ArgumentCount} arguments is already declared.", nameof(macro));
        }

        return new(Declarations, Limits, _macros.Add(macro.Key, macro), Libraries);
    }

    /// <summary>
    /// Enables a library (an extension such as <c>CelExtensions.Strings</c>, or a host's own): it adds its
    /// functions and macros through the same <c>With...</c> methods a host uses. Enabling one twice is a no-op.
    /// </summary>
    public CelEnvironment WithLibrary(ICelLibrary library)
    {
        ArgumentNullException.ThrowIfNull(library);
        if (Libraries.Contains(library.Name))
        {
            return this;
        }

        var configured = library.Configure(new CelEnvironment(Declarations, Limits, _macros, Libraries.Add(library.Name)));
        return configured.Libraries.Contains(library.Name)
            ? configured
            : throw new InvalidOperationException($"Library '{library.Name}' returned an environment that was not built from the one it was given.");
    }

    /// <summary>Enables each of <paramref name="libraries"/>.</summary>
    public CelEnvironment WithLibraries(params IEnumerable<ICelLibrary> libraries) =>
        libraries.Aggregate(this, (environment, library) => environment.WithLibrary(library));

    private CelEnvironment With(Declarations declarations) => new(declarations, Limits, _macros, Libraries);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="CelSyntaxException"/> or <see cref="CelLimitExceededException"/>.</summary>
    public ParsedExpression Parse(string text) => Parser.Parse(text, Limits, _parserOptions);

    /// <summary>Type-checks a parsed expression; throws <see cref="CelCheckException"/>.</summary>
    public CheckedExpression Check(ParsedExpression parsed)
    {
        try
        {
            return Checker.Check(parsed, Declarations);
        }
        catch (InsufficientExecutionStackException)
        {
            // A tree the parser let through (MaxNestingDepth raised) that this thread's stack cannot walk.
            throw new CelLimitExceededException(nameof(CelLimits.MaxNestingDepth), Limits.MaxNestingDepth, 0, 0);
        }
    }

    /// <summary>Parses and type-checks.</summary>
    public CheckedExpression Compile(string text) => Check(Parse(text));

    /// <summary>Evaluates a checked expression; a CEL runtime error becomes a <see cref="CelEvaluationException"/>.</summary>
    public object Evaluate(CheckedExpression expression, IActivation activation) =>
        ThrowIfError(expression.Parsed, Interpreter.Evaluate(expression, activation, Limits));

    /// <summary>Evaluates without type checking (names and overloads resolved at run time).</summary>
    public object EvaluateUnchecked(ParsedExpression expression, IActivation activation) =>
        ThrowIfError(expression, Interpreter.Evaluate(expression, Declarations, activation, Limits));

    private static object ThrowIfError(ParsedExpression parsed, object result)
    {
        if (result is not CelError error)
        {
            return result;
        }

        var (line, column) = error.NodeId > 0 && FindNode(parsed.Root, error.NodeId) is { } node ? parsed.Locate(node) : (0, 0);
        throw new CelEvaluationException(error.Kind, error.Message, line, column);
    }

    private static Expr? FindNode(Expr root, int id)
    {
        var pending = new Stack<Expr>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            if (node.Id == id)
            {
                return node;
            }

            foreach (var child in SyntaxTree.Children(node))
            {
                pending.Push(child);
            }
        }

        return null;
    }
}
