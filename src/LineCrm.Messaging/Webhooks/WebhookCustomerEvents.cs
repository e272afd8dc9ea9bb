using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Messaging.Webhooks;

/// <summary>
/// What a webhook event means for a CRM: the <see cref="Interaction"/>s and <see cref="IdentityLink"/>s it records,
/// each in a <see cref="CustomerEventEnvelope"/> whose id comes from the event's <c>webhookEventId</c>, so that a
/// redelivered event maps to the same ids and an event log keyed on them records it once.
/// </summary>
/// <remarks>
/// <para>
/// A pure function of the event: no clock, no I/O (except the resolver of <see cref="FromAsync"/>). The mapping:
/// </para>
/// <list type="table">
/// <listheader><term>webhook event</term><description>customer events</description></listheader>
/// <item><term><see cref="FollowEvent"/></term><description><see cref="InteractionKind.FriendAdded"/>, or <see cref="InteractionKind.Unblocked"/> when <see cref="FollowEvent.IsUnblocked"/></description></item>
/// <item><term><see cref="UnfollowEvent"/></term><description><see cref="InteractionKind.Blocked"/></description></item>
/// <item><term><see cref="AccountLinkEvent"/></term><description>an <see cref="IdentityLink"/> from the LINE user to the nonce's member (<see cref="LinkSource.AccountLink"/>), only when the result is <c>ok</c> and the member is known</description></item>
/// <item><term><see cref="PostbackEvent"/></term><description><see cref="InteractionKind.Clicked"/>, <see cref="Interaction.Target"/> the postback data</description></item>
/// <item><term><see cref="MessageEvent"/></term><description><see cref="InteractionKind.Messaged"/>, <see cref="Interaction.Target"/> the message type (<c>text</c>, <c>sticker</c>, ...)</description></item>
/// <item><term><see cref="DeliveryEvent"/></term><description><see cref="InteractionKind.MessageDelivered"/>, <see cref="Interaction.Target"/> the delivery data (the <c>X-Line-Delivery-Tag</c> or the hashed phone number)</description></item>
/// </list>
/// <para>
/// Everything else yields nothing, and so does an event without a LINE user id (a group or room event that names
/// no user, a module event), with a user id that is not one (<c>U</c> and 32 lowercase hex digits), or without a
/// usable <c>webhookEventId</c>: such an event has no person or no idempotency key to log under.
/// </para>
/// </remarks>
public static class WebhookCustomerEvents
{
    /// <summary>The prefix of every id this mapping makes: <c>line:</c> and then the <c>webhookEventId</c>.</summary>
    public const string IdPrefix = "line:";

    /// <summary>
    /// The customer events of one webhook event, except account links, which need the member behind the nonce:
    /// use <see cref="FromAsync"/> with a resolver, or <see cref="FromAccountLink"/> once you know the member. An
    /// <see cref="AccountLinkEvent"/> passed here yields nothing.
    /// </summary>
    /// <param name="webhookEvent">A parsed webhook event.</param>
    /// <returns>The customer events, in a fixed order; empty when the event means nothing for a CRM.</returns>
    public static IReadOnlyList<CustomerEventEnvelope> From(WebhookEvent webhookEvent)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        if (!TryGetKeys(webhookEvent, out var id, out var user))
        {
            return [];
        }

        var interaction = webhookEvent switch
        {
            FollowEvent follow => new Interaction(user, follow.Timestamp, follow.IsUnblocked ? InteractionKind.Unblocked : InteractionKind.FriendAdded),
            UnfollowEvent unfollow => new Interaction(user, unfollow.Timestamp, InteractionKind.Blocked),
            PostbackEvent postback => new Interaction(user, postback.Timestamp, InteractionKind.Clicked) { Target = AsTarget(postback.Data) },
            MessageEvent message => new Interaction(user, message.Timestamp, InteractionKind.Messaged) { Target = AsTarget(message.Message.Type) },
            DeliveryEvent delivery => new Interaction(user, delivery.Timestamp, InteractionKind.MessageDelivered) { Target = AsTarget(delivery.Data) },
            _ => null,
        };

        return interaction is null ? [] : [new CustomerEventEnvelope(id, interaction)];
    }

    /// <summary>
    /// The customer events of one webhook event, asking <paramref name="resolveMember"/> for the member behind a
    /// successful account link's nonce. The resolver is called only for an <see cref="AccountLinkEvent"/> whose
    /// result is <c>ok</c> and that has a LINE user id and a usable <c>webhookEventId</c>; every other event maps as in
    /// <see cref="From"/>.
    /// </summary>
    /// <param name="webhookEvent">A parsed webhook event.</param>
    /// <param name="resolveMember">Finds the member a nonce was issued for; null from it means no link.</param>
    /// <param name="cancellationToken">Passed to the resolver.</param>
    /// <returns>The customer events; empty when the event means nothing for a CRM.</returns>
    public static async ValueTask<IReadOnlyList<CustomerEventEnvelope>> FromAsync(
        WebhookEvent webhookEvent, AccountLinkMemberResolver resolveMember, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(webhookEvent);
        ArgumentNullException.ThrowIfNull(resolveMember);
        if (webhookEvent is not AccountLinkEvent link)
        {
            return From(webhookEvent);
        }

        if (!link.Succeeded || !TryGetKeys(link, out _, out _))
        {
            return [];
        }

        var member = await resolveMember(link, cancellationToken).ConfigureAwait(false);
        return member is { } known ? FromAccountLink(link, known) : [];
    }

    /// <summary>
    /// The <see cref="IdentityLink"/> of a successful account link, from the event's LINE user to
    /// <paramref name="member"/>, the member you issued the event's nonce for.
    /// </summary>
    /// <param name="accountLink">The account link event.</param>
    /// <param name="member">The member behind <see cref="AccountLinkEvent.Nonce"/>, as your site resolved it.</param>
    /// <returns>One link; empty when the link failed, the event has no LINE user id or usable id, or <paramref name="member"/> is that same LINE user.</returns>
    /// <exception cref="ArgumentException"><paramref name="member"/> is <c>default(Identifier)</c>.</exception>
    public static IReadOnlyList<CustomerEventEnvelope> FromAccountLink(AccountLinkEvent accountLink, Identifier member)
    {
        ArgumentNullException.ThrowIfNull(accountLink);
        if (member.IsDefault)
        {
            throw new ArgumentException("The member must be an identifier, not default(Identifier).", nameof(member));
        }

        if (!accountLink.Succeeded || !TryGetKeys(accountLink, out var id, out var user) || user == member)
        {
            return [];
        }

        return [new CustomerEventEnvelope(id, new IdentityLink(user, member, accountLink.Timestamp, LinkSource.AccountLink))];
    }

    /// <summary>The envelope id and the person, or false when the event has either no usable id or no LINE user.</summary>
    private static bool TryGetKeys(WebhookEvent webhookEvent, out CustomerEventId id, out Identifier user)
    {
        id = default;
        user = default;
        var eventId = webhookEvent.WebhookEventId;
        if (eventId.Length == 0 || eventId.Length > CustomerEventId.MaxLength - IdPrefix.Length || eventId.AsSpan().ContainsAnyInRange('\0', '\u001f')
            || eventId.AsSpan().ContainsAnyInRange('\u007f', '\u009f'))
        {
            return false;
        }

        if (webhookEvent.Source?.UserId is not { } userId || !Identifier.TryParse(string.Concat(IdentifierType.LineUser.Name, ":", userId), null, out user)
            || user.Type != IdentifierType.LineUser)
        {
            return false;
        }

        id = new CustomerEventId(IdPrefix + eventId);
        return true;
    }

    /// <summary>
    /// A value as an <see cref="Interaction.Target"/>: null when blank, and cut to the target's limit (never inside a
    /// surrogate pair) when longer, since postback data may be longer than a target.
    /// </summary>
    private static string? AsTarget(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (value.Length <= MaxTargetLength)
        {
            return value;
        }

        var length = char.IsHighSurrogate(value[MaxTargetLength - 1]) ? MaxTargetLength - 1 : MaxTargetLength;
        return value[..length];
    }

    // Interaction.Target's limit in Abstractions.
    private const int MaxTargetLength = 256;
}
