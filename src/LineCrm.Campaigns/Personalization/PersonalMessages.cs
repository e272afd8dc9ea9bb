using LineCrm.Messaging.Messages;

namespace LineCrm.Campaigns.Personalization;

/// <summary>A variant's messages as one person receives them.</summary>
/// <param name="Json">The messages as LINE's <c>messages</c> array: persons with the same text can share one multicast.</param>
/// <param name="Messages">The messages.</param>
/// <param name="UsedFallback">True when the person's own facts would have broken a LINE limit (a text too long), so they get every placeholder's fallback instead.</param>
public sealed record PersonalMessages(string Json, IReadOnlyList<Message> Messages, bool UsedFallback);
