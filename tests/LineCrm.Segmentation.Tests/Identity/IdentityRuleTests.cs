using LineCrm.Events;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity;

public sealed class IdentityRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

    private static IdentityGraph Graph(IdentityRules? rules = null) => new(rules ?? IdentityRules.Default, new FixedClock(Now));

    [Theory]
    [InlineData("line")]
    [InlineData("web")]
    public void A_link_refused_with_two_new_ends_leaves_neither_behind_and_both_can_be_added_later(string kind)
    {
        // A refused link leaves no trace in the key tables: its new ends are neither held nor in the way of adding
        // them later, among many neighbours of the same type (2,000 ids in the same table).
        var graph = Graph();
        Identifier Id(int n) => kind == "line" ? Line(n) : Web($"M-{n}");
        graph.AddIdentifiers(Enumerable.Range(10, 2_000).Select(Id));

        var refused = graph.Link(Link(Id(1), Id(2)));
        var after = graph.AddIdentifiers([Id(2), Id(1)]);

        Assert.Equal(LinkOutcome.Refused, refused.Outcome);
        Assert.Equal(2, after);
        Assert.All(Enumerable.Range(10, 2_000).Select(Id).Append(Id(1)).Append(Id(2)), id => Assert.True(graph.Contains(id)));
        Assert.Equal(2_002, graph.IdentifierCount);
        Assert.Equal(2_002, graph.PersonCount);
    }

    [Fact]
    public void A_second_LINE_id_for_a_person_is_refused_and_audited_with_both_values()
    {
        var graph = Graph();
        graph.Link(Link(Line(1), Web("M-1")));

        var result = graph.Link(Link(Line(2), Web("M-1")));

        Assert.Equal(LinkOutcome.Refused, result.Outcome);
        Assert.False(graph.Contains(Line(2)));
        var refusal = Assert.Single(graph.AuditLog);
        Assert.Same(refusal, result.Refusal);
        Assert.Equal(IdentityRuleKind.MaxPerPerson, refusal.Rule);
        Assert.Equal([Line(1), Line(2)], refusal.Identifiers);
        Assert.Contains("at most 1 line", refusal.Reason, StringComparison.Ordinal);
        Assert.Contains(Line(1).ToString(), refusal.Reason, StringComparison.Ordinal);
        Assert.Contains(Line(2).ToString(), refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(Now, refusal.RefusedAt);
        Assert.Equal(Link(Line(2), Web("M-1")), refusal.Link);
    }

    [Fact]
    public void Two_persons_whose_merge_would_hold_two_LINE_ids_stay_apart()
    {
        var graph = Graph();
        graph.Link(Link(Line(1), Web("M-1")));
        graph.Link(Link(Line(2), Card("C-2")));
        var (p1, p2) = (graph.Resolve(Line(1)), graph.Resolve(Line(2)));

        var result = graph.Link(Link(Web("M-1"), Card("C-2")));

        Assert.Equal(LinkOutcome.Refused, result.Outcome);
        Assert.Equal(p1, graph.Resolve(Web("M-1")));
        Assert.Equal(p2, graph.Resolve(Card("C-2")));
        Assert.Equal(2, graph.LinkCount);
        Assert.Equal([Line(1), Line(2)], graph.AuditLog.Single().Identifiers);
    }

    [Fact]
    public void A_refusal_read_later_still_describes_the_persons_as_they_were_when_it_was_refused()
    {
        // The graph writes a refusal's sentence only when it is read; by then the persons it names have changed.
        var graph = Graph();
        graph.Link(Link(Line(1), Web("M-1")));
        graph.Link(Link(Line(2), Card("C-2")));
        var refused = graph.Link(Link(Web("M-1"), Card("C-2"))).Refusal!;

        graph.RemoveIdentifier(Line(1));
        var merged = graph.Link(Link(Web("M-1"), Card("C-2"), minute: 1));

        Assert.Equal(LinkOutcome.Merged, merged.Outcome);
        Assert.Equal(
            $"MaxPerPerson: a person may have at most 1 line identifier(s) and the link would make 2 (P1 has {Line(1)}; P2 has {Line(2)}).",
            refused.Reason);
        Assert.Equal([Line(1), Line(2)], refused.Identifiers);
    }

    [Fact]
    public void A_refusal_equals_its_copy_whether_or_not_its_reason_has_been_read()
    {
        var graph = Graph();
        graph.Link(Link(Line(1), Web("M-1")));
        var refusal = graph.Link(Link(Line(2), Web("M-1"))).Refusal!;
        var copy = refusal with { };

        var equalBeforeReading = refusal == copy;
        _ = copy.Reason;

        Assert.True(equalBeforeReading);
        Assert.Equal(refusal, copy);
        Assert.Equal(refusal.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(refusal, copy with { Reason = "another reason" });
    }

    [Fact]
    public void Two_new_LINE_ids_cannot_be_linked_to_each_other()
    {
        var graph = Graph();
        var result = graph.Link(Link(Line(1), Line(2)));
        Assert.Equal(LinkOutcome.Refused, result.Outcome);
        Assert.Equal(0, graph.IdentifierCount);
        Assert.Equal(IdentityRuleKind.MaxPerPerson, result.Refusal!.Rule);
    }

    [Fact]
    public void A_person_takes_five_store_cards_and_not_a_sixth()
    {
        var graph = Graph();
        var outcomes = Enumerable.Range(1, 6).Select(i => graph.Link(Link(Web("M-1"), Card($"C-{i}"))).Outcome).ToList();

        Assert.Equal([.. Enumerable.Repeat(LinkOutcome.Joined, 5), LinkOutcome.Refused], outcomes);
        Assert.Equal(5, graph.GetIdentifiers(graph.Resolve(Web("M-1")), IdentifierType.StoreCard).Count);
        Assert.Contains("at most 5 store", graph.AuditLog.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_types_allow_five_each_by_default()
    {
        var graph = Graph();
        var outcomes = Enumerable.Range(1, 6).Select(i => graph.Link(Link(Web("M-1"), Email(i))).Outcome).ToList();
        Assert.Equal(LinkOutcome.Refused, outcomes[^1]);
        Assert.All(outcomes.Take(5), o => Assert.Equal(LinkOutcome.Joined, o));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("Unknown")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("0000000000")]
    public void Placeholder_store_cards_are_blocked(string value)
    {
        var graph = Graph();
        var result = graph.Link(Link(Line(1), Card(value)));

        Assert.Equal(LinkOutcome.Refused, result.Outcome);
        Assert.Equal(IdentityRuleKind.BlockedValue, result.Refusal!.Rule);
        Assert.Equal([Card(value)], result.Refusal.Identifiers);
        Assert.Contains(value, result.Refusal.Reason, StringComparison.Ordinal);
        Assert.Equal(0, graph.IdentifierCount);
    }

    [Fact]
    public void All_zero_LINE_ids_and_hashes_and_placeholder_custom_values_are_blocked()
    {
        var graph = Graph();
        Assert.Equal(LinkOutcome.Refused, graph.Link(Link(Identifier.LineUser("U" + new string('0', 32)), Card("C-1"))).Outcome);
        Assert.Equal(LinkOutcome.Refused, graph.Link(Link(new Identifier(IdentifierType.EmailSha256, new string('0', 64)), Card("C-1"))).Outcome);
        Assert.Equal(LinkOutcome.Refused, graph.Link(Link(new Identifier(IdentifierType.FromName("loyalty"), "null"), Card("C-1"))).Outcome);
        Assert.False(graph.TryAddIdentifier(Card("unknown"), out var none));
        Assert.True(none.IsDefault);
        Assert.Equal(4, graph.AuditLog.Count);
        Assert.Null(graph.AuditLog[^1].Link);
        Assert.All(graph.AuditLog, r => Assert.Equal(IdentityRuleKind.BlockedValue, r.Rule));
    }

    [Fact]
    public void Values_that_only_look_like_placeholders_are_accepted()
    {
        var graph = Graph();
        Assert.Equal(LinkOutcome.Joined, graph.Link(Link(Card("0001"), Web("nullable"))).Outcome);
        Assert.Equal(LinkOutcome.Joined, graph.Link(Link(Card("-10"), Web("unknown-2"))).Outcome);
        Assert.Empty(graph.AuditLog);
    }

    [Fact]
    public void Configured_patterns_block_whole_values_only()
    {
        var rules = IdentityRules.Default with
        {
            Types = new Dictionary<IdentifierType, IdentifierTypeRule>(IdentityRules.Default.Types)
            {
                [IdentifierType.StoreCard] = new() { MaxPerPerson = 5, BlockedPatterns = ["TEST-[0-9]+"] },
            },
        };
        var graph = Graph(rules);

        Assert.Equal(LinkOutcome.Refused, graph.Link(Link(Web("M-1"), Card("TEST-42"))).Outcome);
        Assert.Equal(LinkOutcome.Joined, graph.Link(Link(Web("M-1"), Card("MY-TEST-42"))).Outcome);
        Assert.Contains("TEST-[0-9]+", graph.AuditLog.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hub_guard_refuses_a_link_that_would_make_a_person_too_large()
    {
        var rules = IdentityRules.None with { MaxPersonSize = 3 };
        var graph = Graph(rules);
        graph.Link(Link(Plain(1), Plain(2)));
        graph.Link(Link(Plain(2), Plain(3)));
        graph.Link(Link(Plain(10), Plain(11)));

        var grow = graph.Link(Link(Plain(3), Plain(4)));
        var merge = graph.Link(Link(Plain(1), Plain(10)));

        Assert.Equal(LinkOutcome.Refused, grow.Outcome);
        Assert.Equal(LinkOutcome.Refused, merge.Outcome);
        Assert.All(graph.AuditLog, r => Assert.Equal(IdentityRuleKind.MaxPersonSize, r.Rule));
        Assert.Equal([Plain(1), Plain(10)], graph.AuditLog[1].Identifiers);
        Assert.Contains("into 5", graph.AuditLog[1].Reason, StringComparison.Ordinal);
        Assert.Equal(5, graph.IdentifierCount);
    }

    [Fact]
    public void In_a_batch_type_priority_decides_which_of_two_conflicting_links_is_kept()
    {
        // A store card is used on the site by member M-1, then shown at a till with LINE id 2; then LINE id 1
        // links its account to M-1. Someone shares a card, and the rules allow one LINE id per person.
        IdentityLink[] links =
        [
            Link(Web("M-1"), Card("C-1"), minute: 1, LinkSource.WebLogin),
            Link(Line(2), Card("C-1"), minute: 2, LinkSource.PointOfSale),
            Link(Line(1), Web("M-1"), minute: 3, LinkSource.AccountLink),
        ];

        // One by one, in time order: the card joins M-1, then LINE id 2 joins them, and the account link of
        // LINE id 1 to M-1 is refused (a second LINE id).
        var oneByOne = Graph();
        foreach (var link in links)
        {
            oneByOne.Link(link);
        }

        // As a batch, by priority: line-web first, then line-store, and the web-store link is the one refused.
        var batch = Graph();
        var totals = batch.AddLinks(links);

        Assert.Equal(oneByOne.Resolve(Card("C-1")), oneByOne.Resolve(Line(2)));
        Assert.Equal(oneByOne.Resolve(Card("C-1")), oneByOne.Resolve(Web("M-1")));
        Assert.False(oneByOne.Contains(Line(1)));
        Assert.Same(links[2], oneByOne.AuditLog.Single().Link);

        Assert.Equal(batch.Resolve(Web("M-1")), batch.Resolve(Line(1)));
        Assert.Equal(batch.Resolve(Card("C-1")), batch.Resolve(Line(2)));
        Assert.NotEqual(batch.Resolve(Card("C-1")), batch.Resolve(Line(1)));
        Assert.Equal(new LinkBatchResult(Joined: 2, Merged: 0, AlreadyJoined: 0, Refused: 1), totals);
        Assert.Same(links[0], batch.AuditLog.Single().Link);

        // Ranking store cards above LINE ids turns the decision round: the web-store link goes first and wins.
        var storeFirst = Graph(IdentityRules.Default with { Priority = [IdentifierType.StoreCard, IdentifierType.WebMember, IdentifierType.LineUser] });
        storeFirst.AddLinks(links);
        Assert.Equal(storeFirst.Resolve(Card("C-1")), storeFirst.Resolve(Web("M-1")));
        Assert.Same(links[2], storeFirst.AuditLog.Single().Link);
    }

    [Fact]
    public void Within_one_priority_class_a_batch_applies_earlier_links_first()
    {
        var late = Link(Line(1), Card("C-1"), minute: 9);
        var early = Link(Line(2), Card("C-1"), minute: 1);
        var graph = Graph();
        graph.AddLinks([late, early]);
        Assert.Equal(graph.Resolve(Card("C-1")), graph.Resolve(Line(2)));
        Assert.Same(late, graph.AuditLog.Single().Link);
    }

    [Fact]
    public void Refusals_are_raised_as_events_after_they_are_in_the_audit_log()
    {
        var graph = Graph();
        var seen = new List<(IdentityRefusal Refusal, int AuditCount)>();
        graph.LinkRefused += (_, refusal) => seen.Add((refusal, graph.AuditLog.Count));
        graph.Link(Link(Line(1), Line(2)));
        var (refusal, count) = Assert.Single(seen);
        Assert.Same(graph.AuditLog[0], refusal);
        Assert.Equal(1, count);
        graph.ClearAuditLog();
        Assert.Empty(graph.AuditLog);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void Limits_out_of_range_are_rejected_with_the_type_named(int max)
    {
        var rules = IdentityRules.None with
        {
            Types = new Dictionary<IdentifierType, IdentifierTypeRule> { [IdentifierType.StoreCard] = new() { MaxPerPerson = max } },
        };
        var error = Assert.Throws<ArgumentException>(() => new IdentityGraph(rules));
        Assert.Contains("Types[store].MaxPerPerson", error.Message, StringComparison.Ordinal);
        Assert.Contains($"is {max}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_rules_are_rejected_with_what_is_wrong()
    {
        var badPattern = IdentityRules.None with { OtherTypes = new() { BlockedPatterns = ["(unclosed"] } };
        var tinyHub = IdentityRules.None with { MaxPersonSize = 1 };
        var limitedOthers = IdentityRules.None with { OtherTypes = new() { MaxPerPerson = 2 } };
        var twice = IdentityRules.None with { Priority = [IdentifierType.LineUser, IdentifierType.LineUser] };

        Assert.Contains("(unclosed", Assert.Throws<ArgumentException>(() => new IdentityGraph(badPattern)).Message, StringComparison.Ordinal);
        Assert.Contains("MaxPersonSize is 1", Assert.Throws<ArgumentException>(() => new IdentityGraph(tinyHub)).Message, StringComparison.Ordinal);
        Assert.Contains("OtherTypes.MaxPerPerson", Assert.Throws<ArgumentException>(limitedOthers.Validate).Message, StringComparison.Ordinal);
        Assert.Contains("lists 'line' twice", Assert.Throws<ArgumentException>(twice.Validate).Message, StringComparison.Ordinal);
    }
}
