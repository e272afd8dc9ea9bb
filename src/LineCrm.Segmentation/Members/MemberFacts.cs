using LineCrm.Identity;

namespace LineCrm.Segmentation.Members;

/// <summary>
/// Everything the member table knows about one person, copied out of its columns: for inspection, tests and
/// explaining why a person is in a segment. Segments read the columns directly and never build these.
/// </summary>
/// <param name="Person">The person.</param>
/// <param name="Blocked">Whether the person currently blocks the LINE account.</param>
/// <param name="FriendAddedAt">When the person first added the LINE account as a friend, if ever seen.</param>
/// <param name="LastClickAt">When the person last clicked a message, if ever.</param>
/// <param name="LinkedTypes">The identifier types seen for the person, in the order the table first met each type.</param>
/// <param name="LineUser">The person's LINE user id, if one was seen.</param>
/// <param name="Tags">The person's tags.</param>
/// <param name="Attributes">The person's custom attributes.</param>
/// <param name="Purchases">The person's purchases in the order they were appended.</param>
/// <param name="Interactions">The person's interactions in the order they were appended.</param>
public sealed record MemberFacts(
    PersonId Person,
    bool Blocked,
    DateTimeOffset? FriendAddedAt,
    DateTimeOffset? LastClickAt,
    IReadOnlyList<IdentifierType> LinkedTypes,
    Identifier? LineUser,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<MemberPurchase> Purchases,
    IReadOnlyList<MemberInteraction> Interactions)
{
    internal static readonly IReadOnlyDictionary<string, object> NoCustomFacts = new Dictionary<string, object>();

    /// <summary>
    /// When the person first linked: the time of the earliest identity link appended to the table that joined a
    /// LINE user id to an identifier of another type (a web member id, a store card); null when none did.
    /// </summary>
    public DateTimeOffset? LinkedAt { get; init; }

    /// <summary>
    /// The custom facts of the table's <see cref="MemberTable.Schema"/>: each scalar the person has a value for
    /// (<see cref="long"/>, <see cref="double"/>, <see cref="bool"/>, <see cref="string"/> or <see cref="DateTimeOffset"/>),
    /// and each list as an <c>IReadOnlyList&lt;FactRecord&gt;</c> (empty when the person has no records).
    /// </summary>
    public IReadOnlyDictionary<string, object> Custom { get; init; } = NoCustomFacts;
}
