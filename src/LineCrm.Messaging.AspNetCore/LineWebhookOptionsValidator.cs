using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>Checks <see cref="LineWebhookOptions"/> at start-up, so a missing secret stops the app instead of failing every request.</summary>
internal sealed class LineWebhookOptionsValidator : IValidateOptions<LineWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, LineWebhookOptions options)
    {
        var failures = new List<string>();
        if (options.Channels.Count == 0)
        {
            failures.Add("LineWebhookOptions.Channels needs at least one channel secret (AddChannelSecret, or configuration LineWebhook:Channels:0:Secret).");
        }

        for (var i = 0; i < options.Channels.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Channels[i]?.Secret))
            {
                failures.Add($"LineWebhookOptions.Channels[{i}].Secret is empty.");
            }
        }

        if (options.MaxBodySize <= 0)
        {
            failures.Add($"LineWebhookOptions.MaxBodySize must be positive but is {options.MaxBodySize}.");
        }

        if (options.MaxConcurrency < 1)
        {
            failures.Add($"LineWebhookOptions.MaxConcurrency must be at least 1 but is {options.MaxConcurrency}.");
        }

        if (options.QueueCapacity < 1)
        {
            failures.Add($"LineWebhookOptions.QueueCapacity must be at least 1 but is {options.QueueCapacity}.");
        }

        if (options.DeduplicationWindow <= TimeSpan.Zero)
        {
            failures.Add($"LineWebhookOptions.DeduplicationWindow must be positive but is {options.DeduplicationWindow}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
