using LineCrm.Identity;

namespace LineCrm.Campaigns.Rules;

/// <summary>
/// Decides, for one person and the campaigns that want them, which campaigns send, when, and which are skipped
/// and why: quiet hours defer a send to the next allowed local time, the frequency caps are checked in the
/// calendar period the send goes out in, and campaigns claim the room the caps leave in priority order (higher
/// first; on equal priority the ordinally smaller campaign id). A pure function of its arguments and the clock.
/// </summary>
public sealed class DeliveryRules
{
    private readonly DeliveryPolicy _policy;
    private readonly TimeProvider _time;

    /// <summary>Makes the rules.</summary>
    /// <param name="policy">The caps, quiet hours and account time zone.</param>
    /// <param name="time">The clock that says what "now" is.</param>
    public DeliveryRules(DeliveryPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        _policy = policy;
        _time = time;
    }

    /// <summary>Decides the campaigns' wishes to message one person.</summary>
    /// <param name="person">The person.</param>
    /// <param name="personTimeZone">The person's own time zone when known; null for the account's.</param>
    /// <param name="requests">The campaigns that want the person, each at most once.</param>
    /// <param name="history">The deliveries already made, across all campaigns.</param>
    /// <returns>One decision per request, in the order the campaigns claimed the caps' room: by priority.</returns>
    /// <exception cref="ArgumentException">No person, a request without a campaign, or a campaign asked twice.</exception>
    public IReadOnlyList<SendDecision> Decide(
        PersonId person, TimeZoneInfo? personTimeZone, IReadOnlyList<CampaignRequest> requests, IDeliveryHistory history)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(history);
        if (person.IsDefault)
        {
            throw new ArgumentException("default(PersonId) is nobody.", nameof(person));
        }

        var ordered = Order(requests);
        if (ordered.Length == 0)
        {
            return [];
        }

        var zone = personTimeZone ?? _policy.AccountTimeZone;
        var now = _time.GetUtcNow();
        var times = new (DateTimeOffset Requested, DateTimeOffset SendAt)[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var requested = ordered[i].SendAt is { } at && at > now ? at : now;
            times[i] = (requested, _policy.QuietHours?.NextAllowed(requested, zone) ?? requested);
        }

        var counted = ReadHistory(person, history, zone, times);
        var granted = new List<(CampaignId Campaign, DateTimeOffset SendAt)>();
        var decisions = new SendDecision[ordered.Length];
        for (var i = 0; i < ordered.Length; i++)
        {
            var (requested, sendAt) = times[i];
            decisions[i] = Check(ordered[i].Campaign, requested, sendAt, zone, counted, granted);
            if (decisions[i].IsSent)
            {
                granted.Add((ordered[i].Campaign, sendAt));
            }
        }

        return decisions;
    }

    private static CampaignRequest[] Order(IReadOnlyList<CampaignRequest> requests)
    {
        var seen = new HashSet<CampaignId>();
        foreach (var request in requests)
        {
            if (request is null || request.Campaign.IsDefault)
            {
                throw new ArgumentException("Every request names a campaign.", nameof(requests));
            }

            if (!seen.Add(request.Campaign))
            {
                throw new ArgumentException($"Campaign '{request.Campaign}' asks for the person twice; one request per campaign.", nameof(requests));
            }
        }

        return [.. requests.OrderByDescending(r => r.Priority).ThenBy(r => r.Campaign.Value, StringComparer.Ordinal)];
    }

    /// <summary>The history's deliveries around the sends, each with its day and week, read once.</summary>
    private static (DateOnly Day, DateOnly Week)[] ReadHistory(
        PersonId person, IDeliveryHistory history, TimeZoneInfo zone, (DateTimeOffset Requested, DateTimeOffset SendAt)[] times)
    {
        var from = times.Min(t => t.SendAt) - CalendarPeriods.Margin;
        var to = times.Max(t => t.SendAt) + CalendarPeriods.Margin;
        return [.. history.GetDeliveries(person, from, to)
            .Select(d => (CalendarPeriods.PeriodOf(d.SentAt, zone, CapPeriod.Day), CalendarPeriods.PeriodOf(d.SentAt, zone, CapPeriod.Week)))];
    }

    private SendDecision Check(
        CampaignId campaign,
        DateTimeOffset requested,
        DateTimeOffset sendAt,
        TimeZoneInfo zone,
        (DateOnly Day, DateOnly Week)[] counted,
        List<(CampaignId Campaign, DateTimeOffset SendAt)> granted)
    {
        var caps = _policy.Caps;
        var inHistory = new int[caps.Count];
        // The history alone first: a person it caps is capped whatever else this plan sends.
        for (var c = 0; c < caps.Count; c++)
        {
            var period = CalendarPeriods.PeriodOf(sendAt, zone, caps[c].Period);
            inHistory[c] = counted.Count(d => (caps[c].Period == CapPeriod.Day ? d.Day : d.Week) == period);
            if (inHistory[c] >= caps[c].Limit)
            {
                return new SendDecision(campaign, SendOutcome.CappedByRule, requested, sendAt, caps[c], []);
            }
        }

        for (var c = 0; c < caps.Count; c++)
        {
            var period = CalendarPeriods.PeriodOf(sendAt, zone, caps[c].Period);
            var rivals = granted.Where(g => CalendarPeriods.PeriodOf(g.SendAt, zone, caps[c].Period) == period).ToList();
            if (inHistory[c] + rivals.Count >= caps[c].Limit)
            {
                return new SendDecision(campaign, SendOutcome.CappedByCampaign, requested, sendAt, caps[c], [.. rivals.Select(r => r.Campaign)]);
            }
        }

        var outcome = sendAt > requested ? SendOutcome.Deferred : SendOutcome.Send;
        return new SendDecision(campaign, outcome, requested, sendAt, null, []);
    }
}
