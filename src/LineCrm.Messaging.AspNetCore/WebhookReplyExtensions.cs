using LineCrm.Messaging.Client;
using LineCrm.Messaging.Messages;
using LineCrm.Messaging.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace LineCrm.Messaging.AspNetCore;

/// <summary>
/// Replies from a handler in one line: <c>await context.ReplyTextAsync(e, "Thanks!", cancellationToken)</c>. Uses the
/// <see cref="LineMessagingClient"/> registered by <c>AddLineMessaging</c> (the default channel's, or the one named by
/// <see cref="LineWebhookChannel.MessagingChannelName"/> for the event's destination).
/// </summary>
public static class WebhookReplyExtensions
{
    /// <summary>Replies to <paramref name="webhookEvent"/> with one text message.</summary>
    /// <param name="context">The handler's context.</param>
    /// <param name="webhookEvent">The event to answer; its reply token is used.</param>
    /// <param name="text">The text, 1 to 5,000 characters.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The event has no reply token, or no messaging client is registered.</exception>
    /// <exception cref="LineApiException">LINE refused the reply (for example an expired or used token).</exception>
    public static Task<LineResponse<ReplyMessageResponse>> ReplyTextAsync(
        this WebhookEventContext context, IReplyableEvent webhookEvent, string text, CancellationToken cancellationToken = default) =>
        context.ReplyAsync(webhookEvent, [new TextMessage(text)], cancellationToken);

    /// <summary>Replies to <paramref name="webhookEvent"/> with 1 to 5 messages.</summary>
    /// <param name="context">The handler's context.</param>
    /// <param name="webhookEvent">The event to answer; its reply token is used.</param>
    /// <param name="messages">The messages.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="InvalidOperationException">The event has no reply token, or no messaging client is registered.</exception>
    /// <exception cref="LineApiException">LINE refused the reply.</exception>
    public static Task<LineResponse<ReplyMessageResponse>> ReplyAsync(
        this WebhookEventContext context, IReplyableEvent webhookEvent, IReadOnlyList<Message> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(webhookEvent);
        var replyToken = webhookEvent.ReplyToken;
        if (string.IsNullOrEmpty(replyToken))
        {
            var type = webhookEvent is WebhookEvent e ? $"{e.Type} event {e.WebhookEventId}" : "The event";
            throw new InvalidOperationException($"{type} has no reply token, so it cannot be replied to (push a message instead).");
        }

        return context.MessagingClient().ReplyMessageAsync(replyToken, messages, cancellationToken);
    }

    /// <summary>The messaging client for the event's channel.</summary>
    /// <param name="context">The handler's context.</param>
    /// <exception cref="InvalidOperationException">No messaging client is registered for the channel.</exception>
    public static LineMessagingClient MessagingClient(this WebhookEventContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = context.MessagingChannelName;
        var client = string.IsNullOrEmpty(name)
            ? context.Services.GetService<LineMessagingClient>()
            : context.Services.GetKeyedService<LineMessagingClient>(name);
        return client ?? throw new InvalidOperationException(
            $"No LineMessagingClient is registered{(string.IsNullOrEmpty(name) ? string.Empty : $" for channel '{name}'")}: call services.AddLineMessaging(...).");
    }
}
