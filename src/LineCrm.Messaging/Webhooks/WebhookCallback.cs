namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// One webhook request body from the LINE Platform: the bot it is addressed to and the events it carries.
/// </summary>
/// <param name="Destination">
/// The user id of the bot that should receive the events (<c>U</c> and 32 hex digits); empty when the payload
/// omitted it. Tells channels apart when one endpoint serves several.
/// </param>
/// <param name="Events">
/// The events, in the order LINE sent them. May be empty: LINE sends an empty list to check that the endpoint works.
/// </param>
public sealed record WebhookCallback(string Destination, IReadOnlyList<WebhookEvent> Events);
