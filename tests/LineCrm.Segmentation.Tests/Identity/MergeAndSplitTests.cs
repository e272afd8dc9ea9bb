using LineCrm.Identity;
using LineCrm.Segmentation.Identity;
using static LineCrm.Segmentation.Tests.Identity.Ids;

namespace LineCrm.Segmentation.Tests.Identity;

public sealed class MergeAndSplitTests
{
    [Fact]
    public void Joining_a_new_identifier_keeps_the_person_and_reports_no_merge()
    {
        var graph = new IdentityGraph();
        var merges = new List<PersonMerge>();
        graph.PersonsMerged += (_, merge) => merges.Add(merge);

        var first = graph.Link(Link(Line(1), Web("M-1")));
        var second = graph.Link(Link(Web("M-1"), Card("C-1")));

        Assert.Equal(new LinkResult(LinkOutcome.Joined, new PersonId(1), default, null), first);
        Assert.Equal(new LinkResult(LinkOutcome.Joined, new PersonId(1), default, null), second);
        Assert.Empty(merges);
        Assert.Equal([Line(1), Web("M-1"), Card("C-1")], graph.GetIdentifiers(new PersonId(1)));
    }

    [Fact]
    public void When_two_persons_merge_the_older_survives_even_if_it_is_smaller()
    {
        var graph = new IdentityGraph();
        var merges = new List<PersonMerge>();
        graph.PersonsMerged += (_, merge) => merges.Add(merge);
        Assert.True(graph.TryAddIdentifier(Card("C-9"), out var older));
        graph.Link(Link(Line(1), Web("M-1")));
        graph.Link(Link(Web("M-1"), Card("C-1")));
        var younger = graph.Resolve(Line(1));

        var link = Link(Web("M-1"), Card("C-9"), minute: 5);
        var result = graph.Link(link);

        Assert.Equal(new PersonId(1), older);
        Assert.Equal(new PersonId(2), younger);
        Assert.Equal(new LinkResult(LinkOutcome.Merged, older, younger, null), result);
        Assert.Equal([new PersonMerge(younger, older, link)], merges);
        Assert.False(graph.Exists(younger));
        Assert.Equal(1, graph.PersonCount);
        Assert.All([Line(1), Web("M-1"), Card("C-1"), Card("C-9")], id => Assert.Equal(older, graph.Resolve(id)));
        Assert.Throws<KeyNotFoundException>(() => graph.GetIdentifiers(younger));
    }

    [Fact]
    public void A_batch_reports_each_merge_in_order_so_followers_can_replay_them()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        foreach (var n in new[] { 1, 2, 3 })
        {
            graph.TryAddIdentifier(Plain(n), out _);
        }

        var merges = new List<PersonMerge>();
        graph.PersonsMerged += (_, merge) => merges.Add(merge);
        var totals = graph.AddLinks([Link(Plain(3), Plain(2), minute: 1), Link(Plain(2), Plain(1), minute: 2), Link(Plain(1), Plain(3), minute: 3)]);

        Assert.Equal(new LinkBatchResult(Joined: 0, Merged: 2, AlreadyJoined: 1, Refused: 0), totals);
        Assert.Equal([(new PersonId(3), new PersonId(2)), (new PersonId(2), new PersonId(1))], merges.Select(m => (m.Absorbed, m.Surviving)));

        // A follower that moves facts along each reported merge ends with everything on the surviving person.
        var facts = new Dictionary<PersonId, int> { [new PersonId(1)] = 1, [new PersonId(2)] = 10, [new PersonId(3)] = 100 };
        foreach (var merge in merges)
        {
            facts[merge.Surviving] += facts[merge.Absorbed];
            facts.Remove(merge.Absorbed);
        }

        Assert.Equal(111, facts[graph.Resolve(Plain(3))]);
        Assert.Single(facts);
    }

    [Fact]
    public void Linking_two_identifiers_of_one_person_again_is_recorded_once()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Line(1), Web("M-1"), minute: 5));
        var again = graph.Link(Link(Web("M-1"), Line(1), minute: 9));
        Assert.Equal(LinkOutcome.AlreadyJoined, again.Outcome);
        Assert.Equal(new PersonId(1), again.Person);
        Assert.Equal(1, graph.LinkCount);
    }

    [Fact]
    public void Unlinking_a_bridge_splits_the_person_and_the_part_with_the_oldest_identifier_keeps_the_id()
    {
        // L1 - M1 - C1 - C2, added in that order; cutting M1 - C1 leaves {L1, M1} and {C1, C2}.
        var graph = new IdentityGraph();
        graph.Link(Link(Line(1), Web("M-1")));
        graph.Link(Link(Web("M-1"), Card("C-1")));
        graph.Link(Link(Card("C-1"), Card("C-2")));
        var splits = new List<PersonSplit>();
        graph.PersonsSplit += (_, split) => splits.Add(split);

        var split = graph.Unlink(Card("C-1"), Web("M-1"));

        Assert.NotNull(split);
        Assert.Equal(new PersonId(1), split.Original);
        Assert.Equal([new PersonId(1), new PersonId(2)], split.Persons);
        Assert.True(split.Changed);
        Assert.Same(split, Assert.Single(splits));
        Assert.Equal([Line(1), Web("M-1")], graph.GetIdentifiers(new PersonId(1)));
        Assert.Equal([Card("C-1"), Card("C-2")], graph.GetIdentifiers(new PersonId(2)));
        Assert.Equal(2, graph.LinkCount);
    }

    [Fact]
    public void The_oldest_identifier_decides_which_part_keeps_the_id_not_the_size()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        graph.Link(Link(Plain(0), Plain(1)));
        graph.Link(Link(Plain(1), Plain(2)));
        graph.Link(Link(Plain(2), Plain(3)));
        graph.Link(Link(Plain(3), Plain(4)));

        var split = graph.Unlink(Plain(0), Plain(1));

        Assert.Equal([new PersonId(1), new PersonId(2)], split!.Persons);
        Assert.Equal(new PersonId(1), graph.Resolve(Plain(0)));
        Assert.Equal(new PersonId(2), graph.Resolve(Plain(4)));
    }

    [Fact]
    public void Unlinking_a_link_on_a_cycle_keeps_the_person_whole_and_raises_nothing()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        graph.AddLinks([Link(Plain(1), Plain(2)), Link(Plain(2), Plain(3)), Link(Plain(3), Plain(1))]);
        var raised = false;
        graph.PersonsSplit += (_, _) => raised = true;

        var split = graph.Unlink(Plain(1), Plain(2));

        Assert.NotNull(split);
        Assert.Equal(new PersonId(1), split.Original);
        Assert.Equal([new PersonId(1)], split.Persons);
        Assert.False(split.Changed);
        Assert.False(raised);
        Assert.Equal(new PersonId(1), graph.Resolve(Plain(2)));
        Assert.Equal(2, graph.LinkCount);
    }

    [Fact]
    public void Unlinking_identifiers_that_are_not_directly_linked_changes_nothing()
    {
        var graph = new IdentityGraph(IdentityRules.None);
        graph.AddLinks([Link(Plain(1), Plain(2)), Link(Plain(2), Plain(3))]);
        Assert.Null(graph.Unlink(Plain(1), Plain(3)));
        Assert.Null(graph.Unlink(Plain(1), Plain(99)));
        Assert.Equal(2, graph.LinkCount);
        Assert.Equal(1, graph.PersonCount);
    }

    [Fact]
    public void Removing_the_middle_identifier_splits_the_rest_and_person_ids_are_never_reused()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Line(1), Web("M-1")));
        graph.Link(Link(Web("M-1"), Card("C-1")));

        var split = graph.RemoveIdentifier(Web("M-1"));

        Assert.Equal([new PersonId(1), new PersonId(2)], split!.Persons);
        Assert.False(graph.Contains(Web("M-1")));
        Assert.Equal(0, graph.LinkCount);
        Assert.Equal(2, graph.IdentifierCount);
        Assert.Equal([Card("C-1")], graph.GetIdentifiers(new PersonId(2)));

        var gone = graph.RemoveIdentifier(Card("C-1"));
        Assert.NotNull(gone);
        Assert.Equal(new PersonId(2), gone.Original);
        Assert.Empty(gone.Persons);
        Assert.True(gone.Changed);
        Assert.False(graph.Exists(new PersonId(2)));
        Assert.Null(graph.RemoveIdentifier(Card("C-1")));

        graph.TryAddIdentifier(Card("C-1"), out var again);
        Assert.Equal(new PersonId(3), again);
    }

    [Fact]
    public void A_persons_LINE_user_id_and_identifiers_by_type_are_listed_oldest_first()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Card("C-2"), Web("M-1")));
        graph.Link(Link(Web("M-1"), Line(1)));
        graph.Link(Link(Web("M-1"), Card("C-1")));
        var person = graph.Resolve(Card("C-1"));

        Assert.Equal(Line(1), graph.GetLineUserId(person));
        Assert.Equal([Card("C-2"), Card("C-1")], graph.GetIdentifiers(person, IdentifierType.StoreCard));
        Assert.Empty(graph.GetIdentifiers(person, IdentifierType.FromName("never_seen")));
        graph.TryAddIdentifier(Card("C-7"), out var alone);
        Assert.Null(graph.GetLineUserId(alone));
        Assert.Equal([person, alone], graph.GetPersons());
    }

    [Fact]
    public void ResolveOrAdd_finds_known_identifiers_adds_new_ones_and_refuses_blocked_ones()
    {
        var graph = new IdentityGraph();
        graph.Link(Link(Line(1), Card("C-1")));

        Assert.Equal(new PersonId(1), graph.ResolveOrAdd(Card("C-1")));
        Assert.Equal(new PersonId(2), graph.ResolveOrAdd(Card("C-2")));
        Assert.Equal(new PersonId(2), graph.ResolveOrAdd(Card("C-2")));
        var error = Assert.Throws<ArgumentException>(() => graph.ResolveOrAdd(Card("unknown")));
        Assert.Contains("blocked", error.Message, StringComparison.Ordinal);
        Assert.Equal(IdentityRuleKind.BlockedValue, graph.AuditLog.Single().Rule);
        Assert.Equal(3, graph.IdentifierCount);
    }
}
