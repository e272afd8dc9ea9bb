using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LineCrm.Identity;
using LineCrm.Segmentation.Identity;

namespace LineCrm.Segmentation.Tests.Identity;

/// <summary>
/// <see cref="IdentityGraph.ResolveMany"/> looks identifiers up a block at a time (hashing and touching a block's
/// table slots before any lookup); whatever the batch holds, it must answer what <see cref="IdentityGraph.TryResolve"/>
/// answers for each identifier alone.
/// </summary>
public sealed class ResolveManyTests
{
    [Property(MaxTest = 200)]
    public Property Many_at_once_answer_what_one_at_a_time_answers() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Two(Gen.Choose(0, 40))).ToArbitrary(),
            Gen.ArrayOf(Gen.Choose(0, 80)).ToArbitrary(),
            (pairs, probes) =>
            {
                var graph = new IdentityGraph(IdentityRules.None);
                graph.AddLinks(pairs.Where(p => p.Item1 != p.Item2).Select(p => Ids.Link(Ids.Mixed(p.Item1), Ids.Mixed(p.Item2))));
                var identifiers = probes.Select(n => n % 3 == 0 ? new Identifier(Ids.X, $"x{n}") : Ids.Mixed(n)).ToArray();

                var persons = new PersonId[identifiers.Length];
                var found = graph.ResolveMany(identifiers, persons);

                var expected = identifiers.Select(id => graph.TryResolve(id, out var person) ? person : default).ToArray();
                return persons.SequenceEqual(expected) && found == expected.Count(p => p != default);
            });

    [Fact]
    public void A_large_batch_answers_what_one_at_a_time_answers()
    {
        // 300,000 identifiers: enough for ResolveMany to split the batch across cores where there are several.
        var graph = new IdentityGraph(IdentityRules.Default);
        graph.AddLinks(Enumerable.Range(0, 120_000).Select(n => Ids.Link(Ids.Line(n), Ids.Card($"C-{n / 3}"))));
        var identifiers = Enumerable.Range(0, 300_000).Select(n => n % 2 == 0 ? Ids.Line(n) : Ids.Card($"C-{n}")).ToArray();

        // Room for more results than identifiers: what lies past the batch must stay as it was.
        var untouched = new PersonId(7_777_777);
        var persons = Enumerable.Repeat(untouched, identifiers.Length + 3).ToArray();
        var found = graph.ResolveMany(identifiers, persons);

        var expected = identifiers.Select(id => graph.TryResolve(id, out var person) ? person : default).ToArray();
        Assert.Equal(expected, persons[..identifiers.Length]);
        Assert.All(persons[identifiers.Length..], person => Assert.Equal(untouched, person));
        Assert.Equal(expected.Count(p => p != default), found);
        Assert.InRange(found, 1, identifiers.Length - 1);
    }

    [Fact]
    public void A_default_identifier_is_named_by_position_and_nothing_is_written()
    {
        var graph = new IdentityGraph();
        graph.AddIdentifiers([Ids.Line(1)]);
        var persons = new PersonId[3];

        var error = Assert.Throws<ArgumentException>(() => graph.ResolveMany([Ids.Line(1), Ids.Line(2), default], persons));

        Assert.Equal("identifiers[2]", error.ParamName);
        Assert.All(persons, p => Assert.Equal(default, p));
    }

    [Fact]
    public void Too_little_room_for_the_results_is_refused()
    {
        var graph = new IdentityGraph();

        var error = Assert.Throws<ArgumentException>(() => graph.ResolveMany([Ids.Line(1), Ids.Line(2)], new PersonId[1]));

        Assert.Equal("persons", error.ParamName);
        Assert.Contains("room for 1", error.Message, StringComparison.Ordinal);
    }
}
