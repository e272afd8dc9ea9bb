using LineCrm.Messaging.AspNetCore;
using LineCrm.Messaging.Webhooks;

namespace LineCrm.Samples.WebhookBot.Bot;

/// <summary>Greets a user who adds the account as a friend, or welcomes them back after an unblock.</summary>
public sealed class GreetNewFriendsHandler : IWebhookHandler<FollowEvent>
{
    /// <summary>The greeting for a new friend.</summary>
    public const string Greeting = "Thanks for adding us as a friend! Send \"link\" to connect your member account.";

    /// <summary>The greeting for a user who unblocked the account.</summary>
    public const string WelcomeBack = "Welcome back!";

    /// <inheritdoc />
    public Task HandleAsync(FollowEvent webhookEvent, WebhookEventContext context, CancellationToken cancellationToken) =>
        context.ReplyTextAsync(webhookEvent, webhookEvent.IsUnblocked ? WelcomeBack : Greeting, cancellationToken);
}
