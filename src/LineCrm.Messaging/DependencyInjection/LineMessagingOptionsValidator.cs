using LineCrm.Messaging.Client;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.DependencyInjection;

/// <summary>Validates every channel's <see cref="LineMessagingOptions"/> at start-up (reflection-free, AOT safe).</summary>
internal sealed class LineMessagingOptionsValidator : IValidateOptions<LineMessagingOptions>
{
    public ValidateOptionsResult Validate(string? name, LineMessagingOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(problem => $"LINE channel '{name}': {problem}"));
    }
}
