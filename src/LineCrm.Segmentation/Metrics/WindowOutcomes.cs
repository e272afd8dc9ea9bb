using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Segmentation.Metrics;

/// <summary>
/// What each person did within a window of their own, read from the fact store: whether a goal event happened (a
/// campaign's conversion within its window after the send) and how much they bought. The windows may all differ, so
/// a campaign whose sends were deferred person by person is measured from each person's own send time.
/// </summary>
public static class WindowOutcomes
{
    /// <summary>The type of the identifier a goal's events carry: the person, since the store knows them by person.</summary>
    private static readonly IdentifierType PersonType = IdentifierType.FromName("person");

    /// <summary>Measures every window, on every core.</summary>
    /// <param name="members">The fact store. Read on the writer's thread or between writes (see <see cref="MemberTable"/>).</param>
    /// <param name="windows">The persons and their windows; a person may appear more than once.</param>
    /// <param name="goal">What counts as converting: a funnel step over the person's purchases and interactions as <see cref="FunnelEvent"/>s (<see cref="FunnelStep.FromCel"/>); null for any purchase.</param>
    /// <param name="currency">The ISO 4217 code of the revenue; null when the store holds purchases in one currency only (or none).</param>
    /// <returns>One outcome per window, in the order given.</returns>
    /// <exception cref="ArgumentException">A window ends before it starts, or the currency is not a three-letter code, or is null while the store holds several.</exception>
    public static WindowOutcome[] Measure(MemberTable members, IReadOnlyList<PersonWindow> windows, FunnelStep<FunnelEvent>? goal, string? currency) =>
        Measure(members, windows, goal, WindowRevenue.GoalPurchases, currency, null, CancellationToken.None);

    /// <summary>Measures every window, on the cores <paramref name="options"/> allows.</summary>
    /// <param name="members">The fact store. Read on the writer's thread or between writes (see <see cref="MemberTable"/>).</param>
    /// <param name="windows">The persons and their windows; a person may appear more than once. A person the store does not hold (forgotten since, say) did nothing.</param>
    /// <param name="goal">What counts as converting: a funnel step over the person's purchases and interactions as <see cref="FunnelEvent"/>s; null for any purchase.</param>
    /// <param name="revenue">Which purchases in the window make the revenue: those the goal accepts, or all.</param>
    /// <param name="currency">The ISO 4217 code of the revenue; null when the store holds purchases in one currency only (or none). Purchases in other currencies still convert.</param>
    /// <param name="options">The degree of parallelism; every core when null.</param>
    /// <param name="cancellationToken">Checked between chunks of windows.</param>
    /// <returns>One outcome per window, in the order given.</returns>
    /// <exception cref="ArgumentException">A window ends before it starts, or the currency is not a three-letter code, or is null while the store holds several.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ComputeOptions.MaxDegreeOfParallelism"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled.</exception>
    /// <exception cref="Expressions.CelEvaluationException">The goal raised a CEL error for an event.</exception>
    public static WindowOutcome[] Measure(
        MemberTable members,
        IReadOnlyList<PersonWindow> windows,
        FunnelStep<FunnelEvent>? goal,
        WindowRevenue revenue,
        string? currency,
        ComputeOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(windows);
        var parallelism = Parallelism.From(options, cancellationToken);
        if (!Enum.IsDefined(revenue))
        {
            throw new ArgumentOutOfRangeException(nameof(revenue), revenue, "The revenue is of the goal's purchases or of all purchases.");
        }

        for (var i = 0; i < windows.Count; i++)
        {
            if (windows[i].To < windows[i].From)
            {
                throw new ArgumentException($"Window {i} (person {windows[i].Person}) ends at {windows[i].To:O}, before it starts at {windows[i].From:O}.", nameof(windows));
            }
        }

        var currencyId = OrderTable.CurrencyToTake(members, OrderTable.IsoCode(currency));
        var outcomes = new WindowOutcome[windows.Count];
        var chunks = RowChunks.For(windows.Count, parallelism);
        chunks.Run(c =>
        {
            for (int w = chunks.From(c), end = chunks.To(c); w < end; w++)
            {
                outcomes[w] = MeasureOne(members, windows[w], goal, revenue == WindowRevenue.AllPurchases, currencyId);
            }
        });
        return outcomes;
    }

    private static WindowOutcome MeasureOne(MemberTable members, PersonWindow window, FunnelStep<FunnelEvent>? goal, bool allPurchases, int currencyId)
    {
        var row = members.RowOf(window.Person);
        if (row < 0)
        {
            return default;
        }

        long from = window.From.UtcTicks, to = window.To.UtcTicks;
        var p = members.Purchases;
        var converted = false;
        long units = 0;
        var purchases = 0;
        Identifier? who = null;
        for (int i = p.Starts[row], end = i + p.Counts[row]; i < end; i++)
        {
            if (p.At[i] < from || p.At[i] >= to)
            {
                continue;
            }

            var accepted = goal is null || goal.Matches(PurchaseEvent(members, i, who ??= Who(window.Person)));
            converted |= accepted;
            if (p.Currency[i] == currencyId && (accepted || allPurchases))
            {
                units += p.AmountUnits[i];
                purchases++;
            }
        }

        if (!converted && goal is not null)
        {
            var n = members.Interactions;
            for (int i = n.Starts[row], end = i + n.Counts[row]; i < end && !converted; i++)
            {
                converted = n.At[i] >= from && n.At[i] < to && goal.Matches(InteractionEvent(members, i, who ??= Who(window.Person)));
            }
        }

        return new WindowOutcome(converted, MoneyUnits.ToDecimal(units), purchases);
    }

    private static Identifier Who(PersonId person) => new(PersonType, person.ToString());

    private static FunnelEvent PurchaseEvent(MemberTable members, int i, Identifier who)
    {
        var p = members.Purchases;
        return new FunnelEvent(who, FunnelEvent.PurchasedKind, new DateTimeOffset(p.At[i], TimeSpan.Zero))
        {
            Channel = members.Channels[p.Channel[i]],
            Store = members.Stores.Optional(p.Store[i]) ?? string.Empty,
            Amount = MoneyUnits.ToDecimal(p.AmountUnits[i]),
            Campaign = members.Campaigns.Optional(p.Campaign[i]) ?? string.Empty,
        };
    }

    private static FunnelEvent InteractionEvent(MemberTable members, int i, Identifier who)
    {
        var n = members.Interactions;
        return new FunnelEvent(who, members.InteractionKinds[n.Kind[i]], new DateTimeOffset(n.At[i], TimeSpan.Zero))
        {
            Campaign = members.Campaigns.Optional(n.Campaign[i]) ?? string.Empty,
            Target = members.Targets.Optional(n.Target[i]) ?? string.Empty,
        };
    }
}
