using LineCrm.Segmentation.Expressions.Checking;
using LineCrm.Segmentation.Expressions.Evaluation;
using LineCrm.Segmentation.Expressions.Evaluation.Library;
using LineCrm.Segmentation.Expressions.Syntax;

namespace LineCrm.Segmentation.Expressions;

/// <summary>
/// The front door of the CEL engine: the standard library plus what the host declares (variables, object
/// types, functions with .NET implementations), and the limits. It parses, checks and evaluates, turning
/// runtime errors into <see cref="CelEvaluationException"/>. Immutable: each <c>With...</c> returns a new
/// environment, so one environment can serve many threads.
/// </summary>
internal sealed class CelEnvironment
{
    private CelEnvironment(Declarations declarations, CelLimits limits)
    {
        Declarations = declarations;
        Limits = limits;
    }

    /// <summary>The declarations expressions are checked against and run with.</summary>
    public Declarations Declarations { get; }

    public CelLimits Limits { get; }

    /// <summary>An environment with the standard library only.</summary>
    public static CelEnvironment Create(CelLimits? limits = null)
    {
        limits ??= CelLimits.Default;
        limits.Validate();
        return new(StandardLibrary.Create(), limits);
    }

    public CelEnvironment WithVariable(string name, CelType type) => new(Declarations.WithVariable(name, type), Limits);

    public CelEnvironment WithObjectType(CelObjectType objectType) => new(Declarations.WithObjectType(objectType), Limits);

    public CelEnvironment WithFunction(string name, params IEnumerable<FunctionOverload> overloads) =>
        new(Declarations.WithFunction(name, overloads), Limits);

    /// <summary>Parses <paramref name="text"/>; throws <see cref="CelSyntaxException"/> or <see cref="CelLimitExceededException"/>.</summary>
    public ParsedExpression Parse(string text) => Parser.Parse(text, Limits);

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
