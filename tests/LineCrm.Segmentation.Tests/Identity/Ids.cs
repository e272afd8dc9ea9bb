using LineCrm.Events;
using LineCrm.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>Short ways to make the identifiers and links the identity tests talk about.</summary>
internal static class Ids
{
    public static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static readonly IdentifierType X = IdentifierType.FromName("x");

    /// <summary>A LINE user id whose digits encode <paramref name="n"/> (never all zero, so never blocked).</summary>
    public static Identifier Line(int n) => Identifier.LineUser($"U{n + 0x1000:x32}");

    public static Identifier Web(string member) => Identifier.WebMember(member);

    public static Identifier Card(string card) => Identifier.StoreCard(card);

    public static Identifier Email(int n) => new(IdentifierType.EmailSha256, $"{n + 0x1000:x64}");

    /// <summary>The n-th identifier of the rule-free custom type <c>x</c>.</summary>
    public static Identifier Plain(int n) => new(X, $"v{n}");

    /// <summary>An identifier of a mix of types: LINE, web, store, e-mail hash and custom, by <paramref name="n"/> mod 5.</summary>
    public static Identifier Mixed(int n) => (n % 5) switch
    {
        0 => Line(n),
        1 => Web($"M-{n}"),
        2 => Card($"C-{n}"),
        3 => Email(n),
        _ => Plain(n),
    };

    public static IdentityLink Link(Identifier from, Identifier to, int minute = 0, LinkSource? source = null)
        => new(from, to, T0.AddMinutes(minute), source ?? LinkSource.Import);
}

/// <summary>A clock that stays where it is put, for audit timestamps.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
