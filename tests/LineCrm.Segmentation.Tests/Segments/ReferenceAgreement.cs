using LineCrm.Segmentation.Expressions;
using LineCrm.Segmentation.Members;
using LineCrm.Segmentation.Segments;

namespace LineCrm.Segmentation.Tests.Segments;

/// <summary>What one person's evaluation gave: in, out, or a CEL error.</summary>
internal enum Outcome
{
    Excluded,
    Included,
    Error,
}

/// <summary>
/// The check the agreement properties share: for every person of a table, a compiled segment's answer for the whole
/// table and for the one person equals the CEL engine's reference interpreter over <see cref="MemberActivation"/>.
/// </summary>
internal static class ReferenceAgreement
{
    public static void AssertAgrees(Segment segment, CelEnvironment environment, MemberTable table, DateTimeOffset now)
    {
        var result = segment.Evaluate(table, now);
        foreach (var person in table.Persons)
        {
            var row = table.RowOf(person);
            var expected = Run(() => (bool)environment.Evaluate(segment.Checked, new MemberActivation(table, row, now)));
            var one = Run(() => segment.Includes(table, person, now));
            var all = OutcomeOf(result, person);
            Assert.True(expected == one, $"{person}: interpreter {expected}, compiled for one {one}: {segment}");
            Assert.True(expected == all, $"{person}: interpreter {expected}, compiled for all {all}: {segment}");
        }
    }

    public static Outcome OutcomeOf(SegmentResult result, LineCrm.Identity.PersonId person) =>
        result.Failed.Contains(person) ? Outcome.Error : result.Members.Contains(person) ? Outcome.Included : Outcome.Excluded;

    public static Outcome Run(Func<bool> evaluate)
    {
        try
        {
            return evaluate() ? Outcome.Included : Outcome.Excluded;
        }
        catch (CelEvaluationException)
        {
            return Outcome.Error;
        }
    }
}
