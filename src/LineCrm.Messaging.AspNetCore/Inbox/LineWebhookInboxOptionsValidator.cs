using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.Options;

namespace LineCrm.Messaging.AspNetCore.Inbox;

/// <summary>Checks <see cref="LineWebhookInboxOptions"/> at start-up, naming the option and its value.</summary>
internal sealed class LineWebhookInboxOptionsValidator : IValidateOptions<LineWebhookInboxOptions>
{
    public ValidateOptionsResult Validate(string? name, LineWebhookInboxOptions options)
    {
        var failures = new List<string>();
        if (options.MaxAttempts < 1)
        {
            failures.Add($"LineWebhookInboxOptions.MaxAttempts must be at least 1 but is {options.MaxAttempts}.");
        }

        Positive(failures, nameof(options.InitialBackoff), options.InitialBackoff);
        Positive(failures, nameof(options.MaxBackoff), options.MaxBackoff);
        Positive(failures, nameof(options.LeaseDuration), options.LeaseDuration);
        Positive(failures, nameof(options.PollInterval), options.PollInterval);
        Positive(failures, nameof(options.DeduplicationWindow), options.DeduplicationWindow);
        Positive(failures, nameof(options.PurgeInterval), options.PurgeInterval);
        if (options.MaxBackoff < options.InitialBackoff)
        {
            failures.Add($"LineWebhookInboxOptions.MaxBackoff ({options.MaxBackoff}) must not be shorter than InitialBackoff ({options.InitialBackoff}).");
        }

        if (options.MaxCommitBatch is < 1 or > WebhookInboxLimits.MaxBatchCount)
        {
            failures.Add($"LineWebhookInboxOptions.MaxCommitBatch must be 1 to {WebhookInboxLimits.MaxBatchCount} but is {options.MaxCommitBatch}.");
        }

        if (options.LeaseDuration > WebhookInboxLimits.MaxLeaseDuration)
        {
            failures.Add($"LineWebhookInboxOptions.LeaseDuration must be at most {WebhookInboxLimits.MaxLeaseDuration} but is {options.LeaseDuration}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Positive(List<string> failures, string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add($"LineWebhookInboxOptions.{name} must be positive but is {value}.");
        }
    }
}
