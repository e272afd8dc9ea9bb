namespace LineCrm.Messaging.Client;

/// <summary>One entry of the <c>details</c> array of a LINE error response.</summary>
/// <param name="Message">What is wrong, as LINE words it; LINE may leave it out.</param>
/// <param name="Property">The JSON field or query parameter it concerns, for example <c>messages[0].text</c>; may be absent.</param>
public sealed record LineErrorDetail(string? Message, string? Property);
