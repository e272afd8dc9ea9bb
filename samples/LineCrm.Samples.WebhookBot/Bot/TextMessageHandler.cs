using LineCrm.Messaging.AspNetCore;
using LineCrm.Messaging.Webhooks;
using LineCrm.Samples.WebhookBot.Linking;

namespace LineCrm.Samples.WebhookBot.Bot;

/// <summary>Answers text messages: "link" starts account linking, anything else is echoed.</summary>
public sealed class TextMessageHandler(AccountLinkStarter linking) : IWebhookHandler<MessageEvent>
{
    /// <summary>The command that starts account linking.</summary>
    public const string LinkCommand = "link";

    /// <inheritdoc />
    public Task HandleAsync(MessageEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken)
    {
        if (webhookEvent.Message is not TextMessageContent text)
        {
            return Task.CompletedTask;
        }

        if (string.Equals(text.Text.Trim(), LinkCommand, StringComparison.OrdinalIgnoreCase)
            && webhookEvent.Source?.UserId is { } userId)
        {
            return linking.StartAsync(webhookEvent, userId, context, cancellationToken);
        }

        return context.ReplyTextAsync(webhookEvent, text.Text, cancellationToken);
    }
}
