namespace LineCrm.Messaging.Messages;

/// <summary>Shows another display name and icon for one message (LINE's <c>sender</c>).</summary>
/// <param name="Name">The display name, at most 20 characters; LINE forbids some words, such as "LINE".</param>
/// <param name="IconUrl">An https URL of the icon image, at most 2,000 characters.</param>
public sealed record Sender(string? Name = null, string? IconUrl = null);
