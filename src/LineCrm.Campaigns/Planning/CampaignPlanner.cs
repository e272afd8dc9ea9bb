using LineCrm.Campaigns.Assignment;
using LineCrm.Campaigns.Rules;
using LineCrm.Identity;
using LineCrm.Segmentation.Members;

namespace LineCrm.Campaigns.Planning;

/// <summary>
/// Plans campaigns before anything is sent: for each campaign's audience, who can be reached on LINE, who is in
/// the global control group or the campaign's holdout, and for the rest, across all campaigns at once, what the
/// frequency caps, quiet hours and priorities decide (<see cref="DeliveryRules"/>) against the delivery history.
/// </summary>
/// <remarks>
/// The plan is a pure function of the store, the campaigns, the history and the rules' clock: planning again gives
/// the same plan, so a send can be resumed from it. The store is read as plain reads are (on its writer's thread
/// or between writes).
/// </remarks>
public sealed class CampaignPlanner
{
    private readonly DeliveryRules _rules;
    private readonly IDeliveryHistory _history;
    private readonly TimeProvider _time;

    /// <summary>Makes a planner that decides with <paramref name="rules"/> against <paramref name="history"/>.</summary>
    /// <param name="rules">The caps, quiet hours and priority rule, with their clock.</param>
    /// <param name="history">What was delivered already, which the caps count.</param>
    /// <param name="time">The clock the plan is stamped with; the same one <paramref name="rules"/> reads.</param>
    public CampaignPlanner(DeliveryRules rules, IDeliveryHistory history, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(time);
        (_rules, _history, _time) = (rules, history, time);
    }

    /// <summary>Plans <paramref name="campaigns"/> over <paramref name="members"/>.</summary>
    /// <param name="members">The fact store every campaign's audience was evaluated over.</param>
    /// <param name="campaigns">The campaigns, each with a distinct id.</param>
    /// <param name="timeZoneOf">A person's own time zone where known (caps and quiet hours then use it), or null for the account's everywhere.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">Two campaigns share an id, or an audience was evaluated over another table.</exception>
    public CampaignPlan Plan(MemberTable members, IReadOnlyList<PlannedCampaign> campaigns, Func<PersonId, TimeZoneInfo?>? timeZoneOf = null)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(campaigns);
        Validate(members, campaigns);

        var tallies = campaigns.Select(c => new Tally(c.Campaign, c.Audience.Count)).ToArray();
        var heldOut = new List<HeldOutPerson>();
        var wanted = new SortedDictionary<long, List<(int Campaign, int Variant)>>();
        for (var k = 0; k < campaigns.Count; k++)
        {
            var campaign = campaigns[k];
            foreach (var person in campaign.Audience)
            {
                if (!members.LineReachOf(person).IsReachable)
                {
                    tallies[k].Unreachable++;
                    continue;
                }

                var assignment = campaign.Assigner.Assign(person);
                switch (assignment.Group)
                {
                    case AssignmentGroup.GlobalControl:
                        tallies[k].Control++;
                        break;
                    case AssignmentGroup.Holdout:
                        tallies[k].Holdout++;
                        heldOut.Add(new HeldOutPerson(campaign.Campaign, person, assignment.Variant));
                        break;
                    default:
                        if (!wanted.TryGetValue(person.Value, out var asks))
                        {
                            wanted.Add(person.Value, asks = []);
                        }

                        asks.Add((k, assignment.Variant));
                        break;
                }
            }
        }

        var deliveries = new List<PlannedDelivery>();
        foreach (var (value, asks) in wanted)
        {
            var person = new PersonId(value);
            var requests = asks.Select(a => new CampaignRequest(campaigns[a.Campaign].Campaign, campaigns[a.Campaign].Priority, campaigns[a.Campaign].SendAt)).ToArray();
            var line = members.LineReachOf(person).LineUser!.Value;
            foreach (var decision in _rules.Decide(person, timeZoneOf?.Invoke(person), requests, _history))
            {
                var ask = asks.First(a => campaigns[a.Campaign].Campaign == decision.Campaign);
                tallies[ask.Campaign].Count(decision.Outcome);
                deliveries.Add(new PlannedDelivery(person, line, ask.Variant, decision));
            }
        }

        var order = campaigns.Select((c, k) => (c.Campaign, k)).ToDictionary(p => p.Campaign, p => p.k);
        return new CampaignPlan(
            _time.GetUtcNow(),
            [.. tallies.Select(t => t.ToCounts())],
            [.. deliveries.OrderBy(d => order[d.Campaign]).ThenBy(d => d.Person.Value)],
            [.. heldOut.OrderBy(h => order[h.Campaign]).ThenBy(h => h.Person.Value)]);
    }

    private static void Validate(MemberTable members, IReadOnlyList<PlannedCampaign> campaigns)
    {
        var ids = new HashSet<CampaignId>();
        foreach (var campaign in campaigns)
        {
            if (campaign is null)
            {
                throw new ArgumentException("The list holds a null campaign.", nameof(campaigns));
            }

            if (!ids.Add(campaign.Campaign))
            {
                throw new ArgumentException($"Campaign '{campaign.Campaign}' is planned twice; campaign ids must be distinct.", nameof(campaigns));
            }

            if (!ReferenceEquals(campaign.Audience.Table, members))
            {
                throw new ArgumentException($"The audience of campaign '{campaign.Campaign}' was evaluated over another member table.", nameof(campaigns));
            }
        }
    }

    private sealed class Tally(CampaignId campaign, int audience)
    {
        public int Unreachable { get; set; }

        public int Control { get; set; }

        public int Holdout { get; set; }

        private int Capped { get; set; }

        private int CappedByCampaign { get; set; }

        private int ToSend { get; set; }

        private int Deferred { get; set; }

        public void Count(SendOutcome outcome)
        {
            switch (outcome)
            {
                case SendOutcome.Send:
                    ToSend++;
                    break;
                case SendOutcome.Deferred:
                    ToSend++;
                    Deferred++;
                    break;
                case SendOutcome.CappedByCampaign:
                    Capped++;
                    CappedByCampaign++;
                    break;
                default:
                    Capped++;
                    break;
            }
        }

        public CampaignPlanCounts ToCounts() =>
            new(campaign, audience, Unreachable, Control, Holdout, Capped, CappedByCampaign, ToSend, Deferred);
    }
}
