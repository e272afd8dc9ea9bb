namespace LineCrm.Events;

/// <summary>What a person did or what happened to them: an open set of interaction kinds.</summary>
public sealed record InteractionKind : OpenSetValue
{
    private InteractionKind(string name) : base(name, "interaction kind")
    {
    }

    /// <summary>The person added the LINE Official Account as a friend (LINE <c>follow</c>).</summary>
    public static InteractionKind FriendAdded { get; } = new("friend_added");

    /// <summary>The person blocked the account (LINE <c>unfollow</c>).</summary>
    public static InteractionKind Blocked { get; } = new("blocked");

    /// <summary>The person unblocked the account (LINE <c>follow</c> with <c>isUnblocked</c>).</summary>
    public static InteractionKind Unblocked { get; } = new("unblocked");

    /// <summary>A message was delivered to the person.</summary>
    public static InteractionKind MessageDelivered { get; } = new("message_delivered");

    /// <summary>The person clicked a link or action in a message.</summary>
    public static InteractionKind Clicked { get; } = new("clicked");

    /// <summary>The person viewed a page of the site.</summary>
    public static InteractionKind PageViewed { get; } = new("page_viewed");

    /// <summary>The person added an item to a cart.</summary>
    public static InteractionKind CartAdded { get; } = new("cart_added");

    /// <summary>The person removed an item from a cart.</summary>
    public static InteractionKind CartRemoved { get; } = new("cart_removed");

    /// <summary>The person sent the account a message (LINE <c>message</c>); not a message the account sent them.</summary>
    public static InteractionKind Messaged { get; } = new("messaged");

    /// <summary>The well-known kinds.</summary>
    public static IReadOnlyList<InteractionKind> WellKnown { get; } =
        [FriendAdded, Blocked, Unblocked, MessageDelivered, Clicked, PageViewed, CartAdded, CartRemoved, Messaged];

    /// <summary>The kind with this name: a well-known one, or a custom one ("coupon_used").</summary>
    /// <exception cref="ArgumentException">The name is empty or not of the allowed form.</exception>
    public static InteractionKind FromName(string name) => FromName(name, WellKnown, static n => new InteractionKind(n));
}
