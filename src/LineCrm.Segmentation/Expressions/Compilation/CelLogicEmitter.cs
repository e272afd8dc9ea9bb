using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using LineCrm.Segmentation.Expressions.Runtime;

namespace LineCrm.Segmentation.Expressions.Compilation;

/// <summary>
/// Builds expression trees for CEL's logical operators and comprehensions with the language's error rules:
/// <c>false &amp;&amp; error</c> and <c>error &amp;&amp; false</c> are both false, <c>true || error</c> and
/// <c>error || true</c> both true; <c>exists</c> is true if any element is true even when others fail, <c>all</c>
/// false if any is false. Errors are <see cref="CelRuntimeError"/> exceptions, caught only around operands
/// that can fail, so error-free predicates compile to plain branches.
/// </summary>
/// <remarks>
/// Every block variable is assigned before it is read: the expression compiler reuses IL locals across scopes
/// and does not clear a block's variables on entry, so an uninitialised error variable can hold an exception
/// caught elsewhere.
/// </remarks>
internal static class CelLogicEmitter
{
    /// <summary>A compiled operand and whether evaluating it can raise a CEL error.</summary>
    internal readonly record struct Operand(Expression Code, bool MayFail);

    public static Operand And(Operand left, Operand right)
    {
        if (!left.MayFail)
        {
            return new(Expression.AndAlso(left.Code, right.Code), right.MayFail);
        }

        if (!right.MayFail)
        {
            // && is commutative in CEL, errors included: test the side that cannot fail first.
            return new(Expression.AndAlso(right.Code, left.Code), true);
        }

        return new(Absorbing(left.Code, right.Code, absorbing: false), true);
    }

    public static Operand Or(Operand left, Operand right)
    {
        if (!left.MayFail)
        {
            return new(Expression.OrElse(left.Code, right.Code), right.MayFail);
        }

        if (!right.MayFail)
        {
            return new(Expression.OrElse(right.Code, left.Code), true);
        }

        return new(Absorbing(left.Code, right.Code, absorbing: true), true);
    }

    /// <summary>
    /// <c>exists</c> (<paramref name="absorbing"/> true) or <c>all</c> (false) over <c>[start, end)</c>: stops at the
    /// first element whose predicate equals <paramref name="absorbing"/>; otherwise the first error, if any, is
    /// raised; otherwise the result is <c>!absorbing</c>.
    /// </summary>
    /// <remarks><paramref name="onIteration"/>, when given, runs before each element (the iteration cap's count and check).</remarks>
    public static Expression Quantifier(Expression start, Expression end, ParameterExpression index, Operand predicate, bool absorbing, Expression? onIteration = null)
    {
        var result = Expression.Variable(typeof(bool), "quantifier");
        var error = Expression.Variable(typeof(CelRuntimeError), "firstError");
        var limit = Expression.Variable(typeof(int), "end");
        var stop = Expression.Label("stop");
        var test = predicate.MayFail ? Guarded(predicate.Code, error, !absorbing) : predicate.Code;
        var loop = Expression.Loop(
            Expression.IfThenElse(
                Expression.GreaterThanOrEqual(index, limit),
                Expression.Break(stop),
                Expression.Block(
                    onIteration ?? Expression.Empty(),
                    Expression.IfThen(
                        Expression.Equal(test, Expression.Constant(absorbing)),
                        Expression.Block(Expression.Assign(result, Expression.Constant(absorbing)), Expression.Break(stop))),
                    Expression.PreIncrementAssign(index))),
            stop);
        return Expression.Block(
            typeof(bool),
            [index, limit, result, error],
            Expression.Assign(index, start),
            Expression.Assign(limit, end),
            Expression.Assign(result, Expression.Constant(!absorbing)),
            Expression.Assign(error, Expression.Constant(null, error.Type)),
            loop,
            predicate.MayFail
                ? Expression.IfThen(
                    Expression.AndAlso(
                        Expression.Equal(result, Expression.Constant(!absorbing)),
                        Expression.NotEqual(error, Expression.Constant(null, error.Type))),
                    Expression.Throw(error))
                : Expression.Empty(),
            result);
    }

    /// <summary>How many elements of <c>[start, end)</c> satisfy the predicate; an error in any predicate is the result.</summary>
    /// <remarks>Both loops read <paramref name="end"/> once, before the first element: it must not depend on the index.</remarks>
    public static Expression Count(Expression start, Expression end, ParameterExpression index, Expression predicate, Expression? onIteration = null)
    {
        var count = Expression.Variable(typeof(long), "count");
        var limit = Expression.Variable(typeof(int), "end");
        var stop = Expression.Label("stop");
        var loop = Expression.Loop(
            Expression.IfThenElse(
                Expression.GreaterThanOrEqual(index, limit),
                Expression.Break(stop),
                Expression.Block(
                    onIteration ?? Expression.Empty(),

                    // count += predicate as 0 or 1, without a branch: over real data the predicate is true for some
                    // elements and false for others in no pattern, and a mispredicted branch costs several times
                    // the comparison.
                    Expression.AddAssign(count, Expression.Call(typeof(CelLogicEmitter).GetMethod(nameof(Indicator), BindingFlags.Public | BindingFlags.Static)!, predicate)),
                    Expression.PreIncrementAssign(index))),
            stop);
        return Expression.Block(
            typeof(long),
            [index, limit, count],
            Expression.Assign(index, start),
            Expression.Assign(limit, end),
            Expression.Assign(count, Expression.Constant(0L)),
            loop,
            count);
    }

    /// <summary>1 for true, 0 for false, without a branch (called from compiled code).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Indicator(bool value) => Unsafe.BitCast<bool, byte>(value);

    // left OP right where both can fail: an error on the left is remembered and only raised when the right
    // side does not decide the result on its own.
    private static BlockExpression Absorbing(Expression left, Expression right, bool absorbing)
    {
        var error = Expression.Variable(typeof(CelRuntimeError), "leftError");
        var leftValue = Expression.Variable(typeof(bool), "left");
        var decided = Expression.Constant(absorbing);
        return Expression.Block(
            typeof(bool),
            [error, leftValue],
            Expression.Assign(error, Expression.Constant(null, error.Type)),
            Expression.Assign(leftValue, Guarded(left, error, !absorbing)),
            Expression.Condition(
                Expression.Equal(leftValue, decided),
                decided,
                Expression.Condition(
                    Expression.Equal(right, decided),
                    decided,
                    Expression.Condition(
                        Expression.NotEqual(error, Expression.Constant(null, error.Type)),
                        Expression.Throw(error, typeof(bool)),
                        Expression.Constant(!absorbing)))));
    }

    // Evaluates a predicate; on a CEL error, keeps the first error in `error` and yields `neutral` (the value that
    // decides nothing), so the caller raises the error only if nothing else decides.
    private static TryExpression Guarded(Expression code, ParameterExpression error, bool neutral)
    {
        var caught = Expression.Parameter(typeof(CelRuntimeError), "caught");
        return Expression.TryCatch(
            code,
            Expression.Catch(
                caught,
                Expression.Block(
                    Expression.IfThen(Expression.Equal(error, Expression.Constant(null, error.Type)), Expression.Assign(error, caught)),
                    Expression.Constant(neutral))));
    }
}
