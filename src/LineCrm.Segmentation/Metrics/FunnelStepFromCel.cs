using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Expressions.Checking;

namespace LineCrm.Segmentation.Metrics;

/// <summary>Makes <see cref="FunnelStep{TEvent}"/>s from CEL expressions over a <see cref="FunnelEvent"/>.</summary>
public static class FunnelStep
{
    /// <summary>
    /// A funnel step whose events are those for which a CEL expression is true, for example
    /// <c>kind == "purchased" &amp;&amp; channel == "store" &amp;&amp; amount &gt;= 3000.0</c>. The expression is parsed and
    /// type-checked here, once; each event is then evaluated by the CEL interpreter. The variables are
    /// <c>kind</c>, <c>at</c> (timestamp), <c>channel</c>, <c>store</c>, <c>amount</c> (double), <c>campaign</c> and
    /// <c>target</c> (see <see cref="FunnelEvent"/> and docs/metrics.md).
    /// </summary>
    /// <param name="name">The step's name, shown in reports.</param>
    /// <param name="expression">A CEL expression of type bool over the event's fields.</param>
    /// <returns>The step.</returns>
    /// <exception cref="ArgumentException">
    /// The name is empty, or the expression is not valid: the message names the step and gives the CEL error with its
    /// line:column, and <see cref="Exception.InnerException"/> is the <see cref="CelSyntaxException"/>,
    /// <see cref="CelCheckException"/> or <see cref="CelLimitExceededException"/>.
    /// </exception>
    /// <remarks>
    /// A CEL error while evaluating an event (an overflow, say) is thrown from <see cref="Funnel{TEvent}.Compute{TPerson}(IEnumerable{TEvent}, Func{TEvent, TPerson}, Func{TEvent, DateTimeOffset}, Func{TEvent, string}, ComputeOptions, CancellationToken)"/>
    /// as a <see cref="CelEvaluationException"/>: a funnel whose step cannot decide is not silently short of people.
    /// </remarks>
    public static FunnelStep<FunnelEvent> FromCel(string name, string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("A funnel step needs a name.", nameof(name));
        }

        CheckedExpression checkedExpression;
        try
        {
            checkedExpression = FunnelEventSchema.Environment.Compile(expression);
            if (checkedExpression.ResultType.Kind != CelTypeKind.Bool)
            {
                throw new CelCheckException([new CelCheckError(
                    CelCheckErrorKind.TypeMismatch,
                    $"A funnel step must be a bool expression; this one is a {checkedExpression.ResultType}.",
                    1,
                    1)]);
            }
        }
        catch (CelException error) when (error is not CelEvaluationException)
        {
            throw new ArgumentException($"Funnel step '{name}' is not a valid CEL expression over a funnel event: {error.Message}", nameof(expression), error);
        }

        var environment = FunnelEventSchema.Environment;
        return new FunnelStep<FunnelEvent>(name, e => (bool)environment.Evaluate(checkedExpression, new FunnelEventSchema.EventActivation(e)));
    }
}
